package costtest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/costtest"
)

var sink int

func work(n int) func() {
	return func() {
		for i := range n {
			sink += i
		}
	}
}

// TestAssertLinearTellsLinearFromQuadratic proves the measure separates
// the two shapes it exists for: a 1,000× larger linear loop passes, and a
// quadratic one (1,000,000×) fails.
func TestAssertLinearTellsLinearFromQuadratic(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	costtest.AssertLinear(t, work(1000), work(1_000_000), costtest.MaxRatio)
	quadratic := func(n int) func() { return work(n * n) }
	s, l := costtest.Fastest(quadratic(100)), costtest.Fastest(quadratic(3200))
	assert.Greater(t, float64(l)/float64(s), 100.0, "32× larger, quadratic: about 1,000× the time")
}
