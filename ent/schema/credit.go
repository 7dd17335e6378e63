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

// CreditProfile is the credit standing of a customer: a score 0–1000, the rating and the credit
// limit derived from it, and the overdue count.
type CreditProfile struct {
	ent.Schema
}

// Mixin of CreditProfile.
func (CreditProfile) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of CreditProfile.
func (CreditProfile) Fields() []ent.Field {
	return []ent.Field{
		field.Int("customer_id").Unique(),
		field.Int("score").Range(0, 1000).Default(600).
			Annotations(entgql.OrderField("SCORE")),
		field.Enum("rating").Values("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C").Default("BBB"),
		field.Int64("credit_limit").NonNegative().Default(0).
			Comment("Credit limit in fen (0.01 CNY)."),
		field.Int("overdue_count").NonNegative().Default(0),
		field.Time("evaluated_at").Optional().Nillable(),
	}
}

// Edges of CreditProfile.
func (CreditProfile) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("credit_profile").Field("customer_id").Unique().Required(),
		edge.To("events", CreditEvent.Type).Annotations(entgql.RelayConnection()),
	}
}

// Indexes of CreditProfile.
func (CreditProfile) Indexes() []ent.Index {
	return []ent.Index{index.Fields("rating"), index.Fields("score")}
}

// Annotations of CreditProfile.
func (CreditProfile) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// CreditEvent moves a credit score, with its reason; manual adjustments wait for approval.
type CreditEvent struct {
	ent.Schema
}

// Mixin of CreditEvent.
func (CreditEvent) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}, mixin.Access{}} }

// Fields of CreditEvent.
func (CreditEvent) Fields() []ent.Field {
	return []ent.Field{
		field.Int("profile_id").Immutable(),
		field.Enum("reason").Values("INITIAL", "ON_TIME_PAYMENT", "OVERDUE_BILL", "MANUAL_ADJUSTMENT", "MERGE", "RULE_REVIEW").Immutable(),
		field.Int("delta").Immutable(),
		field.Int("score_after").Optional().Nillable().
			Comment("Score once the event applied; empty while pending approval."),
		field.String("note").Optional().MaxLen(500),
		field.Enum("status").Values("APPLIED", "PENDING_APPROVAL", "REJECTED").Default("APPLIED"),
		field.Int("actor_id").Optional().Nillable().Immutable(),
		field.Int("approver_id").Optional().Nillable(),
	}
}

// Edges of CreditEvent.
func (CreditEvent) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("profile", CreditProfile.Type).Ref("events").Field("profile_id").Unique().Required().Immutable(),
		edge.To("actor", User.Type).Field("actor_id").Unique().Immutable(),
		edge.To("approver", User.Type).Field("approver_id").Unique(),
	}
}

// Indexes of CreditEvent.
func (CreditEvent) Indexes() []ent.Index {
	return []ent.Index{index.Fields("profile_id", "created_at"), index.Fields("status")}
}

// Annotations of CreditEvent.
func (CreditEvent) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
