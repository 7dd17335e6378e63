package schema

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/c360crm/c360/ent/schema/mixin"
)

// channels are the touchpoints through which the operator meets a customer.
var channels = []string{"CALL_CENTER", "BUSINESS_HALL", "WEB", "APP", "SMS", "EMAIL", "VISIT", "PARTNER"}

// Contact is one touchpoint with a customer; together they form the customer's timeline.
type Contact struct {
	ent.Schema
}

// Mixin of Contact.
func (Contact) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of Contact.
func (Contact) Fields() []ent.Field {
	return []ent.Field{
		field.Int("customer_id"),
		field.Enum("channel").Values(channels...).
			Annotations(entgql.OrderField("CHANNEL")),
		field.Enum("direction").Values("INBOUND", "OUTBOUND").Default("INBOUND"),
		field.Enum("kind").Values("CONSULTATION", "COMPLAINT", "SALES", "SERVICE", "CAMPAIGN_RESPONSE", "VISIT").
			Annotations(entgql.OrderField("KIND")),
		field.String("subject").NotEmpty().MaxLen(200),
		field.Text("content").Optional(),
		field.String("outcome").Optional().MaxLen(200),
		field.Int("agent_id").Optional().Nillable(),
		field.Int("campaign_target_id").Optional().Nillable(),
		field.Time("contacted_at").Default(time.Now).
			Annotations(entgql.OrderField("CONTACTED_AT")),
		field.Int("duration_seconds").Optional().NonNegative(),
	}
}

// Edges of Contact.
func (Contact) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("contacts").Field("customer_id").Unique().Required(),
		edge.To("agent", User.Type).Field("agent_id").Unique(),
		edge.From("campaign_target", CampaignTarget.Type).Ref("contacts").Field("campaign_target_id").Unique(),
	}
}

// Indexes of Contact: the timeline is read newest first per customer.
func (Contact) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("customer_id", "contacted_at"),
		index.Fields("agent_id", "contacted_at"),
		index.Fields("campaign_target_id"),
		index.Fields("channel", "kind", "contacted_at"),
	}
}

// Annotations of Contact.
func (Contact) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}
