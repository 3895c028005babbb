package order_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// slowSpec is a two-line order put under slow review at 20:00 CST on
// 11 November.
func slowSpec() order.Spec {
	s := paidSpec()
	s.SlowReviewSince = time.Date(2026, 11, 11, 20, 0, 0, 0, cst)
	return s
}

// rule O5: a slow review counts calendar days in the shop's zone; it is
// dealt with on the day it opens, and if the buyer is never reached the
// order ships by the end of the third day — an order opened at 20:00 on
// 11 November ships before midnight at the end of 13 November.
func TestSlowReviewDays(t *testing.T) {
	p := order.DefaultTriagePolicy()
	o := mk(t, slowSpec())
	stock := stockOf(t, map[string]int{"TEA-01": 10, "CUP-01": 10})
	day := func(d, h int) time.Time { return time.Date(2026, 11, d, h, 0, 0, 0, cst) }
	cases := []struct {
		reason  string
		now     time.Time
		day     int
		reasons string
	}{
		{"the evening it opens", day(11, 23), 1, "[slow_review_opened_today]"},
		{"next morning, 00:30 CST (16:30 UTC the day before)", time.Date(2026, 11, 11, 16, 30, 0, 0, time.UTC), 2, "[]"},
		{"the third day: must ship today", day(13, 9), 3, "[slow_review_ship_day]"},
		{"the fourth day: overdue", day(14, 0), 4, "[slow_review_overdue]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s, err := p.SlowReview(o, stock, c.now)
			require.NoError(t, err)
			assert.Equal(t, c.day, s.Day)
			assert.Equal(t, c.reasons, s.Reasons.String())
			assert.True(t, s.DealWithBy.Equal(day(12, 0).Add(-time.Second)), "dealt with by the end of the opening day")
			assert.True(t, s.ShipBy.Equal(day(14, 0).Add(-time.Second)), "ships by the end of the third day")
			assert.False(t, s.Exempt)
			assert.True(t, s.Since.Equal(o.SlowReviewSince()))
		})
	}

	// A shop that ships on the second day.
	p.SlowReviewShipDay = 2
	s, err := p.SlowReview(o, stock, day(12, 10))
	require.NoError(t, err)
	assert.True(t, s.ShipBy.Equal(day(13, 0).Add(-time.Second)))
	assert.Equal(t, "[slow_review_ship_day]", s.Reasons.String())
}

// rule O5: the exception — an order that holds a single item, and that item
// is out of stock, cannot ship and has no must-ship day. Gift lines are not
// items; two items are never exempt, even if one is out of stock.
func TestSlowReviewSingleItemOutOfStock(t *testing.T) {
	p := order.DefaultTriagePolicy()
	now := time.Date(2026, 11, 15, 10, 0, 0, 0, cst)
	single := mk(t, slowSpec()) // tea + a free cup
	s, err := p.SlowReview(single, stockOf(t, map[string]int{"TEA-01": 1, "CUP-01": 5}), now)
	require.NoError(t, err)
	assert.True(t, s.Exempt, "2 ordered, 1 on hand")
	assert.True(t, s.ShipBy.IsZero())
	assert.Equal(t, "[slow_review_single_item_out_of_stock]", s.Reasons.String(), "not overdue")

	s, err = p.SlowReview(single, stockOf(t, map[string]int{"TEA-01": 2}), now)
	require.NoError(t, err)
	assert.False(t, s.Exempt, "in stock: it must ship")
	assert.Equal(t, "[slow_review_overdue]", s.Reasons.String())

	two := mk(t, slowSpec(), func(s *order.Spec) { s.Lines[1].Gift, s.Lines[1].UnitPrice = false, dec("5.00") })
	s, err = p.SlowReview(two, order.Stock{}, now)
	require.NoError(t, err, "two items never need the stock")
	assert.False(t, s.Exempt)
	assert.Equal(t, "[slow_review_overdue]", s.Reasons.String())

	_, err = p.SlowReview(single, stockOf(t, map[string]int{"CUP-01": 5}), now)
	require.ErrorIs(t, err, order.ErrUnknownSKU, "rule O8: an uncounted SKU is not out of stock")
}

func TestSlowReviewOtherStates(t *testing.T) {
	p := order.DefaultTriagePolicy()
	stock := stockOf(t, map[string]int{"TEA-01": 10})
	s, err := p.SlowReview(mk(t, paidSpec()), stock, t0)
	require.NoError(t, err)
	assert.Equal(t, order.SlowReview{Reasons: order.ReasonSet(0).With(order.NotUnderSlowReview)}, s)

	shipped := mk(t, slowSpec(), func(s *order.Spec) {
		s.Status, s.DispatchedAt = order.AwaitingReceipt, time.Date(2026, 11, 12, 9, 0, 0, 0, cst)
	})
	s, err = p.SlowReview(shipped, stockOf(t, map[string]int{"TEA-01": 10}), time.Date(2026, 11, 20, 9, 0, 0, 0, cst))
	require.NoError(t, err)
	assert.Equal(t, "[not_pending]", s.Reasons.String(), "a dispatched order is not overdue")
}

func TestSlowReviewRefusesBadInput(t *testing.T) {
	p := order.DefaultTriagePolicy()
	o := mk(t, slowSpec())
	_, err := p.SlowReview(o, order.Stock{}, o.SlowReviewSince().Add(-time.Second))
	require.ErrorIs(t, err, order.ErrInconsistent)
	_, err = p.SlowReview(nil, order.Stock{}, t0)
	require.ErrorIs(t, err, order.ErrNilOrder)
	_, err = p.SlowReview(&order.Order{}, order.Stock{}, t0)
	require.ErrorIs(t, err, order.ErrMissing)
	p.SlowReviewShipDay = -1
	_, err = p.SlowReview(o, order.Stock{}, t0)
	require.ErrorIs(t, err, order.ErrInvalidPolicy)
}
