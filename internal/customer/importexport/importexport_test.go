package importexport_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/internal/customer/importexport"
	"github.com/c360crm/c360/internal/testenv"
	"github.com/c360crm/c360/internal/validate"
)

// residentID returns a valid resident ID with the given birth date (YYYYMMDD) and sequence.
func residentID(t *testing.T, birth, seq string) string {
	t.Helper()
	first := "110105" + birth + seq
	c, err := validate.ResidentIDCheckDigit(first)
	if err != nil {
		t.Fatal(err)
	}
	return first + string(c)
}

// badCheck returns id with a wrong check character.
func badCheck(id string) string {
	last := id[17]
	for _, c := range "0123456789X" {
		if byte(c) != last {
			return id[:17] + string(c)
		}
	}
	return id
}

func mixedCSV(t *testing.T) string {
	good := residentID(t, "19900307", "123")
	bad := badCheck(residentID(t, "19851111", "456"))
	lines := []string{
		"名称,类型,证件类型,证件号码,手机,邮箱,省,市,性别,生日,标签",
		"张三,公众,RESIDENT_ID," + good + ",13812345678,zhang@example.cn,浙江,杭州,男,1990-03-07,vip；宽带",
		"李四,公众,RESIDENT_ID," + bad + ",13912345678,,,,,,",
		"王五,PUBLIC,,,13712345678,,,,,,",
		"赵六,公众,,,12345,,,,,,",
		"某某科技有限公司,商务,统一社会信用代码,91350100M000100Y43,,,,,,,",
		",公众,,,13612345678,,,,,,",
		"钱七,政企,,,,,,,,,",
		"孙八,公众,PASSPORT,E12345678,15012345678,sun@example.cn,,,女,,a;b",
	}
	return strings.Join(lines, "\n") + "\n"
}

func errorKeys(res *importexport.ImportResult) []string {
	var out []string
	for _, e := range res.Errors {
		out = append(out, fmt.Sprintf("%d:%s", e.Row, e.Field))
	}
	sort.Strings(out)
	return out
}

func count(t *testing.T, c *ent.Client) int {
	t.Helper()
	n, err := c.Customer.Query().Count(testenv.SystemContext())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestImportAllOrNothing(t *testing.T) {
	d := testenv.New(t)
	ctx := testenv.SystemContext()
	var calls int
	res, err := importexport.ImportCustomers(ctx, d.Client, strings.NewReader(mixedCSV(t)), importexport.FormatCSV, importexport.AllOrNothing,
		func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2:idNumber", "4:mobile", "6:name"}
	if got := errorKeys(res); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("errors %v (%+v), want %v", got, res.Errors, want)
	}
	if res.Total != 8 || res.Failed != 3 || res.Imported != 0 {
		t.Fatalf("result %+v", res)
	}
	if n := count(t, d.Client); n != 0 {
		t.Fatalf("%d customers written, want none", n)
	}
	if calls == 0 {
		t.Fatal("progress never called")
	}
}

func TestImportValidRows(t *testing.T) {
	d := testenv.New(t)
	ctx := testenv.SystemContext()
	res, err := importexport.ImportCustomers(ctx, d.Client, strings.NewReader(mixedCSV(t)), importexport.FormatCSV, importexport.ValidRows, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 8 || res.Failed != 3 || res.Imported != 5 || len(res.Errors) != 3 {
		t.Fatalf("result %+v", res)
	}
	if n := count(t, d.Client); n != 5 {
		t.Fatalf("%d customers written, want 5", n)
	}
	zs, err := d.Client.Customer.Query().Where(customer.Name("张三")).Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if zs.Type != customer.TypePUBLIC || zs.Mobile != "13812345678" || zs.Gender == nil || *zs.Gender != customer.GenderMALE ||
		zs.Birthday == nil || zs.Birthday.Format("2006-01-02") != "1990-03-07" || strings.Join(zs.Tags, ",") != "vip,宽带" || zs.Code == "" {
		t.Fatalf("张三 stored as %+v", zs)
	}
}

func TestImportGBK(t *testing.T) {
	d := testenv.New(t)
	ctx := testenv.SystemContext()
	src := "名称,类型,手机,省,市,地址\n王小明,公众,13812345678,广东,深圳,南山区科技园\n陈大文,商务,13912345678,北京,北京,朝阳区\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := importexport.ImportCustomers(ctx, d.Client, strings.NewReader(gbk), importexport.FormatCSV, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 2 || len(res.Errors) != 0 {
		t.Fatalf("result %+v", res)
	}
	c, err := d.Client.Customer.Query().Where(customer.Name("王小明")).Only(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if c.Province != "广东" || c.Address != "南山区科技园" {
		t.Fatalf("stored %+v", c)
	}
	// UTF-8 with BOM and English headers.
	bom := "\ufeffname,type,mobile\n林一,GOV_ENTERPRISE,13712345678\n"
	res, err = importexport.ImportCustomers(ctx, d.Client, strings.NewReader(bom), importexport.FormatCSV, "", nil)
	if err != nil || res.Imported != 1 {
		t.Fatalf("BOM import: %+v %v", res, err)
	}
}

func TestXLSXRoundTrip(t *testing.T) {
	src := testenv.New(t)
	ctx := testenv.SystemContext()
	res, err := importexport.ImportCustomers(ctx, src.Client, strings.NewReader(mixedCSV(t)), importexport.FormatCSV, importexport.ValidRows, nil)
	if err != nil || res.Imported != 5 {
		t.Fatalf("seed: %+v %v", res, err)
	}
	var buf bytes.Buffer
	n, err := importexport.ExportCustomers(ctx, src.Client, nil, importexport.FormatXLSX, &buf)
	if err != nil || n != 5 {
		t.Fatalf("export: %d %v", n, err)
	}
	dst := testenv.New(t)
	res, err = importexport.ImportCustomers(ctx, dst.Client, bytes.NewReader(buf.Bytes()), importexport.FormatXLSX, importexport.AllOrNothing, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Imported != 5 || len(res.Errors) != 0 {
		t.Fatalf("re-import: %+v", res)
	}
	key := func(c *ent.Customer) string {
		return strings.Join([]string{c.Code, c.Name, string(c.Type), c.IDNumber, c.Mobile, c.Email, strings.Join(c.Tags, ";"), string(c.Status)}, "|")
	}
	snap := func(c *ent.Client) []string {
		cs, err := c.Customer.Query().Order(customer.ByName()).All(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, cu := range cs {
			out = append(out, key(cu))
		}
		return out
	}
	a, b := snap(src.Client), snap(dst.Client)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Fatalf("round trip differs:\n%s\n---\n%s", strings.Join(a, "\n"), strings.Join(b, "\n"))
	}
	// Importing the same file again: every code is taken.
	res, err = importexport.ImportCustomers(ctx, dst.Client, bytes.NewReader(buf.Bytes()), importexport.FormatXLSX, importexport.ValidRows, nil)
	if err != nil || res.Imported != 0 || res.Failed != 5 || res.Errors[0].Field != "code" {
		t.Fatalf("duplicate codes: %+v %v", res, err)
	}
}

func TestExportAccountManager(t *testing.T) {
	d := testenv.New(t)
	sys := testenv.SystemContext()
	am := testenv.CreateUser(t, d, "am-export", "am-export-password-1", nil, authz.RoleAccountManager)
	for i, m := range []string{"13812345678", "13912345678", "13712345678"} {
		b := d.Client.Customer.Create().SetName(fmt.Sprintf("客户%d", i)).SetType(customer.TypePUBLIC).SetMobile(m)
		if i < 2 {
			b.SetOwnerID(am.ID)
		}
		b.SaveX(sys)
	}
	enforcer, err := authz.NewEnforcer(sys, d.Client, time.Nanosecond)
	if err != nil {
		t.Fatal(err)
	}
	ctx := authz.WithEnforcer(authz.NewContext(context.Background(), &authz.Principal{Kind: authz.KindUser, ID: am.ID, Roles: []string{authz.RoleAccountManager}}), enforcer)
	var buf bytes.Buffer
	n, err := importexport.ExportCustomers(ctx, d.Client, nil, importexport.FormatCSV, &buf)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")) {
		t.Fatal("CSV export has no UTF-8 BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 || len(recs) != 3 {
		t.Fatalf("exported %d rows (%d records), want 2 own customers", n, len(recs))
	}
	col := -1
	for i, h := range recs[0] {
		if h == "手机" {
			col = i
		}
	}
	got := []string{recs[1][col], recs[2][col]}
	if got[0] != "138****5678" || got[1] != "139****5678" {
		t.Fatalf("mobiles %v, want masked", got)
	}
	// Filtering through the where input narrows further.
	buf.Reset()
	name := "客户1"
	n, err = importexport.ExportCustomers(ctx, d.Client, &ent.CustomerWhereInput{Name: &name}, importexport.FormatXLSX, &buf)
	if err != nil || n != 1 {
		t.Fatalf("filtered export: %d %v", n, err)
	}
}

func TestUnknownColumn(t *testing.T) {
	d := testenv.New(t)
	src := "名称,类型,微信号\n张三,公众,zs123\n"
	res, err := importexport.ImportCustomers(testenv.SystemContext(), d.Client, strings.NewReader(src), importexport.FormatCSV, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) != 1 || res.Errors[0].Row != 0 || !strings.Contains(res.Errors[0].Message, "微信号") {
		t.Fatalf("errors %+v", res.Errors)
	}
	if n := count(t, d.Client); n != 0 {
		t.Fatalf("%d written", n)
	}
}

func TestEmptyFile(t *testing.T) {
	d := testenv.New(t)
	for _, f := range []importexport.Format{importexport.FormatCSV} {
		res, err := importexport.ImportCustomers(testenv.SystemContext(), d.Client, strings.NewReader(""), f, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 0 || len(res.Errors) != 1 || res.Errors[0].Row != 0 {
			t.Fatalf("result %+v", res)
		}
	}
	// Header only: nothing to do, no errors.
	res, err := importexport.ImportCustomers(testenv.SystemContext(), d.Client, strings.NewReader("名称,类型\n"), importexport.FormatCSV, "", nil)
	if err != nil || res.Total != 0 || len(res.Errors) != 0 {
		t.Fatalf("header only: %+v %v", res, err)
	}
	// Not an XLSX file at all.
	if _, err := importexport.ImportCustomers(testenv.SystemContext(), d.Client, io.LimitReader(strings.NewReader("x"), 1), importexport.FormatXLSX, "", nil); err == nil {
		t.Fatal("garbage accepted as XLSX")
	}
}

func TestImportBatches(t *testing.T) {
	d := testenv.New(t)
	var sb strings.Builder
	sb.WriteString("name,type,mobile\n")
	const rows = 1203
	for i := 0; i < rows; i++ {
		fmt.Fprintf(&sb, "客户%d,公众,138%08d\n", i, i)
	}
	var progress [][2]int
	res, err := importexport.ImportCustomers(testenv.SystemContext(), d.Client, strings.NewReader(sb.String()), importexport.FormatCSV, "",
		func(done, total int) { progress = append(progress, [2]int{done, total}) })
	if err != nil || res.Imported != rows || len(res.Errors) != 0 {
		t.Fatalf("%+v %v", res, err)
	}
	if n := count(t, d.Client); n != rows {
		t.Fatalf("%d written", n)
	}
	if len(progress) != 4 || progress[0][0] != 500 || progress[3] != [2]int{rows, rows} {
		t.Fatalf("progress %v", progress)
	}
}

func TestDryRun(t *testing.T) {
	d := testenv.New(t)
	ctx := importexport.WithDryRun(testenv.SystemContext())
	res, err := importexport.ImportCustomers(ctx, d.Client, strings.NewReader(mixedCSV(t)), importexport.FormatCSV, importexport.ValidRows, nil)
	if err != nil || !res.DryRun || res.Imported != 5 || res.Failed != 3 {
		t.Fatalf("%+v %v", res, err)
	}
	if n := count(t, d.Client); n != 0 {
		t.Fatalf("dry run wrote %d", n)
	}
}
