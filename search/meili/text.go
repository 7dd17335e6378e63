package meili

import (
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/c360crm/c360/search"
)

// buildFilter returns the Meilisearch filter expression of f: within a field the values are
// alternatives (attr IN [...], an OR), fields are combined with AND, and empty fields do not
// filter. Categories match entries in a category or below it, since every entry lists all
// the ancestors of its categories. "" means no filter.
func buildFilter(f search.Filter) string {
	var clauses []string
	add := func(attr string, values []string) {
		if len(values) == 0 {
			return
		}
		seen := make(map[string]bool, len(values))
		quoted := make([]string, 0, len(values))
		for _, v := range values {
			if seen[v] {
				continue
			}
			seen[v] = true
			quoted = append(quoted, quoteFilterValue(v))
		}
		clauses = append(clauses, attr+" IN ["+strings.Join(quoted, ", ")+"]")
	}
	add(attrStage, f.Stages)
	add(attrCategories, f.Categories)
	add(attrAudience, f.Audiences)
	add(attrStatus, f.Statuses)
	add(attrTags, f.Tags)
	add(attrProducts, f.Products)
	return strings.Join(clauses, " AND ")
}

// quoteFilterValue returns v as a double-quoted string of Meilisearch's filter syntax: a
// backslash becomes \\ and a double quote \" (Meilisearch first unescapes \" and then
// applies Rust-style escapes, so \\ reads back as one backslash); everything else, spaces,
// parentheses, keywords such as AND, Chinese, is literal inside the quotes.
func quoteFilterValue(v string) string {
	var b strings.Builder
	b.Grow(len(v) + 2)
	b.WriteByte('"')
	for _, r := range v {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// snippet turns a field value formatted by Meilisearch, in which the matched terms are
// wrapped in preTag and postTag and the rest is raw text, into a search.Highlight snippet:
// the text is HTML-escaped and the tags become <mark> and </mark>. The tags are random per
// Index and contain none of the characters that html.EscapeString changes, so they survive
// the escaping and no document text can forge a <mark>. Before that, a mark that ends
// inside a Latin word (a prefix match: router in Routers) is extended to the end of the
// word, and marks that touch (宽带|故障, HG|8145|V5, cut apart by the tokenizer) are merged.
// ok is false when nothing matched in the field.
func snippet(formatted, preTag, postTag string) (s string, ok bool) {
	if !strings.Contains(formatted, preTag) {
		return "", false
	}
	s = extendMarks(formatted, postTag)
	s = strings.ReplaceAll(s, postTag+preTag, "")
	s = html.EscapeString(s)
	s = strings.ReplaceAll(s, preTag, "<mark>")
	s = strings.ReplaceAll(s, postTag, "</mark>")
	return s, true
}

// extendMarks moves every postTag that follows a Latin letter or digit past the letters and
// digits that directly follow it.
func extendMarks(s, postTag string) string {
	var b strings.Builder
	b.Grow(len(s))
	for {
		i := strings.Index(s, postTag)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		before, after := s[:i], s[i+len(postTag):]
		n := 0
		if r, _ := utf8.DecodeLastRuneInString(before); isLatinWordRune(r) {
			for n < len(after) {
				r, size := utf8.DecodeRuneInString(after[n:])
				if !isLatinWordRune(r) {
					break
				}
				n += size
			}
		}
		b.WriteString(before)
		b.WriteString(after[:n])
		b.WriteString(postTag)
		s = after[n:]
	}
}

// isCJK reports whether r is a Chinese, Japanese or Korean character.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isLatinWordRune reports whether r is a letter or digit of a space-separated script.
func isLatinWordRune(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isCJK(r)
}

// charsOf returns the CJK characters of s as separate words ("流量卡激活" → "流 量 卡 激 活");
// characters that were not adjacent in s are separated by a full stop, a hard separator for
// Meilisearch's proximity.
func charsOf(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range s {
		if !isCJK(r) {
			gap = b.Len() > 0
			continue
		}
		switch {
		case gap:
			b.WriteString(" . ")
		case b.Len() > 0:
			b.WriteByte(' ')
		}
		b.WriteRune(r)
		gap = false
	}
	return b.String()
}

// parsedText is the free text of a search.Query, cut into what is searched.
type parsedText struct {
	phrases []string // quoted phrases, without the quotes: all required
	units   []string // free chunks: words or CJK runs, separated by spaces, punctuation or a change of script
}

// isQuote reports whether r opens or closes a phrase: ASCII, full-width and Chinese quotes.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '＂', '「', '」', '『', '』':
		return true
	}
	return false
}

// isQuerySeparator splits free text into chunks: spaces and punctuation other than the
// apostrophe, hyphen, underscore and full stop, which occur inside words and numbers.
func isQuerySeparator(r rune) bool {
	return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '\'' && r != '’' && r != '-' && r != '_' && r != '.')
}

// hasWordRune reports whether s holds a letter or digit: text without any would make an
// empty Meilisearch query, which matches everything.
func hasWordRune(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// parseText cuts query text into quoted phrases (any of the quotes of isQuote; an unclosed
// quote is free text) and free units: chunks between separators, further cut where CJK
// and other text meet (5G套餐 → 5G, 套餐). A leading hyphen, Meilisearch's negation, is
// dropped. Duplicate units (ignoring case) are kept once.
func parseText(text string) parsedText {
	var p parsedText
	var free, cur strings.Builder
	in := false
	for _, r := range text {
		switch {
		case isQuote(r) && !in:
			in = true
			cur.Reset()
			free.WriteByte(' ')
		case isQuote(r) && in:
			in = false
			if ph := strings.Join(strings.Fields(cur.String()), " "); hasWordRune(ph) {
				p.phrases = append(p.phrases, ph)
			}
			free.WriteByte(' ')
		case in:
			cur.WriteRune(r)
		default:
			free.WriteRune(r)
		}
	}
	if in {
		free.WriteString(cur.String())
	}
	seen := map[string]bool{}
	add := func(u string) {
		u = strings.TrimLeft(u, "-")
		if k := strings.ToLower(u); hasWordRune(u) && !seen[k] {
			seen[k] = true
			p.units = append(p.units, u)
		}
	}
	for _, chunk := range strings.FieldsFunc(free.String(), isQuerySeparator) {
		start, prev := 0, -1 // prev: 1 CJK, 0 other
		for i, r := range chunk {
			kind := 0
			if isCJK(r) {
				kind = 1
			}
			if prev >= 0 && kind != prev {
				add(chunk[start:i])
				start = i
			}
			prev = kind
		}
		add(chunk[start:])
	}
	return p
}

// query returns the Meilisearch q of the phrases and the given units.
func (p parsedText) query(units []string) string {
	parts := make([]string, 0, len(p.phrases)+len(units))
	for _, ph := range p.phrases {
		parts = append(parts, `"`+ph+`"`)
	}
	return strings.Join(append(parts, units...), " ")
}

// encodeID maps an entry ID to a Meilisearch document identifier, which may hold only
// a–z, A–Z, 0–9, '-' and '_' (at most 511 bytes): those bytes stay as they are except '_',
// and every other byte becomes _XX (hex), so "1234:latest" is stored as "1234_3Alatest".
// The mapping is one-to-one; decodeID reverses it.
func encodeID(id string) (string, error) {
	if id == "" {
		return "", fmt.Errorf("meili: empty entry ID")
	}
	var b strings.Builder
	for i := 0; i < len(id); i++ {
		c := id[i]
		if isIDByte(c) {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "_%02X", c)
		}
	}
	if b.Len() > maxIDBytes {
		return "", fmt.Errorf("meili: entry ID %q is too long (%d bytes encoded, at most %d)", id, b.Len(), maxIDBytes)
	}
	return b.String(), nil
}

// decodeID reverses encodeID; an identifier that encodeID cannot have made is returned as
// it is.
func decodeID(enc string) string {
	if !strings.Contains(enc, "_") {
		return enc
	}
	out := make([]byte, 0, len(enc))
	for i := 0; i < len(enc); i++ {
		c := enc[i]
		if c != '_' {
			out = append(out, c)
			continue
		}
		if i+2 >= len(enc) {
			return enc
		}
		hi, ok1 := unhex(enc[i+1])
		lo, ok2 := unhex(enc[i+2])
		if !ok1 || !ok2 {
			return enc
		}
		out = append(out, hi<<4|lo)
		i += 2
	}
	return string(out)
}

func isIDByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	}
	return 0, false
}
