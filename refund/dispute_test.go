package refund_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// TestEscalate: each of the six complaint types goes to the supervisor and
// the store manager at once (rule R6).
func TestEscalate(t *testing.T) {
	assert.Len(t, refund.Complaints(), 6)
	for _, c := range refund.Complaints() {
		e, err := refund.Escalate(c, t0)
		require.NoError(t, err)
		assert.Equal(t, []order.Role{order.TeamLeader, order.StoreManager}, e.Notify.Values(), c.String())
		assert.True(t, e.By.Equal(t0), "at once")
	}
	_, err := refund.Escalate(0, t0)
	require.ErrorIs(t, err, refund.ErrUnknownCode)
	_, err = refund.Escalate(refund.LateDispatch, time.Time{})
	require.ErrorIs(t, err, refund.ErrMissing)
	c, err := refund.ParseComplaint("consumer_protection")
	require.NoError(t, err)
	assert.Equal(t, refund.ConsumerProtection, c)
}

// TestCheckReply is the phrase table of rule R8 in the four languages of
// the sources: a reply that offers cash back for a review is refused; one
// that denies it, or talks of an ordinary refund, is not.
func TestCheckReply(t *testing.T) {
	cases := []struct {
		reason, reply string
		refused       bool
	}{
		{"zh-Hans: cash back for a good review", "亲，给个五星好评返现5元哦", true},
		{"zh-Hans: a red envelope for a review", "确认收货后给好评，私聊客服领红包", true},
		{"zh-Hans: returned money after reviewing", "评价后返5元", true},
		{"zh-Hans: a plain mention of cash back", "本店有返现活动", true},
		{"zh-Hant: cash back for a good review", "親，給個五星好評返現5元哦", true},
		{"zh-Hant: a red envelope", "好評後聯繫客服領紅包", true},
		{"en: cash back for a review", "Leave us a 5-star review and we'll give you cash back!", true},
		{"en: get money back", "Post a review with photos and get $5 back.", true},
		{"en: a reward", "Thanks! A small reward awaits every five-star rating.", true},
		{"es: reembolso por reseña", "Le damos un reembolso por su reseña de cinco estrellas.", true},
		{"es: dinero", "Deja una reseña y te damos 5 euros", true},
		{"es: efectivo", "Por una valoración positiva recibirás efectivo", true},
		// Hostile: spellings that try to slip past a naive match.
		{"a zero-width space inside", "好评返\u200b现", true},
		{"full-width letters and a hyphen", "ＣＡＳＨ－ＢＡＣＫ for reviews", true},
		{"spaces inside the word", "c a s h b a c k", true},
		{"accents and case", "REEMBOLSO POR SU RESEÑA", true},
		{"a denial after an offer in another sentence", "我们没有返现。但好评返现3元!", true},
		// Replies that must pass.
		{"zh-Hans: denying cash back", "亲，我们店没有好评返现哦，感谢支持", false},
		{"zh-Hant: denying cash back", "親，我們不返現，謝謝", false},
		{"en: denying cash back", "Sorry, we don't offer cash back for reviews.", false},
		{"es: denying", "No ofrecemos cashback.", false},
		{"an ordinary refund", "退款已经处理，请注意查收，欢迎评价", false},
		{"an ordinary refund in English", "Your refund of 59.25 has been processed. Thanks for your review!", false},
		{"going back to the order page to review", "请返回订单页面进行评价", false},
		{"many good reviews and a price", "这款好评很多，价格99元", false},
		{"empty", "", false},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := refund.CheckReply(c.reply)
			require.NoError(t, err)
			if c.refused {
				assert.Equal(t, order.Refused, d.Verdict)
				assert.Equal(t, []refund.Reason{refund.CashBackOffer}, d.Reasons.Values())
				assert.NotEmpty(t, d.Match)
			} else {
				assert.Equal(t, order.Allowed, d.Verdict, "matched %q", d.Match)
				assert.True(t, d.Reasons.IsEmpty())
			}
		})
	}
	_, err := refund.CheckReply("\xff返现")
	require.ErrorIs(t, err, refund.ErrInvalidText)
	_, err = refund.CheckReply(strings.Repeat("好", refund.MaxReplyBytes))
	require.ErrorIs(t, err, refund.ErrInvalidText, "refused before it is read")
}
