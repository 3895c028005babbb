//go:build race

package refund_test

// raceEnabled: the race detector is on. It multiplies the cost of every
// memory access, more for large fresh allocations than for small reused
// ones, so timing ratios are looser under it.
const raceEnabled = true
