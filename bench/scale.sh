#!/usr/bin/env bash
# scale.sh measures errcat's tools on synthetic catalogs of growing size (5
# translations each, JSON) and prints one Markdown table: wall time, processor time
# and peak RSS of validate, lint, gen go/ts/openapi and docs build; the live heap of
# the loaded catalog; the site's files and bytes; the time serve takes to answer its
# first request, then its first page; search p50 through the API; serve's peak RSS
# after those requests.
#
#	bash bench/scale.sh                 # 1,000 and 10,000 codes
#	bash bench/scale.sh --50k           # and 50,000
#	bash bench/scale.sh 1000 10000      # the sizes given
#	ONLY="validate docs serve" bash bench/scale.sh --50k
#
# WORK (default: a new directory under TMPDIR) holds the catalogs and outputs; a
# catalog already in WORK/cN is used again. SITE (default: WORK) is where the sites
# are written, so that a tmpfs can take them apart from the disk (SITE=/dev/shm).
# ONLY lists the columns to measure, of validate, lint, gengo, gents, genopenapi,
# load, docs, serve and browser (default: all); the others show "-". The load average
# is printed before and after: wall times on a busy machine are several times a
# quiet one's, so every cell gives processor time beside wall time.
set -euo pipefail

sizes=()
big=false
for a in "$@"; do
	case $a in
	--50k) big=true ;;
	*) sizes+=("$a") ;;
	esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
if $big; then sizes+=(50000); fi
only=" ${ONLY:-validate lint gengo gents genopenapi load docs serve browser} "
want() { [[ $only == *" $1 "* ]]; }
root=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/errcat-scale.XXXXXX")}
site=${SITE:-$work}
mkdir -p "$work" "$site"
bin=$work/errcat
(cd "$root" && go build -o "$bin" ./cmd/errcat)
command -v /usr/bin/time >/dev/null || { echo "scale.sh needs GNU time (apt-get install time)" >&2; exit 2; }
command -v curl >/dev/null || { echo "scale.sh needs curl" >&2; exit 2; }

# timed NAME CMD...: runs CMD, keeps "seconds KiB user system" in $work/NAME.time;
# only when ONLY wants the column NAME (before its "-").
timed() {
	local name=$1
	shift
	if ! want "${name%-*}"; then
		echo "- - - - skip" >"$work/$name.time"
		return
	fi
	local rc=0
	/usr/bin/time -f "%e %M %U %S" -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || rc=$?
	if [ "$rc" -gt 1 ]; then # 1 is findings (lint), not a failure
		echo "$name failed:" >&2
		tail -5 "$work/$name.err" >&2
		echo "- - - -" >"$work/$name.time"
	fi
}
# cell NAME: "1.2 s (cpu 2.0 s), 345 MiB" from $work/NAME.time: wall time, processor
# time (user and system: on a loaded machine, the steadier figure), peak RSS.
cell() {
	tail -1 "$work/$1.time" | awk '{ if ($5 == "skip") print "-"; else if ($1 == "-") print "failed"; else printf "%.2f s (cpu %.1f s), %d MiB", $1, $3 + $4, $2 / 1024 }'
}
now() { date +%s.%N; }

# serve_figures N DIR: start-up to first answer, to first page, search p50, peak RSS.
serve_figures() {
	local n=$1 dir=$2 port=$((18000 + RANDOM % 1000)) start pid first page p50 rss
	start=$(now)
	"$bin" serve "$dir" --addr "127.0.0.1:$port" 2>"$work/serve-$n.log" &
	pid=$!
	until curl -s -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.02; done
	first=$(awk -v a="$(now)" -v b="$start" 'BEGIN { print a - b }')
	until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/errors/E000001/")" = 200 ]; do sleep 0.05; done
	page=$(awk -v a="$(now)" -v b="$start" 'BEGIN { print a - b }')
	curl -s -o /dev/null "http://127.0.0.1:$port/api/errors?q=warm"
	for q in E0012 thing%2012 failed 404 category3 cause%20two%2017 retry%20999 nothing-at-all thnig; do
		for _ in 1 2 3 4 5; do
			curl -s -o /dev/null -w '%{time_total}\n' "http://127.0.0.1:$port/api/errors?q=$q&limit=20"
		done
	done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", a[int((NR + 1) / 2)] * 1000 }' >"$work/p50"
	p50=$(cat "$work/p50")
	for i in 1 2 3 4 5 6 7 8 9; do curl -s -o /dev/null "http://127.0.0.1:$port/de/errors/E00000$i/"; done
	rss=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$pid/status")
	kill "$pid"
	wait "$pid" 2>/dev/null || true
	printf '%.2f s / %.2f s | %s ms | %s MiB' "$first" "$page" "$p50" "$rss"
}

# load_heap DIR: the live heap of the catalog in DIR once loaded, and per byte on disk.
load_heap() {
	want load || { echo "-"; return; }
	(cd "$root" && ERRCAT_BENCH_CATALOG=$1 go test -count=1 -run '^$' -bench LoadDir -benchtime 1x ./catalog) |
		awk '/^BenchmarkLoadDir/ { for (i = 1; i < NF; i++) { if ($(i+1) == "live-MiB") m = $i; if ($(i+1) == "live-B/B") b = $i } }
			END { if (m == "") print "failed"; else printf "%d MiB (%.2f B/B)", m, b }'
}

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| codes | validate | lint | gen go | gen ts | gen openapi | catalog load: live heap | docs build | site: files, MiB, bytes per code page | serve: first answer / first page | search p50 (API, curl) | serve peak RSS |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
	dir=$work/c$n
	[ -d "$dir/big" ] || (cd "$root" && go run ./internal/tools/synthetic -o "$dir" -codes "$n" -locales 5 >/dev/null)
	cat=$dir/big
	timed "validate-$n" "$bin" validate "$cat"
	timed "lint-$n" "$bin" lint "$cat"
	timed "gengo-$n" "$bin" gen go "$cat" -o "$work/gen-$n.go" --package big
	timed "gents-$n" "$bin" gen ts "$cat" -o "$work/gen-$n.ts"
	timed "genopenapi-$n" "$bin" gen openapi "$cat" -o "$work/gen-$n.yaml"
	heap=$(load_heap "$cat")
	rm -rf "$site/site-$n"
	timed "docs-$n" "$bin" docs build "$cat" -o "$site/site-$n"
	sitecell="-"
	if [ -f "$site/site-$n/vi/errors/E000001/index.html" ]; then
		sitecell="$(find "$site/site-$n" -type f | wc -l), $(du -sm --apparent-size "$site/site-$n" | cut -f1) MiB, $(wc -c <"$site/site-$n/vi/errors/E000001/index.html") B"
	fi
	rm -rf "$site/site-$n"
	servecell="- | - | -"
	if want serve; then servecell=$(serve_figures "$n" "$cat"); fi
	printf '| %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$n" \
		"$(cell "validate-$n")" "$(cell "lint-$n")" "$(cell "gengo-$n")" "$(cell "gents-$n")" \
		"$(cell "genopenapi-$n")" "$heap" "$(cell "docs-$n")" "$sitecell" "$servecell"
done
echo
# Browser search at the largest size: chromedp types into the served portal.
n=${sizes[${#sizes[@]}-1]}
if ! want browser; then
	:
elif (cd "$root" && ERRCAT_BROWSER_CODES=$n go test -count=1 -run TestBrowserSearchLatency -v ./portal >"$work/browser.log" 2>&1); then
	grep -h 'per keystroke\|index files loaded' "$work/browser.log" | sed 's/^ *browser_test.go:[0-9]*: /browser: /'
else
	echo "browser search test failed or could not run:"
	grep -h 'per keystroke\|index files\|must answer\|chromium' "$work/browser.log" | sed 's/^ */  /'
fi
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); work directory: $work"
