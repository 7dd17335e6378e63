// Package authz decides who may do what in c360: the Principal of a request, the Casbin
// model and default policy (embedded), the enforcer with policy rows kept in the database,
// and PII masking. Row-level rules that use it live in authz/rule and are wired into ent's
// privacy layer, so every path to the data is filtered the same way.
package authz

import (
	"context"
	"slices"
)

// Kind says what sort of caller a Principal is.
type Kind string

// Kinds of principal.
const (
	KindUser     Kind = "USER"     // staff, signed in to the admin app or with a bearer token
	KindPartner  Kind = "PARTNER"  // a partner system, with an API key
	KindCustomer Kind = "CUSTOMER" // a customer in the web business hall
	KindSystem   Kind = "SYSTEM"   // jobs and CLI commands acting for the operator
)

// Roles known to the default policy.
const (
	RoleAdmin           = "admin"
	RoleManager         = "manager"
	RolePlanner         = "planner"
	RoleAccountManager  = "account_manager"
	RoleAgent           = "agent"
	RoleKnowledgeEditor = "knowledge_editor"
	RoleReviewer        = "reviewer"
	RolePartner         = "partner"
	RoleCustomer        = "customer"
)

// StaffRoles are the roles a staff user may hold.
var StaffRoles = []string{
	RoleAdmin, RoleManager, RolePlanner, RoleAccountManager, RoleAgent, RoleKnowledgeEditor, RoleReviewer,
}

// Principal is the authenticated caller of a request.
type Principal struct {
	Kind  Kind
	ID    int    // user, partner or customer ID (0 for SYSTEM)
	Name  string // username, partner code or customer code, for the audit trail
	Roles []string
	// Staff only: the team and its materialised path ("/1/5/") for subtree scoping, and the
	// region the team serves (agents read the customers of their region).
	TeamID   int
	TeamPath string
	Region   string
	// SessionID is the session or API key the request came with (0 for none).
	SessionID int
}

// HasRole reports whether the principal holds the role.
func (p *Principal) HasRole(role string) bool { return p != nil && slices.Contains(p.Roles, role) }

// IsAdmin reports whether the principal is an admin or the system itself.
func (p *Principal) IsAdmin() bool {
	return p != nil && (p.Kind == KindSystem || p.HasRole(RoleAdmin))
}

// System is the principal of jobs, migrations and CLI commands.
var System = &Principal{Kind: KindSystem, Name: "system", Roles: []string{RoleAdmin}}

type principalKey struct{}

// NewContext returns ctx carrying p.
func NewContext(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the principal of ctx, or nil for an anonymous request.
func FromContext(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}
