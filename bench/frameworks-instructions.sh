#!/usr/bin/env bash
# Counts the instructions one request executes in each web framework's API
# (examples/frameworks, BenchmarkError), with valgrind's callgrind: a measure the
# machine's load does not move, unlike bench/frameworks.sh's times. One row per
# request kind, one column per framework; the ServeMux inside httperr.Handler.Wrap
# is the reference.
# Usage: bash bench/frameworks-instructions.sh      (N=20000 ops a run by default)
# Needs valgrind. GC and async preemption are off; the count is the difference of
# runs of 3N and N ops, so start-up is not counted.
set -euo pipefail
cd "$(dirname "$0")/../examples/frameworks"
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind"; exit 1; }
n=${N:-20000}
bin=$(mktemp -d)/frameworks.test
go test -c -o "$bin" .
count() {
  GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$bin" -test.run '^$' -test.bench "^BenchmarkError\$/^kind=$1\$/^fw=$2\$" -test.benchtime "$3x" -test.cpu 1 2>&1 |
    awk '/Collected/ {print $4}'
}
fws="servemux chi echo gin huma fiber"
printf '%-8s' kind; for fw in $fws; do printf '%10s' "$fw"; done; echo
for kind in ok catalog route badjson; do
  printf '%-8s' "$kind"
  for fw in $fws; do
    lo=$(count "$kind" "$fw" "$n"); hi=$(count "$kind" "$fw" $((3 * n)))
    printf '%10s' $(( (hi - lo) / (2 * n) ))
  done
  echo
done
rm -rf "$(dirname "$bin")"
