package server_test

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/c360crm/c360/internal/testenv"
)

// matrixRow is one row of the role × operation table in docs/authorization.md.
type matrixRow struct {
	op      string
	allowed map[string]bool // by role
}

// readMatrix parses the role × operation table of docs/authorization.md.
func readMatrix(t *testing.T) (roles []string, rows []matrixRow) {
	t.Helper()
	f, err := os.Open("../../docs/authorization.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if !strings.HasPrefix(line, "|") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case cells[0] == "operation":
			roles = cells[1:]
		case roles != nil && (strings.HasPrefix(cells[0], "Query.") || strings.HasPrefix(cells[0], "Mutation.")):
			if len(cells) != len(roles)+1 {
				t.Fatalf("docs/authorization.md: row %q has %d cells, want %d", cells[0], len(cells), len(roles)+1)
			}
			r := matrixRow{op: cells[0], allowed: map[string]bool{}}
			for i, role := range roles {
				switch cells[i+1] {
				case "✓":
					r.allowed[role] = true
				case "—":
				default:
					t.Fatalf("docs/authorization.md: row %q, role %s: cell %q is neither ✓ nor —", r.op, role, cells[i+1])
				}
			}
			rows = append(rows, r)
		}
	}
	if len(roles) == 0 || len(rows) == 0 {
		t.Fatal("docs/authorization.md: no role × operation table found")
	}
	return roles, rows
}

// matrixCalls are the operations of the table with arguments from the world; allowed calls
// may still fail for other reasons (a bad input, a row out of scope) — only FORBIDDEN and
// UNAUTHENTICATED on the root field count as "refused".
func matrixCalls(w *world, role string) map[string]struct {
	doc  string
	vars map[string]any
} {
	type call = struct {
		doc  string
		vars map[string]any
	}
	u := "m" + strings.ReplaceAll(role, "_", "")
	conn := func(name string) call { return call{`{ ` + name + `(first: 1) { totalCount } }`, nil} }
	return map[string]call{
		"Query.node":                  {`query($id: ID!) { node(id: $id) { id } }`, map[string]any{"id": w.prod.ID}},
		"Query.nodes":                 {`query($id: ID!) { nodes(ids: [$id]) { id } }`, map[string]any{"id": w.prod.ID}},
		"Query.customers":             conn("customers"),
		"Query.exportCustomers":       {`{ exportCustomers(format: CSV) { rows } }`, nil},
		"Query.subscriptions":         conn("subscriptions"),
		"Query.accounts":              conn("accounts"),
		"Query.bills":                 conn("bills"),
		"Query.contacts":              conn("contacts"),
		"Query.serviceRequests":       conn("serviceRequests"),
		"Query.creditProfiles":        conn("creditProfiles"),
		"Query.pointsAccounts":        conn("pointsAccounts"),
		"Query.customerGroups":        conn("customerGroups"),
		"Query.campaigns":             conn("campaigns"),
		"Query.users":                 conn("users"),
		"Query.teams":                 conn("teams"),
		"Query.products":              conn("products"),
		"Query.knowledgeDocuments":    conn("knowledgeDocuments"),
		"Query.knowledgeCategories":   conn("knowledgeCategories"),
		"Query.partners":              conn("partners"),
		"Query.auditLogs":             conn("auditLogs"),
		"Query.partnerAPIKeys":        {`query($p: ID!) { partnerAPIKeys(partnerID: $p) { id } }`, map[string]any{"p": w.partner1.ID}},
		"Query.policyRules":           {`{ policyRules(ptype: G) { subject object } }`, nil},
		"Query.myProfile":             {`{ myProfile { id } }`, nil},
		"Query.mySubscriptions":       {`{ mySubscriptions(first: 1) { totalCount } }`, nil},
		"Query.myBills":               {`{ myBills(first: 1) { totalCount } }`, nil},
		"Query.myPoints":              {`{ myPoints { id } }`, nil},
		"Query.myServiceRequests":     {`{ myServiceRequests(first: 1) { totalCount } }`, nil},
		"Query.searchKnowledge":       {`{ searchKnowledge(query: "宽带") { total } }`, nil},
		"Query.knowledgeDocumentDiff": {`query($id: ID!) { knowledgeDocumentDiff(id: $id, fromVersion: 1, toVersion: 1) { fromVersion } }`, map[string]any{"id": w.doc.ID}},

		"Mutation.createKnowledgeDocument":         {`mutation($t: String!) { createKnowledgeDocument(input: {title: $t}) { id } }`, map[string]any{"t": "矩阵" + u}},
		"Mutation.updateKnowledgeDocument":         {`mutation($id: ID!) { updateKnowledgeDocument(id: $id, input: {body: "更新"}) { id } }`, map[string]any{"id": w.doc.ID}},
		"Mutation.lockKnowledgeDocument":           {`mutation($id: ID!) { lockKnowledgeDocument(id: $id) { id } }`, map[string]any{"id": w.doc.ID}},
		"Mutation.unlockKnowledgeDocument":         {`mutation($id: ID!) { unlockKnowledgeDocument(id: $id) { id } }`, map[string]any{"id": w.doc.ID}},
		"Mutation.submitKnowledgeDocument":         {`mutation($id: ID!) { submitKnowledgeDocument(id: $id) { id } }`, map[string]any{"id": w.doc.ID}},
		"Mutation.restoreKnowledgeDocumentVersion": {`mutation($v: ID!) { restoreKnowledgeDocumentVersion(versionID: $v) { id } }`, map[string]any{"v": w.docV1.ID}},
		"Mutation.uploadAttachment":                {`mutation($d: ID!, $f: Upload!) { uploadAttachment(documentID: $d, file: $f) { id } }`, map[string]any{"d": w.doc.ID}},
		"Mutation.approveKnowledgeDocument":        {`mutation($id: ID!) { approveKnowledgeDocument(id: $id) { id } }`, map[string]any{"id": w.doc.ID}},
		"Mutation.rejectKnowledgeDocument":         {`mutation($id: ID!) { rejectKnowledgeDocument(id: $id, comment: "再改改") { id } }`, map[string]any{"id": w.doc.ID}},
		"Mutation.archiveKnowledgeDocument":        {`mutation($id: ID!) { archiveKnowledgeDocument(id: $id) { id } }`, map[string]any{"id": w.doc.ID}},
		"Mutation.linkKnowledgeDocument":           {`mutation($s: ID!, $d: ID!) { linkKnowledgeDocument(serviceRequestID: $s, documentID: $d) { id } }`, map[string]any{"s": w.srA.ID, "d": w.doc.ID}},

		"Mutation.createCustomer":         {`mutation($n: String!) { createCustomer(input: {type: PUBLIC, name: $n, province: "浙江省", city: "杭州市"}) { id } }`, map[string]any{"n": "矩阵" + u}},
		"Mutation.updateCustomer":         {`mutation($id: ID!) { updateCustomer(id: $id, input: {address: "西湖区"}) { id } }`, map[string]any{"id": w.cA2.ID}},
		"Mutation.createSubscription":     {`mutation($c: ID!, $p: ID!, $n: String!) { createSubscription(input: {customerID: $c, productID: $p, serviceNumber: $n}) { id } }`, map[string]any{"c": w.cA2.ID, "p": w.prod.ID, "n": u}},
		"Mutation.updateSubscription":     {`mutation($id: ID!) { updateSubscription(id: $id, input: {status: ACTIVE}) { id } }`, map[string]any{"id": w.subA.ID}},
		"Mutation.createAccount":          {`mutation($c: ID!, $n: String!) { createAccount(input: {customerID: $c, number: $n, name: "账户"}) { id } }`, map[string]any{"c": w.cA2.ID, "n": u}},
		"Mutation.updateAccount":          {`mutation { updateAccount(id: "1", input: {name: "账户"}) { id } }`, nil},
		"Mutation.createContact":          {`mutation($c: ID!) { createContact(input: {customerID: $c, channel: CALL_CENTER, kind: CONSULTATION, subject: "来电"}) { id } }`, map[string]any{"c": w.cA2.ID}},
		"Mutation.updateContact":          {`mutation($id: ID!) { updateContact(id: $id, input: {outcome: "已解答"}) { id } }`, map[string]any{"id": w.contactA.ID}},
		"Mutation.createServiceRequest":   {`mutation($c: ID!) { createServiceRequest(input: {customerID: $c, type: FAULT, channel: CALL_CENTER, title: "断网"}) { id } }`, map[string]any{"c": w.cA2.ID}},
		"Mutation.updateServiceRequest":   {`mutation($id: ID!) { updateServiceRequest(id: $id, input: {priority: HIGH}) { id } }`, map[string]any{"id": w.srA.ID}},
		"Mutation.createCustomerGroup":    {`mutation($n: String!) { createCustomerGroup(input: {name: $n}) { id } }`, map[string]any{"n": u}},
		"Mutation.updateCustomerGroup":    {`mutation($id: ID!) { updateCustomerGroup(id: $id, input: {description: "更新"}) { id } }`, map[string]any{"id": w.group.ID}},
		"Mutation.createProduct":          {`mutation($c: String!) { createProduct(input: {code: $c, name: "宽带", category: BROADBAND, price: 100}) { id } }`, map[string]any{"c": strings.ToUpper(u)}},
		"Mutation.updateProduct":          {`mutation($id: ID!) { updateProduct(id: $id, input: {name: "5G 套餐"}) { id } }`, map[string]any{"id": w.prod.ID}},
		"Mutation.createUser":             {`mutation($n: String!) { createUser(input: {username: $n, displayName: "新人", password: "password-123"}) { id } }`, map[string]any{"n": u}},
		"Mutation.updateUser":             {`mutation($id: ID!) { updateUser(id: $id, input: {displayName: "编辑"}) { id } }`, map[string]any{"id": w.editor.ID}},
		"Mutation.createTeam":             {`mutation($c: String!) { createTeam(input: {name: "新团队", code: $c}) { id } }`, map[string]any{"c": strings.ToUpper(u)}},
		"Mutation.updateTeam":             {`mutation($id: ID!) { updateTeam(id: $id, input: {name: "杭州分公司"}) { id } }`, map[string]any{"id": w.teamC.ID}},
		"Mutation.changePassword":         {`mutation { changePassword(input: {oldPassword: "not-the-password", newPassword: "another-pass-1"}) }`, nil},
		"Mutation.setCustomerPassword":    {`mutation($c: ID!) { setCustomerPassword(customerID: $c, password: "hall-pass-999") }`, map[string]any{"c": w.cA2.ID}},
		"Mutation.revealCustomerPII":      {`mutation($id: ID!) { revealCustomerPII(id: $id, reason: "核实身份") { mobile } }`, map[string]any{"id": w.cA2.ID}},
		"Mutation.createPartnerAPIKey":    {`mutation($p: ID!) { createPartnerAPIKey(partnerID: $p) { key } }`, map[string]any{"p": w.partner2.ID}},
		"Mutation.revokePartnerAPIKey":    {`mutation { revokePartnerAPIKey(id: "1") }`, nil},
		"Mutation.addPolicyRule":          {`mutation($s: String!) { addPolicyRule(input: {ptype: P, subject: $s, object: "Query.nothing", action: "call"}) { subject } }`, map[string]any{"s": "dummy-" + role}},
		"Mutation.removePolicyRule":       {`mutation { removePolicyRule(input: {ptype: P, subject: "nobody", object: "Query.nothing", action: "call"}) }`, nil},
		"Mutation.importCustomers":        {`mutation($f: Upload!) { importCustomers(file: $f, dryRun: true) { total } }`, nil},
		"Mutation.earnPoints":             {`mutation($c: ID!, $k: String!) { earnPoints(input: {customerID: $c, points: 100, reason: "消费积分", idempotencyKey: $k}) { id } }`, map[string]any{"c": w.cA2.ID, "k": "earn-" + role}},
		"Mutation.redeemPoints":           {`mutation($c: ID!, $k: String!) { redeemPoints(input: {customerID: $c, points: 1, idempotencyKey: $k}) { id } }`, map[string]any{"c": w.cA2.ID, "k": "redeem-" + role}},
		"Mutation.adjustPoints":           {`mutation($c: ID!, $k: String!) { adjustPoints(input: {customerID: $c, points: 5, reason: "补偿", idempotencyKey: $k}) { id } }`, map[string]any{"c": w.cA2.ID, "k": "adjust-" + role}},
		"Mutation.redeemMyPoints":         {`mutation($k: String!) { redeemMyPoints(input: {points: 1, idempotencyKey: $k}) { id } }`, map[string]any{"k": "mine-" + role}},
		"Mutation.updateMyContact":        {`mutation { updateMyContact(input: {address: "杭州市西湖区"}) { id } }`, nil},
		"Mutation.createMyServiceRequest": {`mutation { createMyServiceRequest(input: {type: FAULT, title: "家里断网"}) { id } }`, nil},
	}
}

// TestRoleOperationMatrix calls every operation of the table in docs/authorization.md as
// every role over HTTP and checks that exactly the ✓ cells get through the access checks.
func TestRoleOperationMatrix(t *testing.T) {
	w := newWorld(t)
	roles, rows := readMatrix(t)

	// The table covers every operation that needs a signed-in caller.
	var ops struct {
		Viewer struct{ Operations []string } `json:"viewer"`
	}
	w.admin.Do(t, `{ viewer { operations } }`, nil).MustOK(t, &ops)
	public := []string{"Mutation.login", "Mutation.logout", "Mutation.customerLogin", "Mutation.requestCustomerLoginCode", "Query.me", "Query.viewer"}
	var listed []string
	for _, r := range rows {
		listed = append(listed, r.op)
	}
	for _, op := range ops.Viewer.Operations {
		if !slices.Contains(listed, op) && !slices.Contains(public, op) {
			t.Errorf("operation %s is missing from the table in docs/authorization.md", op)
		}
	}

	for _, role := range roles {
		c := w.clients[role]
		if c == nil {
			t.Fatalf("no client for role %s", role)
		}
		calls := matrixCalls(w, role)
		var allowedOps []string
		for _, r := range rows {
			call, ok := calls[r.op]
			if !ok {
				t.Fatalf("no test call for %s", r.op)
			}
			var resp *testenv.Response
			if strings.Contains(call.doc, "Upload!") {
				name, content := "说明.txt", []byte("宽带故障排查说明")
				if strings.Contains(call.doc, "importCustomers") {
					name, content = "客户.csv", []byte("名称,类型\n矩阵导入,公众\n")
				}
				resp = c.Upload(t, call.doc, call.vars, "f", name, content)
			} else {
				resp = c.Do(t, call.doc, call.vars)
			}
			refused := false
			for _, e := range resp.Errors {
				code, _ := e.Extensions["code"].(string)
				if len(e.Path) == 1 && (code == "FORBIDDEN" || code == "UNAUTHENTICATED") {
					refused = true
				}
				if len(e.Path) == 0 {
					t.Errorf("%s as %s: request-level error %s", r.op, role, resp.Raw)
				}
			}
			if refused == r.allowed[role] {
				t.Errorf("%s as %s: allowed=%v, the table says %v; response %s", r.op, role, !refused, r.allowed[role], resp.Raw)
			}
			if r.allowed[role] {
				allowedOps = append(allowedOps, r.op)
			}
		}
		// viewer.operations agrees with the table (the SPA builds its menus from it).
		var v struct {
			Viewer struct{ Operations []string } `json:"viewer"`
		}
		c.Do(t, `{ viewer { operations } }`, nil).MustOK(t, &v)
		for _, op := range allowedOps {
			if !slices.Contains(v.Viewer.Operations, op) && !strings.HasPrefix(op, "Query.my") && !strings.Contains(op, "My") {
				t.Errorf("viewer.operations of %s lacks %s", role, op)
			}
		}
	}
}
