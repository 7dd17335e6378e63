package dedupe

import (
	"context"
	"fmt"
	"hash/fnv"
	"sort"

	"entgo.io/ent/dialect/sql"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
)

// PageSize is how many rows the NAME_ADDRESS pass of Scan reads per query.
const PageSize = 5000

// pageSize is PageSize; tests lower it to cross page boundaries with few rows.
var pageSize = PageSize

// inChunk bounds the values of one IN (…) list.
const inChunk = 500

// Scan finds every candidate pair among the non-MERGED customers the caller may read,
// sorted by score (highest first), then A, then B. Each pair appears once with all the rules
// it meets.
//
//   - SAME_ID and NAME_MOBILE: the database groups customers by (id_type, id_number) and by
//     mobile (GROUP BY … HAVING COUNT(*) > 1); only the members of those groups are read, and
//     paired in Go (by normalised name for mobiles).
//   - NAME_ADDRESS: customers with a city and an address are read in pages of PageSize rows
//     ordered by city and ID (keyset pagination). Within one city only a 64-bit hash of the
//     normalised name and address and the ID are kept per customer; the customers of a hash
//     shared by two or more are read again and compared in full, so memory is bounded by
//     one page plus about 40 bytes per customer of the largest city.
//
// A value shared by more than 100 customers is taken for a placeholder and pairs no one.
// progress, when not nil, is called with the rows the NAME_ADDRESS pass has read and the rows
// it will read: once before the first page, after every page, and with done == total at the
// end.
func Scan(ctx context.Context, c *ent.Client, progress func(done, total int)) ([]Candidate, error) {
	s := &scanner{ctx: ctx, c: c, found: map[[2]int]Candidate{}}
	if err := s.sameID(); err != nil {
		return nil, fmt.Errorf("dedupe: scan document numbers: %w", err)
	}
	if err := s.sameMobile(); err != nil {
		return nil, fmt.Errorf("dedupe: scan mobiles: %w", err)
	}
	if err := s.nameAddress(progress); err != nil {
		return nil, fmt.Errorf("dedupe: scan addresses: %w", err)
	}
	out := make([]Candidate, 0, len(s.found))
	for _, cand := range s.found {
		out = append(out, cand)
	}
	sortCandidates(out)
	return out, nil
}

type scanner struct {
	ctx   context.Context
	c     *ent.Client
	found map[[2]int]Candidate
}

func (s *scanner) live() *ent.CustomerQuery {
	return s.c.Customer.Query().Where(customer.StatusNEQ(customer.StatusMERGED))
}

// pairAll adds every pair of group that meets a rule (group: customers sharing one key).
func (s *scanner) pairAll(group []*ent.Customer) {
	if len(group) < 2 || len(group) > maxGroup {
		return
	}
	sort.Slice(group, func(i, j int) bool { return group[i].ID < group[j].ID })
	for i := range group {
		for j := i + 1; j < len(group); j++ {
			k := [2]int{group[i].ID, group[j].ID}
			if _, ok := s.found[k]; ok {
				continue
			}
			if cand := newCandidate(group[i], group[j]); cand != nil {
				s.found[k] = *cand
			}
		}
	}
}

// pairBy splits rows by key (rows with an empty key are left out) and pairs each part.
func (s *scanner) pairBy(rows []*ent.Customer, key func(*ent.Customer) string) {
	groups := map[string][]*ent.Customer{}
	for _, r := range rows {
		if k := key(r); k != "" {
			groups[k] = append(groups[k], r)
		}
	}
	for _, g := range groups {
		s.pairAll(g)
	}
}

// sameID pairs the customers sharing a document type and number.
func (s *scanner) sameID() error {
	var keys []struct {
		IDType   string `sql:"id_type"`
		IDNumber string `sql:"id_number"`
	}
	err := s.live().Where(customer.IDTypeNotNil(), customer.IDNumberNEQ("")).
		Modify(func(q *sql.Selector) {
			t, n := q.C(customer.FieldIDType), q.C(customer.FieldIDNumber)
			q.Select(t, n).GroupBy(t, n).Having(sql.GT(sql.Count("*"), 1))
		}).Scan(s.ctx, &keys)
	if err != nil {
		return err
	}
	byType := map[string][]string{}
	for _, k := range keys {
		byType[k.IDType] = append(byType[k.IDType], k.IDNumber)
	}
	var rows []*ent.Customer
	for t, numbers := range byType {
		for start := 0; start < len(numbers); start += inChunk {
			part := numbers[start:min(start+inChunk, len(numbers))]
			got, err := s.live().Where(customer.IDTypeEQ(customer.IDType(t)), customer.IDNumberIn(part...)).
				Select(matchFields...).All(s.ctx)
			if err != nil {
				return err
			}
			rows = append(rows, got...)
		}
	}
	s.pairBy(rows, idKey)
	return nil
}

// sameMobile pairs the customers sharing a mobile and a normalised name.
func (s *scanner) sameMobile() error {
	var mobiles []string
	err := s.live().Where(customer.MobileNEQ("")).
		Modify(func(q *sql.Selector) {
			m := q.C(customer.FieldMobile)
			q.Select(m).GroupBy(m).Having(sql.GT(sql.Count("*"), 1))
		}).Scan(s.ctx, &mobiles)
	if err != nil {
		return err
	}
	for start := 0; start < len(mobiles); start += inChunk {
		part := mobiles[start:min(start+inChunk, len(mobiles))]
		rows, err := s.live().Where(customer.MobileIn(part...)).Select(matchFields...).All(s.ctx)
		if err != nil {
			return err
		}
		s.pairBy(rows, func(cu *ent.Customer) string {
			if n := NormalizeName(cu.Name); n != "" {
				return cu.Mobile + "\x00" + n
			}
			return ""
		})
	}
	return nil
}

// nameAddress pairs the customers of one city sharing a normalised name and address.
func (s *scanner) nameAddress(progress func(done, total int)) error {
	eligible := func() *ent.CustomerQuery {
		return s.live().Where(customer.CityNEQ(""), customer.AddressNEQ(""))
	}
	total, err := eligible().Count(s.ctx)
	if err != nil {
		return err
	}
	report := func(done int) {
		if progress != nil {
			total = max(total, done)
			progress(done, total)
		}
	}
	report(0)
	var (
		done     int
		lastCity string
		lastID   int
		first    = true
		curCity  string
		hashes   = map[uint64][]int{} // hash of name and address → IDs, for curCity
		pending  []int                // IDs of customers sharing a hash, to compare in full
	)
	verify := func() error {
		for start := 0; start < len(pending); start += inChunk {
			part := pending[start:min(start+inChunk, len(pending))]
			rows, err := s.live().Where(customer.IDIn(part...)).Select(matchFields...).All(s.ctx)
			if err != nil {
				return err
			}
			s.pairBy(rows, nameAddressKey)
		}
		pending = pending[:0]
		return nil
	}
	flush := func() error {
		for _, ids := range hashes {
			if len(ids) > 1 && len(ids) <= maxGroup {
				pending = append(pending, ids...)
			}
		}
		clear(hashes)
		if len(pending) >= inChunk {
			return verify()
		}
		return nil
	}
	for {
		q := eligible()
		if !first {
			q = q.Where(customer.Or(customer.CityGT(lastCity),
				customer.And(customer.CityEQ(lastCity), customer.IDGT(lastID))))
		}
		rows, err := q.Order(customer.ByCity(), customer.ByID()).Limit(pageSize).
			Select(customer.FieldID, customer.FieldName, customer.FieldProvince, customer.FieldCity,
				customer.FieldDistrict, customer.FieldAddress).
			All(s.ctx)
		if err != nil {
			return err
		}
		for _, r := range rows {
			if city := normalizeCity(r.City); city != curCity {
				if err := flush(); err != nil {
					return err
				}
				curCity = city
			}
			if k := nameAddressKey(r); k != "" {
				h := fnv.New64a()
				h.Write([]byte(k))
				sum := h.Sum64()
				hashes[sum] = append(hashes[sum], r.ID)
			}
		}
		done += len(rows)
		if len(rows) > 0 {
			first = false
			lastCity, lastID = rows[len(rows)-1].City, rows[len(rows)-1].ID
		}
		if len(rows) < pageSize {
			break
		}
		report(done)
	}
	if err := flush(); err != nil {
		return err
	}
	if err := verify(); err != nil {
		return err
	}
	total = done
	if progress != nil {
		progress(done, done)
	}
	return nil
}
