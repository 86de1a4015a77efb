#!/usr/bin/env bash
# Counts the instructions one op of internal/icu's rendering benchmarks executes, with
# valgrind's callgrind, and prints each against BenchmarkPlain (a message with two
# plain placeholders): the figure the machine's noise does not move.
# Usage: bash plural.sh [BENCHMARK...]   (default: Plain Plural PluralRussian
#        PluralDecimal SelectOrdinal)
# Needs valgrind (apt-get install valgrind). GC and async preemption are off; the count
# is the difference of runs of 300,000 and 100,000 ops, so start-up is not counted.
set -euo pipefail
cd "$(dirname "$0")/../internal/icu"
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind"; exit 1; }
bin=$(mktemp -d)/icu.test
go test -c -o "$bin" .
count() {
  GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$bin" -test.run '^$' -test.bench "^Benchmark$1\$" -test.benchtime "$2x" -test.cpu 1 2>&1 |
    awk '/Collected/ {print $4}'
}
per_op() {
  local lo hi
  lo=$(count "$1" 100000); hi=$(count "$1" 300000)
  echo $(( (hi - lo) / 200000 ))
}
plain=$(per_op Plain)
echo "Plain: $plain instructions/op"
for name in ${@:-Plural PluralRussian PluralDecimal SelectOrdinal}; do
  n=$(per_op "$name")
  echo "$name: $n instructions/op ($(awk "BEGIN {printf \"%.2f\", $n / $plain}")x Plain)"
done
rm -rf "$(dirname "$bin")"
