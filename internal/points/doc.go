// Package points is the loyalty points ledger: earning, redeeming, adjusting, expiring and
// transferring points, and the tiers that the points earned in a rolling window qualify for.
//
// # Model
//
// A customer's PointsAccount is created by the first earn (or positive adjustment). Every
// change is an append-only PointsTransaction whose signed points move the balance and whose
// balance_after records the result. Entries that add points (EARN, a positive ADJUST and
// TRANSFER_IN) are lots: `remaining` is what is left of them, and `expires_at`, when set,
// is when it lapses. Redemptions and negative adjustments take points from lots first in,
// first out — the earliest expiry first, then the oldest entry, lots without expiry last.
// An EXPIRE entry per lot removes what is left of a lot past its expiry: the Expire job
// (`c360 points expire`) does it for every account, and each operation on an account first
// does it for that account, so that no operation ever spends lapsed points.
//
// After every operation and in every committed state:
//
//	balance = Σ points of the account's entries = Σ remaining of its lots ≥ 0
//
// and, once the account has been touched or the Expire job has run, no lot past its expiry
// holds points. Balance reports the points usable now (it leaves out lots that lapsed since).
//
// Qualifying points are the EARN points of the last Options.Window (365 days by default);
// the tier is the highest of Options.Tiers they reach (SILVER 5,000, GOLD 20,000,
// DIAMOND 50,000 by default; BASIC below). Earn, Redeem, Adjust and Transfer re-assess the
// tier of the accounts they change in the same statement that moves the balance;
// AssessTier and AssessAll re-assess it as time moves the window.
//
// # Idempotency
//
// Earn, Redeem, Adjust and Transfer take an idempotency key (1–128 bytes), unique per
// account. A retry with a used key returns the first entry unchanged and writes nothing;
// the same key with another operation or amount is a CONFLICT. Two concurrent requests with
// one key make one entry and both get it: they serialise on the account (below), and should
// a unique-index violation still occur, the transaction is run again and finds the first
// entry.
//
// # Concurrency
//
// Each operation runs in one database transaction: the caller's when the context carries one
// (ent.TxFromContext, or a transactional client in ent.FromContext — as GraphQL mutations
// under entgql.Transactioner do), else one opened here. Inside it the account row is the
// lock that serialises all changes to an account:
//
//   - MySQL/MariaDB: the account is read first with SELECT … FOR UPDATE, and so are the
//     lots, the idempotency key and the qualifying sum, so that every read a decision
//     depends on sees the newest committed rows and holds them to the end. Transfers lock
//     their two accounts in customer-ID order. Transactions opened here are READ COMMITTED:
//     no gap locks (under REPEATABLE READ, locking reads of missing accounts lock index
//     gaps, and first earns of neighbouring customers deadlock on their inserts), and the
//     plain reads of the audit hook see what the locks protect, not an older snapshot.
//   - SQLite has no row locks, and rejects the FOR UPDATE that ent would emit, so the lock
//     clause is added for MySQL only: internal/db opens every transaction with BEGIN
//     IMMEDIATE, which takes the database's write lock up front (waiting up to the busy
//     timeout), so writers queue instead of interleaving. WAL lets readers go on meanwhile.
//
// On top of the lock, the balance moves only through a conditional UPDATE
// (`balance = balance - n WHERE id = ? AND balance >= n`, which also re-assesses the tier;
// no row → insufficient points) and a lot only through
// `remaining = remaining - n WHERE id = ? AND remaining >= n`, so that the balance cannot
// go negative even where a lock were missing.
//
// Lock conflicts that the database resolves by failing a statement — SQLite "database is
// locked" (SQLITE_BUSY/SQLITE_LOCKED once the busy timeout has passed), MySQL deadlocks
// (1213) and lock wait timeouts (1205) — run the whole transaction again, after a jittered
// exponential pause, up to Options.MaxAttempts times; then the error is SERVICE_UNAVAILABLE.
// So does a unique-index violation on the account (two first earns of one customer) or on
// an idempotency key: the next run finds the row the other request committed. In the
// caller's transaction nothing can be run again here: the error is returned
// (SERVICE_UNAVAILABLE, or CONFLICT for a key taken meanwhile) for the caller to roll back
// and retry; callers that can should call the service without a transaction of their own.
package points
