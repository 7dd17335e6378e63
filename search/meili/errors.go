package meili

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"

	"github.com/meilisearch/meilisearch-go"

	"github.com/c360crm/c360/search"
)

// apiError is an error that Meilisearch reported, for a request or for a task. Code is
// Meilisearch's error code ("invalid_search_filter", "index_not_found", …).
type apiError struct {
	op      string
	status  int    // HTTP status, 0 for a failed task
	code    string // Meilisearch error code
	errType string // invalid_request, auth, internal or system
	message string // Meilisearch's message
	cause   error
}

func (e *apiError) Error() string {
	s := "meili " + e.op + ": " + e.message
	if e.code != "" {
		s += " (" + e.code + ")"
	}
	return s
}

func (e *apiError) Unwrap() error { return e.cause }

// apiCode returns the Meilisearch error code carried by err, or "".
func apiCode(err error) string {
	var ae *apiError
	if errors.As(err, &ae) {
		return ae.code
	}
	var me *meilisearch.Error
	if errors.As(err, &me) && me.ErrCode == meilisearch.MeilisearchApiError {
		return me.MeilisearchApiError.Code
	}
	return ""
}

// mapErr classifies an error of the Meilisearch client for operation op:
//
//   - the server cannot be reached or did not answer in time (connection refused, DNS, TLS,
//     connection reset, deadline exceeded), answered with a 5xx or 429, reported an
//     internal or system error, said it is not available, or no longer has the index:
//     search.ErrUnavailable;
//   - the caller cancelled: the context error;
//   - anything else, such as an invalid filter or a wrong API key: a plain error with
//     Meilisearch's message and code.
//
// The original error stays in the chain (errors.As).
func mapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, search.ErrUnavailable) {
		return err
	}
	unavailable := func() error {
		return fmt.Errorf("%w: meili %s: %w", search.ErrUnavailable, op, err)
	}
	var me *meilisearch.Error
	if !errors.As(err, &me) {
		switch {
		case errors.Is(err, context.Canceled):
			return fmt.Errorf("meili %s: %w", op, err)
		case transportFailure(err), errors.Is(err, meilisearch.ErrMeilisearchNotAvailable),
			errors.Is(err, meilisearch.ErrConnectingFailed):
			return unavailable()
		}
		return fmt.Errorf("meili %s: %w", op, err)
	}
	switch me.ErrCode {
	case meilisearch.MeilisearchTimeoutError, meilisearch.MeilisearchCommunicationError:
		if errors.Is(me.OriginError, context.Canceled) {
			return fmt.Errorf("meili %s: %w", op, context.Canceled)
		}
		return unavailable()
	case meilisearch.MeilisearchMaxRetriesExceeded:
		return unavailable()
	}
	if me.StatusCode >= 500 || me.StatusCode == http.StatusTooManyRequests {
		return unavailable()
	}
	if me.ErrCode == meilisearch.MeilisearchApiError || me.ErrCode == meilisearch.MeilisearchApiErrorWithoutMessage {
		ae := &apiError{
			op:      op,
			status:  me.StatusCode,
			code:    me.MeilisearchApiError.Code,
			errType: me.MeilisearchApiError.Type,
			message: me.MeilisearchApiError.Message,
			cause:   err,
		}
		if ae.code == "" {
			ae.message = fmt.Sprintf("unexpected HTTP status %d", me.StatusCode)
		}
		// index_not_found: the index was deleted under a running server; it is back (with
		// its settings) when the server opens it again.
		if ae.errType == "internal" || ae.errType == "system" || ae.code == "index_not_found" {
			return fmt.Errorf("%w: %w", search.ErrUnavailable, ae)
		}
		return ae
	}
	if me.OriginError != nil && transportFailure(me.OriginError) {
		return unavailable()
	}
	return fmt.Errorf("meili %s: %w", op, err)
}

// transportFailure reports whether err is a network-level failure: a dial, read or write
// error, a timeout, or a connection closed mid-answer.
func transportFailure(err error) bool {
	var ue *url.Error // a net.Error itself, whatever its cause
	if errors.As(err, &ue) {
		err = ue.Err
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, net.ErrClosed) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne)
}
