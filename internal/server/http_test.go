package server_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/c360crm/c360/internal/server"
	"github.com/c360crm/c360/internal/testenv"
)

func get(t *testing.T, c *testenv.Client, path string, hdr map[string]string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, c.URL+path, nil)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, string(b)
}

func TestOperationalEndpoints(t *testing.T) {
	d := testenv.New(t)
	spa := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "spa:"+r.URL.Path) })
	c := testenv.Server(t, d, server.Config{SPA: spa})
	c.Do(t, `query ListProducts { products(first: 1) { totalCount } }`, nil).MustOK(t, nil)

	cases := []struct {
		name, path   string
		status       int
		contains     []string
		notContains  []string
		headerChecks map[string]string
	}{
		{name: "healthz", path: "/healthz", status: 200, contains: []string{`"status":"ok"`}},
		{name: "readyz", path: "/readyz", status: 200, contains: []string{`"database":"ok"`}},
		{name: "metrics", path: "/metrics", status: 200, contains: []string{
			`c360_graphql_operations_total{operation="ListProducts",outcome="ok",type="query"} 1`,
			`c360_graphql_operation_duration_seconds_bucket{operation="ListProducts"`,
			`c360_graphql_sql_statements_count{operation="ListProducts"} 1`,
			`go_sql_max_open_connections{db_name="c360"}`,
			`c360_sql_statements_total`,
			`c360_http_requests_total{code="OK",route="graphql"}`,
		}},
		{name: "spa fallback", path: "/customers/123", status: 200, contains: []string{"spa:/customers/123"}},
		{name: "no IDE outside dev mode", path: "/graphiql", status: 200, contains: []string{"spa:/graphiql"}, notContains: []string{"GraphiQL"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := get(t, c, tc.path, nil)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			for _, s := range tc.contains {
				if !strings.Contains(body, s) {
					t.Errorf("body lacks %q", s)
				}
			}
			for _, s := range tc.notContains {
				if strings.Contains(body, s) {
					t.Errorf("body has %q", s)
				}
			}
			if resp.Header.Get("X-Request-ID") == "" {
				t.Errorf("no X-Request-ID header")
			}
		})
	}

	t.Run("request id is kept when well-formed", func(t *testing.T) {
		resp, _ := get(t, c, "/healthz", map[string]string{"X-Request-ID": "abc-123"})
		if got := resp.Header.Get("X-Request-ID"); got != "abc-123" {
			t.Fatalf("X-Request-ID = %q", got)
		}
		resp, _ = get(t, c, "/healthz", map[string]string{"X-Request-ID": "bad id <script>"})
		if got := resp.Header.Get("X-Request-ID"); got == "" || strings.Contains(got, "<") {
			t.Fatalf("X-Request-ID = %q", got)
		}
	})

	t.Run("readyz goes red without a database", func(t *testing.T) {
		d2 := testenv.New(t)
		c2 := testenv.Server(t, d2, server.Config{})
		d2.SQL.Close()
		resp, body := get(t, c2, "/readyz", nil)
		if resp.StatusCode != http.StatusServiceUnavailable || !strings.Contains(body, "unreachable") {
			t.Fatalf("readyz with a closed pool: %d %s", resp.StatusCode, body)
		}
	})
}

func TestDevModeIDE(t *testing.T) {
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{Dev: true})
	resp, body := get(t, c, "/graphiql", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "/graphql") {
		t.Fatalf("IDE: %d %.200s", resp.StatusCode, body)
	}
	// Introspection only in dev mode.
	c.Do(t, `{ __schema { queryType { name } } }`, nil).MustOK(t, nil)
	prod := testenv.Server(t, d, server.Config{})
	if r := prod.Do(t, `{ __schema { queryType { name } } }`, nil); len(r.Errors) == 0 {
		t.Fatalf("introspection allowed outside dev mode: %s", r.Raw)
	}
}

func TestBadCursorIsBadInput(t *testing.T) {
	// A malformed cursor is decoded by entgql; garbage must not surface internals.
	d := testenv.New(t)
	c := testenv.Server(t, d, server.Config{})
	r := c.Do(t, `{ customers(first: 5, after: "!!!not-a-cursor") { totalCount } }`, nil)
	if len(r.Errors) == 0 {
		t.Fatalf("bad cursor accepted: %s", r.Raw)
	}
	if code := r.Code(); code != "BAD_USER_INPUT" {
		t.Fatalf("bad cursor: code %q: %s", code, r.Raw)
	}
}
