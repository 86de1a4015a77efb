#!/usr/bin/env bash
# Times catalog.Load on synthetic catalogs of 1, 10 and 100 MB in four layouts (YAML and
# JSON, indented and minified) and imports of 10k and 100k CSV rows, to show that both
# grow linearly with their input whatever its formatting: MB/s and cpu-ns/B (processor
# time per byte, which a busy machine inflates less than wall time) stay level across
# sizes. Run it on a quiet machine; it takes a few minutes and about 2 GB of memory.
# Usage: bash bench/load.sh [COUNT]    (default COUNT 3: runs of each benchmark)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-3}
go test ./catalog -run '^$' -bench '^BenchmarkLoad(JSON|YAML)' -benchtime 2x -count "$count" -load100mb
go test ./importer -run '^$' -bench '^BenchmarkCSV' -benchtime 2x -count "$count"
