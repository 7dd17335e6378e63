package auth

import (
	"context"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/internal/audit"
)

// record writes a sign-in event to the audit trail through c, acting as p when given. An
// audit failure fails the operation (nothing half-written).
func record(ctx context.Context, c *ent.Client, p *authz.Principal, action, entityType string, id int, changes map[string]any) error {
	if p != nil {
		ctx = authz.NewContext(ctx, p)
	}
	var eid *int
	if id != 0 {
		eid = &id
	}
	return audit.Record(allow(ctx), c, audit.Entry{Action: action, EntityType: entityType, EntityID: eid, Changes: changes})
}

// recordFailure writes a failed sign-in to the audit trail outside the request's
// transaction, which rolls back.
func (s *Service) recordFailure(ctx context.Context, entityType, subject string) {
	s.outsideTx(ctx, func(ctx context.Context) {
		if err := record(ctx, s.client, nil, "login_failed", entityType, 0, map[string]any{"subject": subject}); err != nil {
			s.log.ErrorContext(ctx, "audit failed sign-in", "err", err)
		}
	})
}

func userPrincipal(u *ent.User) *authz.Principal {
	return &authz.Principal{Kind: authz.KindUser, ID: u.ID, Name: u.Username, Roles: u.Roles}
}
