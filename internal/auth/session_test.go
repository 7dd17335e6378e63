package auth_test

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent/session"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/auth"
)

func TestLoginAndAuthenticate(t *testing.T) {
	e := newEnv(t, auth.Options{SessionTTL: 2 * time.Hour})
	prov := e.team("Zhejiang", "ZJ", "Zhejiang", nil)
	city := e.team("Hangzhou", "ZJ-HZ", "Hangzhou", prov)
	alice := e.user("alice", []string{authz.RoleManager, authz.RoleAgent}, city)

	l := e.mustLogin(from("10.0.0.1"), "alice", password)
	if !strings.HasPrefix(l.Token, "c360s_") || len(l.Token) != len("c360s_")+43 {
		t.Fatalf("token %q: want c360s_ and 43 base64url characters", l.Token)
	}
	if l.User == nil || l.User.ID != alice.ID || l.User.LastLoginAt == nil || !l.User.LastLoginAt.Equal(e.clock.Now()) {
		t.Fatalf("login user = %+v, want alice with last_login_at now", l.User)
	}
	if !l.ExpiresAt.Equal(e.clock.Now().Add(2 * time.Hour)) {
		t.Fatalf("expiresAt = %v, want now+2h", l.ExpiresAt)
	}

	ses := e.c.Session.Query().OnlyX(e.ctx)
	if ses.TokenHash == l.Token || ses.TokenHash != sha256Hex(l.Token) {
		t.Fatalf("stored token_hash %q: want hex sha256 of the token, not the token", ses.TokenHash)
	}
	if ses.Kind != session.KindSTAFF || ses.UserID == nil || *ses.UserID != alice.ID ||
		ses.ClientIP != "10.0.0.1" || ses.UserAgent != "test-agent/1.0" {
		t.Fatalf("session = %+v", ses)
	}

	p, err := e.svc.Authenticate(context.Background(), l.Token)
	if err != nil {
		t.Fatal(err)
	}
	want := authz.Principal{Kind: authz.KindUser, ID: alice.ID, Name: "alice",
		TeamID: city.ID, TeamPath: city.Path, Region: "Hangzhou", SessionID: ses.ID}
	if p.Kind != want.Kind || p.ID != want.ID || p.Name != want.Name || p.TeamID != want.TeamID ||
		p.TeamPath != want.TeamPath || p.Region != want.Region || p.SessionID != want.SessionID ||
		!slices.Equal(p.Roles, []string{authz.RoleManager, authz.RoleAgent}) {
		t.Fatalf("principal = %+v, want %+v with roles manager, agent", p, want)
	}
	if wantPath := "/" + strconv.Itoa(prov.ID) + "/" + strconv.Itoa(city.ID) + "/"; p.TeamPath != wantPath {
		t.Fatalf("team path = %q, want %q", p.TeamPath, wantPath)
	}

	// last_seen_at is written on first use and then at most once a minute.
	seen := func() time.Time {
		t.Helper()
		s := e.c.Session.GetX(e.ctx, ses.ID)
		if s.LastSeenAt == nil {
			t.Fatal("last_seen_at not set")
		}
		return *s.LastSeenAt
	}
	first := seen()
	if !first.Equal(e.clock.Now()) {
		t.Fatalf("last_seen_at = %v, want %v", first, e.clock.Now())
	}
	e.clock.Advance(30 * time.Second)
	if _, err := e.svc.Authenticate(context.Background(), l.Token); err != nil {
		t.Fatal(err)
	}
	if !seen().Equal(first) {
		t.Fatal("last_seen_at rewritten within a minute")
	}
	e.clock.Advance(31 * time.Second)
	if _, err := e.svc.Authenticate(context.Background(), l.Token); err != nil {
		t.Fatal(err)
	}
	if !seen().Equal(e.clock.Now()) {
		t.Fatal("last_seen_at not updated after a minute")
	}

	// A user without a team has an empty team scope.
	e.user("bob", nil, nil)
	lb := e.mustLogin(context.Background(), "bob", password)
	pb, err := e.svc.Authenticate(context.Background(), lb.Token)
	if err != nil {
		t.Fatal(err)
	}
	if pb.TeamID != 0 || pb.TeamPath != "" || pb.Roles == nil || len(pb.Roles) != 0 {
		t.Fatalf("principal without team = %+v", pb)
	}
	if ses := e.c.Session.GetX(e.ctx, pb.SessionID); ses.ClientIP != "" {
		t.Fatalf("client_ip without request info = %q", ses.ClientIP)
	}
}

func TestLoginFailuresAreAlike(t *testing.T) {
	e := newEnv(t, auth.Options{})
	e.user("alice", nil, nil)
	carol := e.user("carol", nil, nil)
	e.setDisabled(carol)

	cases := []struct{ name, user, pw string }{
		{"wrong password", "alice", "not the password"},
		{"unknown user", "mallory", password},
		{"disabled user", "carol", password},
		{"empty", "", ""},
		{"over-long name", strings.Repeat("x", 500), password},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := e.login(from("10.0.0.9"), tc.user, tc.pw)
			ae := wantCode(t, err, apperr.Unauthenticated)
			if ae.Message != "wrong username or password" || ae.Details != nil {
				t.Fatalf("error = %q %v, want the generic sign-in error", ae.Message, ae.Details)
			}
		})
	}
	if n := e.c.Session.Query().CountX(e.ctx); n != 0 {
		t.Fatalf("%d sessions created by failed sign-ins", n)
	}
}

func TestDisabledUserSessionRefused(t *testing.T) {
	e := newEnv(t, auth.Options{})
	bob := e.user("bob", nil, nil)
	l := e.mustLogin(context.Background(), "bob", password)
	if _, err := e.svc.Authenticate(context.Background(), l.Token); err != nil {
		t.Fatal(err)
	}
	e.setDisabled(bob)
	_, err := e.svc.Authenticate(context.Background(), l.Token)
	wantInvalid(t, err)
	_, err = e.login(context.Background(), "bob", password)
	wantCode(t, err, apperr.Unauthenticated)
}

func TestSessionEnds(t *testing.T) {
	e := newEnv(t, auth.Options{SessionTTL: time.Hour})
	e.user("alice", nil, nil)

	t.Run("expired", func(t *testing.T) {
		l := e.mustLogin(context.Background(), "alice", password)
		e.clock.Advance(59 * time.Minute)
		if _, err := e.svc.Authenticate(context.Background(), l.Token); err != nil {
			t.Fatalf("before expiry: %v", err)
		}
		e.clock.Advance(time.Minute)
		_, err := e.svc.Authenticate(context.Background(), l.Token)
		wantInvalid(t, err)
	})

	t.Run("logout", func(t *testing.T) {
		l := e.mustLogin(context.Background(), "alice", password)
		other := e.mustLogin(context.Background(), "alice", password)
		p, err := e.svc.Authenticate(context.Background(), l.Token)
		if err != nil {
			t.Fatal(err)
		}
		ok, err := e.svc.Logout(context.Background(), p)
		if err != nil || !ok {
			t.Fatalf("logout = %v, %v; want true", ok, err)
		}
		_, err = e.svc.Authenticate(context.Background(), l.Token)
		wantInvalid(t, err)
		if _, err := e.svc.Authenticate(context.Background(), other.Token); err != nil {
			t.Fatalf("logout ended another session: %v", err)
		}
		if ok, err := e.svc.Logout(context.Background(), p); err != nil || ok {
			t.Fatalf("second logout = %v, %v; want false", ok, err)
		}
		for _, q := range []*authz.Principal{nil, authz.System, {Kind: authz.KindPartner, ID: 1, SessionID: p.SessionID}} {
			if ok, err := e.svc.Logout(context.Background(), q); err != nil || ok {
				t.Fatalf("logout of %+v = %v, %v; want false", q, ok, err)
			}
		}
	})

	t.Run("tampered", func(t *testing.T) {
		l := e.mustLogin(context.Background(), "alice", password)
		b := []byte(l.Token)
		i := len(b) - 5
		if b[i] == 'A' {
			b[i] = 'B'
		} else {
			b[i] = 'A'
		}
		for _, tok := range []string{string(b), l.Token + "x", l.Token[:len(l.Token)-1], "", "garbage",
			"c360s_", strings.Replace(l.Token, "c360s_", "c360pk_", 1), "Bearer " + l.Token} {
			_, err := e.svc.Authenticate(context.Background(), tok)
			wantInvalid(t, err)
		}
	})
}

func TestChangePassword(t *testing.T) {
	e := newEnv(t, auth.Options{})
	e.user("alice", nil, nil)
	e.user("bob", nil, nil)
	current := e.mustLogin(context.Background(), "alice", password)
	other := e.mustLogin(context.Background(), "alice", password)
	bobs := e.mustLogin(context.Background(), "bob", password)
	p, err := e.svc.Authenticate(context.Background(), current.Token)
	if err != nil {
		t.Fatal(err)
	}

	err = e.svc.ChangePassword(context.Background(), p, auth.ChangePasswordInput{OldPassword: "wrong password", NewPassword: "new password 1"})
	wantField(t, err, "oldPassword")
	err = e.svc.ChangePassword(context.Background(), p, auth.ChangePasswordInput{OldPassword: password, NewPassword: "short"})
	wantField(t, err, "newPassword")
	err = e.svc.ChangePassword(context.Background(), nil, auth.ChangePasswordInput{OldPassword: password, NewPassword: "new password 1"})
	wantCode(t, err, apperr.Unauthenticated)
	if _, err := e.svc.Authenticate(context.Background(), other.Token); err != nil {
		t.Fatalf("failed change revoked a session: %v", err)
	}

	if err := e.svc.ChangePassword(context.Background(), p, auth.ChangePasswordInput{OldPassword: password, NewPassword: "new password 1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Authenticate(context.Background(), current.Token); err != nil {
		t.Fatalf("current session ended: %v", err)
	}
	_, err = e.svc.Authenticate(context.Background(), other.Token)
	wantInvalid(t, err)
	if _, err := e.svc.Authenticate(context.Background(), bobs.Token); err != nil {
		t.Fatalf("another user's session ended: %v", err)
	}
	_, err = e.login(context.Background(), "alice", password)
	wantCode(t, err, apperr.Unauthenticated)
	e.mustLogin(context.Background(), "alice", "new password 1")
}

// TestInsideMutationTransaction runs sign-ins the way GraphQL mutations do, inside an ent
// transaction in the context: the session belongs to the transaction, the failure count
// survives its rollback (and, on SQLite, is not blocked by the transaction's write lock).
func TestInsideMutationTransaction(t *testing.T) {
	e := newEnv(t, auth.Options{MaxUserFailures: 2})
	e.user("alice", nil, nil)

	inTx := func(fn func(ctx context.Context) error) error {
		t.Helper()
		ctx, tx, err := e.c.OpenTx(from("10.1.1.1"))
		if err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- fn(ctx) }()
		select {
		case err = <-done:
		case <-time.After(5 * time.Second):
			t.Fatal("sign-in inside a transaction is blocked")
		}
		if err != nil {
			if rerr := tx.Rollback(); rerr != nil {
				t.Fatal(rerr)
			}
			return err
		}
		return tx.Commit()
	}

	err := inTx(func(ctx context.Context) error {
		_, err := e.login(ctx, "alice", "wrong")
		return err
	})
	wantCode(t, err, apperr.Unauthenticated)
	if th := e.c.LoginThrottle.Query().AllX(e.ctx); len(th) != 2 || th[0].Failures != 1 || th[1].Failures != 1 {
		t.Fatalf("throttle rows after a rolled-back failure = %v, want user and ip with 1 failure", th)
	}

	var token string
	err = inTx(func(ctx context.Context) error {
		l, err := e.login(ctx, "alice", password)
		if err == nil {
			token = l.Token
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Authenticate(context.Background(), token); err != nil {
		t.Fatalf("session of a committed sign-in: %v", err)
	}

	// A session created in a transaction that rolls back does not exist.
	var lost string
	err = inTx(func(ctx context.Context) error {
		l, err := e.login(ctx, "alice", password)
		if err != nil {
			return err
		}
		lost = l.Token
		return errTestRollback
	})
	if err != errTestRollback {
		t.Fatal(err)
	}
	_, err = e.svc.Authenticate(context.Background(), lost)
	wantInvalid(t, err)

	// Two rolled-back failures lock the user.
	for range 2 {
		err := inTx(func(ctx context.Context) error {
			_, err := e.login(ctx, "alice", "wrong")
			return err
		})
		wantCode(t, err, apperr.Unauthenticated)
	}
	_, err = e.login(context.Background(), "alice", password)
	wantCode(t, err, apperr.TooManyRequests)
}

var errTestRollback = &apperr.Error{Code: apperr.Internal, Message: "test rollback"}
