package points

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/db"
)

// testDB is an in-memory SQLite database for the package's internal tests (testenv would be
// an import cycle here: it starts servers, which use this package).
func testDB(t *testing.T) *db.DB {
	t.Helper()
	name := strings.NewReplacer("/", "_", " ", "_").Replace(t.Name())
	d, err := db.Open(context.Background(), "sqlite::memory:?name=points_"+name, "", db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(authz.NewContext(context.Background(), authz.System)); err != nil {
		t.Fatal(err)
	}
	return d
}

func TestRetryable(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want bool
	}{
		{&mysql.MySQLError{Number: 1213, Message: "Deadlock found when trying to get lock"}, true},
		{fmt.Errorf("ent: %w", &mysql.MySQLError{Number: 1205}), true},
		{&mysql.MySQLError{Number: 1062, Message: "Duplicate entry"}, false},
		{fmt.Errorf("x: %w", errRetry), true},
		{&dupKeyError{err: errors.New("UNIQUE constraint failed")}, true},
		{errors.New("sqlite: step: database is locked (5) (SQLITE_BUSY)"), true},
		{errors.New("insufficient points"), false},
		{apperr.New(apperr.Conflict, "insufficient points: balance 0"), false},
	} {
		if got := retryable(tc.err); got != tc.want {
			t.Errorf("retryable(%v) = %v, want %v", tc.err, got, tc.want)
		}
	}
}

// TestRetryableSQLiteBusy classifies a real SQLITE_BUSY: a second writer with no busy
// timeout while another connection holds the write lock.
func TestRetryableSQLiteBusy(t *testing.T) {
	dsn := "file:" + filepath.Join(t.TempDir(), "busy.db") + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(0)&_txlock=immediate"
	pool, err := stdsql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec("CREATE TABLE t (x INTEGER)"); err != nil {
		t.Fatal(err)
	}
	holder, err := pool.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Rollback()
	if _, err := holder.Exec("INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
	_, err = pool.Begin()
	if err == nil {
		t.Fatal("second BEGIN IMMEDIATE succeeded")
	}
	if !retryable(err) {
		t.Errorf("retryable(%v) = false", err)
	}
}

func TestInTxRetries(t *testing.T) {
	d := testDB(t)
	ctx := authz.NewContext(context.Background(), authz.System)
	s := New(d.Client, Options{MaxAttempts: 3})

	runs := 0
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		runs++
		if !ownTx(ctx) {
			t.Error("fn runs without its transaction in ctx")
		}
		if runs < 3 {
			return fmt.Errorf("%w: test", errRetry)
		}
		return nil
	})
	if err != nil || runs != 3 {
		t.Errorf("inTx = %v after %d runs, want success on the 3rd", err, runs)
	}

	runs = 0
	err = s.inTx(ctx, func(context.Context, *ent.Client) error {
		runs++
		return &mysql.MySQLError{Number: 1213, Message: "Deadlock found"}
	})
	if apperr.CodeOf(err) != apperr.ServiceUnavailable || runs != 3 {
		t.Errorf("inTx = %v after %d runs, want SERVICE_UNAVAILABLE after 3", err, runs)
	}

	runs = 0
	err = s.inTx(ctx, func(context.Context, *ent.Client) error {
		runs++
		return apperr.New(apperr.Conflict, "no")
	})
	if apperr.CodeOf(err) != apperr.Conflict || runs != 1 {
		t.Errorf("inTx = %v after %d runs, want the CONFLICT at once", err, runs)
	}

	// In the caller's transaction nothing is run again.
	tx, err := d.Client.Tx(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	tctx := ent.NewTxContext(ent.NewContext(ctx, tx.Client()), tx)
	for _, tc := range []struct {
		err  error
		code string
	}{
		{fmt.Errorf("%w: test", errRetry), apperr.ServiceUnavailable},
		{&dupKeyError{err: errors.New("Error 1062")}, apperr.Conflict},
	} {
		runs = 0
		err = s.inTx(tctx, func(ctx context.Context, c *ent.Client) error {
			runs++
			if ownTx(ctx) {
				t.Error("the caller's transaction counts as ours")
			}
			return tc.err
		})
		if apperr.CodeOf(err) != tc.code || runs != 1 {
			t.Errorf("inTx in the caller's transaction = %v after %d runs, want %s after 1", err, runs, tc.code)
		}
	}
}

// TestApplyGuard: the conditional UPDATE refuses to take the balance below zero even when
// the caller's idea of the balance is stale (as if a lock were missing).
func TestApplyGuard(t *testing.T) {
	d := testDB(t)
	ctx := authz.NewContext(context.Background(), authz.System)
	s := New(d.Client, Options{})
	c, err := d.Client.Customer.Create().SetType(customer.TypePUBLIC).SetName("守卫").Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.Client.PointsAccount.Create().SetCustomerID(c.ID).SetBalance(100).Save(ctx)
	if err != nil {
		t.Fatal(err)
	}
	stale := *a
	stale.Balance = 500
	err = s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		return s.apply(ctx, c, &stale, -150, s.now())
	})
	if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), "balance 100") {
		t.Errorf("apply -150 on 100 = %v, want CONFLICT insufficient points: balance 100", err)
	}
	if got, _ := d.Client.PointsAccount.Get(ctx, a.ID); got.Balance != 100 {
		t.Errorf("balance %d after the refused update", got.Balance)
	}
	// The guard tests the stored balance, not the one read: a change that fits goes through.
	err = s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		return s.apply(ctx, c, &stale, -100, s.now())
	})
	if err != nil {
		t.Fatalf("apply -100 on 100: %v", err)
	}
	if got, _ := d.Client.PointsAccount.Get(ctx, a.ID); got.Balance != 0 {
		t.Errorf("balance %d, want 0", got.Balance)
	}
}
