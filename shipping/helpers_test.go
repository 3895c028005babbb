package shipping_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

var cst = time.FixedZone("CST", 8*60*60)

// at returns a time in China Standard Time.
func at(y int, m time.Month, d, h, min, s int) time.Time {
	return time.Date(y, m, d, h, min, s, 0, cst)
}

// t0 is Monday 2 November 2026, 10:00 CST: an ordinary working morning.
var t0 = at(2026, 11, 2, 10, 0, 0)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func addr(province string) order.Address {
	return order.Address{Recipient: "张三", Phone: "13812345678", Province: province,
		City: "某市", District: "某区", Detail: "文三路12号"}
}

// spec is an online order awaiting dispatch to Hangzhou: one line of
// goods worth price, with the given discount and postage.
func spec(price, discount, postage string) order.Spec {
	return order.Spec{
		ID:    "T1",
		Buyer: order.Buyer{ID: "b1"},
		Lines: []order.Line{
			{SKU: "TEA-01", Quantity: 1, UnitPrice: dec(price)},
			{SKU: "CUP-01", Quantity: 1, UnitPrice: dec("0"), Gift: true},
		},
		Address:   addr("浙江省"),
		Postage:   dec(postage),
		Discount:  dec(discount),
		Status:    order.AwaitingDispatch,
		CreatedAt: t0,
		PaidAt:    t0.Add(time.Minute),
	}
}

func build(t testing.TB, s order.Spec) *order.Order {
	t.Helper()
	o, err := order.New(s)
	require.NoError(t, err)
	return &o
}

func decEq(t *testing.T, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	if !dec(want).Equal(got) {
		t.Errorf("got %s, want %s %v", got.StringFixed(2), want, msg)
	}
}

func valid(t testing.TB, p shipping.Policy) shipping.Policy {
	t.Helper()
	require.NoError(t, p.Validate())
	return p
}
