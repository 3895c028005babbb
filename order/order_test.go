package order_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/order"
)

var (
	cst = time.FixedZone("CST", 8*60*60)
	t0  = time.Date(2026, 11, 11, 9, 30, 0, 0, cst)
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func decPtr(s string) *decimal.Decimal { d := dec(s); return &d }

// hangzhou is a complete mainland address.
func hangzhou() order.Address {
	return order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省",
		City: "杭州市", District: "西湖区", Detail: "文三路12号"}
}

// paidSpec is an online order paid five minutes after it was placed:
// 2 × 49.50 of tea and a free cup, 10.00 postage, 5.00 off.
func paidSpec() order.Spec {
	return order.Spec{
		ID:    "T1001",
		Buyer: order.Buyer{ID: "buyer-42", Nick: "小王"},
		Lines: []order.Line{
			{SKU: "TEA-01", Title: "龙井 250g", Quantity: 2, UnitPrice: dec("49.50"), WeightGrams: 300},
			{SKU: "CUP-01", Title: "品茗杯", Quantity: 1, UnitPrice: dec("0"), Gift: true},
		},
		Address:   hangzhou(),
		Postage:   dec("10.00"),
		Discount:  dec("5.00"),
		Status:    order.AwaitingDispatch,
		CreatedAt: t0,
		PaidAt:    t0.Add(5 * time.Minute),
	}
}

func TestNewDerivesTotals(t *testing.T) {
	o, err := order.New(paidSpec())
	require.NoError(t, err)
	assert.Equal(t, "99.00", o.Goods().StringFixed(2))
	assert.Equal(t, "94.00", o.NetGoods().StringFixed(2), "goods minus discount, before postage")
	assert.Equal(t, "104.00", o.Paid().StringFixed(2), "goods + postage - discount")
	assert.Equal(t, 2, o.Units(), "gift lines are not counted as goods")
	assert.Equal(t, int32(-2), o.Paid().Exponent(), "amounts are held with two decimals")
	assert.Equal(t, "99.00", o.Line(0).Amount().StringFixed(2))
}

// rule P7: money is exact — amounts with a digit below the fen are refused,
// never rounded.
func TestNewRefusesAmountsBelowTheFen(t *testing.T) {
	s := paidSpec()
	s.Lines[0].UnitPrice = dec("49.505")
	_, err := order.New(s)
	require.ErrorIs(t, err, order.ErrInvalidAmount)
	assert.Contains(t, err.Error(), `"49.505"`)
	assert.Contains(t, err.Error(), "more than two decimals")
}

func TestNewChecksStatedTotals(t *testing.T) {
	cases := []struct {
		reason      string
		goods, paid *decimal.Decimal
		wantErr     bool
	}{
		{"stated totals that agree are accepted", decPtr("99"), decPtr("104.00"), false},
		{"goods that disagree with the lines", decPtr("98.99"), nil, true},
		{"paid that disagrees with goods + postage - discount", nil, decPtr("109.00"), true},
		{"hostile: paid with a fraction of a fen", nil, decPtr("104.001"), true},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := paidSpec()
			s.Goods, s.Paid = c.goods, c.paid
			o, err := order.New(s)
			if !c.wantErr {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, order.ErrTotalsMismatch)
			assert.True(t, o.IsZero(), "nothing partially built")
		})
	}
}

func TestNewRefusesBadInput(t *testing.T) {
	cases := []struct {
		reason string
		edit   func(*order.Spec)
		want   error
		quoted string // the bad value, as the message quotes it
	}{
		{"zero quantity", func(s *order.Spec) { s.Lines[0].Quantity = 0 }, order.ErrInvalidQuantity, `"0"`},
		{"negative quantity", func(s *order.Spec) { s.Lines[0].Quantity = -3 }, order.ErrInvalidQuantity, `"-3"`},
		{"absurd quantity", func(s *order.Spec) { s.Lines[0].Quantity = 1 << 40 }, order.ErrInvalidQuantity, ""},
		{"negative price", func(s *order.Spec) { s.Lines[0].UnitPrice = dec("-1") }, order.ErrInvalidAmount, `"-1.00"`},
		{"price out of range", func(s *order.Spec) { s.Lines[0].UnitPrice = dec("1e20") }, order.ErrInvalidAmount, ""},
		{"line total out of range", func(s *order.Spec) {
			s.Lines[0].UnitPrice, s.Lines[0].Quantity = dec("9000000000000"), 1000
		}, order.ErrInvalidAmount, ""},
		{"gift with a price", func(s *order.Spec) { s.Lines[1].UnitPrice = dec("5") }, order.ErrInvalidAmount, `"5.00"`},
		{"negative weight", func(s *order.Spec) { s.Lines[0].WeightGrams = -1 }, order.ErrInvalidQuantity, `"-1"`},
		{"empty SKU", func(s *order.Spec) { s.Lines[0].SKU = "  " }, order.ErrInvalidSKU, `"  "`},
		{"SKU with a space inside", func(s *order.Spec) { s.Lines[0].SKU = "TEA 01" }, order.ErrInvalidSKU, `"TEA 01"`},
		{"SKU too long", func(s *order.Spec) { s.Lines[0].SKU = strings.Repeat("A", 65) }, order.ErrInvalidSKU, ""},
		{"hostile: SKU with invalid UTF-8", func(s *order.Spec) { s.Lines[0].SKU = "TEA\xff" }, order.ErrInvalidText, ""},
		{"duplicate line", func(s *order.Spec) { s.Lines[1] = s.Lines[0] }, order.ErrDuplicateLine, `"TEA-01"`},
		{"duplicate line spelled full-width", func(s *order.Spec) {
			s.Lines[1] = s.Lines[0]
			s.Lines[1].SKU = "ＴＥＡ－０１"
		}, order.ErrDuplicateLine, ""},
		{"no lines", func(s *order.Spec) { s.Lines = nil }, order.ErrMissing, ""},
		{"too many lines", func(s *order.Spec) {
			s.Lines = make([]order.Line, 1001)
		}, order.ErrInvalidQuantity, ""},
		{"unknown region", func(s *order.Spec) { s.Address.Province = "火星省" }, order.ErrUnknownRegion, `"火星省"`},
		{"hostile: invalid UTF-8 in the address", func(s *order.Spec) { s.Address.Detail = "文三路\xff" }, order.ErrInvalidText, ""},
		{"hostile: invalid UTF-8 in the buyer message", func(s *order.Spec) { s.Message = "\xc3" }, order.ErrInvalidText, ""},
		{"hostile: invalid UTF-8 in the title", func(s *order.Spec) { s.Lines[0].Title = "\xc3" }, order.ErrInvalidText, ""},
		{"hostile: invalid UTF-8 in the nickname", func(s *order.Spec) { s.Buyer.Nick = "\xc3" }, order.ErrInvalidText, ""},
		{"hostile: invalid UTF-8 in the ID", func(s *order.Spec) { s.ID = "\xc3" }, order.ErrInvalidText, ""},
		{"message too long", func(s *order.Spec) { s.Message = strings.Repeat("急", 400) }, order.ErrInvalidText, ""},
		{"missing ID", func(s *order.Spec) { s.ID = "" }, order.ErrMissing, ""},
		{"ID with a space", func(s *order.Spec) { s.ID = "T 1" }, order.ErrInvalidText, `"T 1"`},
		{"ID too long", func(s *order.Spec) { s.ID = strings.Repeat("9", 65) }, order.ErrInvalidText, ""},
		{"missing buyer", func(s *order.Spec) { s.Buyer.ID = "" }, order.ErrMissing, ""},
		{"negative postage", func(s *order.Spec) { s.Postage = dec("-10") }, order.ErrInvalidAmount, `"-10.00"`},
		{"negative discount", func(s *order.Spec) { s.Discount = dec("-1") }, order.ErrInvalidAmount, `"-1.00"`},
		{"discount above the goods", func(s *order.Spec) { s.Discount = dec("99.01") }, order.ErrTotalsMismatch, `"99.01"`},
		{"unknown status", func(s *order.Spec) { s.Status = order.StatusUnknown }, order.ErrUnknownStatus, ""},
		{"status out of range", func(s *order.Spec) { s.Status = 99 }, order.ErrUnknownStatus, ""},
		{"unknown payment", func(s *order.Spec) { s.Payment = 7 }, order.ErrUnknownPayment, ""},
		{"missing creation time", func(s *order.Spec) { s.CreatedAt = time.Time{} }, order.ErrMissing, ""},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := paidSpec()
			c.edit(&s)
			o, err := order.New(s)
			require.ErrorIs(t, err, c.want)
			assert.True(t, o.IsZero(), "nothing partially built")
			var e *order.Error
			require.ErrorAs(t, err, &e)
			assert.True(t, strings.HasPrefix(err.Error(), "order: "), err.Error())
			if c.quoted != "" {
				assert.Contains(t, err.Error(), c.quoted)
			}
		})
	}
}

func TestErrorMessage(t *testing.T) {
	s := paidSpec()
	s.Lines[1].Quantity = 0
	_, err := order.New(s)
	assert.EqualError(t, err, `order: lines[1].quantity "0": invalid quantity: must be 1 to 1000000`)
	var e *order.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "lines[1].quantity", e.Field)
	assert.Equal(t, "0", e.Value)
}

// The status, payment method and times of an order must agree; a backend
// importing a contradictory order hears about it instead of rules reasoning
// over nonsense.
func TestNewChecksLifecycleConsistency(t *testing.T) {
	later := func(m int) time.Time { return t0.Add(time.Duration(m) * time.Minute) }
	cases := []struct {
		reason string
		edit   func(*order.Spec)
		want   error // nil: consistent
	}{
		{"paid and waiting for dispatch", func(*order.Spec) {}, nil},
		{"unpaid with a payment time", func(s *order.Spec) { s.Status = order.AwaitingPayment }, order.ErrInconsistent},
		{"paid without a payment time", func(s *order.Spec) { s.PaidAt = time.Time{} }, order.ErrInconsistent},
		{"paid before it was placed", func(s *order.Spec) { s.PaidAt = later(-1) }, order.ErrInconsistent},
		{"dispatched without a dispatch time", func(s *order.Spec) { s.Status = order.AwaitingReceipt }, order.ErrInconsistent},
		{"dispatched before it was paid", func(s *order.Spec) {
			s.Status, s.DispatchedAt = order.AwaitingReceipt, later(1)
		}, order.ErrInconsistent},
		{"dispatched after payment", func(s *order.Spec) {
			s.Status, s.DispatchedAt = order.AwaitingReceipt, later(60)
		}, nil},
		{"waiting for dispatch with a dispatch time", func(s *order.Spec) { s.DispatchedAt = later(60) }, order.ErrInconsistent},
		{"received before it was dispatched", func(s *order.Spec) {
			s.Status, s.DispatchedAt, s.ReceivedAt = order.Finished, later(60), later(30)
		}, order.ErrInconsistent},
		{"finished without a receipt time is fine", func(s *order.Spec) {
			s.Status, s.DispatchedAt = order.Finished, later(60)
		}, nil},
		{"receipt time before receipt", func(s *order.Spec) {
			s.Status, s.DispatchedAt, s.ReceivedAt = order.AwaitingReceipt, later(60), later(90)
		}, order.ErrInconsistent},
		{"closed time on an open order", func(s *order.Spec) { s.ClosedAt = later(9) }, order.ErrInconsistent},
		{"closed after payment", func(s *order.Spec) { s.Status, s.ClosedAt = order.Closed, later(9) }, nil},
		{"closed after payment but no payment time", func(s *order.Spec) {
			s.Status, s.PaidAt = order.Closed, time.Time{}
		}, order.ErrInconsistent},
		{"closed unpaid", func(s *order.Spec) { s.Status, s.PaidAt = order.ClosedUnpaid, time.Time{} }, nil},
		{"closed before it was placed", func(s *order.Spec) {
			s.Status, s.PaidAt, s.ClosedAt = order.ClosedUnpaid, time.Time{}, later(-9)
		}, order.ErrInconsistent},
		{"slow review before it was placed", func(s *order.Spec) { s.SlowReviewSince = later(-1) }, order.ErrInconsistent},
		{"COD awaiting online payment", func(s *order.Spec) {
			s.Payment, s.Status, s.PaidAt = order.CashOnDelivery, order.AwaitingPayment, time.Time{}
		}, order.ErrInconsistent},
		{"COD awaiting dispatch, unpaid", func(s *order.Spec) {
			s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
		}, nil},
		{"COD paid before delivery", func(s *order.Spec) { s.Payment = order.CashOnDelivery }, order.ErrInconsistent},
		{"COD signed for: paid at delivery, after dispatch", func(s *order.Spec) {
			s.Payment, s.Status = order.CashOnDelivery, order.SignedCOD
			s.DispatchedAt, s.PaidAt, s.ReceivedAt = later(60), later(600), later(600)
		}, nil},
		{"COD signed for without a payment time", func(s *order.Spec) {
			s.Payment, s.Status = order.CashOnDelivery, order.SignedCOD
			s.DispatchedAt, s.PaidAt, s.ReceivedAt = later(60), time.Time{}, later(600)
		}, order.ErrInconsistent},
		{"COD signed for without a receipt time", func(s *order.Spec) {
			s.Payment, s.Status = order.CashOnDelivery, order.SignedCOD
			s.DispatchedAt, s.PaidAt = later(60), later(600)
		}, order.ErrInconsistent},
		{"online order signed for as COD", func(s *order.Spec) {
			s.Status, s.DispatchedAt, s.ReceivedAt = order.SignedCOD, later(60), later(600)
		}, order.ErrInconsistent},
		{"online order with a COD confirmation", func(s *order.Spec) { s.CODConfirmedAt = later(1) }, order.ErrInconsistent},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := paidSpec()
			c.edit(&s)
			_, err := order.New(s)
			if c.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, c.want)
		})
	}
}

func TestSpecRoundTrip(t *testing.T) {
	o := order.MustNew(paidSpec())
	again, err := order.New(o.Spec())
	require.NoError(t, err)
	assert.Equal(t, o, again)
	assert.Nil(t, o.Spec().Paid, "Spec states no totals: they are only what the platform sent")
	assert.Nil(t, o.Spec().Goods)
}

// TestEditedSpecRebuilds pins issue 11 #2: an order built from a Spec that
// stated its totals (as the platform sends them) is edited through
// Order.Spec — a new discount — and New rebuilds it with the totals
// derived afresh, where Spec used to carry the old stated totals and New
// refused the edit with ErrTotalsMismatch.
func TestEditedSpecRebuilds(t *testing.T) {
	s := paidSpec()
	s.Goods, s.Paid = decPtr("99.00"), decPtr("104.00") // as the platform states them
	o := order.MustNew(s)

	edit := o.Spec()
	edit.Discount = dec("10.00")
	n, err := order.New(edit)
	require.NoError(t, err)
	assert.Equal(t, "99.00", n.Goods().StringFixed(2))
	assert.Equal(t, "99.00", n.Paid().StringFixed(2), "99.00 + 10.00 − 10.00")

	// A stated total that disagrees is still refused, and the message
	// prints amounts as 128.50, never decimal's 128.5.
	edit.Paid = decPtr("104.5")
	_, err = order.New(edit)
	require.ErrorIs(t, err, order.ErrTotalsMismatch)
	assert.Equal(t, `order: paid "104.50": totals do not add up: goods 99.00 + postage 10.00 − discount 10.00 = 99.00`, err.Error())
}

// TestMoneyBounds pins issue 10 #6: every amount and every derived total
// is at most 10^13 yuan, or the order is refused; an order New accepts
// rebuilds from its Spec and from its JSON. Before the fix, goods 10.00 +
// postage 9999999999999.99 gave a paid amount of 10000000000009.99, above
// the bound, and New(o.Spec()) then failed with ErrTotalsMismatch.
func TestMoneyBounds(t *testing.T) {
	const top = "10000000000000.00" // 10^13 yuan, the bound
	cases := []struct {
		reason   string
		edit     func(*order.Spec)
		want     error
		field    string
		accepted bool
	}{
		{"the issue's reproducer: postage pushes paid above the bound", func(s *order.Spec) {
			s.Lines = s.Lines[:1]
			s.Lines[0].Quantity, s.Lines[0].UnitPrice = 1, dec("10.00")
			s.Postage, s.Discount = dec("9999999999999.99"), dec("0")
		}, order.ErrInvalidAmount, "paid", false},
		{"paid exactly at the bound is accepted", func(s *order.Spec) {
			s.Lines = s.Lines[:1]
			s.Lines[0].Quantity, s.Lines[0].UnitPrice = 1, dec("10.00")
			s.Postage, s.Discount = dec("9999999999990.00"), dec("0")
		}, nil, "", true},
		{"a unit price at the bound is accepted", func(s *order.Spec) {
			s.Lines = s.Lines[:1]
			s.Lines[0].Quantity, s.Lines[0].UnitPrice = 1, dec(top)
			s.Postage, s.Discount = dec("0"), dec("0")
		}, nil, "", true},
		{"hostile: a unit price a fen above the bound", func(s *order.Spec) {
			s.Lines[0].UnitPrice = dec("10000000000000.01")
		}, order.ErrInvalidAmount, "lines[0].unit_price", false},
		{"hostile: a line total above the bound", func(s *order.Spec) {
			s.Lines[0].Quantity, s.Lines[0].UnitPrice = 2, dec("5000000000000.01")
		}, order.ErrInvalidAmount, "lines[0]", false},
		{"hostile: goods of two lines above the bound", func(s *order.Spec) {
			s.Lines[0].Quantity, s.Lines[0].UnitPrice = 1, dec(top)
			s.Lines[1].Gift, s.Lines[1].UnitPrice = false, dec("0.01")
		}, order.ErrInvalidAmount, "lines", false},
		{"hostile: postage above the bound", func(s *order.Spec) { s.Postage = dec("10000000000000.01") }, order.ErrInvalidAmount, "postage", false},
		{"hostile: discount above the bound", func(s *order.Spec) { s.Discount = dec("1e14") }, order.ErrInvalidAmount, "discount", false},
		{"goods and postage at the bound, a discount brings paid back within it", func(s *order.Spec) {
			s.Lines = s.Lines[:1]
			s.Lines[0].Quantity, s.Lines[0].UnitPrice = 1, dec(top)
			s.Postage, s.Discount = dec("5.00"), dec("5.00")
		}, nil, "", true},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := paidSpec()
			c.edit(&s)
			o, err := order.New(s)
			if !c.accepted {
				require.ErrorIs(t, err, c.want)
				var e *order.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, c.field, e.Field)
				return
			}
			require.NoError(t, err)
			again, err := order.New(o.Spec())
			require.NoError(t, err, "New(o.Spec()) rebuilds what New accepted")
			assert.Equal(t, o, again)
			b, err := json.Marshal(o)
			require.NoError(t, err)
			var back order.Order
			require.NoError(t, json.Unmarshal(b, &back), "a JSON round trip rebuilds it too: %s", b)
			assert.True(t, o.Paid().Equal(back.Paid()))
			again2, err := json.Marshal(back)
			require.NoError(t, err)
			assert.JSONEq(t, string(b), string(again2))
		})
	}
}

// TestAmountMessagesAreBounded pins issue 10 #8: an error message prints
// a rejected amount clipped, at a cost that does not depend on the
// amount — decimal.New(1, 1e6) used to be printed whole (a million zeros,
// half a second) — and an amount kefu accepts as 128.50.
func TestAmountMessagesAreBounded(t *testing.T) {
	cases := []struct {
		reason string
		price  decimal.Decimal
		quoted string
	}{
		{"hostile: a power of ten with a million zeros", decimal.New(1, 1_000_000), `"1e1000000"`},
		{"hostile: a million decimals", decimal.New(1, -1_000_000), `"1e-1000000"`},
		{"hostile: a coefficient of 5,000 digits", decimal.RequireFromString(strings.Repeat("9", 5000)), `"<5000 digits>e0"`},
		{"a digit below the fen", dec("49.505"), `"49.505"`},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := paidSpec()
			s.Lines[0].UnitPrice = c.price
			var err error
			var msg string
			took := costtest.Once(func() {
				_, err = order.New(s)
				if err != nil {
					msg = err.Error()
				}
			})
			require.ErrorIs(t, err, order.ErrInvalidAmount)
			assert.Less(t, took, 100*time.Millisecond, "refused and described at once (CPU time)")
			assert.Contains(t, msg, c.quoted)
			assert.Less(t, len(msg), 300)
		})
	}
}

func TestOrderIsAnImmutableValue(t *testing.T) {
	s := paidSpec()
	o := order.MustNew(s)
	s.Lines[0].Quantity = 99 // the caller's slice is not the order's
	lines := o.Lines()
	lines[0].Quantity = 77 // nor is the copy handed out
	assert.Equal(t, 2, o.Line(0).Quantity)
	spec := o.Spec()
	spec.Lines[0].Quantity = 55
	assert.Equal(t, 2, o.Line(0).Quantity)
}

func TestAccessors(t *testing.T) {
	s := paidSpec()
	s.Silent, s.Message = true, "  请  尽快发货 "
	s.SlowReviewSince = t0.Add(time.Hour)
	o := order.MustNew(s)
	assert.Equal(t, "T1001", o.ID())
	assert.Equal(t, order.Buyer{ID: "buyer-42", Nick: "小王"}, o.Buyer())
	assert.Equal(t, 2, o.NumLines())
	assert.Equal(t, order.Zhejiang, o.Region())
	assert.Equal(t, order.Online, o.Payment())
	assert.True(t, o.Silent())
	assert.Equal(t, "请 尽快发货", o.Message())
	assert.True(t, o.Postage().Equal(dec("10")))
	assert.True(t, o.Discount().Equal(dec("5")))
	assert.Equal(t, order.AwaitingDispatch, o.Status())
	assert.True(t, o.CreatedAt().Equal(t0))
	assert.True(t, o.PaidAt().Equal(t0.Add(5*time.Minute)))
	assert.True(t, o.DispatchedAt().IsZero())
	assert.True(t, o.ReceivedAt().IsZero())
	assert.True(t, o.ClosedAt().IsZero())
	assert.True(t, o.CODConfirmedAt().IsZero())
	assert.True(t, o.SlowReviewSince().Equal(t0.Add(time.Hour)))
	assert.Equal(t, o.Address().Key(), o.AddressKey())

	l, ok := o.LineBySKU("ｔｅａ-01")
	assert.False(t, ok, "SKUs are case-sensitive")
	l, ok = o.LineBySKU("ＴＥＡ-01")
	assert.True(t, ok, "full-width spelling finds the line")
	assert.Equal(t, "TEA-01", l.SKU)
	_, ok = o.LineBySKU("")
	assert.False(t, ok)
	var zero order.Order
	assert.True(t, zero.IsZero())
}

func TestMustNewPanicsOnBadLiteral(t *testing.T) {
	assert.Panics(t, func() { order.MustNew(order.Spec{}) })
}

func TestErrorsWrapExactlyOneSentinel(t *testing.T) {
	s := paidSpec()
	s.Lines[0].Quantity = 0
	_, err := order.New(s)
	for _, other := range []error{order.ErrInvalidAmount, order.ErrInvalidSKU, order.ErrMissing} {
		assert.False(t, errors.Is(err, other))
	}
}
