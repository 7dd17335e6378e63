package validate

import (
	"strings"
	"testing"
	"time"
)

func TestResidentID(t *testing.T) {
	// 11010519491231002X is the example number of GB 11643-1999 itself.
	r, err := ParseResidentID("11010519491231002X")
	if err != nil {
		t.Fatalf("standard's example rejected: %v", err)
	}
	if r.Region != "110105" || !r.Birthday.Equal(time.Date(1949, 12, 31, 0, 0, 0, 0, time.UTC)) || r.Male {
		t.Fatalf("parsed %+v", r)
	}
	bad := map[string]string{
		"110105194912310021": "check character",
		"11010519491331002X": "not a real date",
		"1101051949123100":   "18 characters",
		"11010519491231A02X": "digits",
		"110105299912310023": "out of range",
	}
	for id, want := range bad {
		if _, err := ParseResidentID(id); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: want error mentioning %q, got %v", id, want, err)
		}
	}
	// Every single-digit corruption of a valid number is caught.
	good := "33010619900307123"
	c, _ := ResidentIDCheckDigit(good)
	id := good + string(c)
	for i := 0; i < 17; i++ {
		for d := byte('0'); d <= '9'; d++ {
			if d == id[i] {
				continue
			}
			typo := id[:i] + string(d) + id[i+1:]
			if _, err := ParseResidentID(typo); err == nil {
				t.Fatalf("corrupted %s accepted", typo)
			}
		}
	}
}

func TestUSCC(t *testing.T) {
	// A published unified social credit code (its check character is part of it).
	if err := USCC("91350100M000100Y43"); err != nil {
		t.Fatalf("real code rejected: %v", err)
	}
	if err := USCC("91350100M000100Y44"); err == nil {
		t.Fatal("wrong check character accepted")
	}
	if err := USCC("91350100M0001OOY43"); err == nil {
		t.Fatal("letter O accepted")
	}
}

func TestMobileAndEmail(t *testing.T) {
	for _, ok := range []string{"13800138000", "19912345678", "16612345678"} {
		if Mobile(ok) != nil {
			t.Errorf("%s rejected", ok)
		}
	}
	for _, bad := range []string{"12800138000", "1380013800", "+8613800138000", "138001380001"} {
		if Mobile(bad) == nil {
			t.Errorf("%s accepted", bad)
		}
	}
	if Email("li.si@example.cn") != nil || Email("李四 <li@example.cn>") == nil || Email("li@localhost") == nil {
		t.Error("email rules")
	}
}

func TestCustomerIdentity(t *testing.T) {
	bd := time.Date(1949, 12, 31, 0, 0, 0, 0, time.UTC)
	ok := CustomerIdentity{Type: TypePublic, IDType: IDResident, IDNumber: "11010519491231002X", Birthday: &bd, Gender: "FEMALE"}
	if err := Customer(ok); err != nil {
		t.Fatalf("consistent identity rejected: %v", err)
	}
	male := ok
	male.Gender = "MALE"
	if err := Customer(male); err == nil || !strings.Contains(err.Error(), "gender") {
		t.Fatalf("gender mismatch: %v", err)
	}
	org := CustomerIdentity{Type: TypeBusiness, IDType: IDUSCC, IDNumber: "91350100M000100Y43"}
	if err := Customer(org); err != nil {
		t.Fatalf("business with credit code rejected: %v", err)
	}
	if err := Customer(CustomerIdentity{Type: TypePublic, IDNumber: "X1"}); err == nil {
		t.Fatal("idNumber without idType accepted")
	}
}
