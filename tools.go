//go:build tools

// Package tools pins code-generation tools in go.mod so `go generate` uses known versions.
package tools

import (
	_ "entgo.io/contrib/entgql"
	_ "entgo.io/ent/cmd/ent"
	_ "github.com/99designs/gqlgen"
)
