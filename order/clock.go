package order

import (
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/tz"
)

// Clock is a time of day in a policy's location, as the number of
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
// the wall-clock time, also on a day whose clocks change. A time the
// clocks skip (00:30 on a day whose clocks jump from 00:00 to 01:00) is the
// first instant after the jump; "24:00" is the start of the next day,
// whatever the zone does at midnight.
func (c Clock) On(t time.Time) time.Time {
	y, m, d := t.Date()
	if c >= 24*3600 {
		return tz.DayStart(y, m, d+1, t.Location())
	}
	h, mi, s := int(c)/3600, int(c)%3600/60, int(c)%60
	at := time.Date(y, m, d, h, mi, s, 0, t.Location())
	if ah, am, as := at.Clock(); ah != h || am != mi || as != s {
		// The wall time falls in a gap where the clocks jumped forward, and
		// time.Date answered on one side of it (which side depends on the
		// zone). The honest instant is the jump itself: the start of the
		// zone period after the gap.
		start, end := at.ZoneBounds()
		if at.YearDay() != time.Date(y, m, d, 12, 0, 0, 0, t.Location()).YearDay() || ah*3600+am*60+as < int(c) {
			return end // answered before the gap
		}
		return start // answered after the gap
	}
	return at
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
