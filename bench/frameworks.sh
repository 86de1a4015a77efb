#!/usr/bin/env bash
# Measures what an error costs in each web framework errcat supports (chi, echo,
# gin, huma, fiber) against net/http's ServeMux with httperr.Handler.Wrap, in
# process (examples/frameworks, BenchmarkError), and compares them with benchstat:
# one column per framework, each against the ServeMux's.
#
# The benchmarks of every framework run in turn, RUNS times over (10), so that a
# drift of the machine touches them alike; run it on a quiet machine.
# Usage: bash bench/frameworks.sh        (RUNS=20 BENCHTIME=1s for longer)
set -euo pipefail
cd "$(dirname "$0")/../examples/frameworks"
runs=${RUNS:-10}
benchtime=${BENCHTIME:-300ms}
out=${OUT:-$(mktemp)}
bin=$(mktemp)
go test -c -o "$bin" .
: > "$out"
for _ in $(seq "$runs"); do
  "$bin" -test.run '^$' -test.bench '^BenchmarkError$' -test.benchmem -test.benchtime "$benchtime" >> "$out"
done
rm -f "$bin"
echo "raw results: $out"
go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da -col /fw "$out"
