package bleve

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	blevesearch "github.com/blevesearch/bleve/v2"

	"github.com/c360crm/c360/search"
	"github.com/c360crm/c360/search/searchtest"
)

func TestConformanceMem(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Index {
		idx, err := OpenMem()
		if err != nil {
			t.Fatalf("OpenMem: %v", err)
		}
		t.Cleanup(func() { _ = idx.Close() })
		return idx
	})
}

func TestConformanceDisk(t *testing.T) {
	searchtest.Run(t, func(t *testing.T) search.Index {
		idx, err := Open(filepath.Join(t.TempDir(), "search", "knowledge.bleve"))
		if err != nil {
			t.Fatalf("Open: %v", err)
		}
		t.Cleanup(func() { _ = idx.Close() })
		return idx
	})
}

func testDoc(id, title, body string) search.Document {
	return search.Document{
		ID: id, DocumentID: id, Stage: search.StagePublished, Title: title, Body: body,
		Categories: []string{"cat-network"}, Audience: "INTERNAL", Status: "PUBLISHED",
		UpdatedAt: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC),
	}
}

func mustSearch(t *testing.T, idx search.Index, text string) *search.Result {
	t.Helper()
	r, err := idx.Search(context.Background(), search.Query{Text: text, Facets: true})
	if err != nil {
		t.Fatalf("Search(%q): %v", text, err)
	}
	return r
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kb.bleve")
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	docs := []search.Document{
		testDoc("1", "宽带故障排查", "光猫红灯闪烁时检查光纤。"),
		testDoc("2", "Router reset", "Hold the reset button for ten seconds."),
		testDoc("3", "SIM卡补办", "携带身份证到营业厅。"),
	}
	if err := idx.Upsert(ctx, docs...); err != nil {
		t.Fatal(err)
	}
	if err := idx.Delete(ctx, "3"); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}

	idx, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer idx.Close()
	if n, err := idx.Count(ctx); err != nil || n != 2 {
		t.Fatalf("Count after reopen = %d, %v; want 2", n, err)
	}
	r := mustSearch(t, idx, "光猫")
	if r.Total != 1 || r.Hits[0].ID != "1" || len(r.Hits[0].Highlights) == 0 {
		t.Errorf("Search(光猫) after reopen = %+v", r)
	}
	if r := mustSearch(t, idx, "routers"); r.Total != 1 || r.Hits[0].ID != "2" {
		t.Errorf("Search(routers) after reopen = %+v", r)
	}
	if r := mustSearch(t, idx, "补办"); r.Total != 0 {
		t.Errorf("deleted entry found after reopen: %+v", r)
	}
	// DeleteAll on disk leaves an empty, working index at the same path.
	if err := idx.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if err := idx.Upsert(ctx, docs[0]); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	idx, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := idx.Count(ctx); n != 1 {
		t.Errorf("Count after DeleteAll, upsert and reopen = %d, want 1", n)
	}
}

func TestOutdatedSchemaIsRebuilt(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "kb.bleve")
	idx, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Upsert(ctx, testDoc("1", "宽带", "")); err != nil {
		t.Fatal(err)
	}
	idx.Close()
	raw, err := blevesearch.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := raw.SetInternal([]byte(schemaKey), []byte("c360-knowledge-0")); err != nil {
		t.Fatal(err)
	}
	raw.Close()

	idx, err = Open(path)
	if err != nil {
		t.Fatalf("Open outdated: %v", err)
	}
	defer idx.Close()
	if n, _ := idx.Count(ctx); n != 0 {
		t.Errorf("outdated index kept %d entries, want a new empty index", n)
	}
}

func TestOpenRefusesOtherDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "not a search index") {
		t.Errorf("Open(non-index dir) = %v", err)
	}
	// An empty directory is fine.
	empty := filepath.Join(dir, "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	idx, err := Open(empty)
	if err != nil {
		t.Fatalf("Open(empty dir): %v", err)
	}
	idx.Close()
}

func TestClosed(t *testing.T) {
	ctx := context.Background()
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	if err := idx.Ping(ctx); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	if err := idx.Close(); err != nil {
		t.Fatal(err)
	}
	if err := idx.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	for name, err := range map[string]error{
		"Ping":      idx.Ping(ctx),
		"Upsert":    idx.Upsert(ctx, testDoc("1", "宽带", "")),
		"Delete":    idx.Delete(ctx, "1"),
		"DeleteAll": idx.DeleteAll(ctx),
		"Search":    func() error { _, err := idx.Search(ctx, search.Query{Text: "宽带"}); return err }(),
		"Count":     func() error { _, err := idx.Count(ctx); return err }(),
	} {
		if !errors.Is(err, search.ErrUnavailable) {
			t.Errorf("%s after Close = %v, want ErrUnavailable", name, err)
		}
	}
}

func TestErrors(t *testing.T) {
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if err := idx.Upsert(context.Background(), search.Document{Title: "no ID"}); err == nil {
		t.Errorf("Upsert without ID: no error")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := idx.Upsert(ctx, testDoc("1", "宽带", "")); !errors.Is(err, context.Canceled) {
		t.Errorf("Upsert with a cancelled context = %v", err)
	}
	if _, err := idx.Search(ctx, search.Query{Text: "宽带"}); !errors.Is(err, context.Canceled) {
		t.Errorf("Search with a cancelled context = %v", err)
	}
	if _, err := Open(""); err == nil {
		t.Errorf("Open(\"\"): no error")
	}
}

func TestDeepPages(t *testing.T) {
	ctx := context.Background()
	idx, err := OpenMem()
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if err := idx.Upsert(ctx, testDoc("1", "宽带", ""), testDoc("2", "宽带", "")); err != nil {
		t.Fatal(err)
	}
	r, err := idx.Search(ctx, search.Query{Text: "宽带", Offset: maxWindow + 5, Facets: true})
	if err != nil || r.Total != 2 || len(r.Hits) != 0 || len(r.Facets) != 1 {
		t.Errorf("Search past the window = %+v, %v; want Total 2, no hits, facets", r, err)
	}
	r, err = idx.Search(ctx, search.Query{Text: "宽带", Limit: maxWindow * 2})
	if err != nil || len(r.Hits) != 2 {
		t.Errorf("Search with a huge limit = %+v, %v", r, err)
	}
}

// TestConcurrent runs writers, readers and DeleteAll at once; run with -race.
func TestConcurrent(t *testing.T) {
	ctx := context.Background()
	idx, err := Open(filepath.Join(t.TempDir(), "kb.bleve"))
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	var wg sync.WaitGroup
	errs := make(chan error, 100)
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				d := testDoc(fmt.Sprintf("w%d-%d", w, i), "宽带故障排查 router", "光猫红灯闪烁，请检查光纤。")
				if err := idx.Upsert(ctx, d); err != nil {
					errs <- err
					return
				}
				if i%7 == 0 {
					if err := idx.Delete(ctx, d.ID); err != nil {
						errs <- err
						return
					}
				}
			}
		}(w)
	}
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 30; i++ {
				if _, err := idx.Search(ctx, search.Query{Text: "宽带 光猫", Facets: true}); err != nil {
					errs <- err
					return
				}
				if _, err := idx.Count(ctx); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		time.Sleep(10 * time.Millisecond)
		if err := idx.DeleteAll(ctx); err != nil {
			errs <- err
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := idx.Ping(ctx); err != nil {
		t.Errorf("Ping: %v", err)
	}
}
