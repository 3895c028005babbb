//go:build !race

package perftest_test

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
