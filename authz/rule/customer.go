package rule

import (
	"context"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/hook"
	"github.com/c360crm/c360/internal/apperr"
)

// CustomerStaysInScope is a Customer hook for creates and single updates: an account manager's
// new customer is its own unless it names another owner, a manager's lands in its team unless
// it names one, and a write that would leave the customer outside what the principal may see
// is refused (the mutation's transaction rolls back).
func CustomerStaysInScope(next ent.Mutator) ent.Mutator {
	return hook.CustomerFunc(func(ctx context.Context, m *ent.CustomerMutation) (ent.Value, error) {
		p := authz.FromContext(ctx)
		if p == nil || CustomerScope(ctx, p) == nil {
			return next.Mutate(ctx, m)
		}
		if m.Op().Is(ent.OpCreate) && p.Kind == authz.KindUser {
			if _, ok := m.OwnerID(); !ok && p.HasRole(authz.RoleAccountManager) {
				m.SetOwnerID(p.ID)
			}
			if _, ok := m.TeamID(); !ok && p.TeamID != 0 && (p.HasRole(authz.RoleManager) || p.HasRole(authz.RoleAccountManager)) {
				m.SetTeamID(p.TeamID)
			}
		}
		v, err := next.Mutate(ctx, m)
		if err != nil {
			return v, err
		}
		id, ok := m.ID()
		if !ok {
			return v, nil
		}
		visible, err := m.Client().Customer.Query().Where(customer.ID(id)).Exist(ctx)
		if err != nil {
			return nil, err
		}
		if !visible {
			return nil, apperr.New(apperr.Forbidden, "this change would put the customer outside the customers you may manage")
		}
		return v, nil
	})
}
