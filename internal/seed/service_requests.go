package seed

import (
	"context"
	"time"

	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/migrate"
	sr "github.com/c360crm/c360/ent/servicerequest"
	"github.com/c360crm/c360/internal/codes"
)

var serviceRequestsTable = newTable(sr.Table,
	sr.FieldID, sr.FieldCreatedAt, sr.FieldUpdatedAt, sr.FieldNumber, sr.FieldCustomerID, sr.FieldType,
	sr.FieldCategory, sr.FieldChannel, sr.FieldPriority, sr.FieldTitle, sr.FieldDescription, sr.FieldStatus,
	sr.FieldSLADueAt, sr.FieldAssigneeID, sr.FieldTeamID, sr.FieldSubscriptionID, sr.FieldEscalationLevel,
	sr.FieldResolution, sr.FieldResolvedAt, sr.FieldClosedAt, sr.FieldSatisfaction).keepIndexesOn(sr.FieldCustomerID, sr.FieldTeamID, sr.FieldAssigneeID)

// issue is a kind of work order; categories lists the product categories it concerns
// (empty: the customer in general).
type issue struct {
	typ         sr.Type
	category    string
	title       string
	description string
	resolution  string
	categories  []string
}

var issues = fromChoices(
	choice[issue]{issue{sr.TypeFAULT, "宽带故障", "宽带无法上网", "客户来电反映宽带无法上网，光猫LOS指示灯红色闪烁。", "装维人员上门检查，更换入户皮线光缆后恢复正常。", []string{"BROADBAND", "BUNDLE"}}, 14},
	choice[issue]{issue{sr.TypeFAULT, "宽带故障", "宽带网速慢", "客户反映晚间宽带测速不足签约速率的三成。", "远程调整端口配置并更换WiFi 6路由器，复测速率达标。", []string{"BROADBAND", "BUNDLE"}}, 8},
	choice[issue]{issue{sr.TypeFAULT, "移动网络", "室内手机信号弱", "客户反映家中室内5G信号弱，通话时常中断。", "网络优化人员现场测试后调整邻近基站参数，信号改善。", []string{"MOBILE_PLAN", "BUNDLE"}}, 7},
	choice[issue]{issue{sr.TypeFAULT, "IPTV故障", "IPTV画面卡顿", "客户反映IPTV直播频道画面卡顿、马赛克。", "远程重置机顶盒并升级固件后恢复正常。", []string{"IPTV", "BUNDLE"}}, 4},
	choice[issue]{issue{sr.TypeFAULT, "专线故障", "互联网专线中断", "客户反映互联网专线业务中断，影响办公系统访问。", "定位为光缆被施工挖断，抢修熔接后业务恢复。", []string{"BROADBAND"}}, 3},
	choice[issue]{issue{sr.TypeCOMPLAINT, "服务投诉", "投诉装维人员未按约上门", "客户投诉预约的装维人员未按约定时间上门且未提前告知。", "已致歉并重新预约，装维班组已通报批评。", nil}, 6},
	choice[issue]{issue{sr.TypeCOMPLAINT, "资费投诉", "投诉未经同意开通增值业务", "客户投诉账单中出现未订购的视频彩铃费用。", "核实为营销短信误订购，已退订并退还三个月费用。", nil}, 5},
	choice[issue]{issue{sr.TypeBILLING, "话费争议", "话费账单异常核查", "客户对上月账单金额有异议，要求核查流量使用明细。", "已提供详单并说明计费规则，客户认可。", []string{"MOBILE_PLAN", "BUNDLE"}}, 12},
	choice[issue]{issue{sr.TypeINSTALLATION, "新装", "光纤宽带新装", "客户申请新装光纤宽带，需预约上门安装。", "已完成安装调测，速率达标。", []string{"BROADBAND", "BUNDLE"}}, 10},
	choice[issue]{issue{sr.TypeCHANGE, "套餐变更", "套餐变更申请", "客户申请变更套餐档位，次月生效。", "已完成变更，次月1日生效。", []string{"MOBILE_PLAN", "BUNDLE"}}, 8},
	choice[issue]{issue{sr.TypeCHANGE, "移机", "宽带移机", "客户搬家，申请宽带移机至新地址。", "新地址资源已核实，完成移机。", []string{"BROADBAND", "BUNDLE"}}, 4},
	choice[issue]{issue{sr.TypeCONSULTATION, "业务咨询", "咨询合约到期后的续约优惠", "客户合约即将到期，咨询续约可享受的优惠。", "已发送续约方案，客户选择续约24个月。", nil}, 8},
	choice[issue]{issue{sr.TypeCANCELLATION, "销户", "申请拆机销户", "客户因搬离本地申请拆除宽带并销户。", "已结清费用并完成拆机。", []string{"BROADBAND", "FIXED_LINE"}}, 4},
	choice[issue]{issue{sr.TypeOTHER, "其他", "发票邮寄地址变更", "客户要求变更纸质发票邮寄地址。", "已更新邮寄地址。", nil}, 3},
)

var (
	srPerCustomer = newWeighted([]int{0, 1, 2, 3}, []float64{76, 19, 4, 1}) // ~0.3 on average
	priorities    = fromChoices(
		choice[sr.Priority]{sr.PriorityURGENT, 5}, choice[sr.Priority]{sr.PriorityHIGH, 20},
		choice[sr.Priority]{sr.PriorityMEDIUM, 55}, choice[sr.Priority]{sr.PriorityLOW, 20})
	slaHours   = map[sr.Priority]int{sr.PriorityURGENT: 4, sr.PriorityHIGH: 24, sr.PriorityMEDIUM: 48, sr.PriorityLOW: 72}
	srChannels = fromChoices(
		choice[sr.Channel]{sr.ChannelCALL_CENTER, 55}, choice[sr.Channel]{sr.ChannelAPP, 20},
		choice[sr.Channel]{sr.ChannelBUSINESS_HALL, 15}, choice[sr.Channel]{sr.ChannelWEB, 10})
	satisfaction = newWeighted([]int{1, 2, 3, 4, 5}, []float64{3, 4, 10, 33, 50})
)

// seedServiceRequests writes about 0.3 work orders per customer over the last year: old ones
// mostly closed, recent ones in every state.
func (r *runner) seedServiceRequests(ctx context.Context) error {
	cs, err := r.customerStream(ctx)
	if err != nil {
		return err
	}
	hg, err := r.holdingsGen(ctx)
	if err != nil {
		return err
	}
	ids, err := r.idsFor(ctx, migrate.ServiceRequestsTable)
	if err != nil {
		return err
	}
	w, now := r.w, r.now
	return r.bulkPhase(ctx, "service requests", cs.n, []*table{serviceRequestsTable}, func(s *sink) error {
		rr := newRnd(r.seed, streamService, 0)
		return cs.each(func(c *cust) error {
			rr.reseed(r.seed, streamService, uint64(c.idx))
			n := srPerCustomer.pick(rr)
			h := hg.of(c) // for every customer: the subscription IDs depend on all before
			for k := 0; k < n; k++ {
				row, ok := serviceRequestRow(rr, w, c, h, now, ids)
				if !ok {
					continue
				}
				if err := s.add(serviceRequestsTable, row...); err != nil {
					return err
				}
			}
			s.progress(1)
			return nil
		})
	})
}

// serviceRequestRow draws one work order of c; ok is false when c has nothing it applies to.
func serviceRequestRow(r *rnd, w *world, c *cust, h *holdings, now time.Time, ids *idSeq) (row []any, ok bool) {
	is := issues.pick(r)
	var subID any
	if len(is.categories) > 0 {
		var matches []int64
		for _, s := range h.subs {
			if contains(is.categories, s.prod.category) {
				matches = append(matches, s.id)
			}
		}
		if len(matches) == 0 {
			return nil, false
		}
		subID = pick(r, matches)
	}
	from := c.created
	if y := now.AddDate(-1, 0, 0); from.Before(y) {
		from = y
	}
	to := now
	if c.status == customer.StatusCHURNED {
		to = c.churned
	}
	if !from.Before(to) {
		return nil, false
	}
	created := timeBetween(r, from, to)
	prio := priorities.pick(r)
	if c.org() && prio == sr.PriorityLOW {
		prio = sr.PriorityHIGH
	}
	sla := created.Add(time.Duration(slaHours[prio]) * time.Hour)
	age := now.Sub(created)
	status := sr.StatusCLOSED
	switch x := r.Float64(); {
	case age > 14*day:
		switch {
		case x < 0.05:
			status = sr.StatusCANCELLED
		case x < 0.25:
			status = sr.StatusRESOLVED
		}
	case x < 0.15:
		status = sr.StatusOPEN
	case x < 0.35:
		status = sr.StatusASSIGNED
	case x < 0.55:
		status = sr.StatusIN_PROGRESS
	case x < 0.65:
		status = sr.StatusPENDING_CUSTOMER
	case x < 0.85:
		status = sr.StatusRESOLVED
	}
	var assignee, resolution, resolvedAt, closedAt, sat any
	if status != sr.StatusOPEN {
		assignee = w.agentFor(r, c)
	}
	updated := created
	if status == sr.StatusRESOLVED || status == sr.StatusCLOSED {
		// Most are resolved within the SLA, some late.
		took := time.Duration(float64(sla.Sub(created)) * (0.2 + r.Float64())).Truncate(time.Second)
		res := created.Add(took)
		if res.After(now) {
			res = now
		}
		resolution, resolvedAt, updated = is.resolution, res, res
		if status == sr.StatusCLOSED {
			cl := timeBetween(r, res, minTime(res.Add(72*time.Hour), now))
			closedAt, updated = cl, cl
			if r.chance(0.6) {
				sat = satisfaction.pick(r)
			}
		}
	}
	escalation := 0
	if is.typ == sr.TypeCOMPLAINT && r.chance(0.2) {
		escalation = 1
	}
	return []any{
		ids.take(), created, updated, codes.ServiceRequest(created.In(cst)), c.id, is.typ.String(),
		is.category, srChannels.pick(r).String(), prio.String(), is.title, is.description, status.String(),
		sla, assignee, c.team, subID, escalation,
		resolution, resolvedAt, closedAt, sat,
	}, true
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
