package dedupe

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NormalizeName returns the comparison form of a customer name:
//
//   - NFKC, so full-width letters, digits and the ideographic space become their ASCII forms
//     (ＺＨＡＮＧ → ZHANG, "张　三" → "张 三");
//   - punctuation (·, •, ・, ., -, ', …) becomes a space, so "阿卜杜·热合曼" and
//     "阿卜杜 热合曼" agree, and so do "J.Smith" and "J Smith";
//   - runs of white space collapse to one space, leading and trailing space is trimmed, and a
//     space next to a Han character is dropped ("张 三" → "张三"; Latin words keep one space);
//   - the result is lower-cased.
func NormalizeName(s string) string {
	s = norm.NFKC.String(s)
	rs := make([]rune, 0, len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) {
			space = len(rs) > 0
			continue
		}
		if space {
			if !unicode.Is(unicode.Han, r) && !unicode.Is(unicode.Han, rs[len(rs)-1]) {
				rs = append(rs, ' ')
			}
			space = false
		}
		rs = append(rs, unicode.ToLower(r))
	}
	return string(rs)
}

// traditional maps the traditional forms that show up in addresses to simplified ones.
var traditional = strings.NewReplacer(
	"號", "号", "樓", "楼", "棟", "栋", "單", "单", "區", "区", "門", "门", "廣", "广", "東", "东",
)

// NormalizeAddress returns the comparison form of an address:
//
//   - NFKC (full-width digits and letters → ASCII: "１００号" → "100号") and lower case;
//   - a few traditional characters common in addresses become simplified: 號→号, 樓→楼,
//     棟→栋, 單→单, 區→区, 門→门, 廣→广, 東→东;
//   - all white space, punctuation and symbols are removed ("文三路 100 号, 5-501" →
//     "文三路100号5501");
//   - a trailing 室 or 房 right after a digit is dropped ("501室" → "501"); one after a Han
//     character ("书房", "茶室") is part of a name and stays;
//   - Chinese numerals are left alone: "十号" and "10号" stay different.
//
// It does not know the customer's province, city or district; the duplicate rules strip
// those from the front of the address before comparing (see addressKey).
func NormalizeAddress(s string) string {
	s = traditional.Replace(norm.NFKC.String(s))
	rs := make([]rune, 0, len(s))
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsControl(r) {
			continue
		}
		rs = append(rs, unicode.ToLower(r))
	}
	if n := len(rs); n >= 2 && (rs[n-1] == '室' || rs[n-1] == '房') && rs[n-2] >= '0' && rs[n-2] <= '9' {
		rs = rs[:n-1]
	}
	return string(rs)
}

// normalizeCity is the comparison form of a city: NFKC, no white space, lower case.
func normalizeCity(s string) string {
	s = norm.NFKC.String(s)
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}
