package order_test

import (
	"runtime"
	"testing"
	"time"
)

// maxCostRatio is how many times longer an input a thousand times larger
// (1 kB → 1 MB) or a hundred times larger (1,000 → 100,000 items) may
// take: linear work gives about 1,000 or 100, n log n a little more, and
// quadratic work a million or ten thousand (issue 10, "cost of hostile
// input").
const maxCostRatio = 1500

// assertLinearCost measures small and large, each as the fastest of a few
// rounds (small ones repeated until a round lasts a few milliseconds, so
// the clock's resolution does not matter), and fails when large takes
// more than maxCostRatio times as long. It is a ratio within one run, so
// it holds on a loaded machine and under -race.
func assertLinearCost(t *testing.T, small, large func()) {
	t.Helper()
	if testing.Short() {
		t.Skip("timing")
	}
	s, l := fastest(small), fastest(large)
	ratio := float64(l) / float64(s)
	t.Logf("small %v, large %v: ratio %.0f", s, l, ratio)
	if ratio > maxCostRatio {
		t.Errorf("large input took %.0f× the small one's time (%v vs %v), more than %d×", ratio, l, s, maxCostRatio)
	}
}

// fastest returns the shortest time f takes per call over a few rounds.
func fastest(f func()) time.Duration {
	f() // warm up
	best := time.Duration(1<<63 - 1)
	for range 5 {
		runtime.GC()
		n, start := 0, time.Now()
		for {
			f()
			n++
			if d := time.Since(start); d >= 2*time.Millisecond || n >= 1<<16 {
				best = min(best, d/time.Duration(n))
				break
			}
		}
	}
	return max(best, time.Nanosecond)
}
