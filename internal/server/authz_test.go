package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/c360crm/c360/ent/auditlog"
	"github.com/c360crm/c360/ent/contact"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/internal/testenv"
)

// ids extracts the node ids of a connection in data at path (e.g. "customers").
func connIDs(t *testing.T, r *testenv.Response, path ...string) (ids []string, total int) {
	t.Helper()
	var data map[string]any
	r.MustOK(t, &data)
	var cur any = data
	for _, p := range path {
		cur = cur.(map[string]any)[p]
	}
	conn := cur.(map[string]any)
	for _, e := range conn["edges"].([]any) {
		ids = append(ids, e.(map[string]any)["node"].(map[string]any)["id"].(string))
	}
	return ids, int(conn["totalCount"].(float64))
}

// TestAccountManagerCannotReachAnotherManagersCustomer hunts for leaks of B's customer to
// account manager A through every path into the graph.
func TestAccountManagerCannotReachAnotherManagersCustomer(t *testing.T) {
	w := newWorld(t)
	a := w.clients["account_manager"]
	cB := id(w.cB.ID)

	// node(id) and nodes: null with NOT_FOUND, nothing about B in the answer.
	r := a.Do(t, `query($id: ID!) { node(id: $id) { id ... on Customer { name } } }`, map[string]any{"id": cB})
	if r.Code() != "NOT_FOUND" || !strings.Contains(string(r.Data), `"node":null`) {
		t.Fatalf("node(B): %s", r.Raw)
	}
	r = a.Do(t, `query($a: ID!, $b: ID!) { nodes(ids: [$a, $b]) { id } }`, map[string]any{"a": w.cA.ID, "b": cB})
	if !strings.Contains(string(r.Data), `[{"id":"`+id(w.cA.ID)+`"},null]`) {
		t.Fatalf("nodes(A, B): %s", r.Raw)
	}
	for _, other := range []int{w.subB.ID, w.contactB.ID, w.targetB.ID} {
		r = a.Do(t, `query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": other})
		if r.Code() != "NOT_FOUND" {
			t.Errorf("node(%d) of B: %s", other, r.Raw)
		}
	}

	// Connections, where: filters and totalCount.
	got, total := connIDs(t, a.Do(t, `{ customers(first: 50) { totalCount edges { node { id } } } }`, nil), "customers")
	if total != 2 || strings.Contains(strings.Join(got, ","), cB) {
		t.Errorf("customers of A: total %d ids %v", total, got)
	}
	for _, where := range []string{`{id: "` + cB + `"}`, `{name: "乙客户"}`, `{mobile: "` + mobileB + `"}`, `{ownerID: "` + id(w.amB.ID) + `"}`} {
		_, total = connIDs(t, a.Do(t, `{ customers(where: `+where+`) { totalCount edges { node { id } } } }`, nil), "customers")
		if total != 0 {
			t.Errorf("customers(where: %s) found %d", where, total)
		}
	}
	for _, conn := range []string{"subscriptions", "contacts", "serviceRequests"} {
		_, total = connIDs(t, a.Do(t, `{ `+conn+`(first: 50) { totalCount edges { node { id } } } }`, nil), conn)
		if total != 1 {
			t.Errorf("%s of A: %d rows, want 1", conn, total)
		}
	}

	// Nested edges: a group and a campaign hold both A's and B's customers.
	r = a.Do(t, `query($g: ID!, $c: ID!) {
	  g: node(id: $g) { ... on CustomerGroup { members(first: 10) { totalCount edges { node { id } } } } }
	  c: node(id: $c) { ... on Campaign { targets(first: 10) { totalCount edges { node { id customer { id } } } } } }
	}`, map[string]any{"g": w.group.ID, "c": w.campaign.ID})
	got, total = connIDs(t, r, "g", "members")
	if total != 1 || got[0] != id(w.cA.ID) {
		t.Errorf("group members seen by A: %d %v", total, got)
	}
	got, total = connIDs(t, r, "c", "targets")
	if total != 1 || got[0] != id(w.targetA.ID) {
		t.Errorf("campaign targets seen by A: %d %v", total, got)
	}
	// From a contact of A back to its customer and on to the customer's other records.
	r = a.Do(t, `query($id: ID!) { node(id: $id) { ... on Contact { customer { id subscriptions(first: 5) { totalCount } } } } }`,
		map[string]any{"id": w.contactA.ID})
	if r.Code() != "" || !strings.Contains(string(r.Data), id(w.cA2.ID)) {
		t.Errorf("own contact → customer: %s", r.Raw)
	}

	// Mutations on B's records change nothing and say nothing.
	before := w.d.Client.Contact.Query().Where(contact.CustomerID(w.cB.ID)).CountX(testenv.SystemContext())
	for name, m := range map[string]struct {
		doc  string
		vars map[string]any
	}{
		"updateCustomer": {`mutation($id: ID!) { updateCustomer(id: $id, input: {name: "抢走"}) { id } }`, map[string]any{"id": cB}},
		"createContact":  {`mutation($c: ID!) { createContact(input: {customerID: $c, channel: CALL_CENTER, kind: SALES, subject: "x"}) { id } }`, map[string]any{"c": cB}},
		"updateContact":  {`mutation($id: ID!) { updateContact(id: $id, input: {subject: "x"}) { id } }`, map[string]any{"id": w.contactB.ID}},
		"reveal":         {`mutation($id: ID!) { revealCustomerPII(id: $id, reason: "好奇心") { mobile idNumber } }`, map[string]any{"id": cB}},
		"moveContact":    {`mutation($id: ID!, $c: ID!) { updateContact(id: $id, input: {customerID: $c}) { id } }`, map[string]any{"id": w.contactA.ID, "c": cB}},
		"giveAway":       {`mutation($id: ID!, $o: ID!) { updateCustomer(id: $id, input: {ownerID: $o}) { id } }`, map[string]any{"id": w.cA2.ID, "o": w.amB.ID}},
	} {
		r := a.Do(t, m.doc, m.vars)
		if code := r.Code(); code != "NOT_FOUND" && code != "FORBIDDEN" {
			t.Errorf("%s on B's record: %s", name, r.Raw)
		}
		for _, leak := range []string{"乙客户", mobileB, "乙的投诉", "南京"} {
			if strings.Contains(string(r.Raw), leak) {
				t.Errorf("%s: the answer mentions %q: %s", name, leak, r.Raw)
			}
		}
	}
	ctx := testenv.SystemContext()
	if n := w.d.Client.Contact.Query().Where(contact.CustomerID(w.cB.ID)).CountX(ctx); n != before {
		t.Errorf("B's contacts changed from %d to %d", before, n)
	}
	if cb := w.d.Client.Customer.GetX(ctx, w.cB.ID); cb.Name != "乙客户" {
		t.Errorf("B's customer renamed to %q", cb.Name)
	}
	if ca2 := w.d.Client.Customer.GetX(ctx, w.cA2.ID); ca2.OwnerID == nil || *ca2.OwnerID != w.am.ID {
		t.Errorf("A gave its customer away: owner %v", ca2.OwnerID)
	}
	if n := w.d.Client.AuditLog.Query().Where(auditlog.Action("reveal_pii")).CountX(ctx); n != 0 {
		t.Errorf("a refused reveal left %d audit rows", n)
	}
}

// TestScopesPerRole checks which customers each principal sees.
func TestScopesPerRole(t *testing.T) {
	w := newWorld(t)
	want := map[string][]int{
		"admin":           {w.cA.ID, w.cA2.ID, w.cB.ID},
		"planner":         {w.cA.ID, w.cA2.ID, w.cB.ID},
		"manager":         {w.cA.ID, w.cA2.ID}, // 浙江 team subtree
		"account_manager": {w.cA.ID, w.cA2.ID},
		"am_b":            {w.cB.ID},
		"agent":           {w.cA.ID, w.cA2.ID}, // region 杭州市
		"agent_js":        {w.cB.ID},           // region 江苏省
		"partner":         {w.cA.ID},           // assigned to partner 1
	}
	for role, ids := range want {
		got, total := connIDs(t, w.clients[role].Do(t, `{ customers(first: 50, orderBy: {field: CREATED_AT}) { totalCount edges { node { id } } } }`, nil), "customers")
		var wantIDs []string
		for _, i := range ids {
			wantIDs = append(wantIDs, id(i))
		}
		if total != len(ids) || strings.Join(got, ",") != strings.Join(wantIDs, ",") {
			t.Errorf("%s sees %v (total %d), want %v", role, got, total, wantIDs)
		}
	}
	// Partners see the campaign targets assigned to them, and only those campaigns.
	r := w.clients["partner"].Do(t, `{ campaigns(first: 5) { totalCount edges { node { id targets(first: 5) { totalCount edges { node { id } } } } } } }`, nil)
	if r.Code() != "" || !strings.Contains(string(r.Data), `"targets":{"totalCount":1,"edges":[{"node":{"id":"`+id(w.targetA.ID)+`"}}]}`) {
		t.Errorf("partner campaigns: %s", r.Raw)
	}
}

// TestPIIMaskingAndReveal: masked for staff and partners, clear for admins and the customer
// itself; revealCustomerPII gives it in clear and is audited with its reason.
func TestPIIMaskingAndReveal(t *testing.T) {
	w := newWorld(t)
	q := `query($id: ID!) { node(id: $id) { ... on Customer { mobile idNumber } } }`
	vars := map[string]any{"id": w.cA.ID}
	for role, want := range map[string]string{
		"admin":           `{"mobile":"13812345678","idNumber":"11010519491231002X"}`,
		"account_manager": `{"mobile":"138****5678","idNumber":"110***********002X"}`,
		"agent":           `{"mobile":"138****5678","idNumber":"110***********002X"}`,
		"planner":         `{"mobile":"138****5678","idNumber":"110***********002X"}`,
	} {
		r := w.clients[role].Do(t, q, vars)
		if r.Code() != "" || !strings.Contains(string(r.Data), want) {
			t.Errorf("%s: %s, want %s", role, r.Raw, want)
		}
	}
	// The customer itself sees its own data in clear.
	r := w.clients["customer"].Do(t, `{ myProfile { id mobile idNumber } }`, nil)
	if !strings.Contains(string(r.Data), `"mobile":"13812345678","idNumber":"11010519491231002X"`) {
		t.Errorf("customer's own profile: %s", r.Raw)
	}
	// Partners: masked mobile; idNumber is not on their allowlist at all.
	r = w.clients["partner"].Do(t, `query($id: ID!) { node(id: $id) { ... on Customer { code mobile } } }`, vars)
	if r.Code() != "" || !strings.Contains(string(r.Data), `"mobile":"138****5678"`) {
		t.Errorf("partner mobile: %s", r.Raw)
	}
	r = w.clients["partner"].Do(t, `query($id: ID!) { node(id: $id) { ... on Customer { subscriptions { edges { node { status serviceNumber } } } } } }`, vars)
	if r.Code() != "FORBIDDEN" || strings.Contains(string(r.Raw), mobileA) {
		t.Errorf("partner reading a service number: %s", r.Raw)
	}
	r = w.clients["partner"].Do(t, `query($id: ID!) { node(id: $id) { ... on Customer { code email } } }`, vars)
	if r.Code() != "FORBIDDEN" || r.Errors[0].Path[len(r.Errors[0].Path)-1] != "email" {
		t.Errorf("partner reading a field off its allowlist: %s", r.Raw)
	}

	// Reveal: clear values, and an audit row with the reason, actor and request id.
	req, _ := http.NewRequest(http.MethodPost, w.admin.URL+"/graphql", strings.NewReader(
		`{"query":"mutation($id: ID!) { revealCustomerPII(id: $id, reason: \"客户来电核实身份\") { mobile idNumber } }","variables":{"id":"`+id(w.cA.ID)+`"}}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-ID", "reveal-req-1")
	r = w.clients["account_manager"].Send(t, req)
	if r.Code() != "" || !strings.Contains(string(r.Data), `{"mobile":"13812345678","idNumber":"11010519491231002X"}`) {
		t.Fatalf("reveal: %s", r.Raw)
	}
	var logs struct {
		AuditLogs struct {
			Edges []struct {
				Node struct {
					ActorType, ActorName, Action, EntityType, Reason, RequestID string
					EntityID                                                    *int64
				}
			}
		} `json:"auditLogs"`
	}
	w.admin.Do(t, `{ auditLogs(first: 5, where: {action: "reveal_pii"}) { edges { node { actorType actorName action entityType entityID reason requestID } } } }`, nil).MustOK(t, &logs)
	if len(logs.AuditLogs.Edges) != 1 {
		t.Fatalf("reveal audit rows: %+v", logs)
	}
	n := logs.AuditLogs.Edges[0].Node
	if n.ActorType != "USER" || n.ActorName != "am_a" || n.Reason != "客户来电核实身份" || n.RequestID != "reveal-req-1" || n.EntityType != "Customer" {
		t.Errorf("reveal audit row: %+v", n)
	}
	// A reason is required.
	r = w.clients["account_manager"].Do(t, `mutation($id: ID!) { revealCustomerPII(id: $id, reason: "") { mobile } }`, vars)
	if r.Code() != "BAD_USER_INPUT" || r.Field() != "reason" {
		t.Errorf("reveal without a reason: %s", r.Raw)
	}
}

// TestAuditTrail: every mutation leaves actor, action, entity, changed fields (PII masked) and
// request id, in the transaction of the change; a failed mutation leaves none.
func TestAuditTrail(t *testing.T) {
	w := newWorld(t)
	req, _ := http.NewRequest(http.MethodPost, w.admin.URL+"/graphql", strings.NewReader(
		`{"query":"mutation($id: ID!) { updateCustomer(id: $id, input: {mobile: \"13911112222\", address: \"滨江区\"}) { id } }","variables":{"id":"`+id(w.cA2.ID)+`"}}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-ID", "audit-req-7")
	w.clients["account_manager"].Send(t, req).MustOK(t, nil)

	var logs struct {
		AuditLogs struct {
			TotalCount int
			Edges      []struct {
				Node struct {
					ActorName, Action, RequestID string
					Changes                      map[string]map[string]any
				}
			}
		} `json:"auditLogs"`
	}
	w.admin.Do(t, `query($id: Int!) { auditLogs(first: 5, where: {entityType: "Customer", action: "update", entityID: $id}) {
	  totalCount edges { node { actorName action requestID changes } } } }`, map[string]any{"id": w.cA2.ID}).MustOK(t, &logs)
	if logs.AuditLogs.TotalCount != 1 {
		t.Fatalf("audit rows for the update: %+v", logs)
	}
	n := logs.AuditLogs.Edges[0].Node
	if n.ActorName != "am_a" || n.RequestID != "audit-req-7" {
		t.Errorf("audit row: %+v", n)
	}
	if n.Changes["mobile"]["new"] != "139****2222" || n.Changes["mobile"]["old"] != "138****0002" || n.Changes["address"]["new"] != "滨江区" {
		t.Errorf("changes: %v", n.Changes)
	}
	raw, _ := json.Marshal(n.Changes)
	if strings.Contains(string(raw), "13911112222") {
		t.Errorf("clear mobile in the audit trail: %s", raw)
	}

	// A mutation that fails halfway leaves neither the change nor an audit row.
	ctx := testenv.SystemContext()
	before := w.d.Client.AuditLog.Query().CountX(ctx)
	r := w.admin.Do(t, `mutation($id: ID!) { a: updateCustomer(id: $id, input: {address: "第一步"}) { id } b: updateCustomer(id: "0", input: {address: "x"}) { id } }`,
		map[string]any{"id": w.cA2.ID})
	if r.Code() == "" {
		t.Fatalf("expected the second update to fail: %s", r.Raw)
	}
	if after := w.d.Client.AuditLog.Query().CountX(ctx); after != before {
		t.Errorf("a rolled-back mutation left %d audit rows", after-before)
	}
	if c := w.d.Client.Customer.Query().Where(customer.ID(w.cA2.ID)).OnlyX(ctx); c.Address == "第一步" {
		t.Error("the first half of a failed mutation was kept")
	}

	// Only admins query the trail.
	if r := w.clients["manager"].Do(t, `{ auditLogs(first: 1) { totalCount } }`, nil); r.Code() != "FORBIDDEN" {
		t.Errorf("manager reading the audit trail: %s", r.Raw)
	}
}
