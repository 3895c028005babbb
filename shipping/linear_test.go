package shipping_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// maxCostRatio is how much longer an input 1000 times larger (1 kB and
// 1 MB, or 1,000 and 100,000 items) may take (issue 10: hostile input costs
// linear time). Linear work gives about 1000; quadratic work a million.
const maxCostRatio = 1500

// linearCost fails when large takes more than maxCostRatio times as long
// as small, in CPU time of the test's thread ([costtest.AssertLinear]), so
// that other work on a shared machine does not decide the result.
func linearCost(t *testing.T, small, large func()) {
	t.Helper()
	costtest.AssertLinear(t, small, large, maxCostRatio)
}

// sized returns the JSON list of items from item(i), as long as it takes
// to reach n bytes.
func sized(n int, item func(i int) string) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item(i))
	}
	b.WriteByte(']')
	return b.String()
}

const (
	kB = 1 << 10
	MB = 1 << 20
)

// decodePolicy decodes b over the default policy and validates it, as a
// shop loading its file does.
func decodePolicy(b []byte) func() {
	return func() {
		p := shipping.DefaultPolicy()
		if json.Unmarshal(b, &p) == nil {
			sinkErr = p.Validate()
		}
	}
}

// TestLinearCostPolicy: loading a shop's policy costs time in proportion
// to its size, whatever it holds: long lists, long texts, a megabyte of
// digits, unknown fields. Lists and texts past the documented bounds are
// refused (by decoding or by Validate) before they are normalised.
func TestLinearCostPolicy(t *testing.T) {
	for _, c := range []struct {
		reason string
		doc    func(n int) string
	}{
		{"transit patterns", func(n int) string {
			return `{"transit_patterns":` + sized(n, func(i int) string { return fmt.Sprintf(`"中转仓%d"`, i) }) + `}`
		}},
		// Hostile: one pattern of combining marks, costly to normalise.
		{"one long pattern", func(n int) string {
			return `{"transit_patterns":["` + strings.Repeat("\u0301", n/2) + `"]}`
		}},
		{"an amount's digits", func(n int) string {
			return `{"free_shipping":{"threshold":"` + strings.Repeat("9", n) + `"}}`
		}},
		{"an unknown field's value", func(n int) string {
			return `{"free_shipping":{"thresold":"` + strings.Repeat("x", n) + `"}}`
		}},
		{"excluded SKUs", func(n int) string {
			return `{"free_shipping":{"excluded_skus":` + sized(n, func(i int) string { return fmt.Sprintf(`"SKU-%d"`, i) }) + `}}`
		}},
		{"excluded regions, all the same", func(n int) string {
			return `{"free_shipping":{"excluded_regions":` + sized(n, func(int) string { return `"xinjiang"` }) + `}}`
		}},
		{"big promotions (sort and sweep)", func(n int) string {
			return `{"big_promotions":` + sized(n, func(i int) string {
				s := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
				return fmt.Sprintf(`{"start":%q,"end":%q}`, s.Format(time.RFC3339), s.Add(time.Hour).Format(time.RFC3339))
			}) + `}`
		}},
		{"free-shipping promotions", func(n int) string {
			return `{"free_shipping_promotions":` + sized(n, func(i int) string {
				s := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour)
				return fmt.Sprintf(`{"start":%q,"end":%q,"rule":{"threshold":"59.00"}}`, s.Format(time.RFC3339), s.Add(time.Hour).Format(time.RFC3339))
			}) + `}`
		}},
		{"non-working days", func(n int) string {
			return `{"non_working_days":` + sized(n, func(i int) string {
				return `"` + time.Date(2026, 1, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly) + `"`
			}) + `}`
		}},
		{"carriers", func(n int) string {
			return `{"carriers":` + sized(n, func(i int) string { return fmt.Sprintf(`{"code":"c%d","aliases":["快递%d"]}`, i, i) }) + `}`
		}},
		{"a carrier's aliases", func(n int) string {
			return `{"carriers":[{"code":"yto","aliases":` + sized(n, func(i int) string { return fmt.Sprintf(`"圆通%d"`, i) }) + `}],"default_carrier":"yto","sf_carrier":""}`
		}},
		{"a carrier's name", func(n int) string {
			return `{"carriers":[{"code":"yto","name":"` + strings.Repeat("圆", n/3) + `"}],"default_carrier":"yto","sf_carrier":""}`
		}},
		{"a zone's name", func(n int) string { return `{"zone":"` + strings.Repeat("A", n) + `"}` }},
		{"a period's name", func(n int) string {
			return `{"big_promotions":[{"name":"` + strings.Repeat("双", n/3) + `","start":"2026-11-11T00:00:00+08:00","end":"2026-11-12T00:00:00+08:00"}]}`
		}},
	} {
		t.Run(c.reason, func(t *testing.T) {
			small, large := []byte(c.doc(kB)), []byte(c.doc(MB))
			require.Less(t, len(small), 2*kB)
			linearCost(t, decodePolicy(small), decodePolicy(large))
		})
	}
}

// TestLinearCostValidate: a policy built in Go, not decoded, is refused
// past its bounds at once: Validate never walks a list it will refuse.
func TestLinearCostValidate(t *testing.T) {
	mk := func(n int) shipping.Policy {
		p := shipping.DefaultPolicy()
		for i := range n {
			p.TransitPatterns = append(p.TransitPatterns, fmt.Sprintf("仓%d", i))
			p.Free.ExcludedSKUs = append(p.Free.ExcludedSKUs, fmt.Sprintf("S-%d", i))
			s := t0.Add(time.Duration(n-i) * time.Hour) // in reverse order
			p.BigPromotions = append(p.BigPromotions, shipping.Period{Start: s, End: s.Add(time.Hour)})
		}
		return p
	}
	small, large := mk(1000), mk(100_000)
	linearCost(t, func() { sinkErr = small.Validate() }, func() { sinkErr = large.Validate() })
	_, err := large.Checks()
	require.ErrorIs(t, err, shipping.ErrNegative)
}

// TestLinearCostDecisions: every decision and input decoder costs time in
// proportion to its JSON, for a long list of reason names and for a long
// unknown field.
func TestLinearCostDecisions(t *testing.T) {
	reasons := func(n int) string { return sized(n, func(int) string { return `"below_threshold"` }) }
	// Hostile: a field the type does not have, holding a long string — a
	// strict decoder reads it once and refuses it.
	unknown := func(n int) string { return `"extra":"` + strings.Repeat("x", n) + `"` }
	decoders := []struct {
		name string
		doc  func(n int) string
		into func() any
	}{
		{"FreeShippingDecision", func(n int) string { return `{"verdict":"refused",` + unknown(n) + `}` },
			func() any { return new(shipping.FreeShippingDecision) }},
		{"CarrierChoice", func(n int) string { return `{"carrier":"sf",` + unknown(n) + `}` },
			func() any { return new(shipping.CarrierChoice) }},
		{"Overcharge", func(n int) string { return `{"overcharged":false,"free_shipping":{` + unknown(n) + `}}` },
			func() any { return new(shipping.Overcharge) }},
		{"DispatchPromise", func(n int) string { return `{"wording":"ships_today",` + unknown(n) + `}` },
			func() any { return new(shipping.DispatchPromise) }},
		{"PromiseReview", func(n int) string { return `{"verdict":"refused","honest":{` + unknown(n) + `}}` },
			func() any { return new(shipping.PromiseReview) }},
		{"Reminder", func(n int) string { return `{"verdict":"refused",` + unknown(n) + `}` },
			func() any { return new(shipping.Reminder) }},
		{"ParcelReport", func(n int) string { return `{"situation":"on_the_way",` + unknown(n) + `}` },
			func() any { return new(shipping.ParcelReport) }},
		{"PromiseClaim", func(n int) string { return `{"wording":"ships_today",` + unknown(n) + `}` },
			func() any { return new(shipping.PromiseClaim) }},
		{"TrackingEvent", func(n int) string { return `{"stage":"outbound","place":"` + strings.Repeat("杭", n/3) + `"}` },
			func() any { return new(shipping.TrackingEvent) }},
		{"FreeShippingRule", func(n int) string { return `{` + unknown(n) + `}` },
			func() any { return new(shipping.FreeShippingRule) }},
		{"Carrier", func(n int) string { return `{"code":"yto",` + unknown(n) + `}` },
			func() any { return new(shipping.Carrier) }},
		{"FreeShippingPromotion", func(n int) string { return `{"rule":{` + unknown(n) + `}}` },
			func() any { return new(shipping.FreeShippingPromotion) }},
		{"Period: a long time", func(n int) string { return `{"start":"` + strings.Repeat("2", n) + `"}` },
			func() any { return new(shipping.Period) }},
		{"TrackingLimits: a long duration", func(n int) string { return `{"lost_after":"` + strings.Repeat("1", n) + `h"}` },
			func() any { return new(shipping.TrackingLimits) }},
		{"a reason set of many names", reasons, func() any { return new(shipping.ReasonSet) }},
		{"a tracking history of many events", func(n int) string {
			return sized(n, func(i int) string { return `{"at":"2026-11-02T18:00:00+08:00","stage":"in_transit"}` })
		}, func() any { return new([]shipping.TrackingEvent) }},
	}
	for _, d := range decoders {
		t.Run(d.name, func(t *testing.T) {
			small, large := []byte(d.doc(kB)), []byte(d.doc(MB))
			run := func(b []byte) func() { return func() { sinkErr = json.Unmarshal(b, d.into()) } }
			linearCost(t, run(small), run(large))
		})
	}
}

// TestLinearCostText: the package's text parsers and the readers of
// buyer and address text cost time in proportion to the text, and refuse
// (or ignore) text past their bounds before normalising it.
func TestLinearCostText(t *testing.T) {
	p := shipping.DefaultPolicy()
	for _, c := range []struct {
		reason string
		run    func(s string)
	}{
		{"ParseStage", func(s string) { _, sinkErr = shipping.ParseStage(s) }},
		{"ParseReason", func(s string) { _, sinkErr = shipping.ParseReason(s) }},
		{"ParseWording", func(s string) { _, sinkErr = shipping.ParseWording(s) }},
		{"ParseDate", func(s string) { _, sinkErr = shipping.ParseDate(s) }},
		{"Weekday text", func(s string) { var w shipping.Weekday; sinkErr = w.UnmarshalText([]byte(s)) }},
		{"Remedy text", func(s string) { var r shipping.Remedy; sinkErr = r.UnmarshalText([]byte(s)) }},
		{"RequestedCarrier", func(s string) { _, _ = p.RequestedCarrier(s) }},
		{"TransitWarehouse", func(s string) { _, _ = p.TransitWarehouse(order.Address{Recipient: s, Detail: s}) }},
		{"ChooseCarrier", func(s string) { _, sinkErr = p.ChooseCarrier(order.Zhejiang, s) }},
	} {
		t.Run(c.reason, func(t *testing.T) {
			// Hostile: combining marks and full-width letters, which
			// normalisation works hardest on, around a carrier's name.
			unit := "请发顺丰\u0301\u0302ＳＦ "
			text := func(n int) string { return strings.Repeat(unit, n/len(unit)) }
			small, large := text(kB), text(MB)
			linearCost(t, func() { c.run(small) }, func() { c.run(large) })
		})
	}
}

// TestLinearCostBatches: the batch entry points cost time in proportion
// to the batch: a tracking history of 1,000 or 100,000 events, and 1,000 or
// 100,000 unpaid orders to remind.
func TestLinearCostBatches(t *testing.T) {
	p := shipping.DefaultPolicy()
	out := at(2026, 11, 2, 18, 0, 0)
	o := paidAt(t, t0, out)
	history := func(n int) []shipping.TrackingEvent {
		h := []shipping.TrackingEvent{ev(out, shipping.Outbound)}
		for i := 1; i < n; i++ {
			h = append(h, ev(out.Add(time.Duration(i)*time.Millisecond), shipping.InTransit))
		}
		return h
	}
	hs, hl := history(1000), history(100_000)
	now := out.Add(2 * time.Hour)
	t.Run("ClassifyParcel", func(t *testing.T) {
		linearCost(t, func() { _, sinkErr = p.ClassifyParcel(o, hs, now) }, func() { _, sinkErr = p.ClassifyParcel(o, hl, now) })
	})
	t.Run("NoticeDue", func(t *testing.T) {
		linearCost(t, func() { _, _ = shipping.NoticeDue(o, hs, time.Time{}) }, func() { _, _ = shipping.NoticeDue(o, hl, time.Time{}) })
	})
	u := shipping.Unpaid{Order: unpaidOrder(t), BuyerOnline: true}
	unpaid := func(n int) []shipping.Unpaid {
		us := make([]shipping.Unpaid, n)
		for i := range us {
			us[i] = u
		}
		return us
	}
	us, ul := unpaid(1000), unpaid(100_000)
	t.Run("DueReminders", func(t *testing.T) {
		linearCost(t, func() { _, sinkErr = p.DueReminders(us, t0.Add(4*time.Hour)) }, func() { _, sinkErr = p.DueReminders(ul, t0.Add(4*time.Hour)) })
	})
}
