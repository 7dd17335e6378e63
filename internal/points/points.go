package points

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/pointsaccount"
	"github.com/c360crm/c360/ent/pointstransaction"
	"github.com/c360crm/c360/ent/predicate"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/validate"
)

// Limits of the inputs (the schema's column sizes, which ent checks in bytes).
const (
	MaxReasonLen = 200
	MaxKeyLen    = 128
)

// Tier is a tier and the qualifying points it takes.
type Tier struct {
	Name      pointsaccount.Tier
	MinPoints int64
}

// DefaultTiers are the tiers above BASIC.
var DefaultTiers = []Tier{
	{pointsaccount.TierSILVER, 5_000},
	{pointsaccount.TierGOLD, 20_000},
	{pointsaccount.TierDIAMOND, 50_000},
}

// DefaultWindow is the qualifying window: EARN points of the last 365 days count.
const DefaultWindow = 365 * 24 * time.Hour

// Progress reports how far a job has come, after each batch of accounts.
type Progress struct {
	Job    string // "expire" or "assess"
	Done   int    // accounts handled so far
	Total  int    // accounts to handle, as counted at the start
	Lots   int    // lots expired so far (expire)
	Points int64  // points expired so far (expire)
}

// Options configure the service.
type Options struct {
	// Now is the clock (default time.Now); times are kept in UTC.
	Now func() time.Time
	// Tiers above BASIC with their thresholds (default DefaultTiers).
	Tiers []Tier
	// Window of the qualifying points (default DefaultWindow).
	Window time.Duration
	// BatchSize is the number of accounts the jobs read per batch (default 100). Each
	// account is then handled in a transaction of its own.
	BatchSize int
	// Progress, when set, is called by Expire and AssessAll after each batch.
	Progress func(Progress)
	// MaxAttempts bounds the runs of a transaction that loses lock conflicts (default 10).
	MaxAttempts int
}

// Service is the points ledger.
type Service struct {
	client *ent.Client
	opts   Options
	tiers  []Tier                 // highest threshold first
	dia    atomic.Pointer[string] // SQL dialect, once known
}

// New returns the ledger over client. It panics on a tier that is not a tier of the schema,
// or on a threshold that is not positive (a programming error).
func New(client *ent.Client, opts Options) *Service {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Tiers == nil {
		opts.Tiers = DefaultTiers
	}
	if opts.Window <= 0 {
		opts.Window = DefaultWindow
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = 100
	}
	if opts.MaxAttempts <= 0 {
		opts.MaxAttempts = 10
	}
	tiers := slices.Clone(opts.Tiers)
	for _, t := range tiers {
		if err := pointsaccount.TierValidator(t.Name); err != nil || t.MinPoints <= 0 {
			panic(fmt.Sprintf("points: bad tier %q ≥ %d", t.Name, t.MinPoints))
		}
	}
	slices.SortFunc(tiers, func(a, b Tier) int { return -cmpInt64(a.MinPoints, b.MinPoints) })
	return &Service{client: client, opts: opts, tiers: tiers}
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (s *Service) now() time.Time { return s.opts.Now().UTC() }

// reader is the client for reads outside a write: the caller's transaction, if any.
func (s *Service) reader(ctx context.Context) *ent.Client {
	if tx := ent.TxFromContext(ctx); tx != nil {
		return tx.Client()
	}
	if c := ent.FromContext(ctx); c != nil {
		return c
	}
	return s.client
}

// actor is the staff user of the request, recorded on the entries it makes.
func actor(ctx context.Context) *int {
	if p := authz.FromContext(ctx); p != nil && p.Kind == authz.KindUser && p.ID > 0 {
		id := p.ID
		return &id
	}
	return nil
}

// EarnInput is an earn of points: a new lot.
type EarnInput struct {
	CustomerID int
	Points     int64
	// ExpiresAt is when the lot lapses (nil: never); it must be in the future.
	ExpiresAt      *time.Time
	Reason         string
	IdempotencyKey string
}

// RedeemInput is a redemption of points.
type RedeemInput struct {
	CustomerID     int
	Points         int64
	Reason         string
	IdempotencyKey string
}

// AdjustInput is a manual correction by staff.
type AdjustInput struct {
	CustomerID int
	// Points is signed: positive adds a lot, negative takes from the lots like a redemption.
	Points int64
	// Reason is required.
	Reason string
	// ExpiresAt is when a positive adjustment's lot lapses (nil: never).
	ExpiresAt      *time.Time
	IdempotencyKey string
}

// Earn adds points to the customer's account (created on the first earn) as a lot that
// expires at in.ExpiresAt, and re-assesses the tier.
func (s *Service) Earn(ctx context.Context, in EarnInput) (*ent.PointsTransaction, error) {
	var errs validate.FieldErrors
	if in.Points <= 0 {
		errs = append(errs, validate.Field("points", "must be greater than 0"))
	}
	errs = append(errs, checkText(in.Reason, false, in.IdempotencyKey)...)
	if err := fieldErrs(errs); err != nil {
		return nil, err
	}
	return s.add(ctx, in.CustomerID, pointstransaction.KindEARN, in.Points, in.ExpiresAt, in.Reason, in.IdempotencyKey)
}

// add makes a lot of n > 0 points as an entry of kind (EARN, ADJUST).
func (s *Service) add(ctx context.Context, customerID int, kind pointstransaction.Kind, n int64, expiresAt *time.Time, reason, key string) (*ent.PointsTransaction, error) {
	var out *ent.PointsTransaction
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		now := s.now()
		a, err := openAccount(ctx, c, customerID)
		if err != nil {
			return err
		}
		if t, err := byKey(ctx, c, a.ID, key); err != nil || t != nil {
			if err == nil {
				out, err = replay(t, key, kind, n)
			}
			return err
		}
		// Checked after the key: a retry returns the first entry even once its expiry passed.
		if expiresAt != nil && !expiresAt.After(now) {
			return validate.Field("expiresAt", "must be in the future")
		}
		bal, _, _, err := expireDue(ctx, c, a, a.Balance, now)
		if err != nil {
			return err
		}
		bal += n
		out, err = write(ctx, c, a.ID, entry{
			kind: kind, points: n, balanceAfter: bal, remaining: n,
			expiresAt: utc(expiresAt), reason: reason, key: key, actor: actor(ctx),
		}, now)
		if err != nil {
			return err
		}
		return s.apply(ctx, c, a, bal-a.Balance, now)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Redeem takes points from the customer's lots, first in first out, and re-assesses the
// tier. Without enough usable points it fails with CONFLICT "insufficient points: balance N".
func (s *Service) Redeem(ctx context.Context, in RedeemInput) (*ent.PointsTransaction, error) {
	var errs validate.FieldErrors
	if in.Points <= 0 {
		errs = append(errs, validate.Field("points", "must be greater than 0"))
	}
	errs = append(errs, checkText(in.Reason, false, in.IdempotencyKey)...)
	if err := fieldErrs(errs); err != nil {
		return nil, err
	}
	return s.spend(ctx, in.CustomerID, pointstransaction.KindREDEEM, in.Points, in.Reason, in.IdempotencyKey)
}

// Adjust corrects the customer's balance by in.Points with a reason: a positive adjustment
// is a new lot (no expiry unless in.ExpiresAt), a negative one takes from the lots like a
// redemption.
func (s *Service) Adjust(ctx context.Context, in AdjustInput) (*ent.PointsTransaction, error) {
	var errs validate.FieldErrors
	switch {
	case in.Points == 0:
		errs = append(errs, validate.Field("points", "must not be 0"))
	case in.Points < 0 && in.ExpiresAt != nil:
		errs = append(errs, validate.Field("expiresAt", "only a positive adjustment makes a lot that can expire"))
	}
	errs = append(errs, checkText(in.Reason, true, in.IdempotencyKey)...)
	if err := fieldErrs(errs); err != nil {
		return nil, err
	}
	if in.Points < 0 {
		return s.spend(ctx, in.CustomerID, pointstransaction.KindADJUST, -in.Points, in.Reason, in.IdempotencyKey)
	}
	return s.add(ctx, in.CustomerID, pointstransaction.KindADJUST, in.Points, in.ExpiresAt, in.Reason, in.IdempotencyKey)
}

// spend takes n > 0 points from the customer's lots as an entry of kind (REDEEM, ADJUST).
func (s *Service) spend(ctx context.Context, customerID int, kind pointstransaction.Kind, n int64, reason, key string) (*ent.PointsTransaction, error) {
	var out *ent.PointsTransaction
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		now := s.now()
		a, err := lockAccount(ctx, c, customerID)
		if err != nil {
			return err
		}
		if a == nil {
			if err := customerExists(ctx, c, customerID); err != nil {
				return err
			}
			return insufficient(0)
		}
		if t, err := byKey(ctx, c, a.ID, key); err != nil || t != nil {
			if err == nil {
				out, err = replay(t, key, kind, -n)
			}
			return err
		}
		bal, _, _, err := expireDue(ctx, c, a, a.Balance, now)
		if err != nil {
			return err
		}
		if bal < n {
			return insufficient(bal)
		}
		if err := consume(ctx, c, a.ID, n, now); err != nil {
			return err
		}
		bal -= n
		out, err = write(ctx, c, a.ID, entry{
			kind: kind, points: -n, balanceAfter: bal, reason: reason, key: key, actor: actor(ctx),
		}, now)
		if err != nil {
			return err
		}
		return s.apply(ctx, c, a, bal-a.Balance, now)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Transfer moves the whole balance of one customer to another with its lots, each keeping
// what remains of it and its expiry (customer merge). The source gets one TRANSFER_OUT
// entry; the destination gets one TRANSFER_IN lot per expiry date (earliest first, the one
// without expiry last), and in is the last of them: the entry that carries the idempotency
// key and whose balance_after is the destination's new balance. Qualifying points (EARN
// entries) stay with the source. With nothing to move (no account, or only lapsed points)
// it returns nil entries and no error.
func (s *Service) Transfer(ctx context.Context, fromCustomerID, toCustomerID int, reason, idempotencyKey string) (out, in *ent.PointsTransaction, err error) {
	errs := checkText(reason, false, idempotencyKey)
	if fromCustomerID == toCustomerID {
		errs = append(errs, validate.Field("toCustomerID", "must differ from the source customer"))
	}
	if err := fieldErrs(errs); err != nil {
		return nil, nil, err
	}
	err = s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		out, in = nil, nil
		now := s.now()
		// Lock both accounts in customer-ID order, so that transfers never wait on each other
		// in a cycle.
		var src, dst *ent.PointsAccount
		for _, id := range []int{min(fromCustomerID, toCustomerID), max(fromCustomerID, toCustomerID)} {
			a, err := lockAccount(ctx, c, id)
			if err != nil {
				return err
			}
			if id == fromCustomerID {
				src = a
			} else {
				dst = a
			}
		}
		if src == nil {
			if err := customerExists(ctx, c, fromCustomerID); err != nil {
				return err
			}
			return customerExists(ctx, c, toCustomerID)
		}
		if t, err := byKey(ctx, c, src.ID, idempotencyKey); err != nil || t != nil {
			if err != nil {
				return err
			}
			out, in, err = replayTransfer(ctx, c, t, dst, idempotencyKey)
			return err
		}
		bal, _, srcExpired, err := expireDue(ctx, c, src, src.Balance, now)
		if err != nil {
			return err
		}
		if bal == 0 {
			if srcExpired == 0 {
				return customerExists(ctx, c, toCustomerID)
			}
			return s.apply(ctx, c, src, -srcExpired, now)
		}
		if dst == nil {
			if dst, err = openAccount(ctx, c, toCustomerID); err != nil {
				return err
			}
		} else if t, err := byKey(ctx, c, dst.ID, idempotencyKey); err != nil || t != nil {
			if err == nil {
				err = apperr.New(apperr.Conflict, "idempotency key %q was already used for %s %+d points of customer %d",
					idempotencyKey, t.Kind, t.Points, toCustomerID).With("transactionId", t.ID)
			}
			return err
		}
		dstBal, _, _, err := expireDue(ctx, c, dst, dst.Balance, now)
		if err != nil {
			return err
		}
		groups, moved, err := drain(ctx, c, src.ID, now)
		if err != nil {
			return err
		}
		if moved != bal {
			return fmt.Errorf("points: account %d: its lots hold %d points, its balance is %d", src.ID, moved, bal)
		}
		who := actor(ctx)
		outReason, inReason := reason, reason
		if reason == "" {
			outReason = fmt.Sprintf("transfer to customer %d", toCustomerID)
			inReason = fmt.Sprintf("transfer from customer %d", fromCustomerID)
		}
		if out, err = write(ctx, c, src.ID, entry{
			kind: pointstransaction.KindTRANSFER_OUT, points: -bal, balanceAfter: 0,
			reason: outReason, key: idempotencyKey, actor: who,
		}, now); err != nil {
			return err
		}
		for i, g := range groups {
			dstBal += g.points
			e := entry{
				kind: pointstransaction.KindTRANSFER_IN, points: g.points, balanceAfter: dstBal, remaining: g.points,
				expiresAt: g.expiresAt, reason: inReason, actor: who,
			}
			if i == len(groups)-1 {
				e.key = idempotencyKey
			}
			if in, err = write(ctx, c, dst.ID, e, now); err != nil {
				return err
			}
		}
		if err := s.apply(ctx, c, src, -src.Balance, now); err != nil {
			return err
		}
		return s.apply(ctx, c, dst, dstBal-dst.Balance, now)
	})
	if err != nil {
		return nil, nil, err
	}
	return out, in, nil
}

// replayTransfer returns the entries of the transfer that first used the key on the
// source (t) and the destination (dst, locked; nil when it has no account).
func replayTransfer(ctx context.Context, c *ent.Client, t *ent.PointsTransaction, dst *ent.PointsAccount, key string) (out, in *ent.PointsTransaction, err error) {
	if t.Kind != pointstransaction.KindTRANSFER_OUT {
		return nil, nil, apperr.New(apperr.Conflict, "idempotency key %q was already used for %s %+d points", key, t.Kind, t.Points).
			With("transactionId", t.ID)
	}
	if dst != nil {
		if in, err = byKey(ctx, c, dst.ID, key); err != nil {
			return nil, nil, err
		}
	}
	if in == nil || in.Kind != pointstransaction.KindTRANSFER_IN {
		return nil, nil, apperr.New(apperr.Conflict, "idempotency key %q was already used for a transfer to another customer", key).
			With("transactionId", t.ID)
	}
	return t, in, nil
}

// group is the points of the drained lots with one expiry.
type group struct {
	expiresAt *time.Time
	points    int64
}

// drain empties every usable lot of the account and returns their points grouped by expiry,
// in FIFO order, and the total.
func drain(ctx context.Context, c *ent.Client, accountID int, now time.Time) ([]group, int64, error) {
	var (
		groups []group
		total  int64
	)
	for {
		batch, err := lots(c, accountID).
			Where(usable(now), locked[predicate.PointsTransaction]()).
			Order(fifo).
			Limit(lotBatch).
			All(ctx)
		if err != nil || len(batch) == 0 {
			return groups, total, err
		}
		for _, lot := range batch {
			if err := empty(ctx, c, lot); err != nil {
				return nil, 0, err
			}
			total += lot.Remaining
			if n := len(groups); n > 0 && sameTime(groups[n-1].expiresAt, lot.ExpiresAt) {
				groups[n-1].points += lot.Remaining
				continue
			}
			groups = append(groups, group{expiresAt: utc(lot.ExpiresAt), points: lot.Remaining})
		}
	}
}

// Balance returns the customer's account as it stands now, with Balance the points usable
// now: lots past their expiry that no operation or Expire run has expired yet are left out
// (the returned entity then differs from the stored row in that field only). A customer
// without an account gets an unsaved zero-balance BASIC account.
func (s *Service) Balance(ctx context.Context, customerID int) (*ent.PointsAccount, error) {
	c := s.reader(ctx)
	a, err := c.PointsAccount.Query().Where(pointsaccount.CustomerID(customerID)).Only(ctx)
	if ent.IsNotFound(err) {
		return zeroAccount(customerID), nil
	}
	if err != nil {
		return nil, err
	}
	due, err := sum(ctx, lots(c, a.ID).Where(pointstransaction.ExpiresAtLTE(s.now())), pointstransaction.FieldRemaining)
	if err != nil {
		return nil, err
	}
	if due > 0 {
		cp := *a
		cp.Balance = max(a.Balance-due, 0)
		a = &cp
	}
	return a, nil
}

func zeroAccount(customerID int) *ent.PointsAccount {
	return &ent.PointsAccount{CustomerID: customerID, Tier: pointsaccount.TierBASIC}
}

// ExpiringSoon returns the customer's points that expire within the next days days.
func (s *Service) ExpiringSoon(ctx context.Context, customerID int, days int) (int64, error) {
	if days < 0 {
		return 0, validate.Field("days", "must not be negative")
	}
	now := s.now()
	c := s.reader(ctx)
	a, err := c.PointsAccount.Query().Where(pointsaccount.CustomerID(customerID)).Only(ctx)
	if ent.IsNotFound(err) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	return sum(ctx, lots(c, a.ID).Where(
		pointstransaction.ExpiresAtGT(now),
		pointstransaction.ExpiresAtLTE(now.Add(time.Duration(days)*24*time.Hour)),
	), pointstransaction.FieldRemaining)
}

// AssessTier re-assesses the customer's qualifying points and tier now. A customer without
// an account gets an unsaved zero-balance BASIC account.
func (s *Service) AssessTier(ctx context.Context, customerID int) (*ent.PointsAccount, error) {
	var out *ent.PointsAccount
	err := s.inTx(ctx, func(ctx context.Context, c *ent.Client) error {
		a, err := lockAccount(ctx, c, customerID)
		if err != nil || a == nil {
			out = zeroAccount(customerID)
			return err
		}
		if err := s.apply(ctx, c, a, 0, s.now()); err != nil {
			return err
		}
		out, err = c.PointsAccount.Get(ctx, a.ID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func sameTime(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return a.Equal(*b)
}

func utc(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}

// checkText checks a reason and an idempotency key.
func checkText(reason string, reasonRequired bool, key string) validate.FieldErrors {
	var errs validate.FieldErrors
	switch {
	case reasonRequired && strings.TrimSpace(reason) == "":
		errs = append(errs, validate.Field("reason", "is required"))
	case utf8.RuneCountInString(reason) > MaxReasonLen:
		errs = append(errs, validate.Field("reason", "must be at most %d characters", MaxReasonLen))
	case len(reason) > MaxReasonLen:
		errs = append(errs, validate.Field("reason", "must be at most %d bytes in UTF-8 (about %d Chinese characters)", MaxReasonLen, MaxReasonLen/3))
	case !utf8.ValidString(reason):
		errs = append(errs, validate.Field("reason", "must be valid UTF-8"))
	}
	switch {
	case key == "":
		errs = append(errs, validate.Field("idempotencyKey", "is required"))
	case len(key) > MaxKeyLen:
		errs = append(errs, validate.Field("idempotencyKey", "must be at most %d bytes", MaxKeyLen))
	case !utf8.ValidString(key):
		errs = append(errs, validate.Field("idempotencyKey", "must be valid UTF-8"))
	}
	return errs
}

// fieldErrs returns nil, the one failure, or all of them.
func fieldErrs(errs validate.FieldErrors) error {
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errs
}
