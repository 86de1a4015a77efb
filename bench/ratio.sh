#!/usr/bin/env bash
# Counts the instructions one op of each benchmark of a package executes, with
# valgrind's callgrind, and prints each against a base benchmark of the same package:
# the ratio the machine's noise does not move.
# Usage: bash ratio.sh DIR BASE BENCHMARK...   (DIR relative to the repository root)
#   bash ratio.sh . AppendMessagePlain AppendMessagePlural AppendMessageRussian \
#     AppendMessagePluralJSON XTextMessagePlural XTextMessageRussian   # templates, x/text
#   bash ratio.sh internal/icu Plain Plural PluralRussian PluralDecimal SelectOrdinal
# Needs valgrind (apt-get install valgrind). GC and async preemption are off; the count
# is the difference of runs of 300,000 and 100,000 ops, so start-up is not counted.
set -euo pipefail
[ $# -ge 3 ] || { sed -n 5,8p "$0"; exit 2; }
dir=$1 base=$2
shift 2
cd "$(dirname "$0")/../$dir"
command -v valgrind >/dev/null || { echo "valgrind is needed: apt-get install valgrind"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/pkg.test" .
count() {
  GOGC=off GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
    "$tmp/pkg.test" -test.run '^$' -test.bench "^Benchmark$1\$" -test.benchtime "$2x" -test.cpu 1 2>&1 |
    awk '/Collected/ {print $4}'
}
per_op() {
  local lo hi
  lo=$(count "$1" 100000); hi=$(count "$1" 300000)
  echo $(( (hi - lo) / 200000 ))
}
b=$(per_op "$base")
echo "$base: $b instructions/op"
for name in "$@"; do
  n=$(per_op "$name")
  echo "$name: $n instructions/op ($(awk "BEGIN {printf \"%.2f\", $n / $b}")x $base)"
done
