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
)

var ahua = order.Agent{ID: "ahua", Name: "阿华", Role: order.AfterSales}

// promised is the promise ahua makes at t0+1h that the refund under key is
// paid by due, checked by notes.
func promised(t testing.TB, o *order.Order, key string, due time.Time) notes.Promise {
	t.Helper()
	d, err := refund.RefundPromise(key, o.ID(), due)
	require.NoError(t, err)
	now := t0.Add(time.Hour)
	p, dec, err := notes.DefaultPolicy().MakePromise(d.Stamp(ahua, now), notes.PromiseCheck{Order: o}, now)
	require.NoError(t, err)
	require.Equal(t, order.Allowed, dec.Verdict)
	return p
}

// rule R6: a refund promised to a buyer is a promise (rule N3) that the
// ledger marks kept when it pays it — kept by the due time, broken if
// later — and one not paid stays open and shows as overdue.
func TestRefundPromiseKeptByLedger(t *testing.T) {
	o := build(t, threeLines())
	l := ledger(t, threeLines())
	due := t0.Add(24 * time.Hour)
	onTime, late, unpaid := promised(t, o, "RF-1", due), promised(t, o, "RF-2", due), promised(t, o, "RF-3", due)
	assert.Equal(t, notes.RefundBy, onTime.Kind)

	l, _ = pay(t, l, refund.Payout{Key: "RF-1", SKU: "HAT-01", Units: 1, Goods: dec("28.00"), At: due.Add(-time.Hour)})
	l, _ = pay(t, l, refund.Payout{Key: "RF-2", SKU: "SOCK-01", Units: 1, Goods: dec("6.22"), At: due.Add(time.Hour)})

	kept, err := l.Keep(onTime)
	require.NoError(t, err)
	assert.Equal(t, notes.Kept, kept.State(due.Add(2*time.Hour), 0))
	got, err := l.Keep(late)
	require.NoError(t, err)
	assert.Equal(t, notes.Broken, got.State(due.Add(2*time.Hour), 0), "paid after its due time")
	got, err = l.Keep(unpaid)
	require.NoError(t, err)
	assert.False(t, got.Settled(), "not paid: still open")
	assert.Equal(t, notes.Overdue, got.State(due.Add(time.Minute), 0), "a refund past its due time is visible")
	assert.Equal(t, []notes.Promise{unpaid}, refund.OverdueRefunds([]notes.Promise{kept, unpaid}, due.Add(time.Minute)))

	// The shop's record of promises, settled in one go; promises of other
	// kinds and orders are left alone.
	call := notes.Promise{ID: "CB-1", Kind: notes.CallBack, BuyerID: "tb_8812", OrderID: "T1001", Due: due,
		MadeBy: ahua, MadeAt: t0}
	pl, err := notes.NewLedger([]notes.Promise{onTime, late, unpaid, call})
	require.NoError(t, err)
	next, settled, err := l.KeepPromises(pl)
	require.NoError(t, err)
	assert.Len(t, settled, 2)
	var open []string
	for _, p := range next.Overdue(due.Add(time.Minute)) {
		open = append(open, p.ID)
	}
	assert.Equal(t, []string{"CB-1", "RF-3"}, open, "the call back and the unpaid refund stay open")
	assert.Len(t, next.Settled(), 2)
	assert.Len(t, pl.Settled(), 0, "the record passed in is unchanged")
}

// Hostile and malformed input to the promise bridge.
func TestRefundPromiseRefusals(t *testing.T) {
	o := build(t, threeLines())
	l := ledger(t, threeLines())
	_, err := refund.RefundPromise("RF\u200b1", "T1001", t0) // a zero-width space in the key
	require.ErrorIs(t, err, refund.ErrInvalidText)
	_, err = refund.RefundPromise("RF-1", "T1001", time.Time{})
	require.ErrorIs(t, err, refund.ErrMissing)

	p := promised(t, o, "RF-1", t0.Add(24*time.Hour))
	other := p
	other.OrderID = "T9999"
	_, err = l.Keep(other)
	require.ErrorIs(t, err, refund.ErrInconsistent, "another order's promise")
	call := p
	call.Kind = notes.CallBack
	_, err = l.Keep(call)
	require.ErrorIs(t, err, refund.ErrInconsistent, "not a refund promise")

	// A payout paid without its time keeps no promise: the backend is told.
	l2, _ := pay(t, l, refund.Payout{Key: "RF-1", SKU: "HAT-01", Units: 1, Goods: dec("28.00")})
	got, err := l2.Keep(p)
	require.ErrorIs(t, err, refund.ErrMissing)
	assert.Equal(t, p, got)
}

// rule R7: the time of a payout is not one of its parameters — the same
// payout sent again later is a replay, never a second payment — and it is
// stored with the ledger.
func TestPayoutTimeIsNoParameter(t *testing.T) {
	l := ledger(t, threeLines())
	p := refund.Payout{Key: "RF-1", Version: l.Version(), SKU: "HAT-01", Units: 1, Goods: dec("28.00"), At: t0}
	next, r, err := l.Pay(p)
	require.NoError(t, err)
	assert.True(t, r.At.Equal(t0))
	p.At = t0.Add(time.Minute)
	again, r2, err := next.Pay(p)
	require.NoError(t, err)
	assert.True(t, r2.Replayed)
	assert.True(t, r2.At.Equal(t0), "the first payout's time")
	assert.Equal(t, next.Version(), again.Version())

	_, _, err = l.Pay(refund.Payout{Key: "RF-9", Version: l.Version(), SKU: "HAT-01", Goods: dec("1.00"),
		At: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)})
	require.ErrorIs(t, err, refund.ErrInconsistent, "a time JSON cannot hold")

	b, err := json.Marshal(next)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"at":"2026-11-02T10:00:00+08:00"`)
	var back refund.Ledger
	require.NoError(t, json.Unmarshal(b, &back))
	rb, ok := back.Receipt("RF-1")
	require.True(t, ok)
	assert.True(t, rb.At.Equal(t0))
	assert.Equal(t, string(b), jsonOf(t, back))
}

// rule R6: returned goods not refunded are listed with the time the
// oldest of them arrived; payouts refund arrivals oldest first.
func TestUnrefunded(t *testing.T) {
	l := ledger(t, finished(threeLines()))
	var err error
	for i, a := range []refund.Arrival{
		{Waybill: "YT0000000001", SKU: "SOCK-01", Units: 1, At: t0.Add(72 * time.Hour)},
		{Waybill: "YT0000000002", SKU: "SOCK-01", Units: 2, At: t0.Add(96 * time.Hour)},
		{Waybill: "YT0000000003", SKU: "HAT-01", Units: 1}, // no time given
	} {
		a.Version = l.Version()
		l, err = l.Receive(a)
		require.NoError(t, err, i)
	}
	assert.Equal(t, []refund.Awaiting{
		{SKU: "HAT-01", Units: 1},
		{SKU: "SOCK-01", Units: 3, Since: t0.Add(72 * time.Hour)},
	}, l.Unrefunded())
	l, _ = pay(t, l, refund.Payout{Key: "RF-1", SKU: "SOCK-01", Units: 1, Returned: true, Goods: dec("6.22")})
	assert.Equal(t, refund.Awaiting{SKU: "SOCK-01", Units: 2, Since: t0.Add(96 * time.Hour)}, l.Unrefunded()[1],
		"the first arrival is refunded; the second is now the oldest")
	assert.Equal(t, map[string]int{"HAT-01": 1, "SOCK-01": 2}, l.AwaitingRefund())
}
