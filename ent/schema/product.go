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

// Product is an item of the catalog: a mobile plan, broadband, IPTV, fixed line or a bundle.
// Money is stored in fen (0.01 CNY) as integers: no rounding anywhere.
type Product struct {
	ent.Schema
}

// Mixin of Product.
func (Product) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of Product.
func (Product) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").NotEmpty().MaxLen(64).Unique().Match(codeRE).
			Annotations(entgql.OrderField("CODE")),
		field.String("name").NotEmpty().MaxLen(128).
			Annotations(entgql.OrderField("NAME")),
		field.Enum("category").
			Values("MOBILE_PLAN", "BROADBAND", "IPTV", "FIXED_LINE", "BUNDLE", "VALUE_ADDED", "DEVICE").
			Annotations(entgql.OrderField("CATEGORY")),
		field.Text("description").Optional(),
		field.Int64("price").NonNegative().
			Comment("Price per billing cycle in fen (0.01 CNY).").
			Annotations(entgql.OrderField("PRICE")),
		field.Enum("billing_cycle").Values("MONTHLY", "QUARTERLY", "YEARLY", "ONE_TIME").Default("MONTHLY"),
		field.Enum("status").Values("DRAFT", "ACTIVE", "RETIRED").Default("ACTIVE").
			Annotations(entgql.OrderField("STATUS")),
		field.JSON("attributes", map[string]any{}).Optional().
			Comment("Technical attributes: data GB, voice minutes, bandwidth Mbps, channels, …").
			Annotations(entgql.Type("Map")),
	}
}

// Edges of Product.
func (Product) Edges() []ent.Edge {
	noInput := entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Edge{
		edge.To("components", Product.Type).
			Comment("For a BUNDLE: the products it includes.").
			From("bundles"),
		edge.To("subscriptions", Subscription.Type).Annotations(entgql.RelayConnection(), noInput),
		edge.From("knowledge_documents", KnowledgeDocument.Type).Ref("products").Annotations(noInput),
		edge.From("campaigns", Campaign.Type).Ref("offer").Annotations(noInput),
	}
}

// Indexes of Product.
func (Product) Indexes() []ent.Index {
	return []ent.Index{index.Fields("category", "status")}
}

// Annotations of Product.
func (Product) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}
