package pricing_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// rule A3: every role × kind at, below and above the role's limit under
// the default policy, on an unpaid order of 742.50 with 150.00 postage.
// Within the limit the agent acts alone; above it the lowest role above
// that holds the authority (never below the team leader) must approve;
// above the store manager's it is refused.
func TestReviewRoleKindLimits(t *testing.T) {
	type limits struct{ gift, postage, cut string }
	// The price cut limit is the smaller of the amount and the share of
	// 742.50: the team leader's 50.00 (10% would be 74.25), the store
	// manager's 30% = 222.75 (the amount cap is 500.00).
	table := []struct {
		role  order.Role
		lim   limits
		above order.Role // who approves just above the limit; RoleUnknown: refused
	}{
		{order.PreSales, limits{"0", "10.00", "0"}, order.TeamLeader},
		{order.InSales, limits{"0", "10.00", "0"}, order.TeamLeader},
		{order.AfterSales, limits{"0", "10.00", "0"}, order.TeamLeader},
		{order.ReviewHandling, limits{"0", "10.00", "0"}, order.TeamLeader},
		{order.TeamLeader, limits{"50.00", "30.00", "50.00"}, order.StoreManager},
		{order.StoreManager, limits{"500.00", "100.00", "222.75"}, order.RoleUnknown},
	}
	p := pricing.DefaultPolicy()
	o := heavy()
	for _, row := range table {
		for _, k := range []struct {
			kind pricing.Kind
			lim  string
		}{{pricing.Gift, row.lim.gift}, {pricing.Postage, row.lim.postage}, {pricing.PriceCut, row.lim.cut}} {
			a := agent("a-"+row.role.String(), row.role)
			lim := dec(k.lim)
			cent := dec("0.01")
			name := row.role.String() + "/" + k.kind.String()
			if lim.IsPositive() {
				for _, amt := range []string{lim.StringFixed(2), lim.Sub(cent).StringFixed(2)} {
					t.Run(name+"/within/"+amt, func(t *testing.T) {
						d, err := p.Review(request(a, o, k.kind, amt), pricing.AgentUsage{}, pricing.OrderUsage{})
						require.NoError(t, err)
						assert.Equal(t, order.Allowed, d.Verdict, d.Reasons.String())
						assert.False(t, d.Reasons.Has(pricing.ReasonBeyondAuthority))
						assert.True(t, d.Limit().Equal(lim), "limit %s", d.Limit())
					})
				}
			}
			over := lim.Add(cent).StringFixed(2)
			t.Run(name+"/above/"+over, func(t *testing.T) {
				d, err := p.Review(request(a, o, k.kind, over), pricing.AgentUsage{}, pricing.OrderUsage{})
				require.NoError(t, err)
				assert.True(t, d.Reasons.Has(pricing.ReasonBeyondAuthority), d.Reasons.String())
				if row.above == order.RoleUnknown {
					assert.Equal(t, order.Refused, d.Verdict)
					assert.True(t, d.Reasons.Has(pricing.ReasonBeyondEveryRole))
					return
				}
				assert.Equal(t, order.NeedsApproval, d.Verdict)
				assert.Equal(t, row.above, d.Approver)
			})
		}
	}
}

// rule P3: erasing the change below the yuan, by role: pre-sales may not
// alone, every other role may.
func TestReviewRoleEraseChange(t *testing.T) {
	p := pricing.DefaultPolicy()
	for _, r := range order.Roles() {
		t.Run(r.String(), func(t *testing.T) {
			d, err := p.Review(request(agent("a", r), heavy(), pricing.EraseChange, "0.50"), pricing.AgentUsage{}, pricing.OrderUsage{})
			require.NoError(t, err)
			if r == order.PreSales {
				assert.Equal(t, order.NeedsApproval, d.Verdict)
				assert.Equal(t, order.TeamLeader, d.Approver, "approvals start at the team leader (rule A3)")
				assert.True(t, d.Reasons.Has(pricing.ReasonEraseNotAllowed))
				return
			}
			assert.Equal(t, order.Allowed, d.Verdict, d.Reasons.String())
			assert.Equal(t, "0.50", d.Limit().StringFixed(2))
		})
	}
}

// rule A3: a price cut above the role's share of the order needs approval
// even when the amount is within the role's amount cap.
func TestReviewPriceCutShareOfOrder(t *testing.T) {
	p := pricing.DefaultPolicy()
	// 10% of 128.50 is 12.85; the team leader's amount cap is 50.00.
	d, err := p.Review(request(agent("lead", order.TeamLeader), unpaid(), pricing.PriceCut, "12.86"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict)
	assert.Equal(t, order.StoreManager, d.Approver)
	assert.True(t, d.Reasons.Has(pricing.ReasonOverShare), d.Reasons.String())
	assert.Equal(t, "12.85", d.Limit().StringFixed(2))
}

// rule P2: a price cut asked for when a postage concession of the same
// value is within the agent's authority: the decision points to postage.
func TestReviewSuggestsPreferredKind(t *testing.T) {
	p := pricing.DefaultPolicy()
	d, err := p.Review(request(agent("xiaomei", order.PreSales), unpaid(), pricing.PriceCut, "5.00"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict)
	assert.Equal(t, order.TeamLeader, d.Approver)
	assert.Equal(t, pricing.Postage, d.Suggest)
	assert.True(t, d.Reasons.Has(pricing.ReasonPostagePreferred))

	// The team leader may give a gift of 5.00: the gift comes first.
	d, err = p.Review(request(agent("lead", order.TeamLeader), unpaid(), pricing.PriceCut, "5.00"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
	assert.Equal(t, pricing.Gift, d.Suggest)
	assert.True(t, d.Reasons.Has(pricing.ReasonGiftPreferred))

	// More than the postage charged: no postage suggestion.
	d, err = p.Review(request(agent("xiaomei", order.PreSales), unpaid(), pricing.PriceCut, "10.01"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, pricing.KindUnknown, d.Suggest)

	// A shop preferring price cuts to postage gets no suggestion.
	p.Preference = []pricing.Kind{pricing.PriceCut, pricing.Gift, pricing.Postage}
	d, err = p.Review(request(agent("xiaomei", order.PreSales), unpaid(), pricing.PriceCut, "5.00"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, pricing.KindUnknown, d.Suggest)
	assert.False(t, d.Reasons.Has(pricing.ReasonPostagePreferred))

	p = pricing.DefaultPolicy()
	// Rule P4: after payment, or after a first price change, a postage
	// concession needs approval too, so it is not suggested; a gift, which
	// does not change the price, still is.
	for _, c := range []struct {
		reason string
		o      *order.Order
		u      pricing.OrderUsage
	}{
		{"after payment", paid(), noOrder},
		{"a second price change", unpaid(), pricing.OrderUsage{OrderID: "T2001", PriceChanges: 1}},
	} {
		d, err = p.Review(request(agent("xiaomei", order.PreSales), c.o, pricing.PriceCut, "5.00"), noAgent, c.u)
		require.NoError(t, err)
		assert.Equal(t, pricing.KindUnknown, d.Suggest, c.reason)
		assert.False(t, d.Reasons.Has(pricing.ReasonPostagePreferred), c.reason)
		d, err = p.Review(request(agent("lead", order.TeamLeader), c.o, pricing.PriceCut, "5.00"), noAgent, c.u)
		require.NoError(t, err)
		assert.Equal(t, pricing.Gift, d.Suggest, c.reason)
	}

	// Rule P5: a compensation routed above the agent is not turned into a
	// concession the agent gives alone.
	r, err := pricing.NewCompensation(pricing.AgentFault, agent("xiaomei", order.PreSales), unpaid(), pricing.PriceCut, dec("5.00"), t0)
	require.NoError(t, err)
	d, err = p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, pricing.KindUnknown, d.Suggest)

	// Asking for postage when a gift is preferred but not within authority.
	p = pricing.DefaultPolicy()
	d, err = p.Review(request(agent("xiaomei", order.PreSales), unpaid(), pricing.Postage, "5.00"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
	assert.Equal(t, pricing.KindUnknown, d.Suggest)
}

// rule P3: the erasable amount is exactly the change below the yuan.
func TestErasable(t *testing.T) {
	for _, c := range []struct{ due, want string }{
		{"128.50", "0.50"}, {"99.00", "0.00"}, {"0.99", "0.99"}, {"1", "0.00"}, {"1234567.89", "0.89"},
	} {
		got, err := pricing.Erasable(dec(c.due))
		require.NoError(t, err)
		assert.Equal(t, c.want, got.StringFixed(2), c.due)
	}
	for _, bad := range []string{"-1.00", "1.005"} { // hostile: negative, below the fen
		_, err := pricing.Erasable(dec(bad))
		require.ErrorIs(t, err, pricing.ErrInvalidAmount, bad)
	}
}

// rule P3: erase change only the change below the yuan, and at most 1% of
// the order.
func TestReviewEraseChangeAmount(t *testing.T) {
	p := pricing.DefaultPolicy()
	in := agent("zhang", order.InSales)
	cases := []struct {
		reason string
		o      *order.Order
		amount string
		want   order.Verdict
		why    pricing.Reason
	}{
		{"128.50 → erase 0.50, within 1.28", unpaid(), "0.50", order.Allowed, 0},
		{"0.40 is not the change of 128.50", unpaid(), "0.40", order.Refused, pricing.ReasonNotSmallChange},
		{"1.50 erases a yuan too: a price cut", unpaid(), "1.50", order.Refused, pricing.ReasonNotSmallChange},
		{"30.99 → 0.99 is above 1% (0.30)", smallOrder(), "0.99", order.Refused, pricing.ReasonEraseOverShare},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := p.Review(request(in, c.o, pricing.EraseChange, c.amount), pricing.AgentUsage{}, pricing.OrderUsage{})
			require.NoError(t, err)
			assert.Equal(t, c.want, d.Verdict, d.Reasons.String())
			if c.why != 0 {
				assert.True(t, d.Reasons.Has(c.why), d.Reasons.String())
			}
			assert.Equal(t, order.RoleUnknown, d.Approver, "nobody approves what is refused")
		})
	}
}

// smallOrder is 1 × 30.99, free postage: due 30.99.
func smallOrder() *order.Order {
	s := spec()
	s.ID, s.Postage = "T2003", dec("0")
	s.Lines = []order.Line{{SKU: "CUP-9", Quantity: 1, UnitPrice: dec("30.99")}}
	o := order.MustNew(s)
	return &o
}

// rule P3: at most three erases a day per agent, counted on China's
// calendar: the fourth on 11 November at 23:59:59 needs approval, one at
// 00:00:00 on 12 November is the first of a new day.
func TestReviewEraseDailyLimitDayBoundary(t *testing.T) {
	p := pricing.DefaultPolicy()
	in := agent("zhang", order.InSales)
	u := pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-11", Erases: 3}
	cases := []struct {
		reason string
		at     time.Time
		want   order.Verdict
	}{
		{"23:59:59 China time is still the 11th", time.Date(2026, 11, 11, 23, 59, 59, 0, cst), order.NeedsApproval},
		{"the same instant in UTC", time.Date(2026, 11, 11, 15, 59, 59, 0, time.UTC), order.NeedsApproval},
		{"00:00:00 China time is the 12th", time.Date(2026, 11, 12, 0, 0, 0, 0, cst), order.Allowed},
		{"16:00 UTC on the 11th is midnight in China", time.Date(2026, 11, 11, 16, 0, 0, 0, time.UTC), order.Allowed},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r := request(in, unpaid(), pricing.EraseChange, "0.50")
			r.At = c.at
			d, err := p.Review(r, u, noOrder)
			require.NoError(t, err)
			assert.Equal(t, c.want, d.Verdict, d.Reasons.String())
			assert.Equal(t, c.want == order.NeedsApproval, d.Reasons.Has(pricing.ReasonEraseDailyLimit))
			if c.want == order.NeedsApproval {
				assert.Equal(t, order.TeamLeader, d.Approver)
			}
		})
	}
	// Two erases: the third is still allowed.
	d, err := p.Review(request(in, unpaid(), pricing.EraseChange, "0.50"), pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-10", Erases: 2}, noOrder)
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
}

// rule P3: Record counts erases per day in the policy's zone and starts a
// new count at midnight China time; rule P4: it counts the order's price
// changes. Each state comes back with its key and its version one higher.
func TestRecordCountsErasesPerDay(t *testing.T) {
	p := pricing.DefaultPolicy()
	in := agent("zhang", order.InSales)
	var au pricing.AgentUsage
	var ou pricing.OrderUsage
	r := request(in, unpaid(), pricing.EraseChange, "0.50")
	for i := 1; i <= 3; i++ {
		r.At = time.Date(2026, 11, 11, 23, 59, 57+i-1, 0, cst)
		na, no, err := p.Record(r, au, ou)
		require.NoError(t, err)
		au, ou = na, no
		assert.Equal(t, pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-11", Erases: i, Version: int64(i)}, au)
		assert.Equal(t, pricing.OrderUsage{OrderID: "T2001", PriceChanges: i, Version: int64(i)}, ou)
	}
	r.At = time.Date(2026, 11, 11, 23, 59, 59, 0, cst)
	d, err := p.Review(r, au, ou)
	require.NoError(t, err)
	assert.True(t, d.Reasons.Has(pricing.ReasonEraseDailyLimit))

	r.At = time.Date(2026, 11, 12, 0, 0, 0, 0, cst)
	au, ou, err = p.Record(r, au, ou)
	require.NoError(t, err)
	assert.Equal(t, pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-12", Erases: 1, Version: 4}, au)
	assert.Equal(t, 4, ou.PriceChanges)

	// A gift touches neither count: both come back as they were.
	gift := request(agent("lead", order.TeamLeader), unpaid(), pricing.Gift, "5.00")
	ga, go2, err := p.Record(gift, noAgent, ou)
	require.NoError(t, err)
	assert.Equal(t, noAgent, ga)
	assert.Equal(t, ou, go2)

	// Another zone, another calendar: at 00:30 China time it is still the
	// 11th in UTC.
	p.Zone = "UTC"
	au, _, err = p.Record(r, noAgent, noOrder)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-11", au.Day)
}

// rule P3, rule P4, issue 11 #5: usage state is split by owner, and malformed state is an
// error, never read as "nothing used yet": erases without a day, the
// state of another agent or order, a key that fails the identity rule.
func TestReviewRefusesMalformedUsage(t *testing.T) {
	p := pricing.DefaultPolicy()
	r := request(agent("zhang", order.InSales), unpaid(), pricing.EraseChange, "0.50")
	cases := []struct {
		reason string
		au     pricing.AgentUsage
		ou     pricing.OrderUsage
		field  string
	}{
		{"erases with no agent and no day", pricing.AgentUsage{Erases: 7}, noOrder, "agent_usage.agent_id"},
		{"erases with no day", pricing.AgentUsage{AgentID: "zhang", Erases: 7}, noOrder, "agent_usage.day"},
		{"another agent's day", pricing.AgentUsage{AgentID: "li", Day: "2026-11-10", Erases: 1}, noOrder, "agent_usage.agent_id"},
		{"not a calendar day", pricing.AgentUsage{AgentID: "zhang", Day: "2026-02-30", Erases: 1}, noOrder, "agent_usage.day"},
		{"a malformed day", pricing.AgentUsage{AgentID: "zhang", Day: "11/11/2026", Erases: 1}, noOrder, "agent_usage.day"},
		{"a negative erase count", pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-10", Erases: -1}, noOrder, "agent_usage.erases"},
		{"a negative version", pricing.AgentUsage{AgentID: "zhang", Version: -1}, noOrder, "agent_usage.version"},
		{"hostile: a look-alike key", pricing.AgentUsage{AgentID: "zhang\u200b", Day: "2026-11-10", Erases: 1}, noOrder, "agent_usage.agent_id"},
		{"price changes with no order", noAgent, pricing.OrderUsage{PriceChanges: 1}, "order_usage.order_id"},
		{"another order's changes", noAgent, pricing.OrderUsage{OrderID: "T9", PriceChanges: 1}, "order_usage.order_id"},
		{"negative price changes", noAgent, pricing.OrderUsage{OrderID: "T2001", PriceChanges: -1}, "order_usage.price_changes"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := p.Review(r, c.au, c.ou)
			require.ErrorIs(t, err, pricing.ErrInvalidState)
			assert.Equal(t, 422, order.HTTPStatus(err))
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, pricing.Decision{}, d)
			na, no, err := p.Record(r, c.au, c.ou)
			require.ErrorIs(t, err, pricing.ErrInvalidState)
			assert.Equal(t, c.au, na)
			assert.Equal(t, c.ou, no)
		})
	}
	// A full-width key is the same agent.
	d, err := p.Review(r, pricing.AgentUsage{AgentID: "ｚｈａｎｇ", Day: "2026-11-10", Erases: 3}, noOrder)
	require.NoError(t, err)
	assert.True(t, d.Reasons.Has(pricing.ReasonEraseDailyLimit))
}

// Each usage state has a strict JSON form that a database column holds.
func TestUsageJSON(t *testing.T) {
	au := pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-11", Erases: 2, Version: 5}
	b, err := json.Marshal(au)
	require.NoError(t, err)
	assert.JSONEq(t, `{"agent_id":"zhang","day":"2026-11-11","erases":2,"version":5}`, string(b))
	var back pricing.AgentUsage
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, au, back)
	for in, want := range map[string]error{
		`{"agent_id":"zhang","erases":7}`:                      pricing.ErrInvalidState,
		`{"agent_id":"zhang","day":"2026-11-11","erasse":1}`:   pricing.ErrUnknownField,
		`{"agent_id":"zhang","day":"2026-11-11","erases":"1"}`: pricing.ErrInvalidJSON,
		`{"erases":1,"day":"2026-11-11"}`:                      pricing.ErrMissing,
	} {
		require.ErrorIs(t, json.Unmarshal([]byte(in), &back), want, in)
		assert.Equal(t, au, back, "unchanged on error")
	}
	ou := pricing.OrderUsage{OrderID: "T2001", PriceChanges: 1, Version: 1}
	b, err = json.Marshal(ou)
	require.NoError(t, err)
	assert.JSONEq(t, `{"order_id":"T2001","price_changes":1,"version":1}`, string(b))
	var oback pricing.OrderUsage
	require.NoError(t, json.Unmarshal(b, &oback))
	assert.Equal(t, ou, oback)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"order_id":"T2001","price_changes":1,"day":"x"}`), &oback), pricing.ErrUnknownField)
	require.NoError(t, json.Unmarshal([]byte(`{"order_id":"Ｔ2001","price_changes":2}`), &oback))
	assert.Equal(t, "T2001", oback.OrderID, "the key is kept canonical")
}

// rule P4: a second price change on the same order, and a price change
// after payment, are flagged and need someone above.
func TestReviewFlagsPriceChanges(t *testing.T) {
	p := pricing.DefaultPolicy()
	in := agent("zhang", order.InSales)
	cases := []struct {
		reason  string
		o       *order.Order
		kind    pricing.Kind
		amount  string
		usage   pricing.OrderUsage
		want    order.Verdict
		flagged pricing.Reason
	}{
		{"first postage change before payment", unpaid(), pricing.Postage, "5.00", noOrder, order.Allowed, 0},
		{"second price change", unpaid(), pricing.Postage, "5.00", pricing.OrderUsage{OrderID: "T2001", PriceChanges: 1}, order.NeedsApproval, pricing.ReasonRepeatPriceChange},
		{"postage change after payment", paid(), pricing.Postage, "5.00", noOrder, order.NeedsApproval, pricing.ReasonAfterPayment},
		{"erase change after payment", paid(), pricing.EraseChange, "0.50", noOrder, order.NeedsApproval, pricing.ReasonAfterPayment},
		{"a gift does not change the price", paid(), pricing.Gift, "5.00", pricing.OrderUsage{OrderID: "T2001", PriceChanges: 1}, order.NeedsApproval, 0},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := p.Review(request(in, c.o, c.kind, c.amount), noAgent, c.usage)
			require.NoError(t, err)
			assert.Equal(t, c.want, d.Verdict, d.Reasons.String())
			if c.flagged != 0 {
				assert.True(t, d.Reasons.Has(c.flagged), d.Reasons.String())
				assert.Equal(t, order.TeamLeader, d.Approver)
			} else {
				assert.False(t, d.Reasons.Has(pricing.ReasonRepeatPriceChange))
				assert.False(t, d.Reasons.Has(pricing.ReasonAfterPayment))
			}
		})
	}
	// The store manager has nobody above: the flags stay as warnings.
	d, err := p.Review(request(agent("boss", order.StoreManager), paid(), pricing.PriceCut, "5.00"), noAgent, pricing.OrderUsage{OrderID: "T2001", PriceChanges: 1})
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
	assert.True(t, d.Reasons.Has(pricing.ReasonRepeatPriceChange))
	assert.True(t, d.Reasons.Has(pricing.ReasonAfterPayment))
}

// rule A4: during a big promotion the shop loosens authority for a
// period, and only for that period.
func TestReviewPeriodLimits(t *testing.T) {
	p := pricing.DefaultPolicy()
	loose := p.Limits
	loose.PreSales.PriceCut, loose.PreSales.PriceCutPercent = dec("10.00"), dec("5")
	loose.InSales.PriceCut, loose.InSales.PriceCutPercent = dec("10.00"), dec("5")
	loose.AfterSales.PriceCut, loose.AfterSales.PriceCutPercent = dec("10.00"), dec("5")
	loose.ReviewHandling.PriceCut, loose.ReviewHandling.PriceCutPercent = dec("10.00"), dec("5")
	p.Periods = []pricing.Period{{Name: "double11",
		Start: time.Date(2026, 11, 11, 0, 0, 0, 0, cst), End: time.Date(2026, 11, 12, 0, 0, 0, 0, cst), Limits: loose}}
	require.NoError(t, p.Validate())

	a := agent("xiaomei", order.PreSales)
	r := request(a, unpaid(), pricing.PriceCut, "5.00")
	for _, c := range []struct {
		reason string
		at     time.Time
		want   order.Verdict
		period string
	}{
		{"the day before", time.Date(2026, 11, 10, 23, 59, 59, 0, cst), order.NeedsApproval, ""},
		{"the period's first second", time.Date(2026, 11, 11, 0, 0, 0, 0, cst), order.Allowed, "double11"},
		{"its last second", time.Date(2026, 11, 11, 23, 59, 59, 0, cst), order.Allowed, "double11"},
		{"the end is exclusive", time.Date(2026, 11, 12, 0, 0, 0, 0, cst), order.NeedsApproval, ""},
	} {
		t.Run(c.reason, func(t *testing.T) {
			r.At = c.at
			d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
			require.NoError(t, err)
			assert.Equal(t, c.want, d.Verdict, d.Reasons.String())
			assert.Equal(t, c.period, d.Period)
			assert.Equal(t, c.period != "", d.Reasons.Has(pricing.ReasonPeriodLimits))
		})
	}
}

// TestReviewNamesThePeriodOnlyWhenItsLimitsDecided: rule A4 — during a
// period a decision carries period_limits and the period's name when the
// period's limits decided it: its verdict came from them, or a reason of
// theirs or the suggestion did. A refusal no limit had a part in — a
// closed order, more than the order or its postage, change that is not
// small change, a missed promotion with nothing offered — does not.
func TestReviewNamesThePeriodOnlyWhenItsLimitsDecided(t *testing.T) {
	p := pricing.DefaultPolicy()
	loose := p.Limits
	loose.PreSales.Gift, loose.InSales.Gift, loose.AfterSales.Gift, loose.ReviewHandling.Gift = dec("10.00"), dec("10.00"), dec("10.00"), dec("10.00")
	p.Periods = []pricing.Period{{Name: "double11", Start: t0.Add(-time.Hour), End: t0.Add(time.Hour), Limits: loose}}
	require.NoError(t, p.Validate())

	in, lead := agent("xiaozhang", order.InSales), agent("lead", order.TeamLeader)
	closedSpec := spec()
	closedSpec.Status, closedSpec.ClosedAt = order.ClosedUnpaid, t0
	closed := order.MustNew(closedSpec)
	freeSpec := spec()
	freeSpec.Postage = dec("0")
	free := order.MustNew(freeSpec)
	expired := &pricing.Promotion{Name: "early bird", SKU: "TEA-02", Price: dec("49.00"), Start: t0.Add(-3 * time.Hour), End: t0.Add(-2 * time.Hour)}
	missed := func(r pricing.Request) pricing.Request { r.Promotion = expired; return r }
	for _, c := range []struct {
		reason  string
		r       pricing.Request
		verdict order.Verdict
		named   bool
	}{
		{"a gift within the period's limits", request(in, unpaid(), pricing.Gift, "5.00"), order.Allowed, true},
		{"a gift beyond them: the approver is found by them", request(in, unpaid(), pricing.Gift, "20.00"), order.NeedsApproval, true},
		{"a cut beyond every role's share", request(in, unpaid(), pricing.PriceCut, "100.00"), order.Refused, true},
		{"a missed promotion with a gift offered from the period's limits", missed(request(lead, unpaid(), pricing.PriceCut, "5.00")), order.Refused, true},
		{"a closed order", request(in, &closed, pricing.Gift, "5.00"), order.Refused, false},
		{"more than the order", request(in, unpaid(), pricing.Gift, "200.00"), order.Refused, false},
		{"postage on an order that ships free", request(in, &free, pricing.Postage, "5.00"), order.Refused, false},
		{"change that is not small change", request(in, unpaid(), pricing.EraseChange, "0.40"), order.Refused, false},
		{"a missed promotion with nothing offered", missed(request(lead, unpaid(), pricing.Gift, "5.00")), order.Refused, false},
	} {
		t.Run(c.reason, func(t *testing.T) {
			d, err := p.Review(c.r, pricing.AgentUsage{}, pricing.OrderUsage{})
			require.NoError(t, err)
			require.Equal(t, c.verdict, d.Verdict, d.Reasons.String())
			assert.Equal(t, c.named, d.Reasons.Has(pricing.ReasonPeriodLimits), d.Reasons.String())
			want := ""
			if c.named {
				want = "double11"
			}
			assert.Equal(t, want, d.Period)
			assert.Equal(t, c.named, strings.Contains(d.Staff(order.English), "(double11)"), d.Staff(order.English))
		})
	}
}

// rule P1: a buyer who missed the promotion is refused its price, by
// every role; inside the window the request is reviewed as usual.
func TestReviewPromotionWindow(t *testing.T) {
	p := pricing.DefaultPolicy()
	promo := &pricing.Promotion{Name: "double11", SKU: "TEA-02", Price: dec("49.00"),
		Start: time.Date(2026, 11, 11, 0, 0, 0, 0, cst), End: time.Date(2026, 11, 12, 0, 0, 0, 0, cst)}
	for _, role := range order.Roles() {
		r := request(agent("a", role), unpaid(), pricing.PriceCut, "5.00")
		r.Promotion = promo
		r.At = time.Date(2026, 11, 12, 0, 0, 1, 0, cst)
		d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
		require.NoError(t, err)
		assert.Equal(t, order.Refused, d.Verdict, role.String())
		assert.True(t, d.Reasons.Has(pricing.ReasonOutsidePromotion))
		assert.Equal(t, order.RoleUnknown, d.Approver)
	}
	r := request(agent("lead", order.TeamLeader), unpaid(), pricing.PriceCut, "5.00")
	r.Promotion = promo
	r.At = time.Date(2026, 11, 11, 12, 0, 0, 0, cst)
	d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
	assert.False(t, d.Reasons.Has(pricing.ReasonOutsidePromotion))

	// Hostile: a window that ends before it starts, a SKU not on the order.
	bad := *promo
	bad.End = bad.Start
	r.Promotion = &bad
	_, err = p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.ErrorIs(t, err, pricing.ErrInvalidPromotion)
	bad = *promo
	bad.SKU = "NOPE-1"
	r.Promotion = &bad
	_, err = p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.ErrorIs(t, err, pricing.ErrInvalidPromotion)
}

// rule P5: an oversold promotion item is compensated through the store
// manager, an agent's fault through the team leader, and both go through
// Review.
func TestCompensationRouting(t *testing.T) {
	p := pricing.DefaultPolicy()
	cases := []struct {
		reason   string
		cause    pricing.Cause
		who      order.Role
		want     order.Verdict
		approver order.Role
		why      pricing.Reason
	}{
		{"oversold, asked by in-sales", pricing.Oversold, order.InSales, order.NeedsApproval, order.StoreManager, pricing.ReasonOversold},
		{"oversold, asked by the team leader", pricing.Oversold, order.TeamLeader, order.NeedsApproval, order.StoreManager, pricing.ReasonOversold},
		{"oversold, granted by the store manager", pricing.Oversold, order.StoreManager, order.Allowed, order.RoleUnknown, pricing.ReasonOversold},
		{"agent at fault, asked by after-sales", pricing.AgentFault, order.AfterSales, order.NeedsApproval, order.TeamLeader, pricing.ReasonAgentFault},
		{"agent at fault, granted by the supervisor", pricing.AgentFault, order.TeamLeader, order.Allowed, order.RoleUnknown, pricing.ReasonAgentFault},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			// A paid order: a compensation is not a price change (no P4 flag).
			var r pricing.Request
			var err error
			if c.cause == pricing.Oversold {
				r, err = pricing.CompensateOversell(oversold(t, true), agent("a", c.who), pricing.Gift, dec("8.00"), t0)
			} else {
				r, err = pricing.NewCompensation(c.cause, agent("a", c.who), paid(), pricing.Gift, dec("8.00"), t0)
			}
			require.NoError(t, err)
			assert.Equal(t, c.cause, r.Cause)
			d, err := p.Review(r, noAgent, pricing.OrderUsage{OrderID: r.Order.ID(), PriceChanges: 1})
			require.NoError(t, err)
			assert.Equal(t, c.want, d.Verdict, d.Reasons.String())
			assert.Equal(t, c.approver, d.Approver)
			assert.True(t, d.Reasons.Has(c.why))
			assert.False(t, d.Reasons.Has(pricing.ReasonAfterPayment))
		})
	}
	// A compensation beyond the route's authority goes higher.
	r, err := pricing.NewCompensation(pricing.AgentFault, agent("a", order.InSales), paid(), pricing.Gift, dec("60.00"), t0)
	require.NoError(t, err)
	d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.StoreManager, d.Approver)

	_, err = pricing.NewCompensation(pricing.NoCause, agent("a", order.InSales), paid(), pricing.Gift, dec("8.00"), t0)
	require.ErrorIs(t, err, pricing.ErrUnknownCause)
	_, err = pricing.NewCompensation(pricing.AgentFault, agent("a", order.InSales), paid(), pricing.Gift, dec("-8.00"), t0)
	require.ErrorIs(t, err, pricing.ErrInvalidAmount)
}

// oversold returns the allocation of the later of two paid orders that
// compete for the last two units of TEA-02: it is left short; promotion
// says whether the item was sold in a promotion.
func oversold(t *testing.T, promotion bool) order.Allocation {
	t.Helper()
	first, later := spec(), spec()
	first.ID, later.ID = "T2101", "T2102"
	first.Status, first.PaidAt = order.AwaitingDispatch, t0.Add(-5*time.Minute)
	later.Status, later.PaidAt = order.AwaitingDispatch, t0.Add(-4*time.Minute)
	a, b := order.MustNew(first), order.MustNew(later)
	stock, err := order.NewStock(map[string]int{"TEA-02": 2})
	require.NoError(t, err)
	plan, err := order.Oversell(order.OversellRequest{SKU: "TEA-02", Stock: stock, Orders: []*order.Order{&a, &b}, Promotion: promotion})
	require.NoError(t, err)
	require.Len(t, plan.Allocations, 2)
	require.True(t, plan.Allocations[0].Full())
	return plan.Allocations[1]
}

// rule P5, rule O3: an oversold compensation is owed only to a buyer left
// short of a promotion item, which the oversell plan says; anything else
// is refused with ErrNotCompensable.
func TestCompensateOversellNeedsPromotionShortfall(t *testing.T) {
	zhang := agent("zhang", order.InSales)
	short := oversold(t, true)
	r, err := pricing.CompensateOversell(short, zhang, pricing.Gift, dec("8.00"), t0)
	require.NoError(t, err)
	assert.Equal(t, pricing.Oversold, r.Cause)
	assert.Equal(t, "T2102", r.Order.ID())

	cases := []struct {
		reason string
		al     order.Allocation
		err    error
	}{
		{"an item not sold in a promotion", oversold(t, false), pricing.ErrNotCompensable},
		{"served in full", func() order.Allocation { a := short; a.Allocated = a.Ordered; return a }(), pricing.ErrNotCompensable},
		{"an allocation without an order", order.Allocation{RequestCompensation: true, Ordered: 1}, pricing.ErrMissing}, // hostile
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			got, err := pricing.CompensateOversell(c.al, zhang, pricing.Gift, dec("8.00"), t0)
			require.ErrorIs(t, err, c.err)
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "allocation.order", e.Field)
			assert.Equal(t, pricing.Request{}, got)
		})
	}
	// Bad input in the concession itself: Review's errors.
	_, err = pricing.CompensateOversell(short, zhang, pricing.Gift, dec("0.001"), t0)
	require.ErrorIs(t, err, pricing.ErrInvalidAmount)
	_, err = pricing.CompensateOversell(short, zhang, pricing.KindUnknown, dec("8.00"), t0)
	require.ErrorIs(t, err, pricing.ErrUnknownKind)

	// Without the plan there is no proof of a promotion item.
	_, err = pricing.NewCompensation(pricing.Oversold, zhang, paid(), pricing.Gift, dec("8.00"), t0)
	require.ErrorIs(t, err, pricing.ErrNotCompensable)
}

func TestReviewClosedOrder(t *testing.T) {
	s := spec()
	s.Status, s.ClosedAt = order.ClosedUnpaid, t0
	o := order.MustNew(s)
	d, err := defaultPolicy().Review(request(agent("lead", order.TeamLeader), &o, pricing.Gift, "1.00"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.Refused, d.Verdict)
	assert.True(t, d.Reasons.Has(pricing.ReasonOrderClosed))
}

// Bad input is an error that names the field, never a decision, is of
// the invalid-input class, and leaves the usage state as it was.
func TestReviewBadInput(t *testing.T) {
	p := pricing.DefaultPolicy()
	good := request(agent("zhang", order.InSales), unpaid(), pricing.Postage, "5.00")
	var zero order.Order
	type usage struct {
		a pricing.AgentUsage
		o pricing.OrderUsage
	}
	cases := []struct {
		reason string
		edit   func(*pricing.Request, *usage)
		err    error
		field  string
	}{
		{"no agent ID", func(r *pricing.Request, _ *usage) { r.Agent.ID = "" }, pricing.ErrMissing, "agent.id"},
		{"unknown role", func(r *pricing.Request, _ *usage) { r.Agent.Role = 42 }, pricing.ErrUnknownRole, "agent.role"},
		{"no order", func(r *pricing.Request, _ *usage) { r.Order = nil }, pricing.ErrMissing, "order"},
		{"the zero order", func(r *pricing.Request, _ *usage) { r.Order = &zero }, pricing.ErrMissing, "order"},
		{"unknown kind", func(r *pricing.Request, _ *usage) { r.Kind = 9 }, pricing.ErrUnknownKind, "kind"},
		{"no kind", func(r *pricing.Request, _ *usage) { r.Kind = 0 }, pricing.ErrUnknownKind, "kind"},
		{"unknown cause", func(r *pricing.Request, _ *usage) { r.Cause = 7 }, pricing.ErrUnknownCause, "cause"},
		{"no time", func(r *pricing.Request, _ *usage) { r.At = time.Time{} }, pricing.ErrMissing, "at"},
		{"zero amount", func(r *pricing.Request, _ *usage) { r.Amount = dec("0") }, pricing.ErrInvalidAmount, "amount"},
		{"negative amount", func(r *pricing.Request, _ *usage) { r.Amount = dec("-5.00") }, pricing.ErrInvalidAmount, "amount"},
		{"below the fen", func(r *pricing.Request, _ *usage) { r.Amount = dec("4.999") }, pricing.ErrInvalidAmount, "amount"},
		{"absurdly large", func(r *pricing.Request, _ *usage) { r.Amount = dec("1e30") }, pricing.ErrInvalidAmount, "amount"},
		{"negative erase count", func(_ *pricing.Request, u *usage) { u.a.Erases = -1 }, pricing.ErrInvalidState, "agent_usage.erases"},
		{"negative price changes", func(_ *pricing.Request, u *usage) { u.o.PriceChanges = -1 }, pricing.ErrInvalidState, "order_usage.price_changes"},
		{"malformed day", func(_ *pricing.Request, u *usage) { u.a.Day = "11/11/2026" }, pricing.ErrInvalidState, "agent_usage.day"},
		// Hostile text and times.
		{"agent ID not UTF-8", func(r *pricing.Request, _ *usage) { r.Agent.ID = "zh\xffang" }, pricing.ErrInvalidText, "agent.id"},
		{"agent ID with a space", func(r *pricing.Request, _ *usage) { r.Agent.ID = "zh ang" }, pricing.ErrInvalidText, "agent.id"},
		{"agent ID with a zero-width space", func(r *pricing.Request, _ *usage) { r.Agent.ID = "zh\u200bang" }, pricing.ErrInvalidText, "agent.id"},
		{"agent ID too long", func(r *pricing.Request, _ *usage) { r.Agent.ID = strings.Repeat("z", 65) }, pricing.ErrInvalidText, "agent.id"},
		{"a megabyte agent name", func(r *pricing.Request, _ *usage) { r.Agent.Name = strings.Repeat("\u0301", 1<<19) }, pricing.ErrInvalidText, "agent.name"},
		{"a time before year 1", func(r *pricing.Request, _ *usage) { r.At = time.Date(-1, 11, 11, 0, 0, 0, 0, cst) }, pricing.ErrInvalidTime, "at"},
		{"a time after year 9999", func(r *pricing.Request, _ *usage) { r.At = time.Date(12026, 11, 11, 0, 0, 0, 0, cst) }, pricing.ErrInvalidTime, "at"},
		{"a promotion price below the fen", func(r *pricing.Request, _ *usage) {
			r.Promotion = &pricing.Promotion{Name: "d11", SKU: "TEA-02", Price: dec("49.001"), Start: t0, End: t0.Add(time.Hour)}
		}, pricing.ErrInvalidPromotion, "promotion.price"},
		{"a negative promotion price", func(r *pricing.Request, _ *usage) {
			r.Promotion = &pricing.Promotion{Name: "d11", SKU: "TEA-02", Price: dec("-1"), Start: t0, End: t0.Add(time.Hour)}
		}, pricing.ErrInvalidPromotion, "promotion.price"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r := good
			u := usage{pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-10", Erases: 1}, pricing.OrderUsage{OrderID: "T2001"}}
			c.edit(&r, &u)
			before := u
			d, err := p.Review(r, u.a, u.o)
			require.ErrorIs(t, err, c.err)
			assert.Equal(t, 422, order.HTTPStatus(err))
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, pricing.Decision{}, d)
			na, no, err := p.Record(r, u.a, u.o)
			require.ErrorIs(t, err, c.err)
			assert.Equal(t, before, usage{na, no}, "usage unchanged")
		})
	}
	_, err := p.Review(request(agent("zhang", order.InSales), unpaid(), pricing.Gift, "4.999"), noAgent, noOrder)
	assert.EqualError(t, err, `pricing: amount "4.999": invalid amount: more than two decimals`)
}

// rule P2, rule A3, issue 11 #1: what an agent's console shows as an outcome is a decision,
// not an error: a concession larger than the order, a postage concession
// on an order that ships free or larger than its postage. Nobody may
// grant them, so nobody may approve them either.
func TestReviewRefusalsAreDecisions(t *testing.T) {
	p := pricing.DefaultPolicy()
	cases := []struct {
		reason string
		o      *order.Order
		kind   pricing.Kind
		amount string
		why    pricing.Reason
		limit  string
	}{
		{"a postage concession on an order that ships free", smallOrder(), pricing.Postage, "5.00", pricing.ReasonShipsFree, "0.00"},
		{"more postage than charged", unpaid(), pricing.Postage, "10.01", pricing.ReasonExceedsPostage, "10.00"},
		{"a price cut larger than the order", unpaid(), pricing.PriceCut, "128.51", pricing.ReasonExceedsOrder, "0.00"},
		{"a gift worth more than the order", unpaid(), pricing.Gift, "200.00", pricing.ReasonExceedsOrder, "0.00"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r := request(agent("zhang", order.InSales), c.o, c.kind, c.amount)
			d, err := p.Review(r, noAgent, noOrder)
			require.NoError(t, err)
			assert.Equal(t, order.Refused, d.Verdict)
			assert.Equal(t, order.SetOf(c.why), d.Reasons)
			assert.Equal(t, order.RoleUnknown, d.Approver)
			assert.Equal(t, c.limit, d.Limit().StringFixed(2))
			_, err = p.Approve(r, noAgent, noOrder, boss, "ap-1", t0.Add(time.Hour))
			require.ErrorIs(t, err, pricing.ErrApproverAuthority)
		})
	}
}

// A broken policy is an error naming the field, not a decision.
func TestReviewBadPolicy(t *testing.T) {
	p := pricing.DefaultPolicy()
	p.Limits.InSales.Postage = dec("1.001")
	_, err := p.Review(request(agent("zhang", order.InSales), unpaid(), pricing.Postage, "5.00"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.ErrorIs(t, err, pricing.ErrInvalidPolicy)
	assert.Contains(t, err.Error(), "limits.in_sales.postage")

	// An unknown zone: Validate and Record refuse it; Review reads the
	// zone only when it needs the calendar (an agent's erase count at the
	// limit), so that a zone name is never loaded on the common path.
	p = pricing.DefaultPolicy()
	p.Zone = "Mars/Olympus"
	require.ErrorIs(t, p.Validate(), pricing.ErrInvalidPolicy)
	erase := request(agent("zhang", order.InSales), unpaid(), pricing.EraseChange, "0.50")
	_, _, err = p.Record(erase, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrInvalidPolicy)
	_, err = p.Review(erase, pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-10", Erases: 3}, noOrder)
	require.ErrorIs(t, err, pricing.ErrInvalidPolicy)
	var e *pricing.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "zone", e.Field)

	_, _, err = new(pricing.Store).Redeem(pricing.Policy{}, "x", shopKey, erase, noAgent, noOrder)
	require.Error(t, err)
}

// Hostile: an amount with a huge exponent is refused without printing
// its digits out in full.
func TestReviewHugeExponent(t *testing.T) {
	huge := decimal.New(1, 2_000_000_000) // built in code: parsing caps the exponent at 10000
	_, err := defaultPolicy().Review(pricing.Request{Agent: xiaomei, Order: unpaid(), Kind: pricing.Gift, Amount: huge, At: t0}, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrInvalidAmount)
	assert.Less(t, len(err.Error()), 200)
	assert.Contains(t, err.Error(), `"1e2000000000"`)
	tiny := decimal.New(1, -2_000_000_000)
	_, err = pricing.NewDifference("T1", tiny, dec("1"))
	require.ErrorIs(t, err, pricing.ErrInvalidAmount)
	assert.Less(t, len(err.Error()), 200)
}
