package shipping

import "strings"

// transitMatcher finds any of a policy's transit-warehouse patterns in a
// text in one pass over it (rule S4): where [Policy.transitKey] searches
// the text once per pattern, the matcher tests each position against a
// set of the patterns' first two bytes and compares only the patterns
// that start there. It reports what strings.Contains would for some
// pattern, and is safe for concurrent use.
type transitMatcher struct {
	// pairs has bit b0<<8|b1 set when a pattern of two bytes or more
	// starts with b0 b1; singles has bit b set for a one-byte pattern b.
	pairs   [1 << 16 / 64]uint64
	singles [256 / 64]uint64
	// byPair holds the patterns of two bytes or more by their first two
	// bytes.
	byPair map[uint16][]string
}

func newTransitMatcher(patterns []string) *transitMatcher {
	m := &transitMatcher{byPair: map[uint16][]string{}}
	for _, p := range patterns {
		switch len(p) {
		case 0:
		case 1:
			m.singles[p[0]/64] |= 1 << (p[0] % 64)
		default:
			k := uint16(p[0])<<8 | uint16(p[1])
			m.pairs[k/64] |= 1 << (k % 64)
			m.byPair[k] = append(m.byPair[k], p)
		}
	}
	return m
}

// in reports whether s contains one of the patterns.
func (m *transitMatcher) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; m.singles[b/64]&(1<<(b%64)) != 0 {
			return true
		}
		if i+1 == len(s) {
			break
		}
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if m.pairs[k/64]&(1<<(k%64)) == 0 {
			continue
		}
		for _, p := range m.byPair[k] {
			if strings.HasPrefix(s[i:], p) {
				return true
			}
		}
	}
	return false
}
