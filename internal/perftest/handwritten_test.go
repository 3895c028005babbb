package perftest_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/perftest"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/shipping"
)

var t0 = time.Date(2026, 11, 10, 9, 30, 0, 0, time.FixedZone("CST", 8*60*60))

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// spec is an order of one line of goods worth price (and a gift), with
// discount and postage, to province.
func spec(price, discount, postage, province string, st order.Status) order.Spec {
	s := order.Spec{
		ID:    "T1",
		Buyer: order.Buyer{ID: "b1"},
		Lines: []order.Line{
			{SKU: "TEA-01", Quantity: 1, UnitPrice: dec(price)},
			{SKU: "CUP-01", Quantity: 1, UnitPrice: dec("0"), Gift: true},
		},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: province,
			City: "某市", District: "某区", Detail: "文三路12号"},
		Postage:   dec(postage),
		Discount:  dec(discount),
		Status:    st,
		CreatedAt: t0.Add(-time.Hour),
	}
	switch st {
	case order.AwaitingPayment, order.ClosedUnpaid:
	default:
		s.PaidAt = t0.Add(-50 * time.Minute)
	}
	if st == order.ClosedUnpaid || st == order.Closed {
		s.ClosedAt = t0.Add(-10 * time.Minute)
	}
	return s
}

// both builds s with kefu and with both baselines.
func both(t *testing.T, s order.Spec) (*order.Order, perftest.DecOrder, perftest.FenOrder) {
	t.Helper()
	o, err := order.New(s)
	require.NoError(t, err)
	h := perftest.HandSpecOf(s)
	d, err := perftest.BuildDec(&h)
	require.NoError(t, err)
	f, err := perftest.BuildFen(&h)
	require.NoError(t, err)
	return &o, d, f
}

// TestFreeShippingBaselines pins the hand-written free-shipping rule at
// its edges, and that kefu decides the same.
func TestFreeShippingBaselines(t *testing.T) {
	withPostage := shipping.DefaultPolicy()
	withPostage.Free.Postage = dec("10.00")
	for _, c := range []struct {
		name, reason                    string
		policy                          *shipping.Policy // nil: the default
		price, discount, postage, where string
		eligible                        bool
		shortfall, shouldCharge         string
	}{
		// rule S1: the threshold is inclusive.
		{name: "at the threshold", reason: "99.00 of goods reaches 99.00",
			price: "99.00", discount: "0", postage: "0.00", where: "浙江省", eligible: true, shortfall: "0", shouldCharge: "0"},
		{name: "a cent below", reason: "98.99 is 0.01 short; no standard postage, so the 10.00 charged stands",
			price: "98.99", discount: "0", postage: "10.00", where: "浙江省", shortfall: "0.01", shouldCharge: "10.00"},
		{name: "a cent above", reason: "99.01 ships free",
			price: "99.01", discount: "0", postage: "0.00", where: "浙江省", eligible: true, shortfall: "0", shouldCharge: "0"},
		// rule S1: the threshold applies to the goods actually paid.
		{name: "discount to the threshold", reason: "104.00 − 5.00 = 99.00",
			price: "104.00", discount: "5.00", postage: "0.00", where: "江苏省", eligible: true, shortfall: "0", shouldCharge: "0"},
		{name: "discount below the threshold", reason: "103.99 − 5.00 = 98.99",
			price: "103.99", discount: "5.00", postage: "10.00", where: "江苏省", shortfall: "0.01", shouldCharge: "10.00"},
		// rule S1: excluded regions pay postage whatever the amount.
		{name: "excluded region", reason: "Xinjiang never ships free, and its standard postage is 20.00 (rule S2)",
			price: "200.00", discount: "0", postage: "12.00", where: "新疆维吾尔自治区", shortfall: "0", shouldCharge: "20.00"},
		// rules S3, P6: Hong Kong goes SF freight collect.
		{name: "Hong Kong, nothing charged", reason: "freight collect: nothing up front is right",
			price: "200.00", discount: "0", postage: "0.00", where: "香港特别行政区", shortfall: "0", shouldCharge: "0"},
		{name: "Hong Kong, charged", reason: "freight collect: what the buyer was told stands, even with a standard postage",
			policy: &withPostage, price: "50.00", discount: "0", postage: "30.00", where: "香港特别行政区",
			shortfall: "49.00", shouldCharge: "30.00"},
		// Hostile: no province, so nobody knows where it goes.
		{name: "no province", reason: "an order without a region is not eligible",
			price: "150.00", discount: "0", postage: "8.00", where: "", shortfall: "0", shouldCharge: "8.00"},
		// rule S2: postage charged on an order that ships free.
		{name: "overcharged", reason: "it ships free, so it should be charged nothing",
			price: "150.00", discount: "0", postage: "10.00", where: "上海市", eligible: true, shortfall: "0", shouldCharge: "0"},
		{name: "standard postage", reason: "short of the threshold, the standard 10.00 is due, not the 8.00 charged",
			policy: &withPostage, price: "50.00", discount: "0", postage: "8.00", where: "上海市",
			shortfall: "49.00", shouldCharge: "10.00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := shipping.DefaultPolicy()
			if c.policy != nil {
				p = *c.policy
			}
			dr, err := perftest.NewDecRule(p)
			require.NoError(t, err)
			fr, err := perftest.NewFenRule(p)
			require.NoError(t, err)
			o, ho, fo := both(t, spec(c.price, c.discount, c.postage, c.where, order.AwaitingDispatch))
			k, h, f := p.FreeShipping(o), dr.Decide(&ho), fr.Decide(&fo)
			for _, got := range []struct {
				who                     string
				eligible                bool
				shortfall, shouldCharge decimal.Decimal
			}{
				{"kefu", k.Eligible(), k.Shortfall(), k.ShouldCharge()},
				{"shopspring", h.Eligible, h.Shortfall, h.ShouldCharge},
				{"int64", f.Eligible, decimal.New(f.Shortfall, -2), decimal.New(f.ShouldCharge, -2)},
			} {
				assert.Equal(t, c.eligible, got.eligible, "%s: %s", got.who, c.reason)
				assert.True(t, dec(c.shortfall).Equal(got.shortfall), "%s shortfall %s: %s", got.who, got.shortfall, c.reason)
				assert.True(t, dec(c.shouldCharge).Equal(got.shouldCharge), "%s should charge %s: %s", got.who, got.shouldCharge, c.reason)
			}
		})
	}
}

// TestBaselinesRefuseWhatTheyLack: a policy with a feature the baseline
// does not implement is refused, so the agreement test cannot pass by
// ignoring it.
func TestBaselinesRefuseWhatTheyLack(t *testing.T) {
	qty := shipping.DefaultPolicy()
	qty.Free.MinQuantity = 3
	sku := shipping.DefaultPolicy()
	sku.Free.ExcludedSKUs = []string{"TEA-01"}
	promo := shipping.DefaultPolicy()
	promo.FreePromotions = []shipping.FreeShippingPromotion{{}}
	for _, p := range []shipping.Policy{qty, sku, promo} {
		_, err := perftest.NewFenRule(p)
		assert.Error(t, err)
		_, err = perftest.NewDecRule(p)
		assert.Error(t, err)
	}
	period := pricing.DefaultPolicy()
	period.Periods = []pricing.Period{{Name: "双11"}}
	pref := pricing.DefaultPolicy()
	pref.Preference = []pricing.Kind{pricing.Postage, pricing.Gift, pricing.PriceCut}
	zone := pricing.DefaultPolicy()
	zone.Zone = "Asia/Tokyo"
	for _, p := range []pricing.Policy{period, pref, zone} {
		_, err := perftest.NewDecLimits(p)
		assert.Error(t, err)
	}
}

// TestReviewBaseline pins the hand-written approval limits at their
// edges, with the default pricing policy, and that kefu decides the same.
func TestReviewBaseline(t *testing.T) {
	// Orders: 118.50 of goods + 10.00 postage = 128.50 due, unpaid or
	// paid; 742.50 due with 150.00 postage; 49.50 due; a closed one.
	unpaid := spec("118.50", "0", "10.00", "江苏省", order.AwaitingPayment)
	paid := spec("118.50", "0", "10.00", "江苏省", order.AwaitingDispatch)
	heavy := spec("592.50", "0", "150.00", "江苏省", order.AwaitingPayment)
	small := spec("49.50", "0", "0.00", "江苏省", order.AwaitingPayment)
	closed := spec("118.50", "0", "10.00", "江苏省", order.ClosedUnpaid)
	type want struct{ verdict, approver, suggest string }
	for _, c := range []struct {
		name, reason string
		spec         order.Spec
		role         order.Role
		kind         pricing.Kind
		amount       string
		usage        fixtureUsage
		err          bool
		want         want
	}{
		// rule A3: limits are inclusive; a cent above goes to the next role.
		{name: "postage at the limit", reason: "in-sales may waive 10.00 of postage alone",
			spec: unpaid, role: order.InSales, kind: pricing.Postage, amount: "10.00", want: want{"allowed", "", ""}},
		{name: "postage a cent above", reason: "10.01 goes to the team leader",
			spec: heavy, role: order.InSales, kind: pricing.Postage, amount: "10.01", want: want{"needs_approval", "team_leader", ""}},
		{name: "gift at the leader's limit", reason: "50.00 of gifts is the team leader's",
			spec: unpaid, role: order.TeamLeader, kind: pricing.Gift, amount: "50.00", want: want{"allowed", "", ""}},
		{name: "gift a cent above", reason: "50.01 goes to the store manager",
			spec: unpaid, role: order.TeamLeader, kind: pricing.Gift, amount: "50.01", want: want{"needs_approval", "store_manager", ""}},
		{name: "beyond every role", reason: "500.01 of gifts is more than the store manager may give",
			spec: heavy, role: order.StoreManager, kind: pricing.Gift, amount: "500.01", want: want{"refused", "", ""}},
		// rule A3: the share of a price cut, rounded down to the fen;
		// rule P2: a gift of the same value is preferred.
		{name: "price cut at the share", reason: "10% of 128.50 is 12.85",
			spec: unpaid, role: order.TeamLeader, kind: pricing.PriceCut, amount: "12.85", want: want{"allowed", "", "gift"}},
		{name: "price cut a cent above the share", reason: "12.86 is the store manager's (30% is 38.55)",
			spec: unpaid, role: order.TeamLeader, kind: pricing.PriceCut, amount: "12.86", want: want{"needs_approval", "store_manager", "gift"}},
		// rule P2: postage is suggested where rule P4 does not flag it.
		{name: "pre-sales price cut, postage suggested", reason: "pre-sales gives no price cut, but 5.00 of postage alone",
			spec: unpaid, role: order.PreSales, kind: pricing.PriceCut, amount: "5.00", want: want{"needs_approval", "team_leader", "postage"}},
		// rule P4: after payment a price change needs approval, and postage is not suggested.
		{name: "price cut after payment", reason: "paid: the team leader approves, no postage suggestion",
			spec: paid, role: order.PreSales, kind: pricing.PriceCut, amount: "5.00", want: want{"needs_approval", "team_leader", ""}},
		{name: "second price change", reason: "postage after one price change needs the team leader",
			spec: unpaid, role: order.InSales, kind: pricing.Postage, amount: "5.00", usage: fixtureUsage{PriceChanges: 1},
			want: want{"needs_approval", "team_leader", ""}},
		{name: "the store manager after payment", reason: "nobody is above the store manager",
			spec: paid, role: order.StoreManager, kind: pricing.PriceCut, amount: "30.00", want: want{"allowed", "", "gift"}},
		// rule P3: the exact change below the yuan, within 1%, three times a day.
		{name: "erase the change", reason: "0.50 of 128.50 is within 1% (1.28)",
			spec: unpaid, role: order.InSales, kind: pricing.EraseChange, amount: "0.50", want: want{"allowed", "", ""}},
		{name: "pre-sales erases", reason: "pre-sales may not erase change alone",
			spec: unpaid, role: order.PreSales, kind: pricing.EraseChange, amount: "0.50", want: want{"needs_approval", "team_leader", ""}},
		{name: "not the change", reason: "0.49 is not the change of 128.50",
			spec: unpaid, role: order.InSales, kind: pricing.EraseChange, amount: "0.49", want: want{"refused", "", ""}},
		{name: "change over the share", reason: "0.50 of 49.50 is more than 1% (0.49)",
			spec: small, role: order.InSales, kind: pricing.EraseChange, amount: "0.50", want: want{"refused", "", ""}},
		{name: "daily count reached", reason: "a fourth erase today needs the team leader",
			spec: unpaid, role: order.InSales, kind: pricing.EraseChange, amount: "0.50",
			usage: fixtureUsage{Day: "2026-11-10", Erases: 3}, want: want{"needs_approval", "team_leader", ""}},
		{name: "count of another day", reason: "yesterday's three erases do not count today",
			spec: unpaid, role: order.InSales, kind: pricing.EraseChange, amount: "0.50",
			usage: fixtureUsage{Day: "2026-11-09", Erases: 3}, want: want{"allowed", "", ""}},
		{name: "closed trade", reason: "nobody gives a concession on a closed trade",
			spec: closed, role: order.StoreManager, kind: pricing.Gift, amount: "5.00", want: want{"refused", "", ""}},
		// Hostile: malformed requests are errors on both sides.
		{name: "zero amount", reason: "a concession is more than zero",
			spec: unpaid, role: order.TeamLeader, kind: pricing.Gift, amount: "0", err: true},
		{name: "more than due", reason: "128.51 exceeds the 128.50 due: refused, a decision",
			spec: unpaid, role: order.StoreManager, kind: pricing.PriceCut, amount: "128.51", want: want{"refused", "", ""}},
		{name: "postage beyond the postage", reason: "10.01 exceeds the 10.00 charged: refused, a decision",
			spec: unpaid, role: order.StoreManager, kind: pricing.Postage, amount: "10.01", want: want{"refused", "", ""}},
		{name: "three decimals", reason: "0.505 is not an amount in fen",
			spec: unpaid, role: order.StoreManager, kind: pricing.EraseChange, amount: "0.505", err: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := pricing.DefaultPolicy()
			l, err := perftest.NewDecLimits(p)
			require.NoError(t, err)
			o, ho, _ := both(t, c.spec)
			au, ou := usages("a1", o.ID(), c.usage.Day, c.usage.Erases, c.usage.PriceChanges)
			kd, kerr := p.Review(pricing.Request{Agent: order.Agent{ID: "a1", Role: c.role}, Order: o, Kind: c.kind,
				Amount: dec(c.amount), At: t0}, au, ou)
			hd, herr := l.Review(&ho, &perftest.HandRequest{Role: uint8(c.role), Kind: uint8(c.kind), Amount: dec(c.amount),
				At: t0, Day: c.usage.Day, Erases: c.usage.Erases, PriceChanges: c.usage.PriceChanges})
			if c.err {
				assert.Error(t, kerr, "kefu: %s", c.reason)
				assert.Error(t, herr, "handwritten: %s", c.reason)
				return
			}
			require.NoError(t, kerr, c.reason)
			require.NoError(t, herr, c.reason)
			assert.Equal(t, c.want, want{name(kd.Verdict), name(kd.Approver), name(kd.Suggest)}, "kefu %s: %s", kd.Reasons, c.reason)
			assert.Equal(t, c.want, want{perftest.VerdictName(hd.Verdict), perftest.RoleName(hd.Approver),
				perftest.KindName(hd.Suggest)}, "handwritten: %s", c.reason)
		})
	}
}
