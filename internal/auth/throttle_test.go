package auth_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/c360crm/c360/ent/loginthrottle"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/auth"
)

// wantLocked fails unless err is the throttle error with retryAfterSeconds = secs.
func wantLocked(t *testing.T, err error, secs int) {
	t.Helper()
	ae := wantCode(t, err, apperr.TooManyRequests)
	if ae.Message != "too many failed sign-ins; try again later" {
		t.Fatalf("message = %q", ae.Message)
	}
	if got := ae.Details["retryAfterSeconds"]; got != secs {
		t.Fatalf("retryAfterSeconds = %v, want %d", got, secs)
	}
}

func TestThrottleUserKey(t *testing.T) {
	e := newEnv(t, auth.Options{MaxUserFailures: 3, MaxIPFailures: 100, Window: 10 * time.Minute})
	e.user("alice", nil, nil)
	e.user("bob", nil, nil)

	// Failures count per lower-cased username, from any address.
	for i, name := range []string{"alice", "ALICE", "Alice"} {
		_, err := e.login(from(fmt.Sprintf("10.0.0.%d", i)), name, "wrong")
		wantCode(t, err, apperr.Unauthenticated)
		e.clock.Advance(time.Minute)
	}
	// Locked at the third failure: now even the right password is refused, before the
	// password is checked.
	_, err := e.login(from("10.9.9.9"), "alice", password)
	wantLocked(t, err, 9*60)
	_, err = e.login(context.Background(), "alice", "wrong")
	wantLocked(t, err, 9*60)
	// Other users are not affected.
	e.mustLogin(from("10.0.0.1"), "bob", password)

	th := e.c.LoginThrottle.Query().Where(loginthrottle.Key("user:alice")).OnlyX(e.ctx)
	if th.Failures != 3 || th.LockedUntil == nil || !th.LockedUntil.Equal(e.clock.Now().Add(9*time.Minute)) {
		t.Fatalf("throttle row = %+v, want 3 failures locked for the window", th)
	}

	e.clock.Advance(9*time.Minute - time.Second)
	_, err = e.login(context.Background(), "alice", password)
	wantLocked(t, err, 1)
	e.clock.Advance(time.Second)
	e.mustLogin(context.Background(), "alice", password)
	// Success forgets the user's failures.
	if n := e.c.LoginThrottle.Query().Where(loginthrottle.Key("user:alice")).CountX(e.ctx); n != 0 {
		t.Fatalf("user key kept after a successful sign-in")
	}

	// After the lock a new count starts: 2 failures do not lock.
	for range 2 {
		_, err := e.login(context.Background(), "alice", "wrong")
		wantCode(t, err, apperr.Unauthenticated)
	}
	e.mustLogin(context.Background(), "alice", password)
}

func TestThrottleWindow(t *testing.T) {
	e := newEnv(t, auth.Options{MaxUserFailures: 3, Window: 15 * time.Minute})
	e.user("alice", nil, nil)
	for range 2 {
		_, err := e.login(context.Background(), "alice", "wrong")
		wantCode(t, err, apperr.Unauthenticated)
	}
	// The window is over: its failures no longer count.
	e.clock.Advance(15 * time.Minute)
	for range 2 {
		_, err := e.login(context.Background(), "alice", "wrong")
		wantCode(t, err, apperr.Unauthenticated)
	}
	th := e.c.LoginThrottle.Query().Where(loginthrottle.Key("user:alice")).OnlyX(e.ctx)
	if th.Failures != 2 || th.LockedUntil != nil || !th.WindowStart.Equal(e.clock.Now()) {
		t.Fatalf("throttle row = %+v, want a new window with 2 failures", th)
	}
	e.mustLogin(context.Background(), "alice", password)
}

func TestThrottleIPKey(t *testing.T) {
	e := newEnv(t, auth.Options{MaxUserFailures: 100, MaxIPFailures: 4, Window: 15 * time.Minute})
	e.user("bob", nil, nil)
	attacker := from("203.0.113.7")
	// Spraying many names from one address locks the address.
	for i := range 4 {
		_, err := e.login(attacker, fmt.Sprintf("user%d", i), "guess")
		wantCode(t, err, apperr.Unauthenticated)
	}
	_, err := e.login(attacker, "bob", password)
	wantLocked(t, err, 15*60)
	// Bob signs in from elsewhere.
	e.mustLogin(from("198.51.100.1"), "bob", password)
	e.mustLogin(context.Background(), "bob", password) // no address: no ip key

	e.clock.Advance(15 * time.Minute)
	e.mustLogin(attacker, "bob", password)
	// A successful sign-in does not clear the address's count (the attacker may own an
	// account).
	if n := e.c.LoginThrottle.Query().Where(loginthrottle.Key("ip:203.0.113.7")).CountX(e.ctx); n != 1 {
		t.Fatalf("ip key rows = %d, want 1", n)
	}
}

func TestThrottleConcurrentFailures(t *testing.T) {
	e := newEnv(t, auth.Options{MaxUserFailures: 100, MaxIPFailures: 100})
	e.user("alice", nil, nil)
	const n = 8
	errs := make(chan error, n)
	for range n {
		go func() {
			_, err := e.login(from("10.0.0.1"), "alice", "wrong")
			errs <- err
		}()
	}
	for range n {
		wantCode(t, <-errs, apperr.Unauthenticated)
	}
	for _, key := range []string{"user:alice", "ip:10.0.0.1"} {
		th := e.c.LoginThrottle.Query().Where(loginthrottle.Key(key)).OnlyX(e.ctx)
		if th.Failures != n {
			t.Fatalf("%s failures = %d, want %d (no lost updates)", key, th.Failures, n)
		}
	}
}
