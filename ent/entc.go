//go:build ignore

// The ent + entgql code generator. It runs from the module root (see generate.go), so every
// path below is relative to the root: the schema in ./ent/schema, the generated GraphQL schema
// in ./graph/ent.graphql, and gqlgen's configuration in ./gqlgen.yml.
package main

import (
	"log"

	"entgo.io/contrib/entgql"
	"entgo.io/ent/entc"
	"entgo.io/ent/entc/gen"
)

func main() {
	ex, err := entgql.NewExtension(
		entgql.WithConfigPath("./gqlgen.yml"),
		entgql.WithSchemaGenerator(),
		entgql.WithSchemaPath("./graph/ent.graphql"),
		entgql.WithWhereInputs(true),
		entgql.WithNodeDescriptor(false),
	)
	if err != nil {
		log.Fatalf("creating entgql extension: %v", err)
	}
	err = entc.Generate("./ent/schema", &gen.Config{
		Target:  "./ent",
		Package: "github.com/c360crm/c360/ent",
		Features: []gen.Feature{
			gen.FeatureGlobalID,   // type-ranged IDs: Relay node(id) across types
			gen.FeaturePrivacy,    // row scoping and access rules (authz/rule)
			gen.FeatureEntQL,      // generic predicates for privacy filters
			gen.FeatureIntercept,  // query interceptors
			gen.FeatureModifier,   // custom SQL modifiers (aggregates, locks)
			gen.FeatureLock,       // SELECT … FOR UPDATE on MySQL (points ledger)
			gen.FeatureUpsert,     // ON CONFLICT for idempotent writes
			gen.FeatureExecQuery,  // raw SQL for analytics and bulk jobs
			gen.FeatureSnapshot,   // schema snapshot so codegen survives a broken schema
		},
	}, entc.Extensions(ex))
	if err != nil {
		log.Fatalf("running ent codegen: %v", err)
	}
}
