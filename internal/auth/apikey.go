package auth

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/partner"
	"github.com/c360crm/c360/ent/partnerapikey"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/validate"
)

// An API key is "c360pk_" + 8 lower-case alphanumerics (the visible prefix, kept in clear
// to recognise the key) + "_" + 32 random bytes in base64url.
const (
	apiKeyIDLen   = 8
	apiKeyIDChars = "abcdefghijklmnopqrstuvwxyz0123456789"
	maxKeyNameLen = 64
)

// apiKeyLen is the length of a whole API key.
var apiKeyLen = len(APIKeyPrefix) + apiKeyIDLen + 1 + 43

// newAPIKey returns a new key and its visible prefix.
func newAPIKey() (key, prefix string, err error) {
	id := make([]byte, 0, apiKeyIDLen)
	var b [1]byte
	for len(id) < apiKeyIDLen {
		if _, err := rand.Read(b[:]); err != nil {
			return "", "", fmt.Errorf("auth: random: %w", err)
		}
		// Rejection sampling: 252 = 7*36 keeps every character equally likely.
		if b[0] < 252 {
			id = append(id, apiKeyIDChars[int(b[0])%len(apiKeyIDChars)])
		}
	}
	secret, err := newSecret()
	if err != nil {
		return "", "", err
	}
	prefix = APIKeyPrefix + string(id)
	return prefix + "_" + secret, prefix, nil
}

// CreatePartnerAPIKey creates an API key for a partner the caller can see and that is
// active. The whole key is in the result this once; only its hash is stored.
func (s *Service) CreatePartnerAPIKey(ctx context.Context, partnerID int, name *string, expiresAt *time.Time) (*NewAPIKey, error) {
	var keyName string
	if name != nil {
		keyName = strings.TrimSpace(*name)
		if len(keyName) > maxKeyNameLen {
			return nil, validate.Field("name", "must be at most %d bytes", maxKeyNameLen)
		}
	}
	if expiresAt != nil && !expiresAt.After(s.now()) {
		return nil, validate.Field("expiresAt", "must be in the future")
	}
	c := s.tx(ctx)
	p, err := c.Partner.Get(ctx, partnerID)
	if err != nil {
		return nil, err
	}
	if p.Status != partner.StatusACTIVE {
		return nil, apperr.New(apperr.Conflict, "partner %s is %s: it cannot get API keys", p.Code, p.Status)
	}
	key, prefix, err := newAPIKey()
	if err != nil {
		return nil, err
	}
	create := c.PartnerAPIKey.Create().
		SetPartnerID(p.ID).
		SetPrefix(prefix).
		SetKeyHash(hashSecret(key))
	if keyName != "" {
		create.SetName(keyName)
	}
	if expiresAt != nil {
		create.SetExpiresAt(expiresAt.UTC())
	}
	k, err := create.Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("auth: create API key: %w", err)
	}
	s.log.InfoContext(ctx, "partner API key created", "partnerID", p.ID, "keyID", k.ID, "prefix", prefix)
	return &NewAPIKey{Key: key, APIKey: k}, nil
}

// RevokePartnerAPIKey revokes a key the caller can see. Revoking a revoked key returns it
// unchanged.
func (s *Service) RevokePartnerAPIKey(ctx context.Context, id int) (*ent.PartnerAPIKey, error) {
	c := s.tx(ctx)
	k, err := c.PartnerAPIKey.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if k.RevokedAt != nil {
		return k, nil
	}
	k, err = c.PartnerAPIKey.UpdateOne(k).SetRevokedAt(s.now()).Save(ctx)
	if err != nil {
		return nil, fmt.Errorf("auth: revoke API key: %w", err)
	}
	s.log.InfoContext(ctx, "partner API key revoked", "partnerID", k.PartnerID, "keyID", k.ID)
	return k, nil
}

// PartnerAPIKeys lists the keys of a partner the caller can see, newest first.
func (s *Service) PartnerAPIKeys(ctx context.Context, partnerID int) ([]*ent.PartnerAPIKey, error) {
	c := s.tx(ctx)
	if _, err := c.Partner.Get(ctx, partnerID); err != nil {
		return nil, err
	}
	return c.PartnerAPIKey.Query().
		Where(partnerapikey.PartnerID(partnerID)).
		Order(ent.Desc(partnerapikey.FieldCreatedAt), ent.Desc(partnerapikey.FieldID)).
		All(ctx)
}

// authenticateAPIKey resolves an API key (ctx allows internal reads); it returns (nil, nil)
// for a key that is unknown, revoked, expired or belongs to a partner that is not active.
func (s *Service) authenticateAPIKey(ctx context.Context, key string) (*authz.Principal, error) {
	hash := hashSecret(key)
	k, err := s.tx(ctx).PartnerAPIKey.Query().
		Where(partnerapikey.KeyHash(hash)).
		WithPartner().
		Only(ctx)
	if ent.IsNotFound(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	now := s.now()
	if !sameHash(k.KeyHash, hash) || k.RevokedAt != nil || (k.ExpiresAt != nil && !k.ExpiresAt.After(now)) {
		return nil, nil
	}
	p := k.Edges.Partner
	if p == nil || p.Status != partner.StatusACTIVE {
		return nil, nil
	}
	if k.LastUsedAt == nil || now.Sub(*k.LastUsedAt) >= touchInterval {
		s.outsideTx(ctx, func(ctx context.Context) {
			if err := s.client.PartnerAPIKey.UpdateOneID(k.ID).SetLastUsedAt(now).Exec(ctx); err != nil {
				s.log.WarnContext(ctx, "record API key use", "keyID", k.ID, "err", err)
			}
		})
	}
	return &authz.Principal{Kind: authz.KindPartner, ID: p.ID, Name: p.Code,
		Roles: []string{authz.RolePartner}, SessionID: k.ID}, nil
}
