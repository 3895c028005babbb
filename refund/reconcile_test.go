package refund_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// case2 is seed 000 case 2: the buyer refunded the original T1001 and
// re-ordered as T1002; both may have shipped. The warehouse shows one
// outbound record, the re-order under YT5550001111, whose stub weighs
// 1,020 g against 1,000 g expected for one parcel.
func case2() refund.Evidence {
	return refund.Evidence{
		Orders:      [2]string{"T1001", "T1002"},
		Outbound:    []refund.Outbound{{OrderID: "T1002", Waybill: "YT5550001111", At: t0}},
		Weights:     []refund.Weight{{Waybill: "YT5550001111", Grams: 1020}},
		ParcelGrams: 1000,
	}
}

// TestReconcileCase2 replays seed 000 case 2 (rule R2): evidence from the
// warehouse first, then finance refunds the order that did not ship, then
// operations fixes the free-shipping settings (rule S2).
func TestReconcileCase2(t *testing.T) {
	p := refund.DefaultPolicy()

	// Step 0: nothing from the warehouse yet — no money moves.
	ev := case2()
	ev.Outbound, ev.Weights = nil, nil
	r, err := p.Reconcile(ev)
	require.NoError(t, err)
	assert.Equal(t, refund.Inconclusive, r.Outcome)
	assert.Equal(t, refund.GetEvidence, r.Finance, "evidence comes before money")
	assert.Equal(t, order.Warehouse, r.Ask)
	assert.True(t, r.Reasons.Has(refund.NoOutboundRecord))
	assert.Empty(t, r.Refund)
	assert.Zero(t, r.FollowUp)

	// Step 1: the outbound record but no waybill weight yet.
	ev = case2()
	ev.Weights = nil
	r, err = p.Reconcile(ev)
	require.NoError(t, err)
	assert.Equal(t, refund.Inconclusive, r.Outcome)
	assert.True(t, r.Reasons.Has(refund.WeightMissing))

	// Step 2: the stub's weight: one parcel left; refund the original.
	r, err = p.Reconcile(case2())
	require.NoError(t, err)
	assert.Equal(t, refund.OneShipped, r.Outcome)
	assert.Equal(t, 1, r.Parcels)
	assert.Equal(t, refund.RefundOne, r.Finance)
	assert.Equal(t, "T1001", r.Refund, "the order that did not ship")
	assert.Equal(t, order.Operations, r.FollowUp, "then operations fixes the free-shipping settings (rule S2)")
	assert.True(t, r.Reasons.IsEmpty())
}

// TestReconcileOutcomes: the other things the evidence can show.
func TestReconcileOutcomes(t *testing.T) {
	p := refund.DefaultPolicy()
	cases := []struct {
		reason  string
		edit    func(*refund.Evidence)
		outcome refund.Shipped
		finance refund.FinanceAction
		refund  string
		why     refund.Reason
	}{
		{"both shipped in two parcels: refund after the return arrives", func(e *refund.Evidence) {
			e.Outbound = append(e.Outbound, refund.Outbound{OrderID: "T1001", Waybill: "YT5550002222"})
			e.Weights = append(e.Weights, refund.Weight{Waybill: "YT5550002222", Grams: 980})
		}, refund.TwoShipped, refund.RefundAfterReturn, "T1001", 0},
		{"both orders merged into one parcel: twice the weight", func(e *refund.Evidence) {
			e.Outbound = append(e.Outbound, refund.Outbound{OrderID: "T1001", Waybill: "YT5550001111"})
			e.Weights[0].Grams = 2050
		}, refund.TwoShipped, refund.RefundAfterReturn, "T1001", 0},
		{"one record, but the stub weighs two parcels", func(e *refund.Evidence) { e.Weights[0].Grams = 1990 },
			refund.TwoShipped, refund.RefundAfterReturn, "T1001", 0},
		{"the original shipped instead: refund the re-order", func(e *refund.Evidence) { e.Outbound[0].OrderID = "T1001" },
			refund.OneShipped, refund.RefundOne, "T1002", 0},
		{"a weight between one parcel and two", func(e *refund.Evidence) { e.Weights[0].Grams = 1500 },
			refund.Inconclusive, refund.GetEvidence, "", refund.WeightMismatch},
		{"a weight far too light", func(e *refund.Evidence) { e.Weights[0].Grams = 300 },
			refund.Inconclusive, refund.GetEvidence, "", refund.WeightMismatch},
		{"a weight for a waybill no record names", func(e *refund.Evidence) {
			e.Weights = append(e.Weights, refund.Weight{Waybill: "ZT0000000001", Grams: 1000})
		}, refund.Inconclusive, refund.GetEvidence, "", refund.RecordsDisagree},
		{"a record of another order", func(e *refund.Evidence) { e.Outbound[0].OrderID = "T7777" },
			refund.Inconclusive, refund.GetEvidence, "", refund.RecordsDisagree},
		{"two weights for one waybill that differ", func(e *refund.Evidence) {
			e.Weights = append(e.Weights, refund.Weight{Waybill: "YT5550001111", Grams: 2000})
		}, refund.Inconclusive, refund.GetEvidence, "", refund.RecordsDisagree},
		{"nobody knows what a parcel weighs", func(e *refund.Evidence) { e.ParcelGrams = 0 },
			refund.Inconclusive, refund.GetEvidence, "", refund.ExpectedWeightUnknown},
		{"the expected weight from the order's lines", func(e *refund.Evidence) {
			e.ParcelGrams, e.Order = 0, orderFinished // 2×200 + 150 + 3×50 = 700 g
			e.Weights[0].Grams = 720
		}, refund.OneShipped, refund.RefundOne, "T1001", 0},
		{"three parcels' worth", func(e *refund.Evidence) {
			e.Outbound = append(e.Outbound, refund.Outbound{OrderID: "T1001", Waybill: "YT5550002222"})
			e.Weights = append(e.Weights, refund.Weight{Waybill: "YT5550002222", Grams: 2000})
		}, refund.Inconclusive, refund.GetEvidence, "", refund.WeightMismatch},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			ev := case2()
			c.edit(&ev)
			r, err := p.Reconcile(ev)
			require.NoError(t, err)
			assert.Equal(t, c.outcome, r.Outcome)
			assert.Equal(t, c.finance, r.Finance)
			assert.Equal(t, c.refund, r.Refund)
			if c.why != 0 {
				assert.True(t, r.Reasons.Has(c.why), "%v", r.Reasons)
				assert.Equal(t, order.Warehouse, r.Ask)
			} else {
				assert.Equal(t, order.Operations, r.FollowUp)
			}
		})
	}
}

func TestReconcileErrors(t *testing.T) {
	p := refund.DefaultPolicy()
	for _, c := range []struct {
		reason string
		edit   func(*refund.Evidence)
		want   error
	}{
		{"one order twice", func(e *refund.Evidence) { e.Orders[1] = "Ｔ1001" }, refund.ErrInconsistent},
		{"no re-order", func(e *refund.Evidence) { e.Orders[1] = "" }, refund.ErrMissing},
		{"a malformed waybill", func(e *refund.Evidence) { e.Outbound[0].Waybill = "YT 555" }, refund.ErrInvalidText},
		{"a negative weight", func(e *refund.Evidence) { e.Weights[0].Grams = -1 }, refund.ErrInvalidQuantity},
		{"a negative parcel", func(e *refund.Evidence) { e.ParcelGrams = -1 }, refund.ErrInvalidQuantity},
		{"too many records", func(e *refund.Evidence) { e.Outbound = make([]refund.Outbound, 101) }, refund.ErrInvalidQuantity},
	} {
		ev := case2()
		c.edit(&ev)
		_, err := p.Reconcile(ev)
		require.ErrorIs(t, err, c.want, c.reason)
	}
}
