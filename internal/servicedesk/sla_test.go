package servicedesk

import (
	"testing"
	"time"
)

func TestDueAt(t *testing.T) {
	c, p := DefaultCalendar(), DefaultPolicy()
	tests := []struct {
		name    string
		created time.Time
		pr      Priority
		want    time.Time
	}{
		{"MEDIUM friday 17:00 → tuesday 17:00", at(2026, 3, 6, 17, 0), PriorityMEDIUM, at(2026, 3, 10, 17, 0)},
		{"HIGH 8 business hours overnight", at(2026, 3, 9, 14, 0), PriorityHIGH, at(2026, 3, 10, 13, 0)},
		{"LOW 5 business days", at(2026, 3, 9, 9, 0), PriorityLOW, at(2026, 3, 13, 18, 0)},
		{"URGENT wall-clock across midnight", at(2026, 3, 9, 22, 30), PriorityURGENT, at(2026, 3, 10, 2, 30)},
		{"URGENT on a holiday", at(2026, 10, 1, 23, 0), PriorityURGENT, at(2026, 10, 2, 3, 0)},
		{"MEDIUM across national day", at(2026, 9, 30, 17, 0), PriorityMEDIUM, at(2026, 10, 9, 17, 0)},
		{"unknown priority → MEDIUM", at(2026, 3, 6, 17, 0), Priority("CRITICAL"), at(2026, 3, 10, 17, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := p.DueAt(c, tt.created.UTC(), tt.pr)
			if !got.Equal(tt.want) || got.Location() != sh {
				t.Fatalf("DueAt = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestPolicyFallbackAndValidate(t *testing.T) {
	p := Policy{Targets: map[Priority]Target{PriorityHIGH: {Duration: 2 * time.Hour}}}
	if got := p.Target(PriorityHIGH); got != (Target{Duration: 2 * time.Hour}) {
		t.Fatalf("override ignored: %v", got)
	}
	if got := p.Target(PriorityLOW); got != DefaultPolicy().Targets[PriorityLOW] {
		t.Fatalf("missing priority fallback = %v", got)
	}
	if err := DefaultPolicy().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := Policy{Targets: map[Priority]Target{"X": {Duration: time.Hour}, PriorityLOW: {}}}
	if err := bad.Validate(); err == nil {
		t.Fatal("Validate accepted a bad policy")
	}
}

func TestStanding(t *testing.T) {
	c, p := DefaultCalendar(), DefaultPolicy()
	created := at(2026, 3, 9, 9, 0) // Monday opening
	tests := []struct {
		name string
		pr   Priority
		now  time.Time
		want Standing
	}{
		{"HIGH just created", PriorityHIGH, created, OnTrack},
		{"HIGH 5h59 used", PriorityHIGH, at(2026, 3, 9, 14, 59), OnTrack},
		{"HIGH exactly 75%", PriorityHIGH, at(2026, 3, 9, 15, 0), AtRisk},
		{"HIGH at due instant", PriorityHIGH, at(2026, 3, 9, 17, 0), AtRisk},
		{"HIGH one minute late", PriorityHIGH, at(2026, 3, 9, 17, 1), Overdue},
		{"MEDIUM 13h used (72%)", PriorityMEDIUM, at(2026, 3, 10, 13, 0), OnTrack},
		{"MEDIUM 13.5h used (75%)", PriorityMEDIUM, at(2026, 3, 10, 13, 30), AtRisk},
		{"URGENT 2h59", PriorityURGENT, at(2026, 3, 9, 11, 59), OnTrack},
		{"URGENT 3h", PriorityURGENT, at(2026, 3, 9, 12, 0), AtRisk},
		{"URGENT 4h01", PriorityURGENT, at(2026, 3, 9, 13, 1), Overdue},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.Standing(c, created, tt.now, tt.pr); got != tt.want {
				t.Fatalf("Standing = %s, want %s", got, tt.want)
			}
		})
	}
	// Clock stops outside business hours: a MEDIUM request from Friday 17:00
	// is still on track on Monday morning before opening.
	if got := p.Standing(c, at(2026, 3, 6, 17, 0), at(2026, 3, 9, 8, 0), PriorityMEDIUM); got != OnTrack {
		t.Fatalf("weekend Standing = %s, want ON_TRACK", got)
	}
}

func TestEscalationLevel(t *testing.T) {
	c, p := DefaultCalendar(), DefaultPolicy()
	created := at(2026, 3, 9, 9, 0) // Monday opening; HIGH due Mon 17:00
	tests := []struct {
		name string
		pr   Priority
		now  time.Time
		want int
	}{
		{"not overdue", PriorityHIGH, at(2026, 3, 9, 16, 0), 0},
		{"at due instant", PriorityHIGH, at(2026, 3, 9, 17, 0), 0},
		{"just overdue", PriorityHIGH, at(2026, 3, 9, 17, 1), 1},
		{"overdue overnight, no business time elapsed", PriorityHIGH, at(2026, 3, 10, 8, 0), 1},
		// Overdue business time: Mon 17–18 (1h) + Tue from 09:00.
		{"7h59 business overdue", PriorityHIGH, at(2026, 3, 10, 15, 59), 1},
		{"one full target overdue", PriorityHIGH, at(2026, 3, 10, 16, 0), 2},
		{"15h59 business overdue", PriorityHIGH, at(2026, 3, 11, 14, 59), 2},
		{"two full targets overdue", PriorityHIGH, at(2026, 3, 11, 15, 0), 3},
		{"capped at 3", PriorityHIGH, at(2026, 4, 30, 17, 0), 3},
		{"URGENT 4h late → 2", PriorityURGENT, at(2026, 3, 9, 17, 0), 2},
		{"URGENT 3h59 late → 1", PriorityURGENT, at(2026, 3, 9, 16, 59), 1},
		{"URGENT 8h late → 3", PriorityURGENT, at(2026, 3, 9, 21, 0), 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := p.EscalationLevel(c, created, tt.now, tt.pr); got != tt.want {
				t.Fatalf("EscalationLevel = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestRoundRobin(t *testing.T) {
	all := func(int) bool { return true }
	except := func(ids ...int) func(int) bool {
		return func(id int) bool {
			for _, x := range ids {
				if x == id {
					return false
				}
			}
			return true
		}
	}
	cands := []int{3, 7, 12, 20}
	tests := []struct {
		name   string
		cands  []int
		last   int
		avail  func(int) bool
		want   int
		wantOK bool
	}{
		{"first assignment", cands, 0, all, 3, true},
		{"next", cands, 3, all, 7, true},
		{"wrap around", cands, 20, all, 3, true},
		{"last not a candidate", cands, 10, all, 12, true},
		{"last above all", cands, 99, all, 3, true},
		{"skip unavailable", cands, 3, except(7, 12), 20, true},
		{"skip with wrap", cands, 12, except(20, 3), 7, true},
		{"only last available", cands, 7, except(3, 12, 20), 7, true},
		{"nobody available", cands, 7, except(3, 7, 12, 20), 0, false},
		{"no candidates", nil, 7, all, 0, false},
		{"nil available", cands, 7, nil, 12, true},
		{"unsorted input", []int{20, 3, 12, 7}, 7, all, 12, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := RoundRobin(tt.cands, tt.last, tt.avail)
			if got != tt.want || ok != tt.wantOK {
				t.Fatalf("RoundRobin = (%d, %v), want (%d, %v)", got, ok, tt.want, tt.wantOK)
			}
		})
	}
	// Unsorted input is not reordered in place.
	in := []int{20, 3}
	RoundRobin(in, 0, nil)
	if in[0] != 20 {
		t.Fatal("RoundRobin mutated its input")
	}
	// A full rotation visits everyone once.
	last, seen := 0, []int{}
	for range cands {
		last, _ = RoundRobin(cands, last, nil)
		seen = append(seen, last)
	}
	if len(seen) != 4 || seen[0] != 3 || seen[3] != 20 {
		t.Fatalf("rotation = %v", seen)
	}
}
