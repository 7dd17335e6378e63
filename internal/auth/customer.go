package auth

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/customercredential"
	"github.com/c360crm/c360/ent/session"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/staff"
	"github.com/c360crm/c360/internal/validate"
)

// errWrongCustomerLogin is the one answer to every failed customer sign-in.
func errWrongCustomerLogin() error {
	return apperr.New(apperr.Unauthenticated, "wrong mobile number, password or code")
}

// checkMobile trims and validates a mobile number input.
func checkMobile(s string) (string, error) {
	m := strings.TrimSpace(s)
	if err := validate.Mobile(m); err != nil {
		return "", validate.Field("mobile", "%v", err)
	}
	return m, nil
}

// CustomerLogin signs a customer in to the web business hall with mobile number and either
// a password or a one-time code from RequestCustomerLoginCode. Every failure gives the same
// error and is counted against the number and the client address; a wrong code also counts
// against the code, which dies after 5 wrong attempts.
func (s *Service) CustomerLogin(ctx context.Context, in CustomerLoginInput) (*CustomerLogin, error) {
	mobile, err := checkMobile(in.Mobile)
	if err != nil {
		return nil, err
	}
	var password, code string
	if in.Password != nil {
		password = *in.Password
	}
	if in.Code != nil {
		code = strings.TrimSpace(*in.Code)
	}
	if (password == "") == (code == "") {
		return nil, validate.Field("password", "give either a password or a one-time code")
	}
	mobileKey := throttleKey("mobile:", mobile)
	limits := s.signInLimits(ctx, mobileKey)
	throttled, err := s.checkLocked(ctx, errTooManySignIns, limits)
	if err != nil {
		return nil, err
	}

	customers, creds, err := s.candidates(allow(ctx), mobile)
	if err != nil {
		return nil, err
	}
	var match *ent.CustomerCredential
	if password != "" {
		match = matchPassword(creds, password)
	} else {
		var wrong []int
		match, wrong = s.matchCode(creds, code)
		if match == nil && len(wrong) > 0 {
			s.outsideTx(ctx, func(ctx context.Context) {
				err := s.client.CustomerCredential.Update().
					Where(customercredential.IDIn(wrong...)).
					AddCodeAttempts(1).
					Exec(ctx)
				if err != nil {
					s.log.ErrorContext(ctx, "count wrong sign-in code", "err", err)
				}
			})
		}
	}
	if match == nil {
		s.countFailure(ctx, limits)
		s.recordFailure(ctx, "Customer", authz.MaskMobile(mobile))
		return nil, errWrongCustomerLogin()
	}

	c := s.tx(ctx)
	if code != "" {
		// One time: only the request that clears the code may use it.
		n, err := c.CustomerCredential.Update().
			Where(customercredential.ID(match.ID), customercredential.CodeHash(match.CodeHash)).
			ClearCodeHash().ClearCodeExpiresAt().SetCodeAttempts(0).
			Save(allow(ctx))
		if err != nil {
			return nil, fmt.Errorf("auth: use sign-in code: %w", err)
		}
		if n == 0 {
			s.countFailure(ctx, limits)
			return nil, errWrongCustomerLogin()
		}
	}
	if err := clearKey(ctx, c, throttled, mobileKey); err != nil {
		return nil, fmt.Errorf("auth: clear sign-in throttle: %w", err)
	}
	token, ses, err := s.createSession(ctx, c, session.KindCUSTOMER, match.CustomerID)
	if err != nil {
		return nil, err
	}
	method := "password"
	if code != "" {
		method = "code"
	}
	cu := customers[match.CustomerID]
	self := &authz.Principal{Kind: authz.KindCustomer, ID: cu.ID, Name: cu.Code, Roles: []string{authz.RoleCustomer}}
	if err := record(ctx, c, self, "login", "Customer", cu.ID, map[string]any{"method": method}); err != nil {
		return nil, err
	}
	s.log.InfoContext(ctx, "customer signed in", "customerID", match.CustomerID, "sessionID", ses.ID, "method", method)
	return &CustomerLogin{Token: token, ExpiresAt: ses.ExpiresAt, Customer: customers[match.CustomerID]}, nil
}

// candidates returns the customers with the mobile number that may sign in, by ID, and
// their credentials (ctx must allow internal reads).
func (s *Service) candidates(ctx context.Context, mobile string) (map[int]*ent.Customer, []*ent.CustomerCredential, error) {
	cs, err := s.tx(ctx).Customer.Query().
		Where(customer.Mobile(mobile), customer.StatusNotIn(customer.StatusMERGED, customer.StatusCHURNED)).
		Order(ent.Asc(customer.FieldID)).
		All(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("auth: load customers: %w", err)
	}
	if len(cs) == 0 {
		return nil, nil, nil
	}
	byID := make(map[int]*ent.Customer, len(cs))
	ids := make([]int, len(cs))
	for i, c := range cs {
		byID[c.ID], ids[i] = c, c.ID
	}
	creds, err := s.tx(ctx).CustomerCredential.Query().
		Where(customercredential.CustomerIDIn(ids...)).
		Order(ent.Asc(customercredential.FieldCustomerID)).
		All(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("auth: load customer credentials: %w", err)
	}
	return byID, creds, nil
}

// matchPassword returns the first credential whose password matches. With no password to
// compare against it spends the time of one check anyway.
func matchPassword(creds []*ent.CustomerCredential, password string) *ent.CustomerCredential {
	checked := false
	for _, cr := range creds {
		if cr.PasswordHash == "" {
			continue
		}
		checked = true
		if staff.CheckPassword(cr.PasswordHash, password) {
			return cr
		}
	}
	if !checked {
		burnPasswordCheck(password)
	}
	return nil
}

// matchCode returns the credential whose live code (not expired, attempts left) is code,
// or the IDs of the credentials with a live code that is not.
func (s *Service) matchCode(creds []*ent.CustomerCredential, code string) (*ent.CustomerCredential, []int) {
	hash, now := hashSecret(code), s.now()
	var wrong []int
	for _, cr := range creds {
		if cr.CodeHash == "" || cr.CodeExpiresAt == nil || !cr.CodeExpiresAt.After(now) ||
			cr.CodeAttempts >= maxCodeAttempts {
			continue
		}
		if sameHash(cr.CodeHash, hash) {
			return cr, nil
		}
		wrong = append(wrong, cr.ID)
	}
	return nil, wrong
}

// RequestCustomerLoginCode sends a one-time sign-in code to a customer's mobile number,
// valid for 5 minutes. It returns nil for unknown numbers too, so that it does not tell
// which numbers are customers'. At most 5 codes per number are sent in a window.
func (s *Service) RequestCustomerLoginCode(ctx context.Context, mobile string) error {
	mobile, err := checkMobile(mobile)
	if err != nil {
		return err
	}
	if s.opts.CodeSender == nil && !s.opts.Dev {
		return apperr.New(apperr.ServiceUnavailable, "no SMS gateway configured")
	}
	limits := []limit{{key: throttleKey("code:", mobile), max: maxCodeRequests}}
	if _, err := s.checkLocked(ctx, "too many sign-in code requests; try again later", limits); err != nil {
		return err
	}
	s.countFailure(ctx, limits) // every request counts, sent or not

	// The customer that signs in with the code: active before dormant, then the oldest.
	cu, err := s.tx(ctx).Customer.Query().
		Where(customer.Mobile(mobile), customer.StatusNotIn(customer.StatusMERGED, customer.StatusCHURNED)).
		Order(ent.Asc(customer.FieldStatus), ent.Asc(customer.FieldID)).
		First(allow(ctx))
	if ent.IsNotFound(err) {
		s.log.InfoContext(ctx, "sign-in code requested for an unknown number", "mobile", authz.MaskMobile(mobile))
		return nil
	}
	if err != nil {
		return fmt.Errorf("auth: load customer: %w", err)
	}
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000))
	if err != nil {
		return fmt.Errorf("auth: random: %w", err)
	}
	code := fmt.Sprintf("%06d", n.Int64())
	hash, expires := hashSecret(code), s.now().Add(codeTTL)
	err = s.tx(ctx).CustomerCredential.Create().
		SetCustomerID(cu.ID).
		SetCodeHash(hash).
		SetCodeExpiresAt(expires).
		SetCodeAttempts(0).
		OnConflictColumns(customercredential.FieldCustomerID).
		Update(func(u *ent.CustomerCredentialUpsert) {
			u.SetCodeHash(hash).SetCodeExpiresAt(expires).SetCodeAttempts(0).UpdateUpdatedAt()
		}).
		Exec(allow(ctx))
	if err != nil {
		return fmt.Errorf("auth: store sign-in code: %w", err)
	}
	if s.opts.CodeSender != nil {
		if err := s.opts.CodeSender(ctx, mobile, code); err != nil {
			s.log.ErrorContext(ctx, "send sign-in code", "mobile", authz.MaskMobile(mobile), "customerID", cu.ID, "err", err)
			return apperr.New(apperr.ServiceUnavailable, "could not send the sign-in code; try again later")
		}
		s.log.InfoContext(ctx, "sign-in code sent", "mobile", authz.MaskMobile(mobile), "customerID", cu.ID)
		return nil
	}
	s.log.InfoContext(ctx, "customer sign-in code", "mobile", authz.MaskMobile(mobile), "code", code)
	return nil
}

// SetCustomerPassword sets or resets the web business hall password of a customer the
// caller can see, and ends the customer's sessions.
func (s *Service) SetCustomerPassword(ctx context.Context, customerID int, password string) error {
	c := s.tx(ctx)
	cu, err := c.Customer.Get(ctx, customerID)
	if err != nil {
		return err
	}
	hash, err := staff.HashPassword(password)
	if err != nil {
		return err
	}
	err = c.CustomerCredential.Create().
		SetCustomerID(cu.ID).
		SetPasswordHash(hash).
		OnConflictColumns(customercredential.FieldCustomerID).
		Update(func(u *ent.CustomerCredentialUpsert) {
			u.SetPasswordHash(hash).UpdateUpdatedAt()
		}).
		Exec(ctx)
	if err != nil {
		return fmt.Errorf("auth: save customer password: %w", err)
	}
	n, err := c.Session.Update().
		Where(session.CustomerID(cu.ID), session.RevokedAtIsNil()).
		SetRevokedAt(s.now()).
		Save(ctx)
	if err != nil {
		return fmt.Errorf("auth: revoke customer sessions: %w", err)
	}
	if err := record(ctx, s.tx(ctx), nil, "set_password", "Customer", cu.ID, nil); err != nil {
		return err
	}
	s.log.InfoContext(ctx, "customer password set", "customerID", cu.ID, "revokedSessions", n)
	return nil
}
