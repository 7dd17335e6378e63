package points

import (
	"context"

	"entgo.io/contrib/entgql"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/pointstransaction"
	"github.com/c360crm/c360/internal/apperr"
)

// RedeemMyInput is a web business hall redemption: always the signed-in customer's points.
type RedeemMyInput struct {
	Points         int64
	Reason         string
	IdempotencyKey string
}

// RedeemMine redeems the signed-in customer's own points.
func (s *Service) RedeemMine(ctx context.Context, in RedeemMyInput) (*ent.PointsTransaction, error) {
	p := authz.FromContext(ctx)
	if p == nil || p.Kind != authz.KindCustomer {
		return nil, apperr.New(apperr.Forbidden, "only a signed-in customer redeems its own points")
	}
	return s.Redeem(ctx, RedeemInput{CustomerID: p.ID, Points: in.Points, Reason: in.Reason, IdempotencyKey: in.IdempotencyKey})
}

// History pages an account's ledger entries, newest first (empty for an unsaved account).
func (s *Service) History(ctx context.Context, a *ent.PointsAccount, after *entgql.Cursor[int], first *int, before *entgql.Cursor[int], last *int) (*ent.PointsTransactionConnection, error) {
	return s.reader(ctx).PointsTransaction.Query().Where(pointstransaction.AccountID(a.ID)).
		Paginate(ctx, after, first, before, last, ent.WithPointsTransactionOrder(&ent.PointsTransactionOrder{
			Direction: entgql.OrderDirectionDesc, Field: ent.PointsTransactionOrderFieldCreatedAt,
		}))
}
