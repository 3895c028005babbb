package refund_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// TestTransitionTable pins the whole refund lifecycle: every state and
// event, allowed or refused with a typed conflict error.
func TestTransitionTable(t *testing.T) {
	want := map[refund.Status]map[refund.Event]refund.Status{
		refund.WaitSellerAgree: {refund.AgreeRefund: refund.Success, refund.AgreeReturn: refund.WaitBuyerReturnGoods,
			refund.Refuse: refund.SellerRefuseBuyer, refund.Modify: refund.WaitSellerAgree, refund.Close: refund.Closed},
		refund.WaitBuyerReturnGoods:   {refund.ReturnGoods: refund.WaitSellerConfirmGoods, refund.Close: refund.Closed},
		refund.WaitSellerConfirmGoods: {refund.ConfirmGoods: refund.Success, refund.Refuse: refund.SellerRefuseBuyer},
		refund.SellerRefuseBuyer:      {refund.Modify: refund.WaitSellerAgree, refund.Close: refund.Closed},
	}
	for s := refund.WaitSellerAgree; s <= refund.Success; s++ {
		for e := refund.AgreeRefund; e <= refund.Close; e++ {
			to, err := refund.Transition(s, e)
			if w, ok := want[s][e]; ok {
				require.NoError(t, err, "%s %s", s, e)
				assert.Equal(t, w, to, "%s %s", s, e)
				continue
			}
			require.ErrorIs(t, err, refund.ErrInvalidTransition, "%s %s", s, e)
			require.ErrorIs(t, err, order.ErrConflict)
			var te *refund.TransitionError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, s.String(), te.From)
			assert.Equal(t, e.String(), te.Event)
			assert.Equal(t, s, to, "a refused move stays put")
		}
		assert.Equal(t, refund.IsFinal(s), len(refund.AllowedEvents(s)) == 0)
	}
	_, err := refund.Transition(order.NoRefund, refund.Close)
	require.ErrorIs(t, err, refund.ErrUnknownStatus, "NO_REFUND is no refund's state")
	assert.Empty(t, refund.AllowedEvents(order.NoRefund))
	_, err = refund.Transition(refund.WaitSellerAgree, refund.Event(99))
	require.ErrorIs(t, err, refund.ErrUnknownEvent)
}

func openReturn(t *testing.T) refund.Refund {
	t.Helper()
	r, err := refund.Open(build(t, finished(threeLines())), refund.Application{
		ID: "RF-1", SKU: "SOCK-01", Fee: dec("6.22"), HasGoodReturn: true, At: t0.AddDate(0, 0, 5)})
	require.NoError(t, err)
	return r
}

// TestRefundWithReturn walks a return from application to success; every
// action names the version it saw, and the return waybill is required
// (rule R4).
func TestRefundWithReturn(t *testing.T) {
	r := openReturn(t)
	assert.Equal(t, refund.WaitSellerAgree, r.Status())
	assert.Equal(t, refund.AfterSale, r.Phase(), "the trade had finished")
	assert.Equal(t, refund.Received, r.GoodStatus())
	assert.Equal(t, int64(1), r.Version())
	when := t0.AddDate(0, 0, 6)

	_, err := r.Apply(refund.Action{Event: refund.AgreeRefund, Version: 1, At: when})
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "a return is agreed as a return")
	assert.Contains(t, err.Error(), `not allowed in state "WAIT_SELLER_AGREE"`)

	r2, err := r.Apply(refund.Action{Event: refund.AgreeReturn, Version: 1, At: when})
	require.NoError(t, err)
	assert.Equal(t, refund.WaitBuyerReturnGoods, r2.Status())
	assert.Equal(t, int64(2), r2.Version())
	assert.Equal(t, refund.WaitSellerAgree, r.Status(), "the old value is unchanged")

	_, err = r2.Apply(refund.Action{Event: refund.ReturnGoods, Version: 2, At: when})
	require.ErrorIs(t, err, refund.ErrMissing, "the return waybill is required (rule R4)")
	_, err = r2.Apply(refund.Action{Event: refund.ReturnGoods, Version: 2, At: when, Waybill: "SF 123"})
	require.ErrorIs(t, err, refund.ErrInvalidText)
	_, err = r2.Apply(refund.Action{Event: refund.ReturnGoods, Version: 1, At: when, Waybill: "SF1234567890"})
	require.ErrorIs(t, err, refund.ErrStaleVersion, "decided on version 1, the refund is at 2")
	require.ErrorIs(t, err, order.ErrConflict)

	r3, err := r2.Apply(refund.Action{Event: refund.ReturnGoods, Version: 2, At: when, Waybill: "ＳＦ１２３４５６７８９０"})
	require.NoError(t, err)
	assert.Equal(t, refund.Returned, r3.GoodStatus())
	assert.Equal(t, "SF1234567890", r3.Waybill(), "full width folded")

	r4, err := r3.Apply(refund.Action{Event: refund.ConfirmGoods, Version: 3, At: when.Add(time.Hour)})
	require.NoError(t, err)
	assert.Equal(t, refund.Success, r4.Status())
	_, err = r4.Apply(refund.Action{Event: refund.Close, Version: 4, At: when.Add(2 * time.Hour)})
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "SUCCESS is final")
	_, err = r3.Apply(refund.Action{Event: refund.ConfirmGoods, Version: 3, At: when.Add(-time.Hour)})
	require.ErrorIs(t, err, refund.ErrInconsistent, "before the last change")
}

// TestRefundActionsRefused: hostile actions, each refused with the
// refund unchanged.
func TestRefundActionsRefused(t *testing.T) {
	r := openReturn(t)
	when := t0.AddDate(0, 0, 6)
	fee := dec("5.00")
	zero := decimal.Zero
	cases := []struct {
		reason string
		a      refund.Action
		want   error
	}{
		{"an unknown event", refund.Action{Event: 0, Version: 1, At: when}, refund.ErrUnknownEvent},
		{"a stale version", refund.Action{Event: refund.Refuse, Version: 0, At: when}, refund.ErrStaleVersion},
		{"an event out of order", refund.Action{Event: refund.ConfirmGoods, Version: 1, At: when}, refund.ErrInvalidTransition},
		{"a waybill with another event", refund.Action{Event: refund.Refuse, Version: 1, At: when, Waybill: "SF1234567890"}, refund.ErrInconsistent},
		{"a fee with another event", refund.Action{Event: refund.Refuse, Version: 1, At: when, Fee: &fee}, refund.ErrInconsistent},
		{"a modified amount of 0", refund.Action{Event: refund.Modify, Version: 1, At: when, Fee: &zero}, refund.ErrInvalidAmount},
		{"no time", refund.Action{Event: refund.Refuse, Version: 1}, refund.ErrMissing},
	}
	before := jsonOf(t, r)
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			got, err := r.Apply(c.a)
			require.ErrorIs(t, err, c.want)
			assert.True(t, got.IsZero())
			assert.Equal(t, before, jsonOf(t, r))
		})
	}
	m, err := r.Apply(refund.Action{Event: refund.Modify, Version: 1, At: when, Fee: &fee})
	require.NoError(t, err)
	decEq(t, "5.00", m.Fee())
}

// TestOpenRefund: what an application may ask for, given the order.
func TestOpenRefund(t *testing.T) {
	paid := build(t, threeLines())
	app := refund.Application{ID: "RF-1", SKU: "HAT-01", Fee: dec("28.00"), At: t0.Add(time.Hour)}
	r, err := refund.Open(paid, app)
	require.NoError(t, err)
	assert.Equal(t, refund.OnSale, r.Phase(), "before the trade finished")
	assert.Equal(t, refund.NotReceived, r.GoodStatus(), "never dispatched: the buyer cannot have it")

	cases := []struct {
		reason string
		o      *order.Order
		edit   func(*refund.Application)
		want   error
	}{
		// Hostile: a return on an order never received.
		{"a return of goods never dispatched", paid, func(a *refund.Application) { a.HasGoodReturn = true }, refund.ErrNotReceived},
		{"received goods never dispatched", paid, func(a *refund.Application) { a.GoodStatus = refund.Received }, refund.ErrNotReceived},
		{"a dispatched order must say whether it arrived", build(t, dispatched(threeLines())), func(a *refund.Application) {}, refund.ErrMissing},
		{"a return of goods not received", build(t, dispatched(threeLines())), func(a *refund.Application) {
			a.HasGoodReturn, a.GoodStatus = true, refund.NotReceived
		}, refund.ErrNotReceived},
		{"an amount of 0", paid, func(a *refund.Application) { a.Fee = decimal.Zero }, refund.ErrInvalidAmount},
		{"three decimals", paid, func(a *refund.Application) { a.Fee = dec("1.001") }, refund.ErrInvalidAmount},
		{"above what the buyer paid", paid, func(a *refund.Application) { a.Fee = dec("148.02") }, refund.ErrOverRefund},
		{"a line the order does not have", paid, func(a *refund.Application) { a.SKU = "BOOT-01" }, refund.ErrUnknownLine},
		{"no time", paid, func(a *refund.Application) { a.At = time.Time{} }, refund.ErrMissing},
		{"no ID", paid, func(a *refund.Application) { a.ID = " " }, refund.ErrMissing},
		{"already returned", paid, func(a *refund.Application) { a.GoodStatus = refund.Returned }, refund.ErrInconsistent},
		{"an unpaid order", build(t, func() order.Spec {
			s := threeLines()
			s.Status, s.PaidAt = order.AwaitingPayment, time.Time{}
			return s
		}()), func(a *refund.Application) {}, refund.ErrNotRefundable},
		{"no order", nil, func(a *refund.Application) {}, refund.ErrMissing},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			a := app
			c.edit(&a)
			_, err := refund.Open(c.o, a)
			require.ErrorIs(t, err, c.want)
		})
	}
}

// TestRefundClosesTrade: a full refund during the sale closes the trade;
// after the sale the trade stays finished.
func TestRefundClosesTrade(t *testing.T) {
	s := threeLines()
	o := build(t, s)
	l := ledger(t, s)
	r, err := refund.Open(o, refund.Application{ID: "RF-1", SKU: "HAT-01", Fee: dec("28.00"), At: t0.Add(time.Hour)})
	require.NoError(t, err)
	r, err = r.Apply(refund.Action{Event: refund.AgreeRefund, Version: 1, At: t0.Add(2 * time.Hour)})
	require.NoError(t, err)
	assert.False(t, r.ClosesTrade(l), "goods remain unrefunded")
	for i := range l.NumLines() {
		l, _ = pay(t, l, refund.Payout{Key: "k" + l.Line(i).SKU, SKU: l.Line(i).SKU, Goods: l.Line(i).Paid})
	}
	assert.True(t, r.ClosesTrade(l))
	after := openReturn(t)
	assert.False(t, after.ClosesTrade(l), "not succeeded, and after the sale")
}

// TestRefundJSON round-trips a refund with the platform's field names and
// decodes strictly.
func TestRefundJSON(t *testing.T) {
	r := openReturn(t)
	r, err := r.Apply(refund.Action{Event: refund.AgreeReturn, Version: 1, At: t0.AddDate(0, 0, 6)})
	require.NoError(t, err)
	r, err = r.Apply(refund.Action{Event: refund.ReturnGoods, Version: 2, At: t0.AddDate(0, 0, 6), Waybill: "YT1234567890"})
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	for _, k := range []string{`"refund_id":"RF-1"`, `"tid":"T1001"`, `"refund_fee":"6.22"`, `"status":"WAIT_SELLER_CONFIRM_GOODS"`,
		`"good_status":"BUYER_RETURNED_GOODS"`, `"refund_phase":"aftersale"`, `"has_good_return":true`, `"sid":"YT1234567890"`, `"refund_version":3`} {
		assert.Contains(t, string(b), k)
	}
	var back refund.Refund
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, string(b), jsonOf(t, back))
	assert.True(t, r.ModifiedAt().Equal(back.ModifiedAt()))
	spec, err := refund.New(r.Spec())
	require.NoError(t, err)
	assert.Equal(t, r, spec)

	cases := []struct {
		reason, from, to string
		want             error
	}{
		{"an unknown field", `"sid"`, `"sidd"`, refund.ErrUnknownField},
		{"three decimals", `"6.22"`, `"6.225"`, refund.ErrInvalidAmount},
		{"a long amount", `"6.22"`, `"` + strings.Repeat("9", 1000) + `"`, refund.ErrInvalidAmount},
		{"a megabyte", `"6.22"`, `"` + strings.Repeat("9", 1<<20) + `"`, refund.ErrInvalidJSON},
		{"a status not the platform's", `WAIT_SELLER_CONFIRM_GOODS`, `wait_seller_confirm_goods`, refund.ErrUnknownStatus},
		// Hostile: a sub-order's NO_REFUND, or nothing, is no refund's
		// state, though order.RefundStatus reads both.
		{"NO_REFUND", `"WAIT_SELLER_CONFIRM_GOODS"`, `"NO_REFUND"`, refund.ErrUnknownStatus},
		{"an empty status", `"WAIT_SELLER_CONFIRM_GOODS"`, `""`, refund.ErrUnknownStatus},
		{"a phase not the platform's", `"aftersale"`, `"after_sale"`, refund.ErrUnknownCode},
		{"confirming goods never sent back", `"BUYER_RETURNED_GOODS"`, `"BUYER_RECEIVED"`, refund.ErrInconsistent},
		{"version 0", `"refund_version":3`, `"refund_version":0`, refund.ErrInvalidQuantity},
		{"trailing data", `}`, `}{}`, refund.ErrInvalidJSON},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			bad := strings.Replace(string(b), c.from, c.to, 1)
			require.NotEqual(t, string(b), bad)
			got := back
			require.ErrorIs(t, got.UnmarshalJSON([]byte(bad)), c.want)
			assert.Equal(t, back, got, "unchanged on error")
		})
	}
	_, err = json.Marshal(refund.Refund{})
	require.Error(t, err)
}
