package kerr_test

import (
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/kerr"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"short", "-1", "-1"},
		{"exactly the limit", strings.Repeat("a", 120), strings.Repeat("a", 120)},
		{"one over the limit", strings.Repeat("a", 121), strings.Repeat("a", 120) + "…"},
		// 中 is 3 bytes: 40 of them fill 120 bytes, 41 cut back to 40.
		{"runes filling the limit", strings.Repeat("中", 40), strings.Repeat("中", 40)},
		{"rune across the limit", "a" + strings.Repeat("中", 40), "a" + strings.Repeat("中", 39) + "…"},
		{"invalid UTF-8 is cut by bytes", strings.Repeat("\xff", 300), strings.Repeat("\xff", 120) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := kerr.Clip(tc.in)
			assert.Equal(t, tc.want, got)
			assert.LessOrEqual(t, len(strings.TrimSuffix(got, "…")), kerr.MaxQuoted)
			if utf8.ValidString(tc.in) {
				assert.True(t, utf8.ValidString(got), "never cuts a character in half")
			}
		})
	}
}

func TestQuote(t *testing.T) {
	assert.Equal(t, `"-1"`, kerr.Quote("-1"))
	assert.Equal(t, strconv.Quote(strings.Repeat("x", 120)+"…"), kerr.Quote(strings.Repeat("x", 300)))
	// A hostile value of control bytes: quoting inflates each byte to
	// four, but only 120 of them are quoted.
	q := kerr.Quote(strings.Repeat("\x01", 300))
	assert.Equal(t, 2+120*4+len("…"), len(q))
}
