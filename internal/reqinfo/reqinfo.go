// Package reqinfo carries facts about the HTTP request that lower layers record (the audit
// trail, sign-in throttling) without importing the server: the request id and client address.
package reqinfo

import "context"

// Info describes the request a context belongs to.
type Info struct {
	RequestID string
	ClientIP  string
	UserAgent string
}

type key struct{}

// NewContext returns ctx carrying info.
func NewContext(ctx context.Context, info Info) context.Context {
	return context.WithValue(ctx, key{}, info)
}

// FromContext returns the request info of ctx (zero when there is none).
func FromContext(ctx context.Context) Info {
	i, _ := ctx.Value(key{}).(Info)
	return i
}
