// Package bleve is c360's default, embedded search backend: a Bleve (scorch) index on disk
// under the data dir, or in memory for tests.
//
// Chinese text is indexed three ways (bigrams with positions, single characters, and words
// cut by the gse dictionary segmenter) so that queries of one character, of words, of
// several words and quoted phrases all work, and a character pair that only spans two words
// ranks below a real word; see analysis.go. English words are lower-cased and
// Porter-stemmed. Importing this package registers the "bleve" and "mem" schemes with
// search.Open.
package bleve

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/c360crm/c360/search"
)

func init() {
	search.Register("bleve", func(_ context.Context, u *url.URL) (search.Index, error) {
		if u.Host != "" || u.Path == "" {
			return nil, fmt.Errorf("search/bleve: want bleve:///absolute/path, got %q", u.Redacted())
		}
		return Open(u.Path)
	})
	search.Register("mem", func(context.Context, *url.URL) (search.Index, error) {
		return OpenMem()
	})
}

const (
	// batchSize bounds the documents analyzed and held in memory per bleve batch.
	batchSize = 500
	// maxFacets bounds the categories counted in one facet answer.
	maxFacets = 1000
	// maxWindow bounds Offset+Limit: deeper pages cost memory per search.
	maxWindow = 10000
	// defaultLimit is the page size when Query.Limit is 0.
	defaultLimit = 20

	schemaKey = "c360:schema"
)

// storeConfig is passed to scorch: a second process opening the same index gives up after
// the timeout instead of waiting forever for the lock.
func storeConfig() map[string]interface{} {
	return map[string]interface{}{"bolt_timeout": "5s"}
}

// Index is a search.Index over a Bleve index. It is safe for concurrent use.
type Index struct {
	mu   sync.RWMutex
	idx  blevesearch.Index // nil once closed
	path string            // "" in memory

	parser *parser
}

var _ search.Index = (*Index)(nil)

// Open opens the on-disk index at path, creating it (and its parent directories) if
// missing. An index written by an incompatible version of this package is rebuilt empty.
func Open(path string) (*Index, error) {
	if path == "" {
		return nil, errors.New("search/bleve: empty index path")
	}
	idx, err := openDisk(path)
	if err != nil {
		return nil, err
	}
	return newIndex(idx, path)
}

// OpenMem returns an empty index held in memory only (for tests and tools).
func OpenMem() (*Index, error) {
	idx, err := create("")
	if err != nil {
		return nil, err
	}
	return newIndex(idx, "")
}

func newIndex(idx blevesearch.Index, path string) (*Index, error) {
	seg, err := segmenter()
	if err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("search/bleve: load Chinese dictionary: %w", err)
	}
	text := idx.Mapping().AnalyzerNamed(analyzerText)
	if text == nil {
		_ = idx.Close()
		return nil, fmt.Errorf("search/bleve: analyzer %s missing", analyzerText)
	}
	return &Index{
		idx:    idx,
		path:   path,
		parser: &parser{text: text, seg: seg, uni: unicode.NewUnicodeTokenizer()},
	}, nil
}

// create makes a new index at path ("" in memory) and records the schema version.
func create(path string) (blevesearch.Index, error) {
	idx, err := blevesearch.NewUsing(path, newMapping(), scorch.Name, scorch.Name, storeConfig())
	if err != nil {
		return nil, fmt.Errorf("search/bleve: create index %q: %w", path, err)
	}
	if err := idx.SetInternal([]byte(schemaKey), []byte(schemaVersion)); err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("search/bleve: create index %q: %w", path, err)
	}
	return idx, nil
}

// openDisk opens or creates the index at path.
func openDisk(path string) (blevesearch.Index, error) {
	if _, err := os.Stat(filepath.Join(path, "index_meta.json")); errors.Is(err, os.ErrNotExist) {
		entries, err := os.ReadDir(path)
		switch {
		case errors.Is(err, os.ErrNotExist):
		case err != nil:
			return nil, fmt.Errorf("search/bleve: open %q: %w", path, err)
		case len(entries) > 0:
			return nil, fmt.Errorf("search/bleve: %q exists and is not a search index", path)
		default:
			if err := os.Remove(path); err != nil {
				return nil, fmt.Errorf("search/bleve: open %q: %w", path, err)
			}
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("search/bleve: create %q: %w", path, err)
		}
		return create(path)
	}
	idx, err := blevesearch.OpenUsing(path, storeConfig())
	if err != nil {
		return nil, fmt.Errorf("search/bleve: open %q: %w", path, errors.Join(search.ErrUnavailable, err))
	}
	v, err := idx.GetInternal([]byte(schemaKey))
	if err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("search/bleve: open %q: %w", path, err)
	}
	if string(v) == schemaVersion {
		return idx, nil
	}
	// Written with other fields or analyzers: start again, the indexer fills it.
	if err := idx.Close(); err != nil {
		return nil, fmt.Errorf("search/bleve: close outdated index %q: %w", path, err)
	}
	if err := os.RemoveAll(path); err != nil {
		return nil, fmt.Errorf("search/bleve: remove outdated index %q: %w", path, err)
	}
	return create(path)
}

// get returns the open bleve index under the read lock; the caller must RUnlock.
func (x *Index) get() (blevesearch.Index, error) {
	x.mu.RLock()
	if x.idx == nil {
		x.mu.RUnlock()
		return nil, fmt.Errorf("search/bleve: index closed: %w", search.ErrUnavailable)
	}
	return x.idx, nil
}

// Upsert adds or replaces entries by ID, in batches. When it returns, Search sees them.
func (x *Index) Upsert(ctx context.Context, docs ...search.Document) error {
	for _, d := range docs {
		if d.ID == "" {
			return errors.New("search/bleve: upsert: document without ID")
		}
	}
	idx, err := x.get()
	if err != nil {
		return err
	}
	defer x.mu.RUnlock()
	for len(docs) > 0 {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("search/bleve: upsert: %w", err)
		}
		n := min(len(docs), batchSize)
		b := idx.NewBatch()
		for _, d := range docs[:n] {
			if err := b.Index(d.ID, toBleve(d)); err != nil {
				return fmt.Errorf("search/bleve: upsert %q: %w", d.ID, err)
			}
		}
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("search/bleve: upsert: %w", err)
		}
		docs = docs[n:]
	}
	return nil
}

// Delete removes entries by ID; unknown IDs are ignored.
func (x *Index) Delete(ctx context.Context, ids ...string) error {
	idx, err := x.get()
	if err != nil {
		return err
	}
	defer x.mu.RUnlock()
	for len(ids) > 0 {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("search/bleve: delete: %w", err)
		}
		n := min(len(ids), batchSize*10)
		b := idx.NewBatch()
		for _, id := range ids[:n] {
			b.Delete(id)
		}
		if err := idx.Batch(b); err != nil {
			return fmt.Errorf("search/bleve: delete: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// DeleteAll empties the index by replacing it with a new one.
func (x *Index) DeleteAll(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("search/bleve: delete all: %w", err)
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.idx == nil {
		return fmt.Errorf("search/bleve: index closed: %w", search.ErrUnavailable)
	}
	if err := x.idx.Close(); err != nil {
		return fmt.Errorf("search/bleve: delete all: %w", err)
	}
	x.idx = nil
	if x.path != "" {
		if err := os.RemoveAll(x.path); err != nil {
			return fmt.Errorf("search/bleve: delete all: %w", err)
		}
	}
	idx, err := create(x.path)
	if err != nil {
		return fmt.Errorf("search/bleve: delete all: %w", err)
	}
	x.idx = idx
	return nil
}

// Count returns the number of entries.
func (x *Index) Count(ctx context.Context) (int, error) {
	idx, err := x.get()
	if err != nil {
		return 0, err
	}
	defer x.mu.RUnlock()
	n, err := idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("search/bleve: count: %w", err)
	}
	return int(n), nil
}

// Ping returns nil while the index is open, search.ErrUnavailable after Close.
func (x *Index) Ping(ctx context.Context) error {
	_, err := x.get()
	if err != nil {
		return err
	}
	x.mu.RUnlock()
	return nil
}

// Close releases the index; later calls return search.ErrUnavailable. Closing twice is
// not an error.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.idx == nil {
		return nil
	}
	err := x.idx.Close()
	x.idx = nil
	if err != nil {
		return fmt.Errorf("search/bleve: close: %w", err)
	}
	return nil
}

// Search runs a query: free words (any may match, more matches rank higher), quoted
// phrases (required), filters (not scored), then sorts by score, UpdatedAt desc and ID.
// An empty text matches every entry that passes the filter, newest first.
func (x *Index) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
	limit := q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	offset := max(q.Offset, 0)
	// Pages end at maxWindow results: past it a search still answers Total and facets.
	if offset >= maxWindow {
		offset, limit = 0, 0
	} else if offset+limit > maxWindow {
		limit = maxWindow - offset
	}

	pq := x.parser.parse(q.Text)
	var bq query.Query
	// Ties are broken by orderKey (UpdatedAt desc, then ID) from doc values: sorting on
	// "_id" would decode every matching document's stored fields.
	sortBy := []string{"-_score", fOrder}
	fields := []string{fDocID}
	var mk *marker
	if pq.empty() {
		bq = blevesearch.NewMatchAllQuery()
		sortBy = []string{fOrder}
	} else {
		bq = textQuery(pq)
		mk = newMarker(pq)
		for _, f := range textFields {
			if f.highlight {
				fields = append(fields, f.name+suffixStored)
			}
		}
	}
	if fq := filterQuery(q.Filter); fq != nil {
		b := blevesearch.NewBooleanQuery()
		b.AddMust(bq)
		b.AddFilter(fq)
		bq = b
	}

	req := blevesearch.NewSearchRequestOptions(bq, limit, offset, false)
	req.SortBy(sortBy)
	req.Fields = fields
	if q.Facets {
		req.AddFacet(fCategories, blevesearch.NewFacetRequest(fCategories, maxFacets))
	}

	idx, err := x.get()
	if err != nil {
		return nil, err
	}
	res, err := idx.SearchInContext(ctx, req)
	x.mu.RUnlock()
	if err != nil {
		return nil, fmt.Errorf("search/bleve: search %q: %w", q.Text, err)
	}

	out := &search.Result{Total: int(res.Total), Hits: make([]search.Hit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		hit := search.Hit{ID: h.ID, Score: h.Score}
		hit.DocumentID, _ = h.Fields[fDocID].(string)
		if mk != nil {
			for _, f := range textFields {
				if !f.highlight {
					continue
				}
				text, _ := h.Fields[f.name+suffixStored].(string)
				if text == "" {
					continue
				}
				size := textSnippetRunes
				if f.name == fTitle {
					size = titleSnippetRunes
				}
				if s, ok := mk.snippet(text, size); ok {
					hit.Highlights = append(hit.Highlights, search.Highlight{Field: f.name, Snippet: s})
				}
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	if q.Facets {
		out.Facets = []search.FacetCount{}
		if fr := res.Facets[fCategories]; fr != nil && fr.Terms != nil {
			for _, t := range fr.Terms.Terms() {
				out.Facets = append(out.Facets, search.FacetCount{Category: t.Term, Count: t.Count})
			}
		}
		sort.SliceStable(out.Facets, func(i, j int) bool {
			a, b := out.Facets[i], out.Facets[j]
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return a.Category < b.Category
		})
	}
	out.Took = time.Since(start)
	return out, nil
}
