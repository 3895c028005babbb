package tz_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/tz"
)

// calendarZones are zones with every kind of midnight: none, fixed, DST
// at 01:00, clocks that skip midnight (Santiago, Havana), a half-hour DST
// (Lord Howe) and a zone that skipped a whole day (Apia, 2011-12-30).
var calendarZones = []string{"Asia/Shanghai", "UTC", "America/Santiago", "America/Havana",
	"Europe/London", "Australia/Lord_Howe", "Pacific/Apia"}

// TestDayBoundsInEveryZone proves, for every day of 2011 and of 2026–2027
// in every zone, that a day starts on its own date, ends at 23:59:59 of
// that date, and that the end is one second before the next day's start —
// also on days whose clocks skip midnight (rules S6, O5, S10, N4).
func TestDayBoundsInEveryZone(t *testing.T) {
	for _, name := range calendarZones {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		for _, span := range [][2]time.Time{
			{time.Date(2011, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2012, 1, 1, 0, 0, 0, 0, time.UTC)},
			{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)},
		} {
			for d := span[0]; d.Before(span[1]); d = d.AddDate(0, 0, 1) {
				y, m, dd := d.Date()
				start, end := tz.DayStart(y, m, dd, loc), tz.DayEnd(y, m, dd, loc)
				if name == "Pacific/Apia" && y == 2011 && m == 12 && dd == 30 {
					// The day was skipped: it has no instant.
					assert.Equal(t, 31, start.Day(), "a skipped day starts the next day that exists")
					continue
				}
				sy, sm, sd := start.Date()
				assert.Equal(t, [3]int{y, int(m), dd}, [3]int{sy, int(sm), sd}, "%s %v: start on its own date", name, d)
				assert.True(t, start.Add(-time.Nanosecond).Day() != dd || start.Add(-time.Nanosecond).Month() != m,
					"%s %v: nothing of the day before %v", name, d, start)
				ey, em, ed := end.Date()
				assert.Equal(t, [3]int{y, int(m), dd}, [3]int{ey, int(em), ed}, "%s %v: end on its own date", name, d)
				assert.Equal(t, "23:59:59", end.Format("15:04:05"), "%s %v: last second", name, d)
				assert.True(t, end.After(start), "%s %v", name, d)
				assert.Equal(t, dd, tz.StartOfDay(end).Day())
				assert.True(t, tz.EndOfDay(start).Equal(end))
			}
		}
	}
}

// TestSantiagoSkipsMidnight pins the reproducer of the reliability issue:
// on 2027-09-05 Santiago's clocks go from 00:00 to 01:00.
func TestSantiagoSkipsMidnight(t *testing.T) {
	loc, err := time.LoadLocation("America/Santiago")
	require.NoError(t, err)
	assert.Equal(t, "2027-09-04 23:00", time.Date(2027, 9, 5, 0, 0, 0, 0, loc).Format("2006-01-02 15:04"),
		"time.Date alone falls into the day before")
	assert.Equal(t, "2027-09-05 01:00:00 -03", tz.DayStart(2027, 9, 5, loc).Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, "2027-09-04 23:59:59 -04", tz.DayEnd(2027, 9, 4, loc).Format("2006-01-02 15:04:05 -07"))
}

func TestDaysBetween(t *testing.T) {
	loc, err := time.LoadLocation("America/Santiago")
	require.NoError(t, err)
	a := time.Date(2027, 9, 4, 23, 30, 0, 0, loc)
	assert.Equal(t, 1, tz.DaysBetween(a, tz.DayStart(2027, 9, 5, loc)))
	assert.Equal(t, 3, tz.DaysBetween(a, time.Date(2027, 9, 7, 12, 0, 0, 0, loc)))
	assert.Equal(t, 0, tz.DaysBetween(a, a))
	assert.Equal(t, -1, tz.DaysBetween(tz.DayStart(2027, 9, 5, loc), a))
}
