package shipping_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// FuzzPolicyJSON checks that loading any JSON as a policy never panics,
// that no method panics on whatever loaded (valid or not), that
// [shipping.Prepare] refuses exactly the invalid ones and prepares the
// valid ones to decide alike, and that a valid policy round-trips: encoded, decoded and encoded again it gives
// the same JSON and is still valid.
func FuzzPolicyJSON(f *testing.F) {
	good, _ := json.Marshal(shipping.DefaultPolicy())
	f.Add(good)
	rich := shipping.DefaultPolicy()
	rich.WeeklyRest = []shipping.Weekday{0}
	rich.WorkingDays = []shipping.Date{{Year: 2026, Month: 2, Day: 15}}
	rich.NonWorkingDays = []shipping.Date{{Year: 2026, Month: 10, Day: 1}}
	rich.BigPromotions = []shipping.Period{{Name: "双11", Start: t0, End: t0.Add(72 * time.Hour)}}
	rich.FreePromotions = []shipping.FreeShippingPromotion{{Period: shipping.Period{Start: t0, End: t0.Add(time.Hour)},
		Rule: shipping.FreeShippingRule{Threshold: dec("59.00"), ExcludedSKUs: []string{"A-1"}}}}
	richJSON, _ := json.Marshal(rich)
	f.Add(richJSON)
	f.Add([]byte(`{}`))
	// A hand-written policy with numbers for money and Chinese region names.
	f.Add([]byte(`{"free_shipping":{"threshold":88,"excluded_regions":["新疆"]},"carriers":[{"code":"yto"}],"default_carrier":"yto","dispatch_cutoff":"17:30","normal_window_days":1,"promotion_window_days":3,"tracking":{"no_tracking_after":"24h","stalled_origin_after":"48h","stalled_destination_after":"48h","lost_after":"168h"}}`))
	// Hostile: overlapping periods, an inverted one, absurd amounts.
	f.Add([]byte(`{"big_promotions":[{"start":"2026-11-11T00:00:00Z","end":"2026-11-10T00:00:00Z"}],"free_shipping":{"threshold":"1e-999999"}}`))
	f.Add([]byte(`{"weekly_rest":["sunday","sunday"],"working_days":["2026-01-01"],"non_working_days":["2026-02-30"],"dispatch_cutoff":"25:00","carriers":[{"code":"sf","surcharge":-1,"regions":["hong_kong","hong_kong"]}]}`))

	o := order.MustNew(order.Spec{
		ID: "F1", Buyer: order.Buyer{ID: "b"}, Lines: []order.Line{{SKU: "A-1", Quantity: 2, UnitPrice: dec("49.50")}},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: "香港", City: "香港", Detail: "中转仓"},
		Postage: dec("10.00"), Status: order.AwaitingDispatch, CreatedAt: t0, PaidAt: t0,
	})
	f.Fuzz(func(t *testing.T, b []byte) {
		var p shipping.Policy
		if err := json.Unmarshal(b, &p); err != nil {
			return
		}
		err := p.Validate()
		// Nothing panics, valid policy or not.
		_ = p.FreeShipping(&o)
		_, _ = p.DispatchPromise(t0)
		_, _ = p.ChooseCarrier(order.HongKong, "")
		_, _ = p.ClassifyParcel(&o, nil, t0.Add(100*time.Hour))
		// Prepare refuses what Validate refuses, with its error; a
		// prepared policy decides as the policy does.
		pp, perr := shipping.Prepare(p)
		if err != nil {
			if perr == nil || perr.Error() != err.Error() {
				t.Fatalf("Prepare: %v, Validate: %v", perr, err)
			}
			return
		}
		if perr != nil {
			t.Fatalf("Prepare refuses a valid policy: %v", perr)
		}
		if got, want := pp.FreeShipping(&o), p.FreeShipping(&o); got != want {
			t.Fatalf("prepared %+v, policy %+v", got, want)
		}
		if _, err := p.Checks(); err != nil {
			t.Fatalf("a valid policy has no checks: %v", err)
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("a valid policy does not encode: %v", err)
		}
		var back shipping.Policy
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("an encoded policy does not decode: %v\n%s", err, out)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("a round-tripped policy is invalid: %v\n%s", err, out)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("JSON round trip differs:\n%s\n%s", out, again)
		}
	})
}

// FuzzRequestedCarrier: reading a buyer's message for a carrier (rule S5)
// never panics, names only the policy's carriers, and reads a message the
// same whether or not it was normalised first (the order package
// normalises messages it stores).
func FuzzRequestedCarrier(f *testing.F) {
	for _, s := range []string{
		"请发顺丰", "不要发顺丰", "圆通中通都行", "SF please", "transfer", "ＳＦ",
		"顺丰\xff",           // invalid UTF-8
		"sf", "s", "", "不", // boundaries
	} {
		f.Add(s)
	}
	p := shipping.DefaultPolicy()
	f.Fuzz(func(t *testing.T, msg string) {
		code, ok := p.RequestedCarrier(msg)
		if !ok {
			if code != "" {
				t.Fatalf("%q: code %q without ok", msg, code)
			}
			return
		}
		if _, known := p.Carrier(code); !known {
			t.Fatalf("%q: unknown carrier %q", msg, code)
		}
		s := spec("120.00", "0", "0")
		s.Message = msg
		o, err := order.New(s)
		if err != nil {
			return // too long for an order message
		}
		again, ok2 := p.RequestedCarrier(o.Message())
		if again != code || !ok2 {
			t.Fatalf("%q: %q, but normalised %q: %q %v", msg, code, o.Message(), again, ok2)
		}
	})
}

// FuzzDecisionJSON checks that decoding any JSON as each of the package's
// decisions and inputs never panics, leaves the target unchanged on error,
// and that whatever decodes round-trips: encoded, decoded and encoded
// again it gives the same JSON (issue 11 #3).
func FuzzDecisionJSON(f *testing.F) {
	p := shipping.DefaultPolicy()
	o := order.MustNew(order.Spec{
		ID: "F1", Buyer: order.Buyer{ID: "b"}, Lines: []order.Line{{SKU: "A-1", Quantity: 2, UnitPrice: dec("49.50")}},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省", City: "杭州市", District: "西湖区", Detail: "文三路1号"},
		Postage: dec("10.00"), Status: order.AwaitingDispatch, CreatedAt: t0, PaidAt: t0,
	})
	seeds := []any{p.FreeShipping(&o), p.PostageOvercharge(&o)}
	if pr, err := p.DispatchPromise(t0); err == nil {
		seeds = append(seeds, pr)
	}
	if r, err := p.ReviewPromise(t0, shipping.PromiseClaim{Wording: shipping.ShipsToday}); err == nil {
		seeds = append(seeds, r)
	}
	if r, err := p.ClassifyParcel(&o, nil, t0.Add(48*time.Hour)); err == nil {
		seeds = append(seeds, r)
	}
	if c, err := p.ChooseCarrier(order.HongKong, ""); err == nil {
		seeds = append(seeds, c)
	}
	for _, s := range seeds {
		b, _ := json.Marshal(s)
		f.Add(b)
	}
	f.Add([]byte(`{"wording":"within_days","days":3,"date":"2026-11-12","delivery":true}`))
	f.Add([]byte(`{"at":"2026-11-02T18:00:00+08:00","stage":"outbound","place":"杭州"}`))
	// Hostile: a repeated key, three decimals, a tampered derived amount.
	f.Add([]byte(`{"charged":"1.00","charged":"2.00"}`))
	f.Add([]byte(`{"shortfall":"0.015","overcharge":"9.99"}`))
	f.Add([]byte(`{"amount":"1.00","free_shipping":{"charged":"1.00"}}`))

	targets := []func() any{
		func() any { return new(shipping.FreeShippingDecision) },
		func() any { return new(shipping.Overcharge) },
		func() any { return new(shipping.CarrierChoice) },
		func() any { return new(shipping.DispatchPromise) },
		func() any { return new(shipping.PromiseReview) },
		func() any { return new(shipping.Reminder) },
		func() any { return new(shipping.ParcelReport) },
		func() any { return new(shipping.PromiseClaim) },
		func() any { return new(shipping.TrackingEvent) },
		func() any { return new(shipping.RegionPostage) },
		func() any { return new(shipping.Period) },
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, mk := range targets {
			v := mk()
			zero, _ := json.Marshal(v)
			if err := json.Unmarshal(b, v); err != nil {
				if again, _ := json.Marshal(v); string(again) != string(zero) {
					t.Fatalf("%T changed on error %v: %s", v, err, again)
				}
				continue
			}
			out, err := json.Marshal(v)
			if err != nil {
				t.Fatalf("%T decoded from %q does not encode: %v", v, b, err)
			}
			back := mk()
			if err := json.Unmarshal(out, back); err != nil {
				t.Fatalf("%T: its own encoding %s does not decode: %v", v, out, err)
			}
			if again, _ := json.Marshal(back); string(again) != string(out) {
				t.Fatalf("%T round trip differs:\n%s\n%s", v, out, again)
			}
		}
	})
}
