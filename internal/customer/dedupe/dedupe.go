// Package dedupe finds customers that are probably the same person or organisation, for a
// person to review and merge (the merge itself is elsewhere).
//
// Three rules make a pair a candidate:
//
//   - SAME_ID: the same document type and number;
//   - NAME_MOBILE: the same normalised name (NormalizeName) and the same mobile;
//   - NAME_ADDRESS: the same normalised name and the same normalised address
//     (NormalizeAddress, after the customer's own province, city and district are stripped
//     from its front) in the same city. Customers without a city or address never match it.
//
// Each rule has a weight (SAME_ID 0.95, NAME_MOBILE 0.85, NAME_ADDRESS 0.7); a pair that
// meets several scores 1 − Π(1 − weight). MERGED customers are never candidates.
//
// ForCustomer checks one customer (new or edited) with indexed lookups; Scan checks the whole
// customer base in bounded memory. Both query with the caller's context, so access rules and
// row scoping apply: a caller only gets pairs of customers it may read.
package dedupe

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/c360crm/c360/authz"
	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
)

// Rule names why two customers may be duplicates.
type Rule string

// The duplicate rules, in the order a Candidate lists them.
const (
	SameID      Rule = "SAME_ID"      // same document type and number
	NameMobile  Rule = "NAME_MOBILE"  // same normalised name and same mobile
	NameAddress Rule = "NAME_ADDRESS" // same normalised name and address in the same city
)

// Weight is the score a rule gives on its own.
func (r Rule) Weight() float64 {
	switch r {
	case SameID:
		return 0.95
	case NameMobile:
		return 0.85
	case NameAddress:
		return 0.7
	}
	return 0
}

// Candidate is a pair of customers that may be duplicates.
type Candidate struct {
	A, B   int     // customer IDs, A < B (A is 0 for an unsaved customer given to ForCustomer)
	Rules  []Rule  // the rules the pair meets, in the order SAME_ID, NAME_MOBILE, NAME_ADDRESS
	Score  float64 // 0..1: 1 − Π(1 − rule weight)
	Reason string  // human-readable (Chinese), with document number and mobile masked
}

// Score combines rule weights: 1 − Π(1 − weight), rounded to 6 decimals.
func Score(rules []Rule) float64 {
	p := 1.0
	for _, r := range rules {
		p *= 1 - r.Weight()
	}
	return math.Round((1-p)*1e6) / 1e6
}

// idTypeLabels are the Chinese names of the document types.
var idTypeLabels = map[customer.IDType]string{
	customer.IDTypeRESIDENT_ID:                   "居民身份证",
	customer.IDTypePASSPORT:                      "护照",
	customer.IDTypeHK_MACAO_PERMIT:               "港澳居民来往内地通行证",
	customer.IDTypeTAIWAN_PERMIT:                 "台湾居民来往大陆通行证",
	customer.IDTypeFOREIGNER_PERMANENT_RESIDENCE: "外国人永久居留身份证",
	customer.IDTypeUNIFIED_SOCIAL_CREDIT_CODE:    "统一社会信用代码",
	customer.IDTypeOTHER:                         "其他证件",
}

// matchFields are the columns the rules read.
var matchFields = []string{
	customer.FieldID, customer.FieldName, customer.FieldIDType, customer.FieldIDNumber,
	customer.FieldMobile, customer.FieldProvince, customer.FieldCity, customer.FieldDistrict,
	customer.FieldAddress,
}

// maxGroup bounds how many customers one shared value (document number, mobile, name and
// address) may pair up: a value shared by more is a placeholder ("00000000000"), not a
// duplicate, and would make O(n²) pairs. ForCustomer reads at most this many per lookup.
const maxGroup = 100

// addressKey is the customer's normalised address with its own province, city and district
// stripped from the front ("浙江省杭州市西湖区文三路100号" and "文三路100号" agree).
func addressKey(cu *ent.Customer) string {
	a := NormalizeAddress(cu.Address)
	for _, p := range []string{cu.Province, cu.City, cu.District} {
		if p = NormalizeAddress(p); p != "" && len(p) < len(a) {
			a = strings.TrimPrefix(a, p)
		}
	}
	return a
}

func idKey(cu *ent.Customer) string {
	if cu.IDType == nil {
		return ""
	}
	n := strings.ToUpper(strings.TrimSpace(cu.IDNumber))
	if n == "" {
		return ""
	}
	return string(*cu.IDType) + "\x00" + n
}

// nameAddressKey is the NAME_ADDRESS key: city, name and address, or "" when one is missing.
func nameAddressKey(cu *ent.Customer) string {
	city, name, addr := normalizeCity(cu.City), NormalizeName(cu.Name), addressKey(cu)
	if city == "" || name == "" || addr == "" {
		return ""
	}
	return city + "\x00" + name + "\x00" + addr
}

// match returns the rules a and b meet, in canonical order.
func match(a, b *ent.Customer) []Rule {
	var rules []Rule
	if k := idKey(a); k != "" && k == idKey(b) {
		rules = append(rules, SameID)
	}
	name := NormalizeName(a.Name)
	if name != "" && name == NormalizeName(b.Name) {
		if m := strings.TrimSpace(a.Mobile); m != "" && m == strings.TrimSpace(b.Mobile) {
			rules = append(rules, NameMobile)
		}
	}
	if k := nameAddressKey(a); k != "" && k == nameAddressKey(b) {
		rules = append(rules, NameAddress)
	}
	return rules
}

// newCandidate builds the candidate for a and b, or returns nil when no rule holds.
func newCandidate(a, b *ent.Customer) *Candidate {
	if a.ID > b.ID {
		a, b = b, a
	}
	rules := match(a, b)
	if len(rules) == 0 {
		return nil
	}
	reasons := make([]string, len(rules))
	for i, r := range rules {
		switch r {
		case SameID:
			reasons[i] = fmt.Sprintf("证件号码相同 (%s %s)", idTypeLabels[*a.IDType], authz.MaskIDNumber(strings.TrimSpace(a.IDNumber)))
		case NameMobile:
			reasons[i] = fmt.Sprintf("姓名和手机号码相同 (%s, %s)", strings.TrimSpace(a.Name), authz.MaskMobile(strings.TrimSpace(a.Mobile)))
		case NameAddress:
			reasons[i] = fmt.Sprintf("姓名相同且同城地址相同 (%s, %s)", strings.TrimSpace(a.Name), strings.TrimSpace(a.City))
		}
	}
	return &Candidate{A: a.ID, B: b.ID, Rules: rules, Score: Score(rules), Reason: strings.Join(reasons, "；")}
}

// sortCandidates orders by score (highest first), then A, then B.
func sortCandidates(cs []Candidate) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].Score != cs[j].Score {
			return cs[i].Score > cs[j].Score
		}
		if cs[i].A != cs[j].A {
			return cs[i].A < cs[j].A
		}
		return cs[i].B < cs[j].B
	})
}

// ForCustomer returns the candidates pairing cu (a new, possibly unsaved, or an edited
// customer) with the customers it may duplicate, best first. It uses indexed lookups only:
// by document type and number, by mobile, and by name within cu's city (the stored name
// must equal cu's name as given, trimmed or normalised; Scan also catches the spellings that
// only agree once normalised); every row found is checked against all rules in Go. cu itself
// and MERGED customers are left out.
func ForCustomer(ctx context.Context, c *ent.Client, cu *ent.Customer) ([]Candidate, error) {
	base := func() *ent.CustomerQuery {
		q := c.Customer.Query().Where(customer.StatusNEQ(customer.StatusMERGED))
		if cu.ID != 0 {
			q = q.Where(customer.IDNEQ(cu.ID))
		}
		return q.Limit(maxGroup)
	}
	var queries []*ent.CustomerQuery
	if idKey(cu) != "" {
		n := strings.TrimSpace(cu.IDNumber)
		queries = append(queries, base().Where(customer.IDTypeEQ(*cu.IDType),
			customer.IDNumberIn(uniq(n, strings.ToUpper(n), strings.ToLower(n))...)))
	}
	if m := strings.TrimSpace(cu.Mobile); m != "" {
		queries = append(queries, base().Where(customer.MobileEQ(m)))
	}
	if nameAddressKey(cu) != "" {
		n := strings.TrimSpace(cu.Name)
		queries = append(queries, base().Where(customer.CityEQ(strings.TrimSpace(cu.City)),
			customer.NameIn(uniq(cu.Name, n, NormalizeName(n))...)))
	}
	seen := map[int]bool{}
	var out []Candidate
	for _, q := range queries {
		rows, err := q.Select(matchFields...).All(ctx)
		if err != nil {
			return nil, fmt.Errorf("dedupe: look up candidates: %w", err)
		}
		for _, o := range rows {
			if seen[o.ID] {
				continue
			}
			seen[o.ID] = true
			if cand := newCandidate(cu, o); cand != nil {
				out = append(out, *cand)
			}
		}
	}
	sortCandidates(out)
	return out, nil
}

func uniq(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		dup := s == ""
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}
