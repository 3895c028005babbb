package shipping_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestSentinelsAreOrders proves shipping shares order's sentinels, so one
// errors.Is test covers every package.
func TestSentinelsAreOrders(t *testing.T) {
	assert.Same(t, order.ErrMissing, shipping.ErrMissing)
	assert.Same(t, order.ErrInvalidText, shipping.ErrInvalidText)
	assert.Same(t, order.ErrInvalidAmount, shipping.ErrInvalidAmount)
	assert.Same(t, order.ErrUnknownReason, shipping.ErrUnknownReason)

	_, err := shipping.DefaultPolicy().ClassifyParcel(nil, nil, time.Now())
	require.Error(t, err)
	assert.True(t, errors.Is(err, order.ErrMissing), "missing order matches order.ErrMissing: %v", err)

	_, err = shipping.ParseReason("no_such_reason")
	assert.True(t, errors.Is(err, order.ErrUnknownReason), "unknown reason matches order.ErrUnknownReason: %v", err)
}

// TestUnknownCodeIsNotAStage proves an unknown remedy, action, stop,
// situation or wording is reported as an unknown code, not an unknown
// stage; an unknown stage still is one.
func TestUnknownCodeIsNotAStage(t *testing.T) {
	var r shipping.Remedy
	err := r.UnmarshalText([]byte("teleport"))
	require.ErrorIs(t, err, shipping.ErrUnknownCode)
	assert.NotErrorIs(t, err, shipping.ErrUnknownStage)
	assert.EqualError(t, err, `shipping: remedy "teleport": unknown code`)

	var a shipping.Action
	require.ErrorIs(t, a.UnmarshalText([]byte("pray")), shipping.ErrUnknownCode)
	_, err = shipping.ParseWording("tomorrow")
	require.ErrorIs(t, err, shipping.ErrUnknownCode)

	_, err = shipping.ParseStage("teleported")
	require.ErrorIs(t, err, shipping.ErrUnknownStage)
	assert.NotErrorIs(t, err, shipping.ErrUnknownCode)
}

// TestErrorMessageClipsValue proves a hostile 300-byte value is quoted
// in the message cut to 120 bytes with "…", while Value keeps it whole.
func TestErrorMessageClipsValue(t *testing.T) {
	v := strings.Repeat("\x01", 300)
	e := &shipping.Error{Pkg: "shipping", Field: "field", Value: v, Err: shipping.ErrMissing}
	want := "shipping: field " + strconv.Quote(strings.Repeat("\x01", 120)+"…") + ": required"
	assert.Equal(t, want, e.Error())
	assert.Less(t, len(e.Error()), 520, "was 1,232 bytes before clipping")
	assert.Equal(t, v, e.Value)
	short := &shipping.Error{Pkg: "shipping", Field: "field", Value: "-1", Err: shipping.ErrMissing}
	assert.Equal(t, `shipping: field "-1": required`, short.Error())
}

// TestBusinessNoIsADecision pins issue 11 #1 for the package: every "no"
// a console shows an agent as an outcome is a decision with its reasons,
// never an error — only malformed input is.
func TestBusinessNoIsADecision(t *testing.T) {
	p := shipping.DefaultPolicy()
	noSF := shipping.DefaultPolicy()
	noSF.Carriers, noSF.SFCarrier = noSF.Carriers[:2], ""
	paid := build(t, spec("50.00", "0", "10.00"))
	cases := []struct {
		reason string
		decide func() (order.Verdict, string, error)
		want   string
	}{
		{"not eligible for free shipping (rule S1)", func() (order.Verdict, string, error) {
			d := p.FreeShipping(paid)
			return d.Verdict(), d.Reasons().String(), nil
		}, "refused [below_threshold]"},
		{"a promise naming an exact date (rule S6)", func() (order.Verdict, string, error) {
			r, err := p.ReviewPromise(t0, shipping.PromiseClaim{Date: shipping.Date{Year: 2026, Month: 11, Day: 3}})
			return r.Verdict, r.Reasons.String(), err
		}, "refused [exact_date]"},
		{"a delivery guarantee (rule S8)", func() (order.Verdict, string, error) {
			r, err := p.ReviewPromise(t0, shipping.PromiseClaim{Wording: shipping.ShipsToday, Delivery: true})
			return r.Verdict, r.Reasons.String(), err
		}, "refused [delivery_guarantee]"},
		{"a reminder to a paid order, buyer offline (rule S10)", func() (order.Verdict, string, error) {
			r, err := p.PaymentReminder(shipping.Unpaid{Order: paid}, t0.Add(4*time.Hour))
			return r.Verdict, r.Reasons.String(), err
		}, "refused [not_awaiting_payment buyer_offline]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			v, rs, err := c.decide()
			require.NoError(t, err)
			assert.Equal(t, c.want, v.String()+" "+rs)
		})
	}

	// Choices that say no say it in their reasons.
	ch, err := carrierPolicy(t).ChooseCarrier(order.Tibet, "yto")
	require.NoError(t, err, "the buyer's carrier does not serve Tibet: a refused preference")
	assert.True(t, ch.Reasons.Has(shipping.CarrierNotServing))
	assert.True(t, ch.OK(), "another carrier takes it")
	ch, err = noSF.ChooseCarrier(order.HongKong, "")
	require.NoError(t, err, "no carrier for Hong Kong: out of area, an outcome")
	assert.False(t, ch.OK())
	assert.True(t, ch.Reasons.Has(shipping.OutOfArea))
	ch, err = p.ChooseCarrier(order.Abroad, "yto")
	require.NoError(t, err)
	assert.Equal(t, "[carrier_not_serving out_of_area]", ch.Reasons.String())
	oc := p.PostageOvercharge(build(t, spec("120.00", "0", "10.00")))
	assert.True(t, oc.Overcharged, "an overcharge to put right is a decision with remedies (rule S2)")
	assert.Equal(t, "[refund_difference refund_and_reorder]", oc.Remedies.String())
}
