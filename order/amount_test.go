package order_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// TestParseAmount: ParseAmount reads exact yuan text with at most two
// decimals into a decimal with exactly two (rule P7), and refuses, with
// ErrInvalidAmount of class ErrInvalidInput, anything a rounding or a
// lenient parser would let through.
func TestParseAmount(t *testing.T) {
	cases := []struct {
		in     string
		want   string // StringFixed(2) of the result; "" when refused
		reason string
	}{
		{"128.50", "128.50", "two decimals, as the platform writes money"},
		{"128.5", "128.50", "one decimal"},
		{"7", "7.00", "no decimals"},
		{"0.00", "0.00", "zero"},
		{"0", "0.00", "bare zero"},
		{"-0.05", "-0.05", "negative parses; New refuses it as a price"},
		{"007.10", "7.10", "leading zeros"},
		{"10000000000000.00", "10000000000000.00", "exactly the bound, 10^13 yuan"},

		// Hostile or sloppy text, refused rather than repaired.
		{"", "", "empty"},
		{"128.505", "", "a digit below the fen is never rounded"},
		{"1.500", "", "more than two decimals, even zeros"},
		{"10000000000000.01", "", "a fen above the bound"},
		{"1e2", "", "an exponent"},
		{"+1.00", "", "a leading plus"},
		{" 1.00", "", "white space"},
		{"1.", "", "a bare point"},
		{".5", "", "no integer digit"},
		{"１.00", "", "a full-width digit"},
		{"1,000.00", "", "a thousands separator"},
		{"NaN", "", "not a number"},
		{"−1.00", "", "the Unicode minus sign decimal accepts"},
		{strings.Repeat("9", 100000), "", "very long: refused before its digits are read"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := order.ParseAmount(c.in)
			if c.want == "" {
				require.ErrorIs(t, err, order.ErrInvalidAmount)
				require.ErrorIs(t, err, order.ErrInvalidInput)
				assert.True(t, d.Equal(decimal.Decimal{}), "zero decimal on error")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.want, d.StringFixed(2))
			assert.Equal(t, int32(-2), d.Exponent(), "exactly two decimals, the form an order holds")
		})
	}
}

// TestParseAmountAllocations: a zero amount costs no allocation, nor one
// up to 655.35 once seen (the decimals are shared); a larger one the two
// of decimal.New (its big.Int and word), never more than
// decimal.NewFromString on the same text.
func TestParseAmountAllocations(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{{"0.00", 0}, {"128.50", 0}, {"655.35", 0}, {"655.36", 2}, {"1280.50", 2}} {
		got := testing.AllocsPerRun(100, func() { sinkAmount, _ = order.ParseAmount(c.in) })
		theirs := testing.AllocsPerRun(100, func() { sinkAmount, _ = decimal.NewFromString(c.in) })
		assert.Equal(t, c.want, got, c.in)
		assert.LessOrEqual(t, got, theirs, c.in)
	}
}

var sinkAmount decimal.Decimal

// FuzzParseAmount: ParseAmount never panics; whatever it accepts,
// decimal.NewFromString accepts too and reads as the same amount; the
// result has exactly two decimals and renders back (StringFixed(2)) to
// text it parses to the same amount (rule P7).
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{
		"128.50", "128.5", "7", "0.00", "-0.05", "007.10", // valid
		"10000000000000.00", "10000000000000.01", // the bound and a fen above
		"128.505", "1.500", "1e2", "+1", " 1", "1.", ".5", "-", "--1", "1-", // refused
		"１", "\xff", "99999999999999999999999", // full-width, invalid UTF-8, too long
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := order.ParseAmount(s)
		if err != nil {
			if !d.Equal(decimal.Decimal{}) {
				t.Fatalf("ParseAmount(%q) = %s with error %v", s, d, err)
			}
			return
		}
		ref, rerr := decimal.NewFromString(s)
		if rerr != nil {
			t.Fatalf("ParseAmount(%q) = %s, decimal.NewFromString refuses it: %v", s, d, rerr)
		}
		if !d.Equal(ref) {
			t.Fatalf("ParseAmount(%q) = %s, decimal.NewFromString = %s", s, d, ref)
		}
		if d.Exponent() != -2 {
			t.Fatalf("ParseAmount(%q) has exponent %d", s, d.Exponent())
		}
		again, err := order.ParseAmount(d.StringFixed(2))
		if err != nil || !again.Equal(d) {
			t.Fatalf("ParseAmount(%q) = %s does not parse back: %s, %v", s, d.StringFixed(2), again, err)
		}
	})
}
