package order_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// rule O2: problem orders are summarised for after-sales every 2 to 3
// hours, grouped by category with counts, the oldest order first; an order
// in two categories is listed under each.
func TestDigestGroupsByCategoryOldestFirst(t *testing.T) {
	noPhone := func(s *order.Spec) { s.Address.Phone = "" }
	orders := []*order.Order{
		mk(t, opsSpec("N3", "n3", "TEA-01", 30), noPhone),
		mk(t, opsSpec("N1", "n1", "TEA-01", 0), noPhone, func(s *order.Spec) { s.Message = "返现" }),
		mk(t, opsSpec("N2", "n2", "TEA-01", 0), noPhone), // as old as N1: the ID decides
		mk(t, opsSpec("OK", "ok", "TEA-01", 0)),
	}
	now := t0.Add(26*time.Hour + 5*time.Minute)
	p := order.DefaultTriagePolicy()
	p.DigestEvery = order.Duration(3 * time.Hour)
	r, err := p.Triage(orders, now)
	require.NoError(t, err)
	d, err := p.Digest(r)
	require.NoError(t, err)
	assert.Equal(t, 3, d.Orders)
	assert.True(t, d.Next.Equal(now.Add(3*time.Hour)), "the next form is due one interval later")
	require.Len(t, d.Groups, 2)
	assert.Equal(t, order.UnknownAddress, d.Groups[0].Category)
	assert.Equal(t, 3, d.Groups[0].Count())
	var ids []string
	for _, row := range d.Groups[0].Rows {
		ids = append(ids, row.OrderID)
	}
	assert.Equal(t, []string{"N1", "N2", "N3"}, ids)
	assert.Equal(t, order.UnsatisfiableMessage, d.Groups[1].Category)
	assert.Equal(t, []order.Code{order.MessageCashBack.Code()}, d.Groups[1].Rows[0].Reasons)
	assert.Equal(t, order.Duration(26*time.Hour+5*time.Minute), d.Groups[0].Rows[0].Age)
	assert.Equal(t, order.Zhejiang, d.Groups[0].Rows[0].Region)

	text := d.String()
	assert.Contains(t, text, "unknown_address: 3\n")
	assert.Contains(t, text, "  N1     2026-11-11 09:30  1d02h  n1     zhejiang  order.address_incomplete\n")
	assert.NotContains(t, text, "13812345678", "no phone numbers in the form (rule O7)")
	assert.NotContains(t, text, "文三路", "no street addresses in the form (rule O7)")
}

func TestDigestText(t *testing.T) {
	p := order.DefaultTriagePolicy()
	r, err := p.Triage(nil, t0)
	require.NoError(t, err)
	d, err := p.Digest(r)
	require.NoError(t, err)
	assert.Equal(t, "problem orders at 2026-11-11 09:30 CST: 0 orders, next form 2026-11-11 11:30\n", d.String())

	// Wide characters take two columns: the columns after a Chinese buyer
	// ID still line up.
	orders := []*order.Order{
		mk(t, opsSpec("W1", "小王", "TEA-01", 0), func(s *order.Spec) { s.Address.Phone = "" }),
		mk(t, opsSpec("W2", "bob", "TEA-01", 5), func(s *order.Spec) { s.Address.Phone = "" }),
		mk(t, opsSpec("W3", "eve", "TEA-01", 175), func(s *order.Spec) { s.Address = order.Address{} }),
	}
	r, err = p.Triage(orders, t0.Add(3*time.Hour))
	require.NoError(t, err)
	d, err = p.Digest(r)
	require.NoError(t, err)
	lines := strings.Split(d.String(), "\n")
	require.Len(t, lines, 8)
	assert.Equal(t, "problem orders at 2026-11-11 12:30 CST: 3 orders, next form 2026-11-11 14:30", lines[0])
	assert.Equal(t, "  ORDER  PLACED            AGE    BUYER  REGION    REASONS", lines[3])
	assert.Equal(t, "  W1     2026-11-11 09:30  3h00m  小王   zhejiang  order.address_incomplete", lines[4])
	assert.Equal(t, "  W2     2026-11-11 09:35  2h55m  bob    zhejiang  order.address_incomplete", lines[5])
	assert.Equal(t, "  W3     2026-11-11 12:25  5m     eve    -         order.address_unknown", lines[6], "no region: a dash")
}

func TestDigestRefusesInvalidPolicy(t *testing.T) {
	p := order.DefaultTriagePolicy()
	p.Zone = "nowhere"
	_, err := p.Digest(order.Report{})
	require.ErrorIs(t, err, order.ErrInvalidPolicy)

	// Hostile: a hand-built report with a finding but no order.
	_, err = order.DefaultTriagePolicy().Digest(order.Report{Findings: []order.Finding{{}}})
	require.ErrorIs(t, err, order.ErrNilOrder)
	assert.Contains(t, err.Error(), "findings[0].order")
	_, ok := order.Report{Findings: []order.Finding{{}}}.Find("X")
	assert.False(t, ok, "Find does not panic on it either")
}

// An order placed after the triage time (a clock skew between systems)
// shows an age of 0m, never a negative one.
func TestDigestAgeNeverNegative(t *testing.T) {
	p := order.DefaultTriagePolicy()
	o := mk(t, opsSpec("F1", "f", "TEA-01", 30), func(s *order.Spec) { s.Address.Phone = "" })
	r, err := p.Triage([]*order.Order{o}, t0)
	require.NoError(t, err)
	d, err := p.Digest(r)
	require.NoError(t, err)
	assert.Contains(t, d.String(), "  F1     2026-11-11 10:00  0m ")
}

// rule O2: the form is data for a UI too: snake_case keys, a count per
// category, the age as duration text; an order without a region encodes
// it as "".
func TestDigestJSON(t *testing.T) {
	p := order.DefaultTriagePolicy()
	orders := []*order.Order{
		mk(t, opsSpec("J1", "j1", "TEA-01", 0), func(s *order.Spec) { s.Address = order.Address{} }),
		mk(t, codSpec("J2", false)),
	}
	r, err := p.Triage(orders, t0.Add(2*time.Hour+20*time.Minute+30*time.Second))
	require.NoError(t, err)
	d, err := p.Digest(r)
	require.NoError(t, err)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"at":"2026-11-11T11:50:30+08:00","next":"2026-11-11T13:50:30+08:00","orders":2,"groups":[
		{"category":"unknown_address","count":1,"rows":[{"order_id":"J1","buyer_id":"j1","region":"",
		 "placed_at":"2026-11-11T09:30:00+08:00","age":"2h20m0s","reasons":["order.address_unknown"]}]},
		{"category":"cod_unconfirmed","count":1,"rows":[{"order_id":"J2","buyer_id":"cod-J2","region":"zhejiang",
		 "placed_at":"2026-11-11T09:30:00+08:00","age":"2h20m0s","reasons":["order.cod_unconfirmed"]}]}]}`, string(b))
}

// TestDigestJSONDecodes pins issue 11 #3 for the digest: a stored form
// decodes back strictly — unknown keys refused and named, counts that do
// not add up refused, IDs through the identity rule — and is left
// unchanged on error.
func TestDigestJSONDecodes(t *testing.T) {
	p := order.DefaultTriagePolicy()
	orders := []*order.Order{
		mk(t, opsSpec("J1", "j1", "TEA-01", 0), func(s *order.Spec) { s.Address = order.Address{} }),
		mk(t, codSpec("J2", false)),
	}
	r, err := p.Triage(orders, t0.Add(2*time.Hour+20*time.Minute))
	require.NoError(t, err)
	d, err := p.Digest(r)
	require.NoError(t, err)
	good, err := json.Marshal(d)
	require.NoError(t, err)
	var back order.Digest
	require.NoError(t, json.Unmarshal(good, &back))
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(good), string(again))
	assert.Equal(t, []order.Code{order.CODUnconfirmedReason.Code()}, back.Groups[1].Rows[0].Reasons)

	decodeHostile[order.Digest](t, good, []hostileEdit{
		{"hostile: an unknown key", `"orders":2`, `"orders":2,"order":3`, order.ErrUnknownField, "order"},
		{"hostile: an unknown key in a row", `"buyer_id":"j1"`, `"buyer_id":"j1","phone":"138"`, order.ErrUnknownField, "groups[0].rows[0].phone"},
		{"a count that is not the rows", `"count":1`, `"count":2`, order.ErrInconsistent, "groups[0].count"},
		{"groups out of order", `"category":"unknown_address"`, `"category":"cod_unconfirmed"`, order.ErrInconsistent, "groups[1].category"},
		{"more orders than rows", `"orders":2`, `"orders":3`, order.ErrInvalidQuantity, "orders"},
		{"hostile: a buyer ID with a zero-width space", `"buyer_id":"j1"`, `"buyer_id":"j\u200b1"`, order.ErrInvalidText, "groups[0].rows[0].buyer_id"},
		{"a row without reasons", `"reasons":["order.address_unknown"]`, `"reasons":[]`, order.ErrMissing, "groups[0].rows[0].reasons"},
		{"an unknown region", `"region":"zhejiang"`, `"region":"atlantis"`, order.ErrUnknownRegion, "groups[1].rows[0].region"},
		{"a next form before this one", `"next":"2026-11-11T13:50:00+08:00"`, `"next":"2026-11-11T10:00:00+08:00"`, order.ErrInconsistent, "next"},
		{"a negative age", `"age":"2h20m0s"`, `"age":"-1h"`, order.ErrInconsistent, "groups[0].rows[0].age"},
	})
}
