package pricing_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// issue 11 #4: a console sends a request as JSON with snake_case keys and
// money as text; the backend attaches who asks, the order and the time.
func TestRequestJSONFromConsole(t *testing.T) {
	var r pricing.Request
	require.NoError(t, json.Unmarshal([]byte(`{"order_id":"T2001","kind":"price_cut","amount":"5.00"}`), &r))
	assert.Equal(t, "T2001", r.OrderID())
	assert.Equal(t, pricing.PriceCut, r.Kind)
	assert.Equal(t, "5.00", r.Amount.StringFixed(2))
	assert.Nil(t, r.Order, "the backend attaches the order")

	// Not attached: Review refuses it as a malformed request.
	_, err := defaultPolicy().Review(r, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrMissing)

	o := unpaid()
	full, err := r.Attach(xiaomei, o, t0)
	require.NoError(t, err)
	assert.Equal(t, request(xiaomei, o, pricing.PriceCut, "5.00"), full)
	d, err := defaultPolicy().Review(full, noAgent, noOrder)
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict)

	// It encodes back to what the console sent.
	b, err := json.Marshal(full)
	require.NoError(t, err)
	assert.JSONEq(t, `{"order_id":"T2001","kind":"price_cut","amount":"5.00"}`, string(b))

	// The platform's own spelling of money (a number) and a full-width
	// order ID decode too.
	require.NoError(t, json.Unmarshal([]byte(`{"order_id":"Ｔ2001","kind":"gift","amount":12.5}`), &r))
	assert.Equal(t, "T2001", r.OrderID())
	assert.Equal(t, "12.50", r.Amount.StringFixed(2))

	// A promotion and an agent-fault compensation travel too.
	in := `{"order_id":"T2001","kind":"price_cut","amount":"10.00","promotion":{"name":"double11","sku":"TEA-02","price":"49.00",` +
		`"start":"2026-11-11T00:00:00+08:00","end":"2026-11-12T00:00:00+08:00"},"cause":"agent_fault"}`
	require.NoError(t, json.Unmarshal([]byte(in), &r))
	require.NotNil(t, r.Promotion)
	assert.Equal(t, "49.00", r.Promotion.Price.StringFixed(2))
	assert.Equal(t, pricing.AgentFault, r.Cause)
	b, err = json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, in, string(b))
}

// The JSON form is strict and leaves the request unchanged on error. Who
// asks and when are the backend's: a console that sends "agent" or "at"
// is refused, so it cannot claim to be the store manager.
func TestRequestJSONRefusals(t *testing.T) {
	cases := []struct {
		reason, in string
		err        error
		field      string
	}{
		{"hostile: the console names the agent", `{"order_id":"T2001","kind":"gift","amount":"1.00","agent":{"id":"boss","role":"store_manager"}}`, pricing.ErrUnknownField, "agent"},
		{"hostile: the console names the time", `{"order_id":"T2001","kind":"gift","amount":"1.00","at":"2020-01-01T00:00:00Z"}`, pricing.ErrUnknownField, "at"},
		{"a misspelled amount", `{"order_id":"T2001","kind":"gift","amuont":"1.00"}`, pricing.ErrUnknownField, "amuont"},
		{"no amount", `{"order_id":"T2001","kind":"gift"}`, pricing.ErrMissing, "amount"},
		{"a zero amount", `{"order_id":"T2001","kind":"gift","amount":"0.00"}`, pricing.ErrInvalidAmount, "amount"},
		{"below the fen", `{"order_id":"T2001","kind":"gift","amount":"1.005"}`, pricing.ErrInvalidAmount, "amount"},
		{"an exponent", `{"order_id":"T2001","kind":"gift","amount":"1e3"}`, pricing.ErrInvalidAmount, "amount"},
		{"no kind", `{"order_id":"T2001","amount":"1.00"}`, pricing.ErrMissing, "kind"},
		{"an unknown kind", `{"order_id":"T2001","kind":"cashback","amount":"1.00"}`, pricing.ErrUnknownKind, "kind"},
		{"no order", `{"kind":"gift","amount":"1.00"}`, pricing.ErrMissing, "order_id"},
		{"hostile: an order ID with a zero-width space", `{"order_id":"T2001\u200b","kind":"gift","amount":"1.00"}`, pricing.ErrInvalidText, "order_id"},
		{"an oversold cause without the plan", `{"order_id":"T2001","kind":"gift","amount":"1.00","cause":"oversold"}`, pricing.ErrNotCompensable, "cause"},
		{"a promotion with a bad field", `{"order_id":"T2001","kind":"gift","amount":"1.00","promotion":{"name":"x","sku":"A","price":"1.00","start":"2026-11-11T00:00:00Z","end":"2026-11-12T00:00:00Z","discount":"1"}}`, pricing.ErrUnknownField, "promotion.discount"},
		{"a promotion ending before it starts", `{"order_id":"T2001","kind":"gift","amount":"1.00","promotion":{"name":"x","sku":"A","price":"1.00","start":"2026-11-12T00:00:00Z","end":"2026-11-11T00:00:00Z"}}`, pricing.ErrInvalidPromotion, "promotion.end"},
		{"a wrong type", `{"order_id":7,"kind":"gift","amount":"1.00"}`, pricing.ErrInvalidJSON, "order_id"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r := request(xiaomei, unpaid(), pricing.Gift, "3.00")
			before := r
			err := json.Unmarshal([]byte(c.in), &r)
			require.ErrorIs(t, err, c.err)
			assert.Equal(t, 422, order.HTTPStatus(err))
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, before, r, "unchanged on error")
		})
	}
}

// Attach refuses an order other than the one the request names.
func TestRequestAttach(t *testing.T) {
	var r pricing.Request
	require.NoError(t, json.Unmarshal([]byte(`{"order_id":"T2001","kind":"gift","amount":"1.00"}`), &r))
	_, err := r.Attach(xiaomei, heavy(), t0) // T2002
	require.ErrorIs(t, err, pricing.ErrOrderMismatch)
	assert.Equal(t, 422, order.HTTPStatus(err))
	_, err = r.Attach(xiaomei, nil, t0)
	require.ErrorIs(t, err, pricing.ErrMissing)
	var zero order.Order
	_, err = r.Attach(xiaomei, &zero, t0)
	require.ErrorIs(t, err, pricing.ErrMissing)

	// A request built in code attaches to any order.
	built := pricing.Request{Kind: pricing.Gift, Amount: dec("1.00")}
	got, err := built.Attach(xiaomei, heavy(), t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, "T2002", got.OrderID())
	assert.Equal(t, t0.Add(time.Minute), got.At)

	// A request without an order does not encode.
	_, err = json.Marshal(pricing.Request{Kind: pricing.Gift, Amount: dec("1.00")})
	require.ErrorIs(t, err, pricing.ErrMissing)
	_, err = json.Marshal(request(xiaomei, unpaid(), pricing.Gift, "1.001"))
	require.ErrorIs(t, err, pricing.ErrInvalidAmount, "never rounded on the way out")
}
