package codes

import (
	"regexp"
	"testing"
	"time"
)

func TestCustomerCode(t *testing.T) {
	now := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	re := regexp.MustCompile(`^[PBG]2611[0-9A-HJ-NP-RTUWXY]{13}$`)
	seen := map[string]bool{}
	for _, typ := range []string{"PUBLIC", "BUSINESS", "GOV_ENTERPRISE"} {
		for i := 0; i < 1000; i++ {
			c := Customer(typ, now)
			if !re.MatchString(c) {
				t.Fatalf("code %q does not match %v", c, re)
			}
			if c[0] != typeLetter(typ) {
				t.Fatalf("code %q: want type letter %c", c, typeLetter(typ))
			}
			if err := Check(c); err != nil {
				t.Fatalf("Check(%q): %v", c, err)
			}
			if seen[c] {
				t.Fatalf("duplicate code %q", c)
			}
			seen[c] = true
		}
	}
}

func TestCheckCatchesTypos(t *testing.T) {
	c := Customer("PUBLIC", time.Now())
	// Any single substitution of a body character must be caught.
	for i := 0; i < len(c)-1; i++ {
		for _, r := range alphabet {
			if byte(r) == c[i] {
				continue
			}
			typo := c[:i] + string(r) + c[i+1:]
			if Check(typo) == nil {
				t.Fatalf("typo %q of %q passed the check", typo, c)
			}
		}
	}
	// Adjacent transpositions of different characters must be caught.
	for i := 0; i+1 < len(c)-1; i++ {
		if c[i] == c[i+1] {
			continue
		}
		sw := c[:i] + string(c[i+1]) + string(c[i]) + c[i+2:]
		if Check(sw) == nil {
			t.Fatalf("transposition %q of %q passed the check", sw, c)
		}
	}
}

func TestServiceRequestNumber(t *testing.T) {
	n := ServiceRequest(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	if !regexp.MustCompile(`^SR261123[0-9A-HJ-NP-RTUWXY]{9}$`).MatchString(n) || Check(n) != nil {
		t.Fatalf("bad number %q", n)
	}
}
