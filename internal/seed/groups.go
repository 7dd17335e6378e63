package seed

import (
	"context"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/customergroup"
)

// groupSpec is a customer segment. STATIC groups list members picked by match (at rate, up
// to limit members); DYNAMIC groups save criteria in the CustomerWhereInput language, and
// match mirrors them for the campaigns that target the group.
type groupSpec struct {
	name, desc string
	kind       customergroup.Kind
	criteria   func(now time.Time) map[string]any // DYNAMIC
	match      func(c *cust, now time.Time) bool
	rate       float64 // STATIC: share of matching customers picked
	limit      int     // STATIC: at most this many members
	id         int     // set by the groups phase (0: the group existed already)
}

func active(c *cust) bool { return c.status == customer.StatusACTIVE }

func highValue(c *cust) bool {
	return c.level == customer.ConsumptionLevelHIGH || c.level == customer.ConsumptionLevelPREMIUM
}

// yearAgo is the start of the "new customers" window.
func yearAgo(now time.Time) time.Time {
	t := now.In(cst).AddDate(-1, 0, 0)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, cst).UTC()
}

// groupSpecs lists the demo segments.
func groupSpecs() []*groupSpec {
	return []*groupSpec{
		{name: "2026年双十一融合套餐意向客户", desc: "双十一预热期间在APP浏览融合套餐页面或参与预约的客户。", kind: customergroup.KindSTATIC,
			match: func(c *cust, _ time.Time) bool {
				return c.typ == customer.TypePUBLIC && active(c) && c.level != customer.ConsumptionLevelLOW
			}, rate: 0.05, limit: 2000},
		{name: "杭州市重点政企客户", desc: "杭州市高消费商务与政企客户，由客户经理重点维系。", kind: customergroup.KindSTATIC,
			match: func(c *cust, _ time.Time) bool { return c.org() && c.d.city.name == "杭州市" && highValue(c) },
			rate:  1, limit: 2000},
		{name: "高价值沉默客户唤醒名单", desc: "近期使用量明显下降的高消费客户，纳入关怀唤醒计划。", kind: customergroup.KindSTATIC,
			match: func(c *cust, _ time.Time) bool { return c.status == customer.StatusDORMANT && highValue(c) },
			rate:  1, limit: 2000},
		{name: "浙江省公众客户", desc: "浙江省全部公众客户。", kind: customergroup.KindDYNAMIC,
			criteria: func(time.Time) map[string]any { return map[string]any{"province": "浙江省", "type": "PUBLIC"} },
			match: func(c *cust, _ time.Time) bool {
				return c.typ == customer.TypePUBLIC && c.d.city.province.name == "浙江省"
			}},
		{name: "深圳市商务客户", desc: "深圳市全部商务客户。", kind: customergroup.KindDYNAMIC,
			criteria: func(time.Time) map[string]any { return map[string]any{"city": "深圳市", "type": "BUSINESS"} },
			match:    func(c *cust, _ time.Time) bool { return c.typ == customer.TypeBUSINESS && c.d.city.name == "深圳市" }},
		{name: "中档消费活跃公众客户", desc: "消费等级为中档的在网公众客户，5G升档营销的主要对象。", kind: customergroup.KindDYNAMIC,
			criteria: func(time.Time) map[string]any {
				return map[string]any{"type": "PUBLIC", "status": "ACTIVE", "consumptionLevel": "MEDIUM"}
			},
			match: func(c *cust, _ time.Time) bool {
				return c.typ == customer.TypePUBLIC && active(c) && c.level == customer.ConsumptionLevelMEDIUM
			}},
		{name: "高消费活跃客户", desc: "消费等级为高或尊享的在网客户。", kind: customergroup.KindDYNAMIC,
			criteria: func(time.Time) map[string]any {
				return map[string]any{"consumptionLevelIn": []string{"HIGH", "PREMIUM"}, "status": "ACTIVE"}
			},
			match: func(c *cust, _ time.Time) bool { return active(c) && highValue(c) }},
		{name: "近一年新入网客户", desc: "过去12个月内入网的客户。", kind: customergroup.KindDYNAMIC,
			criteria: func(now time.Time) map[string]any {
				return map[string]any{"createdAtGTE": yearAgo(now).Format(time.RFC3339)}
			},
			match: func(c *cust, now time.Time) bool { return !c.created.Before(yearAgo(now)) }},
	}
}

// groupPicker decides static membership customer by customer; it draws from its own stream
// so that the campaigns phase can repeat the decisions.
type groupPicker struct {
	seed   int64
	now    time.Time
	groups []*groupSpec
	r      *rnd
	counts []int
}

func newGroupPicker(seed int64, now time.Time, groups []*groupSpec) *groupPicker {
	return &groupPicker{seed: seed, now: now, groups: groups, r: newRnd(seed, streamGroups, 0), counts: make([]int, len(groups))}
}

// members calls fn with the index of each static group c belongs to.
func (p *groupPicker) members(c *cust, fn func(g int) error) error {
	p.r.reseed(p.seed, streamGroups, uint64(c.idx))
	for i, g := range p.groups {
		if g.kind != customergroup.KindSTATIC {
			continue
		}
		pick := p.r.chance(g.rate) // drawn for every group: decisions do not shift
		if pick && p.counts[i] < g.limit && g.match(c, p.now) {
			p.counts[i]++
			if err := fn(i); err != nil {
				return err
			}
		}
	}
	return nil
}

var groupMembersTable = newTable(customergroup.MembersTable, customergroup.MembersPrimaryKey[0], customergroup.MembersPrimaryKey[1])

// seedGroups writes the segments (existing names are kept) and then, in a phase of their own,
// the members of the new static ones.
func (r *runner) seedGroups(ctx context.Context) error {
	groups := groupSpecs()
	r.w.groups = groups
	err := r.entPhase(ctx, "groups", func(ctx context.Context, c *ent.Client, counts map[string]int) error {
		for _, g := range groups {
			exists, err := c.CustomerGroup.Query().Where(customergroup.Name(g.name)).Exist(ctx)
			if err != nil {
				return err
			}
			if exists {
				continue
			}
			cr := c.CustomerGroup.Create().SetName(g.name).SetDescription(g.desc).SetKind(g.kind).SetOwnerID(r.w.planner)
			if g.criteria != nil {
				cr.SetCriteria(g.criteria(r.now))
			}
			created, err := cr.Save(ctx)
			if err != nil {
				return err
			}
			g.id = created.ID
			counts[customergroup.Table]++
		}
		return nil
	})
	if err != nil {
		return err
	}
	cs, err := r.customerStream(ctx)
	if err != nil {
		return err
	}
	return r.bulkPhase(ctx, "group members", cs.n, []*table{groupMembersTable}, func(s *sink) error {
		p := newGroupPicker(r.seed, r.now, groups)
		return cs.each(func(c *cust) error {
			err := p.members(c, func(g int) error {
				if groups[g].id == 0 {
					return nil
				}
				return s.add(groupMembersTable, groups[g].id, c.id)
			})
			s.progress(1)
			return err
		})
	})
}
