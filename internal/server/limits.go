package server

import (
	"context"
	"fmt"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/c360crm/c360/internal/apperr"
)

// Limits bound what one GraphQL operation may ask for.
type Limits struct {
	MaxDepth      int // deepest field nesting
	MaxAliases    int // aliased fields in one operation
	MaxComplexity int // fields weighted by page sizes (see cost)
	MaxPageSize   int // largest first/last on a connection
	// DefaultPageSize is applied to a connection that gives neither first nor last.
	DefaultPageSize int
	MaxTokens       int // parser token limit
}

// DefaultLimits are generous for the SPA and reports and refuse abusive queries.
var DefaultLimits = Limits{
	MaxDepth:        15,
	MaxAliases:      30,
	MaxComplexity:   50000,
	MaxPageSize:     100,
	DefaultPageSize: 100,
	MaxTokens:       15000,
}

// limitsExtension checks depth, aliases, page sizes and complexity of every operation before
// it runs, in one walk of the selection set.
type limitsExtension struct{ l Limits }

var _ interface {
	graphql.HandlerExtension
	graphql.OperationContextMutator
} = limitsExtension{}

func (limitsExtension) ExtensionName() string                          { return "C360Limits" }
func (limitsExtension) Validate(schema graphql.ExecutableSchema) error { return nil }

func (e limitsExtension) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	w := walker{l: e.l, doc: oc.Doc, vars: oc.Variables, seen: map[string]bool{}}
	cost := w.selections(oc.Operation.SelectionSet, 1, ast.Path{})
	if w.err != nil {
		return w.err
	}
	if w.aliases > e.l.MaxAliases {
		return limitError(nil, "operation uses %d aliases; the limit is %d", w.aliases, e.l.MaxAliases)
	}
	if cost > e.l.MaxComplexity {
		return limitError(nil, "operation complexity %d exceeds the limit of %d (connections count once per requested item: lower first/last or ask for fewer fields)", cost, e.l.MaxComplexity)
	}
	return nil
}

func limitError(path ast.Path, format string, args ...any) *gqlerror.Error {
	return &gqlerror.Error{
		Message:    fmt.Sprintf(format, args...),
		Path:       path,
		Extensions: map[string]any{"code": apperr.BadUserInput, "limit": true},
	}
}

type walker struct {
	l       Limits
	doc     *ast.QueryDocument
	vars    map[string]any
	aliases int
	err     *gqlerror.Error
	seen    map[string]bool // fragments on the current path (validation forbids cycles; belt and braces)
}

// selections returns the cost of a selection set at the given depth.
func (w *walker) selections(set ast.SelectionSet, depth int, path ast.Path) int {
	cost := 0
	for _, sel := range set {
		if w.err != nil {
			return cost
		}
		switch s := sel.(type) {
		case *ast.Field:
			cost += w.field(s, depth, path)
		case *ast.InlineFragment:
			cost += w.selections(s.SelectionSet, depth, path)
		case *ast.FragmentSpread:
			if w.seen[s.Name] {
				continue
			}
			if def := w.doc.Fragments.ForName(s.Name); def != nil {
				w.seen[s.Name] = true
				cost += w.selections(def.SelectionSet, depth, path)
				delete(w.seen, s.Name)
			}
		}
	}
	return cost
}

func (w *walker) field(f *ast.Field, depth int, parent ast.Path) int {
	if strings.HasPrefix(f.Name, "__") {
		return 0 // introspection is governed separately
	}
	path := append(append(ast.Path{}, parent...), ast.PathName(f.Alias))
	if f.Alias != "" && f.Alias != f.Name {
		w.aliases++
	}
	if depth > w.l.MaxDepth {
		w.err = limitError(path, "query depth exceeds the limit of %d", w.l.MaxDepth)
		return 0
	}
	mult := 1
	if isConnection(f) {
		args := f.ArgumentMap(w.vars)
		size := 0
		for _, name := range []string{"first", "last"} {
			v, ok := args[name]
			if !ok || v == nil {
				continue
			}
			n, err := graphql.UnmarshalInt(v)
			if err != nil {
				continue // the field's own argument coercion reports it
			}
			if n < 0 || n > w.l.MaxPageSize {
				w.err = limitError(path, "%s must be between 0 and %d", name, w.l.MaxPageSize)
				w.err.Extensions["field"] = name
				return 0
			}
			if n > size {
				size = n
			}
		}
		if _, hasFirst := args["first"]; !hasFirst || args["first"] == nil {
			if _, hasLast := args["last"]; !hasLast || args["last"] == nil {
				size = w.l.DefaultPageSize
			}
		}
		mult = max(size, 1)
	}
	return 1 + mult*w.selections(f.SelectionSet, depth+1, path)
}

// isConnection reports whether the field returns a Relay connection.
func isConnection(f *ast.Field) bool {
	if f.Definition == nil || f.Definition.Type == nil {
		return false
	}
	return strings.HasSuffix(f.Definition.Type.Name(), "Connection") &&
		f.Definition.Arguments.ForName("first") != nil
}

// defaultPageSizes adds `first: n` to every connection field that gives neither first nor
// last, so that resolvers and entgql's eager loading (which reads arguments from the document)
// both page by default. It runs once per parsed document, before the document is cached and
// shared (see pagingCache).
func defaultPageSizes(doc *ast.QueryDocument, n int) {
	var visit func(set ast.SelectionSet)
	visit = func(set ast.SelectionSet) {
		for _, sel := range set {
			switch s := sel.(type) {
			case *ast.Field:
				if isConnection(s) && s.Arguments.ForName("first") == nil && s.Arguments.ForName("last") == nil {
					s.Arguments = append(s.Arguments, &ast.Argument{
						Name:  "first",
						Value: &ast.Value{Kind: ast.IntValue, Raw: fmt.Sprint(n)},
					})
				}
				visit(s.SelectionSet)
			case *ast.InlineFragment:
				visit(s.SelectionSet)
			}
		}
	}
	for _, op := range doc.Operations {
		visit(op.SelectionSet)
	}
	for _, fr := range doc.Fragments {
		visit(fr.SelectionSet)
	}
}

// pagingCache is the parsed-query cache. gqlgen adds a document to it after parsing and
// validation and before executing it, so applying default page sizes in Add happens exactly
// once per document and before any request can share it.
type pagingCache struct {
	graphql.Cache[*ast.QueryDocument]
	pageSize int
}

func (c pagingCache) Add(ctx context.Context, key string, doc *ast.QueryDocument) {
	defaultPageSizes(doc, c.pageSize)
	c.Cache.Add(ctx, key, doc)
}
