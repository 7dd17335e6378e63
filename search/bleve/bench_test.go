package bleve

import (
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/search"
)

// BenchmarkBleve indexes a synthetic knowledge base on disk and measures indexing
// throughput, the size on disk, and search latency over a mix of one-character,
// two-character, several-word, English and quoted-phrase queries (some with filters and
// facets). Run it once:
//
//	C360_BENCH_DOCS=20000 go test -run '^$' -bench BenchmarkBleve -benchtime 1x ./search/bleve/
//
// C360_BENCH_DOCS sets the number of documents (default 100000, or 20000 with -short).
func BenchmarkBleve(b *testing.B) {
	n := 100000
	if testing.Short() {
		n = 20000
	}
	if v := os.Getenv("C360_BENCH_DOCS"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n <= 0 {
			b.Fatalf("C360_BENCH_DOCS=%q: want a positive number", v)
		}
	}
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "knowledge.bleve")

	b.StopTimer()
	idx, err := Open(path) // loads the dictionary outside the measured time
	if err != nil {
		b.Fatal(err)
	}
	gen := newGenerator(1)
	const batch = 1000
	var textBytes int64
	start := time.Now()
	docs := make([]search.Document, 0, batch)
	for i := 0; i < n; i++ {
		d := gen.doc(i)
		textBytes += int64(len(d.Title) + len(d.Summary) + len(d.Body) + len(d.Attachments))
		docs = append(docs, d)
		if len(docs) == batch || i == n-1 {
			if err := idx.Upsert(ctx, docs...); err != nil {
				b.Fatal(err)
			}
			docs = docs[:0]
		}
	}
	indexing := time.Since(start)
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	if err := idx.Close(); err != nil {
		b.Fatal(err)
	}
	size := dirSize(b, path)

	start = time.Now()
	idx, err = Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer idx.Close()
	reopen := time.Since(start)
	if c, err := idx.Count(ctx); err != nil || c != n {
		b.Fatalf("Count = %d, %v; want %d", c, err, n)
	}

	queries := benchQueries()
	lat := map[string][]time.Duration{}
	var all []time.Duration
	hits, runs := 0, 0
	b.StartTimer()
	for it := 0; it < b.N; it++ {
		for round := 0; round < 10; round++ {
			for _, q := range queries {
				t0 := time.Now()
				r, err := idx.Search(ctx, q.Query)
				d := time.Since(t0)
				if err != nil {
					b.Fatal(err)
				}
				lat[q.class] = append(lat[q.class], d)
				all = append(all, d)
				runs++
				if r.Total > 0 {
					hits++
				}
			}
		}
	}
	b.StopTimer()
	if hits < runs*3/4 {
		b.Errorf("only %d of %d queries found anything", hits, runs)
	}
	pct := func(ds []time.Duration, p float64) float64 {
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(float64(n), "docs")
	b.ReportMetric(float64(n)/indexing.Seconds(), "docs/s")
	b.ReportMetric(float64(textBytes)/1e6/indexing.Seconds(), "textMB/s")
	b.ReportMetric(float64(size)/1e6, "diskMB")
	b.ReportMetric(float64(ms.HeapInuse)/1e6, "heapMB")
	b.ReportMetric(pct(all, 0.50), "p50-ms")
	b.ReportMetric(pct(all, 0.99), "p99-ms")
	classes := make([]string, 0, len(lat))
	for c := range lat {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		b.Logf("%-8s p50 %6.2f ms  p99 %6.2f ms  (%d searches)", c, pct(lat[c], 0.5), pct(lat[c], 0.99), len(lat[c]))
	}
	b.Logf("%d docs (%.0f MB of text) indexed in %s, reopened in %s; %d searches",
		n, float64(textBytes)/1e6, indexing.Round(time.Millisecond), reopen.Round(time.Millisecond), runs)
}

// benchQuery is one query of the mix and its class in the report.
type benchQuery struct {
	class string
	search.Query
}

// benchQueries is the query mix; a third of the queries have a filter, a third facets.
func benchQueries() []benchQuery {
	classes := []struct {
		class string
		texts []string
	}{
		{"1-char", []string{"卡", "猫", "费", "网"}},
		{"2-char", []string{"宽带", "漫游", "资费", "套餐", "光猫", "补卡"}},
		{"words", []string{"宽带 故障", "宽带故障 光猫", "国际漫游 资费 开通", "5G套餐 流量", "携号转网 条件", "光猫红灯怎么办"}},
		{"phrase", []string{`"宽带装机"`, `"国际漫游"`, `"router reset"`, `"实名认证"`}},
		{"english", []string{"router", "routers reset", "roaming charges", "SIM卡 补卡", "FTTR 组网"}},
	}
	var out []benchQuery
	i := 0
	for _, c := range classes {
		for _, t := range c.texts {
			q := search.Query{Text: t, Limit: 20}
			switch i % 3 {
			case 1:
				q.Filter = search.Filter{Stages: []string{search.StagePublished}, Audiences: []string{"INTERNAL", "PUBLIC"}}
			case 2:
				q.Facets = true
				q.Filter = search.Filter{Categories: []string{"c-1"}}
			}
			out = append(out, benchQuery{c.class, q})
			i++
		}
	}
	out = append(out,
		benchQuery{"empty", search.Query{Limit: 20}},
		benchQuery{"empty", search.Query{Limit: 20, Offset: 200, Facets: true, Filter: search.Filter{Tags: []string{"宽带"}}}})
	return out
}

func dirSize(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// generator makes deterministic, realistic telecom knowledge documents: mostly Chinese,
// some mixed with English terms, some English. Each document is about one main topic of one
// domain, mentions a few related topics and now and then one from elsewhere, like a real
// knowledge base article.
type generator struct {
	seed uint64
}

func newGenerator(seed uint64) *generator { return &generator{seed: seed} }

// domains are groups of related topics; a document's category follows its domain.
var domains = [][]string{
	{"宽带", "光猫", "路由器", "宽带装机", "故障报修", "网络测速", "千兆提速", "宽带续费", "光纤", "网线", "拨号上网", "IP地址"},
	{"5G套餐", "流量包", "语音包", "套餐变更", "副卡", "合约机", "融合套餐", "畅享套餐", "定向流量", "限速"},
	{"国际漫游", "漫游资费", "日租包", "出境", "国际长途", "港澳台", "境外流量", "漫游开通"},
	{"SIM卡", "补卡", "实名认证", "携号转网", "销户", "过户", "停机保号", "eSIM", "号码靓号", "流量卡"},
	{"话费", "月度账单", "电子发票", "欠费停机", "复机", "充值", "缴费", "余额查询", "积分兑换", "预存款"},
	{"IPTV", "机顶盒", "彩铃", "云盘", "来电显示", "5G消息", "VoLTE", "视频会员", "家庭安防"},
	{"政企专线", "物联网卡", "云专网", "IDC机房", "企业宽带", "对公账户", "集团短号"},
	{"WiFi组网", "FTTR", "Mesh路由", "信号覆盖", "无线中继", "频段设置"},
}

var (
	zhActions = []string{"办理", "查询", "开通", "取消", "变更", "排查", "重启", "检查", "预约", "受理", "退订", "升级", "申请", "核实"}
	zhWho     = []string{"用户", "机主本人", "客户经理", "装维工程师", "营业员", "政企客户", "老年用户", "新入网用户", "代办人"}
	zhWhere   = []string{"营业厅", "掌上营业厅", "客服热线10000", "短信营业厅", "官方App", "线上渠道", "社区服务点"}
	zhStates  = []string{"红灯闪烁", "无法上网", "信号弱", "频繁掉线", "速率不达标", "无法注册网络", "显示无服务", "提示欠费", "无法接通"}
	zhNotes   = []string{
		"办理后次月生效", "需要携带有效身份证件", "每月限办理一次", "费用从话费余额中扣除", "合约期内不可降档",
		"超出部分按标准资费计费", "按目的地分档收费", "在网时长须满120天", "请先结清欠费", "支持线上预约上门",
		"当月办理当月生效", "需机主本人到场", "可通过短信确认", "办理结果以短信通知为准", "逾期未处理将自动取消",
	}
	zhGeneric = []string{
		"如有疑问请咨询客服热线10000。", "以上规则自发布之日起执行。", "具体以当地营业厅公告为准。",
		"处理完成后请回访用户确认。", "工单需在24小时内闭环。", "请勿向用户承诺超出规定的优惠。",
	}
	enSentences = []string{
		"To reset the router, hold the RESET button for ten seconds until the lights flash.",
		"Roaming charges apply per day once the daily pass is used up.",
		"Customers can port their number to another carrier after 120 days of service.",
		"The optical network terminal shows a red LOS light when the fiber signal is lost.",
		"Data usage is billed per GB beyond the plan allowance.",
		"Routers supplied with FTTR plans reconnect automatically after a power cut.",
		"A replacement SIM card keeps the same number and plan.",
		"Speed tests should be run over a wired connection to the router.",
		"International calls are charged by the minute and vary by destination.",
		"The eSIM profile can be downloaded from the app after identity verification.",
	}
	enTitles = []string{"Router reset guide", "Roaming charges explained", "Number porting checklist",
		"Fiber terminal lights", "Data billing FAQ", "FTTR mesh setup", "SIM replacement", "Speed test tips"}
	zhKinds   = []string{"指南", "说明", "流程", "常见问题", "操作手册", "注意事项", "话术", "规则"}
	audiences = []string{"INTERNAL", "INTERNAL", "PARTNER", "PUBLIC"}
	statuses  = []string{"PUBLISHED", "PUBLISHED", "PUBLISHED", "DRAFT", "IN_REVIEW", "ARCHIVED"}
	tagPool   = []string{"热门", "新品", "政企", "家庭", "老年关怀", "限时"}
)

func pick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// zhSentence returns one Chinese knowledge sentence about topic t.
func zhSentence(r *rand.Rand, t, other string) string {
	switch r.IntN(7) {
	case 0:
		return fmt.Sprintf("%s%s%s时，%s。", pick(r, zhWho), pick(r, zhActions), t, pick(r, zhNotes))
	case 1:
		return fmt.Sprintf("若%s%s，请先%s%s，仍无法解决时通过%s报障。", t, pick(r, zhStates), pick(r, zhActions), other, pick(r, zhWhere))
	case 2:
		return fmt.Sprintf("%s可在%s%s，%s。", t, pick(r, zhWhere), pick(r, zhActions), pick(r, zhNotes))
	case 3:
		return fmt.Sprintf("%s月费%d元，包含%dGB国内流量和%d分钟通话。", t, 19+r.IntN(300), 5+r.IntN(100), 100*(1+r.IntN(10)))
	case 4:
		return fmt.Sprintf("注意：%s与%s不能同时%s。", t, other, pick(r, zhActions))
	case 5:
		return pick(r, zhGeneric)
	default:
		return fmt.Sprintf("%s%s%s前，%s需核实%s状态。", pick(r, zhWho), pick(r, zhActions), t, pick(r, zhWho), other)
	}
}

// doc returns document i; the same i always gives the same document.
func (g *generator) doc(i int) search.Document {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	dom := r.IntN(len(domains))
	topics := domains[dom]
	main := pick(r, topics)
	// topic returns the main topic most of the time, a related one often, another domain's
	// now and then.
	topic := func() string {
		switch n := r.IntN(20); {
		case n < 11:
			return main
		case n < 19:
			return pick(r, topics)
		default:
			return pick(r, pick(r, domains))
		}
	}
	kind := r.IntN(10) // 0: English, 1-2: mixed, else Chinese
	var title, summary string
	var body strings.Builder
	sentences := 8 + r.IntN(25)
	for s := 0; s < sentences; s++ {
		switch {
		case kind == 0 || (kind <= 2 && r.IntN(3) == 0):
			body.WriteString(pick(r, enSentences))
			body.WriteByte(' ')
		default:
			body.WriteString(zhSentence(r, topic(), topic()))
		}
		if r.IntN(6) == 0 {
			body.WriteString("\n\n")
		}
	}
	if kind == 0 {
		title = pick(r, enTitles)
		summary = pick(r, enSentences)
	} else {
		title = main + pick(r, zhActions) + pick(r, zhKinds)
		summary = zhSentence(r, main, topic())
	}
	var att string
	if r.IntN(5) == 0 {
		var a strings.Builder
		for s := 0; s < 30+r.IntN(60); s++ {
			a.WriteString(zhSentence(r, topic(), topic()))
		}
		att = a.String()
	}
	sub := r.IntN(5)
	cats := []string{
		"c-" + strconv.Itoa(dom),
		"c-" + strconv.Itoa(dom) + "-" + strconv.Itoa(sub),
		"c-" + strconv.Itoa(dom) + "-" + strconv.Itoa(sub) + "-" + strconv.Itoa(r.IntN(4)),
	}
	stage := search.StagePublished
	id := strconv.Itoa(i)
	if r.IntN(10) == 0 {
		stage = search.StageLatest
		id += ":latest"
	}
	return search.Document{
		ID:          id,
		DocumentID:  strconv.Itoa(i),
		Stage:       stage,
		Title:       title,
		Summary:     summary,
		Body:        body.String(),
		Attachments: att,
		Tags:        []string{main, pick(r, tagPool)},
		Categories:  cats,
		Audience:    pick(r, audiences),
		Status:      pick(r, statuses),
		Products:    []string{"p-" + strconv.Itoa(r.IntN(200))},
		UpdatedAt:   time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.IntN(700*24)) * time.Hour),
	}
}
