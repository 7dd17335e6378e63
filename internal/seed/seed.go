// Package seed fills a c360 database with realistic, deterministic Chinese telecom demo data:
// an org tree and staff, partners, a product catalog, a knowledge base, customers with their
// accounts, subscriptions, bills, contacts, work orders, credit and points, customer groups
// and campaigns.
//
// Reference data (teams, users, partners, products, knowledge, groups, campaigns) goes through
// the ent client, so hooks and validators run. The per-customer tables are bulk loaded:
// multi-row INSERTs through database/sql with explicit IDs, one transaction per phase. One
// goroutine generates rows while another writes them; nothing per customer is kept in memory.
// Every phase draws customer i's data from a random stream keyed by (Seed, phase, i), so later
// phases replay what earlier ones drew (the subscriptions behind a bill) instead of reading it
// back, and the same Seed and day give the same data (customer codes and work-order numbers
// are random by design).
//
// On SQLite the bulk connection is tuned for loading (see tune): indexes with random keys are
// rebuilt after each table is loaded (inside the phase's transaction), foreign keys are not
// re-checked row by row (the tests check every reference), time values are formatted by the
// generator, and the write-ahead log is checkpointed in the background.
package seed

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent/privacy"
	"github.com/c360crm/c360/internal/audit"
	"github.com/c360crm/c360/internal/db"
)

// DefaultDemoPassword is the password of every demo staff user unless Options says otherwise.
const DefaultDemoPassword = "c360-demo-2026"

// DefaultCustomers is the number of customers seeded when Options.Customers is 0.
const DefaultCustomers = 2000

// Options tune Run.
type Options struct {
	Customers    int       // number of customers (default DefaultCustomers if 0)
	Seed         int64     // RNG seed: the same seed gives the same data (codes/hashes may differ)
	BatchSize    int       // rows per INSERT batch (0: a sensible default)
	IfEmpty      bool      // do nothing (Result.Skipped) when any customer exists
	Progress     io.Writer // progress bars / lines go here (nil: silent)
	DemoPassword string    // password of every demo staff user (default DefaultDemoPassword)
	Now          time.Time // "today" for dates (zero: time.Now())
}

// Result reports what Run did.
type Result struct {
	Skipped bool
	Counts  map[string]int // table -> rows inserted
	Elapsed time.Duration
	Logins  []Login // one demo login per role
}

// Rows returns the total number of rows inserted.
func (r *Result) Rows() int {
	n := 0
	for _, c := range r.Counts {
		n += c
	}
	return n
}

// Login is a demo staff user to sign in with (password: Options.DemoPassword).
type Login struct{ Username, Role string }

// PhaseError reports the phase that failed. The rows of that phase were rolled back; the
// phases before it are committed.
type PhaseError struct {
	Phase string
	Err   error
}

func (e *PhaseError) Error() string {
	return fmt.Sprintf("seed phase %q failed (its rows were rolled back; earlier phases are committed): %v", e.Phase, e.Err)
}

func (e *PhaseError) Unwrap() error { return e.Err }

// Run seeds d. See the package documentation.
func Run(ctx context.Context, d *db.DB, opts Options) (*Result, error) {
	start := time.Now()
	opts = opts.withDefaults()
	// Seeding is a system action: let it through any privacy policy, and keep millions of
	// generated demo rows out of the audit trail.
	ctx = audit.WithoutAudit(authz.NewContext(privacy.DecisionContext(ctx, privacy.Allow), authz.System))
	res := &Result{Counts: map[string]int{}}
	if opts.IfEmpty {
		exists, err := d.Client.Customer.Query().Exist(ctx)
		if err != nil {
			return nil, fmt.Errorf("seed: check for customers: %w", err)
		}
		if exists {
			res.Skipped = true
			res.Elapsed = time.Since(start)
			if opts.Progress != nil {
				fmt.Fprintln(opts.Progress, "seed: customers exist already, nothing to do")
			}
			return res, nil
		}
	}
	conn, err := d.SQL.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	defer conn.Close()
	r := &runner{
		d: d, opts: opts, conn: conn, res: res, seed: opts.Seed, now: today(opts.Now),
		batchRows: opts.BatchSize, progress: newProgress(opts.Progress), ids: map[string]*idSeq{},
	}
	restore, err := r.tune(ctx)
	if err != nil {
		return nil, fmt.Errorf("seed: %w", err)
	}
	err = r.run(ctx)
	if rerr := restore(); err == nil && rerr != nil {
		err = fmt.Errorf("seed: final WAL checkpoint: %w", rerr)
	}
	res.Elapsed = time.Since(start)
	if err != nil {
		return res, err
	}
	r.progress.summary(res, opts.Customers)
	return res, nil
}

func (o Options) withDefaults() Options {
	if o.Customers <= 0 {
		o.Customers = DefaultCustomers
	}
	if o.BatchSize <= 0 {
		o.BatchSize = defaultBatchRows
	}
	if o.DemoPassword == "" {
		o.DemoPassword = DefaultDemoPassword
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	return o
}

// today returns the start of t's day in China Standard Time, in UTC: every date the seed
// generates is derived from it, so runs on the same day with the same seed agree.
func today(t time.Time) time.Time {
	t = t.In(cst)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, cst).UTC()
}

// runner carries the state of one Run across phases.
type runner struct {
	d         *db.DB
	opts      Options
	conn      *sql.Conn // the bulk phases' connection (tuned, see tune)
	res       *Result
	seed      int64
	now       time.Time
	batchRows int
	progress  *progress
	ids       map[string]*idSeq
	w         *world
	// timeLayout is the driver's own format for time values, when known (SQLite).
	timeLayout string
	ckpt       *checkpointer // SQLite in WAL mode
}

// phase is one all-or-nothing step of a run.
type phase struct {
	name string
	run  func(context.Context) error
}

func (r *runner) run(ctx context.Context) error {
	phases := []phase{
		{"teams", r.seedTeams},
		{"users", r.seedUsers},
		{"partners", r.seedPartners},
		{"products", r.seedProducts},
		{"knowledge", r.seedKnowledge},
		{"customers", r.seedCustomers},
		{"accounts", r.seedAccounts},
		{"bills", r.seedBills},
		{"contacts", r.seedContacts},
		{"service requests", r.seedServiceRequests},
		{"credit & points", r.seedLoyalty},
		{"groups", r.seedGroups},
		{"campaigns", r.seedCampaigns},
	}
	r.w = newWorld(r.now)
	for _, p := range phases {
		if err := p.run(ctx); err != nil {
			var pe *PhaseError
			if errors.As(err, &pe) {
				return err
			}
			return &PhaseError{Phase: p.name, Err: err}
		}
	}
	return nil
}

// record adds a phase's row counts to the result.
func (r *runner) record(counts map[string]int) {
	for t, n := range counts {
		r.res.Counts[t] += n
	}
}

// countsLine formats counts as "customers 2000, accounts 2040, …", largest first.
func countsLine(counts map[string]int) string {
	type tc struct {
		t string
		n int
	}
	var list []tc
	for t, n := range counts {
		list = append(list, tc{t, n})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].n != list[j].n {
			return list[i].n > list[j].n
		}
		return list[i].t < list[j].t
	})
	parts := make([]string, len(list))
	for i, x := range list {
		parts[i] = fmt.Sprintf("%s %d", x.t, x.n)
	}
	return strings.Join(parts, ", ")
}
