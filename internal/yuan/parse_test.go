package yuan_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/yuan"
)

// TestParseExactText proves amounts are read as exact text with at most
// two decimals (rule P7) and that malformed or hostile text is refused.
func TestParseExactText(t *testing.T) {
	tests := []struct {
		reason string
		in     string
		fen    int64
		prob   yuan.Problem
	}{
		{"two decimals", "128.50", 12850, yuan.OK},
		{"one decimal", "128.5", 12850, yuan.OK},
		{"whole yuan", "7", 700, yuan.OK},
		{"zero", "0.00", 0, yuan.OK},
		{"negative", "-0.05", -5, yuan.OK},
		{"leading zeros", "007.10", 710, yuan.OK},
		{"the bound", "10000000000000.00", yuan.MaxFen, yuan.OK},
		{"three decimals are refused, never rounded", "128.505", 0, yuan.TooPrecise},
		{"trailing zero beyond fen is still too precise", "1.500", 0, yuan.TooPrecise},
		{"above the bound", "10000000000000.01", 0, yuan.TooLarge},
		{"fourteen digits", "99999999999999", 0, yuan.TooLarge},
		{"empty", "", 0, yuan.Empty},
		{"bare point", ".", 0, yuan.Malformed},
		{"no whole part", ".5", 0, yuan.Malformed},
		{"no decimals after the point", "5.", 0, yuan.Malformed},
		{"plus sign", "+5", 0, yuan.Malformed},
		{"exponent", "1e3", 0, yuan.Malformed},
		{"space", " 5", 0, yuan.Malformed},
		{"comma", "1,000.00", 0, yuan.Malformed},
		{"full-width digits", "１２", 0, yuan.Malformed},
		{"two points", "1.2.3", 0, yuan.Malformed},
		{"minus alone", "-", 0, yuan.Malformed},
		{"hostile: a megabyte of digits", strings.Repeat("9", 1<<20), 0, yuan.TooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			fen, p := yuan.Parse(tc.in)
			assert.Equal(t, tc.prob, p)
			assert.Equal(t, tc.fen, fen)
		})
	}
}

func TestParseJSON(t *testing.T) {
	tests := []struct {
		reason string
		in     string
		fen    int64
		prob   yuan.Problem
	}{
		{"string, as the platform sends money", `"200.07"`, 20007, yuan.OK},
		{"bare number", `200.07`, 20007, yuan.OK},
		{"null", `null`, 0, yuan.Empty},
		{"empty string", `""`, 0, yuan.Empty},
		{"three decimals in a number", `0.125`, 0, yuan.TooPrecise},
		{"exponent in a number", `1e2`, 0, yuan.Malformed},
		{"leading zero in a number: not JSON", `05`, 0, yuan.Malformed},
		{"leading zero in a negative number: not JSON", `-05.00`, 0, yuan.Malformed},
		{"leading zero in a string: amount text", `"05.00"`, 500, yuan.OK},
		{"zero and decimals in a number", `0.05`, 5, yuan.OK},
		{"negative zero in a number", `-0`, 0, yuan.OK},
		{"boolean", `true`, 0, yuan.Malformed},
		{"hostile: a megabyte string", `"` + strings.Repeat("1", 1<<20) + `"`, 0, yuan.TooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			fen, p := yuan.ParseJSON([]byte(tc.in))
			assert.Equal(t, tc.prob, p)
			assert.Equal(t, tc.fen, fen)
		})
	}
}

func TestParseDoesNotAllocate(t *testing.T) {
	b := []byte(`"128.50"`)
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = yuan.Parse("128.50")
		_, _ = yuan.ParseJSON(b)
	})
	assert.Zero(t, allocs)
}
