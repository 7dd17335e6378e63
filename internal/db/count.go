package db

import (
	"context"
	"database/sql"
	"sync/atomic"

	"entgo.io/ent/dialect"
	entsql "entgo.io/ent/dialect/sql"
)

// Counter counts the SQL statements run under one context (one HTTP request, one test step).
type Counter struct{ n atomic.Int64 }

// Count returns the number of statements counted so far.
func (c *Counter) Count() int64 { return c.n.Load() }

// Reset sets the count back to zero and returns what it was.
func (c *Counter) Reset() int64 { return c.n.Swap(0) }

type counterKey struct{}

// WithCounter returns a context whose SQL statements are counted by the returned Counter.
func WithCounter(ctx context.Context) (context.Context, *Counter) {
	c := &Counter{}
	return context.WithValue(ctx, counterKey{}, c), c
}

// WithoutCounter returns a context whose statements are not counted per request (the
// process-wide total still counts them): sign-in lookups and policy checks, which are not
// the data statements of an operation.
func WithoutCounter(ctx context.Context) context.Context {
	return context.WithValue(ctx, counterKey{}, (*Counter)(nil))
}

// CounterFrom returns the Counter of ctx, or nil.
func CounterFrom(ctx context.Context) *Counter {
	c, _ := ctx.Value(counterKey{}).(*Counter)
	return c
}

// statements counts every statement the process runs (a Prometheus counter reads it).
var statements atomic.Int64

// Statements returns the number of SQL statements run since the process started.
func Statements() int64 { return statements.Load() }

func count(ctx context.Context) {
	statements.Add(1)
	if c := CounterFrom(ctx); c != nil {
		c.n.Add(1)
	}
}

// countingDriver wraps ent's SQL driver and counts each Exec and Query, in and out of
// transactions. It is exact: every statement ent sends passes through these two methods.
type countingDriver struct {
	*entsql.Driver
}

func (d *countingDriver) Exec(ctx context.Context, query string, args, v any) error {
	count(ctx)
	return d.Driver.Exec(ctx, query, args, v)
}

func (d *countingDriver) Query(ctx context.Context, query string, args, v any) error {
	count(ctx)
	return d.Driver.Query(ctx, query, args, v)
}

func (d *countingDriver) Tx(ctx context.Context) (dialect.Tx, error) {
	tx, err := d.Driver.Tx(ctx)
	if err != nil {
		return nil, err
	}
	return &countingTx{Tx: tx}, nil
}

func (d *countingDriver) BeginTx(ctx context.Context, opts *sql.TxOptions) (dialect.Tx, error) {
	tx, err := d.Driver.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &countingTx{Tx: tx}, nil
}

type countingTx struct {
	dialect.Tx
}

func (t *countingTx) Exec(ctx context.Context, query string, args, v any) error {
	count(ctx)
	return t.Tx.Exec(ctx, query, args, v)
}

func (t *countingTx) Query(ctx context.Context, query string, args, v any) error {
	count(ctx)
	return t.Tx.Query(ctx, query, args, v)
}
