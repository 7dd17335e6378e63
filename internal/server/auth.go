package server

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/auth"
	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/reqinfo"
)

// CSRFHeader must accompany every request authenticated by the session cookie. A browser
// sends a custom header cross-origin only after a CORS preflight, which c360 never grants,
// so a forged form or image request from another site cannot carry it. The SPA always sends
// it; scripts using a bearer token do not need it.
const CSRFHeader = "X-C360-CSRF"

// publicOperations may be called without signing in.
var publicOperations = map[string]bool{
	"Mutation.login":                    true,
	"Mutation.customerLogin":            true,
	"Mutation.requestCustomerLoginCode": true,
	"Mutation.logout":                   true,
	"Query.viewer":                      true,
	"Query.me":                          true,
}

// authenticate resolves the principal of a request from `Authorization: Bearer <token>`
// (session token or partner API key) or the session cookie, and puts it, the enforcer and
// the request facts into the context.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := reqinfo.NewContext(r.Context(), reqinfo.Info{
			RequestID: RequestID(r.Context()), ClientIP: s.clientIP(r), UserAgent: r.UserAgent(),
		})
		ctx = authz.WithEnforcer(ctx, s.enforcer)
		// Sign-in lookups and the policy check are not the operation's data statements.
		quiet := db.WithoutCounter(ctx)
		if err := s.enforcer.Refresh(quiet); err != nil {
			s.log.WarnContext(ctx, "policy refresh failed; keeping the loaded policy", "err", err)
		}
		secure := r.TLS != nil || (s.cfg.TrustProxy && r.Header.Get("X-Forwarded-Proto") == "https")
		ctx = auth.WithResponse(ctx, w, secure)

		token, fromCookie := bearerToken(r), false
		if token == "" {
			if c, err := r.Cookie(auth.CookieName); err == nil && c.Value != "" {
				token, fromCookie = c.Value, true
			}
		}
		if token != "" {
			// Safe methods change nothing (GET cannot run mutations): a download link needs no header.
			if fromCookie && r.Header.Get(CSRFHeader) == "" && r.Method != http.MethodGet && r.Method != http.MethodHead {
				writeError(w, http.StatusForbidden, apperr.Forbidden, "cookie-authenticated requests need the "+CSRFHeader+" header")
				return
			}
			p, err := s.auth.Authenticate(quiet, token)
			switch {
			case err == nil:
				ctx = authz.NewContext(ctx, p)
			case fromCookie:
				// A stale cookie: carry on anonymously (the app shows its sign-in page) and drop it.
				auth.ClearCookie(ctx)
			case apperr.CodeOf(err) == apperr.Unauthenticated:
				writeError(w, http.StatusUnauthorized, apperr.Unauthenticated, "invalid or expired credentials")
				return
			default:
				s.log.ErrorContext(ctx, "authentication failed", "err", err)
				writeError(w, http.StatusServiceUnavailable, apperr.ServiceUnavailable, "try again later")
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func bearerToken(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}

// clientIP is the peer address, or the first X-Forwarded-For hop behind a trusted proxy.
func (s *Server) clientIP(r *http.Request) string {
	if s.cfg.TrustProxy {
		if f := r.Header.Get("X-Forwarded-For"); f != "" {
			first, _, _ := strings.Cut(f, ",")
			return strings.TrimSpace(first)
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// writeError answers a request refused before GraphQL runs, in the GraphQL error shape.
func writeError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{
		"errors": []map[string]any{{"message": msg, "extensions": map[string]string{"code": code}}},
	})
}

// operationAccess checks every root field against the policy (`Query.<field>` /
// `Mutation.<field>`, action `call`) before it runs. A refused field is null with an
// UNAUTHENTICATED or FORBIDDEN error; its resolver never runs.
func operationAccess(ctx context.Context, next graphql.RootResolver) graphql.Marshaler {
	fc := graphql.GetRootFieldContext(ctx)
	if fc == nil || strings.HasPrefix(fc.Field.Name, "__") {
		return next(ctx)
	}
	// gqlgen fills RootFieldContext.Object with the field name, so the root type comes
	// from the operation.
	root := "Query"
	if oc := graphql.GetOperationContext(ctx); oc != nil && oc.Operation != nil && oc.Operation.Operation == ast.Mutation {
		root = "Mutation"
	}
	op := root + "." + fc.Field.Name
	if publicOperations[op] {
		return next(ctx)
	}
	var err *apperr.Error
	switch {
	case authz.FromContext(ctx) == nil:
		err = apperr.New(apperr.Unauthenticated, "sign in first")
	case !authz.Can(ctx, op, "call"):
		err = apperr.New(apperr.Forbidden, "not allowed")
	default:
		return next(ctx)
	}
	graphql.AddError(ctx, &gqlerror.Error{
		Err: err, Message: err.Message, Path: ast.Path{ast.PathName(fc.Field.Alias)},
	})
	return graphql.Null
}

// fieldAccess applies the policy's field allowlists (`<Entity>.<field>`, action `read`) to the
// fields of entity types. Admins skip the check.
func fieldAccess(entities map[string]bool) graphql.FieldMiddleware {
	return func(ctx context.Context, next graphql.Resolver) (any, error) {
		fc := graphql.GetFieldContext(ctx)
		if fc == nil || !entities[fc.Object] {
			return next(ctx)
		}
		if p := authz.FromContext(ctx); p == nil || p.IsAdmin() {
			return next(ctx)
		}
		if !authz.Can(ctx, fc.Object+"."+fc.Field.Name, "read") {
			return nil, apperr.New(apperr.Forbidden, "not allowed to read %s.%s", fc.Object, fc.Field.Name)
		}
		return next(ctx)
	}
}
