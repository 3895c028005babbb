package notes_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
)

// calendarZones are zones with every kind of midnight: none, fixed, DST at
// 01:00, clocks that skip midnight (Santiago, Havana), a half-hour DST
// (Lord Howe) and a zone that skipped a whole day (Apia, 2011-12-30).
var calendarZones = []string{"Asia/Shanghai", "UTC", "America/Santiago", "America/Havana",
	"Europe/London", "Australia/Lord_Howe", "Pacific/Apia"}

// TestAgendaSantiagoSkipsMidnight pins the reproducer of the reliability
// issue (rule N4): on 2027-09-05 Santiago's clocks go from 00:00 to
// 01:00. A promise due 23:15 that day is overdue at 23:30; the day began
// at 01:00 and nothing else is due before it ends. Agenda panicked
// (slice bounds) because it built the day from a midnight that does not
// exist and added a day to it.
func TestAgendaSantiagoSkipsMidnight(t *testing.T) {
	loc, err := time.LoadLocation("America/Santiago")
	require.NoError(t, err)
	p := notes.DefaultPolicy()
	p.Zone = "America/Santiago"
	at := func(d, hh, mm int) time.Time { return time.Date(2027, 9, d, hh, mm, 0, 0, loc) }
	l, err := notes.NewLedger([]notes.Promise{
		openPromise("late", notes.CallBack, at(5, 23, 15)),
		openPromise("tomorrow", notes.CallBack, at(6, 0, 30)),
	})
	require.NoError(t, err)
	var a notes.Agenda
	require.NotPanics(t, func() { a, err = p.Agenda(l, at(5, 23, 30)) })
	require.NoError(t, err)
	assert.Equal(t, "2027-09-05 01:00:00 -03", a.Day.In(loc).Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, []string{"late"}, ids(a.Overdue))
	assert.Empty(t, a.DueToday, "00:30 on the 6th is tomorrow")
	assert.Equal(t, []string{"late"}, ids(a.Calls))

	a, err = p.Agenda(l, at(5, 22, 0))
	require.NoError(t, err)
	assert.Equal(t, []string{"late"}, ids(a.DueToday), "23:15 is still today")
}

// TestAgendaCalendarProperty is a property test of the daily record in
// every zone of calendarZones (rule N4): for times spread over two years
// (and Apia's skipped day), Agenda never panics; its day is now's calendar
// day in the zone and starts at the first instant of that date; every
// promise due today is due from now until the next day starts and on
// now's date; every open promise due in that span is listed; overdue ones
// are due before now.
func TestAgendaCalendarProperty(t *testing.T) {
	spans := [][2]time.Time{
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)},
		{time.Date(2011, 12, 28, 0, 0, 0, 0, time.UTC), time.Date(2012, 1, 3, 0, 0, 0, 0, time.UTC)},
	}
	// Offsets of due times from now: before, just after, around the
	// hours where the clocks jump, into tomorrow.
	offsets := []time.Duration{-25 * time.Hour, -time.Minute, 0, time.Minute, 30 * time.Minute,
		time.Hour, 90 * time.Minute, 3 * time.Hour, 7 * time.Hour, 13 * time.Hour, 23 * time.Hour, 26 * time.Hour}
	for _, name := range calendarZones {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		p := notes.DefaultPolicy()
		p.Zone = name
		checked := 0
		for _, span := range spans {
			// A step that is not a divisor of a day walks every time of day.
			for now := span[0]; now.Before(span[1]); now = now.Add(5*time.Hour + 17*time.Minute) {
				ps := make([]notes.Promise, len(offsets))
				for i, off := range offsets {
					ps[i] = openPromise(fmt.Sprintf("o%d", i), notes.CallBack, now.Add(off))
				}
				l, err := notes.NewLedger(ps)
				require.NoError(t, err)
				var a notes.Agenda
				require.NotPanics(t, func() { a, err = p.Agenda(l, now) }, "%s %v", name, now)
				require.NoError(t, err)

				local := now.In(loc)
				y, m, d := local.Date()
				dy, dm, dd := a.Day.In(loc).Date()
				require.Equal(t, [3]int{y, int(m), d}, [3]int{dy, int(dm), dd}, "%s %v: the day is now's date", name, local)
				before := a.Day.Add(-time.Nanosecond).In(loc)
				require.False(t, before.Year() == y && before.Month() == m && before.Day() == d,
					"%s %v: the day starts at its first instant, not %v", name, local, a.Day.In(loc))
				require.False(t, a.Day.After(now), "%s %v", name, local)

				today := map[string]bool{}
				for _, pr := range a.DueToday {
					today[pr.ID] = true
					py, pm, pd := pr.Due.In(loc).Date()
					require.Equal(t, [3]int{y, int(m), d}, [3]int{py, int(pm), pd}, "%s %v: %s due %v is not today",
						name, local, pr.ID, pr.Due.In(loc))
					require.False(t, pr.Due.Before(now))
				}
				for _, pr := range ps {
					py, pm, pd := pr.Due.In(loc).Date()
					if !pr.Due.Before(now) && py == y && pm == m && pd == d {
						require.True(t, today[pr.ID], "%s %v: %s due %v is today but missing", name, local, pr.ID, pr.Due.In(loc))
					}
				}
				for _, pr := range a.Overdue {
					require.True(t, pr.Due.Before(now))
				}
				checked++
			}
		}
		assert.Greater(t, checked, 3000, name)
	}
}
