package search

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"sync"
)

var (
	openersMu sync.RWMutex
	openers   = map[string]func(ctx context.Context, u *url.URL) (Index, error){}
)

// Register makes a backend available to Open under a URL scheme. Backends call it from their
// package init, which keeps this package free of backend imports (they import it): the
// program must import every backend it may open, usually in main:
//
//	import (
//		_ "github.com/c360crm/c360/search/bleve" // "bleve:" (the default) and "mem:"
//		_ "github.com/c360crm/c360/search/meili" // "meili://"
//	)
//
// Register panics if the scheme is empty, open is nil, or the scheme is already registered.
func Register(scheme string, open func(ctx context.Context, u *url.URL) (Index, error)) {
	scheme = strings.ToLower(scheme)
	if scheme == "" || open == nil {
		panic("search: Register with an empty scheme or a nil opener")
	}
	openersMu.Lock()
	defer openersMu.Unlock()
	if _, dup := openers[scheme]; dup {
		panic("search: Register called twice for scheme " + scheme)
	}
	openers[scheme] = open
}

// Schemes returns the registered URL schemes, sorted.
func Schemes() []string {
	openersMu.RLock()
	defer openersMu.RUnlock()
	out := make([]string, 0, len(openers))
	for s := range openers {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// DefaultPath returns where the default Bleve index lives under the data dir.
func DefaultPath(dataDir string) string {
	return filepath.Join(dataDir, "search", "knowledge.bleve")
}

// Open opens the search backend named by rawURL:
//
//   - "" or "bleve:": the embedded Bleve index at <dataDir>/search/knowledge.bleve, created
//     if missing;
//   - "bleve:///abs/path": a Bleve index at that path ("bleve:rel/path" is relative to
//     dataDir);
//   - "mem:": an in-memory Bleve index (tests, demos; lost on exit);
//   - "meili://host:7700?key=…&index=knowledge": Meilisearch, opened by the meili package.
//
// The scheme's backend package must have been imported (see Register); an unknown scheme is
// an error that lists the known ones.
func Open(ctx context.Context, rawURL, dataDir string) (Index, error) {
	rawURL = strings.TrimSpace(rawURL)
	if rawURL == "" {
		rawURL = "bleve:"
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("search: bad search URL: %w", err)
	}
	if u.Scheme == "" {
		return nil, fmt.Errorf("search: search URL %q has no scheme (want bleve:, mem: or meili://…)", redact(u))
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme == "bleve" {
		if u.Host != "" {
			return nil, fmt.Errorf("search: bleve URL %q names a host; want bleve:///absolute/path", redact(u))
		}
		var p string
		switch {
		case u.Opaque != "":
			p = filepath.Join(dataDir, filepath.FromSlash(u.Opaque))
		case u.Path != "":
			p = filepath.FromSlash(u.Path)
		default:
			if dataDir == "" {
				return nil, fmt.Errorf("search: no data dir for the default search index")
			}
			p = DefaultPath(dataDir)
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, fmt.Errorf("search: search index path: %w", err)
		}
		u = &url.URL{Scheme: "bleve", Path: filepath.ToSlash(abs)}
	}
	openersMu.RLock()
	open := openers[u.Scheme]
	openersMu.RUnlock()
	if open == nil {
		hint := ""
		switch u.Scheme {
		case "bleve", "mem":
			hint = ` (import _ "github.com/c360crm/c360/search/bleve")`
		case "meili":
			hint = ` (import _ "github.com/c360crm/c360/search/meili")`
		}
		return nil, fmt.Errorf("search: unknown search backend %q%s; registered: %s",
			u.Scheme, hint, strings.Join(Schemes(), ", "))
	}
	idx, err := open(ctx, u)
	if err != nil {
		return nil, fmt.Errorf("search: open %s: %w", redact(u), err)
	}
	return idx, nil
}

// redact returns u for messages, with its password and any key, token or secret query
// parameter replaced by "xxxxx".
func redact(u *url.URL) string {
	c := *u
	if c.RawQuery != "" {
		q := c.Query()
		for k := range q {
			l := strings.ToLower(k)
			if strings.Contains(l, "key") || strings.Contains(l, "token") ||
				strings.Contains(l, "secret") || strings.Contains(l, "password") {
				q.Set(k, "xxxxx")
			}
		}
		c.RawQuery = q.Encode()
	}
	return c.Redacted()
}
