package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// paidAt returns an order paid at paid, awaiting dispatch, or dispatched
// at dispatched when that is not zero.
func paidAt(t *testing.T, paid, dispatched time.Time) *order.Order {
	s := spec("120.00", "0", "0")
	s.CreatedAt, s.PaidAt = paid.Add(-time.Minute), paid
	if !dispatched.IsZero() {
		s.Status, s.DispatchedAt = order.AwaitingReceipt, dispatched
	}
	return build(t, s)
}

func ev(at time.Time, s shipping.Stage) shipping.TrackingEvent {
	return shipping.TrackingEvent{At: at, Stage: s}
}

// TestClassifyParcel pins rule S8: each situation a buyer chases, with its
// recommended action, the reasons behind it and whether the shop is at
// fault; and rule S7: the order can be held until outbound, then only
// intercepted. The limits are the default policy's: 24 hours without a
// scan, 48 hours stalled at either end, 7 days without an update.
func TestClassifyParcel(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy())
	paid := at(2026, 11, 2, 10, 0, 0) // Monday morning: ships today
	out := at(2026, 11, 2, 18, 0, 0)
	h := func(d time.Duration) time.Time { return out.Add(d) }
	courier := []shipping.TrackingEvent{ev(out, shipping.Outbound), ev(h(2*time.Hour), shipping.PickedUp),
		ev(h(3*time.Hour), shipping.Entered), ev(h(5*time.Hour), shipping.Allocated)}
	moving := append(courier[:4:4], ev(h(20*time.Hour), shipping.InTransit))
	atDest := append(moving[:5:5], ev(h(40*time.Hour), shipping.AtDestination))
	held := func() *order.Order {
		s := spec("120.00", "0", "0")
		s.CreatedAt, s.PaidAt, s.Status = paid.Add(-time.Minute), paid, order.Held
		return build(t, s)
	}
	closed := func() *order.Order {
		s := spec("120.00", "0", "0")
		s.CreatedAt, s.PaidAt, s.Status, s.ClosedAt = paid.Add(-time.Minute), paid, order.Closed, paid.Add(time.Hour)
		return build(t, s)
	}
	const day = 24 * time.Hour

	cases := []struct {
		reason    string
		o         *order.Order
		history   []shipping.TrackingEvent
		now       time.Time
		situation shipping.Situation
		actions   string
		fault     bool
		reasons   string
		stop      shipping.Stop
		since     time.Time
	}{
		{"picked, within the window: answer, the order can still be held", paidAt(t, paid, time.Time{}),
			[]shipping.TrackingEvent{ev(paid.Add(time.Hour), shipping.Cut), ev(paid.Add(2*time.Hour), shipping.Picked)},
			at(2026, 11, 2, 20, 0, 0), shipping.NotDispatched, "[answer_at_once]", false, "[within_window]", shipping.Hold, paid},
		{"last second of the window: still within it", paidAt(t, paid, time.Time{}), nil,
			at(2026, 11, 2, 23, 59, 59), shipping.NotDispatched, "[answer_at_once]", false, "[within_window]", shipping.Hold, paid},
		{"past the window: late, the shop's fault, chase the warehouse", paidAt(t, paid, time.Time{}), nil,
			at(2026, 11, 3, 0, 0, 0), shipping.LateDispatch, "[answer_at_once chase_warehouse]", true, "[past_window]", shipping.Hold, paid},
		{"held past the window: late, but the warehouse must not be pushed to ship a held order", held(), nil,
			at(2026, 11, 3, 9, 0, 0), shipping.LateDispatch, "[answer_at_once]", true, "[past_window order_held]", shipping.Hold, paid},
		{"held within the window", held(), nil,
			at(2026, 11, 2, 12, 0, 0), shipping.NotDispatched, "[answer_at_once]", false, "[within_window order_held]", shipping.Hold, paid},
		{"dispatched, no scan yet, still normal", paidAt(t, paid, out), nil,
			h(23 * time.Hour), shipping.OnTheWay, "[answer_at_once]", false, "[]", shipping.Intercept, out},
		{"dispatched, no scan exactly at the limit: still normal", paidAt(t, paid, out), nil,
			h(day), shipping.OnTheWay, "[answer_at_once]", false, "[]", shipping.Intercept, out},
		{"dispatched without tracking after a day: chase the courier, not the shop's fault", paidAt(t, paid, out), []shipping.TrackingEvent{ev(out, shipping.Outbound)},
			h(day + time.Second), shipping.NoTrackingYet, "[answer_at_once chase_courier]", false, "[no_tracking]", shipping.Intercept, out},
		{"dispatched and never scanned for a week: lost, reship", paidAt(t, paid, out), nil,
			h(7*day + time.Second), shipping.ParcelLost, "[answer_at_once chase_courier reship_and_apologise]", false, "[no_tracking no_update_for_long]", shipping.StopUnknown, out},
		{"scanned, not moved on at the limit: still normal", paidAt(t, paid, out), courier,
			h(2*time.Hour + 2*day), shipping.OnTheWay, "[answer_at_once]", false, "[]", shipping.Intercept, h(5 * time.Hour)},
		{"stalled at the origin: chase the courier, not the shop's fault", paidAt(t, paid, out), courier,
			h(2*time.Hour + 2*day + time.Second), shipping.StalledAtOrigin, "[answer_at_once chase_courier]", false, "[no_movement]", shipping.Intercept, h(2 * time.Hour)},
		{"moving normally", paidAt(t, paid, out), moving,
			h(60 * time.Hour), shipping.OnTheWay, "[answer_at_once]", false, "[]", shipping.Intercept, h(20 * time.Hour)},
		{"in the buyer's city at the limit: still normal", paidAt(t, paid, out), atDest,
			h(40*time.Hour + 2*day), shipping.OnTheWay, "[answer_at_once]", false, "[]", shipping.Intercept, h(40 * time.Hour)},
		{"stalled in the destination city: chase the courier, not the shop's fault", paidAt(t, paid, out), atDest,
			h(40*time.Hour + 2*day + time.Second), shipping.StalledAtDestination, "[answer_at_once chase_courier]", false, "[no_movement]", shipping.Intercept, h(40 * time.Hour)},
		{"no update for a week: lost, reship and apologise", paidAt(t, paid, out), moving,
			h(20*time.Hour + 7*day + time.Second), shipping.ParcelLost, "[answer_at_once chase_courier reship_and_apologise]", false, "[no_update_for_long]", shipping.StopUnknown, h(20 * time.Hour)},
		{"courier reports it lost: reship and apologise", paidAt(t, paid, out), append(moving[:5:5], ev(h(30*time.Hour), shipping.Lost)),
			h(31 * time.Hour), shipping.ParcelLost, "[answer_at_once reship_and_apologise]", false, "[courier_reported]", shipping.StopUnknown, h(30 * time.Hour)},
		{"damaged, even if signed for: reship and apologise", paidAt(t, paid, out), append(atDest[:6:6], ev(h(50*time.Hour), shipping.Damaged), ev(h(51*time.Hour), shipping.Delivered)),
			h(52 * time.Hour), shipping.ParcelDamaged, "[answer_at_once reship_and_apologise]", false, "[courier_reported]", shipping.TooLate, h(51 * time.Hour)},
		{"delivered", paidAt(t, paid, out), append(atDest[:6:6], ev(h(45*time.Hour), shipping.OutForDelivery), ev(h(46*time.Hour), shipping.Delivered)),
			h(50 * time.Hour), shipping.ParcelDelivered, "[answer_at_once]", false, "[]", shipping.TooLate, h(46 * time.Hour)},
		{"found and delivered after a lost report", paidAt(t, paid, out), append(moving[:5:5], ev(h(30*time.Hour), shipping.Lost), ev(h(50*time.Hour), shipping.Delivered)),
			h(51 * time.Hour), shipping.ParcelDelivered, "[answer_at_once]", false, "[]", shipping.TooLate, h(50 * time.Hour)},
		{"unpaid: ask to pay", unpaidOrder(t), nil, t0.Add(time.Hour), shipping.NotPaid, "[answer_at_once ask_to_pay]", false, "[]", shipping.Hold, t0},
		// rules S7, S8: a closed trade has nothing to stop, not "can be held".
		{"closed: nothing to chase, nothing to stop", closed(), nil, paid.Add(2 * time.Hour), shipping.TradeClosed, "[answer_at_once]", false, "[]", shipping.StopUnknown, paid.Add(time.Hour)},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r, err := p.ClassifyParcel(c.o, c.history, c.now)
			require.NoError(t, err)
			assert.Equal(t, c.situation, r.Situation, r.Reasons.String())
			assert.Equal(t, c.actions, r.Actions.String())
			assert.Equal(t, c.fault, r.ShopAtFault)
			assert.Equal(t, c.reasons, r.Reasons.String())
			assert.Equal(t, c.stop, r.Stop)
			assert.True(t, c.since.Equal(r.Since), "since %v, want %v", r.Since, c.since)
			assert.True(t, r.Actions.Has(shipping.AnswerAtOnce), "rule S8: always answered at once")
		})
	}
}

// TestALostOrDamagedParcelHasNothingToStop pins rules S7 and S8: a parcel
// the courier lost, or damaged on the way, is replaced, not stopped — its
// report gives no way to stop it (neither "only the courier can
// intercept it" nor "delivered") and keeps the rest: the furthest stage,
// the reasons, what to do, since when. A damaged parcel signed for was
// delivered: too late.
func TestALostOrDamagedParcelHasNothingToStop(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy())
	out := at(2026, 11, 2, 18, 0, 0)
	h := func(d time.Duration) time.Time { return out.Add(d) }
	o := paidAt(t, at(2026, 11, 2, 10, 0, 0), out)
	moving := []shipping.TrackingEvent{ev(out, shipping.Outbound), ev(h(2*time.Hour), shipping.PickedUp),
		ev(h(20*time.Hour), shipping.InTransit), ev(h(40*time.Hour), shipping.AtDestination)}
	for _, c := range []struct {
		reason    string
		history   []shipping.TrackingEvent
		now       time.Time
		situation shipping.Situation
		reasons   string
		stop      shipping.Stop
	}{
		{"reported lost in the buyer's city", append(moving[:4:4], ev(h(41*time.Hour), shipping.Lost)),
			h(42 * time.Hour), shipping.ParcelLost, "[courier_reported]", shipping.StopUnknown},
		{"lost by a week's silence", moving, h(40*time.Hour + 8*24*time.Hour), shipping.ParcelLost, "[no_update_for_long]", shipping.StopUnknown},
		{"reported damaged on the way", append(moving[:4:4], ev(h(41*time.Hour), shipping.Damaged)),
			h(42 * time.Hour), shipping.ParcelDamaged, "[courier_reported]", shipping.StopUnknown},
		{"damaged and signed for: delivered", append(moving[:4:4], ev(h(41*time.Hour), shipping.Damaged), ev(h(42*time.Hour), shipping.Delivered)),
			h(43 * time.Hour), shipping.ParcelDamaged, "[courier_reported]", shipping.TooLate},
	} {
		t.Run(c.reason, func(t *testing.T) {
			r, err := p.ClassifyParcel(o, c.history, c.now)
			require.NoError(t, err)
			assert.Equal(t, c.situation, r.Situation)
			assert.Equal(t, c.stop, r.Stop)
			assert.Equal(t, c.reasons, r.Reasons.String())
			assert.True(t, r.Actions.Has(shipping.ReshipAndApologise))
			assert.GreaterOrEqual(t, r.Stage, shipping.AtDestination, "the furthest stage stays")
			assert.False(t, r.Since.IsZero())
			assert.False(t, r.Promise.IsZero())
			staff := r.Staff(order.SimplifiedChinese)
			assert.NotContains(t, staff, shipping.Intercept.Text(order.SimplifiedChinese))
			assert.Contains(t, staff, r.Stage.Text(order.SimplifiedChinese))
		})
	}
}

// TestClassifyParcelBigPromotion pins rule S8 with seed 002 §二: in a big
// promotion, delays are explained by the promotion's pressure, and the
// dispatch window is 3 days.
func TestClassifyParcelBigPromotion(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.BigPromotions = []shipping.Period{{Name: "双11", Start: at(2026, 11, 11, 0, 0, 0), End: at(2026, 11, 14, 0, 0, 0)}}
	valid(t, p)
	paid := at(2026, 11, 11, 0, 5, 0)
	// Two days later, still not shipped: normal during the promotion.
	r, err := p.ClassifyParcel(paidAt(t, paid, time.Time{}), nil, at(2026, 11, 13, 12, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, shipping.NotDispatched, r.Situation)
	assert.Equal(t, "[answer_at_once explain_promotion]", r.Actions.String())
	assert.False(t, r.ShopAtFault)
	assert.Equal(t, shipping.WithinDays, r.Promise.Wording)

	// Scanned on the 12th and stuck at the origin: the courier, under
	// pressure, not the shop.
	out := at(2026, 11, 12, 18, 0, 0)
	r, err = p.ClassifyParcel(paidAt(t, paid, out), []shipping.TrackingEvent{ev(out, shipping.Outbound), ev(out.Add(time.Hour), shipping.PickedUp)},
		out.Add(72*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, shipping.StalledAtOrigin, r.Situation)
	assert.Equal(t, "[answer_at_once explain_promotion chase_courier]", r.Actions.String())
	assert.Equal(t, "[big_promotion no_movement]", r.Reasons.String())
	assert.False(t, r.ShopAtFault, "rule S8: courier delays are not the shop's fault")
}

// TestClassifyParcelCOD: a cash-on-delivery order's window starts when the
// buyer confirmed it.
func TestClassifyParcelCOD(t *testing.T) {
	s := spec("120.00", "0", "0")
	s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
	s.CODConfirmedAt = at(2026, 11, 2, 17, 0, 0)
	r, err := shipping.DefaultPolicy().ClassifyParcel(build(t, s), nil, at(2026, 11, 3, 12, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, shipping.NotDispatched, r.Situation)
	assert.Equal(t, shipping.ShipsTomorrow, r.Promise.Wording)
}

// TestClassifyParcelBadHistory: a tracking history that cannot be read
// for rule S8 — out of time order, from the future, with an unknown stage
// or no time — is an error naming the event, never a guess.
func TestClassifyParcelBadHistory(t *testing.T) {
	p := shipping.DefaultPolicy()
	o := paidAt(t, t0, t0.Add(time.Hour))
	now := t0.Add(48 * time.Hour)
	cases := []struct {
		reason  string
		history []shipping.TrackingEvent
		err     error
		field   string
	}{
		{"out of time order", []shipping.TrackingEvent{ev(t0.Add(3*time.Hour), shipping.PickedUp), ev(t0.Add(2*time.Hour), shipping.Entered)}, shipping.ErrTrackingOrder, "history[1].at"},
		{"one nanosecond out of order, further down", []shipping.TrackingEvent{ev(t0.Add(time.Hour), shipping.Outbound), ev(t0.Add(2*time.Hour), shipping.PickedUp),
			ev(t0.Add(2*time.Hour), shipping.Entered), ev(t0.Add(2*time.Hour-1), shipping.Allocated)}, shipping.ErrTrackingOrder, "history[3].at"},
		{"in the future", []shipping.TrackingEvent{ev(now.Add(time.Second), shipping.PickedUp)}, shipping.ErrTrackingOrder, "history[0].at"},
		{"unknown stage", []shipping.TrackingEvent{ev(t0, shipping.Stage(99))}, shipping.ErrUnknownStage, "history[0].stage"},
		{"no time", []shipping.TrackingEvent{{Stage: shipping.PickedUp}}, shipping.ErrMissing, "history[0].at"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			_, err := p.ClassifyParcel(o, c.history, now)
			require.ErrorIs(t, err, c.err)
			var e *shipping.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
		})
	}
	_, err := p.ClassifyParcel(nil, nil, now)
	require.ErrorIs(t, err, shipping.ErrMissing)
	_, err = p.ClassifyParcel(o, nil, time.Time{})
	require.ErrorIs(t, err, shipping.ErrMissing)
}

// TestStopAt pins rule S7: held until outbound, intercepted after.
func TestStopAt(t *testing.T) {
	for _, s := range shipping.Stages() {
		want := shipping.Intercept
		switch {
		case s < shipping.Outbound:
			want = shipping.Hold
		case s == shipping.Delivered:
			want = shipping.TooLate
		}
		assert.Equal(t, want, shipping.StopAt(s), s.String())
		assert.Equal(t, s < shipping.Outbound || s == shipping.Outbound, s.Warehouse(), s.String())
		assert.Equal(t, !s.Warehouse(), s.Courier(), s.String())
	}
	assert.Equal(t, shipping.Hold, shipping.StopAt(shipping.StageUnknown))
}

func TestStageText(t *testing.T) {
	for _, s := range shipping.Stages() {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back shipping.Stage
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	_, err := shipping.ParseStage("teleported")
	require.ErrorIs(t, err, shipping.ErrUnknownStage)
	assert.Equal(t, "Stage(0)", shipping.StageUnknown.String())
}

// TestNoticeDue pins rule S10's shipping notice: it goes out when the
// parcel leaves, once.
func TestNoticeDue(t *testing.T) {
	out := at(2026, 11, 2, 18, 0, 0)
	waiting := paidAt(t, t0, time.Time{})
	due, _ := shipping.NoticeDue(waiting, []shipping.TrackingEvent{ev(out.Add(-time.Hour), shipping.Picked)}, time.Time{})
	assert.False(t, due, "still in the warehouse")

	due, left := shipping.NoticeDue(waiting, []shipping.TrackingEvent{ev(out, shipping.Outbound)}, time.Time{})
	assert.True(t, due)
	assert.True(t, left.Equal(out))

	shipped := paidAt(t, t0, out)
	due, left = shipping.NoticeDue(shipped, nil, time.Time{})
	assert.True(t, due, "the order says it left")
	assert.True(t, left.Equal(out))
	due, _ = shipping.NoticeDue(shipped, nil, out.Add(time.Minute))
	assert.False(t, due, "already notified")
}

// TestClassifyParcelReceived: a finished trade was delivered, even without
// any tracking on file.
func TestClassifyParcelReceived(t *testing.T) {
	s := spec("120.00", "0", "0")
	s.Status, s.DispatchedAt, s.ReceivedAt = order.Finished, t0.Add(5*time.Hour), t0.Add(48*time.Hour)
	r, err := shipping.DefaultPolicy().ClassifyParcel(build(t, s), nil, t0.Add(72*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, shipping.ParcelDelivered, r.Situation)
	assert.Equal(t, shipping.TooLate, r.Stop)
	assert.True(t, r.Since.Equal(t0.Add(48*time.Hour)))
}

func TestNilOrders(t *testing.T) {
	p := shipping.DefaultPolicy()
	d := p.FreeShipping(nil)
	assert.False(t, d.Eligible())
	assert.Equal(t, -1, d.Promotion())
	assert.False(t, p.PostageOvercharge(nil).Overcharged)
	checks, err := p.Checks()
	require.NoError(t, err)
	for _, c := range checks {
		assert.Empty(t, c.Inspect(nil, nil, t0))
		assert.Empty(t, c.Inspect(nil, &order.Order{}, t0))
	}
}
