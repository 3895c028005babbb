package yuan_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/yuan"
)

func TestFen(t *testing.T) {
	cases := []struct {
		in     string
		fen    int64
		ok     bool
		reason string
	}{
		{"128.50", 12850, true, "two decimals"},
		{"128.5", 12850, true, "one decimal"},
		{"128", 12800, true, "integer"},
		{"1.500", 150, true, "trailing zero below the fen is exact"},
		{"0", 0, true, "zero"},
		{"-0.05", -5, true, "negative amounts convert; callers decide"},
		{"0.001", 0, false, "a digit below the fen is refused, not rounded"},
		{"1e3", 100000, true, "positive exponent"},
		{"10000000000000", 1000000000000000, true, "exactly MaxFen"},
		{"10000000000000.01", 0, false, "above MaxFen"},
		{"123456789012345678901234567890", 0, false, "coefficient beyond int64"},
		{"1e40", 0, false, "huge exponent"},
		{"0e40", 0, true, "zero with a huge exponent"},
		{"1e-40", 0, false, "tiny"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			fen, ok := yuan.Fen(decimal.RequireFromString(c.in))
			assert.Equal(t, c.ok, ok)
			assert.Equal(t, c.fen, fen)
		})
	}
}

func TestFenDoesNotAllocate(t *testing.T) {
	d := decimal.RequireFromString("99.00")
	e := decimal.RequireFromString("99")
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = yuan.Fen(d)
		_, _ = yuan.Fen(e)
	})
	assert.Zero(t, allocs)
}

func TestArithmetic(t *testing.T) {
	s, ok := yuan.Add(yuan.MaxFen, 1)
	assert.False(t, ok, "sum past MaxFen")
	assert.Zero(t, s)
	s, ok = yuan.Add(150, -50)
	assert.True(t, ok)
	assert.Equal(t, int64(100), s)

	p, ok := yuan.Mul(4950, 3)
	assert.True(t, ok)
	assert.Equal(t, int64(14850), p)
	_, ok = yuan.Mul(yuan.MaxFen, 2)
	assert.False(t, ok, "product past MaxFen")
	_, ok = yuan.Mul(100, -1)
	assert.False(t, ok, "negative quantity")
	p, ok = yuan.Mul(-100, 0)
	assert.True(t, ok)
	assert.Zero(t, p)

	assert.Equal(t, int64(128), yuan.Percent(12850, 100), "1% of 128.50 is 1.28 (rounded down)")
	assert.Equal(t, int64(12850), yuan.Percent(12850, 10000))
	assert.Equal(t, int64(0), yuan.Percent(12850, -5), "negative share clamps to zero")
	assert.Equal(t, yuan.MaxFen*100, yuan.Percent(yuan.MaxFen, 1_000_000_000), "share clamps to MaxBasisPoints")
}

func TestFormat(t *testing.T) {
	assert.Equal(t, "128.50", yuan.Format(12850))
	assert.Equal(t, "0.05", yuan.Format(5))
	assert.Equal(t, "-0.05", yuan.Format(-5))
	assert.Equal(t, "0.00", yuan.Format(0))
	assert.Equal(t, "12.50", yuan.Dec(1250).StringFixed(2))
	n, ok := yuan.Normalize(decimal.RequireFromString("99"))
	assert.True(t, ok)
	assert.Equal(t, int32(-2), n.Exponent())
	assert.Equal(t, "99.00", n.StringFixed(2))
	_, ok = yuan.Normalize(decimal.RequireFromString("0.001"))
	assert.False(t, ok)
}
