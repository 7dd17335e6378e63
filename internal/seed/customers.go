package seed

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/migrate"
	"github.com/c360crm/c360/internal/codes"
	"github.com/c360crm/c360/internal/validate"
)

var customersTable = newTable(customer.Table,
	customer.FieldID, customer.FieldCreatedAt, customer.FieldUpdatedAt, customer.FieldCode, customer.FieldType,
	customer.FieldName, customer.FieldIDType, customer.FieldIDNumber, customer.FieldGender, customer.FieldBirthday,
	customer.FieldMobile, customer.FieldEmail, customer.FieldProvince, customer.FieldCity, customer.FieldDistrict,
	customer.FieldAddress, customer.FieldIndustry, customer.FieldConsumptionLevel, customer.FieldAcquisitionChannel,
	customer.FieldStatus, customer.FieldMarketingOptOut, customer.FieldAttributes, customer.FieldTags,
	customer.FieldOwnerID, customer.FieldTeamID, customer.FieldPartnerID, customer.FieldParentID,
).keepIndexesOn(customer.FieldTeamID, customer.FieldPartnerID, customer.FieldParentID, customer.FieldMergedIntoID, customer.FieldType, customer.FieldProvince, customer.FieldValueTier)

// seedCustomers writes the customers.
func (r *runner) seedCustomers(ctx context.Context) error {
	seq, err := r.idsFor(ctx, migrate.CustomersTable)
	if err != nil {
		return err
	}
	cs, err := r.customerStream(ctx)
	if err != nil {
		return err
	}
	err = r.bulkPhase(ctx, "customers", cs.n, []*table{customersTable}, func(s *sink) error {
		dr := newRnd(r.seed, streamCustomerDetail, 0)
		ids := residentIDs{}
		return cs.each(func(c *cust) error {
			dr.reseed(r.seed, streamCustomerDetail, uint64(c.idx))
			s.progress(1)
			return s.add(customersTable, customerRow(dr, c, ids, r.now)...)
		})
	})
	if err == nil {
		seq.next = seq.first + cs.n
	}
	return err
}

// residentIDs remembers the resident IDs issued in this run (by their first 17 digits) so
// that no two customers share one: about 16 bytes per person customer.
type residentIDs map[uint64]struct{}

// issue returns a resident ID for region and birthday with a sequence of the right parity
// that no earlier customer of the run holds.
func (ids residentIDs) issue(r *rnd, region string, birthday time.Time, male bool) string {
	seq := r.IntN(500) * 2
	if male {
		seq++
	}
	for k := 0; k < 500; k++ {
		id := residentID(region, birthday, seq)
		key, _ := strconv.ParseUint(id[:17], 10, 64)
		if _, dup := ids[key]; !dup {
			ids[key] = struct{}{}
			return id
		}
		seq = (seq + 2) % 1000
	}
	return residentID(region, birthday, seq) // 500 people born the same day in one district
}

var (
	emailDomains = fromChoices(
		choice[string]{"qq.com", 45}, choice[string]{"163.com", 20}, choice[string]{"126.com", 10},
		choice[string]{"139.com", 8}, choice[string]{"sina.com", 5}, choice[string]{"foxmail.com", 5}, choice[string]{"outlook.com", 7})
	hobbies      = []string{"阅读", "旅游", "摄影", "健身", "跑步", "游泳", "羽毛球", "篮球", "足球", "烹饪", "追剧", "手游", "电竞", "广场舞", "钓鱼", "书法", "音乐", "宠物", "露营", "骑行"}
	incomeBands  = []string{"5万以下", "5-10万", "10-20万", "20-50万", "50万以上"}
	educations   = []string{"高中及以下", "大专", "本科", "硕士", "博士"}
	employeeBand = []string{"1-9人", "10-49人", "50-199人", "200-999人", "1000人以上"}
	revenueBand  = []string{"100万以下", "100-1000万", "1000-5000万", "5000万-1亿", "1亿以上"}
	buildings    = []string{"大厦", "国际中心", "科技园", "商务中心", "广场", "创业园"}
	estates      = []string{"花园", "小区", "公寓", "家园", "新村", "苑"}
)

// customerRow builds the customers row of c; detail fields come from dr.
func customerRow(dr *rnd, c *cust, ids residentIDs, now time.Time) []any {
	var idType, idNumber, gender, birthday, email, attrs, tags any
	if c.typ == customer.TypePUBLIC {
		switch x := dr.Float64(); {
		case x < 0.98:
			idType, idNumber = validate.IDResident, ids.issue(dr, c.d.code, c.birthday, c.male)
		case x < 0.99:
			idType, idNumber = customer.IDTypeHK_MACAO_PERMIT.String(), "H"+strconv.Itoa(10000000+dr.IntN(90000000))
		default:
			idType, idNumber = customer.IDTypePASSPORT.String(), "E"+strconv.Itoa(10000000+dr.IntN(90000000))
		}
		gender = customer.GenderFEMALE.String()
		if c.male {
			gender = customer.GenderMALE.String()
		}
		birthday = c.birthday
	} else {
		idType, idNumber = validate.IDUSCC, uscc(c.usccKind, c.d.code, c.ord)
	}
	if e := customerEmail(dr, c); e != "" {
		email = e
	}
	if a := customerAttributes(dr, c); a != nil {
		attrs = mustJSON(a)
	}
	if t := customerTags(dr, c, now); len(t) > 0 {
		tags = mustJSON(t)
	}
	var industry, partner, parent any
	if c.org() {
		industry = c.industry
	}
	if c.partner != 0 {
		partner = c.partner
	}
	if c.parent != 0 {
		parent = c.parent
	}
	updated := timeBetween(dr, c.created, now)
	return []any{
		c.id, c.created, updated, codes.Customer(c.typ.String(), c.created), c.typ.String(),
		c.name, idType, idNumber, gender, birthday,
		c.mobile, email, c.d.city.province.name, c.d.city.name, c.d.name,
		customerAddress(dr, c), industry, c.level.String(), c.channel.String(),
		c.status.String(), c.optOut, attrs, tags,
		c.owner, c.team, partner, parent,
	}
}

// customerAddress is a street address: road, number and, for homes, building and flat.
func customerAddress(r *rnd, c *cust) string {
	a := pick(r, c.d.city.roads) + strconv.Itoa(r.between(1, 999)) + "号"
	if c.org() {
		if r.chance(0.7) {
			a += pick(r, brands).word + pick(r, buildings) + strconv.Itoa(r.between(1, 32)) + "楼"
		}
		return a
	}
	return a + pick(r, communityStems) + pick(r, estates) + strconv.Itoa(r.between(1, 30)) + "幢" +
		strconv.Itoa(r.between(1, 4)) + "单元" + strconv.Itoa(r.between(1, 28)*100+r.between(1, 4)) + "室"
}

// customerEmail returns an address for about a third of the people and most organisations.
func customerEmail(r *rnd, c *cust) string {
	switch {
	case c.typ == customer.TypePUBLIC && r.chance(0.3):
		return qqNumber(r) + "@" + emailDomains.pick(r)
	case c.typ == customer.TypeBUSINESS && r.chance(0.7):
		return pick(r, []string{"info", "contact", "service", "hr", "admin"}) + "@" + c.d.city.pinyin + c.pinyin + strconv.Itoa(int(c.ord%100)) + ".com.cn"
	case c.typ == customer.TypeGOV_ENTERPRISE && r.chance(0.4):
		return "bgs" + strconv.Itoa(int(c.ord%10000)) + "@" + c.pinyin + ".gov.cn"
	}
	return ""
}

// customerAttributes returns the extended attributes of some customers.
func customerAttributes(r *rnd, c *cust) map[string]any {
	if c.org() {
		if !r.chance(0.5) {
			return nil
		}
		return map[string]any{"employees": pick(r, employeeBand), "annualRevenue": pick(r, revenueBand)}
	}
	if !r.chance(0.4) {
		return nil
	}
	n := r.between(1, 3)
	hs := make([]string, 0, n)
	for len(hs) < n {
		h := pick(r, hobbies)
		if !contains(hs, h) {
			hs = append(hs, h)
		}
	}
	return map[string]any{"hobbies": hs, "incomeBand": pick(r, incomeBands), "education": pick(r, educations)}
}

// customerTags returns the marketing tags of some customers.
func customerTags(r *rnd, c *cust, now time.Time) []string {
	if !r.chance(0.5) {
		return nil
	}
	var tags []string
	switch {
	case c.org():
		tags = append(tags, pick(r, []string{"重点客户", "专线用户", "云业务潜客", "续约关注"}))
		if c.parent != 0 {
			tags = append(tags, "集团成员")
		}
	default:
		age := now.Year() - c.birthday.Year()
		switch {
		case age <= 24:
			tags = append(tags, "学生")
		case age >= 60:
			tags = append(tags, "老年客户")
		}
		tags = append(tags, pick(r, []string{"5G用户", "家庭客户", "流量敏感", "价格敏感", "视频达人", "商旅人士"}))
	}
	if c.level == customer.ConsumptionLevelPREMIUM || c.level == customer.ConsumptionLevelHIGH {
		tags = append(tags, "高价值")
	}
	if c.status == customer.StatusDORMANT {
		tags = append(tags, "沉默唤醒")
	}
	return tags
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// mustJSON encodes v the way ent stores JSON fields (json.Marshal bytes).
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("seed: json: " + err.Error())
	}
	return b
}
