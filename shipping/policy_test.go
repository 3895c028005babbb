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

// TestDefaultPolicy pins the defaults DOMAIN.md gives: rule S1 (99.00 and
// the excluded regions), rule S3 (SF alone for HK/MO/TW), rule S6 (next
// day, 3 days in a big promotion).
func TestDefaultPolicy(t *testing.T) {
	p := shipping.DefaultPolicy()
	require.NoError(t, p.Validate())
	decEq(t, "99.00", p.Free.Threshold)
	assert.ElementsMatch(t, []order.Region{order.Xinjiang, order.Tibet, order.HongKong, order.Macao, order.Taiwan, order.Abroad},
		p.Free.ExcludedRegions)
	assert.Equal(t, 1, p.NormalWindowDays)
	assert.Equal(t, 3, p.PromotionWindowDays)
	assert.Equal(t, "sf", p.SFCarrier)
	for _, r := range []order.Region{order.HongKong, order.Macao, order.Taiwan} {
		got, err := p.CarriersFor(r)
		require.NoError(t, err)
		assert.Equal(t, []string{"sf"}, got)
	}
	for _, pat := range []string{"中转仓", "转运仓", "集散中心"} {
		assert.Contains(t, p.TransitPatterns, pat)
	}
	loc, err := p.Location()
	require.NoError(t, err)
	_, off := t0.In(loc).Zone()
	assert.Equal(t, 8*3600, off)
}

// TestValidate: an invalid policy is rejected naming the field.
func TestValidate(t *testing.T) {
	period := func(s, e time.Time) shipping.Period { return shipping.Period{Start: s, End: e} }
	cases := []struct {
		reason string
		edit   func(*shipping.Policy)
		field  string
		err    error
	}{
		{"negative threshold", func(p *shipping.Policy) { p.Free.Threshold = dec("-0.01") }, "free_shipping.threshold", shipping.ErrInvalidAmount},
		{"three decimals", func(p *shipping.Policy) { p.Free.Threshold = dec("99.001") }, "free_shipping.threshold", shipping.ErrInvalidAmount},
		{"negative postage", func(p *shipping.Policy) { p.Free.Postage = dec("-8") }, "free_shipping.postage", shipping.ErrInvalidAmount},
		{"negative quantity", func(p *shipping.Policy) { p.Free.MinQuantity = -1 }, "free_shipping.min_quantity", shipping.ErrNegative},
		{"unknown excluded region", func(p *shipping.Policy) { p.Free.ExcludedRegions = []order.Region{order.Region(99)} }, "free_shipping.excluded_regions[0]", shipping.ErrUnknownRegion},
		{"region listed twice", func(p *shipping.Policy) { p.Free.ExcludedRegions = []order.Region{order.Tibet, order.Tibet} }, "free_shipping.excluded_regions[1]", shipping.ErrDuplicate},
		{"bad SKU", func(p *shipping.Policy) { p.Free.ExcludedSKUs = []string{"A B"} }, "free_shipping.excluded_skus[0]", shipping.ErrInvalidSKU},
		{"non-canonical SKU", func(p *shipping.Policy) { p.Free.ExcludedSKUs = []string{"ＡＢ-1"} }, "free_shipping.excluded_skus[0]", shipping.ErrInvalidSKU},
		{"inverted promotion", func(p *shipping.Policy) {
			p.FreePromotions = []shipping.FreeShippingPromotion{{Period: period(t0, t0.Add(-time.Hour))}}
		}, "free_shipping_promotions[0].end", shipping.ErrInvertedPeriod},
		{"empty promotion", func(p *shipping.Policy) {
			p.FreePromotions = []shipping.FreeShippingPromotion{{Period: period(t0, t0)}}
		}, "free_shipping_promotions[0].end", shipping.ErrInvertedPeriod},
		{"overlapping promotions", func(p *shipping.Policy) {
			p.FreePromotions = []shipping.FreeShippingPromotion{{Period: period(t0, t0.Add(48*time.Hour))}, {Period: period(t0.Add(24*time.Hour), t0.Add(72*time.Hour))}}
		}, "free_shipping_promotions[1]", shipping.ErrOverlappingPeriods},
		{"promotion rule invalid", func(p *shipping.Policy) {
			p.FreePromotions = []shipping.FreeShippingPromotion{{Period: period(t0, t0.Add(time.Hour)), Rule: shipping.FreeShippingRule{Threshold: dec("-1")}}}
		}, "free_shipping_promotions[0].rule.threshold", shipping.ErrInvalidAmount},
		{"overlapping big promotions", func(p *shipping.Policy) {
			p.BigPromotions = []shipping.Period{period(t0, t0.Add(48*time.Hour)), period(t0.Add(47*time.Hour), t0.Add(72*time.Hour))}
		}, "big_promotions[1]", shipping.ErrOverlappingPeriods},
		{"big promotion without end", func(p *shipping.Policy) { p.BigPromotions = []shipping.Period{{Start: t0}} }, "big_promotions[0].end", shipping.ErrMissing},
		{"no carriers", func(p *shipping.Policy) { p.Carriers = nil }, "carriers", shipping.ErrMissing},
		{"bad carrier code", func(p *shipping.Policy) { p.Carriers[1].Code = "ZTO" }, "carriers[1].code", shipping.ErrInvalidText},
		{"carrier twice", func(p *shipping.Policy) { p.Carriers[1].Code = "yto" }, "carriers[1].code", shipping.ErrDuplicate},
		{"negative surcharge", func(p *shipping.Policy) { p.Carriers[2].Surcharge = dec("-5") }, "carriers[2].surcharge", shipping.ErrInvalidAmount},
		{"rule S3: a non-SF carrier to Hong Kong", func(p *shipping.Policy) { p.Carriers[0].Regions = []order.Region{order.Zhejiang, order.HongKong} }, "carriers[0].regions[1]", shipping.ErrInvalidCarrier},
		{"unknown carrier region", func(p *shipping.Policy) { p.Carriers[0].Except = []order.Region{0} }, "carriers[0].except[0]", shipping.ErrUnknownRegion},
		{"unknown default carrier", func(p *shipping.Policy) { p.DefaultCarrier = "ems" }, "default_carrier", shipping.ErrUnknownCarrier},
		{"no default carrier", func(p *shipping.Policy) { p.DefaultCarrier = "" }, "default_carrier", shipping.ErrMissing},
		{"unknown SF carrier", func(p *shipping.Policy) { p.SFCarrier = "shunfeng" }, "sf_carrier", shipping.ErrUnknownCarrier},
		{"pattern not in key form", func(p *shipping.Policy) { p.TransitPatterns = []string{"中转 仓"} }, "transit_patterns[0]", shipping.ErrInvalidText},
		{"empty pattern", func(p *shipping.Policy) { p.TransitPatterns = []string{""} }, "transit_patterns[0]", shipping.ErrMissing},
		{"no cutoff", func(p *shipping.Policy) { p.Cutoff = 0 }, "dispatch_cutoff", shipping.ErrMissing},
		{"zero window", func(p *shipping.Policy) { p.NormalWindowDays = 0 }, "normal_window_days", shipping.ErrNegative},
		{"promotion window shorter than normal", func(p *shipping.Policy) { p.NormalWindowDays, p.PromotionWindowDays = 2, 1 }, "promotion_window_days", shipping.ErrNegative},
		{"bad non-working day", func(p *shipping.Policy) { p.NonWorkingDays = []shipping.Date{{Year: 2026, Month: 2, Day: 30}} }, "non_working_days[0]", shipping.ErrInvalidText},
		{"non-working day twice", func(p *shipping.Policy) {
			p.NonWorkingDays = []shipping.Date{{Year: 2026, Month: 10, Day: 1}, {Year: 2026, Month: 10, Day: 1}}
		}, "non_working_days[1]", shipping.ErrDuplicate},
		{"unknown zone", func(p *shipping.Policy) { p.Zone = "Moon/Base" }, "zone", shipping.ErrInvalidZone},
		{"negative tracking limit", func(p *shipping.Policy) { p.Tracking.NoTrackingAfter = -1 }, "tracking.no_tracking_after", shipping.ErrNegative},
		{"lost before stalled", func(p *shipping.Policy) { p.Tracking.LostAfter = order.Duration(time.Hour) }, "tracking.lost_after", shipping.ErrNegative},
		{"hostile: ten thousand non-working days", func(p *shipping.Policy) {
			d := shipping.Date{Year: 2026, Month: 1, Day: 1}
			for range 10000 {
				p.NonWorkingDays = append(p.NonWorkingDays, d)
				d = d.AddDays(1)
			}
		}, "non_working_days", shipping.ErrNegative},
		{"lost before the no-tracking limit", func(p *shipping.Policy) {
			p.Tracking.NoTrackingAfter = p.Tracking.LostAfter + 1
		}, "tracking.lost_after", shipping.ErrNegative},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			p := shipping.DefaultPolicy()
			c.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, c.err)
			require.ErrorIs(t, err, shipping.ErrInvalidPolicy, "every Validate error is an invalid policy")
			var e *shipping.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.True(t, strings.HasPrefix(err.Error(), "shipping: "+c.field), err.Error())
		})
	}
}

func TestErrorMessageQuotesValue(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Free.Threshold = dec("-1")
	assert.EqualError(t, p.Validate(), `shipping: free_shipping.threshold "-1.00": invalid amount: must not be negative`)
	assert.ErrorIs(t, p.Validate(), order.ErrInvalidAmount, "the same sentinel as package order")
}

func TestPolicyJSON(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.NonWorkingDays = []shipping.Date{{Year: 2026, Month: 10, Day: 1}}
	p.BigPromotions = []shipping.Period{{Name: "双11", Start: at(2026, 11, 11, 0, 0, 0), End: at(2026, 11, 14, 0, 0, 0)}}
	p.FreePromotions = []shipping.FreeShippingPromotion{{
		Period: shipping.Period{Name: "年货节", Start: at(2026, 1, 10, 0, 0, 0), End: at(2026, 1, 20, 0, 0, 0)},
		Rule:   shipping.FreeShippingRule{Threshold: decimal.New(59, 0), ExcludedSKUs: []string{"BIG-1"}},
	}}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	s := string(b)
	for _, want := range []string{`"threshold":"99.00"`, `"threshold":"59.00"`, `"excluded_regions":["xinjiang","tibet","hong_kong","macao","taiwan","abroad"]`,
		`"dispatch_cutoff":"16:00"`, `"non_working_days":["2026-10-01"]`, `"lost_after":"168h0m0s"`, `"default_carrier":"yto"`,
		`"surcharge":"0.00"`, `"start":"2026-11-11T00:00:00+08:00"`} {
		assert.Contains(t, s, want)
	}
	var back shipping.Policy
	require.NoError(t, json.Unmarshal(b, &back))
	require.NoError(t, back.Validate())
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, s, string(again))

	// Hand-written JSON: money as strings or numbers, regions by any name.
	in := `{"free_shipping":{"threshold":88,"excluded_regions":["CN-XZ","新疆"],"postage":"6.00"},
		"carriers":[{"code":"yto"},{"code":"sf","regions":["hong_kong","香港"]}],"default_carrier":"yto","sf_carrier":"sf",
		"dispatch_cutoff":"17:30","normal_window_days":1,"promotion_window_days":3,
		"tracking":{"no_tracking_after":"24h","stalled_origin_after":"48h","stalled_destination_after":"48h","lost_after":"7d"}}`
	err = json.Unmarshal([]byte(in), &back)
	require.Error(t, err, `"7d" is not a Go duration`)
	require.ErrorIs(t, err, shipping.ErrInvalidText)

	in = strings.Replace(in, `"7d"`, `"168h"`, 1)
	var q shipping.Policy
	require.NoError(t, json.Unmarshal([]byte(in), &q))
	err = q.Validate()
	require.ErrorIs(t, err, shipping.ErrDuplicate, "香港 is hong_kong again")
	q.Carriers[1].Regions = q.Carriers[1].Regions[:1]
	require.NoError(t, q.Validate())
	decEq(t, "88", q.Free.Threshold)
	assert.Equal(t, []order.Region{order.Tibet, order.Xinjiang}, q.Free.ExcludedRegions)
	assert.Equal(t, "17:30", q.Cutoff.String())
}

func TestReasonNamesDoNotDrift(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range shipping.Reasons() {
		s := r.String()
		require.NotContains(t, s, "Reason(", "every reason has a name")
		require.False(t, seen[s], "duplicate name %q", s)
		seen[s] = true
		back, err := shipping.ParseReason(s)
		require.NoError(t, err)
		assert.Equal(t, r, back)
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, s, string(b))
	}
	// Codes are stable: the first and a few others keep their numbers.
	assert.Equal(t, shipping.Reason(1), shipping.BelowThreshold)
	assert.Equal(t, "below_threshold", shipping.BelowThreshold.String())
	assert.Equal(t, "transit_warehouse", shipping.TransitWarehouseAddress.String())
	assert.Less(t, len(shipping.Reasons()), 64, "a ReasonSet holds at most 64 codes")
	_, err := shipping.ParseReason("nope")
	require.ErrorIs(t, err, shipping.ErrUnknownReason)
	_, err = shipping.ReasonUnknown.MarshalText()
	require.ErrorIs(t, err, shipping.ErrUnknownReason)

	var set shipping.ReasonSet
	set = set.With(shipping.ExcludedSKU).With(shipping.BelowThreshold)
	assert.Equal(t, 2, set.Len())
	assert.Equal(t, []string{"below_threshold", "excluded_sku"}, set.Strings())
	var all []shipping.Reason
	for r := range set.All() {
		all = append(all, r)
	}
	assert.Equal(t, []shipping.Reason{shipping.BelowThreshold, shipping.ExcludedSKU}, all)
}

func TestClockAndDate(t *testing.T) {
	for s, ok := range map[string]bool{"16:00": true, "00:00:01": true, "24:00": true, "23:59:59": true,
		"00:00": false, "24:01": false, "7:00": false, "16:60": false, "16-00": false, "+1:00": false, "": false} {
		c, err := order.ParseClock(s)
		assert.Equal(t, ok, err == nil, s)
		if ok {
			assert.Equal(t, strings.TrimSuffix(s, ":00:01")+map[bool]string{true: ":00:01", false: ""}[strings.HasSuffix(s, ":00:01")], c.String())
		} else {
			require.ErrorIs(t, err, shipping.ErrInvalidText)
		}
	}
	assert.Equal(t, "Clock(0)", order.Clock(0).String())

	d, err := shipping.ParseDate("2026-10-01")
	require.NoError(t, err)
	assert.Equal(t, shipping.Date{Year: 2026, Month: 10, Day: 1}, d)
	assert.Equal(t, "2026-10-02", d.AddDays(1).String())
	assert.Equal(t, 31, d.DaysUntil(shipping.Date{Year: 2026, Month: 11, Day: 1}))
	_, err = shipping.ParseDate("2026-02-30")
	require.ErrorIs(t, err, shipping.ErrInvalidText)
	_, err = shipping.Date{Year: 2026, Month: 2, Day: 30}.MarshalText()
	require.ErrorIs(t, err, shipping.ErrInvalidText)
}

// TestSetsJSON: sets of codes are stored as names, never as numbers.
func TestSetsJSON(t *testing.T) {
	rs := shipping.ReasonSet(0).With(shipping.CutoffPassed).With(shipping.BigPromotion)
	b, err := json.Marshal(rs)
	require.NoError(t, err)
	assert.Equal(t, `["cutoff_passed","big_promotion"]`, string(b))
	var back shipping.ReasonSet
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, rs, back)
	require.ErrorIs(t, json.Unmarshal([]byte(`["nope"]`), &back), shipping.ErrUnknownReason)
	assert.Equal(t, rs, back, "unchanged on error")

	b, err = json.Marshal(shipping.ReasonSet(0))
	require.NoError(t, err)
	assert.Equal(t, `[]`, string(b))

	as := shipping.ActionSet(0).With(shipping.AnswerAtOnce).With(shipping.ChaseCourier)
	b, err = json.Marshal(as)
	require.NoError(t, err)
	assert.Equal(t, `["answer_at_once","chase_courier"]`, string(b))
	var aback shipping.ActionSet
	require.NoError(t, json.Unmarshal(b, &aback))
	assert.Equal(t, as, aback)

	ms := shipping.RemedySet(0).With(shipping.RefundDifference)
	b, err = json.Marshal(ms)
	require.NoError(t, err)
	assert.Equal(t, `["refund_difference"]`, string(b))
	var mback shipping.RemedySet
	require.NoError(t, json.Unmarshal(b, &mback))
	assert.Equal(t, ms, mback)
	require.ErrorIs(t, json.Unmarshal([]byte(`["teleport"]`), &mback), shipping.ErrUnknownCode)

	pr, err := shipping.DefaultPolicy().DispatchPromise(at(2026, 11, 2, 17, 0, 0))
	require.NoError(t, err)
	b, err = json.Marshal(pr)
	require.NoError(t, err)
	assert.Equal(t, `{"by":"2026-11-03T23:59:59+08:00","wording":"ships_tomorrow","days":2,"reasons":["cutoff_passed"]}`, string(b))
	var pback shipping.DispatchPromise
	require.NoError(t, json.Unmarshal(b, &pback))
	assert.True(t, pr.By.Equal(pback.By))
	assert.Equal(t, pr.Reasons, pback.Reasons)
}

// TestPolicyJSONOverDefaults: a shop's file decoded onto DefaultPolicy
// overrides only what it sets — setting the free-shipping threshold keeps
// the excluded regions (rule S1) — and a bad file leaves the policy as it
// was, not half overwritten.
func TestPolicyJSONOverDefaults(t *testing.T) {
	p := shipping.DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"free_shipping":{"threshold":"88.00"},"dispatch_cutoff":"17:00"}`), &p))
	require.NoError(t, p.Validate())
	decEq(t, "88.00", p.Free.Threshold)
	assert.Equal(t, shipping.DefaultPolicy().Free.ExcludedRegions, p.Free.ExcludedRegions, "Xinjiang still pays postage")
	assert.Equal(t, "17:00", p.Cutoff.String())
	assert.Len(t, p.Carriers, 3)

	before := shipping.DefaultPolicy()
	p = shipping.DefaultPolicy()
	err := json.Unmarshal([]byte(`{"dispatch_cutoff":"18:00","transit_patterns":["仓库"],"free_shipping":{"excluded_regions":["xinjiang"]},"tracking":{"lost_after":"a week"}}`), &p)
	require.ErrorIs(t, err, shipping.ErrInvalidText)
	assert.Equal(t, before, p, "unchanged on error")
}

// TestPolicyJSONNewPeriodsStartAfresh: a file's promotions replace the
// policy's, and a new promotion inherits nothing — no name, no excluded
// SKU — from the one that was at its position (encoding/json would merge
// them).
func TestPolicyJSONNewPeriodsStartAfresh(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.BigPromotions = []shipping.Period{{Name: "双11", Start: at(2026, 11, 11, 0, 0, 0), End: at(2026, 11, 14, 0, 0, 0)}}
	p.FreePromotions = []shipping.FreeShippingPromotion{{
		Period: shipping.Period{Name: "年货节", Start: at(2026, 1, 10, 0, 0, 0), End: at(2026, 1, 20, 0, 0, 0)},
		Rule:   shipping.FreeShippingRule{Threshold: dec("59.00"), ExcludedSKUs: []string{"BIG-1"}},
	}}
	in := `{"big_promotions":[{"start":"2027-06-18T00:00:00+08:00","end":"2027-06-19T00:00:00+08:00"}],
		"free_shipping_promotions":[{"start":"2027-06-01T00:00:00+08:00","end":"2027-06-02T00:00:00+08:00","rule":{"threshold":"39.00"}}]}`
	require.NoError(t, json.Unmarshal([]byte(in), &p))
	require.NoError(t, p.Validate())
	require.Len(t, p.BigPromotions, 1)
	assert.Empty(t, p.BigPromotions[0].Name)
	require.Len(t, p.FreePromotions, 1)
	assert.Empty(t, p.FreePromotions[0].Name)
	assert.Empty(t, p.FreePromotions[0].Rule.ExcludedSKUs)
	decEq(t, "39.00", p.FreePromotions[0].Rule.Threshold)
}
