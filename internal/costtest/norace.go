//go:build !race

package costtest

// raceSlack is 1 without the race detector.
const raceSlack = 1
