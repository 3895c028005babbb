package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestFreeShippingThresholdTable pins rule S1: the threshold is on the
// goods amount actually paid, after discounts and before postage.
func TestFreeShippingThresholdTable(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy())
	cases := []struct {
		reason                   string
		price, discount, postage string
		eligible                 bool
		shortfall, should, over  string
		reasons                  string
	}{
		{"one fen short", "98.99", "0", "10.00", false, "0.01", "10.00", "0", "[below_threshold]"},
		{"exactly the threshold", "99.00", "0", "0", true, "0", "0", "0", "[]"},
		{"one fen over", "99.01", "0", "0", true, "0", "0", "0", "[]"},
		{"a discount takes it below", "104.00", "5.01", "10.00", false, "0.01", "10.00", "0", "[below_threshold]"},
		{"after the discount it is exactly 99.00", "109.00", "10.00", "0", true, "0", "0", "0", "[]"},
		{"postage does not count toward the threshold", "90.00", "0", "10.00", false, "9.00", "10.00", "0", "[below_threshold]"},
		{"eligible but charged: overcharge (rule S2)", "120.00", "0", "12.00", true, "0", "0", "12.00", "[postage_overcharged]"},
		{"not eligible and charged nothing: the standard 10.00 is missing", "50.00", "0", "0", false, "49.00", "10.00", "0", "[below_threshold postage_undercharged]"},
		{"not eligible and charged less than the standard", "50.00", "0", "8.00", false, "49.00", "10.00", "0", "[below_threshold postage_undercharged]"},
		{"not eligible and charged more than the standard (rule S2)", "50.00", "0", "12.00", false, "49.00", "10.00", "2.00", "[below_threshold postage_overcharged]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			o := build(t, spec(c.price, c.discount, c.postage))
			d := p.FreeShipping(o)
			assert.Equal(t, c.eligible, d.Eligible())
			assert.Equal(t, c.reasons, d.Reasons().String())
			decEq(t, c.shortfall, d.Shortfall(), "shortfall")
			decEq(t, c.should, d.ShouldCharge(), "should charge")
			decEq(t, c.over, d.Overcharge(), "overcharge")
			decEq(t, c.postage, d.Charged(), "charged")
			assert.Equal(t, -1, d.Promotion())
		})
	}
}

// TestFreeShippingExcludedRegions pins rule S1: every default excluded
// region pays postage whatever the amount; other regions ship free.
func TestFreeShippingExcludedRegions(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy())
	excluded := map[order.Region]bool{order.Xinjiang: true, order.Tibet: true, order.HongKong: true,
		order.Macao: true, order.Taiwan: true, order.Abroad: true}
	for _, r := range order.Regions() {
		t.Run(r.String(), func(t *testing.T) {
			s := spec("200.00", "0", "0")
			s.Address = addr(r.Chinese())
			if r == order.Abroad {
				s.Address.District = ""
			}
			d := p.FreeShipping(build(t, s))
			assert.Equal(t, !excluded[r], d.Eligible())
			assert.Equal(t, excluded[r], d.Reasons().Has(shipping.ExcludedRegion))
			assert.False(t, d.Reasons().Has(shipping.BelowThreshold))
		})
	}
}

// TestFreeShippingExcludedSKU pins rule S1: an excluded item makes the
// order pay postage; an excluded SKU given away as a gift does not.
func TestFreeShippingExcludedSKU(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Free.ExcludedSKUs = []string{"TEA-01"}
	valid(t, p)
	d := p.FreeShipping(build(t, spec("200.00", "0", "0")))
	assert.False(t, d.Eligible())
	assert.Equal(t, "[excluded_sku postage_undercharged]", d.Reasons().String())

	p.Free.ExcludedSKUs = []string{"CUP-01"} // only present as a gift
	d = p.FreeShipping(build(t, spec("200.00", "0", "0")))
	assert.True(t, d.Eligible(), "gift lines do not disqualify")
}

// TestFreeShippingQuantity pins rule S1's quantity threshold, alone, as an
// alternative to the amount, and required together with it.
func TestFreeShippingQuantity(t *testing.T) {
	two := func(price string) *order.Order {
		s := spec(price, "0", "0")
		s.Lines[0].Quantity = 2
		return build(t, s)
	}
	p := shipping.DefaultPolicy()
	p.Free.MinQuantity = 3
	valid(t, p)
	d := p.FreeShipping(two("10.00"))
	assert.False(t, d.Eligible())
	assert.Equal(t, "[below_threshold below_quantity postage_undercharged]", d.Reasons().String())
	assert.Equal(t, 1, d.UnitsShort())
	decEq(t, "79.00", d.Shortfall())

	assert.True(t, p.FreeShipping(two("50.00")).Eligible(), "100.00 reaches the amount: either threshold suffices")

	p.Free.RequireBoth = true
	d = p.FreeShipping(two("50.00"))
	assert.False(t, d.Eligible(), "both required")
	assert.Equal(t, "[below_quantity postage_undercharged]", d.Reasons().String())

	p.Free.Threshold = dec("0")
	p.Free.MinQuantity = 2
	assert.True(t, p.FreeShipping(two("1.00")).Eligible(), "quantity alone")
}

// TestFreeShippingPromotion pins rule S1: a promotion's rule replaces the
// everyday one while it runs, by the time the order was placed.
func TestFreeShippingPromotion(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.FreePromotions = []shipping.FreeShippingPromotion{{
		Period: shipping.Period{Name: "双11", Start: at(2026, 11, 1, 0, 0, 0), End: at(2026, 11, 12, 0, 0, 0)},
		Rule:   shipping.FreeShippingRule{Threshold: dec("59.00"), ExcludedRegions: []order.Region{order.Abroad}},
	}}
	valid(t, p)
	cases := []struct {
		reason   string
		created  time.Time
		province string
		eligible bool
		promo    int
	}{
		{"promotion on: 59.00 is enough", t0, "浙江省", true, 0},
		{"promotion on: Xinjiang included", t0, "新疆", true, 0},
		{"promotion over: back to 99.00", at(2026, 11, 12, 0, 0, 0), "浙江省", false, -1},
		{"promotion not started", at(2026, 10, 31, 23, 59, 59), "浙江省", false, -1},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := spec("60.00", "0", "0")
			s.CreatedAt, s.PaidAt = c.created, c.created.Add(time.Minute)
			s.Address = addr(c.province)
			d := p.FreeShipping(build(t, s))
			assert.Equal(t, c.eligible, d.Eligible(), d.Reasons().String())
			assert.Equal(t, c.promo, d.Promotion())
			assert.Equal(t, c.promo >= 0, d.Reasons().Has(shipping.PromotionRules))
		})
	}
}

// TestFreeShippingStandardPostage pins rule S2 with a standard postage:
// over- and undercharges are measured against it.
func TestFreeShippingStandardPostage(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Free.Postage = dec("8.00")
	valid(t, p)
	d := p.FreeShipping(build(t, spec("50.00", "0", "10.00")))
	assert.Equal(t, "[below_threshold postage_overcharged]", d.Reasons().String())
	decEq(t, "8.00", d.ShouldCharge())
	decEq(t, "2.00", d.Overcharge())
	assert.True(t, d.PostageWrong())

	d = p.FreeShipping(build(t, spec("50.00", "0", "5.00")))
	assert.Equal(t, "[below_threshold postage_undercharged]", d.Reasons().String())
	decEq(t, "3.00", d.Undercharge())

	d = p.FreeShipping(build(t, spec("50.00", "0", "8.00")))
	assert.False(t, d.PostageWrong())
}

// TestFreeShippingOffAndNoRegion covers a promotion that turns free
// shipping off and an address without a region.
func TestFreeShippingOffAndNoRegion(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Free.Off = true
	d := p.FreeShipping(build(t, spec("500.00", "0", "10.00")))
	assert.False(t, d.Eligible())
	assert.True(t, d.Reasons().Has(shipping.FreeShippingOff))

	s := spec("500.00", "0", "0")
	s.Address = order.Address{}
	d = shipping.DefaultPolicy().FreeShipping(build(t, s))
	assert.False(t, d.Eligible())
	assert.Equal(t, "[region_missing]", d.Reasons().String())
}

// TestFreeShippingFreightCollect pins rules S3 and P6: Hong Kong, Macao
// and Taiwan parcels go SF freight collect — the buyer pays SF on
// delivery — so an order to them charged no postage is not missing any,
// and one charged postage up front is not overcharged either.
func TestFreeShippingFreightCollect(t *testing.T) {
	for _, p := range []shipping.Policy{shipping.DefaultPolicy(), func() shipping.Policy {
		p := shipping.DefaultPolicy()
		p.Free.Postage, p.Free.RegionPostage = dec("0"), nil // postage priced order by order
		return p
	}()} {
		valid(t, p)
		for _, province := range []string{"香港", "澳门", "台湾"} {
			for _, postage := range []string{"0", "25.00"} {
				s := spec("200.00", "0", postage)
				s.Address = addr(province)
				d := p.FreeShipping(build(t, s))
				assert.False(t, d.Eligible(), province)
				assert.False(t, d.PostageWrong(), "%s charged %s: %v", province, postage, d.Reasons())
				assert.True(t, d.Reasons().Has(shipping.FreightCollect), province)
				decEq(t, postage, d.ShouldCharge(), province)
			}
		}
		// Elsewhere an excluded region still owes its postage.
		s := spec("200.00", "0", "0")
		s.Address = addr("新疆维吾尔自治区")
		d := p.FreeShipping(build(t, s))
		assert.True(t, d.PostageWrong())
		assert.False(t, d.Reasons().Has(shipping.FreightCollect))
	}
}

// TestStandardPostage pins rule S2's standard postage: by default 10.00,
// and 20.00 to Xinjiang and Tibet (kefu's choice, a common express
// template); a policy may set others per region, and a policy with no
// standard postage takes what was charged, flagging only nothing charged.
func TestStandardPostage(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy())
	for _, c := range []struct {
		reason, province, postage, should, reasons string
	}{
		{"mainland, the standard", "浙江省", "10.00", "10.00", "[below_threshold]"},
		{"Xinjiang, its own standard", "新疆维吾尔自治区", "20.00", "20.00", "[below_threshold excluded_region]"},
		{"Tibet charged the mainland's: undercharged", "西藏自治区", "10.00", "20.00", "[below_threshold excluded_region postage_undercharged]"},
		{"Xinjiang charged more: overcharged", "新疆维吾尔自治区", "25.00", "20.00", "[below_threshold excluded_region postage_overcharged]"},
	} {
		t.Run(c.reason, func(t *testing.T) {
			s := spec("50.00", "0", c.postage)
			s.Address = addr(c.province)
			d := p.FreeShipping(build(t, s))
			decEq(t, c.should, d.ShouldCharge())
			assert.Equal(t, c.reasons, d.Reasons().String())
		})
	}

	p.Free.RegionPostage = append(p.Free.RegionPostage, shipping.RegionPostage{Region: order.Zhejiang, Postage: dec("6.00")})
	valid(t, p)
	d := p.FreeShipping(build(t, spec("50.00", "0", "6.00")))
	assert.False(t, d.PostageWrong(), "Zhejiang's own 6.00")

	p.Free.RegionPostage = append(p.Free.RegionPostage, shipping.RegionPostage{Region: order.Zhejiang, Postage: dec("7.00")})
	require.ErrorIs(t, p.Validate(), shipping.ErrDuplicate)

	p = shipping.DefaultPolicy()
	p.Free.Postage, p.Free.RegionPostage = dec("0"), nil
	valid(t, p)
	d = p.FreeShipping(build(t, spec("50.00", "0", "0")))
	assert.Equal(t, "[below_threshold postage_missing]", d.Reasons().String(), "no standard postage: nothing charged is missing")
	d = p.FreeShipping(build(t, spec("50.00", "0", "8.00")))
	assert.False(t, d.PostageWrong(), "priced order by order: what was charged stands")
}

// TestNoPostageWhereNothingShips: an order to a region no carrier serves
// owes no standard postage — its problem is that it cannot ship (rule
// S4) — and neither does one whose address names no region.
func TestNoPostageWhereNothingShips(t *testing.T) {
	p := shipping.DefaultPolicy()
	s := spec("50.00", "0", "30.00")
	s.Address = order.Address{Recipient: "Ana", Phone: "+34600000000", Province: "海外", City: "Madrid", Detail: "Calle 1"}
	d := p.FreeShipping(build(t, s))
	assert.False(t, d.PostageWrong(), d.Reasons().String())
	decEq(t, "30.00", d.ShouldCharge())
}
