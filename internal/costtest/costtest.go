// Package costtest measures, for kefu's tests, that hostile input costs
// time linear in its size: the same kind of input at 1 kB and at 1 MB (or
// 1,000 and 100,000 items) takes at most a bounded multiple longer.
//
// It measures the CPU time of the calling OS thread, not wall time, so
// that other work on a shared machine — other test binaries, other
// builds — does not count against the input: on a machine loaded 4× a
// wall-clock ratio wanders by more than the margin between linear and
// quadratic. It is imported by tests only.
package costtest

import (
	"runtime"
	"testing"
	"time"
)

// MaxRatio is the largest ratio of the large input's time to the small
// one's that [AssertLinear] accepts for a 1,000× larger input: linear
// work measures about 1,000×; quadratic would be about 1,000,000×.
const MaxRatio = 1500

// Fastest returns the least CPU time f takes per call over a few rounds,
// each long enough for the clock to resolve.
func Fastest(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	f() // warm up
	best := time.Duration(1<<63 - 1)
	begin := time.Now()
	for rounds := 0; rounds < 5 && (rounds < 2 || time.Since(begin) < 300*time.Millisecond); rounds++ {
		runtime.GC()
		n, start := 0, threadTime()
		for {
			f()
			n++
			if d := threadTime() - start; d >= 2*time.Millisecond || n >= 1<<16 {
				best = min(best, d/time.Duration(n))
				break
			}
		}
	}
	return max(best, time.Nanosecond)
}

// Limit returns maxRatio as [AssertLinear] applies it: three times wider
// under the race detector.
func Limit(maxRatio float64) float64 { return maxRatio * raceSlack }

// AssertLinear fails t when large takes more than [Limit](maxRatio) times
// the time of small. A ratio above the bound is measured twice more,
// interleaved, keeping the fastest of all, before the test fails:
// superlinear work fails again. It is skipped under -short.
func AssertLinear(t testing.TB, small, large func(), maxRatio float64) {
	t.Helper()
	if testing.Short() {
		t.Skip("timing")
	}
	maxRatio = Limit(maxRatio)
	s, l := Fastest(small), Fastest(large)
	ratio := float64(l) / float64(s)
	for range 2 {
		if ratio <= maxRatio {
			break
		}
		s, l = min(s, Fastest(small)), min(l, Fastest(large))
		ratio = float64(l) / float64(s)
	}
	t.Logf("small %v, large %v of CPU: ratio %.0f", s, l, ratio)
	if ratio > maxRatio {
		t.Errorf("large input took %.0f× the small one's CPU time (%v vs %v), more than %.0f×", ratio, l, s, maxRatio)
	}
}

// Once returns the CPU time of the calling thread that one call of f
// takes, for work that cannot be repeated (it changes what it measures).
func Once(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	start := threadTime()
	f()
	return max(threadTime()-start, time.Nanosecond)
}
