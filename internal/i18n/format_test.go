package i18n_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/currency"
	"golang.org/x/text/message"

	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/internal/yuan"
)

// TestFormatMoney: money as each language prints the currency (rule P7:
// exact, two decimals).
func TestFormatMoney(t *testing.T) {
	cases := []struct {
		fen    int64
		zh, es string
		reason string
	}{
		{0, "¥ 0.00", "¥ 0,00", "zero"},
		{1, "¥ 0.01", "¥ 0,01", "one fen: the shortfall of rule S1's example"},
		{12850, "¥ 128.50", "¥ 128,50", "the trailing zero is kept"},
		{123456789, "¥ 1,234,567.89", "¥ 1.234.567,89", "grouping as x/text groups"},
		{-50, "¥ -0.50", "¥ -0,50", "a negative amount below one yuan keeps its sign"},
		{yuan.MaxFen, "¥ 10,000,000,000,000.00", "¥ 10.000.000.000.000,00", "the largest amount kefu accepts"},
		{math.MaxInt64, "¥ 92,233,720,368,547,758.07", "¥ 92.233.720.368.547.758,07", "hostile: beyond float64's exact integers, still exact"},
		{math.MinInt64, "¥ -92,233,720,368,547,758.08", "¥ -92.233.720.368.547.758,08", "hostile: the most negative int64"},
	}
	for _, c := range cases {
		assert.Equal(t, c.zh, i18n.FormatMoney(i18n.SimplifiedChinese, i18n.Fen(c.fen)), c.reason)
		assert.Equal(t, c.zh, i18n.FormatMoney(i18n.TraditionalChinese, i18n.Fen(c.fen)), c.reason)
		assert.Equal(t, c.zh, i18n.FormatMoney(i18n.English, i18n.Fen(c.fen)), c.reason)
		assert.Equal(t, c.es, i18n.FormatMoney(i18n.Spanish, i18n.Fen(c.fen)), c.reason)
		assert.Equal(t, strings.TrimPrefix(c.zh, "¥ "), i18n.FormatNumber(i18n.English, i18n.Fen(c.fen)), c.reason)
	}
	assert.Equal(t, "¥ 0.01", i18n.FormatMoney(i18n.Lang(9), i18n.Fen(1)), "an invalid language is simplified Chinese")
}

// TestMoneyIsXTextCurrency: the layout is x/text's currency formatting's
// (narrow symbol, space, number), for amounts where x/text's own float64
// arithmetic is exact; kefu's stays exact beyond.
func TestMoneyIsXTextCurrency(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, l := range i18n.Langs() {
		p := message.NewPrinter(l.Tag())
		for range 2000 {
			fen := rng.Int64N(2*1_000_000_000_000) - 1_000_000_000_000 // ±10^10 yuan: float64-exact
			want := p.Sprint(currency.NarrowSymbol(currency.CNY.Amount(float64(fen) / 100)))
			require.Equal(t, want, i18n.FormatMoney(l, i18n.Fen(fen)), "%s %d fen", l, fen)
		}
	}
}

// TestAmountOf: decimals in yuan become fen exactly; more than two
// decimals are refused, never rounded (rule P7).
func TestAmountOf(t *testing.T) {
	a, ok := i18n.AmountOf(decimal.RequireFromString("128.50"))
	require.True(t, ok)
	assert.Equal(t, i18n.Fen(12850), a)
	_, ok = i18n.AmountOf(decimal.RequireFromString("128.505"))
	assert.False(t, ok, "three decimals")
	_, ok = i18n.AmountOf(decimal.RequireFromString("1e20"))
	assert.False(t, ok, "hostile: beyond MaxFen")
}

// TestFormatDates: days and times in the zone given, China Standard Time
// by default. 23:30 UTC is already the next day in Beijing.
func TestFormatDates(t *testing.T) {
	at := time.Date(2026, 11, 11, 23, 30, 0, 0, time.UTC)
	cases := []struct {
		l              i18n.Lang
		loc            *time.Location
		date, dateTime string
	}{
		{i18n.SimplifiedChinese, nil, "11月12日", "11月12日 07:30"},
		{i18n.TraditionalChinese, nil, "11月12日", "11月12日 07:30"},
		{i18n.English, nil, "12 November", "12 November, 07:30"},
		{i18n.Spanish, nil, "12 de noviembre", "12 de noviembre, 07:30"},
		{i18n.English, time.UTC, "11 November", "11 November, 23:30"},
		{i18n.Spanish, time.FixedZone("CLT", -3*3600), "11 de noviembre", "11 de noviembre, 20:30"},
	}
	for _, c := range cases {
		assert.Equal(t, c.date, i18n.FormatDate(c.l, at, c.loc))
		assert.Equal(t, c.dateTime, i18n.FormatDateTime(c.l, at, c.loc))
	}
	assert.Equal(t, "16:00", i18n.FormatClock(16*3600))
	assert.Equal(t, "16:00:30", i18n.FormatClock(16*3600+30))
	assert.Equal(t, "24:00", i18n.FormatClock(24*3600), "the end of the day, as order.Clock writes it")
	assert.Equal(t, "-5", i18n.FormatClock(-5), "hostile: not a time of day, printed as a number")
}

// TestRenderInZone: a message's days are told in the zone the caller
// gives.
func TestRenderInZone(t *testing.T) {
	m := i18n.ShipsTomorrow{Latest: time.Date(2026, 11, 11, 20, 0, 0, 0, time.UTC)}
	assert.Equal(t, "亲，您的订单最晚明天（11月12日）发出哦", i18n.Render(i18n.SimplifiedChinese, nil, m), "04:00 on the 12th in Beijing")
	assert.Equal(t, "Your order will be dispatched by tomorrow, 11 November, at the latest.", i18n.Render(i18n.English, time.UTC, m))
}

// TestLine: a staff line is punctuated as each language writes a summary
// — "：" and "；" in Chinese, ": " and "; " in English and Spanish —,
// details go in brackets, empty parts are skipped, and a headline after a
// part is ignored.
func TestLine(t *testing.T) {
	tests := []struct {
		reason string
		l      i18n.Lang
		build  func(x *i18n.Line)
		want   string
	}{
		{"zh headline and parts", i18n.SimplifiedChinese, func(x *i18n.Line) {
			x.Head("不包邮")
			x.Part("该地区不包邮")
			x.Detail("新疆")
			x.PartMsg(i18n.StaffShortfall{Shortfall: 1})
		}, "不包邮：该地区不包邮（新疆）；商品实付还差 ¥ 0.01 包邮"},
		{"en headline and parts", i18n.English, func(x *i18n.Line) {
			x.HeadMsg(i18n.StaffNotFree{})
			x.Label(i18n.ShippingReason, "excluded_region")
			x.Detail("Xinjiang")
			x.Part("")
			x.PartMsg(i18n.StaffShortfall{Shortfall: 1})
		}, "Doesn't ship free: Region excluded from free shipping (Xinjiang); ¥ 0.01 short of free shipping"},
		{"es parts without a headline", i18n.Spanish, func(x *i18n.Line) {
			x.Part("Permitido")
			x.Head("ignored: a headline comes first")
			x.Part("Mejor ofrecer un regalo")
		}, "Permitido; Mejor ofrecer un regalo"},
		{"a detail with nothing before it adds nothing", i18n.TraditionalChinese, func(x *i18n.Line) {
			x.Detail("x")
		}, ""},
		// hostile: an invalid language is simplified Chinese
		{"invalid language", i18n.Lang(99), func(x *i18n.Line) {
			x.Head("允许")
			x.Part("a")
		}, "允许：a"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			x := i18n.NewLine(tc.l, nil)
			tc.build(&x)
			assert.Equal(t, tc.want, x.String())
		})
	}
	assert.Equal(t, "退运费差价或退款重拍", i18n.Or(i18n.SimplifiedChinese, []string{"退运费差价", "退款重拍"}))
	assert.Equal(t, i18n.Clock(16*3600+30*60), i18n.ClockOf(time.Date(2026, 11, 2, 16, 30, 0, 0, time.UTC)))
}

// rules O3, S2: alternatives inside a sentence read without their
// capitals in English and Spanish — "(refund or switch to another item)",
// not "(Refund or Switch to another item)" — abbreviations keep theirs,
// and Chinese is unchanged.
func TestOrTermsReadInsideASentence(t *testing.T) {
	for _, c := range []struct {
		reason string
		l      i18n.Lang
		items  []string
		want   string
	}{
		{"English remedies", i18n.English, []string{"Refund", "Switch to another item"}, "refund or switch to another item"},
		{"Spanish remedies", i18n.Spanish, []string{"Reembolso", "Cambiar por otro artículo"}, "reembolso o cambiar por otro artículo"},
		{"abbreviations keep their capitals", i18n.English, []string{"SF", "YTO"}, "SF or YTO"},
		{"Chinese has no case", i18n.SimplifiedChinese, []string{"退款", "换其他商品"}, "退款或换其他商品"},
		{"nothing", i18n.English, nil, ""},
	} {
		t.Run(c.reason, func(t *testing.T) {
			assert.Equal(t, c.want, i18n.OrTerms(c.l, c.items))
		})
	}
	assert.Equal(t, "refund and reorder", i18n.InSentence(i18n.English, "Refund and reorder"))
}
