package textnorm

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// slowLine is [Line] without the plain fast path: the reference the fast
// path must agree with.
func slowLine(s string) string {
	if isNormal(s) {
		return s
	}
	cur := s
	for range 4 {
		cur = collapse(norm.NFKC.String(width.Fold.String(cur)))
		if isNormal(cur) {
			break
		}
	}
	return cur
}

// slowKey is [Key] without the fast paths.
func slowKey(s string) string {
	return cases.Fold().String(strings.ReplaceAll(slowLine(s), " ", ""))
}

// TestPlainRunesAreNormal checks every rune of plainRanges, alone and
// between ASCII letters, digits and spaces: NFKC and width folding leave
// it as it is, case folding too, so the fast paths of Line and Key give
// what the general path gives.
func TestPlainRunesAreNormal(t *testing.T) {
	n := 0
	for _, g := range plainRanges {
		require.LessOrEqual(t, g.lo, g.hi)
		for r := g.lo; r <= g.hi; r++ {
			require.True(t, isPlainRune(r), "%U", r)
			for _, s := range []string{string(r), "A" + string(r) + "b", "1 " + string(r) + " z", string(r) + string(r)} {
				if !isPlain(s) {
					t.Fatalf("%q (%U) is not plain", s, r)
				}
				if got := slowLine(s); got != s {
					t.Fatalf("%q (%U): the general path gives %q", s, r, got)
				}
				if got, want := asciiKey(s), slowKey(s); got != want {
					t.Fatalf("key of %q (%U): fast %q, general %q", s, r, got, want)
				}
			}
			n++
		}
	}
	assert.Greater(t, n, 27000, "the CJK blocks are covered")
	for i := 1; i < len(plainRanges); i++ {
		require.Less(t, plainRanges[i-1].hi, plainRanges[i].lo, "plainRanges are sorted and disjoint")
	}
}

// TestPlainAgreesWithGeneralPath: on text at the edge of the plain
// alphabet, Line, Key and Digits give what the general path gives.
func TestPlainAgreesWithGeneralPath(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a  b", " a", "a ", "a\tb", "a\x7fb", "文三路12号", "文三路 12号 Room B", "ROOM",
		"文\u3000三", "文３", "Ａ文", "文\u200b三", "〇", "\u3003", "\u3007", "\u3012", "\u33ff", "\u4dc0", "\ua000",
		"\uf900", "ガ", "\xe4\xb8", "a\xffb", "《红楼梦》【新】", "、。", "İ文", "ß文", "a,b", "文,", ",", "A, b",
	} {
		l, ok := Line(s)
		if !ok {
			assert.False(t, isPlain(s), "%q", s)
			continue
		}
		assert.Equal(t, slowLine(s), l, "Line(%q)", s)
		k, _ := Key(s)
		assert.Equal(t, slowKey(s), k, "Key(%q)", s)
		if pk, comma, ok := PlainKey(s); ok {
			assert.Equal(t, s, slowLine(s), "PlainKey(%q) takes it as its own line", s)
			assert.Equal(t, slowKey(s), pk, "PlainKey(%q)", s)
			assert.Equal(t, strings.Contains(s, ","), comma, "PlainKey(%q) sees its commas", s)
		} else {
			assert.False(t, isPlain(s), "PlainKey(%q) refuses plain text", s)
		}
	}
	for _, s := range []string{"13800135678", "+85291234567", "+", "", "１３８", "138 0013", "1+3"} {
		got, ok := Digits(s)
		l, _ := Line(s)
		want, wok := digitsOf(l)
		assert.Equal(t, wok, ok, "Digits(%q)", s)
		assert.Equal(t, want, got, "Digits(%q)", s)
	}
}

// digitsOf is the general path of Digits on a normal line.
func digitsOf(l string) (string, bool) {
	var b strings.Builder
	for i, r := range l {
		switch {
		case r >= '0' && r <= '9', r == '+' && i == 0:
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return "", false
		}
	}
	return b.String(), true
}

// TestDecodePlainIsUTF8: the inline decoder agrees with utf8 on every
// three-byte sequence it decodes itself, valid or not, truncated or not.
func TestDecodePlainIsUTF8(t *testing.T) {
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0x70; c1 <= 0xC0; c1++ {
			for c2 := 0x70; c2 <= 0xC0; c2++ {
				s := string([]byte{'a', byte(c0), byte(c1), byte(c2)})
				for _, in := range []string{s, s[:3]} {
					r, n := decodePlain(in, 1)
					wr, wn := utf8.DecodeRuneInString(in[1:])
					if r != wr || n != wn {
						t.Fatalf("% x: %U %d, utf8 %U %d", in, r, n, wr, wn)
					}
				}
			}
		}
	}
}

// TestCommonHanIsPlain: every three bytes isCommonHan steps over — all
// lead and continuation bytes around its range, truncated or not — are
// one valid plain rune of three bytes; and it takes every rune from
// U+5000 to U+9FFF.
func TestCommonHanIsPlain(t *testing.T) {
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := 0x70; c1 <= 0xC0; c1++ {
			for c2 := 0x70; c2 <= 0xC0; c2++ {
				s := string([]byte{'a', byte(c0), byte(c1), byte(c2)})
				for _, in := range []string{s, s[:3]} {
					if !isCommonHan(in, 1) {
						continue
					}
					r, n := utf8.DecodeRuneInString(in[1:])
					if n != 3 || !isPlainRune(r) {
						t.Fatalf("% x: %U, %d bytes", in, r, n)
					}
				}
			}
		}
	}
	for r := rune(0x5000); r <= 0x9FFF; r++ {
		require.True(t, isCommonHan(string(r), 0), "%U", r)
	}
	assert.False(t, isCommonHan(string(rune(0x4FFF)), 0), "below the range: decoded")
}

// TestIDWordIsBytewise: the eight-bytes-at-once test of an ID's ASCII
// agrees with the byte-by-byte one on every byte value in every position
// of a word, among printable and other neighbours.
func TestIDWordIsBytewise(t *testing.T) {
	byteOK := func(c byte) bool { return c > ' ' && c < 0x7f }
	for _, fill := range []byte{'a', '!', '~', '0'} {
		for pos := range 8 {
			for c := range 256 {
				b := []byte(strings.Repeat(string(fill), 8))
				b[pos] = byte(c)
				s := string(b)
				want := true
				for _, x := range b {
					want = want && byteOK(x)
				}
				require.Equal(t, want, idWord(word(s, 0)), "% x", b)
				if c < utf8.RuneSelf {
					require.Equal(t, want, isPlainID(s), "% x", b)
					require.Equal(t, want, isPlainID(s+"x"), "% x and a byte more", b)
				}
			}
		}
	}
}

// TestPlainIDsAgree: the plain fast path of ID returns what the general
// path returns, and refuses nothing the general path accepts.
func TestPlainIDsAgree(t *testing.T) {
	for _, s := range []string{"tb_8812", "T20261111000123", "小鹿", "a b", " a", "a\x7f", "", "ａ", "文\u200b", "x~!", strings.Repeat("a", MaxIDBytes), strings.Repeat("a", MaxIDBytes+1), strings.Repeat("文", 22)} {
		if !isPlainID(s) || len(s) > MaxIDBytes {
			continue
		}
		n, p := ID(s)
		require.Equal(t, IDOK, p, "%q", s)
		require.Equal(t, s, n)
		// The general path: Line, then the checks of ID.
		l := slowLine(s)
		assert.Equal(t, s, l, "%q is its own line", s)
		assert.False(t, strings.ContainsFunc(l, func(r rune) bool { return invisible(r) || r == ' ' }), "%q", s)
	}
	assert.False(t, isPlainID("a b"))
	assert.False(t, isPlainID(""))
	assert.False(t, isPlainID("a\tb"))
}
