package i18n_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/order"
)

// FuzzMatchLang: any Accept-Language text gives one of the four languages
// without panicking, the same each time, and a language's own tag gives
// it back.
func FuzzMatchLang(f *testing.F) {
	for _, s := range []string{
		"zh-TW,zh;q=0.9,en;q=0.8", // a browser in Taiwan
		"es-419",                  // Latin American Spanish
		"",                        // no header
		"*",                       // anything
		"xx-YY, zh-HK",            // one bad entry
		"en;q=abc",                // a bad weight
		"zh\x00",                  // a NUL
		"\xff",                    // not UTF-8
		"zh-TW;q=0.5;q=0.9",       // two weights
	} {
		f.Add(s, uint8(order.English))
	}
	f.Fuzz(func(t *testing.T, accept string, fb uint8) {
		got := order.MatchLang(accept, order.Lang(fb))
		require.True(t, got.IsValid(), "%q gave %v", accept, got)
		assert.Equal(t, got, order.MatchLang(accept, order.Lang(fb)), "deterministic")
		if !order.Lang(fb).IsValid() {
			return
		}
		assert.Equal(t, got, order.MatchLang(got.String(), order.Lang(fb)), "the result's own tag matches it")
	})
}

// FuzzParseLang: ParseLang never panics and round-trips with String.
func FuzzParseLang(f *testing.F) {
	for _, s := range []string{"zh-Hans", "zh-Hant", "en", "es", "zh", "", "EN"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := order.ParseLang(s)
		if err != nil {
			require.ErrorIs(t, err, order.ErrUnknownCode)
			return
		}
		assert.Equal(t, s, l.String())
	})
}

// FuzzCompile: the template compiler never panics on any text, and what
// it accepts renders.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"{a} and {a:number}",
		"{n, plural, one {{n} day} other {{n} days}}",
		"{n, plural, other {x",
		"a}{",
		"100%",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		used, err := i18n.Compile(s, map[string]string{"a": "amount", "n": "count", "d": "date", "s": "text"})
		if err == nil {
			assert.LessOrEqual(t, len(used), 4)
		}
	})
}
