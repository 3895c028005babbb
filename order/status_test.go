package order_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// legalMoves is the trade lifecycle as DOMAIN.md rule O1 and the
// platform's trade states describe it, written out independently of the
// package's table so that a change to either shows here.
var legalMoves = map[order.Status]map[order.Event]order.Status{
	order.NoPaymentTrade: {
		order.Pay:   order.AwaitingDispatch,
		order.Close: order.ClosedUnpaid,
	},
	order.AwaitingPayment: {
		order.Pay:   order.AwaitingDispatch,
		order.Close: order.ClosedUnpaid,
	},
	order.PaymentPending: {
		order.Pay:   order.AwaitingDispatch,
		order.Close: order.ClosedUnpaid,
	},
	order.AwaitingPreAuth: {
		order.Pay:   order.AwaitingDispatch,
		order.Close: order.ClosedUnpaid,
	},
	order.AwaitingDispatch: {
		order.Hold:            order.Held,
		order.DispatchPart:    order.PartlyDispatched,
		order.Dispatch:        order.AwaitingReceipt,
		order.Close:           order.Closed,
		order.ConfirmCOD:      order.AwaitingDispatch, // the order's own events keep the state
		order.StartSlowReview: order.AwaitingDispatch,
		order.EndSlowReview:   order.AwaitingDispatch,
	},
	order.Held: {
		order.Release:         order.AwaitingDispatch,
		order.Close:           order.Closed,
		order.ConfirmCOD:      order.Held,
		order.StartSlowReview: order.Held,
		order.EndSlowReview:   order.Held,
	},
	order.PartlyDispatched: {
		order.DispatchPart:  order.PartlyDispatched,
		order.Dispatch:      order.AwaitingReceipt,
		order.Close:         order.Closed,
		order.EndSlowReview: order.PartlyDispatched,
	},
	order.AwaitingReceipt: {
		order.SignCOD:        order.SignedCOD,
		order.ConfirmReceipt: order.Finished,
		order.Close:          order.Closed,
		order.EndSlowReview:  order.AwaitingReceipt,
	},
	order.SignedCOD: {
		order.ConfirmReceipt: order.Finished,
	},
}

var allEvents = []order.Event{order.Pay, order.Hold, order.Release, order.DispatchPart,
	order.Dispatch, order.SignCOD, order.ConfirmReceipt, order.Close,
	order.ConfirmCOD, order.StartSlowReview, order.EndSlowReview}

// rule O1: every state × event pair either moves where the lifecycle says
// or is refused with an error naming the state and the event.
func TestTransitionFollowsTheLifecycle(t *testing.T) {
	for _, from := range order.Statuses() {
		for _, e := range allEvents {
			to, err := order.Transition(from, e)
			want, legal := legalMoves[from][e]
			if legal {
				require.NoError(t, err, "%v on %v", from, e)
				assert.Equal(t, want, to, "%v on %v", from, e)
				continue
			}
			require.ErrorIs(t, err, order.ErrInvalidTransition, "%v on %v", from, e)
			var te *order.TransitionError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, from, te.From)
			assert.Equal(t, e, te.Event)
			assert.Equal(t, from, to, "a refused move stays where it was")
		}
	}
}

// rule O1: finished and closed trades are final.
func TestFinalStatesAllowNothing(t *testing.T) {
	for _, s := range []order.Status{order.Finished, order.Closed, order.ClosedUnpaid} {
		assert.Empty(t, order.AllowedEvents(s), s.String())
		assert.False(t, s.Open(), s.String())
	}
	assert.True(t, order.Held.Open())
}

func TestTransitionErrorMessage(t *testing.T) {
	_, err := order.Transition(order.AwaitingPayment, order.Dispatch)
	assert.EqualError(t, err, `order: event "dispatch": transition not allowed: in state "WAIT_BUYER_PAY"`)
	require.ErrorIs(t, err, order.ErrConflict, "a refused move: the state has moved on")
	var e *order.Error
	require.ErrorAs(t, err, &e, "one errors.As reads field and value")
	assert.Equal(t, "event", e.Field)
	assert.Equal(t, "dispatch", e.Value)
	_, err = order.Transition(order.StatusUnknown, order.Pay)
	require.ErrorIs(t, err, order.ErrUnknownStatus, "hostile: the zero status is bad input, not a refused move")
	require.ErrorIs(t, err, order.ErrInvalidInput)
	assert.NotErrorIs(t, err, order.ErrInvalidTransition)
	_, err = order.Transition(order.AwaitingPayment, order.Event(200))
	require.ErrorIs(t, err, order.ErrUnknownEvent, "hostile: an event out of range")
	require.ErrorIs(t, err, order.ErrInvalidInput)
}

func TestAllowed(t *testing.T) {
	assert.Equal(t, []order.Event{order.Pay, order.Close}, order.AllowedEvents(order.AwaitingPayment))
	assert.Equal(t, []order.Event{order.Hold, order.DispatchPart, order.Dispatch, order.Close,
		order.ConfirmCOD, order.StartSlowReview, order.EndSlowReview}, order.AllowedEvents(order.AwaitingDispatch))
	assert.Nil(t, order.AllowedEvents(order.Status(99)))
	for s, moves := range legalMoves {
		assert.Len(t, order.AllowedEvents(s), len(moves), s.String())
	}
}

func TestTransitionDoesNotAllocate(t *testing.T) {
	allocs := testing.AllocsPerRun(1000, func() {
		_, _ = order.Transition(order.AwaitingDispatch, order.Dispatch)
	})
	assert.Zero(t, allocs)
}

// The platform's names are the text form (DOMAIN.md, platform facts); the
// table must not drift from the constants.
func TestStatusNames(t *testing.T) {
	want := map[order.Status]string{
		order.NoPaymentTrade:   "TRADE_NO_CREATE_PAY",
		order.AwaitingPayment:  "WAIT_BUYER_PAY",
		order.PaymentPending:   "PAY_PENDING",
		order.AwaitingPreAuth:  "WAIT_PRE_AUTH_CONFIRM",
		order.AwaitingDispatch: "WAIT_SELLER_SEND_GOODS",
		order.Held:             "PAID_FORBID_CONSIGN",
		order.PartlyDispatched: "SELLER_CONSIGNED_PART",
		order.AwaitingReceipt:  "WAIT_BUYER_CONFIRM_GOODS",
		order.SignedCOD:        "TRADE_BUYER_SIGNED",
		order.Finished:         "TRADE_FINISHED",
		order.Closed:           "TRADE_CLOSED",
		order.ClosedUnpaid:     "TRADE_CLOSED_BY_TAOBAO",
	}
	require.Len(t, order.Statuses(), len(want))
	for _, s := range order.Statuses() {
		assert.Equal(t, want[s], s.String())
		back, err := order.ParseStatus(s.String())
		require.NoError(t, err)
		assert.Equal(t, s, back)
	}
	assert.Equal(t, "Status(0)", order.StatusUnknown.String())
	assert.Equal(t, "Status(42)", order.Status(42).String())
}

func TestStatusText(t *testing.T) {
	for _, bad := range []string{"", "wait_buyer_pay", "WAIT_BUYER_PAY ", "PAID", "Status(1)"} {
		_, err := order.ParseStatus(bad)
		require.ErrorIs(t, err, order.ErrUnknownStatus, "hostile: %q", bad)
	}
	var s order.Status
	require.NoError(t, json.Unmarshal([]byte(`"TRADE_CLOSED"`), &s))
	assert.Equal(t, order.Closed, s)
	err := json.Unmarshal([]byte(`"TRADE_LOST"`), &s)
	require.ErrorIs(t, err, order.ErrUnknownStatus)
	assert.Equal(t, order.Closed, s, "left unchanged on error")
	_, err = order.Status(42).MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownStatus, "an invalid status is never persisted")
}

func TestStatusPredicates(t *testing.T) {
	paid := map[order.Status]bool{order.AwaitingDispatch: true, order.Held: true, order.PartlyDispatched: true,
		order.AwaitingReceipt: true, order.SignedCOD: true, order.Finished: true, order.Closed: true}
	dispatched := map[order.Status]bool{order.PartlyDispatched: true, order.AwaitingReceipt: true,
		order.SignedCOD: true, order.Finished: true}
	awaitsPayment := map[order.Status]bool{order.NoPaymentTrade: true, order.AwaitingPayment: true}
	final := map[order.Status]bool{order.Finished: true, order.Closed: true, order.ClosedUnpaid: true}
	for _, s := range order.Statuses() {
		assert.Equal(t, paid[s], s.Paid(), s.String())
		assert.Equal(t, dispatched[s], s.Dispatched(), s.String())
		assert.Equal(t, awaitsPayment[s], s.AwaitsPayment(), s.String())
		assert.Equal(t, !final[s], s.Open(), s.String())
	}
	assert.False(t, order.StatusUnknown.Paid())
	assert.False(t, order.StatusUnknown.AwaitsPayment())
	assert.False(t, order.StatusUnknown.Open())
}

func TestEventNames(t *testing.T) {
	want := []string{"pay", "hold", "release", "dispatch_part", "dispatch", "sign_cod", "confirm_receipt", "close",
		"confirm_cod", "start_slow_review", "end_slow_review"}
	for i, e := range allEvents {
		assert.Equal(t, want[i], e.String())
		back, err := order.ParseEvent(want[i])
		require.NoError(t, err)
		assert.Equal(t, e, back)
		b, err := e.MarshalText()
		require.NoError(t, err)
		var u order.Event
		require.NoError(t, u.UnmarshalText(b))
		assert.Equal(t, e, u)
	}
	_, err := order.ParseEvent("ship")
	require.ErrorIs(t, err, order.ErrUnknownEvent)
	var u order.Event
	require.ErrorIs(t, u.UnmarshalText([]byte("ship")), order.ErrUnknownEvent)
	_, err = order.EventUnknown.MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownEvent)
	assert.Equal(t, "Event(12)", order.Event(12).String())
}

func unpaid(t *testing.T) order.Order {
	t.Helper()
	s := paidSpec()
	s.Status, s.PaidAt = order.AwaitingPayment, time.Time{}
	return order.MustNew(s)
}

// rule O1: Apply walks an online order through its life and records when
// each step happened.
func TestApplyRecordsTimes(t *testing.T) {
	o := unpaid(t)
	steps := []struct {
		e    order.Event
		min  int
		want order.Status
	}{
		{order.Pay, 5, order.AwaitingDispatch},
		{order.Hold, 10, order.Held},
		{order.Release, 20, order.AwaitingDispatch},
		{order.DispatchPart, 60, order.PartlyDispatched},
		{order.Dispatch, 90, order.AwaitingReceipt},
		{order.ConfirmReceipt, 3000, order.Finished},
	}
	for _, st := range steps {
		next, err := o.Apply(st.e, t0.Add(time.Duration(st.min)*time.Minute))
		require.NoError(t, err, st.e.String())
		assert.Equal(t, st.want, next.Status())
		o = next
	}
	assert.True(t, o.PaidAt().Equal(t0.Add(5*time.Minute)))
	assert.True(t, o.DispatchedAt().Equal(t0.Add(60*time.Minute)), "the first parcel's time is kept")
	assert.True(t, o.ReceivedAt().Equal(t0.Add(3000*time.Minute)))
	_, err := order.New(o.Spec())
	require.NoError(t, err, "every state Apply reaches is a consistent order")
}

func TestApplyClose(t *testing.T) {
	o, err := unpaid(t).Apply(order.Close, t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, order.ClosedUnpaid, o.Status())
	assert.True(t, o.ClosedAt().Equal(t0.Add(time.Hour)))
	_, err = order.New(o.Spec())
	require.NoError(t, err)
}

func TestApplyRefusals(t *testing.T) {
	codSpec := func() order.Spec {
		s := paidSpec()
		s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
		return s
	}
	confirmedCOD := codSpec()
	confirmedCOD.CODConfirmedAt = t0.Add(time.Minute)
	dispatchedCOD := confirmedCOD
	dispatchedCOD.Status, dispatchedCOD.DispatchedAt = order.AwaitingReceipt, t0.Add(time.Hour)
	dispatched := paidSpec()
	dispatched.Status, dispatched.DispatchedAt = order.AwaitingReceipt, t0.Add(time.Hour)

	cases := []struct {
		reason string
		spec   order.Spec
		e      order.Event
		at     time.Time
		want   error
	}{
		{"the lifecycle table refuses", paidSpec(), order.ConfirmReceipt, t0.Add(time.Hour), order.ErrInvalidTransition},
		// rule S9: a COD order ships only once the buyer has confirmed.
		{"rule S9: unconfirmed COD is not dispatched", codSpec(), order.Dispatch, t0.Add(time.Hour), order.ErrInvalidTransition},
		{"rule S9: nor partly dispatched", codSpec(), order.DispatchPart, t0.Add(time.Hour), order.ErrInvalidTransition},
		{"an online order is not signed for", dispatched, order.SignCOD, t0.Add(2 * time.Hour), order.ErrInvalidTransition},
		{"a COD order is signed for, not confirmed", dispatchedCOD, order.ConfirmReceipt, t0.Add(2 * time.Hour), order.ErrInvalidTransition},
		{"an event without a time", paidSpec(), order.Hold, time.Time{}, order.ErrMissing},
		{"an event before the payment", paidSpec(), order.Hold, t0.Add(time.Minute), order.ErrInconsistent},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			o := order.MustNew(c.spec)
			before := o
			got, err := o.Apply(c.e, c.at)
			require.ErrorIs(t, err, c.want)
			assert.True(t, got.IsZero())
			assert.Equal(t, before, o, "the order is left as it was")
		})
	}
}

// rule S9: a confirmed COD order ships, is signed for (and paid) on
// delivery, and then finishes.
func TestApplyCashOnDeliveryLife(t *testing.T) {
	s := paidSpec()
	s.Payment, s.PaidAt, s.CODConfirmedAt = order.CashOnDelivery, time.Time{}, t0.Add(time.Minute)
	o := order.MustNew(s)
	var err error
	for _, st := range []struct {
		e   order.Event
		min int
	}{{order.Dispatch, 60}, {order.SignCOD, 3000}, {order.ConfirmReceipt, 4000}} {
		o, err = o.Apply(st.e, t0.Add(time.Duration(st.min)*time.Minute))
		require.NoError(t, err, st.e.String())
	}
	assert.Equal(t, order.Finished, o.Status())
	assert.True(t, o.PaidAt().Equal(t0.Add(3000*time.Minute)), "paid when signed for")
	assert.True(t, o.ReceivedAt().Equal(t0.Add(3000*time.Minute)))
	_, err = order.New(o.Spec())
	require.NoError(t, err)
}

// TestOrderEvents pins issue 11 #2: confirming a cash-on-delivery order
// (rule S9) and putting an order under or taking it out of slow review
// (rule O5) are lifecycle events applied with Apply — not Spec edits —
// with the checks one expects: only cash on delivery is confirmed, once,
// before dispatch; a review starts once, before dispatch, and ends only
// when open. The state stays as it was.
func TestOrderEvents(t *testing.T) {
	codSpec := paidSpec()
	codSpec.Payment, codSpec.PaidAt = order.CashOnDelivery, time.Time{}
	cod := order.MustNew(codSpec)
	online := order.MustNew(paidSpec())
	at := t0.Add(time.Hour)

	confirmed, err := cod.Apply(order.ConfirmCOD, at)
	require.NoError(t, err)
	assert.Equal(t, order.AwaitingDispatch, confirmed.Status(), "the state does not move")
	assert.True(t, confirmed.CODConfirmedAt().Equal(at))
	assert.True(t, cod.CODConfirmedAt().IsZero(), "cod is left as it was")
	shipped, err := confirmed.Apply(order.Dispatch, at.Add(time.Hour))
	require.NoError(t, err, "rule S9: confirmed, it ships")
	rebuilt, err := order.New(shipped.Spec())
	require.NoError(t, err, "a stored confirmed order loads")
	assert.Equal(t, shipped, rebuilt)

	reviewed, err := online.Apply(order.StartSlowReview, at)
	require.NoError(t, err)
	assert.True(t, reviewed.SlowReviewSince().Equal(at))
	ended, err := reviewed.Apply(order.EndSlowReview, at.Add(time.Hour))
	require.NoError(t, err)
	assert.True(t, ended.SlowReviewSince().IsZero())
	again, err := ended.Apply(order.StartSlowReview, at.Add(2*time.Hour))
	require.NoError(t, err, "a review may open again")
	_, err = order.New(again.Spec())
	require.NoError(t, err)
	held, err := reviewed.Apply(order.Hold, at.Add(time.Minute))
	require.NoError(t, err)
	_, err = held.Apply(order.EndSlowReview, at.Add(2*time.Minute))
	require.NoError(t, err, "a held order leaves slow review")
	out, err := reviewed.Apply(order.Dispatch, at.Add(time.Minute))
	require.NoError(t, err)
	_, err = out.Apply(order.EndSlowReview, at.Add(2*time.Minute))
	require.NoError(t, err, "a review the parcel overtook is closed after dispatch")

	cases := []struct {
		reason string
		o      order.Order
		e      order.Event
		at     time.Time
		want   error
	}{
		{"rule S9: an online order has nothing to confirm", online, order.ConfirmCOD, at, order.ErrInvalidTransition},
		{"not twice", confirmed, order.ConfirmCOD, at.Add(time.Minute), order.ErrInvalidTransition},
		{"not after dispatch", shipped, order.ConfirmCOD, at.Add(3 * time.Hour), order.ErrInvalidTransition},
		{"not before the order was placed", cod, order.ConfirmCOD, t0.Add(-time.Minute), order.ErrInconsistent},
		{"not without a time", cod, order.ConfirmCOD, time.Time{}, order.ErrMissing},
		{"rule O5: a review starts once", reviewed, order.StartSlowReview, at.Add(time.Minute), order.ErrInvalidTransition},
		{"no review of an unpaid order", unpaid(t), order.StartSlowReview, at, order.ErrInvalidTransition},
		{"nor of a dispatched one", shipped, order.StartSlowReview, at.Add(3 * time.Hour), order.ErrInvalidTransition},
		{"no review to end", online, order.EndSlowReview, at, order.ErrInvalidTransition},
		{"events run forward from the review", reviewed, order.Hold, at.Add(-time.Minute), order.ErrInconsistent},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			got, err := c.o.Apply(c.e, c.at)
			require.ErrorIs(t, err, c.want)
			assert.True(t, got.IsZero())
		})
	}
	_, err = online.Apply(order.ConfirmCOD, at)
	require.ErrorIs(t, err, order.ErrConflict, "a refused event is a conflict, like any refused move")

	// Events says what this order accepts now.
	assert.Equal(t, []order.Event{order.Hold, order.DispatchPart, order.Dispatch, order.Close, order.StartSlowReview},
		online.Events(), "paid online, not under review")
	assert.Equal(t, []order.Event{order.Hold, order.Close, order.ConfirmCOD, order.StartSlowReview},
		cod.Events(), "rule S9: unconfirmed cash on delivery does not ship")
	assert.Equal(t, []order.Event{order.Hold, order.DispatchPart, order.Dispatch, order.Close, order.EndSlowReview},
		reviewed.Events())

	// New keeps what Apply allows: a stored unpaid order is not under
	// review, and a COD order is confirmed before it left.
	bad := paidSpec()
	bad.Status, bad.PaidAt, bad.SlowReviewSince = order.AwaitingPayment, time.Time{}, at
	_, err = order.New(bad)
	require.ErrorIs(t, err, order.ErrInconsistent)
	late := shipped.Spec()
	late.CODConfirmedAt = late.DispatchedAt.Add(time.Minute)
	_, err = order.New(late)
	require.ErrorIs(t, err, order.ErrInconsistent)
}

// rules O1, S9: a cash-on-delivery order waiting for dispatch, or held
// from it, has not been paid: its status text says cash on delivery, not
// "买家已付款"; an online order keeps the platform's words.
func TestStatusTextOfCODOrderDoesNotSayPaid(t *testing.T) {
	online := order.MustNew(paidSpec())
	require.Equal(t, order.AwaitingDispatch, online.Status())
	assert.Equal(t, "买家已付款，等待卖家发货", online.StatusText(order.SimplifiedChinese))

	s := paidSpec()
	s.Payment, s.PaidAt, s.CODConfirmedAt = order.CashOnDelivery, time.Time{}, t0.Add(time.Minute)
	cod := order.MustNew(s)
	assert.Equal(t, "货到付款，等待卖家发货", cod.StatusText(order.SimplifiedChinese))
	assert.Equal(t, "Cash on delivery, awaiting dispatch", cod.StatusText(order.English))
	for _, l := range []order.Lang{order.SimplifiedChinese, order.TraditionalChinese, order.English, order.Spanish} {
		assert.NotEqual(t, cod.Status().Text(l), cod.StatusText(l), l.String())
	}
	s.Status = order.Held
	held := order.MustNew(s)
	assert.Equal(t, "货到付款，暂停发货", held.StatusText(order.SimplifiedChinese))
	var none *order.Order
	assert.Empty(t, none.StatusText(order.English))
}

// TestKnownNamesDecodeWithoutAllocating: a status or role name decoded
// from JSON text is found without copying the text (rules O1, A1: every
// order and request carries one).
func TestKnownNamesDecodeWithoutAllocating(t *testing.T) {
	var s order.Status
	var r order.Role
	status, role := []byte("WAIT_SELLER_SEND_GOODS"), []byte("team_leader")
	allocs := testing.AllocsPerRun(100, func() {
		require.NoError(t, s.UnmarshalText(status))
		require.NoError(t, r.UnmarshalText(role))
	})
	assert.Zero(t, allocs)
	assert.Equal(t, order.AwaitingDispatch, s)
	assert.Equal(t, order.TeamLeader, r)
	require.ErrorIs(t, s.UnmarshalText([]byte("WAIT")), order.ErrUnknownStatus, "an unknown name is still an error")
}
