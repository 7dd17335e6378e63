package search_test

import (
	"context"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/c360crm/c360/search"
	_ "github.com/c360crm/c360/search/bleve"
)

// fakeIndex is an Index that records the URL it was opened with.
type fakeIndex struct {
	search.Index
	u *url.URL
}

func init() {
	search.Register("fake-test", func(_ context.Context, u *url.URL) (search.Index, error) {
		return &fakeIndex{u: u}, nil
	})
}

func TestOpenBleveDefault(t *testing.T) {
	ctx := context.Background()
	for _, raw := range []string{"", "bleve:", " BLEVE: "} {
		dir := t.TempDir()
		idx, err := search.Open(ctx, raw, dir)
		if err != nil {
			t.Fatalf("Open(%q): %v", raw, err)
		}
		if err := idx.Ping(ctx); err != nil {
			t.Errorf("Open(%q): Ping: %v", raw, err)
		}
		if err := idx.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		if _, err := os.Stat(filepath.Join(dir, "search", "knowledge.bleve", "index_meta.json")); err != nil {
			t.Errorf("Open(%q): no index under the data dir: %v", raw, err)
		}
	}
}

func TestOpenBlevePaths(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	abs := filepath.Join(dir, "elsewhere", "kb.bleve")
	idx, err := search.Open(ctx, "bleve://"+filepath.ToSlash(abs), "/nonexistent-data-dir")
	if err != nil {
		t.Fatalf("Open(bleve:///abs): %v", err)
	}
	idx.Close()
	if _, err := os.Stat(filepath.Join(abs, "index_meta.json")); err != nil {
		t.Errorf("no index at %s: %v", abs, err)
	}

	idx, err = search.Open(ctx, "bleve:rel/kb.bleve", dir)
	if err != nil {
		t.Fatalf("Open(bleve:rel): %v", err)
	}
	idx.Close()
	if _, err := os.Stat(filepath.Join(dir, "rel", "kb.bleve", "index_meta.json")); err != nil {
		t.Errorf("bleve:rel/kb.bleve is not under the data dir: %v", err)
	}

	if _, err := search.Open(ctx, "bleve://host/path", dir); err == nil {
		t.Errorf("Open(bleve://host/path): no error")
	}
	if _, err := search.Open(ctx, "bleve:", ""); err == nil {
		t.Errorf("Open(bleve:) without a data dir: no error")
	}
}

func TestOpenMem(t *testing.T) {
	ctx := context.Background()
	idx, err := search.Open(ctx, "mem:", "")
	if err != nil {
		t.Fatalf("Open(mem:): %v", err)
	}
	defer idx.Close()
	if err := idx.Upsert(ctx, search.Document{ID: "1", DocumentID: "1", Title: "宽带故障排查"}); err != nil {
		t.Fatal(err)
	}
	r, err := idx.Search(ctx, search.Query{Text: "宽带"})
	if err != nil || r.Total != 1 {
		t.Fatalf("Search: %v, %+v", err, r)
	}
}

func TestOpenRegistered(t *testing.T) {
	idx, err := search.Open(context.Background(), "fake-test://host:7700?key=secret&index=knowledge", "")
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	u := idx.(*fakeIndex).u
	if u.Host != "host:7700" || u.Query().Get("key") != "secret" || u.Query().Get("index") != "knowledge" {
		t.Errorf("opener got %s", u)
	}
}

func TestOpenUnknown(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{"elastic://localhost:9200", `unknown search backend "elastic"`},
		{"meili://localhost:7700?key=secret", "search/meili"}, // not imported by this test
		{"localhost:7700", "unknown search backend"},
		{"/var/lib/c360", "no scheme"},
	} {
		_, err := search.Open(context.Background(), c.raw, t.TempDir())
		if err == nil {
			t.Errorf("Open(%q): no error", c.raw)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("Open(%q) = %v, want it to mention %q", c.raw, err, c.want)
		}
		if strings.Contains(err.Error(), "secret") {
			t.Errorf("Open(%q) = %v: the error shows the key", c.raw, err)
		}
	}
}

func TestRegisterTwicePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("second Register of a scheme did not panic")
		}
	}()
	search.Register("fake-test", func(context.Context, *url.URL) (search.Index, error) { return nil, nil })
}

func TestSchemes(t *testing.T) {
	got := strings.Join(search.Schemes(), ",")
	for _, s := range []string{"bleve", "fake-test", "mem"} {
		if !strings.Contains(got, s) {
			t.Errorf("Schemes() = %s, want %s", got, s)
		}
	}
}

func TestOpenErrorHidesKey(t *testing.T) {
	search.Register("fake-fail", func(context.Context, *url.URL) (search.Index, error) {
		return nil, search.ErrUnavailable
	})
	_, err := search.Open(context.Background(), "fake-fail://u:pw@host:7700?key=secret&index=kb", "")
	if err == nil || !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Open = %v, want ErrUnavailable wrapped", err)
	}
	if strings.Contains(err.Error(), "secret") || strings.Contains(err.Error(), "pw@") {
		t.Errorf("Open = %v: the error shows a secret", err)
	}
}
