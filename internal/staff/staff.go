// Package staff manages staff users: creation with a hashed password, password checks.
package staff

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/internal/validate"

	"golang.org/x/crypto/bcrypt"

	"github.com/c360crm/c360/ent"
)

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 8

// CreateUserInput is a new staff user with a clear-text password.
type CreateUserInput struct {
	Username    string   `json:"username"`
	DisplayName string   `json:"displayName"`
	Password    string   `json:"password"`
	Email       *string  `json:"email,omitempty"`
	Mobile      *string  `json:"mobile,omitempty"`
	Roles       []string `json:"roles,omitempty"`
	TeamID      *int     `json:"teamID,omitempty"`
}

// HashPassword returns the bcrypt hash of a password that meets the length rule.
func HashPassword(password string) (string, error) {
	if utf8.RuneCountInString(password) < MinPasswordLen {
		return "", validate.Field("password", "must be at least %d characters", MinPasswordLen)
	}
	if len(password) > 72 { // bcrypt ignores bytes past 72: refuse rather than truncate silently
		return "", validate.Field("password", "must be at most 72 bytes")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return "", err
	}
	return string(h), nil
}

// CheckPassword reports whether password matches the stored hash.
func CheckPassword(hash, password string) bool {
	return hash != "" && bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}

// CreateUser creates a staff user through the given client (inside the caller's transaction
// when the client is transactional).
func CreateUser(ctx context.Context, c *ent.Client, in CreateUserInput) (*ent.User, error) {
	hash, err := HashPassword(in.Password)
	if err != nil {
		return nil, err
	}
	roles := in.Roles
	if roles == nil {
		roles = []string{}
	}
	for _, r := range roles {
		if !slices.Contains(authz.StaffRoles, r) {
			return nil, validate.Field("roles", "unknown role %q (known: %s)", r, strings.Join(authz.StaffRoles, ", "))
		}
	}
	return c.User.Create().
		SetUsername(in.Username).
		SetDisplayName(in.DisplayName).
		SetPasswordHash(hash).
		SetNillableEmail(in.Email).
		SetNillableMobile(in.Mobile).
		SetRoles(roles).
		SetNillableTeamID(in.TeamID).
		Save(ctx)
}
