#!/usr/bin/env bash
# Runs every test of errcat: formatting, vet, staticcheck, that every generated file
# is current, the race-enabled test suite, every benchmark once (so they keep
# compiling and running), and each fuzz target for a short time. It installs what the
# tests need first: Go modules, and from npm TypeScript's compiler and the SARIF 2.1.0
# schema, and from Debian chromium for the docs portal's browser tests and curl for
# the README's commands.
# Usage: bash scripts/test.sh        (FUZZTIME=30s bash scripts/test.sh to fuzz longer)
#
# Every fuzz target's seeds and its committed regression inputs (testdata/fuzz/) run
# in every run, as part of go test. Exploring new inputs is not repeatable, so CI
# (CI=true) does not do it by default: a gate that fails on what a random search
# happened to find this time is a flaky gate. Locally each target explores for
# FUZZTIME (10s); CI explores only when FUZZTIME is set. Whatever a run finds is
# written to testdata/fuzz/ and becomes a regression input once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CI:-}" = "true" ]; then fuzztime=${FUZZTIME:-0}; else fuzztime=${FUZZTIME:-10s}; fi

step() { printf '\n== %s\n' "$*"; }

# Logs of the steps that print only on failure, in a folder of this run's own.
logs=$(mktemp -d "${TMPDIR:-/tmp}/errcat-test.XXXXXX")
trap 'rm -rf "$logs"' EXIT

# apt_install PACKAGE... installs Debian packages that are missing, as root or through
# sudo. The environment is passed through env(1), since an assignment prefix cannot
# come from a variable expansion: were the sudo word empty, the assignment would run
# as a command.
apt_updated=""
apt_install() {
  local as=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "installing $* needs root or sudo (apt-get install $*)" >&2; exit 1; }
    as=(sudo)
  fi
  if [ -z "$apt_updated" ]; then
    "${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  "${as[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

step "download modules"
go mod download

# TypeScript's compiler, for the tests of generated TypeScript: installed from npm into
# a cache outside the repository, once.
step "typescript"
tools=${ERRCAT_TOOLS:-$HOME/.cache/errcat-tools}
if [ ! -x "$tools/typescript/node_modules/.bin/tsc" ]; then
  command -v npm >/dev/null || apt_install nodejs npm
  npm install --prefix "$tools/typescript" typescript@5.9.3 --no-audit --no-fund --silent
fi
export ERRCAT_TSC="$tools/typescript/node_modules/.bin/tsc"
"$ERRCAT_TSC" --version

# The CLDR data internal/cldr's formats and internal/plural's rules are generated
# from, for the step that checks every generated file is current: the JSON packages of
# the CLDR version the tables state (one for both: a test holds it), from npm into the
# same cache, once.
step "cldr data"
cldr_version=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' internal/cldr/tables.go)
if [ ! -f "$tools/cldr-$cldr_version/node_modules/cldr-core/package.json" ]; then
  npm install --prefix "$tools/cldr-$cldr_version" --no-audit --no-fund --silent \
    "cldr-core@$cldr_version" "cldr-numbers-full@$cldr_version" "cldr-dates-full@$cldr_version" \
    "cldr-units-full@$cldr_version" "cldr-misc-full@$cldr_version"
fi
export ERRCAT_CLDR="$tools/cldr-$cldr_version/node_modules"

# The SARIF 2.1.0 schema, which @microsoft/jest-sarif ships, for the test that lint's
# SARIF output validates.
step "sarif schema"
if [ ! -f "$tools/sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json" ]; then
  npm install --prefix "$tools/sarif" @microsoft/jest-sarif@1.0.0-beta.0 --no-audit --no-fund --silent --ignore-scripts
fi
export ERRCAT_SARIF_SCHEMA="$tools/sarif/node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"
ls "$ERRCAT_SARIF_SCHEMA"

# Third-party OpenAPI tools, for the tests that the generated documents are read alike
# by YAML 1.1 and 1.2 parsers, type-check through openapi-typescript, and pass Spectral
# and Redocly.
step "openapi tools"
[ -f "$tools/yaml/node_modules/yaml/package.json" ] ||
  npm install --prefix "$tools/yaml" yaml@2.9.1 --no-audit --no-fund --silent
[ -x "$tools/openapi-typescript/node_modules/.bin/openapi-typescript" ] ||
  npm install --prefix "$tools/openapi-typescript" openapi-typescript@7.13.0 typescript@5.9.3 --no-audit --no-fund --silent
[ -x "$tools/spectral/node_modules/.bin/spectral" ] ||
  npm install --prefix "$tools/spectral" @stoplight/spectral-cli@6.16.3 --no-audit --no-fund --silent
[ -x "$tools/redocly/node_modules/.bin/redocly" ] ||
  npm install --prefix "$tools/redocly" @redocly/cli@2.77.0 --no-audit --no-fund --silent
export ERRCAT_NODE_YAML="$tools/yaml/node_modules/yaml"
export ERRCAT_OPENAPI_TS="$tools/openapi-typescript/node_modules/.bin/openapi-typescript"
export ERRCAT_SPECTRAL="$tools/spectral/node_modules/.bin/spectral"
export ERRCAT_REDOCLY="$tools/redocly/node_modules/.bin/redocly"
export REDOCLY_TELEMETRY=off

# gettext's msgfmt and libxml2's xmllint, for the tests that exported PO files pass
# msgfmt --check and XLIFF files validate against the XLIFF 2.0 schema.
step "gettext, xmllint"
command -v msgfmt >/dev/null || apt_install gettext
command -v xmllint >/dev/null || apt_install libxml2-utils
msgfmt --version | sed -n 1p
xmllint --version 2>&1 | sed -n 1p

# Debian's Chromium, for the browser tests of the docs portal (chromedp drives it).
step "chromium"
command -v chromium >/dev/null || apt_install chromium
export ERRCAT_CHROMIUM=$(command -v chromium)
"$ERRCAT_CHROMIUM" --version
export ERRCAT_SCREENSHOTS="$PWD/screenshots"

# curl, for the README's commands, which a test runs as written.
step "curl"
command -v curl >/dev/null || apt_install curl
curl --version | sed -n 1p

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "not gofmt'ed:"; echo "$unformatted"; exit 1
fi

step "go vet, go mod tidy -diff"
go vet ./...
go mod tidy -diff

# staticcheck at a pinned version, built by the go command from the module proxy (the
# first run downloads it into the module cache; later runs reuse the build cache).
step "staticcheck"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

# Every generated file in the repository is current: go generate changes nothing.
# The state of the work tree is compared before and after, so that the step also
# holds in a work tree with edits of its own; in a clean checkout it is
# "go generate ./... && git diff --exit-code".
step "generated files are current"
git rev-parse --is-inside-work-tree >/dev/null || { echo "this step compares git's view of the tree: run from a git checkout" >&2; exit 1; }
tree_state() { git status --porcelain=v1 --untracked-files=all; git diff --no-ext-diff | cksum; }
before=$(tree_state)
go generate ./...
if [ "$(tree_state)" != "$before" ]; then
  echo "go generate ./... changed files; commit what it writes:"
  git status --short
  git diff --no-ext-diff --stat
  exit 1
fi

step "go test -race"
# The browser tests run in a step of their own, below, so that their timings are
# not taken while every other package's tests share the machine.
ERRCAT_BROWSER_STEP=1 go test -race -count=1 ./...

# The adapters (gRPC, Connect, OpenTelemetry, web frameworks) are modules of their own,
# so that errcat's module never downloads what they need; each is checked as the root is.
for m in $(git ls-files '*/go.mod' | xargs -n1 dirname | grep -v '^bench$' | sort); do
  step "module $m: gofmt, vet, go mod tidy -diff, go test -race"
  (
    cd "$m"
    unformatted=$(gofmt -l .)
    [ -z "$unformatted" ] || { echo "not gofmt'ed:"; echo "$unformatted"; exit 1; }
    GOWORK=off go vet ./...
    GOWORK=off go mod tidy -diff
    GOWORK=off go test -race -count=1 ./...
  )
done

step "browser tests (screenshots in $ERRCAT_SCREENSHOTS)"
go test -count=1 -run Browser -v ./portal > "$logs/browser.log" 2>&1 || { cat "$logs/browser.log"; exit 1; }
grep -E '^(--- |ok)|screenshot|keystroke' "$logs/browser.log"

step "benchmarks, once each"
go test -run '^$' -bench . -benchtime 1x ./... > "$logs/bench.log" 2>&1 || { grep -v '^Benchmark' "$logs/bench.log"; exit 1; }
# The peer comparison is a module of its own (bench/), so that errcat's module does not
# depend on the peers; it is vetted and run once here, measured by bench/README.md.
(cd bench && go vet ./... && { go test -bench . -benchtime 1x . > "$logs/bench.log" 2>&1 || { grep -v '^Benchmark' "$logs/bench.log"; exit 1; }; })

if [ "$fuzztime" = "0" ]; then
  step "fuzz: corpora ran with go test above; no exploration in CI (FUZZTIME unset)"
  exit 0
fi
step "fuzz ($fuzztime each)"
# One target a run: go test -fuzz takes a single target. Minimization is bounded so a
# short run spends its time fuzzing (golang/go#51484).
# Targets of the root module only: the adapter modules' run with their own go test.
grep -rHoE --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+' . | sed -E 's|^(.*)/[^/]*_test\.go:func |\1 |' | sort -u |
while read -r pkg target; do
  [ -z "$(cd "$pkg" && go list -m 2>/dev/null | grep -vx github.com/errcat/errcat)" ] || continue
  echo "$target in $pkg"
  if go test -run '^$' -fuzz "^$target\$" -fuzztime "$fuzztime" -fuzzminimizetime 2s "$pkg" > "$logs/fuzz.log" 2>&1; then
    tail -1 "$logs/fuzz.log"
  elif ! grep -q 'Failing input written' "$logs/fuzz.log" && grep -q '^    context deadline exceeded$' "$logs/fuzz.log"; then
    # Go 1.26's fuzz coordinator can report its own -fuzztime deadline as a failure,
    # with no failing input (golang/go#75804, fixed in Go 1.27): not a finding.
    echo "ok: the run ended on Go's fuzztime deadline race (golang/go#75804); no failing input"
  else
    cat "$logs/fuzz.log"
    exit 1
  fi
done
