package pricing_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// rule P2, rule P3: the defaults are DOMAIN.md's: gift, postage, then
// price cut; erase at most 1% and 3 times a day; pre-sales may not erase.
// rule A3: below the team leader nobody gives a gift or a price cut alone.
func TestDefaultPolicy(t *testing.T) {
	p := pricing.DefaultPolicy()
	require.NoError(t, p.Validate())
	assert.Equal(t, []pricing.Kind{pricing.Gift, pricing.Postage, pricing.PriceCut}, p.Preference)
	assert.Equal(t, "1.00", p.Limits.ErasePercent.StringFixed(2))
	assert.Equal(t, 3, p.Limits.EraseTimesPerDay)
	assert.False(t, p.Limits.PreSales.EraseChange)
	assert.Equal(t, order.TeamLeader, p.Approver)
	for _, r := range []order.Role{order.PreSales, order.InSales, order.AfterSales, order.ReviewHandling} {
		a := p.Limits.For(r)
		assert.True(t, a.Gift.IsZero(), r.String())
		assert.True(t, a.PriceCut.IsZero(), r.String())
	}
	assert.Nil(t, p.Limits.For(order.RoleUnknown))
}

func TestPolicyJSONRoundTrip(t *testing.T) {
	p := pricing.DefaultPolicy()
	p.Periods = []pricing.Period{{Name: "double11", Start: time.Date(2026, 11, 11, 0, 0, 0, 0, cst),
		End: time.Date(2026, 11, 12, 0, 0, 0, 0, cst), Limits: p.Limits}}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	s := string(b)
	assert.Contains(t, s, `"preference":["gift","postage","price_cut"]`)
	assert.Contains(t, s, `"approver":"team_leader"`)
	assert.Contains(t, s, `"team_leader":{"gift":"50.00","postage":"30.00","price_cut":"50.00","price_cut_percent":"10.00","erase_change":true}`)
	assert.Contains(t, s, `"erase_percent":"1.00","erase_times_per_day":3`)

	var back pricing.Policy
	require.NoError(t, json.Unmarshal(b, &back))
	require.NoError(t, back.Validate())
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, s, string(b2))

	// A shop's file with numbers instead of text.
	require.NoError(t, json.Unmarshal([]byte(`{"preference":["postage","gift","price_cut"],"approver":"store_manager",
		"limits":{"store_manager":{"gift":100,"postage":5,"price_cut":0,"price_cut_percent":0},"erase_percent":2,"erase_times_per_day":2}}`), &back))
	require.NoError(t, back.Validate())
	assert.Equal(t, pricing.Postage, back.Preference[0])
	assert.Equal(t, "100.00", back.Limits.StoreManager.Gift.StringFixed(2))

	// Hostile: an unknown kind or role.
	require.Error(t, json.Unmarshal([]byte(`{"preference":["cashback"]}`), &back))
	require.Error(t, json.Unmarshal([]byte(`{"approver":"boss"}`), &back))
}

// Validate names the bad field. rule A1: authority never decreases from
// one role to the next.
func TestPolicyValidate(t *testing.T) {
	cases := []struct {
		reason string
		edit   func(*pricing.Policy)
		field  string
	}{
		{"unknown zone", func(p *pricing.Policy) { p.Zone = "Mars/Base" }, "zone"},
		{"no approver", func(p *pricing.Policy) { p.Approver = 0 }, "approver"},
		{"preference too short", func(p *pricing.Policy) { p.Preference = p.Preference[:2] }, "preference"},
		{"preference twice the same", func(p *pricing.Policy) { p.Preference = []pricing.Kind{pricing.Gift, pricing.Gift, pricing.PriceCut} }, "preference[1]"},
		{"erase in the preference", func(p *pricing.Policy) { p.Preference[2] = pricing.EraseChange }, "preference[2]"},
		{"negative gift", func(p *pricing.Policy) { p.Limits.StoreManager.Gift = dec("-1") }, "limits.store_manager.gift"},
		{"postage below the fen", func(p *pricing.Policy) { p.Limits.InSales.Postage = dec("1.001") }, "limits.in_sales.postage"},
		{"percent over 100", func(p *pricing.Policy) { p.Limits.StoreManager.PriceCutPercent = dec("100.01") }, "limits.store_manager.price_cut_percent"},
		{"rule A1: a role with less than the one below", func(p *pricing.Policy) { p.Limits.TeamLeader.Postage = dec("5") }, "limits.team_leader.postage"},
		{"rule A1: erase taken away above", func(p *pricing.Policy) { p.Limits.TeamLeader.EraseChange = false }, "limits.team_leader.erase_change"},
		{"erase percent negative", func(p *pricing.Policy) { p.Limits.ErasePercent = dec("-1") }, "limits.erase_percent"},
		{"erase count negative", func(p *pricing.Policy) { p.Limits.EraseTimesPerDay = -1 }, "limits.erase_times_per_day"},
		{"period without name", func(p *pricing.Policy) { p.Periods = []pricing.Period{{Start: t0, End: t0.Add(1), Limits: p.Limits}} }, "periods[0].name"},
		{"period ending at its start", func(p *pricing.Policy) {
			p.Periods = []pricing.Period{{Name: "x", Start: t0, End: t0, Limits: p.Limits}}
		}, "periods[0].end"},
		{"overlapping periods", func(p *pricing.Policy) {
			p.Periods = []pricing.Period{{Name: "a", Start: t0, End: t0.Add(time.Hour), Limits: p.Limits},
				{Name: "b", Start: t0.Add(time.Minute), End: t0.Add(2 * time.Hour), Limits: p.Limits}}
		}, "periods[1]"},
		{"bad limits in a period", func(p *pricing.Policy) {
			l := p.Limits
			l.EraseTimesPerDay = 5000
			p.Periods = []pricing.Period{{Name: "a", Start: t0, End: t0.Add(time.Hour), Limits: l}}
		}, "periods[0].limits.erase_times_per_day"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			p := pricing.DefaultPolicy()
			c.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, pricing.ErrInvalidPolicy)
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
		})
	}
}
