package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

func inspect(t *testing.T, checks []order.Check, o *order.Order) []order.Problem {
	t.Helper()
	var out []order.Problem
	for _, c := range checks {
		out = c.Inspect(out, o, t0)
	}
	for _, p := range out {
		require.True(t, p.Category.IsValid())
	}
	return out
}

// TestChecks pins the shipping categories of rule O2: out of area (rule
// S4), postage wrong (rules S1, S2), needs SF (rule S3) and transit
// warehouse (rule S4).
func TestChecks(t *testing.T) {
	checks, err := valid(t, shipping.DefaultPolicy()).Checks()
	require.NoError(t, err)
	names := make([]string, len(checks))
	for i, c := range checks {
		names[i] = c.Name()
	}
	assert.Equal(t, []string{"shipping.out_of_area", "shipping.postage", "shipping.needs_sf", "shipping.transit_warehouse",
		"shipping.carrier_request"}, names)

	withAddr := func(a order.Address, price, postage string) *order.Order {
		s := spec(price, "0", postage)
		s.Address = a
		return build(t, s)
	}
	abroad := order.Address{Recipient: "Ana", Phone: "+34600000000", Province: "海外", City: "Madrid", Detail: "Calle 1"}
	transit := addr("浙江省")
	transit.City, transit.District, transit.Detail = "金华市", "义乌市", "圆通 中转仓 3号门"

	cases := []struct {
		reason string
		o      *order.Order
		want   []order.Problem
	}{
		{"a good order has no problem", withAddr(addr("浙江省"), "120.00", "0"), nil},
		{"abroad is out of area and pays postage", withAddr(abroad, "120.00", "30.00"),
			[]order.Problem{{Category: order.OutOfArea, Reason: order.MustCode("shipping", "no_carrier_serves_region")}}},
		{"free-shipping order charged postage", withAddr(addr("浙江省"), "120.00", "10.00"),
			[]order.Problem{{Category: order.PostageWrong, Reason: order.MustCode("shipping", "postage_overcharged")}}},
		{"below threshold and charged nothing", withAddr(addr("浙江省"), "20.00", "0"),
			[]order.Problem{{Category: order.PostageWrong, Reason: order.MustCode("shipping", "postage_undercharged")}}},
		{"below threshold and charged the standard postage", withAddr(addr("浙江省"), "20.00", "10.00"), nil},
		{"Xinjiang charged its standard 20.00", withAddr(addr("新疆维吾尔自治区"), "120.00", "20.00"), nil},
		{"Hong Kong while the default carrier is YTO: SF is chosen, no problem (rule S3)", withAddr(addr("香港"), "120.00", "20.00"), nil},
		{"transit warehouse in the detail", withAddr(transit, "120.00", "0"),
			[]order.Problem{{Category: order.TransitWarehouse, Reason: order.MustCode("shipping", "transit_warehouse")}}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			assert.Equal(t, c.want, inspect(t, checks, c.o))
		})
	}
}

// TestChecksSkipShippedOrders: address and carrier problems matter only
// before the parcel leaves; closed or finished trades are not triaged.
func TestChecksSkipShippedOrders(t *testing.T) {
	checks, err := shipping.DefaultPolicy().Checks()
	require.NoError(t, err)
	s := spec("120.00", "0", "20.00")
	s.Address = addr("台湾")
	s.Status, s.DispatchedAt = order.AwaitingReceipt, t0.Add(2*60*60*1e9)
	got := inspect(t, checks, build(t, s))
	assert.Equal(t, []order.Problem(nil), got, "Taiwan pays postage, and the parcel has left")

	s = spec("120.00", "0", "10.00")
	s.Status, s.DispatchedAt, s.ReceivedAt = order.Finished, t0.Add(2*60*60*1e9), t0.Add(48*60*60*1e9)
	assert.Empty(t, inspect(t, checks, build(t, s)), "a finished trade is not triaged")
}

// TestChecksNoSFCarrier pins rule S3: a shop without SF cannot deliver to
// Hong Kong, Macao or Taiwan at all.
func TestChecksNoSFCarrier(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Carriers = p.Carriers[:2]
	p.SFCarrier = ""
	checks, err := p.Checks()
	require.NoError(t, err)
	s := spec("120.00", "0", "20.00")
	s.Address = addr("澳门")
	assert.Equal(t, []order.Problem{
		{Category: order.OutOfArea, Reason: order.MustCode("shipping", "no_carrier_serves_region")},
		{Category: order.NeedsSF, Reason: order.MustCode("shipping", "no_sf_carrier")},
	}, inspect(t, checks, build(t, s)))
}

// TestChecksOwnTheirPolicy: changing the policy after Checks does not
// change the checks.
func TestChecksOwnTheirPolicy(t *testing.T) {
	p := shipping.DefaultPolicy()
	checks, err := p.Checks()
	require.NoError(t, err)
	p.TransitPatterns[0] = "文三路"
	p.Carriers[0].Except = append(p.Carriers[0].Except, order.Zhejiang)
	assert.Empty(t, inspect(t, checks, build(t, spec("120.00", "0", "0"))))
}

func TestChecksInvalidPolicy(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Free.Threshold = dec("-1")
	_, err := p.Checks()
	require.ErrorIs(t, err, shipping.ErrInvalidAmount)
}

// TestChecksDoNotAllocate: the order package's contract asks checks not
// to allocate when they find nothing.
func TestChecksDoNotAllocate(t *testing.T) {
	checks, err := shipping.DefaultPolicy().Checks()
	require.NoError(t, err)
	o := build(t, spec("120.00", "0", "0"))
	dst := make([]order.Problem, 0, 4)
	allocs := testing.AllocsPerRun(100, func() {
		for _, c := range checks {
			dst = c.Inspect(dst[:0], o, t0)
		}
	})
	assert.Zero(t, allocs)
	assert.Empty(t, dst)
}

func TestTransitWarehouse(t *testing.T) {
	p := shipping.DefaultPolicy()
	for _, c := range []struct {
		detail, pattern string
		ok              bool
	}{
		{"义乌 圆通中转仓", "中转仓", true},
		{"韵达 集散中心 B区", "集散中心", true},
		{"中轉倉 2樓", "中轉倉", true},
		{"文三路12号", "", false},
	} {
		a := addr("浙江省")
		a.Detail = c.detail
		n, err := order.NormalizeAddress(a)
		require.NoError(t, err)
		pat, ok := p.TransitWarehouse(n)
		assert.Equal(t, c.ok, ok, c.detail)
		assert.Equal(t, c.pattern, pat)
	}
}

// TestChecksInTriage runs the shipping checks through order's batch
// triage (rule O2), as a backend does every two or three hours.
func TestChecksInTriage(t *testing.T) {
	checks, err := shipping.DefaultPolicy().Checks()
	require.NoError(t, err)
	mk := func(id, buyer, province, detail, price, postage string) *order.Order {
		s := spec(price, "0", postage)
		s.ID, s.Buyer.ID = id, buyer
		s.Address = addr(province)
		s.Address.Detail = detail
		return build(t, s)
	}
	orders := []*order.Order{
		mk("A1", "b1", "浙江省", "文三路12号", "120.00", "0"),
		mk("A2", "b2", "浙江省", "文三路13号", "120.00", "10.00"),
		mk("A3", "b3", "台湾", "中山路1号", "120.00", "30.00"),
		mk("A4", "b4", "浙江省", "圆通中转仓", "120.00", "0"),
	}
	rep, err := order.DefaultTriagePolicy().Triage(orders, t0, checks...)
	require.NoError(t, err)
	assert.Equal(t, 4, rep.Checked)
	_, ok := rep.Find("A1")
	assert.False(t, ok, "a good order is not a problem order")
	f, ok := rep.Find("A2")
	require.True(t, ok)
	assert.Equal(t, []order.Code{order.MustCode("shipping", "postage_overcharged")}, f.Reasons(order.PostageWrong))
	_, ok = rep.Find("A3")
	assert.False(t, ok, "Taiwan goes SF automatically: no problem order (rule S3)")
	f, ok = rep.Find("A4")
	require.True(t, ok)
	assert.Equal(t, []order.Code{order.MustCode("shipping", "transit_warehouse")}, f.Reasons(order.TransitWarehouse))
}

// TestChecksCarrierRequest pins rules S3, S5 and O2: a buyer's message
// naming a carrier that cannot deliver to the address is a message the
// shop cannot satisfy; one it can satisfy is no problem.
func TestChecksCarrierRequest(t *testing.T) {
	checks, err := carrierPolicy(t).Checks()
	require.NoError(t, err)
	withMsg := func(province, msg string) *order.Order {
		s := spec("120.00", "0", "0")
		s.Address, s.Message = addr(province), msg
		if province != "浙江省" {
			s.Postage = dec("20.00") // excluded from free shipping
		}
		return build(t, s)
	}
	unsatisfiable := []order.Problem{{Category: order.UnsatisfiableMessage, Reason: order.MustCode("shipping", "carrier_not_serving")}}
	cases := []struct {
		reason string
		o      *order.Order
		want   []order.Problem
	}{
		{"YTO to Zhejiang: satisfiable", withMsg("浙江省", "发圆通"), nil},
		{"SF to Zhejiang at a price difference: satisfiable", withMsg("浙江省", "要顺丰"), nil},
		{"YTO does not serve Tibet", withMsg("西藏自治区", "请发圆通"), unsatisfiable},
		{"Hong Kong ships SF only, whatever the buyer asks (rule S3)", withMsg("香港", "发圆通"), unsatisfiable},
		{"two carriers named: the agent asks, no problem raised", withMsg("西藏自治区", "圆通中通都行"), nil},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			assert.Equal(t, c.want, inspect(t, checks, c.o))
		})
	}
	shipped := spec("120.00", "0", "20.00")
	shipped.Address, shipped.Message = addr("西藏自治区"), "请发圆通"
	shipped.Status, shipped.DispatchedAt = order.AwaitingReceipt, shipped.PaidAt.Add(time.Hour)
	assert.Empty(t, inspect(t, checks, build(t, shipped)), "too late once it left")

	// The check allocates nothing on an order whose message names no carrier.
	o := withMsg("浙江省", "尽快发货 Please hurry")
	dst := make([]order.Problem, 0, 4)
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		for _, c := range checks {
			dst = c.Inspect(dst[:0], o, t0)
		}
	}))
}
