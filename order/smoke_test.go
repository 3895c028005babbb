package order_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

func TestSmoke(t *testing.T) {
	t0 := time.Date(2026, 11, 11, 10, 0, 0, 0, time.UTC)
	o, err := order.New(order.Spec{
		ID: "T1", Buyer: order.Buyer{ID: "b1"},
		Lines:   []order.Line{{SKU: "ＡＢ-1", Quantity: 2, UnitPrice: decimal.RequireFromString("49.5")}},
		Address: order.Address{Recipient: "张三", Phone: "138 1234 5678", Province: "浙江", City: "杭州市", District: "西湖区", Detail: "文三路１２号"},
		Postage: decimal.RequireFromString("10"), Status: order.AwaitingPayment, CreatedAt: t0,
	})
	require.NoError(t, err)
	require.Equal(t, "109.00", o.Paid().StringFixed(2))
	require.Equal(t, "AB-1", o.Line(0).SKU)
	require.Equal(t, order.Zhejiang, o.Region())
	o2, err := o.Apply(order.Pay, t0.Add(time.Minute))
	require.NoError(t, err)
	require.Equal(t, order.AwaitingDispatch, o2.Status())
	b, err := o2.MarshalJSON()
	require.NoError(t, err)
	var back order.Order
	require.NoError(t, back.UnmarshalJSON(b), string(b))
	t.Log(string(b))
}
