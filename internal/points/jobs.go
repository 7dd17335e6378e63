package points

import (
	"context"

	"entgo.io/ent/dialect/sql"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/pointsaccount"
	"github.com/c360crm/c360/ent/pointstransaction"
	"github.com/c360crm/c360/ent/predicate"
)

// Expire expires every lot past its expiry (the `c360 points expire` job): one EXPIRE entry
// per lot for what remains of it. It counts the accounts with lapsed lots, then reads them
// in batches of Options.BatchSize in account order and handles each account in a
// transaction of its own (short locks: requests for other accounts go on meanwhile),
// calling Options.Progress after each batch. Lots that lapse while it runs are left for
// the next run. It returns the lots and points expired (also when it stops on an error).
func (s *Service) Expire(ctx context.Context) (expiredLots int, points int64, err error) {
	now := s.now()
	r := s.reader(ctx)
	due := func() *ent.PointsTransactionQuery {
		return r.PointsTransaction.Query().
			Where(pointstransaction.RemainingGT(0), pointstransaction.ExpiresAtLTE(now))
	}
	total, err := due().Unique(true).Select(pointstransaction.FieldAccountID).Count(ctx)
	if err != nil {
		return 0, 0, err
	}
	done, cursor := 0, 0
	for {
		ids, err := due().
			Where(accountAfter(cursor)).
			Unique(true).
			Order(pointstransaction.ByAccountID()).
			Limit(s.opts.BatchSize).
			Select(pointstransaction.FieldAccountID).
			Ints(ctx)
		if err != nil {
			return expiredLots, points, err
		}
		if len(ids) == 0 {
			return expiredLots, points, nil
		}
		for _, id := range ids {
			var n int
			var pts int64
			err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
				n, pts = 0, 0
				a, err := lockAccountID(ctx, c, id)
				if err != nil || a == nil {
					return err
				}
				if _, n, pts, err = expireDue(ctx, c, a, a.Balance, now); err != nil || n == 0 {
					return err
				}
				return s.apply(ctx, c, a, -pts, now)
			})
			if err != nil {
				return expiredLots, points, err
			}
			expiredLots += n
			points += pts
		}
		cursor = ids[len(ids)-1]
		done += len(ids)
		s.progress(Progress{Job: "expire", Done: done, Total: max(total, done), Lots: expiredLots, Points: points})
	}
}

// AssessAll re-assesses the qualifying points and tier of every account, in batches of
// Options.BatchSize accounts (one transaction per account), calling Options.Progress after
// each batch. It returns the number of accounts assessed.
func (s *Service) AssessAll(ctx context.Context) (int, error) {
	now := s.now()
	r := s.reader(ctx)
	total, err := r.PointsAccount.Query().Count(ctx)
	if err != nil {
		return 0, err
	}
	done, cursor := 0, 0
	for {
		ids, err := r.PointsAccount.Query().
			Where(pointsaccount.IDGT(cursor)).
			Order(pointsaccount.ByID()).
			Limit(s.opts.BatchSize).
			IDs(ctx)
		if err != nil {
			return done, err
		}
		if len(ids) == 0 {
			return done, nil
		}
		for _, id := range ids {
			err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
				a, err := lockAccountID(ctx, c, id)
				if err != nil || a == nil {
					return err
				}
				return s.apply(ctx, c, a, 0, now)
			})
			if err != nil {
				return done, err
			}
			done++
		}
		cursor = ids[len(ids)-1]
		s.progress(Progress{Job: "assess", Done: done, Total: max(total, done)})
	}
}

// accountAfter keeps the entries of accounts after the cursor (ent generates no GT
// predicate for an edge field).
func accountAfter(cursor int) predicate.PointsTransaction {
	return func(s *sql.Selector) {
		s.Where(sql.GT(s.C(pointstransaction.FieldAccountID), cursor))
	}
}

func (s *Service) progress(p Progress) {
	if s.opts.Progress != nil {
		s.opts.Progress(p)
	}
}
