package server

import (
	"context"
	"database/sql"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/c360crm/c360/internal/db"
)

// metrics are the Prometheus series c360 exports at /metrics. Each Server has its own
// registry so that tests can run several servers in one process.
type metrics struct {
	reg       *prometheus.Registry
	http      *prometheus.CounterVec
	httpDur   *prometheus.HistogramVec
	ops       *prometheus.CounterVec
	opDur     *prometheus.HistogramVec
	sqlPerReq *prometheus.HistogramVec
	names     *nameSet
}

func newMetrics(pool *sql.DB) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		http: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "c360_http_requests_total", Help: "HTTP requests by route and status code.",
		}, []string{"route", "code"}),
		httpDur: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "c360_http_request_duration_seconds", Help: "HTTP request latency by route.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12),
		}, []string{"route"}),
		ops: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "c360_graphql_operations_total", Help: "GraphQL operations by operation name, type and outcome.",
		}, []string{"operation", "type", "outcome"}),
		opDur: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "c360_graphql_operation_duration_seconds", Help: "GraphQL operation latency by operation name.",
			Buckets: prometheus.ExponentialBuckets(0.0005, 2.5, 12),
		}, []string{"operation"}),
		sqlPerReq: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "c360_graphql_sql_statements", Help: "SQL statements run by one GraphQL operation.",
			Buckets: []float64{0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89},
		}, []string{"operation"}),
		names: &nameSet{max: 200, seen: map[string]bool{}},
	}
	m.reg.MustRegister(m.http, m.httpDur, m.ops, m.opDur, m.sqlPerReq,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		collectors.NewDBStatsCollector(pool, "c360"),
		prometheus.NewCounterFunc(prometheus.CounterOpts{
			Name: "c360_sql_statements_total", Help: "SQL statements run by the process.",
		}, func() float64 { return float64(db.Statements()) }),
	)
	return m
}

// nameSet bounds the label values taken from client-chosen operation names.
type nameSet struct {
	mu   sync.Mutex
	max  int
	seen map[string]bool
}

func (s *nameSet) label(name string) string {
	if name == "" {
		return "anonymous"
	}
	if len(name) > 64 {
		name = name[:64]
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.seen[name] {
		return name
	}
	if len(s.seen) >= s.max {
		return "other"
	}
	s.seen[name] = true
	return name
}

// operationMetrics is a gqlgen extension recording one sample per operation.
// With stats on, the response's extensions carry the operation's SQL statement count
// (extensions.c360.sqlStatements): tests and benchmarks read it.
type operationMetrics struct {
	m     *metrics
	stats bool
}

func (operationMetrics) ExtensionName() string                          { return "C360Metrics" }
func (operationMetrics) Validate(schema graphql.ExecutableSchema) error { return nil }

func (o operationMetrics) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	if !graphql.HasOperationContext(ctx) {
		return next(ctx)
	}
	oc := graphql.GetOperationContext(ctx)
	start := time.Now()
	counter := db.CounterFrom(ctx)
	var before int64
	if counter != nil {
		before = counter.Count()
	}
	resp := next(ctx)
	opName := oc.OperationName
	if opName == "" && oc.Operation != nil {
		opName = oc.Operation.Name
	}
	name := o.m.names.label(opName)
	typ := "query"
	if oc.Operation != nil {
		typ = string(oc.Operation.Operation)
	}
	outcome := "ok"
	if resp != nil && len(resp.Errors) > 0 {
		outcome = "error"
	}
	o.m.ops.WithLabelValues(name, typ, outcome).Inc()
	o.m.opDur.WithLabelValues(name).Observe(time.Since(start).Seconds())
	if counter != nil {
		n := counter.Count() - before
		o.m.sqlPerReq.WithLabelValues(name).Observe(float64(n))
		if o.stats && resp != nil {
			if resp.Extensions == nil {
				resp.Extensions = map[string]any{}
			}
			resp.Extensions["c360"] = map[string]any{"sqlStatements": n}
		}
	}
	return resp
}
