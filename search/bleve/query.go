package bleve

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	blevesearch "github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/c360crm/c360/search"
)

// qterm is one searched word: a CJK word or character as typed, or an analyzed (lower-case,
// stemmed) Latin word.
type qterm struct {
	text string
	cjk  bool
}

// phrase is a quoted phrase, cut into segments that must all occur in the same field:
// runs of CJK characters (matched contiguously) and runs of Latin words (matched as a
// phrase). Adjacency between a CJK and a Latin segment is not checked: "SIM卡" finds
// SIM卡补办, which a bigram phrase would miss.
type phrase struct {
	segments []segment
}

// segment is part of a quoted phrase.
type segment struct {
	cjk   bool
	text  string   // the CJK run as typed
	latin []string // analyzed Latin words in order
}

// group is a run of free words that scores a bonus where it occurs as typed: a CJK run
// that gse cuts into several words (宽带故障), or consecutive Latin words (router reset).
type group struct {
	cjk   string   // the CJK run, or
	latin []string // the analyzed Latin words
}

// parsedQuery is the free text of a Query, cut into what is searched.
type parsedQuery struct {
	terms   []qterm  // free words: any may match, more matches rank higher
	groups  []group  // several free words typed together: a bonus when they occur together
	phrases []phrase // quoted phrases: all required
}

func (p *parsedQuery) empty() bool { return len(p.terms) == 0 && len(p.phrases) == 0 }

// isQuote reports whether r opens or closes a phrase: ASCII, full-width and Chinese quotes.
func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '＂', '「', '」', '『', '』':
		return true
	}
	return false
}

// splitQuotes separates quoted phrases from free text. An unclosed quote is free text.
func splitQuotes(s string) (free string, quoted []string) {
	var fb, cur strings.Builder
	in := false
	for _, r := range s {
		switch {
		case isQuote(r) && !in:
			in = true
			cur.Reset()
			fb.WriteRune(' ')
		case isQuote(r) && in:
			in = false
			if strings.TrimSpace(cur.String()) != "" {
				quoted = append(quoted, cur.String())
			}
		case in:
			cur.WriteRune(r)
		default:
			fb.WriteRune(r)
		}
	}
	if in {
		fb.WriteString(cur.String())
	}
	return fb.String(), quoted
}

// parser cuts query text with the index's analyzers.
type parser struct {
	text analysis.Analyzer // analyzerText: Latin words are analyzed with it
	seg  *wordCutter
	uni  analysis.Tokenizer
}

// Limits on what one query searches; text beyond them is ignored.
const (
	maxTerms   = 32
	maxGroups  = 8
	maxPhrases = 8
)

// parse cuts query text into terms, groups and phrases.
func (p *parser) parse(text string) *parsedQuery {
	free, quoted := splitQuotes(text)
	pq := &parsedQuery{}
	seen := map[qterm]bool{}
	addTerm := func(t qterm) {
		if !seen[t] && len(pq.terms) < maxTerms {
			seen[t] = true
			pq.terms = append(pq.terms, t)
		}
	}
	var latinRun []string // consecutive Latin words, across spaces
	flushLatin := func() {
		if len(latinRun) > 1 && len(pq.groups) < maxGroups {
			pq.groups = append(pq.groups, group{latin: latinRun})
		}
		latinRun = nil
	}
	for _, chunk := range strings.FieldsFunc(free, isSeparator) {
		p.eachPiece(chunk, func(cjk bool, piece string) {
			if !cjk {
				words := p.latin(piece)
				for _, w := range words {
					addTerm(qterm{text: w})
				}
				latinRun = append(latinRun, words...)
				return
			}
			flushLatin()
			words := cutWords(p.seg, piece)
			for _, w := range words {
				addTerm(qterm{text: w, cjk: true})
			}
			// The group is the run without question words at its ends (光猫红灯怎么办 → 光猫红灯).
			for len(words) > 0 && cjkStopWords[words[0]] {
				words = words[1:]
			}
			for len(words) > 0 && cjkStopWords[words[len(words)-1]] {
				words = words[:len(words)-1]
			}
			if len(words) > 1 && len(pq.groups) < maxGroups {
				pq.groups = append(pq.groups, group{cjk: strings.Join(words, "")})
			}
		})
	}
	flushLatin()
	// Drop question and function words (怎么办, 的…) unless nothing else is left.
	kept := pq.terms[:0:0]
	for _, t := range pq.terms {
		if !t.cjk || !cjkStopWords[t.text] {
			kept = append(kept, t)
		}
	}
	if len(kept) > 0 {
		pq.terms = kept
	}
	for _, q := range quoted {
		var ph phrase
		for _, part := range strings.FieldsFunc(q, isSeparator) {
			p.eachPiece(part, func(cjk bool, piece string) {
				if cjk {
					ph.segments = append(ph.segments, segment{cjk: true, text: piece})
					return
				}
				words := p.latin(piece)
				if len(words) == 0 {
					return
				}
				// Consecutive Latin pieces (separated by spaces) form one phrase segment.
				if k := len(ph.segments) - 1; k >= 0 && !ph.segments[k].cjk {
					ph.segments[k].latin = append(ph.segments[k].latin, words...)
					return
				}
				ph.segments = append(ph.segments, segment{latin: words})
			})
		}
		if len(ph.segments) > 0 && len(pq.phrases) < maxPhrases {
			pq.phrases = append(pq.phrases, ph)
		}
	}
	return pq
}

// cjkStopWords are Chinese function and question words that carry no topic: a query
// 光猫红灯怎么办 is about 光猫 and 红灯.
var cjkStopWords = map[string]bool{
	"的": true, "了": true, "和": true, "与": true, "及": true, "或": true, "是": true, "在": true,
	"吗": true, "呢": true, "吧": true, "啊": true, "呀": true, "么": true, "请": true, "请问": true,
	"怎么": true, "怎么办": true, "怎样": true, "如何": true, "什么": true, "为什么": true,
	"哪些": true, "哪里": true, "一下": true, "能否": true, "可以": true, "需要": true,
}

// isSeparator splits query text into chunks: spaces and punctuation.
func isSeparator(r rune) bool {
	return unicode.IsSpace(r) || (unicode.IsPunct(r) && r != '\'' && r != '’' && r != '-' && r != '_' && r != '.')
}

// eachPiece splits a chunk into maximal runs of CJK characters and of other text, in order.
func (p *parser) eachPiece(chunk string, fn func(cjk bool, piece string)) {
	type run struct{ start, end int }
	var runs []run
	for _, t := range p.uni.Tokenize([]byte(chunk)) {
		if !isCJK(t) {
			continue
		}
		if k := len(runs) - 1; k >= 0 && runs[k].end == t.Start {
			runs[k].end = t.End
			continue
		}
		runs = append(runs, run{t.Start, t.End})
	}
	from := 0
	latin := func(to int) {
		if s := strings.TrimSpace(chunk[from:to]); s != "" {
			fn(false, s)
		}
	}
	for _, r := range runs {
		latin(r.start)
		fn(true, chunk[r.start:r.end])
		from = r.end
	}
	latin(len(chunk))
}

// latin analyzes non-CJK text into indexed terms (stop words dropped).
func (p *parser) latin(s string) []string {
	var out []string
	for _, t := range p.text.Analyze([]byte(s)) {
		if !isCJK(t) && t.Type != analysis.Double && t.Type != analysis.Single {
			out = append(out, string(t.Term))
		}
	}
	return out
}

// bigrams returns the overlapping character pairs of a CJK word, as analyzerText indexes it.
func bigrams(word string) []string {
	r := []rune(word)
	if len(r) < 2 {
		return []string{word}
	}
	out := make([]string, 0, len(r)-1)
	for i := 0; i+1 < len(r); i++ {
		out = append(out, string(r[i:i+2]))
	}
	return out
}

func termQ(field, term string, boost float64) query.Query {
	q := blevesearch.NewTermQuery(term)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func phraseQ(field string, terms []string, boost float64) query.Query {
	if len(terms) == 1 {
		return termQ(field, terms[0], boost)
	}
	q := blevesearch.NewPhraseQuery(terms, field)
	q.SetBoost(boost)
	return q
}

// cjkRecall matches a CJK run in one text field: one character on the unigram field,
// longer runs as adjacent bigrams (a phrase).
func cjkRecall(field, word string, boost float64) query.Query {
	if utf8.RuneCountInString(word) == 1 {
		return termQ(field+suffixUni, word, boost)
	}
	return phraseQ(field, bigrams(word), boost)
}

// cjkWord matches a CJK word of the free text in one text field: one character on the
// unigram field, two as one bigram, longer words as all their bigrams. Requiring every
// overlapping pair (国际 际漫 漫游) is as good as adjacency for a word, and much cheaper than
// a phrase: no positions are read. Quoted phrases use real adjacency (cjkRecall).
func cjkWord(field, word string, boost float64) query.Query {
	bg := bigrams(word)
	if utf8.RuneCountInString(word) <= 2 {
		return cjkRecall(field, word, boost)
	}
	qs := make([]query.Query, len(bg))
	for i, b := range bg {
		qs[i] = termQ(field, b, boost)
	}
	return blevesearch.NewConjunctionQuery(qs...)
}

// coverageBoost is the constant score a document earns for each query word it contains.
// It dwarfs the tf-idf part, so the number of matched words ranks first (as Meilisearch's
// "words" rule does), then proximity and the field (title, summary, body…), then tf-idf.
const coverageBoost = 1000

// termQuery matches one free word in any text field: on the recall field and, as a bonus
// for real words, on the word field; plus the constant coverageBoost.
func termQuery(t qterm) query.Query {
	var qs []query.Query
	for _, f := range textFields {
		if t.cjk {
			qs = append(qs, cjkWord(f.name, t.text, f.boost))
		} else {
			qs = append(qs, termQ(f.name, t.text, f.boost))
		}
		if f.words {
			qs = append(qs, termQ(f.name+suffixWord, t.text, f.boost))
		}
	}
	return &coverageQuery{child: blevesearch.NewDisjunctionQuery(qs...), bonus: coverageBoost}
}

// coverageQuery scores like its child plus a constant for every match (cheaper than a
// conjunction with a boosted match-all query, which gives the same scores).
type coverageQuery struct {
	child query.Query
	bonus float64
}

// Searcher implements query.Query.
func (q *coverageQuery) Searcher(ctx context.Context, r index.IndexReader, m mapping.IndexMapping, o bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := q.child.Searcher(ctx, r, m, o)
	if err != nil {
		return nil, err
	}
	if o.Score == "none" {
		return s, nil
	}
	return &coverageSearcher{Searcher: s, bonus: q.bonus, norm: 1}, nil
}

// coverageSearcher adds bonus, normalized like every other score of the query, to each match.
type coverageSearcher struct {
	bsearch.Searcher
	bonus, norm float64
}

// Weight adds the bonus to the sum of squared weights, as a boosted match-all clause would.
func (s *coverageSearcher) Weight() float64 { return s.Searcher.Weight() + s.bonus*s.bonus }

// SetQueryNorm records the query norm and passes it on.
func (s *coverageSearcher) SetQueryNorm(n float64) {
	s.norm = n
	s.Searcher.SetQueryNorm(n)
}

// Next returns the child's next match with the bonus added.
func (s *coverageSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	if dm != nil {
		dm.Score += s.bonus * s.norm
	}
	return dm, err
}

// Advance returns the child's match at or after id with the bonus added.
func (s *coverageSearcher) Advance(ctx *bsearch.SearchContext, id index.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	if dm != nil {
		dm.Score += s.bonus * s.norm
	}
	return dm, err
}

// groupQuery is the bonus of a group: a CJK run matched by all its overlapping bigrams
// (as good as adjacency, without reading positions), Latin words as a phrase.
func groupQuery(g group) query.Query {
	var qs []query.Query
	for _, f := range textFields {
		if g.cjk != "" {
			qs = append(qs, cjkWord(f.name, g.cjk, f.boost))
		} else {
			qs = append(qs, phraseQ(f.name, g.latin, f.boost))
		}
	}
	return blevesearch.NewDisjunctionQuery(qs...)
}

// phraseQuery requires every segment of a quoted phrase in one same field.
func phraseQuery(ph phrase) query.Query {
	var fields []query.Query
	for _, f := range textFields {
		var segs []query.Query
		for _, s := range ph.segments {
			if s.cjk {
				segs = append(segs, cjkRecall(f.name, s.text, f.boost))
			} else {
				segs = append(segs, phraseQ(f.name, s.latin, f.boost))
			}
		}
		if len(segs) == 1 {
			fields = append(fields, segs[0])
		} else {
			fields = append(fields, blevesearch.NewConjunctionQuery(segs...))
		}
	}
	return blevesearch.NewDisjunctionQuery(fields...)
}

// textQuery builds the scoring query for parsed text.
func textQuery(pq *parsedQuery) query.Query {
	b := blevesearch.NewBooleanQuery()
	for _, ph := range pq.phrases {
		b.AddMust(phraseQuery(ph))
	}
	for _, t := range pq.terms {
		b.AddShould(termQuery(t))
	}
	for _, g := range pq.groups {
		b.AddShould(groupQuery(g))
	}
	if len(pq.phrases) == 0 {
		b.SetMinShould(1)
	}
	return b
}

// filterQuery builds the non-scoring filter: OR within a field, AND across fields. It returns
// nil when nothing filters.
func filterQuery(f search.Filter) query.Query {
	var all []query.Query
	add := func(field string, values []string) {
		var qs []query.Query
		for _, v := range values {
			qs = append(qs, termQ(field, v, 1))
		}
		switch len(qs) {
		case 0:
		case 1:
			all = append(all, qs[0])
		default:
			all = append(all, blevesearch.NewDisjunctionQuery(qs...))
		}
	}
	add(fStage, f.Stages)
	add(fCategories, f.Categories)
	add(fAudience, f.Audiences)
	add(fStatus, f.Statuses)
	add(fTags, f.Tags)
	add(fProducts, f.Products)
	switch len(all) {
	case 0:
		return nil
	case 1:
		return all[0]
	}
	return blevesearch.NewConjunctionQuery(all...)
}
