package pricing_test

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

var (
	cst = time.FixedZone("CST", 8*60*60)
	// t0 is a morning before Double 11, China time.
	t0 = time.Date(2026, 11, 10, 9, 30, 0, 0, cst)
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func agent(id string, r order.Role) order.Agent {
	return order.Agent{ID: id, Name: id, Role: r}
}

// spec is an unpaid order: 2 × 59.25 of tea, postage 10.00, due 128.50.
func spec() order.Spec {
	return order.Spec{
		ID:    "T2001",
		Buyer: order.Buyer{ID: "buyer-7", Nick: "小李"},
		Lines: []order.Line{{SKU: "TEA-02", Title: "碧螺春", Quantity: 2, UnitPrice: dec("59.25")}},
		Address: order.Address{Recipient: "李四", Phone: "13900001111", Province: "江苏省",
			City: "苏州市", District: "吴中区", Detail: "东山镇1号"},
		Postage:   dec("10.00"),
		Status:    order.AwaitingPayment,
		CreatedAt: t0.Add(-10 * time.Minute),
	}
}

// unpaid is spec() built: 128.50 due, nothing paid yet.
func unpaid() *order.Order {
	o := order.MustNew(spec())
	return &o
}

// paid is the same order, paid.
func paid() *order.Order {
	s := spec()
	s.Status, s.PaidAt = order.AwaitingDispatch, t0.Add(-5*time.Minute)
	o := order.MustNew(s)
	return &o
}

// heavy is an unpaid order with high postage, so that every role's postage
// limit can be probed: goods 10 × 59.25 = 592.50 + postage 150.00 =
// 742.50 due.
func heavy() *order.Order {
	s := spec()
	s.ID, s.Postage = "T2002", dec("150.00")
	s.Lines[0].Quantity = 10
	o := order.MustNew(s)
	return &o
}

func request(a order.Agent, o *order.Order, k pricing.Kind, amount string) pricing.Request {
	return pricing.Request{Agent: a, Order: o, Kind: k, Amount: dec(amount), At: t0}
}

// defaultPolicy returns the default policy, addressable: Policy methods
// have pointer receivers.
func defaultPolicy() *pricing.Policy {
	p := pricing.DefaultPolicy()
	return &p
}
