// Package search is c360's full-text search over knowledge documents: the Index interface
// that every backend implements, its query and result types, and Open, which picks a backend
// from a URL. Backends: bleve (embedded, the default, under the data dir) and meili
// (Meilisearch). The conformance suite in search/searchtest holds every backend to the same
// behaviour: relevance, Chinese/English/mixed queries, highlights, filters, facets,
// pagination, updates and deletes.
package search

import (
	"context"
	"errors"
	"time"
)

// ErrUnavailable means the backend cannot be reached or is not ready; callers answer with
// SEARCH_UNAVAILABLE and the indexer retries later. Backends wrap it (errors.Is).
var ErrUnavailable = errors.New("search: backend unavailable")

// Document is one searchable entry. Knowledge documents are indexed as up to two entries:
// the published view (Stage "PUBLISHED", what readers see) and the latest working view
// (Stage "LATEST", what editors and reviewers see while a successor is in progress).
type Document struct {
	ID          string    // unique within the index, e.g. "1234" or "1234:latest"
	DocumentID  string    // the knowledge document this entry belongs to
	Stage       string    // "PUBLISHED" or "LATEST"
	Title       string    // ranked above the other text fields
	Summary     string    //
	Body        string    // markdown or plain text
	Attachments string    // text extracted from the attachments, concatenated
	Tags        []string  // exact-match filter and weakly searchable
	Categories  []string  // category IDs including every ancestor (subtree filters, facets)
	Audience    string    // INTERNAL | PARTNER | PUBLIC
	Status      string    // DRAFT | IN_REVIEW | PUBLISHED | ARCHIVED
	Products    []string  // related product IDs
	UpdatedAt   time.Time // newest first among equal scores
}

// Filter narrows a search. Within one field the values are alternatives (OR); fields are
// combined with AND. Empty fields do not filter.
type Filter struct {
	Stages     []string
	Categories []string // matches documents in any of these categories or below them
	Audiences  []string
	Statuses   []string
	Tags       []string
	Products   []string
}

// Query is one search request.
type Query struct {
	Text   string // free text: words, Chinese of any length, "quoted phrases"
	Filter Filter
	Offset int
	Limit  int  // 0: 20
	Facets bool // count matching documents per category
}

// Highlight is a snippet of a field with the matched terms marked as <mark>…</mark>; the rest
// of the snippet is HTML-escaped.
type Highlight struct {
	Field   string // "title", "summary", "body", "attachments"
	Snippet string
}

// Hit is one matching entry.
type Hit struct {
	ID         string
	DocumentID string
	Score      float64
	Highlights []Highlight
}

// FacetCount is the number of matching documents in a category (its subtree).
type FacetCount struct {
	Category string
	Count    int
}

// Result is the answer to a Query.
type Result struct {
	Total  int // all matches, not only this page
	Hits   []Hit
	Facets []FacetCount // by count, descending; only with Query.Facets
	Took   time.Duration
}

// Index is a search backend.
type Index interface {
	// Upsert adds or replaces entries by ID. When it returns, the next Search sees them.
	Upsert(ctx context.Context, docs ...Document) error
	// Delete removes entries by ID (unknown IDs are not an error).
	Delete(ctx context.Context, ids ...string) error
	// DeleteAll empties the index (reindexing starts from nothing).
	DeleteAll(ctx context.Context) error
	// Search runs a query.
	Search(ctx context.Context, q Query) (*Result, error)
	// Count returns the number of entries.
	Count(ctx context.Context) (int, error)
	// Ping reports whether the backend is reachable (ErrUnavailable otherwise).
	Ping(ctx context.Context) error
	// Close releases the backend.
	Close() error
}

// Stages of an entry.
const (
	StagePublished = "PUBLISHED"
	StageLatest    = "LATEST"
)
