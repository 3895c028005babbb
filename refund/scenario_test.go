package refund_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// roundTrip stores p as a backend would — its JSON — and reads it back,
// so that a scenario runs on what storage gives back.
func roundTrip(t testing.TB, p refund.Plan) refund.Plan {
	t.Helper()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	var back refund.Plan
	require.NoError(t, json.Unmarshal(b, &back), string(b))
	require.Equal(t, string(b), jsonOf(t, back))
	return back
}

// case1 replays seed 000, case 1, up to the moment both orders are
// reported shipped: buyer A's silent order T1001 qualified for free
// shipping but was charged 8.00 of postage; agent B had the buyer refund
// and reorder, held the original in the memo, left finance a chat message
// while finance was away, and never told the warehouse; the buyer
// reordered (T1002); the warehouse, which never saw the hold, shipped
// both. Day 1 is 2 November 2026.
func case1(t *testing.T) (refund.Plan, refund.Ledger) {
	o, c := overcharged(t) // paid 10:01
	at := func(h, m int) time.Time { return time.Date(2026, 11, 2, h, m, 0, 0, cst) }

	// 10:30 — the buyer asks for the postage back; before dispatch the
	// difference cannot be refunded alone, so the plan is refund-and-reorder.
	p, err := refund.PlanOvercharge(refund.PlanRequest{ID: "RR-A", Order: o, Overcharge: c,
		CannotRefundDifference: true, Owner: agentB, At: at(10, 30)})
	require.NoError(t, err)
	assert.Equal(t, refund.RouteReorder, p.Route())
	bs := p.Blockers(at(10, 30))
	assert.Equal(t, refund.Actor{Role: order.InSales}, bs[0].Who, "the hold is agent B's to apply")
	assert.Equal(t, "[awaiting_hold]", bs[0].Reasons.String())

	// 10:32 — agent B holds the original: PAID_FORBID_CONSIGN and a hold
	// note in the memo, which the warehouse should read.
	_, hold := holdEvent(t, o, at(10, 32))
	p = apply(t, p, hold)

	// 10:35 — agent B tells finance by chat; finance C is away from the
	// desk. Rule N2: urgent and away goes by phone; this does not count.
	chat := handOff(t, "h-fin", order.Finance, notes.ChannelsOf(notes.Chat), true, at(10, 35))
	p = apply(t, p, handOffEvent(chat, at(10, 35)))
	bs = p.Blockers(at(10, 36))
	require.Equal(t, refund.StepFinanceAck, bs[0].Step)
	assert.Equal(t, "[awaiting_acknowledgement call_required]", bs[0].Reasons.String())
	require.Equal(t, refund.StepWarehouseAck, bs[1].Step)
	assert.Equal(t, "[awaiting_hand_off]", bs[1].Reasons.String(), "nobody told the warehouse")

	// 10:40 — the buyer reorders. Asked to record it as a step, the plan
	// refuses: finance has not acknowledged, the warehouse has not seen
	// the hold.
	re := reorderOf(t, at(10, 40))
	_, err = p.Apply(refund.PlanEvent{Kind: refund.PlanReorder, Version: p.Version(), At: at(10, 40), Order: re})
	require.ErrorIs(t, err, refund.ErrInvalidTransition)
	var te *refund.TransitionError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "finance_ack", te.From)
	// It happened all the same: recorded as observed, with what it skipped.
	p = apply(t, p, refund.PlanEvent{Kind: refund.PlanReorder, At: at(10, 40), Order: re, Observed: true})
	p = roundTrip(t, p)

	// Finance never refunded; kefu would not have either.
	l := ledger(t, threeLines())
	_, _, _, err = p.Refund(l, p.Version(), at(10, 45))
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "the original is not refunded past its guards")
	bs = p.Blockers(at(11, 10))
	assert.True(t, bs[0].Reasons.Has(refund.AcknowledgementOverdue), "finance is past its due time: call")

	// Day 2, 09:00 and 09:05 — the warehouse ships both orders.
	p = apply(t, p, parcelEvent("T1001", shipping.Outbound, at(33, 0)))
	p = apply(t, p, parcelEvent("T1002", shipping.Outbound, at(33, 5)))
	return roundTrip(t, p), l
}

// TestSeedCase1 (rules R1, N2, R2): replayed step by step, the plan names
// the steps that were skipped — finance never acknowledged, the warehouse
// never saw the hold — and when, and shows both orders shipping once the
// guards were bypassed; it then asks for the evidence first.
func TestSeedCase1(t *testing.T) {
	p, _ := case1(t)
	day2 := time.Date(2026, 11, 3, 9, 0, 0, 0, cst)
	assert.Equal(t, []string{"T1001", "T1002"}, p.Shipped(), "both orders shipped")
	assert.Equal(t, refund.RouteReconcile, p.Route(), "a suspected double shipment (rule R2)")
	assert.Equal(t, jsonOf(t, []refund.Bypass{
		{Event: refund.PlanReorder, Step: refund.StepPlaceReorder,
			Skipped: order.SetOf(refund.StepFinanceAck, refund.StepWarehouseAck), At: time.Date(2026, 11, 2, 10, 40, 0, 0, cst)},
		{Event: refund.PlanParcel, Skipped: order.SetOf(refund.StepWarehouseAck), At: day2},
	}), jsonOf(t, p.Bypasses()))
	assert.Equal(t, "[finance_ack warehouse_ack]", p.Skipped().String())

	// The skipped steps are in the plan's history: finance's hand-off sent
	// by chat and never acknowledged, the warehouse never told.
	var fin, wh refund.StepState
	for _, st := range p.Steps() {
		switch st.Step {
		case refund.StepFinanceAck:
			fin = st
		case refund.StepWarehouseAck:
			wh = st
		}
	}
	assert.Equal(t, refund.StepDropped, fin.State)
	assert.False(t, fin.HandOff.Acknowledged())
	assert.True(t, fin.HandOff.PhoneRequired())
	assert.Equal(t, refund.StepDropped, wh.State)
	assert.Empty(t, wh.HandOff.ID)

	bs := p.Blockers(day2)
	assert.Equal(t, []refund.Step{refund.StepGatherEvidence, refund.StepSettle, refund.StepFixSettings}, blockerSteps(bs))
	assert.Equal(t, refund.Actor{Department: order.Warehouse}, bs[0].Who, "evidence from the warehouse first")
	assert.False(t, bs[1].Ready, "no money before the evidence")
}

// TestSeedCase2 (rules R2, S2): the same start, handled the good way —
// first the warehouse shows the outbound record and the waybill stub's
// weight (only the re-order left), then finance refunds the original,
// then operations fixes the free-shipping settings: in half an hour.
func TestSeedCase2(t *testing.T) {
	p, l := case1(t)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 3, h, m, 0, 0, cst) }
	opened := at(10, 0) // the buyer complains; agent G takes it up

	// 10:00 — evidence first: nothing from the warehouse yet.
	pol := refund.DefaultPolicy()
	ev := p.Evidence()
	rec, err := pol.Reconcile(ev)
	require.NoError(t, err)
	p = apply(t, p, refund.PlanEvent{Kind: refund.PlanEvidence, At: opened, Reconciliation: rec})
	bs := p.Blockers(opened)
	assert.True(t, bs[0].Reasons.Has(refund.NoOutboundRecord), "the plan says what evidence is missing")
	_, _, _, err = p.Refund(l, p.Version(), opened)
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "evidence before money")

	// 10:10 — the warehouse shows the outbound record and the waybill
	// weight: one parcel of the re-order, 700 g as one order's goods weigh.
	ev.Outbound = []refund.Outbound{{OrderID: "T1002", Waybill: "YT5550001111", At: at(9, 5)}}
	ev.Weights = []refund.Weight{{Waybill: "YT5550001111", Grams: 705}}
	ev.Order = build(t, threeLines())
	rec, err = pol.Reconcile(ev)
	require.NoError(t, err)
	require.Equal(t, refund.OneShipped, rec.Outcome)
	require.Equal(t, "T1001", rec.Refund, "the original never left")
	p = apply(t, p, refund.PlanEvent{Kind: refund.PlanEvidence, At: at(10, 10), Reconciliation: rec})
	bs = p.Blockers(at(10, 10))
	require.Equal(t, refund.StepSettle, bs[0].Step)
	assert.True(t, bs[0].Ready)
	assert.Equal(t, refund.Actor{Department: order.Finance}, bs[0].Who)

	// 10:20 — finance refunds the order that did not ship, through its
	// ledger.
	p, l, rs, err := p.Refund(l, p.Version(), at(10, 20))
	require.NoError(t, err)
	decEq(t, "148.01", l.Refunded(), "the original refunded in full: goods and postage")
	for _, r := range rs {
		assert.Contains(t, r.Key, "RR-A.s")
	}
	p = roundTrip(t, p)

	// 10:30 — operations fixes the free-shipping settings (rule S2).
	ops := handOff(t, "h-ops", order.Operations, notes.ChannelsOf(notes.Chat), false, at(10, 25))
	p = apply(t, p, handOffEvent(acked(t, ops, "yy-h", at(10, 30)), at(10, 30)))
	assert.Equal(t, refund.PlanDone, p.Status())
	assert.Empty(t, p.Blockers(at(10, 30)))
	assert.Equal(t, 30*time.Minute, p.CompletedAt().Sub(opened), "half an hour, not two days")
	roundTrip(t, p)
}

// rules R2, S2: on the reconcile route the buyer hears that the shop
// checks what shipped only until finance has paid; from then on — while
// operations still fixes the settings, which is the shop's business — the
// buyer hears what was refunded on which order: the one the evidence
// named, here the re-order, not "the original".
func TestReconcileBuyerHearsTheOrderRefunded(t *testing.T) {
	p, _ := case1(t)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 3, h, m, 0, 0, cst) }
	pol := refund.DefaultPolicy()
	ev := p.Evidence()
	// The original left under the waybill; the re-order is the one to refund.
	ev.Outbound = []refund.Outbound{{OrderID: "T1001", Waybill: "YT5550001111", At: at(9, 5)}}
	ev.Weights = []refund.Weight{{Waybill: "YT5550001111", Grams: 705}}
	ev.Order = build(t, threeLines())
	rec, err := pol.Reconcile(ev)
	require.NoError(t, err)
	require.Equal(t, "T1002", rec.Refund, "the re-order never left")
	p = apply(t, p, refund.PlanEvent{Kind: refund.PlanEvidence, At: at(10, 10), Reconciliation: rec})
	assert.Equal(t, "We're checking with the warehouse what was shipped on your two orders. As soon as it's clear we'll sort out the refund and let you know.",
		p.Buyer(order.English), "no money yet")

	re := threeLines()
	re.ID = "T1002"
	p, l, _, err := p.Refund(ledger(t, re), p.Version(), at(10, 20))
	require.NoError(t, err)
	require.Equal(t, refund.PlanOpen, p.Status(), "operations still has the settings to fix")
	st, _ := p.Step(refund.StepSettle)
	decEq(t, l.Refunded().String(), st.Refunded, "the step holds what it paid")
	want := "We've refunded ¥ " + l.Refunded().StringFixed(2) + " on your order T1002; keep an eye out for the money."
	assert.Equal(t, want, p.Buyer(order.English), "paid: what was refunded, on which order")
	assert.Equal(t, "亲，订单 T1002 的 "+l.Refunded().StringFixed(2)+" 元已经为您退款了，请留意退款到账哦", p.Buyer(order.SimplifiedChinese))
	p = roundTrip(t, p)
	assert.Equal(t, want, p.Buyer(order.English), "the amount survives storage")

	ops := handOff(t, "h-ops", order.Operations, notes.ChannelsOf(notes.Chat), false, at(10, 25))
	p = apply(t, p, handOffEvent(acked(t, ops, "yy-h", at(10, 30)), at(10, 30)))
	require.Equal(t, refund.PlanDone, p.Status())
	assert.Equal(t, want, p.Buyer(order.English), "done: still the order refunded, not the original")
}
