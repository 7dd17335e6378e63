package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/points"
	"github.com/c360crm/c360/internal/staff"
	"github.com/c360crm/c360/internal/testenv"
)

// run executes the c360 command line in-process with the given environment.
func run(t *testing.T, env map[string]string, args ...string) (string, error) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
	cmd := newRootCmd()
	var out bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs(args)
	err := cmd.ExecuteContext(context.Background())
	return out.String(), err
}

func TestMigrateSeedAndUserCreate(t *testing.T) {
	dbURL := testenv.URL(t)
	env := map[string]string{"C360_DB": dbURL, "C360_DATA_DIR": t.TempDir(), "C360_LOG_LEVEL": "warn"}
	// Hold a connection for the whole test: an in-memory SQLite database lives as long as one does.
	d, err := db.Open(context.Background(), dbURL, "", db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := run(t, env, "migrate"); err != nil {
		t.Fatalf("migrate: %v", err)
	}
	if _, err := run(t, env, "seed", "--customers", "40"); err != nil {
		t.Fatalf("seed: %v", err)
	}
	if _, err := run(t, env, "user", "create", "--username", "zhangsan", "--password", "short", "--role", "agent"); err == nil ||
		!strings.Contains(err.Error(), "password") {
		t.Fatalf("short password accepted: %v", err)
	}
	if _, err := run(t, env, "user", "create", "--username", "zhangsan", "--password", "long-enough-pw", "--role", "agent", "--role", "reviewer"); err != nil {
		t.Fatalf("user create: %v", err)
	}
	ctx := authz.NewContext(context.Background(), authz.System)
	u, err := d.Client.User.Query().All(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var found bool
	for _, x := range u {
		if x.Username == "zhangsan" {
			found = true
			if strings.Join(x.Roles, ",") != "agent,reviewer" || !staff.CheckPassword(x.PasswordHash, "long-enough-pw") {
				t.Fatalf("user stored as %+v", x)
			}
		}
	}
	if !found {
		t.Fatal("user zhangsan not stored")
	}
	if n := d.Client.Customer.Query().CountX(ctx); n != 40 {
		t.Fatalf("seeded %d customers, want 40", n)
	}
	// --if-empty leaves a seeded database alone.
	if _, err := run(t, env, "seed", "--customers", "10", "--if-empty"); err != nil {
		t.Fatal(err)
	}
	if n := d.Client.Customer.Query().CountX(ctx); n != 40 {
		t.Fatalf("--if-empty seeded more: %d", n)
	}

	// reindex rebuilds the knowledge index from the seeded documents.
	out, err := run(t, env, "reindex")
	docs := d.Client.KnowledgeDocument.Query().CountX(ctx)
	if err != nil || docs == 0 || !strings.Contains(out, "reindexed: ") || strings.Contains(out, "reindexed: 0 ") {
		t.Fatalf("reindex (%d documents): %q %v", docs, out, err)
	}

	// points expire: a lot that lapsed yesterday is expired, the balance follows.
	cu := d.Client.Customer.Query().FirstX(ctx)
	past := time.Now().Add(-48 * time.Hour)
	svc := points.New(d.Client, points.Options{Now: func() time.Time { return past }})
	lapse := past.Add(24 * time.Hour)
	if _, err := svc.Earn(ctx, points.EarnInput{CustomerID: cu.ID, Points: 70, ExpiresAt: &lapse, IdempotencyKey: "cli-test"}); err != nil {
		t.Fatal(err)
	}
	if out, err := run(t, env, "points", "expire"); err != nil || !strings.Contains(out, "expired 70 points in 1 lots") {
		t.Fatalf("points expire: %q %v", out, err)
	}
}

func TestBadDatabaseURL(t *testing.T) {
	_, err := run(t, map[string]string{"C360_DB": "postgres://x/y", "C360_DATA_DIR": t.TempDir()}, "migrate")
	if err == nil || !strings.Contains(err.Error(), "unsupported database URL") {
		t.Fatalf("want a clear error, got %v", err)
	}
}

// TestServeGracefulShutdown starts `c360 serve` on a free port, waits until it answers, and
// stops it by cancelling its context (what SIGTERM does).
func TestServeGracefulShutdown(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("C360_DATA_DIR", dir)
	t.Setenv("C360_DB", "")
	t.Setenv("C360_LOG_LEVEL", "warn")
	addrFile := filepath.Join(dir, "addr")
	cmd := newRootCmd()
	cmd.SetOut(io.Discard)
	cmd.SetArgs([]string{"serve", "--addr", "127.0.0.1:0", "--addr-file", addrFile})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmd.ExecuteContext(ctx) }()
	var addr string
	deadline := time.Now().Add(30 * time.Second)
	for addr == "" {
		if b, err := os.ReadFile(addrFile); err == nil && len(b) > 0 {
			addr = string(b)
		} else if time.Now().After(deadline) {
			t.Fatal("server did not start")
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited early: %v", err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	resp, err := http.Get("http://" + addr + "/readyz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("readyz: %v %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v after shutdown", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop")
	}
	if _, err := os.Stat(filepath.Join(dir, "c360.db")); err != nil {
		t.Fatalf("default SQLite file not created: %v", err)
	}
}
