package meili

import (
	"context"
	"encoding/json"
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"time"

	"github.com/meilisearch/meilisearch-go"

	"github.com/c360crm/c360/search"
)

// maxUnionUnits is the largest number of units that searchUnion serves.
const maxUnionUnits = 8

// Search runs q.
//
// The free text is cut by parseText into quoted phrases and units (words and CJK runs
// between spaces, punctuation or a change of script). The semantics are those of the
// conformance suite: any unit may match and entries matching more units rank higher;
// quoted phrases ("…", “…”, 「…」) are required and matched as phrases; an empty text
// matches every entry (within the filter), newest first. Meilisearch segments Chinese runs
// itself and drops their trailing words when nothing matches them all (matchingStrategy
// last), so 光猫红灯怎么办 still finds 光猫红灯.
//
// Text with at most one unit and no phrase, or phrases alone, is one Meilisearch search:
// Total is exact (finite pagination) up to maxTotalHits, and facets are Meilisearch's.
// Text with several units is served by searchUnion, since Meilisearch only returns entries
// that contain the first word of a query; text with more than maxUnionUnits units (a pasted
// paragraph) is one search again, with Meilisearch's own strategy: all words first, then
// fewer and fewer, dropping the last.
func (ix *Index) Search(ctx context.Context, q search.Query) (*search.Result, error) {
	start := time.Now()
	ctx, cancel := context.WithTimeout(ctx, ix.requestTimeout)
	defer cancel()
	p := parseText(q.Text)
	var res *search.Result
	var err error
	if n := len(p.units); n <= maxUnionUnits && (n > 1 || (n == 1 && len(p.phrases) > 0)) {
		res, err = ix.searchUnion(ctx, q, p)
	} else {
		res, err = ix.searchOne(ctx, q, p)
	}
	if err != nil {
		return nil, err
	}
	res.Took = time.Since(start)
	return res, nil
}

// pageOf returns the limit and offset of q (limit 0 means 20; a negative offset is 0).
func pageOf(q search.Query) (limit, offset int) {
	limit = q.Limit
	if limit <= 0 {
		limit = defaultLimit
	}
	return limit, max(q.Offset, 0)
}

// highlightRequest asks req for the highlighted and cropped snippets of Search.
func (ix *Index) highlightRequest(req *meilisearch.SearchRequest) {
	req.AttributesToHighlight = highlightFields
	req.HighlightPreTag = ix.preTag
	req.HighlightPostTag = ix.postTag
	req.AttributesToCrop = []string{attrBody, attrAttachments}
	req.CropLength = cropLength
	req.CropMarker = "…"
}

// searchOne serves q with a single Meilisearch search (see buildSearchRequest).
func (ix *Index) searchOne(ctx context.Context, q search.Query, p parsedText) (*search.Result, error) {
	req, skip := buildSearchRequest(q, p)
	if req.Query != "" {
		ix.highlightRequest(req)
	}
	resp, err := ix.index.SearchWithContext(ctx, "", req)
	if err != nil {
		return nil, mapErr("search", err)
	}
	return ix.convertResponse(resp, skip, q.Facets)
}

// buildSearchRequest translates a query of at most one unit, or of phrases alone (all
// required: matchingStrategy all), into one Meilisearch search without highlighting. It
// uses Meilisearch's finite pagination (page and hitsPerPage), whose totalHits is exact,
// unlike the estimatedTotalHits of offset/limit searches. An offset that is not a multiple
// of the limit is served from page 1 with hitsPerPage offset+limit; skip is the number of
// leading hits to drop then. An empty text sorts by updatedAt, newest first.
func buildSearchRequest(q search.Query, p parsedText) (req *meilisearch.SearchRequest, skip int) {
	limit, offset := pageOf(q)
	page, perPage := offset/limit+1, limit
	if offset%limit != 0 {
		page, perPage, skip = 1, offset+limit, offset
	}
	hpp := int64(perPage)
	req = &meilisearch.SearchRequest{
		Query:                p.query(p.units),
		Page:                 int64(page),
		HitsPerPage:          &hpp,
		AttributesToRetrieve: []string{attrID, attrDocumentID},
		ShowRankingScore:     true,
		Locales:              searchLocales,
	}
	if f := buildFilter(q.Filter); f != "" {
		req.Filter = f
	}
	switch {
	case req.Query == "":
		req.Sort = []string{attrUpdatedAt + ":desc", attrID + ":asc"}
	case len(p.units) == 0:
		req.MatchingStrategy = meilisearch.All
	}
	if q.Facets {
		req.Facets = []string{attrCategories}
	}
	return req, skip
}

// convertResponse turns the answer of searchOne into a search.Result, dropping the first
// skip hits (see buildSearchRequest).
func (ix *Index) convertResponse(resp *meilisearch.SearchResponse, skip int, facets bool) (*search.Result, error) {
	total := resp.TotalHits
	if total == 0 && resp.EstimatedTotalHits > 0 {
		total = resp.EstimatedTotalHits
	}
	res := &search.Result{Total: int(total), Hits: []search.Hit{}}
	hits := resp.Hits
	if skip >= len(hits) {
		hits = nil
	} else {
		hits = hits[skip:]
	}
	for _, h := range hits {
		e, err := ix.decodeHit(h)
		if err != nil {
			return nil, err
		}
		res.Hits = append(res.Hits, search.Hit{
			ID: decodeID(e.id), DocumentID: e.documentID, Score: e.score, Highlights: e.highlights,
		})
	}
	if facets {
		fc, err := facetCounts(resp.FacetDistribution)
		if err != nil {
			return nil, err
		}
		res.Facets = fc
	}
	return res, nil
}

// hitEntry is what Search reads from a Meilisearch hit.
type hitEntry struct {
	id         string // encoded (encodeID)
	documentID string
	score      float64
	updatedAt  int64
	categories []string
	highlights []search.Highlight
}

// decodeHit reads a Meilisearch hit, with the snippets of its _formatted fields.
func (ix *Index) decodeHit(h meilisearch.Hit) (hitEntry, error) {
	var e hitEntry
	for name, v := range map[string]any{
		attrID: &e.id, attrDocumentID: &e.documentID, "_rankingScore": &e.score,
		attrUpdatedAt: &e.updatedAt, attrCategories: &e.categories,
	} {
		if err := decodeField(h, name, v); err != nil {
			return e, err
		}
	}
	raw, ok := h["_formatted"]
	if !ok {
		return e, nil
	}
	var formatted map[string]json.RawMessage
	if err := json.Unmarshal(raw, &formatted); err != nil {
		return e, fmt.Errorf("meili search: decode _formatted: %w", err)
	}
	for _, f := range highlightFields {
		var s string
		if raw, ok := formatted[f]; !ok || json.Unmarshal(raw, &s) != nil {
			continue
		}
		if snip, ok := snippet(s, ix.preTag, ix.postTag); ok {
			e.highlights = append(e.highlights, search.Highlight{Field: f, Snippet: snip})
		}
	}
	return e, nil
}

// decodeField decodes hit[name] into v; a missing or null field leaves v alone.
func decodeField(h meilisearch.Hit, name string, v any) error {
	raw, ok := h[name]
	if !ok || string(raw) == "null" {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("meili search: decode %s: %w", name, err)
	}
	return nil
}

// searchUnion serves text with several units, or with phrases and units, in two
// Meilisearch multi-searches.
//
// The first reads the candidates, at most candidateLimit hits per sub-query, each with
// the filter: the whole text (phrases first, then the units; its ranking score measures
// how well the entry matches the text as typed: proximity, field, exactness), each unit
// alone, and the phrases alone (all required) when there are any. The candidates are the
// entries that contain all the phrases, or, without phrases, any unit. An entry matching
// k of n units, with ranking score s for the whole text, scores (k+s)/(n+1): more units
// first, then the better match of the whole text; then newer first, then by ID. Total and
// facets are counted over the candidates, exactly unless a sub-query had more matches than
// candidateLimit (Total is then at least the largest sub-query's total).
//
// The second highlights the page: for each set of matched units, one search of the
// phrases and those units restricted to the page's entries of that set.
func (ix *Index) searchUnion(ctx context.Context, q search.Query, p parsedText) (*search.Result, error) {
	filter := buildFilter(q.Filter)
	candidates := int64(ix.candidateLimit)
	sub := func(text string, strategy meilisearch.MatchingStrategy) *meilisearch.SearchRequest {
		r := &meilisearch.SearchRequest{
			IndexUID:             ix.uid,
			Query:                text,
			Page:                 1,
			HitsPerPage:          &candidates,
			MatchingStrategy:     strategy,
			AttributesToRetrieve: []string{attrID, attrDocumentID, attrUpdatedAt, attrCategories},
			ShowRankingScore:     true,
			Locales:              searchLocales,
		}
		if filter != "" {
			r.Filter = filter
		}
		return r
	}
	reqs := []*meilisearch.SearchRequest{sub(p.query(p.units), meilisearch.Last)}
	for _, u := range p.units {
		reqs = append(reqs, sub(u, meilisearch.Last))
	}
	if len(p.phrases) > 0 {
		reqs = append(reqs, sub(p.query(nil), meilisearch.All))
	}
	resp, err := ix.client.MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: reqs})
	if err != nil {
		return nil, mapErr("search", err)
	}
	if len(resp.Results) != len(reqs) {
		return nil, fmt.Errorf("meili search: %d results for %d queries", len(resp.Results), len(reqs))
	}

	type cand struct {
		hitEntry
		matched uint // bit i: unit i matched
		whole   float64
	}
	byID := map[string]*cand{}
	var order []string // first-seen order, for determinism
	total := 0
	truncated := func(r meilisearch.SearchResponse) {
		if int64(len(r.Hits)) < r.TotalHits {
			total = max(total, int(r.TotalHits))
		}
	}
	// Candidates first: the unit searches, or the phrase search.
	candidateResults := resp.Results[1 : 1+len(p.units)]
	if len(p.phrases) > 0 {
		candidateResults = resp.Results[1+len(p.units):]
	}
	for _, r := range candidateResults {
		truncated(r)
		for _, h := range r.Hits {
			e, err := ix.decodeHit(h)
			if err != nil {
				return nil, err
			}
			if _, ok := byID[e.id]; !ok {
				byID[e.id] = &cand{hitEntry: e}
				order = append(order, e.id)
			}
		}
	}
	for i, r := range resp.Results[1 : 1+len(p.units)] {
		truncated(r)
		for _, h := range r.Hits {
			e, err := ix.decodeHit(h)
			if err != nil {
				return nil, err
			}
			if c, ok := byID[e.id]; ok {
				c.matched |= 1 << i
			}
		}
	}
	truncated(resp.Results[0])
	for _, h := range resp.Results[0].Hits {
		e, err := ix.decodeHit(h)
		if err != nil {
			return nil, err
		}
		if c, ok := byID[e.id]; ok {
			c.whole = e.score
		}
	}

	all := make([]*cand, 0, len(order))
	n := float64(len(p.units) + 1)
	for _, id := range order {
		c := byID[id]
		c.score = (float64(bits.OnesCount(c.matched)) + c.whole) / n
		all = append(all, c)
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.updatedAt != b.updatedAt {
			return a.updatedAt > b.updatedAt
		}
		return a.id < b.id
	})

	res := &search.Result{Total: max(total, len(all)), Hits: []search.Hit{}}
	if q.Facets {
		counts := map[string]int{}
		for _, c := range all {
			seen := map[string]bool{}
			for _, cat := range c.categories {
				if !seen[cat] {
					seen[cat] = true
					counts[cat]++
				}
			}
		}
		res.Facets = sortFacets(counts)
	}
	limit, offset := pageOf(q)
	if offset >= len(all) {
		return res, nil
	}
	page := all[offset:min(offset+limit, len(all))]

	// Highlights: one search per set of matched units.
	groups := map[uint][]string{}
	var masks []uint
	for _, c := range page {
		if _, ok := groups[c.matched]; !ok {
			masks = append(masks, c.matched)
		}
		groups[c.matched] = append(groups[c.matched], c.id)
	}
	var hreqs []*meilisearch.SearchRequest
	for _, m := range masks {
		var units []string
		for i, u := range p.units {
			if m&(1<<i) != 0 {
				units = append(units, u)
			}
		}
		ids := groups[m]
		quoted := make([]string, len(ids))
		for i, id := range ids {
			quoted[i] = quoteFilterValue(id)
		}
		r := &meilisearch.SearchRequest{
			IndexUID:             ix.uid,
			Query:                p.query(units),
			Limit:                int64(len(ids)),
			MatchingStrategy:     meilisearch.Last,
			AttributesToRetrieve: []string{attrID},
			Filter:               attrID + " IN [" + strings.Join(quoted, ", ") + "]",
			Locales:              searchLocales,
		}
		ix.highlightRequest(r)
		hreqs = append(hreqs, r)
	}
	highlights := map[string][]search.Highlight{}
	hresp, err := ix.client.MultiSearchWithContext(ctx, &meilisearch.MultiSearchRequest{Queries: hreqs})
	if err != nil {
		return nil, mapErr("search", err)
	}
	for _, r := range hresp.Results {
		for _, h := range r.Hits {
			e, err := ix.decodeHit(h)
			if err != nil {
				return nil, err
			}
			highlights[e.id] = e.highlights
		}
	}
	for _, c := range page {
		res.Hits = append(res.Hits, search.Hit{
			ID: decodeID(c.id), DocumentID: c.documentID, Score: c.score, Highlights: highlights[c.id],
		})
	}
	return res, nil
}

// facetCounts reads the category counts of a facetDistribution.
func facetCounts(raw json.RawMessage) ([]search.FacetCount, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return []search.FacetCount{}, nil
	}
	var dist map[string]map[string]int
	if err := json.Unmarshal(raw, &dist); err != nil {
		return nil, fmt.Errorf("meili search: decode facetDistribution: %w", err)
	}
	return sortFacets(dist[attrCategories]), nil
}

// sortFacets orders category counts by count descending, then by category.
func sortFacets(counts map[string]int) []search.FacetCount {
	out := []search.FacetCount{}
	for cat, n := range counts {
		if n > 0 {
			out = append(out, search.FacetCount{Category: cat, Count: n})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Category < out[j].Category
	})
	return out
}
