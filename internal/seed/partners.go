package seed

import (
	"context"
	"fmt"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/partner"
)

// partnerSpec is a channel partner; province "" means nationwide.
type partnerSpec struct {
	code, name, contact, province string
}

var partnerSpecs = []partnerSpec{
	{"PTN-ZJ-LIANXIN", "浙江联信通讯器材有限公司", "郑建国", "浙江省"},
	{"PTN-GD-HENGTONG", "广州市恒通通信服务有限公司", "梁志强", "广东省"},
	{"PTN-JS-RUIFENG", "江苏瑞丰信息技术有限公司", "顾晓东", "江苏省"},
	{"PTN-SC-TIANCHENG", "四川天成电讯有限公司", "罗丹", "四川省"},
	{"PTN-CN-YOUPIN", "优品数码连锁股份有限公司", "陈思远", ""},
}

// seedPartners ensures the channel partners (by code).
func (r *runner) seedPartners(ctx context.Context) error {
	w := r.w
	return r.entPhase(ctx, "partners", func(ctx context.Context, c *ent.Client, counts map[string]int) error {
		existing, err := c.Partner.Query().Select(partner.FieldID, partner.FieldCode).All(ctx)
		if err != nil {
			return err
		}
		byCode := map[string]int{}
		for _, p := range existing {
			byCode[p.Code] = p.ID
		}
		for i, s := range partnerSpecs {
			id, ok := byCode[s.code]
			if !ok {
				p, err := c.Partner.Create().SetCode(s.code).SetName(s.name).SetContactName(s.contact).
					SetContactMobile(staffMobile(uint64(i))).
					SetScopes([]string{"customers:read", "campaign_targets:read", "campaign_targets:write"}).
					Save(ctx)
				if err != nil {
					return fmt.Errorf("partner %s: %w", s.code, err)
				}
				id = p.ID
				counts[partner.Table]++
			}
			info := partnerInfo{id: id}
			for _, p := range w.geo.provinces {
				if p.name == s.province {
					info.province = p
					w.partnersByProvince[p] = append(w.partnersByProvince[p], id)
				}
			}
			w.partners = append(w.partners, info)
		}
		return nil
	})
}
