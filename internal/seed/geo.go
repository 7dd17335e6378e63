package seed

// Geography of the demo: four provinces, seven cities, their urban districts with real
// administrative division codes (GB/T 2260), and real road names for addresses. Weights are
// rough relative subscriber counts.

type province struct {
	name   string // 浙江省
	abbr   string // ZJ (team codes)
	cities []*city
}

type city struct {
	name      string // 杭州市
	short     string // 杭州
	abbr      string // HZ (team codes)
	pinyin    string // hz (broadband accounts)
	areaCode  string // 0571
	weight    float64
	roads     []string
	districts []*district
	province  *province
}

type district struct {
	name   string // 西湖区
	short  string // 西湖
	abbr   string // XH
	code   string // 330106
	weight float64
	city   *city
}

// cityData is one city of geoData; districts are {name, short, abbr, code}.
type cityData struct {
	name, short, abbr, pinyin, area string
	weight                          float64
	roads                           []string
	districts                       [][4]string
}

// geoData lists the demo territory; buildGeo links it into a tree.
var geoData = []struct {
	name, abbr string
	cities     []cityData
}{
	{"浙江省", "ZJ", []cityData{
		{"杭州市", "杭州", "HZ", "hz", "0571", 12,
			[]string{"文三路", "天目山路", "教工路", "学院路", "古墩路", "莫干山路", "延安路", "解放路", "庆春路", "江南大道", "滨盛路", "市心路", "文一西路", "五常大道", "凤起路", "湖墅南路", "之江路", "丰潭路"},
			[][4]string{{"上城区", "上城", "SC", "330102"}, {"拱墅区", "拱墅", "GS", "330105"}, {"西湖区", "西湖", "XH", "330106"}, {"滨江区", "滨江", "BJ", "330108"}, {"萧山区", "萧山", "XS", "330109"}, {"余杭区", "余杭", "YH", "330110"}}},
		{"宁波市", "宁波", "NB", "nb", "0574", 7,
			[]string{"中山东路", "中山西路", "解放南路", "人民路", "百丈路", "天童南路", "鄞州大道", "新明街", "长江路", "庆丰路", "招宝山路", "宁穿路"},
			[][4]string{{"海曙区", "海曙", "HS", "330203"}, {"江北区", "江北", "JB", "330205"}, {"北仑区", "北仑", "BL", "330206"}, {"镇海区", "镇海", "ZH", "330211"}, {"鄞州区", "鄞州", "YZ", "330212"}}},
	}},
	{"广东省", "GD", []cityData{
		{"广州市", "广州", "GZ", "gz", "020", 15,
			[]string{"天河路", "体育西路", "中山大道", "黄埔大道", "环市东路", "北京路", "东风中路", "江南大道中", "新港中路", "工业大道", "广州大道北", "白云大道", "市桥街", "康王路", "珠江新城花城大道"},
			[][4]string{{"荔湾区", "荔湾", "LW", "440103"}, {"越秀区", "越秀", "YX", "440104"}, {"海珠区", "海珠", "HZ", "440105"}, {"天河区", "天河", "TH", "440106"}, {"白云区", "白云", "BY", "440111"}, {"番禺区", "番禺", "PY", "440113"}}},
		{"深圳市", "深圳", "SZ", "sz", "0755", 15,
			[]string{"深南大道", "滨海大道", "北环大道", "科技园南路", "华强北路", "福华三路", "宝安大道", "龙岗大道", "南海大道", "人民南路", "东门中路", "新安六路", "布吉路", "翠竹路"},
			[][4]string{{"罗湖区", "罗湖", "LH", "440303"}, {"福田区", "福田", "FT", "440304"}, {"南山区", "南山", "NS", "440305"}, {"宝安区", "宝安", "BA", "440306"}, {"龙岗区", "龙岗", "LG", "440307"}}},
	}},
	{"江苏省", "JS", []cityData{
		{"南京市", "南京", "NJ", "nj", "025", 9,
			[]string{"中山路", "中山北路", "汉中路", "珠江路", "北京东路", "中华路", "江东中路", "应天大街", "双龙大道", "草场门大街", "龙蟠中路", "建邺路"},
			[][4]string{{"玄武区", "玄武", "XW", "320102"}, {"秦淮区", "秦淮", "QH", "320104"}, {"建邺区", "建邺", "JY", "320105"}, {"鼓楼区", "鼓楼", "GL", "320106"}, {"江宁区", "江宁", "JN", "320115"}}},
		{"苏州市", "苏州", "SZ", "su", "0512", 9,
			[]string{"人民路", "干将路", "十全街", "观前街", "东环路", "金鸡湖大道", "狮山路", "长江路", "吴中大道", "东吴北路", "阳澄湖大道", "中山南路"},
			[][4]string{{"虎丘区", "虎丘", "HQ", "320505"}, {"吴中区", "吴中", "WZ", "320506"}, {"相城区", "相城", "XC", "320507"}, {"姑苏区", "姑苏", "GS", "320508"}, {"吴江区", "吴江", "WJ", "320509"}}},
	}},
	{"四川省", "SC", []cityData{
		{"成都市", "成都", "CD", "cd", "028", 14,
			[]string{"人民南路", "天府大道", "蜀都大道", "春熙路", "一环路南一段", "二环路西一段", "府青路", "建设路", "武侯祠大街", "金府路", "光华大道", "羊西线", "红星路"},
			[][4]string{{"锦江区", "锦江", "JJ", "510104"}, {"青羊区", "青羊", "QY", "510105"}, {"金牛区", "金牛", "JN", "510106"}, {"武侯区", "武侯", "WH", "510107"}, {"成华区", "成华", "CH", "510108"}}},
	}},
}

// communityStems name the community teams of a district (名 + 社区).
var communityStems = []string{
	"翠苑", "文新", "和平", "新华", "幸福", "长青", "金桥", "东湖", "南苑", "阳光", "花园", "丽景",
	"锦绣", "春晖", "枫林", "桂园", "紫荆", "明珠", "华庭", "清泉", "朝阳", "滨河", "龙井", "梅园",
}

// communitiesPerDistrict is the number of community teams under each district team.
const communitiesPerDistrict = 4

// geo is the linked territory.
type geo struct {
	provinces []*province
	cities    []*city
	districts []*district
	// byWeight draws a district in proportion to its city's weight and its own.
	byWeight weighted[*district]
}

func buildGeo() *geo {
	g := &geo{}
	var weights []float64
	for _, pd := range geoData {
		p := &province{name: pd.name, abbr: pd.abbr}
		g.provinces = append(g.provinces, p)
		for _, cd := range pd.cities {
			c := &city{name: cd.name, short: cd.short, abbr: cd.abbr, pinyin: cd.pinyin, areaCode: cd.area,
				weight: cd.weight, roads: cd.roads, province: p}
			p.cities = append(p.cities, c)
			g.cities = append(g.cities, c)
			for i, dd := range cd.districts {
				// Central districts a little denser than outer ones.
				w := cd.weight / float64(len(cd.districts)) * (1.2 - 0.4*float64(i)/float64(len(cd.districts)))
				d := &district{name: dd[0], short: dd[1], abbr: dd[2], code: dd[3], weight: w, city: c}
				c.districts = append(c.districts, d)
				g.districts = append(g.districts, d)
				weights = append(weights, w)
			}
		}
	}
	g.byWeight = newWeighted(g.districts, weights)
	return g
}
