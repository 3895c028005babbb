package overcharge_test

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/overcharge"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

var cst = time.FixedZone("CST", 8*60*60)

func yuanEq(t *testing.T, want string, got decimal.Decimal, msg string) {
	t.Helper()
	assert.True(t, decimal.RequireFromString(want).Equal(got), "%s: got %s, want %s", msg, got.StringFixed(2), want)
}

// rule R1, N2: case 1's plan names the guards the re-order skipped —
// finance never acknowledged (a chat to a colleague away), the warehouse
// never saw the hold — and when; both parcels left, so it reconciles.
func TestCase1PlanShowsTheGuardsSkippedAndWhen(t *testing.T) {
	c1, err := overcharge.Case1(io.Discard)
	require.NoError(t, err)
	p := c1.Plan
	assert.Equal(t, refund.RouteReconcile, p.Route(), "rule R2: both parcels out, a suspected double shipment")
	assert.Equal(t, []string{"T1001", "T1002"}, p.Shipped())
	bs := p.Bypasses()
	require.Len(t, bs, 2)
	assert.Equal(t, refund.PlanReorder, bs[0].Event)
	assert.Equal(t, "[finance_ack warehouse_ack]", bs[0].Skipped.String(), "the re-order came before both acknowledgements")
	assert.True(t, bs[0].At.Equal(time.Date(2026, 11, 2, 10, 40, 0, 0, cst)))
	assert.Equal(t, refund.PlanParcel, bs[1].Event)
	assert.Equal(t, "[warehouse_ack]", bs[1].Skipped.String(), "the original left although held: the warehouse never saw the hold")
	var fin refund.StepState
	for _, st := range p.Steps() {
		if st.Step == refund.StepFinanceAck {
			fin = st
		}
	}
	assert.Equal(t, refund.StepDropped, fin.State, "never done; dropped when the plan switched route")
	assert.True(t, fin.HandOff.PhoneRequired(), "rule N2: urgent and away goes by phone")
	assert.False(t, fin.HandOff.Acknowledged())
}

// rule R2: evidence before money — case 1 refunds only once the warehouse
// showed its records, two days after the complaint; the evidence names the
// original, which never left, and refunds what the buyer paid for it.
func TestCase1RefundsTheOriginalOnlyAfterTheEvidence(t *testing.T) {
	c1, err := overcharge.Case1(io.Discard)
	require.NoError(t, err)
	assert.Equal(t, refund.OneShipped, c1.Evidence.Outcome)
	assert.Equal(t, refund.RefundOne, c1.Evidence.Finance)
	assert.Equal(t, "T1001", c1.Evidence.Refund, "the original never left")
	rec, ok := c1.Plan.Reconciliation()
	require.True(t, ok, "the plan keeps the evidence it weighed")
	assert.Equal(t, refund.OneShipped, rec.Outcome)
	settle, ok := c1.Plan.Step(refund.StepSettle)
	require.True(t, ok)
	assert.Equal(t, refund.StepDone, settle.State)
	assert.Equal(t, "T1001", settle.OrderID)
	assert.False(t, settle.At.Before(c1.EvidenceAt), "no money before the evidence")
	assert.Greater(t, c1.RefundedAt.Sub(c1.Complaint), 48*time.Hour, "it dragged on for two days")
	assert.Equal(t, "T1001", c1.Ledger.OrderID())
	yuanEq(t, "148.01", c1.Ledger.Refunded(), "the original refunded in full, goods and postage")
	yuanEq(t, "0.00", c1.Ledger.Remaining(), "rule R7: nothing more to refund")
}

// rule S2: nobody told operations in case 1, so the plan stays open on
// fixing the free-shipping settings.
func TestCase1LeavesTheSettingsUnfixed(t *testing.T) {
	c1, err := overcharge.Case1(io.Discard)
	require.NoError(t, err)
	assert.Equal(t, refund.PlanOpen, c1.Plan.Status())
	bs := c1.Plan.Blockers(c1.RefundedAt)
	require.Len(t, bs, 1)
	assert.Equal(t, refund.StepFixSettings, bs[0].Step)
	assert.Equal(t, refund.Actor{Department: order.Operations}, bs[0].Who)
}

// rules R2, S2: case 2 goes to the warehouse first, refunds the original
// ten minutes after the evidence and has operations fix the settings: the
// plan is done half an hour after the complaint.
func TestCase2SettlesInHalfAnHour(t *testing.T) {
	c2, err := overcharge.Case2(io.Discard)
	require.NoError(t, err)
	assert.Equal(t, refund.OneShipped, c2.Evidence.Outcome)
	assert.Equal(t, "T2001", c2.Evidence.Refund)
	assert.Equal(t, order.Operations, c2.Evidence.FollowUp, "rule S2: operations follows up")
	yuanEq(t, "148.01", c2.Ledger.Refunded(), "the original refunded in full")
	require.Len(t, c2.Refunded, 4, "three lines and the postage, one payout each")
	for _, r := range c2.Refunded {
		assert.False(t, r.Replayed)
	}
	assert.Equal(t, refund.PlanDone, c2.Plan.Status())
	assert.Equal(t, 30*time.Minute, c2.Plan.CompletedAt().Sub(c2.Complaint), "half an hour, not two days")
	assert.Empty(t, c2.Plan.Blockers(c2.Plan.CompletedAt()))
}

// rules R1, R2 (issue 14): the console shows case 1's plan in kefu's own
// words — the plan's staff text, naming the guards the re-order skipped,
// and each blocker's — and the buyer's line is the plan's, not the
// program's.
func TestCase1SpeaksThroughThePlansRenderers(t *testing.T) {
	var out strings.Builder
	c1, err := overcharge.Case1(&out)
	require.NoError(t, err)
	p := c1.Plan
	assert.Contains(t, out.String(), p.Staff(order.SimplifiedChinese), "the plan where it stands at the end")
	assert.Contains(t, p.Staff(order.SimplifiedChinese), refund.StepWarehouseAck.Text(order.SimplifiedChinese), "the guard skipped, in words")
	assert.Contains(t, out.String(), p.Buyer(order.English), "what the buyer is told of the reconciliation")
	for _, b := range p.Blockers(c1.RefundedAt) {
		assert.Contains(t, out.String(), b.Staff(order.SimplifiedChinese))
	}
	assert.NotContains(t, out.String(), "finance_ack", "steps in words, not codes")
}

// rules R2, S2: once finance has paid, the buyer's line says what was
// refunded on which order — in case 1 while the plan is still open on
// operations — not that the shop is still checking with the warehouse.
func TestBuyerHearsTheRefundOnceItIsPaid(t *testing.T) {
	for _, run := range []func(io.Writer) (overcharge.Outcome, error){overcharge.Case1, overcharge.Case2} {
		var out strings.Builder
		c, err := run(&out)
		require.NoError(t, err)
		st, ok := c.Plan.Step(refund.StepSettle)
		require.True(t, ok)
		paid := st.Refunded.StringFixed(2)
		assert.Equal(t, c.Ledger.Refunded().StringFixed(2), paid)
		assert.Contains(t, out.String(), "on your order "+st.OrderID+"; keep an eye out", c.Case)
		assert.Contains(t, out.String(), "订单 "+st.OrderID+" 的 "+paid+" 元已经为您退款了", c.Case)
	}
}
