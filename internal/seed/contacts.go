package seed

import (
	"context"

	"github.com/c360crm/c360/ent/contact"
	"github.com/c360crm/c360/ent/customer"
	"github.com/c360crm/c360/ent/migrate"
)

var contactsTable = newTable(contact.Table,
	contact.FieldID, contact.FieldCreatedAt, contact.FieldUpdatedAt, contact.FieldCustomerID, contact.FieldChannel,
	contact.FieldDirection, contact.FieldKind, contact.FieldSubject, contact.FieldContent, contact.FieldOutcome,
	contact.FieldAgentID, contact.FieldCampaignTargetID, contact.FieldContactedAt, contact.FieldDurationSeconds).keepIndexesOn(contact.FieldCustomerID, contact.FieldCampaignTargetID)

// topic is a kind of touchpoint: what it is about, how it is usually handled.
type topic struct {
	kind     contact.Kind
	dir      contact.Direction
	subject  string
	content  string // %s-free sentence shown in the timeline
	outcomes []string
	org      bool // for organisations (else people)
}

var topics = []choice[topic]{
	{topic{contact.KindCONSULTATION, contact.DirectionINBOUND, "咨询5G套餐资费", "客户咨询5G套餐档位差异及升档后的流量、通话权益，已逐项说明并发送资费短信。", []string{"已解答", "已发送资费短信", "客户考虑中"}, false}, 10},
	{topic{contact.KindCONSULTATION, contact.DirectionINBOUND, "查询本月话费", "客户对本月话费明细有疑问，已核对套餐外流量与增值业务扣费情况。", []string{"已解答", "已发送账单明细"}, false}, 9},
	{topic{contact.KindCONSULTATION, contact.DirectionINBOUND, "咨询宽带提速", "客户咨询300M宽带升级千兆的费用与是否需要更换光猫，已告知办理方式。", []string{"已解答", "已预约上门", "客户考虑中"}, false}, 6},
	{topic{contact.KindCONSULTATION, contact.DirectionINBOUND, "咨询国际漫游开通", "客户近期出境，咨询国际漫游日套餐及开通方式，已协助开通。", []string{"已办理", "已解答"}, false}, 3},
	{topic{contact.KindCONSULTATION, contact.DirectionINBOUND, "咨询积分兑换", "客户咨询积分余额及可兑换的话费券、流量包，已指导在APP内兑换。", []string{"已解答", "已兑换"}, false}, 4},
	{topic{contact.KindCONSULTATION, contact.DirectionINBOUND, "咨询携号转网", "客户咨询携号转网条件，已说明合约期与欠费核查要求。", []string{"已解答", "已挽留"}, false}, 2},
	{topic{contact.KindCOMPLAINT, contact.DirectionINBOUND, "投诉话费异常", "客户反映本月话费较往月明显偏高，经核查为套餐外流量计费，已解释并申请部分减免。", []string{"已减免", "已解释", "已转工单"}, false}, 4},
	{topic{contact.KindCOMPLAINT, contact.DirectionINBOUND, "投诉宽带网速慢", "客户反映晚高峰宽带网速明显下降，已远程检测线路并派单上门处理。", []string{"已转工单", "已远程修复"}, false}, 3},
	{topic{contact.KindCOMPLAINT, contact.DirectionINBOUND, "投诉营业厅排队时间长", "客户反映营业厅排队超过40分钟，已致歉并反馈至营业厅负责人。", []string{"已致歉", "已反馈"}, false}, 1},
	{topic{contact.KindCOMPLAINT, contact.DirectionINBOUND, "投诉骚扰电话", "客户反映频繁接到推销电话，已开通骚扰拦截并登记号码。", []string{"已开通拦截", "已登记"}, false}, 2},
	{topic{contact.KindSALES, contact.DirectionOUTBOUND, "推荐融合套餐升级", "向客户介绍融合套餐，合并手机与宽带账单每月可节省约30元。", []string{"客户有意向", "客户拒绝", "已办理"}, false}, 5},
	{topic{contact.KindSALES, contact.DirectionOUTBOUND, "推荐千兆宽带", "向客户推荐千兆宽带及FTTR全屋光网，首年享八折优惠。", []string{"客户有意向", "客户拒绝", "已预约上门"}, false}, 4},
	{topic{contact.KindSERVICE, contact.DirectionINBOUND, "宽带故障报修", "客户报修宽带无法上网，光猫LOS灯红，已派单装维人员上门。", []string{"已转工单", "已修复"}, false}, 5},
	{topic{contact.KindSERVICE, contact.DirectionINBOUND, "补换SIM卡", "客户手机卡损坏，已核验身份并补换5G SIM卡。", []string{"已办理"}, false}, 3},
	{topic{contact.KindSERVICE, contact.DirectionINBOUND, "办理停机保号", "客户长期出差，办理停机保号，每月收取保号费5元。", []string{"已办理"}, false}, 1},
	{topic{contact.KindSERVICE, contact.DirectionINBOUND, "变更套餐", "客户申请下月起变更套餐档位，已受理并告知次月生效。", []string{"已办理", "已受理"}, false}, 4},
	{topic{contact.KindSERVICE, contact.DirectionINBOUND, "开具电子发票", "客户申请开具近三个月话费电子发票，已发送至邮箱。", []string{"已办理"}, false}, 3},
	{topic{contact.KindCONSULTATION, contact.DirectionINBOUND, "咨询互联网专线报价", "客户咨询100M互联网专线及固定IP报价，已转客户经理跟进。", []string{"已转客户经理", "已发送报价"}, true}, 6},
	{topic{contact.KindCONSULTATION, contact.DirectionINBOUND, "咨询集团短信业务", "客户咨询企业短信群发资质与资费，已说明报备流程。", []string{"已解答", "已转客户经理"}, true}, 3},
	{topic{contact.KindCOMPLAINT, contact.DirectionINBOUND, "投诉专线中断", "客户反映互联网专线中断约2小时，已启动故障应急流程并致歉。", []string{"已转工单", "已修复", "已致歉"}, true}, 3},
	{topic{contact.KindSALES, contact.DirectionOUTBOUND, "推荐云电脑与企业云盘", "向客户介绍云电脑及企业云盘方案，客户需内部评估。", []string{"客户有意向", "客户考虑中", "客户拒绝"}, true}, 4},
	{topic{contact.KindVISIT, contact.DirectionOUTBOUND, "客户经理上门拜访", "客户经理上门拜访，了解客户信息化需求并回访在用业务满意度。", []string{"已拜访", "有新商机"}, true}, 8},
	{topic{contact.KindVISIT, contact.DirectionOUTBOUND, "专线续约洽谈", "与客户洽谈专线合同续约事宜，客户希望提升带宽并保持原价。", []string{"已拜访", "待报价", "已续约"}, true}, 4},
	{topic{contact.KindSERVICE, contact.DirectionINBOUND, "集团成员号码开户", "为客户新员工批量开通集团成员号码，已完成实名登记。", []string{"已办理"}, true}, 4},
	{topic{contact.KindSERVICE, contact.DirectionINBOUND, "开具增值税专用发票", "客户申请开具上月通信费增值税专用发票，已寄送。", []string{"已办理"}, true}, 4},
}

var (
	personTopics, orgTopics = splitTopics()
	selfServiceChannels     = map[contact.Channel]bool{contact.ChannelAPP: true, contact.ChannelWEB: true, contact.ChannelSMS: true, contact.ChannelEMAIL: true}
	personContactChannels   = fromChoices(
		choice[contact.Channel]{contact.ChannelCALL_CENTER, 40}, choice[contact.Channel]{contact.ChannelBUSINESS_HALL, 20},
		choice[contact.Channel]{contact.ChannelAPP, 18}, choice[contact.Channel]{contact.ChannelWEB, 7},
		choice[contact.Channel]{contact.ChannelSMS, 10}, choice[contact.Channel]{contact.ChannelEMAIL, 2},
		choice[contact.Channel]{contact.ChannelPARTNER, 3})
	orgContactChannels = fromChoices(
		choice[contact.Channel]{contact.ChannelCALL_CENTER, 35}, choice[contact.Channel]{contact.ChannelBUSINESS_HALL, 15},
		choice[contact.Channel]{contact.ChannelEMAIL, 15}, choice[contact.Channel]{contact.ChannelWEB, 10},
		choice[contact.Channel]{contact.ChannelAPP, 5})
	// contactsPerCustomer: 0–8, about 2.9 on average.
	contactsPerCustomer = newWeighted([]int{0, 1, 2, 3, 4, 5, 6, 7, 8}, []float64{15, 20, 20, 15, 10, 8, 5, 4, 3})
)

func splitTopics() (people, orgs weighted[topic]) {
	var p, o []choice[topic]
	for _, t := range topics {
		if t.v.org {
			o = append(o, t)
		} else {
			p = append(p, t)
		}
	}
	// Organisations also pay bills and call about them.
	o = append(o, topics[1], topics[6])
	return fromChoices(p...), fromChoices(o...)
}

// agentFor returns a call-centre agent serving c's city (any agent if the city has none).
func (w *world) agentFor(r *rnd, c *cust) int {
	if list := w.agentsByCity[c.d.city]; len(list) > 0 {
		return pick(r, list)
	}
	return pick(r, w.agents)
}

// seedContacts writes each customer's timeline of touchpoints over the last year.
func (r *runner) seedContacts(ctx context.Context) error {
	cs, err := r.customerStream(ctx)
	if err != nil {
		return err
	}
	ids, err := r.idsFor(ctx, migrate.ContactsTable)
	if err != nil {
		return err
	}
	w, now := r.w, r.now
	return r.bulkPhase(ctx, "contacts", cs.n, []*table{contactsTable}, func(s *sink) error {
		rr := newRnd(r.seed, streamContacts, 0)
		yearAgo := now.AddDate(-1, 0, 0)
		return cs.each(func(c *cust) error {
			rr.reseed(r.seed, streamContacts, uint64(c.idx))
			n := contactsPerCustomer.pick(rr)
			from := c.created
			if from.Before(yearAgo) {
				from = yearAgo
			}
			to := now
			if c.status == customer.StatusCHURNED {
				to = c.churned
			}
			for k := 0; k < n && from.Before(to); k++ {
				var t topic
				var ch contact.Channel
				if c.org() {
					t, ch = orgTopics.pick(rr), orgContactChannels.pick(rr)
				} else {
					t, ch = personTopics.pick(rr), personContactChannels.pick(rr)
				}
				var agent, duration any
				switch {
				case t.kind == contact.KindVISIT:
					ch, agent = contact.ChannelVISIT, c.owner
				case t.kind == contact.KindSALES && c.org():
					ch, agent = contact.ChannelCALL_CENTER, c.owner
				case t.kind == contact.KindSALES && selfServiceChannels[ch]:
					ch = contact.ChannelSMS
				case !selfServiceChannels[ch] && ch != contact.ChannelPARTNER:
					agent = w.agentFor(rr, c)
				}
				if ch == contact.ChannelCALL_CENTER {
					duration = rr.between(45, 900)
				}
				at := officeHours(rr, timeBetween(rr, from, to))
				if at.Before(from) || at.After(to) {
					at = from
				}
				id := ids.take()
				if err := s.add(contactsTable, id, at, at, c.id, ch.String(), t.dir.String(), t.kind.String(),
					t.subject, t.content, pick(rr, t.outcomes), agent, nil, at, duration); err != nil {
					return err
				}
			}
			s.progress(1)
			return nil
		})
	})
}
