package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/c360crm/c360/ent/schema/mixin"
)

// Session is a signed-in staff user or customer. Only the SHA-256 of the token is stored, so a
// copy of the database does not let anybody sign in; sessions survive restarts and are
// revoked by logout, password change or disabling the user.
type Session struct {
	ent.Schema
}

// Mixin of Session.
func (Session) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}} }

// Fields of Session.
func (Session) Fields() []ent.Field {
	return []ent.Field{
		field.String("token_hash").NotEmpty().Unique().Immutable().Sensitive(),
		field.Enum("kind").Values("STAFF", "CUSTOMER").Immutable(),
		field.Int("user_id").Optional().Nillable().Immutable(),
		field.Int("customer_id").Optional().Nillable().Immutable(),
		field.Time("expires_at"),
		field.Time("last_seen_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
		field.String("client_ip").Optional().MaxLen(64).Immutable(),
		field.String("user_agent").Optional().MaxLen(256).Immutable(),
	}
}

// Indexes of Session.
func (Session) Indexes() []ent.Index {
	return []ent.Index{index.Fields("user_id"), index.Fields("customer_id"), index.Fields("expires_at")}
}

// Annotations of Session: not part of the graph.
func (Session) Annotations() []schema.Annotation { return []schema.Annotation{entgql.Skip()} }

// LoginThrottle counts failed sign-ins per key ("user:<name>", "ip:<addr>", "mobile:<n>") in a
// window; it lives in the database so that every API instance sees the same count.
type LoginThrottle struct {
	ent.Schema
}

// Fields of LoginThrottle.
func (LoginThrottle) Fields() []ent.Field {
	return []ent.Field{
		field.String("key").NotEmpty().MaxLen(160).Unique(),
		field.Int("failures").Default(0),
		field.Time("window_start"),
		field.Time("locked_until").Optional().Nillable(),
	}
}

// Annotations of LoginThrottle: not part of the graph.
func (LoginThrottle) Annotations() []schema.Annotation { return []schema.Annotation{entgql.Skip()} }

// CasbinRule is one policy row of the Casbin enforcer (p and g lines), edited by admins and
// reloaded by every API instance.
type CasbinRule struct {
	ent.Schema
}

// Mixin of CasbinRule: policy edits are in the audit trail.
func (CasbinRule) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Audited{}} }

// Fields of CasbinRule.
func (CasbinRule) Fields() []ent.Field {
	return []ent.Field{
		field.String("ptype").NotEmpty().MaxLen(8),
		field.String("v0").Default("").MaxLen(128),
		field.String("v1").Default("").MaxLen(128),
		field.String("v2").Default("").MaxLen(128),
		field.String("v3").Default("").MaxLen(128),
		field.String("v4").Default("").MaxLen(128),
		field.String("v5").Default("").MaxLen(128),
	}
}

// Indexes of CasbinRule.
func (CasbinRule) Indexes() []ent.Index {
	return []ent.Index{index.Fields("ptype", "v0", "v1", "v2", "v3").Unique()}
}

// Annotations of CasbinRule: exposed through hand-written policy operations.
func (CasbinRule) Annotations() []schema.Annotation { return []schema.Annotation{entgql.Skip()} }

// Setting is a small key/value row for process-wide state, e.g. the policy version that tells
// API instances to reload Casbin rows.
type Setting struct {
	ent.Schema
}

// Mixin of Setting.
func (Setting) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}} }

// Fields of Setting.
func (Setting) Fields() []ent.Field {
	return []ent.Field{
		field.String("key").NotEmpty().MaxLen(64).Unique().Immutable(),
		field.Text("value").Default(""),
	}
}

// Annotations of Setting: not part of the graph.
func (Setting) Annotations() []schema.Annotation { return []schema.Annotation{entgql.Skip()} }

// CustomerCredential lets a customer sign in to the web business hall: a password set by the
// customer or by staff, and a one-time code (hashed) for sign-in without a password.
type CustomerCredential struct {
	ent.Schema
}

// Mixin of CustomerCredential.
func (CustomerCredential) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}} }

// Fields of CustomerCredential.
func (CustomerCredential) Fields() []ent.Field {
	return []ent.Field{
		field.Int("customer_id").Unique().Immutable(),
		field.String("password_hash").Optional().Sensitive(),
		field.String("code_hash").Optional().Sensitive(),
		field.Time("code_expires_at").Optional().Nillable(),
		field.Int("code_attempts").Default(0),
	}
}

// Annotations of CustomerCredential: not part of the graph.
func (CustomerCredential) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Skip()}
}
