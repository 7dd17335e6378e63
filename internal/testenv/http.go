package testenv

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/user"
	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/staff"
)

// AdminPassword is the password of the admin user that Server signs in with.
const AdminPassword = "test-admin-pass"

// Server starts a real c360 HTTP server on d (on a loopback port) for the test and returns
// a client for it, signed in as an admin (user "test-admin", created when missing) with a
// bearer token. Statement counts are on (Stats) so tests can assert them; the policy version
// is checked on every request (PolicyRefresh 1ns) so policy edits apply at once.
func Server(t testing.TB, d *db.DB, cfg server.Config) *Client {
	t.Helper()
	c := Anonymous(t, d, cfg)
	CreateUser(t, d, "test-admin", AdminPassword, nil, authz.RoleAdmin)
	return c.Login(t, "test-admin", AdminPassword)
}

// Anonymous starts a server like Server and returns a client that is not signed in.
func Anonymous(t testing.TB, d *db.DB, cfg server.Config) *Client {
	t.Helper()
	cfg.Stats = true
	if cfg.PolicyRefresh == 0 {
		cfg.PolicyRefresh = time.Nanosecond
	}
	if cfg.DataDir == "" {
		cfg.DataDir = t.TempDir()
	}
	if cfg.Search == "" {
		cfg.Search = "mem:"
	}
	level := slog.LevelWarn
	if os.Getenv("C360_TEST_LOG") != "" {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	srv, err := server.New(SystemContext(), cfg, d, log)
	if err != nil {
		t.Fatalf("server: %v", err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(func() {
		ts.Close()
		_ = srv.Close()
	})
	return &Client{URL: ts.URL, HTTP: ts.Client(), Header: http.Header{}, Server: srv}
}

// SystemContext is a context for test set-up code: the SYSTEM principal, which passes every
// access rule and is audited as "system".
func SystemContext() context.Context {
	return authz.NewContext(context.Background(), authz.System)
}

// CreateUser creates a staff user with the roles (and team, when not nil) unless a user with
// that name exists, and returns it.
func CreateUser(t testing.TB, d *db.DB, username, password string, teamID *int, roles ...string) *ent.User {
	t.Helper()
	ctx := SystemContext()
	if u, err := d.Client.User.Query().Where(user.Username(username)).Only(ctx); err == nil {
		return u
	}
	u, err := staff.CreateUser(ctx, d.Client, staff.CreateUserInput{
		Username: username, DisplayName: username, Password: password, Roles: roles, TeamID: teamID,
	})
	if err != nil {
		t.Fatalf("create user %s: %v", username, err)
	}
	return u
}

// WithToken returns a copy of c that sends `Authorization: Bearer token` (no token: anonymous).
func (c *Client) WithToken(token string) *Client {
	h := c.Header.Clone()
	h.Del("Authorization")
	if token != "" {
		h.Set("Authorization", "Bearer "+token)
	}
	return &Client{URL: c.URL, HTTP: c.HTTP, Header: h, Server: c.Server}
}

// Login signs in with the login mutation and returns a client that sends the session token
// as a bearer token.
func (c *Client) Login(t testing.TB, username, password string) *Client {
	t.Helper()
	var out struct {
		Login struct{ Token string } `json:"login"`
	}
	c.WithToken("").Do(t, `mutation($u: String!, $p: String!) { login(input: {username: $u, password: $p}) { token } }`,
		map[string]any{"u": username, "p": password}).MustOK(t, &out)
	return c.WithToken(out.Login.Token)
}

// Client sends GraphQL requests to a test server.
type Client struct {
	URL    string
	HTTP   *http.Client
	Header http.Header // sent with every request (e.g. Authorization)
	// Server is the server behind URL (tests drain its search indexer).
	Server *server.Server
}

// DrainIndex indexes every pending knowledge change now (the server's background indexer
// does this within a second; tests wait for it deterministically this way).
func (c *Client) DrainIndex(t testing.TB) {
	t.Helper()
	if _, err := c.Server.Knowledge().Indexer.Drain(SystemContext()); err != nil {
		t.Fatalf("drain search outbox: %v", err)
	}
}

// Response is a decoded GraphQL response.
type Response struct {
	Status     int
	Data       json.RawMessage `json:"data"`
	Errors     []Error         `json:"errors"`
	Extensions map[string]any  `json:"extensions"`
	Raw        []byte          `json:"-"`
	HTTP       *http.Response  `json:"-"`
}

// Error is one GraphQL error.
type Error struct {
	Message    string         `json:"message"`
	Path       []any          `json:"path"`
	Extensions map[string]any `json:"extensions"`
}

// Do posts a GraphQL operation as application/json and decodes the response. It fails the
// test only on transport problems; GraphQL errors are for the test to assert.
func (c *Client) Do(t testing.TB, query string, vars map[string]any) *Response {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatalf("encode request: %v", err)
	}
	req, err := http.NewRequest(http.MethodPost, c.URL+"/graphql", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	return c.Send(t, req)
}

// Send sends a prepared request (any method, path and headers) and decodes a GraphQL body.
func (c *Client) Send(t testing.TB, req *http.Request) *Response {
	t.Helper()
	for k, vs := range c.Header {
		for _, v := range vs {
			req.Header.Add(k, v)
		}
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read response: %v", err)
	}
	r := &Response{Status: resp.StatusCode, Raw: raw, HTTP: resp}
	_ = json.Unmarshal(raw, r) // non-JSON bodies stay in Raw for the test to inspect
	return r
}

// MustOK fails the test when the response has errors, and decodes data into v (if not nil).
func (r *Response) MustOK(t testing.TB, v any) *Response {
	t.Helper()
	if len(r.Errors) > 0 || r.Status != http.StatusOK {
		t.Fatalf("unexpected errors (HTTP %d): %s", r.Status, r.Raw)
	}
	if v != nil {
		if err := json.Unmarshal(r.Data, v); err != nil {
			t.Fatalf("decode data: %v\n%s", err, r.Data)
		}
	}
	return r
}

// Code returns extensions.code of the first error, or "".
func (r *Response) Code() string {
	if len(r.Errors) == 0 {
		return ""
	}
	c, _ := r.Errors[0].Extensions["code"].(string)
	return c
}

// Field returns extensions.field of the first error, or "".
func (r *Response) Field() string {
	if len(r.Errors) == 0 {
		return ""
	}
	f, _ := r.Errors[0].Extensions["field"].(string)
	return f
}

// SQLStatements returns the statement count the server reported for the operation (-1 if none).
func (r *Response) SQLStatements() int {
	m, ok := r.Extensions["c360"].(map[string]any)
	if !ok {
		return -1
	}
	n, ok := m["sqlStatements"].(float64)
	if !ok {
		return -1
	}
	return int(n)
}

// Upload posts a GraphQL multipart request (graphql-multipart-request-spec) with one file
// bound to the variable fileVar.
func (c *Client) Upload(t testing.TB, query string, vars map[string]any, fileVar, filename string, content []byte) *Response {
	t.Helper()
	if vars == nil {
		vars = map[string]any{}
	}
	vars[fileVar] = nil
	ops, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		t.Fatalf("encode operations: %v", err)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("operations", string(ops))
	_ = mw.WriteField("map", `{"0":["variables.`+fileVar+`"]}`)
	fw, err := mw.CreateFormFile("0", filename)
	if err != nil {
		t.Fatalf("multipart: %v", err)
	}
	_, _ = fw.Write(content)
	if err := mw.Close(); err != nil {
		t.Fatalf("multipart: %v", err)
	}
	req, err := http.NewRequest(http.MethodPost, c.URL+"/graphql", &body)
	if err != nil {
		t.Fatalf("new request: %v", err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.Send(t, req)
}
