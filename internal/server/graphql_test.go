package server_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/testenv"
	"github.com/c360crm/c360/internal/validate"
)

// validResidentID builds a resident ID with a correct GB 11643 check digit.
func validResidentID(t *testing.T, first17 string) string {
	t.Helper()
	c, err := validate.ResidentIDCheckDigit(first17)
	if err != nil {
		t.Fatal(err)
	}
	return first17 + string(c)
}

const createCustomer = `mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { id code name type idType idNumber mobile status createdAt }
}`

type customerNode struct {
	ID       string `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	IDType   string `json:"idType"`
	IDNumber string `json:"idNumber"`
	Mobile   string `json:"mobile"`
	Status   string `json:"status"`
	City     string `json:"city"`
}

func TestCustomerCRUD(t *testing.T) {
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{})

	id := validResidentID(t, "33010619900307123")
	var created struct{ CreateCustomer customerNode }
	c.Do(t, createCustomer, map[string]any{"input": map[string]any{
		"type": "PUBLIC", "name": "王小明", "idType": "RESIDENT_ID", "idNumber": id,
		"mobile": "13800138000", "city": "杭州市", "province": "浙江省",
	}}).MustOK(t, &created)
	got := created.CreateCustomer
	if got.ID == "" || got.Name != "王小明" || got.Status != "ACTIVE" || got.IDNumber != id {
		t.Fatalf("created %+v", got)
	}
	if len(got.Code) != 18 || got.Code[0] != 'P' {
		t.Fatalf("customer code %q: want P + yyMM + 12 + check", got.Code)
	}

	t.Run("read by node", func(t *testing.T) {
		var out struct {
			Node customerNode `json:"node"`
		}
		c.Do(t, `query($id: ID!) { node(id: $id) { ... on Customer { id name code mobile } } }`,
			map[string]any{"id": got.ID}).MustOK(t, &out)
		if out.Node.Name != "王小明" || out.Node.Code != got.Code {
			t.Fatalf("node = %+v", out.Node)
		}
	})

	t.Run("update", func(t *testing.T) {
		var out struct{ UpdateCustomer customerNode }
		c.Do(t, `mutation($id: ID!) { updateCustomer(id: $id, input: {name: "王晓明", city: "宁波市"}) { id name city code } }`,
			map[string]any{"id": got.ID}).MustOK(t, &out)
		if out.UpdateCustomer.Name != "王晓明" || out.UpdateCustomer.City != "宁波市" || out.UpdateCustomer.Code != got.Code {
			t.Fatalf("updated = %+v", out.UpdateCustomer)
		}
	})

	t.Run("code is immutable", func(t *testing.T) {
		r := c.Do(t, `mutation($id: ID!) { updateCustomer(id: $id, input: {code: "X"}) { id } }`, map[string]any{"id": got.ID})
		if len(r.Errors) == 0 {
			t.Fatalf("setting code was accepted: %s", r.Raw)
		}
	})
}

func TestValidationNamesTheField(t *testing.T) {
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{})
	good := validResidentID(t, "11010519850101002")
	bad := good[:17] + map[bool]string{true: "1", false: "2"}[good[17] != '1']
	cases := []struct {
		name  string
		input map[string]any
		field string
		msg   string
	}{
		{"mobile format", map[string]any{"type": "PUBLIC", "name": "李四", "mobile": "12345"}, "mobile", "mobile"},
		{"empty name", map[string]any{"type": "PUBLIC", "name": ""}, "name", "empty"},
		{"email", map[string]any{"type": "PUBLIC", "name": "李四", "email": "not-an-email"}, "email", "e-mail"},
		{"resident ID check digit", map[string]any{"type": "PUBLIC", "name": "李四", "idType": "RESIDENT_ID", "idNumber": bad}, "idNumber", "check character"},
		{"birthday disagrees with ID", map[string]any{"type": "PUBLIC", "name": "李四", "idType": "RESIDENT_ID", "idNumber": good, "birthday": "1990-01-01T00:00:00Z"}, "birthday", "birth date"},
		{"org needs credit code", map[string]any{"type": "BUSINESS", "name": "某某科技有限公司", "idType": "RESIDENT_ID", "idNumber": good}, "idType", "UNIFIED_SOCIAL_CREDIT_CODE"},
		{"credit code check", map[string]any{"type": "BUSINESS", "name": "某某科技有限公司", "idType": "UNIFIED_SOCIAL_CREDIT_CODE", "idNumber": "91330106MA27XXXX1Y"}, "idNumber", "credit code"},
		{"unknown enum", map[string]any{"type": "VIP", "name": "李四"}, "", "VIP"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Do(t, createCustomer, map[string]any{"input": tc.input})
			if len(r.Errors) == 0 {
				t.Fatalf("accepted invalid input: %s", r.Raw)
			}
			if tc.field != "" && (r.Code() != "BAD_USER_INPUT" || r.Field() != tc.field) {
				t.Fatalf("want BAD_USER_INPUT on %q, got %s", tc.field, r.Raw)
			}
			if !strings.Contains(r.Errors[0].Message, tc.msg) {
				t.Fatalf("message %q does not mention %q", r.Errors[0].Message, tc.msg)
			}
		})
	}
	// Nothing was half-written.
	n, err := d.Client.Customer.Query().Count(testenv.SystemContext())
	if err != nil || n != 0 {
		t.Fatalf("customers after failed creates: %d, %v", n, err)
	}
}

func TestConflictAndNotFound(t *testing.T) {
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{})
	prod := `mutation($code: String!) { createProduct(input: {code: $code, name: "5G畅享套餐129元", category: MOBILE_PLAN, price: 12900}) { id code } }`
	c.Do(t, prod, map[string]any{"code": "5G-129"}).MustOK(t, nil)
	r := c.Do(t, prod, map[string]any{"code": "5G-129"})
	if r.Code() != "CONFLICT" || r.Field() != "code" {
		t.Fatalf("duplicate code: want CONFLICT on code, got %s", r.Raw)
	}
	errText := fmt.Sprint(r.Errors)
	for _, leak := range []string{"UNIQUE", "Duplicate entry", "constraint failed", "INSERT", "sql", "ent:"} {
		if strings.Contains(errText, leak) {
			t.Fatalf("error leaks %q: %s", leak, r.Raw)
		}
	}

	// An ID in the customers range that does not exist, and one in no range at all.
	var created struct{ CreateCustomer customerNode }
	c.Do(t, createCustomer, map[string]any{"input": map[string]any{"type": "PUBLIC", "name": "赵六"}}).MustOK(t, &created)
	var missing int64
	fmt.Sscan(created.CreateCustomer.ID, &missing)
	missing += 1000
	for _, tc := range []struct{ name, query string }{
		{"node", fmt.Sprintf(`{ node(id: "%d") { id } }`, missing)},
		{"node out of range", `{ node(id: "999999999999999") { id } }`},
		{"update", fmt.Sprintf(`mutation { updateCustomer(id: "%d", input: {name: "x"}) { id } }`, missing)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Do(t, tc.query, nil)
			if r.Code() != "NOT_FOUND" {
				t.Fatalf("want NOT_FOUND, got %s", r.Raw)
			}
		})
	}
	t.Run("dangling reference", func(t *testing.T) {
		r := c.Do(t, `mutation($c: ID!, $p: ID!) { createSubscription(input: {customerID: $c, productID: $p, serviceNumber: "13800000000"}) { id } }`,
			map[string]any{"c": created.CreateCustomer.ID, "p": fmt.Sprint(missing)})
		if r.Code() != "BAD_USER_INPUT" && r.Code() != "NOT_FOUND" {
			t.Fatalf("want BAD_USER_INPUT or NOT_FOUND, got %s", r.Raw)
		}
	})
}

func TestGETCannotMutate(t *testing.T) {
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{})
	q := url.Values{"query": {`mutation { createProduct(input: {code: "GET-1", name: "x", category: IPTV, price: 1}) { id } }`}}
	req, _ := http.NewRequest(http.MethodGet, c.URL+"/graphql?"+q.Encode(), nil)
	r := c.Send(t, req)
	if r.Status == http.StatusOK && len(r.Errors) == 0 {
		t.Fatalf("GET ran a mutation: %d %s", r.Status, r.Raw)
	}
	if n, _ := d.Client.Product.Query().Count(testenv.SystemContext()); n != 0 {
		t.Fatalf("GET mutation created %d products", n)
	}
	// GET still serves queries.
	q = url.Values{"query": {`{ products(first: 1) { totalCount } }`}}
	req, _ = http.NewRequest(http.MethodGet, c.URL+"/graphql?"+q.Encode(), nil)
	c.Send(t, req).MustOK(t, nil)
}

func TestLimits(t *testing.T) {
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{})
	deep := "{ customers(first: 1) { edges { node { " + strings.Repeat("parent { ", 14) + "id" + strings.Repeat(" }", 14) + " } } } }"
	var b strings.Builder
	b.WriteString("{ ")
	for i := 0; i < 31; i++ {
		fmt.Fprintf(&b, "a%d: products(first: 1) { totalCount } ", i)
	}
	b.WriteString("}")
	cases := []struct {
		name, query, want string
	}{
		{"depth", deep, "depth"},
		{"aliases", b.String(), "aliases"},
		{"page size", "{ customers(first: 101) { totalCount } }", "between 0 and 100"},
		{"nested page size", "{ customers(first: 10) { edges { node { contacts(last: 500) { totalCount } } } } }", "between 0 and 100"},
		{"complexity", "{ customers(first: 100) { edges { node { subscriptions(first: 100) { edges { node { product { subscriptions(first: 100) { totalCount } } } } } } } } }", "complexity"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Do(t, tc.query, nil)
			if r.Code() != "BAD_USER_INPUT" || !strings.Contains(r.Errors[0].Message, tc.want) {
				t.Fatalf("want BAD_USER_INPUT mentioning %q, got %s", tc.want, r.Raw)
			}
			if r.Data != nil && string(r.Data) != "null" {
				t.Fatalf("refused operation still returned data: %s", r.Data)
			}
		})
	}
	t.Run("default page size", func(t *testing.T) {
		ctx := testenv.SystemContext()
		for i := 0; i < 105; i++ {
			if _, err := d.Client.Product.Create().SetCode(fmt.Sprintf("P-%03d", i)).SetName("产品").SetCategory("IPTV").SetPrice(100).Save(ctx); err != nil {
				t.Fatal(err)
			}
		}
		var out struct {
			Products struct {
				TotalCount int
				Edges      []struct{ Node struct{ ID string } }
				PageInfo   struct{ HasNextPage bool }
			}
		}
		// Twice: the second run comes from the parsed-query cache.
		for i := 0; i < 2; i++ {
			c.Do(t, "{ products { totalCount edges { node { id } } pageInfo { hasNextPage } } }", nil).MustOK(t, &out)
			if out.Products.TotalCount != 105 || len(out.Products.Edges) != 100 || !out.Products.PageInfo.HasNextPage {
				t.Fatalf("run %d: total %d, edges %d, next %v", i, out.Products.TotalCount, len(out.Products.Edges), out.Products.PageInfo.HasNextPage)
			}
		}
	})
}
