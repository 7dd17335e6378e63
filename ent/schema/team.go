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

// Team is an org unit in a tree (province → city → district → community). Managers see the
// customers of their team's subtree; `path` makes that a prefix match instead of a recursive walk.
type Team struct {
	ent.Schema
}

// Mixin of Team.
func (Team) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of Team.
func (Team) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128).
			Annotations(entgql.OrderField("NAME")),
		field.String("code").NotEmpty().MaxLen(64).Unique().
			Comment("Stable short code of the unit, e.g. ZJ-HZ-XH.").
			Annotations(entgql.OrderField("CODE")),
		field.Enum("kind").Values("PROVINCE", "CITY", "DISTRICT", "COMMUNITY", "DEPARTMENT").
			Default("DEPARTMENT"),
		field.String("region").Optional().MaxLen(64).
			Comment("Region served (province or city name); agents read customers of their region."),
		field.Int("parent_id").Optional().Nillable(),
		field.String("path").Default("/").MaxLen(512).
			Comment("Materialised path of ancestor IDs, '/1/5/12/': subtree queries are a prefix match.").
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Edges of Team.
func (Team) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("children", Team.Type).
			From("parent").Field("parent_id").Unique(),
		edge.To("users", User.Type),
		edge.To("customers", Customer.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of Team.
func (Team) Indexes() []ent.Index {
	return []ent.Index{index.Fields("path"), index.Fields("parent_id")}
}

// Annotations of Team.
func (Team) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
	}
}
