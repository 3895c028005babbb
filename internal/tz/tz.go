// Package tz turns the time-zone text of a shop policy into a
// *time.Location without needing the tz database for the common case.
//
// Policies store their zone as text so they load from JSON: "" means
// China Standard Time, "+08:00"-style offsets build fixed zones, and any
// other name ("Asia/Shanghai") is looked up with time.LoadLocation, which
// needs the tz database on the machine. A name is loaded once per process
// and then served from memory, so rules that read a policy's zone on every
// call do no file I/O.
package tz

import (
	"errors"
	"strconv"
	"sync"
	"time"
)

// Default is the zone a policy uses when it names none: China Standard
// Time, UTC+8, with no daylight saving, as time.FixedZone("CST", 8*60*60).
const Default = "+08:00"

// CST is China Standard Time.
var CST = time.FixedZone("CST", 8*60*60)

// whole holds a fixed zone for every whole-hour offset from -12 to +14, so
// that [Location] does not allocate for them. It is never written after
// package initialisation.
var whole = func() [27]*time.Location {
	var w [27]*time.Location
	for h := -12; h <= 14; h++ {
		if h == 8 {
			w[h+12] = CST
			continue
		}
		w[h+12] = time.FixedZone(offsetName(h*3600), h*3600)
	}
	return w
}()

// ErrZone is returned for a zone text that is neither an offset nor a
// known zone name.
var ErrZone = errors.New("unknown time zone")

// Location returns the location named by s: "" or "CST" is [CST];
// "+08:00", "-05:30" or "UTC" are fixed offsets; anything else is passed to
// time.LoadLocation. It allocates only for offsets that are not whole hours
// and for named zones.
func Location(s string) (*time.Location, error) {
	switch s {
	case "", "CST", Default:
		return CST, nil
	case "UTC", "Z", "+00:00":
		return whole[12], nil
	}
	if sec, ok := parseOffset(s); ok {
		if sec%3600 == 0 {
			return whole[sec/3600+12], nil
		}
		return time.FixedZone(offsetName(sec), sec), nil
	}
	if loc, ok := named.Load(s); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(s)
	if err != nil {
		return nil, ErrZone // not cached: a hostile name cannot grow the cache
	}
	named.Store(s, loc)
	return loc, nil
}

// named caches the zones time.LoadLocation found, by name. Only names the
// tz database knows are stored, so it stays small; a *time.Location is
// immutable and safe to share.
var named sync.Map

// parseOffset reads "+HH:MM" or "-HH:MM" within -12:00 … +14:00.
func parseOffset(s string) (int, bool) {
	if len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[1:3])
	m, err2 := strconv.Atoi(s[4:6])
	if err1 != nil || err2 != nil || m >= 60 || s[1] == '+' || s[1] == '-' || s[4] == '+' || s[4] == '-' {
		return 0, false
	}
	sec := h*3600 + m*60
	if s[0] == '-' {
		sec = -sec
	}
	if sec < -12*3600 || sec > 14*3600 {
		return 0, false
	}
	return sec, true
}

func offsetName(sec int) string {
	sign := byte('+')
	if sec < 0 {
		sign, sec = '-', -sec
	}
	h, m := sec/3600, sec%3600/60
	return "UTC" + string(sign) + strconv.Itoa(h/10) + strconv.Itoa(h%10) + ":" + strconv.Itoa(m/10) + strconv.Itoa(m%10)
}

// DayStart returns the first instant of the calendar day y-m-d in loc
// (m and d may be out of range and are normalised as time.Date does). That
// is midnight, except in zones whose clocks skip midnight on the day
// (America/Santiago, America/Havana …), where the day starts at the
// transition, say 01:00; time.Date alone would give 23:00 of the day
// before. A day the zone skipped entirely (Pacific/Apia, 2011-12-30) has
// no instant: DayStart returns the start of the next day that exists.
func DayStart(y int, m time.Month, d int, loc *time.Location) time.Time {
	t := time.Date(y, m, d, 0, 0, 0, 0, loc)
	want := time.Date(y, m, d, 0, 0, 0, 0, time.UTC) // normalised y-m-d
	for range 3 {
		ty, tm, td := t.Date()
		if !time.Date(ty, tm, td, 0, 0, 0, 0, time.UTC).Before(want) {
			return t
		}
		// t fell in the day before: midnight does not exist, and the day
		// starts where the zone period holding t ends.
		_, end := t.ZoneBounds()
		if end.IsZero() || !end.After(t) {
			return t
		}
		t = end
	}
	return t
}

// DayEnd returns the last second of the calendar day y-m-d in loc:
// one second before the next day's [DayStart], so 23:59:59 whatever the
// zone does at midnight.
func DayEnd(y int, m time.Month, d int, loc *time.Location) time.Time {
	return DayStart(y, m, d+1, loc).Add(-time.Second)
}

// StartOfDay returns the [DayStart] of t's calendar day in t's location.
func StartOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return DayStart(y, m, d, t.Location())
}

// EndOfDay returns the [DayEnd] of t's calendar day in t's location.
func EndOfDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return DayEnd(y, m, d, t.Location())
}

// DaysBetween returns the number of calendar days from a's day to b's day,
// each read in its own location: 0 for the same day, 1 for the next,
// negative when b's day is earlier. It is date arithmetic, never a
// division of a duration by 24 hours.
func DaysBetween(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	x := time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)
	y := time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC)
	return int(y.Sub(x).Round(24*time.Hour) / (24 * time.Hour))
}
