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

// Campaign is a marketing campaign: plan, approval, targets, execution and evaluation.
type Campaign struct {
	ent.Schema
}

// Mixin of Campaign.
func (Campaign) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of Campaign.
func (Campaign) Fields() []ent.Field {
	return []ent.Field{
		field.String("code").NotEmpty().MaxLen(32).Unique().Match(codeRE).
			Annotations(entgql.OrderField("CODE")),
		field.String("name").NotEmpty().MaxLen(128).Annotations(entgql.OrderField("NAME")),
		field.Text("objective").Optional(),
		field.Enum("status").
			Values("DRAFT", "PENDING_APPROVAL", "APPROVED", "RUNNING", "COMPLETED", "CANCELLED").
			Default("DRAFT").
			Annotations(entgql.OrderField("STATUS")),
		field.Strings("channels").Default([]string{}).
			Comment("Channels used: VISIT, CALL_CENTER, SMS, EMAIL, BUSINESS_HALL, PARTNER."),
		field.Int64("budget").NonNegative().Default(0).Comment("Budget in fen (0.01 CNY)."),
		field.Int64("estimated_cost").NonNegative().Default(0).Comment("In fen."),
		field.Int64("actual_cost").NonNegative().Default(0).Comment("In fen."),
		field.Time("start_at").Optional().Nillable().Annotations(entgql.OrderField("START_AT")),
		field.Time("end_at").Optional().Nillable(),
		field.Float("holdout_percent").Min(0).Max(50).Default(0).
			Comment("Share of targets kept as a never-contacted control group."),
		field.Int("contact_cap_days").NonNegative().Default(0).
			Comment("Exclude customers contacted by marketing within this many days (0: no cap)."),
		field.JSON("forecast", map[string]any{}).Optional().Annotations(entgql.Type("Map")),
		field.Int("offer_id").Optional().Nillable(),
		field.Int("segment_id").Optional().Nillable(),
		field.Int("owner_id").Optional().Nillable(),
		field.Int("approver_id").Optional().Nillable(),
		field.Time("approved_at").Optional().Nillable(),
		field.Time("launched_at").Optional().Nillable(),
	}
}

// Edges of Campaign.
func (Campaign) Edges() []ent.Edge {
	return []ent.Edge{
		edge.To("offer", Product.Type).Field("offer_id").Unique(),
		edge.From("segment", CustomerGroup.Type).Ref("campaigns").Field("segment_id").Unique(),
		edge.To("owner", User.Type).Field("owner_id").Unique(),
		edge.To("approver", User.Type).Field("approver_id").Unique(),
		edge.To("targets", CampaignTarget.Type).Annotations(entgql.RelayConnection()),
		edge.To("costs", CampaignCost.Type),
	}
}

// Indexes of Campaign.
func (Campaign) Indexes() []ent.Index {
	return []ent.Index{index.Fields("status", "offer_id"), index.Fields("owner_id")}
}

// Annotations of Campaign.
func (Campaign) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}

// CampaignTarget is one customer selected for a campaign, with its assignee and outcome.
type CampaignTarget struct {
	ent.Schema
}

// Mixin of CampaignTarget.
func (CampaignTarget) Mixin() []ent.Mixin { return []ent.Mixin{mixin.Time{}, mixin.Access{}} }

// Fields of CampaignTarget.
func (CampaignTarget) Fields() []ent.Field {
	return []ent.Field{
		field.Int("campaign_id").Immutable(),
		field.Int("customer_id").Immutable(),
		field.Int("assignee_id").Optional().Nillable(),
		field.Int("partner_id").Optional().Nillable(),
		field.Int("subscription_id").Optional().Nillable().
			Comment("The subscription a conversion produced."),
		field.String("channel").Optional().MaxLen(32),
		field.Enum("status").Values("PENDING", "CONTACTED", "RESPONDED", "CONVERTED", "DECLINED").Default("PENDING").
			Annotations(entgql.OrderField("STATUS")),
		field.Bool("control_group").Default(false).Immutable(),
		field.Time("contacted_at").Optional().Nillable(),
		field.Time("responded_at").Optional().Nillable(),
		field.Time("converted_at").Optional().Nillable(),
		field.Int64("revenue").Default(0).Comment("Revenue attributed to the conversion, in fen."),
		field.String("note").Optional().MaxLen(500),
	}
}

// Edges of CampaignTarget.
func (CampaignTarget) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("campaign", Campaign.Type).Ref("targets").Field("campaign_id").Unique().Required().Immutable(),
		edge.From("customer", Customer.Type).Ref("campaign_targets").Field("customer_id").Unique().Required().Immutable(),
		edge.To("assignee", User.Type).Field("assignee_id").Unique(),
		edge.From("partner", Partner.Type).Ref("campaign_targets").Field("partner_id").Unique(),
		edge.To("subscription", Subscription.Type).Field("subscription_id").Unique(),
		edge.To("contacts", Contact.Type),
	}
}

// Indexes of CampaignTarget.
func (CampaignTarget) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("campaign_id", "customer_id").Unique(),
		index.Fields("campaign_id", "status"),
		index.Fields("customer_id"),
		index.Fields("assignee_id", "status"),
		index.Fields("partner_id", "status"),
	}
}

// Annotations of CampaignTarget.
func (CampaignTarget) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection()}
}

// CampaignCost is an actual cost booked against a campaign.
type CampaignCost struct {
	ent.Schema
}

// Mixin of CampaignCost.
func (CampaignCost) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}, mixin.Access{}} }

// Fields of CampaignCost.
func (CampaignCost) Fields() []ent.Field {
	return []ent.Field{
		field.Int("campaign_id").Immutable(),
		field.String("channel").Optional().MaxLen(32),
		field.String("description").NotEmpty().MaxLen(200),
		field.Int64("amount").Comment("In fen (0.01 CNY)."),
		field.Time("incurred_at").Default(time.Now),
		field.Int("recorded_by_id").Optional().Nillable(),
	}
}

// Edges of CampaignCost.
func (CampaignCost) Edges() []ent.Edge {
	return []ent.Edge{
		edge.From("campaign", Campaign.Type).Ref("costs").Field("campaign_id").Unique().Required().Immutable(),
		edge.To("recorded_by", User.Type).Field("recorded_by_id").Unique(),
	}
}

// Indexes of CampaignCost.
func (CampaignCost) Indexes() []ent.Index { return []ent.Index{index.Fields("campaign_id")} }
