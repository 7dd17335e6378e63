package seed

import (
	"context"
	"database/sql"
	"fmt"

	"entgo.io/ent/dialect/sql/schema"
)

// idSeq hands out the explicit primary keys of one table for this run. IDs are global
// (type-ranged): each table's live in a range starting at its IncrementStart annotation in
// ent/migrate. A run starts after the larger of that and MAX(id), so it never collides with
// rows already there, and ent's own inserts continue after the seeded rows (SQLite's
// sqlite_sequence and MySQL's AUTO_INCREMENT both move past explicit IDs).
type idSeq struct {
	base  int64 // IncrementStart of the table
	first int64 // first ID of this run
	next  int64
}

// take returns the next ID.
func (s *idSeq) take() int64 {
	id := s.next
	s.next++
	return id
}

// ordinal is the position of id in the table's range (0 for the first ID ever issued), the
// input of the number permutations: it never repeats across runs.
func (s *idSeq) ordinal(id int64) uint64 { return uint64(id - s.base - 1) }

// replay returns a copy of s rewound to the first ID of this run, for a later phase that
// recomputes the rows (and so their IDs) an earlier phase inserted.
func (s *idSeq) replay() *idSeq { return &idSeq{base: s.base, first: s.first, next: s.first} }

// idsFor returns the ID sequence of t, reading its start from the database on first use.
func (r *runner) idsFor(ctx context.Context, t *schema.Table) (*idSeq, error) {
	if s, ok := r.ids[t.Name]; ok {
		return s, nil
	}
	var base int64
	if t.Annotation != nil && t.Annotation.IncrementStart != nil {
		base = int64(*t.Annotation.IncrementStart)
	}
	var max sql.NullInt64
	q := fmt.Sprintf("SELECT MAX(`%s`) FROM `%s`", t.PrimaryKey[0].Name, t.Name)
	if err := r.conn.QueryRowContext(ctx, q).Scan(&max); err != nil {
		return nil, fmt.Errorf("read the next id of %s: %w", t.Name, err)
	}
	start := base
	if max.Valid && max.Int64 > start {
		start = max.Int64
	}
	s := &idSeq{base: base, first: start + 1, next: start + 1}
	r.ids[t.Name] = s
	return s, nil
}
