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

// PointsAccount holds a customer's loyalty balance; the balance always equals the ledger sum
// and never goes negative (the points service keeps both true).
type PointsAccount struct {
	ent.Schema
}

// Mixin of PointsAccount.
func (PointsAccount) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of PointsAccount.
func (PointsAccount) Fields() []ent.Field {
	return []ent.Field{
		field.Int("customer_id").Unique(),
		field.Int64("balance").NonNegative().Default(0).
			Annotations(entgql.OrderField("BALANCE")),
		field.Int64("qualifying_points").NonNegative().Default(0).
			Comment("Points earned in the assessment window; they drive the tier."),
		field.Enum("tier").Values("BASIC", "SILVER", "GOLD", "DIAMOND").Default("BASIC").
			Annotations(entgql.OrderField("TIER")),
		field.Time("tier_assessed_at").Optional().Nillable(),
	}
}

// Edges of PointsAccount.
func (PointsAccount) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("points_account").Field("customer_id").Unique().Required(),
		edge.To("transactions", PointsTransaction.Type).Annotations(entgql.RelayConnection()),
	}
}

// Indexes of PointsAccount.
func (PointsAccount) Indexes() []ent.Index { return []ent.Index{index.Fields("tier")} }

// Annotations of PointsAccount.
func (PointsAccount) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// PointsTransaction is one append-only ledger entry. An EARN entry is also a lot: `remaining`
// tracks what is left of it for FIFO redemption and expiry.
type PointsTransaction struct {
	ent.Schema
}

// Mixin of PointsTransaction.
func (PointsTransaction) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}, mixin.Access{}} }

// Fields of PointsTransaction.
func (PointsTransaction) Fields() []ent.Field {
	return []ent.Field{
		field.Int("account_id").Immutable(),
		field.Enum("kind").Values("EARN", "REDEEM", "EXPIRE", "ADJUST", "TRANSFER_IN", "TRANSFER_OUT").Immutable().
			Annotations(entgql.OrderField("KIND")),
		field.Int64("points").Immutable().
			Comment("Signed change of the balance."),
		field.Int64("balance_after").Immutable(),
		field.Int64("remaining").Default(0).NonNegative().
			Comment("EARN lots: points of this lot not yet redeemed or expired."),
		field.Time("expires_at").Optional().Nillable().Immutable(),
		field.String("reason").Optional().MaxLen(200).Immutable(),
		field.String("idempotency_key").Optional().Nillable().MaxLen(128).Immutable(),
		field.Int("actor_id").Optional().Nillable().Immutable(),
	}
}

// Edges of PointsTransaction.
func (PointsTransaction) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", PointsAccount.Type).Ref("transactions").Field("account_id").Unique().Required().Immutable(),
		edge.To("actor", User.Type).Field("actor_id").Unique().Immutable(),
	}
}

// Indexes of PointsTransaction.
func (PointsTransaction) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("account_id", "idempotency_key").Unique(),
		index.Fields("account_id", "created_at"),
		index.Fields("account_id", "kind", "expires_at"),
		index.Fields("expires_at"),
	}
}

// Annotations of PointsTransaction.
func (PointsTransaction) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}
