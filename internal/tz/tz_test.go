package tz_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/tz"
)

func TestLocation(t *testing.T) {
	for _, s := range []string{"", "CST", "+08:00"} {
		loc, err := tz.Location(s)
		require.NoError(t, err)
		assert.Same(t, tz.CST, loc, s)
	}
	at := time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC)
	for s, off := range map[string]int{"UTC": 0, "-05:00": -5 * 3600, "+05:30": 5*3600 + 1800, "+14:00": 14 * 3600} {
		loc, err := tz.Location(s)
		require.NoError(t, err, s)
		_, got := at.In(loc).Zone()
		assert.Equal(t, off, got, s)
	}
	for _, bad := range []string{"+15:00", "+8:00", "+08:60", "08:00", "Mars/Olympus", "+-1:00"} {
		_, err := tz.Location(bad)
		assert.ErrorIs(t, err, tz.ErrZone, "hostile: %q", bad)
	}
	allocs := testing.AllocsPerRun(100, func() { _, _ = tz.Location("-03:00") })
	assert.Zero(t, allocs, "whole-hour offsets are prebuilt")
}

// A named zone is read from the tz database once; later calls return the
// same location from memory, without I/O or allocation.
func TestLocationCachesNamedZones(t *testing.T) {
	first, err := tz.Location("Asia/Shanghai")
	if err != nil {
		t.Skip("this machine has no tz database:", err)
	}
	again, err := tz.Location("Asia/Shanghai")
	require.NoError(t, err)
	assert.Same(t, first, again)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = tz.Location("Asia/Shanghai") }))
}
