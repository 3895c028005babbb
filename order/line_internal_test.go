package order

import (
	"testing"
	"time"
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

// TestTimesForwardIsTimesError: the check of an order's times that New
// runs first (timesForward, rule O1's times running forward) passes
// exactly the orders in which the naming check (timesError) finds no
// time out of order — over every combination of unset, earlier, equal
// and later times, online and cash on delivery.
func TestTimesForwardIsTimesError(t *testing.T) {
	t0 := time.Date(2026, 11, 11, 0, 0, 0, 0, time.UTC)
	at := [...]time.Time{{}, t0.Add(-time.Second), t0, t0.Add(time.Second), t0.Add(2 * time.Second)}
	n := 0
	for _, cod := range []bool{false, true} {
		for i := range len(at) * len(at) * len(at) * len(at) * len(at) * len(at) {
			o := Order{created: t0}
			for _, f := range []*time.Time{&o.paid0, &o.dispatched, &o.received, &o.closed, &o.codConfirmed, &o.slowReviewSince} {
				*f = at[i%len(at)]
				i /= len(at)
			}
			fast, err := o.timesForward(cod), o.timesError(cod)
			require.Equal(t, err == nil, fast, "cod %v, %+v: %v", cod, o, err)
			if fast {
				n++
			}
		}
	}
	require.Greater(t, n, 100, "orders that pass are common enough to have been checked")
}
