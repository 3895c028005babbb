//go:build !race

package notes_test

const raceEnabled = false
