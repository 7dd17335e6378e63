package server_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/c360crm/c360/ent/auditlog"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/internal/testenv"
)

// TestImportCustomersOverHTTP: an account manager's import reports bad rows by row and field,
// writes nothing in ALL_OR_NOTHING, writes the valid rows in VALID_ROWS, and the imported
// customers are its own.
func TestImportCustomersOverHTTP(t *testing.T) {
	w := newWorld(t)
	am := w.clients["account_manager"]
	csv := "名称,类型,手机,证件类型,证件号码\n" +
		"导入甲,公众,13811112222,,\n" +
		"导入乙,公众,1381111,,\n" + // bad mobile
		"导入丙,公众,13933334444,居民身份证,110105194912310021\n" // bad check digit
	q := `mutation($f: Upload!, $m: ImportMode) { importCustomers(file: $f, mode: $m) { total imported failed errors { row field message } } }`
	var res struct {
		ImportCustomers struct {
			Total, Imported, Failed int
			Errors                  []struct {
				Row     int
				Field   string
				Message string
			}
		} `json:"importCustomers"`
	}
	am.Upload(t, q, map[string]any{"m": "ALL_OR_NOTHING"}, "f", "客户.csv", []byte(csv)).MustOK(t, &res)
	r := res.ImportCustomers
	if r.Total != 3 || r.Imported != 0 || len(r.Errors) != 2 || r.Errors[0].Row != 2 || r.Errors[0].Field != "mobile" || r.Errors[1].Row != 3 || r.Errors[1].Field != "idNumber" {
		t.Fatalf("all or nothing: %+v", r)
	}
	ctx := testenv.SystemContext()
	if n := w.d.Client.Customer.Query().Where(customer.NameHasPrefix("导入")).CountX(ctx); n != 0 {
		t.Fatalf("all or nothing wrote %d customers", n)
	}
	am.Upload(t, q, map[string]any{"m": "VALID_ROWS"}, "f", "客户.csv", []byte(csv)).MustOK(t, &res)
	if res.ImportCustomers.Imported != 1 {
		t.Fatalf("valid rows: %+v", res.ImportCustomers)
	}
	c := w.d.Client.Customer.Query().Where(customer.Name("导入甲")).OnlyX(ctx)
	if c.OwnerID == nil || *c.OwnerID != w.am.ID {
		t.Errorf("imported customer owner: %v", c.OwnerID)
	}
	if r := am.Upload(t, q, nil, "f", "客户.pdf", []byte("x")); r.Code() != "BAD_USER_INPUT" || !strings.Contains(string(r.Raw), "csv") {
		t.Errorf("wrong file type: %s", r.Raw)
	}
}

// TestExportCustomersOverHTTP: the export URL streams only the caller's customers with PII
// masked for masked roles, is refused to roles without the export right, and is audited.
func TestExportCustomersOverHTTP(t *testing.T) {
	w := newWorld(t)
	download := func(c *testenv.Client, format string) (int, string) {
		var out struct {
			ExportCustomers struct {
				URL  string
				Rows int
			} `json:"exportCustomers"`
		}
		c.Do(t, `query($f: ExportFormat!) { exportCustomers(format: $f, where: {nameHasPrefix: "甲"}) { url rows } }`, map[string]any{"f": format}).MustOK(t, &out)
		req, _ := http.NewRequest(http.MethodGet, c.URL+out.ExportCustomers.URL, nil)
		resp := c.Send(t, req)
		if resp.Status != 200 {
			t.Fatalf("download: %d %s", resp.Status, resp.Raw)
		}
		return out.ExportCustomers.Rows, string(resp.Raw)
	}
	rows, body := download(w.clients["account_manager"], "CSV")
	if rows != 2 || !strings.HasPrefix(body, "\ufeff") || !strings.Contains(body, "甲客户二") || !strings.Contains(body, "138****5678") || strings.Contains(body, mobileA) || strings.Contains(body, "乙客户") {
		t.Errorf("account manager's export (%d rows):\n%s", rows, body)
	}
	_, body = download(w.admin, "CSV")
	if !strings.Contains(body, mobileA) {
		t.Errorf("admin's export has no clear mobile:\n%s", body)
	}
	if _, body = download(w.admin, "XLSX"); !strings.HasPrefix(body, "PK") {
		t.Errorf("xlsx export is not a zip")
	}
	// Roles without the export right get nothing, even with the URL.
	req, _ := http.NewRequest(http.MethodGet, w.admin.URL+"/exports/customers?format=CSV", nil)
	if r := w.clients["partner"].Send(t, req); r.Status != http.StatusForbidden {
		t.Errorf("partner export: %d", r.Status)
	}
	if n := w.d.Client.AuditLog.Query().Where(auditlog.Action("export")).CountX(testenv.SystemContext()); n != 3 {
		t.Errorf("export audit rows: %d, want 3", n)
	}
}
