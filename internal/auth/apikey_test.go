package auth_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/partner"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/auth"
)

var apiKeyRE = regexp.MustCompile(`^(c360pk_[a-z0-9]{8})_[A-Za-z0-9_-]{43}$`)

func TestPartnerAPIKey(t *testing.T) {
	e := newEnv(t, auth.Options{})
	acme := e.partner("ACME", partner.StatusACTIVE)
	name := "  billing sync  "
	expires := e.clock.Now().Add(48 * time.Hour)

	nk, err := e.svc.CreatePartnerAPIKey(e.ctx, acme.ID, &name, &expires)
	if err != nil {
		t.Fatal(err)
	}
	m := apiKeyRE.FindStringSubmatch(nk.Key)
	if m == nil {
		t.Fatalf("key %q does not look like c360pk_<8>_<43>", nk.Key)
	}
	k := nk.APIKey
	if k.Prefix != m[1] || !strings.HasPrefix(nk.Key, k.Prefix+"_") {
		t.Fatalf("prefix %q is not the visible start of the key", k.Prefix)
	}
	if k.Name != "billing sync" || k.PartnerID != acme.ID || k.ExpiresAt == nil || !k.ExpiresAt.Equal(expires) {
		t.Fatalf("key = %+v", k)
	}
	stored := e.c.PartnerAPIKey.GetX(e.ctx, k.ID)
	if stored.KeyHash == nk.Key || strings.Contains(stored.KeyHash, nk.Key[len(k.Prefix)+1:]) || stored.KeyHash != sha256Hex(nk.Key) {
		t.Fatalf("key_hash %q: want hex sha256 of the key, not the key", stored.KeyHash)
	}

	p, err := e.svc.Authenticate(context.Background(), nk.Key)
	if err != nil {
		t.Fatal(err)
	}
	if p.Kind != authz.KindPartner || p.ID != acme.ID || p.Name != "ACME" || p.SessionID != k.ID ||
		len(p.Roles) != 1 || p.Roles[0] != authz.RolePartner {
		t.Fatalf("principal = %+v", p)
	}
	if u := e.c.PartnerAPIKey.GetX(e.ctx, k.ID).LastUsedAt; u == nil || !u.Equal(e.clock.Now()) {
		t.Fatalf("last_used_at = %v, want now", u)
	}
	e.clock.Advance(20 * time.Second)
	if _, err := e.svc.Authenticate(context.Background(), nk.Key); err != nil {
		t.Fatal(err)
	}
	if u := e.c.PartnerAPIKey.GetX(e.ctx, k.ID).LastUsedAt; !u.Equal(e.clock.Now().Add(-20 * time.Second)) {
		t.Fatalf("last_used_at rewritten within a minute: %v", u)
	}

	// A changed character is another key.
	b := []byte(nk.Key)
	if b[len(b)-3] == 'A' {
		b[len(b)-3] = 'B'
	} else {
		b[len(b)-3] = 'A'
	}
	_, err = e.svc.Authenticate(context.Background(), string(b))
	wantInvalid(t, err)

	// Expired.
	e.clock.Advance(48 * time.Hour)
	_, err = e.svc.Authenticate(context.Background(), nk.Key)
	wantInvalid(t, err)
}

func TestPartnerAPIKeyRevokeAndList(t *testing.T) {
	e := newEnv(t, auth.Options{})
	acme := e.partner("ACME", partner.StatusACTIVE)
	other := e.partner("OTHER", partner.StatusACTIVE)
	var keys []*auth.NewAPIKey
	for range 3 {
		nk, err := e.svc.CreatePartnerAPIKey(e.ctx, acme.ID, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, nk)
	}
	if _, err := e.svc.CreatePartnerAPIKey(e.ctx, other.ID, nil, nil); err != nil {
		t.Fatal(err)
	}

	list, err := e.svc.PartnerAPIKeys(e.ctx, acme.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0].ID != keys[2].APIKey.ID || list[2].ID != keys[0].APIKey.ID {
		t.Fatalf("list = %v, want acme's 3 keys newest first", ids(list))
	}

	revoked, err := e.svc.RevokePartnerAPIKey(e.ctx, keys[1].APIKey.ID)
	if err != nil {
		t.Fatal(err)
	}
	if revoked.RevokedAt == nil || !revoked.RevokedAt.Equal(e.clock.Now()) {
		t.Fatalf("revoked_at = %v", revoked.RevokedAt)
	}
	_, err = e.svc.Authenticate(context.Background(), keys[1].Key)
	wantInvalid(t, err)
	if _, err := e.svc.Authenticate(context.Background(), keys[0].Key); err != nil {
		t.Fatalf("another key stopped working: %v", err)
	}
	// Idempotent: a second revoke returns the key as it is.
	e.clock.Advance(time.Hour)
	again, err := e.svc.RevokePartnerAPIKey(e.ctx, keys[1].APIKey.ID)
	if err != nil || again.RevokedAt == nil || !again.RevokedAt.Equal(*revoked.RevokedAt) {
		t.Fatalf("second revoke = %+v, %v; want the key unchanged", again, err)
	}

	_, err = e.svc.RevokePartnerAPIKey(e.ctx, 999999)
	if !ent.IsNotFound(err) {
		t.Fatalf("revoke unknown key: %v, want not found", err)
	}
	_, err = e.svc.PartnerAPIKeys(e.ctx, 999999)
	if !ent.IsNotFound(err) {
		t.Fatalf("list keys of unknown partner: %v, want not found", err)
	}

	// A suspended partner's keys stop working.
	e.c.Partner.UpdateOne(acme).SetStatus(partner.StatusSUSPENDED).ExecX(e.ctx)
	_, err = e.svc.Authenticate(context.Background(), keys[0].Key)
	wantInvalid(t, err)
}

func ids(keys []*ent.PartnerAPIKey) []int {
	out := make([]int, len(keys))
	for i, k := range keys {
		out[i] = k.ID
	}
	return out
}

func TestPartnerAPIKeyInput(t *testing.T) {
	e := newEnv(t, auth.Options{})
	acme := e.partner("ACME", partner.StatusACTIVE)
	suspended := e.partner("GONE", partner.StatusSUSPENDED)

	past := e.clock.Now().Add(-time.Second)
	_, err := e.svc.CreatePartnerAPIKey(e.ctx, acme.ID, nil, &past)
	wantField(t, err, "expiresAt")
	now := e.clock.Now()
	_, err = e.svc.CreatePartnerAPIKey(e.ctx, acme.ID, nil, &now)
	wantField(t, err, "expiresAt")
	long := strings.Repeat("n", 65)
	_, err = e.svc.CreatePartnerAPIKey(e.ctx, acme.ID, &long, nil)
	wantField(t, err, "name")
	_, err = e.svc.CreatePartnerAPIKey(e.ctx, suspended.ID, nil, nil)
	wantCode(t, err, apperr.Conflict)
	_, err = e.svc.CreatePartnerAPIKey(e.ctx, 999999, nil, nil)
	if !ent.IsNotFound(err) {
		t.Fatalf("unknown partner: %v, want not found", err)
	}
	// The partner is read with the caller's context: privacy applies (no principal here).
	_, err = e.svc.CreatePartnerAPIKey(context.Background(), acme.ID, nil, nil)
	if err == nil {
		t.Fatal("anonymous caller created an API key")
	}
	if n := e.c.PartnerAPIKey.Query().CountX(e.ctx); n != 0 {
		t.Fatalf("%d keys created by refused requests", n)
	}
}
