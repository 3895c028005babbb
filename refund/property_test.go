package refund_test

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// randomOrder is a paid order of 1 to 20 lines (some of them gifts) with
// random prices, quantities, discount and postage.
func randomOrder(t testing.TB, rng *rand.Rand) *order.Order {
	s := threeLines()
	s.Lines = nil
	var goods int64
	for i := range 1 + rng.IntN(20) {
		l := order.Line{SKU: "L" + strconv.Itoa(i), Quantity: 1 + rng.IntN(5)}
		switch {
		case rng.IntN(10) == 0:
			l.Gift, l.UnitPrice = true, yuan.Dec(0)
		default:
			p := 1 + rng.Int64N(50_000)
			l.UnitPrice = yuan.Dec(p)
			goods += p * int64(l.Quantity)
		}
		s.Lines = append(s.Lines, l)
	}
	var discount int64
	if goods > 0 && rng.IntN(4) != 0 {
		discount = rng.Int64N(goods + 1)
	}
	s.Discount, s.Postage = yuan.Dec(discount), yuan.Dec(rng.Int64N(3)*rng.Int64N(2_000))
	return build(t, s)
}

// fenOf is d in fen. It and must skip t.Helper and testify, whose
// stack walks would be most of the cost of the property test.
func fenOf(t testing.TB, d decimal.Decimal) int64 {
	f, ok := yuan.Fen(d)
	if !ok {
		t.Fatalf("%s is not an amount in fen", d)
	}
	return f
}

func must(t testing.TB, err error) {
	if err != nil {
		t.Fatal(err)
	}
}

// payNow pays p on l at l's version and requires it to pass, like pay.
func payNow(t testing.TB, l refund.Ledger, p refund.Payout) (refund.Ledger, refund.Receipt) {
	p.Version = l.Version()
	next, r, err := l.Pay(p)
	must(t, err)
	return next, r
}

// TestLedgerProperties runs 10,000 random sequences of partial refunds,
// replays, reused keys, stale versions and arrivals over random orders,
// then refunds what is left (rule R7): the ledger never refunds more than
// was paid — per line, for the postage, in all — never pays a key twice,
// refuses without changing anything, and once everything is refunded the
// refunds add up to what was paid, to the fen.
func TestLedgerProperties(t *testing.T) {
	sequences := 10_000
	if testing.Short() {
		sequences = 1_000
	}
	rng := rand.New(rand.NewPCG(7, 2026))
	for seq := range sequences {
		o := randomOrder(t, rng)
		l, err := refund.NewLedger(o)
		must(t, err)
		paid := fenOf(t, o.Paid())
		require.Equal(t, paid, fenOf(t, l.Paid()), "the lines and postage make what the buyer paid")

		type done struct {
			p refund.Payout
			r refund.Receipt
		}
		var history []done
		var refunded int64
		keys := 0
		check := func(step string, lines bool) {
			got := fenOf(t, l.Refunded())
			if got != refunded {
				t.Fatalf("seq %d %s: ledger refunded %d fen, payouts made %d", seq, step, got, refunded)
			}
			if got > paid {
				t.Fatalf("seq %d %s: refunded %d fen of %d paid", seq, step, got, paid)
			}
			if !lines {
				return
			}
			for i := range l.NumLines() {
				ln := l.Line(i)
				if ln.Refunded.GreaterThan(ln.Paid) || ln.RefundedUnits > ln.Quantity || ln.ReturnedUnits > ln.ArrivedUnits {
					t.Fatalf("seq %d %s: line %+v over its caps", seq, step, ln)
				}
			}
		}
		for step := range rng.IntN(25) {
			what := rng.IntN(10)
			switch {
			case what < 5: // a new partial payout, sometimes too big
				i := rng.IntN(l.NumLines())
				ln := l.Line(i)
				left := ln.Quantity - ln.RefundedUnits
				units := 0
				if left > 0 && rng.IntN(3) != 0 {
					units = 1 + rng.IntN(left)
				}
				limit, err := l.Refundable(ln.SKU, units)
				must(t, err)
				capFen := fenOf(t, limit)
				amount := capFen
				switch rng.IntN(4) {
				case 0:
					amount = capFen + 1 + rng.Int64N(100) // above the cap
				case 1:
					if capFen > 1 {
						amount = 1 + rng.Int64N(capFen)
					}
				}
				keys++
				p := refund.Payout{Key: "k" + strconv.Itoa(keys), Version: l.Version(), SKU: ln.SKU, Units: units, Goods: yuan.Dec(amount)}
				next, r, err := l.Pay(p)
				switch {
				case amount == 0:
					require.ErrorIs(t, err, refund.ErrInvalidAmount, "an amount of 0 is never everything")
				case amount > capFen:
					require.ErrorIs(t, err, refund.ErrOverRefund)
				default:
					must(t, err)
					refunded += amount
					history = append(history, done{p, r})
				}
				if err != nil {
					require.Equal(t, l.Version(), next.Version())
				}
				l = next
			case what < 6: // postage
				left := fenOf(t, l.PostageRemaining())
				if left == 0 {
					continue
				}
				keys++
				amount := 1 + rng.Int64N(left)
				var r refund.Receipt
				p := refund.Payout{Key: "k" + strconv.Itoa(keys), Postage: yuan.Dec(amount)}
				l, r = payNow(t, l, p)
				p.Version = r.Version - 1
				refunded += amount
				history = append(history, done{p, r})
			case what < 8 && len(history) > 0: // a replay: the first receipt, nothing paid
				h := history[rng.IntN(len(history))]
				next, r, err := l.Pay(h.p)
				must(t, err)
				require.True(t, r.Replayed)
				r.Replayed = false
				require.Equal(t, h.r, r)
				require.Equal(t, l.Version(), next.Version())
				l = next
			case what < 9 && len(history) > 0: // the same key, other parameters
				h := history[rng.IntN(len(history))]
				p := h.p
				p.Postage = p.Postage.Add(yuan.Dec(1))
				_, _, err := l.Pay(p)
				require.ErrorIs(t, err, refund.ErrKeyReused)
			default: // a stale version
				keys++
				_, _, err := l.Pay(refund.Payout{Key: "k" + strconv.Itoa(keys), Version: l.Version() - 1, Postage: yuan.Dec(1)})
				require.ErrorIs(t, err, refund.ErrStaleVersion)
			}
			check("step "+strconv.Itoa(step), step%8 == 7)
		}

		// Refund what is left, line by line in random order, in random unit
		// chunks, then any money left on a line, then the postage.
		for _, i := range rng.Perm(l.NumLines()) {
			ln := l.Line(i)
			for left := ln.Quantity - ln.RefundedUnits; left > 0; {
				units := 1 + rng.IntN(left)
				amt, err := l.Refundable(ln.SKU, units)
				must(t, err)
				left -= units
				if amt.IsZero() {
					_, _, err := l.Pay(refund.Payout{Key: "z", Version: l.Version(), SKU: ln.SKU, Units: units, Goods: amt})
					require.ErrorIs(t, err, refund.ErrInvalidAmount)
					continue
				}
				keys++
				l, _ = payNow(t, l, refund.Payout{Key: "k" + strconv.Itoa(keys), SKU: ln.SKU, Units: units, Goods: amt})
				refunded += fenOf(t, amt)
			}
			if rest := l.Line(i).Remaining; rest.IsPositive() {
				keys++
				l, _ = payNow(t, l, refund.Payout{Key: "k" + strconv.Itoa(keys), SKU: ln.SKU, Goods: rest})
				refunded += fenOf(t, rest)
			}
		}
		if rest := l.PostageRemaining(); rest.IsPositive() {
			l, _ = payNow(t, l, refund.Payout{Key: "postage-rest", Postage: rest})
			refunded += fenOf(t, rest)
		}
		check("at the end", true)
		if refunded != paid {
			t.Fatalf("seq %d: a full refund made %d fen of %d paid", seq, refunded, paid)
		}
		require.True(t, l.Remaining().IsZero())
		if seq%100 == 0 {
			b, err := json.Marshal(l)
			must(t, err)
			var back refund.Ledger
			require.NoError(t, json.Unmarshal(b, &back))
			require.Equal(t, string(b), jsonOf(t, back), "a ledger round-trips")
		}
	}
}
