package shipping_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// roundTrip encodes v, decodes it into a fresh T, encodes that again and
// checks both encodings are the same text; it returns the first one.
func roundTrip[T any](t *testing.T, v T) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	var back T
	require.NoError(t, json.Unmarshal(b, &back), string(b))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(b2))
	return string(b)
}

// TestFreeShippingDecisionJSON: a backend stores and sends free-shipping
// decisions (rules S1, S2) with amounts as text and reasons as names.
func TestFreeShippingDecisionJSON(t *testing.T) {
	p := shipping.DefaultPolicy()
	d := p.FreeShipping(build(t, spec("98.99", "0", "10.00")))
	assert.Equal(t, `{"verdict":"refused","reasons":["below_threshold"],"promotion":-1,"shortfall":"0.01","units_short":0,`+
		`"charged":"10.00","should_charge":"10.00","overcharge":"0.00","undercharge":"0.00"}`, roundTrip(t, d))

	d = p.FreeShipping(build(t, spec("120.00", "20.50", "8.00")))
	s := roundTrip(t, d)
	assert.Contains(t, s, `"verdict":"allowed","reasons":["postage_overcharged"]`)
	assert.Contains(t, s, `"overcharge":"8.00"`)
	var back shipping.FreeShippingDecision
	require.NoError(t, json.Unmarshal([]byte(s), &back))
	assert.Equal(t, d, back, "every field, private amounts included, survives")

	require.NoError(t, json.Unmarshal([]byte(`{"verdict":"allowed","reasons":[]}`), &back))
	assert.Equal(t, -1, back.Promotion(), "an absent promotion is the everyday rule")
}

// TestDecisionJSONHostile: a stored decision that was tampered with is an
// error that names the field, and leaves the value unchanged.
func TestDecisionJSONHostile(t *testing.T) {
	orig := shipping.DefaultPolicy().FreeShipping(build(t, spec("98.99", "0", "10.00")))
	cases := []struct {
		reason string
		json   string
		err    error
		field  string
	}{
		{"negative shortfall", `{"shortfall":"-0.01"}`, shipping.ErrInvalidAmount, "shortfall"},
		{"three decimals charged", `{"charged":"1.001"}`, shipping.ErrInvalidAmount, "charged"},
		{"huge should_charge", `{"should_charge":"1e40"}`, shipping.ErrInvalidAmount, "should_charge"},
		{"negative units", `{"units_short":-1}`, shipping.ErrNegative, "units_short"},
		{"promotion below -1", `{"promotion":-2}`, shipping.ErrNegative, "promotion"},
		{"unknown reason", `{"reasons":["free_forever"]}`, shipping.ErrUnknownReason, "reasons"},
		{"a reason free shipping never gives", `{"reasons":["preferred_carrier"]}`, shipping.ErrUnknownReason, "reasons"},
		{"more units short than an order holds", `{"units_short":1000001}`, shipping.ErrNegative, "units_short"},
		{"promotion past the last one", `{"promotion":1000}`, shipping.ErrNegative, "promotion"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d := orig
			err := json.Unmarshal([]byte(c.json), &d)
			require.ErrorIs(t, err, c.err)
			var e *shipping.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, orig, d, "unchanged on error")
		})
	}
	var ch shipping.CarrierChoice
	require.ErrorIs(t, json.Unmarshal([]byte(`{"carrier":"sf","difference":"-5"}`), &ch), shipping.ErrInvalidAmount)
	assert.Zero(t, ch)
	var r shipping.ParcelReport
	require.ErrorIs(t, json.Unmarshal([]byte(`{"situation":"vanished"}`), &r), shipping.ErrUnknownCode)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"stop":"halt"}`), &r), shipping.ErrUnknownCode)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"actions":["pray"]}`), &r), shipping.ErrUnknownCode)
	var oc shipping.Overcharge
	require.ErrorIs(t, json.Unmarshal([]byte(`{"free_shipping":{"charged":"x"}}`), &oc), shipping.ErrInvalidAmount)
	require.Error(t, json.Unmarshal([]byte(`[]`), &oc))
	assert.Zero(t, oc)
}

// TestCarrierChoiceJSON: the price difference (rule P6) survives a round
// trip as text.
func TestCarrierChoiceJSON(t *testing.T) {
	p := carrierPolicy(t)
	ch, err := p.ChooseCarrier(order.Zhejiang, "jd")
	require.NoError(t, err)
	assert.Equal(t, `{"carrier":"jd","reasons":["preferred_carrier","price_difference"],"freight_collect":false,"collect_possible":true,"difference":"5.00"}`,
		roundTrip(t, ch))
	ch, err = p.ChooseCarrier(order.HongKong, "")
	require.NoError(t, err)
	var back shipping.CarrierChoice
	require.NoError(t, json.Unmarshal([]byte(roundTrip(t, ch)), &back))
	assert.Equal(t, ch, back)
	decEq(t, "12.00", back.Difference())
}

// TestOverchargeJSON: an overcharge (rule S2) encodes with the amount to
// give back, and one that is not overcharged encodes too (it has no
// follow-up department).
func TestOverchargeJSON(t *testing.T) {
	p := shipping.DefaultPolicy()
	s := spec("120.00", "0", "10.00")
	s.Status, s.PaidAt = order.AwaitingPayment, time.Time{}
	oc := p.PostageOvercharge(build(t, s))
	got := roundTrip(t, oc)
	assert.Contains(t, got, `{"overcharged":true,"amount":"10.00","remedies":["fix_postage"],"follow_up":"operations","free_shipping":{`)
	var back shipping.Overcharge
	require.NoError(t, json.Unmarshal([]byte(got), &back))
	assert.Equal(t, oc, back)

	none := p.PostageOvercharge(build(t, spec("120.00", "0", "0")))
	assert.Contains(t, roundTrip(t, none), `{"overcharged":false,"amount":"0.00","remedies":[],"free_shipping":{`)
}

// TestParcelReportJSON: every report ClassifyParcel makes (rule S8) can be
// stored and read back — including those with no stage, no stop and no
// promise, whose zero enums have no name.
func TestParcelReportJSON(t *testing.T) {
	p := shipping.DefaultPolicy()
	out := at(2026, 11, 2, 18, 0, 0)
	reports := map[string]struct {
		o   *order.Order
		h   []shipping.TrackingEvent
		now time.Time
	}{
		"unpaid":  {unpaidOrder(t), nil, t0.Add(time.Hour)},
		"late":    {paidAt(t, t0, time.Time{}), nil, t0.Add(48 * time.Hour)},
		"on way":  {paidAt(t, t0, out), []shipping.TrackingEvent{ev(out, shipping.Outbound), ev(out.Add(time.Hour), shipping.PickedUp)}, out.Add(2 * time.Hour)},
		"damaged": {paidAt(t, t0, out), []shipping.TrackingEvent{ev(out.Add(time.Hour), shipping.Damaged)}, out.Add(2 * time.Hour)},
	}
	for name, c := range reports {
		t.Run(name, func(t *testing.T) {
			r, err := p.ClassifyParcel(c.o, c.h, c.now)
			require.NoError(t, err)
			s := roundTrip(t, r)
			var back shipping.ParcelReport
			require.NoError(t, json.Unmarshal([]byte(s), &back))
			assert.Equal(t, r.Situation, back.Situation)
			assert.Equal(t, r.Actions, back.Actions)
			assert.Equal(t, r.ShopAtFault, back.ShopAtFault)
			assert.Equal(t, r.Reasons, back.Reasons)
			assert.Equal(t, r.Stage, back.Stage)
			assert.Equal(t, r.Stop, back.Stop)
			assert.True(t, r.Since.Equal(back.Since))
			assert.True(t, r.Promise.By.Equal(back.Promise.By))
		})
	}
	r, err := p.ClassifyParcel(paidAt(t, t0, time.Time{}), nil, t0.Add(48*time.Hour))
	require.NoError(t, err)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.JSONEq(t, `{"situation":"late_dispatch","actions":["answer_at_once","chase_warehouse"],"shop_at_fault":true,`+
		`"reasons":["past_window"],"stop":"hold","promise":{"by":"2026-11-02T23:59:59+08:00","wording":"ships_today","days":1},`+
		`"since":"2026-11-02T10:00:00+08:00"}`, string(b))
	assert.Equal(t, `{}`, roundTrip(t, shipping.DispatchPromise{}), "the zero promise encodes as nothing promised")
}

// TestReminderAndReviewJSON: reminders (rule S10) and promise reviews
// (rule S6) encode with snake_case keys and codes.
func TestReminderAndReviewJSON(t *testing.T) {
	p := shipping.DefaultPolicy()
	rm, err := p.PaymentReminder(shipping.Unpaid{Order: unpaidOrder(t), BuyerOnline: true}, t0.Add(4*time.Hour))
	require.NoError(t, err)
	assert.JSONEq(t, `{"verdict":"allowed","reasons":["ships_today_if_paid"],"promise":{"by":"2026-11-02T23:59:59+08:00","wording":"ships_today","days":1},`+
		`"from":"2026-11-02T12:00:00+08:00","until":"2026-11-02T16:00:00+08:00"}`,
		roundTrip(t, rm))
	rv, err := p.ReviewPromise(t0, shipping.PromiseClaim{Date: shipping.Date{Year: 2026, Month: 11, Day: 3}})
	require.NoError(t, err)
	assert.Contains(t, roundTrip(t, rv), `{"verdict":"refused","reasons":["exact_date"],"honest":{`)
	assert.Equal(t, `{"wording":"within_days","days":3}`, roundTrip(t, shipping.PromiseClaim{Wording: shipping.WithinDays, Days: 3}))
}

// TestNotAnObjectQuotesWholeCharacters: a value that is not even an
// object is named in the error by its first 40 bytes, cut where a
// character starts, so that the error's value is valid UTF-8 for the log
// or the JSON answer that carries it.
func TestNotAnObjectQuotesWholeCharacters(t *testing.T) {
	in := []byte(`"8` + strings.Repeat("八", 30) + `"`)
	var p shipping.Policy
	err := json.Unmarshal(in, &p)
	require.ErrorIs(t, err, shipping.ErrInvalidJSON)
	var e *shipping.Error
	require.ErrorAs(t, err, &e)
	assert.True(t, utf8.ValidString(e.Value), "%q", e.Value)
	assert.LessOrEqual(t, len(e.Value), 40)
	assert.True(t, strings.HasPrefix(string(in), e.Value))
}
