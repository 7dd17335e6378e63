// Package auth signs callers in to c360 and recognises them on later requests.
//
// Staff sign in with username and password and get a session token; customers of the web
// business hall sign in with their mobile number and a password or a one-time code; partner
// systems use API keys. Only the SHA-256 of a token or key is stored. Authenticate turns a
// token into the authz.Principal of the request.
//
// Failed sign-ins are counted per user, mobile number and client address in LoginThrottle
// rows; a key that reaches its maximum in a window is locked for a window. The counters are
// written outside the GraphQL mutation's transaction (after it ends when there is one), so a
// failed sign-in that rolls the transaction back is still counted.
//
// Every way a credential can be wrong gives the same error, so that callers cannot tell
// whether a user, number, token or key exists.
package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/staff"
)

// Defaults of Options.
const (
	DefaultSessionTTL      = 12 * time.Hour
	DefaultMaxUserFailures = 5
	DefaultMaxIPFailures   = 20
	DefaultWindow          = 15 * time.Minute
)

// Token prefixes: Authenticate tells sessions and API keys apart by them.
const (
	SessionTokenPrefix = "c360s_"
	APIKeyPrefix       = "c360pk_"
)

const (
	secretBytes     = 32              // random bytes of a session token or API key secret
	touchInterval   = time.Minute     // last_seen_at / last_used_at are written at most this often
	codeTTL         = 5 * time.Minute // lifetime of a one-time customer sign-in code
	maxCodeAttempts = 5               // wrong codes before a code is dead
	maxCodeRequests = 5               // code requests per mobile number per window
)

// Options tune a Service. Zero values take the defaults.
type Options struct {
	// SessionTTL is the lifetime of a session (fixed, not sliding). Default 12h.
	SessionTTL time.Duration
	// Dev writes one-time customer codes to the log when there is no CodeSender.
	Dev bool
	// MaxUserFailures is the number of failed sign-ins per user (or customer mobile number)
	// in a window that locks the key. Default 5.
	MaxUserFailures int
	// MaxIPFailures is the number of failed sign-ins per client address in a window that
	// locks the address. Default 20.
	MaxIPFailures int
	// Window is the period failures are counted in and the time a locked key stays locked.
	// Default 15m.
	Window time.Duration
	// Now is the clock (tests set a fake one). Default time.Now.
	Now func() time.Time
	// CodeSender delivers a one-time customer sign-in code by SMS. When nil, codes are
	// written to the log in Dev and requestCustomerLoginCode fails otherwise.
	CodeSender func(ctx context.Context, mobile, code string) error
}

// Service signs callers in and authenticates their requests.
type Service struct {
	client *ent.Client // never transactional: throttle rows and touches are written with it
	log    *slog.Logger
	opts   Options
}

// New returns a Service on client. client must not be a transactional client: throttle
// counters written with it have to survive a mutation's rollback.
func New(client *ent.Client, log *slog.Logger, opts Options) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if opts.SessionTTL <= 0 {
		opts.SessionTTL = DefaultSessionTTL
	}
	if opts.MaxUserFailures <= 0 {
		opts.MaxUserFailures = DefaultMaxUserFailures
	}
	if opts.MaxIPFailures <= 0 {
		opts.MaxIPFailures = DefaultMaxIPFailures
	}
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Service{client: client, log: log.With("component", "auth"), opts: opts}
}

// now returns the current time in UTC (SQLite stores times as text: one zone keeps them
// comparable).
func (s *Service) now() time.Time { return s.opts.Now().UTC() }

// tx returns the client of the caller's transaction, or the service's client. Reads go
// through it too: while a transaction writes, SQLite keeps other connections waiting (even
// readers, with the in-memory VFS of tests).
func (s *Service) tx(ctx context.Context) *ent.Client {
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return s.client
}

// allow marks ctx for internal reads and writes that happen before there is a principal
// (sign-in, token lookup) or that the service does on its own behalf.
func allow(ctx context.Context) context.Context {
	return privacy.DecisionContext(ctx, privacy.Allow)
}

// outsideTx runs fn with the non-transactional client's context: at once when ctx carries
// no transaction, otherwise right after the transaction commits or rolls back. Writes that
// must survive a rollback (failure counters) go through it; running them after the
// transaction also keeps them from waiting on SQLite's database lock, which the
// transaction holds until it ends.
func (s *Service) outsideTx(ctx context.Context, fn func(ctx context.Context)) {
	// Detached from the request's cancellation and from its transaction.
	bg := allow(ent.NewContext(ent.NewTxContext(context.WithoutCancel(ctx), nil), s.client))
	tx := ent.TxFromContext(ctx)
	if tx == nil {
		fn(bg)
		return
	}
	var once sync.Once
	run := func() { once.Do(func() { fn(bg) }) }
	tx.OnCommit(func(next ent.Committer) ent.Committer {
		return ent.CommitFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Commit(ctx, tx)
			run()
			return err
		})
	})
	tx.OnRollback(func(next ent.Rollbacker) ent.Rollbacker {
		return ent.RollbackFunc(func(ctx context.Context, tx *ent.Tx) error {
			err := next.Rollback(ctx, tx)
			run()
			return err
		})
	})
}

// errInvalidCredentials is the one answer to every bad token or key.
func errInvalidCredentials() error {
	return apperr.New(apperr.Unauthenticated, "invalid or expired credentials")
}

// newSecret returns base64url (no padding) of secretBytes random bytes.
func newSecret() (string, error) {
	b := make([]byte, secretBytes)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("auth: random: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// hashSecret returns hex(sha256(s)), the form tokens, keys and codes are stored in.
func hashSecret(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// sameHash compares two stored-form hashes in constant time.
func sameHash(a, b string) bool {
	return len(a) == len(b) && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// dummyHash is a bcrypt hash compared against when there is no user, so that an unknown
// name costs as much time as a wrong password.
var dummyHash = sync.OnceValue(func() string {
	h, err := staff.HashPassword("c360-timing-equaliser-not-a-password")
	if err != nil {
		panic(fmt.Sprintf("auth: dummy hash: %v", err))
	}
	return h
})

// burnPasswordCheck spends the time of one password check.
func burnPasswordCheck(password string) { staff.CheckPassword(dummyHash(), password) }
