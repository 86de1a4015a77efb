#!/usr/bin/env bash
# Measures what the gRPC and Connect adapters cost a failing unary call against a bare
# chain (grpcerr: in process over bufconn, and over loopback TCP; connecterr: loopback
# HTTP/1.1), and the conversion alone (BenchmarkConvert of both). Each round runs every
# benchmark once, ten rounds by default, so that drift on a shared machine falls on
# all of them alike; benchstat then compares chain=bare with chain=errcat.
#
#	grpcerr/bench/run.sh [rounds]    # from anywhere; results in ${TMPDIR:-/tmp}
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
rounds=${1:-10}
dir=${TMPDIR:-/tmp}
: >"$dir/grpcerr-bench.txt"
: >"$dir/connecterr-bench.txt"
for _ in $(seq "$rounds"); do
	(cd "$root/grpcerr" && GOWORK=off go test -run '^$' -bench 'Unary|Convert' -benchtime 1s -count 1 .) |
		grep -E '^(Benchmark|goos|goarch|pkg|cpu)' >>"$dir/grpcerr-bench.txt"
	(cd "$root/connecterr" && GOWORK=off go test -run '^$' -bench 'Unary|Convert' -benchtime 1s -count 1 .) |
		grep -E '^(Benchmark|goos|goarch|pkg|cpu)' >>"$dir/connecterr-bench.txt"
done
cd "$root/grpcerr"
benchstat() { GOWORK=off go run golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da "$@"; }
benchstat -col /chain "$dir/grpcerr-bench.txt" "$dir/connecterr-bench.txt"
benchstat "$dir/grpcerr-bench.txt"
