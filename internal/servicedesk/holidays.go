package servicedesk

import "time"

// ChinaHolidays2026 returns the 2026 public holidays and adjusted working
// days (调休) of mainland China as fresh maps keyed by "YYYY-MM-DD".
//
// Source: 国务院办公厅关于2026年部分节假日安排的通知 (General Office of the
// State Council, 4 November 2025, published by Xinhua):
//
//	元旦   1月1日–3日 放假;              1月4日(周日)上班
//	春节   2月15日–23日 放假(共9天);      2月14日(周六)、2月28日(周六)上班
//	清明节 4月4日–6日 放假
//	劳动节 5月1日–5日 放假;              5月9日(周六)上班
//	端午节 6月19日–21日 放假
//	中秋节 9月25日–27日 放假
//	国庆节 10月1日–7日 放假;             9月20日(周日)、10月10日(周六)上班
//
// The schedule is published yearly; other years (or regional rules) must be
// configured through Calendar.Holidays and Calendar.Workdays.
func ChinaHolidays2026() (holidays, workdays map[string]bool) {
	holidays = map[string]bool{}
	for _, r := range [][2]string{
		{"2026-01-01", "2026-01-03"}, // 元旦
		{"2026-02-15", "2026-02-23"}, // 春节
		{"2026-04-04", "2026-04-06"}, // 清明节
		{"2026-05-01", "2026-05-05"}, // 劳动节
		{"2026-06-19", "2026-06-21"}, // 端午节
		{"2026-09-25", "2026-09-27"}, // 中秋节
		{"2026-10-01", "2026-10-07"}, // 国庆节
	} {
		for _, k := range dateRange(r[0], r[1]) {
			holidays[k] = true
		}
	}
	workdays = map[string]bool{
		"2026-01-04": true, // 元旦
		"2026-02-14": true, // 春节
		"2026-02-28": true, // 春节
		"2026-05-09": true, // 劳动节
		"2026-09-20": true, // 国庆节
		"2026-10-10": true, // 国庆节
	}
	return holidays, workdays
}

// dateRange lists the dates from first to last inclusive; both must be
// valid DateLayout dates (it is only used with the constants above).
func dateRange(first, last string) []string {
	var out []string
	d := mustDate(first)
	end := mustDate(last)
	for {
		out = append(out, d.key())
		if d == end {
			return out
		}
		d = d.next()
	}
}

func mustDate(s string) date {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		panic("servicedesk: bad built-in date " + s)
	}
	return dateOf(t)
}
