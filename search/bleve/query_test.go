package bleve

import (
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

func testParser(t *testing.T) *parser {
	t.Helper()
	seg, err := segmenter()
	if err != nil {
		t.Fatal(err)
	}
	text, err := registry.NewCache().AnalyzerNamed(analyzerText)
	if err != nil {
		t.Fatal(err)
	}
	return &parser{text: text, seg: seg, uni: unicode.NewUnicodeTokenizer()}
}

func TestSplitQuotes(t *testing.T) {
	for _, c := range []struct{ in, free, quoted string }{
		{`"宽带装机" 光猫`, "  光猫", "宽带装机"},
		{`光猫 “国际漫游”和「携号转网」`, "光猫  和 ", "国际漫游|携号转网"},
		{`"router reset`, " router reset", ""},
		{`"" 宽带`, "  宽带", ""},
	} {
		free, quoted := splitQuotes(c.in)
		if free != c.free || strings.Join(quoted, "|") != c.quoted {
			t.Errorf("splitQuotes(%q) = %q, %q; want %q, %q", c.in, free, quoted, c.free, c.quoted)
		}
	}
}

func describe(pq *parsedQuery) string {
	var b strings.Builder
	for _, t := range pq.terms {
		if t.cjk {
			fmt.Fprintf(&b, "%s ", t.text)
		} else {
			fmt.Fprintf(&b, "[%s] ", t.text)
		}
	}
	for _, g := range pq.groups {
		fmt.Fprintf(&b, "g(%s%s) ", g.cjk, strings.Join(g.latin, "+"))
	}
	for _, ph := range pq.phrases {
		b.WriteString("p(")
		for _, s := range ph.segments {
			fmt.Fprintf(&b, "%s%s;", s.text, strings.Join(s.latin, "+"))
		}
		b.WriteString(") ")
	}
	return strings.TrimSpace(b.String())
}

func TestParse(t *testing.T) {
	p := testParser(t)
	for _, c := range []struct{ in, want string }{
		{"卡", "卡"},
		{"宽带", "宽带"},
		{"宽带 故障", "宽带 故障"},
		{"宽带故障 光猫", "宽带 故障 光猫 g(宽带故障)"},
		{"光猫红灯怎么办", "光猫 红灯 g(光猫红灯)"},
		{"如何办理携号转网", "办理 携号 转网 g(办理携号转网)"},
		{"的", "的"},
		{"Router's RESET routers", "[router] [reset] g(router+reset+router)"},
		{"the router", "[router]"},
		{"5G套餐", "[5g] 套餐"},
		{"SIM卡，补办！", "[sim] 卡 补办"},
		{`"宽带装机" 光猫`, "光猫 p(宽带装机;)"},
		{`"SIM卡补办"`, "p([sim];卡补办;)"},
		{`"router reset" 漫游`, "漫游 p(router+reset;)"},
		{"", ""},
		{"  ！！ ", ""},
	} {
		pq := p.parse(c.in)
		got := strings.ReplaceAll(describe(pq), "[sim];", "sim;")
		want := strings.ReplaceAll(c.want, "[sim];", "sim;")
		if got != want {
			t.Errorf("parse(%q) = %q, want %q", c.in, got, want)
		}
	}
	long := strings.Repeat("宽带 光猫 路由器 套餐 漫游 资费 流量 话费 ", 20)
	if pq := p.parse(long); len(pq.terms) > maxTerms || len(pq.groups) > maxGroups {
		t.Errorf("parse(long) kept %d terms, %d groups", len(pq.terms), len(pq.groups))
	}
}

func TestAnalyzers(t *testing.T) {
	cache := registry.NewCache()
	for _, c := range []struct{ analyzer, in, want string }{
		{analyzerText, "宽带装机", "宽带 带装 装机"},
		{analyzerText, "SIM卡补办 Routers", "sim 卡补 补办 router"},
		{analyzerText, "ＳＩＭ卡", "sim 卡"},
		{analyzerUni, "SIM卡补办 光猫", "卡 补 办 光 猫"},
		{analyzerWord, "国际漫游资费 routers", "国际漫游 国际 漫游 资费 router"},
		{analyzerWord, "国际通话费用", "国际 通话 费用"},
		{analyzerWord, "选靓号，办理副卡", "选 靓号 办理 副卡"},
	} {
		a, err := cache.AnalyzerNamed(c.analyzer)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tok := range a.Analyze([]byte(c.in)) {
			got = append(got, string(tok.Term))
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("%s(%q) = %q, want %q", c.analyzer, c.in, strings.Join(got, " "), c.want)
		}
	}
}
