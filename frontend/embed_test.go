package frontend

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

const (
	placeholderHTML = "<html>the SPA is not built</html>"
	appHTML         = `<html><script type="module" src="/assets/index-abc123.js"></script></html>`
	appJS           = "console.log('c360')"
)

// builtTree is a dist/ tree after `npm run build`: placeholder plus the app in app/.
func builtTree() fstest.MapFS {
	return fstest.MapFS{
		"index.html":                    {Data: []byte(placeholderHTML)},
		"app/index.html":                {Data: []byte(appHTML)},
		"app/assets/index-abc123.js":    {Data: []byte(appJS)},
		"app/assets/index-def456.css":   {Data: []byte("body{}")},
		"app/favicon.svg":               {Data: []byte("<svg/>")},
		"app/.vite/manifest.json":       {Data: []byte(`{"secret":"build metadata"}`)},
		"app/assets/nested/chunk-x1.js": {Data: []byte("export{}")},
	}
}

// placeholderTree is a fresh clone's dist/: the committed placeholder only.
func placeholderTree() fstest.MapFS {
	return fstest.MapFS{"index.html": {Data: []byte(placeholderHTML)}}
}

type scenario struct {
	name        string
	method      string
	path        string
	header      map[string]string
	wantStatus  int
	wantCache   string // exact Cache-Control, "" = not checked
	wantType    string // Content-Type prefix, "" = not checked
	wantBody    []string
	notExpected []string
}

func run(t *testing.T, tree fs.FS, scenarios []scenario) {
	t.Helper()
	h := newHandler(tree)
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			method := sc.method
			if method == "" {
				method = http.MethodGet
			}
			req := httptest.NewRequest(method, sc.path, nil)
			for k, v := range sc.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body := rec.Body.String()

			if res.StatusCode != sc.wantStatus {
				t.Fatalf("status = %d, want %d; body %q", res.StatusCode, sc.wantStatus, body)
			}
			if sc.wantCache != "" {
				if got := res.Header.Get("Cache-Control"); got != sc.wantCache {
					t.Errorf("Cache-Control = %q, want %q", got, sc.wantCache)
				}
			}
			if sc.wantType != "" {
				if got := res.Header.Get("Content-Type"); !strings.HasPrefix(got, sc.wantType) {
					t.Errorf("Content-Type = %q, want prefix %q", got, sc.wantType)
				}
			}
			for _, want := range sc.wantBody {
				if !strings.Contains(body, want) {
					t.Errorf("body %q does not contain %q", body, want)
				}
			}
			for _, bad := range sc.notExpected {
				if strings.Contains(body, bad) {
					t.Errorf("body %q contains %q", body, bad)
				}
			}
		})
	}
}

func TestHandlerBuilt(t *testing.T) {
	run(t, builtTree(), []scenario{
		{name: "root serves index revalidated", path: "/", wantStatus: 200,
			wantCache: "no-cache", wantType: "text/html", wantBody: []string{"/assets/index-abc123.js"},
			notExpected: []string{placeholderHTML}},
		{name: "index.html by name", path: "/index.html", wantStatus: 200,
			wantCache: "no-cache", wantBody: []string{"/assets/index-abc123.js"}},
		{name: "hashed asset immutable", path: "/assets/index-abc123.js", wantStatus: 200,
			wantCache: "public, max-age=31536000, immutable", wantType: "text/javascript", wantBody: []string{appJS}},
		{name: "hashed css immutable", path: "/assets/index-def456.css", wantStatus: 200,
			wantCache: "public, max-age=31536000, immutable", wantType: "text/css"},
		{name: "nested asset immutable", path: "/assets/nested/chunk-x1.js", wantStatus: 200,
			wantCache: "public, max-age=31536000, immutable"},
		{name: "missing asset is 404 not index", path: "/assets/index-old999.js", wantStatus: 404,
			notExpected: []string{"<html"}},
		{name: "assets dir is 404", path: "/assets/", wantStatus: 404},
		{name: "public file revalidated", path: "/favicon.svg", wantStatus: 200,
			wantCache: "no-cache", wantType: "image/svg+xml"},
		{name: "client route falls back to index", path: "/customers", wantStatus: 200,
			wantCache: "no-cache", wantType: "text/html", wantBody: []string{"/assets/index-abc123.js"}},
		{name: "deep client route with query falls back", path: "/customers/42/timeline?page=2&after=abc",
			wantStatus: 200, wantBody: []string{"/assets/index-abc123.js"}},
		{name: "trailing slash falls back", path: "/customers/", wantStatus: 200,
			wantBody: []string{"/assets/index-abc123.js"}},
		{name: "build metadata not served", path: "/.vite/manifest.json", wantStatus: 200,
			wantBody: []string{"/assets/index-abc123.js"}, notExpected: []string{"build metadata"}},
		{name: "dot-dot cannot escape", path: "/../../etc/passwd", wantStatus: 200,
			wantBody: []string{"/assets/index-abc123.js"}},
		{name: "placeholder not reachable once built", path: "/", wantStatus: 200,
			notExpected: []string{"not built"}},
		{name: "HEAD works", method: http.MethodHead, path: "/customers", wantStatus: 200,
			wantCache: "no-cache"},
		{name: "POST refused", method: http.MethodPost, path: "/customers", wantStatus: 405},
		{name: "conditional request not modified", path: "/assets/index-abc123.js",
			header:     map[string]string{"If-None-Match": etagOf(t, builtTree(), "/assets/index-abc123.js")},
			wantStatus: 304},
	})
}

func TestHandlerAPIPathsStayAPI404s(t *testing.T) {
	var scenarios []scenario
	for _, p := range []string{
		"/graphql", "/graphql/", "/graphql/extra", "/graphiql", "/graphiql/assets/x.js",
		"/api", "/api/", "/api/v1/customers", "/healthz", "/readyz", "/metrics", "/metrics/x",
	} {
		for _, method := range []string{http.MethodGet, http.MethodPost} {
			scenarios = append(scenarios, scenario{
				name: method + " " + p, method: method, path: p, wantStatus: 404,
				wantType: "text/plain", notExpected: []string{"<html", "/assets/"},
			})
		}
	}
	// Paths that merely start with the same letters are client routes.
	scenarios = append(scenarios,
		scenario{name: "graphqlish client route", path: "/graphql-docs", wantStatus: 200,
			wantBody: []string{"/assets/index-abc123.js"}},
		scenario{name: "apis client route", path: "/apis", wantStatus: 200,
			wantBody: []string{"/assets/index-abc123.js"}},
	)
	run(t, builtTree(), scenarios)
}

func TestHandlerPlaceholder(t *testing.T) {
	run(t, placeholderTree(), []scenario{
		{name: "root shows placeholder", path: "/", wantStatus: 200, wantCache: "no-cache",
			wantType: "text/html", wantBody: []string{"not built"}},
		{name: "client route shows placeholder", path: "/customers", wantStatus: 200,
			wantBody: []string{"not built"}},
		{name: "assets are 404", path: "/assets/index-abc123.js", wantStatus: 404},
		{name: "API stays 404", path: "/graphql", wantStatus: 404, notExpected: []string{"not built"}},
	})
}

func TestSite(t *testing.T) {
	if _, built := site(builtTree()); !built {
		t.Error("site(built tree): built = false, want true")
	}
	if _, built := site(placeholderTree()); built {
		t.Error("site(placeholder tree): built = true, want false")
	}
	// An app/ folder without index.html (an interrupted build) is not a build.
	partial := placeholderTree()
	partial["app/assets/x.js"] = &fstest.MapFile{Data: []byte("x")}
	if _, built := site(partial); built {
		t.Error("site(partial tree): built = true, want false")
	}
}

// TestEmbedded checks the real embedded tree, whichever state it is in: the committed
// placeholder is always there, and "/" serves the build when Built() says there is one.
func TestEmbedded(t *testing.T) {
	if _, err := fs.Stat(dist, "dist/index.html"); err != nil {
		t.Fatalf("committed placeholder dist/index.html is not embedded: %v", err)
	}
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET / = %d, want 200", rec.Code)
	}
	placeholder := strings.Contains(rec.Body.String(), "the SPA is not built")
	if Built() == placeholder {
		t.Errorf("Built() = %v but GET / served the placeholder = %v", Built(), placeholder)
	}
}

func etagOf(t *testing.T, tree fs.FS, p string) string {
	t.Helper()
	rec := httptest.NewRecorder()
	newHandler(tree).ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
	tag := rec.Header().Get("ETag")
	if tag == "" {
		t.Fatalf("GET %s: no ETag", p)
	}
	return tag
}
