package server_test

import (
	"fmt"
	"sort"
	"testing"

	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/testenv"
)

type customerPage struct {
	Customers struct {
		TotalCount int
		PageInfo   struct {
			HasNextPage, HasPreviousPage bool
			StartCursor, EndCursor       *string
		}
		Edges []struct {
			Cursor string
			Node   customerNode
		}
	}
}

func (p customerPage) names() []string {
	out := make([]string, len(p.Customers.Edges))
	for i, e := range p.Customers.Edges {
		out[i] = e.Node.Name
	}
	return out
}

const listCustomers = `query($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: CustomerWhereInput, $orderBy: [CustomerOrder!]) {
  customers(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id name type city } }
  }
}`

// TestCustomerListFilterSortPaginate walks a filtered, sorted customer list forwards and
// backwards and checks the Relay invariants on every page.
func TestCustomerListFilterSortPaginate(t *testing.T) {
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{})
	var business []string
	for i := 0; i < 25; i++ {
		typ, city := "PUBLIC", "杭州市"
		if i%2 == 0 {
			typ = "BUSINESS"
		}
		if i%5 == 0 {
			city = "宁波市"
		}
		name := fmt.Sprintf("客户-%02d", (i*7)%25) // created out of name order
		c.Do(t, createCustomer, map[string]any{"input": map[string]any{"type": typ, "name": name, "city": city}}).MustOK(t, nil)
		if typ == "BUSINESS" {
			business = append(business, name)
		}
	}
	sort.Strings(business)
	byName := []map[string]any{{"field": "NAME", "direction": "ASC"}}
	where := map[string]any{"type": "BUSINESS"}

	t.Run("forward", func(t *testing.T) {
		var seen []string
		var after *string
		for page := 0; ; page++ {
			var p customerPage
			c.Do(t, listCustomers, map[string]any{"first": 5, "after": after, "where": where, "orderBy": byName}).MustOK(t, &p)
			if p.Customers.TotalCount != len(business) {
				t.Fatalf("totalCount %d, want %d", p.Customers.TotalCount, len(business))
			}
			if page == 0 && p.Customers.PageInfo.HasPreviousPage {
				t.Fatalf("page %d: hasPreviousPage %v", page, p.Customers.PageInfo.HasPreviousPage)
			}
			if n := len(p.Customers.Edges); n > 0 && *p.Customers.PageInfo.EndCursor != p.Customers.Edges[n-1].Cursor {
				t.Fatalf("endCursor is not the last edge's cursor")
			}
			seen = append(seen, p.names()...)
			if !p.Customers.PageInfo.HasNextPage {
				break
			}
			after = p.Customers.PageInfo.EndCursor
		}
		if fmt.Sprint(seen) != fmt.Sprint(business) {
			t.Fatalf("forward walk\n got %v\nwant %v", seen, business)
		}
	})

	t.Run("backward", func(t *testing.T) {
		var seen []string
		var before *string
		for {
			var p customerPage
			c.Do(t, listCustomers, map[string]any{"last": 4, "before": before, "where": where, "orderBy": byName}).MustOK(t, &p)
			seen = append(p.names(), seen...)
			if !p.Customers.PageInfo.HasPreviousPage {
				break
			}
			before = p.Customers.PageInfo.StartCursor
		}
		if fmt.Sprint(seen) != fmt.Sprint(business) {
			t.Fatalf("backward walk\n got %v\nwant %v", seen, business)
		}
	})

	t.Run("combined filters and descending order", func(t *testing.T) {
		var p customerPage
		c.Do(t, listCustomers, map[string]any{"first": 100,
			"where":   map[string]any{"city": "宁波市", "nameContains": "客户", "typeIn": []string{"PUBLIC", "BUSINESS"}},
			"orderBy": []map[string]any{{"field": "NAME", "direction": "DESC"}}}).MustOK(t, &p)
		names := p.names()
		if p.Customers.TotalCount != 5 || len(names) != 5 || !sort.IsSorted(sort.Reverse(sort.StringSlice(names))) {
			t.Fatalf("宁波 customers by name desc: total %d, %v", p.Customers.TotalCount, names)
		}
		for _, e := range p.Customers.Edges {
			if e.Node.City != "宁波市" {
				t.Fatalf("filter leaked %+v", e.Node)
			}
		}
	})

	t.Run("nodes", func(t *testing.T) {
		var p customerPage
		c.Do(t, listCustomers, map[string]any{"first": 3, "orderBy": byName}).MustOK(t, &p)
		ids := []string{p.Customers.Edges[2].Node.ID, p.Customers.Edges[0].Node.ID}
		var out struct {
			Nodes []struct{ ID, Name string }
		}
		c.Do(t, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Customer { name } } }`, map[string]any{"ids": ids}).MustOK(t, &out)
		if len(out.Nodes) != 2 || out.Nodes[0].ID != ids[0] || out.Nodes[1].Name != p.Customers.Edges[0].Node.Name {
			t.Fatalf("nodes kept neither order nor content: %+v", out.Nodes)
		}
	})
}
