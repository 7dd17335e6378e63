package schema

import (
	"context"
	"time"

	"entgo.io/ent"

	gen "github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/hook"
	"github.com/c360crm/c360/internal/codes"
)

// Hooks of ServiceRequest: the work-order number on create.
func (ServiceRequest) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(func(next ent.Mutator) ent.Mutator {
			return hook.ServiceRequestFunc(func(ctx context.Context, m *gen.ServiceRequestMutation) (ent.Value, error) {
				if _, ok := m.Number(); !ok {
					created, ok := m.CreatedAt()
					if !ok {
						created = time.Now()
					}
					m.SetNumber(codes.ServiceRequest(created))
				}
				return next.Mutate(ctx, m)
			})
		}, ent.OpCreate),
	}
}
