package meili

import (
	"context"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/c360crm/c360/search"
)

// miniDoc is an entry of miniMeili.
type miniDoc struct {
	id, title, body string
	updated         int64
	cats            []string
}

// miniMeili answers searches over a few entries the way Meilisearch does in the respects
// that searchUnion relies on: terms are "quoted phrases" and space-separated words, matched
// as case-insensitive substrings of title and body; matchingStrategy all requires every
// term, last (the default) the first one; the score grows with the share of terms found
// and a match of the first term in the title; "id IN [...]" filters; finite pagination
// reports totalHits; _formatted marks every term.
type miniMeili struct {
	docs []miniDoc

	mu       sync.Mutex
	requests []map[string]any
}

var (
	termRE   = regexp.MustCompile(`"([^"]*)"|(\S+)`)
	filterRE = regexp.MustCompile(`"([^"]*)"`)
)

func (m *miniMeili) search(req map[string]any) (int, any) {
	m.mu.Lock()
	m.requests = append(m.requests, req)
	m.mu.Unlock()
	var terms []string
	for _, t := range termRE.FindAllStringSubmatch(req["q"].(string), -1) {
		terms = append(terms, strings.ToLower(t[1]+t[2]))
	}
	var only map[string]bool
	if f, _ := req["filter"].(string); strings.HasPrefix(f, "id IN") {
		only = map[string]bool{}
		for _, v := range filterRE.FindAllStringSubmatch(f, -1) {
			only[v[1]] = true
		}
	}
	type scored struct {
		d     miniDoc
		score float64
	}
	var hits []scored
	for _, d := range m.docs {
		if only != nil && !only[d.id] {
			continue
		}
		text := strings.ToLower(d.title + " " + d.body)
		n := 0
		for _, t := range terms {
			if strings.Contains(text, t) {
				n++
			}
		}
		switch {
		case len(terms) == 0:
		case req["matchingStrategy"] == "all" && n < len(terms):
			continue
		case !strings.Contains(text, terms[0]):
			continue
		}
		score := 0.9 * float64(n) / float64(max(len(terms), 1))
		if len(terms) > 0 && strings.Contains(strings.ToLower(d.title), terms[0]) {
			score += 0.1
		}
		hits = append(hits, scored{d, score})
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.d.updated != b.d.updated {
			return a.d.updated > b.d.updated
		}
		return a.d.id < b.d.id
	})
	limit := 20
	if v, ok := req["hitsPerPage"].(float64); ok {
		limit = int(v)
	} else if v, ok := req["limit"].(float64); ok {
		limit = int(v)
	}
	total := len(hits)
	hits = hits[:min(limit, len(hits))]
	pre, _ := req["highlightPreTag"].(string)
	post, _ := req["highlightPostTag"].(string)
	mark := func(s string) string {
		for _, t := range terms {
			re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(t))
			s = re.ReplaceAllStringFunc(s, func(w string) string { return pre + w + post })
		}
		return s
	}
	out := []any{}
	for _, h := range hits {
		hit := map[string]any{
			"id": h.d.id, "documentId": h.d.id, "updatedAt": h.d.updated, "categories": h.d.cats,
			"_rankingScore": h.score,
		}
		if pre != "" {
			hit["_formatted"] = map[string]any{"title": mark(h.d.title), "body": mark(h.d.body)}
		}
		out = append(out, hit)
	}
	return http.StatusOK, map[string]any{"hits": out, "totalHits": total, "page": 1, "hitsPerPage": limit}
}

func newMini(t *testing.T) (*Index, *miniMeili, *fakeMeili) {
	f := newFakeMeili(t)
	ix := f.open(t)
	m := &miniMeili{docs: []miniDoc{
		{id: "d1", title: "Router reset guide", body: "How to reset the router.", updated: 1, cats: []string{"a"}},
		{id: "d2", title: "Router only", body: "A router & <b>.", updated: 2, cats: []string{"a", "b"}},
		{id: "d3", title: "Reset only", body: "Reset.", updated: 3, cats: []string{"b"}},
		{id: "d4", title: "Unrelated", body: "Nothing here.", updated: 4, cats: []string{"c"}},
		{id: "d5", title: "Reset twice", body: "Reset, reset.", updated: 3},
	}}
	f.search = m.search
	return ix, m, f
}

func TestSearchUnion(t *testing.T) {
	ix, m, _ := newMini(t)
	res, err := ix.Search(context.Background(), search.Query{Text: "router reset", Facets: true})
	if err != nil {
		t.Fatal(err)
	}
	// d1 matches both units and the whole text best; d2 one unit and, weakly, the whole
	// text; d3 and d5 one unit each, equally: newer first, then by ID.
	if got := ids(res); !reflect.DeepEqual(got, []string{"d1", "d2", "d3", "d5"}) || res.Total != 4 {
		t.Fatalf("hits %v Total %d, want d1 d2 d3 d5, 4", got, res.Total)
	}
	for i := 1; i < len(res.Hits); i++ {
		if res.Hits[i].Score > res.Hits[i-1].Score {
			t.Errorf("scores not descending: %+v", res.Hits)
		}
	}
	if want := []search.FacetCount{{Category: "a", Count: 2}, {Category: "b", Count: 2}}; !reflect.DeepEqual(res.Facets, want) {
		t.Errorf("facets %v, want %v", res.Facets, want)
	}
	wantHL := map[string][]search.Highlight{
		"d1": {{Field: "title", Snippet: "<mark>Router</mark> <mark>reset</mark> guide"},
			{Field: "body", Snippet: "How to <mark>reset</mark> the <mark>router</mark>."}},
		"d2": {{Field: "title", Snippet: "<mark>Router</mark> only"},
			{Field: "body", Snippet: "A <mark>router</mark> &amp; &lt;b&gt;."}},
		"d3": {{Field: "title", Snippet: "<mark>Reset</mark> only"}, {Field: "body", Snippet: "<mark>Reset</mark>."}},
	}
	for _, h := range res.Hits[:3] {
		if !reflect.DeepEqual(h.Highlights, wantHL[h.ID]) {
			t.Errorf("%s highlights %q, want %q", h.ID, h.Highlights, wantHL[h.ID])
		}
	}

	// The candidate searches: the whole text, then each unit, all with the same filter.
	m.mu.Lock()
	reqs := m.requests
	m.requests = nil
	m.mu.Unlock()
	if len(reqs) < 3 {
		t.Fatalf("%d requests", len(reqs))
	}
	for i, want := range []string{"router reset", "router", "reset"} {
		r := reqs[i]
		if r["q"] != want || r["indexUid"] != "knowledge" || r["hitsPerPage"] != float64(defaultCandidateLimit) ||
			r["matchingStrategy"] != "last" || r["attributesToHighlight"] != nil {
			t.Errorf("candidate query %d = %v", i, r)
		}
	}
	// The highlight searches: one per set of matched units, restricted to the page.
	var hq []string
	for _, r := range reqs[3:] {
		hq = append(hq, r["q"].(string)+" | "+r["filter"].(string))
	}
	wantHQ := []string{
		`router reset | id IN ["d1"]`,
		`router | id IN ["d2"]`,
		`reset | id IN ["d3", "d5"]`,
	}
	if !reflect.DeepEqual(hq, wantHQ) {
		t.Errorf("highlight queries %q, want %q", hq, wantHQ)
	}

	// Pages of the same order.
	res, err = ix.Search(context.Background(), search.Query{Text: "router reset", Offset: 1, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); !reflect.DeepEqual(got, []string{"d2", "d3"}) || res.Total != 4 || res.Facets != nil {
		t.Errorf("page 2: %v Total %d facets %v", got, res.Total, res.Facets)
	}
	res, err = ix.Search(context.Background(), search.Query{Text: "router reset", Offset: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 0 || res.Total != 4 {
		t.Errorf("past the end: %v Total %d", ids(res), res.Total)
	}
}

func TestSearchUnionPhrase(t *testing.T) {
	ix, m, _ := newMini(t)
	// The phrase is required; the unit only ranks.
	res, err := ix.Search(context.Background(), search.Query{Text: `“reset guide” router`})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(res); !reflect.DeepEqual(got, []string{"d1"}) || res.Total != 1 {
		t.Fatalf("hits %v Total %d, want d1", got, res.Total)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	var qs []string
	for _, r := range m.requests {
		s, _ := r["matchingStrategy"].(string)
		qs = append(qs, r["q"].(string)+" | "+s)
	}
	want := []string{`"reset guide" router | last`, "router | last", `"reset guide" | all`, `"reset guide" router | last`}
	if !reflect.DeepEqual(qs, want) {
		t.Errorf("queries %q, want %q", qs, want)
	}
}

func TestSearchUnionTruncated(t *testing.T) {
	ix, _, _ := newMini(t)
	ix.candidateLimit = 1
	res, err := ix.Search(context.Background(), search.Query{Text: "router reset"})
	if err != nil {
		t.Fatal(err)
	}
	// Each unit search returned one of its matches: the union has 2, but the reset search
	// reported 3 matches.
	if res.Total != 3 || len(res.Hits) != 2 {
		t.Errorf("hits %v Total %d, want 2 hits, Total 3", ids(res), res.Total)
	}
}

func TestSearchManyUnitsIsOneSearch(t *testing.T) {
	ix, m, f := newMini(t)
	if _, err := ix.Search(context.Background(), search.Query{Text: "a b c d e f g h i"}); err != nil {
		t.Fatal(err)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.requests) != 1 || m.requests[0]["q"] != "a b c d e f g h i" {
		t.Errorf("requests %v, want one search of the whole text", m.requests)
	}
	f.lastRequest(http.MethodPost, "/indexes/knowledge/search")
}

func TestSearchUnionInvalidFilter(t *testing.T) {
	ix, _, f := newMini(t)
	f.search = func(map[string]any) (int, any) {
		return http.StatusBadRequest, meiliErr("invalid_search_filter", "invalid_request", "Attribute `x` is not filterable.")
	}
	_, err := ix.Search(context.Background(), search.Query{Text: "a b"})
	if apiCode(err) != "invalid_search_filter" || !strings.Contains(err.Error(), "is not filterable") {
		t.Errorf("Search = %v, want Meilisearch's invalid_search_filter", err)
	}
}

// ids returns the hit IDs in order.
func ids(r *search.Result) []string {
	out := []string{}
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}
