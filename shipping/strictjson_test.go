package shipping_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestPolicyJSONStrict pins issue 11 #3 for the policy: decoded over the
// defaults, a field the policy does not have is refused and named with its
// path (never silently dropped, so a misspelled "postgae" cannot leave a
// shop charging the default postage), amounts are exact with at most two
// decimals, and the policy is unchanged on any error.
func TestPolicyJSONStrict(t *testing.T) {
	cases := []struct {
		reason string
		json   string
		err    error
		field  string
	}{
		{"unknown top-level field", `{"zonee":"+08:00"}`, shipping.ErrUnknownField, "zonee"},
		{"keys are matched exactly: Zone is not zone", `{"Zone":"+08:00"}`, shipping.ErrUnknownField, "Zone"},
		{"misspelled postage inside free_shipping", `{"free_shipping":{"postgae":"10.00"}}`, shipping.ErrUnknownField, "free_shipping.postgae"},
		{"misspelled surcharge of the second carrier", `{"carriers":[{"code":"yto"},{"code":"sf","surchage":"5.00"}]}`,
			shipping.ErrUnknownField, "carriers[1].surchage"},
		{"unknown field in a promotion's rule",
			`{"free_shipping_promotions":[{"start":"2026-06-01T00:00:00+08:00","end":"2026-06-02T00:00:00+08:00","rule":{"threshhold":"39.00"}}]}`,
			shipping.ErrUnknownField, "free_shipping_promotions[0].rule.threshhold"},
		{"unknown field in a big promotion", `{"big_promotions":[{"name":"618","stop":"2026-06-19T00:00:00+08:00"}]}`,
			shipping.ErrUnknownField, "big_promotions[0].stop"},
		{"unknown tracking limit", `{"tracking":{"lost":"168h"}}`, shipping.ErrUnknownField, "tracking.lost"},
		// Hostile: the same key twice, where decoders disagree on which wins.
		{"a key given twice", `{"free_shipping":{"threshold":"0.00","threshold":"99.00"}}`, shipping.ErrUnknownField, "free_shipping.threshold"},
		{"three decimals are refused, not rounded", `{"free_shipping":{"threshold":"128.505"}}`, shipping.ErrInvalidAmount, "free_shipping.threshold"},
		{"three decimals as a JSON number", `{"free_shipping":{"postage":9.999}}`, shipping.ErrInvalidAmount, "free_shipping.postage"},
		{"an exponent is no amount", `{"carriers":[{"code":"sf","surcharge":"1e2"}]}`, shipping.ErrInvalidAmount, "carriers[0].surcharge"},
		{"null is no amount", `{"free_shipping":{"threshold":null}}`, shipping.ErrInvalidAmount, "free_shipping.threshold"},
		// Hostile: a megabyte of digits is refused before any is read.
		{"a megabyte of digits", `{"free_shipping":{"threshold":"` + strings.Repeat("9", 1<<20) + `"}}`,
			shipping.ErrInvalidAmount, "free_shipping.threshold"},
		{"a number where a count goes", `{"normal_window_days":"1"}`, shipping.ErrInvalidJSON, "normal_window_days"},
		{"an object where a list goes", `{"carriers":{"code":"yto"}}`, shipping.ErrInvalidJSON, "carriers"},
		{"a list where an object goes", `{"free_shipping":[]}`, shipping.ErrInvalidJSON, "free_shipping"},
		{"a day that does not exist", `{"non_working_days":["2026-10-01","2026-02-30"]}`, shipping.ErrInvalidText, "non_working_days[1]"},
		{"an unknown region", `{"free_shipping":{"excluded_regions":["atlantis"]}}`, shipping.ErrUnknownRegion, "free_shipping.excluded_regions[0]"},
		// Hostile: a region name of a megabyte is refused before it is normalised.
		{"a megabyte region", `{"free_shipping":{"excluded_regions":["` + strings.Repeat("\u0301", 1<<19) + `"]}}`,
			shipping.ErrUnknownRegion, "free_shipping.excluded_regions[0]"},
		{"a clock past 24:00", `{"dispatch_cutoff":"25:00"}`, shipping.ErrInvalidText, "dispatch_cutoff"},
		{"a duration that is not Go's", `{"reminder_lead":"4 hours"}`, shipping.ErrInvalidText, "reminder_lead"},
		{"a time that is not RFC 3339", `{"big_promotions":[{"start":"2026-11-11","end":"2026-11-12T00:00:00+08:00"}]}`,
			shipping.ErrInvalidText, "big_promotions[0].start"},
		{"an unknown weekday", `{"weekly_rest":["funday"]}`, shipping.ErrInvalidText, "weekly_rest[0]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			p := shipping.DefaultPolicy()
			err := json.Unmarshal([]byte(c.json), &p)
			require.ErrorIs(t, err, c.err)
			require.ErrorIs(t, err, order.ErrInvalidInput, "the input class")
			var e *shipping.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, "shipping", e.Pkg)
			assert.Equal(t, shipping.DefaultPolicy(), p, "unchanged on error")
			assert.Less(t, len(err.Error()), 400, "the message quotes a clipped value")
		})
	}

	p := shipping.DefaultPolicy()
	require.ErrorIs(t, p.UnmarshalJSON([]byte(`{} {}`)), shipping.ErrInvalidJSON, "data after the value")
	require.ErrorIs(t, p.UnmarshalJSON([]byte(`"policy"`)), shipping.ErrInvalidJSON)
	require.NoError(t, p.UnmarshalJSON([]byte(`null`)), "null leaves the policy alone, as encoding/json does")
	assert.Equal(t, shipping.DefaultPolicy(), p)
}

// TestPolicyJSONAmountsExact: amounts decode exactly, with two decimals
// (rule P7): "88" and 88 are 88.00, never a float.
func TestPolicyJSONAmountsExact(t *testing.T) {
	p := shipping.DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"free_shipping":{"threshold":88,"postage":"6.5"},"carriers":[{"code":"yto","surcharge":"0.10"}]}`), &p))
	for _, c := range []struct {
		want string
		got  decimal.Decimal
	}{{"88.00", p.Free.Threshold}, {"6.50", p.Free.Postage}, {"0.10", p.Carriers[0].Surcharge}} {
		decEq(t, c.want, c.got)
		assert.Equal(t, int32(-2), c.got.Exponent(), "kept in fen: %s", c.want)
	}
	assert.Equal(t, shipping.DefaultPolicy().Free.ExcludedRegions, p.Free.ExcludedRegions, "decoded over the defaults")

	// Encoding never rounds: an amount that is not a whole number of fen
	// does not encode.
	q := shipping.DefaultPolicy()
	q.Free.Threshold = dec("128.505")
	_, err := json.Marshal(q)
	require.ErrorIs(t, err, shipping.ErrInvalidAmount)
}

// TestDecisionJSONStrict pins issue 11 #3 for every decision and input
// of the package: an unknown field, also inside a nested value, is refused
// and named; a tampered amount is refused; the target is unchanged.
func TestDecisionJSONStrict(t *testing.T) {
	p := shipping.DefaultPolicy()
	free := p.FreeShipping(build(t, spec("98.99", "0", "10.00")))
	s := spec("120.00", "0", "10.00")
	s.Status, s.PaidAt = order.AwaitingPayment, time.Time{}
	over := p.PostageOvercharge(build(t, s))
	promise, err := p.DispatchPromise(t0)
	require.NoError(t, err)
	review, err := p.ReviewPromise(t0, shipping.PromiseClaim{Wording: shipping.ShipsToday})
	require.NoError(t, err)
	reminder, err := p.PaymentReminder(shipping.Unpaid{Order: unpaidOrder(t), BuyerOnline: true}, t0.Add(4*time.Hour))
	require.NoError(t, err)
	choice, err := p.ChooseCarrier(order.HongKong, "")
	require.NoError(t, err)
	report, err := p.ClassifyParcel(paidAt(t, t0, time.Time{}), nil, t0.Add(48*time.Hour))
	require.NoError(t, err)

	type target = any
	cases := []struct {
		reason string
		v      func() target
		want   any
		json   string
		err    error
		field  string
	}{
		{"free shipping: unknown field", func() target { d := free; return &d }, free,
			`{"verdict":"refused","eligible":true}`, shipping.ErrUnknownField, "eligible"},
		{"free shipping: tampered overcharge", func() target { d := free; return &d }, free,
			`{"charged":"10.00","should_charge":"10.00","overcharge":"10.00"}`, shipping.ErrInvalidAmount, "overcharge"},
		{"free shipping: three decimals", func() target { d := free; return &d }, free,
			`{"shortfall":"0.015"}`, shipping.ErrInvalidAmount, "shortfall"},
		{"free shipping: unknown verdict", func() target { d := free; return &d }, free,
			`{"verdict":"maybe"}`, shipping.ErrUnknownCode, "verdict"},
		{"overcharge: unknown field inside its free-shipping decision", func() target { d := over; return &d }, over,
			`{"free_shipping":{"charged":"10.00","bonus":"1.00"}}`, shipping.ErrUnknownField, "free_shipping.bonus"},
		{"overcharge: amount that does not match", func() target { d := over; return &d }, over,
			`{"amount":"99.00","free_shipping":{"charged":"10.00"}}`, shipping.ErrInvalidAmount, "amount"},
		{"carrier choice: unknown field", func() target { d := choice; return &d }, choice,
			`{"carrier":"sf","discount":"5.00"}`, shipping.ErrUnknownField, "discount"},
		{"carrier choice: three decimals", func() target { d := choice; return &d }, choice,
			`{"difference":"12.001"}`, shipping.ErrInvalidAmount, "difference"},
		{"promise: unknown field", func() target { d := promise; return &d }, promise,
			`{"by":"2026-11-02T23:59:59+08:00","guaranteed":true}`, shipping.ErrUnknownField, "guaranteed"},
		{"promise: bad time", func() target { d := promise; return &d }, promise,
			`{"by":"tomorrow"}`, shipping.ErrInvalidText, "by"},
		{"review: unknown field inside the honest promise", func() target { d := review; return &d }, review,
			`{"verdict":"allowed","honest":{"days":1,"date":"2026-11-02"}}`, shipping.ErrUnknownField, "honest.date"},
		{"reminder: unknown field", func() target { d := reminder; return &d }, reminder,
			`{"verdict":"allowed","send":true}`, shipping.ErrUnknownField, "send"},
		{"reminder: bad time", func() target { d := reminder; return &d }, reminder,
			`{"until":"16:00"}`, shipping.ErrInvalidText, "until"},
		{"parcel report: unknown field inside its promise", func() target { d := report; return &d }, report,
			`{"situation":"late_dispatch","promise":{"wording":"ships_today","exact":true}}`, shipping.ErrUnknownField, "promise.exact"},
		{"parcel report: unknown action", func() target { d := report; return &d }, report,
			`{"actions":["pray"]}`, shipping.ErrUnknownCode, "actions"},
		{"claim: unknown field", func() target { return &shipping.PromiseClaim{} }, shipping.PromiseClaim{},
			`{"wording":"ships_today","when":"now"}`, shipping.ErrUnknownField, "when"},
		{"claim: bad date", func() target { return &shipping.PromiseClaim{} }, shipping.PromiseClaim{},
			`{"date":"12 November"}`, shipping.ErrInvalidText, "date"},
		{"tracking event: unknown field", func() target { return &shipping.TrackingEvent{} }, shipping.TrackingEvent{},
			`{"at":"2026-11-02T10:00:00+08:00","stage":"outbound","by":"sf"}`, shipping.ErrUnknownField, "by"},
		{"tracking event: unknown stage", func() target { return &shipping.TrackingEvent{} }, shipping.TrackingEvent{},
			`{"stage":"teleported"}`, shipping.ErrUnknownStage, "stage"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			v := c.v()
			err := json.Unmarshal([]byte(c.json), v)
			require.ErrorIs(t, err, c.err)
			var e *shipping.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, c.want, deref(v), "unchanged on error")
		})
	}
}

// deref returns the value a decoder target points to.
func deref(v any) any {
	switch x := v.(type) {
	case *shipping.FreeShippingDecision:
		return *x
	case *shipping.Overcharge:
		return *x
	case *shipping.CarrierChoice:
		return *x
	case *shipping.DispatchPromise:
		return *x
	case *shipping.PromiseReview:
		return *x
	case *shipping.Reminder:
		return *x
	case *shipping.ParcelReport:
		return *x
	case *shipping.PromiseClaim:
		return *x
	case *shipping.TrackingEvent:
		return *x
	}
	return v
}

// TestInputsJSON: the inputs a console sends — a claim to review, a
// tracking history — decode from their documented JSON.
func TestInputsJSON(t *testing.T) {
	var c shipping.PromiseClaim
	require.NoError(t, json.Unmarshal([]byte(`{"wording":"within_days","days":3,"date":"2026-11-12","delivery":true}`), &c))
	assert.Equal(t, shipping.PromiseClaim{Wording: shipping.WithinDays, Days: 3, Date: shipping.Date{Year: 2026, Month: 11, Day: 12}, Delivery: true}, c)
	var h []shipping.TrackingEvent
	require.NoError(t, json.Unmarshal([]byte(`[{"at":"2026-11-02T18:00:00+08:00","stage":"outbound"},{"at":"2026-11-02T19:00:00+08:00","stage":"picked_up","place":"杭州"}]`), &h))
	require.Len(t, h, 2)
	assert.Equal(t, shipping.PickedUp, h[1].Stage)
	assert.Equal(t, "杭州", h[1].Place)
	assert.True(t, at(2026, 11, 2, 18, 0, 0).Equal(h[0].At))
}
