package bleve

import (
	"context"
	"os"
	"sort"
	"testing"
	"time"

	"github.com/c360crm/c360/search"
)

func TestTmpQueries(t *testing.T) {
	ctx := context.Background()
	path := "/tmp/bench-idx-20k"
	_, statErr := os.Stat(path)
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if statErr != nil {
		g := newGenerator(1)
		var docs []search.Document
		for i := 0; i < 20000; i++ {
			docs = append(docs, g.doc(i))
			if len(docs) == 1000 {
				if err := idx.Upsert(ctx, docs...); err != nil {
					t.Fatal(err)
				}
				docs = docs[:0]
			}
		}
	}
	for _, q := range benchQueries() {
		var ds []time.Duration
		var r *search.Result
		for i := 0; i < 7; i++ {
			t0 := time.Now()
			r, err = idx.Search(ctx, q)
			ds = append(ds, time.Since(t0))
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		t.Logf("%-28q f=%v total=%6d med=%v", q.Text, q.Facets, r.Total, ds[3])
	}
}
