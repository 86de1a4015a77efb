#!/bin/sh
# gengo.sh measures the Go code `errcat gen go` writes for synthetic catalogs of 1,000
# and 10,000 codes in 5 locales (and 50,000 with -big): how long `go build` of a program
# that imports it takes and how much memory it needs, how much the binary grows per
# code, and what the package costs at start-up (its init, the first Lookup, the first
# error rendered), each the median of 5 runs: in CPU time measured by perf stat when
# perf is installed (the program's task-clock less that of a program that imports only
# the runtime), and in wall-clock time as the program sees it.
#
#	bench/gengo.sh [-big]
#
# Run it on a quiet machine: the figures are wall-clock times. The Go build cache is
# warmed with the runtime first, so each build compiles the generated package and
# links; -codes-only reruns are not cached because every size is its own package.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
sizes="1000 10000"
if [ "${1:-}" = -big ]; then
	sizes="$sizes 50000"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
export GOFLAGS=-mod=mod
go build -o "$work/errcat" ./cmd/errcat
go build -o "$work/synthetic" ./internal/tools/synthetic

# module writes a module in $1 whose main imports package big (when $2 is "big") or
# only the errcat runtime.
module() {
	mkdir -p "$1"
	printf 'module gengo\n\ngo 1.24\n\nrequire github.com/errcat/errcat v0.0.0\n\nreplace github.com/errcat/errcat => %s\n' "$root" >"$1/go.mod"
	cp "$root/go.sum" "$1/go.sum"
	if [ "$2" = big ]; then
		cat >"$1/main.go" <<'GO'
package main

import (
	"fmt"
	"time"

	"gengo/big"
)

func main() {
	t0 := time.Now()
	d := big.Set.Lookup("E000001")
	t1 := time.Now()
	msg := big.Synthetic1("widget", 42).Message("vi")
	t2 := time.Now()
	if d == nil || msg == "" {
		panic("lookup failed")
	}
	fmt.Printf("%.1f %.1f\n", float64(t1.Sub(t0).Nanoseconds())/1e3, float64(t2.Sub(t1).Nanoseconds())/1e3)
}
GO
	else
		cat >"$1/main.go" <<'GO'
package main

import (
	"fmt"

	"github.com/errcat/errcat"
)

func main() { fmt.Println(errcat.SupportPackageIsVersion2) }
GO
	fi
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# cpu_ms prints the median CPU time of 5 runs of the program $1, in milliseconds, or
# "-" without perf.
cpu_ms() {
	if ! command -v perf >/dev/null 2>&1; then
		echo -
		return
	fi
	for i in 1 2 3 4 5; do
		perf stat -x, -e task-clock "$1" 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}'
	done | median
}

module "$work/base" base
(cd "$work/base" && go build -o base . )
base=$(stat -c %s "$work/base/base")
base_ms=$(cpu_ms "$work/base/base")

printf '%-7s %9s %7s %8s %8s %10s %8s %11s %11s %8s %10s %9s\n' codes catalog gen_s build_s cpu_s build_MiB bin_MB bin_B/code start_cpu_ms init_ms lookup_us error_us
for n in $sizes; do
	"$work/synthetic" -o "$work/cat$n" -codes "$n" -locales 5 >/dev/null
	catalog=$(cat "$work/cat$n"/big/* | wc -c)
	module "$work/m$n" big
	mkdir -p "$work/m$n/big"
	/usr/bin/time -f '%e' -o "$work/gen.time" "$work/errcat" gen go "$work/cat$n/big" -o "$work/m$n/big/errors.go" --package big
	/usr/bin/time -v -o "$work/build.time" sh -c "cd '$work/m$n' && go build -o bin ."
	build_s=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2, t, ":"); s=0; for (i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/build.time")
	cpu_s=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.1f", s}' "$work/build.time")
	build_mib=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/build.time")
	size=$(stat -c %s "$work/m$n/bin")
	for i in 1 2 3 4 5; do
		GODEBUG=inittrace=1 "$work/m$n/bin" 2>"$work/init$i" >"$work/run$i"
	done
	init_ms=$(for i in 1 2 3 4 5; do awk '$2 == "gengo/big" {print $5}' "$work/init$i"; done | median)
	lookup=$(for i in 1 2 3 4 5; do cut -d' ' -f1 "$work/run$i"; done | median)
	first=$(for i in 1 2 3 4 5; do cut -d' ' -f2 "$work/run$i"; done | median)
	start_ms=$(cpu_ms "$work/m$n/bin")
	if [ "$start_ms" != - ]; then
		start_ms=$(echo "$start_ms $base_ms" | awk '{printf "%.2f", $1-$2}')
	fi
	printf '%-7s %8.1fM %7s %8s %8s %10s %8.1f %11d %11s %8s %10s %9s\n' "$n" "$(echo "$catalog" | awk '{print $1/1e6}')" \
		"$(cat "$work/gen.time")" "$build_s" "$cpu_s" "$build_mib" "$(echo "$size" | awk '{print $1/1e6}')" \
		$(( (size - base) / n )) "$start_ms" "$init_ms" "$lookup" "$first"
done
echo "build_s, cpu_s: wall-clock and CPU seconds of go build (generated package and link); build_MiB: its peak RSS"
echo "catalog: bytes of the JSON catalog and translations; bin_B/code: binary growth per code over a program that imports only the runtime"
echo "start_cpu_ms: CPU time of start-up to the first error rendered (perf task-clock, less a program importing only the runtime); init_ms: wall-clock time of the package's init (GODEBUG=inittrace); lookup_us, error_us: wall-clock time of the first Set.Lookup and the first error rendered after it"
