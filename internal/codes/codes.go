// Package codes generates the human-readable identifiers c360 shows to people: unified customer
// codes and work-order numbers. They are random rather than sequential so that any number of
// API processes can issue them without a shared counter, and carry a check character so that a
// mistyped code is caught before a lookup.
package codes

import (
	"crypto/rand"
	"errors"
	"strings"
	"time"
)

// alphabet has the 31 characters of GB 32100 codes: digits and upper-case letters without
// I, O, S, V and Z, so that codes read aloud and typed from paper stay unambiguous.
const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// randomChars draws n characters uniformly from the alphabet (rejection sampling: bytes of
// 248 and above are redrawn so that every character is equally likely).
func randomChars(n int) string {
	out := make([]byte, 0, n)
	buf := make([]byte, n+8)
	for len(out) < n {
		if _, err := rand.Read(buf); err != nil {
			panic("codes: crypto/rand failed: " + err.Error())
		}
		for _, b := range buf {
			if b < 248 && len(out) < n {
				out = append(out, alphabet[int(b)%31])
			}
		}
	}
	return string(out)
}

// checkChar is a weighted mod-31 check character (weights 3^i mod 31, as GB 32100 uses):
// 31 is prime and every weight is non-zero and distinct within 30 positions, so any single
// substituted character and any swap of two adjacent different characters change it.
// Characters outside the alphabet are ignored.
func checkChar(s string) byte {
	sum, w := 0, 1
	for i := 0; i < len(s); i++ {
		v := strings.IndexByte(alphabet, s[i])
		if v < 0 {
			continue
		}
		sum += v * w
		w = w * 3 % 31
	}
	return alphabet[(31-sum%31)%31]
}

// typeLetter maps a customer type to the first character of its code.
func typeLetter(customerType string) byte {
	switch customerType {
	case "BUSINESS":
		return 'B'
	case "GOV_ENTERPRISE":
		return 'G'
	default:
		return 'P'
	}
}

// Customer returns a new unified customer code: type letter (P 公众, B 商务, G 政企), the
// year and month of creation, 12 random characters and a check character, e.g.
// P2611K7M3Q9X2ABCD5. 59 random bits make a collision within a month negligible (about 9e-7
// for a million customers); the unique index is the final guard.
func Customer(customerType string, now time.Time) string {
	body := string(typeLetter(customerType)) + now.Format("0601") + randomChars(12)
	return body + string(checkChar(body))
}

// ServiceRequest returns a new work-order number: SR, the date, 8 random characters and a
// check symbol, e.g. SR261123K7M3Q9X2A.
func ServiceRequest(now time.Time) string {
	body := "SR" + now.Format("060102") + randomChars(8)
	return body + string(checkChar(body))
}

// ErrBadCode is returned by Check for a code whose check symbol does not match.
var ErrBadCode = errors.New("code check character does not match")

// Check verifies the check character of a code made by this package (case-insensitive).
func Check(code string) error {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) < 2 || checkChar(code[:len(code)-1]) != code[len(code)-1] {
		return ErrBadCode
	}
	return nil
}
