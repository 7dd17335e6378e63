package authz

import (
	"strings"
	"unicode/utf8"
)

// MaskIDNumber masks an identity number, keeping the first 3 and last 4 characters:
// 330106199001011234 → 330***********1234. Short values are masked completely.
func MaskIDNumber(s string) string { return maskMiddle(s, 3, 4) }

// MaskMobile masks a mobile number, keeping the first 3 and last 4 digits: 138****5678.
func MaskMobile(s string) string { return maskMiddle(s, 3, 4) }

func maskMiddle(s string, head, tail int) string {
	n := utf8.RuneCountInString(s)
	if n == 0 {
		return ""
	}
	if n <= head+tail {
		return strings.Repeat("*", n)
	}
	r := []rune(s)
	return string(r[:head]) + strings.Repeat("*", n-head-tail) + string(r[n-tail:])
}
