// Package bench holds the benchmarks that `make bench` runs over real HTTP against seeded
// databases. Data sets are seeded once into SQLite files under C360_BENCH_DATA (default
// ../../test-output/bench-data) and reused by later runs; the seed is deterministic.
package bench
