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

// crockford is Crockford's base32 alphabet: no I, L, O, U, so codes read aloud unambiguously.
const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// checkSymbols extends the alphabet with the 5 extra check symbols of Crockford's scheme (mod 37).
const checkSymbols = crockford + "*~$=U"

func randomChars(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("codes: crypto/rand failed: " + err.Error())
	}
	for i := range b {
		b[i] = crockford[b[i]&31]
	}
	return string(b)
}

// checkChar is the mod-37 check symbol over the base32 value of s (digits and letters of s
// that are in the alphabet; other characters are ignored).
func checkChar(s string) byte {
	m := 0
	for i := 0; i < len(s); i++ {
		if v := strings.IndexByte(crockford, s[i]); v >= 0 {
			m = (m*32 + v) % 37
		}
	}
	return checkSymbols[m]
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
// year and month of creation, 12 random characters and a check symbol, e.g.
// P2611K7M3Q9X2ABCD5. 60 random bits make a collision within a month negligible (about 4e-7
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
var ErrBadCode = errors.New("code check symbol does not match")

// Check verifies the check symbol of a code made by this package (case-insensitive).
func Check(code string) error {
	code = strings.ToUpper(strings.TrimSpace(code))
	if len(code) < 2 || checkChar(code[:len(code)-1]) != code[len(code)-1] {
		return ErrBadCode
	}
	return nil
}
