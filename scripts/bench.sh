#!/usr/bin/env bash
# `make bench`: benchmarks that print figures. Data sets are seeded once into
# test-output/bench-data and reused (delete the folder to reseed).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output/bench-data
export C360_BENCH_DATA="$PWD/test-output/bench-data"
echo "=== nested customer page over HTTP (100,000 customers, SQLite)"
go test -run '^$' -bench 'BenchmarkNestedCustomers' -benchtime "${BENCH_N:-300}x" -timeout 60m ./internal/bench/
echo "=== seeding throughput"
go test -run '^$' -bench 'BenchmarkSeed' -benchtime 1x -timeout 60m ./internal/seed/
echo "=== knowledge search on Bleve (100,000 generated documents; C360_BENCH_DOCS overrides)"
go test -run '^$' -bench 'BenchmarkBleve' -benchtime 1x -timeout 60m ./search/bleve/
