#!/usr/bin/env bash
# Runs every contender, without and with logging, in alternating rounds: each round
# runs every benchmark once, so the machine's speed drifting moves all rows alike
# and their ratios hold. Then benchstat (go install golang.org/x/perf/cmd/benchstat).
# Usage: bash peers.sh [ROUNDS] [BENCHTIME]      (default: 10 rounds of 1s)
# The results are in peers.txt; the table is printed.
set -euo pipefail
cd "$(dirname "$0")"
rounds=${1:-10}
benchtime=${2:-1s}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go test -c -o "$dir/bench.test" .
: > peers.txt
for i in $(seq "$rounds"); do
  "$dir/bench.test" -test.run '^$' -test.bench '^Benchmark(HandWritten|Errcat|EncodingJSONCareful|EncodingJSON|Kratos|Oops|Cockroachdb|Herodot|Logged)$' \
    -test.benchtime "$benchtime" >> peers.txt
done
benchstat=$(command -v benchstat || echo "$(go env GOPATH)/bin/benchstat")
"$benchstat" peers.txt
