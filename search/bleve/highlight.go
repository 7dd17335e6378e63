package bleve

import (
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/go-porterstemmer"

	"github.com/c360crm/c360/internal/validate"
)

// Snippet sizes in characters (runes).
const (
	titleSnippetRunes = 200
	textSnippetRunes  = 120
)

// marker finds the query's matches in stored text and builds HTML snippets around them.
// It is built from the query itself rather than from index term vectors: CJK words and
// characters are found literally, Latin words by comparing analyzed (stemmed, lower-case)
// tokens, so "routers" marks "Router".
type marker struct {
	cjk   []string        // CJK words, characters and phrase runs, as typed
	latin map[string]bool // analyzed Latin words
}

// newMarker collects what to mark for a parsed query.
func newMarker(pq *parsedQuery) *marker {
	m := &marker{latin: map[string]bool{}}
	seen := map[string]bool{}
	addCJK := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			m.cjk = append(m.cjk, s)
		}
	}
	for _, t := range pq.terms {
		if t.cjk {
			addCJK(t.text)
		} else {
			m.latin[t.text] = true
		}
	}
	for _, ph := range pq.phrases {
		for _, s := range ph.segments {
			if s.cjk {
				addCJK(s.text)
			}
			for _, w := range s.latin {
				m.latin[w] = true
			}
		}
	}
	return m
}

// span is a byte range [start, end) of a matched term.
type span struct{ start, end int }

// matches returns the merged, sorted byte ranges of the query's matches in text.
func (m *marker) matches(text string) []span {
	scan := validate.Truncate(text, maxStoredBytes)
	var spans []span
	for _, s := range m.cjk {
		for from := 0; from < len(scan); {
			i := strings.Index(scan[from:], s)
			if i < 0 {
				break
			}
			spans = append(spans, span{from + i, from + i + len(s)})
			from += i + len(s)
		}
	}
	if len(m.latin) > 0 {
		spans = m.latinMatches(scan, spans)
	}
	if len(spans) == 0 {
		return nil
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].end > spans[j].end
	})
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.start <= last.end {
			if s.end > last.end {
				last.end = s.end
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// latinMatches appends the words of text whose analyzed form is a query word. It scans
// ASCII letter and digit runs and analyzes only those (lower case, Porter stem), which is
// far cheaper than running the index analyzer over CJK text; words in full-width or
// accented Latin letters are not marked.
func (m *marker) latinMatches(text string, spans []span) []span {
	for i := 0; i < len(text); {
		if !isASCIIAlnum(text[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(text) {
			if isASCIIAlnum(text[j]) {
				j++
				continue
			}
			// 192.168.1.1 and 1,000 are one word, as for the Unicode tokenizer.
			if (text[j] == '.' || text[j] == ',') && j+1 < len(text) && isDigit(text[j-1]) && isDigit(text[j+1]) {
				j += 2
				continue
			}
			break
		}
		word := strings.ToLower(text[i:j])
		if m.latin[word] || (len(word) >= 3 && m.latin[string(porterstemmer.StemWithoutLowerCasing([]rune(word)))]) {
			spans = append(spans, span{i, j})
		}
		i = j
	}
	return spans
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// snippet returns an HTML snippet of at most about maxRunes characters of text around the
// densest cluster of matches, with the matches in <mark>…</mark> and everything else
// escaped; whitespace runs become one space. ok is false when nothing matches.
func (m *marker) snippet(text string, maxRunes int) (string, bool) {
	spans := m.matches(text)
	if len(spans) == 0 {
		return "", false
	}
	// Byte offset of every rune, plus len(text).
	offs := make([]int, 0, len(text)+1)
	for i := range text {
		offs = append(offs, i)
	}
	offs = append(offs, len(text))
	nRunes := len(offs) - 1
	runeAt := func(b int) int { return sort.SearchInts(offs, b) }

	lo, hi := 0, nRunes
	if nRunes > maxRunes {
		lead := maxRunes / 4
		best, bestCount := 0, -1
		for i := range spans {
			start := runeAt(spans[i].start) - lead
			if start < 0 {
				start = 0
			}
			end := start + maxRunes
			count := 0
			for j := i; j < len(spans) && runeAt(spans[j].end) <= end; j++ {
				count++
			}
			if count > bestCount {
				best, bestCount = start, count
			}
		}
		lo, hi = best, best+maxRunes
		if hi > nRunes {
			hi = nRunes
			lo = max(0, hi-maxRunes)
		}
		lo, hi = trimToWords(text, offs, lo, hi, spans)
	}

	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	pos := offs[lo]
	end := offs[hi]
	for _, s := range spans {
		if s.end <= pos || s.start >= end {
			continue
		}
		if s.start < pos || s.end > end {
			// A match cut by the window edge is shown as plain text.
			continue
		}
		writeText(&b, text[pos:s.start])
		b.WriteString("<mark>")
		writeText(&b, text[s.start:s.end])
		b.WriteString("</mark>")
		pos = s.end
	}
	writeText(&b, text[pos:end])
	if hi < nRunes {
		b.WriteString("…")
	}
	return strings.TrimSpace(b.String()), true
}

// trimToWords moves the window edges off the middle of Latin words, never past a match.
func trimToWords(text string, offs []int, lo, hi int, spans []span) (int, int) {
	isWord := func(i int) bool {
		if i < 0 || i >= len(offs)-1 {
			return false
		}
		r, _ := utf8.DecodeRuneInString(text[offs[i]:])
		return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
	}
	inSpan := func(i int) bool {
		b := offs[i]
		for _, s := range spans {
			if b >= s.start && b < s.end {
				return true
			}
		}
		return false
	}
	for n := 0; n < 20 && lo > 0 && isWord(lo-1) && isWord(lo) && !inSpan(lo); n++ {
		lo++
	}
	for n := 0; n < 20 && hi < len(offs)-1 && isWord(hi-1) && isWord(hi) && hi > lo && !inSpan(hi-1); n++ {
		hi--
	}
	isSpace := func(i int) bool {
		r, _ := utf8.DecodeRuneInString(text[offs[i]:])
		return unicode.IsSpace(r)
	}
	for lo < hi && isSpace(lo) {
		lo++
	}
	for hi > lo && isSpace(hi-1) {
		hi--
	}
	return lo, hi
}

// writeText writes HTML-escaped text with whitespace runs collapsed to one space.
func writeText(b *strings.Builder, s string) {
	space := false
	start := 0
	flush := func(i int) {
		if start < i {
			b.WriteString(html.EscapeString(s[start:i]))
		}
	}
	for i, r := range s {
		if unicode.IsSpace(r) {
			if !space {
				flush(i)
				b.WriteByte(' ')
				space = true
			}
			start = i + utf8.RuneLen(r)
			continue
		}
		space = false
	}
	flush(len(s))
}
