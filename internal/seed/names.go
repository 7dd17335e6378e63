package seed

import (
	"strconv"
	"strings"
)

// Chinese personal and organisation names.

// surnames with their approximate share of the population (per cent, 2020 census order).
var surnames = fromChoices(
	choice[string]{"王", 7.12}, choice[string]{"李", 7.00}, choice[string]{"张", 6.74}, choice[string]{"刘", 5.10},
	choice[string]{"陈", 4.61}, choice[string]{"杨", 3.22}, choice[string]{"黄", 2.45}, choice[string]{"赵", 2.19},
	choice[string]{"吴", 2.00}, choice[string]{"周", 1.95}, choice[string]{"徐", 1.45}, choice[string]{"孙", 1.38},
	choice[string]{"马", 1.29}, choice[string]{"朱", 1.26}, choice[string]{"胡", 1.16}, choice[string]{"郭", 1.13},
	choice[string]{"何", 1.06}, choice[string]{"林", 1.02}, choice[string]{"高", 1.00}, choice[string]{"罗", 0.95},
	choice[string]{"郑", 0.87}, choice[string]{"梁", 0.83}, choice[string]{"谢", 0.76}, choice[string]{"宋", 0.70},
	choice[string]{"唐", 0.69}, choice[string]{"许", 0.66}, choice[string]{"韩", 0.65}, choice[string]{"冯", 0.63},
	choice[string]{"邓", 0.62}, choice[string]{"曹", 0.61}, choice[string]{"彭", 0.59}, choice[string]{"曾", 0.57},
	choice[string]{"肖", 0.56}, choice[string]{"田", 0.53}, choice[string]{"董", 0.53}, choice[string]{"潘", 0.52},
	choice[string]{"袁", 0.50}, choice[string]{"蔡", 0.49}, choice[string]{"蒋", 0.48}, choice[string]{"余", 0.48},
	choice[string]{"于", 0.47}, choice[string]{"杜", 0.46}, choice[string]{"叶", 0.45}, choice[string]{"程", 0.44},
	choice[string]{"魏", 0.43}, choice[string]{"苏", 0.42}, choice[string]{"吕", 0.41}, choice[string]{"丁", 0.41},
	choice[string]{"任", 0.40}, choice[string]{"卢", 0.39}, choice[string]{"姚", 0.38}, choice[string]{"沈", 0.37},
	choice[string]{"钟", 0.36}, choice[string]{"姜", 0.35}, choice[string]{"崔", 0.34}, choice[string]{"谭", 0.33},
	choice[string]{"陆", 0.32}, choice[string]{"范", 0.31}, choice[string]{"汪", 0.30}, choice[string]{"廖", 0.29},
	choice[string]{"石", 0.28}, choice[string]{"金", 0.27}, choice[string]{"韦", 0.26}, choice[string]{"贾", 0.25},
	choice[string]{"夏", 0.24}, choice[string]{"付", 0.23}, choice[string]{"方", 0.22}, choice[string]{"邹", 0.21},
	choice[string]{"熊", 0.20}, choice[string]{"白", 0.19}, choice[string]{"孟", 0.18}, choice[string]{"秦", 0.17},
	choice[string]{"邱", 0.16}, choice[string]{"侯", 0.15}, choice[string]{"江", 0.14}, choice[string]{"尹", 0.13},
	choice[string]{"薛", 0.12}, choice[string]{"闫", 0.12}, choice[string]{"段", 0.11}, choice[string]{"雷", 0.11},
	choice[string]{"龙", 0.10}, choice[string]{"黎", 0.10}, choice[string]{"史", 0.10}, choice[string]{"陶", 0.09},
	choice[string]{"贺", 0.09}, choice[string]{"毛", 0.08}, choice[string]{"郝", 0.08}, choice[string]{"顾", 0.08},
	choice[string]{"龚", 0.07}, choice[string]{"邵", 0.07}, choice[string]{"万", 0.07}, choice[string]{"覃", 0.06},
	choice[string]{"武", 0.06}, choice[string]{"钱", 0.06}, choice[string]{"戴", 0.06}, choice[string]{"严", 0.06},
	choice[string]{"欧阳", 0.03}, choice[string]{"上官", 0.01}, choice[string]{"司马", 0.01}, choice[string]{"诸葛", 0.005},
)

// Characters of given names: typically male, typically female, and either.
var (
	maleChars    = []rune("伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林洋文博晨翔志建国峰海东亮成康明轩睿哲昊然")
	femaleChars  = []rune("芳娜敏静丽艳娟霞燕玲婷雪琳颖慧倩莉萍红梅晶欣怡洁佳蕾璐瑶悦薇雯琪彤萱妍诗梦嘉雨思涵萌琴")
	neutralChars = []rune("子一晓春秋玉云小亚丹清安乐心言文宜")
)

// personName draws a Chinese name for the given gender: a surname and one or two characters.
func personName(r *rnd, male bool) string {
	var b strings.Builder
	b.WriteString(surnames.pick(r))
	n := 2
	if r.chance(0.3) {
		n = 1
	}
	for i := 0; i < n; i++ {
		chars := femaleChars
		if male {
			chars = maleChars
		}
		if i == 0 && n == 2 && r.chance(0.25) {
			chars = neutralChars
		}
		b.WriteRune(pick(r, chars))
	}
	return b.String()
}

// brand is a trade-name word and its pinyin (for e-mail domains).
type brand struct{ word, pinyin string }

var brands = []brand{
	{"明远", "mingyuan"}, {"华创", "huachuang"}, {"联信", "lianxin"}, {"恒通", "hengtong"}, {"瑞丰", "ruifeng"},
	{"鼎盛", "dingsheng"}, {"天成", "tiancheng"}, {"博睿", "borui"}, {"新锐", "xinrui"}, {"诚达", "chengda"},
	{"嘉禾", "jiahe"}, {"启航", "qihang"}, {"众合", "zhonghe"}, {"远景", "yuanjing"}, {"海纳", "haina"},
	{"宏图", "hongtu"}, {"金穗", "jinsui"}, {"优品", "youpin"}, {"睿智", "ruizhi"}, {"云帆", "yunfan"},
	{"立信", "lixin"}, {"万通", "wantong"}, {"星辰", "xingchen"}, {"鸿运", "hongyun"}, {"卓越", "zhuoyue"},
	{"百川", "baichuan"}, {"正泰", "zhengtai"}, {"汇丰源", "huifengyuan"}, {"同创", "tongchuang"}, {"中科", "zhongke"},
}

// trade is a line of business: the word in a company name and its GB/T 4754 industry.
type trade struct{ word, industry string }

var trades = fromChoices(
	choice[trade]{trade{"科技", "信息传输、软件和信息技术服务业"}, 14},
	choice[trade]{trade{"信息技术", "信息传输、软件和信息技术服务业"}, 6},
	choice[trade]{trade{"软件", "信息传输、软件和信息技术服务业"}, 4},
	choice[trade]{trade{"贸易", "批发和零售业"}, 10},
	choice[trade]{trade{"商贸", "批发和零售业"}, 6},
	choice[trade]{trade{"建设工程", "建筑业"}, 6},
	choice[trade]{trade{"餐饮管理", "住宿和餐饮业"}, 5},
	choice[trade]{trade{"酒店管理", "住宿和餐饮业"}, 2},
	choice[trade]{trade{"物流", "交通运输、仓储和邮政业"}, 5},
	choice[trade]{trade{"医药", "制造业"}, 3},
	choice[trade]{trade{"机械制造", "制造业"}, 4},
	choice[trade]{trade{"电子", "制造业"}, 4},
	choice[trade]{trade{"纺织", "制造业"}, 3},
	choice[trade]{trade{"文化传媒", "文化、体育和娱乐业"}, 4},
	choice[trade]{trade{"教育咨询", "教育"}, 3},
	choice[trade]{trade{"房地产开发", "房地产业"}, 2},
	choice[trade]{trade{"物业管理", "房地产业"}, 3},
	choice[trade]{trade{"企业管理咨询", "租赁和商务服务业"}, 4},
	choice[trade]{trade{"金融信息服务", "金融业"}, 2},
	choice[trade]{trade{"环保科技", "水利、环境和公共设施管理业"}, 2},
	choice[trade]{trade{"农业发展", "农、林、牧、渔业"}, 1},
)

var companyForms = fromChoices(
	choice[string]{"有限公司", 80}, choice[string]{"股份有限公司", 8}, choice[string]{"有限责任公司", 12},
)

// companyName draws a business name such as 杭州西湖明远科技有限公司, with its industry and the
// pinyin of its trade name.
func companyName(r *rnd, d *district) (name, industry, pinyin string) {
	b := pick(r, brands)
	t := trades.pick(r)
	place := d.city.short
	if r.chance(0.6) {
		place += d.short
	}
	return place + b.word + t.word + companyForms.pick(r), t.industry, b.pinyin
}

// govKind is a template of a government or public-sector customer.
type govKind struct {
	name     func(r *rnd, d *district) string
	industry string
	uscc     string // registration authority and type: 11 organ, 12 public institution
}

var ordinalCN = []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"}

var bureaus = []string{"教育局", "卫生健康局", "市场监督管理局", "人力资源和社会保障局", "民政局", "司法局", "财政局",
	"统计局", "住房和城乡建设局", "交通运输局", "文化和旅游局", "城市管理局", "自然资源和规划局", "生态环境分局", "应急管理局", "退役军人事务局"}

var govKinds = fromChoices(
	choice[govKind]{govKind{func(r *rnd, d *district) string {
		return d.city.name + d.name + pick(r, bureaus)
	}, "公共管理、社会保障和社会组织", "11"}, 30},
	choice[govKind]{govKind{func(r *rnd, d *district) string {
		return d.city.name + d.name + "人民政府" + pick(r, communityStems) + "街道办事处"
	}, "公共管理、社会保障和社会组织", "11"}, 10},
	choice[govKind]{govKind{func(r *rnd, d *district) string {
		return d.city.name + d.name + "第" + pick(r, ordinalCN) + pick(r, []string{"中学", "小学", "实验小学", "幼儿园"})
	}, "教育", "12"}, 25},
	choice[govKind]{govKind{func(r *rnd, d *district) string {
		return d.city.name + d.name + pick(r, []string{"人民医院", "中医院", "妇幼保健院", "疾病预防控制中心"})
	}, "卫生和社会工作", "12"}, 12},
	choice[govKind]{govKind{func(r *rnd, d *district) string {
		return d.city.short + pick(r, []string{"市城市建设投资集团有限公司", "市公共交通集团有限公司", "市水务集团有限公司", "市地铁集团有限公司", "市燃气集团有限公司"})
	}, "电力、热力、燃气及水生产和供应业", "91"}, 8},
	choice[govKind]{govKind{func(r *rnd, d *district) string {
		return d.city.name + "公安局" + d.short + "分局"
	}, "公共管理、社会保障和社会组织", "11"}, 5},
	choice[govKind]{govKind{func(r *rnd, d *district) string {
		return d.city.name + d.name + pick(r, communityStems) + "社区居民委员会"
	}, "公共管理、社会保障和社会组织", "11"}, 10},
)

// govName draws a government or public-sector customer name (宁波市鄞州区教育局) with its
// industry and the first two characters of its credit code.
func govName(r *rnd, d *district) (name, industry, usccType string) {
	k := govKinds.pick(r)
	return k.name(r, d), k.industry, k.uscc
}

// staffName is a deterministic Chinese display name for a demo staff member.
func staffName(seed int64, username string) string {
	h := uint64(0)
	for _, c := range username {
		h = h*131 + uint64(c)
	}
	r := newRnd(seed, streamWorld, h)
	return personName(r, r.chance(0.5))
}

// qqNumber returns a plausible QQ number (5–10 digits, no leading zero).
func qqNumber(r *rnd) string {
	n := r.between(5, 10)
	lo := int64(1)
	for i := 1; i < n; i++ {
		lo *= 10
	}
	return strconv.FormatInt(lo+r.Int64N(9*lo), 10)
}
