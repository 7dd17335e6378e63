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

// CustomerGroup is a segment: STATIC (explicit members) or DYNAMIC (a saved CustomerWhereInput
// filter whose membership is computed on demand).
type CustomerGroup struct {
	ent.Schema
}

// Mixin of CustomerGroup.
func (CustomerGroup) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of CustomerGroup.
func (CustomerGroup) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128).
			Annotations(entgql.OrderField("NAME")),
		field.Text("description").Optional(),
		field.Enum("kind").Values("STATIC", "DYNAMIC").Default("STATIC").
			Annotations(entgql.OrderField("KIND")),
		field.JSON("criteria", map[string]any{}).Optional().
			Comment("DYNAMIC groups: the saved CustomerWhereInput, as JSON.").
			Annotations(entgql.Type("Map")),
		field.Int("owner_id").Optional().Nillable(),
	}
}

// Edges of CustomerGroup.
func (CustomerGroup) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("members", Customer.Type).
			Comment("STATIC groups: explicit members.").
			Annotations(entgql.RelayConnection()),
		edge.To("owner", User.Type).Field("owner_id").Unique(),
		edge.To("campaigns", Campaign.Type).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of CustomerGroup.
func (CustomerGroup) Indexes() []ent.Index {
	return []ent.Index{index.Fields("owner_id"), index.Fields("name")}
}

// Annotations of CustomerGroup.
func (CustomerGroup) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}
