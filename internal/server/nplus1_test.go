package server_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/testenv"
)

// nestedQuery is the customer page the SPA's list and the 360 overview ask for: customers with
// their subscriptions and products, groups, and their 10 latest contacts.
const nestedQuery = `query($first: Int!) {
  customers(first: $first, orderBy: [{field: NAME, direction: ASC}]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id code name
      subscriptions(first: 10) { totalCount edges { node { id serviceNumber product { id name category } } } }
      groups { id name }
      contacts(first: 10, orderBy: {field: CONTACTED_AT, direction: DESC}) { totalCount edges { node { id subject contactedAt channel } } }
    } }
  }
}`

// TestNestedQueryRunsFixedStatements proves that nested edges are loaded in batches: the
// number of SQL statements does not grow with the page size.
func TestNestedQueryRunsFixedStatements(t *testing.T) {
	ctx := testenv.SystemContext()
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{})
	products := make([]*ent.Product, 3)
	for i := range products {
		products[i] = d.Client.Product.Create().SetCode(fmt.Sprintf("PLAN-%d", i)).SetName(fmt.Sprintf("套餐%d", i)).
			SetCategory("MOBILE_PLAN").SetPrice(int64(5900 + i*4000)).SaveX(ctx)
	}
	groups := []*ent.CustomerGroup{
		d.Client.CustomerGroup.Create().SetName("高价值客户").SaveX(ctx),
		d.Client.CustomerGroup.Create().SetName("杭州公众客户").SaveX(ctx),
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	const customers, contactsEach = 60, 15
	for i := 0; i < customers; i++ {
		cu := d.Client.Customer.Create().SetType("PUBLIC").SetName(fmt.Sprintf("客户%03d", i)).
			AddGroups(groups[:1+i%2]...).SaveX(ctx)
		for j := 0; j < 2; j++ {
			d.Client.Subscription.Create().SetCustomer(cu).SetProduct(products[(i+j)%3]).
				SetServiceNumber(fmt.Sprintf("1380000%02d%02d", i, j)).SaveX(ctx)
		}
		bulk := make([]*ent.ContactCreate, contactsEach)
		for k := range bulk {
			bulk[k] = d.Client.Contact.Create().SetCustomer(cu).SetChannel("CALL_CENTER").SetKind("CONSULTATION").
				SetSubject(fmt.Sprintf("咨询%02d", k)).SetContactedAt(base.Add(time.Duration(k) * time.Hour))
		}
		d.Client.Contact.CreateBulk(bulk...).SaveX(ctx)
	}

	type page struct {
		Customers struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					Name          string
					Subscriptions struct {
						TotalCount int
						Edges      []struct {
							Node struct{ Product struct{ Name string } }
						}
					}
					Groups   []struct{ Name string }
					Contacts struct {
						TotalCount int
						Edges      []struct{ Node struct{ Subject string } }
					}
				}
			}
		}
	}
	counts := map[int]int{}
	for _, first := range []int{1, 10, 50} {
		var out page
		r := c.Do(t, nestedQuery, map[string]any{"first": first}).MustOK(t, &out)
		counts[first] = r.SQLStatements()
		if got := len(out.Customers.Edges); got != first || out.Customers.TotalCount != customers {
			t.Fatalf("first %d: %d edges, total %d", first, got, out.Customers.TotalCount)
		}
		for i, e := range out.Customers.Edges {
			n := e.Node
			if n.Subscriptions.TotalCount != 2 || len(n.Subscriptions.Edges) != 2 || n.Subscriptions.Edges[0].Node.Product.Name == "" {
				t.Fatalf("%s subscriptions: %+v", n.Name, n.Subscriptions)
			}
			if want := 1 + i%2; len(n.Groups) != want {
				t.Fatalf("%s groups: %d, want %d", n.Name, len(n.Groups), want)
			}
			if n.Contacts.TotalCount != contactsEach || len(n.Contacts.Edges) != 10 ||
				n.Contacts.Edges[0].Node.Subject != "咨询14" || n.Contacts.Edges[9].Node.Subject != "咨询05" {
				t.Fatalf("%s contacts: total %d, %d edges, first %+v", n.Name, n.Contacts.TotalCount, len(n.Contacts.Edges), n.Contacts.Edges)
			}
		}
	}
	t.Logf("SQL statements by page size: %v", counts)
	if counts[1] <= 0 || counts[1] != counts[10] || counts[10] != counts[50] {
		t.Fatalf("statement count grows with page size: %v", counts)
	}
	if counts[50] > 10 {
		t.Fatalf("nested page takes %d statements; want at most 10", counts[50])
	}
}
