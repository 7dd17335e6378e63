package servicedesk

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

var sh = DefaultLocation()

// at builds a local Asia/Shanghai instant.
func at(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, sh)
}

func TestDefaultLocation(t *testing.T) {
	if got := DefaultLocation().String(); got != "Asia/Shanghai" {
		t.Fatalf("DefaultLocation = %q, want Asia/Shanghai (tzdata embedded)", got)
	}
	if got := (Calendar{}).loc(); got != DefaultLocation() {
		t.Fatalf("zero Calendar location = %v", got)
	}
}

func TestHolidayData(t *testing.T) {
	h, w := ChinaHolidays2026()
	if len(h) != 33 { // 3+9+3+5+3+3+7
		t.Errorf("holidays = %d days, want 33", len(h))
	}
	for k := range w {
		d, _ := time.Parse(DateLayout, k)
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			t.Errorf("adjusted workday %s is a %v", k, wd)
		}
	}
	for _, k := range []string{"2026-01-01", "2026-02-17", "2026-04-05", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-07"} {
		if !h[k] {
			t.Errorf("%s missing from holidays", k)
		}
	}
	if err := DefaultCalendar().Validate(); err != nil {
		t.Fatalf("DefaultCalendar invalid: %v", err)
	}
	// Fresh maps: mutation must not leak into the next call.
	c := DefaultCalendar()
	delete(c.Holidays, "2026-10-01")
	if !DefaultCalendar().Holidays["2026-10-01"] {
		t.Fatal("DefaultCalendar shares its holiday map")
	}
}

func TestIsOpen(t *testing.T) {
	c := DefaultCalendar()
	tests := []struct {
		name string
		t    time.Time
		want bool
	}{
		{"weekday opening instant", at(2026, 3, 9, 9, 0), true},
		{"weekday before opening", at(2026, 3, 9, 8, 59), false},
		{"weekday last minute", at(2026, 3, 9, 17, 59), true},
		{"weekday closing instant", at(2026, 3, 9, 18, 0), false},
		{"saturday", at(2026, 3, 7, 10, 0), false},
		{"national day", at(2026, 10, 1, 10, 0), false},
		{"adjusted workday saturday", at(2026, 10, 10, 10, 0), true},
		{"adjusted workday sunday", at(2026, 9, 20, 10, 0), true},
		{"other zone, same instant", at(2026, 3, 9, 9, 30).UTC(), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.IsOpen(tt.t); got != tt.want {
				t.Fatalf("IsOpen(%v) = %v, want %v", tt.t, got, tt.want)
			}
		})
	}
}

func TestAdd(t *testing.T) {
	c := DefaultCalendar()
	tests := []struct {
		name  string
		start time.Time
		d     time.Duration
		want  time.Time
	}{
		{"zero duration", at(2026, 3, 7, 3, 0), 0, at(2026, 3, 7, 3, 0)},
		{"within a day", at(2026, 3, 9, 10, 0), 3 * time.Hour, at(2026, 3, 9, 13, 0)},
		{"ends exactly at closing", at(2026, 3, 9, 17, 0), time.Hour, at(2026, 3, 9, 18, 0)},
		{"overnight", at(2026, 3, 9, 17, 0), 2 * time.Hour, at(2026, 3, 10, 10, 0)},
		{"across weekend", at(2026, 3, 6, 16, 0), 4 * time.Hour, at(2026, 3, 9, 11, 0)},
		{"MEDIUM friday 17:00", at(2026, 3, 6, 17, 0), 18 * time.Hour, at(2026, 3, 10, 17, 0)},
		{"before opening", at(2026, 3, 9, 7, 30), time.Hour, at(2026, 3, 9, 10, 0)},
		{"after closing", at(2026, 3, 9, 20, 0), time.Hour, at(2026, 3, 10, 10, 0)},
		{"after closing friday", at(2026, 3, 6, 19, 0), time.Hour, at(2026, 3, 9, 10, 0)},
		{"on saturday", at(2026, 3, 7, 12, 0), 30 * time.Minute, at(2026, 3, 9, 9, 30)},
		{"on a holiday", at(2026, 10, 3, 12, 0), time.Hour, at(2026, 10, 8, 10, 0)},
		{"on a holiday before sunday workday", at(2026, 1, 2, 12, 0), time.Hour, at(2026, 1, 4, 10, 0)},
		{"across national day", at(2026, 9, 30, 17, 0), 18 * time.Hour, at(2026, 10, 9, 17, 0)},
		{"into saturday workday 10-10", at(2026, 10, 9, 17, 0), 18 * time.Hour, at(2026, 10, 12, 17, 0)},
		{"LOW over national day", at(2026, 9, 30, 9, 0), 45 * time.Hour, at(2026, 10, 12, 18, 0)},
		{"sunday workday 09-20", at(2026, 9, 19, 10, 0), 8 * time.Hour, at(2026, 9, 20, 17, 0)},
		{"mid-autumn friday holiday", at(2026, 9, 24, 17, 0), 8 * time.Hour, at(2026, 9, 28, 16, 0)},
		{"spring festival", at(2026, 2, 13, 17, 0), 2 * time.Hour, at(2026, 2, 14, 10, 0)},
		{"spring festival 9 days", at(2026, 2, 14, 17, 0), 2 * time.Hour, at(2026, 2, 24, 10, 0)},
		{"UTC input, local result", time.Date(2026, 3, 9, 1, 0, 0, 0, time.UTC), time.Hour, at(2026, 3, 9, 10, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Add(tt.start, tt.d)
			if !got.Equal(tt.want) {
				t.Fatalf("Add(%v, %v) = %v, want %v", tt.start, tt.d, got, tt.want)
			}
			if got.Location() != sh {
				t.Fatalf("result location = %v, want %v", got.Location(), sh)
			}
			if tt.d > 0 {
				if b := c.Between(tt.start, got); b != tt.d {
					t.Fatalf("Between(start, Add) = %v, want %v", b, tt.d)
				}
			}
		})
	}
}

func TestAddNoBusinessDay(t *testing.T) {
	c := Calendar{Weekend: []time.Weekday{0, 1, 2, 3, 4, 5, 6}}
	if c.Validate() == nil {
		t.Fatal("Validate accepted an all-weekend calendar")
	}
	if got := c.Add(at(2026, 3, 9, 10, 0), time.Hour); !got.IsZero() {
		t.Fatalf("Add on closed calendar = %v, want zero", got)
	}
}

func TestBetween(t *testing.T) {
	c := DefaultCalendar()
	tests := []struct {
		name string
		a, b time.Time
		want time.Duration
	}{
		{"same instant", at(2026, 3, 9, 10, 0), at(2026, 3, 9, 10, 0), 0},
		{"within hours", at(2026, 3, 9, 10, 0), at(2026, 3, 9, 12, 30), 150 * time.Minute},
		{"both outside hours same night", at(2026, 3, 9, 19, 0), at(2026, 3, 10, 8, 0), 0},
		{"whole week", at(2026, 3, 9, 0, 0), at(2026, 3, 16, 0, 0), 45 * time.Hour},
		{"weekend only", at(2026, 3, 7, 0, 0), at(2026, 3, 9, 0, 0), 0},
		{"friday to monday", at(2026, 3, 6, 17, 0), at(2026, 3, 9, 10, 0), 2 * time.Hour},
		{"national day week incl. 09-27..10-11", at(2026, 9, 27, 0, 0), at(2026, 10, 12, 0, 0), 6 * 9 * time.Hour}, // 09-28..30, 10-08..10,
		{"reversed is negative", at(2026, 3, 9, 12, 0), at(2026, 3, 9, 10, 0), -2 * time.Hour},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Between(tt.a, tt.b); got != tt.want {
				t.Fatalf("Between(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

// TestAddBetweenProperty checks with random instants that Between inverts
// Add, and that Add(a, Between(a, b)) is the earliest instant reaching b's
// business time.
func TestAddBetweenProperty(t *testing.T) {
	cals := map[string]Calendar{
		"default": DefaultCalendar(),
		"odd hours UTC, sunday only weekend": {
			Location: time.UTC, Open: 7*time.Hour + 30*time.Minute, Close: 24 * time.Hour,
			Weekend: []time.Weekday{time.Sunday}, Holidays: map[string]bool{"2026-05-01": true},
		},
	}
	if ny, err := time.LoadLocation("America/New_York"); err == nil {
		cals["new york (DST)"] = Calendar{Location: ny}
	}
	base := at(2025, 12, 1, 0, 0)
	span := int64(400 * 24 * time.Hour)
	for name, c := range cals {
		t.Run(name, func(t *testing.T) {
			r := rand.New(rand.NewPCG(1, 2))
			for i := range 3000 {
				a := base.Add(time.Duration(r.Int64N(span)))
				d := time.Duration(r.Int64N(int64(300 * time.Hour)))
				if i%10 == 0 {
					d = d.Truncate(time.Hour) // hit window boundaries exactly
				}
				e := c.Add(a, d)
				if got := c.Between(a, e); got != d {
					t.Fatalf("Between(%v, Add(%v, %v)=%v) = %v", a, a, d, e, got)
				}
				if e.Before(a) {
					t.Fatalf("Add(%v, %v) = %v is before start", a, d, e)
				}
				b := a.Add(time.Duration(r.Int64N(int64(30 * 24 * time.Hour))))
				bt := c.Between(a, b)
				back := c.Add(a, bt)
				if back.After(b) || c.Between(back, b) != 0 {
					t.Fatalf("Add(a, Between(a,b)) = %v not earliest for a=%v b=%v", back, a, b)
				}
				if bt > 0 && !c.IsOpen(back.Add(-time.Nanosecond)) {
					t.Fatalf("Add result %v does not end inside business hours", back)
				}
			}
		})
	}
}

// TestZones covers DST-free and DST zones: business hours are read in the
// calendar's wall clock whatever zone the input instants carry.
func TestZones(t *testing.T) {
	cst := time.FixedZone("CST", 8*60*60)
	fixed := DefaultCalendar()
	fixed.Location = cst
	start := time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC) // Fri 17:00 +08:00
	got := fixed.Add(start, 18*time.Hour)
	if want := time.Date(2026, 3, 10, 17, 0, 0, 0, cst); !got.Equal(want) || got.Location() != cst {
		t.Fatalf("fixed-zone Add = %v, want %v", got, want)
	}
	if a, b := DefaultCalendar().Add(start, 18*time.Hour), got; !a.Equal(b) {
		t.Fatalf("Asia/Shanghai and fixed +08:00 disagree: %v vs %v", a, b)
	}

	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no America/New_York:", err)
	}
	c := Calendar{Location: ny}
	// Spring forward on Sunday 2026-03-08: Friday 17:00 + 2h → Monday 10:00 EDT.
	got = c.Add(time.Date(2026, 3, 6, 17, 0, 0, 0, ny), 2*time.Hour)
	if want := time.Date(2026, 3, 9, 10, 0, 0, 0, ny); !got.Equal(want) {
		t.Fatalf("DST Add = %v, want %v", got, want)
	}
	// A 24h-open day on the transition day is 23h long.
	c24 := Calendar{Location: ny, Open: 0, Close: 24 * time.Hour, Weekend: []time.Weekday{}}
	if got := c24.Between(time.Date(2026, 3, 8, 0, 0, 0, 0, ny), time.Date(2026, 3, 9, 0, 0, 0, 0, ny)); got != 23*time.Hour {
		t.Fatalf("Between over spring-forward day = %v, want 23h", got)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		c    Calendar
		want string // substring of the error, "" for valid
	}{
		{"zero value uses defaults", Calendar{}, ""},
		{"default", DefaultCalendar(), ""},
		{"24h open", Calendar{Open: 0, Close: 24 * time.Hour}, ""},
		{"open after close", Calendar{Open: 18 * time.Hour, Close: 9 * time.Hour}, "not before closing"},
		{"open equals close", Calendar{Open: 9 * time.Hour, Close: 9 * time.Hour}, "not before closing"},
		{"negative open", Calendar{Open: -time.Hour, Close: 9 * time.Hour}, "negative"},
		{"close after midnight", Calendar{Open: 9 * time.Hour, Close: 25 * time.Hour}, "after 24h"},
		{"bad weekday", Calendar{Weekend: []time.Weekday{7}}, "invalid weekend day"},
		{"all weekend", Calendar{Weekend: []time.Weekday{0, 1, 2, 3, 4, 5, 6}}, "every day"},
		{"bad holiday key", Calendar{Holidays: map[string]bool{"2026-10-1": true}}, "not a YYYY-MM-DD"},
		{"bad workday key", Calendar{Workdays: map[string]bool{"tomorrow": true}}, "workday \"tomorrow\""},
		{"both holiday and workday", Calendar{Holidays: map[string]bool{"2026-10-10": true}, Workdays: map[string]bool{"2026-10-10": true}}, "both a holiday and a workday"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate() = %v, want error containing %q", err, tt.want)
			}
		})
	}
}
