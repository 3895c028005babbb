package textnorm_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/textnorm"
)

func TestLine(t *testing.T) {
	cases := []struct {
		in, want, reason string
	}{
		{"文三路１２号", "文三路12号", "full-width digits fold"},
		{"ＡＢ－１２", "AB-12", "full-width letters and hyphen fold"},
		{"  a \t b\n c  ", "a b c", "white space collapses and trims"},
		{"文三路\u3000 12号", "文三路 12号", "ideographic space is a space"},
		{"a\u200bb", "ab", "hostile: zero-width space is dropped"},
		{"a\x00b", "ab", "hostile: NUL is dropped"},
		{"ｶﾞ", "ガ", "half-width katakana composes"},
		{"plain", "plain", "ASCII fast path"},
		{"", "", "empty"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			got, ok := textnorm.Line(c.in)
			assert.True(t, ok)
			assert.Equal(t, c.want, got)
		})
	}
	_, ok := textnorm.Line("bad \xff utf8")
	assert.False(t, ok, "hostile: invalid UTF-8 is refused, never repaired")
}

func TestKey(t *testing.T) {
	a, _ := textnorm.Key("文三路 １２号 Room B")
	b, _ := textnorm.Key("文三路12号room b")
	assert.Equal(t, a, b)
	_, ok := textnorm.Key("\xff")
	assert.False(t, ok)
}

func TestDigits(t *testing.T) {
	d, ok := textnorm.Digits("１３８-1234 5678")
	assert.True(t, ok)
	assert.Equal(t, "13812345678", d)
	d, ok = textnorm.Digits("+852 9123 4567")
	assert.True(t, ok)
	assert.Equal(t, "+85291234567", d)
	_, ok = textnorm.Digits("138x")
	assert.False(t, ok)
	_, ok = textnorm.Digits("1+38")
	assert.False(t, ok, "a plus only leads")
}

func TestLineASCIIFastPathDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _, _ = textnorm.Line("Wensan Road 12") })
	assert.Zero(t, allocs)
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"文三路１２号", "ＡＢ", "a\u200bb", "ｶﾞ", " x  y ", "\xff", "①②", "ﬁ", "㍿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		once, ok := textnorm.Line(s)
		if !ok {
			if utf8.ValidString(s) {
				t.Fatalf("valid UTF-8 %q refused", s)
			}
			return
		}
		twice, ok := textnorm.Line(once)
		if !ok || twice != once {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, once, twice)
		}
		k1, _ := textnorm.Key(s)
		k2, _ := textnorm.Key(once)
		if k1 != k2 {
			t.Fatalf("key differs after normalising: %q vs %q", k1, k2)
		}
		if pk, comma, ok := textnorm.PlainKey(s); ok && (once != s || pk != k1 || comma != strings.Contains(s, ",")) {
			t.Fatalf("PlainKey(%q) = %q, %v: Line %q, Key %q", s, pk, comma, once, k1)
		}
	})
}

func TestLineNormalTextDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _, _ = textnorm.Line("浙江省 杭州市 文三路12号") })
	assert.Zero(t, allocs, "already-normal Chinese text is returned as is")
}

func TestKeyAndDigitsOfPlainTextDoNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() {
		_, _ = textnorm.Key("文三路12号")
		_, _ = textnorm.Key("杭州市")
		_, _ = textnorm.Digits("13800135678")
	})
	assert.Zero(t, allocs, "a key without spaces or capitals is the line itself; digits are their own digits")
	k, _ := textnorm.Key("文三路 12号 Room B")
	assert.Equal(t, "文三路12号roomb", k, "spaces dropped and ASCII lowered on the fast path")
}
