package shipping_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestOverchargeBuyerHearsWhatTheRemedyDoes: rule S2 — an overcharged
// buyer is told what will actually happen: the difference refunded, or,
// when the agent goes for refund-and-reorder (rule R1), to refund the
// order and order again, with the original held back — never a refund of
// the difference that is not coming. A remedy the order's state does not
// offer tells the buyer nothing; Buyer is the preferred remedy's reply.
func TestOverchargeBuyerHearsWhatTheRemedyDoes(t *testing.T) {
	p := shipping.DefaultPolicy()
	overcharged := func(edit func(*order.Spec)) shipping.Overcharge {
		s := spec("120.00", "0", "10.00")
		s.Silent = true
		edit(&s)
		return p.PostageOvercharge(build(t, s))
	}
	const (
		fixed    = "亲，您的订单符合包邮条件，多收的 10.00 元运费已经帮您改掉了，现在付款就可以啦"
		refunded = "亲，您的订单符合包邮条件，多付的 10.00 元运费我们会退给您，请留意退款到账哦"
		reorder  = "亲，麻烦您先申请退款，再重新拍下，新订单就是包邮的啦；原订单我们会拦下不发，请放心"
	)
	unpaid := overcharged(func(s *order.Spec) { s.Status, s.PaidAt = order.AwaitingPayment, time.Time{} })
	paid := overcharged(func(*order.Spec) {})
	shipped := overcharged(func(s *order.Spec) { s.Status, s.DispatchedAt = order.AwaitingReceipt, s.PaidAt.Add(3*time.Hour) })
	for _, c := range []struct {
		reason string
		oc     shipping.Overcharge
		remedy shipping.Remedy
		want   string
	}{
		{"before payment, the postage is fixed", unpaid, shipping.FixPostage, fixed},
		{"paid: the difference is refunded", paid, shipping.RefundDifference, refunded},
		{"paid, the agent goes for refund-and-reorder (rule R1)", paid, shipping.RefundAndReorder, reorder},
		{"shipped: refunded", shipped, shipping.RefundDifference, refunded},
		// Remedies the state does not offer.
		{"shipped: no refund-and-reorder once the parcel left", shipped, shipping.RefundAndReorder, ""},
		{"paid: the postage can no longer be fixed", paid, shipping.FixPostage, ""},
		{"an invalid remedy", paid, shipping.Remedy(9), ""},
		{"nothing overcharged", shipping.Overcharge{}, shipping.RefundDifference, ""},
	} {
		t.Run(c.reason, func(t *testing.T) {
			assert.Equal(t, c.want, c.oc.BuyerFor(c.remedy, order.SimplifiedChinese))
		})
	}
	assert.Equal(t, fixed, unpaid.Buyer(order.SimplifiedChinese))
	assert.Equal(t, refunded, paid.Buyer(order.SimplifiedChinese), "the preferred remedy")
	assert.NotContains(t, paid.BuyerFor(shipping.RefundAndReorder, order.English), "refund the")
	assert.Contains(t, paid.BuyerFor(shipping.RefundAndReorder, order.English), "place the order again")
}

// rules S2, S9: a cash-on-delivery order before dispatch has its postage
// fixed, and the buyer — who pays on delivery — is told so, never to pay
// now; the payment survives the overcharge's JSON.
func TestOverchargeCODBuyerPaysOnDelivery(t *testing.T) {
	s := spec("120.00", "0", "10.00")
	s.Silent = true
	s.Payment, s.PaidAt, s.CODConfirmedAt = order.CashOnDelivery, time.Time{}, s.CreatedAt.Add(time.Minute)
	c := shipping.DefaultPolicy().PostageOvercharge(build(t, s))
	require.True(t, c.Remedies.Has(shipping.FixPostage))
	assert.Equal(t, order.CashOnDelivery, c.Payment)
	zh := c.Buyer(order.SimplifiedChinese)
	assert.Equal(t, "亲，您的订单符合包邮条件，多收的 10.00 元运费已经帮您改掉了，收货时按改好的金额付款就可以啦", zh)
	assert.NotContains(t, zh, "现在付款")
	assert.NotContains(t, c.Buyer(order.English), "pay now")
	assert.Contains(t, c.Buyer(order.English), "on delivery")

	b, err := json.Marshal(c)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"payment":"cod"`)
	var back shipping.Overcharge
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, zh, back.Buyer(order.SimplifiedChinese))
}
