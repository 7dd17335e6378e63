package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/session"
	"github.com/c360crm/c360/ent/user"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/audit"
	"github.com/c360crm/c360/internal/reqinfo"
	"github.com/c360crm/c360/internal/staff"
	"github.com/c360crm/c360/internal/validate"
)

// sessionTokenLen is the length of a session token: prefix and 32 bytes in base64url.
var sessionTokenLen = len(SessionTokenPrefix) + 43

// errWrongLogin is the one answer to every failed staff sign-in.
func errWrongLogin() error {
	return apperr.New(apperr.Unauthenticated, "wrong username or password")
}

// maxUsernameLen is the longest username the schema allows.
const maxUsernameLen = 64

// Login signs a staff user in: it checks the throttle, the password and the user's status,
// and creates a session. Every failure gives the same error and is counted against the
// username and the client address.
func (s *Service) Login(ctx context.Context, in LoginInput) (*Login, error) {
	name := strings.TrimSpace(in.Username)
	userKey := throttleKey("user:", strings.ToLower(name))
	limits := s.signInLimits(ctx, userKey)
	throttled, err := s.checkLocked(ctx, errTooManySignIns, limits)
	if err != nil {
		return nil, err
	}

	var u *ent.User
	if name != "" && len(name) <= maxUsernameLen {
		u, err = s.tx(ctx).User.Query().Where(user.Username(name)).Only(allow(ctx))
		if err != nil && !ent.IsNotFound(err) {
			return nil, fmt.Errorf("auth: load user: %w", err)
		}
	}
	ok := false
	if u == nil {
		burnPasswordCheck(in.Password)
	} else {
		ok = staff.CheckPassword(u.PasswordHash, in.Password) && u.Status == user.StatusACTIVE
	}
	if !ok {
		s.countFailure(ctx, limits)
		s.recordFailure(ctx, "User", validate.Truncate(name, maxUsernameLen))
		return nil, errWrongLogin()
	}

	c := s.tx(ctx)
	if err := clearKey(ctx, c, throttled, userKey); err != nil {
		return nil, fmt.Errorf("auth: clear sign-in throttle: %w", err)
	}
	now := s.now()
	// The sign-in is audited as one "login" row rather than as an update of last_login_at.
	u, err = c.User.UpdateOne(u).SetLastLoginAt(now).Save(audit.WithoutAudit(allow(ctx)))
	if err != nil {
		return nil, fmt.Errorf("auth: record sign-in: %w", err)
	}
	token, ses, err := s.createSession(ctx, c, session.KindSTAFF, u.ID)
	if err != nil {
		return nil, err
	}
	if err := record(ctx, c, userPrincipal(u), "login", "User", u.ID, nil); err != nil {
		return nil, err
	}
	s.log.InfoContext(ctx, "staff signed in", "userID", u.ID, "sessionID", ses.ID)
	return &Login{Token: token, ExpiresAt: ses.ExpiresAt, User: u}, nil
}

// createSession stores a new session of kind for the user or customer id through c and
// returns its token.
func (s *Service) createSession(ctx context.Context, c *ent.Client, kind session.Kind, id int) (string, *ent.Session, error) {
	secret, err := newSecret()
	if err != nil {
		return "", nil, err
	}
	token := SessionTokenPrefix + secret
	info := reqinfo.FromContext(ctx)
	create := c.Session.Create().
		SetTokenHash(hashSecret(token)).
		SetKind(kind).
		SetExpiresAt(s.now().Add(s.opts.SessionTTL)).
		SetClientIP(validate.Truncate(info.ClientIP, 64)).
		SetUserAgent(validate.Truncate(info.UserAgent, 256))
	if kind == session.KindSTAFF {
		create.SetUserID(id)
	} else {
		create.SetCustomerID(id)
	}
	ses, err := create.Save(allow(ctx))
	if err != nil {
		return "", nil, fmt.Errorf("auth: create session: %w", err)
	}
	return token, ses, nil
}

// Logout revokes the session p came with. It reports false when p is not a signed-in user
// or customer or the session had ended already.
func (s *Service) Logout(ctx context.Context, p *authz.Principal) (bool, error) {
	if p == nil || p.SessionID == 0 {
		return false, nil
	}
	u := s.tx(ctx).Session.Update().
		Where(session.ID(p.SessionID), session.RevokedAtIsNil())
	switch p.Kind {
	case authz.KindUser:
		u.Where(session.KindEQ(session.KindSTAFF), session.UserID(p.ID))
	case authz.KindCustomer:
		u.Where(session.KindEQ(session.KindCUSTOMER), session.CustomerID(p.ID))
	default:
		return false, nil
	}
	n, err := u.SetRevokedAt(s.now()).Save(allow(ctx))
	if err != nil {
		return false, fmt.Errorf("auth: revoke session: %w", err)
	}
	if n > 0 {
		if err := record(ctx, s.tx(ctx), nil, "logout", "Session", p.SessionID, nil); err != nil {
			return false, err
		}
	}
	return n > 0, nil
}

// ChangePassword changes the password of the signed-in staff user p after checking the old
// one, and revokes all of the user's sessions except the current one. Wrong old passwords
// count as failed sign-ins of the user.
func (s *Service) ChangePassword(ctx context.Context, p *authz.Principal, in ChangePasswordInput) error {
	if p == nil || p.Kind != authz.KindUser || p.ID == 0 {
		return apperr.New(apperr.Unauthenticated, "sign in as a staff user to change the password")
	}
	c := s.tx(ctx)
	u, err := c.User.Get(allow(ctx), p.ID)
	if err != nil {
		return fmt.Errorf("auth: load user: %w", err)
	}
	limits := []limit{{key: throttleKey("user:", strings.ToLower(u.Username)), max: s.opts.MaxUserFailures}}
	if _, err := s.checkLocked(ctx, errTooManySignIns, limits); err != nil {
		return err
	}
	if !staff.CheckPassword(u.PasswordHash, in.OldPassword) {
		s.countFailure(ctx, limits)
		return validate.Field("oldPassword", "is not the current password")
	}
	hash, err := staff.HashPassword(in.NewPassword)
	if err != nil {
		var fe *validate.FieldError
		if errors.As(err, &fe) {
			return validate.Field("newPassword", "%s", fe.Message)
		}
		return err
	}
	if err := c.User.UpdateOne(u).SetPasswordHash(hash).Exec(allow(ctx)); err != nil {
		return fmt.Errorf("auth: save password: %w", err)
	}
	n, err := c.Session.Update().
		Where(session.UserID(u.ID), session.IDNEQ(p.SessionID), session.RevokedAtIsNil()).
		SetRevokedAt(s.now()).
		Save(allow(ctx))
	if err != nil {
		return fmt.Errorf("auth: revoke sessions: %w", err)
	}
	s.log.InfoContext(ctx, "password changed", "userID", u.ID, "revokedSessions", n)
	return nil
}

// Authenticate returns the principal of a session token or partner API key. Every kind of
// failure (malformed, unknown, revoked, expired, disabled) gives the same Unauthenticated
// error.
func (s *Service) Authenticate(ctx context.Context, token string) (*authz.Principal, error) {
	var (
		p   *authz.Principal
		err error
	)
	switch {
	case strings.HasPrefix(token, SessionTokenPrefix) && len(token) == sessionTokenLen:
		p, err = s.authenticateSession(allow(ctx), token)
	case strings.HasPrefix(token, APIKeyPrefix) && len(token) == apiKeyLen:
		p, err = s.authenticateAPIKey(allow(ctx), token)
	}
	if err != nil {
		var ae *apperr.Error
		if !errors.As(err, &ae) {
			s.log.ErrorContext(ctx, "authenticate", "err", err)
		}
		return nil, errInvalidCredentials()
	}
	if p == nil {
		return nil, errInvalidCredentials()
	}
	return p, nil
}

// authenticateSession resolves a session token; it returns (nil, nil) for a token that does
// not stand for an active session of an active user or customer.
func (s *Service) authenticateSession(ctx context.Context, token string) (*authz.Principal, error) {
	hash := hashSecret(token)
	ses, err := s.tx(ctx).Session.Query().Where(session.TokenHash(hash)).Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	if !sameHash(ses.TokenHash, hash) || ses.RevokedAt != nil || !ses.ExpiresAt.After(now) {
		return nil, nil
	}
	var p *authz.Principal
	switch ses.Kind {
	case session.KindSTAFF:
		if ses.UserID == nil {
			return nil, nil
		}
		u, err := s.tx(ctx).User.Query().Where(user.ID(*ses.UserID)).WithTeam().Only(ctx)
		if ent.IsNotFound(err) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if u.Status != user.StatusACTIVE {
			return nil, nil
		}
		p = &authz.Principal{Kind: authz.KindUser, ID: u.ID, Name: u.Username, Roles: u.Roles, SessionID: ses.ID}
		if p.Roles == nil {
			p.Roles = []string{}
		}
		if t := u.Edges.Team; t != nil {
			p.TeamID, p.TeamPath, p.Region = t.ID, t.Path, t.Region
		}
	case session.KindCUSTOMER:
		if ses.CustomerID == nil {
			return nil, nil
		}
		cu, err := s.tx(ctx).Customer.Get(ctx, *ses.CustomerID)
		if ent.IsNotFound(err) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		if !customerCanSignIn(cu.Status) {
			return nil, nil
		}
		p = &authz.Principal{Kind: authz.KindCustomer, ID: cu.ID, Name: cu.Code,
			Roles: []string{authz.RoleCustomer}, SessionID: ses.ID}
	default:
		return nil, nil
	}
	if ses.LastSeenAt == nil || now.Sub(*ses.LastSeenAt) >= touchInterval {
		s.outsideTx(ctx, func(ctx context.Context) {
			if err := s.client.Session.UpdateOneID(ses.ID).SetLastSeenAt(now).Exec(ctx); err != nil {
				s.log.WarnContext(ctx, "record session use", "sessionID", ses.ID, "err", err)
			}
		})
	}
	return p, nil
}

// customerCanSignIn reports whether a customer of status may sign in and use a session.
func customerCanSignIn(st customer.Status) bool {
	return st != customer.StatusMERGED && st != customer.StatusCHURNED
}
