//go:build !linux

package shipping_test

import "time"

// threadTime returns the wall-clock time where no thread CPU clock is at
// hand.
func threadTime() time.Duration { return time.Duration(time.Now().UnixNano()) }
