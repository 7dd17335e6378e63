package seed

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"entgo.io/ent/dialect"
	"golang.org/x/sync/errgroup"
)

// Bulk loading: a generator goroutine turns customers into rows and cuts them into
// multi-row INSERT batches; a writer goroutine executes the batches in the phase's single
// transaction. On two cores the generator and the database each get one.

const (
	// sqliteMaxVars is SQLite's SQLITE_MAX_VARIABLE_NUMBER (bound parameters per statement).
	sqliteMaxVars = 32766
	// maxBatchBytes keeps one statement far below MySQL's max_allowed_packet (4 MiB in
	// MySQL 5.7, 16 MiB in MariaDB, 64 MiB in MySQL 8).
	maxBatchBytes = 2 << 20
	// defaultBatchRows is the batch size when Options.BatchSize is 0.
	defaultBatchRows = 1000
)

// table is the target of multi-row INSERTs: a table and the columns rows give, in order.
type table struct {
	name string
	cols []string
	// kept lists the leading columns of the indexes that stay while the table is loaded; the
	// others are dropped and rebuilt after it (SQLite, empty table; see deferIndexes). An
	// index whose keys arrive in order (customer_id: rows come customer by customer) or fall
	// on a few hot spots (status, period: few distinct values) grows cheaply row by row, and
	// SQLite sorts such keys slowly; one with random keys (codes, names, timestamps) is faster
	// to build once from sorted data.
	kept []string
}

func newTable(name string, cols ...string) *table { return &table{name: name, cols: cols} }

// keepIndexesOn sets t.kept.
func (t *table) keepIndexesOn(cols ...string) *table {
	t.kept = cols
	return t
}

// insertSQL returns INSERT INTO t (cols) VALUES (?,…),… for rows rows.
func (t *table) insertSQL(rows int) string {
	var b strings.Builder
	b.Grow(32 + 16*len(t.cols) + rows*(2*len(t.cols)+2))
	b.WriteString("INSERT INTO `")
	b.WriteString(t.name)
	b.WriteString("` (")
	for i, c := range t.cols {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('`')
		b.WriteString(c)
		b.WriteByte('`')
	}
	b.WriteString(") VALUES ")
	tuple := "(" + strings.Repeat("?,", len(t.cols)-1) + "?)"
	for i := 0; i < rows; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(tuple)
	}
	return b.String()
}

// batch is a run of rows for one table.
type batch struct {
	t     *table
	rows  int
	args  []any
	bytes int
	done  int64 // generator progress (customers finished) when the batch was cut
}

// sink collects the rows a generator emits and hands full batches to the writer. Tables are
// flushed parents first: before a batch of table k leaves, the pending rows of every table
// registered before k leave too, so foreign keys always point at rows already written.
type sink struct {
	ctx     context.Context
	out     chan<- *batch
	free    chan *batch
	maxRows int
	tables  []*table
	pending []*batch // per table, same order as tables
	done    int64
	// timeLayout, if set, formats time.Time values here, in the generator, exactly as the
	// driver would (see runner.probeTimeLayout), sparing the writer the work.
	timeLayout string
}

// register declares the tables a phase writes, parents before children.
func (s *sink) register(ts ...*table) {
	for _, t := range ts {
		s.tables = append(s.tables, t)
		s.pending = append(s.pending, nil)
	}
}

func (s *sink) index(t *table) int {
	for i, x := range s.tables {
		if x == t {
			return i
		}
	}
	panic("seed: table " + t.name + " not registered in this phase")
}

// add appends one row of t; vals are in t.cols order.
func (s *sink) add(t *table, vals ...any) error {
	if len(vals) != len(t.cols) {
		panic(fmt.Sprintf("seed: %s: %d values for %d columns", t.name, len(vals), len(t.cols)))
	}
	i := s.index(t)
	b := s.pending[i]
	if b == nil {
		b = s.newBatch(t)
		s.pending[i] = b
	}
	b.rows++
	for _, v := range vals {
		switch x := v.(type) {
		case time.Time:
			if s.timeLayout != "" {
				v = x.Format(s.timeLayout)
			}
			b.bytes += 32
		case string:
			b.bytes += len(x) + 8
		case []byte:
			b.bytes += len(x) + 8
		default:
			b.bytes += 9
		}
		b.args = append(b.args, v)
	}
	if b.rows >= s.rowsPerBatch(t) || b.bytes >= maxBatchBytes {
		return s.flushThrough(i)
	}
	return nil
}

// progress records that n more customers are fully emitted.
func (s *sink) progress(n int64) { s.done += n }

func (s *sink) rowsPerBatch(t *table) int {
	n := sqliteMaxVars / len(t.cols)
	if s.maxRows < n {
		n = s.maxRows
	}
	return n
}

func (s *sink) newBatch(t *table) *batch {
	select {
	case b := <-s.free:
		b.t, b.rows, b.args, b.bytes = t, 0, b.args[:0], 0
		return b
	default:
		return &batch{t: t, args: make([]any, 0, s.rowsPerBatch(t)*len(t.cols))}
	}
}

// flushThrough sends the pending batches of tables 0..i, in order.
func (s *sink) flushThrough(i int) error {
	for j := 0; j <= i; j++ {
		b := s.pending[j]
		if b == nil || b.rows == 0 {
			continue
		}
		s.pending[j] = nil
		b.done = s.done
		select {
		case s.out <- b:
		case <-s.ctx.Done():
			return s.ctx.Err()
		}
	}
	return nil
}

// flush sends everything pending.
func (s *sink) flush() error { return s.flushThrough(len(s.tables) - 1) }

// writer executes batches inside one transaction, preparing each full-size statement once.
type writer struct {
	tx     *sql.Tx
	stmts  map[*table]*sql.Stmt
	full   map[*table]int
	counts map[string]int
}

func (w *writer) exec(ctx context.Context, b *batch) error {
	var err error
	if b.rows == w.full[b.t] {
		st := w.stmts[b.t]
		if st == nil {
			if st, err = w.tx.PrepareContext(ctx, b.t.insertSQL(b.rows)); err != nil {
				return fmt.Errorf("prepare insert into %s: %w", b.t.name, err)
			}
			w.stmts[b.t] = st
		}
		_, err = st.ExecContext(ctx, b.args...)
	} else {
		_, err = w.tx.ExecContext(ctx, b.t.insertSQL(b.rows), b.args...)
	}
	if err != nil {
		return fmt.Errorf("insert %d rows into %s: %w", b.rows, b.t.name, err)
	}
	w.counts[b.t.name] += b.rows
	return nil
}

func (w *writer) close() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// bulkPhase runs gen, which emits rows into a sink, in one transaction on the bulk
// connection: the rows are all committed or, on any error, none are. total is the number of
// progress units (customers) gen reports through sink.progress.
func (r *runner) bulkPhase(ctx context.Context, name string, total int64, tables []*table, gen func(s *sink) error) error {
	start := time.Now()
	bar := r.progress.start(name, total)
	counts, err := r.bulkTx(ctx, tables, gen, bar)
	if err != nil {
		bar.abort()
		return &PhaseError{Phase: name, Err: err}
	}
	r.ckpt.poke()
	r.record(counts)
	bar.finish(counts, time.Since(start))
	return nil
}

// bulkTx loads the rows of gen in one transaction and returns the rows written per table.
func (r *runner) bulkTx(ctx context.Context, tables []*table, gen func(s *sink) error, bar *phaseBar) (map[string]int, error) {
	tx, err := r.conn.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	var rebuild []string
	if r.d.Dialect == dialect.SQLite {
		if rebuild, err = deferIndexes(ctx, tx, tables); err != nil {
			tx.Rollback()
			return nil, err
		}
	}
	counts, err := r.load(ctx, tx, tables, gen, bar)
	if err == nil && len(rebuild) > 0 {
		bar.describe("indexing")
		for _, q := range rebuild {
			if _, err = tx.ExecContext(ctx, q); err != nil {
				err = fmt.Errorf("rebuild index: %s: %w", q, err)
				break
			}
		}
	}
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	return counts, tx.Commit()
}

// load runs the generator and the writer side by side until gen is done or either fails.
func (r *runner) load(ctx context.Context, tx *sql.Tx, tables []*table, gen func(s *sink) error, bar *phaseBar) (map[string]int, error) {
	w := &writer{tx: tx, stmts: map[*table]*sql.Stmt{}, full: map[*table]int{}, counts: map[string]int{}}
	defer w.close()
	g, gctx := errgroup.WithContext(ctx)
	ch := make(chan *batch, 4)
	free := make(chan *batch, 8)
	s := &sink{ctx: gctx, out: ch, free: free, maxRows: r.batchRows, timeLayout: r.timeLayout}
	s.register(tables...)
	g.Go(func() error {
		defer close(ch)
		if err := gen(s); err != nil {
			return err
		}
		return s.flush()
	})
	g.Go(func() error {
		for b := range ch {
			if _, ok := w.full[b.t]; !ok {
				w.full[b.t] = s.rowsPerBatch(b.t)
			}
			if err := w.exec(gctx, b); err != nil {
				return err // cancels gctx: the generator stops at its next send
			}
			bar.set(b.done)
			select {
			case free <- b:
			default:
			}
		}
		return nil
	})
	return w.counts, g.Wait()
}

// leadingColumn returns the first column of a CREATE INDEX statement as SQLite stores it:
// CREATE INDEX `name` ON `table` (`col`, …).
func leadingColumn(createIndex string) string {
	_, cols, _ := strings.Cut(createIndex, "(")
	col, _, _ := strings.Cut(cols, ",")
	return strings.Trim(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(col), ")")), "`\"")
}

// deferIndexes drops the secondary indexes of the tables that are still empty, except those
// table.kept names, and returns the statements that recreate them. Building an index with
// random keys once from sorted data is several times faster than growing it row by row.
// SQLite only: its DDL is transactional, so the indexes come back with the commit, or were
// never gone after a rollback.
func deferIndexes(ctx context.Context, tx *sql.Tx, tables []*table) ([]string, error) {
	var rebuild []string
	for _, t := range tables {
		var one int
		err := tx.QueryRowContext(ctx, "SELECT 1 FROM `"+t.name+"` LIMIT 1").Scan(&one)
		if err == nil {
			continue // has rows: keep its indexes
		}
		if err != sql.ErrNoRows {
			return nil, err
		}
		rows, err := tx.QueryContext(ctx, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", t.name)
		if err != nil {
			return nil, err
		}
		var names []string
		for rows.Next() {
			var name, q string
			if err := rows.Scan(&name, &q); err != nil {
				rows.Close()
				return nil, err
			}
			if contains(t.kept, leadingColumn(q)) {
				continue
			}
			names = append(names, name)
			rebuild = append(rebuild, q)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		for _, n := range names {
			if _, err := tx.ExecContext(ctx, "DROP INDEX `"+n+"`"); err != nil {
				return nil, err
			}
		}
	}
	return rebuild, nil
}
