// Package validate holds the field rules that every write path shares: the API (through ent
// schema validators and hooks), imports and the seed generator. It has no dependencies on the
// rest of c360 so that ent/schema can import it without cycles.
package validate

import (
	"errors"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// mobileRE matches mainland China mobile numbers: 11 digits starting with 1[3-9].
var mobileRE = regexp.MustCompile(`^1[3-9][0-9]{9}$`)

// Mobile checks a mainland mobile number (11 digits, 13x–19x).
func Mobile(s string) error {
	if !mobileRE.MatchString(s) {
		return errors.New("must be an 11-digit mainland mobile number starting with 13–19")
	}
	return nil
}

// Email checks an address in the plain addr-spec form (no display name).
func Email(s string) error {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndexByte(s, '@')+1:], ".") {
		return errors.New("must be a valid e-mail address")
	}
	return nil
}

// residentWeights are the GB 11643-1999 weights 2^(17-i) mod 11 for the first 17 digits.
var residentWeights = [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

// residentCheck maps the weighted sum mod 11 to the check character.
const residentCheck = "10X98765432"

// ResidentIDCheckDigit returns the GB 11643 check character for the first 17 digits.
func ResidentIDCheckDigit(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, errors.New("need exactly 17 digits")
	}
	sum := 0
	for i := 0; i < 17; i++ {
		c := first17[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("character %d is not a digit", i+1)
		}
		sum += int(c-'0') * residentWeights[i]
	}
	return residentCheck[sum%11], nil
}

// ResidentID is what a valid 18-character resident ID number tells.
type ResidentID struct {
	Region   string    // first 6 digits: administrative division code
	Birthday time.Time // date of birth (UTC midnight)
	Male     bool      // the 17th digit is odd for men
}

// ParseResidentID validates an 18-character Chinese resident ID number (GB 11643-1999):
// digits, a real birth date not in the future, and the check character (0-9 or X).
func ParseResidentID(s string) (ResidentID, error) {
	var r ResidentID
	if len(s) != 18 {
		return r, errors.New("must be 18 characters")
	}
	s = strings.ToUpper(s)
	want, err := ResidentIDCheckDigit(s[:17])
	if err != nil {
		return r, fmt.Errorf("must be 17 digits and a check character: %v", err)
	}
	birth, err := time.Parse("20060102", s[6:14])
	if err != nil {
		return r, errors.New("birth date (characters 7–14) is not a real date")
	}
	if birth.Year() < 1900 || birth.After(time.Now()) {
		return r, errors.New("birth date (characters 7–14) is out of range")
	}
	if s[17] != want {
		return r, errors.New("check character does not match (GB 11643)")
	}
	r.Region = s[:6]
	r.Birthday = birth
	r.Male = (s[16]-'0')%2 == 1
	return r, nil
}

// uscChars is the GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V.
const uscChars = "0123456789ABCDEFGHJKLMNPQRTUWXY"

// uscWeights are the GB 32100 weights 3^(i) mod 31 for the first 17 characters.
var uscWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// USCCCheckChar returns the GB 32100 check character for the first 17 characters.
func USCCCheckChar(first17 string) (byte, error) {
	if len(first17) != 17 {
		return 0, errors.New("need exactly 17 characters")
	}
	sum := 0
	for i := 0; i < 17; i++ {
		v := strings.IndexByte(uscChars, first17[i])
		if v < 0 {
			return 0, fmt.Errorf("character %d (%q) is not allowed", i+1, first17[i])
		}
		sum += v * uscWeights[i]
	}
	return uscChars[(31-sum%31)%31], nil
}

// USCC validates an 18-character unified social credit code (统一社会信用代码, GB 32100-2015).
func USCC(s string) error {
	if len(s) != 18 {
		return errors.New("must be 18 characters")
	}
	s = strings.ToUpper(s)
	want, err := USCCCheckChar(s[:17])
	if err != nil {
		return err
	}
	if s[17] != want {
		return errors.New("check character does not match (GB 32100)")
	}
	return nil
}

// FieldError is a validation failure of one input field. The GraphQL error presenter turns it
// (like ent's own ValidationError) into BAD_USER_INPUT naming the field.
type FieldError struct {
	Field   string // input field name as the API spells it, e.g. "idNumber"
	Message string
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// Field returns a FieldError for field with the given message.
func Field(field, format string, args ...any) *FieldError {
	return &FieldError{Field: field, Message: fmt.Sprintf(format, args...)}
}

// Truncate cuts s to at most n bytes at a character boundary (ent's MaxLen and the database
// columns count bytes).
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
