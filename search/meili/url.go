package meili

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/c360crm/c360/search"
)

// DefaultIndexUID is the index a meili:// URL without index parameter opens.
const DefaultIndexUID = "knowledge"

func init() {
	search.Register("meili", func(ctx context.Context, u *url.URL) (search.Index, error) {
		host, key, index, err := parseURL(u)
		if err != nil {
			return nil, err
		}
		ix, err := Open(ctx, host, key, index)
		if err != nil {
			return nil, err
		}
		return ix, nil
	})
}

// parseURL reads a search URL of the form
//
//	meili://HOST[:PORT][/PATH]?key=API_KEY&index=INDEX_UID&tls=1
//
// into the arguments of Open. tls=1 (or true) selects https; without it the port defaults
// to Meilisearch's 7700, with it to 443. A path is kept, for a Meilisearch behind a reverse
// proxy prefix. The key may also be given as the URL's password (meili://:KEY@host:7700);
// index defaults to DefaultIndexUID. Unknown parameters are an error, so that a typo does
// not go unnoticed.
func parseURL(u *url.URL) (host, key, index string, err error) {
	if u == nil {
		return "", "", "", fmt.Errorf("meili: nil URL")
	}
	if u.Scheme != "meili" {
		return "", "", "", fmt.Errorf("meili: URL scheme %q, want meili", u.Scheme)
	}
	if u.Host == "" || u.Hostname() == "" {
		return "", "", "", fmt.Errorf("meili: URL %q has no host", u.Redacted())
	}
	q := u.Query()
	for name := range q {
		switch name {
		case "key", "index", "tls":
		default:
			return "", "", "", fmt.Errorf("meili: unknown URL parameter %q (want key, index, tls)", name)
		}
	}
	useTLS := false
	if s := q.Get("tls"); s != "" {
		useTLS, err = strconv.ParseBool(s)
		if err != nil {
			return "", "", "", fmt.Errorf("meili: URL parameter tls=%q: want 1/0 or true/false", s)
		}
	}
	scheme, hostPort := "http", u.Host
	if useTLS {
		scheme = "https"
	} else if u.Port() == "" {
		hostPort = u.Host + ":7700"
		if strings.Contains(u.Hostname(), ":") { // IPv6 literal, Host is [addr]
			hostPort = "[" + u.Hostname() + "]:7700"
		}
	}
	key = q.Get("key")
	if key == "" && u.User != nil {
		if p, ok := u.User.Password(); ok {
			key = p
		} else {
			key = u.User.Username()
		}
	}
	index = q.Get("index")
	if index == "" {
		index = DefaultIndexUID
	}
	if err := validIndexUID(index); err != nil {
		return "", "", "", err
	}
	return scheme + "://" + hostPort + strings.TrimRight(u.EscapedPath(), "/"), key, index, nil
}
