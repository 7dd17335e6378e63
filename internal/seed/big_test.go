package seed

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/c360crm/c360/internal/db"
)

// TestSeedBig seeds C360_SEED_BIG customers into a SQLite file (C360_SEED_BIG_DB, default a
// temporary one; C360_SEED_BATCH sets Options.BatchSize) and reports the time and the file
// size. Skipped unless C360_SEED_BIG is set:
//
//	C360_SEED_BIG=1000000 go test ./internal/seed -run TestSeedBig -v -timeout 60m
func TestSeedBig(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("C360_SEED_BIG"))
	if n <= 0 {
		t.Skip("set C360_SEED_BIG=<customers> to run")
	}
	path := os.Getenv("C360_SEED_BIG_DB")
	if path == "" {
		path = filepath.Join(t.TempDir(), "c360-big.db")
	}
	ctx := context.Background()
	d, err := db.Open(ctx, "sqlite://"+path, "", db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	batch, _ := strconv.Atoi(os.Getenv("C360_SEED_BATCH"))
	res, err := Run(ctx, d, Options{Customers: n, Seed: 1, BatchSize: batch, Progress: os.Stderr})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.SQL.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
	var size int64
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(path + suffix); err == nil {
			size += fi.Size()
		}
	}
	t.Logf("%d customers: %d rows in %s (%.0f rows/s); database %s: %.1f MiB",
		n, res.Rows(), res.Elapsed, float64(res.Rows())/res.Elapsed.Seconds(), path, float64(size)/(1<<20))
}
