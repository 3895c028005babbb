package refund_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

var cst = time.FixedZone("CST", 8*60*60)

// at returns a time in China Standard Time.
func at(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, cst) }

// t0 is Monday 2 November 2026, 10:00 CST.
var t0 = at(2026, 11, 2, 10, 0)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decEq(t testing.TB, want string, got decimal.Decimal, msg ...any) {
	t.Helper()
	if !dec(want).Equal(got) {
		t.Errorf("got %s, want %s %v", got.StringFixed(2), want, msg)
	}
}

func addr(province string) order.Address {
	return order.Address{Recipient: "张三", Phone: "13812345678", Province: province,
		City: "杭州市", District: "西湖区", Detail: "文三路12号"}
}

// threeLines is a paid order awaiting dispatch: 2 × 50.00 scarves, 1 ×
// 30.00 hat and 3 × 6.67 socks (150.01 of goods), 10.00 off, 8.00 postage:
// the buyer paid 148.01. The ledger splits the discount 6.67 / 2.00 / 1.33
// (largest remainder: the hat's and the scarves' remainders are larger
// than the socks').
func threeLines() order.Spec {
	return order.Spec{
		ID:    "T1001",
		Buyer: order.Buyer{ID: "tb_8812"},
		Lines: []order.Line{
			{SKU: "SCARF-01", Quantity: 2, UnitPrice: dec("50.00"), WeightGrams: 200},
			{SKU: "HAT-01", Quantity: 1, UnitPrice: dec("30.00"), WeightGrams: 150},
			{SKU: "SOCK-01", Quantity: 3, UnitPrice: dec("6.67"), WeightGrams: 50},
		},
		Address:   addr("浙江省"),
		Postage:   dec("8.00"),
		Discount:  dec("10.00"),
		Status:    order.AwaitingDispatch,
		CreatedAt: t0,
		PaidAt:    t0.Add(time.Minute),
	}
}

// finished is s delivered and finished.
func finished(s order.Spec) order.Spec {
	s.Status = order.Finished
	s.DispatchedAt = s.PaidAt.Add(2 * time.Hour)
	s.ReceivedAt = s.DispatchedAt.Add(48 * time.Hour)
	return s
}

// dispatched is s on its way to the buyer.
func dispatched(s order.Spec) order.Spec {
	s.Status = order.AwaitingReceipt
	s.DispatchedAt = s.PaidAt.Add(2 * time.Hour)
	return s
}

func build(t testing.TB, s order.Spec) *order.Order {
	t.Helper()
	o, err := order.New(s)
	require.NoError(t, err)
	return &o
}

func ledger(t testing.TB, s order.Spec) refund.Ledger {
	t.Helper()
	l, err := refund.NewLedger(build(t, s))
	require.NoError(t, err)
	return l
}

// jsonOf is the JSON of v, for comparing values before and after a call
// that must not change them.
func jsonOf(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// pay pays p on l at l's version and requires it to pass.
func pay(t testing.TB, l refund.Ledger, p refund.Payout) (refund.Ledger, refund.Receipt) {
	t.Helper()
	p.Version = l.Version()
	next, r, err := l.Pay(p)
	require.NoError(t, err)
	return next, r
}

func refundErrIs(err, target error) bool { return errors.Is(err, target) }

func httpStatus(err error) int { return order.HTTPStatus(err) }
