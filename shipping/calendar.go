package shipping

import (
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/tz"
)

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
	if len(s) != len(time.DateOnly) {
		return Date{}, fieldErr("date", s, ErrInvalidText, `want "YYYY-MM-DD"`)
	}
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
	return DateOf(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)) == d
}

// Start returns the first instant of d in loc: midnight, or the moment
// the clocks jump to on a day whose clocks skip midnight (01:00 on
// 2027-09-05 in America/Santiago; time.Date alone gives 23:00 of the day
// before). For a day the zone skipped entirely (Pacific/Apia, 2011-12-30)
// it is the start of the next day that exists.
func (d Date) Start(loc *time.Location) time.Time { return tz.DayStart(d.Year, d.Month, d.Day, loc) }

// End returns the last second of d in loc: 23:59:59, one second before
// the next day's [Date.Start], whatever the zone does at midnight.
func (d Date) End(loc *time.Location) time.Time { return tz.DayEnd(d.Year, d.Month, d.Day, loc) }

// existsIn reports whether d has any instant in loc: false only for a day
// the zone skipped (Pacific/Apia, 2011-12-30).
func (d Date) existsIn(loc *time.Location) bool { return DateOf(d.Start(loc)) == d }

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
