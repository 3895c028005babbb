package order_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

func stockOf(t *testing.T, m map[string]int) order.Stock {
	t.Helper()
	s, err := order.NewStock(m)
	require.NoError(t, err)
	return s
}

// promoOrder is an online order of qty units of PROMO-1 at 59.90, paid
// minutes after t0.
func promoOrder(t *testing.T, id string, qty, minutes int) *order.Order {
	return mk(t, opsSpec(id, "buyer-"+id, "PROMO-1", 0), func(s *order.Spec) {
		s.Lines[0].Quantity, s.Lines[0].UnitPrice = qty, dec("59.90")
		s.PaidAt = t0.Add(time.Duration(minutes) * time.Minute)
	})
}

type allocRow struct {
	id              string
	ordered, got    int
	offers, reasons string
	compensate      bool
	shortValue      string
}

func rows(p order.OversellPlan) []allocRow {
	var out []allocRow
	for _, a := range p.Allocations {
		out = append(out, allocRow{a.Order.ID(), a.Ordered, a.Allocated, a.Offers.String(), a.Reasons.String(),
			a.RequestCompensation, a.ShortValue().StringFixed(2)})
	}
	return out
}

// Seed 002 §四 and Q4, replayed: a promotion item's stock nears zero and
// several buyers pay. rule O3: ship those that can be shipped, by payment
// time; offer the rest a refund or another item; set the listed stock to
// zero at once. rule P5: for a promotion item, ask the store manager for a
// compensation for each buyer left short.
func TestOversellSeedPromotionItem(t *testing.T) {
	a := promoOrder(t, "A", 2, 0) // paid first
	b := promoOrder(t, "B", 2, 1) // paid second: gets what is left
	c := promoOrder(t, "C", 1, 2) // paid last: gets nothing
	// Step 1: real stock (rule O8), not the listed stock, says 3 units.
	stock := stockOf(t, map[string]int{"PROMO-1": 3})
	// Step 2: the orders come in any order; allocation follows payment time.
	plan, err := order.Oversell(order.OversellRequest{SKU: "ＰＲＯＭＯ-1", Stock: stock,
		Orders: []*order.Order{c, a, b}, Promotion: true})
	require.NoError(t, err)
	assert.Equal(t, "PROMO-1", plan.SKU, "normalised from full width")
	assert.Equal(t, 3, plan.OnHand)
	assert.Equal(t, 5, plan.Demand)
	assert.True(t, plan.Oversold())
	assert.Equal(t, []allocRow{
		{"A", 2, 2, "[]", "[]", false, "0.00"},
		{"B", 2, 1, "[refund substitute]", "[promotion_item paid_later]", true, "59.90"},
		{"C", 1, 0, "[refund substitute]", "[promotion_item paid_later]", true, "59.90"},
	}, rows(plan))
	// Step 3: the listed stock goes to zero so the item is delisted.
	assert.True(t, plan.SetListedStockZero)
	// Step 4: compensation requests go to the store manager.
	assert.Equal(t, order.StoreManager, plan.CompensationTo)
	assert.Equal(t, "[oversold stock_exhausted promotion_item]", plan.Reasons.String())
	assert.True(t, plan.Allocations[1].Order == b)
	assert.Equal(t, 1, plan.Allocations[1].Short())
	assert.False(t, plan.Allocations[1].Full())
}

// rule O3: outside a promotion nobody is owed a compensation (rule P5 is
// for promotion items); the earliest payer is never passed over for a
// later, smaller order.
func TestOversellAllocatesByPaymentTime(t *testing.T) {
	big := promoOrder(t, "BIG", 5, 0)
	small := promoOrder(t, "SMALL", 1, 1)
	plan, err := order.Oversell(order.OversellRequest{SKU: "PROMO-1", Stock: stockOf(t, map[string]int{"PROMO-1": 4}),
		Orders: []*order.Order{small, big}})
	require.NoError(t, err)
	assert.Equal(t, []allocRow{
		{"BIG", 5, 4, "[refund substitute]", "[paid_later]", false, "59.90"},
		{"SMALL", 1, 0, "[refund substitute]", "[paid_later]", false, "59.90"},
	}, rows(plan))
	assert.Equal(t, order.RoleUnknown, plan.CompensationTo)
	assert.Equal(t, "[oversold stock_exhausted]", plan.Reasons.String())
}

// rule O3: with enough stock nothing is oversold and the listed stock is
// left alone; with exactly enough, every order ships and the listed stock
// still goes to zero, since none is left.
func TestOversellWithEnoughStock(t *testing.T) {
	orders := []*order.Order{promoOrder(t, "A", 2, 0), promoOrder(t, "B", 1, 1)}
	plan, err := order.Oversell(order.OversellRequest{SKU: "PROMO-1", Stock: stockOf(t, map[string]int{"PROMO-1": 4}), Orders: orders, Promotion: true})
	require.NoError(t, err)
	assert.False(t, plan.Oversold())
	assert.False(t, plan.SetListedStockZero)
	assert.Zero(t, plan.Reasons)
	for _, a := range plan.Allocations {
		assert.True(t, a.Full())
		assert.False(t, a.RequestCompensation)
	}

	plan, err = order.Oversell(order.OversellRequest{SKU: "PROMO-1", Stock: stockOf(t, map[string]int{"PROMO-1": 3}), Orders: orders})
	require.NoError(t, err)
	assert.False(t, plan.Oversold())
	assert.True(t, plan.SetListedStockZero)
	assert.Equal(t, "[stock_exhausted]", plan.Reasons.String())
}

// rule S9 with rule O3: a confirmed cash-on-delivery order ranks by its
// confirmation; an unconfirmed one comes after every other order, and a
// cash-on-delivery buyer left short is offered another item or closing the
// order — there is nothing to refund.
func TestOversellCashOnDelivery(t *testing.T) {
	cod := func(id string, confirmAt int) *order.Order {
		return mk(t, opsSpec(id, "b-"+id, "PROMO-1", 0), func(s *order.Spec) {
			s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
			if confirmAt >= 0 {
				s.CODConfirmedAt = t0.Add(time.Duration(confirmAt) * time.Minute)
			}
		})
	}
	orders := []*order.Order{cod("U", -1), promoOrder(t, "P", 1, 5), cod("K", 1)}
	plan, err := order.Oversell(order.OversellRequest{SKU: "PROMO-1", Stock: stockOf(t, map[string]int{"PROMO-1": 1}), Orders: orders})
	require.NoError(t, err)
	assert.Equal(t, []allocRow{
		{"K", 1, 1, "[]", "[]", false, "0.00"},
		{"P", 1, 0, "[refund substitute]", "[paid_later]", false, "59.90"},
		{"U", 1, 0, "[substitute close]", "[cod_unconfirmed paid_later]", false, "20.00"},
	}, rows(plan))
}

// TestOversellOwesNoCompensationToAnUnconfirmedCODBuyer: rules P5 and S9
// — a compensation is owed to a buyer left short of a promotion item who
// paid, or who confirmed a cash-on-delivery order; a buyer who neither
// paid nor confirmed has paid nothing and is owed none: the order is
// switched or closed, and no request goes to the store manager. When such
// an order is the only one left short, the plan sends none.
func TestOversellOwesNoCompensationToAnUnconfirmedCODBuyer(t *testing.T) {
	cod := func(id string, confirmAt int) *order.Order {
		return mk(t, opsSpec(id, "b-"+id, "PROMO-1", 0), func(s *order.Spec) {
			s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
			if confirmAt >= 0 {
				s.CODConfirmedAt = t0.Add(time.Duration(confirmAt) * time.Minute)
			}
		})
	}
	orders := []*order.Order{cod("U", -1), promoOrder(t, "P", 1, 5), cod("K", 1)}
	plan, err := order.Oversell(order.OversellRequest{SKU: "PROMO-1", Stock: stockOf(t, map[string]int{"PROMO-1": 0}),
		Orders: orders, Promotion: true})
	require.NoError(t, err)
	assert.Equal(t, []allocRow{
		{"K", 1, 0, "[substitute close]", "[promotion_item paid_later]", true, "20.00"},
		{"P", 1, 0, "[refund substitute]", "[promotion_item paid_later]", true, "59.90"},
		{"U", 1, 0, "[substitute close]", "[cod_unconfirmed paid_later]", false, "20.00"},
	}, rows(plan))
	assert.Equal(t, order.StoreManager, plan.CompensationTo)

	// Only the unconfirmed order is left short: nobody is owed anything.
	plan, err = order.Oversell(order.OversellRequest{SKU: "PROMO-1", Stock: stockOf(t, map[string]int{"PROMO-1": 1}),
		Orders: []*order.Order{cod("U", -1), promoOrder(t, "P", 1, 5)}, Promotion: true})
	require.NoError(t, err)
	assert.Equal(t, []allocRow{
		{"P", 1, 1, "[]", "[]", false, "0.00"},
		{"U", 1, 0, "[substitute close]", "[cod_unconfirmed paid_later]", false, "20.00"},
	}, rows(plan))
	assert.Equal(t, order.RoleUnknown, plan.CompensationTo)
	assert.Equal(t, "[oversold stock_exhausted]", plan.Reasons.String())
}

// rule O3: the plan does not depend on the order the orders come in;
// equal payment times fall back to the order ID.
func TestOversellIsDeterministic(t *testing.T) {
	var orders []*order.Order
	for i, id := range []string{"Q", "B", "X", "A", "M", "Z", "C"} {
		orders = append(orders, promoOrder(t, id, 1+i%2, i%3))
	}
	stock := stockOf(t, map[string]int{"PROMO-1": 5})
	want, err := order.Oversell(order.OversellRequest{SKU: "PROMO-1", Stock: stock, Orders: orders, Promotion: true})
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(7, 8))
	for range 20 {
		rng.Shuffle(len(orders), func(i, j int) { orders[i], orders[j] = orders[j], orders[i] })
		got, err := order.Oversell(order.OversellRequest{SKU: "PROMO-1", Stock: stock, Orders: orders, Promotion: true})
		require.NoError(t, err)
		assert.Equal(t, rows(want), rows(got))
	}
}

func TestOversellRefusesBadInput(t *testing.T) {
	stock := stockOf(t, map[string]int{"PROMO-1": 1, "TEA-01": 3})
	a := promoOrder(t, "A", 1, 0)
	unpaid := mk(t, opsSpec("N", "n", "PROMO-1", 0), func(s *order.Spec) { s.Status, s.PaidAt = order.AwaitingPayment, time.Time{} })
	other := mk(t, opsSpec("O", "o", "TEA-01", 0))
	cases := []struct {
		reason string
		req    order.OversellRequest
		want   error
	}{
		{"SKU not counted by the snapshot", order.OversellRequest{SKU: "GONE-1", Stock: stock, Orders: []*order.Order{a}}, order.ErrUnknownSKU},
		{"the zero Stock counts nothing", order.OversellRequest{SKU: "PROMO-1", Orders: []*order.Order{a}}, order.ErrUnknownSKU},
		// Hostile: not a SKU at all.
		{"malformed SKU", order.OversellRequest{SKU: "a b\x00", Stock: stock}, order.ErrInvalidSKU},
		{"nil order", order.OversellRequest{SKU: "PROMO-1", Stock: stock, Orders: []*order.Order{a, nil}}, order.ErrNilOrder},
		{"zero order", order.OversellRequest{SKU: "PROMO-1", Stock: stock, Orders: []*order.Order{{}}}, order.ErrMissing},
		{"the same order twice", order.OversellRequest{SKU: "PROMO-1", Stock: stock, Orders: []*order.Order{a, a}}, order.ErrDuplicateOrder},
		{"an order without the SKU", order.OversellRequest{SKU: "PROMO-1", Stock: stock, Orders: []*order.Order{a, other}}, order.ErrUnknownSKU},
		{"an unpaid order", order.OversellRequest{SKU: "PROMO-1", Stock: stock, Orders: []*order.Order{unpaid}}, order.ErrNotPending},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			plan, err := order.Oversell(c.req)
			require.ErrorIs(t, err, c.want)
			assert.Zero(t, plan.SKU, "no half-built plan")
			assert.Nil(t, plan.Allocations)
		})
	}
}

func TestRemedyText(t *testing.T) {
	for r, want := range map[order.Remedy]string{order.RemedyRefund: "refund", order.RemedySubstitute: "substitute", order.RemedyClose: "close"} {
		b, err := r.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
	_, err := order.RemedyUnknown.MarshalText()
	require.Error(t, err)
	s := order.RemedySet(0).With(order.RemedyClose).With(order.RemedyRefund)
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.Has(order.RemedyClose))
	assert.False(t, s.Has(order.RemedySubstitute))
}
