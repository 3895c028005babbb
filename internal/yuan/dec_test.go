package yuan_test

import (
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/yuan"
)

// TestDecIsDecimalNew: Dec gives the amount decimal.New gives, with two
// decimals, on both sides of the shared range and for negative amounts
// (rule P7: exact, never rounded).
func TestDecIsDecimalNew(t *testing.T) {
	for _, fen := range []int64{0, 1, 99, 1000, 12850, yuan.DecCached - 1, yuan.DecCached, yuan.DecCached + 1,
		-1, -1000, -yuan.DecCached, yuan.MaxFen, -yuan.MaxFen} {
		for range 2 { // built, then shared
			d := yuan.Dec(fen)
			assert.True(t, d.Equal(decimal.New(fen, -2)), "%d fen: %s", fen, d)
			assert.Equal(t, int32(-2), d.Exponent(), "%d fen", fen)
		}
	}
}

// TestDecSharesSmallAmounts: an amount up to DecCached allocates nothing
// once it has been seen; one above, or a negative one, allocates what
// decimal.New does.
func TestDecSharesSmallAmounts(t *testing.T) {
	for _, fen := range []int64{1, 1000, yuan.DecCached} {
		_ = yuan.Dec(fen)
		assert.Zero(t, testing.AllocsPerRun(100, func() { sinkDec = yuan.Dec(fen) }), "%d fen", fen)
	}
	for _, fen := range []int64{yuan.DecCached + 1, -1000} {
		assert.Positive(t, testing.AllocsPerRun(100, func() { sinkDec = yuan.Dec(fen) }), "%d fen", fen)
	}
}

var sinkDec decimal.Decimal

// TestDecSharedValueIsNeverWritten: what a caller does with a shared
// decimal — arithmetic, rounding, rescaling, negating — leaves the
// amount every later Dec returns as it was, so one order's arithmetic can
// never change another's price.
func TestDecSharedValueIsNeverWritten(t *testing.T) {
	d := yuan.Dec(4950)
	other := yuan.Dec(1)
	_ = d.Add(other)
	_ = other.Add(d)
	_ = d.Sub(other)
	_ = other.Sub(d)
	_ = d.Mul(other)
	_ = d.Div(decimal.NewFromInt(3))
	_ = d.Neg()
	_ = d.Abs()
	_ = d.Round(0)
	_ = d.Truncate(1)
	_ = d.Shift(2)
	_ = d.Floor()
	_ = d.Ceil()
	_ = d.Coefficient().SetInt64(7)
	_ = d.BigInt().SetInt64(7)
	_ = d.Mod(decimal.NewFromInt(7))
	_ = d.StringFixed(4)
	var decoded [3]decimal.Decimal
	for i := range decoded {
		decoded[i] = yuan.Dec(4950)
	}
	require.NoError(t, decoded[0].UnmarshalJSON([]byte(`"7.00"`)))
	require.NoError(t, decoded[1].UnmarshalText([]byte("7.00")))
	require.NoError(t, decoded[2].Scan("7.00"))
	assert.Equal(t, "49.50", yuan.Dec(4950).StringFixed(2))
	assert.Equal(t, "0.01", yuan.Dec(1).StringFixed(2))
	assert.Equal(t, "49.50", d.StringFixed(2))
}

// TestDecConcurrentFirstCalls: many goroutines asking for the same
// amounts for the first time at once all get the right amount (run with
// -race: the shared table is written and read atomically).
func TestDecConcurrentFirstCalls(t *testing.T) {
	const base = 40000 // amounts no other test asks for
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for fen := int64(base); fen < base+500; fen++ {
				if d := yuan.Dec(fen); !d.Equal(decimal.New(fen, -2)) || d.Exponent() != -2 {
					select {
					case errs <- d.String():
					default:
					}
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		require.Fail(t, "wrong shared amount", e)
	}
}
