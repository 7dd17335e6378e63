// Package servicedesk implements the SLA clock of service requests (work
// orders): business calendars with Chinese public holidays and adjusted
// working days (调休), per-priority resolution targets, due-date and standing
// computation, escalation levels and round-robin assignment.
//
// The package is pure Go and does not touch the database; callers pass the
// request's creation time, the current time and its priority (the same
// values as ent's servicerequest.Priority).
//
// Business time is counted only inside the calendar's opening hours on
// business days. A day is a business day when it is listed in
// Calendar.Workdays, or else when it is neither in Calendar.Holidays nor a
// weekend day. All results are expressed in the calendar's location.
package servicedesk
