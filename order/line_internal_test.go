package order

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/textnorm"
)

// TestASCIISKUFastPathIsCanonical: every ASCII SKU the fast path of
// NormalizeSKU keeps as it is — checked over all one- and two-byte ASCII
// strings — is one the general path keeps as it is; and the general path
// accepts exactly the ASCII SKUs the fast path does.
func TestASCIISKUFastPathIsCanonical(t *testing.T) {
	for a := range 128 {
		for b := -1; b < 128; b++ {
			s := string(rune(a))
			if b >= 0 {
				s += string(rune(b))
			}
			l, ok := textnorm.Line(s)
			general := ok && l == s && s != ""
			for _, r := range s {
				general = general && (unicode.IsLetter(r) || unicode.IsDigit(r) || isSKUMark(r))
			}
			require.Equal(t, general, isASCIISKU(s), "%q", s)
		}
	}
}
