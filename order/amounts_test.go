package order_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// TestFenBridgeIsTheAccessors: what kefu's other packages read through
// internal/orderfen — the order's amounts in fen — is exactly what the
// public decimal accessors return, for built orders (a gift line, postage
// and a discount; none) and for the zero Order. Free shipping (rule S1),
// the postage checks and the approval review (rule P4) decide on these.
func TestFenBridgeIsTheAccessors(t *testing.T) {
	orders := []*order.Order{new(order.Order)}
	for _, s := range perfSpecs() {
		o, err := order.New(s)
		require.NoError(t, err)
		orders = append(orders, &o)
	}
	for _, o := range orders {
		a := orderfen.Of(o)
		for _, c := range []struct {
			name string
			got  int64
			dec  func() (int64, bool)
		}{
			{"goods", a.Goods, func() (int64, bool) { return yuan.Fen(o.Goods()) }},
			{"postage", a.Postage, func() (int64, bool) { return yuan.Fen(o.Postage()) }},
			{"discount", a.Discount, func() (int64, bool) { return yuan.Fen(o.Discount()) }},
			{"paid", a.Paid, func() (int64, bool) { return yuan.Fen(o.Paid()) }},
			{"net goods", a.NetGoods, func() (int64, bool) { return yuan.Fen(o.NetGoods()) }},
		} {
			want, ok := c.dec()
			require.True(t, ok, "%s %s", o.ID(), c.name)
			assert.Equal(t, want, c.got, "%s %s", o.ID(), c.name)
		}
	}
	o, err := order.New(perfSpecs()[0])
	require.NoError(t, err)
	assert.Equal(t, orderfen.Amounts{Goods: 17800, Postage: 1000, Discount: 500, Paid: 18300, NetGoods: 17300}, *orderfen.Of(&o),
		"2×64.25 + 49.50 + a gift; postage 10.00, discount 5.00")
}

// TestStoredAmountAccessorsDoNotAllocate: the amounts an order keeps as
// given (postage, discount) are returned as they are; the derived totals
// (goods, net goods, paid) are kept in fen and built on call, as their
// doc says: without allocating up to 655.35, where decimals are shared,
// and with decimal.New's allocations above.
func TestStoredAmountAccessorsDoNotAllocate(t *testing.T) {
	o, err := order.New(perfSpecs()[0])
	require.NoError(t, err)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = o.Postage() }), "Postage")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = o.Discount() }), "Discount")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = orderfen.Of(&o) }), "the fen bridge")
	assert.Zero(t, testing.AllocsPerRun(100, func() { perfSinkDec.Paid = o.Paid() }), "Paid of 183.00 is shared")
	s := perfSpecs()[0]
	s.Lines = append([]order.Line(nil), s.Lines...)
	s.Lines[0].Quantity = 100
	big, err := order.New(s)
	require.NoError(t, err)
	require.True(t, big.Paid().GreaterThan(decimal.New(yuan.DecCached, -2)))
	assert.Positive(t, testing.AllocsPerRun(100, func() { perfSinkDec.Paid = big.Paid() }), "Paid above the shared amounts builds a decimal")
}
