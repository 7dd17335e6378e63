package auth_test

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/customercredential"
	"github.com/c360crm/c360/ent/session"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/auth"
)

const mobile = "13800138000"

func ptr[T any](v T) *T { return &v }

func (e *env) customerLogin(ctx context.Context, mobile string, pw, code *string) (*auth.CustomerLogin, error) {
	return e.svc.CustomerLogin(ctx, auth.CustomerLoginInput{Mobile: mobile, Password: pw, Code: code})
}

// wantCustomerRefused fails unless err is the generic customer sign-in error.
func wantCustomerRefused(t *testing.T, err error) {
	t.Helper()
	ae := wantCode(t, err, apperr.Unauthenticated)
	if ae.Message != "wrong mobile number, password or code" || ae.Details != nil {
		t.Fatalf("error = %q %v, want the generic customer sign-in error", ae.Message, ae.Details)
	}
}

func (e *env) credential(cu *ent.Customer) *ent.CustomerCredential {
	e.t.Helper()
	return e.c.CustomerCredential.Query().Where(customercredential.CustomerID(cu.ID)).OnlyX(e.ctx)
}

func TestCustomerPasswordLogin(t *testing.T) {
	e := newEnv(t, auth.Options{MaxUserFailures: 50})
	cu := e.customer("Li Lei", mobile)
	e.customer("Han Meimei", "13900139000")

	_, err := e.customerLogin(from("10.0.0.1"), mobile, ptr(password), nil)
	wantCustomerRefused(t, err) // no password yet

	wantField(t, e.svc.SetCustomerPassword(e.ctx, cu.ID, "short"), "password")
	if err := e.svc.SetCustomerPassword(e.ctx, cu.ID, password); err != nil {
		t.Fatal(err)
	}
	if h := e.credential(cu).PasswordHash; h == "" || strings.Contains(h, password) {
		t.Fatalf("stored password hash %q", h)
	}
	if err := e.svc.SetCustomerPassword(e.ctx, 999999, password); !ent.IsNotFound(err) {
		t.Fatalf("unknown customer: %v, want not found", err)
	}

	l, err := e.customerLogin(from("10.0.0.1"), " "+mobile+" ", ptr(password), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(l.Token, "c360s_") || l.Customer == nil || l.Customer.ID != cu.ID ||
		!l.ExpiresAt.Equal(e.clock.Now().Add(auth.DefaultSessionTTL)) {
		t.Fatalf("login = %+v", l)
	}
	ses := e.c.Session.Query().Where(session.TokenHash(sha256Hex(l.Token))).OnlyX(e.ctx)
	if ses.Kind != session.KindCUSTOMER || ses.CustomerID == nil || *ses.CustomerID != cu.ID || ses.UserID != nil {
		t.Fatalf("session = %+v", ses)
	}
	p, err := e.svc.Authenticate(context.Background(), l.Token)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != authz.KindCustomer || p.ID != cu.ID || p.Name != cu.Code || p.SessionID != ses.ID ||
		len(p.Roles) != 1 || p.Roles[0] != authz.RoleCustomer {
		t.Fatalf("principal = %+v", p)
	}

	for _, tc := range []struct {
		name, mobile string
		pw           *string
	}{
		{"wrong password", mobile, ptr("not my password")},
		{"other customer's number", "13900139000", ptr(password)},
		{"unknown number", "13700137000", ptr(password)},
	} {
		_, err := e.customerLogin(from("10.0.0.1"), tc.mobile, tc.pw, nil)
		wantCustomerRefused(t, err)
	}

	_, err = e.customerLogin(context.Background(), mobile, ptr(password), ptr("123456"))
	wantField(t, err, "password")
	_, err = e.customerLogin(context.Background(), mobile, nil, nil)
	wantField(t, err, "password")
	_, err = e.customerLogin(context.Background(), mobile, ptr(""), ptr(""))
	wantField(t, err, "password")
	_, err = e.customerLogin(context.Background(), "12345", ptr(password), nil)
	wantField(t, err, "mobile")

	// Staff reset the password: the customer's sessions end.
	other, err := e.customerLogin(context.Background(), mobile, ptr(password), nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.svc.SetCustomerPassword(e.ctx, cu.ID, "a new password"); err != nil {
		t.Fatal(err)
	}
	for _, tok := range []string{l.Token, other.Token} {
		_, err := e.svc.Authenticate(context.Background(), tok)
		wantInvalid(t, err)
	}
	_, err = e.customerLogin(context.Background(), mobile, ptr(password), nil)
	wantCustomerRefused(t, err)
	l, err = e.customerLogin(context.Background(), mobile, ptr("a new password"), nil)
	if err != nil {
		t.Fatal(err)
	}

	// Merged and churned customers cannot sign in, and their sessions stop working.
	for _, st := range []customer.Status{customer.StatusMERGED, customer.StatusCHURNED} {
		e.c.Customer.UpdateOne(cu).SetStatus(st).ExecX(e.ctx)
		_, err := e.svc.Authenticate(context.Background(), l.Token)
		wantInvalid(t, err)
		_, err = e.customerLogin(context.Background(), mobile, ptr("a new password"), nil)
		wantCustomerRefused(t, err)
	}
	e.c.Customer.UpdateOne(cu).SetStatus(customer.StatusDORMANT).ExecX(e.ctx)
	if _, err := e.svc.Authenticate(context.Background(), l.Token); err != nil {
		t.Fatalf("dormant customer: %v", err)
	}

	if strings.Contains(e.logs.String(), mobile) || strings.Contains(e.logs.String(), password) {
		t.Fatalf("log holds a mobile number or password:\n%s", e.logs)
	}
}

func TestCustomerThrottle(t *testing.T) {
	e := newEnv(t, auth.Options{MaxUserFailures: 3, MaxIPFailures: 100})
	cu := e.customer("Li Lei", mobile)
	if err := e.svc.SetCustomerPassword(e.ctx, cu.ID, password); err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		_, err := e.customerLogin(from("10.0.0."+string(rune('1'+i))), mobile, ptr("wrong"), nil)
		wantCustomerRefused(t, err)
	}
	_, err := e.customerLogin(context.Background(), mobile, ptr(password), nil)
	wantLocked(t, err, 15*60)
	e.clock.Advance(auth.DefaultWindow)
	if _, err := e.customerLogin(context.Background(), mobile, ptr(password), nil); err != nil {
		t.Fatal(err)
	}
}

// sender captures the codes a Service sends.
type sender struct {
	mu    sync.Mutex
	sent  []string // mobile:code
	fails bool
}

func (s *sender) send(_ context.Context, mobile, code string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.fails {
		return errors.New("gateway down")
	}
	s.sent = append(s.sent, mobile+":"+code)
	return nil
}

// last returns the last code sent to mobile.
func (s *sender) last(t *testing.T, mobile string) string {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.sent) == 0 {
		t.Fatal("no code sent")
	}
	m, code, _ := strings.Cut(s.sent[len(s.sent)-1], ":")
	if m != mobile || !regexp.MustCompile(`^[0-9]{6}$`).MatchString(code) {
		t.Fatalf("sent %q, want 6 digits to %s", s.sent[len(s.sent)-1], mobile)
	}
	return code
}

func (s *sender) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.sent)
}

func TestCustomerCodeLogin(t *testing.T) {
	snd := &sender{}
	e := newEnv(t, auth.Options{CodeSender: snd.send, MaxUserFailures: 50, MaxIPFailures: 50})
	cu := e.customer("Li Lei", mobile)

	request := func() string {
		t.Helper()
		if err := e.svc.RequestCustomerLoginCode(context.Background(), mobile); err != nil {
			t.Fatal(err)
		}
		return snd.last(t, mobile)
	}

	// First request: creates the credential row.
	code := request()
	cred := e.credential(cu)
	if cred.CodeHash != sha256Hex(code) || cred.CodeAttempts != 0 || cred.CodeExpiresAt == nil ||
		!cred.CodeExpiresAt.Equal(e.clock.Now().Add(5*time.Minute)) {
		t.Fatalf("credential = %+v", cred)
	}
	l, err := e.customerLogin(from("10.0.0.1"), mobile, nil, ptr(code))
	if err != nil {
		t.Fatal(err)
	}
	if p, err := e.svc.Authenticate(context.Background(), l.Token); err != nil || p.ID != cu.ID || p.Kind != authz.KindCustomer {
		t.Fatalf("authenticate = %+v, %v", p, err)
	}
	if cred := e.credential(cu); cred.CodeHash != "" || cred.CodeExpiresAt != nil {
		t.Fatalf("code kept after use: %+v", cred)
	}
	// One time.
	_, err = e.customerLogin(context.Background(), mobile, nil, ptr(code))
	wantCustomerRefused(t, err)

	// Five wrong codes kill the code.
	code = request()
	wrong := "000000"
	if code == wrong {
		wrong = "111111"
	}
	for range 5 {
		_, err := e.customerLogin(context.Background(), mobile, nil, ptr(wrong))
		wantCustomerRefused(t, err)
	}
	if n := e.credential(cu).CodeAttempts; n != 5 {
		t.Fatalf("code_attempts = %d, want 5", n)
	}
	_, err = e.customerLogin(context.Background(), mobile, nil, ptr(code))
	wantCustomerRefused(t, err)

	// A new code resets the attempts; it expires after 5 minutes.
	code = request()
	e.clock.Advance(5 * time.Minute)
	_, err = e.customerLogin(context.Background(), mobile, nil, ptr(code))
	wantCustomerRefused(t, err)

	code = request()
	e.clock.Advance(5*time.Minute - time.Second)
	if _, err := e.customerLogin(context.Background(), mobile, nil, ptr(code)); err != nil {
		t.Fatalf("code before expiry: %v", err)
	}

	// Five requests per number per window.
	request()
	err = e.svc.RequestCustomerLoginCode(context.Background(), mobile)
	ae := wantCode(t, err, apperr.TooManyRequests)
	if ae.Details["retryAfterSeconds"] == nil {
		t.Fatalf("no retryAfterSeconds: %v", ae.Details)
	}
	if snd.count() != 5 {
		t.Fatalf("%d codes sent, want 5", snd.count())
	}
	e.clock.Advance(auth.DefaultWindow)
	request()

	// Unknown and merged numbers: no code, no error (nothing to tell who is a customer).
	before := snd.count()
	if err := e.svc.RequestCustomerLoginCode(context.Background(), "13700137000"); err != nil {
		t.Fatal(err)
	}
	merged := e.customer("Merged", "13600136000")
	e.c.Customer.UpdateOne(merged).SetStatus(customer.StatusMERGED).ExecX(e.ctx)
	if err := e.svc.RequestCustomerLoginCode(context.Background(), "13600136000"); err != nil {
		t.Fatal(err)
	}
	if snd.count() != before {
		t.Fatal("code sent to an unknown or merged number")
	}
	wantField(t, e.svc.RequestCustomerLoginCode(context.Background(), "1234"), "mobile")

	if strings.Contains(e.logs.String(), mobile) || strings.Contains(e.logs.String(), code) {
		t.Fatalf("log holds a mobile number or code:\n%s", e.logs)
	}
}

func TestCustomerCodeDelivery(t *testing.T) {
	t.Run("no gateway", func(t *testing.T) {
		e := newEnv(t, auth.Options{})
		e.customer("Li Lei", mobile)
		err := e.svc.RequestCustomerLoginCode(context.Background(), mobile)
		ae := wantCode(t, err, apperr.ServiceUnavailable)
		if ae.Message != "no SMS gateway configured" {
			t.Fatalf("message = %q", ae.Message)
		}
	})

	t.Run("dev log", func(t *testing.T) {
		e := newEnv(t, auth.Options{Dev: true})
		cu := e.customer("Li Lei", mobile)
		if err := e.svc.RequestCustomerLoginCode(context.Background(), mobile); err != nil {
			t.Fatal(err)
		}
		logs := e.logs.String()
		m := regexp.MustCompile(`msg="customer sign-in code" .*mobile=138\*\*\*\*8000 code=([0-9]{6})`).FindStringSubmatch(logs)
		if m == nil || strings.Contains(logs, mobile) {
			t.Fatalf("log:\n%s\nwant the code with the mobile masked", logs)
		}
		l, err := e.customerLogin(context.Background(), mobile, nil, ptr(m[1]))
		if err != nil || l.Customer.ID != cu.ID {
			t.Fatalf("login with logged code: %v", err)
		}
	})

	t.Run("gateway error", func(t *testing.T) {
		snd := &sender{fails: true}
		e := newEnv(t, auth.Options{CodeSender: snd.send})
		e.customer("Li Lei", mobile)
		err := e.svc.RequestCustomerLoginCode(context.Background(), mobile)
		ae := wantCode(t, err, apperr.ServiceUnavailable)
		if strings.Contains(ae.Error(), "gateway down") || strings.Contains(e.logs.String(), mobile) {
			t.Fatalf("error %q / log leaks details:\n%s", ae.Error(), e.logs)
		}
	})
}
