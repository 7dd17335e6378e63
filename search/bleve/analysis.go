package bleve

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/go-porterstemmer"
	"github.com/go-ego/gse"
)

// Analysis design.
//
// Every text field (title, summary, body, attachments, tag text) is indexed three times
// (attachments only the first two, see textFields):
//
//   - <field> with analyzerText: Unicode word segmentation, full-width→half-width folding,
//     lower case, English possessives, stop words and Porter stemming on Latin words, and
//     overlapping CJK bigrams (宽带装机 → 宽带 带装 装机). A Chinese word of two or more
//     characters matches through its bigrams, never through two characters far apart; a
//     quoted phrase ("宽带装机") is a phrase query over adjacent bigrams, for which the field
//     carries term vectors (positions). This field gives recall for words and phrases and
//     is the only stored copy of the text (for snippets).
//   - <field>_uni with analyzerUni: the single CJK characters, so that a one-character query
//     (卡) finds 流量卡 and SIM卡, which bigrams alone never match.
//   - <field>_word with analyzerWord: real words. CJK runs are segmented by gse (a jieba-style
//     dictionary segmenter, search mode: 国际漫游 → 国际 漫游 国际漫游), Latin words as in
//     analyzerText. A query word also scores on this field, so a document where the query
//     is a real word (话费 in 话费余额) outranks one where the same two characters only meet
//     across a word boundary (通话|费用): bigrams cannot tell the two apart.
//
// Queries are cut the same way (gse for CJK runs, the Latin pipeline for other words). Each
// free word must match on the recall fields (a word of three or more characters as all its
// bigrams, quoted phrases as real phrases) and scores extra on the word field; see query.go.

// Names of the analyzers, tokenizers and filters registered with bleve. They are stored in
// the index mapping, so they must never change meaning without bumping schemaVersion.
const (
	analyzerText = "c360_text"
	analyzerUni  = "c360_uni"
	analyzerWord = "c360_word"

	tokenizerWord   = "c360_word"
	filterLatinStem = "c360_latin_stem"
	filterCJKOnly   = "c360_cjk_unigram"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(err)
		}
	}
	must(registry.RegisterTokenFilter(filterLatinStem, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return latinStemFilter{}, nil
	}))
	must(registry.RegisterTokenFilter(filterCJKOnly, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return cjkUnigramFilter{}, nil
	}))
	must(registry.RegisterTokenizer(tokenizerWord, func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
		seg, err := segmenter()
		if err != nil {
			return nil, err
		}
		return &wordTokenizer{seg: seg, base: unicode.NewUnicodeTokenizer()}, nil
	}))
	must(registry.RegisterAnalyzer(analyzerText, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		return buildAnalyzer(cache, unicode.Name, cjk.WidthName, en.PossessiveName, lowercase.Name, en.StopName, filterLatinStem, cjk.BigramName)
	}))
	must(registry.RegisterAnalyzer(analyzerUni, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		return buildAnalyzer(cache, unicode.Name, cjk.WidthName, filterCJKOnly)
	}))
	must(registry.RegisterAnalyzer(analyzerWord, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		return buildAnalyzer(cache, tokenizerWord, cjk.WidthName, en.PossessiveName, lowercase.Name, en.StopName, filterLatinStem)
	}))
}

// buildAnalyzer assembles an analyzer from registered components: a tokenizer, then filters.
func buildAnalyzer(cache *registry.Cache, tokenizer string, filters ...string) (analysis.Analyzer, error) {
	tok, err := cache.TokenizerNamed(tokenizer)
	if err != nil {
		return nil, err
	}
	a := &analysis.DefaultAnalyzer{Tokenizer: tok}
	for _, name := range filters {
		f, err := cache.TokenFilterNamed(name)
		if err != nil {
			return nil, err
		}
		a.TokenFilters = append(a.TokenFilters, f)
	}
	return a, nil
}

// wordCutter cuts CJK runs into dictionary words. It hides gse behind functions: when a type
// reachable from an interface value refers to gse.Segmenter, the linker keeps all of its
// methods, and with them all of gse's embedded dictionaries (33 MB more in every binary).
type wordCutter struct {
	cut  func(run string) []string // the words of a CJK run (dictionary and HMM)
	find func(word string) bool    // whether word is a dictionary word
}

var (
	segOnce sync.Once
	segVal  *wordCutter
	segErr  error
)

// zhDict is gse's simplified-Chinese dictionary, gzipped (see dict/README.md).
//
//go:embed dict/zh_s.txt.gz
var zhDict []byte

// telecomWords are terms of the trade that the general dictionary lacks, so that they are
// cut as one word everywhere (选靓号 → 选 靓号, not 选靓 号; 副卡, not 副 卡). Only atomic
// terms: a compound such as 宽带装机 stays two words, so that 宽带装机 still finds a text
// that has 宽带 and 装机 apart (the exact sequence ranks first).
var telecomWords = []string{
	"光猫", "光衰", "彩铃", "副卡", "主卡", "靓号", "工单", "报障", "装维", "合约机", "掌厅",
	"翼支付", "天翼", "流量包", "语音包", "日租包", "流量卡", "物联网卡", "携号", "转网", "复机",
	"销户", "补卡", "测速", "提速", "组网",
}

// domainWords returns telecomWords as dictionary lines: word, frequency, part of speech.
func domainWords() string {
	var b strings.Builder
	b.WriteByte('\n')
	for _, w := range telecomWords {
		b.WriteString(w + " 2000 n\n")
	}
	return b.String()
}

// segmenter returns the process-wide gse segmenter with the embedded simplified-Chinese
// dictionary. It is loaded once, on first use (about a second and 130 MB of heap), and is
// safe for concurrent use afterwards.
func segmenter() (*wordCutter, error) {
	segOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(zhDict))
		if err != nil {
			segErr = err
			return
		}
		words, err := io.ReadAll(zr)
		if err != nil {
			segErr = err
			return
		}
		s := &gse.Segmenter{SkipLog: true}
		if err := s.LoadDictStr(string(words) + domainWords()); err != nil {
			segErr = err
			return
		}
		segVal = &wordCutter{
			cut: func(run string) []string { return s.Cut(run, true) },
			find: func(word string) bool {
				freq, _, ok := s.Find(word)
				return ok && freq > 0
			},
		}
	})
	return segVal, segErr
}

// isCJK reports whether a token is a run of ideographs or kana (bleve's Ideographic type).
func isCJK(t *analysis.Token) bool { return t.Type == analysis.Ideographic }

// latinStemFilter Porter-stems every token that is not CJK (router, routers → router).
type latinStemFilter struct{}

// Filter implements analysis.TokenFilter.
func (latinStemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if t.KeyWord || isCJK(t) || len(t.Term) < 3 {
			continue
		}
		t.Term = analysis.BuildTermFromRunes(porterstemmer.StemWithoutLowerCasing(bytes.Runes(t.Term)))
	}
	return input
}

// cjkUnigramFilter keeps CJK characters only, one token per character.
type cjkUnigramFilter struct{}

// Filter implements analysis.TokenFilter.
func (cjkUnigramFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(input))
	pos := 1
	for _, t := range input {
		if !isCJK(t) {
			pos++
			continue
		}
		if utf8.RuneCount(t.Term) == 1 {
			t.Position = pos
			pos++
			out = append(out, t)
			continue
		}
		for off := 0; off < len(t.Term); {
			_, n := utf8.DecodeRune(t.Term[off:])
			out = append(out, &analysis.Token{
				Term:     t.Term[off : off+n],
				Start:    t.Start + off,
				End:      t.Start + off + n,
				Position: pos,
				Type:     analysis.Ideographic,
			})
			pos++
			off += n
		}
	}
	return out
}

// wordTokenizer emits Latin words as the Unicode tokenizer does and cuts every run of
// adjacent CJK characters into dictionary words with gse, adding the dictionary words of
// two and three characters found inside longer words (search mode).
type wordTokenizer struct {
	seg  *wordCutter
	base *unicode.UnicodeTokenizer
}

// Tokenize implements analysis.Tokenizer.
func (w *wordTokenizer) Tokenize(input []byte) analysis.TokenStream {
	toks := w.base.Tokenize(input)
	out := make(analysis.TokenStream, 0, len(toks))
	pos := 1
	for i := 0; i < len(toks); {
		t := toks[i]
		if !isCJK(t) {
			t.Position = pos
			pos++
			out = append(out, t)
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && isCJK(toks[j]) && toks[j].Start == toks[j-1].End {
			j++
		}
		start, end := toks[i].Start, toks[j-1].End
		out, pos = w.appendWords(out, input[start:end], start, pos)
		i = j
	}
	return out
}

// appendWords segments one CJK run (at byte offset base) and appends its words.
func (w *wordTokenizer) appendWords(out analysis.TokenStream, run []byte, base, pos int) (analysis.TokenStream, int) {
	off := 0
	for _, word := range cutWords(w.seg, string(run)) {
		start := base + off
		if k := bytes.Index(run[off:], []byte(word)); k >= 0 {
			start = base + off + k
			off += k + len(word)
		}
		out = append(out, &analysis.Token{
			Term:     []byte(word),
			Start:    start,
			End:      start + len(word),
			Position: pos,
			Type:     analysis.Ideographic,
		})
		for _, sub := range subWords(w.seg, word) {
			out = append(out, &analysis.Token{
				Term:     []byte(sub),
				Start:    start,
				End:      start + len(word),
				Position: pos,
				Type:     analysis.Ideographic,
			})
		}
		pos++
	}
	return out, pos
}

// cutWords cuts a CJK run into words (dictionary plus HMM for unknown words).
func cutWords(seg *wordCutter, run string) []string {
	return seg.cut(run)
}

// subWords returns the dictionary words of two and three characters inside a longer word
// (国际漫游 → 国际, 漫游), as jieba's search mode does.
func subWords(seg *wordCutter, word string) []string {
	runes := []rune(word)
	var out []string
	for _, n := range []int{2, 3} {
		if len(runes) <= n {
			continue
		}
		for i := 0; i+n <= len(runes); i++ {
			gram := string(runes[i : i+n])
			if seg.find(gram) {
				out = append(out, gram)
			}
		}
	}
	return out
}
