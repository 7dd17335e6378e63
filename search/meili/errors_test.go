package meili

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"syscall"
	"testing"

	"github.com/meilisearch/meilisearch-go"

	"github.com/c360crm/c360/search"
)

func TestMapErr(t *testing.T) {
	apiErr := func(status int, code, typ string) error {
		e := &meilisearch.Error{StatusCode: status, ErrCode: meilisearch.MeilisearchApiError}
		e.MeilisearchApiError.Code = code
		e.MeilisearchApiError.Type = typ
		e.MeilisearchApiError.Message = "message of " + code
		return e
	}
	comm := func(origin error) error {
		return &meilisearch.Error{ErrCode: meilisearch.MeilisearchCommunicationError, OriginError: origin}
	}
	refused := &url.Error{Op: "Post", URL: "http://127.0.0.1:1/x", Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}
	tests := []struct {
		name        string
		err         error
		unavailable bool
		code        string
	}{
		{"connection refused", comm(refused), true, ""},
		{"timeout", &meilisearch.Error{ErrCode: meilisearch.MeilisearchTimeoutError, OriginError: context.DeadlineExceeded}, true, ""},
		{"retries exceeded", &meilisearch.Error{ErrCode: meilisearch.MeilisearchMaxRetriesExceeded}, true, ""},
		{"503 without body", &meilisearch.Error{StatusCode: 503, ErrCode: meilisearch.MeilisearchApiErrorWithoutMessage}, true, ""},
		{"500 internal", apiErr(500, "internal", "internal"), true, "internal"},
		{"429", apiErr(429, "too_many_search_requests", "system"), true, "too_many_search_requests"},
		{"index deleted", apiErr(404, "index_not_found", "invalid_request"), true, "index_not_found"},
		{"no space", apiErr(422, "no_space_left_on_device", "system"), true, "no_space_left_on_device"},
		{"task wait deadline", fmt.Errorf("wait: %w", context.DeadlineExceeded), true, ""},
		{"body cut", fmt.Errorf("read: %w", io.ErrUnexpectedEOF), true, ""},
		{"bare dial error", refused, true, ""},
		{"invalid filter", apiErr(400, "invalid_search_filter", "invalid_request"), false, "invalid_search_filter"},
		{"bad key", apiErr(403, "invalid_api_key", "auth"), false, "invalid_api_key"},
		{"404 html", &meilisearch.Error{StatusCode: 404, ErrCode: meilisearch.MeilisearchApiErrorWithoutMessage}, false, ""},
		{"bad response", &meilisearch.Error{StatusCode: 200, ErrCode: meilisearch.ErrCodeResponseUnmarshalBody, OriginError: errors.New("invalid character '<'")}, false, ""},
		{"bad URL scheme", &url.Error{Op: "Get", URL: "ftp://x", Err: errors.New(`unsupported protocol scheme "ftp"`)}, false, ""},
		{"other", errors.New("boom"), false, ""},
	}
	for _, tt := range tests {
		err := mapErr("op", tt.err)
		if got := errors.Is(err, search.ErrUnavailable); got != tt.unavailable {
			t.Errorf("%s: mapErr = %v, ErrUnavailable %v, want %v", tt.name, err, got, tt.unavailable)
		}
		if got := apiCode(err); got != tt.code {
			t.Errorf("%s: code %q, want %q", tt.name, got, tt.code)
		}
		if !errors.Is(err, tt.err) {
			t.Errorf("%s: %v does not wrap the original error", tt.name, err)
		}
	}
	if mapErr("op", nil) != nil {
		t.Error("mapErr(nil) != nil")
	}
	cancelled := comm(&url.Error{Op: "Post", URL: "http://x", Err: context.Canceled})
	if err := mapErr("op", cancelled); !errors.Is(err, context.Canceled) || errors.Is(err, search.ErrUnavailable) {
		t.Errorf("cancelled request: %v", err)
	}
}

func TestIndexNotFoundIsUnavailable(t *testing.T) {
	f := newFakeMeili(t)
	ix := f.open(t)
	f.mu.Lock()
	delete(f.indexes, "knowledge") // deleted under the running server
	f.mu.Unlock()
	_, err := ix.Search(context.Background(), search.Query{Text: "x"})
	if !errors.Is(err, search.ErrUnavailable) || apiCode(err) != "index_not_found" {
		t.Errorf("Search on a deleted index = %v, want ErrUnavailable (index_not_found)", err)
	}
	if _, err := ix.Count(context.Background()); !errors.Is(err, search.ErrUnavailable) {
		t.Errorf("Count on a deleted index = %v", err)
	}
}
