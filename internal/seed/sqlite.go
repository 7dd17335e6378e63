package seed

import (
	"context"
	"database/sql"
	"time"

	"entgo.io/ent/dialect"
)

// SQLite tuning of the bulk connection.

// tune adjusts the bulk connection for loading and returns a function that undoes it and
// finishes the background checkpoints. On SQLite the connection gets a 256 MiB page cache (the
// index B-trees stay in memory while millions of rows go in), in-memory temporary storage for
// the index sorts, no foreign-key enforcement (rows only reference rows written before them;
// the tests check every reference) and no automatic checkpoints (see checkpointer).
func (r *runner) tune(ctx context.Context) (restore func() error, err error) {
	if r.d.Dialect != dialect.SQLite {
		return func() error { return nil }, nil
	}
	var undo []string
	undoAll := func() error {
		for i := len(undo) - 1; i >= 0; i-- {
			r.conn.ExecContext(context.Background(), undo[i])
		}
		return r.ckpt.stop(context.Background())
	}
	defer func() {
		if err != nil {
			undoAll()
		}
	}()
	settings := []struct{ name, value string }{
		{"cache_size", "-262144"}, // KiB
		{"temp_store", "2"},       // MEMORY: index sorts and statement journals
		{"foreign_keys", "0"},
		{"wal_autocheckpoint", "0"},
	}
	for _, s := range settings {
		var old string
		if err := r.conn.QueryRowContext(ctx, "PRAGMA "+s.name).Scan(&old); err != nil {
			return nil, err
		}
		if _, err := r.conn.ExecContext(ctx, "PRAGMA "+s.name+" = "+s.value); err != nil {
			return nil, err
		}
		undo = append(undo, "PRAGMA "+s.name+" = "+old)
	}
	if r.timeLayout, err = probeTimeLayout(ctx, r.conn); err != nil {
		return nil, err
	}
	var mode string
	if err := r.conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return nil, err
	}
	if mode == "wal" {
		r.ckpt = startCheckpointer(r.d.SQL)
	}
	return undoAll, nil
}

// probeTimeLayout finds the layout the SQLite driver writes time values in (chosen by the
// _time_format DSN parameter) by binding a time and reading back the text. The bulk phases
// then format times themselves, in the generator goroutine, byte for byte as the driver (and
// so ent) would. It returns "" (let the driver format) when no known layout matches, e.g.
// when the DSN asks the driver to convert time zones.
func probeTimeLayout(ctx context.Context, conn *sql.Conn) (string, error) {
	probe := time.Date(2026, 1, 2, 3, 4, 5, 60700000, time.UTC)
	var got string
	if err := conn.QueryRowContext(ctx, "SELECT ?", probe).Scan(&got); err != nil {
		return "", err
	}
	for _, layout := range []string{"2006-01-02 15:04:05.999999999-07:00", time.RFC3339Nano, "2006-01-02 15:04:05.999999999"} {
		if probe.Format(layout) == got {
			return layout, nil
		}
	}
	return "", nil
}

// checkpointer copies committed write-ahead-log frames into the SQLite database file on
// another connection, in the background, while the next phase loads. The bulk connection runs
// with wal_autocheckpoint off, so its commits do not stop to copy gigabytes; stop runs a last
// checkpoint that also truncates the log.
type checkpointer struct {
	db   *sql.DB
	kick chan struct{}
	done chan struct{}
}

func startCheckpointer(db *sql.DB) *checkpointer {
	c := &checkpointer{db: db, kick: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for range c.kick {
			// PASSIVE never blocks the writer; what it cannot copy now, the next one will.
			c.checkpoint(context.Background(), "PASSIVE")
		}
	}()
	return c
}

func (c *checkpointer) checkpoint(ctx context.Context, mode string) error {
	var busy, logFrames, copied int
	return c.db.QueryRowContext(ctx, "PRAGMA wal_checkpoint("+mode+")").Scan(&busy, &logFrames, &copied)
}

// poke asks for a checkpoint after a commit (at most one waits).
func (c *checkpointer) poke() {
	if c == nil {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

// stop waits for the background checkpoint and runs a final one that empties the log.
func (c *checkpointer) stop(ctx context.Context) error {
	if c == nil {
		return nil
	}
	close(c.kick)
	<-c.done
	return c.checkpoint(ctx, "TRUNCATE")
}
