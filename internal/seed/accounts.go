package seed

import (
	"context"
	"time"

	"github.com/c360crm/c360/ent/account"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/migrate"
	"github.com/c360crm/c360/ent/subscription"
)

var (
	accountsTable = newTable(account.Table,
		account.FieldID, account.FieldCreatedAt, account.FieldUpdatedAt, account.FieldNumber, account.FieldName,
		account.FieldPaymentMethod, account.FieldBalance, account.FieldStatus, account.FieldBillingAddress, account.FieldCustomerID).keepIndexesOn(account.FieldCustomerID)
	subscriptionsTable = newTable(subscription.Table,
		subscription.FieldID, subscription.FieldCreatedAt, subscription.FieldUpdatedAt, subscription.FieldCustomerID,
		subscription.FieldProductID, subscription.FieldAccountID, subscription.FieldServiceNumber, subscription.FieldStatus,
		subscription.FieldStartAt, subscription.FieldEndAt, subscription.FieldContractEndAt, subscription.FieldMonthlyFee).keepIndexesOn(subscription.FieldCustomerID, subscription.FieldAccountID, subscription.FieldProductID)
)

// acct is a generated payment account.
type acct struct {
	id      int64
	number  string
	name    string
	method  account.PaymentMethod
	status  account.Status
	created time.Time
	balance int64
	address string
}

// sub is a generated subscription.
type sub struct {
	id          int64
	acct        int // index into holdings.accts
	prod        *productInfo
	number      string
	status      subscription.Status
	start       time.Time
	end         time.Time // zero: open
	contractEnd time.Time // zero: no commitment
	fee         int64
}

// holdings are a customer's accounts and subscriptions.
type holdings struct {
	accts []acct
	subs  []sub
}

// holdingsGen derives holdings from (Seed, streamHoldings, customer); the accounts phase
// writes them and later phases replay them (same IDs, same fees). IDs are handed out in
// customer order, so of must see every customer, in order.
type holdingsGen struct {
	w       *world
	seed    int64
	r       *rnd
	acctIDs *idSeq
	subIDs  *idSeq
	h       holdings
	next    int64 // index of the customer expected next
}

// holdingsGen returns a generator whose IDs start where the accounts phase started them.
func (r *runner) holdingsGen(ctx context.Context) (*holdingsGen, error) {
	a, err := r.idsFor(ctx, migrate.AccountsTable)
	if err != nil {
		return nil, err
	}
	s, err := r.idsFor(ctx, migrate.SubscriptionsTable)
	if err != nil {
		return nil, err
	}
	return &holdingsGen{w: r.w, seed: r.seed, r: newRnd(r.seed, streamHoldings, 0), acctIDs: a.replay(), subIDs: s.replay()}, nil
}

var (
	publicPayments = fromChoices(
		choice[account.PaymentMethod]{account.PaymentMethodALIPAY, 30}, choice[account.PaymentMethod]{account.PaymentMethodWECHAT_PAY, 30},
		choice[account.PaymentMethod]{account.PaymentMethodBANK_DEBIT, 20}, choice[account.PaymentMethod]{account.PaymentMethodCASH, 15},
		choice[account.PaymentMethod]{account.PaymentMethodCREDIT_CARD, 5})
	orgPayments = fromChoices(
		choice[account.PaymentMethod]{account.PaymentMethodINVOICE, 50}, choice[account.PaymentMethod]{account.PaymentMethodBANK_DEBIT, 40},
		choice[account.PaymentMethod]{account.PaymentMethodCASH, 10})
	bundleShare = map[customer.ConsumptionLevel]float64{
		customer.ConsumptionLevelLOW: 0.08, customer.ConsumptionLevelMEDIUM: 0.25,
		customer.ConsumptionLevelHIGH: 0.4, customer.ConsumptionLevelPREMIUM: 0.55,
	}
	bundlesByLevel = map[customer.ConsumptionLevel][]string{
		customer.ConsumptionLevelLOW: {"RH-129"}, customer.ConsumptionLevelMEDIUM: {"RH-129", "RH-129", "RH-199"},
		customer.ConsumptionLevelHIGH: {"RH-199", "RH-199", "RH-299"}, customer.ConsumptionLevelPREMIUM: {"RH-299", "RH-199"},
	}
	plansByLevel = map[customer.ConsumptionLevel][]string{
		customer.ConsumptionLevelLOW:     {"4G-LX-19", "4G-LX-39", "5G-CX-59", "5G-QC-39", "4G-FX-8"},
		customer.ConsumptionLevelMEDIUM:  {"5G-CX-59", "5G-CX-99", "5G-CX-99", "4G-LX-58"},
		customer.ConsumptionLevelHIGH:    {"5G-CX-129", "5G-CX-129", "5G-CX-199"},
		customer.ConsumptionLevelPREMIUM: {"5G-CX-199", "5G-CX-299"},
	}
	broadbandByLevel = map[customer.ConsumptionLevel][]string{
		customer.ConsumptionLevelLOW: {"FTTH-300M"}, customer.ConsumptionLevelMEDIUM: {"FTTH-300M", "FTTH-500M"},
		customer.ConsumptionLevelHIGH: {"FTTH-500M", "FTTH-1000M"}, customer.ConsumptionLevelPREMIUM: {"FTTH-1000M"},
	}
	valueAdded  = []string{"VAS-CRBT", "VAS-CLOUD", "VAS-VIDEO"}
	familyPlans = []string{"4G-LX-19", "4G-LX-39", "5G-CX-59"}
	orgPlans    = []string{"5G-CX-99", "5G-CX-129", "5G-CX-199"}
)

// maxSubs caps the subscriptions of one customer.
const maxSubs = 4

// of returns the holdings of c (valid until the next call).
func (g *holdingsGen) of(c *cust) *holdings {
	if c.idx != g.next {
		panic("seed: holdingsGen.of skipped a customer; its IDs would be wrong")
	}
	g.next++
	r, w, now := g.r, g.w, g.w.now
	r.reseed(g.seed, streamHoldings, uint64(c.idx))
	h := &g.h
	h.accts, h.subs = h.accts[:0], h.subs[:0]

	// Products first, then numbers and dates.
	var codes [8]string
	n := 0
	add := func(code string) {
		if n < len(codes) {
			codes[n] = code
			n++
		}
	}
	switch c.typ {
	case customer.TypePUBLIC:
		bundle := r.chance(bundleShare[c.level])
		if bundle {
			add(pick(r, bundlesByLevel[c.level]))
		} else {
			add(pick(r, plansByLevel[c.level]))
			if r.chance(0.45) {
				add(pick(r, broadbandByLevel[c.level]))
				if r.chance(0.35) {
					add(pick(r, []string{"IPTV-HD", "IPTV-HD", "IPTV-4K"}))
				}
			}
			if r.chance(0.06) {
				add("GH-HOME")
			}
		}
		family := 0.15
		if bundle {
			family = 0.3
		}
		if r.chance(family) {
			add(pick(r, familyPlans))
		}
		if r.chance(0.3) {
			add(pick(r, valueAdded))
		}
	case customer.TypeBUSINESS:
		lines := r.between(1, 3)
		for i := 0; i < lines; i++ {
			add(pick(r, orgPlans))
		}
		switch x := r.Float64(); {
		case x < 0.55:
			add(pick(r, []string{"FTTH-500M", "FTTH-1000M"}))
		case x < 0.7:
			add("ZX-100M")
		}
		if r.chance(0.45) {
			add("GH-BIZ")
		}
	default:
		if r.chance(0.75) {
			add("ZX-100M")
		} else {
			add("FTTH-1000M")
		}
		if r.chance(0.7) {
			add("GH-BIZ")
		}
		lines := r.between(1, 2)
		for i := 0; i < lines; i++ {
			add(pick(r, []string{"5G-CX-129", "5G-CX-199"}))
		}
	}
	if n > maxSubs {
		n = maxSubs
	}

	// Accounts: organisations sometimes split their services over two.
	nAccts := 1
	if c.org() && n >= 2 && r.chance(0.2) {
		nAccts = 2
	}
	for i := 0; i < nAccts; i++ {
		a := acct{id: g.acctIDs.take(), name: c.name, created: c.created, status: account.StatusACTIVE}
		a.number = accountNumber(c.d.city, g.acctIDs.ordinal(a.id))
		if i > 0 {
			a.name = c.name + "（分账户）"
			a.created = officeHours(r, timeBetween(r, c.created, now.Add(-30*day)))
		}
		if c.org() {
			a.method = orgPayments.pick(r)
			a.address = c.d.city.name + c.d.name
		} else {
			a.method = publicPayments.pick(r)
			a.balance = int64(r.IntN(200)) * 100
		}
		switch c.status {
		case customer.StatusCHURNED:
			a.status, a.balance = account.StatusCLOSED, 0
		case customer.StatusDORMANT:
			if r.chance(0.5) {
				a.status = account.StatusSUSPENDED
			}
		}
		h.accts = append(h.accts, a)
	}

	usedOwnMobile := false
	for i := 0; i < n; i++ {
		p := w.product(codes[i])
		s := sub{id: g.subIDs.take(), prod: p, status: subscription.StatusACTIVE, fee: p.price}
		ord := g.subIDs.ordinal(s.id)
		if nAccts == 2 && (i == n-1 || (i > 0 && r.chance(0.5))) {
			s.acct = 1
		}
		switch p.category {
		case "MOBILE_PLAN", "BUNDLE":
			if usedOwnMobile {
				s.number = lineMobile(ord)
			} else {
				s.number, usedOwnMobile = c.mobile, true
			}
		case "VALUE_ADDED":
			s.number = c.mobile
		case "BROADBAND":
			if p.code == "ZX-100M" {
				s.number = "ZX" + iptvAccount(c.d.city, ord)[3:]
			} else {
				s.number = broadbandAccount(c.d.city, ord)
			}
		case "IPTV":
			s.number = iptvAccount(c.d.city, ord)
		default:
			s.number = landline(c.d.city, ord)
		}
		opened := h.accts[s.acct].created
		if i == 0 {
			s.start = opened
		} else {
			s.start = officeHours(r, timeBetween(r, opened, now.Add(-day)))
		}
		switch {
		case c.status == customer.StatusCHURNED:
			s.status, s.end = subscription.StatusTERMINATED, c.churned
			if s.start.After(s.end) {
				s.start = opened
			}
		case c.status == customer.StatusDORMANT && r.chance(0.7):
			s.status = subscription.StatusSUSPENDED
		case i > 0 && r.chance(0.04):
			s.status, s.end = subscription.StatusTERMINATED, timeBetween(r, s.start, now)
		case r.chance(0.03):
			s.status = subscription.StatusSUSPENDED
		}
		if p.category != "VALUE_ADDED" && p.category != "IPTV" && r.chance(0.4) {
			term := 12 * r.between(1, 2)
			ce := s.start.AddDate(0, term, 0)
			for ce.Before(now.Add(-90 * day)) {
				ce = ce.AddDate(0, term, 0)
			}
			s.contractEnd = ce
		}
		if r.chance(0.1) {
			s.fee = s.fee * 8 / 10 / 100 * 100 // 八折 loyalty discount, whole yuan
		}
		h.subs = append(h.subs, s)
	}
	return h
}

// seedAccounts writes accounts and subscriptions.
func (r *runner) seedAccounts(ctx context.Context) error {
	cs, err := r.customerStream(ctx)
	if err != nil {
		return err
	}
	hg, err := r.holdingsGen(ctx)
	if err != nil {
		return err
	}
	err = r.bulkPhase(ctx, "accounts", cs.n, []*table{accountsTable, subscriptionsTable}, func(s *sink) error {
		return cs.each(func(c *cust) error {
			h := hg.of(c)
			for _, a := range h.accts {
				if err := s.add(accountsTable, a.id, a.created, a.created, a.number, a.name, a.method.String(),
					a.balance, a.status.String(), nullString(a.address), c.id); err != nil {
					return err
				}
			}
			for _, x := range h.subs {
				updated := x.start
				if !x.end.IsZero() {
					updated = x.end
				}
				if err := s.add(subscriptionsTable, x.id, x.start, updated, c.id, x.prod.id, h.accts[x.acct].id,
					x.number, x.status.String(), x.start, nullTime(x.end), nullTime(x.contractEnd), x.fee); err != nil {
					return err
				}
			}
			s.progress(1)
			return nil
		})
	})
	if err == nil {
		r.ids[migrate.AccountsTable.Name].next = hg.acctIDs.next
		r.ids[migrate.SubscriptionsTable.Name].next = hg.subIDs.next
	}
	return err
}

// nullString maps "" to NULL.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// nullTime maps the zero time to NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}
