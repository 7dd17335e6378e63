package auth

import (
	"time"

	"github.com/c360crm/c360/ent"
)

// LoginInput is a staff sign-in.
type LoginInput struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

// Login is a successful staff sign-in: the session token (also set as a cookie by the HTTP
// layer), its expiry and the user.
type Login struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expiresAt"`
	User      *ent.User `json:"user"`
}

// ChangePasswordInput changes the signed-in user's password.
type ChangePasswordInput struct {
	OldPassword string `json:"oldPassword"`
	NewPassword string `json:"newPassword"`
}

// CustomerLoginInput is a web business hall sign-in: mobile with a password or a one-time code.
type CustomerLoginInput struct {
	Mobile   string  `json:"mobile"`
	Password *string `json:"password,omitempty"`
	Code     *string `json:"code,omitempty"`
}

// CustomerLogin is a successful customer sign-in.
type CustomerLogin struct {
	Token     string        `json:"token"`
	ExpiresAt time.Time     `json:"expiresAt"`
	Customer  *ent.Customer `json:"customer"`
}

// NewAPIKey is a freshly created partner API key: Key is the whole secret, returned once.
type NewAPIKey struct {
	Key    string             `json:"key"`
	APIKey *ent.PartnerAPIKey `json:"apiKey"`
}
