package refund

import (
	"math/bits"
	"slices"
)

// mulDiv returns a*b/c rounded down and the remainder, for a, b ≥ 0 and
// c > 0 with a*b/c < 2^63, computed in 128 bits so that no product of an
// amount in fen and a quantity or another amount overflows.
func mulDiv(a, b, c int64) (q, r int64) {
	if a <= 0 || b <= 0 || c <= 0 {
		return 0, 0
	}
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	if hi >= uint64(c) {
		// The quotient would not fit; callers keep a*b/c ≤ a or ≤ b, so
		// this is unreachable. Never panic (bits.Div64 would).
		return a, 0
	}
	uq, ur := bits.Div64(hi, lo, uint64(c))
	return int64(uq), int64(ur)
}

// splitDiscount splits discount (fen) across lines in proportion to their
// goods amounts, by largest remainder: each line gets the fen below its
// exact share, and the fen left over go one each to the lines with the
// largest remainders, ties to the earlier line. The shares add up to
// discount exactly. goods are ≥ 0 and discount ≤ their sum.
func splitDiscount(goods []int64, discount int64) []int64 {
	shares := make([]int64, len(goods))
	var total int64
	for _, g := range goods {
		total += g
	}
	if discount <= 0 || total <= 0 {
		return shares
	}
	rem := make([]int64, len(goods))
	left := discount
	for i, g := range goods {
		shares[i], rem[i] = mulDiv(discount, g, total)
		left -= shares[i]
	}
	if left == 0 {
		return shares
	}
	order := make([]int, len(goods))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		switch {
		case rem[a] > rem[b]:
			return -1
		case rem[a] < rem[b]:
			return 1
		}
		return 0 // stable: ties keep line order
	})
	for _, i := range order[:left] {
		shares[i]++
	}
	return shares
}

// upTo returns the part of paid (fen) that the first u of qty units carry:
// paid·u/qty rounded down. It telescopes: the units of successive payouts
// of one line carry upTo(u+k) − upTo(u), and all qty units carry exactly
// paid — no fen is lost or paid twice however the units are split.
func upTo(paid, u, qty int64) int64 {
	if u >= qty {
		return paid
	}
	q, _ := mulDiv(paid, u, qty)
	return q
}
