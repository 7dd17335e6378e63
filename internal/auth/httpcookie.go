package auth

import (
	"context"
	"net/http"
	"time"
)

// CookieName is the session cookie of the admin app and the web business hall.
const CookieName = "c360_session"

// cookieJar lets a resolver set or clear the session cookie on the HTTP response it runs for.
type cookieJar struct {
	w      http.ResponseWriter
	secure bool
}

type cookieKey struct{}

// WithResponse returns ctx through which SetCookie and ClearCookie reach w. secure marks the
// cookie Secure (requests over TLS).
func WithResponse(ctx context.Context, w http.ResponseWriter, secure bool) context.Context {
	return context.WithValue(ctx, cookieKey{}, &cookieJar{w: w, secure: secure})
}

// SetCookie sets the session cookie: HttpOnly, SameSite=Lax, Secure under TLS. It does
// nothing outside an HTTP request.
func SetCookie(ctx context.Context, token string, expires time.Time) {
	if j, ok := ctx.Value(cookieKey{}).(*cookieJar); ok {
		http.SetCookie(j.w, &http.Cookie{
			Name: CookieName, Value: token, Path: "/", Expires: expires,
			MaxAge: int(time.Until(expires).Seconds()), HttpOnly: true, Secure: j.secure, SameSite: http.SameSiteLaxMode,
		})
	}
}

// ClearCookie removes the session cookie.
func ClearCookie(ctx context.Context) {
	if j, ok := ctx.Value(cookieKey{}).(*cookieJar); ok {
		http.SetCookie(j.w, &http.Cookie{
			Name: CookieName, Value: "", Path: "/", MaxAge: -1,
			HttpOnly: true, Secure: j.secure, SameSite: http.SameSiteLaxMode,
		})
	}
}
