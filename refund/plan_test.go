package refund_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

var (
	agentB   = order.Agent{ID: "kf-b", Name: "客服B", Role: order.InSales}
	freeShip = shipping.DefaultPolicy()
)

// overcharged is threeLines' order — 140.01 of goods paid, which ships
// free, charged 8.00 of postage — with shipping's finding on it.
func overcharged(t testing.TB) (*order.Order, shipping.Overcharge) {
	t.Helper()
	o := build(t, threeLines())
	c := freeShip.PostageOvercharge(o)
	require.True(t, c.Overcharged)
	return o, c
}

// reorderPlan is the refund-and-reorder plan "RR-1" of the overcharged
// order, made at t0+30m by agent B.
func reorderPlan(t testing.TB) (*order.Order, refund.Plan) {
	t.Helper()
	o, c := overcharged(t)
	p, err := refund.PlanOvercharge(refund.PlanRequest{ID: "RR-1", Order: o, Overcharge: c,
		CannotRefundDifference: true, Owner: agentB, At: t0.Add(30 * time.Minute)})
	require.NoError(t, err)
	require.Equal(t, refund.RouteReorder, p.Route())
	return o, p
}

// apply applies e at p's version and requires it to pass.
func apply(t testing.TB, p refund.Plan, e refund.PlanEvent) refund.Plan {
	t.Helper()
	e.Version = p.Version()
	n, err := p.Apply(e)
	require.NoError(t, err)
	return n
}

// holdEvent holds o with notes.ApplyHold at at, as agent B.
func holdEvent(t testing.TB, o *order.Order, at time.Time) (order.Order, refund.PlanEvent) {
	t.Helper()
	held, note, err := notes.ApplyHold(*o, order.Hold, notes.FlagRed, "退款重拍,原单暂停发货", agentB, at)
	require.NoError(t, err)
	return held, refund.PlanEvent{Kind: refund.PlanHold, At: at, Order: &held, Note: note}
}

// handOff is a hand-off from agent B about order T1001 to d, sent at at
// by via; the colleague is away when away.
func handOff(t testing.TB, id string, d order.Department, via notes.Channels, away bool, at time.Time) notes.HandOff {
	t.Helper()
	h, _, err := notes.DefaultPolicy().SendHandOff(notes.HandOff{ID: id, OrderID: "T1001", From: agentB,
		To: notes.ToDepartment(d), Urgency: notes.Urgently, Subject: "原单T1001退款重拍", Via: via, Away: away, SentAt: at})
	require.NoError(t, err)
	return h
}

// acked is h acknowledged by by at at.
func acked(t testing.TB, h notes.HandOff, by string, at time.Time) notes.HandOff {
	t.Helper()
	a, err := h.Acknowledge(by, at)
	require.NoError(t, err)
	return a
}

// reorderOf is a new order T1002 of the same buyer, postage fixed, paid at
// at.
func reorderOf(t testing.TB, at time.Time) *order.Order {
	t.Helper()
	s := threeLines()
	s.ID, s.Postage, s.CreatedAt, s.PaidAt = "T1002", dec("0.00"), at.Add(-time.Minute), at
	return build(t, s)
}

func handOffEvent(h notes.HandOff, at time.Time) refund.PlanEvent {
	return refund.PlanEvent{Kind: refund.PlanHandOff, At: at, HandOff: h}
}

func parcelEvent(id string, s shipping.Stage, at time.Time) refund.PlanEvent {
	return refund.PlanEvent{Kind: refund.PlanParcel, At: at, OrderID: id, Stage: s}
}

func blockerSteps(bs []refund.Blocker) []refund.Step {
	var out []refund.Step
	for _, b := range bs {
		out = append(out, b.Step)
	}
	return out
}

// rule S2: the planner prefers refunding the difference — nothing ships
// twice — and then operations fixes the free-shipping settings.
func TestPlanPrefersDifference(t *testing.T) {
	o, c := overcharged(t)
	p, err := refund.PlanOvercharge(refund.PlanRequest{ID: "RD-1", Order: o, Overcharge: c, Owner: agentB, At: t0.Add(time.Hour)})
	require.NoError(t, err)
	assert.Equal(t, refund.RouteDifference, p.Route())
	decEq(t, "8.00", p.Overcharge())
	bs := p.Blockers(t0.Add(time.Hour))
	require.Len(t, bs, 2)
	assert.Equal(t, refund.Blocker{Step: refund.StepRefundDifference, Ready: true, Who: refund.Actor{Department: order.Finance},
		Reasons: refund.ReasonSet(0).With(refund.AwaitingRefund), Since: t0.Add(time.Hour)}, bs[0])
	assert.Equal(t, refund.Actor{Department: order.Operations}, bs[1].Who)
	assert.True(t, bs[1].Reasons.Has(refund.AwaitingHandOff))

	l := ledger(t, threeLines())
	ps, err := p.Payouts(l, t0.Add(2*time.Hour))
	require.NoError(t, err)
	require.Len(t, ps, 1)
	assert.Equal(t, "RD-1.d", ps[0].Key)
	decEq(t, "8.00", ps[0].Postage)
	p2, l2, rs, err := p.Refund(l, p.Version(), t0.Add(2*time.Hour))
	require.NoError(t, err)
	decEq(t, "8.00", rs[0].Postage())
	decEq(t, "0.00", l2.PostageRemaining())
	step, _ := p2.Step(refund.StepRefundDifference)
	assert.Equal(t, refund.StepDone, step.State)
	assert.Equal(t, "T1001", step.OrderID)

	// Idempotent: the same refund again pays nothing and changes nothing.
	p3, l3, rs, err := p2.Refund(l2, 1, t0.Add(3*time.Hour))
	require.NoError(t, err)
	assert.True(t, rs[0].Replayed)
	assert.Equal(t, p2.Version(), p3.Version())
	assert.Equal(t, l2.Version(), l3.Version())

	ops := handOff(t, "h-ops", order.Operations, notes.ChannelsOf(notes.Chat), false, t0.Add(3*time.Hour))
	p4 := apply(t, p3, handOffEvent(acked(t, ops, "yy-h", t0.Add(3*time.Hour+5*time.Minute)), t0.Add(3*time.Hour+5*time.Minute)))
	assert.Equal(t, refund.PlanDone, p4.Status())
	assert.Empty(t, p4.Blockers(t0.Add(4*time.Hour)))
	assert.True(t, p4.CompletedAt().Equal(t0.Add(3*time.Hour+5*time.Minute)))
}

// rule R1: refund-and-reorder only when the difference cannot be
// refunded and the parcel has not left the warehouse.
func TestPlanRoute(t *testing.T) {
	o, c := overcharged(t)
	req := refund.PlanRequest{ID: "RR-1", Order: o, Overcharge: c, CannotRefundDifference: true, Owner: agentB, At: t0.Add(time.Hour)}
	tests := []struct {
		reason  string
		stage   shipping.Stage
		route   refund.Route
		reasons string
	}{
		{"nothing known of the parcel", shipping.StageUnknown, refund.RouteReorder, "[difference_unavailable]"},
		{"picked, still in the warehouse", shipping.Picked, refund.RouteReorder, "[difference_unavailable]"},
		{"outbound: it left", shipping.Outbound, refund.RouteDifference, "[difference_unavailable parcel_left]"},
		{"with the courier", shipping.InTransit, refund.RouteDifference, "[difference_unavailable parcel_left]"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			r := req
			r.Stage = tc.stage
			p, err := refund.PlanOvercharge(r)
			require.NoError(t, err)
			assert.Equal(t, tc.route, p.Route())
			assert.Equal(t, tc.reasons, p.Reasons().String())
		})
	}
	// Dispatched on the platform: shipping offers the difference alone.
	d := build(t, dispatched(threeLines()))
	r := req
	r.Order, r.Overcharge = d, freeShip.PostageOvercharge(d)
	p, err := refund.PlanOvercharge(r)
	require.NoError(t, err)
	assert.Equal(t, refund.RouteDifference, p.Route())
}

// rule R1: the guards come in order — the hold, then finance's and the
// warehouse's acknowledgements, then the new order, then the refund — and
// a step out of order is refused with a conflict naming what is missing,
// the plan unchanged.
func TestPlanRefusesOutOfOrder(t *testing.T) {
	o, p := reorderPlan(t)
	at := t0.Add(40 * time.Minute)
	fin := acked(t, handOff(t, "h-fin", order.Finance, notes.ChannelsOf(notes.Phone), true, at), "cw-c", at)
	wh := acked(t, handOff(t, "h-wh", order.Warehouse, notes.ChannelsOf(notes.Chat), false, at), "ck-d", at)
	l := ledger(t, threeLines())

	refused := func(p refund.Plan, e refund.PlanEvent, from string) {
		t.Helper()
		e.Version = p.Version()
		got, err := p.Apply(e)
		require.ErrorIs(t, err, refund.ErrInvalidTransition)
		assert.Equal(t, 409, httpStatus(err))
		var te *refund.TransitionError
		require.ErrorAs(t, err, &te)
		assert.Equal(t, from, te.From, "names the first step missing")
		assert.Equal(t, jsonOf(t, p), jsonOf(t, got), "nothing half-applied")
	}
	refused(p, handOffEvent(fin, at), "hold_original")
	refused(p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Order: reorderOf(t, at)}, "hold_original")
	_, _, _, err := p.Refund(l, p.Version(), at)
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "no refund of the original before its guards")

	_, hold := holdEvent(t, o, at)
	p = apply(t, p, hold)
	refused(p, hold, "hold_original") // done already
	p = apply(t, p, handOffEvent(wh, at))
	refused(p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Order: reorderOf(t, at)}, "finance_ack")
	_, _, _, err = p.Refund(l, p.Version(), at)
	require.ErrorIs(t, err, refund.ErrInvalidTransition)
	p = apply(t, p, handOffEvent(fin, at))
	_, _, _, err = p.Refund(l, p.Version(), at)
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "the new order comes first")

	p = apply(t, p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Order: reorderOf(t, at)})
	assert.Equal(t, "T1002", p.ReorderID())
	assert.Equal(t, []refund.Step{refund.StepRefundOriginal, refund.StepFixSettings}, blockerSteps(p.Blockers(at)))
	p, l2, rs, err := p.Refund(l, p.Version(), at.Add(time.Minute))
	require.NoError(t, err)
	require.Len(t, rs, 4, "three lines and the postage")
	decEq(t, "148.01", l2.Refunded(), "the original refunded in full")
	decEq(t, "0.00", l2.Remaining())
	assert.Empty(t, p.Bypasses(), "nothing skipped")
	assert.Equal(t, refund.PlanOpen, p.Status(), "operations still fixes the settings")

	// Cancelling once money moved is refused.
	_, err = p.Apply(refund.PlanEvent{Kind: refund.PlanCancel, Version: p.Version(), At: at.Add(time.Hour)})
	require.ErrorIs(t, err, refund.ErrInvalidTransition)
}

// rule R1: what happened outside the shop's control is recorded when the
// event says it was observed, naming every guard skipped and when.
func TestPlanObservedBypass(t *testing.T) {
	_, p := reorderPlan(t)
	at := t0.Add(40 * time.Minute)
	p = apply(t, p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Order: reorderOf(t, at), Observed: true})
	assert.Equal(t, []refund.Bypass{{Event: refund.PlanReorder, Step: refund.StepPlaceReorder,
		Skipped: order.SetOf(refund.StepHoldOriginal, refund.StepFinanceAck, refund.StepWarehouseAck), At: at}}, p.Bypasses())
	assert.Equal(t, "[hold_original finance_ack warehouse_ack]", p.Skipped().String())
	// The guards still block the refund of the original.
	_, _, _, err := p.Refund(ledger(t, threeLines()), p.Version(), at)
	require.ErrorIs(t, err, refund.ErrInvalidTransition)
}

// rules R1, R2, S7: the original reported at or past outbound switches the
// plan — to the difference with no new order yet, to reconciliation with
// one — and after its refund, to an interception by the courier.
func TestPlanOriginalLeft(t *testing.T) {
	at := t0.Add(50 * time.Minute)
	t.Run("before the new order: refund the difference", func(t *testing.T) {
		_, p := reorderPlan(t)
		p = apply(t, p, parcelEvent("T1001", shipping.Printed, at))
		assert.Equal(t, refund.RouteReorder, p.Route(), "a printed waybill is still in the warehouse")
		p = apply(t, p, parcelEvent("T1001", shipping.Outbound, at))
		assert.Equal(t, refund.RouteDifference, p.Route())
		assert.True(t, p.Reasons().Has(refund.ParcelLeft))
		assert.Equal(t, []refund.Step{refund.StepRefundDifference, refund.StepFixSettings}, blockerSteps(p.Blockers(at)))
		assert.Equal(t, "[hold_original warehouse_ack]", p.Skipped().String(), "the hold the parcel went past")
		hold, _ := p.Step(refund.StepHoldOriginal)
		assert.Equal(t, refund.StepStatusUnknown, hold.State, "dropped steps are not the route's")
		assert.Len(t, p.Steps(), 7, "five dropped, then the difference and the fix")
	})
	t.Run("after the new order: reconcile", func(t *testing.T) {
		o, p := reorderPlan(t)
		_, hold := holdEvent(t, o, at)
		p = apply(t, p, hold)
		p = apply(t, p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Order: reorderOf(t, at), Observed: true})
		p = apply(t, p, parcelEvent("T1002", shipping.Outbound, at))
		assert.Equal(t, refund.RouteReorder, p.Route(), "the new order leaving is the point")
		p = apply(t, p, parcelEvent("T1001", shipping.PickedUp, at))
		assert.Equal(t, refund.RouteReconcile, p.Route())
		assert.Equal(t, []string{"T1001", "T1002"}, p.Shipped())
		assert.Equal(t, refund.Evidence{Orders: [2]string{"T1001", "T1002"}}, p.Evidence())
		bs := p.Blockers(at)
		assert.Equal(t, []refund.Step{refund.StepGatherEvidence, refund.StepSettle, refund.StepFixSettings}, blockerSteps(bs))
		assert.Equal(t, refund.Actor{Department: order.Warehouse}, bs[0].Who, "evidence first (rule R2)")
		assert.False(t, bs[1].Ready)
	})
	t.Run("after its refund: intercept", func(t *testing.T) {
		p := fullyGuarded(t, at)
		p, _, _, err := p.Refund(ledger(t, threeLines()), p.Version(), at)
		require.NoError(t, err)
		p = apply(t, p, parcelEvent("T1001", shipping.Outbound, at))
		assert.Equal(t, refund.RouteReorder, p.Route())
		assert.True(t, p.Reasons().Has(refund.RefundedOriginalLeft))
		bs := p.Blockers(at)
		require.Equal(t, []refund.Step{refund.StepIntercept, refund.StepFixSettings}, blockerSteps(bs))
		assert.Equal(t, refund.Actor{Department: order.Courier}, bs[0].Who, "after outbound only the courier can stop it (rule S7)")
		c := acked(t, handOff(t, "h-ky", order.Courier, notes.ChannelsOf(notes.Phone), false, at), "ky-e", at)
		p = apply(t, p, handOffEvent(c, at))
		assert.Equal(t, []refund.Step{refund.StepFixSettings}, blockerSteps(p.Blockers(at)))
	})
}

// fullyGuarded is the reorder plan with every guard met and the new order
// placed, at at.
func fullyGuarded(t testing.TB, at time.Time) refund.Plan {
	t.Helper()
	o, p := reorderPlan(t)
	_, hold := holdEvent(t, o, at)
	p = apply(t, p, hold)
	p = apply(t, p, handOffEvent(acked(t, handOff(t, "h-fin", order.Finance, notes.ChannelsOf(notes.Phone), true, at), "cw-c", at), at))
	p = apply(t, p, handOffEvent(acked(t, handOff(t, "h-wh", order.Warehouse, notes.ChannelsOf(notes.Chat), false, at), "ck-d", at), at))
	return apply(t, p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Order: reorderOf(t, at)})
}

// rule R7: a refund the plan makes is idempotent — after a crash between
// storing the ledger and storing the plan, the retry replays the payouts
// and the plan moves on; nothing is paid twice.
func TestPlanRefundRetry(t *testing.T) {
	at := t0.Add(time.Hour)
	p := fullyGuarded(t, at)
	l := ledger(t, threeLines())
	_, paid, _, err := p.Refund(l, p.Version(), at) // the ledger is stored, the plan is lost
	require.NoError(t, err)
	next, l2, rs, err := p.Refund(paid, p.Version(), at)
	require.NoError(t, err)
	for _, r := range rs {
		assert.True(t, r.Replayed, r.Key)
	}
	assert.Equal(t, paid.Version(), l2.Version())
	decEq(t, "148.01", l2.Refunded())
	st, _ := next.Step(refund.StepRefundOriginal)
	assert.Equal(t, refund.StepDone, st.State)

	// The done step replayed on a ledger that lacks its payouts is refused.
	_, _, _, err = next.Refund(l, next.Version(), at)
	require.ErrorIs(t, err, refund.ErrInconsistent)
	// A ledger of another order.
	other := threeLines()
	other.ID = "T9"
	_, _, _, err = p.Refund(ledger(t, other), p.Version(), at)
	require.ErrorIs(t, err, refund.ErrInconsistent)
	_, _, _, err = p.Refund(l, p.Version()-1, at)
	require.ErrorIs(t, err, refund.ErrStaleVersion)
}

// rule N2: a hand-off counts once acknowledged; an urgent one to a
// colleague who is away that went by chat alone needs a call, and one
// past its due time is overdue.
func TestPlanHandOffBlockers(t *testing.T) {
	o, p := reorderPlan(t)
	at := t0.Add(35 * time.Minute)
	_, hold := holdEvent(t, o, at)
	p = apply(t, p, hold)
	chat := handOff(t, "h-fin", order.Finance, notes.ChannelsOf(notes.Chat), true, at)
	p = apply(t, p, handOffEvent(chat, at))
	bs := p.Blockers(at)
	require.Equal(t, []refund.Step{refund.StepFinanceAck, refund.StepWarehouseAck, refund.StepPlaceReorder,
		refund.StepRefundOriginal, refund.StepFixSettings}, blockerSteps(bs))
	assert.True(t, bs[0].Ready)
	assert.Equal(t, "[awaiting_acknowledgement call_required]", bs[0].Reasons.String())
	assert.True(t, bs[0].Due.Equal(at.Add(30*time.Minute)), "notes' urgent window")
	assert.True(t, bs[0].Since.Equal(at), "ready since the hold")
	assert.Equal(t, "[awaiting_hand_off]", bs[1].Reasons.String())
	assert.Equal(t, refund.Actor{Buyer: true}, bs[2].Who)
	assert.False(t, bs[2].Ready)
	late := p.Blockers(at.Add(31 * time.Minute))
	assert.True(t, late[0].Reasons.Has(refund.AcknowledgementOverdue))

	// Phoned after all, and acknowledged: the step is done.
	phoned := acked(t, handOff(t, "h-fin-2", order.Finance, notes.ChannelsOf(notes.Phone), true, at.Add(40*time.Minute)),
		"cw-c", at.Add(41*time.Minute))
	p = apply(t, p, handOffEvent(phoned, at.Add(41*time.Minute)))
	st, _ := p.Step(refund.StepFinanceAck)
	assert.Equal(t, refund.StepDone, st.State)
	assert.Equal(t, "cw-c", st.By)
	assert.Equal(t, "h-fin-2", st.HandOff.ID)
}

// Malformed and hostile events are refused with the class of the
// library, the plan unchanged.
func TestPlanEventErrors(t *testing.T) {
	o, p := reorderPlan(t)
	at := t0.Add(40 * time.Minute)
	held, hold := holdEvent(t, o, at)
	guarded := apply(t, p, hold)
	fin := acked(t, handOff(t, "h-fin", order.Finance, notes.ChannelsOf(notes.Phone), true, at), "cw-c", at)

	notHeld := hold
	notHeld.Order = o
	release := hold
	release.Note.Release = true
	otherHold := hold
	spec := held.Spec()
	spec.ID = "T9"
	otherOrder := order.MustNew(spec)
	otherHold.Order = &otherOrder
	roleHandOff := fin
	roleHandOff.To = notes.ToRole(order.TeamLeader)
	aboutOther := fin
	aboutOther.OrderID = "T9"
	selfAcked := fin
	selfAcked.AckedBy = "ｋｆ-b" // the sender, in full width
	otherBuyer := threeLines()
	otherBuyer.ID, otherBuyer.Buyer = "T1003", order.Buyer{ID: "tb_9999"}
	unpaid := threeLines()
	unpaid.ID, unpaid.Status, unpaid.PaidAt = "T1004", order.AwaitingPayment, time.Time{}

	tests := []struct {
		reason string
		plan   refund.Plan
		e      refund.PlanEvent
		want   error
	}{
		{"an unknown event", p, refund.PlanEvent{Kind: 99, At: at}, refund.ErrUnknownEvent},
		{"no time", p, refund.PlanEvent{Kind: refund.PlanCancel}, refund.ErrMissing},
		{"before the last change", p, refund.PlanEvent{Kind: refund.PlanCancel, At: t0}, refund.ErrInconsistent},
		{"an order not held", p, notHeld, refund.ErrInconsistent},
		{"a release note", p, release, refund.ErrInconsistent},
		{"another order held", p, otherHold, refund.ErrInconsistent},
		{"a hand-off to a role", guarded, handOffEvent(roleHandOff, at), refund.ErrInconsistent},
		{"a hand-off about another order", guarded, handOffEvent(aboutOther, at), refund.ErrInconsistent},
		// Hostile: the sender acknowledging their own hand-off.
		{"a self-acknowledged hand-off", guarded, handOffEvent(selfAcked, at), notes.ErrNotAllowed},
		{"a hand-off sent later than the event", guarded, handOffEvent(fin, at.Add(-time.Second)), refund.ErrInconsistent},
		{"a re-order of another buyer", p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Observed: true,
			Order: build(t, otherBuyer)}, refund.ErrInconsistent},
		{"an unpaid re-order", p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Observed: true,
			Order: build(t, unpaid)}, refund.ErrInconsistent},
		{"the original as its re-order", p, refund.PlanEvent{Kind: refund.PlanReorder, At: at, Observed: true,
			Order: o}, refund.ErrInconsistent},
		{"a parcel of an order not in the plan", p, parcelEvent("T9", shipping.Outbound, at), refund.ErrInconsistent},
		{"no stage", p, parcelEvent("T1001", shipping.StageUnknown, at), refund.ErrUnknownCode},
		// Hostile: a direction override in an order ID.
		{"a bidi order ID", p, parcelEvent("T1001\u202e", shipping.Outbound, at), refund.ErrInvalidText},
		{"evidence on the reorder route", p, refund.PlanEvent{Kind: refund.PlanEvidence, At: at,
			Reconciliation: refund.Reconciliation{Outcome: refund.Inconclusive, Finance: refund.GetEvidence}}, refund.ErrInvalidTransition},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			e := tc.e
			e.Version = tc.plan.Version()
			got, err := tc.plan.Apply(e)
			require.ErrorIs(t, err, tc.want)
			assert.Equal(t, jsonOf(t, tc.plan), jsonOf(t, got), "unchanged on error")
		})
	}
	_, err := p.Apply(refund.PlanEvent{Kind: refund.PlanCancel, Version: p.Version() + 1, At: at})
	require.ErrorIs(t, err, refund.ErrStaleVersion)
	c := apply(t, p, refund.PlanEvent{Kind: refund.PlanCancel, At: at})
	assert.Equal(t, refund.PlanCancelled, c.Status())
	assert.Empty(t, c.Blockers(at))
	_, err = c.Apply(refund.PlanEvent{Kind: refund.PlanCancel, Version: c.Version(), At: at})
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "a cancelled plan is final")
}

// Malformed requests to the planner.
func TestPlanOverchargeErrors(t *testing.T) {
	o, c := overcharged(t)
	ok := refund.PlanRequest{ID: "RR-1", Order: o, Overcharge: c, Owner: agentB, At: t0.Add(time.Hour)}
	unpaid := threeLines()
	unpaid.Status, unpaid.PaidAt = order.AwaitingPayment, time.Time{}
	up := build(t, unpaid)
	free := threeLines()
	free.Postage = dec("0.00")
	fo := build(t, free)
	tests := []struct {
		reason string
		edit   func(*refund.PlanRequest)
		want   error
	}{
		{"no ID", func(r *refund.PlanRequest) { r.ID = "" }, refund.ErrMissing},
		{"an ID too long for its keys", func(r *refund.PlanRequest) { r.ID = strings.Repeat("P", 49) }, refund.ErrInvalidText},
		{"no order", func(r *refund.PlanRequest) { r.Order = nil }, refund.ErrMissing},
		{"before payment the postage is fixed", func(r *refund.PlanRequest) {
			r.Order, r.Overcharge = up, freeShip.PostageOvercharge(up)
		}, refund.ErrNotRefundable},
		{"nothing overcharged", func(r *refund.PlanRequest) { r.Order, r.Overcharge = fo, freeShip.PostageOvercharge(fo) }, refund.ErrInconsistent},
		{"another order's overcharge", func(r *refund.PlanRequest) { r.Order = fo }, refund.ErrInconsistent},
		{"an owner with no role", func(r *refund.PlanRequest) { r.Owner.Role = 0 }, order.ErrUnknownRole},
		{"an unknown stage", func(r *refund.PlanRequest) { r.Stage = 99 }, refund.ErrUnknownCode},
		{"no time", func(r *refund.PlanRequest) { r.At = time.Time{} }, refund.ErrMissing},
		{"before the order", func(r *refund.PlanRequest) { r.At = t0.Add(-time.Hour) }, refund.ErrInconsistent},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			r := ok
			tc.edit(&r)
			p, err := refund.PlanOvercharge(r)
			require.ErrorIs(t, err, tc.want)
			assert.True(t, p.IsZero())
		})
	}
}

// TestPlanJSON: a plan round-trips through its JSON at every step, and a
// stored plan that does not add up is refused, the target unchanged.
func TestPlanJSON(t *testing.T) {
	at := t0.Add(time.Hour)
	p := fullyGuarded(t, at)
	for _, q := range []refund.Plan{p, apply(t, p, parcelEvent("T1001", shipping.Outbound, at))} {
		b, err := json.Marshal(q)
		require.NoError(t, err)
		var back refund.Plan
		require.NoError(t, json.Unmarshal(b, &back), string(b))
		assert.Equal(t, string(b), jsonOf(t, back))
		assert.Equal(t, q.Version(), back.Version())
	}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	good := string(b)
	tests := []struct {
		reason, from, to string
		want             error
	}{
		{"an unknown field", `"buyer":`, `"buyr":`, refund.ErrUnknownField},
		{"an unknown route", `"refund_and_reorder"`, `"refund_twice"`, refund.ErrUnknownCode},
		{"an open plan marked done", `"status":"open"`, `"status":"done"`, refund.ErrInconsistent},
		{"a step twice", `"step":"finance_ack"`, `"step":"warehouse_ack"`, refund.ErrInconsistent},
		{"version 0", `"version":5`, `"version":0`, refund.ErrInvalidQuantity},
		{"three decimals", `"overcharge":"8.00"`, `"overcharge":"8.001"`, refund.ErrInvalidAmount},
		{"Chinese text for an amount, cut for the error", `"overcharge":"8.00"`, `"overcharge":"8` + strings.Repeat("八", 30) + `"`, refund.ErrInvalidAmount},
		// Hostile: the new order forged as the original itself.
		{"the original as its re-order", `"reorder":"T1002"`, `"reorder":"T1001"`, refund.ErrInconsistent},
		{"a done hand-off never acknowledged", `"acked_by":"cw-c"`, `"acked_by":"kf-b"`, notes.ErrNotAllowed},
		{"trailing data", `}`, `}{}`, refund.ErrInvalidJSON},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			require.Contains(t, good, tc.from)
			bad := []byte(strings.Replace(good, tc.from, tc.to, 1))
			got := p
			err := got.UnmarshalJSON(bad)
			require.ErrorIs(t, err, tc.want)
			assert.Equal(t, good, jsonOf(t, got), "unchanged on error")
			var e *refund.Error
			if errors.As(err, &e) {
				assert.True(t, utf8.ValidString(e.Value), "the value is cut where a character starts: %q", e.Value)
			}
		})
	}
	_, err = json.Marshal(refund.Plan{})
	require.Error(t, err)
}
