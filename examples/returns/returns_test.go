package returns_test

import (
	"io"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/returns"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

func replay(t *testing.T) returns.Outcome {
	t.Helper()
	out, err := returns.Replay(io.Discard)
	require.NoError(t, err)
	return out
}

func yuanEq(t *testing.T, want string, got decimal.Decimal, msg string) {
	t.Helper()
	assert.True(t, decimal.RequireFromString(want).Equal(got), "%s: got %s, want %s", msg, got.StringFixed(2), want)
}

// rule R3: the hat goes back within the window, after the agent confirms
// which order and when it was bought; a scarf asked for after 00:00 of the
// window's last day is refused.
func TestSevenDayReturnInTimeAndTooLate(t *testing.T) {
	out := replay(t)
	assert.Equal(t, order.Allowed, out.SevenDay.Verdict)
	assert.True(t, out.SevenDay.Confirm.Has(refund.ConfirmOrder))
	assert.True(t, out.SevenDay.Confirm.Has(refund.ConfirmBoughtAt))
	assert.Equal(t, order.Refused, out.SevenDayLate.Verdict)
	assert.Equal(t, []refund.Reason{refund.WindowClosed}, out.SevenDayLate.Reasons.Values())
}

// rule R7: the hat's refund is what the hat paid, paid once the warehouse
// received it, and the platform's refund ends in SUCCESS.
func TestSevenDayRefundPaysTheLineOnce(t *testing.T) {
	out := replay(t)
	yuanEq(t, "30.00", out.SevenDayLedger.Refunded(), "the hat's price")
	yuanEq(t, "100.00", out.SevenDayLedger.Remaining(), "the scarves stay paid")
	assert.Equal(t, refund.Success, out.SevenDayRefund.Status())
}

// rule R3: washed goods are not returnable without reason.
func TestWashedCardiganIsRefused(t *testing.T) {
	out := replay(t)
	assert.Equal(t, order.Refused, out.Washed.Verdict)
	assert.True(t, out.Washed.Reasons.Has(refund.Washed))
}

// rule R4: the replacement does not leave before the return arrives; the
// exchange waiting longer than the policy allows is flagged; both legs
// are tracked by waybill. Rule R5: the buyer's mistake, the buyer's postage.
func TestExchangeWaitsOnItsReturn(t *testing.T) {
	out := replay(t)
	require.ErrorIs(t, out.ExchangeEarly, refund.ErrInvalidTransition)
	assert.Equal(t, []string{"T3003"}, out.ExchangeFlagged)
	assert.Equal(t, refund.ReplacementShipped, out.Exchange.Status())
	assert.NotEmpty(t, out.Exchange.ReturnWaybill())
	assert.NotEmpty(t, out.Exchange.ReplacementWaybill())
	assert.Equal(t, refund.Buyer, out.ExchangePostage.Return)
	assert.Equal(t, refund.Buyer, out.ExchangePostage.Replacement)
}

// rule S3: a Hong Kong return has its return postage deducted and is
// refunded only once the goods arrive; before, the ledger refuses to pay
// it as returned and the review asks the team leader (rule A3).
func TestHongKongReturnDeductsPostageAndWaitsForTheGoods(t *testing.T) {
	out := replay(t)
	assert.True(t, out.HKPostage.DeductReturnLeg)
	assert.True(t, out.HKPostage.RefundAfterArrival)
	assert.True(t, out.HKPostage.Reasons.Has(refund.SFReturn))
	assert.Equal(t, order.NeedsApproval, out.HKReview.Verdict)
	assert.Equal(t, order.TeamLeader, out.HKReview.Approver)
	require.ErrorIs(t, out.HKEarly, refund.ErrNotReturned)
	yuanEq(t, "72.00", out.HKLedger.Refunded(), "100.00 paid less SF's 28.00 return bill")
}

// rule A3 (issue 14): the early refund's review is shown in kefu's words —
// the decision's staff text naming the approver and the amount, and its
// buyer line asking the buyer to wait — not assembled by the program.
func TestHongKongEarlyRefundSpeaksThroughTheDecision(t *testing.T) {
	var w strings.Builder
	out, err := returns.Replay(&w)
	require.NoError(t, err)
	for _, l := range []order.Lang{order.SimplifiedChinese, order.English} {
		assert.Contains(t, w.String(), out.HKReview.Staff(l))
		assert.Contains(t, w.String(), out.HKReview.Buyer(l))
	}
	assert.Contains(t, out.HKReview.Staff(order.English), "100.00")
	assert.Contains(t, out.HKReview.Staff(order.SimplifiedChinese), order.TeamLeader.Text(order.SimplifiedChinese))
}

// rule R5: the bargained free-shipping item ordered wrongly gets exactly
// two choices: both legs with the best discount next time (the waived
// postage comes off the refund), or the return leg only (refunded in full).
func TestBargainedItemOffersExactlyTwoChoices(t *testing.T) {
	out := replay(t)
	require.Len(t, out.Bargained.Choices, 2)
	assert.Equal(t, refund.PostageChoice{Outbound: refund.Buyer, Return: refund.Buyer, BestDiscountNextTime: true}, out.Bargained.Choices[0])
	assert.Equal(t, refund.PostageChoice{Outbound: refund.Seller, Return: refund.Buyer}, out.Bargained.Choices[1])
	yuanEq(t, "49.00", out.BargainedRefund[0], "59.00 less the 10.00 waived")
	yuanEq(t, "59.00", out.BargainedRefund[1], "in full")
}
