package double11

import (
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/shipping"
)

// morning replays the situation and returns what happened on each order.
func morning(t *testing.T) *desk {
	t.Helper()
	d, err := replay(io.Discard)
	require.NoError(t, err)
	return d
}

// only returns the outcomes of order id, requiring there are n of them.
func only(t *testing.T, d *desk, id string, n int) []outcome {
	t.Helper()
	got := d.on(id)
	require.Len(t, got, n, "outcomes on %s", id)
	return got
}

// rule P2: pre-sales asked for a price cut is pointed to a gift of the
// same value, which the Double 11 limits let her give alone (rule A4); the
// price is not changed. rule P3: pre-sales may not erase the change alone.
func TestGiftOfferedBeforePriceCut(t *testing.T) {
	got := only(t, morning(t), "T20261111000101", 3)

	cut := got[0].decision
	assert.Equal(t, order.NeedsApproval, cut.Verdict)
	assert.Equal(t, order.TeamLeader, cut.Approver)
	assert.Equal(t, pricing.Gift, cut.Suggest, "rule P2: the gift first")
	assert.False(t, got[0].given)

	assert.Equal(t, order.Allowed, got[1].decision.Verdict)
	assert.Equal(t, "双11", got[1].decision.Period, "rule A4: the period's limits")
	assert.True(t, got[1].given)
	assert.Equal(t, "128.50", got[1].due, "a gift does not change the price")

	assert.Equal(t, pricing.EraseChange, got[2].kind)
	assert.Equal(t, "0.50", got[2].amount)
	assert.Equal(t, order.NeedsApproval, got[2].decision.Verdict)
	assert.True(t, got[2].decision.Reasons.Has(pricing.ReasonEraseNotAllowed))
}

// rule A3: the team leader's approval of a 20.00 cut is refused to
// after-sales, who ranks above the requester but is no approver; the
// token does not stretch to a bigger amount, another order or another
// agent; it is spent once, and its second use is a conflict (409).
func TestApprovalUsedOnceNeverStretched(t *testing.T) {
	d := morning(t)
	got := only(t, d, "T20261111000102", 8)

	assert.Equal(t, "ask", got[0].what)
	assert.Equal(t, order.NeedsApproval, got[0].decision.Verdict)
	assert.Equal(t, order.TeamLeader, got[0].decision.Approver)

	assert.Equal(t, "li", got[1].agent)
	require.ErrorIs(t, got[1].err, pricing.ErrApproverAuthority)
	assert.Equal(t, "laowang", got[2].agent)
	require.NoError(t, got[2].err)

	assert.Equal(t, "25.00", got[3].amount)
	require.ErrorIs(t, got[3].err, pricing.ErrAmountExceeded)
	assert.Equal(t, 403, order.HTTPStatus(got[3].err))
	assert.Equal(t, "li", got[4].agent)
	require.ErrorIs(t, got[4].err, pricing.ErrWrongRequester)

	require.NoError(t, got[5].err, "used as approved")
	assert.True(t, got[5].given)
	assert.Equal(t, "248.00", got[5].due)

	require.ErrorIs(t, got[6].err, pricing.ErrUsed, "single use")
	assert.Equal(t, 409, order.HTTPStatus(got[6].err))
	assert.False(t, got[6].given)

	// On the buyer's other order, the token covers nothing.
	other := only(t, d, "T20261111000103", 1)
	require.ErrorIs(t, other[0].err, pricing.ErrWrongOrder)
	assert.False(t, other[0].given)
}

// rule P4: after the approved cut, a second price change on the order is
// flagged and needs someone above in-sales.
func TestSecondPriceChangeFlagged(t *testing.T) {
	got := only(t, morning(t), "T20261111000102", 8)
	again := got[7].decision
	assert.Equal(t, order.NeedsApproval, again.Verdict)
	assert.True(t, again.Reasons.Has(pricing.ReasonRepeatPriceChange))
}

// rule P3: erased change is exactly the change below the yuan and at most
// 1% of the order; rule A4: during Double 11 after-sales erases five times
// a day instead of three, and the sixth needs the team leader.
func TestEraseWithinThePeriodsDailyCount(t *testing.T) {
	d := morning(t)
	allowed := []string{"T20261111000201", "T20261111000202", "T20261111000205", "T20261111000206", "T20261111000207"}
	for i, id := range allowed {
		got := only(t, d, id, 1)[0]
		assert.Equal(t, order.Allowed, got.decision.Verdict, "erase %d of the day, on %s", i+1, id)
		assert.True(t, got.given, id)
	}
	assert.Equal(t, "128.00", only(t, d, "T20261111000201", 1)[0].due)

	sixth := only(t, d, "T20261111000208", 1)[0].decision
	assert.Equal(t, order.NeedsApproval, sixth.Verdict)
	assert.True(t, sixth.Reasons.Has(pricing.ReasonEraseDailyLimit))

	notChange := only(t, d, "T20261111000203", 1)[0].decision
	assert.Equal(t, order.Refused, notChange.Verdict)
	assert.True(t, notChange.Reasons.Has(pricing.ReasonNotSmallChange), "1.75 of 187.75")

	overShare := only(t, d, "T20261111000204", 1)[0].decision
	assert.Equal(t, order.Refused, overShare.Verdict)
	assert.True(t, overShare.Reasons.Has(pricing.ReasonEraseOverShare), "0.99 of 29.99")
	assert.Equal(t, "0.29", overShare.Limit().StringFixed(2))
}

// rule P2: no postage is waived on an order that ships free; a postage
// concession beyond the agent's 10.00 turns into a gift she may give.
func TestPostageConcessionsOfReviewHandling(t *testing.T) {
	d := morning(t)
	free := only(t, d, "T20261111000301", 1)[0].decision
	assert.Equal(t, order.Refused, free.Verdict)
	assert.True(t, free.Reasons.Has(pricing.ReasonShipsFree))

	got := only(t, d, "T20261111000302", 2)
	assert.Equal(t, order.NeedsApproval, got[0].decision.Verdict)
	assert.Equal(t, pricing.Gift, got[0].decision.Suggest)
	assert.Equal(t, order.Allowed, got[1].decision.Verdict)
	assert.True(t, got[1].given)
}

// rule A3: the team leader's own price cut goes to the store manager; he
// cannot approve it himself, and the approval he let expire is refused.
// rule P4: the store manager may change the price a second time, with the
// warning; rule P2: she still gives the gift the shop prefers.
func TestTeamLeaderCannotApproveHimself(t *testing.T) {
	got := only(t, morning(t), "T20261111000401", 8)
	assert.Equal(t, order.StoreManager, got[0].decision.Approver)
	assert.Equal(t, "laowang", got[1].agent)
	require.ErrorIs(t, got[1].err, pricing.ErrSelfApproval)
	require.NoError(t, got[2].err, "the store manager approves")
	require.ErrorIs(t, got[3].err, pricing.ErrExpired)
	assert.Equal(t, 403, order.HTTPStatus(got[3].err))
	require.NoError(t, got[4].err)
	require.NoError(t, got[5].err)
	assert.Equal(t, "539.00", got[5].due)

	second := got[6].decision
	assert.Equal(t, order.Allowed, second.Verdict, "nobody is above the store manager")
	assert.True(t, second.Reasons.Has(pricing.ReasonRepeatPriceChange))
	assert.False(t, got[6].given, "the shop prefers a gift")
	assert.True(t, got[7].given)
	assert.Equal(t, pricing.Gift, got[7].kind)
}

// rule P1: the promotion price outside its window is refused to
// pre-sales and to the store manager alike; rule P2: the gift instead.
func TestMissedPromotionPriceRefusedToEveryone(t *testing.T) {
	got := only(t, morning(t), "T20261111000501", 3)
	for _, o := range got[:2] {
		assert.Equal(t, order.Refused, o.decision.Verdict, o.agent)
		assert.True(t, o.decision.Reasons.Has(pricing.ReasonOutsidePromotion), o.agent)
	}
	assert.Equal(t, "zhou", got[1].agent)
	assert.Equal(t, pricing.Gift, got[2].kind)
	assert.True(t, got[2].given)
}

// rule A4: limits are per period: on 20 November the same 5.00 gift goes
// back to the team leader.
func TestLoosenedLimitsEndWithThePeriod(t *testing.T) {
	got := only(t, morning(t), "T20261120000101", 1)[0].decision
	assert.Equal(t, order.NeedsApproval, got.Verdict)
	assert.Equal(t, order.TeamLeader, got.Approver)
	assert.Empty(t, got.Period)
}

// rule P2: free shipping on an item that does not ship free is answered
// with the free-shipping policy — the shortfall to the threshold — not
// with a concession; the second tin makes the order ship free.
func TestFreeShippingAnsweredWithThePolicy(t *testing.T) {
	fs := morning(t).freeShipping
	require.Len(t, fs, 2)
	assert.Equal(t, order.Refused, fs[0].Verdict())
	assert.True(t, fs[0].Reasons().Has(shipping.BelowThreshold))
	assert.Equal(t, "39.75", fs[0].Shortfall().StringFixed(2))
	assert.True(t, fs[1].Eligible())
}
