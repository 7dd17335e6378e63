package mixin

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/mixin"

	"github.com/c360crm/c360/authz/rule"
	"github.com/c360crm/c360/internal/audit"
)

// Access puts an entity under c360's access rules (authz/rule: Casbin + row scoping) and
// the audit trail. Every entity of the graph has it.
type Access struct{ mixin.Schema }

// Policy of the Access mixin.
func (Access) Policy() ent.Policy { return rule.Policy() }

// Hooks of the Access mixin: every create, update and delete is audited in its transaction.
func (Access) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }

// Audited records changes in the audit trail without access rules (policy rows, which only
// the enforcer writes after its own checks).
type Audited struct{ mixin.Schema }

// Hooks of the Audited mixin.
func (Audited) Hooks() []ent.Hook { return []ent.Hook{audit.Hook()} }
