package shipping

import (
	"strconv"
	"time"
)

// Clock is a time of day in the policy's location, as the number of
// seconds after midnight. Its text form is "16:00" (or "16:00:30" when the
// seconds are not zero); "24:00" is the end of the day. The zero Clock is
// unset and no valid cutoff.
type Clock int32

// ParseClock reads "HH:MM" or "HH:MM:SS", from "00:00:01" to "24:00". Other
// text is an error wrapping [ErrInvalidText].
func ParseClock(s string) (Clock, error) {
	bad := fieldErr("clock", s, ErrInvalidText, `want "HH:MM" or "HH:MM:SS", up to "24:00"`)
	if len(s) != 5 && len(s) != 8 {
		return 0, bad
	}
	num := func(a string) (int, bool) {
		if len(a) != 2 || a[0] < '0' || a[0] > '9' || a[1] < '0' || a[1] > '9' {
			return 0, false
		}
		return int(a[0]-'0')*10 + int(a[1]-'0'), true
	}
	h, ok1 := num(s[0:2])
	m, ok2 := num(s[3:5])
	sec, ok3 := 0, true
	if len(s) == 8 {
		if s[5] != ':' {
			return 0, bad
		}
		sec, ok3 = num(s[6:8])
	}
	if !ok1 || !ok2 || !ok3 || s[2] != ':' || m > 59 || sec > 59 || h > 24 {
		return 0, bad
	}
	c := Clock(h*3600 + m*60 + sec)
	if c == 0 || c > 24*3600 {
		return 0, bad
	}
	return c, nil
}

// MustParseClock is like [ParseClock] but panics on error; use it only for
// literals.
func MustParseClock(s string) Clock {
	c, err := ParseClock(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is a time of day from 00:00:01 to 24:00.
func (c Clock) IsValid() bool { return c > 0 && c <= 24*3600 }

// String returns "16:00", "16:00:30", or "Clock(N)" for an invalid value.
func (c Clock) String() string {
	if !c.IsValid() {
		return "Clock(" + strconv.Itoa(int(c)) + ")"
	}
	two := func(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
	b := make([]byte, 0, 8)
	b = two(b, int(c)/3600)
	b = append(b, ':')
	b = two(b, int(c)%3600/60)
	if s := int(c) % 60; s != 0 {
		b = append(b, ':')
		b = two(b, s)
	}
	return string(b)
}

// On returns the instant of c on the calendar day of t, in t's location:
// the wall-clock time, also on a day whose clocks change; "24:00" is the
// next day's midnight.
func (c Clock) On(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, int(c)/3600, int(c)%3600/60, int(c)%60, 0, t.Location())
}

// MarshalText returns the text form; an invalid Clock is an error.
func (c Clock) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fieldErr("clock", c.String(), ErrInvalidText, "")
	}
	return []byte(c.String()), nil
}

// UnmarshalText accepts what [ParseClock] accepts; "" is the zero Clock.
func (c *Clock) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = 0
		return nil
	}
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Date is a calendar day in the policy's location, such as a non-working
// day. Its text form is "2026-10-01". The zero Date is unset.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads "YYYY-MM-DD"; other text, or a day that does not exist,
// is an error wrapping [ErrInvalidText].
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fieldErr("date", s, ErrInvalidText, `want "YYYY-MM-DD"`)
	}
	return DateOf(t), nil
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsValid reports whether d is a day that exists, in years 1 to 9999.
func (d Date) IsValid() bool {
	if d.Year < 1 || d.Year > 9999 || d.Month < 1 || d.Month > 12 || d.Day < 1 {
		return false
	}
	return DateOf(d.Start(time.UTC)) == d
}

// Start returns midnight at the start of d in loc.
func (d Date) Start(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// AddDays returns the day n days after d (before, for negative n).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool {
	if d.Year != e.Year {
		return d.Year < e.Year
	}
	if d.Month != e.Month {
		return d.Month < e.Month
	}
	return d.Day < e.Day
}

// DaysUntil returns the number of calendar days from d to e (negative when
// e is before d).
func (d Date) DaysUntil(e Date) int {
	a := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	b := time.Date(e.Year, e.Month, e.Day, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Round(24*time.Hour) / (24 * time.Hour))
}

// String returns "2026-10-01", or "" for the zero Date.
func (d Date) String() string {
	if d == (Date{}) {
		return ""
	}
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}

// MarshalText returns the text form; an invalid Date is an error.
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fieldErr("date", strconv.Itoa(d.Year)+"-"+strconv.Itoa(int(d.Month))+"-"+strconv.Itoa(d.Day), ErrInvalidText, "no such day")
	}
	return []byte(d.String()), nil
}

// UnmarshalText accepts what [ParseDate] accepts.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Period is a stretch of time, from Start (included) to End (excluded),
// such as a big promotion or a free-shipping promotion. A Period is a
// plain value; the zero Period is empty and contains no instant.
type Period struct {
	Name  string    `json:"name,omitempty"`
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Contains reports whether t lies in the period: Start ≤ t < End.
func (p Period) Contains(t time.Time) bool { return !t.Before(p.Start) && t.Before(p.End) }

// Duration is a [time.Duration] whose text form is Go's ("48h0m0s"; any
// form [time.ParseDuration] reads is accepted), so that policies written
// as JSON stay readable.
type Duration time.Duration

// MarshalText returns the duration as [time.Duration.String] writes it.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText accepts what [time.ParseDuration] reads; other text is an
// error wrapping [ErrInvalidText].
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fieldErr("duration", string(b), ErrInvalidText, `want a Go duration such as "48h"`)
	}
	*d = Duration(v)
	return nil
}

// Weekday is a day of the week with a lower-case English text form
// ("sunday"), for weekly rest days in a policy.
type Weekday time.Weekday

var weekdayNames = [...]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// IsValid reports whether d is Sunday (0) to Saturday (6).
func (d Weekday) IsValid() bool { return d >= 0 && int(d) < len(weekdayNames) }

// String returns "sunday" … "saturday", or "Weekday(N)" out of range.
func (d Weekday) String() string {
	if !d.IsValid() {
		return "Weekday(" + strconv.Itoa(int(d)) + ")"
	}
	return weekdayNames[d]
}

// MarshalText returns the lower-case name; an invalid day is an error.
func (d Weekday) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fieldErr("weekday", d.String(), ErrInvalidText, "")
	}
	return []byte(weekdayNames[d]), nil
}

// UnmarshalText accepts "sunday" … "saturday"; other text is an error
// wrapping [ErrInvalidText].
func (d *Weekday) UnmarshalText(b []byte) error {
	for i, n := range weekdayNames {
		if n == string(b) {
			*d = Weekday(i)
			return nil
		}
	}
	return fieldErr("weekday", string(b), ErrInvalidText, `want "sunday" … "saturday"`)
}

// weekday returns the day of the week of d.
func (d Date) weekday() Weekday {
	return Weekday(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday())
}
