// Package mixin holds field sets shared by several c360 schemas.
package mixin

import (
	"time"

	"entgo.io/contrib/entgql"
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"entgo.io/ent/schema/mixin"
)

// Time adds created_at and updated_at, both server-set and sortable.
type Time struct{ mixin.Schema }

// Fields of the Time mixin.
func (Time) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").
			Default(time.Now).
			Immutable().
			Annotations(
				entgql.OrderField("CREATED_AT"),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
			),
		field.Time("updated_at").
			Default(time.Now).
			UpdateDefault(time.Now).
			Annotations(
				entgql.OrderField("UPDATED_AT"),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
			),
	}
}

// Indexes of the Time mixin: lists are sorted by creation time by default.
func (Time) Indexes() []ent.Index {
	return []ent.Index{index.Fields("created_at")}
}

// CreatedOnly adds an immutable created_at for append-only records.
type CreatedOnly struct{ mixin.Schema }

// Fields of the CreatedOnly mixin.
func (CreatedOnly) Fields() []ent.Field {
	return []ent.Field{
		field.Time("created_at").
			Default(time.Now).
			Immutable().
			Annotations(
				entgql.OrderField("CREATED_AT"),
				entgql.Skip(entgql.SkipMutationCreateInput, entgql.SkipMutationUpdateInput),
			),
	}
}

// Indexes of the CreatedOnly mixin.
func (CreatedOnly) Indexes() []ent.Index {
	return []ent.Index{index.Fields("created_at")}
}
