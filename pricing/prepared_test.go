package pricing_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// edgePricingPolicies are pricing policies at the edges of what a
// prepared policy converts: periods listed out of order of their starts
// (rule A4), another zone for the erase count's day (rule P3), amounts
// written without decimals, another preference (rule P2) and approver
// (rule A3), no erasing at all.
func edgePricingPolicies() map[string]pricing.Policy {
	ps := map[string]pricing.Policy{"default": pricing.DefaultPolicy()}
	add := func(name string, edit func(p *pricing.Policy)) {
		p := pricing.DefaultPolicy()
		edit(&p)
		ps[name] = p
	}
	add("periods", func(p *pricing.Policy) {
		loose := p.Limits
		loose.InSales.Gift, loose.AfterSales.Gift, loose.ReviewHandling.Gift = dec("20.00"), dec("20.00"), dec("20.00")
		loose.TeamLeader.PriceCutPercent = dec("20.00")
		loose.EraseTimesPerDay = 10
		tight := p.Limits
		tight.ErasePercent = dec("0.10")
		p.Periods = []pricing.Period{
			{Name: "双12", Start: t0.Add(2 * time.Hour), End: t0.Add(3 * time.Hour), Limits: tight},
			{Name: "双11", Start: t0.Add(-time.Hour), End: t0.Add(time.Hour), Limits: loose},
		}
	})
	add("zone west of UTC", func(p *pricing.Policy) { p.Zone = "-05:00" })
	add("amounts without decimals", func(p *pricing.Policy) {
		p.Limits.TeamLeader.Gift, p.Limits.TeamLeader.PriceCutPercent = dec("50"), dec("10")
		p.Limits.InSales.Postage, p.Limits.ErasePercent = dec("10"), dec("1.5")
	})
	add("postage preferred", func(p *pricing.Policy) {
		p.Preference = []pricing.Kind{pricing.Postage, pricing.Gift, pricing.PriceCut}
	})
	add("store manager approves", func(p *pricing.Policy) { p.Approver = order.StoreManager })
	add("anyone above approves", func(p *pricing.Policy) { p.Approver = order.PreSales })
	add("no erasing alone", func(p *pricing.Policy) {
		p.Limits.EraseTimesPerDay = 0
		p.Limits.ErasePercent = decimal.Zero
	})
	return ps
}

// closedOrder is spec() closed before payment.
func closedOrder() *order.Order {
	s := spec()
	s.Status, s.ClosedAt = order.ClosedUnpaid, t0.Add(-time.Minute)
	o := order.MustNew(s)
	return &o
}

// TestPreparedReviewAgreesWithPolicy: a prepared policy reviews exactly
// as the policy it came from — the whole decision or the same error — for
// every role and kind at the amounts where limits bite, on unpaid, paid,
// closed and high-postage orders, with and without usage so far, plain
// and compensations, at the edges of the periods (rules A3, A4, P2, P3,
// P4, P5).
func TestPreparedReviewAgreesWithPolicy(t *testing.T) {
	orders := []*order.Order{unpaid(), paid(), heavy(), closedOrder()}
	amounts := []string{"0.01", "0.49", "0.50", "1.28", "5.00", "10.00", "10.01", "12.85", "12.86", "20.00",
		"25.70", "50.00", "50.01", "128.50", "128.51", "150.00", "742.50", "0", "-1.00", "0.505"}
	usages := []struct {
		day            string
		erases, prices int
	}{{"", 0, 0}, {"2026-11-10", 3, 0}, {"2026-11-09", 3, 0}, {"2026-11-10", 10, 1}, {"", 0, 2}}
	ats := []time.Time{t0, t0.Add(-time.Hour), t0.Add(time.Hour - time.Nanosecond), t0.Add(time.Hour), t0.Add(2 * time.Hour)}
	for name, p := range edgePricingPolicies() {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, p.Validate())
			pp, err := pricing.Prepare(p)
			require.NoError(t, err)
			ats := ats
			if len(p.Periods) == 0 {
				ats = ats[:1] // only periods depend on the time, beyond the erase day
			}
			n := 0
			for _, o := range orders {
				for _, role := range order.Roles() {
					a := agent("a1", role)
					for _, k := range []pricing.Kind{pricing.Gift, pricing.Postage, pricing.PriceCut, pricing.EraseChange} {
						for _, amt := range amounts {
							for _, u := range usages {
								au := pricing.AgentUsage{AgentID: a.ID, Day: u.day, Erases: u.erases}
								ou := pricing.OrderUsage{OrderID: o.ID(), PriceChanges: u.prices}
								for i, at := range ats {
									r := request(a, o, k, amt)
									r.At = at
									if i == 0 && k != pricing.EraseChange {
										r.Cause = pricing.AgentFault
									}
									want, werr := p.Review(r, au, ou)
									got, gerr := pp.Review(r, au, ou)
									require.Equal(t, werr, gerr, "%s %s %s on %s", role, k, amt, o.ID())
									require.Equal(t, want, got, "%s %s %s on %s at %s: %s", role, k, amt, o.ID(), at, want.Reasons)
									n++
								}
							}
						}
					}
				}
			}
			assert.Greater(t, n, 5000)
		})
	}
}

// TestPreparedReviewPeriods pins the binary search of the limits in force
// (rule A4): start inclusive, end exclusive, the period named.
func TestPreparedReviewPeriods(t *testing.T) {
	p := edgePricingPolicies()["periods"]
	pp, err := pricing.Prepare(p)
	require.NoError(t, err)
	for _, c := range []struct {
		at     time.Time
		period string
	}{
		{t0.Add(-time.Hour - time.Nanosecond), ""},
		{t0.Add(-time.Hour), "双11"},
		{t0.Add(time.Hour - time.Nanosecond), "双11"},
		{t0.Add(time.Hour), ""},
		{t0.Add(2 * time.Hour), "双12"},
		{t0.Add(3 * time.Hour), ""},
	} {
		r := request(agent("a1", order.InSales), unpaid(), pricing.Gift, "15.00")
		r.At = c.at
		d, err := pp.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
		require.NoError(t, err)
		assert.Equal(t, c.period, d.Period, "at %s", c.at)
		// During 双11 in-sales gives 20.00 of gifts alone; otherwise none.
		assert.Equal(t, c.period == "双11", d.Verdict == order.Allowed, "at %s: %s", c.at, d.Reasons)
	}
}

// TestPricingPrepareRejectsInvalidPolicies: Prepare refuses what Validate
// refuses, with the very error Validate returns.
func TestPricingPrepareRejectsInvalidPolicies(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(p *pricing.Policy)
	}{
		{"authority decreasing (rule A1)", func(p *pricing.Policy) { p.Limits.StoreManager.Gift = dec("1.00") }},
		{"amount below the fen", func(p *pricing.Policy) { p.Limits.TeamLeader.Gift = dec("50.001") }},
		{"percentage over 100", func(p *pricing.Policy) { p.Limits.StoreManager.PriceCutPercent = dec("100.01") }},
		{"negative erase count", func(p *pricing.Policy) { p.Limits.EraseTimesPerDay = -1 }},
		{"preference twice", func(p *pricing.Policy) { p.Preference = []pricing.Kind{pricing.Gift, pricing.Gift, pricing.PriceCut} }},
		{"no approver", func(p *pricing.Policy) { p.Approver = order.RoleUnknown }},
		{"unknown zone", func(p *pricing.Policy) { p.Zone = "Mars/Olympus" }},
		{"overlapping periods", func(p *pricing.Policy) {
			pe := pricing.Period{Name: "双11", Start: t0, End: t0.Add(time.Hour), Limits: p.Limits}
			p.Periods = []pricing.Period{pe, pe}
		}},
		{"the zero policy", func(p *pricing.Policy) { *p = pricing.Policy{} }},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := pricing.DefaultPolicy()
			c.edit(&p)
			want := p.Validate()
			require.Error(t, want)
			pp, err := pricing.Prepare(p)
			assert.Nil(t, pp)
			require.ErrorIs(t, err, pricing.ErrInvalidPolicy)
			assert.Equal(t, want, err)
		})
	}
}

// TestPricingPreparedKeepsItsOwnCopy: a prepared policy does not change
// when the policy it came from does.
func TestPricingPreparedKeepsItsOwnCopy(t *testing.T) {
	p := pricing.DefaultPolicy()
	pp, err := pricing.Prepare(p)
	require.NoError(t, err)
	r := request(agent("a1", order.PreSales), unpaid(), pricing.PriceCut, "5.00")
	before, err := pp.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	require.Equal(t, pricing.Postage, before.Suggest)
	p.Preference[0], p.Preference[1] = pricing.PriceCut, pricing.Gift
	after, err := pp.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, before, after)
	assert.Equal(t, []pricing.Kind{pricing.Gift, pricing.Postage, pricing.PriceCut}, pp.Policy().Preference)
	got := pp.Policy()
	got.Preference[0] = pricing.PriceCut
	assert.Equal(t, pricing.Gift, pp.Policy().Preference[0], "Policy returns a copy")
}

// TestZeroPreparedReviews: the zero Prepared and a nil one review
// nothing: every request is an invalid-policy error, never a panic.
func TestZeroPreparedReviews(t *testing.T) {
	r := request(agent("a1", order.TeamLeader), unpaid(), pricing.Gift, "5.00")
	var zero pricing.Prepared
	var none *pricing.Prepared
	for _, pp := range []*pricing.Prepared{&zero, none} {
		d, err := pp.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
		require.ErrorIs(t, err, pricing.ErrInvalidPolicy)
		assert.Equal(t, 422, order.HTTPStatus(err))
		assert.Equal(t, pricing.Decision{}, d)
	}
	assert.Equal(t, pricing.Policy{}, none.Policy())
}

// TestPreparedReviewDoesNotAllocate: the hot path allocates nothing for
// canonical ASCII IDs, the erase count's calendar day included.
func TestPreparedReviewDoesNotAllocate(t *testing.T) {
	for _, name := range []string{"default", "periods", "zone west of UTC"} {
		pp, err := pricing.Prepare(edgePricingPolicies()[name])
		require.NoError(t, err)
		rs := []pricing.Request{
			request(agent("lead", order.TeamLeader), unpaid(), pricing.PriceCut, "5.00"),
			request(agent("lead", order.PreSales), paid(), pricing.Gift, "60.00"),
			request(agent("lead", order.InSales), unpaid(), pricing.EraseChange, "0.50"),
		}
		au := pricing.AgentUsage{AgentID: "lead", Day: "2026-11-10", Erases: 3}
		allocs := testing.AllocsPerRun(20, func() {
			for _, r := range rs {
				sinkDecision, sinkErr = pp.Review(r, au, pricing.OrderUsage{})
			}
		})
		require.NoError(t, sinkErr)
		assert.Zero(t, allocs, name)
	}
}
