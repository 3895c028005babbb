package notes_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
)

// TestDueSoonNegativeWindowIsEmpty pins the reproducer of the reliability
// issue (rule N3): with a promise due before now and one after, a
// negative window made Ledger.DueSoon slice [1:0] and panic, while
// Tracker.DueSoon answered empty. A window is the span [now, now+soon]:
// a negative one holds nothing, in both, and Promise.State agrees.
func TestDueSoonNegativeWindowIsEmpty(t *testing.T) {
	ps := []notes.Promise{
		openPromise("before", notes.RefundBy, t0.Add(-time.Hour)),
		openPromise("after", notes.RefundBy, t0.Add(time.Hour)),
	}
	l, err := notes.NewLedger(ps)
	require.NoError(t, err)
	tr, err := notes.NewTracker(ps)
	require.NoError(t, err)
	for _, soon := range []time.Duration{-time.Nanosecond, -time.Minute, -2 * time.Hour, math.MinInt64} {
		assert.NotPanics(t, func() { assert.Empty(t, l.DueSoon(t0, soon), soon) })
		assert.Empty(t, tr.DueSoon(t0, soon), soon)
		for _, p := range ps {
			assert.NotEqual(t, notes.DueSoon, p.State(t0, soon), "%s %v", p.ID, soon)
		}
	}
}

// TestWindowsAgree is a property test of every window parameter of the
// package (rule N3): for random promises and any window — negative, zero,
// a nanosecond, hours, the largest durations — Ledger.DueSoon,
// Tracker.DueSoon and Promise.State give the same promises, and so do the
// overdue lists; nothing panics.
func TestWindowsAgree(t *testing.T) {
	rng := rand.New(rand.NewPCG(10, 1))
	windows := []time.Duration{math.MinInt64, -48 * time.Hour, -time.Second, -1, 0, 1, time.Second,
		time.Hour, 2 * time.Hour, 48 * time.Hour, math.MaxInt64}
	for round := range 200 {
		n := rng.IntN(30)
		ps := make([]notes.Promise, n)
		for i := range ps {
			// Due times in minutes around now, with ties.
			due := t0.Add(time.Duration(rng.IntN(600)-300) * time.Minute)
			ps[i] = openPromise(fmt.Sprintf("r%d-%d", round, i), notes.CallBack, due)
			if rng.IntN(5) == 0 {
				ps[i].DoneAt = t0
			}
		}
		l, err := notes.NewLedger(ps)
		require.NoError(t, err)
		tr, err := notes.NewTracker(ps)
		require.NoError(t, err)
		now := t0.Add(time.Duration(rng.IntN(120)-60) * time.Minute)
		for _, soon := range append(windows, time.Duration(rng.Int64N(1<<44)-1<<43)) {
			var wantSoon, wantOver []string
			for _, p := range l.Promises() { // by due time, then ID
				switch p.State(now, soon) {
				case notes.DueSoon:
					wantSoon = append(wantSoon, p.ID)
				case notes.Overdue:
					wantOver = append(wantOver, p.ID)
				}
			}
			assert.Equal(t, wantSoon, nilIfEmpty(ids(l.DueSoon(now, soon))), "ledger, window %v", soon)
			assert.Equal(t, wantSoon, nilIfEmpty(ids(tr.DueSoon(now, soon))), "tracker, window %v", soon)
			assert.Equal(t, wantOver, nilIfEmpty(ids(l.Overdue(now))), "ledger overdue")
			assert.Equal(t, wantOver, nilIfEmpty(ids(tr.Overdue(now))), "tracker overdue")
		}
	}
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}
