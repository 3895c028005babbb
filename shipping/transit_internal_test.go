package shipping

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// randomText joins n pieces drawn from pieces, so that patterns, their
// halves and split runes meet in every arrangement.
func randomText(rng *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range n {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return b.String()
}

// rule S4: the transit-warehouse check's one-pass matcher finds a pattern
// exactly where searching for each pattern in turn does — Chinese
// patterns sharing first bytes, an ASCII one and a one-byte one, in text
// made of the patterns' pieces and of runes cut in two.
func TestTransitMatcherAgreesWithContains(t *testing.T) {
	patterns := append(DefaultPolicy().TransitPatterns, "hub", "#")
	m := newTransitMatcher(append(patterns, ""))
	pieces := []string{"中", "转", "仓", "轉", "運", "倉", "中心", "集散", "分拨", "路", "12号", "h", "u", "b", "hu", "#",
		"\xe4\xb8", "\xad", "\xe8", "稠州北路", " "}
	for _, p := range patterns {
		pieces = append(pieces, p, p[:len(p)/2], p[len(p)/2:])
	}
	rng := rand.New(rand.NewPCG(4, 13))
	hits := 0
	for range 20000 {
		s := randomText(rng, pieces, rng.IntN(8))
		want := false
		for _, p := range patterns {
			want = want || strings.Contains(s, p)
		}
		require.Equal(t, want, m.in(s), "%q", s)
		if want {
			hits++
		}
	}
	require.Greater(t, hits, 1000, "the texts hit patterns often enough to test")
	require.False(t, newTransitMatcher(nil).in("中转仓"), "no patterns, no match")
}

// mentionsFold is mentions as it read before its byte-wise fast path:
// strings.EqualFold at every position for an ASCII alias.
func mentionsFold(msg, a string) bool {
	for i := 0; i < len(a); i++ {
		if a[i] >= 0x80 {
			return strings.Contains(msg, a)
		}
	}
	for i := 0; i+len(a) <= len(msg); i++ {
		if strings.EqualFold(msg[i:i+len(a)], a) && !latinLetterAt(msg, i-1) && !latinLetterAt(msg, i+len(a)) {
			return true
		}
	}
	return false
}

// rule S5: a carrier named in a message is found as before the fast path,
// in any ASCII case, as a whole word only, and never through a rune that
// folds to an ASCII letter (ſ to s, K to k), which strings.EqualFold
// would not match at a different length either.
func TestMentionsAgreesWithEqualFold(t *testing.T) {
	aliases := []string{"sf", "SF", "yto", "zto", "k", "ems", "顺丰", "4px"}
	pieces := []string{"s", "S", "f", "F", "ſ", "K", "k", "y", "T", "o", "z", "e", "M", "4", "p", "x", "X",
		"顺", "丰", "顺丰", " ", "发", "!", "\xc5", "\xbf", "a"}
	rng := rand.New(rand.NewPCG(5, 13))
	hits := 0
	for range 50000 {
		msg := randomText(rng, pieces, rng.IntN(9))
		for _, a := range aliases {
			want := mentionsFold(msg, a)
			require.Equal(t, want, mentions(msg, a), "%q in %q", a, msg)
			if want {
				hits++
			}
		}
	}
	require.Greater(t, hits, 5000, "the messages mention aliases often enough to test")
}
