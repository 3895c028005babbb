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
