// Tests of package auth run on a real database (SQLite, or MariaDB with C360_TEST_MYSQL_DSN)
// with a fake clock.
package auth_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/partner"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/ent/user"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/auth"
	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/reqinfo"
	"github.com/c360crm/c360/internal/staff"
	"github.com/c360crm/c360/internal/testenv"
	"github.com/c360crm/c360/internal/validate"
)

// clock is a fake clock. It starts on a whole second (MySQL TIMESTAMP keeps no fractions)
// before 2038 (the end of TIMESTAMP).
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is a database, a service on it with a fake clock, and a context that may do anything.
type env struct {
	t     *testing.T
	d     *db.DB
	c     *ent.Client
	svc   *auth.Service
	clock *clock
	ctx   context.Context // privacy allow: fixtures and checks
	logs  *bytes.Buffer
}

const password = "correct horse battery"

func newEnv(t *testing.T, opts auth.Options) *env {
	t.Helper()
	d := testenv.New(t)
	clk := newClock()
	opts.Now = clk.Now
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&syncWriter{w: &logs}, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return &env{
		t: t, d: d, c: d.Client, clock: clk, logs: &logs,
		svc: auth.New(d.Client, log, opts),
		ctx: privacy.DecisionContext(context.Background(), privacy.Allow),
	}
}

type syncWriter struct {
	mu sync.Mutex
	w  *bytes.Buffer
}

func (w *syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.w.Write(p)
}

// from returns a request context from a client address.
func from(ip string) context.Context {
	return reqinfo.NewContext(context.Background(), reqinfo.Info{RequestID: "r1", ClientIP: ip, UserAgent: "test-agent/1.0"})
}

func (e *env) team(name, code, region string, parent *ent.Team) *ent.Team {
	e.t.Helper()
	c := e.c.Team.Create().SetName(name).SetCode(code).SetRegion(region)
	if parent != nil {
		c.SetParentID(parent.ID)
	}
	tm, err := c.Save(e.ctx)
	if err != nil {
		e.t.Fatalf("create team: %v", err)
	}
	return tm
}

func (e *env) user(name string, roles []string, team *ent.Team) *ent.User {
	e.t.Helper()
	in := staff.CreateUserInput{Username: name, DisplayName: name, Password: password, Roles: roles}
	if team != nil {
		in.TeamID = &team.ID
	}
	u, err := staff.CreateUser(e.ctx, e.c, in)
	if err != nil {
		e.t.Fatalf("create user: %v", err)
	}
	return u
}

func (e *env) customer(name, mobile string) *ent.Customer {
	e.t.Helper()
	cu, err := e.c.Customer.Create().SetType(customer.TypePUBLIC).SetName(name).SetMobile(mobile).Save(e.ctx)
	if err != nil {
		e.t.Fatalf("create customer: %v", err)
	}
	return cu
}

func (e *env) partner(code string, status partner.Status) *ent.Partner {
	e.t.Helper()
	p, err := e.c.Partner.Create().SetName("Partner " + code).SetCode(code).SetStatus(status).Save(e.ctx)
	if err != nil {
		e.t.Fatalf("create partner: %v", err)
	}
	return p
}

func (e *env) login(ctx context.Context, username, pw string) (*auth.Login, error) {
	return e.svc.Login(ctx, auth.LoginInput{Username: username, Password: pw})
}

func (e *env) mustLogin(ctx context.Context, username, pw string) *auth.Login {
	e.t.Helper()
	l, err := e.login(ctx, username, pw)
	if err != nil {
		e.t.Fatalf("login %s: %v", username, err)
	}
	return l
}

func (e *env) setDisabled(u *ent.User) {
	e.t.Helper()
	if err := e.c.User.UpdateOne(u).SetStatus(user.StatusDISABLED).Exec(e.ctx); err != nil {
		e.t.Fatal(err)
	}
}

// wantCode fails unless err carries the apperr code.
func wantCode(t *testing.T, err error, code string) *apperr.Error {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.Code != code {
		t.Fatalf("error = %v, want code %s", err, code)
	}
	return ae
}

// wantField fails unless err is a validation error of field.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	var fe *validate.FieldError
	if !errors.As(err, &fe) || fe.Field != field {
		t.Fatalf("error = %v, want a validation error of %q", err, field)
	}
}

// wantInvalid fails unless err is the generic Authenticate error.
func wantInvalid(t *testing.T, err error) {
	t.Helper()
	ae := wantCode(t, err, apperr.Unauthenticated)
	if ae.Message != "invalid or expired credentials" || ae.Details != nil {
		t.Fatalf("authenticate error = %q %v, want the generic one", ae.Message, ae.Details)
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestNewDefaults(t *testing.T) {
	// A zero Options works: defaults apply (12h sessions).
	d := testenv.New(t)
	svc := auth.New(d.Client, nil, auth.Options{})
	ctx := privacy.DecisionContext(context.Background(), privacy.Allow)
	if _, err := staff.CreateUser(ctx, d.Client, staff.CreateUserInput{Username: "dora", DisplayName: "Dora", Password: password}); err != nil {
		t.Fatal(err)
	}
	before := time.Now()
	l, err := svc.Login(context.Background(), auth.LoginInput{Username: "dora", Password: password})
	if err != nil {
		t.Fatal(err)
	}
	if got := l.ExpiresAt.Sub(before); got < 12*time.Hour-time.Minute || got > 12*time.Hour+time.Minute {
		t.Fatalf("session lifetime = %v, want 12h", got)
	}
}
