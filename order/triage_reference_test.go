package order_test

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// waiting reports whether o still waits to ship, as the triage's checks
// judge it.
func waiting(o *order.Order) bool {
	s := o.Status()
	return s == order.AwaitingPayment || s == order.AwaitingDispatch || s == order.Held
}

// referenceTriage computes the repeat orders (rule O6) and the orders left
// short of stock (rule O3) by the plainest pairwise method, as the rules
// read, for comparison with the triage's linear grouping.
func referenceTriage(orders []*order.Order, stock order.Stock, within time.Duration) map[string][]string {
	out := map[string][]string{}
	add := func(id, p string) {
		if !slices.Contains(out[id], p) {
			out[id] = append(out[id], p)
		}
	}
	for _, a := range orders {
		for _, b := range orders {
			if a == b || !waiting(a) || !waiting(b) || a.Buyer().ID != b.Buyer().ID {
				continue
			}
			gap := a.CreatedAt().Sub(b.CreatedAt())
			if gap < 0 {
				gap = -gap
			}
			for _, l := range a.Lines() {
				if m, ok := b.LineBySKU(l.SKU); ok && !l.Gift && !m.Gift && gap <= within {
					add(a.ID(), "repeat_order/repeat_sku")
				}
			}
		}
	}
	rank := func(o *order.Order) (int, time.Time) {
		switch {
		case o.Status() == order.AwaitingPayment:
			return 2, o.CreatedAt()
		case o.Payment() == order.CashOnDelivery && o.CODConfirmedAt().IsZero():
			return 1, o.CreatedAt()
		case o.Payment() == order.CashOnDelivery:
			return 0, o.CODConfirmedAt()
		}
		return 0, o.PaidAt()
	}
	queue := slices.Clone(orders)
	slices.SortFunc(queue, func(a, b *order.Order) int {
		ta, aa := rank(a)
		tb, ab := rank(b)
		if c := cmp.Compare(ta, tb); c != 0 {
			return c
		}
		if c := aa.Compare(ab); c != 0 {
			return c
		}
		return strings.Compare(a.ID(), b.ID())
	})
	left := map[string]int{}
	for _, o := range queue {
		if !waiting(o) {
			continue
		}
		for _, l := range o.Lines() {
			onHand, ok := stock.OnHand(l.SKU)
			if !ok {
				continue
			}
			if _, seen := left[l.SKU]; !seen {
				left[l.SKU] = onHand
			}
			got := min(l.Quantity, left[l.SKU])
			left[l.SKU] -= got
			switch {
			case got == l.Quantity:
			case l.Quantity > onHand:
				add(o.ID(), "out_of_stock/stock_short")
			default:
				add(o.ID(), "out_of_stock/paid_later")
			}
		}
	}
	for id := range out {
		slices.Sort(out[id])
	}
	return out
}

// rules O3 and O6: over random small batches — few buyers and SKUs, so
// that groups and shortages are common, with gifts, cash on delivery,
// unpaid, held and dispatched orders — the triage's linear repeat
// detection and stock allocation find exactly what the pairwise reading of
// the rules finds.
func TestTriageMatchesPairwiseReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	p := order.DefaultTriagePolicy()
	p.RepeatWithin = order.Duration(6 * time.Hour)
	p.Skip = []order.Category{order.MultipleAddresses, order.UnknownAddress, order.CODUnconfirmed, order.UnsatisfiableMessage}
	for round := range 300 {
		onHand := map[string]int{}
		for k := range 3 {
			onHand["K-"+strconv.Itoa(k)] = rng.IntN(6)
		}
		stock, err := order.NewStock(onHand)
		require.NoError(t, err)
		var orders []*order.Order
		for i := range 1 + rng.IntN(25) {
			placed := t0.Add(time.Duration(rng.IntN(72)) * time.Hour)
			s := opsSpec("R"+strconv.Itoa(round)+"-"+strconv.Itoa(i), "b"+strconv.Itoa(rng.IntN(4)), "K-"+strconv.Itoa(rng.IntN(3)), 0)
			s.CreatedAt, s.PaidAt = placed, placed.Add(time.Duration(rng.IntN(3))*time.Hour)
			s.Lines[0].Quantity = 1 + rng.IntN(3)
			if rng.IntN(3) == 0 { // a second line, maybe the gift of another SKU, maybe uncounted
				sku := "K-" + strconv.Itoa(rng.IntN(4))
				if sku != s.Lines[0].SKU {
					l := order.Line{SKU: sku, Quantity: 1, UnitPrice: dec("5.00")}
					if rng.IntN(2) == 0 {
						l.Gift, l.UnitPrice = true, dec("0")
					}
					s.Lines = append(s.Lines, l)
				}
			}
			switch rng.IntN(6) {
			case 0:
				s.Status, s.PaidAt = order.AwaitingPayment, time.Time{}
			case 1:
				s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
				if rng.IntN(2) == 0 {
					s.CODConfirmedAt = placed.Add(time.Duration(rng.IntN(5)) * time.Hour)
				}
			case 2:
				s.Status = order.Held
			case 3:
				s.Status, s.DispatchedAt = order.AwaitingReceipt, s.PaidAt.Add(time.Hour)
			}
			orders = append(orders, mk(t, s))
		}
		want := referenceTriage(orders, stock, time.Duration(p.RepeatWithin))
		r, err := p.Triage(orders, t0.Add(80*time.Hour), order.StockCheck(stock))
		require.NoError(t, err)
		got := found(r)
		for id := range got {
			slices.Sort(got[id])
		}
		require.Equal(t, want, got, "round %d", round)
	}
}
