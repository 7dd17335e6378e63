package seed

import (
	"context"
	"time"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/campaign"
	"github.com/c360crm/c360/ent/campaigncost"
	"github.com/c360crm/c360/ent/campaigntarget"
	"github.com/c360crm/c360/ent/contact"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/customergroup"
	"github.com/c360crm/c360/ent/migrate"
)

var campaignTargetsTable = newTable(campaigntarget.Table,
	campaigntarget.FieldID, campaigntarget.FieldCreatedAt, campaigntarget.FieldUpdatedAt, campaigntarget.FieldCampaignID,
	campaigntarget.FieldCustomerID, campaigntarget.FieldAssigneeID, campaigntarget.FieldPartnerID, campaigntarget.FieldChannel,
	campaigntarget.FieldStatus, campaigntarget.FieldControlGroup, campaigntarget.FieldContactedAt,
	campaigntarget.FieldRespondedAt, campaigntarget.FieldConvertedAt, campaigntarget.FieldRevenue, campaigntarget.FieldNote).keepIndexesOn(campaigntarget.FieldCreatedAt, campaigntarget.FieldCampaignID, campaigntarget.FieldCustomerID, campaigntarget.FieldAssigneeID, campaigntarget.FieldPartnerID)

// campaignSpec is a demo campaign. Dates are days relative to today.
type campaignSpec struct {
	code, name, objective string
	status                campaign.Status
	channels              []contact.Channel
	offer                 string // product code
	segment               string // group name
	budgetYuan            int64
	startDay, endDay      int
	rate                  float64 // share of the segment targeted (static segments: all)
	limit                 int     // at most this many targets
	costs                 []costSpec

	id int // set by the campaigns phase (0: the campaign existed already)
}

type costSpec struct {
	channel, desc string
	yuan          int64
}

var campaignSpecs = []*campaignSpec{
	{code: "CMP-2026-5G-UP", name: "5G套餐升档季", status: campaign.StatusRUNNING,
		objective: "面向中档消费的在网公众客户推广5G畅享129元套餐，目标升档转化率6%。",
		channels:  []contact.Channel{contact.ChannelCALL_CENTER, contact.ChannelSMS}, offer: "5G-CX-129",
		segment: "中档消费活跃公众客户", budgetYuan: 300000, startDay: -20, endDay: 40, rate: 0.05, limit: 20000,
		costs: []costSpec{{"SMS", "营销短信群发费用", 18000}, {"CALL_CENTER", "外呼坐席人力成本", 52000}}},
	{code: "CMP-2026-GIGA", name: "千兆宽带普及行动", status: campaign.StatusCOMPLETED,
		objective: "推动浙江省公众客户宽带升级千兆，提升家庭宽带ARPU。",
		channels:  []contact.Channel{contact.ChannelCALL_CENTER, contact.ChannelBUSINESS_HALL}, offer: "FTTH-1000M",
		segment: "浙江省公众客户", budgetYuan: 500000, startDay: -200, endDay: -110, rate: 0.06, limit: 20000,
		costs: []costSpec{{"CALL_CENTER", "外呼坐席人力成本", 160000}, {"BUSINESS_HALL", "营业厅宣传物料", 45000}, {"", "FTTR设备补贴", 210000}}},
	{code: "CMP-2026-RH", name: "融合套餐家庭计划", status: campaign.StatusRUNNING,
		objective: "双十一期间向意向客户推荐融合套餐199元，合并手机与宽带账单。",
		channels:  []contact.Channel{contact.ChannelSMS, contact.ChannelCALL_CENTER, contact.ChannelPARTNER}, offer: "RH-199",
		segment: "2026年双十一融合套餐意向客户", budgetYuan: 200000, startDay: -45, endDay: 15, rate: 1, limit: 20000,
		costs: []costSpec{{"SMS", "营销短信群发费用", 8000}, {"PARTNER", "代理商营销酬金", 36000}}},
	{code: "CMP-2027-ZX", name: "政企专线春季营销", status: campaign.StatusDRAFT,
		objective: "客户经理上门拜访杭州重点政企客户，推广互联网专线扩容。",
		channels:  []contact.Channel{contact.ChannelVISIT}, offer: "ZX-100M",
		segment: "杭州市重点政企客户", budgetYuan: 150000, startDay: 30, endDay: 120, rate: 1, limit: 20000},
	{code: "CMP-2026-CARE", name: "沉默客户唤醒关怀", status: campaign.StatusCOMPLETED,
		objective: "向高价值沉默客户赠送流量加油包，唤醒使用并降低离网率。",
		channels:  []contact.Channel{contact.ChannelSMS, contact.ChannelCALL_CENTER}, offer: "VAS-DATA10",
		segment: "高价值沉默客户唤醒名单", budgetYuan: 80000, startDay: -120, endDay: -60, rate: 1, limit: 20000,
		costs: []costSpec{{"SMS", "关怀短信费用", 3000}, {"", "流量包赠送成本", 41000}}},
}

// dayAt returns today + days, at 09:00 CST, in UTC.
func dayAt(now time.Time, days int) time.Time {
	t := now.In(cst).AddDate(0, 0, days)
	return time.Date(t.Year(), t.Month(), t.Day(), 9, 0, 0, 0, cst).UTC()
}

// seedCampaigns writes the campaigns (existing codes are kept) with their costs, then, in a
// phase of its own, the targets of the new running and completed ones and the contacts that
// reached them.
func (r *runner) seedCampaigns(ctx context.Context) error {
	w, now := r.w, r.now
	specs := campaignSpecs
	err := r.entPhase(ctx, "campaigns", func(ctx context.Context, c *ent.Client, counts map[string]int) error {
		for _, s := range specs {
			s.id = 0
			exists, err := c.Campaign.Query().Where(campaign.Code(s.code)).Exist(ctx)
			if err != nil {
				return err
			}
			if exists {
				continue
			}
			start, end := dayAt(now, s.startDay), dayAt(now, s.endDay)
			channels := make([]string, len(s.channels))
			for i, ch := range s.channels {
				channels[i] = ch.String()
			}
			var actual int64
			for _, k := range s.costs {
				actual += yuan(k.yuan)
			}
			cr := c.Campaign.Create().
				SetCode(s.code).SetName(s.name).SetObjective(s.objective).SetStatus(s.status).SetChannels(channels).
				SetBudget(yuan(s.budgetYuan)).SetEstimatedCost(yuan(s.budgetYuan) * 9 / 10).SetActualCost(actual).
				SetStartAt(start).SetEndAt(end).SetHoldoutPercent(10).SetContactCapDays(30).
				SetForecast(map[string]any{"expectedResponseRate": 0.12, "expectedConversionRate": 0.06}).
				SetOfferID(w.product(s.offer).id).SetOwnerID(w.planner).
				SetCreatedAt(start.AddDate(0, 0, -14)).SetUpdatedAt(minTime(now, end))
			for _, g := range w.groups {
				if g.name == s.segment && g.id != 0 {
					cr.SetSegmentID(g.id)
				}
			}
			if s.status != campaign.StatusDRAFT {
				cr.SetApproverID(w.manager).SetApprovedAt(start.AddDate(0, 0, -3)).SetLaunchedAt(start)
			}
			created, err := cr.Save(ctx)
			if err != nil {
				return err
			}
			counts[campaign.Table]++
			for i, k := range s.costs {
				cc := c.CampaignCost.Create().SetCampaignID(created.ID).SetDescription(k.desc).SetAmount(yuan(k.yuan)).
					SetIncurredAt(start.AddDate(0, 0, 7*(i+1))).SetRecordedByID(w.planner)
				if k.channel != "" {
					cc.SetChannel(k.channel)
				}
				if err := cc.Exec(ctx); err != nil {
					return err
				}
				counts[campaigncost.Table]++
			}
			s.id = created.ID
		}
		return nil
	})
	if err != nil {
		return err
	}
	return r.seedCampaignTargets(ctx, specs)
}

var (
	runningOutcomes = newWeighted(
		[]campaigntarget.Status{campaigntarget.StatusPENDING, campaigntarget.StatusCONTACTED, campaigntarget.StatusRESPONDED, campaigntarget.StatusCONVERTED, campaigntarget.StatusDECLINED},
		[]float64{40, 30, 12, 8, 10})
	completedOutcomes = newWeighted(
		[]campaigntarget.Status{campaigntarget.StatusCONTACTED, campaigntarget.StatusRESPONDED, campaigntarget.StatusCONVERTED, campaigntarget.StatusDECLINED},
		[]float64{45, 15, 12, 28})
	targetNotes = []string{"客户表示考虑后回复", "客户对资费有顾虑", "已发送办理链接", "客户要求下月再联系", "客户已到营业厅办理"}
)

// seedCampaignTargets writes the targets of the new running and completed campaigns: a share
// of their segment's customers who accept marketing, 10% of them held out as a control group,
// the others at some stage of the funnel, with a contact for each one reached.
func (r *runner) seedCampaignTargets(ctx context.Context, specs []*campaignSpec) error {
	w, now := r.w, r.now
	segments := map[*campaignSpec]*groupSpec{}
	groupIndex := map[*groupSpec]int{}
	for i, g := range w.groups {
		groupIndex[g] = i
	}
	for _, s := range specs {
		if s.id == 0 || (s.status != campaign.StatusRUNNING && s.status != campaign.StatusCOMPLETED) {
			continue
		}
		for _, g := range w.groups {
			if g.name == s.segment {
				segments[s] = g
			}
		}
	}
	cs, err := r.customerStream(ctx)
	if err != nil {
		return err
	}
	targetIDs, err := r.idsFor(ctx, migrate.CampaignTargetsTable)
	if err != nil {
		return err
	}
	contactIDs, err := r.idsFor(ctx, migrate.ContactsTable)
	if err != nil {
		return err
	}
	tables := []*table{campaignTargetsTable, contactsTable}
	return r.bulkPhase(ctx, "campaign targets", cs.n, tables, func(s *sink) error {
		picker := newGroupPicker(r.seed, now, w.groups)
		rr := newRnd(r.seed, streamCampaigns, 0)
		counts := map[*campaignSpec]int{}
		staticOf := make([]bool, len(w.groups))
		return cs.each(func(c *cust) error {
			s.progress(1)
			for i := range staticOf {
				staticOf[i] = false
			}
			if err := picker.members(c, func(g int) error { staticOf[g] = true; return nil }); err != nil {
				return err
			}
			if c.optOut || c.status == customer.StatusCHURNED {
				return nil
			}
			rr.reseed(r.seed, streamCampaigns, uint64(c.idx))
			for _, spec := range specs {
				g := segments[spec]
				pick := rr.Float64() // drawn for every campaign: decisions do not shift
				if g == nil || counts[spec] >= spec.limit || pick >= spec.rate {
					continue
				}
				if in := staticOf[groupIndex[g]] || (g.kind == customergroup.KindDYNAMIC && g.match(c, now)); !in {
					continue
				}
				counts[spec]++
				if err := addTarget(s, rr, w, c, spec, now, targetIDs.take(), contactIDs); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// addTarget emits one campaign target and, if it was reached, its contact.
func addTarget(s *sink, r *rnd, w *world, c *cust, spec *campaignSpec, now time.Time, id int64, contactIDs *idSeq) error {
	start, end := dayAt(now, spec.startDay), minTime(dayAt(now, spec.endDay), now)
	control := r.chance(0.1)
	status := campaigntarget.StatusPENDING
	switch {
	case control:
	case spec.status == campaign.StatusRUNNING:
		status = runningOutcomes.pick(r)
	default:
		status = completedOutcomes.pick(r)
	}
	ch := pick(r, spec.channels)
	var assignee, partner any
	switch ch {
	case contact.ChannelCALL_CENTER:
		assignee = w.agentFor(r, c)
	case contact.ChannelVISIT, contact.ChannelBUSINESS_HALL:
		assignee = c.owner
	case contact.ChannelPARTNER:
		if c.partner != 0 {
			partner = c.partner
		} else {
			partner = pick(r, w.partners).id
		}
	}
	var contactedAt, respondedAt, convertedAt, note any
	var revenue int64
	updated := start
	if status != campaigntarget.StatusPENDING {
		at := officeHours(r, timeBetween(r, start, end))
		if at.After(now) {
			at = now
		}
		contactedAt, updated = at, at
		if status == campaigntarget.StatusRESPONDED || status == campaigntarget.StatusCONVERTED {
			resp := minTime(at.Add(time.Duration(r.between(1, 72))*time.Hour), now)
			respondedAt, updated = resp, resp
			if status == campaigntarget.StatusCONVERTED {
				conv := minTime(resp.Add(time.Duration(r.between(1, 120))*time.Hour), now)
				convertedAt, updated = conv, conv
				revenue = w.product(spec.offer).price * 12
			}
		}
		if r.chance(0.3) {
			note = pick(r, targetNotes)
		}
	}
	if err := s.add(campaignTargetsTable, id, start, updated, spec.id, c.id, assignee, partner, ch.String(),
		status.String(), control, contactedAt, respondedAt, convertedAt, revenue, note); err != nil {
		return err
	}
	if contactedAt == nil {
		return nil
	}
	kind, subject, outcome := contact.KindSALES, "【"+spec.name+"】营销触达", "已介绍活动"
	switch status {
	case campaigntarget.StatusRESPONDED:
		kind, subject, outcome = contact.KindCAMPAIGN_RESPONSE, "【"+spec.name+"】客户回应", "客户有意向"
	case campaigntarget.StatusCONVERTED:
		kind, subject, outcome = contact.KindCAMPAIGN_RESPONSE, "【"+spec.name+"】客户回应", "已办理"
	case campaigntarget.StatusDECLINED:
		outcome = "客户拒绝"
	}
	var agent any
	if a, ok := assignee.(int); ok {
		agent = a
	}
	at := contactedAt.(time.Time)
	return s.add(contactsTable, contactIDs.take(), at, at, c.id, ch.String(), contact.DirectionOUTBOUND.String(),
		kind.String(), subject, spec.objective, outcome, agent, id, at, nil)
}
