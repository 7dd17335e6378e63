package seed

import (
	"context"
	"time"

	"github.com/c360crm/c360/ent/bill"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/migrate"
	"github.com/c360crm/c360/ent/subscription"
)

var billsTable = newTable(bill.Table,
	bill.FieldID, bill.FieldCreatedAt, bill.FieldPeriod, bill.FieldAmount, bill.FieldPaidAmount,
	bill.FieldDueAt, bill.FieldPaidAt, bill.FieldStatus, bill.FieldAccountID, bill.FieldCustomerID).keepIndexesOn(bill.FieldAccountID, bill.FieldCustomerID, bill.FieldCreatedAt, bill.FieldPeriod)

// billMonths is the billing history: the 12 months ending last month.
const billMonths = 12

// month is one billing period.
type month struct {
	period     string    // YYYY-MM
	start, end time.Time // [start, end) in CST
	issued     time.Time // bill run: the 1st of the next month, 02:00
	due        time.Time // the 20th of the next month, end of day
}

// billingMonths returns the last billMonths months before now's month, oldest first.
func billingMonths(now time.Time) []month {
	t := now.In(cst)
	first := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, cst)
	ms := make([]month, billMonths)
	for i := range ms {
		start := first.AddDate(0, i-billMonths, 0)
		end := start.AddDate(0, 1, 0)
		ms[i] = month{
			period: start.Format("2006-01"), start: start, end: end,
			issued: end.Add(2 * time.Hour).UTC(),
			due:    time.Date(end.Year(), end.Month(), 20, 23, 59, 59, 0, cst).UTC(),
		}
	}
	return ms
}

// billRow is a generated bill.
type billRow struct {
	id     int64
	acct   int64
	m      *month
	amount int64
	paid   int64
	paidAt time.Time
	status bill.Status
}

// billsGen derives a customer's bills from its holdings and (Seed, streamBills, customer).
// Like holdingsGen it hands out IDs in customer order: of must see every customer.
type billsGen struct {
	seed   int64
	now    time.Time
	r      *rnd
	ids    *idSeq
	months []month
	out    []billRow
}

func (r *runner) billsGen(ctx context.Context) (*billsGen, error) {
	seq, err := r.idsFor(ctx, migrate.BillsTable)
	if err != nil {
		return nil, err
	}
	return &billsGen{seed: r.seed, now: r.now, r: newRnd(r.seed, streamBills, 0), ids: seq.replay(), months: billingMonths(r.now)}, nil
}

// of returns the bills of c (valid until the next call). An account is billed for every month
// it was open in, with the fees of the subscriptions active in the month and some usage on
// top; most bills are paid, a few paid in part or overdue, the latest maybe not yet due.
func (g *billsGen) of(c *cust, h *holdings) []billRow {
	r, now := g.r, g.now
	r.reseed(g.seed, streamBills, uint64(c.idx))
	g.out = g.out[:0]
	badPayer := r.chance(0.05)
	for ai := range h.accts {
		a := &h.accts[ai]
		for mi := range g.months {
			m := &g.months[mi]
			if !a.created.Before(m.end) || (c.status == customer.StatusCHURNED && c.churned.Before(m.start)) {
				continue
			}
			base := int64(0)
			for _, s := range h.subs {
				if s.acct != ai || !s.start.Before(m.end) || (!s.end.IsZero() && s.end.Before(m.start)) {
					continue
				}
				fee := s.fee
				if s.status == subscription.StatusSUSPENDED && m.end.After(now.AddDate(0, -4, 0)) {
					fee /= 5 // 停机保号
				}
				base += fee
			}
			if base == 0 {
				continue
			}
			b := billRow{id: g.ids.take(), acct: a.id, m: m, status: bill.StatusPAID}
			b.amount = base*97/100 + int64(float64(base)*0.08*r.ExpFloat64())
			overdue, partial := 0.015, 0.01
			if badPayer {
				overdue, partial = 0.25, 0.05
			}
			if c.status == customer.StatusCHURNED && !c.churned.Before(m.start) && c.churned.Before(m.end) {
				overdue = 0.4 // the last bill before leaving
			}
			switch x := r.Float64(); {
			case m.due.After(now): // not yet due: about half paid already
				if x < 0.45 {
					b.paidAt = timeBetween(r, m.issued, now)
				} else {
					b.status = bill.StatusUNPAID
				}
			case x < overdue:
				b.status = bill.StatusOVERDUE
			case x < overdue+partial:
				b.status = bill.StatusPARTIAL
				b.paid = b.amount * int64(r.between(30, 80)) / 100
				b.paidAt = timeBetween(r, m.issued, m.due)
			default:
				b.paidAt = timeBetween(r, m.issued, m.due)
			}
			if b.status == bill.StatusPAID {
				b.paid = b.amount
			}
			g.out = append(g.out, b)
		}
	}
	return g.out
}

// seedBills writes 12 months of bills per account.
func (r *runner) seedBills(ctx context.Context) error {
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
	err = r.bulkPhase(ctx, "bills", cs.n, []*table{billsTable}, func(s *sink) error {
		return cs.each(func(c *cust) error {
			for _, b := range bg.of(c, hg.of(c)) {
				if err := s.add(billsTable, b.id, b.m.issued, b.m.period, b.amount, b.paid,
					b.m.due, nullTime(b.paidAt), b.status.String(), b.acct, c.id); err != nil {
					return err
				}
			}
			s.progress(1)
			return nil
		})
	})
	if err == nil {
		r.ids[migrate.BillsTable.Name].next = bg.ids.next
	}
	return err
}
