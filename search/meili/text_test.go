package meili

import (
	"net/url"
	"reflect"
	"strings"
	"testing"
	"testing/quick"

	"github.com/c360crm/c360/search"
)

func TestBuildFilter(t *testing.T) {
	tests := []struct {
		name string
		f    search.Filter
		want string
	}{
		{"empty", search.Filter{}, ""},
		{"empty slices", search.Filter{Stages: []string{}, Tags: nil}, ""},
		{"one value", search.Filter{Stages: []string{"PUBLISHED"}}, `stage IN ["PUBLISHED"]`},
		{"OR within a field", search.Filter{Audiences: []string{"INTERNAL", "PARTNER"}},
			`audience IN ["INTERNAL", "PARTNER"]`},
		{"duplicates", search.Filter{Statuses: []string{"DRAFT", "DRAFT"}}, `status IN ["DRAFT"]`},
		{"AND across fields, fixed order", search.Filter{
			Products:   []string{"p1"},
			Tags:       []string{"t1", "t2"},
			Statuses:   []string{"PUBLISHED"},
			Audiences:  []string{"PUBLIC"},
			Categories: []string{"10", "11"},
			Stages:     []string{"LATEST"},
		}, `stage IN ["LATEST"] AND categories IN ["10", "11"] AND audience IN ["PUBLIC"] AND ` +
			`status IN ["PUBLISHED"] AND tags IN ["t1", "t2"] AND products IN ["p1"]`},
		{"quotes and backslashes", search.Filter{Tags: []string{`say "hi"`, `C:\dir\`, `\"`}},
			`tags IN ["say \"hi\"", "C:\\dir\\", "\\\""]`},
		{"syntax stays inside the quotes", search.Filter{Tags: []string{`x"] OR stage IN ["LATEST`, "AND", "a)(b", "中文 标签", ""}},
			`tags IN ["x\"] OR stage IN [\"LATEST", "AND", "a)(b", "中文 标签", ""]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := buildFilter(tt.f); got != tt.want {
				t.Errorf("buildFilter(%+v)\n got %s\nwant %s", tt.f, got, tt.want)
			}
		})
	}
}

// unquoteFilterValue reads a double-quoted value the way Meilisearch's filter parser does:
// the string ends at the first quote not preceded by an escaping backslash; then \" becomes
// " and the remaining escapes (\\) are resolved.
func unquoteFilterValue(t *testing.T, s string) (value, rest string) {
	t.Helper()
	if !strings.HasPrefix(s, `"`) {
		t.Fatalf("%q does not start with a quote", s)
	}
	i := 1
	for ; i < len(s) && s[i] != '"'; i++ {
		if s[i] == '\\' {
			i++
		}
	}
	if i >= len(s) {
		t.Fatalf("unterminated %q", s)
	}
	raw := strings.ReplaceAll(s[1:i], `\"`, `"`)
	var b strings.Builder
	for j := 0; j < len(raw); j++ {
		if raw[j] == '\\' && j+1 < len(raw) && raw[j+1] == '\\' {
			j++
		}
		b.WriteByte(raw[j])
	}
	return b.String(), s[i+1:]
}

func TestQuoteFilterValueRoundTrip(t *testing.T) {
	check := func(v string) bool {
		got, rest := unquoteFilterValue(t, quoteFilterValue(v))
		return got == v && rest == ""
	}
	for _, v := range []string{"", `\`, `"`, `\\"`, `a\"b`, `"]`, "中文", "a\nb", `\n`} {
		if !check(v) {
			t.Errorf("round trip of %q failed: %s", v, quoteFilterValue(v))
		}
	}
	if err := quick.Check(check, nil); err != nil {
		t.Error(err)
	}
}

func TestSnippet(t *testing.T) {
	const pre, post = "\ue000n\ue001", "\ue002n\ue003"
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"no match", "", false},
		{pre + "Go" + post + " & <b>bold</b>", "<mark>Go</mark> &amp; &lt;b&gt;bold&lt;/b&gt;", true},
		{`"` + pre + "知识" + post + `库' <mark>fake</mark>`,
			"&#34;<mark>知识</mark>库&#39; &lt;mark&gt;fake&lt;/mark&gt;", true},
		{"…a " + pre + "x" + post + " b " + pre + "y" + post + "…", "…a <mark>x</mark> b <mark>y</mark>…", true},
		// Touching marks are merged; prefix matches extend to the end of a Latin word only.
		{pre + "宽带" + post + pre + "故障" + post + "排查", "<mark>宽带故障</mark>排查", true},
		{pre + "HG" + post + pre + "8145" + post + pre + "V5" + post + " manual", "<mark>HG8145V5</mark> manual", true},
		{pre + "Router" + post + "s supplied", "<mark>Routers</mark> supplied", true},
		{"the " + pre + "rout" + post + "er's " + pre + "reset" + post + "ting", "the <mark>router</mark>&#39;s <mark>resetting</mark>", true},
		{"SIM" + pre + "卡" + post + "补办", "SIM<mark>卡</mark>补办", true},
		{pre + "5" + post + "G套餐", "<mark>5G</mark>套餐", true},
	}
	for _, tt := range tests {
		got, ok := snippet(tt.in, pre, post)
		if got != tt.want || ok != tt.ok {
			t.Errorf("snippet(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestHighlightTagsSurviveEscaping(t *testing.T) {
	ix, err := newIndex("127.0.0.1:1", "", "knowledge")
	if err != nil {
		t.Fatal(err)
	}
	other, err := newIndex("127.0.0.1:1", "", "knowledge")
	if err != nil {
		t.Fatal(err)
	}
	if ix.preTag == other.preTag || ix.preTag == ix.postTag {
		t.Errorf("highlight tags are not unique: %q %q %q", ix.preTag, ix.postTag, other.preTag)
	}
	for _, tag := range []string{ix.preTag, ix.postTag} {
		if strings.ContainsAny(tag, `<>&'"`) {
			t.Errorf("tag %q has characters that HTML escaping changes", tag)
		}
	}
}

func TestEncodeID(t *testing.T) {
	tests := map[string]string{
		"1234":        "1234",
		"1234:latest": "1234_3Alatest",
		"a_b":         "a_5Fb",
		"a-B9":        "a-B9",
		"x/y z":       "x_2Fy_20z",
		"中":           "_E4_B8_AD",
	}
	for in, want := range tests {
		got, err := encodeID(in)
		if err != nil || got != want {
			t.Errorf("encodeID(%q) = %q, %v; want %q", in, got, err, want)
		}
		if back := decodeID(got); back != in {
			t.Errorf("decodeID(%q) = %q, want %q", got, back, in)
		}
	}
	if _, err := encodeID(""); err == nil {
		t.Error("encodeID(\"\") succeeded")
	}
	if _, err := encodeID(strings.Repeat(":", 200)); err == nil {
		t.Error("encodeID of a 600-byte identifier succeeded")
	}
	if err := quick.Check(func(s string) bool {
		enc, err := encodeID(s)
		if err != nil {
			return s == "" || len(s) > maxIDBytes/3
		}
		for i := 0; i < len(enc); i++ {
			if !isIDByte(enc[i]) && enc[i] != '_' {
				return false
			}
		}
		return decodeID(enc) == s
	}, nil); err != nil {
		t.Error(err)
	}
	// Identifiers that encodeID cannot have made come back unchanged.
	for _, s := range []string{"a_", "a_4", "a_ZZ"} {
		if got := decodeID(s); got != s {
			t.Errorf("decodeID(%q) = %q", s, got)
		}
	}
}

func TestBuildSearchRequestPagination(t *testing.T) {
	tests := []struct {
		offset, limit       int
		page, perPage, skip int64
	}{
		{0, 0, 1, 20, 0},
		{0, 10, 1, 10, 0},
		{20, 10, 3, 10, 0},
		{5, 10, 1, 15, 5},
		{-3, 5, 1, 5, 0},
		{7, -1, 1, 27, 7},
	}
	for _, tt := range tests {
		q := search.Query{Text: "x", Offset: tt.offset, Limit: tt.limit}
		req, skip := buildSearchRequest(q, parseText(q.Text))
		if req.Page != tt.page || req.HitsPerPage == nil || *req.HitsPerPage != tt.perPage || int64(skip) != tt.skip {
			t.Errorf("offset %d limit %d: page %d hitsPerPage %v skip %d; want %d %d %d",
				tt.offset, tt.limit, req.Page, *req.HitsPerPage, skip, tt.page, tt.perPage, tt.skip)
		}
		if req.Offset != 0 || req.Limit != 0 {
			t.Errorf("offset/limit set in page mode: %+v", req)
		}
	}
}

func TestBuildSearchRequestStrategy(t *testing.T) {
	tests := []struct {
		text, q  string
		strategy string
		sort     bool
	}{
		{"", "", "", true},
		{"  ", "", "", true},
		{"光猫红灯怎么办", "光猫红灯怎么办", "", false},
		{`“宽带装机”`, `"宽带装机"`, "all", false},
		{`"router reset" 'x'`, `"router reset" 'x'`, "", false}, // 'x' is a unit: not served here
		{`"a" "b"`, `"a" "b"`, "all", false},
	}
	for _, tt := range tests {
		req, _ := buildSearchRequest(search.Query{Text: tt.text}, parseText(tt.text))
		if req.Query != tt.q || string(req.MatchingStrategy) != tt.strategy || (req.Sort != nil) != tt.sort {
			t.Errorf("%q: q %q strategy %q sort %v; want %q %q %v", tt.text, req.Query, req.MatchingStrategy, req.Sort, tt.q, tt.strategy, tt.sort)
		}
	}
}

func TestParseText(t *testing.T) {
	tests := []struct {
		text    string
		phrases []string
		units   []string
	}{
		{"", nil, nil},
		{"宽带", nil, []string{"宽带"}},
		{"光猫红灯怎么办", nil, []string{"光猫红灯怎么办"}},
		{"  漫游 资费\t开通 ", nil, []string{"漫游", "资费", "开通"}},
		{"5G套餐", nil, []string{"5G", "套餐"}},
		{"SIM卡 补办", nil, []string{"SIM", "卡", "补办"}},
		{"宽带、光猫，router!", nil, []string{"宽带", "光猫", "router"}},
		{"192.168.1.1 HG8145V5 Wi-Fi it's", nil, []string{"192.168.1.1", "HG8145V5", "Wi-Fi", "it's"}},
		{"Router router ROUTER", nil, []string{"Router"}},
		{"-router --x -", nil, []string{"router", "x"}},
		{"... ??? ---", nil, nil},
		{`"宽带装机"`, []string{"宽带装机"}, nil},
		{`“宽带装机”`, []string{"宽带装机"}, nil},
		{`「国际漫游」 日租包`, []string{"国际漫游"}, []string{"日租包"}},
		{`a"router  reset"b`, []string{"router reset"}, []string{"a", "b"}},
		{`"" "  " "..." x`, nil, []string{"x"}},
		{`"unclosed phrase`, nil, []string{"unclosed", "phrase"}},
	}
	for _, tt := range tests {
		p := parseText(tt.text)
		if !reflect.DeepEqual(p.phrases, tt.phrases) || !reflect.DeepEqual(p.units, tt.units) {
			t.Errorf("parseText(%q) = %q, %q; want %q, %q", tt.text, p.phrases, p.units, tt.phrases, tt.units)
		}
	}
	p := parseText(`"国际漫游" 日租包 资费`)
	if got := p.query(p.units[1:]); got != `"国际漫游" 资费` {
		t.Errorf("query = %q", got)
	}
}

func TestCharsOf(t *testing.T) {
	tests := map[string]string{
		"":             "",
		"router":       "",
		"流量卡激活":        "流 量 卡 激 活",
		"SIM卡补办":       "卡 补 办",
		"光猫，router桥接 ": "光 猫 . 桥 接",
	}
	for in, want := range tests {
		if got := charsOf(in); got != want {
			t.Errorf("charsOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		in                    string
		host, key, index, err string
	}{
		{in: "meili://127.0.0.1:7700", host: "http://127.0.0.1:7700", index: "knowledge"},
		{in: "meili://search.internal?key=s3cr%26t&index=kb_2", host: "http://search.internal:7700", key: "s3cr&t", index: "kb_2"},
		{in: "meili://search.example.com?tls=1&key=k", host: "https://search.example.com", key: "k", index: "knowledge"},
		{in: "meili://search.example.com:8443/meili/?tls=true", host: "https://search.example.com:8443/meili", index: "knowledge"},
		{in: "meili://h:7700?tls=0", host: "http://h:7700", index: "knowledge"},
		{in: "meili://:pw@h:7700", host: "http://h:7700", key: "pw", index: "knowledge"},
		{in: "meili://[::1]", host: "http://[::1]:7700", index: "knowledge"},
		{in: "meili://h?tls=maybe", err: "tls"},
		{in: "meili://h?idx=x", err: "unknown URL parameter"},
		{in: "meili://h?index=bad/name", err: "invalid index uid"},
		{in: "meili:///x", err: "no host"},
		{in: "bleve:///data", err: "scheme"},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.in)
		if err != nil {
			t.Fatal(err)
		}
		host, key, index, err := parseURL(u)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("parseURL(%s) error = %v, want one about %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || host != tt.host || key != tt.key || index != tt.index {
			t.Errorf("parseURL(%s) = %q, %q, %q, %v; want %q, %q, %q", tt.in, host, key, index, err, tt.host, tt.key, tt.index)
		}
	}
}

func TestValidIndexUID(t *testing.T) {
	for _, ok := range []string{"knowledge", "kb-2_x", strings.Repeat("a", 400)} {
		if err := validIndexUID(ok); err != nil {
			t.Errorf("validIndexUID(%q) = %v", ok, err)
		}
	}
	for _, bad := range []string{"", "a b", "a.b", "中文", strings.Repeat("a", 401)} {
		if err := validIndexUID(bad); err == nil {
			t.Errorf("validIndexUID(%q) accepted", bad)
		}
	}
}
