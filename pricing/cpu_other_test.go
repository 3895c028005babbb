//go:build !unix

package pricing_test

import "time"

var start = time.Now()

// processCPU falls back to wall time where the platform does not tell a
// process's CPU time.
func processCPU() time.Duration { return time.Since(start) }
