package seed

import (
	"context"
	"time"

	"entgo.io/ent/dialect"

	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/migrate"
)

// cst is China Standard Time: calendar logic (bill months, office hours) happens there.
var cst = time.FixedZone("CST", 8*3600)

// cust is the part of a customer that every phase needs. customerStream regenerates it
// identically in each phase from (Seed, streamCustomer, index).
type cust struct {
	idx      int64 // position in this run
	id       int64
	ord      uint64 // position in the customers ID range (see idSeq.ordinal)
	typ      customer.Type
	name     string
	male     bool
	birthday time.Time // PUBLIC only
	d        *district
	team     int // community team
	owner    int // account manager
	mobile   string
	created  time.Time
	status   customer.Status
	churned  time.Time // CHURNED: when
	level    customer.ConsumptionLevel
	channel  customer.AcquisitionChannel
	partner  int   // 0: none
	parent   int64 // 0: none
	optOut   bool
	industry string
	pinyin   string // organisations: trade-name pinyin, for e-mail domains
	usccKind string // organisations: first two characters of the credit code
}

func (c *cust) org() bool { return c.typ != customer.TypePUBLIC }

// hqRef is a group company that later business customers may be branches of.
type hqRef struct {
	id       int64
	name     string
	industry string
	pinyin   string
	city     *city
}

// maxHQs bounds the group companies remembered by a stream.
const maxHQs = 20000

// customerStream yields the customers of this run in order, the same in every phase.
type customerStream struct {
	w            *world
	seed         int64
	n            int64
	ids          *idSeq
	r            *rnd
	c            cust
	hqs          []hqRef
	minBirthYear int
}

// customerStream returns a stream over this run's customers (their IDs start where the
// customers phase started them).
func (r *runner) customerStream(ctx context.Context) (*customerStream, error) {
	seq, err := r.idsFor(ctx, migrate.CustomersTable)
	if err != nil {
		return nil, err
	}
	minYear, err := r.minBirthYear(ctx)
	if err != nil {
		return nil, err
	}
	return &customerStream{
		w: r.w, seed: r.seed, n: int64(r.opts.Customers), ids: seq.replay(),
		r: newRnd(r.seed, streamCustomer, 0), minBirthYear: minYear,
	}, nil
}

// each calls fn for every customer; the *cust is reused between calls.
func (s *customerStream) each(fn func(c *cust) error) error {
	for i := int64(0); i < s.n; i++ {
		s.generate(i)
		if err := fn(&s.c); err != nil {
			return err
		}
	}
	return nil
}

var (
	customerTypes = fromChoices(
		choice[customer.Type]{customer.TypePUBLIC, 85}, choice[customer.Type]{customer.TypeBUSINESS, 12},
		choice[customer.Type]{customer.TypeGOV_ENTERPRISE, 3})
	customerStatuses = fromChoices(
		choice[customer.Status]{customer.StatusACTIVE, 88}, choice[customer.Status]{customer.StatusDORMANT, 8},
		choice[customer.Status]{customer.StatusCHURNED, 4})
	publicLevels = fromChoices(
		choice[customer.ConsumptionLevel]{customer.ConsumptionLevelLOW, 30}, choice[customer.ConsumptionLevel]{customer.ConsumptionLevelMEDIUM, 45},
		choice[customer.ConsumptionLevel]{customer.ConsumptionLevelHIGH, 20}, choice[customer.ConsumptionLevel]{customer.ConsumptionLevelPREMIUM, 5})
	orgLevels = fromChoices(
		choice[customer.ConsumptionLevel]{customer.ConsumptionLevelMEDIUM, 45}, choice[customer.ConsumptionLevel]{customer.ConsumptionLevelHIGH, 35},
		choice[customer.ConsumptionLevel]{customer.ConsumptionLevelPREMIUM, 20})
	publicAcquisition = fromChoices(
		choice[customer.AcquisitionChannel]{customer.AcquisitionChannelBUSINESS_HALL, 45}, choice[customer.AcquisitionChannel]{customer.AcquisitionChannelONLINE, 25},
		choice[customer.AcquisitionChannel]{customer.AcquisitionChannelCALL_CENTER, 12}, choice[customer.AcquisitionChannel]{customer.AcquisitionChannelCAMPAIGN, 13},
		choice[customer.AcquisitionChannel]{customer.AcquisitionChannelOTHER, 5})
	orgAcquisition = fromChoices(
		choice[customer.AcquisitionChannel]{customer.AcquisitionChannelACCOUNT_MANAGER, 60}, choice[customer.AcquisitionChannel]{customer.AcquisitionChannelBUSINESS_HALL, 20},
		choice[customer.AcquisitionChannel]{customer.AcquisitionChannelONLINE, 10}, choice[customer.AcquisitionChannel]{customer.AcquisitionChannelCAMPAIGN, 10})
	// ages of personal customers, by bracket.
	ageBrackets = fromChoices(
		choice[[2]int]{[2]int{18, 25}, 14}, choice[[2]int]{[2]int{26, 35}, 24}, choice[[2]int]{[2]int{36, 45}, 22},
		choice[[2]int]{[2]int{46, 55}, 19}, choice[[2]int]{[2]int{56, 65}, 13}, choice[[2]int]{[2]int{66, 80}, 8})
)

const day = 24 * time.Hour

// generate fills s.c with customer i.
func (s *customerStream) generate(i int64) {
	r, w, now := s.r, s.w, s.w.now
	r.reseed(s.seed, streamCustomer, uint64(i))
	c := &s.c
	*c = cust{idx: i, id: s.ids.first + i}
	c.ord = s.ids.ordinal(c.id)
	c.typ = customerTypes.pick(r)
	c.d = w.geo.byWeight.pick(r)
	c.team = pick(r, w.communityTeams[c.d])
	c.owner = pick(r, w.owners[c.team])
	c.mobile = customerMobile(c.ord)

	switch c.typ {
	case customer.TypePUBLIC:
		c.male = r.chance(0.5)
		c.name = personName(r, c.male)
		bracket := ageBrackets.pick(r)
		age := r.between(bracket[0], bracket[1])
		if y := now.Year() - age; y <= s.minBirthYear {
			age = now.Year() - s.minBirthYear - 1 - r.IntN(10)
		}
		b := now.AddDate(-age, 0, 0).Add(-time.Duration(r.IntN(365)) * day)
		c.birthday = time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
		c.level = publicLevels.pick(r)
		c.channel = publicAcquisition.pick(r)
	case customer.TypeBUSINESS:
		c.name, c.industry, c.pinyin = companyName(r, c.d)
		c.usccKind = "91"
		c.level = orgLevels.pick(r)
		c.channel = orgAcquisition.pick(r)
	default:
		c.name, c.industry, c.usccKind = govName(r, c.d)
		c.pinyin = c.d.city.pinyin
		c.level = orgLevels.pick(r)
		c.channel = orgAcquisition.pick(r)
	}

	// Customer since: 15% joined within the last year, the rest up to 12 years ago; people
	// not before they turned 18.
	tenure := r.between(1, 365)
	if r.chance(0.85) {
		tenure = r.between(366, 12*365)
	}
	if c.typ == customer.TypePUBLIC {
		adult := c.birthday.AddDate(18, 0, 0)
		if limit := int(now.Sub(adult) / day); tenure > limit {
			tenure = r.between(1, max(limit, 1))
		}
	}
	c.created = officeHours(r, now.Add(-time.Duration(tenure)*day))

	c.status = customerStatuses.pick(r)
	if c.status == customer.StatusCHURNED {
		span := now.Sub(c.created) - 60*day
		if span <= 0 {
			c.status = customer.StatusDORMANT
		} else {
			c.churned = c.created.Add(30*day + time.Duration(r.Int64N(int64(span))))
		}
	}
	if r.chance(0.03) {
		list := w.partnersByProvince[c.d.city.province]
		if len(list) == 0 || r.chance(0.3) {
			c.partner = pick(r, w.partners).id
		} else {
			c.partner = pick(r, list)
		}
		c.channel = customer.AcquisitionChannelPARTNER
	}
	c.optOut = r.chance(0.05)

	// Group companies and their branches.
	if c.typ == customer.TypeBUSINESS {
		switch {
		case len(s.hqs) > 0 && r.chance(0.05):
			hq := s.hqs[r.IntN(len(s.hqs))]
			c.parent = hq.id
			place := c.d.city.short
			if hq.city == c.d.city {
				place = c.d.short
			}
			c.name = hq.name + place + "分公司"
			c.industry, c.pinyin = hq.industry, hq.pinyin
		case r.chance(0.03) && len(s.hqs) < maxHQs:
			s.hqs = append(s.hqs, hqRef{id: c.id, name: c.name, industry: c.industry, pinyin: c.pinyin, city: c.d.city})
		}
	}
}

// officeHours returns a time on t's day (CST) between 08:30 and 20:30, in UTC.
func officeHours(r *rnd, t time.Time) time.Time {
	t = t.In(cst)
	start := time.Date(t.Year(), t.Month(), t.Day(), 8, 30, 0, 0, cst)
	return start.Add(time.Duration(r.IntN(12*3600)) * time.Second).UTC()
}

// timeBetween returns a random time in [a, b) (a if b ≤ a), to the second.
func timeBetween(r *rnd, a, b time.Time) time.Time {
	if !b.After(a) {
		return a
	}
	return a.Add(time.Duration(r.Int64N(int64(b.Sub(a)/time.Second)+1)) * time.Second)
}

// minBirthYear is the earliest birth year the database can store: MySQL/MariaDB store ent
// time fields as TIMESTAMP (1970–2038) unless the schema says otherwise, so birthdays there
// start in 1971; SQLite has no such limit.
func (r *runner) minBirthYear(ctx context.Context) (int, error) {
	if r.d.Dialect != dialect.MySQL {
		return 1900, nil
	}
	var typ string
	err := r.conn.QueryRowContext(ctx,
		"SELECT DATA_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = ?",
		customer.Table, customer.FieldBirthday).Scan(&typ)
	if err != nil {
		return 0, err
	}
	if typ == "timestamp" {
		return 1970, nil
	}
	return 1900, nil
}
