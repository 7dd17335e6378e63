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

// Account is a payment account of a customer; bills are issued against it.
type Account struct {
	ent.Schema
}

// Mixin of Account.
func (Account) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of Account.
func (Account) Fields() []ent.Field {
	return []ent.Field{
		field.Int("customer_id"),
		field.String("number").NotEmpty().MaxLen(32).Unique().
			Comment("Payment account number.").
			Annotations(entgql.OrderField("NUMBER")),
		field.String("name").NotEmpty().MaxLen(128),
		field.Enum("payment_method").
			Values("CASH", "BANK_DEBIT", "ALIPAY", "WECHAT_PAY", "CREDIT_CARD", "INVOICE").
			Default("CASH"),
		field.Int64("balance").Default(0).
			Comment("Prepaid balance in fen (0.01 CNY); negative means arrears."),
		field.Enum("status").Values("ACTIVE", "SUSPENDED", "CLOSED").Default("ACTIVE"),
		field.String("billing_address").Optional().MaxLen(256),
	}
}

// Edges of Account.
func (Account) Edges() []ent.Edge {
	noInput := entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("accounts").Field("customer_id").Unique().Required(),
		edge.To("bills", Bill.Type).Annotations(entgql.RelayConnection(), noInput),
		edge.To("subscriptions", Subscription.Type).Annotations(noInput),
	}
}

// Indexes of Account.
func (Account) Indexes() []ent.Index {
	return []ent.Index{index.Fields("customer_id")}
}

// Annotations of Account.
func (Account) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}
