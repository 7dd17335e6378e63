// Package server wires c360's HTTP surface: the GraphQL endpoint with its limits and error
// presenter, the IDE in development, health and readiness probes, Prometheus metrics and the
// embedded single-page app.
package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"time"

	"entgo.io/contrib/entgql"
	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/graph"
	"github.com/c360crm/c360/internal/auth"
	"github.com/c360crm/c360/internal/blob"
	"github.com/c360crm/c360/internal/customer/importexport"
	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/knowledge"
	"github.com/c360crm/c360/internal/points"
	"github.com/c360crm/c360/search"
	_ "github.com/c360crm/c360/search/bleve" // the default search backend ("bleve:", "mem:")
)

// Config is what the HTTP server needs to know.
type Config struct {
	Addr   string
	Dev    bool // GraphQL IDE, introspection and field suggestions
	Limits Limits
	// MaxBodyBytes caps a GraphQL request body.
	MaxBodyBytes int64
	// ShutdownTimeout bounds the drain of in-flight requests on SIGTERM.
	ShutdownTimeout time.Duration
	// Stats adds extensions.c360.sqlStatements to every GraphQL response (tests, benchmarks).
	Stats bool
	// SPA serves every path that is not an API route (the embedded admin app); nil: 404.
	SPA http.Handler
	// Auth configures sessions, sign-in throttling and customer codes (Dev is copied in).
	Auth auth.Options
	// PolicyRefresh bounds how long an instance may use a policy another instance changed
	// (default 2s; tests use 1ns to check the policy version on every request).
	PolicyRefresh time.Duration
	// TrustProxy takes the client address from X-Forwarded-For and TLS from
	// X-Forwarded-Proto (only behind a load balancer that sets them).
	TrustProxy bool
	// DataDir holds the embedded search index and the attachment files (default ./data).
	DataDir string
	// Search is the search backend URL: "" (Bleve under DataDir), "mem:", "bleve:///path",
	// "meili://host:7700?key=…".
	Search string
	// MaxUploadBytes caps an attachment upload (default 20 MiB).
	MaxUploadBytes int64
}

// Server is one c360 API process.
type Server struct {
	cfg       Config
	db        *db.DB
	log       *slog.Logger
	metrics   *metrics
	handler   http.Handler
	gql       *handler.Server
	auth      *auth.Service
	enforcer  *authz.Enforcer
	index     search.Index
	knowledge *knowledge.Service
}

// New builds the server and its routes. It installs the default access policy in the
// database when it is missing.
func New(ctx context.Context, cfg Config, d *db.DB, log *slog.Logger) (*Server, error) {
	if cfg.Limits == (Limits{}) {
		cfg.Limits = DefaultLimits
	}
	if cfg.MaxBodyBytes == 0 {
		cfg.MaxBodyBytes = 1 << 20
	}
	if cfg.ShutdownTimeout == 0 {
		cfg.ShutdownTimeout = 15 * time.Second
	}
	if cfg.PolicyRefresh == 0 {
		cfg.PolicyRefresh = 2 * time.Second
	}
	cfg.Auth.Dev = cfg.Auth.Dev || cfg.Dev
	s := &Server{cfg: cfg, db: d, log: WithRequestIDs(log), metrics: newMetrics(d.SQL)}
	enforcer, err := authz.NewEnforcer(ctx, d.Client, cfg.PolicyRefresh)
	if err != nil {
		return nil, err
	}
	s.enforcer = enforcer
	s.auth = auth.New(d.Client, s.log, cfg.Auth)
	if cfg.DataDir == "" {
		cfg.DataDir = "data"
	}
	if cfg.MaxUploadBytes == 0 {
		cfg.MaxUploadBytes = 20 << 20
	}
	s.cfg = cfg
	if s.index, err = search.Open(ctx, cfg.Search, cfg.DataDir); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	blobs, err := blob.NewFS(filepath.Join(cfg.DataDir, "blobs"))
	if err != nil {
		_ = s.index.Close()
		return nil, err
	}
	s.knowledge = knowledge.New(d.Client, s.index, blobs, s.log, knowledge.Options{MaxUploadBytes: cfg.MaxUploadBytes})
	s.gql = s.newGraphQL()

	// Cross-origin writes are refused (Sec-Fetch-Site / Origin against Host), cookie requests
	// need the CSRF header, and every request gets its principal before GraphQL runs.
	api := http.NewCrossOriginProtection().Handler(s.authenticate(http.MaxBytesHandler(s.gql, cfg.MaxBodyBytes)))
	mux := http.NewServeMux()
	mux.Handle("/graphql", s.instrument("graphql", api))
	mux.Handle("GET "+importexport.ExportPath, s.instrument("export", s.authenticate(http.HandlerFunc(s.exportCustomers))))
	mux.Handle("GET /attachments/{id}", s.instrument("attachment", s.authenticate(http.HandlerFunc(s.downloadAttachment))))
	if cfg.Dev {
		mux.Handle("GET /graphiql", s.instrument("graphiql", playground.Handler("c360 GraphQL", "/graphql",
			// The IDE is same-origin: it uses the session cookie of the admin app, so it sends
			// the CSRF header too. Sign in there or run the login mutation in the IDE.
			playground.WithGraphiqlFetcherHeaders(map[string]string{CSRFHeader: "1"}))))
	}
	mux.Handle("GET /healthz", s.instrument("health", http.HandlerFunc(s.healthz)))
	mux.Handle("GET /readyz", s.instrument("health", http.HandlerFunc(s.readyz)))
	mux.Handle("GET /metrics", s.instrument("metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{})))
	if cfg.SPA != nil {
		mux.Handle("/", s.instrument("spa", cfg.SPA))
	}
	s.handler = mux
	return s, nil
}

// Handler returns the root HTTP handler (tests serve it with httptest).
func (s *Server) Handler() http.Handler { return s.handler }

// Knowledge is the knowledge service (tests drain its indexer).
func (s *Server) Knowledge() *knowledge.Service { return s.knowledge }

// Close releases the search index.
func (s *Server) Close() error { return s.index.Close() }

// background runs the search indexer and the publication schedule until ctx ends.
func (s *Server) background(ctx context.Context) {
	go func() {
		// An empty index next to existing documents (first start after seeding, a lost index
		// directory, a new Meilisearch): rebuild it before draining the outbox.
		if err := s.knowledge.ReindexIfEmpty(ctx); err != nil && ctx.Err() == nil {
			s.log.WarnContext(ctx, "search index rebuild failed; the outbox indexer carries on", "err", err)
		}
		s.knowledge.Indexer.Run(ctx, time.Second)
	}()
	go func() {
		t := time.NewTicker(30 * time.Second)
		defer t.Stop()
		for {
			if n, err := s.knowledge.RunSchedule(ctx); err != nil && ctx.Err() == nil {
				s.log.WarnContext(ctx, "knowledge schedule", "err", err)
			} else if n > 0 {
				s.log.InfoContext(ctx, "knowledge schedule applied", "documents", n)
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
		}
	}()
}

func (s *Server) newGraphQL() *handler.Server {
	schema := graph.NewSchema(&graph.Resolver{Client: s.db.Client, Auth: s.auth, Enforcer: s.enforcer, Knowledge: s.knowledge, Ledger: points.New(s.db.Client, points.Options{})})
	srv := handler.New(schema)
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})  // queries only: gqlgen refuses mutations over GET
	srv.AddTransport(transport.POST{}) // application/json
	// Attachment uploads (graphql-multipart-request-spec); files above MaxMemory go to disk.
	srv.AddTransport(transport.MultipartForm{MaxUploadSize: s.cfg.MaxUploadBytes + 1<<20, MaxMemory: 8 << 20})
	srv.SetQueryCache(pagingCache{Cache: lru.New[*ast.QueryDocument](1000), pageSize: s.cfg.Limits.DefaultPageSize})
	srv.SetParserTokenLimit(s.cfg.Limits.MaxTokens)
	srv.SetDisableSuggestion(!s.cfg.Dev)
	if s.cfg.Dev {
		srv.Use(extension.Introspection{})
	}
	srv.Use(limitsExtension{l: s.cfg.Limits})
	srv.AroundRootFields(operationAccess)
	srv.AroundFields(fieldAccess(entityTypes(schema)))
	srv.Use(operationMetrics{m: s.metrics, stats: s.cfg.Stats})
	// Every mutation runs in one transaction: a failing resolver rolls all of it back.
	srv.Use(entgql.Transactioner{TxOpener: s.db.Client,
		// These run their own transactions: the points ledger retries a transaction that hit a
		// deadlock, and an import commits or rolls back by its mode.
		SkipTxFunc: entgql.SkipIfHasFields("earnPoints", "redeemPoints", "adjustPoints", "redeemMyPoints", "importCustomers"),
	})
	srv.SetErrorPresenter(errorPresenter(s.log))
	srv.SetRecoverFunc(recoverFunc(s.log))
	return srv
}

// entityTypes are the object types of the graph that are ent entities (they implement Node):
// the types whose fields the policy's allowlists cover.
func entityTypes(es graphql.ExecutableSchema) map[string]bool {
	out := map[string]bool{}
	for _, t := range es.Schema().GetPossibleTypes(es.Schema().Types["Node"]) {
		out[t.Name] = true
	}
	return out
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

// readyz reports whether the database answers within two seconds.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.db.SQL.PingContext(ctx); err != nil {
		s.log.WarnContext(r.Context(), "readiness: database unreachable", "err", err)
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "database": "unreachable"})
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "database": "ok"})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

// ListenAndServe serves until ctx is cancelled (SIGINT/SIGTERM in main), then stops taking
// new connections and lets in-flight requests finish within the shutdown timeout. ready, if
// not nil, receives the bound address once the listener is up.
func (s *Server) ListenAndServe(ctx context.Context, ready func(addr string)) error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	bg, stopBackground := context.WithCancel(authz.NewContext(context.WithoutCancel(ctx), authz.System))
	defer stopBackground()
	s.background(bg)
	if ready != nil {
		ready(ln.Addr().String())
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	s.log.Info("shutting down: draining in-flight requests", "timeout", s.cfg.ShutdownTimeout)
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	stopBackground()
	return s.Close()
}

// compile-time check that the limits extension is a gqlgen extension.
var _ graphql.HandlerExtension = limitsExtension{}
