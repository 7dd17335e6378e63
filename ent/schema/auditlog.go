package schema

import (
	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"

	"github.com/c360crm/c360/ent/schema/mixin"
)

// AuditLog records one change or sensitive read: who, what, which record, which fields (PII
// masked), when and under which request. Rows are written in the transaction of the change and
// never updated.
type AuditLog struct {
	ent.Schema
}

// Mixin of AuditLog.
func (AuditLog) Mixin() []ent.Mixin { return []ent.Mixin{mixin.CreatedOnly{}, mixin.Access{}} }

// Fields of AuditLog.
func (AuditLog) Fields() []ent.Field {
	return []ent.Field{
		field.Enum("actor_type").Values("USER", "PARTNER", "CUSTOMER", "SYSTEM").Immutable(),
		field.Int("actor_id").Optional().Nillable().Immutable(),
		field.String("actor_name").Optional().MaxLen(128).Immutable(),
		field.String("action").NotEmpty().MaxLen(64).Immutable().
			Comment("create, update, delete, reveal_pii, login, …").
			Annotations(entgql.OrderField("ACTION")),
		field.String("entity_type").NotEmpty().MaxLen(64).Immutable(),
		field.Int("entity_id").Optional().Nillable().Immutable(),
		field.JSON("changes", map[string]any{}).Optional().Immutable().
			Comment("Changed fields: {field: {old, new}}, PII masked.").
			Annotations(entgql.Type("Map")),
		field.String("reason").Optional().MaxLen(500).Immutable(),
		field.String("request_id").Optional().MaxLen(64).Immutable(),
		field.String("client_ip").Optional().MaxLen(64).Immutable(),
	}
}

// Indexes of AuditLog.
func (AuditLog) Indexes() []ent.Index {
	return []ent.Index{
		index.Fields("entity_type", "entity_id"),
		index.Fields("actor_type", "actor_id", "created_at"),
		index.Fields("action", "created_at"),
	}
}

// Annotations of AuditLog.
func (AuditLog) Annotations() []schema.Annotation {
	return []schema.Annotation{entgql.RelayConnection(), entgql.QueryField()}
}
