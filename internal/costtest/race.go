//go:build race

package costtest

// raceSlack widens the bound under the race detector, whose shadow memory
// makes a megabyte cost more per byte than a kilobyte; quadratic work
// (about 1,000,000× for 1,000× the input) still fails by far.
const raceSlack = 3
