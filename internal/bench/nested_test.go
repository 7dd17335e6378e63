package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/seed"
	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/testenv"
)

// dataset opens (seeding on first use) a SQLite file with n deterministic customers.
func dataset(b testing.TB, n int) *db.DB {
	b.Helper()
	dir := os.Getenv("C360_BENCH_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "test-output", "bench-data")
	}
	path, _ := filepath.Abs(filepath.Join(dir, fmt.Sprintf("customers-%d.db", n)))
	ready := path + ".ready"
	ctx := context.Background()
	if _, err := os.Stat(ready); err != nil {
		os.Remove(path)
		d, err := db.Open(ctx, "sqlite://"+path, dir, db.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		b.Logf("seeding %d customers into %s (once)", n, path)
		if _, err := seed.Run(ctx, d, seed.Options{Customers: n, Seed: 42, Progress: os.Stderr}); err != nil {
			b.Fatal(err)
		}
		d.Close()
		if err := os.WriteFile(ready, []byte(time.Now().Format(time.RFC3339)), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	d, err := db.Open(ctx, "sqlite://"+path, dir, db.Options{})
	if err != nil {
		b.Fatal(err)
	}
	if err := d.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { d.Close() })
	return d
}

// nestedQuery: a page of 50 customers with subscriptions and products, groups and the 10
// latest contacts — the query of the graph issue's "done when".
const nestedQuery = `query Nested($first: Int!, $after: Cursor) {
  customers(first: $first, after: $after, orderBy: [{field: CREATED_AT, direction: DESC}]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id code name mobile city
      subscriptions(first: 10) { edges { node { serviceNumber monthlyFee product { name category } } } }
      groups { id name }
      contacts(first: 10, orderBy: {field: CONTACTED_AT, direction: DESC}) { edges { node { channel subject contactedAt } } }
    } }
  }
}`

// BenchmarkNestedCustomers100k measures the nested customer page over real HTTP at 100,000
// seeded customers (C360_BENCH_CUSTOMERS overrides the size) and reports latency
// percentiles and the exact SQL statement count per request.
func BenchmarkNestedCustomers100k(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("C360_BENCH_CUSTOMERS")); err == nil && v > 0 {
		n = v
	}
	d := dataset(b, n)
	// Signed in with a bearer token, with the production policy refresh interval: as an
	// admin (no row scoping) and as a manager (team subtree) and an account manager (own
	// customers) and an agent (its region), whose pages carry the privacy filters.
	admin := testenv.Server(b, d, server.Config{PolicyRefresh: 2 * time.Second})
	for _, who := range []string{"admin", "manager", "am1", "agent1"} {
		b.Run(who, func(b *testing.B) {
			c := admin
			if who != "admin" {
				c = admin.Login(b, who, seed.DefaultDemoPassword)
			}
			benchNested(b, c, n)
		})
	}
}

func benchNested(b *testing.B, c *testenv.Client, n int) {
	vars := map[string]any{"first": 50}
	// Warm up (connection pool, query cache, SQLite page cache).
	for i := 0; i < 5; i++ {
		c.Do(b, nestedQuery, vars).MustOK(b, nil)
	}
	var (
		lat   []time.Duration
		stmts int
	)
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		r := c.Do(b, nestedQuery, vars).MustOK(b, nil)
		lat = append(lat, time.Since(start))
		stmts = r.SQLStatements()
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(stmts), "sql/op")
	b.ReportMetric(float64(n), "customers")
}
