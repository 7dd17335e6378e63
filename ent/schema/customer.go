package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/dialect"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/edge"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/c360crm/c360/ent/schema/mixin"
	"github.com/c360crm/c360/internal/validate"
)

// Customer is a person or an organisation the operator serves. BUSINESS and GOV_ENTERPRISE
// customers may form a hierarchy (group company → branches) through parent/children.
type Customer struct {
	ent.Schema
}

// Mixin of Customer.
func (Customer) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of Customer.
func (Customer) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").NotEmpty().MaxLen(32).Unique().Immutable().
			Comment("Unified customer code: generated on create, unique, never changes.").
			Annotations(
				entgql.OrderField("CODE"),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
			),
		field.Enum("type").Values("PUBLIC", "BUSINESS", "GOV_ENTERPRISE").
			Comment("PUBLIC 公众, BUSINESS 商务, GOV_ENTERPRISE 政企.").
			Annotations(entgql.OrderField("TYPE")),
		field.String("name").NotEmpty().MaxLen(128).
			Annotations(entgql.OrderField("NAME")),
		field.Enum("id_type").
			Values("RESIDENT_ID", "PASSPORT", "HK_MACAO_PERMIT", "TAIWAN_PERMIT",
				"FOREIGNER_PERMANENT_RESIDENCE", "UNIFIED_SOCIAL_CREDIT_CODE", "OTHER").
			Optional().Nillable(),
		field.String("id_number").Optional().MaxLen(32).
			Comment("Document number; masked unless the caller may read it in clear."),
		field.Enum("gender").Values("MALE", "FEMALE", "UNKNOWN").Optional().Nillable(),
		// A calendar date: DATE on MySQL (ent's default TIMESTAMP cannot hold dates before 1970).
		field.Time("birthday").Optional().Nillable().
			SchemaType(map[string]string{dialect.MySQL: "date"}),
		field.String("mobile").Optional().MaxLen(11).Validate(validate.Mobile).
			Comment("Mainland mobile number; masked unless the caller may read it in clear."),
		field.String("email").Optional().MaxLen(254).Validate(validate.Email),
		field.String("province").Optional().MaxLen(32).
			Annotations(entgql.OrderField("PROVINCE")),
		field.String("city").Optional().MaxLen(32).
			Annotations(entgql.OrderField("CITY")),
		field.String("district").Optional().MaxLen(32),
		field.String("address").Optional().MaxLen(256),
		field.String("industry").Optional().MaxLen(64),
		field.Enum("consumption_level").Values("LOW", "MEDIUM", "HIGH", "PREMIUM").Optional().Nillable(),
		field.Enum("value_tier").Values("STRATEGIC", "KEY", "GROWTH", "MASS").Optional().Nillable().
			Comment("Value pyramid by 12-month revenue: top 1%, next 4%, next 15%, rest.").
			Annotations(entgql.OrderField("VALUE_TIER")),
		field.Enum("acquisition_channel").
			Values("BUSINESS_HALL", "ONLINE", "CALL_CENTER", "PARTNER", "ACCOUNT_MANAGER", "CAMPAIGN", "OTHER").
			Optional().Nillable(),
		field.Enum("status").Values("ACTIVE", "DORMANT", "CHURNED", "MERGED").Default("ACTIVE").
			Comment("MERGED is set only by a confirmed merge.").
			Annotations(entgql.OrderField("STATUS"), entgql.Skip(entgql.SkipMutationCreateInput)),
		field.Bool("marketing_opt_out").Default(false).
			Comment("The customer refuses marketing contacts; campaigns exclude them."),
		field.JSON("attributes", map[string]any{}).Optional().
			Comment("Extended attributes: hobbies, income band, …").
			Annotations(entgql.Type("Map")),
		field.Strings("tags").Optional(),
		field.Int("owner_id").Optional().Nillable().
			Comment("Account manager responsible for the customer."),
		field.Int("team_id").Optional().Nillable().
			Comment("Org unit that holds the customer (row scoping for managers)."),
		field.Int("partner_id").Optional().Nillable(),
		field.Int("parent_id").Optional().Nillable(),
		field.Int("merged_into_id").Optional().Nillable().
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)),
	}
}

// Edges of Customer.
func (Customer) Edges() []ent.Edge {
	noInput := entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)
	return []ent.Edge{
		edge.From("owner", User.Type).Ref("customers").Field("owner_id").Unique(),
		edge.From("team", Team.Type).Ref("customers").Field("team_id").Unique(),
		edge.From("partner", Partner.Type).Ref("customers").Field("partner_id").Unique(),
		edge.To("children", Customer.Type).
			Annotations(entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput)).
			From("parent").Field("parent_id").Unique(),
		edge.To("merged_from", Customer.Type).
			Annotations(noInput).
			From("merged_into").Field("merged_into_id").Unique().Annotations(noInput),
		edge.To("subscriptions", Subscription.Type).
			Annotations(entgql.RelayConnection(), noInput),
		edge.To("accounts", Account.Type).Annotations(noInput),
		edge.To("bills", Bill.Type).Annotations(entgql.RelayConnection(), noInput),
		edge.To("contacts", Contact.Type).Annotations(entgql.RelayConnection(), noInput),
		edge.To("service_requests", ServiceRequest.Type).Annotations(entgql.RelayConnection(), noInput),
		edge.From("groups", CustomerGroup.Type).Ref("members").Annotations(noInput),
		edge.To("credit_profile", CreditProfile.Type).Unique().Annotations(noInput),
		edge.To("points_account", PointsAccount.Type).Unique().Annotations(noInput),
		edge.To("campaign_targets", CampaignTarget.Type).Annotations(entgql.RelayConnection(), noInput),
	}
}

// Indexes of Customer: one for every filter and sort the API offers.
func (Customer) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("owner_id", "status"),
		index.Fields("team_id", "status"),
		index.Fields("partner_id"),
		index.Fields("parent_id"),
		index.Fields("merged_into_id"),
		index.Fields("mobile"),
		index.Fields("id_type", "id_number"),
		index.Fields("id_number"),
		index.Fields("name"),
		index.Fields("type", "status"),
		index.Fields("status", "created_at"),
		index.Fields("province", "city"),
		index.Fields("value_tier"),
	}
}

// Annotations of Customer.
func (Customer) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entgql.RelayConnection(),
		entgql.QueryField(),
		entgql.Mutations(entgql.MutationCreate(), entgql.MutationUpdate()),
		entgql.MultiOrder(),
	}
}
