package pricing_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// rule P4: the price is changed in one go before payment. While the buyer
// can still pay (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY) a first postage
// change is allowed; once a card payment is being confirmed (PAY_PENDING)
// or a pre-authorised contract waits (WAIT_PRE_AUTH_CONFIRM) it comes
// after payment and needs the team leader.
func TestReviewInEveryStateBeforePayment(t *testing.T) {
	p := pricing.DefaultPolicy()
	in := agent("zhang", order.InSales)
	for _, c := range []struct {
		status order.Status
		canPay bool
	}{
		{order.NoPaymentTrade, true},
		{order.AwaitingPayment, true},
		{order.PaymentPending, false},
		{order.AwaitingPreAuth, false},
	} {
		s := spec()
		s.Status = c.status
		o := order.MustNew(s)
		d, err := p.Review(request(in, &o, pricing.Postage, "5.00"), pricing.AgentUsage{}, pricing.OrderUsage{})
		require.NoError(t, err, c.status.String())
		assert.Equal(t, !c.canPay, d.Reasons.Has(pricing.ReasonAfterPayment), c.status.String())
		if c.canPay {
			assert.Equal(t, order.Allowed, d.Verdict, c.status.String())
		} else {
			assert.Equal(t, order.NeedsApproval, d.Verdict, c.status.String())
			assert.Equal(t, order.TeamLeader, d.Approver)
		}
	}
}
