package yuan_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/yuan"
)

// TestDec3IsDec: each decimal of Dec3 is the one Dec builds — value,
// exponent, text, fen — for amounts across the range, zero and negative
// ones included, and arithmetic on them leaves them as they were.
func TestDec3IsDec(t *testing.T) {
	for _, c := range [][3]int64{
		{0, 0, 0}, {1, 2, 3}, {12850, 13850, 12350}, {yuan.MaxFen, -yuan.MaxFen, 1 << 40}, {-5, 0, 99},
	} {
		a, b, d := yuan.Dec3(c[0], c[1], c[2])
		got := [3]struct{ s string }{{a.StringFixed(2)}, {b.StringFixed(2)}, {d.StringFixed(2)}}
		for i := range 3 {
			want := yuan.Dec(c[i])
			assert.Equal(t, want.StringFixed(2), got[i].s, "amount %d", c[i])
		}
		for i, dec := range [...]interface {
			Exponent() int32
			CoefficientInt64() int64
		}{a, b, d} {
			assert.Equal(t, int32(-2), dec.Exponent())
			assert.Equal(t, c[i], dec.CoefficientInt64())
		}
		sum := a.Add(b).Add(d).Mul(a).Neg()
		_ = sum
		assert.Equal(t, yuan.Dec(c[0]).StringFixed(2), a.StringFixed(2), "arithmetic does not write to its operands")
		f, ok := yuan.Fen(b)
		assert.True(t, ok)
		assert.Equal(t, c[1], f)
		assert.True(t, yuan.Dec(c[2]).Equal(d))
	}
}

var sinkDec [3]decimal.Decimal

func TestDec3AllocatesOnce(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { sinkDec[0], sinkDec[1], sinkDec[2] = yuan.Dec3(12850, 1000, 500) })
	assert.Equal(t, 1.0, allocs, "one block for three amounts")
	allocs = testing.AllocsPerRun(100, func() { sinkDec[0] = yuan.Dec(12850) })
	assert.Equal(t, 2.0, allocs, "what Dec3 saves: decimal.New's big.Int and its word")
}
