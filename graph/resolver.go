// Package graph holds the GraphQL resolvers of c360. Resolvers are thin: they decode the input,
// call one ent query or one domain service, and return. Access rules live in ent privacy
// (authz/rule) and the operation checks of internal/server; errors are mapped to codes by the
// error presenter in internal/server.
package graph

import (
	"strings"

	"github.com/99designs/gqlgen/graphql"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/graph/generated"
	"github.com/c360crm/c360/internal/auth"
	"github.com/c360crm/c360/internal/knowledge"
	"github.com/c360crm/c360/internal/points"
)

// Resolver is the root resolver: the dependencies every resolver may use.
type Resolver struct {
	Client   *ent.Client
	Auth     *auth.Service
	Enforcer *authz.Enforcer
	// Knowledge is the knowledge base (documents, workflow, attachments, search).
	Knowledge *knowledge.Service
	// Ledger is the loyalty points ledger.
	Ledger *points.Service
	// operations are the root fields (`Query.customers`, …) for Viewer.operations.
	operations []string
}

// NewSchema builds the executable schema; main and tests build it the same way.
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	es := generated.NewExecutableSchema(generated.Config{Resolvers: r})
	s := es.Schema()
	for _, root := range []string{s.Query.Name, s.Mutation.Name} {
		for _, f := range s.Types[root].Fields {
			if !strings.HasPrefix(f.Name, "__") {
				r.operations = append(r.operations, root+"."+f.Name)
			}
		}
	}
	return es
}
