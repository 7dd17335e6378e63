package auth

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/loginthrottle"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/reqinfo"
)

// maxKeyLen is the size of LoginThrottle.key.
const maxKeyLen = 160

// limit is one throttle key and the count that locks it.
type limit struct {
	key string
	max int
}

// throttleKey returns prefix+value, with an over-long value replaced by its hash so that the
// key fits its column and still counts the same input together.
func throttleKey(prefix, value string) string {
	if len(prefix)+len(value) > maxKeyLen {
		value = "#" + hashSecret(value)
	}
	return prefix + value
}

// signInLimits returns the limits of a sign-in by subject (e.g. "user:alice") and the
// client address of ctx, if known.
func (s *Service) signInLimits(ctx context.Context, subjectKey string) []limit {
	l := []limit{{key: subjectKey, max: s.opts.MaxUserFailures}}
	if ip := strings.TrimSpace(reqinfo.FromContext(ctx).ClientIP); ip != "" {
		l = append(l, limit{key: throttleKey("ip:", ip), max: s.opts.MaxIPFailures})
	}
	return l
}

// checkLocked returns a TooManyRequests error with message when one of the limits' keys is
// locked, with the seconds until the last of them unlocks. It also returns the keys' rows
// that exist.
func (s *Service) checkLocked(ctx context.Context, message string, limits []limit) ([]*ent.LoginThrottle, error) {
	keys := make([]string, len(limits))
	for i, l := range limits {
		keys[i] = l.key
	}
	rows, err := s.tx(ctx).LoginThrottle.Query().
		Where(loginthrottle.KeyIn(keys...)).
		All(allow(ctx))
	if err != nil {
		return nil, fmt.Errorf("auth: read sign-in throttle: %w", err)
	}
	now := s.now()
	var wait float64
	for _, r := range rows {
		if r.LockedUntil != nil && r.LockedUntil.After(now) {
			wait = math.Max(wait, r.LockedUntil.Sub(now).Seconds())
		}
	}
	if wait == 0 {
		return rows, nil
	}
	return nil, apperr.New(apperr.TooManyRequests, "%s", message).With("retryAfterSeconds", int(math.Ceil(wait)))
}

// errTooManySignIns is the message of a locked sign-in.
const errTooManySignIns = "too many failed sign-ins; try again later"

// countFailure counts one failure (or, for code requests, one request) on every limit's key,
// outside the caller's transaction. Errors are logged: the caller is answering with an
// error already.
func (s *Service) countFailure(ctx context.Context, limits []limit) {
	s.outsideTx(ctx, func(ctx context.Context) {
		for _, l := range limits {
			if err := s.bump(ctx, l); err != nil {
				s.log.ErrorContext(ctx, "count failed sign-in", "key", keyKind(l.key), "err", err)
			}
		}
	})
}

// keyKind is the part of a throttle key before the colon, safe to log.
func keyKind(key string) string {
	kind, _, _ := strings.Cut(key, ":")
	return kind
}

// bump adds one failure to l.key, starting a new window when the last one is over and
// locking the key when the count reaches l.max. The row is read and written under a row
// lock (MySQL) or the database write lock (SQLite transactions begin immediate), so
// concurrent failures on several API instances all count.
func (s *Service) bump(ctx context.Context, l limit) error {
	var err error
	for range 3 { // the row may be deleted between its creation and the update
		if err = s.bumpOnce(ctx, l); !ent.IsNotFound(err) {
			return err
		}
	}
	return err
}

func (s *Service) bumpOnce(ctx context.Context, l limit) error {
	now := s.now()
	// Create the row first, outside the locking transaction: locking a missing row in
	// MySQL takes a gap lock that concurrent inserts deadlock on.
	exists, err := s.client.LoginThrottle.Query().Where(loginthrottle.Key(l.key)).Exist(ctx)
	if err != nil {
		return err
	}
	if !exists {
		err := s.client.LoginThrottle.Create().
			SetKey(l.key).SetFailures(0).SetWindowStart(now).
			Exec(ctx)
		if err != nil && !ent.IsConstraintError(err) {
			return err
		}
	}
	tx, err := s.client.Tx(ctx)
	if err != nil {
		return err
	}
	if err := s.bumpTx(ctx, tx, l); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

func (s *Service) bumpTx(ctx context.Context, tx *ent.Tx, l limit) error {
	q := tx.LoginThrottle.Query().Where(loginthrottle.Key(l.key))
	q.Modify(forUpdate)
	r, err := q.Only(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	if r.LockedUntil != nil && r.LockedUntil.After(now) {
		return nil // locked already: the lock is not extended
	}
	failures, start := r.Failures, r.WindowStart
	if r.LockedUntil != nil || !now.Before(start.Add(s.opts.Window)) {
		failures, start = 0, now // the window (or the lock) is over: start again
	}
	failures++
	u := tx.LoginThrottle.UpdateOne(r).SetFailures(failures).SetWindowStart(start)
	if failures >= l.max {
		u.SetLockedUntil(now.Add(s.opts.Window))
		s.log.WarnContext(ctx, "sign-in key locked", "key", keyKind(l.key), "failures", failures,
			"lockedFor", s.opts.Window.String())
	} else {
		u.ClearLockedUntil()
	}
	return u.Exec(ctx)
}

// forUpdate locks the selected rows on MySQL; SQLite has no row locks and needs none (its
// transactions take the database write lock when they begin).
func forUpdate(s *sql.Selector) {
	if s.Dialect() == dialect.MySQL {
		s.ForUpdate()
	}
}

// clearKey forgets the failures of key after a successful sign-in, through client c. rows
// are the ones checkLocked found unlocked; a key without a row has nothing to forget (and
// is not deleted by key: on MySQL that would gap-lock the index until the caller's
// transaction ends).
func clearKey(ctx context.Context, c *ent.Client, rows []*ent.LoginThrottle, key string) error {
	for _, r := range rows {
		if r.Key == key {
			err := c.LoginThrottle.DeleteOneID(r.ID).Exec(allow(ctx))
			if ent.IsNotFound(err) { // cleared by a concurrent sign-in
				return nil
			}
			return err
		}
	}
	return nil
}
