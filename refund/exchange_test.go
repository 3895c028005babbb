package refund_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

func openExchange(t *testing.T) refund.Exchange {
	t.Helper()
	x, err := refund.OpenExchange(build(t, finished(threeLines())), refund.ExchangeRequest{
		ID: "EX-1", SKU: "SCARF-01", Units: 1, ReplacementSKU: "SCARF-02", At: t0.AddDate(0, 0, 5)})
	require.NoError(t, err)
	return x
}

// TestExchangeShipsOnlyAfterTheReturnArrives (rule R4): the replacement
// cannot leave before the warehouse received the goods back, and both
// legs are tracked by waybill.
func TestExchangeShipsOnlyAfterTheReturnArrives(t *testing.T) {
	x := openExchange(t)
	assert.Equal(t, refund.ExchangeRequested, x.Status())
	assert.True(t, x.WaitingOnReturn())
	when := t0.AddDate(0, 0, 6)

	_, err := x.Apply(refund.ExchangeAction{Event: refund.DispatchReplacement, Version: 1, At: when, Waybill: "YT1111111111"})
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "not before the goods are back")
	require.ErrorIs(t, err, order.ErrConflict)
	assert.Contains(t, err.Error(), "rule R4")

	_, err = x.Apply(refund.ExchangeAction{Event: refund.ShipReturn, Version: 1, At: when})
	require.ErrorIs(t, err, refund.ErrMissing, "the return waybill number is required")
	x2, err := x.Apply(refund.ExchangeAction{Event: refund.ShipReturn, Version: 1, At: when, Waybill: "SF2222222222"})
	require.NoError(t, err)
	assert.Equal(t, "SF2222222222", x2.ReturnWaybill())
	assert.True(t, x2.WaitingOnReturn())

	_, err = x2.Apply(refund.ExchangeAction{Event: refund.DispatchReplacement, Version: 2, At: when, Waybill: "YT1111111111"})
	require.ErrorIs(t, err, refund.ErrInvalidTransition, "on its way is not received")
	_, err = x2.Apply(refund.ExchangeAction{Event: refund.ReceiveReturn, Version: 2, At: when})
	require.ErrorIs(t, err, refund.ErrInvalidQuantity, "say how many units arrived")
	x3, err := x2.Apply(refund.ExchangeAction{Event: refund.ReceiveReturn, Version: 2, At: when.Add(48 * time.Hour), Units: 1})
	require.NoError(t, err)
	assert.Equal(t, 1, x3.Received())
	assert.False(t, x3.WaitingOnReturn())

	_, err = x3.Apply(refund.ExchangeAction{Event: refund.DispatchReplacement, Version: 3, At: when.Add(49 * time.Hour)})
	require.ErrorIs(t, err, refund.ErrMissing, "the replacement's waybill too")
	x4, err := x3.Apply(refund.ExchangeAction{Event: refund.DispatchReplacement, Version: 3, At: when.Add(49 * time.Hour), Waybill: "YT1111111111"})
	require.NoError(t, err)
	assert.Equal(t, refund.ReplacementShipped, x4.Status())
	assert.Equal(t, "YT1111111111", x4.ReplacementWaybill())
	assert.Equal(t, int64(4), x4.Version())
	assert.Equal(t, refund.ReturnReceived, x3.Status(), "the old value is unchanged")

	b, err := json.Marshal(x4)
	require.NoError(t, err)
	var back refund.Exchange
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, string(b), jsonOf(t, back))
	_, err = refund.NewExchange(x4.Spec())
	require.NoError(t, err)
}

// TestExchangeRefusals: hostile actions and openings.
func TestExchangeRefusals(t *testing.T) {
	x := openExchange(t)
	when := t0.AddDate(0, 0, 6)
	for _, c := range []struct {
		reason string
		a      refund.ExchangeAction
		want   error
	}{
		{"a stale version", refund.ExchangeAction{Event: refund.ShipReturn, Version: 2, At: when, Waybill: "SF2222222222"}, refund.ErrStaleVersion},
		{"an unknown event", refund.ExchangeAction{Version: 1, At: when}, refund.ErrUnknownEvent},
		{"a waybill on cancel", refund.ExchangeAction{Event: refund.CancelExchange, Version: 1, At: when, Waybill: "SF2222222222"}, refund.ErrInconsistent},
		{"units on shipping back", refund.ExchangeAction{Event: refund.ShipReturn, Version: 1, At: when, Waybill: "SF2222222222", Units: 1}, refund.ErrInconsistent},
		{"a malformed waybill", refund.ExchangeAction{Event: refund.ShipReturn, Version: 1, At: when, Waybill: "SF#2"}, refund.ErrInvalidText},
		{"before the last change", refund.ExchangeAction{Event: refund.CancelExchange, Version: 1, At: t0}, refund.ErrInconsistent},
	} {
		got, err := x.Apply(c.a)
		require.ErrorIs(t, err, c.want, c.reason)
		assert.True(t, got.IsZero())
	}
	c, err := x.Apply(refund.ExchangeAction{Event: refund.CancelExchange, Version: 1, At: when})
	require.NoError(t, err)
	assert.Equal(t, refund.ExchangeCancelled, c.Status())

	o := build(t, finished(threeLines()))
	for _, c := range []struct {
		reason string
		o      *order.Order
		r      refund.ExchangeRequest
		want   error
	}{
		{"never dispatched", build(t, threeLines()), refund.ExchangeRequest{ID: "E", SKU: "HAT-01", Units: 1, At: when}, refund.ErrNotReceived},
		{"an unknown line", o, refund.ExchangeRequest{ID: "E", SKU: "BOOT-01", Units: 1, At: when}, refund.ErrUnknownLine},
		{"more units than the line", o, refund.ExchangeRequest{ID: "E", SKU: "HAT-01", Units: 2, At: when}, refund.ErrOverQuantity},
		{"no units", o, refund.ExchangeRequest{ID: "E", SKU: "HAT-01", At: when}, refund.ErrInvalidQuantity},
		{"no time", o, refund.ExchangeRequest{ID: "E", SKU: "HAT-01", Units: 1}, refund.ErrMissing},
	} {
		_, err := refund.OpenExchange(c.o, c.r)
		require.ErrorIs(t, err, c.want, c.reason)
	}
	same, err := refund.OpenExchange(o, refund.ExchangeRequest{ID: "E", SKU: "HAT-01", Units: 1, At: when})
	require.NoError(t, err)
	assert.Equal(t, "HAT-01", same.ReplacementSKU(), "the same SKU unless another is named")

	b, _ := json.Marshal(x)
	for _, bad := range []struct{ from, to string }{
		{`"status":"requested"`, `"status":"return_shipped"`}, // shipped with no waybill
		{`"version":1`, `"version":1,"extra":1`},
		{`"status":"requested"`, `"status":"lost"`},
	} {
		var got refund.Exchange
		require.Error(t, got.UnmarshalJSON([]byte(strings.Replace(string(b), bad.from, bad.to, 1))), bad.to)
		assert.True(t, got.IsZero())
	}
}
