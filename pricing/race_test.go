//go:build race

package pricing_test

// raceEnabled: the race detector slows every memory access tenfold, so
// the cost tests take fewer rounds (and retry a disturbed one).
const raceEnabled = true
