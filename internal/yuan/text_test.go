package yuan_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/yuan"
)

// rule P7: every package quotes a caller's amount the same way — money as
// the platform writes it, a digit below the fen as given — and a hostile
// amount never builds a huge string.
func TestTextQuotesAmountsAtBoundedCost(t *testing.T) {
	for _, c := range []struct {
		reason string
		d      decimal.Decimal
		want   string
	}{
		{"money with two decimals, not decimal's 128.5", decimal.RequireFromString("128.5"), "128.50"},
		{"a digit below the fen as given", decimal.RequireFromString("49.505"), "49.505"},
		{"negative money", decimal.RequireFromString("-3"), "-3.00"},
		// Hostile rows: exponents and coefficients far out of range.
		{"a huge exponent", decimal.New(1, 1_000_000), "1e1000000"},
		{"a tiny exponent", decimal.New(1, -1_000_000), "1e-1000000"},
		{"a long coefficient", decimal.RequireFromString("-0.1234567890123456789012345678901234567890"), "-<40 digits>e-40"},
	} {
		t.Run(c.reason, func(t *testing.T) {
			assert.Equal(t, c.want, yuan.Text(c.d))
		})
	}
}
