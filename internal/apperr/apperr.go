// Package apperr defines the errors that domain services return to mean something to a
// client: each carries one of the API's error codes. The GraphQL error presenter turns them
// into `extensions.code`; any other error becomes INTERNAL with a generic message.
package apperr

import (
	"errors"
	"fmt"
)

// Codes of the API (extensions.code).
const (
	Unauthenticated    = "UNAUTHENTICATED"
	Forbidden          = "FORBIDDEN"
	BadUserInput       = "BAD_USER_INPUT"
	NotFound           = "NOT_FOUND"
	Conflict           = "CONFLICT"
	Internal           = "INTERNAL"
	ServiceUnavailable = "SERVICE_UNAVAILABLE"
	TooManyRequests    = "TOO_MANY_REQUESTS"
	SearchUnavailable  = "SEARCH_UNAVAILABLE"
)

// Error is an error with an API code, a message safe to show to the client, and optional
// machine-readable details (e.g. the holder of a lock).
type Error struct {
	Code    string
	Message string
	Details map[string]any
	Err     error // cause, for logs only; never shown to clients
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an Error with the code and a formatted message.
func New(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// With returns a copy of e carrying the detail key=value.
func (e *Error) With(key string, value any) *Error {
	c := *e
	c.Details = make(map[string]any, len(e.Details)+1)
	for k, v := range e.Details {
		c.Details[k] = v
	}
	c.Details[key] = value
	return &c
}

// CodeOf returns the code of the first *Error in err's chain, or "".
func CodeOf(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}
