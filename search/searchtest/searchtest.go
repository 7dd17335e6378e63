// Package searchtest is the conformance suite that every search backend must pass: relevance,
// Chinese (one character, two characters, several words, quoted phrases, pairs that only
// span two words), English (stemming, case) and mixed queries, highlighted snippets,
// filters, facets, pagination, updates, deletes, DeleteAll, Count and the empty query.
//
// A backend's test calls Run with a function that opens a fresh, empty index:
//
//	func TestConformance(t *testing.T) {
//		searchtest.Run(t, func(t *testing.T) search.Index {
//			idx, err := OpenMem()
//			if err != nil {
//				t.Fatal(err)
//			}
//			t.Cleanup(func() { idx.Close() })
//			return idx
//		})
//	}
//
// The texts are realistic telecom knowledge snippets in Chinese and English.
package searchtest

import (
	"context"
	"fmt"
	"html"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/search"
)

// Run runs every conformance subtest; open must return a fresh, empty index each time it
// is called (once per subtest). Run does not close the indexes: open registers their
// cleanup.
func Run(t *testing.T, open func(t *testing.T) search.Index) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			c.fn(newEnv(t, open(t)))
		})
	}
}

var cases = []struct {
	name string
	fn   func(e *env)
}{
	{"Ping", testPing},
	{"Count", testCount},
	{"EmptyQuery", testEmptyQuery},
	{"NoMatch", testNoMatch},
	{"DocumentID", testDocumentID},
	{"Relevance/TitleAboveBody", testTitleAboveBody},
	{"Relevance/MoreTermsHigher", testMoreTermsHigher},
	{"Chinese/OneCharacter", testChineseOneChar},
	{"Chinese/TwoCharacters", testChineseTwoChars},
	{"Chinese/SeveralWords", testChineseSeveralWords},
	{"Chinese/QuotedPhrase", testChinesePhrase},
	{"Chinese/CrossWordPair", testChineseCrossWordPair},
	{"English/Stemming", testEnglishStemming},
	{"English/Case", testEnglishCase},
	{"English/Phrase", testEnglishPhrase},
	{"Mixed", testMixed},
	{"Highlights/Title", testHighlightTitle},
	{"Highlights/Body", testHighlightBody},
	{"Highlights/Attachments", testHighlightAttachments},
	{"Highlights/English", testHighlightEnglish},
	{"Highlights/Escaping", testHighlightEscaping},
	{"Filters", testFilters},
	{"Facets", testFacets},
	{"Pagination", testPagination},
	{"Pagination/EmptyQuery", testPaginationEmptyQuery},
	{"Pagination/DefaultLimit", testDefaultLimit},
	{"Update", testUpdate},
	{"Delete", testDelete},
	{"DeleteAll", testDeleteAll},
}

// base is the UpdatedAt of the oldest test document.
var base = time.Date(2025, 3, 1, 8, 0, 0, 0, time.UTC)

// at returns base plus h hours.
func at(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }

// doc returns a published, internal entry with the given texts; the options adjust it.
func doc(id, title, summary, body string, opts ...func(*search.Document)) search.Document {
	d := search.Document{
		ID:         id,
		DocumentID: id,
		Stage:      search.StagePublished,
		Title:      title,
		Summary:    summary,
		Body:       body,
		Audience:   "INTERNAL",
		Status:     "PUBLISHED",
		UpdatedAt:  base,
	}
	for _, o := range opts {
		o(&d)
	}
	return d
}

// updated sets UpdatedAt to base plus h hours.
func updated(h int) func(*search.Document) {
	return func(d *search.Document) { d.UpdatedAt = at(h) }
}

// categories sets the category IDs (with their ancestors).
func categories(c ...string) func(*search.Document) {
	return func(d *search.Document) { d.Categories = c }
}

// tags sets the tags.
func tags(v ...string) func(*search.Document) {
	return func(d *search.Document) { d.Tags = v }
}

// products sets the product IDs.
func products(v ...string) func(*search.Document) {
	return func(d *search.Document) { d.Products = v }
}

// attachments sets the extracted attachment text.
func attachments(s string) func(*search.Document) {
	return func(d *search.Document) { d.Attachments = s }
}

// env is one subtest's index and the documents written to it.
type env struct {
	t    *testing.T
	idx  search.Index
	ctx  context.Context
	docs map[string]search.Document
}

// newEnv wraps an index for one subtest.
func newEnv(t *testing.T, idx search.Index) *env {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	return &env{t: t, idx: idx, ctx: ctx, docs: map[string]search.Document{}}
}

// put upserts documents and fails the test on error.
func (e *env) put(docs ...search.Document) {
	e.t.Helper()
	if err := e.idx.Upsert(e.ctx, docs...); err != nil {
		e.t.Fatalf("Upsert: %v", err)
	}
	for _, d := range docs {
		e.docs[d.ID] = d
	}
}

// del deletes entries and fails the test on error.
func (e *env) del(ids ...string) {
	e.t.Helper()
	if err := e.idx.Delete(e.ctx, ids...); err != nil {
		e.t.Fatalf("Delete(%q): %v", ids, err)
	}
	for _, id := range ids {
		delete(e.docs, id)
	}
}

// count returns Count and fails the test on error.
func (e *env) count() int {
	e.t.Helper()
	n, err := e.idx.Count(e.ctx)
	if err != nil {
		e.t.Fatalf("Count: %v", err)
	}
	return n
}

// search runs q, fails the test on error and checks what holds for every answer: the page
// size, no duplicate hits, hits only of known documents, and well-formed highlights.
func (e *env) search(q search.Query) *search.Result {
	e.t.Helper()
	r, err := e.idx.Search(e.ctx, q)
	if err != nil {
		e.t.Fatalf("Search(%+v): %v", q, err)
	}
	if r == nil {
		e.t.Fatalf("Search(%+v): nil result", q)
	}
	limit := q.Limit
	if limit == 0 {
		limit = 20
	}
	if len(r.Hits) > limit {
		e.t.Errorf("Search(%q): %d hits, more than the limit %d", q.Text, len(r.Hits), limit)
	}
	if len(r.Hits) > 0 && r.Total < q.Offset+len(r.Hits) {
		e.t.Errorf("Search(%q): Total %d < offset %d + %d hits", q.Text, r.Total, q.Offset, len(r.Hits))
	}
	seen := map[string]bool{}
	for _, h := range r.Hits {
		if seen[h.ID] {
			e.t.Errorf("Search(%q): hit %s twice", q.Text, h.ID)
		}
		seen[h.ID] = true
		d, ok := e.docs[h.ID]
		if !ok {
			e.t.Errorf("Search(%q): hit %s is not a live document", q.Text, h.ID)
			continue
		}
		if h.DocumentID != d.DocumentID {
			e.t.Errorf("Search(%q): hit %s has DocumentID %q, want %q", q.Text, h.ID, h.DocumentID, d.DocumentID)
		}
		for _, hl := range h.Highlights {
			e.checkHighlight(q.Text, d, hl)
		}
	}
	if !q.Facets && len(r.Facets) > 0 {
		e.t.Errorf("Search(%q): facets without Query.Facets", q.Text)
	}
	return r
}

// find searches text with no filter.
func (e *env) find(text string) *search.Result {
	e.t.Helper()
	return e.search(search.Query{Text: text, Limit: 100})
}

var (
	markRE  = regexp.MustCompile(`<mark>(.*?)</mark>`)
	spaceRE = regexp.MustCompile(`\s+`)
)

// fieldText returns a document's text for a highlight field name.
func fieldText(d search.Document, field string) (string, bool) {
	switch field {
	case "title":
		return d.Title, true
	case "summary":
		return d.Summary, true
	case "body":
		return d.Body, true
	case "attachments":
		return d.Attachments, true
	}
	return "", false
}

// checkHighlight checks that a snippet is HTML-escaped text of its field with at least one
// <mark>…</mark>, and nothing else of HTML.
func (e *env) checkHighlight(query string, d search.Document, hl search.Highlight) {
	e.t.Helper()
	src, ok := fieldText(d, hl.Field)
	if !ok {
		e.t.Errorf("Search(%q): hit %s: highlight of unknown field %q", query, d.ID, hl.Field)
		return
	}
	s := hl.Snippet
	if !strings.Contains(s, "<mark>") {
		e.t.Errorf("Search(%q): hit %s %s: snippet without <mark>: %q", query, d.ID, hl.Field, s)
	}
	plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s)
	if strings.ContainsAny(plain, "<>") {
		e.t.Errorf("Search(%q): hit %s %s: unescaped HTML or unbalanced mark in %q", query, d.ID, hl.Field, s)
		return
	}
	if strings.Count(s, "<mark>") != strings.Count(s, "</mark>") {
		e.t.Errorf("Search(%q): hit %s %s: unbalanced <mark> in %q", query, d.ID, hl.Field, s)
	}
	// Snippets may be cut, with an ellipsis, at either end; whitespace may be collapsed. The
	// rest must be the field's own text.
	src = normSpace(src)
	for _, part := range strings.Split(html.UnescapeString(plain), "…") {
		if p := normSpace(part); p != "" && !strings.Contains(src, p) {
			e.t.Errorf("Search(%q): hit %s %s: snippet %q is not text of the field %q", query, d.ID, hl.Field, s, src)
			return
		}
	}
}

// normSpace collapses whitespace runs to one space and trims the ends.
func normSpace(s string) string {
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// marked returns the texts inside <mark> in a snippet, unescaped.
func marked(snippet string) []string {
	var out []string
	for _, m := range markRE.FindAllStringSubmatch(snippet, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// ids returns the hit IDs in order.
func ids(r *search.Result) []string {
	out := make([]string, len(r.Hits))
	for i, h := range r.Hits {
		out[i] = h.ID
	}
	return out
}

// rank returns the position of id among the hits, or -1.
func rank(r *search.Result, id string) int {
	for i, h := range r.Hits {
		if h.ID == id {
			return i
		}
	}
	return -1
}

// wantHit checks that id is among the hits.
func (e *env) wantHit(query string, r *search.Result, id string) {
	e.t.Helper()
	if rank(r, id) < 0 {
		e.t.Errorf("Search(%q) = %v, want it to find %s", query, ids(r), id)
	}
}

// wantNoHit checks that id is not among the hits.
func (e *env) wantNoHit(query string, r *search.Result, id string) {
	e.t.Helper()
	if rank(r, id) >= 0 {
		e.t.Errorf("Search(%q) = %v, want no %s", query, ids(r), id)
	}
}

// wantFirst checks that id is the first hit.
func (e *env) wantFirst(query string, r *search.Result, id string) {
	e.t.Helper()
	if len(r.Hits) == 0 || r.Hits[0].ID != id {
		e.t.Errorf("Search(%q) = %v, want %s first", query, ids(r), id)
	}
}

// wantAbove checks that hi ranks above lo (or lo is not found at all).
func (e *env) wantAbove(query string, r *search.Result, hi, lo string) {
	e.t.Helper()
	h, l := rank(r, hi), rank(r, lo)
	if h < 0 || (l >= 0 && l < h) {
		e.t.Errorf("Search(%q) = %v, want %s above %s", query, ids(r), hi, lo)
	}
}

// wantSet checks the exact set of hits (any order) and Total.
func (e *env) wantSet(what string, r *search.Result, want ...string) {
	e.t.Helper()
	got := ids(r)
	sort.Strings(got)
	w := append([]string(nil), want...)
	sort.Strings(w)
	if strings.Join(got, ",") != strings.Join(w, ",") || r.Total != len(w) {
		e.t.Errorf("%s = %v (Total %d), want %v", what, got, r.Total, w)
	}
}

// highlight returns a hit's snippet for a field, or "".
func highlight(r *search.Result, id, field string) string {
	for _, h := range r.Hits {
		if h.ID != id {
			continue
		}
		for _, hl := range h.Highlights {
			if hl.Field == field {
				return hl.Snippet
			}
		}
	}
	return ""
}

// corpus is a small knowledge base of telecom articles.
func corpus() []search.Document {
	return []search.Document{
		doc("kb-broadband-fault", "宽带故障排查指南", "家庭宽带无法上网时的排查步骤",
			"当用户反映宽带无法上网时，先确认光猫指示灯状态：若光猫红灯（LOS）闪烁，说明光纤信号中断，需要派单给装维人员；若指示灯正常，请用户重启路由器并检查网线连接。",
			categories("cat-network", "cat-network-broadband"), tags("宽带", "故障"), products("prod-fttr"), updated(1)),
		doc("kb-5g-plan", "5G套餐资费说明", "5G畅享套餐的月费与包含内容",
			"5G畅享套餐月费129元，包含30GB国内通用流量和500分钟国内通话，超出部分按3元/GB计费。办理后次月生效。",
			categories("cat-plans"), tags("5G", "资费"), products("prod-5g-129"), updated(2)),
		doc("kb-mnp", "携号转网办理流程", "携号转网的条件和步骤",
			"用户申请携号转网前需满足：在网时长满120天、无欠费、未签订合约期。发送短信 CXXZ#姓名#证件号码 到10086查询是否具备资格，然后到营业厅办理。",
			categories("cat-service"), tags("携号转网"), updated(3)),
		doc("kb-roaming", "国际漫游资费与开通", "出国前开通国际漫游",
			"出国前请开通国际漫游功能。漫游资费按目的地分为三档，日租包每天25元起，流量用尽后自动限速。",
			categories("cat-plans", "cat-plans-roaming"), tags("漫游"), updated(4)),
		doc("kb-sim", "SIM卡补办", "SIM卡丢失或损坏后的补办方法",
			"SIM卡丢失或损坏时，机主本人携带有效身份证件到营业厅补办，补卡工本费10元，原号码和套餐不变。",
			categories("cat-service"), updated(5)),
		doc("kb-data-card", "流量卡激活说明", "新流量卡的实名与激活",
			"新办理的流量卡需要在收到后30天内完成实名认证并激活，逾期未激活将自动注销。",
			categories("cat-plans"), updated(6)),
		doc("kb-install", "宽带装机预约", "新装宽带的上门安装",
			"新装宽带装机需要提前预约上门时间，装维工程师会携带光猫和路由器到场安装并测速。",
			categories("cat-network", "cat-network-broadband"), updated(7)),
		doc("kb-counter", "营业厅业务须知", "营业厅办理业务的注意事项",
			"到营业厅办理宽带业务请携带身份证原件。营业厅周一至周日9:00-18:00营业，节假日营业时间以门店公告为准。"+
				"办理过户、销户等业务需要机主本人到场。电视机顶盒装机另行预约。",
			categories("cat-service"), updated(8)),
		doc("kb-router-en", "Router reset guide", "Factory reset for the home router",
			"To factory-reset the home router, hold the RESET button for 10 seconds until the lights flash. "+
				"The routers supplied with FTTR plans reconnect automatically.",
			categories("cat-network", "cat-network-broadband"), updated(9)),
		doc("kb-roaming-en", "Roaming charges explained", "How international roaming is billed",
			"International roaming is charged per day. Data roaming charges apply once the daily pass is used up; "+
				"customers can cap their roaming charge in the app.",
			categories("cat-plans", "cat-plans-roaming"), updated(10)),
		doc("kb-bridge", "光猫桥接router设置", "光猫改桥接后由路由器拨号",
			"将光猫改为桥接模式后，由router负责PPPoE拨号上网，适合需要公网IP的用户。",
			categories("cat-network", "cat-network-broadband"), updated(11)),
	}
}

// testPing checks that an open index answers Ping.
func testPing(e *env) {
	if err := e.idx.Ping(e.ctx); err != nil {
		e.t.Fatalf("Ping on an open index: %v", err)
	}
}

// testCount checks Count on a new index, after inserts, upserts of existing IDs and a second stage.
func testCount(e *env) {
	if n := e.count(); n != 0 {
		e.t.Fatalf("Count of a new index = %d, want 0", n)
	}
	docs := corpus()
	e.put(docs...)
	if n := e.count(); n != len(docs) {
		e.t.Errorf("Count = %d, want %d", n, len(docs))
	}
	e.put(docs[:3]...) // upserting again replaces
	if n := e.count(); n != len(docs) {
		e.t.Errorf("Count after upserting existing IDs = %d, want %d", n, len(docs))
	}
	e.put(doc("kb-latest", "SIM卡补办（修订中）", "", "修订中的补卡说明。", func(d *search.Document) {
		d.DocumentID = "kb-sim"
		d.Stage = search.StageLatest
	}))
	if n := e.count(); n != len(docs)+1 {
		e.t.Errorf("Count = %d, want %d", n, len(docs)+1)
	}
}

// testEmptyQuery checks that empty text matches everything that passes the filter, newest first, without highlights.
func testEmptyQuery(e *env) {
	e.put(corpus()...)
	for _, text := range []string{"", "   "} {
		r := e.search(search.Query{Text: text, Limit: 100})
		if r.Total != len(e.docs) || len(r.Hits) != len(e.docs) {
			e.t.Fatalf("Search(%q): Total %d, %d hits, want all %d", text, r.Total, len(r.Hits), len(e.docs))
		}
		for i := 1; i < len(r.Hits); i++ {
			a, b := e.docs[r.Hits[i-1].ID], e.docs[r.Hits[i].ID]
			if a.UpdatedAt.Before(b.UpdatedAt) {
				e.t.Errorf("Search(%q): %s (%v) before the newer %s (%v)", text, a.ID, a.UpdatedAt, b.ID, b.UpdatedAt)
			}
		}
		for _, h := range r.Hits {
			if len(h.Highlights) > 0 {
				e.t.Errorf("Search(%q): hit %s has highlights %v", text, h.ID, h.Highlights)
			}
		}
	}
	r := e.search(search.Query{Filter: search.Filter{Categories: []string{"cat-service"}}})
	if got, want := strings.Join(ids(r), ","), "kb-counter,kb-sim,kb-mnp"; got != want {
		e.t.Errorf("empty query in cat-service = %s, want %s (newest first)", got, want)
	}
}

// testNoMatch checks that text found nowhere gives no hits.
func testNoMatch(e *env) {
	e.put(corpus()...)
	for _, q := range []string{"卫星电话", "zzyzx", `"光猫宽带"`, "xyzzy 卫星"} {
		if r := e.find(q); r.Total != 0 || len(r.Hits) != 0 {
			e.t.Errorf("Search(%q) = %v (Total %d), want nothing", q, ids(r), r.Total)
		}
	}
}

// testDocumentID checks that both entries of a knowledge document carry its DocumentID.
func testDocumentID(e *env) {
	e.put(
		doc("42", "携号转网办理流程", "", "携号转网需要在网满120天。", updated(1)),
		doc("42:latest", "携号转网办理流程（修订）", "", "携号转网需要在网满90天。", updated(2), func(d *search.Document) {
			d.DocumentID = "42"
			d.Stage = search.StageLatest
		}),
	)
	r := e.find("携号转网")
	e.wantSet("Search(携号转网)", r, "42", "42:latest")
	for _, h := range r.Hits {
		if h.DocumentID != "42" {
			e.t.Errorf("hit %s: DocumentID %q, want 42", h.ID, h.DocumentID)
		}
	}
	r = e.search(search.Query{Text: "携号转网", Filter: search.Filter{Stages: []string{search.StageLatest}}})
	e.wantSet("Search(携号转网, LATEST)", r, "42:latest")
}

// testTitleAboveBody checks that a title match ranks above a body-only match, even an older one.
func testTitleAboveBody(e *env) {
	e.put(
		doc("title-zh", "光猫红灯处理", "",
			"请按照以下步骤操作：检查光纤接头是否松动，必要时更换尾纤，然后观察指示灯。", updated(1)),
		doc("body-zh", "家庭网络常见问题", "",
			"如果光猫红灯亮起，说明光信号异常，请联系客服报修。光猫一般安装在弱电箱内，红灯常亮时不要反复重启。", updated(5)),
		doc("title-en", "Router reset", "",
			"Hold the button on the back for ten seconds and wait for the lights.", updated(1)),
		doc("body-en", "Home network FAQ", "",
			"If the router does not respond, a router reset usually helps; the reset button is on the back.", updated(5)),
	)
	for _, c := range []struct{ q, hi, lo string }{
		{"光猫红灯", "title-zh", "body-zh"},
		{"光猫", "title-zh", "body-zh"},
		{"router reset", "title-en", "body-en"},
	} {
		r := e.find(c.q)
		e.wantHit(c.q, r, c.lo)
		e.wantAbove(c.q, r, c.hi, c.lo)
	}
}

// testMoreTermsHigher checks that documents matching more of the query words rank higher.
func testMoreTermsHigher(e *env) {
	e.put(
		doc("all-zh", "出国须知", "", "国际漫游资费：出国前开通国际漫游后，日租包每天25元。", updated(1)),
		doc("one-zh", "服务介绍", "", "国际漫游服务覆盖全球200多个国家和地区。", updated(5)),
		doc("two-zh", "套餐说明", "", "国际漫游资费按目的地分档计费。", updated(4)),
		doc("other-zh", "资费标准", "", "5G套餐资费每月129元。", updated(6)),
		doc("all-en", "Travel tips", "", "Roaming charges apply abroad when data roaming is on.", updated(1)),
		doc("one-en", "Coverage", "", "Roaming is available in 180 countries.", updated(5)),
	)
	r := e.find("漫游 资费 开通")
	e.wantFirst("漫游 资费 开通", r, "all-zh")
	e.wantAbove("漫游 资费 开通", r, "two-zh", "one-zh")
	e.wantHit("漫游 资费 开通", r, "one-zh")
	e.wantHit("漫游 资费 开通", r, "other-zh")
	r = e.find("roaming charges abroad")
	e.wantFirst("roaming charges abroad", r, "all-en")
	e.wantHit("roaming charges abroad", r, "one-en")
}

// testChineseOneChar checks one-character Chinese queries (卡 finds 流量卡 and SIM卡).
func testChineseOneChar(e *env) {
	e.put(corpus()...)
	r := e.find("卡")
	e.wantHit("卡", r, "kb-sim")
	e.wantHit("卡", r, "kb-data-card")
	for _, id := range []string{"kb-5g-plan", "kb-roaming", "kb-router-en", "kb-install"} {
		e.wantNoHit("卡", r, id)
	}
	r = e.find("猫")
	e.wantHit("猫", r, "kb-broadband-fault")
	e.wantHit("猫", r, "kb-bridge")
	e.wantNoHit("猫", r, "kb-sim")
}

// testChineseTwoChars checks two-character Chinese words.
func testChineseTwoChars(e *env) {
	e.put(corpus()...)
	r := e.find("宽带")
	for _, id := range []string{"kb-broadband-fault", "kb-install", "kb-counter"} {
		e.wantHit("宽带", r, id)
	}
	for _, id := range []string{"kb-5g-plan", "kb-sim", "kb-roaming", "kb-router-en"} {
		e.wantNoHit("宽带", r, id)
	}
	// Title matches come first.
	if len(r.Hits) > 0 && r.Hits[0].ID != "kb-broadband-fault" && r.Hits[0].ID != "kb-install" {
		e.t.Errorf("Search(宽带) = %v, want a document titled 宽带… first", ids(r))
	}
	r = e.find("补办")
	e.wantFirst("补办", r, "kb-sim")
	r = e.find("漫游")
	e.wantHit("漫游", r, "kb-roaming")
	e.wantNoHit("漫游", r, "kb-roaming-en")
}

// testChineseSeveralWords checks Chinese queries of several words, with and without spaces.
func testChineseSeveralWords(e *env) {
	e.put(corpus()...)
	r := e.find("宽带 故障")
	e.wantFirst("宽带 故障", r, "kb-broadband-fault")
	e.wantHit("宽带 故障", r, "kb-install")
	e.wantNoHit("宽带 故障", r, "kb-5g-plan")
	r = e.find("宽带故障 光猫")
	e.wantFirst("宽带故障 光猫", r, "kb-broadband-fault")
	e.wantAbove("宽带故障 光猫", r, "kb-broadband-fault", "kb-bridge")
	e.wantNoHit("宽带故障 光猫", r, "kb-sim")
	r = e.find("携号转网 条件")
	e.wantFirst("携号转网 条件", r, "kb-mnp")
	r = e.find("国际漫游资费")
	e.wantFirst("国际漫游资费", r, "kb-roaming")
	r = e.find("光猫红灯怎么办")
	e.wantFirst("光猫红灯怎么办", r, "kb-broadband-fault")
}

// testChinesePhrase checks quoted Chinese phrases: the words must be adjacent.
func testChinesePhrase(e *env) {
	e.put(corpus()...)
	for _, q := range []string{`"宽带装机"`, `“宽带装机”`} {
		r := e.find(q)
		e.wantHit(q, r, "kb-install")
		e.wantNoHit(q, r, "kb-counter") // 宽带 … 装机 far apart
		e.wantNoHit(q, r, "kb-broadband-fault")
	}
	// Without quotes both words may match anywhere, the exact sequence first.
	r := e.find("宽带装机")
	e.wantFirst("宽带装机", r, "kb-install")
	e.wantAbove("宽带装机", r, "kb-install", "kb-counter")
	// A phrase and a word together: the phrase is required.
	r = e.find(`"国际漫游" 日租包`)
	e.wantFirst(`"国际漫游" 日租包`, r, "kb-roaming")
	e.wantNoHit(`"国际漫游" 日租包`, r, "kb-5g-plan")
	r = e.find(`"SIM卡"`)
	e.wantFirst(`"SIM卡"`, r, "kb-sim")
	e.wantNoHit(`"SIM卡"`, r, "kb-data-card")
}

// testChineseCrossWordPair checks that two characters meeting across a word boundary do not outrank the real word.
func testChineseCrossWordPair(e *env) {
	// 话费 is a word in the first document; in the second the same two characters only meet
	// across 通话|费用. 费用 likewise in 漫游费用 and 免费|用户. The real word must not rank
	// below the accidental pair, even though the pair's document is newer and much shorter
	// (a plain bigram index ranks it first).
	e.put(
		doc("word-huafei", "余额提醒", "",
			"发送短信CXYE到10086可以查询话费余额和本月已用流量，也可以在掌上营业厅首页查看实时账单与套餐使用情况。", updated(1)),
		doc("pair-huafei", "计费标准", "", "国际通话费用另计。", updated(9)),
		doc("word-feiyong", "漫游说明", "",
			"出境后漫游费用按天收取，当天未使用数据流量则不收取，回国后请及时关闭国际漫游功能以免产生额外支出。", updated(1)),
		doc("pair-feiyong", "新人活动", "", "免费用户赠送流量。", updated(9)),
	)
	for _, c := range []struct{ q, word, pair string }{
		{"话费", "word-huafei", "pair-huafei"},
		{"费用", "word-feiyong", "pair-feiyong"},
	} {
		r := e.find(c.q)
		e.wantAbove(c.q, r, c.word, c.pair)
	}
}

func englishDocs() []search.Document {
	return []search.Document{
		doc("en-restart", "How to restart your router", "",
			"Unplug the router for 30 seconds, then plug it back in and wait for the WAN light.", updated(1)),
		doc("en-fttr", "Routers supplied with FTTR", "",
			"All FTTR plans include two mesh routers; extra units can be ordered.", updated(2)),
		doc("en-charges", "Roaming charges", "",
			"A daily charge applies abroad; charges are capped at 25 per day.", updated(3)),
		doc("en-reset", "Resetting the ONT", "",
			"Resetting the optical network terminal clears the PPPoE settings.", updated(4)),
		doc("en-bill", "Reading your bill", "", "The bill lists calls, SMS and data usage by day.", updated(5)),
	}
}

// testEnglishStemming checks that singular and plural (and other inflections) find each other.
func testEnglishStemming(e *env) {
	e.put(englishDocs()...)
	for _, q := range []string{"router", "routers"} {
		r := e.find(q)
		e.wantHit(q, r, "en-restart")
		e.wantHit(q, r, "en-fttr")
		e.wantNoHit(q, r, "en-bill")
	}
	for _, q := range []string{"charge", "charges"} {
		r := e.find(q)
		e.wantFirst(q, r, "en-charges")
		e.wantNoHit(q, r, "en-bill")
	}
	r := e.find("reset")
	e.wantHit("reset", r, "en-reset")
}

// testEnglishCase checks that English matching ignores case.
func testEnglishCase(e *env) {
	e.put(englishDocs()...)
	e.put(doc("en-upper", "FTTR ROUTER LED STATES", "", "GREEN: ONLINE. RED: NO SIGNAL.", updated(6)))
	for _, q := range []string{"ROUTER", "Router", "rOuTeR"} {
		r := e.find(q)
		e.wantHit(q, r, "en-restart")
		e.wantHit(q, r, "en-upper")
	}
	r := e.find("fttr")
	e.wantHit("fttr", r, "en-fttr")
	e.wantHit("fttr", r, "en-upper")
}

// testEnglishPhrase checks quoted English phrases and the bonus for adjacent words.
func testEnglishPhrase(e *env) {
	e.put(englishDocs()...)
	e.put(doc("en-far", "Network notes", "",
		"The reset of the configuration is described below. Each router keeps its own log.", updated(9)))
	e.put(doc("en-near", "Quick fixes", "", "A router reset fixes most connection drops.", updated(1)))
	r := e.find(`"router reset"`)
	e.wantHit(`"router reset"`, r, "en-near")
	e.wantNoHit(`"router reset"`, r, "en-far")
	r = e.find("router reset")
	e.wantAbove("router reset", r, "en-near", "en-far")
}

// testMixed checks queries mixing Chinese and English or digits.
func testMixed(e *env) {
	e.put(corpus()...)
	r := e.find("5G套餐")
	e.wantFirst("5G套餐", r, "kb-5g-plan")
	r = e.find("SIM卡 补办")
	e.wantFirst("SIM卡 补办", r, "kb-sim")
	r = e.find("光猫 router")
	e.wantFirst("光猫 router", r, "kb-bridge")
	r = e.find("sim")
	e.wantHit("sim", r, "kb-sim")
	r = e.find("FTTR 宽带")
	e.wantHit("FTTR 宽带", r, "kb-broadband-fault")
	e.wantHit("FTTR 宽带", r, "kb-router-en")
	r = e.find("roaming 漫游")
	e.wantHit("roaming 漫游", r, "kb-roaming")
	e.wantHit("roaming 漫游", r, "kb-roaming-en")
}

// testHighlightTitle checks title snippets: the whole title, the matched words marked.
func testHighlightTitle(e *env) {
	e.put(corpus()...)
	r := e.find("宽带故障")
	s := highlight(r, "kb-broadband-fault", "title")
	if s == "" {
		e.t.Fatalf("Search(宽带故障): no title highlight on kb-broadband-fault: %+v", r.Hits)
	}
	if got := strings.Join(marked(s), ""); got != "宽带故障" {
		e.t.Errorf("title snippet %q marks %q, want 宽带故障", s, got)
	}
	if plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(s); plain != "宽带故障排查指南" {
		e.t.Errorf("title snippet %q, want the whole title", s)
	}
	r = e.find("卡")
	s = highlight(r, "kb-sim", "title")
	if got := marked(s); len(got) != 1 || got[0] != "卡" {
		e.t.Errorf("Search(卡): kb-sim title snippet %q, want 卡 marked once", s)
	}
}

// testHighlightBody checks body snippets: only matches marked, long bodies cut around the match.
func testHighlightBody(e *env) {
	e.put(corpus()...)
	r := e.find("光猫")
	s := highlight(r, "kb-broadband-fault", "body")
	if s == "" {
		e.t.Fatalf("Search(光猫): no body highlight on kb-broadband-fault: %+v", r.Hits)
	}
	for _, m := range marked(s) {
		if m != "光猫" {
			e.t.Errorf("body snippet %q marks %q, want only 光猫", s, m)
		}
	}
	if len(marked(s)) < 2 {
		e.t.Errorf("body snippet %q, want both 光猫 marked", s)
	}
	// A long body is cut around the match.
	long := strings.Repeat("营业厅周一至周日正常营业，节假日营业时间以门店公告为准。", 30) +
		"若需办理携号转网，请先发送短信查询资格。" + strings.Repeat("更多业务请咨询客服热线。", 30)
	e.put(doc("kb-long", "营业厅公告", "", long, updated(20)))
	r = e.find("携号转网")
	s = highlight(r, "kb-long", "body")
	if s == "" || !strings.Contains(strings.Join(marked(s), ""), "携号转网") {
		e.t.Fatalf("Search(携号转网): kb-long body snippet %q, want 携号转网 marked", s)
	}
	if n := len([]rune(s)); n > 400 {
		e.t.Errorf("kb-long body snippet is %d characters, want a short excerpt: %q", n, s)
	}
}

// testHighlightAttachments checks snippets of attachment text.
func testHighlightAttachments(e *env) {
	e.put(doc("kb-ont", "光猫型号对照表", "", "常见光猫型号与默认管理地址。",
		attachments("附件1：华为HG8145V5用户手册。默认管理地址192.168.100.1，默认账号telecomadmin。\n附件2：中兴F650光猫恢复出厂设置步骤。"),
		updated(1)))
	r := e.find("HG8145V5")
	s := highlight(r, "kb-ont", "attachments")
	if s == "" {
		e.t.Fatalf("Search(HG8145V5): no attachments highlight: %+v", r.Hits)
	}
	if got := marked(s); len(got) == 0 || !strings.EqualFold(got[0], "HG8145V5") {
		e.t.Errorf("attachments snippet %q marks %q, want HG8145V5", s, got)
	}
	r = e.find("恢复出厂设置")
	e.wantFirst("恢复出厂设置", r, "kb-ont")
	if s := highlight(r, "kb-ont", "attachments"); !strings.Contains(strings.Join(marked(s), ""), "恢复出厂") {
		e.t.Errorf("Search(恢复出厂设置): attachments snippet %q, want the words marked", s)
	}
}

// testHighlightEnglish checks that English snippets mark inflected forms as written.
func testHighlightEnglish(e *env) {
	e.put(englishDocs()...)
	r := e.find("routers")
	s := highlight(r, "en-restart", "body")
	if s == "" {
		e.t.Fatalf("Search(routers): no body highlight on en-restart: %+v", r.Hits)
	}
	for _, m := range marked(s) {
		if !strings.HasPrefix(strings.ToLower(m), "router") {
			e.t.Errorf("Search(routers): en-restart snippet %q marks %q", s, m)
		}
	}
	s = highlight(r, "en-restart", "title")
	if got := marked(s); len(got) != 1 || got[0] != "router" {
		e.t.Errorf("Search(routers): en-restart title snippet %q, want router marked", s)
	}
	r = e.find("ROUTER")
	s = highlight(r, "en-fttr", "title")
	if got := marked(s); len(got) != 1 || !strings.HasPrefix(got[0], "Router") {
		e.t.Errorf("Search(ROUTER): en-fttr title snippet %q, want Routers marked as written", s)
	}
}

// testHighlightEscaping checks that snippets escape HTML around the marks.
func testHighlightEscaping(e *env) {
	e.put(doc("kb-html", "光猫管理页面 <登录> & 配置", "",
		"配置示例：<script>alert(1)</script> 在浏览器输入 192.168.1.1 & 登录光猫管理页面，用户名为 \"useradmin\"。",
		updated(1)))
	r := e.find("光猫")
	for _, field := range []string{"title", "body"} {
		s := highlight(r, "kb-html", field)
		if s == "" {
			e.t.Fatalf("Search(光猫): no %s highlight on kb-html: %+v", field, r.Hits)
		}
		if strings.Contains(s, "<script") || strings.Contains(s, "<登录>") {
			e.t.Errorf("%s snippet %q is not escaped", field, s)
		}
		if !strings.Contains(s, "&amp;") || !strings.Contains(s, "&lt;") {
			e.t.Errorf("%s snippet %q, want & and < escaped", field, s)
		}
		if !strings.Contains(s, "<mark>光猫</mark>") {
			e.t.Errorf("%s snippet %q, want <mark>光猫</mark>", field, s)
		}
	}
}

func filterDocs() []search.Document {
	return []search.Document{
		doc("f1", "宽带报障受理", "", "受理宽带报障时记录光猫状态，统一办理派单。",
			categories("c-net", "c-net-bb"), tags("宽带"), products("p-fttr"), updated(1)),
		doc("f2", "宽带提速办理（修订）", "", "宽带提速到300M需要更换光猫，办理后即时生效。",
			categories("c-net", "c-net-bb"), tags("宽带", "光猫"), products("p-fttr", "p-300m"), updated(2),
			func(d *search.Document) {
				d.Stage = search.StageLatest
				d.Audience = "PUBLIC"
				d.Status = "IN_REVIEW"
			}),
		doc("f3", "WiFi组网办理", "", "全屋WiFi组网可办理Mesh套装，装维上门调测。",
			categories("c-net", "c-net-wifi"), tags("WiFi"), products("p-mesh"), updated(3),
			func(d *search.Document) { d.Audience = "PARTNER" }),
		doc("f4", "老套餐资费（已下线）", "", "该套餐已停止办理，仅供查询历史资费。",
			categories("c-plans"), tags("资费"), products("p-5g"), updated(4),
			func(d *search.Document) {
				d.Audience = "PUBLIC"
				d.Status = "ARCHIVED"
			}),
		doc("f5", "国际漫游包办理（草稿）", "", "漫游包可在出境前办理，按天计费。",
			categories("c-plans", "c-plans-roam"), tags("漫游", "资费"), products("p-roam"), updated(5),
			func(d *search.Document) {
				d.Stage = search.StageLatest
				d.Status = "DRAFT"
			}),
	}
}

// testFilters checks every filter field, OR within a field and AND across fields, with and without text.
func testFilters(e *env) {
	e.put(filterDocs()...)
	for _, c := range []struct {
		name string
		f    search.Filter
		want []string
	}{
		{"no filter", search.Filter{}, []string{"f1", "f2", "f3", "f4", "f5"}},
		{"stage", search.Filter{Stages: []string{search.StageLatest}}, []string{"f2", "f5"}},
		{"parent category", search.Filter{Categories: []string{"c-net"}}, []string{"f1", "f2", "f3"}},
		{"leaf category", search.Filter{Categories: []string{"c-net-bb"}}, []string{"f1", "f2"}},
		{"categories OR", search.Filter{Categories: []string{"c-net-wifi", "c-plans-roam"}}, []string{"f3", "f5"}},
		{"unknown category", search.Filter{Categories: []string{"c-none"}}, nil},
		{"audiences OR", search.Filter{Audiences: []string{"PUBLIC", "PARTNER"}}, []string{"f2", "f3", "f4"}},
		{"status", search.Filter{Statuses: []string{"PUBLISHED"}}, []string{"f1", "f3"}},
		{"tag", search.Filter{Tags: []string{"资费"}}, []string{"f4", "f5"}},
		{"tags OR", search.Filter{Tags: []string{"光猫", "WiFi"}}, []string{"f2", "f3"}},
		{"product", search.Filter{Products: []string{"p-fttr"}}, []string{"f1", "f2"}},
		{"products OR", search.Filter{Products: []string{"p-300m", "p-roam"}}, []string{"f2", "f5"}},
		{"category AND audience", search.Filter{Categories: []string{"c-net"}, Audiences: []string{"PUBLIC"}}, []string{"f2"}},
		{"stage AND tag", search.Filter{Stages: []string{search.StagePublished}, Tags: []string{"资费"}}, []string{"f4"}},
		{"category AND status", search.Filter{Categories: []string{"c-plans"}, Statuses: []string{"PUBLISHED"}}, nil},
		{"all fields", search.Filter{
			Stages: []string{search.StagePublished, search.StageLatest}, Categories: []string{"c-net"},
			Audiences: []string{"INTERNAL", "PUBLIC"}, Statuses: []string{"PUBLISHED", "IN_REVIEW"},
			Tags: []string{"宽带"}, Products: []string{"p-fttr"},
		}, []string{"f1", "f2"}},
	} {
		for _, text := range []string{"", "办理"} {
			r := e.search(search.Query{Text: text, Filter: c.f, Limit: 50})
			e.wantSet(fmt.Sprintf("%s, text %q", c.name, text), r, c.want...)
		}
	}
	// Text and filter together narrow both ways.
	r := e.search(search.Query{Text: "光猫", Filter: search.Filter{Stages: []string{search.StagePublished}}})
	e.wantSet("光猫 in PUBLISHED", r, "f1")
	// Tags are weakly searchable as text too.
	r = e.find("WiFi")
	e.wantHit("WiFi", r, "f3")
}

// testFacets checks category counts over all matches (parents count their subtree).
func testFacets(e *env) {
	e.put(filterDocs()...)
	check := func(what string, got []search.FacetCount, want map[string]int) {
		e.t.Helper()
		m := map[string]int{}
		for i, f := range got {
			m[f.Category] = f.Count
			if i > 0 && got[i-1].Count < f.Count {
				e.t.Errorf("%s: facets not sorted by count: %v", what, got)
			}
		}
		if fmt.Sprint(m) != fmt.Sprint(want) {
			e.t.Errorf("%s: facets %v, want %v", what, got, want)
		}
	}
	r := e.search(search.Query{Text: "办理", Facets: true})
	check("办理", r.Facets, map[string]int{"c-net": 3, "c-net-bb": 2, "c-net-wifi": 1, "c-plans": 2, "c-plans-roam": 1})
	r = e.search(search.Query{Text: "宽带", Facets: true})
	check("宽带", r.Facets, map[string]int{"c-net": 2, "c-net-bb": 2})
	r = e.search(search.Query{Facets: true, Filter: search.Filter{Audiences: []string{"PUBLIC"}}})
	check("PUBLIC", r.Facets, map[string]int{"c-net": 1, "c-net-bb": 1, "c-plans": 1})
	// Facets count every match, not only the page.
	r = e.search(search.Query{Text: "办理", Facets: true, Limit: 1})
	check("办理 limit 1", r.Facets, map[string]int{"c-net": 3, "c-net-bb": 2, "c-net-wifi": 1, "c-plans": 2, "c-plans-roam": 1})
	r = e.search(search.Query{Text: "办理"})
	if len(r.Facets) != 0 {
		e.t.Errorf("facets without Query.Facets: %v", r.Facets)
	}
}

// pageDocs returns n entries with the same text; UpdatedAt repeats in groups of three so
// that the ID decides within a group. They are returned in a scrambled order.
func pageDocs(n int) ([]search.Document, []string) {
	docs := make([]search.Document, n)
	for i := range docs {
		id := fmt.Sprintf("pg-%02d", (i*7)%n)
		docs[i] = doc(id, "套餐变更说明", "", "套餐变更次月生效，当月只能变更一次。", func(d *search.Document) {
			d.UpdatedAt = at(((i * 7) % n) / 3)
		})
	}
	sorted := append([]search.Document(nil), docs...)
	sort.Slice(sorted, func(i, j int) bool {
		a, b := sorted[i], sorted[j]
		if !a.UpdatedAt.Equal(b.UpdatedAt) {
			return a.UpdatedAt.After(b.UpdatedAt)
		}
		return a.ID < b.ID
	})
	want := make([]string, n)
	for i, d := range sorted {
		want[i] = d.ID
	}
	return docs, want
}

// paginate reads every page of q and checks Total, gaps, duplicates and order.
func (e *env) paginate(text string, n, pageSize int, want []string) {
	e.t.Helper()
	var got []string
	for off := 0; off < n+pageSize; off += pageSize {
		r := e.search(search.Query{Text: text, Offset: off, Limit: pageSize})
		if r.Total != n {
			e.t.Fatalf("Search(%q, offset %d): Total %d, want %d", text, off, r.Total, n)
		}
		wantLen := min(pageSize, max(n-off, 0))
		if len(r.Hits) != wantLen {
			e.t.Fatalf("Search(%q, offset %d): %d hits, want %d", text, off, len(r.Hits), wantLen)
		}
		got = append(got, ids(r)...)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		e.t.Errorf("Search(%q) pages:\n got  %v\n want %v (UpdatedAt desc, then ID)", text, got, want)
	}
}

// testPagination checks pages of equal-score hits: Total, no gaps or duplicates, UpdatedAt desc then ID.
func testPagination(e *env) {
	const n = 25
	docs, want := pageDocs(n)
	e.put(docs...)
	e.put(doc("other", "国际漫游", "", "漫游资费按天计费。", updated(100)))
	e.paginate("套餐变更", n, 10, want)
	e.paginate("套餐变更", n, 7, want)
	// Equal scores: the order is the same for every page size.
	r := e.search(search.Query{Text: "套餐变更", Limit: n})
	for i := 1; i < len(r.Hits); i++ {
		if r.Hits[i].Score > r.Hits[i-1].Score {
			e.t.Errorf("scores not descending at %d: %v", i, r.Hits)
		}
	}
}

// testPaginationEmptyQuery checks pages of the empty query and an offset past the end.
func testPaginationEmptyQuery(e *env) {
	const n = 25
	docs, want := pageDocs(n)
	e.put(docs...)
	e.paginate("", n, 10, want)
	r := e.search(search.Query{Offset: 100, Limit: 10})
	if r.Total != n || len(r.Hits) != 0 {
		e.t.Errorf("offset past the end: Total %d, %d hits; want %d, 0", r.Total, len(r.Hits), n)
	}
}

// testDefaultLimit checks that Limit 0 means 20 hits.
func testDefaultLimit(e *env) {
	docs, _ := pageDocs(25)
	e.put(docs...)
	r := e.search(search.Query{Text: "套餐"})
	if len(r.Hits) != 20 || r.Total != 25 {
		e.t.Errorf("Limit 0: %d hits, Total %d; want 20, 25", len(r.Hits), r.Total)
	}
}

// testUpdate checks that an upsert replaces the text and the filter fields of an entry.
func testUpdate(e *env) {
	e.put(corpus()...)
	e.put(doc("u1", "SIM卡补办流程（旧）", "", "补办SIM卡需要本人携带身份证到营业厅。",
		categories("cat-service"), tags("补卡"), updated(1)))
	r := e.find("补办")
	e.wantHit("补办", r, "u1")

	e.put(doc("u1", "携号转网常见问题", "", "携号转网后原号码的积分清零，话费余额可退回。",
		categories("cat-plans"), tags("携号转网"), updated(2), func(d *search.Document) {
			d.Stage = search.StageLatest
		}))
	r = e.find("补办")
	e.wantNoHit("补办", r, "u1")
	e.wantHit("补办", r, "kb-sim")
	r = e.find("携号转网")
	e.wantHit("携号转网", r, "u1")
	r = e.search(search.Query{Filter: search.Filter{Tags: []string{"补卡"}}})
	e.wantSet("tag 补卡 after update", r)
	r = e.search(search.Query{Filter: search.Filter{Categories: []string{"cat-service"}, Stages: []string{search.StageLatest}}})
	e.wantSet("old category after update", r)
	r = e.search(search.Query{Filter: search.Filter{Categories: []string{"cat-plans"}, Stages: []string{search.StageLatest}}})
	e.wantSet("new category after update", r, "u1")
	if n := e.count(); n != len(corpus())+1 {
		e.t.Errorf("Count = %d, want %d", n, len(corpus())+1)
	}
}

// testDelete checks that deleted entries disappear from searches, counts and facets.
func testDelete(e *env) {
	e.put(corpus()...)
	e.del("kb-sim", "kb-data-card")
	r := e.find("卡")
	e.wantNoHit("卡", r, "kb-sim")
	e.wantNoHit("卡", r, "kb-data-card")
	if n := e.count(); n != len(corpus())-2 {
		e.t.Errorf("Count = %d, want %d", n, len(corpus())-2)
	}
	e.del("no-such-id")
	e.del()
	r = e.search(search.Query{Facets: true, Filter: search.Filter{Categories: []string{"cat-service"}}})
	e.wantSet("cat-service after delete", r, "kb-mnp", "kb-counter")
	e.put(doc("kb-sim", "SIM卡补办", "", "补卡请到营业厅。", updated(30)))
	r = e.find("卡")
	e.wantHit("卡", r, "kb-sim")
}

// testDeleteAll checks that DeleteAll empties the index and that it can be filled again.
func testDeleteAll(e *env) {
	e.put(corpus()...)
	if err := e.idx.DeleteAll(e.ctx); err != nil {
		e.t.Fatalf("DeleteAll: %v", err)
	}
	e.docs = map[string]search.Document{}
	if n := e.count(); n != 0 {
		e.t.Errorf("Count after DeleteAll = %d", n)
	}
	if r := e.search(search.Query{}); r.Total != 0 || len(r.Hits) != 0 {
		e.t.Errorf("empty query after DeleteAll: %v", ids(r))
	}
	if r := e.find("宽带"); r.Total != 0 {
		e.t.Errorf("Search(宽带) after DeleteAll: %v", ids(r))
	}
	e.put(corpus()[:2]...)
	if n := e.count(); n != 2 {
		e.t.Errorf("Count after DeleteAll and 2 upserts = %d", n)
	}
	r := e.find("宽带")
	e.wantSet("Search(宽带) after refill", r, "kb-broadband-fault")
}
