package bleve

import (
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/c360crm/c360/internal/validate"
	"github.com/c360crm/c360/search"
)

// schemaVersion is stored inside the index. An index written with another version (other
// fields or analyzers) is rebuilt empty on Open, and the indexer fills it again.
const schemaVersion = "c360-knowledge-8"

// Indexed field names.
const (
	fTitle       = "title"
	fSummary     = "summary"
	fBody        = "body"
	fAttachments = "attachments"
	fTagText     = "tagtext"

	fDocID      = "docid"
	fOrder      = "order"
	fStage      = "stage"
	fAudience   = "audience"
	fStatus     = "status"
	fTags       = "tags"
	fCategories = "categories"
	fProducts   = "products"

	suffixUni    = "_uni"
	suffixWord   = "_word"
	suffixStored = "_text" // stored, not indexed: the start of the text, for snippets

	// maxStoredBytes is how much of a field is stored for snippets: a match further into a
	// huge attachment is found but not highlighted.
	maxStoredBytes = 64 << 10
)

// textField is one searchable text field and its weight in the ranking.
type textField struct {
	name      string  // the bigram field, and the Highlight.Field name
	boost     float64 // title above summary above body and attachments
	highlight bool    // snippets are built for it
	words     bool    // also indexed as gse words (the real-word bonus)
}

// textFields are the searchable text fields, in the order of their highlights. Attachments
// have no word field: they are long (segmenting them would cost a third of the indexing
// time) and weigh little in the ranking.
var textFields = []textField{
	{fTitle, 4, true, true},
	{fSummary, 2, true, true},
	{fBody, 1, true, true},
	{fAttachments, 0.7, true, false},
	{fTagText, 0.5, false, true},
}

// newMapping returns the index mapping: explicit fields only, no _all field.
func newMapping() *mapping.IndexMappingImpl {
	doc := mapping.NewDocumentStaticMapping()
	for _, tf := range textFields {
		name := tf.name
		prop := mapping.NewDocumentStaticMapping()
		prop.AddFieldMapping(&mapping.FieldMapping{
			Name: name, Type: "text", Analyzer: analyzerText,
			Index: true, IncludeTermVectors: true,
		})
		prop.AddFieldMapping(&mapping.FieldMapping{
			Name: name + suffixUni, Type: "text", Analyzer: analyzerUni, Index: true,
		})
		if tf.words {
			prop.AddFieldMapping(&mapping.FieldMapping{
				Name: name + suffixWord, Type: "text", Analyzer: analyzerWord, Index: true,
			})
		}
		if tf.name == fTagText {
			// Tags are one property indexed both as text (weakly searchable) and as
			// keywords (filters).
			prop.AddFieldMapping(keywordField(fTags, false, false))
			doc.AddSubDocumentMapping(fTags, prop)
			continue
		}
		doc.AddSubDocumentMapping(name, prop)
		if tf.highlight {
			stored := mapping.NewDocumentStaticMapping()
			stored.AddFieldMapping(&mapping.FieldMapping{Name: name + suffixStored, Type: "text", Store: true})
			doc.AddSubDocumentMapping(name+suffixStored, stored)
		}
	}
	addKeyword := func(name string, store, docValues bool) {
		prop := mapping.NewDocumentStaticMapping()
		prop.AddFieldMapping(keywordField(name, store, docValues))
		doc.AddSubDocumentMapping(name, prop)
	}
	addKeyword(fDocID, true, false)
	addKeyword(fOrder, false, true) // orderKey, as doc values: the sort after the score
	addKeyword(fStage, false, false)
	addKeyword(fAudience, false, false)
	addKeyword(fStatus, false, false)
	addKeyword(fCategories, false, true)
	addKeyword(fProducts, false, false)

	// No composite _all field: every query names its fields.
	doc.AddSubDocumentMapping("_all", mapping.NewDocumentDisabledMapping())

	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerText
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	return m
}

// keywordField is an exact-match field without scoring statistics.
func keywordField(name string, store, docValues bool) *mapping.FieldMapping {
	return &mapping.FieldMapping{
		Name: name, Type: "text", Analyzer: keyword.Name,
		Index: true, Store: store, DocValues: docValues, SkipFreqNorm: true,
	}
}

// orderKey sorts entries newest first, then by ID, in byte order: UpdatedAt as Unix
// nanoseconds subtracted from the largest int64, in 16 hex digits, a NUL, then the ID. One
// doc-values field is cheaper to visit than a date and the ID. Times before 1970 sort as
// 1970.
func orderKey(d search.Document) string {
	ns := d.UpdatedAt.UnixNano()
	if d.UpdatedAt.IsZero() || ns < 0 {
		ns = 0
	}
	return fmt.Sprintf("%016x\x00%s", uint64(math.MaxInt64-ns), d.ID)
}

// toBleve converts a document into the value bleve indexes.
func toBleve(d search.Document) map[string]interface{} {
	m := map[string]interface{}{
		fDocID: d.DocumentID,
		fOrder: orderKey(d),
	}
	put := func(k, v string) {
		if v != "" {
			m[k] = v
		}
	}
	putAll := func(k string, v []string) {
		if len(v) > 0 {
			m[k] = v
		}
	}
	for _, f := range []struct{ name, text string }{
		{fTitle, d.Title}, {fSummary, d.Summary}, {fBody, d.Body}, {fAttachments, d.Attachments},
	} {
		put(f.name, f.text)
		put(f.name+suffixStored, validate.Truncate(f.text, maxStoredBytes))
	}
	put(fStage, d.Stage)
	put(fAudience, d.Audience)
	put(fStatus, d.Status)
	putAll(fTags, d.Tags)
	putAll(fCategories, d.Categories)
	putAll(fProducts, d.Products)
	return m
}
