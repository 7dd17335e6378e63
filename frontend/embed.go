// Package frontend embeds the admin single-page app and serves it next to the API.
//
// The SPA is a Vite build: `npm run build` writes it to dist/app/ (git-ignored). dist/ itself
// holds only a committed placeholder index.html, so the Go binary builds and runs on a clone
// without Node; it then shows "the SPA is not built" instead of the app. When dist/app/ exists
// at `go build` time it is embedded and served instead of the placeholder (see README.md).
package frontend

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// dist holds the placeholder (dist/index.html) and, after `npm run build`, the app (dist/app/).
// The all: prefix keeps files whose names start with '.' or '_' (Vite may emit such chunks).
//
//go:embed all:dist
var dist embed.FS

const (
	indexFile = "index.html"
	// buildDir is Vite's outDir inside dist/ (vite.config.ts).
	buildDir = "app"
	// assetsDir holds Vite's content-hashed output: a changed file gets a new name.
	assetsDir = "assets"

	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// apiPrefixes are the server's own paths. A request for one of them that reaches the SPA
// handler (no API route matched) is an API 404, never the SPA's index.html: a client of the
// API must not get a 200 HTML page for a mistyped endpoint.
var apiPrefixes = []string{"/graphql", "/graphiql", "/api", "/healthz", "/readyz", "/metrics"}

// Handler serves the embedded SPA: hashed files under /assets/ cached for a year, index.html
// revalidated on every load, other existing files as they are, and every other path that is
// not an API path answered with index.html so that client routes survive a reload.
// Mount it last, after the API routes (e.g. mux.Handle("/", frontend.Handler())).
func Handler() http.Handler {
	return newHandler(distFS())
}

// Built reports whether the binary embeds a real SPA build rather than the placeholder.
func Built() bool {
	_, built := site(distFS())
	return built
}

func distFS() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic("frontend: embedded dist missing: " + err.Error()) // cannot happen: go:embed checked it
	}
	return sub
}

// site picks what to serve from a dist tree: app/ when it holds a build, else the placeholder.
func site(distTree fs.FS) (fs.FS, bool) {
	if isFile(distTree, path.Join(buildDir, indexFile)) {
		if sub, err := fs.Sub(distTree, buildDir); err == nil {
			return sub, true
		}
	}
	return distTree, false
}

// newHandler serves a dist tree (laid out as dist/: index.html, optionally app/). Tests pass an
// fstest.MapFS so they do not depend on a build.
func newHandler(distTree fs.FS) http.Handler {
	files, _ := site(distTree)
	return &spaHandler{files: files}
}

type spaHandler struct {
	files fs.FS
	etags sync.Map // file name → strong ETag of its content
}

func (h *spaHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	urlPath := path.Clean("/" + r.URL.Path)
	if isAPIPath(urlPath) {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}

	name := strings.TrimPrefix(urlPath, "/")
	switch {
	case name == "" || name == indexFile:
		h.serveIndex(w, r)
	case name == assetsDir || strings.HasPrefix(name, assetsDir+"/"):
		// A missing hashed asset is a stale page asking for an old build: 404 rather than
		// index.html, which the browser would refuse as a script anyway.
		if !isFile(h.files, name) {
			http.NotFound(w, r)
			return
		}
		h.serveFile(w, r, name, cacheImmutable)
	case !hasHiddenSegment(name) && isFile(h.files, name):
		// Unhashed public files (favicon.svg, robots.txt): revalidate, their names never change.
		h.serveFile(w, r, name, cacheRevalidate)
	default:
		// A client route such as /customers?after=…: the app decides what it shows.
		h.serveIndex(w, r)
	}
}

func (h *spaHandler) serveIndex(w http.ResponseWriter, r *http.Request) {
	h.serveFile(w, r, indexFile, cacheRevalidate)
}

func (h *spaHandler) serveFile(w http.ResponseWriter, r *http.Request, name, cacheControl string) {
	content, err := fs.ReadFile(h.files, name)
	if err != nil {
		http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
		return
	}
	hdr := w.Header()
	hdr.Set("Cache-Control", cacheControl)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("ETag", h.etag(name, content))
	// Embedded files carry no modification time; the ETag does conditional requests, and
	// ServeContent sets Content-Type from the extension and handles Range and HEAD.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(content))
}

func (h *spaHandler) etag(name string, content []byte) string {
	if v, ok := h.etags.Load(name); ok {
		return v.(string)
	}
	sum := sha256.Sum256(content)
	tag := `"` + base64.RawURLEncoding.EncodeToString(sum[:16]) + `"`
	h.etags.Store(name, tag)
	return tag
}

func isAPIPath(urlPath string) bool {
	for _, prefix := range apiPrefixes {
		if urlPath == prefix || strings.HasPrefix(urlPath, prefix+"/") {
			return true
		}
	}
	return false
}

func isFile(fsys fs.FS, name string) bool {
	info, err := fs.Stat(fsys, name)
	return err == nil && info.Mode().IsRegular()
}

// hasHiddenSegment reports a path with a segment starting with '.' (e.g. Vite's .vite/
// manifest): such files are build metadata, not content to serve.
func hasHiddenSegment(name string) bool {
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}
