package points

import (
	"context"
	stdsql "database/sql"
	"errors"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
	"github.com/go-sql-driver/mysql"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/internal/apperr"
)

// errRetry marks a transaction that saw the ledger change under it (a row it had locked was
// not as read, or a unique index refused a write that the checks allowed): running it again
// gives the right answer.
var errRetry = errors.New("points: concurrent change")

// dupKeyError is a unique-index violation on an idempotency key: another request with the
// same key committed first. Running the transaction again returns that request's entry.
type dupKeyError struct{ err error }

func (e *dupKeyError) Error() string {
	return "points: idempotency key taken concurrently: " + e.err.Error()
}
func (e *dupKeyError) Unwrap() error { return e.err }

// onRetry, when set (tests), observes each error that makes a transaction run again.
var onRetry atomic.Pointer[func(error)]

// inTx runs fn in one transaction: the caller's when ctx carries one, else a new one of the
// context's client (or the service's), run again as a whole when it fails on a lock
// conflict. fn receives a context carrying the transaction, so nested calls join it.
func (s *Service) inTx(ctx context.Context, fn func(context.Context, *ent.Client) error) error {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return joined(fn(ctx, tx.Client()))
	}
	base := s.client
	if c := ent.FromContext(ctx); c != nil {
		base = c
	}
	opts := s.txOptions(ctx)
	for attempt := 1; ; attempt++ {
		tx, err := base.BeginTx(ctx, opts)
		if err != nil && (errors.Is(err, ent.ErrTxStarted) || err.Error() == ent.ErrTxStarted.Error()) {
			// The context's client is itself transactional (ent.NewContext(ctx, tx.Client())).
			// (Client.BeginTx returns a copy of ErrTxStarted's text, not ErrTxStarted.)
			return joined(fn(ctx, base))
		}
		if err == nil {
			err = runTx(ctx, tx, fn)
		}
		if err == nil || !retryable(err) {
			return err
		}
		if attempt >= s.opts.MaxAttempts {
			return busy(err)
		}
		if f := onRetry.Load(); f != nil {
			(*f)(err)
		}
		if werr := sleep(ctx, backoff(attempt)); werr != nil {
			return errors.Join(werr, busy(err))
		}
	}
}

// txOptions are the options of the transactions opened here: READ COMMITTED on MySQL. Every
// read that a decision depends on is a locking read, which sees the newest committed rows
// in any isolation level; READ COMMITTED spares the gap locks of REPEATABLE READ (a locking
// read of a missing account locks the gap of the unique index, and the first earns of
// neighbouring customers would deadlock on their inserts) and lets the plain reads of the
// audit hook see the rows as locked rather than as of an older snapshot. SQLite transactions
// are serializable whatever is asked (and the driver ignores the level).
func (s *Service) txOptions(ctx context.Context) *stdsql.TxOptions {
	if s.dialect(ctx) == dialect.MySQL {
		return &stdsql.TxOptions{Isolation: stdsql.LevelReadCommitted}
	}
	return nil
}

// dialect returns the SQL dialect of the service's client, found once by a query that
// matches no row ("" when it cannot be found now).
func (s *Service) dialect(ctx context.Context) string {
	if d := s.dia.Load(); d != nil {
		return *d
	}
	var d string
	_, err := s.client.PointsAccount.Query().
		Where(func(sel *sql.Selector) {
			d = sel.Dialect()
			sel.Where(sql.False())
		}).
		Exist(privacy.DecisionContext(ctx, privacy.Allow))
	if err != nil || d == "" {
		return ""
	}
	s.dia.Store(&d)
	return d
}

func runTx(ctx context.Context, tx *ent.Tx, fn func(context.Context, *ent.Client) error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			_ = tx.Rollback()
			panic(r)
		}
	}()
	tctx := context.WithValue(ent.NewTxContext(ent.NewContext(ctx, tx.Client()), tx), ownTxKey{}, tx)
	if err := fn(tctx, tx.Client()); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

type ownTxKey struct{}

// ownTx reports whether ctx carries a transaction opened by inTx (which it can run again).
func ownTx(ctx context.Context) bool {
	tx, _ := ctx.Value(ownTxKey{}).(*ent.Tx)
	return tx != nil && tx == ent.TxFromContext(ctx)
}

// joined maps the errors of a run in the caller's transaction, which cannot be re-run here.
func joined(err error) error {
	if err == nil || !retryable(err) {
		return err
	}
	var dk *dupKeyError
	if errors.As(err, &dk) {
		return &apperr.Error{Code: apperr.Conflict, Message: "a request with the same idempotency key is in progress; try again", Err: err}
	}
	return busy(err)
}

func busy(err error) error {
	return &apperr.Error{Code: apperr.ServiceUnavailable, Message: "the points ledger is busy; try again", Err: err}
}

// retryable reports whether err means the transaction lost a lock conflict (or saw a
// concurrent change) and can be run again from the start.
func retryable(err error) bool {
	var dk *dupKeyError
	if errors.Is(err, errRetry) || errors.As(err, &dk) {
		return true
	}
	var me *mysql.MySQLError
	if errors.As(err, &me) {
		return me.Number == 1213 || me.Number == 1205 // ER_LOCK_DEADLOCK, ER_LOCK_WAIT_TIMEOUT
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff { // primary code of extended codes (SQLITE_BUSY_SNAPSHOT …)
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return true
		}
		return false
	}
	// Some layers flatten driver errors into text.
	msg := err.Error()
	return strings.Contains(msg, "database is locked") || strings.Contains(msg, "(SQLITE_BUSY)") ||
		strings.Contains(msg, "Error 1213") || strings.Contains(msg, "Deadlock found")
}

// backoff is the pause before attempt+1: exponential from 2 ms, capped at 250 ms, jittered
// (half to all of it) so that the losers of a conflict do not collide again in step.
func backoff(attempt int) time.Duration {
	d := min(2*time.Millisecond<<min(attempt-1, 10), 250*time.Millisecond)
	return d/2 + rand.N(d/2+1)
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
