#!/usr/bin/env bash
# lighthouse.sh measures the docs portal with Lighthouse (npm lighthouse, driving
# Debian's chromium headless) on three pages of errcat serve of the example catalogs:
# the home page, a catalog's index and a code's page. It prints one line per page
# with the performance, accessibility, best-practices and SEO scores (0–100).
#
#	bash bench/lighthouse.sh
#
# Lighthouse is installed from npm into ERRCAT_TOOLS (default ~/.cache/errcat-tools)
# once. Performance is scored with Lighthouse's simulated slow 4G and CPU slowdown,
# so a busy machine lowers it: run it on a quiet one.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools=${ERRCAT_TOOLS:-$HOME/.cache/errcat-tools}
lh=$tools/lighthouse/node_modules/.bin/lighthouse
[ -x "$lh" ] || npm install --prefix "$tools/lighthouse" lighthouse@12.8.2 --no-audit --no-fund --silent
chrome=${ERRCAT_CHROMIUM:-$(command -v chromium)}
work=$(mktemp -d "${TMPDIR:-/tmp}/errcat-lighthouse.XXXXXX")
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$root" && go build -o "$work/errcat" ./cmd/errcat)
port=${PORT:-18931}
"$work/errcat" serve "$root/examples/seeds/..." "$root/examples/petstore/errors" --addr "127.0.0.1:$port" 2>"$work/serve.log" &
pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.1; done
for page in / /catalogs/backend/ /catalogs/common/errors/000012/; do
	CHROME_PATH=$chrome "$lh" "http://127.0.0.1:$port$page" --quiet \
		--chrome-flags="--headless --no-sandbox" \
		--only-categories=performance,accessibility,best-practices,seo \
		--output json --output-path "$work/report.json"
	node -e '
		const r = require(process.argv[1]);
		const c = r.categories, s = k => Math.round(c[k].score * 100);
		const failed = Object.values(r.audits).filter(a => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable").map(a => a.id);
		console.log(process.argv[2].padEnd(34), "performance", s("performance"), "accessibility", s("accessibility"), "best-practices", s("best-practices"), "seo", s("seo"), failed.length ? "below 1: " + failed.join(" ") : "");
	' "$work/report.json" "$page"
done
