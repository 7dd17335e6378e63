package seed

import (
	"context"
	"fmt"
	"time"

	"github.com/c360crm/c360/ent/bill"
	"github.com/c360crm/c360/ent/creditprofile"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/migrate"
	"github.com/c360crm/c360/ent/pointsaccount"
	"github.com/c360crm/c360/ent/pointstransaction"
)

var (
	creditProfilesTable = newTable(creditprofile.Table,
		creditprofile.FieldID, creditprofile.FieldCreatedAt, creditprofile.FieldUpdatedAt, creditprofile.FieldCustomerID,
		creditprofile.FieldScore, creditprofile.FieldRating, creditprofile.FieldCreditLimit, creditprofile.FieldOverdueCount,
		creditprofile.FieldEvaluatedAt).keepIndexesOn(creditprofile.FieldCustomerID, creditprofile.FieldRating, creditprofile.FieldScore)
	pointsAccountsTable = newTable(pointsaccount.Table,
		pointsaccount.FieldID, pointsaccount.FieldCreatedAt, pointsaccount.FieldUpdatedAt, pointsaccount.FieldCustomerID,
		pointsaccount.FieldBalance, pointsaccount.FieldQualifyingPoints, pointsaccount.FieldTier, pointsaccount.FieldTierAssessedAt).keepIndexesOn(pointsaccount.FieldCustomerID, pointsaccount.FieldTier)
	pointsTransactionsTable = newTable(pointstransaction.Table,
		pointstransaction.FieldID, pointstransaction.FieldCreatedAt, pointstransaction.FieldAccountID, pointstransaction.FieldKind,
		pointstransaction.FieldPoints, pointstransaction.FieldBalanceAfter, pointstransaction.FieldRemaining,
		pointstransaction.FieldExpiresAt, pointstransaction.FieldReason, pointstransaction.FieldIdempotencyKey,
		pointstransaction.FieldActorID).keepIndexesOn(pointstransaction.FieldAccountID, pointstransaction.FieldCreatedAt, pointstransaction.FieldExpiresAt)
)

// ratingBands maps a minimum score to a rating and a personal credit limit in yuan
// (organisations get ten times as much).
var ratingBands = []struct {
	min    int
	rating creditprofile.Rating
	limit  int64
}{
	{900, creditprofile.RatingAAA, 5000}, {800, creditprofile.RatingAA, 3000}, {700, creditprofile.RatingA, 2000},
	{600, creditprofile.RatingBBB, 1000}, {500, creditprofile.RatingBB, 500}, {400, creditprofile.RatingB, 200},
	{300, creditprofile.RatingCCC, 100}, {200, creditprofile.RatingCC, 0}, {0, creditprofile.RatingC, 0},
}

// ratingFor returns the credit rating of a score (0–1000), as the seed assigns it.
func ratingFor(score int) creditprofile.Rating {
	for _, b := range ratingBands {
		if score >= b.min {
			return b.rating
		}
	}
	return creditprofile.RatingC
}

func creditLimit(score int, org bool) int64 {
	for _, b := range ratingBands {
		if score >= b.min {
			if org {
				return yuan(b.limit * 10)
			}
			return yuan(b.limit)
		}
	}
	return 0
}

// levelScore is the credit score bonus of a consumption level.
var levelScore = map[customer.ConsumptionLevel]int{
	customer.ConsumptionLevelMEDIUM: 20, customer.ConsumptionLevelHIGH: 50, customer.ConsumptionLevelPREMIUM: 80,
}

// tierFor maps the points earned in the last 12 months to a tier.
func tierFor(points int64) pointsaccount.Tier {
	switch {
	case points >= 6000:
		return pointsaccount.TierDIAMOND
	case points >= 3000:
		return pointsaccount.TierGOLD
	case points >= 1000:
		return pointsaccount.TierSILVER
	}
	return pointsaccount.TierBASIC
}

// seedLoyalty writes a credit profile and a points account with its ledger per customer.
// Both follow the customer's bills: overdue bills lower the score, paid bills earn one point
// per yuan in quarterly lots that expire at the end of the following year.
func (r *runner) seedLoyalty(ctx context.Context) error {
	cs, err := r.customerStream(ctx)
	if err != nil {
		return err
	}
	hg, err := r.holdingsGen(ctx)
	if err != nil {
		return err
	}
	bg, err := r.billsGen(ctx)
	if err != nil {
		return err
	}
	cpIDs, err := r.idsFor(ctx, migrate.CreditProfilesTable)
	if err != nil {
		return err
	}
	paIDs, err := r.idsFor(ctx, migrate.PointsAccountsTable)
	if err != nil {
		return err
	}
	ptIDs, err := r.idsFor(ctx, migrate.PointsTransactionsTable)
	if err != nil {
		return err
	}
	now := r.now
	evaluated := time.Date(now.In(cst).Year(), now.In(cst).Month(), 1, 6, 0, 0, 0, cst).UTC()
	tables := []*table{creditProfilesTable, pointsAccountsTable, pointsTransactionsTable}
	return r.bulkPhase(ctx, "credit & points", cs.n, tables, func(s *sink) error {
		rr := newRnd(r.seed, streamLoyalty, 0)
		var lots [8]lot
		return cs.each(func(c *cust) error {
			rr.reseed(r.seed, streamLoyalty, uint64(c.idx))
			bills := bg.of(c, hg.of(c))

			// Credit.
			overdue, partial := 0, 0
			for _, b := range bills {
				switch b.status {
				case bill.StatusOVERDUE:
					overdue++
				case bill.StatusPARTIAL:
					partial++
				}
			}
			score := 640
			if c.org() {
				score = 700
			}
			score += min(int(now.Sub(c.created)/(365*day))*12, 120)
			score += levelScore[c.level]
			score -= overdue*70 + partial*25
			if c.status == customer.StatusCHURNED {
				score -= 80
			}
			score += int(rr.NormFloat64() * 40)
			score = max(0, min(score, 1000))
			created := maxTime(c.created, now.AddDate(-2, 0, 0))
			if err := s.add(creditProfilesTable, cpIDs.take(), created, evaluated, c.id, score, ratingFor(score).String(),
				creditLimit(score, c.org()), overdue, evaluated); err != nil {
				return err
			}

			// Points: quarterly lots from paid bills, a welcome bonus for new customers.
			n := quarterLots(lots[:0], bills, now)
			if c.created.After(now.AddDate(-1, 0, 0)) {
				n = append(n, lot{at: c.created.Add(time.Hour), points: 200, reason: "新入网赠送积分", key: "welcome"})
			}
			sortLots(n)
			var balance int64
			for _, l := range n {
				balance += l.points
			}
			paID := paIDs.take()
			if err := s.add(pointsAccountsTable, paID, c.created, evaluated, c.id, balance, balance,
				tierFor(balance).String(), evaluated); err != nil {
				return err
			}
			var running int64
			for _, l := range n {
				running += l.points
				expires := time.Date(l.at.In(cst).Year()+1, 12, 31, 23, 59, 59, 0, cst).UTC()
				if err := s.add(pointsTransactionsTable, ptIDs.take(), l.at, paID, pointstransaction.KindEARN.String(),
					l.points, running, l.points, expires, l.reason, l.key, nil); err != nil {
					return err
				}
			}
			s.progress(1)
			return nil
		})
	})
}

// lot is one EARN entry of the points ledger.
type lot struct {
	at            time.Time
	points        int64
	reason        string
	key           string // idempotency key, unique per account
	year, quarter int    // quarterly lots: the quarter earned in
}

// quarterLots appends a lot per calendar quarter with paid bills (all accounts together),
// credited on the first day of the next quarter if that day has passed: one point per yuan.
func quarterLots(out []lot, bills []billRow, now time.Time) []lot {
	start := len(out)
	for _, b := range bills {
		if b.paid == 0 {
			continue
		}
		y, q := b.m.start.Year(), (int(b.m.start.Month())-1)/3+1
		i := start
		for i < len(out) && (out[i].year != y || out[i].quarter != q) {
			i++
		}
		if i == len(out) {
			credited := time.Date(y, time.Month(q*3+1), 1, 3, 0, 0, 0, cst) // month 13 is next January
			out = append(out, lot{at: credited.UTC(), year: y, quarter: q,
				reason: fmt.Sprintf("%d年第%d季度消费积分", y, q), key: fmt.Sprintf("earn-%dQ%d", y, q)})
		}
		out[i].points += b.paid / 100
	}
	k := start
	for _, l := range out[start:] {
		if l.points > 0 && !l.at.After(now) {
			out[k] = l
			k++
		}
	}
	return out[:k]
}

// sortLots orders lots by time (few elements: insertion sort).
func sortLots(ls []lot) {
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && ls[j].at.Before(ls[j-1].at); j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
