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

// Partner is a channel partner whose systems integrate through API keys.
type Partner struct {
	ent.Schema
}

// Mixin of Partner.
func (Partner) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of Partner.
func (Partner) Fields() []ent.Field {
	return []ent.Field{
		field.String("name").NotEmpty().MaxLen(128).
			Annotations(entgql.OrderField("NAME")),
		field.String("code").NotEmpty().MaxLen(64).Unique().Match(codeRE).
			Annotations(entgql.OrderField("CODE")),
		field.Enum("status").Values("ACTIVE", "SUSPENDED").Default("ACTIVE"),
		field.String("contact_name").Optional().MaxLen(64),
		field.String("contact_mobile").Optional().Validate(validate.Mobile),
		field.Strings("scopes").Default([]string{}).
			Comment("API scopes granted to the partner's keys."),
	}
}

// Edges of Partner.
func (Partner) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("api_keys", PartnerAPIKey.Type).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("customers", Customer.Type).
			Comment("Customers assigned to the partner.").
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
		edge.To("campaign_targets", CampaignTarget.Type).
			Annotations(entgql.RelayConnection(), entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Indexes of Partner.
func (Partner) Indexes() []ent.Index { return []ent.Index{index.Fields("status")} }

// Annotations of Partner.
func (Partner) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// PartnerAPIKey is one API key of a partner; only its hash and a visible prefix are stored.
type PartnerAPIKey struct {
	ent.Schema
}

// Mixin of PartnerAPIKey.
func (PartnerAPIKey) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}, mixin.Access{}} }

// Fields of PartnerAPIKey.
func (PartnerAPIKey) Fields() []ent.Field {
	return []ent.Field{
		field.Int("partner_id").Immutable(),
		field.String("name").Optional().MaxLen(64),
		field.String("prefix").NotEmpty().MaxLen(32).Immutable().
			Comment("The first characters of the key, shown to recognise it."),
		field.String("key_hash").Sensitive().NotEmpty().Unique().Immutable().
			Annotations(entgql.Skip()),
		field.Time("expires_at").Optional().Nillable(),
		field.Time("last_used_at").Optional().Nillable(),
		field.Time("revoked_at").Optional().Nillable(),
	}
}

// Edges of PartnerAPIKey.
func (PartnerAPIKey) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("partner", Partner.Type).Ref("api_keys").Field("partner_id").Unique().Required().Immutable(),
	}
}

// Indexes of PartnerAPIKey.
func (PartnerAPIKey) Indexes() []ent.Index { return []ent.Index{index.Fields("partner_id")} }

// Annotations of PartnerAPIKey.
func (PartnerAPIKey) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.Type("PartnerAPIKey")}
}
