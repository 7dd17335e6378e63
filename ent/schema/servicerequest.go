package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/c360crm/c360/ent/schema/mixin"
)

// ServiceRequest is a work order (工单): a fault, complaint or request handled under an SLA.
type ServiceRequest struct {
	ent.Schema
}

// Mixin of ServiceRequest.
func (ServiceRequest) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of ServiceRequest.
func (ServiceRequest) Fields() []ent.Field {
	noInput := entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Field{
		field.String("number").NotEmpty().MaxLen(32).Unique().Immutable().
			Comment("Work-order number, generated on create.").
			Annotations(entgql.OrderField("NUMBER"), noInput),
		field.Int("customer_id"),
		field.Enum("type").
			Values("FAULT", "COMPLAINT", "CONSULTATION", "BILLING", "INSTALLATION", "CHANGE", "CANCELLATION", "OTHER").
			Annotations(entgql.OrderField("TYPE")),
		field.String("category").Optional().MaxLen(64),
		field.Enum("channel").Values(channels...),
		field.Enum("priority").Values("URGENT", "HIGH", "MEDIUM", "LOW").Default("MEDIUM").
			Annotations(entgql.OrderField("PRIORITY")),
		field.String("title").NotEmpty().MaxLen(200),
		field.Text("description").Optional(),
		field.Enum("status").
			Values("OPEN", "ASSIGNED", "IN_PROGRESS", "PENDING_CUSTOMER", "RESOLVED", "CLOSED", "CANCELLED").
			Default("OPEN").
			Annotations(entgql.OrderField("STATUS")),
		field.Time("sla_due_at").Optional().Nillable().
			Annotations(entgql.OrderField("SLA_DUE_AT")),
		field.Int("assignee_id").Optional().Nillable(),
		field.Int("team_id").Optional().Nillable(),
		field.Int("subscription_id").Optional().Nillable(),
		field.Int("escalation_level").Default(0).NonNegative().Annotations(noInput),
		field.Text("resolution").Optional(),
		field.Time("resolved_at").Optional().Nillable().Annotations(noInput),
		field.Time("closed_at").Optional().Nillable().Annotations(noInput),
		field.Int("satisfaction").Optional().Nillable().Range(1, 5).
			Comment("Customer rating on close, 1–5."),
	}
}

// Edges of ServiceRequest.
func (ServiceRequest) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("service_requests").Field("customer_id").Unique().Required(),
		edge.To("assignee", User.Type).Field("assignee_id").Unique(),
		edge.To("team", Team.Type).Field("team_id").Unique(),
		edge.To("subscription", Subscription.Type).Field("subscription_id").Unique(),
		edge.To("knowledge_documents", KnowledgeDocument.Type).
			Comment("Articles that solved the request."),
	}
}

// Indexes of ServiceRequest.
func (ServiceRequest) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("customer_id", "status"),
		index.Fields("assignee_id", "status"),
		index.Fields("team_id", "status"),
		index.Fields("status", "sla_due_at"),
	}
}

// Annotations of ServiceRequest.
func (ServiceRequest) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}
