package knowledge_test

import (
	"log/slog"
	"testing"
	"time"

	"github.com/c360crm/c360/internal/knowledge"
	"github.com/c360crm/c360/internal/testenv"
)

// TestIndexerLease: of two instances one holds the lease; the other takes over once it
// expires; the holder renews its own.
func TestIndexerLease(t *testing.T) {
	d := testenv.New(t)
	ctx := testenv.SystemContext()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	a := knowledge.NewIndexer(d.Client, nil, slog.Default(), clock)
	b := knowledge.NewIndexer(d.Client, nil, slog.Default(), clock)
	if ok, err := a.Lease(ctx, "a", 5*time.Second); err != nil || !ok {
		t.Fatalf("a takes the free lease: %v %v", ok, err)
	}
	if ok, _ := b.Lease(ctx, "b", 5*time.Second); ok {
		t.Fatal("b took a held lease")
	}
	now = now.Add(3 * time.Second)
	if ok, _ := a.Lease(ctx, "a", 5*time.Second); !ok {
		t.Fatal("a could not renew")
	}
	now = now.Add(6 * time.Second) // a stopped renewing
	if ok, _ := b.Lease(ctx, "b", 5*time.Second); !ok {
		t.Fatal("b did not take over an expired lease")
	}
	if ok, _ := a.Lease(ctx, "a", 5*time.Second); ok {
		t.Fatal("a took the lease back from b")
	}
}
