package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/c360crm/c360/ent/schema/mixin"
	"github.com/c360crm/c360/internal/validate"
)

// User is a member of staff who signs in to the admin app.
type User struct {
	ent.Schema
}

// Mixin of User.
func (User) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of User.
func (User) Fields() []ent.Field {
	return []ent.Field{
		field.String("username").NotEmpty().MaxLen(64).Unique().Immutable().
			Match(usernameRE).
			Annotations(entgql.OrderField("USERNAME")),
		field.String("display_name").NotEmpty().MaxLen(64).
			Annotations(entgql.OrderField("DISPLAY_NAME")),
		field.String("password_hash").Sensitive().Optional().
			Comment("bcrypt hash; never exposed, set through createUser/changePassword.").
			Annotations(entgql.Skip()),
		field.String("email").Optional().MaxLen(254).Validate(validate.Email),
		field.String("mobile").Optional().MaxLen(11).Validate(validate.Mobile),
		field.Strings("roles").Default([]string{}).
			Comment("Casbin roles held by the user, e.g. admin, manager, account_manager."),
		field.Enum("status").Values("ACTIVE", "DISABLED").Default("ACTIVE").
			Annotations(entgql.OrderField("STATUS")),
		field.Int("team_id").Optional().Nillable(),
		field.Time("last_login_at").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Edges of User.
func (User) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("team", Team.Type).Ref("users").Field("team_id").Unique(),
		edge.To("customers", Customer.Type).
			Comment("Customers this user manages as account manager.").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of User.
func (User) Indexes() []ent.Index {
	return []ent.Index{index.Fields("team_id", "status")}
}

// Annotations of User.
func (User) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		// createUser is hand-written (it takes a password); the update input is generated.
		entgql.Mutations(entgql.MutationUpdate()),
	}
}
