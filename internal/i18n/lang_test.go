package i18n_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/order"
)

// TestMatchLang is the matching table: an Accept-Language header or a
// single tag, and the language kefu answers in when the shop's default is
// English (so that a fall back is visible).
func TestMatchLang(t *testing.T) {
	const def = order.English
	cases := []struct {
		accept string
		want   order.Lang
		reason string
	}{
		{"zh-TW", order.TraditionalChinese, "Taiwan writes traditional characters"},
		{"zh-HK", order.TraditionalChinese, "so does Hong Kong"},
		{"zh-MO", order.TraditionalChinese, "and Macao"},
		{"zh-Hant", order.TraditionalChinese, "the script itself"},
		{"zh-Hant-CN", order.TraditionalChinese, "an explicit script beats the region"},
		{"zh-CN", order.SimplifiedChinese, "the mainland writes simplified characters"},
		{"zh-SG", order.SimplifiedChinese, "so does Singapore"},
		{"zh", order.SimplifiedChinese, "plain Chinese is simplified"},
		{"zh-Hans-HK", order.SimplifiedChinese, "an explicit script beats the region"},
		{"cmn-Hant", order.TraditionalChinese, "Mandarin in traditional script"},
		{"ZH_tw", order.TraditionalChinese, "case and an underscore, as some clients send them"},
		{"en-US", order.English, "any English"},
		{"en-GB", order.English, "any English"},
		{"es-ES", order.Spanish, "Spanish of Spain"},
		{"es-419", order.Spanish, "Latin American Spanish"},
		{"es-MX", order.Spanish, "Mexican Spanish"},
		{"gl", order.Spanish, "CLDR serves Galician readers Spanish, and kefu follows the matcher"},
		{"zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", order.TraditionalChinese, "a browser's header: the first choice wins"},
		{"zh-HK,zh;q=0.9,en;q=0.8", order.TraditionalChinese, "Hong Kong's browser header: zh-HK, not the exact zh after it"},
		{"fr-FR,fr;q=0.9,es;q=0.5", order.Spanish, "French is not spoken; the weighted second choice is"},
		{"en;q=0.2,zh-CN;q=0.9", order.SimplifiedChinese, "weights, not the order written, decide"},
		{"es;q=0,zh-TW", order.TraditionalChinese, "q=0 means not acceptable"},
		{"xx-YY, zh-HK", order.TraditionalChinese, "an unknown entry is skipped, the rest read"},
		{"zh-MO;q=abc, es", order.Spanish, "a malformed weight drops its entry only"},
		{"fr", def, "unknown languages get the shop's default"},
		{"ja-JP", def, "Japanese is not zh: default"},
		{"yue-HK", def, "Cantonese: the matcher is not confident; default"},
		{"", def, "no header"},
		{"*", def, "any language: the shop's default"},
		{"und", def, "undetermined"},
		{"x-klingon", def, "private use"},
		{";;;", def, "hostile: only separators"},
		{"zh-TW;q=0.5;q=0.9", def, "hostile: two weights on one entry"},
		{"zh\x00TW", def, "hostile: a NUL inside the tag"},
		{"\xff\xfe", def, "hostile: not UTF-8"},
		{"zh-" + strings.Repeat("a", 70), def, "hostile: an overlong subtag"},
		{strings.Repeat("zh-TW,", 1000), def, "hostile: 6 kB, over MaxAcceptLen, not read"},
	}
	require.GreaterOrEqual(t, len(cases), 20)
	for _, c := range cases {
		t.Run(c.accept, func(t *testing.T) {
			assert.Equal(t, c.want, order.MatchLang(c.accept, def), c.reason)
			assert.Equal(t, i18n.Lang(c.want), i18n.MatchAccept(c.accept, i18n.English), c.reason)
		})
	}
}

// TestMatchLangFallback: an invalid fallback is simplified Chinese, and a
// valid one is what an unknown language gets.
func TestMatchLangFallback(t *testing.T) {
	for _, l := range order.Langs() {
		assert.Equal(t, l, order.MatchLang("fr", l), "the shop's default")
	}
	assert.Equal(t, order.SimplifiedChinese, order.MatchLang("fr", order.Lang(9)), "invalid fallback")
	assert.Equal(t, order.SimplifiedChinese, order.MatchLang(strings.Repeat("x", 1<<20), order.Lang(200)), "hostile and invalid")
}

// TestMatchLangTags matches tags already parsed, most preferred first.
func TestMatchLangTags(t *testing.T) {
	cases := []struct {
		tags   []language.Tag
		want   order.Lang
		reason string
	}{
		{nil, order.Spanish, "no tags: the fallback"},
		{[]language.Tag{language.MustParse("zh-HK")}, order.TraditionalChinese, "Hong Kong"},
		{[]language.Tag{language.French, language.MustParse("en-AU")}, order.English, "the first the matcher places"},
		{[]language.Tag{language.Und}, order.Spanish, "und"},
		{[]language.Tag{language.Japanese, language.Korean}, order.Spanish, "none spoken"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, order.MatchLangTags(c.tags, order.Spanish), c.reason)
	}
}

// TestMatchLangOwnTag: every language's own tag matches itself, whatever
// the fallback.
func TestMatchLangOwnTag(t *testing.T) {
	for _, l := range order.Langs() {
		for _, fb := range order.Langs() {
			assert.Equal(t, l, order.MatchLang(l.String(), fb))
			assert.Equal(t, l, order.MatchLangTags([]language.Tag{l.Tag()}, fb))
		}
	}
}

// TestMatchLangLinear: a hostile header costs a length check. The same
// garbage at 1 kB and 1 MB: the long one must not cost more than ~1,500
// times the short one.
func TestMatchLangLinear(t *testing.T) {
	short := strings.Repeat("zh-TW;q=0.5,", 1000/12)
	long := strings.Repeat("zh-TW;q=0.5,", 1000000/12)
	costtest.AssertLinear(t, func() { order.MatchLang(short, order.English) },
		func() { order.MatchLang(long, order.English) }, costtest.MaxRatio)
}

// TestLangText: the text forms, JSON and the names of the languages.
func TestLangText(t *testing.T) {
	want := []string{"zh-Hans", "zh-Hant", "en", "es"}
	require.Len(t, order.Langs(), 4)
	for i, l := range order.Langs() {
		assert.Equal(t, want[i], l.String())
		assert.Equal(t, i18n.Lang(l).String(), l.String(), "order.Lang and the catalogs' Lang are numbered alike")
		assert.Equal(t, want[i], l.Tag().String())
		p, err := order.ParseLang(want[i])
		require.NoError(t, err)
		assert.Equal(t, l, p)
		b, err := json.Marshal(l)
		require.NoError(t, err)
		var back order.Lang
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, l, back)
	}
	assert.Equal(t, order.SimplifiedChinese, order.Lang(0), "the zero value is the back office's language")
	assert.Equal(t, "Inglés", order.English.Text(order.Spanish))
	assert.Equal(t, "繁體中文", order.TraditionalChinese.Text(order.TraditionalChinese))
	assert.Equal(t, "Simplified Chinese", order.SimplifiedChinese.Text(order.English))
}

// TestParseLangRefuses: ParseLang is strict; loose tags go through
// MatchLang. JSON decoding leaves the value unchanged on error.
func TestParseLangRefuses(t *testing.T) {
	for _, s := range []string{"", "zh", "zh-TW", "EN", "es-ES", "zh-hans", " en", "en\x00"} {
		_, err := order.ParseLang(s)
		require.ErrorIs(t, err, order.ErrUnknownCode, "%q", s)
		require.ErrorIs(t, err, order.ErrInvalidInput, "%q", s)
	}
	l := order.Spanish
	require.Error(t, json.Unmarshal([]byte(`"fr"`), &l))
	assert.Equal(t, order.Spanish, l, "unchanged on error")
	_, err := order.Lang(7).MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownCode)
	assert.Equal(t, "Lang(7)", order.Lang(7).String())
}
