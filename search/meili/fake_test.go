package meili

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/c360crm/c360/search"
)

// fakeMeili imitates the parts of Meilisearch's HTTP API that Index uses, records the
// requests, and answers searches through a test-supplied function.
type fakeMeili struct {
	t   *testing.T
	srv *httptest.Server

	mu         sync.Mutex
	indexes    map[string]string // uid → primary key
	tasks      map[int]*fakeTask
	nextTask   int
	requests   []fakeRequest
	docs       int
	search     func(req map[string]any) (int, any) // status and answer of a search
	taskResult func(typ string) (status string, errType, errCode string)
	pollsLeft  int // answers "processing" this many times before a task is done
}

type fakeTask struct {
	typ   string
	polls int
}

type fakeRequest struct {
	Method, Path string
	Body         []byte
}

func newFakeMeili(t *testing.T) *fakeMeili {
	f := &fakeMeili{t: t, indexes: map[string]string{}, tasks: map[int]*fakeTask{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeMeili) reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		f.t.Errorf("fake meili: %v", err)
	}
}

func meiliErr(code, typ, msg string) map[string]string {
	return map[string]string{"message": msg, "code": code, "type": typ, "link": "https://docs.meilisearch.com/errors#" + code}
}

// enqueue records a task and answers 202 with its summary (the caller holds f.mu).
func (f *fakeMeili) enqueue(w http.ResponseWriter, uid, typ string) {
	f.nextTask++
	f.tasks[f.nextTask] = &fakeTask{typ: typ, polls: f.pollsLeft}
	f.reply(w, http.StatusAccepted, map[string]any{
		"taskUid": f.nextTask, "indexUid": uid, "status": "enqueued", "type": typ,
		"enqueuedAt": time.Now().UTC().Format(time.RFC3339Nano),
	})
}

func (f *fakeMeili) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, fakeRequest{r.Method, r.URL.Path, body})
	if r.Header.Get("Authorization") != "Bearer test-key" {
		f.reply(w, http.StatusUnauthorized, meiliErr("missing_authorization_header", "auth", "The Authorization header is missing."))
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/multi-search":
		var req struct{ Queries []map[string]any }
		if err := json.Unmarshal(body, &req); err != nil {
			f.t.Errorf("multi-search body: %v", err)
		}
		var results []any
		for i, q := range req.Queries {
			status, ans := http.StatusOK, any(map[string]any{"hits": []any{}, "totalHits": 0})
			if f.search != nil {
				status, ans = f.search(q)
			}
			if status != http.StatusOK {
				e := ans.(map[string]string)
				e["message"] = fmt.Sprintf("Inside `.queries[%d]`: %s", i, e["message"])
				f.reply(w, status, e)
				return
			}
			m := ans.(map[string]any)
			m["indexUid"] = q["indexUid"]
			results = append(results, m)
		}
		f.reply(w, http.StatusOK, map[string]any{"results": results})
	case r.Method == http.MethodGet && r.URL.Path == "/health":
		f.reply(w, http.StatusOK, map[string]string{"status": "available"})
	case r.Method == http.MethodPost && r.URL.Path == "/indexes":
		var req struct{ UID, PrimaryKey string }
		_ = json.Unmarshal(body, &req)
		f.indexes[req.UID] = req.PrimaryKey
		f.enqueue(w, req.UID, "indexCreation")
	case r.Method == http.MethodGet && len(parts) == 2 && parts[0] == "tasks":
		n, _ := strconv.Atoi(parts[1])
		task, ok := f.tasks[n]
		if !ok {
			f.reply(w, http.StatusNotFound, meiliErr("task_not_found", "invalid_request", "Task not found."))
			return
		}
		if task.polls > 0 {
			task.polls--
			f.reply(w, http.StatusOK, map[string]any{"uid": n, "status": "processing", "type": task.typ})
			return
		}
		status, errType, errCode := "succeeded", "", ""
		if f.taskResult != nil {
			status, errType, errCode = f.taskResult(task.typ)
		}
		ans := map[string]any{"uid": n, "status": status, "type": task.typ}
		if status == "failed" {
			ans["error"] = meiliErr(errCode, errType, "the task went wrong")
		}
		f.reply(w, http.StatusOK, ans)
	case len(parts) >= 2 && parts[0] == "indexes":
		uid := parts[1]
		pk, ok := f.indexes[uid]
		if !ok {
			f.reply(w, http.StatusNotFound, meiliErr("index_not_found", "invalid_request", fmt.Sprintf("Index `%s` not found.", uid)))
			return
		}
		rest := strings.Join(parts[2:], "/")
		switch {
		case r.Method == http.MethodGet && rest == "":
			f.reply(w, http.StatusOK, map[string]any{"uid": uid, "primaryKey": pk})
		case r.Method == http.MethodPatch && rest == "settings":
			f.enqueue(w, uid, "settingsUpdate")
		case r.Method == http.MethodPost && rest == "documents":
			var docs []map[string]any
			_ = json.Unmarshal(body, &docs)
			f.docs += len(docs)
			f.enqueue(w, uid, "documentAdditionOrUpdate")
		case r.Method == http.MethodPost && rest == "documents/delete-batch":
			f.enqueue(w, uid, "documentDeletion")
		case r.Method == http.MethodDelete && rest == "documents":
			f.enqueue(w, uid, "documentDeletion")
		case r.Method == http.MethodGet && rest == "stats":
			f.reply(w, http.StatusOK, map[string]any{"numberOfDocuments": f.docs, "isIndexing": false})
		case r.Method == http.MethodPost && rest == "search":
			var req map[string]any
			if err := json.Unmarshal(body, &req); err != nil {
				f.t.Errorf("search body: %v", err)
			}
			status, ans := http.StatusOK, any(map[string]any{"hits": []any{}, "totalHits": 0})
			if f.search != nil {
				status, ans = f.search(req)
			}
			f.reply(w, status, ans)
		default:
			f.reply(w, http.StatusNotFound, meiliErr("not_found", "invalid_request", "no route"))
		}
	default:
		f.reply(w, http.StatusNotFound, meiliErr("not_found", "invalid_request", "no route"))
	}
}

// lastRequest returns the body of the last request to path with method.
func (f *fakeMeili) lastRequest(method, path string) []byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.requests) - 1; i >= 0; i-- {
		if r := f.requests[i]; r.Method == method && r.Path == path {
			return r.Body
		}
	}
	f.t.Fatalf("no %s %s request", method, path)
	return nil
}

func (f *fakeMeili) open(t *testing.T) *Index {
	t.Helper()
	ix, err := Open(context.Background(), f.srv.URL, "test-key", "knowledge")
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

func TestOpenCreatesIndexAndAppliesSettings(t *testing.T) {
	f := newFakeMeili(t)
	f.pollsLeft = 2 // every task is "processing" twice before it succeeds
	f.open(t)

	if pk := f.indexes["knowledge"]; pk != "id" {
		t.Errorf("index created with primary key %q, want id", pk)
	}
	var got map[string]any
	if err := json.Unmarshal(f.lastRequest(http.MethodPatch, "/indexes/knowledge/settings"), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"searchableAttributes": []any{"title", "summary", "body", "attachments", "tags",
			"titleChars", "summaryChars", "bodyChars", "attachmentsChars"},
		"filterableAttributes": []any{"stage", "documentId", "categories", "audience", "status", "tags", "products", "id"},
		"sortableAttributes":   []any{"updatedAt", "id"},
		"rankingRules":         []any{"words", "typo", "proximity", "attribute", "sort", "exactness", "updatedAt:desc", "id:asc"},
		"pagination":           map[string]any{"maxTotalHits": float64(100000)},
	}
	for k, v := range want {
		if !reflect.DeepEqual(got[k], v) {
			t.Errorf("settings %s = %v, want %v", k, got[k], v)
		}
	}
	faceting, _ := got["faceting"].(map[string]any)
	if faceting["maxValuesPerFacet"] != float64(1000) {
		t.Errorf("faceting = %v", faceting)
	}
	if _, ok := got["typoTolerance"].(map[string]any); !ok {
		t.Errorf("no typoTolerance in %v", got)
	}

	// Opening again finds the index and applies the settings again (idempotent).
	f.open(t)
	f.mu.Lock()
	defer f.mu.Unlock()
	creations, settings := 0, 0
	for _, r := range f.requests {
		switch {
		case r.Method == http.MethodPost && r.Path == "/indexes":
			creations++
		case r.Method == http.MethodPatch:
			settings++
		}
	}
	if creations != 1 || settings != 2 {
		t.Errorf("%d index creations and %d settings updates, want 1 and 2", creations, settings)
	}
}

func TestOpenRejectsOtherPrimaryKey(t *testing.T) {
	f := newFakeMeili(t)
	f.indexes["knowledge"] = "uuid"
	_, err := Open(context.Background(), f.srv.URL, "test-key", "knowledge")
	if err == nil || !strings.Contains(err.Error(), `primary key "uuid"`) {
		t.Fatalf("Open = %v, want a primary key error", err)
	}
	if errors.Is(err, search.ErrUnavailable) {
		t.Errorf("%v is ErrUnavailable", err)
	}
}

func TestOpenWrongKey(t *testing.T) {
	f := newFakeMeili(t)
	_, err := Open(context.Background(), f.srv.URL, "wrong", "knowledge")
	if err == nil || errors.Is(err, search.ErrUnavailable) || !strings.Contains(err.Error(), "missing_authorization_header") {
		t.Fatalf("Open with a wrong key = %v, want a plain auth error", err)
	}
}

func TestUpsertDeleteWaitForTasks(t *testing.T) {
	f := newFakeMeili(t)
	ix := f.open(t)
	f.mu.Lock()
	f.pollsLeft = 3
	f.mu.Unlock()

	at := time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	err := ix.Upsert(context.Background(),
		search.Document{ID: "7:latest", DocumentID: "7", Stage: search.StageLatest, Title: "old", UpdatedAt: at},
		search.Document{ID: "8", DocumentID: "8", Stage: search.StagePublished, Title: "B", Tags: []string{"x"}},
		search.Document{ID: "7:latest", DocumentID: "7", Stage: search.StageLatest, Title: "new", UpdatedAt: at},
	)
	if err != nil {
		t.Fatalf("Upsert: %v", err)
	}
	var docs []map[string]any
	if err := json.Unmarshal(f.lastRequest(http.MethodPost, "/indexes/knowledge/documents"), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("sent %d documents, want 2 (the last version of each ID): %v", len(docs), docs)
	}
	// Sent in the order of each ID's last version.
	if docs[0]["id"] != "8" || !reflect.DeepEqual(docs[0]["categories"], []any{}) || !reflect.DeepEqual(docs[0]["tags"], []any{"x"}) {
		t.Errorf("first document = %v", docs[0])
	}
	if docs[1]["id"] != "7_3Alatest" || docs[1]["title"] != "new" || docs[1]["updatedAt"] != float64(at.UnixMilli()) {
		t.Errorf("second document = %v", docs[1])
	}
	f.mu.Lock()
	for n, task := range f.tasks {
		if task.polls != 0 {
			t.Errorf("task %d (%s) returned before it was done", n, task.typ)
		}
	}
	f.mu.Unlock()

	if err := ix.Delete(context.Background(), "7:latest", "9"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	var ids []string
	if err := json.Unmarshal(f.lastRequest(http.MethodPost, "/indexes/knowledge/documents/delete-batch"), &ids); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, []string{"7_3Alatest", "9"}) {
		t.Errorf("deleted %v", ids)
	}
	if err := ix.DeleteAll(context.Background()); err != nil {
		t.Fatalf("DeleteAll: %v", err)
	}
	if n, err := ix.Count(context.Background()); err != nil || n != 2 {
		t.Errorf("Count = %d, %v; want 2 (the fake counts additions)", n, err)
	}
}

func TestUpsertBatches(t *testing.T) {
	f := newFakeMeili(t)
	ix := f.open(t)
	docs := make([]search.Document, 2500)
	for i := range docs {
		docs[i] = search.Document{ID: strconv.Itoa(i), Title: "t"}
	}
	if err := ix.Upsert(context.Background(), docs...); err != nil {
		t.Fatal(err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, r := range f.requests {
		if r.Method == http.MethodPost && r.Path == "/indexes/knowledge/documents" {
			n++
		}
	}
	if n != 3 || f.docs != 2500 {
		t.Errorf("%d requests with %d documents, want 3 with 2500", n, f.docs)
	}
}

func TestFailedTask(t *testing.T) {
	f := newFakeMeili(t)
	ix := f.open(t)
	f.taskResult = func(string) (string, string, string) {
		return "failed", "invalid_request", "invalid_document_fields"
	}
	err := ix.Upsert(context.Background(), search.Document{ID: "1"})
	if err == nil || errors.Is(err, search.ErrUnavailable) || apiCode(err) != "invalid_document_fields" ||
		!strings.Contains(err.Error(), "the task went wrong") {
		t.Fatalf("Upsert with a failing task = %v", err)
	}
	f.taskResult = func(string) (string, string, string) { return "failed", "system", "no_space_left_on_device" }
	if err := ix.Delete(context.Background(), "1"); !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Delete with a task failed by a system error = %v, want ErrUnavailable", err)
	}
}

func TestSearchRequestAndResponse(t *testing.T) {
	f := newFakeMeili(t)
	ix := f.open(t)
	var got map[string]any
	f.search = func(req map[string]any) (int, any) {
		got = req
		pre, _ := req["highlightPreTag"].(string)
		post, _ := req["highlightPostTag"].(string)
		return http.StatusOK, map[string]any{
			"hits": []any{
				map[string]any{"id": "skipped", "documentId": "0", "_rankingScore": 1.0},
				map[string]any{
					"id": "12_3Alatest", "documentId": "12", "_rankingScore": 0.75,
					"_formatted": map[string]any{
						"id":          "12_3Alatest",
						"title":       "About " + pre + "Go" + post + " & <b>",
						"summary":     "no match here",
						"body":        "…use " + pre + "go" + post + " <script>alert('x')</script>…",
						"attachments": nil,
					},
				},
			},
			"totalHits": 42, "page": 1, "hitsPerPage": 2, "totalPages": 21,
			"facetDistribution": map[string]any{"categories": map[string]int{"b": 3, "a": 3, "c": 9}},
		}
	}
	res, err := ix.Search(context.Background(), search.Query{
		Text:   `  go `,
		Filter: search.Filter{Stages: []string{"PUBLISHED"}, Tags: []string{`a"b`, `c\`}},
		Offset: 1, Limit: 1, Facets: true,
	})
	if err != nil {
		t.Fatalf("Search: %v", err)
	}
	if got["q"] != "go" {
		t.Errorf("q = %q", got["q"])
	}
	if want := `stage IN ["PUBLISHED"] AND tags IN ["a\"b", "c\\"]`; got["filter"] != want {
		t.Errorf("filter = %v, want %v", got["filter"], want)
	}
	if got["page"] != float64(2) || got["hitsPerPage"] != float64(1) {
		t.Errorf("page %v hitsPerPage %v, want 2 and 1", got["page"], got["hitsPerPage"])
	}
	if got["showRankingScore"] != true || got["sort"] != nil || got["matchingStrategy"] != nil {
		t.Errorf("showRankingScore %v sort %v", got["showRankingScore"], got["sort"])
	}
	if !reflect.DeepEqual(got["facets"], []any{"categories"}) ||
		!reflect.DeepEqual(got["attributesToHighlight"], []any{"title", "summary", "body", "attachments"}) ||
		!reflect.DeepEqual(got["attributesToCrop"], []any{"body", "attachments"}) {
		t.Errorf("facets %v highlight %v crop %v", got["facets"], got["attributesToHighlight"], got["attributesToCrop"])
	}
	if res.Total != 42 {
		t.Errorf("Total = %d, want 42", res.Total)
	}
	// The fake ignores the page; the first hit stands for page 1, which Search does not drop
	// in page mode, so both come back.
	if len(res.Hits) != 2 {
		t.Fatalf("hits = %+v", res.Hits)
	}
	h := res.Hits[1]
	if h.ID != "12:latest" || h.DocumentID != "12" || h.Score != 0.75 {
		t.Errorf("hit = %+v", h)
	}
	wantHL := []search.Highlight{
		{Field: "title", Snippet: "About <mark>Go</mark> &amp; &lt;b&gt;"},
		{Field: "body", Snippet: "…use <mark>go</mark> &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;…"},
	}
	if !reflect.DeepEqual(h.Highlights, wantHL) {
		t.Errorf("highlights = %q, want %q", h.Highlights, wantHL)
	}
	wantFacets := []search.FacetCount{{Category: "c", Count: 9}, {Category: "a", Count: 3}, {Category: "b", Count: 3}}
	if !reflect.DeepEqual(res.Facets, wantFacets) {
		t.Errorf("facets = %v, want %v", res.Facets, wantFacets)
	}

	// An offset that is no multiple of the limit: page 1 of offset+limit hits, the first
	// offset dropped.
	if res, err = ix.Search(context.Background(), search.Query{Text: "go", Offset: 1, Limit: 3}); err != nil {
		t.Fatal(err)
	}
	if got["page"] != float64(1) || got["hitsPerPage"] != float64(4) || len(res.Hits) != 1 || res.Hits[0].ID != "12:latest" {
		t.Errorf("page %v hitsPerPage %v hits %+v", got["page"], got["hitsPerPage"], res.Hits)
	}
	if res.Facets != nil {
		t.Errorf("facets without Query.Facets: %v", res.Facets)
	}

	// Empty text: everything, newest first, no highlighting.
	if _, err = ix.Search(context.Background(), search.Query{}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got["sort"], []any{"updatedAt:desc", "id:asc"}) || got["attributesToHighlight"] != nil ||
		got["filter"] != nil || got["hitsPerPage"] != float64(20) {
		t.Errorf("empty query request = %v", got)
	}
}

func TestSearchInvalidFilterIsPlainError(t *testing.T) {
	f := newFakeMeili(t)
	ix := f.open(t)
	f.search = func(map[string]any) (int, any) {
		return http.StatusBadRequest, meiliErr("invalid_search_filter", "invalid_request",
			"Attribute `colour` is not filterable. Available filterable attributes are: `stage`.")
	}
	_, err := ix.Search(context.Background(), search.Query{Text: "x"})
	if err == nil || errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Search = %v, want a plain error", err)
	}
	if apiCode(err) != "invalid_search_filter" || !strings.Contains(err.Error(), "is not filterable") {
		t.Errorf("error %q lacks Meilisearch's code or message", err)
	}
}

func TestUnavailable503(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		_, _ = io.WriteString(w, `{"message":"Meilisearch is starting","code":"unavailable","type":"internal","link":""}`)
	}))
	defer srv.Close()
	if _, err := Open(context.Background(), srv.URL, "", "knowledge"); !errors.Is(err, search.ErrUnavailable) {
		t.Errorf("Open = %v, want ErrUnavailable", err)
	}
	ix, err := newIndex(srv.URL, "", "knowledge")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	checkUnavailable(t, ix)
}

func TestUnavailableBadGatewayHTML(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusBadGateway)
		_, _ = io.WriteString(w, "<html>502 Bad Gateway</html>")
	}))
	defer srv.Close()
	ix, err := newIndex(srv.URL, "", "knowledge")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	checkUnavailable(t, ix)
}

func TestUnavailableConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there any more
	if _, err := Open(context.Background(), "http://"+addr, "", "knowledge"); !errors.Is(err, search.ErrUnavailable) {
		t.Errorf("Open = %v, want ErrUnavailable", err)
	}
	ix, err := newIndex(addr, "", "knowledge") // a host without scheme means http
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	checkUnavailable(t, ix)
}

func TestUnavailableTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)
	ix, err := newIndex(srv.URL, "", "knowledge")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ix.requestTimeout = 50 * time.Millisecond
	ix.taskTimeout = 50 * time.Millisecond
	checkUnavailable(t, ix)
}

func TestTaskWaitTimeout(t *testing.T) {
	f := newFakeMeili(t)
	ix := f.open(t)
	f.mu.Lock()
	f.pollsLeft = 1 << 30 // never done
	f.mu.Unlock()
	ix.taskTimeout = 100 * time.Millisecond
	if err := ix.Upsert(context.Background(), search.Document{ID: "1"}); !errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Upsert whose task never ends = %v, want ErrUnavailable", err)
	}
}

func TestCanceledIsNotUnavailable(t *testing.T) {
	f := newFakeMeili(t)
	ix := f.open(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ix.Search(ctx, search.Query{Text: "x"})
	if !errors.Is(err, context.Canceled) || errors.Is(err, search.ErrUnavailable) {
		t.Fatalf("Search with a cancelled context = %v, want context.Canceled", err)
	}
}

// checkUnavailable expects every operation of ix to fail with search.ErrUnavailable.
func checkUnavailable(t *testing.T, ix *Index) {
	t.Helper()
	ctx := context.Background()
	ops := map[string]func() error{
		"Ping":   func() error { return ix.Ping(ctx) },
		"Search": func() error { _, err := ix.Search(ctx, search.Query{Text: "x"}); return err },
		"Count":  func() error { _, err := ix.Count(ctx); return err },
		"Upsert": func() error { return ix.Upsert(ctx, search.Document{ID: "1"}) },
		"Delete": func() error { return ix.Delete(ctx, "1") },
		"DeleteAll": func() error {
			return ix.DeleteAll(ctx)
		},
	}
	for name, op := range ops {
		if err := op(); !errors.Is(err, search.ErrUnavailable) {
			t.Errorf("%s = %v, want ErrUnavailable", name, err)
		}
	}
}
