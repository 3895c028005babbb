package order_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// Seed 003 Pregunta 2, replayed: in-sales pulls the problem orders out of
// the back office — several orders of one buyer to different addresses,
// unknown addresses, out of area, out of stock, not eligible for free
// shipping, messages the shop cannot satisfy — and every 2 to 3 hours
// sends after-sales a form divided into categories (rule O2). The checks
// that need shipping rules come from another package; here stand-ins
// report them.
func TestSeedProblemOrderForm(t *testing.T) {
	stock := stockOf(t, map[string]int{"TEA-01": 10, "TEA-02": 0})
	orders := []*order.Order{
		mk(t, opsSpec("P01", "same", "TEA-01", 0)),
		mk(t, opsSpec("P02", "same", "TEA-03", 1), func(s *order.Spec) { s.Address.Detail = "文三路14号" }),
		mk(t, opsSpec("P03", "p03", "TEA-01", 2), func(s *order.Spec) { s.Address.Detail = "" }),
		mk(t, opsSpec("P04", "p04", "TEA-01", 3)), // out of area (shipping)
		mk(t, opsSpec("P05", "p05", "TEA-02", 4)),
		mk(t, opsSpec("P06", "p06", "TEA-01", 5)), // postage wrong (shipping)
		mk(t, opsSpec("P07", "p07", "TEA-01", 6), func(s *order.Spec) { s.Message = "几号到？" }),
		mk(t, codSpec("P08", false)),
		mk(t, opsSpec("P09", "p09", "TEA-01", 8)), // transit warehouse (shipping)
		mk(t, opsSpec("P10", "p10", "TEA-01", 9)), // needs SF (shipping)
		mk(t, opsSpec("P11", "twice", "TEA-01", 10)),
		mk(t, opsSpec("P12", "twice", "TEA-01", 11)),
		mk(t, opsSpec("P13", "fine", "TEA-01", 12)),
	}
	stand := func(name, id string, c order.Category, reason string) order.Check {
		return fakeCheck{name, map[string]bool{id: true}, order.Problem{Category: c, Reason: order.MustCode("shipping", reason)}}
	}
	checks := []order.Check{
		order.StockCheck(stock),
		stand("shipping.out_of_area", "P04", order.OutOfArea, "excluded_region"),
		stand("shipping.postage", "P06", order.PostageWrong, "postage_overcharged"),
		stand("shipping.transit_warehouse", "P09", order.TransitWarehouse, "transit_warehouse"),
		stand("shipping.needs_sf", "P10", order.NeedsSF, "carrier_not_sf"),
	}
	p := order.DefaultTriagePolicy()
	// Step 1: the batch job triages every open order at 12:00.
	noon := time.Date(2026, 11, 11, 12, 0, 0, 0, cst)
	r, err := p.Triage(orders, noon, checks...)
	require.NoError(t, err)
	assert.Equal(t, 12, len(r.Findings), "all but P13")
	// Step 2: the form groups them by category, one group per category.
	d, err := p.Digest(r)
	require.NoError(t, err)
	var got []string
	for _, g := range d.Groups {
		got = append(got, g.Category.String())
	}
	assert.Equal(t, []string{"multiple_addresses", "unknown_address", "out_of_area", "out_of_stock",
		"postage_wrong", "unsatisfiable_message", "cod_unconfirmed", "transit_warehouse", "needs_sf",
		"repeat_order"}, got)
	// Step 3: the next form is due two hours later.
	assert.True(t, d.Next.Equal(noon.Add(2*time.Hour)))
	// Step 4: the form travels as data too.
	b, err := json.Marshal(d.Groups[0].Category)
	require.NoError(t, err)
	assert.Equal(t, `"multiple_addresses"`, string(b))
}

// Seed 003 P7.7, replayed (rule S9): the agent sees a cash-on-delivery
// order and asks the buyer at once. One buyer confirms: the order ships.
// Another never confirms: after the wait the order is closed and placed
// again with online payment, and the new order is no problem order.
func TestSeedCashOnDeliveryConfirmation(t *testing.T) {
	p := order.DefaultTriagePolicy()
	placed := t0
	// Step 1: the agent sees the order; it is a problem order.
	o := mk(t, codSpec("COD1", false))
	r, err := p.Triage([]*order.Order{o}, placed.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, 1, r.Count(order.CODUnconfirmed))
	d, err := p.COD(o, placed.Add(time.Minute))
	require.NoError(t, err)
	require.Equal(t, order.CODConfirmWithBuyer, d.Action)

	// Step 2a: the buyer confirms by phone, an event of the order; it ships.
	c, err := o.Apply(order.ConfirmCOD, placed.Add(10*time.Minute))
	require.NoError(t, err)
	confirmed := &c
	d, err = p.COD(confirmed, placed.Add(11*time.Minute))
	require.NoError(t, err)
	require.Equal(t, order.Allowed, d.Verdict)
	_, err = confirmed.Apply(order.Dispatch, placed.Add(12*time.Minute))
	require.NoError(t, err)

	// Step 2b: the buyer never confirms; a day later the recommendation is
	// to re-order online.
	late := placed.Add(25 * time.Hour)
	d, err = p.COD(o, late)
	require.NoError(t, err)
	require.Equal(t, order.CODReorderOnline, d.Action)
	closed, err := o.Apply(order.Close, late)
	require.NoError(t, err)
	again := mk(t, opsSpec("ONL1", o.Buyer().ID, "TEA-01", 25*60+5))
	r, err = p.Triage([]*order.Order{&closed, again}, late.Add(10*time.Minute))
	require.NoError(t, err)
	assert.Empty(t, r.Findings, "the closed COD order is skipped and the online one is fine")
	assert.Equal(t, 1, r.Skipped)
}
