package knowledge

import (
	"context"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/c360crm/c360/ent/documentversion"
	"github.com/c360crm/c360/internal/validate"
)

// Diff compares two versions of a document line by line (title, summary, body).
func (s *Service) Diff(ctx context.Context, docID, from, to int) (*Diff, error) {
	vs, err := s.client.DocumentVersion.Query().
		Where(documentversion.DocumentID(docID), documentversion.NumberIn(from, to)).All(ctx)
	if err != nil {
		return nil, err
	}
	var a, b *struct{ title, summary, body string }
	for _, v := range vs {
		c := &struct{ title, summary, body string }{v.Title, v.Summary, v.Body}
		if v.Number == from {
			a = c
		}
		if v.Number == to {
			b = c
		}
	}
	if a == nil {
		return nil, validate.Field("fromVersion", "no version %d of this document", from)
	}
	if b == nil {
		return nil, validate.Field("toVersion", "no version %d of this document", to)
	}
	return &Diff{FromVersion: from, ToVersion: to, Fields: []*FieldDiff{
		{Field: "title", Lines: lineDiff(a.title, b.title)},
		{Field: "summary", Lines: lineDiff(a.summary, b.summary)},
		{Field: "body", Lines: lineDiff(a.body, b.body)},
	}}, nil
}

// lineDiff is a line-level diff (diff-match-patch in line mode).
func lineDiff(a, b string) []*DiffLine {
	dmp := diffmatchpatch.New()
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)
	out := []*DiffLine{}
	for _, d := range diffs {
		op := "EQUAL"
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = "INSERT"
		case diffmatchpatch.DiffDelete:
			op = "DELETE"
		}
		for _, l := range strings.SplitAfter(d.Text, "\n") {
			if l != "" {
				out = append(out, &DiffLine{Op: op, Text: strings.TrimSuffix(l, "\n")})
			}
		}
	}
	return out
}
