#!/usr/bin/env bash
# Counts the instructions one op of a benchmark executes, with valgrind's callgrind:
# a measure the machine's noise does not move, for comparing small changes.
# Usage: bash instructions.sh [BENCHMARK...]     (default: Errcat HandWritten)
#        bash instructions.sh ServerBare ServerWrapped   (the middleware over loopback)
# Needs valgrind (apt-get install valgrind). GC and async preemption are off (callgrind
# does not survive Go's preemption signals); the count is the difference of runs of
# 300,000 and 100,000 ops (6,000 and 2,000 requests for the Server benchmarks), so
# start-up is not counted. Instructions the kernel runs (the loopback network) are not
# counted.
set -euo pipefail
cd "$(dirname "$0")"
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind"; exit 1; }
bin=$(mktemp -d)/bench.test
go test -c -o "$bin" .
count() {
  GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$bin" -test.run '^$' -test.bench "^Benchmark$1\$" -test.benchtime "$2x" -test.cpu 1 2>&1 |
    awk '/Collected/ {print $4}'
}
for b in "${@:-Errcat HandWritten}"; do
  for name in $b; do
    n=100000
    case $name in Server*) n=2000 ;; esac
    lo=$(count "$name" $n); hi=$(count "$name" $((3 * n)))
    echo "$name: $(( (hi - lo) / (2 * n) )) instructions/op"
  done
done
rm -rf "$(dirname "$bin")"
