package servicedesk

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"time"
)

// Priority is the priority of a service request; the values match ent's
// servicerequest.Priority.
type Priority string

// Priority values.
const (
	PriorityURGENT Priority = "URGENT"
	PriorityHIGH   Priority = "HIGH"
	PriorityMEDIUM Priority = "MEDIUM"
	PriorityLOW    Priority = "LOW"
)

// Target is a resolution target. When BusinessHours is set, Duration is
// business time measured with a Calendar; otherwise it is wall-clock time
// (24×7).
type Target struct {
	Duration      time.Duration
	BusinessHours bool
}

// Policy holds the resolution target of each priority. Priorities missing
// from Targets use the DefaultPolicy target; unknown priorities are treated
// as MEDIUM (ent's default priority).
type Policy struct {
	Targets map[Priority]Target
}

// DefaultPolicy returns the standard targets: URGENT 4h wall-clock, HIGH 8
// business hours, MEDIUM 2 business days (18h at 9h/day) and LOW 5 business
// days (45h).
func DefaultPolicy() Policy {
	return Policy{Targets: defaultTargets()}
}

func defaultTargets() map[Priority]Target {
	return map[Priority]Target{
		PriorityURGENT: {Duration: 4 * time.Hour},
		PriorityHIGH:   {Duration: 8 * time.Hour, BusinessHours: true},
		PriorityMEDIUM: {Duration: 2 * 9 * time.Hour, BusinessHours: true},
		PriorityLOW:    {Duration: 5 * 9 * time.Hour, BusinessHours: true},
	}
}

// Validate reports targets with an unknown priority or a non-positive
// duration.
func (p Policy) Validate() error {
	var errs []error
	for pr, t := range p.Targets {
		if !pr.valid() {
			errs = append(errs, fmt.Errorf("servicedesk: unknown priority %q", string(pr)))
		}
		if t.Duration <= 0 {
			errs = append(errs, fmt.Errorf("servicedesk: target of %s is not positive (%v)", pr, t.Duration))
		}
	}
	return errors.Join(errs...)
}

func (pr Priority) valid() bool {
	switch pr {
	case PriorityURGENT, PriorityHIGH, PriorityMEDIUM, PriorityLOW:
		return true
	}
	return false
}

// Target returns the target applying to pr (see Policy for fallbacks).
func (p Policy) Target(pr Priority) Target {
	if !pr.valid() {
		pr = PriorityMEDIUM
	}
	if t, ok := p.Targets[pr]; ok {
		return t
	}
	return defaultTargets()[pr]
}

// DueAt returns when a request of priority pr created at created must be
// resolved, in the calendar's location.
func (p Policy) DueAt(c Calendar, created time.Time, pr Priority) time.Time {
	t := p.Target(pr)
	if t.BusinessHours {
		return c.Add(created, t.Duration)
	}
	return created.In(c.loc()).Add(t.Duration)
}

// used returns how much of the target's clock has run between created and now.
func (t Target) used(c Calendar, created, now time.Time) time.Duration {
	if t.BusinessHours {
		return c.Between(created, now)
	}
	return now.Sub(created)
}

// Standing is the SLA standing of an open request.
type Standing string

// Standing values.
const (
	OnTrack Standing = "ON_TRACK"
	AtRisk  Standing = "AT_RISK" // at least 75% of the target used
	Overdue Standing = "OVERDUE" // now is after the due date
)

// Standing returns the request's standing at now: OVERDUE once now is after
// DueAt, AT_RISK when at least 75% of the target is used, ON_TRACK
// otherwise.
func (p Policy) Standing(c Calendar, created, now time.Time, pr Priority) Standing {
	if now.After(p.DueAt(c, created, pr)) {
		return Overdue
	}
	t := p.Target(pr)
	if 4*t.used(c, created, now) >= 3*t.Duration {
		return AtRisk
	}
	return OnTrack
}

// MaxEscalationLevel is the highest escalation level.
const MaxEscalationLevel = 3

// EscalationLevel returns 0 for a request that is not overdue, 1 when it is
// overdue, plus 1 for every further full target duration overdue (measured
// on the target's clock), capped at MaxEscalationLevel.
func (p Policy) EscalationLevel(c Calendar, created, now time.Time, pr Priority) int {
	if !now.After(p.DueAt(c, created, pr)) {
		return 0
	}
	t := p.Target(pr)
	if t.Duration <= 0 {
		return 1
	}
	over := max(t.used(c, created, now)-t.Duration, 0)
	lvl := 1 + over/t.Duration
	if lvl > MaxEscalationLevel {
		return MaxEscalationLevel
	}
	return int(lvl)
}

// RoundRobin picks the next assignee after last among candidates (IDs,
// ordered ascending; an unsorted slice is sorted on a copy), wrapping around
// and skipping those for which available returns false. A nil available
// treats everyone as available. last need not be a candidate (use 0 when
// nobody was assigned yet); last itself is chosen only when it is the only
// available candidate. It returns false when no candidate is available.
func RoundRobin(candidates []int, last int, available func(int) bool) (int, bool) {
	ids := candidates
	if !slices.IsSorted(ids) {
		ids = slices.Clone(ids)
		slices.Sort(ids)
	}
	n := len(ids)
	start := sort.Search(n, func(i int) bool { return ids[i] > last })
	for k := range n {
		id := ids[(start+k)%n]
		if available == nil || available(id) {
			return id, true
		}
	}
	return 0, false
}
