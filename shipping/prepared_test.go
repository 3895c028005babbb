package shipping_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// edgePolicies are free-shipping policies at the edges of what a
// prepared policy tables: every option of a rule, promotions by start out
// of list order, regions no carrier serves, no SF carrier, many excluded
// SKUs (hashed rather than scanned).
func edgePolicies() map[string]shipping.Policy {
	ps := map[string]shipping.Policy{"default": shipping.DefaultPolicy()}
	add := func(name string, edit func(p *shipping.Policy)) {
		p := shipping.DefaultPolicy()
		edit(&p)
		ps[name] = p
	}
	add("off", func(p *shipping.Policy) { p.Free.Off = true })
	add("no threshold", func(p *shipping.Policy) { p.Free.Threshold = decimal.Zero })
	add("quantity only", func(p *shipping.Policy) { p.Free.Threshold, p.Free.MinQuantity = decimal.Zero, 3 })
	add("amount or quantity", func(p *shipping.Policy) { p.Free.MinQuantity = 3 })
	add("amount and quantity", func(p *shipping.Policy) { p.Free.MinQuantity, p.Free.RequireBoth = 3, true })
	add("threshold in yuan", func(p *shipping.Policy) { p.Free.Threshold = dec("99") })
	add("no standard postage", func(p *shipping.Policy) { p.Free.Postage, p.Free.RegionPostage = decimal.Zero, nil })
	add("region priced order by order", func(p *shipping.Policy) {
		p.Free.RegionPostage = append(p.Free.RegionPostage, shipping.RegionPostage{Region: order.Zhejiang, Postage: decimal.Zero})
	})
	add("nothing excluded", func(p *shipping.Policy) { p.Free.ExcludedRegions = nil })
	add("one excluded SKU", func(p *shipping.Policy) { p.Free.ExcludedSKUs = []string{"TEA-01"} })
	add("many excluded SKUs", func(p *shipping.Policy) {
		for i := range 20 {
			p.Free.ExcludedSKUs = append(p.Free.ExcludedSKUs, "X-"+strconv.Itoa(i))
		}
		p.Free.ExcludedSKUs = append(p.Free.ExcludedSKUs, "LX-2201")
	})
	add("no SF carrier", func(p *shipping.Policy) { p.Carriers, p.SFCarrier = p.Carriers[:2], "" })
	add("carriers serve a few regions", func(p *shipping.Policy) {
		p.Carriers = []shipping.Carrier{{Code: "yto", Regions: []order.Region{order.Zhejiang, order.Jiangsu}},
			{Code: "zto", Except: []order.Region{order.Jiangsu, order.Guangdong}}}
		p.DefaultCarrier, p.SFCarrier = "yto", ""
	})
	add("promotions", func(p *shipping.Policy) {
		// Listed out of order of their starts, with a gap between the
		// first two and the third starting where the second ends.
		p.FreePromotions = []shipping.FreeShippingPromotion{
			{Period: shipping.Period{Name: "late", Start: t0.Add(2 * time.Hour), End: t0.Add(3 * time.Hour)},
				Rule: shipping.FreeShippingRule{Threshold: dec("9.99"), Postage: dec("6.00")}},
			{Period: shipping.Period{Name: "early", Start: t0.Add(-2 * time.Hour), End: t0.Add(-time.Hour)},
				Rule: shipping.FreeShippingRule{Off: true, Postage: dec("12.00")}},
			{Period: shipping.Period{Name: "now", Start: t0.Add(-time.Hour), End: t0.Add(2 * time.Hour)},
				Rule: shipping.FreeShippingRule{MinQuantity: 2, ExcludedRegions: []order.Region{order.Tibet},
					ExcludedSKUs: []string{"CUP-01", "TEA-02"}}},
		}
	})
	return ps
}

// edgeOrders are orders at the edges of the rules: every region and
// none, a fen either side of the threshold, quantities either side of 3,
// an excluded SKU as goods and as a gift, postage charged or not, placed
// at the edges of the promotions of edgePolicies.
func edgeOrders(t testing.TB) []*order.Order {
	var os []*order.Order
	mk := func(province string, created time.Time, postage string, lines ...order.Line) {
		s := spec("1.00", "0", postage)
		s.Address, s.Lines, s.CreatedAt, s.PaidAt = addr(province), lines, created, created.Add(time.Minute)
		os = append(os, build(t, s))
	}
	line := func(sku, price string, qty int) order.Line {
		return order.Line{SKU: sku, Quantity: qty, UnitPrice: dec(price)}
	}
	gift := order.Line{SKU: "CUP-01", Quantity: 1, UnitPrice: dec("0"), Gift: true}
	provinces := []string{""}
	for _, r := range order.Regions() {
		provinces = append(provinces, r.Chinese())
	}
	for _, pv := range provinces {
		for _, postage := range []string{"0.00", "10.00", "20.00"} {
			mk(pv, t0, postage, line("TEA-01", "98.99", 1), gift)
			mk(pv, t0, postage, line("TEA-01", "99.00", 1))
		}
	}
	for _, created := range []time.Time{t0.Add(-2 * time.Hour), t0.Add(-time.Hour - time.Nanosecond), t0.Add(-time.Hour),
		t0.Add(2*time.Hour - time.Nanosecond), t0.Add(2 * time.Hour), t0.Add(3 * time.Hour), t0.Add(24 * time.Hour)} {
		for _, pv := range []string{"浙江省", "西藏自治区", "香港特别行政区"} {
			mk(pv, created, "10.00", line("TEA-02", "9.99", 1))
			mk(pv, created, "0.00", line("TEA-01", "9.98", 2), gift)
			mk(pv, created, "6.00", line("LX-2201", "120.00", 1))
		}
	}
	for _, qty := range []int{1, 2, 3, 4} {
		mk("江苏省", t0, "10.00", line("TEA-01", "30.00", qty), gift)
		mk("江苏省", t0, "10.00", line("LX-2201", "0.01", qty), line("TEA-02", "99.00", 1))
	}
	return os
}

// TestPreparedAgreesWithPolicy: a prepared policy decides free shipping
// exactly as the policy it came from — the whole decision, reasons and
// promotion included — on every edge order, under every edge policy
// (rules S1, S2, S3, S4, P6).
func TestPreparedAgreesWithPolicy(t *testing.T) {
	orders := edgeOrders(t)
	for name, p := range edgePolicies() {
		t.Run(name, func(t *testing.T) {
			pp, err := shipping.Prepare(valid(t, p))
			require.NoError(t, err)
			for i, o := range orders {
				want := p.FreeShipping(o)
				require.Equal(t, want, pp.FreeShipping(o), "order %d to %s, %s at %s: %s", i, o.Region(),
					o.NetGoods(), o.CreatedAt().Format(time.RFC3339Nano), want.Reasons())
				require.Equal(t, p.PostageOvercharge(o), pp.PostageOvercharge(o), "order %d", i)
			}
			assert.Equal(t, p.FreeShipping(nil), pp.FreeShipping(nil), "a nil order")
		})
	}
}

// TestPreparedPromotions pins the binary search of the rule in force
// (rule S1's promotions): start inclusive, end exclusive, the index of
// the promotion as listed, not as sorted.
func TestPreparedPromotions(t *testing.T) {
	p := edgePolicies()["promotions"]
	pp, err := shipping.Prepare(p)
	require.NoError(t, err)
	for _, c := range []struct {
		name   string
		at     time.Time
		promo  int
		reason string
	}{
		{"before all", t0.Add(-3 * time.Hour), -1, "the everyday rule"},
		{"start of early", t0.Add(-2 * time.Hour), 1, "a start is inclusive"},
		{"end of early is start of now", t0.Add(-time.Hour), 2, "an end is exclusive"},
		{"last instant of now", t0.Add(2*time.Hour - time.Nanosecond), 2, "still inside"},
		{"start of late", t0.Add(2 * time.Hour), 0, "listed first, starts last"},
		{"after all", t0.Add(3 * time.Hour), -1, "the everyday rule again"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := spec("50.00", "0", "10.00")
			s.CreatedAt, s.PaidAt = c.at, c.at.Add(time.Minute)
			o := build(t, s)
			assert.Equal(t, c.promo, pp.FreeShipping(o).Promotion(), c.reason)
			assert.Equal(t, p.FreeShipping(o), pp.FreeShipping(o), c.reason)
		})
	}
}

// TestPrepareRejectsInvalidPolicies: Prepare refuses what Validate
// refuses, with the very error Validate returns.
func TestPrepareRejectsInvalidPolicies(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(p *shipping.Policy)
	}{
		{"negative threshold", func(p *shipping.Policy) { p.Free.Threshold = dec("-1.00") }},
		{"postage below the fen", func(p *shipping.Policy) { p.Free.Postage = dec("10.001") }},
		{"unknown excluded region", func(p *shipping.Policy) { p.Free.ExcludedRegions = []order.Region{200} }},
		{"SKU not canonical", func(p *shipping.Policy) { p.Free.ExcludedSKUs = []string{"ＴＥＡ－01"} }},
		{"duplicate region postage", func(p *shipping.Policy) {
			p.Free.RegionPostage = append(p.Free.RegionPostage, p.Free.RegionPostage[0])
		}},
		{"overlapping promotions", func(p *shipping.Policy) {
			pr := shipping.FreeShippingPromotion{Period: shipping.Period{Start: t0, End: t0.Add(time.Hour)}}
			p.FreePromotions = []shipping.FreeShippingPromotion{pr, pr}
		}},
		{"promotion rule invalid", func(p *shipping.Policy) {
			p.FreePromotions = []shipping.FreeShippingPromotion{{Period: shipping.Period{Start: t0, End: t0.Add(time.Hour)},
				Rule: shipping.FreeShippingRule{MinQuantity: -1}}}
		}},
		{"no carriers", func(p *shipping.Policy) { p.Carriers = nil }},
		{"unknown zone", func(p *shipping.Policy) { p.Zone = "Mars/Olympus" }},
		{"the zero policy", func(p *shipping.Policy) { *p = shipping.Policy{} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := shipping.DefaultPolicy()
			c.edit(&p)
			want := p.Validate()
			require.Error(t, want)
			pp, err := shipping.Prepare(p)
			assert.Nil(t, pp)
			require.ErrorIs(t, err, shipping.ErrInvalidPolicy)
			assert.Equal(t, want, err)
		})
	}
}

// TestPreparedKeepsItsOwnCopy: a prepared policy does not change when the
// slices of the policy it came from do.
func TestPreparedKeepsItsOwnCopy(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Free.ExcludedSKUs = []string{"TEA-01"}
	pp, err := shipping.Prepare(p)
	require.NoError(t, err)
	o := build(t, spec("120.00", "0", "0.00"))
	before := pp.FreeShipping(o)
	require.True(t, before.Reasons().Has(shipping.ExcludedSKU))
	p.Free.ExcludedSKUs[0] = "TEA-99"
	p.Free.ExcludedRegions[0] = order.Zhejiang
	p.Carriers[0].Regions = []order.Region{order.Beijing}
	assert.Equal(t, before, pp.FreeShipping(o))
	got := pp.Policy()
	assert.Equal(t, []string{"TEA-01"}, got.Free.ExcludedSKUs, "Policy returns the policy as prepared")
	got.Free.ExcludedSKUs[0] = "X"
	assert.Equal(t, []string{"TEA-01"}, pp.Policy().Free.ExcludedSKUs, "Policy returns a copy")
}

// TestZeroPrepared: the zero Prepared and a nil one decide as the zero
// Policy does, and never panic.
func TestZeroPrepared(t *testing.T) {
	o := build(t, spec("120.00", "0", "10.00"))
	var zero shipping.Prepared
	var none *shipping.Prepared
	want := shipping.Policy{}.FreeShipping(o)
	assert.Equal(t, want, zero.FreeShipping(o))
	assert.Equal(t, want, none.FreeShipping(o))
	assert.Equal(t, shipping.Policy{}.FreeShipping(nil), none.FreeShipping(nil))
	assert.Equal(t, shipping.Policy{}.PostageOvercharge(o), none.PostageOvercharge(o))
	assert.Equal(t, shipping.Policy{}, none.Policy())
}

// TestPreparedFreeShippingDoesNotAllocate: the hot path allocates
// nothing, with promotions and hashed SKUs too.
func TestPreparedFreeShippingDoesNotAllocate(t *testing.T) {
	orders := edgeOrders(t)
	for _, name := range []string{"default", "promotions", "many excluded SKUs"} {
		pp, err := shipping.Prepare(edgePolicies()[name])
		require.NoError(t, err)
		allocs := testing.AllocsPerRun(10, func() {
			for _, o := range orders {
				sinkFree = pp.FreeShipping(o)
			}
		})
		assert.Zero(t, allocs, name)
	}
}

// FuzzPreparedFreeShipping builds a policy and an order from the fuzzer's
// numbers and checks that Prepare refuses exactly what Validate refuses,
// with its error, and that a prepared policy decides as the policy does.
func FuzzPreparedFreeShipping(f *testing.F) {
	// threshold, postage, region postage (fen); min quantity; flags
	// (off, require both, promotion, excluded SKU); excluded-region
	// bits; region of the order; goods price (fen), quantity, postage
	// charged (fen); minutes from the promotion's start.
	f.Add(int64(9900), int64(1000), int64(2000), 0, uint8(0), uint64(1<<order.Xinjiang), uint8(order.Zhejiang), int64(9899), 1, int64(1000), int64(30))
	f.Add(int64(9900), int64(0), int64(0), 3, uint8(2), uint64(0), uint8(order.HongKong), int64(9900), 3, int64(0), int64(-1))
	f.Add(int64(0), int64(1000), int64(-5), 2, uint8(15), uint64(1)<<63, uint8(0), int64(1), 1, int64(5), int64(60))
	f.Add(int64(-1), int64(1000), int64(2000), -1, uint8(4), uint64(0), uint8(99), int64(0), 0, int64(-1), int64(0))
	f.Fuzz(func(t *testing.T, threshold, postage, regionPostage int64, minQty int, flags uint8, excluded uint64,
		region uint8, price int64, qty int, charged int64, minutes int64) {
		p := shipping.DefaultPolicy()
		p.Free.Threshold, p.Free.Postage = decimal.New(threshold, -2), decimal.New(postage, -2)
		p.Free.RegionPostage = []shipping.RegionPostage{{Region: order.Region(region % 64), Postage: decimal.New(regionPostage, -2)}}
		p.Free.MinQuantity = minQty
		p.Free.Off, p.Free.RequireBoth = flags&1 != 0, flags&2 != 0
		p.Free.ExcludedRegions = nil
		for r := range 64 {
			if excluded&(1<<r) != 0 {
				p.Free.ExcludedRegions = append(p.Free.ExcludedRegions, order.Region(r))
			}
		}
		if flags&8 != 0 {
			p.Free.ExcludedSKUs = []string{"TEA-01"}
		}
		if flags&4 != 0 {
			r := p.Free
			r.Threshold = decimal.New(threshold/2, -2)
			p.FreePromotions = []shipping.FreeShippingPromotion{{Period: shipping.Period{Start: t0, End: t0.Add(time.Hour)}, Rule: r}}
		}
		want := p.Validate()
		pp, err := shipping.Prepare(p)
		if want != nil {
			if err == nil || err.Error() != want.Error() {
				t.Fatalf("Prepare: %v, Validate: %v", err, want)
			}
			return
		}
		if err != nil {
			t.Fatalf("Prepare refuses a valid policy: %v", err)
		}
		s := spec("1.00", "0", "0")
		s.Lines = []order.Line{{SKU: "TEA-01", Quantity: qty, UnitPrice: decimal.New(price, -2)}}
		s.Postage = decimal.New(charged, -2)
		s.Address.Province = ""
		if r := order.Region(region); r.IsValid() {
			s.Address.Province = r.Chinese()
		}
		s.CreatedAt = t0.Add(time.Duration(minutes%(24*60)) * time.Minute)
		s.PaidAt = s.CreatedAt.Add(time.Minute)
		o, err := order.New(s)
		if err != nil {
			return // not an order: nothing to decide
		}
		if got, want := pp.FreeShipping(&o), p.FreeShipping(&o); got != want {
			t.Fatalf("prepared %+v (%s), policy %+v (%s)", got, got.Reasons(), want, want.Reasons())
		}
	})
}
