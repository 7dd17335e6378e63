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

// Subscription is a product instance held by a customer (a mobile line, a broadband access, …).
type Subscription struct {
	ent.Schema
}

// Mixin of Subscription.
func (Subscription) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of Subscription.
func (Subscription) Fields() []ent.Field {
	return []ent.Field{
		field.Int("customer_id"),
		field.Int("product_id"),
		field.Int("account_id").Optional().Nillable(),
		field.String("service_number").NotEmpty().MaxLen(64).
			Comment("Mobile number, broadband account or fixed-line number of the instance.").
			Annotations(entgql.OrderField("SERVICE_NUMBER")),
		field.Enum("status").Values("PENDING", "ACTIVE", "SUSPENDED", "TERMINATED").Default("ACTIVE").
			Annotations(entgql.OrderField("STATUS")),
		field.Time("start_at").Default(time.Now).
			Annotations(entgql.OrderField("START_AT")),
		field.Time("end_at").Optional().Nillable(),
		field.Time("contract_end_at").Optional().Nillable().
			Comment("End of the commitment period, if any (churn-risk signal)."),
		field.Int64("monthly_fee").NonNegative().Default(0).
			Comment("Monthly fee in fen (0.01 CNY).").
			Annotations(entgql.OrderField("MONTHLY_FEE")),
	}
}

// Edges of Subscription.
func (Subscription) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("customer", Customer.Type).Ref("subscriptions").Field("customer_id").Unique().Required(),
		edge.From("product", Product.Type).Ref("subscriptions").Field("product_id").Unique().Required(),
		edge.From("account", Account.Type).Ref("subscriptions").Field("account_id").Unique(),
	}
}

// Indexes of Subscription.
func (Subscription) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("customer_id", "status"),
		index.Fields("product_id", "status"),
		index.Fields("account_id"),
		index.Fields("service_number"),
	}
}

// Annotations of Subscription.
func (Subscription) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}
