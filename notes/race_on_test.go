//go:build race

package notes_test

// raceEnabled: the race detector is on, and slows encoding/json about
// tenfold.
const raceEnabled = true
