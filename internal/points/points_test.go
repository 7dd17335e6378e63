package points_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/pointsaccount"
	"github.com/c360crm/c360/ent/pointstransaction"
	"github.com/c360crm/c360/internal/apperr"
	"github.com/c360crm/c360/internal/db"
	"github.com/c360crm/c360/internal/points"
	"github.com/c360crm/c360/internal/testenv"
	"github.com/c360crm/c360/internal/validate"
)

// t0 is the start of the fake clock: whole seconds (MySQL keeps timestamps to the second)
// and before 2038 (MySQL TIMESTAMP range).
var t0 = time.Date(2030, 3, 1, 9, 0, 0, 0, time.UTC)

const day = 24 * time.Hour

// clock is a fake clock for Options.Now.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: t0} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *clock) Advance(d time.Duration) { c.Set(c.Now().Add(d)) }

func at(d time.Duration) *time.Time {
	t := t0.Add(d)
	return &t
}

type fixture struct {
	d     *db.DB
	ctx   context.Context
	clock *clock
	s     *points.Service
}

func setup(t *testing.T, opts points.Options) *fixture {
	t.Helper()
	f := &fixture{d: testenv.New(t), ctx: testenv.SystemContext(), clock: newClock()}
	if opts.Now == nil {
		opts.Now = f.clock.Now
	}
	f.s = points.New(f.d.Client, opts)
	return f
}

func (f *fixture) customer(t *testing.T, name string) int {
	t.Helper()
	c, err := f.d.Client.Customer.Create().SetType(customer.TypePUBLIC).SetName(name).Save(f.ctx)
	if err != nil {
		t.Fatalf("create customer: %v", err)
	}
	return c.ID
}

func (f *fixture) earn(t *testing.T, cid int, n int64, expiresAt *time.Time, key string) *ent.PointsTransaction {
	t.Helper()
	tx, err := f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: n, ExpiresAt: expiresAt, IdempotencyKey: key})
	if err != nil {
		t.Fatalf("earn %d (%s): %v", n, key, err)
	}
	return tx
}

func (f *fixture) redeem(t *testing.T, cid int, n int64, key string) *ent.PointsTransaction {
	t.Helper()
	tx, err := f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: cid, Points: n, IdempotencyKey: key})
	if err != nil {
		t.Fatalf("redeem %d (%s): %v", n, key, err)
	}
	return tx
}

func (f *fixture) entries(t *testing.T, cid int) []*ent.PointsTransaction {
	t.Helper()
	es, err := f.d.Client.PointsTransaction.Query().
		Where(pointstransaction.HasAccountWith(pointsaccount.CustomerID(cid))).
		Order(pointstransaction.ByID()).
		All(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return es
}

func (f *fixture) lot(t *testing.T, id int) *ent.PointsTransaction {
	t.Helper()
	l, err := f.d.Client.PointsTransaction.Get(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// stored is the account row as stored (Balance may differ: it leaves out lapsed lots).
func (f *fixture) stored(t *testing.T, cid int) *ent.PointsAccount {
	t.Helper()
	a, err := f.d.Client.PointsAccount.Query().Where(pointsaccount.CustomerID(cid)).Only(f.ctx)
	if err != nil {
		t.Fatalf("account of customer %d: %v", cid, err)
	}
	return a
}

// checkLedger checks the invariants of the customer's account: balance ≥ 0, balance = Σ
// points = Σ remaining, every entry's balance_after chains, and (when settled) no lot
// past its expiry holds points. It returns the balance.
func (f *fixture) checkLedger(t *testing.T, cid int, settled bool) int64 {
	t.Helper()
	a := f.stored(t, cid)
	var sumPoints, sumRemaining, due int64
	for _, e := range f.entries(t, cid) {
		sumPoints += e.Points
		sumRemaining += e.Remaining
		if e.Remaining < 0 {
			t.Errorf("entry %d: remaining %d", e.ID, e.Remaining)
		}
		if e.Remaining > 0 && e.ExpiresAt != nil && !e.ExpiresAt.After(f.clock.Now()) {
			due += e.Remaining
		}
		if e.BalanceAfter < 0 {
			t.Errorf("entry %d: balance_after %d", e.ID, e.BalanceAfter)
		}
	}
	if a.Balance < 0 || a.Balance != sumPoints || a.Balance != sumRemaining {
		t.Errorf("customer %d: balance %d, ledger sum %d, lots remaining %d", cid, a.Balance, sumPoints, sumRemaining)
	}
	if settled && due != 0 {
		t.Errorf("customer %d: %d points in lots past their expiry", cid, due)
	}
	return a.Balance
}

// countRetries counts the transactions run again, by cause, until the test ends; the
// returned function describes them.
func countRetries(t *testing.T) func() string {
	var (
		mu     sync.Mutex
		causes = map[string]int{}
	)
	t.Cleanup(points.OnRetry(func(err error) {
		cause := err.Error()
		switch {
		case strings.Contains(cause, "Error 1213"):
			cause = "deadlock (1213)"
		case strings.Contains(cause, "Error 1205"):
			cause = "lock wait timeout (1205)"
		case strings.Contains(cause, "locked"), strings.Contains(cause, "BUSY"):
			cause = "SQLite busy"
		case strings.Contains(cause, "idempotency key taken"):
			cause = "idempotency key unique index"
		case strings.Contains(cause, "concurrent change: account of customer"):
			cause = "account created concurrently"
		case len(cause) > 60:
			cause = cause[:60]
		}
		mu.Lock()
		causes[cause]++
		mu.Unlock()
	}))
	return func() string {
		mu.Lock()
		defer mu.Unlock()
		if len(causes) == 0 {
			return "no retries"
		}
		return fmt.Sprintf("retries %v", causes)
	}
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := apperr.CodeOf(err); got != code {
		t.Fatalf("error %v: code %q, want %q", err, got, code)
	}
}

func wantField(t *testing.T, err error, field string) {
	t.Helper()
	var fe *validate.FieldError
	var fes validate.FieldErrors
	switch {
	case errors.As(err, &fe):
		if fe.Field == field {
			return
		}
	case errors.As(err, &fes):
		for _, fe := range fes {
			if fe.Field == field {
				return
			}
		}
	}
	t.Fatalf("error %v: want a field error on %q", err, field)
}

func TestConcurrentRedeem(t *testing.T) {
	concurrentRedeem(t, setup(t, points.Options{}), testenv.Backend())
}

// TestConcurrentRedeemSQLiteFile runs the same on a SQLite file as `c360 serve` opens it
// (WAL, busy timeout, BEGIN IMMEDIATE) rather than the in-memory database of the tests.
func TestConcurrentRedeemSQLiteFile(t *testing.T) {
	d, err := db.Open(context.Background(), "", t.TempDir(), db.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	var mode string
	if err := d.SQL.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal mode %q, %v; want wal", mode, err)
	}
	f := &fixture{d: d, ctx: testenv.SystemContext(), clock: newClock()}
	f.s = points.New(d.Client, points.Options{Now: f.clock.Now})
	concurrentRedeem(t, f, "sqlite file (WAL)")
}

func concurrentRedeem(t *testing.T, f *fixture, backend string) {
	cid := f.customer(t, "张三")
	// 1,000 points in four lots of different expiry.
	for i, exp := range []*time.Time{at(30 * day), at(10 * day), nil, at(20 * day)} {
		f.earn(t, cid, 250, exp, fmt.Sprintf("seed-%d", i))
	}

	const n = 200
	retries := countRetries(t)
	var (
		ok, conflict atomic.Int32
		mu           sync.Mutex
		others       []error
		wg           sync.WaitGroup
		gate         = make(chan struct{})
	)
	for i := range n {
		wg.Go(func() {
			<-gate
			_, err := f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: cid, Points: 10, IdempotencyKey: fmt.Sprintf("r-%d", i)})
			switch {
			case err == nil:
				ok.Add(1)
			case apperr.CodeOf(err) == apperr.Conflict && strings.HasPrefix(err.Error(), "insufficient points: balance"):
				conflict.Add(1)
			default:
				mu.Lock()
				others = append(others, err)
				mu.Unlock()
			}
		})
	}
	start := time.Now()
	close(gate)
	wg.Wait()
	t.Logf("%s: %d concurrent redemptions of 10 against 1,000 in %v, %s", backend, n, time.Since(start).Round(time.Millisecond), retries())

	for _, err := range others {
		t.Errorf("unexpected error: %v", err)
	}
	if ok.Load() != 100 || conflict.Load() != 100 {
		t.Errorf("%d succeeded, %d conflicts; want 100 and 100", ok.Load(), conflict.Load())
	}
	if bal := f.checkLedger(t, cid, true); bal != 0 {
		t.Errorf("balance %d, want 0", bal)
	}
	redeems := 0
	for _, e := range f.entries(t, cid) {
		if e.Kind == pointstransaction.KindREDEEM {
			redeems++
		}
	}
	if redeems != 100 {
		t.Errorf("%d REDEEM entries, want 100", redeems)
	}
}

// TestConcurrentMixed runs earns, redemptions, negative adjustments, expiry runs and a
// transfer on two accounts at once; the ledgers must add up.
func TestConcurrentMixed(t *testing.T) {
	f := setup(t, points.Options{BatchSize: 1})
	a, b := f.customer(t, "李四"), f.customer(t, "王五")
	f.earn(t, a, 300, at(time.Hour), "lapsing") // lapses before the storm
	f.earn(t, b, 100, nil, "b-seed")
	f.clock.Advance(2 * time.Hour)

	retries := countRetries(t)
	var (
		redeemed, adjusted atomic.Int64
		wg                 sync.WaitGroup
		gate               = make(chan struct{})
		errs               = make(chan error, 1000)
	)
	report := func(err error) {
		if err != nil && apperr.CodeOf(err) != apperr.Conflict {
			errs <- err
		}
	}
	for i := range 50 {
		wg.Go(func() {
			<-gate
			_, err := f.s.Earn(f.ctx, points.EarnInput{CustomerID: a, Points: 10, ExpiresAt: at(30 * day), IdempotencyKey: fmt.Sprintf("e-%d", i)})
			report(err)
		})
	}
	for i := range 100 {
		wg.Go(func() {
			<-gate
			_, err := f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: a, Points: 7, IdempotencyKey: fmt.Sprintf("r-%d", i)})
			if err == nil {
				redeemed.Add(7)
			}
			report(err)
		})
	}
	for i := range 20 {
		wg.Go(func() {
			<-gate
			_, err := f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: a, Points: -3, Reason: "correction", IdempotencyKey: fmt.Sprintf("adj-%d", i)})
			if err == nil {
				adjusted.Add(3)
			}
			report(err)
		})
	}
	for range 5 {
		wg.Go(func() {
			<-gate
			_, _, err := f.s.Expire(f.ctx)
			report(err)
		})
	}
	wg.Go(func() {
		<-gate
		_, _, err := f.s.Transfer(f.ctx, b, a, "merge", "merge-b-a")
		report(err)
	})
	start := time.Now()
	close(gate)
	wg.Wait()
	close(errs)
	t.Logf("%s: 176 concurrent mixed operations in %v, %s", testenv.Backend(), time.Since(start).Round(time.Millisecond), retries())
	for err := range errs {
		t.Errorf("unexpected error: %v", err)
	}
	if _, _, err := f.s.Expire(f.ctx); err != nil {
		t.Fatal(err)
	}
	balA, balB := f.checkLedger(t, a, true), f.checkLedger(t, b, true)
	// 300 lapsed; 500 earned; 100 transferred in from b.
	if want := 500 + 100 - redeemed.Load() - adjusted.Load(); balA+balB != want || balB != 0 {
		t.Errorf("balances a %d + b %d, want %d and b 0", balA, balB, want)
	}
}

func TestIdempotency(t *testing.T) {
	f := setup(t, points.Options{})
	cid := f.customer(t, "赵六")

	first := f.earn(t, cid, 100, at(30*day), "order-1")
	again := f.earn(t, cid, 100, at(30*day), "order-1")
	if again.ID != first.ID || again.Points != 100 || again.BalanceAfter != 100 || again.Remaining != 100 {
		t.Errorf("retry returned %+v, want entry %d unchanged", again, first.ID)
	}
	_, err := f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 200, IdempotencyKey: "order-1"})
	wantCode(t, err, apperr.Conflict)
	_, err = f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: cid, Points: 100, IdempotencyKey: "order-1"})
	wantCode(t, err, apperr.Conflict)

	r1 := f.redeem(t, cid, 30, "redeem-1")
	f.earn(t, cid, 5, nil, "order-2") // moves the balance on
	r2 := f.redeem(t, cid, 30, "redeem-1")
	if r2.ID != r1.ID || r2.BalanceAfter != 70 {
		t.Errorf("redeem retry returned entry %d balance_after %d, want %d and 70", r2.ID, r2.BalanceAfter, r1.ID)
	}
	if got := f.checkLedger(t, cid, true); got != 75 {
		t.Errorf("balance %d, want 75", got)
	}
	// The first lot paid the redemption once.
	if l := f.lot(t, first.ID); l.Remaining != 70 {
		t.Errorf("lot remaining %d, want 70", l.Remaining)
	}
	// A retry once the lot's expiry has passed still returns the first entry.
	f.clock.Set(t0.Add(31 * day))
	if late := f.earn(t, cid, 100, at(30*day), "order-1"); late.ID != first.ID {
		t.Errorf("late retry returned entry %d, want %d", late.ID, first.ID)
	}
	_, err = f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 100, ExpiresAt: at(30 * day), IdempotencyKey: "order-3"})
	wantField(t, err, "expiresAt")

	// Concurrent requests with one key make one entry, and all get it — also when the first
	// earn creates the account.
	fresh := f.customer(t, "钱七")
	retries := countRetries(t)
	const n = 20
	ids := make([]int, n)
	var wg sync.WaitGroup
	gate := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-gate
			tx, err := f.s.Earn(f.ctx, points.EarnInput{CustomerID: fresh, Points: 50, IdempotencyKey: "same"})
			if err != nil {
				t.Errorf("earn: %v", err)
				return
			}
			ids[i] = tx.ID
		})
	}
	close(gate)
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("concurrent same-key earns returned entries %v", ids)
		}
	}
	if es := f.entries(t, fresh); len(es) != 1 {
		t.Errorf("%d entries, want 1", len(es))
	}
	if got := f.checkLedger(t, fresh, true); got != 50 {
		t.Errorf("balance %d, want 50", got)
	}

	gate = make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-gate
			tx, err := f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: fresh, Points: 20, IdempotencyKey: "same-redeem"})
			if err != nil {
				t.Errorf("redeem: %v", err)
				return
			}
			ids[i] = tx.ID
		})
	}
	close(gate)
	wg.Wait()
	for _, id := range ids {
		if id != ids[0] {
			t.Fatalf("concurrent same-key redemptions returned entries %v", ids)
		}
	}
	if got := f.checkLedger(t, fresh, true); got != 30 {
		t.Errorf("balance %d, want 30", got)
	}
	t.Logf("%s: same-key concurrency: %s", testenv.Backend(), retries())
}

func TestRedeemFIFO(t *testing.T) {
	f := setup(t, points.Options{})
	cid := f.customer(t, "孙八")
	late := f.earn(t, cid, 100, at(30*day), "a")
	never := f.earn(t, cid, 100, nil, "b")
	soon := f.earn(t, cid, 100, at(10*day), "c")
	soon2 := f.earn(t, cid, 50, at(10*day), "d") // same expiry, newer entry

	r := f.redeem(t, cid, 170, "r1")
	if r.Points != -170 || r.BalanceAfter != 180 || r.Kind != pointstransaction.KindREDEEM {
		t.Errorf("redeem entry %+v", r)
	}
	for _, c := range []struct {
		lot  *ent.PointsTransaction
		want int64
	}{{soon, 0}, {soon2, 0}, {late, 80}, {never, 100}} {
		if got := f.lot(t, c.lot.ID).Remaining; got != c.want {
			t.Errorf("lot %d (expires %v): remaining %d, want %d", c.lot.ID, c.lot.ExpiresAt, got, c.want)
		}
	}
	f.redeem(t, cid, 100, "r2")
	if got := f.lot(t, late.ID).Remaining; got != 0 {
		t.Errorf("late lot remaining %d, want 0", got)
	}
	if got := f.lot(t, never.ID).Remaining; got != 80 {
		t.Errorf("lot without expiry remaining %d, want 80", got)
	}
	_, err := f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: cid, Points: 81, IdempotencyKey: "r3"})
	wantCode(t, err, apperr.Conflict)
	if !strings.Contains(err.Error(), "insufficient points: balance 80") {
		t.Errorf("error %q", err)
	}
	if got := f.checkLedger(t, cid, true); got != 80 {
		t.Errorf("balance %d, want 80", got)
	}
}

func TestExpire(t *testing.T) {
	var progress []points.Progress
	f := setup(t, points.Options{BatchSize: 1, Progress: func(p points.Progress) { progress = append(progress, p) }})
	cid, other := f.customer(t, "周九"), f.customer(t, "吴十")
	a := f.earn(t, cid, 100, at(10*day), "a")
	b := f.earn(t, cid, 200, at(20*day), "b")
	c := f.earn(t, cid, 50, nil, "c")
	f.redeem(t, cid, 30, "r1") // from a
	f.earn(t, other, 40, at(10*day), "o")
	f.earn(t, other, 5, at(5*day), "o2")

	for _, tc := range []struct {
		days int
		want int64
	}{{0, 0}, {9, 0}, {10, 70}, {20, 270}, {365, 270}} {
		got, err := f.s.ExpiringSoon(f.ctx, cid, tc.days)
		if err != nil || got != tc.want {
			t.Errorf("ExpiringSoon(%d) = %d, %v; want %d", tc.days, got, err, tc.want)
		}
	}
	if _, err := f.s.ExpiringSoon(f.ctx, cid, -1); err == nil {
		t.Error("ExpiringSoon(-1): no error")
	}
	if got, err := f.s.ExpiringSoon(f.ctx, f.customer(t, "无积分"), 30); err != nil || got != 0 {
		t.Errorf("ExpiringSoon without account = %d, %v", got, err)
	}

	// Nothing has lapsed yet.
	if lots, pts, err := f.s.Expire(f.ctx); err != nil || lots != 0 || pts != 0 {
		t.Fatalf("Expire before any expiry = %d, %d, %v", lots, pts, err)
	}

	f.clock.Set(t0.Add(10 * day)) // a lot lapses at its expires_at
	bal, err := f.s.Balance(f.ctx, cid)
	if err != nil || bal.Balance != 250 {
		t.Fatalf("Balance after lapse = %+v, %v; want 250 usable", bal, err)
	}
	if got := f.stored(t, cid).Balance; got != 320 {
		t.Errorf("stored balance %d before the job, want 320", got)
	}
	progress = nil
	lots, pts, err := f.s.Expire(f.ctx)
	if err != nil || lots != 3 || pts != 115 {
		t.Fatalf("Expire = %d lots, %d points, %v; want 3, 115", lots, pts, err)
	}
	// Two accounts, one per batch.
	if len(progress) != 2 || progress[1].Done != 2 || progress[1].Total != 2 || progress[1].Lots != 3 || progress[1].Points != 115 {
		t.Errorf("progress %+v", progress)
	}
	if got := f.lot(t, a.ID).Remaining; got != 0 {
		t.Errorf("lapsed lot remaining %d", got)
	}
	es := f.entries(t, cid)
	last := es[len(es)-1]
	if last.Kind != pointstransaction.KindEXPIRE || last.Points != -70 || last.BalanceAfter != 250 {
		t.Errorf("last entry %+v, want EXPIRE -70 → 250", last)
	}
	if got := f.checkLedger(t, cid, true); got != 250 {
		t.Errorf("balance %d, want 250", got)
	}
	if got := f.checkLedger(t, other, true); got != 0 {
		t.Errorf("other balance %d, want 0", got)
	}
	if lots, pts, err := f.s.Expire(f.ctx); err != nil || lots != 0 || pts != 0 {
		t.Errorf("second Expire = %d, %d, %v; want nothing", lots, pts, err)
	}

	// An operation expires its account's lapsed lots first: b lapses, then the redemption
	// can only use c.
	f.clock.Set(t0.Add(25 * day))
	_, err = f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: cid, Points: 60, IdempotencyKey: "r2"})
	wantCode(t, err, apperr.Conflict)
	if !strings.Contains(err.Error(), "balance 50") {
		t.Errorf("error %q, want balance 50", err)
	}
	f.redeem(t, cid, 10, "r3")
	if got := f.lot(t, b.ID).Remaining; got != 0 {
		t.Errorf("lapsed lot b remaining %d", got)
	}
	if got := f.lot(t, c.ID).Remaining; got != 40 {
		t.Errorf("lot c remaining %d, want 40", got)
	}
	if got := f.checkLedger(t, cid, true); got != 40 {
		t.Errorf("balance %d, want 40", got)
	}
	if lots, _, err := f.s.Expire(f.ctx); err != nil || lots != 0 {
		t.Errorf("Expire after touch = %d, %v", lots, err)
	}
}

func TestAdjust(t *testing.T) {
	f := setup(t, points.Options{})
	cid := f.customer(t, "郑十一")

	_, err := f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: 100, IdempotencyKey: "adj-1"})
	wantField(t, err, "reason")
	_, err = f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: 100, Reason: "   ", IdempotencyKey: "adj-1"})
	wantField(t, err, "reason")
	_, err = f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: 0, Reason: "x", IdempotencyKey: "adj-1"})
	wantField(t, err, "points")
	_, err = f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: -5, Reason: "x", IdempotencyKey: "adj-1"})
	wantCode(t, err, apperr.Conflict) // no account yet: balance 0

	plus, err := f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: 100, Reason: "补偿: 网络故障", IdempotencyKey: "adj-1"})
	if err != nil {
		t.Fatal(err)
	}
	if plus.Kind != pointstransaction.KindADJUST || plus.Remaining != 100 || plus.ExpiresAt != nil || plus.Reason != "补偿: 网络故障" {
		t.Errorf("positive adjustment %+v, want a lot of 100 without expiry", plus)
	}
	soon := f.earn(t, cid, 50, at(5*day), "e1")

	minus, err := f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: -70, Reason: "重复发放", IdempotencyKey: "adj-2"})
	if err != nil {
		t.Fatal(err)
	}
	if minus.Points != -70 || minus.BalanceAfter != 80 || minus.Remaining != 0 {
		t.Errorf("negative adjustment %+v", minus)
	}
	if got := f.lot(t, soon.ID).Remaining; got != 0 { // FIFO: the expiring lot first
		t.Errorf("expiring lot remaining %d, want 0", got)
	}
	if got := f.lot(t, plus.ID).Remaining; got != 80 {
		t.Errorf("adjustment lot remaining %d, want 80", got)
	}
	_, err = f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: -81, Reason: "x", IdempotencyKey: "adj-3"})
	wantCode(t, err, apperr.Conflict)
	again, err := f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: -70, Reason: "重复发放", IdempotencyKey: "adj-2"})
	if err != nil || again.ID != minus.ID {
		t.Errorf("retry = %v, %v; want entry %d", again, err, minus.ID)
	}
	_, err = f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: 70, Reason: "x", IdempotencyKey: "adj-2"})
	wantCode(t, err, apperr.Conflict)

	withExpiry, err := f.s.Adjust(f.ctx, points.AdjustInput{CustomerID: cid, Points: 10, Reason: "活动", ExpiresAt: at(3 * day), IdempotencyKey: "adj-4"})
	if err != nil || withExpiry.ExpiresAt == nil || !withExpiry.ExpiresAt.Equal(*at(3 * day)) {
		t.Errorf("adjustment with expiry = %+v, %v", withExpiry, err)
	}
	if got := f.checkLedger(t, cid, true); got != 90 {
		t.Errorf("balance %d, want 90", got)
	}
	// Adjustments do not qualify for tiers.
	if a := f.stored(t, cid); a.QualifyingPoints != 50 {
		t.Errorf("qualifying points %d, want 50 (EARN only)", a.QualifyingPoints)
	}
}

func TestTransfer(t *testing.T) {
	f := setup(t, points.Options{})
	from, to := f.customer(t, "合并源"), f.customer(t, "合并目标")
	f.earn(t, from, 10, at(1*day), "lapsing")
	f.earn(t, from, 100, at(10*day), "l1")
	f.earn(t, from, 100, at(30*day), "l2")
	f.earn(t, from, 100, at(10*day), "l3")
	f.earn(t, from, 50, nil, "l4")
	f.earn(t, to, 40, nil, "own")
	f.clock.Advance(2 * day)
	f.redeem(t, from, 30, "r1") // expires "lapsing", then takes 30 from l1

	out, in, err := f.s.Transfer(f.ctx, from, to, "", "merge-1")
	if err != nil {
		t.Fatal(err)
	}
	if out.Kind != pointstransaction.KindTRANSFER_OUT || out.Points != -320 || out.BalanceAfter != 0 || out.Reason == "" {
		t.Errorf("out %+v", out)
	}
	if in.Kind != pointstransaction.KindTRANSFER_IN || in.Points != 50 || in.ExpiresAt != nil || in.BalanceAfter != 360 {
		t.Errorf("in %+v, want the last TRANSFER_IN: 50 without expiry, balance 360", in)
	}
	if got := f.checkLedger(t, from, true); got != 0 {
		t.Errorf("source balance %d", got)
	}
	if got := f.checkLedger(t, to, true); got != 360 {
		t.Errorf("destination balance %d, want 360", got)
	}
	var got []string
	for _, e := range f.entries(t, to) {
		if e.Kind == pointstransaction.KindTRANSFER_IN {
			exp := "never"
			if e.ExpiresAt != nil {
				exp = fmt.Sprintf("+%dd", int(e.ExpiresAt.Sub(t0)/day))
			}
			got = append(got, fmt.Sprintf("%d/%d@%s", e.Points, e.Remaining, exp))
		}
	}
	if want := "170/170@+10d 100/100@+30d 50/50@never"; strings.Join(got, " ") != want {
		t.Errorf("transferred lots %q, want %q", strings.Join(got, " "), want)
	}

	out2, in2, err := f.s.Transfer(f.ctx, from, to, "", "merge-1")
	if err != nil || out2.ID != out.ID || in2.ID != in.ID {
		t.Errorf("retry = %v, %v, %v; want entries %d, %d", out2, in2, err, out.ID, in.ID)
	}
	_, _, err = f.s.Transfer(f.ctx, from, f.customer(t, "第三人"), "", "merge-1")
	wantCode(t, err, apperr.Conflict)
	_, _, err = f.s.Transfer(f.ctx, from, from, "", "merge-2")
	wantField(t, err, "toCustomerID")
	_, _, err = f.s.Transfer(f.ctx, to, from, "", "own") // key used on the destination
	wantCode(t, err, apperr.Conflict)
	// Nothing to move.
	if o, i, err := f.s.Transfer(f.ctx, from, to, "", "merge-3"); err != nil || o != nil || i != nil {
		t.Errorf("empty transfer = %v, %v, %v", o, i, err)
	}
	if o, i, err := f.s.Transfer(f.ctx, f.customer(t, "无账户"), to, "", "merge-4"); err != nil || o != nil || i != nil {
		t.Errorf("transfer without account = %v, %v, %v", o, i, err)
	}

	// The moved lots keep their order and expiry.
	f.redeem(t, to, 200, "r2") // 170 (+10d), then 30 of the +30d lot
	f.clock.Set(t0.Add(31 * day))
	lots, pts, err := f.s.Expire(f.ctx)
	if err != nil || lots != 1 || pts != 70 {
		t.Errorf("Expire = %d, %d, %v; want the +30d lot's 70", lots, pts, err)
	}
	if got := f.checkLedger(t, to, true); got != 90 {
		t.Errorf("destination balance %d, want 90 (40 own + 50 without expiry)", got)
	}
}

func TestTiers(t *testing.T) {
	f := setup(t, points.Options{})
	cid := f.customer(t, "冯十二")
	steps := []struct {
		earn int64
		tier pointsaccount.Tier
	}{
		{4_999, pointsaccount.TierBASIC},
		{1, pointsaccount.TierSILVER},
		{14_999, pointsaccount.TierSILVER},
		{1, pointsaccount.TierGOLD},
		{29_999, pointsaccount.TierGOLD},
		{1, pointsaccount.TierDIAMOND},
	}
	for i, st := range steps {
		f.earn(t, cid, st.earn, nil, fmt.Sprintf("t%d", i))
		if a := f.stored(t, cid); a.Tier != st.tier || a.TierAssessedAt == nil {
			t.Errorf("after %d points: tier %s (assessed %v), want %s", a.QualifyingPoints, a.Tier, a.TierAssessedAt, st.tier)
		}
	}
	f.redeem(t, cid, 49_000, "spend") // spending does not lower the qualifying points
	if a := f.stored(t, cid); a.Tier != pointsaccount.TierDIAMOND || a.QualifyingPoints != 50_000 {
		t.Errorf("after redeem: %s %d", a.Tier, a.QualifyingPoints)
	}

	// The window: 30,000 earned at t0+200d still counts at t0+366d, the earlier 20,000 not.
	f.clock.Set(t0.Add(200 * day))
	f.earn(t, cid, 30_000, nil, "later")
	f.clock.Set(t0.Add(366 * day))
	a, err := f.s.AssessTier(f.ctx, cid)
	if err != nil || a.Tier != pointsaccount.TierGOLD || a.QualifyingPoints != 30_000 || !a.TierAssessedAt.Equal(t0.Add(366*day)) {
		t.Fatalf("AssessTier at +366d = %+v, %v; want GOLD 30000", a, err)
	}
	f.clock.Set(t0.Add(565*day - time.Second)) // the window is (now-365d, now]
	if a, _ := f.s.AssessTier(f.ctx, cid); a.Tier != pointsaccount.TierGOLD {
		t.Errorf("just inside the window: %s %d", a.Tier, a.QualifyingPoints)
	}
	f.clock.Set(t0.Add(565 * day))
	if a, _ := f.s.AssessTier(f.ctx, cid); a.Tier != pointsaccount.TierBASIC || a.QualifyingPoints != 0 {
		t.Errorf("after the window: %s %d", a.Tier, a.QualifyingPoints)
	}
	if a, err := f.s.AssessTier(f.ctx, f.customer(t, "无积分")); err != nil || a.Tier != pointsaccount.TierBASIC || a.ID != 0 {
		t.Errorf("AssessTier without account = %+v, %v", a, err)
	}

	// AssessAll moves every account to its tier as the window moves on.
	f.clock.Set(t0)
	var ids []int
	for i := range 5 {
		c := f.customer(t, fmt.Sprintf("客户%d", i))
		ids = append(ids, c)
		f.earn(t, c, int64(i+1)*6_000, nil, "x")
	}
	f.clock.Set(t0.Add(400 * day))
	var progress []points.Progress
	s := points.New(f.d.Client, points.Options{Now: f.clock.Now, BatchSize: 2, Progress: func(p points.Progress) { progress = append(progress, p) }})
	n, err := s.AssessAll(f.ctx)
	if err != nil || n != 6 { // cid and the five above
		t.Fatalf("AssessAll = %d, %v; want 6", n, err)
	}
	if len(progress) != 3 || progress[2].Done != 6 || progress[2].Total != 6 {
		t.Errorf("progress %+v", progress)
	}
	for _, c := range ids {
		if a := f.stored(t, c); a.Tier != pointsaccount.TierBASIC || a.QualifyingPoints != 0 {
			t.Errorf("customer %d after the window: %s %d", c, a.Tier, a.QualifyingPoints)
		}
	}

	// Custom tiers.
	s = points.New(f.d.Client, points.Options{Now: f.clock.Now, Tiers: []points.Tier{
		{Name: pointsaccount.TierDIAMOND, MinPoints: 300}, {Name: pointsaccount.TierGOLD, MinPoints: 100},
	}})
	c := f.customer(t, "自定义")
	for _, st := range []struct {
		earn int64
		tier pointsaccount.Tier
	}{{99, pointsaccount.TierBASIC}, {1, pointsaccount.TierGOLD}, {200, pointsaccount.TierDIAMOND}} {
		if _, err := s.Earn(f.ctx, points.EarnInput{CustomerID: c, Points: st.earn, IdempotencyKey: fmt.Sprint("k", st.earn)}); err != nil {
			t.Fatal(err)
		}
		if a := f.stored(t, c); a.Tier != st.tier {
			t.Errorf("custom tiers at %d: %s, want %s", a.QualifyingPoints, a.Tier, st.tier)
		}
	}
}

func TestValidation(t *testing.T) {
	f := setup(t, points.Options{})
	cid := f.customer(t, "陈十三")
	long := strings.Repeat("x", 201)
	for _, tc := range []struct {
		name  string
		err   error
		field string
	}{
		{"earn 0", errOf(f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 0, IdempotencyKey: "k"})), "points"},
		{"earn negative", errOf(f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: -1, IdempotencyKey: "k"})), "points"},
		{"redeem 0", errOf(f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: cid, Points: 0, IdempotencyKey: "k"})), "points"},
		{"no key", errOf(f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 1})), "idempotencyKey"},
		{"long key", errOf(f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 1, IdempotencyKey: strings.Repeat("k", 129)})), "idempotencyKey"},
		{"long reason", errOf(f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: cid, Points: 1, Reason: long, IdempotencyKey: "k"})), "reason"},
		{"long chinese reason", errOf(f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 1, Reason: strings.Repeat("积", 67), IdempotencyKey: "k"})), "reason"},
		{"past expiry", errOf(f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 1, ExpiresAt: at(-time.Second), IdempotencyKey: "k"})), "expiresAt"},
		{"expiry now", errOf(f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 1, ExpiresAt: at(0), IdempotencyKey: "k"})), "expiresAt"},
	} {
		t.Run(tc.name, func(t *testing.T) { wantField(t, tc.err, tc.field) })
	}
	if _, err := f.s.Earn(f.ctx, points.EarnInput{CustomerID: cid, Points: 1, Reason: strings.Repeat("积", 66), IdempotencyKey: strings.Repeat("k", 128)}); err != nil {
		t.Errorf("limits exactly: %v", err)
	}
	_, err := f.s.Earn(f.ctx, points.EarnInput{CustomerID: 999999, Points: 1, IdempotencyKey: "k"})
	wantCode(t, err, apperr.NotFound)
	_, err = f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: 999999, Points: 1, IdempotencyKey: "k"})
	wantCode(t, err, apperr.NotFound)
	noAccount := f.customer(t, "无账户")
	_, err = f.s.Redeem(f.ctx, points.RedeemInput{CustomerID: noAccount, Points: 1, IdempotencyKey: "k"})
	wantCode(t, err, apperr.Conflict)
	if a, err := f.s.Balance(f.ctx, noAccount); err != nil || a.Balance != 0 || a.Tier != pointsaccount.TierBASIC || a.ID != 0 {
		t.Errorf("Balance without account = %+v, %v", a, err)
	}
	if n, err := f.d.Client.PointsAccount.Query().Where(pointsaccount.CustomerID(noAccount)).Count(f.ctx); err != nil || n != 0 {
		t.Errorf("a failed redemption created an account: %d, %v", n, err)
	}
}

func errOf[T any](_ T, err error) error { return err }

func TestActorAndCallerTransaction(t *testing.T) {
	f := setup(t, points.Options{})
	cid := f.customer(t, "褚十四")
	u := testenv.CreateUser(t, f.d, "points_clerk", "Clerk-Passw0rd-2030", nil, authz.RoleAdmin)
	staff := authz.NewContext(context.Background(), &authz.Principal{Kind: authz.KindUser, ID: u.ID, Name: u.Username, Roles: []string{authz.RoleAdmin}})

	e, err := f.s.Earn(staff, points.EarnInput{CustomerID: cid, Points: 100, Reason: "开户礼", IdempotencyKey: "welcome"})
	if err != nil {
		t.Fatal(err)
	}
	if e.ActorID == nil || *e.ActorID != u.ID {
		t.Errorf("actor %v, want user %d", e.ActorID, u.ID)
	}
	if sys := f.earn(t, cid, 1, nil, "sys"); sys.ActorID != nil {
		t.Errorf("system entry has actor %d", *sys.ActorID)
	}

	// In the caller's transaction: rolled back with it…
	tx, err := f.d.Client.Tx(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	tctx := ent.NewTxContext(ent.NewContext(f.ctx, tx.Client()), tx)
	if _, err := f.s.Earn(tctx, points.EarnInput{CustomerID: cid, Points: 500, IdempotencyKey: "in-tx"}); err != nil {
		t.Fatal(err)
	}
	if a, _ := f.s.Balance(tctx, cid); a.Balance != 601 {
		t.Errorf("balance inside the transaction %d, want 601", a.Balance)
	}
	if err := tx.Rollback(); err != nil {
		t.Fatal(err)
	}
	if a, _ := f.s.Balance(f.ctx, cid); a.Balance != 101 {
		t.Errorf("balance after rollback %d, want 101", a.Balance)
	}
	// …and committed with it; a transactional client alone in the context is joined too.
	tx, err = f.d.Client.Tx(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	cctx := ent.NewContext(f.ctx, tx.Client())
	if _, err := f.s.Earn(cctx, points.EarnInput{CustomerID: cid, Points: 500, IdempotencyKey: "in-tx"}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.Redeem(cctx, points.RedeemInput{CustomerID: cid, Points: 200, IdempotencyKey: "in-tx-r"}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := f.checkLedger(t, cid, true); got != 401 {
		t.Errorf("balance after commit %d, want 401", got)
	}
}

// TestConcurrentRedeemInCallerTx redeems concurrently inside transactions the caller opens
// (as GraphQL mutations run under entgql.Transactioner), where the service cannot retry.
func TestConcurrentRedeemInCallerTx(t *testing.T) {
	f := setup(t, points.Options{})
	cid := f.customer(t, "周十五")
	f.earn(t, cid, 200, at(10*day), "a")
	f.earn(t, cid, 100, nil, "b")

	var (
		ok, conflict atomic.Int32
		wg           sync.WaitGroup
		gate         = make(chan struct{})
	)
	for i := range 50 {
		wg.Go(func() {
			<-gate
			tx, err := f.d.Client.Tx(f.ctx)
			if err != nil {
				t.Errorf("begin: %v", err)
				return
			}
			tctx := ent.NewTxContext(ent.NewContext(f.ctx, tx.Client()), tx)
			_, err = f.s.Redeem(tctx, points.RedeemInput{CustomerID: cid, Points: 10, IdempotencyKey: fmt.Sprintf("r-%d", i)})
			if err != nil {
				_ = tx.Rollback()
				if apperr.CodeOf(err) == apperr.Conflict {
					conflict.Add(1)
				} else {
					t.Errorf("redeem: %v", err)
				}
				return
			}
			if err := tx.Commit(); err != nil {
				t.Errorf("commit: %v", err)
				return
			}
			ok.Add(1)
		})
	}
	start := time.Now()
	close(gate)
	wg.Wait()
	t.Logf("%s: 50 concurrent redemptions in caller transactions in %v", testenv.Backend(), time.Since(start).Round(time.Millisecond))
	if ok.Load() != 30 || conflict.Load() != 20 {
		t.Errorf("%d succeeded, %d conflicts; want 30 and 20", ok.Load(), conflict.Load())
	}
	if got := f.checkLedger(t, cid, true); got != 0 {
		t.Errorf("balance %d, want 0", got)
	}
}
