package order_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// TestBuyerMessageReader pins issue 11 #7 (rule S6): the default triage
// reads a buyer message that asks for delivery on or by an exact date,
// however it is phrased — the literal list it replaces missed "明天必须到",
// "周五前一定要到", "后天能到吗" and the rest — in Simplified and
// Traditional Chinese, on normalised text (full-width digits folded). A
// question about dispatch ("明天发货吗") is not one: the dispatch promise
// answers it. Nor is a number of days, an address's number or a past day.
func TestBuyerMessageReader(t *testing.T) {
	cases := []struct {
		msg   string
		match bool
		why   string
	}{
		// The phrasings.
		{"明天必须到", true, "tomorrow, must arrive"},
		{"周五前一定要到", true, "before Friday, must"},
		{"后天能到吗", true, "a question for a day"},
		{"几号能到", true, "which day will it arrive"},
		{"星期六之前送到", true, "before Saturday, delivered"},
		{"下周一前到", true, "next Monday"},
		{"11号前必须到", true, "a day of the month"},
		// More ways of asking.
		{"明天能送到吗？", true, ""},
		{"今天下单明天能到吗", true, "two dates, one arrival"},
		{"麻烦12月24日之前寄到，谢谢", true, "a month and a day"},
		{"１１号前必须到", true, "full-width digits, folded"},
		{"十一号要收到", true, "Chinese numerals"},
		{"礼拜天之前一定要送达", true, ""},
		{"这周末能到吗", true, "this weekend"},
		{"哪天能送过来", true, ""},
		{"春节前要到货", true, "a festival"},
		{"生日前必须到！", true, "a birthday"},
		{"明天不在家，后天送到", true, "the second clause"},
		{"明天发，后天到", true, "dispatch tomorrow, but arrive the day after"},
		{"保证明天到", true, "the old literal pattern"},
		{"几号到？", true, ""},
		// Traditional Chinese.
		{"明天一定要送達", true, "Traditional"},
		{"週五前要到", true, ""},
		{"幾號能到", true, ""},
		{"禮拜六之前送到", true, ""},
		{"下週一前到貨", true, ""},
		{"11號前必須到", true, ""},
		// Not requests for an exact delivery date.
		{"明天发货吗", false, "asks about dispatch, which the dispatch promise answers (rule S6)"},
		{"今天能发出吗？到了放门口", false, "dispatch, then a delivery instruction"},
		{"什么时候发货", false, "no date"},
		{"到了放门口，谢谢", false, "no date"},
		{"请尽快发货", false, ""},
		{"周末不在家，请放快递柜", false, "a date without an arrival"},
		{"7天无理由退货吗", false, "a number of days, not a date"},
		{"3日内能到吗", false, "a number of days: within three days is a normal promise"},
		{"3号楼到了打电话", false, "an address's building number"},
		{"12345号快递到了吗", false, "a long number"},
		{"昨天下的单怎么还没到", false, "a past day"},
		{"看到消息请回复，明天再说", false, "看到 is not an arrival, and 明天 has none after it"},
		{"周到的服务", false, "周到 (thoughtful) is not a weekday"},
		{"明天到付可以吗", false, "到付 is freight collect"},
		{"", false, "no message"},
	}
	p := order.DefaultTriagePolicy()
	for _, c := range cases {
		t.Run(c.msg, func(t *testing.T) {
			o := mk(t, opsSpec("M1", "m", "TEA-01", 0), func(s *order.Spec) { s.Message = c.msg })
			r, err := p.Triage([]*order.Order{o}, now0)
			require.NoError(t, err)
			f, ok := r.Find("M1")
			got := ok && f.Categories.Has(order.UnsatisfiableMessage)
			assert.Equal(t, c.match, got, c.why)
			if got {
				assert.Equal(t, []order.Code{order.MessageExactDate.Code()}, f.Reasons(order.UnsatisfiableMessage))
			}
		})
	}

	// A shop may turn the reader off and keep its own phrases.
	off := order.DefaultTriagePolicy()
	off.DetectExactDates = false
	o := mk(t, opsSpec("M2", "m", "TEA-01", 0), func(s *order.Spec) { s.Message = "明天必须到" })
	r, err := off.Triage([]*order.Order{o}, now0)
	require.NoError(t, err)
	assert.Empty(t, r.Findings)
}

// The reader does not allocate, even on a message made of nothing but
// dates (each looks ahead at most ten characters, so the work is linear).
func TestBuyerMessageReaderCost(t *testing.T) {
	p := order.DefaultTriagePolicy()
	checks, err := p.Checks()
	require.NoError(t, err)
	msg := mk(t, opsSpec("M3", "m", "TEA-01", 0), func(s *order.Spec) {
		s.Message = strings.Repeat("明天后天", 80) + "到" // dates everywhere, one arrival at the end
	})
	dst := make([]order.Problem, 0, 8)
	allocs := testing.AllocsPerRun(100, func() { dst = checks[1].Inspect(dst[:0], msg, now0) })
	assert.Zero(t, allocs)
}
