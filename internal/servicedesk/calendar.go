package servicedesk

import (
	"errors"
	"fmt"
	"sync"
	"time"
	_ "time/tzdata" // embed the zone database so Asia/Shanghai always loads
)

// DateLayout is the layout of the keys of Calendar.Holidays and
// Calendar.Workdays ("2026-10-01").
const DateLayout = "2006-01-02"

// Default business hours.
const (
	DefaultOpen  = 9 * time.Hour
	DefaultClose = 18 * time.Hour
)

// maxClosedDays bounds the search for the next business day so that a
// calendar without any business day cannot loop forever.
const maxClosedDays = 3660

var defaultLocation = sync.OnceValue(func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*60*60)
	}
	return loc
})

// DefaultLocation returns Asia/Shanghai, or a fixed +08:00 zone named "CST"
// when the zone database is unavailable.
func DefaultLocation() *time.Location { return defaultLocation() }

// Calendar describes when the service desk is open.
//
// Zero values fall back to defaults: a nil Location means Asia/Shanghai,
// Open and Close both zero mean 09:00–18:00, and a nil Weekend means
// Saturday and Sunday (use an empty non-nil slice for a seven-day week).
type Calendar struct {
	// Location is the zone in which business hours and dates are read.
	Location *time.Location
	// Open and Close are the offsets from local midnight of the business
	// hours, e.g. 9h and 18h. Close may be 24h.
	Open, Close time.Duration
	// Weekend lists the days that are closed unless listed in Workdays.
	Weekend []time.Weekday
	// Holidays lists closed dates ("2026-10-01") such as public holidays.
	Holidays map[string]bool
	// Workdays lists dates that are open although they fall on a weekend
	// (China's adjusted working days, 调休).
	Workdays map[string]bool
}

// DefaultCalendar returns the Asia/Shanghai calendar with 09:00–18:00
// business hours, Saturday/Sunday weekends, and the 2026 Chinese public
// holidays and adjusted working days (see ChinaHolidays2026). The maps are
// fresh copies and may be modified by the caller.
func DefaultCalendar() Calendar {
	h, w := ChinaHolidays2026()
	return Calendar{
		Location: DefaultLocation(),
		Open:     DefaultOpen,
		Close:    DefaultClose,
		Weekend:  []time.Weekday{time.Saturday, time.Sunday},
		Holidays: h,
		Workdays: w,
	}
}

// Validate reports configuration errors: business hours outside
// [0, 24h] or not Open < Close, invalid weekend days, a week without any
// working day, malformed date keys and dates that are both a holiday and a
// workday.
func (c Calendar) Validate() error {
	var errs []error
	open, cl := c.hours()
	if open < 0 {
		errs = append(errs, fmt.Errorf("servicedesk: opening time %v is negative", open))
	}
	if cl > 24*time.Hour {
		errs = append(errs, fmt.Errorf("servicedesk: closing time %v is after 24h", cl))
	}
	if open >= cl {
		errs = append(errs, fmt.Errorf("servicedesk: opening time %v is not before closing time %v", open, cl))
	}
	var seen [7]bool
	n := 0
	for _, wd := range c.weekend() {
		if wd < time.Sunday || wd > time.Saturday {
			errs = append(errs, fmt.Errorf("servicedesk: invalid weekend day %d", int(wd)))
			continue
		}
		if !seen[wd] {
			seen[wd] = true
			n++
		}
	}
	if n == 7 {
		errs = append(errs, errors.New("servicedesk: every day of the week is a weekend day"))
	}
	for _, m := range []struct {
		name  string
		dates map[string]bool
	}{{"holiday", c.Holidays}, {"workday", c.Workdays}} {
		for k := range m.dates {
			if t, err := time.Parse(DateLayout, k); err != nil || t.Format(DateLayout) != k {
				errs = append(errs, fmt.Errorf("servicedesk: %s %q is not a YYYY-MM-DD date", m.name, k))
			}
		}
	}
	for k, v := range c.Holidays {
		if v && c.Workdays[k] {
			errs = append(errs, fmt.Errorf("servicedesk: %s is both a holiday and a workday", k))
		}
	}
	return errors.Join(errs...)
}

func (c Calendar) loc() *time.Location {
	if c.Location != nil {
		return c.Location
	}
	return DefaultLocation()
}

func (c Calendar) hours() (open, cl time.Duration) {
	if c.Open == 0 && c.Close == 0 {
		return DefaultOpen, DefaultClose
	}
	return c.Open, c.Close
}

func (c Calendar) weekend() []time.Weekday {
	if c.Weekend == nil {
		return []time.Weekday{time.Saturday, time.Sunday}
	}
	return c.Weekend
}

// date is a calendar day in the calendar's location.
type date struct {
	y int
	m time.Month
	d int
}

func dateOf(t time.Time) date {
	y, m, d := t.Date()
	return date{y, m, d}
}

// next returns the following day (time.Date normalises the overflow).
func (d date) next() date {
	return dateOf(time.Date(d.y, d.m, d.d+1, 12, 0, 0, 0, time.UTC))
}

func (d date) key() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.y, int(d.m), d.d)
}

// at returns the instant of the wall-clock offset off after midnight of d.
// Using time.Date keeps the wall clock right on DST transition days.
func (d date) at(off time.Duration, loc *time.Location) time.Time {
	return time.Date(d.y, d.m, d.d, 0, 0, 0, int(off), loc)
}

func (c Calendar) isBusinessDay(d date, wd time.Weekday) bool {
	k := d.key()
	if c.Workdays[k] {
		return true
	}
	if c.Holidays[k] {
		return false
	}
	for _, w := range c.weekend() {
		if w == wd {
			return false
		}
	}
	return true
}

// window returns the business hours of day d, and false if d is closed.
func (c Calendar) window(d date) (open, cl time.Time, ok bool) {
	loc := c.loc()
	midnight := time.Date(d.y, d.m, d.d, 0, 0, 0, 0, loc)
	if !c.isBusinessDay(d, midnight.Weekday()) {
		return time.Time{}, time.Time{}, false
	}
	o, e := c.hours()
	return d.at(o, loc), d.at(e, loc), true
}

// IsOpen reports whether t falls inside business hours (opening inclusive,
// closing exclusive) of a business day.
func (c Calendar) IsOpen(t time.Time) bool {
	t = t.In(c.loc())
	o, cl, ok := c.window(dateOf(t))
	return ok && !t.Before(o) && t.Before(cl)
}

// Add returns the earliest instant at which d of business time has elapsed
// since start. Time outside business hours, on weekends and on holidays does
// not count; a start outside business hours begins counting at the next
// opening. A non-positive d returns start. The result is in the calendar's
// location. If no business day occurs within about ten years (an invalid
// calendar), Add returns the zero Time.
func (c Calendar) Add(start time.Time, d time.Duration) time.Time {
	t := start.In(c.loc())
	if d <= 0 {
		return t
	}
	day := dateOf(t)
	closed := 0
	for {
		o, cl, ok := c.window(day)
		if ok {
			closed = 0
			if t.Before(o) {
				t = o
			}
			if t.Before(cl) {
				avail := cl.Sub(t)
				if d <= avail {
					return t.Add(d)
				}
				d -= avail
				t = cl
			}
		} else if closed++; closed > maxClosedDays {
			return time.Time{}
		}
		day = day.next()
	}
}

// Between returns the business time elapsed from a to b. It is negative
// when b is before a. Between is the inverse of Add:
// Between(a, Add(a, d)) == d for every d >= 0.
func (c Calendar) Between(a, b time.Time) time.Duration {
	if b.Before(a) {
		return -c.Between(b, a)
	}
	loc := c.loc()
	a, b = a.In(loc), b.In(loc)
	var sum time.Duration
	last := dateOf(b)
	for day := dateOf(a); ; day = day.next() {
		if o, cl, ok := c.window(day); ok {
			lo, hi := o, cl
			if a.After(lo) {
				lo = a
			}
			if b.Before(hi) {
				hi = b
			}
			if hi.After(lo) {
				sum += hi.Sub(lo)
			}
		}
		if day == last {
			return sum
		}
	}
}
