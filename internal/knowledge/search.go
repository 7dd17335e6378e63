package knowledge

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"entgo.io/contrib/entgql"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/knowledgecategory"
	"github.com/c360crm/c360/ent/knowledgedocument"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/validate"
	"github.com/c360crm/c360/search"
)

// MaxPageSize caps a search page.
const MaxPageSize = 100

// seesDrafts reports whether the principal searches the latest versions (drafts included):
// admins, knowledge editors and reviewers.
func seesDrafts(p *authz.Principal) bool {
	return p.IsAdmin() || p.HasRole(authz.RoleKnowledgeEditor) || p.HasRole(authz.RoleReviewer)
}

// visibility is the part of the filter the principal's role imposes.
func visibility(p *authz.Principal) search.Filter {
	switch {
	case p.Kind == authz.KindCustomer:
		return search.Filter{Stages: []string{search.StagePublished}, Statuses: []string{"PUBLISHED"}, Audiences: []string{"PUBLIC"}}
	case p.Kind == authz.KindPartner:
		return search.Filter{Stages: []string{search.StagePublished}, Statuses: []string{"PUBLISHED"}, Audiences: []string{"PARTNER", "PUBLIC"}}
	case seesDrafts(p):
		return search.Filter{Stages: []string{search.StageLatest}}
	default:
		return search.Filter{Stages: []string{search.StagePublished}, Statuses: []string{"PUBLISHED"}}
	}
}

// intersect keeps the values of want allowed by allowed (nil allowed: anything). An empty
// intersection of a non-empty request matches nothing.
func intersect(want, allowed []string) []string {
	if len(allowed) == 0 {
		return want
	}
	if len(want) == 0 {
		return allowed
	}
	var out []string
	for _, w := range want {
		for _, a := range allowed {
			if w == a {
				out = append(out, w)
			}
		}
	}
	if len(out) == 0 {
		return []string{"\x00none"}
	}
	return out
}

func strs[T ~string](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = string(v)
	}
	return out
}

func ints(vs []int) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strconv.Itoa(v)
	}
	return out
}

// Search runs a knowledge search for the principal of ctx; hits are loaded through the ent
// privacy rules as well, so a hit the caller may not read never shows.
func (s *Service) Search(ctx context.Context, query string, f *SearchFilter, first *int, after *entgql.Cursor[int]) (*SearchResult, error) {
	p := authz.FromContext(ctx)
	if p == nil {
		return nil, apperr.New(apperr.Unauthenticated, "sign in first")
	}
	query = strings.TrimSpace(query)
	if len([]rune(query)) > 200 {
		return nil, validate.Field("query", "must be at most 200 characters")
	}
	limit := 20
	if first != nil {
		if *first < 0 || *first > MaxPageSize {
			return nil, validate.Field("first", "must be between 0 and %d", MaxPageSize)
		}
		limit = *first
	}
	offset := 0
	if after != nil {
		offset = after.ID
	}
	v := visibility(p)
	flt := v
	if f != nil {
		flt.Audiences = intersect(strs(f.Audiences), v.Audiences)
		flt.Statuses = intersect(strs(f.Statuses), v.Statuses)
		flt.Categories = ints(f.CategoryIDs)
		flt.Tags = f.Tags
		flt.Products = ints(f.ProductIDs)
	}
	res, err := s.index.Search(ctx, search.Query{Text: query, Filter: flt, Offset: offset, Limit: limit, Facets: true})
	if errors.Is(err, search.ErrUnavailable) {
		s.log.WarnContext(ctx, "knowledge search: backend unavailable", "err", err)
		return nil, apperr.New(apperr.SearchUnavailable, "knowledge search is unavailable right now; try again shortly")
	}
	if err != nil {
		return nil, err
	}
	out := &SearchResult{Total: res.Total, TookMs: int(res.Took.Milliseconds()), Facets: []*Facet{}, Hits: []*Hit{}, PageInfo: &ent.PageInfo{}}
	// Documents and categories through ent (privacy applies), in the index's order.
	var ids []int
	for _, h := range res.Hits {
		if id, err := strconv.Atoi(h.DocumentID); err == nil {
			ids = append(ids, id)
		}
	}
	docs, err := s.client.KnowledgeDocument.Query().Where(knowledgedocument.IDIn(ids...)).All(ctx)
	if err != nil {
		return nil, err
	}
	byID := map[int]*ent.KnowledgeDocument{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	for _, h := range res.Hits {
		id, _ := strconv.Atoi(h.DocumentID)
		if d := byID[id]; d != nil {
			out.Hits = append(out.Hits, &Hit{Score: h.Score, Highlights: h.Highlights, Document: d})
		}
	}
	var catIDs []int
	for _, fc := range res.Facets {
		if id, err := strconv.Atoi(fc.Category); err == nil {
			catIDs = append(catIDs, id)
		}
	}
	if len(catIDs) > 0 {
		cats, err := s.client.KnowledgeCategory.Query().Where(knowledgecategory.IDIn(catIDs...)).All(ctx)
		if err != nil {
			return nil, err
		}
		byCat := map[string]*ent.KnowledgeCategory{}
		for _, k := range cats {
			byCat[strconv.Itoa(k.ID)] = k
		}
		for _, fc := range res.Facets {
			if k := byCat[fc.Category]; k != nil {
				out.Facets = append(out.Facets, &Facet{Category: k, Count: fc.Count})
			}
		}
	}
	if end := offset + len(res.Hits); len(res.Hits) > 0 {
		c := entgql.Cursor[int]{ID: end}
		out.PageInfo.EndCursor = &c
		out.PageInfo.HasNextPage = end < res.Total
	}
	if offset > 0 {
		c := entgql.Cursor[int]{ID: offset}
		out.PageInfo.StartCursor = &c
		out.PageInfo.HasPreviousPage = true
	}
	return out, nil
}
