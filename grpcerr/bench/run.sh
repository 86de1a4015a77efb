#!/usr/bin/env bash
# Measures what grpcerr's interceptors cost a failing unary gRPC call, in process over
# bufconn, against a bare interceptor chain, and the conversion alone. Runs the two
# chains alternately (one -count round each, ten rounds) so that drift on a shared
# machine falls on both alike, then summarises with benchstat.
#
#	grpcerr/bench/run.sh [rounds]    # from anywhere; writes results to $TMPDIR
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-10}
out=${TMPDIR:-/tmp}/grpcerr-bench.txt
: >"$out"
for _ in $(seq "$rounds"); do
	GOWORK=off go test -run '^$' -bench 'Unary|Convert' -benchtime 1s -count 1 . | grep -E '^(Benchmark|goos|goarch|pkg|cpu)' >>"$out"
done
GOWORK=off go run golang.org/x/perf/cmd/benchstat@latest -col /chain "$out" | tee "$out.unary"
GOWORK=off go run golang.org/x/perf/cmd/benchstat@latest "$out"
