package dedupe_test

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/internal/customer/dedupe"
	"github.com/c360crm/c360/internal/testenv"
	"github.com/c360crm/c360/internal/validate"
)

// residentID returns a valid GB 11643 number, distinct for every i below 3,650,000.
func residentID(t testing.TB, i int) string {
	t.Helper()
	birth := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i/1000)
	first17 := "330106" + birth.Format("20060102") + fmt.Sprintf("%03d", i%1000)
	check, err := validate.ResidentIDCheckDigit(first17)
	if err != nil {
		t.Fatal(err)
	}
	return first17 + string(check)
}

func setup(t *testing.T) (*ent.Client, context.Context) {
	t.Helper()
	return testenv.New(t).Client, testenv.SystemContext()
}

type spec struct {
	name, idNumber, mobile, province, city, district, address string
	merged                                                    bool
}

func (s spec) create(c *ent.Client) *ent.CustomerCreate {
	q := c.Customer.Create().SetType(customer.TypePUBLIC).SetName(s.name)
	if s.idNumber != "" {
		q.SetIDType(customer.IDTypeRESIDENT_ID).SetIDNumber(s.idNumber)
	}
	if s.mobile != "" {
		q.SetMobile(s.mobile)
	}
	if s.province != "" {
		q.SetProvince(s.province)
	}
	if s.city != "" {
		q.SetCity(s.city)
	}
	if s.district != "" {
		q.SetDistrict(s.district)
	}
	if s.address != "" {
		q.SetAddress(s.address)
	}
	if s.merged {
		q.SetStatus(customer.StatusMERGED)
	}
	return q
}

func mk(t *testing.T, c *ent.Client, s spec) *ent.Customer {
	t.Helper()
	cu, err := s.create(c).Save(testenv.SystemContext())
	if err != nil {
		t.Fatalf("create %+v: %v", s, err)
	}
	return cu
}

func scan(t *testing.T, c *ent.Client) []dedupe.Candidate {
	t.Helper()
	got, err := dedupe.Scan(testenv.SystemContext(), c, nil)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func forCustomer(t *testing.T, c *ent.Client, cu *ent.Customer) []dedupe.Candidate {
	t.Helper()
	got, err := dedupe.ForCustomer(testenv.SystemContext(), c, cu)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func pairs(cs []dedupe.Candidate) map[[2]int][]dedupe.Rule {
	out := map[[2]int][]dedupe.Rule{}
	for _, c := range cs {
		out[[2]int{c.A, c.B}] = c.Rules
	}
	return out
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEachRule(t *testing.T) {
	c, _ := setup(t)
	id := "11010519491231002X"
	a := mk(t, c, spec{name: "张三", idNumber: id, mobile: "13812345678"})
	b := mk(t, c, spec{name: "张叁", idNumber: id, mobile: "13900000001"})
	m1 := mk(t, c, spec{name: "李四", mobile: "13812340000"})
	m2 := mk(t, c, spec{name: "李四", mobile: "13812340000"})
	d1 := mk(t, c, spec{name: "王五", city: "杭州市", address: "文三路100号501室"})
	d2 := mk(t, c, spec{name: "王五", city: "杭州市", address: "文三路100号501室"})

	want := []struct {
		a, b   int
		rule   dedupe.Rule
		score  float64
		reason string
	}{
		{a.ID, b.ID, dedupe.SameID, 0.95, "证件号码相同 (居民身份证 110***********002X)"},
		{m1.ID, m2.ID, dedupe.NameMobile, 0.85, "姓名和手机号码相同 (李四, 138****0000)"},
		{d1.ID, d2.ID, dedupe.NameAddress, 0.7, "姓名相同且同城地址相同 (王五, 杭州市)"},
	}
	got := scan(t, c)
	if len(got) != len(want) {
		t.Fatalf("Scan = %+v, want %d candidates", got, len(want))
	}
	for i, w := range want {
		g := got[i] // sorted by score: the order of want
		if g.A != w.a || g.B != w.b || !reflect.DeepEqual(g.Rules, []dedupe.Rule{w.rule}) || !near(g.Score, w.score) || g.Reason != w.reason {
			t.Errorf("candidate %d = %+v, want %d-%d %s %.2f %q", i, g, w.a, w.b, w.rule, w.score, w.reason)
		}
		for _, cu := range []int{w.a, w.b} {
			one, err := c.Customer.Get(testenv.SystemContext(), cu)
			if err != nil {
				t.Fatal(err)
			}
			fc := forCustomer(t, c, one)
			if len(fc) != 1 || !reflect.DeepEqual(fc[0], g) {
				t.Errorf("ForCustomer(%d) = %+v, want [%+v]", cu, fc, g)
			}
		}
	}
	if strings.Contains(got[0].Reason, id) || strings.Contains(got[1].Reason, "13812340000") {
		t.Errorf("reasons show PII in clear: %q, %q", got[0].Reason, got[1].Reason)
	}
}

func TestCombinedScore(t *testing.T) {
	c, _ := setup(t)
	id := residentID(t, 1)
	a := mk(t, c, spec{name: "赵六", idNumber: id, mobile: "13812345678", city: "宁波市", address: "中山东路1号"})
	b := mk(t, c, spec{name: "赵 六", idNumber: id, mobile: "13812345678", city: "宁波市", address: "中山东路 1 號"})
	got := scan(t, c)
	wantRules := []dedupe.Rule{dedupe.SameID, dedupe.NameMobile, dedupe.NameAddress}
	want := 1 - 0.05*0.15*0.3
	if len(got) != 1 || got[0].A != a.ID || got[0].B != b.ID || !reflect.DeepEqual(got[0].Rules, wantRules) || !near(got[0].Score, want) {
		t.Fatalf("Scan = %+v, want %d-%d %v %.6f", got, a.ID, b.ID, wantRules, want)
	}
	if n := strings.Count(got[0].Reason, "；"); n != 2 {
		t.Errorf("reason %q: want three parts", got[0].Reason)
	}
	if s := dedupe.Score([]dedupe.Rule{dedupe.SameID, dedupe.NameMobile}); !near(s, 0.9925) {
		t.Errorf("Score(SAME_ID, NAME_MOBILE) = %v, want 0.9925", s)
	}
	fc := forCustomer(t, c, a)
	if len(fc) != 1 || !reflect.DeepEqual(fc[0], got[0]) {
		t.Errorf("ForCustomer = %+v, want %+v", fc, got[0])
	}
}

func TestMergedIgnored(t *testing.T) {
	c, ctx := setup(t)
	id := residentID(t, 2)
	a := mk(t, c, spec{name: "钱七", idNumber: id, mobile: "13812345678", city: "杭州市", address: "体育场路2号"})
	b := mk(t, c, spec{name: "钱七", idNumber: id, mobile: "13812345678", city: "杭州市", address: "体育场路2号"})
	if err := c.Customer.UpdateOne(b).SetStatus(customer.StatusMERGED).SetMergedIntoID(a.ID).Exec(ctx); err != nil {
		t.Fatal(err)
	}
	if got := scan(t, c); len(got) != 0 {
		t.Errorf("Scan = %+v, want none (b is MERGED)", got)
	}
	if got := forCustomer(t, c, a); len(got) != 0 {
		t.Errorf("ForCustomer = %+v, want none (b is MERGED)", got)
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"  张三  ":          "张三",
		"张　三":             "张三",
		"张 三":             "张三",
		"阿卜杜·热合曼":         "阿卜杜热合曼",
		"阿卜杜 • 热合曼":       "阿卜杜热合曼",
		"阿卜杜・热合曼":         "阿卜杜热合曼",
		"ＪＯＨＮ　ＳＭＩＴＨ":      "john smith",
		"John   Smith":    "john smith",
		"J.Smith":         "j smith",
		"Jean-Pierre Roy": "jean pierre roy",
		"客户０１２３":          "客户0123",
		"":                "",
		" · ":             "",
	} {
		if got := dedupe.NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNormalizeAddress(t *testing.T) {
	for in, want := range map[string]string{
		"文三路100号501室":          "文三路100号501",
		"文三路 １００ 號 ５０１ 室":      "文三路100号501",
		"文三路100号，501房":         "文三路100号501",
		"文三路100号-501":          "文三路100号501",
		"幸福小区3幢（东门）":           "幸福小区3幢东门",
		"幸福小区3幢東門":             "幸福小区3幢东门",
		"创意园书房":                "创意园书房",
		"老街茶室":                 "老街茶室",
		"文三路十号":                "文三路十号",
		"Ａ座1201室":              "a座1201",
		"中山路1號樓":               "中山路1号楼",
		"  ":                   "",
		"西湖区 文三路#100号 ":        "西湖区文三路100号",
		"Room 5, No.8 Xi Road": "room5no8xiroad",
	} {
		if got := dedupe.NormalizeAddress(in); got != want {
			t.Errorf("NormalizeAddress(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestNormalisedMatches: spellings that differ only in width, spaces, punctuation and
// administrative prefixes still pair.
func TestNormalisedMatches(t *testing.T) {
	c, _ := setup(t)
	a := mk(t, c, spec{name: "张三", mobile: "13812345678"})
	b := mk(t, c, spec{name: " 张　三 ", mobile: "13812345678"})
	e := mk(t, c, spec{name: "John Smith", mobile: "13812345679"})
	f := mk(t, c, spec{name: "ＪＯＨＮ　ＳＭＩＴＨ", mobile: "13812345679"})
	g := mk(t, c, spec{name: "孙八", province: "浙江省", city: "杭州市", district: "西湖区", address: "浙江省杭州市西湖区文三路100號501室"})
	h := mk(t, c, spec{name: "孙·八", city: "杭州市", address: "文三路 １００ 号，501"})
	got := pairs(scan(t, c))
	want := map[[2]int][]dedupe.Rule{
		{a.ID, b.ID}: {dedupe.NameMobile},
		{e.ID, f.ID}: {dedupe.NameMobile},
		{g.ID, h.ID}: {dedupe.NameAddress},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Scan pairs = %v, want %v", got, want)
	}
}

func TestNoFalsePairs(t *testing.T) {
	c, _ := setup(t)
	mk(t, c, spec{name: "周九", mobile: "13812345678", city: "杭州市", address: "文三路1号"})
	mk(t, c, spec{name: "周九", mobile: "13812345679", city: "杭州市", address: "文三路2号"}) // same name, other mobile and address
	mk(t, c, spec{name: "周九", mobile: "13812345670", city: "宁波市", address: "文三路1号"}) // same name and address, other city
	mk(t, c, spec{name: "吴十", mobile: "13812345678", city: "杭州市", address: "文三路1号"}) // same mobile and address, other name
	mk(t, c, spec{name: "周九", idNumber: residentID(t, 3), city: "杭州市"})              // no address
	mk(t, c, spec{name: "周九", idNumber: residentID(t, 4), address: "文三路1号"})         // no city
	mk(t, c, spec{name: "周九", mobile: "13812345671", city: "杭州市", address: "文三路十号"}) // 十 is not 1
	if got := scan(t, c); len(got) != 0 {
		t.Errorf("Scan = %+v, want none", got)
	}
}

func TestForCustomerNew(t *testing.T) {
	c, _ := setup(t)
	id := residentID(t, 5)
	old := mk(t, c, spec{name: "郑十一", idNumber: id, mobile: "13812345678", city: "杭州市", address: "文三路1号"})
	other := mk(t, c, spec{name: "郑十一", mobile: "13700000000", city: "杭州市", address: "文三路1号"})
	mk(t, c, spec{name: "郑十二", mobile: "13812345678"})
	idType := customer.IDTypeRESIDENT_ID
	newcomer := &ent.Customer{Name: "郑十一", IDType: &idType, IDNumber: id, Mobile: "13812345678"}
	got := forCustomer(t, c, newcomer)
	want := []dedupe.Candidate{{A: 0, B: old.ID, Rules: []dedupe.Rule{dedupe.SameID, dedupe.NameMobile}, Score: 0.9925,
		Reason: "证件号码相同 (居民身份证 330***********" + id[14:] + ")；姓名和手机号码相同 (郑十一, 138****5678)"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ForCustomer(new) = %+v, want %+v", got, want)
	}
	// With an address, the name lookup in the city finds the other one too.
	newcomer.City, newcomer.Address = "杭州市", "文三路1号"
	got = forCustomer(t, c, newcomer)
	if p := pairs(got); len(p) != 2 || !reflect.DeepEqual(p[[2]int{0, other.ID}], []dedupe.Rule{dedupe.NameAddress}) ||
		len(p[[2]int{0, old.ID}]) != 3 {
		t.Errorf("ForCustomer(new with address) = %+v", got)
	}
	if got[0].B != old.ID {
		t.Errorf("best candidate = %+v, want %d first", got[0], old.ID)
	}
	// Nobody matches a stranger.
	if got := forCustomer(t, c, &ent.Customer{Name: "陌生人", Mobile: "13600000000"}); len(got) != 0 {
		t.Errorf("ForCustomer(stranger) = %+v, want none", got)
	}
}

// TestScanPlanted generates 2,000 customers with distinct names, documents, mobiles and
// addresses, plants known duplicates among them, and checks Scan finds exactly those.
func TestScanPlanted(t *testing.T) {
	c, ctx := setup(t)
	cities := []string{"杭州市", "宁波市", "温州市", "北京市", "上海市"}
	const base = 1960
	specs := make([]spec, 0, 2000)
	for i := 0; i < base; i++ {
		specs = append(specs, spec{
			name:     fmt.Sprintf("客户%04d", i),
			idNumber: residentID(t, i),
			mobile:   fmt.Sprintf("139%08d", i),
			city:     cities[i%len(cities)],
			address:  fmt.Sprintf("测试路%d号%d室", i, 100+i%7),
		})
	}
	type plant struct {
		of   int
		rule dedupe.Rule
	}
	var plants []plant
	for i := 0; i < 12; i++ { // same document, other name, mobile, address
		o := specs[i]
		specs = append(specs, spec{name: fmt.Sprintf("证件重复%d", i), idNumber: o.idNumber,
			mobile: fmt.Sprintf("137%08d", i), city: o.city, address: fmt.Sprintf("别处%d号", i)})
		plants = append(plants, plant{i, dedupe.SameID})
	}
	for i := 100; i < 112; i++ { // same name (full width) and mobile
		o := specs[i]
		specs = append(specs, spec{name: strings.Replace(o.name, "0", "０", -1), mobile: o.mobile,
			city: o.city, address: fmt.Sprintf("别处%d号", i)})
		plants = append(plants, plant{i, dedupe.NameMobile})
	}
	for i := 200; i < 212; i++ { // same name (spaced) and address (other spelling) in the city
		o := specs[i]
		specs = append(specs, spec{name: "客户 " + o.name[len("客户"):], mobile: fmt.Sprintf("136%08d", i),
			city: o.city, address: strings.Replace(strings.TrimSuffix(o.address, "室"), "号", " 號 ", 1)})
		plants = append(plants, plant{i, dedupe.NameAddress})
	}
	// Not duplicates: a MERGED copy, and namesakes elsewhere.
	specs = append(specs, spec{name: specs[300].name, idNumber: specs[300].idNumber, mobile: specs[300].mobile, merged: true})
	for i := 400; i < 403; i++ {
		specs = append(specs, spec{name: specs[i].name, mobile: fmt.Sprintf("135%08d", i), city: specs[i].city, address: "别的路1号"})
	}
	for len(specs) < 2000 {
		i := len(specs)
		specs = append(specs, spec{name: fmt.Sprintf("其他%04d", i), city: cities[i%len(cities)], address: fmt.Sprintf("其他路%d号", i)})
	}

	ids := make([]int, len(specs))
	for start := 0; start < len(specs); start += 250 {
		end := min(start+250, len(specs))
		builders := make([]*ent.CustomerCreate, 0, end-start)
		for _, s := range specs[start:end] {
			builders = append(builders, s.create(c))
		}
		created, err := c.Customer.CreateBulk(builders...).Save(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for i, cu := range created {
			ids[start+i] = cu.ID
		}
	}
	want := map[[2]int][]dedupe.Rule{}
	for k, p := range plants {
		a, b := ids[p.of], ids[base+k]
		want[[2]int{min(a, b), max(a, b)}] = []dedupe.Rule{p.rule}
	}
	eligible := 0
	for _, s := range specs {
		if !s.merged && s.city != "" && s.address != "" {
			eligible++
		}
	}

	for _, size := range []int{dedupe.PageSize, 97} {
		t.Run(fmt.Sprintf("page%d", size), func(t *testing.T) {
			defer dedupe.SetPageSize(size)()
			var calls [][2]int
			got, err := dedupe.Scan(ctx, c, func(done, total int) { calls = append(calls, [2]int{done, total}) })
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Errorf("Scan found %d candidates, want %d", len(got), len(want))
			}
			if p := pairs(got); !reflect.DeepEqual(p, want) {
				for k, r := range p {
					if !reflect.DeepEqual(want[k], r) {
						t.Errorf("unexpected %v %v", k, r)
					}
				}
				for k, r := range want {
					if !reflect.DeepEqual(p[k], r) {
						t.Errorf("missing %v %v", k, r)
					}
				}
			}
			for i := 1; i < len(got); i++ {
				x, y := got[i-1], got[i]
				if x.Score < y.Score || (x.Score == y.Score && (x.A > y.A || (x.A == y.A && x.B > y.B))) {
					t.Errorf("not sorted at %d: %+v before %+v", i, x, y)
				}
			}
			if len(calls) < 2 || calls[0] != [2]int{0, eligible} || calls[len(calls)-1] != [2]int{eligible, eligible} {
				t.Errorf("progress calls %v: want from (0, %d) to (%d, %d)", calls, eligible, eligible, eligible)
			}
			if size < 1000 && len(calls) < eligible/size {
				t.Errorf("progress called %d times for %d rows in pages of %d", len(calls), eligible, size)
			}
			for i := 1; i < len(calls); i++ {
				if calls[i][0] < calls[i-1][0] {
					t.Errorf("progress went back: %v", calls)
				}
			}
		})
	}
}

// TestCallerContext: the queries run with the caller's context, so the access rules apply
// (a context without a principal is refused).
func TestCallerContext(t *testing.T) {
	c, _ := setup(t)
	a := mk(t, c, spec{name: "张三", mobile: "13812345678"})
	mk(t, c, spec{name: "张三", mobile: "13812345678"})
	if _, err := dedupe.Scan(context.Background(), c, nil); err == nil {
		t.Error("Scan without a principal: want an error")
	}
	if _, err := dedupe.ForCustomer(context.Background(), c, a); err == nil {
		t.Error("ForCustomer without a principal: want an error")
	}
}
