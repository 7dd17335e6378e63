// Package c360 is the module root. `go generate ./...` runs the code generators in a fixed
// order: ent (schema → ent/ and graph/ent.graphql), then gqlgen (graph/*.graphqls → graph/).
package c360

//go:generate go run -mod=mod ./ent/entc.go
//go:generate go run -mod=mod github.com/99designs/gqlgen generate --config gqlgen.yml
