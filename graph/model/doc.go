// Package model holds GraphQL-only types that gqlgen generates (types with no ent entity behind them).
package model
