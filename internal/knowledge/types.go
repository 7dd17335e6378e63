// Package knowledge is the knowledge base: documents with immutable versions, edit locks,
// the review workflow with scheduled publication and archival, attachments with extracted
// text, the search outbox and indexer, and search with role-aware visibility.
package knowledge

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/knowledgedocument"
	"github.com/c360crm/c360/search"
)

// DocumentInput is the content of a document; nil fields are left unchanged on update.
type DocumentInput struct {
	Title       *string                     `json:"title,omitempty"`
	Body        *string                     `json:"body,omitempty"`
	Summary     *string                     `json:"summary,omitempty"`
	Tags        []string                    `json:"tags,omitempty"`
	Audience    *knowledgedocument.Audience `json:"audience,omitempty"`
	CategoryIDs []int                       `json:"categoryIDs,omitempty"`
	ProductIDs  []int                       `json:"productIDs,omitempty"`
	ChangeNote  *string                     `json:"changeNote,omitempty"`
}

// SearchFilter narrows a knowledge search.
type SearchFilter struct {
	CategoryIDs []int                        `json:"categoryIDs,omitempty"`
	Audiences   []knowledgedocument.Audience `json:"audiences,omitempty"`
	Statuses    []knowledgedocument.Status   `json:"statuses,omitempty"`
	Tags        []string                     `json:"tags,omitempty"`
	ProductIDs  []int                        `json:"productIDs,omitempty"`
}

// SearchResult is one page of knowledge search.
type SearchResult struct {
	Total    int           `json:"total"`
	TookMs   int           `json:"tookMs"`
	Facets   []*Facet      `json:"facets"`
	Hits     []*Hit        `json:"hits"`
	PageInfo *ent.PageInfo `json:"pageInfo"`
}

// Facet counts matching documents in a category subtree.
type Facet struct {
	Category *ent.KnowledgeCategory `json:"category"`
	Count    int                    `json:"count"`
}

// Hit is one matching document.
type Hit struct {
	Score      float64                `json:"score"`
	Highlights []search.Highlight     `json:"highlights"`
	Document   *ent.KnowledgeDocument `json:"document"`
}

// Diff is the line diff between two versions.
type Diff struct {
	FromVersion int          `json:"fromVersion"`
	ToVersion   int          `json:"toVersion"`
	Fields      []*FieldDiff `json:"fields"`
}

// FieldDiff is the diff of one field.
type FieldDiff struct {
	Field string      `json:"field"`
	Lines []*DiffLine `json:"lines"`
}

// DiffLine is one line of a diff.
type DiffLine struct {
	Op   string `json:"op"` // EQUAL, INSERT, DELETE
	Text string `json:"text"`
}

var _ graphql.Upload
