package points

import (
	"context"
	"fmt"
	"time"

	"entgo.io/ent/dialect"
	"entgo.io/ent/dialect/sql"
	"entgo.io/ent/dialect/sql/sqlgraph"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/pointsaccount"
	"github.com/c360crm/c360/ent/pointstransaction"
	"github.com/c360crm/c360/ent/predicate"
	"github.com/c360crm/c360/internal/apperr"
)

// lotBatch is the number of lots read (and locked) per query when an operation walks them.
const lotBatch = 100

// locked makes a query a locking read on MySQL (SELECT … FOR UPDATE): it reads the newest
// committed rows rather than the transaction's REPEATABLE READ snapshot, and keeps them
// locked until the transaction ends. SQLite rejects FOR UPDATE and needs none: its
// transactions begin IMMEDIATE (internal/db), holding the database's write lock throughout.
func locked[P ~func(*sql.Selector)]() P {
	return func(s *sql.Selector) {
		if s.Dialect() == dialect.MySQL {
			s.ForUpdate()
		}
	}
}

// lockAccount returns the customer's account, locked, or nil when there is none.
func lockAccount(ctx context.Context, c *ent.Client, customerID int) (*ent.PointsAccount, error) {
	a, err := c.PointsAccount.Query().
		Where(pointsaccount.CustomerID(customerID), locked[predicate.PointsAccount]()).
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return a, err
}

// lockAccountID is lockAccount by account ID.
func lockAccountID(ctx context.Context, c *ent.Client, id int) (*ent.PointsAccount, error) {
	a, err := c.PointsAccount.Query().
		Where(pointsaccount.ID(id), locked[predicate.PointsAccount]()).
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return a, err
}

// customerExists reports whether the customer exists (and the caller may see it).
func customerExists(ctx context.Context, c *ent.Client, customerID int) error {
	ok, err := c.Customer.Query().Where(customer.ID(customerID)).Exist(ctx)
	if err != nil {
		return err
	}
	if !ok {
		return apperr.New(apperr.NotFound, "customer %d not found", customerID).With("customerId", customerID)
	}
	return nil
}

// openAccount returns the customer's account, locked, creating it on first use.
func openAccount(ctx context.Context, c *ent.Client, customerID int) (*ent.PointsAccount, error) {
	a, err := lockAccount(ctx, c, customerID)
	if err != nil || a != nil {
		return a, err
	}
	if err := customerExists(ctx, c, customerID); err != nil {
		return nil, err
	}
	a, err = c.PointsAccount.Create().SetCustomerID(customerID).Save(ctx)
	if err == nil {
		return a, nil
	}
	if sqlgraph.IsUniqueConstraintError(err) {
		// A concurrent first earn created the account and committed while this insert waited
		// on it (MySQL; SQLite serialises writers). The failed insert holds a shared lock on
		// the account's index entry; so would the other waiters, and all asking for the
		// exclusive lock would deadlock. A transaction of ours rolls back (dropping the
		// shared lock) and runs again; in the caller's, the statement failed alone: lock the
		// account that the other request made.
		if ownTx(ctx) {
			return nil, fmt.Errorf("%w: account of customer %d: %w", errRetry, customerID, err)
		}
		a, lerr := lockAccount(ctx, c, customerID)
		switch {
		case lerr != nil: // e.g. a deadlock among several waiters: the caller rolls back
			return nil, lerr
		case a == nil:
			return nil, fmt.Errorf("%w: account of customer %d: %w", errRetry, customerID, err)
		}
		return a, nil
	}
	return nil, err
}

// byKey returns the account's entry with the idempotency key, or nil.
func byKey(ctx context.Context, c *ent.Client, accountID int, key string) (*ent.PointsTransaction, error) {
	t, err := c.PointsTransaction.Query().
		Where(pointstransaction.AccountID(accountID), pointstransaction.IdempotencyKey(key),
			locked[predicate.PointsTransaction]()).
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	return t, err
}

// replay returns the first entry made under a key when the retry asks for the same change.
func replay(t *ent.PointsTransaction, key string, kind pointstransaction.Kind, points int64) (*ent.PointsTransaction, error) {
	if t.Kind != kind || t.Points != points {
		return nil, apperr.New(apperr.Conflict, "idempotency key %q was already used for %s %+d points", key, t.Kind, t.Points).
			With("transactionId", t.ID)
	}
	return t, nil
}

// lots queries the account's entries that still hold points.
func lots(c *ent.Client, accountID int) *ent.PointsTransactionQuery {
	return c.PointsTransaction.Query().
		Where(pointstransaction.AccountID(accountID), pointstransaction.RemainingGT(0))
}

// usable keeps the lots not expired at now.
func usable(now time.Time) predicate.PointsTransaction {
	return pointstransaction.Or(pointstransaction.ExpiresAtIsNil(), pointstransaction.ExpiresAtGT(now))
}

// fifo orders lots for consumption: earliest expiry first, then the oldest entry, lots
// without expiry last (MySQL has no NULLS LAST: `expires_at IS NULL` sorts them there).
func fifo(s *sql.Selector) {
	s.OrderExpr(sql.Expr(s.C(pointstransaction.FieldExpiresAt) + " IS NULL"))
	s.OrderBy(s.C(pointstransaction.FieldExpiresAt), s.C(pointstransaction.FieldID))
}

// sum returns the sum of a column over q's rows (0 for none).
func sum(ctx context.Context, q *ent.PointsTransactionQuery, column string) (int64, error) {
	var rows []struct {
		Total sql.NullInt64 `sql:"total"`
	}
	err := q.Aggregate(func(s *sql.Selector) string {
		return sql.As(sql.Sum(s.C(column)), "total")
	}).Scan(ctx, &rows)
	if err != nil || len(rows) == 0 {
		return 0, err
	}
	return rows[0].Total.Int64, nil
}

// entry is a ledger entry to write.
type entry struct {
	kind         pointstransaction.Kind
	points       int64
	balanceAfter int64
	remaining    int64
	expiresAt    *time.Time
	reason       string
	key          string
	actor        *int
}

func write(ctx context.Context, c *ent.Client, accountID int, e entry, now time.Time) (*ent.PointsTransaction, error) {
	b := c.PointsTransaction.Create().
		SetAccountID(accountID).
		SetKind(e.kind).
		SetPoints(e.points).
		SetBalanceAfter(e.balanceAfter).
		SetRemaining(e.remaining).
		SetNillableExpiresAt(e.expiresAt).
		SetNillableActorID(e.actor).
		SetCreatedAt(now)
	if e.reason != "" {
		b.SetReason(e.reason)
	}
	if e.key != "" {
		b.SetIdempotencyKey(e.key)
	}
	t, err := b.Save(ctx)
	if err != nil && e.key != "" && sqlgraph.IsUniqueConstraintError(err) {
		return nil, &dupKeyError{err: err}
	}
	return t, err
}

// take removes n points from a lot that holds at least n.
func take(ctx context.Context, c *ent.Client, lot *ent.PointsTransaction, n int64) error {
	k, err := c.PointsTransaction.Update().
		Where(pointstransaction.ID(lot.ID), pointstransaction.RemainingGTE(n)).
		AddRemaining(-n).
		Save(ctx)
	if err != nil {
		return err
	}
	if k == 0 {
		return fmt.Errorf("%w: lot %d holds less than %d", errRetry, lot.ID, n)
	}
	return nil
}

// empty takes all that is left of a lot (lot.Remaining, as read under the lock).
func empty(ctx context.Context, c *ent.Client, lot *ent.PointsTransaction) error {
	k, err := c.PointsTransaction.Update().
		Where(pointstransaction.ID(lot.ID), pointstransaction.Remaining(lot.Remaining)).
		SetRemaining(0).
		Save(ctx)
	if err != nil {
		return err
	}
	if k == 0 {
		return fmt.Errorf("%w: lot %d changed", errRetry, lot.ID)
	}
	return nil
}

// consume takes n points from the account's usable lots, first in first out. The caller has
// checked that the balance covers n; lots that do not is a broken ledger.
func consume(ctx context.Context, c *ent.Client, accountID int, n int64, now time.Time) error {
	for n > 0 {
		batch, err := lots(c, accountID).
			Where(usable(now), locked[predicate.PointsTransaction]()).
			Order(fifo).
			Limit(lotBatch).
			All(ctx)
		if err != nil {
			return err
		}
		if len(batch) == 0 {
			return fmt.Errorf("points: account %d: its lots hold %d points less than its balance", accountID, n)
		}
		for _, lot := range batch {
			k := min(lot.Remaining, n)
			if err := take(ctx, c, lot, k); err != nil {
				return err
			}
			if n -= k; n == 0 {
				break
			}
		}
	}
	return nil
}

// expireDue writes an EXPIRE entry for every lot of the account past its expiry at now and
// empties the lot. bal is the balance before; it returns the balance after, the number of
// lots and the points expired. The caller moves the account's balance (apply).
func expireDue(ctx context.Context, c *ent.Client, a *ent.PointsAccount, bal int64, now time.Time) (int64, int, int64, error) {
	var (
		n   int
		pts int64
	)
	for {
		due, err := lots(c, a.ID).
			Where(pointstransaction.ExpiresAtLTE(now), locked[predicate.PointsTransaction]()).
			Order(fifo).
			Limit(lotBatch).
			All(ctx)
		if err != nil {
			return bal, n, pts, err
		}
		if len(due) == 0 {
			return bal, n, pts, nil
		}
		for _, lot := range due {
			if bal -= lot.Remaining; bal < 0 {
				return bal, n, pts, fmt.Errorf("points: account %d: its lots hold more than its balance", a.ID)
			}
			if _, err := write(ctx, c, a.ID, entry{
				kind:         pointstransaction.KindEXPIRE,
				points:       -lot.Remaining,
				balanceAfter: bal,
				reason:       fmt.Sprintf("lot %d expired", lot.ID),
			}, now); err != nil {
				return bal, n, pts, err
			}
			if err := empty(ctx, c, lot); err != nil {
				return bal, n, pts, err
			}
			n++
			pts += lot.Remaining
		}
	}
}

// qualifying returns the account's EARN points in the window ending at now.
func (s *Service) qualifying(ctx context.Context, c *ent.Client, accountID int, now time.Time) (int64, error) {
	return sum(ctx, c.PointsTransaction.Query().Where(
		pointstransaction.AccountID(accountID),
		pointstransaction.KindEQ(pointstransaction.KindEARN),
		pointstransaction.CreatedAtGT(now.Add(-s.opts.Window)),
		pointstransaction.CreatedAtLTE(now),
		locked[predicate.PointsTransaction](),
	), pointstransaction.FieldPoints)
}

// tierFor returns the tier that q qualifying points reach.
func (s *Service) tierFor(q int64) pointsaccount.Tier {
	for _, t := range s.tiers { // highest first
		if q >= t.MinPoints {
			return t.Name
		}
	}
	return pointsaccount.TierBASIC
}

// apply moves the balance of a (locked, its balance as read) by delta and re-assesses its
// tier, in one conditional UPDATE that refuses to take the balance below zero.
func (s *Service) apply(ctx context.Context, c *ent.Client, a *ent.PointsAccount, delta int64, now time.Time) error {
	q, err := s.qualifying(ctx, c, a.ID, now)
	if err != nil {
		return err
	}
	u := c.PointsAccount.Update().
		Where(pointsaccount.ID(a.ID)).
		SetQualifyingPoints(q).
		SetTier(s.tierFor(q)).
		SetTierAssessedAt(now)
	if delta != 0 {
		u.AddBalance(delta)
	}
	if delta < 0 {
		u.Where(pointsaccount.BalanceGTE(-delta))
	}
	k, err := u.Save(ctx)
	if err != nil {
		return err
	}
	if k == 1 {
		return nil
	}
	// The guard refused: the balance is not what the checks read under the lock.
	cur, err := c.PointsAccount.Query().Where(pointsaccount.ID(a.ID), locked[predicate.PointsAccount]()).Only(ctx)
	if err != nil {
		return fmt.Errorf("%w: account %d: %w", errRetry, a.ID, err)
	}
	if delta < 0 && cur.Balance < -delta {
		return insufficient(cur.Balance)
	}
	return fmt.Errorf("%w: account %d balance moved from %d to %d", errRetry, a.ID, a.Balance, cur.Balance)
}

func insufficient(balance int64) error {
	return apperr.New(apperr.Conflict, "insufficient points: balance %d", balance).With("balance", balance)
}
