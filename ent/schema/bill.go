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

// Bill is one monthly bill of an account: the source of consumption analytics. The customer is
// stored as well so that per-customer analytics need no join through accounts.
type Bill struct {
	ent.Schema
}

// Mixin of Bill.
func (Bill) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}, mixin.Access{}} }

// Fields of Bill.
func (Bill) Fields() []ent.Field {
	return []ent.Field{
		field.Int("account_id"),
		field.Int("customer_id"),
		field.String("period").Match(periodRE).
			Comment("Billing month, YYYY-MM.").
			Annotations(entgql.OrderField("PERIOD")),
		field.Int64("amount").
			Comment("Amount due in fen (0.01 CNY).").
			Annotations(entgql.OrderField("AMOUNT")),
		field.Int64("paid_amount").Default(0).
			Comment("Amount paid in fen."),
		field.Time("due_at").Annotations(entgql.OrderField("DUE_AT")),
		field.Time("paid_at").Optional().Nillable(),
		field.Enum("status").Values("UNPAID", "PAID", "PARTIAL", "OVERDUE").Default("UNPAID").
			Annotations(entgql.OrderField("STATUS")),
	}
}

// Edges of Bill.
func (Bill) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("account", Account.Type).Ref("bills").Field("account_id").Unique().Required(),
		edge.From("customer", Customer.Type).Ref("bills").Field("customer_id").Unique().Required(),
	}
}

// Indexes of Bill.
func (Bill) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("account_id", "period").Unique(),
		index.Fields("customer_id", "period"),
		index.Fields("period", "status"),
	}
}

// Annotations of Bill.
func (Bill) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
