// Package graph holds the GraphQL resolvers of c360. Resolvers are thin: they decode the input,
// call one ent query or one domain service, and return. Access rules live in ent privacy
// (authz/rule); errors are mapped to codes by the error presenter in internal/server.
package graph

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/graph/generated"
)

// Resolver is the root resolver: the dependencies every resolver may use.
type Resolver struct {
	Client *ent.Client
}

// NewSchema builds the executable schema; main and tests build it the same way.
func NewSchema(client *ent.Client) graphql.ExecutableSchema {
	return generated.NewExecutableSchema(generated.Config{
		Resolvers: &Resolver{Client: client},
	})
}
