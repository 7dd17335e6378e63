package server_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/ent/auditlog"
	"github.com/c360crm/c360/ent/session"
	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/testenv"
)

const viewerQuery = `{ viewer { kind name roles } }`

func post(t *testing.T, c *testenv.Client, body string, header map[string]string) *testenv.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, c.URL+"/graphql", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return c.Send(t, req)
}

// TestSessionCookieAndCSRF: login sets an HttpOnly SameSite=Lax cookie; cookie requests need
// the CSRF header; cross-site writes are refused; logout ends the session.
func TestSessionCookieAndCSRF(t *testing.T) {
	d := testenv.New(t)
	anon := testenv.Anonymous(t, d, server.Config{})
	testenv.CreateUser(t, d, "alice", "alice-pass-1", nil, "planner")

	r := post(t, anon, `{"query":"mutation { login(input: {username: \"alice\", password: \"alice-pass-1\"}) { token user { username } } }"}`, nil)
	r.MustOK(t, nil)
	var cookie *http.Cookie
	for _, c := range r.HTTP.Cookies() {
		if c.Name == "c360_session" {
			cookie = c
		}
	}
	if cookie == nil || !cookie.HttpOnly || cookie.SameSite != http.SameSiteLaxMode || cookie.Value == "" || cookie.Secure {
		t.Fatalf("session cookie: %+v", cookie)
	}
	withCookie := func(h map[string]string) *testenv.Response {
		req, _ := http.NewRequest(http.MethodPost, anon.URL+"/graphql", strings.NewReader(`{"query":"`+viewerQuery+`"}`))
		req.Header.Set("Content-Type", "application/json")
		req.AddCookie(cookie)
		for k, v := range h {
			req.Header.Set(k, v)
		}
		return anon.Send(t, req)
	}
	// Without the CSRF header: refused before GraphQL runs.
	if r := withCookie(nil); r.Status != http.StatusForbidden || r.Code() != "FORBIDDEN" {
		t.Errorf("cookie without CSRF header: %d %s", r.Status, r.Raw)
	}
	// With it: signed in.
	if r := withCookie(map[string]string{"X-C360-CSRF": "1"}); !strings.Contains(string(r.Data), `"name":"alice"`) {
		t.Errorf("cookie with CSRF header: %s", r.Raw)
	}
	// A cross-site form post is refused even with the header (Sec-Fetch-Site / Origin).
	if r := withCookie(map[string]string{"X-C360-CSRF": "1", "Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}); r.Status != http.StatusForbidden {
		t.Errorf("cross-site request: %d %s", r.Status, r.Raw)
	}
	// GraphQL-over-HTTP: a mutation over GET is refused.
	req, _ := http.NewRequest(http.MethodGet, anon.URL+"/graphql?query="+`mutation{logout}`, nil)
	req.AddCookie(cookie)
	req.Header.Set("X-C360-CSRF", "1")
	if r := anon.Send(t, req); r.Status == http.StatusOK && r.Code() == "" {
		t.Errorf("mutation over GET: %d %s", r.Status, r.Raw)
	}

	// Logout ends the session: the cookie no longer signs in (and is cleared).
	req, _ = http.NewRequest(http.MethodPost, anon.URL+"/graphql", strings.NewReader(`{"query":"mutation { logout }"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-C360-CSRF", "1")
	req.AddCookie(cookie)
	r = anon.Send(t, req)
	if !strings.Contains(string(r.Data), `"logout":true`) {
		t.Fatalf("logout: %s", r.Raw)
	}
	if r := withCookie(map[string]string{"X-C360-CSRF": "1"}); !strings.Contains(string(r.Data), `"viewer":null`) {
		t.Errorf("viewer after logout: %s", r.Raw)
	}
	ctx := testenv.SystemContext()
	for _, action := range []string{"login", "logout"} {
		if n := d.Client.AuditLog.Query().Where(auditlog.Action(action), auditlog.ActorName("alice")).CountX(ctx); n != 1 {
			t.Errorf("%s audit rows by alice: %d", action, n)
		}
	}
}

// TestBearerTokens: missing, tampered, expired, revoked tokens and disabled users.
func TestBearerTokens(t *testing.T) {
	d := testenv.New(t)
	admin := testenv.Server(t, d, server.Config{})
	u := testenv.CreateUser(t, d, "bob", "bob-pass-123", nil, "agent")
	bob := admin.Login(t, "bob", "bob-pass-123")
	token := strings.TrimPrefix(bob.Header.Get("Authorization"), "Bearer ")

	if r := bob.Do(t, viewerQuery, nil); !strings.Contains(string(r.Data), `"name":"bob","roles":["agent"]`) {
		t.Fatalf("viewer: %s", r.Raw)
	}
	// Sessions live in the database: a new server process (a restart, or another instance
	// behind the load balancer) accepts the token.
	if r := testenv.Anonymous(t, d, server.Config{}).WithToken(token).Do(t, viewerQuery, nil); !strings.Contains(string(r.Data), `"name":"bob"`) {
		t.Errorf("token on a restarted server: %s", r.Raw)
	}
	// Anonymous callers get UNAUTHENTICATED for anything but the public operations.
	if r := admin.WithToken("").Do(t, `{ customers { totalCount } }`, nil); r.Code() != "UNAUTHENTICATED" {
		t.Errorf("anonymous customers: %s", r.Raw)
	}
	// A tampered token (one character changed) is refused with 401.
	last := token[len(token)-1]
	swap := byte('A')
	if last == 'A' {
		swap = 'B'
	}
	for name, tok := range map[string]string{"tampered": token[:len(token)-1] + string(swap), "garbage": "not-a-token", "key-shaped": "c360pk_abcdefgh_xyz"} {
		if r := admin.WithToken(tok).Do(t, viewerQuery, nil); r.Status != http.StatusUnauthorized || r.Code() != "UNAUTHENTICATED" {
			t.Errorf("%s token: %d %s", name, r.Status, r.Raw)
		}
	}
	// An expired session is refused.
	ctx := testenv.SystemContext()
	d.Client.Session.Update().Where(session.UserID(u.ID)).SetExpiresAt(time.Now().Add(-time.Minute)).ExecX(ctx)
	if r := bob.Do(t, viewerQuery, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("expired session: %d %s", r.Status, r.Raw)
	}
	// Disabling the user ends its sessions at once.
	bob = admin.Login(t, "bob", "bob-pass-123")
	admin.Do(t, `mutation($id: ID!) { updateUser(id: $id, input: {status: DISABLED}) { id } }`, map[string]any{"id": u.ID}).MustOK(t, nil)
	if r := bob.Do(t, viewerQuery, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("session of a disabled user: %d %s", r.Status, r.Raw)
	}
	if r := admin.WithToken("").Do(t, `mutation { login(input: {username: "bob", password: "bob-pass-123"}) { token } }`, nil); r.Code() != "UNAUTHENTICATED" {
		t.Errorf("disabled user signing in: %s", r.Raw)
	}
}

// TestLoginThrottling: after five wrong passwords even the right one is refused for a while.
func TestLoginThrottling(t *testing.T) {
	d := testenv.New(t)
	anon := testenv.Anonymous(t, d, server.Config{})
	testenv.CreateUser(t, d, "carol", "carol-pass-1", nil, "planner")
	login := func(pw string) *testenv.Response {
		return anon.Do(t, `mutation($p: String!) { login(input: {username: "carol", password: $p}) { token } }`, map[string]any{"p": pw})
	}
	for i := range 5 {
		if r := login("wrong-password"); r.Code() != "UNAUTHENTICATED" {
			t.Fatalf("wrong password %d: %s", i, r.Raw)
		}
	}
	r := login("carol-pass-1")
	if r.Code() != "TOO_MANY_REQUESTS" || r.Errors[0].Extensions["retryAfterSeconds"] == nil {
		t.Fatalf("right password after 5 failures: %s", r.Raw)
	}
	if strings.Contains(string(r.Raw), "token") && !strings.Contains(string(r.Raw), `"login":null`) {
		t.Errorf("a locked sign-in returned a token: %s", r.Raw)
	}
	// Failed sign-ins are in the audit trail although their transactions rolled back.
	if n := d.Client.AuditLog.Query().Where(auditlog.Action("login_failed"), auditlog.EntityType("User")).CountX(testenv.SystemContext()); n != 5 {
		t.Errorf("login_failed audit rows: %d, want 5", n)
	}
}

// TestPartnerAPIKeys: created by an admin, shown once, stored hashed, revocable.
func TestPartnerAPIKeys(t *testing.T) {
	w := newWorld(t)
	if !strings.HasPrefix(w.partnerKey, "c360pk_") {
		t.Fatalf("key %q", w.partnerKey)
	}
	var keys struct {
		PartnerAPIKeys []struct{ ID, Prefix string } `json:"partnerAPIKeys"`
	}
	w.admin.Do(t, `query($p: ID!) { partnerAPIKeys(partnerID: $p) { id prefix } }`, map[string]any{"p": w.partner1.ID}).MustOK(t, &keys)
	if len(keys.PartnerAPIKeys) != 1 || !strings.HasPrefix(w.partnerKey, keys.PartnerAPIKeys[0].Prefix) || len(keys.PartnerAPIKeys[0].Prefix) >= len(w.partnerKey) {
		t.Errorf("keys: %+v", keys)
	}
	// The database holds no copy of the key.
	k := w.d.Client.PartnerAPIKey.Query().OnlyX(testenv.SystemContext())
	if k.KeyHash == w.partnerKey || strings.Contains(k.KeyHash, w.partnerKey[len(k.Prefix):]) {
		t.Error("the key is stored in clear")
	}
	p := w.clients["partner"]
	if r := p.Do(t, viewerQuery, nil); !strings.Contains(string(r.Data), `"kind":"PARTNER","name":"P1"`) {
		t.Fatalf("partner viewer: %s", r.Raw)
	}
	w.admin.Do(t, `mutation($id: ID!) { revokePartnerAPIKey(id: $id) }`, map[string]any{"id": w.partnerKeyID}).MustOK(t, nil)
	if r := p.Do(t, `{ customers { totalCount } }`, nil); r.Status != http.StatusUnauthorized {
		t.Errorf("revoked key: %d %s", r.Status, r.Raw)
	}
}

// TestCustomerPrincipal: the web business hall sees and changes only the customer itself.
func TestCustomerPrincipal(t *testing.T) {
	w := newWorld(t)
	c := w.clients["customer"]
	r := c.Do(t, `{ viewer { kind customer { id } } myProfile { id name } mySubscriptions(first: 5) { totalCount } }`, nil)
	if r.Code() != "" || !strings.Contains(string(r.Data), `"kind":"CUSTOMER","customer":{"id":"`+id(w.cA.ID)+`"}`) ||
		!strings.Contains(string(r.Data), `"mySubscriptions":{"totalCount":1}`) {
		t.Fatalf("hall: %s", r.Raw)
	}
	// Another customer's ID gets nowhere.
	for _, doc := range []string{
		`mutation($b: ID!) { updateCustomer(id: $b, input: {address: "x"}) { id } }`,
		`query($b: ID!) { node(id: $b) { id } }`,
		`mutation($b: ID!) { createServiceRequest(input: {customerID: $b, type: FAULT, channel: WEB, title: "x"}) { id } }`,
	} {
		if r := c.Do(t, doc, map[string]any{"b": w.cB.ID}); r.Code() != "FORBIDDEN" {
			t.Errorf("%s: %s", doc, r.Raw)
		}
	}
	if r := c.Do(t, `mutation($s: ID!) { createMyServiceRequest(input: {type: FAULT, title: "x", subscriptionID: $s}) { id } }`,
		map[string]any{"s": w.subB.ID}); r.Code() != "BAD_USER_INPUT" || r.Field() != "subscriptionID" {
		t.Errorf("service request on another customer's subscription: %s", r.Raw)
	}
	// Its own changes work, and are audited with the customer as the actor.
	c.Do(t, `mutation { updateMyContact(input: {email: "jia@example.cn"}) { id } }`, nil).MustOK(t, nil)
	c.Do(t, `mutation { createMyServiceRequest(input: {type: FAULT, title: "家里断网", description: "光猫红灯"}) { id number } }`, nil).MustOK(t, nil)
	r = c.Do(t, `{ myServiceRequests(first: 5) { totalCount edges { node { title channel } } } }`, nil)
	if !strings.Contains(string(r.Data), `"totalCount":1`) || !strings.Contains(string(r.Data), `"channel":"WEB"`) {
		t.Errorf("own service requests: %s", r.Raw)
	}
	var logs struct {
		AuditLogs struct {
			Edges []struct {
				Node struct{ ActorType, ActorName string }
			}
		} `json:"auditLogs"`
	}
	w.admin.Do(t, `{ auditLogs(first: 1, where: {entityType: "ServiceRequest", action: "create", actorType: CUSTOMER}) { edges { node { actorType actorName } } } }`, nil).MustOK(t, &logs)
	if len(logs.AuditLogs.Edges) != 1 || logs.AuditLogs.Edges[0].Node.ActorName != w.cA.Code {
		t.Errorf("audit of the hall's service request: %+v", logs)
	}
}

// TestPolicyEditReachesOtherInstances: an admin's policy edit on one instance applies on a
// second instance over the same database without a restart; a deny row beats an allow.
func TestPolicyEditReachesOtherInstances(t *testing.T) {
	w := newWorld(t)
	second := testenv.Anonymous(t, w.d, server.Config{})
	agent := second.Login(t, "agent_hz", worldPassword)
	am := second.Login(t, "am_a", worldPassword)
	if r := agent.Do(t, `{ partners(first: 1) { totalCount } }`, nil); r.Code() != "FORBIDDEN" {
		t.Fatalf("before the edit: %s", r.Raw)
	}
	rule := map[string]any{"ptype": "P", "subject": "agent", "object": "Query.partners", "action": "call"}
	entityRule := map[string]any{"ptype": "P", "subject": "agent", "object": "Partner", "action": "read"}
	for _, in := range []map[string]any{rule, entityRule} {
		w.admin.Do(t, `mutation($in: PolicyRuleInput!) { addPolicyRule(input: $in) { subject object action effect } }`,
			map[string]any{"in": in}).MustOK(t, nil)
	}
	if r := agent.Do(t, `{ partners(first: 5) { totalCount } }`, nil); r.Code() != "" || !strings.Contains(string(r.Data), `"totalCount":2`) {
		t.Fatalf("after the edit, on the second instance: %s", r.Raw)
	}
	w.admin.Do(t, `mutation($in: PolicyRuleInput!) { removePolicyRule(input: $in) }`, map[string]any{"in": rule}).MustOK(t, nil)
	if r := agent.Do(t, `{ partners(first: 1) { totalCount } }`, nil); r.Code() != "FORBIDDEN" {
		t.Errorf("after removing the rule: %s", r.Raw)
	}
	// A deny row for one role beats the allow it inherits.
	if r := am.Do(t, `mutation($id: ID!) { revealCustomerPII(id: $id, reason: "核实") { mobile } }`, map[string]any{"id": w.cA.ID}); r.Code() != "" {
		t.Fatalf("reveal before the deny: %s", r.Raw)
	}
	w.admin.Do(t, `mutation { addPolicyRule(input: {ptype: P, subject: "account_manager", object: "Mutation.revealCustomerPII", action: "call", effect: "deny"}) { effect } }`, nil).MustOK(t, nil)
	if r := am.Do(t, `mutation($id: ID!) { revealCustomerPII(id: $id, reason: "核实") { mobile } }`, map[string]any{"id": w.cA.ID}); r.Code() != "FORBIDDEN" {
		t.Errorf("reveal after the deny: %s", r.Raw)
	}
	// Bad rules are refused field by field.
	r := w.admin.Do(t, `mutation { addPolicyRule(input: {ptype: P, subject: "agent", object: "Customer[", action: "fly"}) { subject } }`, nil)
	if r.Code() != "BAD_USER_INPUT" || !strings.Contains(string(r.Raw), `"field":"object"`) || !strings.Contains(string(r.Raw), `"field":"action"`) {
		t.Errorf("bad rule: %s", r.Raw)
	}
	// Policy edits are in the audit trail.
	var logs struct {
		AuditLogs struct{ TotalCount int } `json:"auditLogs"`
	}
	w.admin.Do(t, `{ auditLogs(where: {entityType: "CasbinRule", actorName: "test-admin"}) { totalCount } }`, nil).MustOK(t, &logs)
	if logs.AuditLogs.TotalCount != 4 {
		t.Errorf("policy edits audited: %d, want 4", logs.AuditLogs.TotalCount)
	}
}
