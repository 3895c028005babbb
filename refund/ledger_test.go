package refund_test

import (
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// TestSplitLargestRemainder pins the split of the order discount (rule
// R7): shares in proportion to the goods, rounded down to the fen, the
// fen left over to the largest remainders, ties to the earlier line; the
// shares make the discount exactly.
func TestSplitLargestRemainder(t *testing.T) {
	cases := []struct {
		reason   string
		prices   []string // one unit each
		discount string
		want     []string
	}{
		{"the worked example", []string{"100.00", "30.00", "20.01"}, "10.00", []string{"6.67", "2.00", "1.33"}},
		{"three equal lines: the fen left over goes to the first (tie by line order)",
			[]string{"10.00", "10.00", "10.00"}, "0.10", []string{"0.04", "0.03", "0.03"}},
		{"two equal lines and one fen", []string{"1.00", "1.00"}, "0.01", []string{"0.01", "0.00"}},
		{"no discount", []string{"9.99", "0.01"}, "0", []string{"0.00", "0.00"}},
		{"the whole goods amount", []string{"3.33", "6.67"}, "10.00", []string{"3.33", "6.67"}},
		{"a gift line takes no share", []string{"20.00", "0"}, "1.99", []string{"1.99", "0.00"}},
		{"a tie of remainders: the earlier line takes the fen", []string{"0.01", "99999.99"}, "50000.00", []string{"0.01", "49999.99"}},
		{"the larger remainder takes the fen", []string{"0.01", "0.99"}, "0.30", []string{"0.00", "0.30"}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := threeLines()
			s.Lines = nil
			for i, p := range c.prices {
				s.Lines = append(s.Lines, order.Line{SKU: "L" + string(rune('A'+i)), Quantity: 1, UnitPrice: dec(p), Gift: p == "0"})
			}
			s.Discount = dec(c.discount)
			l := ledger(t, s)
			sum := decimal.Zero
			for i, w := range c.want {
				decEq(t, w, l.Line(i).Discount, "line", i)
				sum = sum.Add(l.Line(i).Discount)
				assert.True(t, l.Line(i).Goods.Equal(l.Line(i).Discount.Add(l.Line(i).Paid)), "goods = discount + paid")
			}
			decEq(t, c.discount, sum, "the shares make the discount")
		})
	}
}

// TestPartialRefundNeverReturnsTheWholeDiscount: refunding one unit of a
// line refunds that unit's share of what the line paid — never its goods
// price, and never the whole order discount (rule R7; the defect other
// systems have).
func TestPartialRefundNeverReturnsTheWholeDiscount(t *testing.T) {
	l := ledger(t, threeLines())
	got, err := l.Refundable("SCARF-01", 1)
	require.NoError(t, err)
	decEq(t, "46.66", got, "half of the scarves' 93.33, rounded down")
	_, _, err = l.Pay(refund.Payout{Key: "k1", Version: 1, SKU: "SCARF-01", Units: 1, Goods: dec("50.00")})
	require.ErrorIs(t, err, refund.ErrOverRefund, "the unit's price ignores its share of the discount")
	assert.Contains(t, err.Error(), `46.66 left for 1 units of line "SCARF-01"`)
	l2, _ := pay(t, l, refund.Payout{Key: "k1", SKU: "SCARF-01", Units: 1, Goods: got})
	rest, err := l2.Refundable("SCARF-01", 1)
	require.NoError(t, err)
	decEq(t, "46.67", rest, "the last unit takes the fen the first left")
}

// TestFullRefundAddsUpToThePaidAmount: every unit refunded one at a time,
// lines in reverse order, then the postage: exactly what was paid, to the
// fen (rule R7) — no one-cent gap.
func TestFullRefundAddsUpToThePaidAmount(t *testing.T) {
	l := ledger(t, threeLines())
	total := decimal.Zero
	n := 0
	for i := l.NumLines() - 1; i >= 0; i-- {
		line := l.Line(i)
		for range line.Quantity {
			amt, err := l.Refundable(line.SKU, 1)
			require.NoError(t, err)
			n++
			var r refund.Receipt
			l, r = pay(t, l, refund.Payout{Key: "k" + string(rune('a'+n)), SKU: line.SKU, Units: 1, Goods: amt})
			total = total.Add(r.Amount())
		}
	}
	l, r := pay(t, l, refund.Payout{Key: "postage", Postage: l.PostageRemaining()})
	total = total.Add(r.Amount())
	decEq(t, "148.01", total)
	decEq(t, "0", l.Remaining())
	decEq(t, "148.01", l.Refunded())
	decEq(t, "0", l.GoodsRemaining())
}

// TestPayRefusesAndLeavesTheLedgerUnchanged is the hostile table: every
// payout a ledger must refuse, each with its sentinel; the ledger stays as
// it was (rule R7).
func TestPayRefusesAndLeavesTheLedgerUnchanged(t *testing.T) {
	base := ledger(t, dispatched(threeLines()))
	base, _ = pay(t, base, refund.Payout{Key: "first", SKU: "HAT-01", Units: 1, Goods: dec("10.00")})
	base, err := base.Receive(refund.Arrival{Waybill: "SF1234567890", Version: base.Version(), SKU: "SCARF-01", Units: 2})
	require.NoError(t, err)
	v := base.Version()
	cases := []struct {
		reason string
		p      refund.Payout
		want   error
	}{
		{"above what remains of the line", refund.Payout{Key: "k", Version: v, SKU: "HAT-01", Goods: dec("18.01")}, refund.ErrOverRefund},
		{"above what the units carry", refund.Payout{Key: "k", Version: v, SKU: "SOCK-01", Units: 1, Goods: dec("6.23")}, refund.ErrOverRefund},
		{"above the postage", refund.Payout{Key: "k", Version: v, Postage: dec("8.01")}, refund.ErrOverRefund},
		{"more units than the line has left", refund.Payout{Key: "k", Version: v, SKU: "HAT-01", Units: 1, Goods: dec("1.00")}, refund.ErrOverQuantity},
		// Hostile: 3 units refunded as returned when 2 came back.
		{"3 units when 2 came back", refund.Payout{Key: "k", Version: v, SKU: "SOCK-01", Units: 3, Returned: true, Goods: dec("1.00")}, refund.ErrNotReturned},
		// Hostile: an amount of 0 never means everything.
		{"zero goods", refund.Payout{Key: "k", Version: v, SKU: "SOCK-01", Units: 1}, refund.ErrInvalidAmount},
		{"zero postage-only", refund.Payout{Key: "k", Version: v}, refund.ErrInvalidAmount},
		{"negative", refund.Payout{Key: "k", Version: v, SKU: "SOCK-01", Goods: dec("-1.00")}, refund.ErrInvalidAmount},
		// Hostile: a digit below the fen is refused, never rounded (rule P7).
		{"three decimals", refund.Payout{Key: "k", Version: v, SKU: "SOCK-01", Goods: dec("1.005")}, refund.ErrInvalidAmount},
		{"huge exponent", refund.Payout{Key: "k", Version: v, SKU: "SOCK-01", Goods: decimal.New(1, 1000)}, refund.ErrInvalidAmount},
		{"negative units", refund.Payout{Key: "k", Version: v, SKU: "SOCK-01", Units: -1, Goods: dec("1.00")}, refund.ErrInvalidQuantity},
		{"returned with no units", refund.Payout{Key: "k", Version: v, SKU: "SOCK-01", Returned: true, Goods: dec("1.00")}, refund.ErrInvalidQuantity},
		{"goods without a line", refund.Payout{Key: "k", Version: v, Goods: dec("1.00")}, refund.ErrMissing},
		{"a line the order does not have", refund.Payout{Key: "k", Version: v, SKU: "SHOE-01", Goods: dec("1.00")}, refund.ErrUnknownLine},
		{"a malformed SKU", refund.Payout{Key: "k", Version: v, SKU: "SOCK 01", Goods: dec("1.00")}, refund.ErrInvalidSKU},
		{"no key", refund.Payout{Version: v, SKU: "SOCK-01", Goods: dec("1.00")}, refund.ErrMissing},
		// Hostile: a key that passes for another with a zero-width space.
		{"an invisible character in the key", refund.Payout{Key: "fi\u200brst", Version: v, SKU: "SOCK-01", Goods: dec("1.00")}, refund.ErrInvalidText},
		{"a key reused with other parameters", refund.Payout{Key: "first", Version: v, SKU: "HAT-01", Units: 1, Goods: dec("10.01")}, refund.ErrKeyReused},
		{"a stale version", refund.Payout{Key: "k", Version: v - 1, SKU: "SOCK-01", Goods: dec("1.00")}, refund.ErrStaleVersion},
		{"a version from the future", refund.Payout{Key: "k", Version: v + 1, SKU: "SOCK-01", Goods: dec("1.00")}, refund.ErrStaleVersion},
	}
	before := jsonOf(t, base)
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			next, r, err := base.Pay(c.p)
			require.ErrorIs(t, err, c.want)
			var e *refund.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "refund", e.Pkg)
			assert.Equal(t, v, next.Version(), "the ledger returned is the one given")
			assert.Zero(t, r)
			assert.Equal(t, before, jsonOf(t, base))
			assert.Equal(t, before, jsonOf(t, next))
		})
	}
}

// TestErrorClasses: the ledger's refusals map to the HTTP statuses a
// transport answers: malformed 422, unknown line 404, stale 409.
func TestErrorClasses(t *testing.T) {
	l := ledger(t, threeLines())
	_, _, err := l.Pay(refund.Payout{Key: "k", Version: 1, SKU: "HAT-01", Goods: dec("99.00")})
	assert.Equal(t, 422, order.HTTPStatus(err))
	_, _, err = l.Pay(refund.Payout{Key: "k", Version: 1, SKU: "NOPE", Goods: dec("1.00")})
	assert.Equal(t, 404, order.HTTPStatus(err))
	_, _, err = l.Pay(refund.Payout{Key: "k", Version: 7, SKU: "HAT-01", Goods: dec("1.00")})
	assert.Equal(t, 409, order.HTTPStatus(err))
	assert.True(t, errors.Is(err, order.ErrConflict))
}

// TestIdempotencyKey: a payout replayed with the same parameters returns
// the first receipt and changes nothing, even on a newer ledger and a
// stale version; the same key with other parameters is an error; a key
// is canonical, so a full-width spelling is the same key (rule R7: the
// same refund is never paid twice).
func TestIdempotencyKey(t *testing.T) {
	l := ledger(t, threeLines())
	p := refund.Payout{Key: "rf-1", Version: 1, SKU: "HAT-01", Units: 1, Goods: dec("28.00")}
	l1, r1, err := l.Pay(p)
	require.NoError(t, err)
	assert.False(t, r1.Replayed)
	assert.Equal(t, int64(2), r1.Version)
	l2, _ := pay(t, l1, refund.Payout{Key: "rf-2", SKU: "SOCK-01", Units: 1, Goods: dec("6.22")})

	again, r2, err := l2.Pay(p) // the same request a second later, version 1 as first sent
	require.NoError(t, err)
	assert.True(t, r2.Replayed)
	assert.Equal(t, r1.Version, r2.Version)
	decEq(t, "28.00", r2.Goods())
	assert.Equal(t, l2.Version(), again.Version(), "nothing new was paid")
	decEq(t, "34.22", again.Refunded())

	wide := p
	wide.Key, wide.SKU, wide.Goods = "ｒｆ－１", "ＨＡＴ－０１", dec("28.0") // full width; 28.0 is 28.00
	_, r3, err := l2.Pay(wide)
	require.NoError(t, err)
	assert.True(t, r3.Replayed, "two spellings of one key are one key")

	other := p
	other.Goods = dec("27.99")
	_, _, err = l2.Pay(other)
	require.ErrorIs(t, err, refund.ErrKeyReused)
	assert.Contains(t, err.Error(), "first used at version 2")

	got, ok := l2.Receipt("rf-1")
	require.True(t, ok)
	assert.Equal(t, r1, got)
	_, ok = l2.Receipt("rf-9")
	assert.False(t, ok)
}

// TestReturnedUnitsNeedArrivals: a payout for returned goods is capped by
// the units the warehouse received back, per waybill; an arrival replays
// like a payout (rules R4, R7).
func TestReturnedUnitsNeedArrivals(t *testing.T) {
	l := ledger(t, finished(threeLines()))
	_, _, err := l.Pay(refund.Payout{Key: "r1", Version: 1, SKU: "SOCK-01", Units: 1, Returned: true, Goods: dec("6.22")})
	require.ErrorIs(t, err, refund.ErrNotReturned)

	a := refund.Arrival{Waybill: "YT9876543210", Version: 1, SKU: "SOCK-01", Units: 2}
	l, err = l.Receive(a)
	require.NoError(t, err)
	same, err := l.Receive(a)
	require.NoError(t, err, "the same parcel scanned twice is one arrival")
	assert.Equal(t, l.Version(), same.Version())
	a.Units = 3
	_, err = l.Receive(a)
	require.ErrorIs(t, err, refund.ErrKeyReused)
	assert.Equal(t, map[string]int{"SOCK-01": 2}, l.AwaitingRefund(), "received, not yet refunded (rule R6)")

	_, _, err = l.Pay(refund.Payout{Key: "r1", Version: l.Version(), SKU: "SOCK-01", Units: 3, Returned: true, Goods: dec("18.68")})
	require.ErrorIs(t, err, refund.ErrNotReturned, "3 units when 2 came back")
	amt, err := l.Refundable("SOCK-01", 2)
	require.NoError(t, err)
	decEq(t, "12.45", amt, "two of three socks: 18.68·2/3 rounded down")
	l, _ = pay(t, l, refund.Payout{Key: "r1", SKU: "SOCK-01", Units: 2, Returned: true, Goods: amt})
	assert.Empty(t, l.AwaitingRefund())
	ls, ok := l.LineBySKU("sock-01")
	assert.False(t, ok, "SKUs keep their case")
	ls, ok = l.LineBySKU("SOCK-01")
	require.True(t, ok)
	assert.Equal(t, 2, ls.ArrivedUnits)
	assert.Equal(t, 2, ls.ReturnedUnits)
	decEq(t, "6.23", ls.Remaining)

	_, err = l.Receive(refund.Arrival{Waybill: "YT9876543211", Version: l.Version(), SKU: "SOCK-01", Units: 2})
	require.ErrorIs(t, err, refund.ErrOverQuantity, "4 socks cannot come back from 3")
	for _, bad := range []refund.Arrival{
		{Version: l.Version(), SKU: "SOCK-01", Units: 1},                        // no waybill (rule R4)
		{Waybill: "YT 987", Version: l.Version(), SKU: "SOCK-01", Units: 1},     // malformed
		{Waybill: "YT98765432", Version: l.Version(), SKU: "SOCK-01", Units: 0}, // no units
		{Waybill: "YT98765432", Version: l.Version() - 1, SKU: "SOCK-01", Units: 1},
		{Waybill: "YT98765432", Version: l.Version(), SKU: "BOOT-01", Units: 1},
	} {
		next, err := l.Receive(bad)
		assert.Error(t, err, "%+v", bad)
		assert.Equal(t, l.Version(), next.Version())
	}
	assert.Len(t, l.Arrivals(), 1)
	assert.Len(t, l.Receipts(), 1)
}

// TestNewLedgerSplit takes the platform's own split (part_mjz_discount)
// and refuses one that does not make the order's discount.
func TestNewLedgerSplit(t *testing.T) {
	o := build(t, threeLines())
	l, err := refund.NewLedgerSplit(o, []decimal.Decimal{dec("6.66"), dec("2.01"), dec("1.33")})
	require.NoError(t, err)
	decEq(t, "93.34", l.Line(0).Paid)
	decEq(t, "148.01", l.Paid())
	for _, bad := range [][]decimal.Decimal{
		{dec("6.66"), dec("2.01")},
		{dec("6.66"), dec("2.01"), dec("1.32")},
		{dec("0"), dec("0"), dec("21.00")},
	} {
		_, err := refund.NewLedgerSplit(o, bad)
		require.ErrorIs(t, err, refund.ErrTotalsMismatch, "%v", bad)
	}
	_, err = refund.NewLedgerSplit(o, []decimal.Decimal{dec("6.665"), dec("2.005"), dec("1.33")})
	require.ErrorIs(t, err, refund.ErrInvalidAmount)
}

// TestNewLedgerRefusesUnpaid: an order never paid has nothing to refund.
func TestNewLedgerRefusesUnpaid(t *testing.T) {
	s := threeLines()
	s.Status, s.PaidAt = order.AwaitingPayment, time.Time{}
	_, err := refund.NewLedger(build(t, s))
	require.ErrorIs(t, err, refund.ErrNotRefundable)
	_, err = refund.NewLedger(nil)
	require.ErrorIs(t, err, refund.ErrMissing)
	var zero refund.Ledger
	assert.True(t, zero.IsZero())
	_, _, err = zero.Pay(refund.Payout{Key: "k", Version: 0, Postage: dec("1")})
	require.ErrorIs(t, err, refund.ErrMissing)
	_, err = zero.MarshalJSON()
	require.ErrorIs(t, err, refund.ErrMissing)
	assert.Zero(t, zero.Version())
	assert.Nil(t, zero.Receipts())
}
