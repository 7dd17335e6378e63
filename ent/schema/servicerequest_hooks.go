package schema

import (
	"context"
	"time"

	"entgo.io/ent"

	gen "github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/hook"
	"github.com/c360crm/c360/ent/servicerequest"
	"github.com/c360crm/c360/internal/codes"
	"github.com/c360crm/c360/internal/servicedesk"
)

// Hooks of ServiceRequest: the work-order number on create, and the SLA due time from the
// priority (business hours and holidays of internal/servicedesk) unless the writer sets one.
func (ServiceRequest) Hooks() []ent.Hook {
	return []ent.Hook{
		hook.On(slaDueAt, ent.OpCreate|ent.OpUpdateOne),
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

var (
	slaCalendar = servicedesk.DefaultCalendar()
	slaPolicy   = servicedesk.DefaultPolicy()
)

// slaDueAt sets sla_due_at on create, and again when an update changes the priority, counted
// from the request's creation.
func slaDueAt(next ent.Mutator) ent.Mutator {
	return hook.ServiceRequestFunc(func(ctx context.Context, m *gen.ServiceRequestMutation) (ent.Value, error) {
		if _, set := m.SLADueAt(); set {
			return next.Mutate(ctx, m)
		}
		pr, changed := m.Priority()
		var created time.Time
		switch {
		case m.Op().Is(ent.OpCreate):
			if !changed {
				pr = servicerequest.DefaultPriority
			}
			var ok bool
			if created, ok = m.CreatedAt(); !ok {
				created = time.Now()
			}
		case changed:
			old, err := m.OldCreatedAt(ctx)
			if err != nil {
				return nil, err
			}
			created = old
		default:
			return next.Mutate(ctx, m)
		}
		// Whole seconds: MySQL's TIMESTAMP keeps no fraction, and a recomputation from the
		// stored creation time must give the same answer.
		m.SetSLADueAt(slaPolicy.DueAt(slaCalendar, created.Truncate(time.Second), servicedesk.Priority(pr)))
		return next.Mutate(ctx, m)
	})
}
