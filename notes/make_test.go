package notes_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

func promiseCheck(t *testing.T, spec order.Spec) notes.PromiseCheck {
	t.Helper()
	return notes.PromiseCheck{
		Order:    mustOrder(spec),
		Stock:    mustStock(map[string]int{"TS-001": 3, "GIFT-01": 10, "EMPTY-1": 0}),
		Shipping: shipping.DefaultPolicy(),
	}
}

func policyBy(t *testing.T, paid time.Time) time.Time {
	t.Helper()
	sp, err := shipping.DefaultPolicy().DispatchPromise(paid)
	require.NoError(t, err)
	return sp.By
}

// TestMakePromiseN3RefusesWhatCannotBeKept pins rule N3, rule S6 and rule O8:
// before promising, check the shipping policy, real stock and the order's
// notes; make no promise that cannot be kept.
func TestMakePromiseN3RefusesWhatCannotBeKept(t *testing.T) {
	p := notes.DefaultPolicy()
	now := t0.Add(time.Minute)
	by := policyBy(t, t0)
	heldMemo, _, err := notes.Memo{}.Append(holdNote(), order.SimplifiedChinese, cst)
	require.NoError(t, err)
	release := holdNote()
	release.Release, release.At = true, t0.Add(30*time.Second)
	releasedMemo, _, err := heldMemo.Append(release, order.English, cst)
	require.NoError(t, err)
	tests := []struct {
		name   string
		reason string
		req    notes.Promise
		edit   func(*order.Spec, *notes.PromiseCheck)
		want   notes.ReasonSet
	}{
		{"dispatch as the policy allows", "the honest promise is allowed",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by, MadeBy: agentB}, nil, 0},
		{"dispatch later than the policy", "a weaker promise is fine",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by.Add(48 * time.Hour), MadeBy: agentB}, nil, 0},
		{"exact delivery date", "rule S6: never promise an exact date",
			notes.Promise{ID: "a", Kind: notes.DeliverBy, Due: t0.Add(72 * time.Hour), MadeBy: agentB}, nil,
			reasons(notes.ExactDeliveryDate)},
		{"dispatch earlier than the policy", "rule S6: the policy's promise is the earliest",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by.Add(-time.Second), MadeBy: agentB}, nil,
			reasons(notes.EarlierThanPolicy)},
		{"item out of real stock", "rule O8, rule N3: real stock, not the page's",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by, MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) { c.Stock = mustStock(map[string]int{"TS-001": 0}) },
			reasons(notes.OutOfStock)},
		{"item the stock snapshot does not count", "rule O8: kefu does not guess",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by, MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) { c.Stock = mustStock(map[string]int{"OTHER": 9}) },
			reasons(notes.StockNotCounted)},
		{"a hold note on an order that is not held", "rule N3: check the order's notes; the warehouse reads them",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by, MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) { c.Memo = heldMemo },
			reasons(notes.HoldMismatch)},
		{"hold lifted by a release note", "rule N3: the memo's last word on the hold counts",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by, MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) { c.Memo = releasedMemo }, 0},
		{"held by status, memo silent", "PAID_FORBID_CONSIGN is the truth; the memo does not tell the warehouse",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by, MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				s.Status = order.Held
				c.Order = mustOrder(*s)
			}, reasons(notes.OrderHeld, notes.HoldMismatch)},
		{"held by status and by the memo", "the two agree: held",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by, MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				s.Status = order.Held
				c.Order = mustOrder(*s)
				c.Memo = heldMemo
			}, reasons(notes.OrderHeld)},
		{"held order may still be promised a refund", "a hold stops goods, not money",
			notes.Promise{ID: "a", Kind: notes.RefundBy, Due: t0.Add(time.Hour), MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) { c.Memo = heldMemo }, 0},
		{"reship out of stock", "the replacement must exist",
			notes.Promise{ID: "a", Kind: notes.Reship, Item: notes.Item{SKU: "EMPTY-1", Quantity: 1}, Due: t0.Add(72 * time.Hour), MadeBy: agentB},
			nil, reasons(notes.OutOfStock)},
		{"gift in stock, due as the policy allows", "zero due takes the policy's",
			notes.Promise{ID: "a", Kind: notes.SendGift, Item: notes.Item{SKU: "GIFT-01", Quantity: 2}, MadeBy: agentB},
			nil, 0},
		{"already dispatched", "nothing left to promise",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by.Add(72 * time.Hour), MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				s.Status, s.DispatchedAt = order.AwaitingReceipt, t0.Add(30*time.Second)
				c.Order = mustOrder(*s)
			}, reasons(notes.AlreadyDispatched)},
		{"dispatch on a finished order", "nothing left to dispatch",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by.Add(72 * time.Hour), MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				s.Status, s.DispatchedAt, s.ReceivedAt = order.Finished, t0.Add(30*time.Second), t0.Add(time.Minute)
				c.Order = mustOrder(*s)
			}, reasons(notes.OrderNotOpen, notes.AlreadyDispatched)},
		{"reship after the sale, despite an old hold note", "rule S8: lost or damaged goods are reshipped",
			notes.Promise{ID: "a", Kind: notes.Reship, Item: notes.Item{SKU: "TS-001", Quantity: 1}, Due: t0.Add(72 * time.Hour), MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				s.Status, s.DispatchedAt, s.ReceivedAt = order.Finished, t0.Add(30*time.Second), t0.Add(time.Minute)
				c.Order = mustOrder(*s)
				c.Memo = heldMemo
			}, 0},
		{"refund on a closed trade", "closed by a full refund: nothing more",
			notes.Promise{ID: "a", Kind: notes.RefundBy, Due: t0.Add(time.Hour), MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				s.Status, s.ClosedAt = order.Closed, t0.Add(30*time.Second)
				c.Order = mustOrder(*s)
			}, reasons(notes.OrderNotOpen)},
		{"gift on a trade closed before payment", "TRADE_CLOSED_BY_TAOBAO: nothing was bought",
			notes.Promise{ID: "a", Kind: notes.SendGift, Item: notes.Item{SKU: "TS-001", Quantity: 1}, MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				s.Status, s.PaidAt, s.ClosedAt = order.ClosedUnpaid, time.Time{}, t0.Add(30*time.Second)
				c.Order = mustOrder(*s)
			}, reasons(notes.OrderNotOpen)},
		{"call back on a closed trade", "a call can always be promised",
			notes.Promise{ID: "a", Kind: notes.CallBack, Due: t0.Add(time.Hour), MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				s.Status, s.ClosedAt = order.Closed, t0.Add(30*time.Second)
				c.Order = mustOrder(*s)
			}, 0},
		{"several reasons at once", "every reason is reported",
			notes.Promise{ID: "a", Kind: notes.DispatchBy, Due: by.Add(-time.Second), MadeBy: agentB},
			func(s *order.Spec, c *notes.PromiseCheck) {
				c.Memo = heldMemo
				c.Stock = mustStock(map[string]int{"TS-001": 0})
			}, reasons(notes.EarlierThanPolicy, notes.OutOfStock, notes.HoldMismatch)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			spec := paidSpec()
			c := promiseCheck(t, spec)
			if tc.edit != nil {
				tc.edit(&spec, &c)
			}
			got, d, err := p.MakePromise(tc.req, c, now)
			require.NoError(t, err, tc.reason)
			assert.Equal(t, tc.want.String(), d.Reasons.String(), tc.reason)
			assert.Equal(t, tc.want == 0, d.Verdict == order.Allowed, tc.reason)
			assert.Equal(t, "T1001", got.OrderID)
			assert.Equal(t, "buyer-a", got.BuyerID)
			assert.True(t, got.MadeAt.Equal(now))
			if tc.req.Kind == notes.SendGift {
				assert.True(t, got.Due.Equal(policyBy(t, now)), "a gift leaves as an order paid now would")
			}
		})
	}
}

// TestMakePromiseRejectsMalformed: a promise due in the past, for another
// buyer or order, or with an invalid shipping policy is an error.
func TestMakePromiseRejectsMalformed(t *testing.T) {
	p := notes.DefaultPolicy()
	now := t0.Add(time.Minute)
	c := promiseCheck(t, paidSpec())
	ok := notes.Promise{ID: "a", Kind: notes.RefundBy, Due: now.Add(time.Hour), MadeBy: agentB}

	bad := ok
	bad.Due = now
	_, _, err := p.MakePromise(bad, c, now)
	require.ErrorIs(t, err, notes.ErrDueInPast)
	bad.Due = now.Add(-time.Hour)
	_, _, err = p.MakePromise(bad, c, now)
	require.ErrorIs(t, err, notes.ErrDueInPast)

	bad = ok
	bad.BuyerID = "someone-else"
	_, _, err = p.MakePromise(bad, c, now)
	require.ErrorIs(t, err, notes.ErrNotAllowed, "rule O7: only the order's buyer")
	bad = ok
	bad.OrderID = "T9999"
	_, _, err = p.MakePromise(bad, c, now)
	require.ErrorIs(t, err, notes.ErrInvalidDetail)
	bad = ok
	bad.DoneAt = now
	_, _, err = p.MakePromise(bad, c, now)
	require.ErrorIs(t, err, notes.ErrInvalidTime, "a new promise that says it is settled is malformed, not a conflict")
	_, _, err = p.MakePromise(ok, notes.PromiseCheck{}, now)
	require.ErrorIs(t, err, notes.ErrMissing)
	_, _, err = p.MakePromise(ok, c, time.Time{})
	require.ErrorIs(t, err, notes.ErrMissing)

	broken := c
	broken.Shipping.Zone = "Mars/Olympus"
	_, _, err = p.MakePromise(notes.Promise{ID: "a", Kind: notes.DispatchBy, MadeBy: agentB}, broken, now)
	require.ErrorIs(t, err, notes.ErrInvalidPolicy)

	got, d, err := p.MakePromise(ok, c, now)
	require.NoError(t, err)
	assert.True(t, d.Verdict == order.Allowed)
	assert.Equal(t, notes.Open, got.State(now, 0))
}

func reasons(rs ...notes.Reason) notes.ReasonSet {
	var s notes.ReasonSet
	for _, r := range rs {
		s = s.With(r)
	}
	return s
}

// TestApplyHoldNoteFollowsTheStatus pins the one source of truth about a
// hold (rule N3, rule R1): the order's status. ApplyHold makes the note
// from the event, so the note exists only when the lifecycle allowed the
// move, and a memo that says otherwise than the status is reported.
func TestApplyHoldNoteFollowsTheStatus(t *testing.T) {
	o := *mustOrder(paidSpec())
	held, n, err := notes.ApplyHold(o, order.Hold, notes.FlagRed, "退款重拍,原单不发", agentB, t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, order.Held, held.Status())
	assert.Equal(t, notes.KindHold, n.Kind)
	assert.False(t, n.Release)
	assert.Equal(t, "kf-b", n.Author.ID)

	var m notes.Memo
	assert.False(t, m.HoldAgrees(held.Status()), "held, and the memo does not say so")
	m, _, err = m.Append(n, order.SimplifiedChinese, cst)
	require.NoError(t, err)
	assert.True(t, m.HoldAgrees(held.Status()))
	assert.False(t, m.HoldAgrees(order.AwaitingDispatch), "a hold note on an order that is not held")
	assert.True(t, m.HoldAgrees(order.AwaitingReceipt), "once dispatched a hold no longer matters")

	released, r, err := notes.ApplyHold(held, order.Release, notes.FlagGreen, "财务已退款", agentB, t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, order.AwaitingDispatch, released.Status())
	assert.True(t, r.Release)

	for _, tc := range []struct {
		reason string
		o      order.Order
		e      order.Event
		want   error
	}{
		{"a held order is not held again", held, order.Hold, order.ErrInvalidTransition},
		{"an order that is not held is not released", o, order.Release, order.ErrInvalidTransition},
		{"only hold and release make hold notes", o, order.Dispatch, notes.ErrInvalidDetail},
	} {
		got, n, err := notes.ApplyHold(tc.o, tc.e, notes.FlagRed, "x", agentB, t0.Add(2*time.Hour))
		require.ErrorIs(t, err, tc.want, tc.reason)
		assert.Equal(t, tc.o.Status(), got.Status(), "unchanged on error")
		assert.Zero(t, n.Kind, "no note without the event")
	}
	_, _, err = notes.ApplyHold(o, order.Hold, notes.FlagRed, "", agentB, t0)
	require.ErrorIs(t, err, notes.ErrMissing, "a hold note gives its reason (rule N1)")
	_, _, err = notes.ApplyHold(held, order.Hold, notes.FlagRed, "x", agentB, t0.Add(2*time.Hour))
	assert.Equal(t, 409, order.HTTPStatus(err))
}
