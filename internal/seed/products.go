package seed

import (
	"context"
	"fmt"

	"github.com/c360crm/c360/ent"
	"github.com/c360crm/c360/ent/product"
)

// productSpec is one catalog item. Prices are in fen per billing cycle.
type productSpec struct {
	code, name string
	category   product.Category
	price      int64
	cycle      product.BillingCycle
	status     product.Status
	desc       string
	attrs      map[string]any
	components []string // BUNDLE: component codes
}

func yuan(y int64) int64 { return y * 100 }

// catalog is the demo product catalog (~25 items).
var catalog = []productSpec{
	{code: "5G-CX-59", name: "5G畅享套餐59元", category: product.CategoryMOBILE_PLAN, price: yuan(59),
		desc: "月含国内通用流量30GB、国内通话500分钟，5G网络速率最高500Mbps。", attrs: map[string]any{"network": "5G", "dataGB": 30, "voiceMinutes": 500}},
	{code: "5G-CX-99", name: "5G畅享套餐99元", category: product.CategoryMOBILE_PLAN, price: yuan(99),
		desc: "月含国内通用流量60GB、国内通话1000分钟，赠送来电显示。", attrs: map[string]any{"network": "5G", "dataGB": 60, "voiceMinutes": 1000}},
	{code: "5G-CX-129", name: "5G畅享套餐129元", category: product.CategoryMOBILE_PLAN, price: yuan(129),
		desc: "月含国内通用流量80GB、国内通话1500分钟，5G网络速率最高1Gbps。", attrs: map[string]any{"network": "5G", "dataGB": 80, "voiceMinutes": 1500}},
	{code: "5G-CX-199", name: "5G畅享套餐199元", category: product.CategoryMOBILE_PLAN, price: yuan(199),
		desc: "月含国内通用流量120GB、国内通话2000分钟，含视频彩铃及云盘200GB。", attrs: map[string]any{"network": "5G", "dataGB": 120, "voiceMinutes": 2000}},
	{code: "5G-CX-299", name: "5G畅享套餐299元", category: product.CategoryMOBILE_PLAN, price: yuan(299),
		desc: "月含国内通用流量200GB、国内通话3000分钟，尊享VIP客服通道与机场贵宾厅。", attrs: map[string]any{"network": "5G", "dataGB": 200, "voiceMinutes": 3000}},
	{code: "5G-QC-39", name: "5G青春卡39元", category: product.CategoryMOBILE_PLAN, price: yuan(39),
		desc: "面向18–30岁用户，月含定向流量50GB、通用流量20GB、通话100分钟。", attrs: map[string]any{"network": "5G", "dataGB": 20, "directedDataGB": 50, "voiceMinutes": 100}},
	{code: "4G-LX-19", name: "4G乐享套餐19元", category: product.CategoryMOBILE_PLAN, price: yuan(19),
		desc: "月含国内流量5GB、通话100分钟，适合轻度用户与老人机。", attrs: map[string]any{"network": "4G", "dataGB": 5, "voiceMinutes": 100}},
	{code: "4G-LX-39", name: "4G乐享套餐39元", category: product.CategoryMOBILE_PLAN, price: yuan(39),
		desc: "月含国内流量15GB、通话200分钟。", attrs: map[string]any{"network": "4G", "dataGB": 15, "voiceMinutes": 200}},
	{code: "4G-LX-58", name: "4G乐享套餐58元", category: product.CategoryMOBILE_PLAN, price: yuan(58),
		desc: "月含国内流量30GB、通话500分钟。", attrs: map[string]any{"network": "4G", "dataGB": 30, "voiceMinutes": 500}},
	{code: "4G-FX-8", name: "4G飞享套餐8元（已下架）", category: product.CategoryMOBILE_PLAN, price: yuan(8), status: product.StatusRETIRED,
		desc: "保号套餐，月含来电显示，流量与通话按量计费。2024年起停止新装，存量用户可继续使用。", attrs: map[string]any{"network": "4G", "dataGB": 0, "voiceMinutes": 0}},
	{code: "FTTH-300M", name: "300M光纤宽带", category: product.CategoryBROADBAND, price: yuan(60),
		desc: "FTTH光纤入户，下行300Mbps，含光猫租用，新装免安装调测费。", attrs: map[string]any{"downMbps": 300, "upMbps": 30}},
	{code: "FTTH-500M", name: "500M光纤宽带", category: product.CategoryBROADBAND, price: yuan(80),
		desc: "FTTH光纤入户，下行500Mbps，含WiFi 6路由器一台。", attrs: map[string]any{"downMbps": 500, "upMbps": 50}},
	{code: "FTTH-1000M", name: "1000M光纤宽带", category: product.CategoryBROADBAND, price: yuan(120),
		desc: "千兆光纤入户，下行1000Mbps，含FTTR全屋光网主设备一台。", attrs: map[string]any{"downMbps": 1000, "upMbps": 100}},
	{code: "ZX-100M", name: "互联网专线100M", category: product.CategoryBROADBAND, price: yuan(2800),
		desc: "政企客户上下行对称100Mbps互联网专线，含8个固定公网IPv4地址，SLA可用率99.9%。", attrs: map[string]any{"downMbps": 100, "upMbps": 100, "staticIPs": 8, "sla": "99.9%"}},
	{code: "IPTV-HD", name: "高清IPTV基础包", category: product.CategoryIPTV, price: yuan(20),
		desc: "200余套直播频道，支持7天回看与点播。", attrs: map[string]any{"channels": 200, "resolution": "1080P"}},
	{code: "IPTV-4K", name: "4K超清IPTV", category: product.CategoryIPTV, price: yuan(30),
		desc: "4K超高清频道与影视点播会员，含4K机顶盒。", attrs: map[string]any{"channels": 230, "resolution": "4K"}},
	{code: "GH-HOME", name: "家庭固话", category: product.CategoryFIXED_LINE, price: yuan(15),
		desc: "固定电话月租15元，含本地通话200分钟，来电显示免费。", attrs: map[string]any{"localMinutes": 200}},
	{code: "GH-BIZ", name: "商务固话", category: product.CategoryFIXED_LINE, price: yuan(35),
		desc: "企业固定电话，含国内通话500分钟，支持一号通与总机服务。", attrs: map[string]any{"domesticMinutes": 500}},
	{code: "VAS-CRBT", name: "视频彩铃", category: product.CategoryVALUE_ADDED, price: yuan(5),
		desc: "主叫等待时播放个性化视频彩铃，曲库每月更新。"},
	{code: "VAS-CLOUD", name: "个人云盘200GB", category: product.CategoryVALUE_ADDED, price: yuan(10),
		desc: "200GB云存储空间，手机相册自动备份。", attrs: map[string]any{"storageGB": 200}},
	{code: "VAS-VIDEO", name: "视频会员月包", category: product.CategoryVALUE_ADDED, price: yuan(15),
		desc: "主流视频平台会员权益任选其一，按月自动续订。"},
	{code: "VAS-DATA10", name: "流量加油包10GB", category: product.CategoryVALUE_ADDED, price: yuan(20), cycle: product.BillingCycleONE_TIME,
		desc: "当月有效的国内通用流量10GB，月底自动失效。", attrs: map[string]any{"dataGB": 10}},
	{code: "RH-129", name: "融合套餐129元", category: product.CategoryBUNDLE, price: yuan(129),
		desc: "5G畅享99元套餐+300M宽带+高清IPTV，一个账单全家共享。", components: []string{"5G-CX-99", "FTTH-300M", "IPTV-HD"}},
	{code: "RH-199", name: "融合套餐199元", category: product.CategoryBUNDLE, price: yuan(199),
		desc: "5G畅享129元套餐+500M宽带+4K超清IPTV+家庭固话，可加2张副卡。", components: []string{"5G-CX-129", "FTTH-500M", "IPTV-4K", "GH-HOME"}},
	{code: "RH-299", name: "融合套餐299元", category: product.CategoryBUNDLE, price: yuan(299),
		desc: "5G畅享199元套餐+千兆宽带+4K超清IPTV，可加4张副卡，FTTR全屋光网。", components: []string{"5G-CX-199", "FTTH-1000M", "IPTV-4K"}},
}

// seedProducts ensures the catalog (existing codes are reused) and the bundle components.
func (r *runner) seedProducts(ctx context.Context) error {
	w := r.w
	return r.entPhase(ctx, "products", func(ctx context.Context, c *ent.Client, counts map[string]int) error {
		existing, err := c.Product.Query().All(ctx)
		if err != nil {
			return err
		}
		byCode := map[string]*ent.Product{}
		for _, p := range existing {
			byCode[p.Code] = p
		}
		for _, s := range catalog {
			p, ok := byCode[s.code]
			if !ok {
				cr := c.Product.Create().SetCode(s.code).SetName(s.name).SetCategory(s.category).
					SetPrice(s.price).SetDescription(s.desc)
				if s.cycle != "" {
					cr.SetBillingCycle(s.cycle)
				}
				if s.status != "" {
					cr.SetStatus(s.status)
				}
				if s.attrs != nil {
					cr.SetAttributes(s.attrs)
				}
				ids := make([]int, len(s.components))
				for i, code := range s.components {
					ids[i] = byCode[code].ID // components come earlier in the catalog
				}
				cr.AddComponentIDs(ids...)
				if p, err = cr.Save(ctx); err != nil {
					return fmt.Errorf("product %s: %w", s.code, err)
				}
				byCode[s.code] = p
				counts[product.Table]++
				counts[product.ComponentsTable] += len(ids)
			}
			w.products[s.code] = &productInfo{id: p.ID, code: p.Code, name: p.Name, category: string(p.Category), price: p.Price}
		}
		return nil
	})
}
