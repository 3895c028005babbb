package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// The trade states before payment, and whether the buyer can still pay in
// each: WAIT_BUYER_PAY and TRADE_NO_CREATE_PAY wait for the buyer;
// PAY_PENDING (a card payment being confirmed) and WAIT_PRE_AUTH_CONFIRM (a
// pre-authorised contract) wait for the platform.
var beforePayment = []struct {
	status order.Status
	canPay bool
}{
	{order.NoPaymentTrade, true},
	{order.AwaitingPayment, true},
	{order.PaymentPending, false},
	{order.AwaitingPreAuth, false},
}

func unpaidIn(t *testing.T, s order.Status, postage string) *order.Order {
	t.Helper()
	sp := spec("120.00", "0", postage)
	sp.Status, sp.PaidAt, sp.Silent = s, time.Time{}, true
	return build(t, sp)
}

// rule S10: a payment reminder goes only to a buyer who can still pay.
func TestPaymentReminderInEveryStateBeforePayment(t *testing.T) {
	p := shipping.DefaultPolicy()
	now := at(2026, 11, 2, 14, 0, 0)
	for _, c := range beforePayment {
		r, err := p.PaymentReminder(shipping.Unpaid{Order: unpaidIn(t, c.status, "0"), BuyerOnline: true}, now)
		require.NoError(t, err, c.status.String())
		assert.Equal(t, c.canPay, r.Verdict == order.Allowed, c.status.String())
		assert.Equal(t, !c.canPay, r.Reasons.Has(shipping.NotAwaitingPayment), c.status.String())
	}
}

// rule S2: before payment the postage is fixed while the buyer can still
// pay; once a payment is on its way, the difference is refunded.
func TestPostageOverchargeInEveryStateBeforePayment(t *testing.T) {
	p := shipping.DefaultPolicy()
	for _, c := range beforePayment {
		oc := p.PostageOvercharge(unpaidIn(t, c.status, "10.00"))
		require.True(t, oc.Overcharged, c.status.String())
		assert.Equal(t, c.canPay, oc.Remedies.Has(shipping.FixPostage), c.status.String())
		assert.Equal(t, !c.canPay, oc.Remedies.Has(shipping.RefundDifference), c.status.String())
	}
}

// rule S8: a buyer chasing an unpaid order is answered at once: nothing
// ships before payment. Only a buyer who can pay is asked to.
func TestParcelReportInEveryStateBeforePayment(t *testing.T) {
	p := shipping.DefaultPolicy()
	for _, c := range beforePayment {
		r, err := p.ClassifyParcel(unpaidIn(t, c.status, "0"), nil, t0.Add(2*time.Hour))
		require.NoError(t, err, c.status.String())
		assert.Equal(t, shipping.NotPaid, r.Situation, c.status.String())
		assert.True(t, r.Since.Equal(t0), "since the order was placed")
		assert.True(t, r.Actions.Has(shipping.AnswerAtOnce))
		assert.Equal(t, c.canPay, r.Actions.Has(shipping.AskToPay), c.status.String())
	}
}
