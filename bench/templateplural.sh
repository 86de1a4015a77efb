#!/usr/bin/env bash
# Counts the instructions one op of the runtime's plural benchmarks executes
# (plural_bench_test.go in the module root), with valgrind's callgrind, and prints each
# against BenchmarkAppendMessagePlain: the same sentence from a template with two plain
# placeholders. Instruction counts are what the machine's noise does not move.
# Usage: bash templateplural.sh [BENCHMARK...]   (default: AppendMessagePlainRussian
#        AppendMessagePlainJSON AppendMessagePlural
#        AppendMessageRussian AppendMessagePluralJSON XTextMessagePlural XTextMessageRussian)
# Needs valgrind (apt-get install valgrind). GC and async preemption are off; the count
# is the difference of runs of 300,000 and 100,000 ops, so start-up is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind"; exit 1; }
bin=$(mktemp -d)/errcat.test
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
plain=$(per_op AppendMessagePlain)
echo "AppendMessagePlain: $plain instructions/op"
for name in ${@:-AppendMessagePlainRussian AppendMessagePlainJSON AppendMessagePlural AppendMessageRussian AppendMessagePluralJSON XTextMessagePlural XTextMessageRussian}; do
  n=$(per_op "$name")
  echo "$name: $n instructions/op ($(awk "BEGIN {printf \"%.2f\", $n / $plain}")x Plain)"
done
rm -rf "$(dirname "$bin")"
