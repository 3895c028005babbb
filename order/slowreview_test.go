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
			s, err := p.SlowReview(o, stock, nil, c.now)
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
	s, err := p.SlowReview(o, stock, nil, day(12, 10))
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
	s, err := p.SlowReview(single, stockOf(t, map[string]int{"TEA-01": 1, "CUP-01": 5}), nil, now)
	require.NoError(t, err)
	assert.True(t, s.Exempt, "2 ordered, 1 on hand")
	assert.True(t, s.ShipBy.IsZero())
	assert.Equal(t, "[slow_review_single_item_out_of_stock]", s.Reasons.String(), "not overdue")

	s, err = p.SlowReview(single, stockOf(t, map[string]int{"TEA-01": 2}), nil, now)
	require.NoError(t, err)
	assert.False(t, s.Exempt, "in stock: it must ship")
	assert.Equal(t, "[slow_review_overdue]", s.Reasons.String())

	two := mk(t, slowSpec(), func(s *order.Spec) { s.Lines[1].Gift, s.Lines[1].UnitPrice = false, dec("5.00") })
	s, err = p.SlowReview(two, order.Stock{}, nil, now)
	require.NoError(t, err, "two items never need the stock")
	assert.False(t, s.Exempt)
	assert.Equal(t, "[slow_review_overdue]", s.Reasons.String())

	// rule O5: an exempt order whose buyer was reached says both: exempt, and
	// reached (a console shows that the call was made).
	reached := []order.Contact{{At: now.Add(-time.Hour), Via: order.Phone, Reached: true}}
	s, err = p.SlowReview(single, stockOf(t, map[string]int{"TEA-01": 1, "CUP-01": 5}), reached, now)
	require.NoError(t, err)
	assert.True(t, s.Exempt)
	assert.True(t, s.Reached)
	assert.Equal(t, "[slow_review_single_item_out_of_stock slow_review_buyer_reached]", s.Reasons.String())

	_, err = p.SlowReview(single, stockOf(t, map[string]int{"CUP-01": 5}), nil, now)
	require.ErrorIs(t, err, order.ErrUnknownSKU, "rule O8: an uncounted SKU is not out of stock")
}

func TestSlowReviewOtherStates(t *testing.T) {
	p := order.DefaultTriagePolicy()
	stock := stockOf(t, map[string]int{"TEA-01": 10})
	s, err := p.SlowReview(mk(t, paidSpec()), stock, nil, t0)
	require.NoError(t, err)
	assert.Equal(t, order.SlowReview{Reasons: order.ReasonSet(0).With(order.NotUnderSlowReview)}, s)

	shipped := mk(t, slowSpec(), func(s *order.Spec) {
		s.Status, s.DispatchedAt = order.AwaitingReceipt, time.Date(2026, 11, 12, 9, 0, 0, 0, cst)
	})
	s, err = p.SlowReview(shipped, stockOf(t, map[string]int{"TEA-01": 10}), nil, time.Date(2026, 11, 20, 9, 0, 0, 0, cst))
	require.NoError(t, err)
	assert.Equal(t, "[not_pending]", s.Reasons.String(), "a dispatched order is not overdue")
}

func TestSlowReviewRefusesBadInput(t *testing.T) {
	p := order.DefaultTriagePolicy()
	o := mk(t, slowSpec())
	_, err := p.SlowReview(o, order.Stock{}, nil, o.SlowReviewSince().Add(-time.Second))
	require.ErrorIs(t, err, order.ErrInconsistent)
	_, err = p.SlowReview(nil, order.Stock{}, nil, t0)
	require.ErrorIs(t, err, order.ErrNilOrder)
	_, err = p.SlowReview(&order.Order{}, order.Stock{}, nil, t0)
	require.ErrorIs(t, err, order.ErrMissing)
	p.SlowReviewShipDay = -1
	_, err = p.SlowReview(o, order.Stock{}, nil, t0)
	require.ErrorIs(t, err, order.ErrInvalidPolicy)
}

// reviewAt returns slowSpec's order with its review opened at since
// (placed an hour before, paid half an hour before), with lines if given.
func reviewAt(t *testing.T, since time.Time, lines ...order.Line) *order.Order {
	t.Helper()
	s := paidSpec()
	s.SlowReviewSince = since
	s.CreatedAt, s.PaidAt = since.Add(-time.Hour), since.Add(-30*time.Minute)
	if len(lines) > 0 {
		s.Lines = lines
	}
	return mk(t, s)
}

// rday returns hh:mm on 2026-11-25 + d days, CST.
func rday(d, hh, mm int) time.Time { return time.Date(2026, 11, 25+d, hh, mm, 0, 0, cst) }

var threeWays = order.SetOf(order.Phone, order.Chat, order.SMS)

// TestSlowReviewO5ContactRounds pins rule O5 (moved from notes, issue 11
// #6): the buyer is contacted twice a day, morning and evening, by phone,
// chat and SMS; a review opened today is dealt with today.
func TestSlowReviewO5ContactRounds(t *testing.T) {
	p := order.DefaultTriagePolicy()
	stock := stockOf(t, map[string]int{"TEA-01": 5, "CUP-01": 5})
	o := reviewAt(t, rday(0, 14, 3)) // opened in the afternoon

	r, err := p.SlowReview(o, stock, nil, rday(0, 14, 5))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 1)
	assert.Equal(t, order.Morning, r.Rounds[0].Round)
	assert.True(t, r.Rounds[0].Start.Equal(rday(0, 14, 3)), "opened today, dealt with today")
	assert.Equal(t, threeWays, r.Due)

	contacts := []order.Contact{{At: rday(0, 14, 10), Via: order.Phone}, {At: rday(0, 14, 11), Via: order.Chat}}
	r, err = p.SlowReview(o, stock, contacts, rday(0, 15, 0))
	require.NoError(t, err)
	assert.Equal(t, order.SetOf(order.SMS), r.Due, "SMS still due this round")

	contacts = append(contacts, order.Contact{At: rday(0, 14, 12), Via: order.SMS})
	r, err = p.SlowReview(o, stock, contacts, rday(0, 17, 0))
	require.NoError(t, err)
	assert.Zero(t, r.Due)
	assert.Equal(t, 0, r.Missed)

	// In the evening a new round is due, by all three channels.
	r, err = p.SlowReview(o, stock, contacts, rday(0, 18, 30))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 2)
	assert.Equal(t, order.Evening, r.Rounds[1].Round)
	assert.Equal(t, threeWays, r.Due)

	// Next morning, the evening round was skipped: it counts as missed.
	r, err = p.SlowReview(o, stock, contacts, rday(1, 9, 30))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 3)
	assert.Equal(t, order.Morning, r.Rounds[2].Round)
	assert.Equal(t, 1, r.Missed)

	// A contact after now does not count yet.
	r, err = p.SlowReview(o, stock, []order.Contact{{At: rday(0, 16, 0), Via: order.Phone, Reached: true}}, rday(0, 15, 0))
	require.NoError(t, err)
	assert.False(t, r.Reached)

	// The round times are the policy's.
	p.SlowReviewEveningAt = order.MustParseClock("20:00")
	r, err = p.SlowReview(o, stock, nil, rday(0, 19, 0))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 1, "the evening round starts at 20:00")
	assert.True(t, r.Rounds[0].End.Equal(rday(0, 20, 0)))
}

// TestSlowReviewO5MustShipByThirdDay pins rule O5: an unreachable buyer's
// order ships by the third day, unless it holds a single item that is out
// of stock; a buyer who was reached lifts the deadline.
func TestSlowReviewO5MustShipByThirdDay(t *testing.T) {
	p := order.DefaultTriagePolicy()
	inStock := stockOf(t, map[string]int{"TEA-01": 5, "TEA-02": 0, "CUP-01": 5})
	noStock := stockOf(t, map[string]int{"TEA-01": 0, "TEA-02": 0, "CUP-01": 5})
	o := reviewAt(t, rday(0, 14, 3))

	r, err := p.SlowReview(o, inStock, nil, rday(1, 10, 0))
	require.NoError(t, err)
	assert.True(t, r.MustShip())
	assert.True(t, r.ShipBy.Equal(rday(3, 0, 0).Add(-time.Second)), "end of the third day, opening day first: %v", r.ShipBy)
	assert.False(t, r.Reasons.Has(order.SlowReviewOverdue))

	r, err = p.SlowReview(o, inStock, nil, rday(3, 0, 0))
	require.NoError(t, err)
	assert.True(t, r.Reasons.Has(order.SlowReviewOverdue), "past the deadline and not dispatched")
	assert.Zero(t, r.Due, "after the deadline no more rounds are due")
	assert.Len(t, r.Rounds, 6, "the opening round and its evening, then two rounds on each of days 2 and 3")

	// A trade closed meanwhile is not overdue: there is nothing to ship.
	closed := mk(t, paidSpec(), func(s *order.Spec) {
		s.SlowReviewSince, s.CreatedAt, s.PaidAt = rday(0, 14, 3), rday(0, 13, 0), rday(0, 13, 30)
		s.Status, s.ClosedAt = order.Closed, rday(1, 9, 0)
	})
	r, err = p.SlowReview(closed, inStock, nil, rday(3, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, "[not_pending]", r.Reasons.String())
	assert.Zero(t, r.Due)

	// Single item out of stock: exempt.
	r, err = p.SlowReview(o, noStock, nil, rday(3, 0, 0))
	require.NoError(t, err)
	assert.True(t, r.Exempt)
	assert.False(t, r.MustShip())
	assert.Equal(t, "[slow_review_single_item_out_of_stock]", r.Reasons.String())

	// Two items, both out of stock: not "a single item", so not exempt.
	two := reviewAt(t, rday(0, 14, 3),
		order.Line{SKU: "TEA-01", Quantity: 1, UnitPrice: dec("9.90")},
		order.Line{SKU: "TEA-02", Quantity: 1, UnitPrice: dec("9.90")})
	r, err = p.SlowReview(two, noStock, nil, rday(1, 0, 0))
	require.NoError(t, err)
	assert.False(t, r.Exempt)
	assert.True(t, r.MustShip())

	// The buyer answered: no deadline, no more contacts due.
	r, err = p.SlowReview(o, inStock, []order.Contact{{At: rday(1, 9, 5), Via: order.Phone, Reached: true}}, rday(3, 1, 0))
	require.NoError(t, err)
	assert.True(t, r.Reached)
	assert.False(t, r.MustShip())
	assert.Zero(t, r.Due)
	assert.Equal(t, "[slow_review_buyer_reached]", r.Reasons.String(), "not overdue: the deadline does not bind")
}

// TestSlowReviewO5ReachedOnlyAfterOpening pins rule O5: a conversation
// from before the review opened does not count as reaching the buyer.
func TestSlowReviewO5ReachedOnlyAfterOpening(t *testing.T) {
	p := order.DefaultTriagePolicy()
	stock := stockOf(t, map[string]int{"TEA-01": 5})
	o := reviewAt(t, rday(0, 14, 3))
	before := []order.Contact{{At: rday(0, 13, 0), Via: order.Chat, Reached: true}}
	r, err := p.SlowReview(o, stock, before, rday(0, 15, 0))
	require.NoError(t, err)
	assert.False(t, r.Reached)
	assert.True(t, r.MustShip())
	assert.Equal(t, threeWays, r.Due)
}

// TestSlowReviewO5Edges: a review opened late at night starts its evening
// round at once, one opened early its morning round; bad contacts are
// errors naming them; an order taken out of review is not under review.
func TestSlowReviewO5Edges(t *testing.T) {
	p := order.DefaultTriagePolicy()
	stock := stockOf(t, map[string]int{"TEA-01": 5})
	r, err := p.SlowReview(reviewAt(t, rday(0, 22, 0)), stock, nil, rday(0, 22, 1))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 1)
	assert.Equal(t, order.Evening, r.Rounds[0].Round)
	assert.True(t, r.Rounds[0].End.Equal(rday(1, 9, 0)))
	r, err = p.SlowReview(reviewAt(t, rday(0, 7, 0)), stock, nil, rday(0, 12, 0))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 1)
	assert.True(t, r.Rounds[0].End.Equal(rday(0, 18, 0)))

	o := reviewAt(t, rday(0, 14, 3))
	_, err = p.SlowReview(o, stock, []order.Contact{{At: rday(0, 15, 0)}}, rday(0, 15, 0))
	require.ErrorIs(t, err, order.ErrUnknownCode)
	assert.Contains(t, err.Error(), "contacts[0].via")
	_, err = p.SlowReview(o, stock, []order.Contact{{Via: order.SMS}}, rday(0, 15, 0))
	require.ErrorIs(t, err, order.ErrMissing)

	ended, err := o.Apply(order.EndSlowReview, rday(0, 16, 0))
	require.NoError(t, err)
	r, err = p.SlowReview(&ended, stock, nil, rday(0, 17, 0))
	require.NoError(t, err)
	assert.Equal(t, "[not_under_slow_review]", r.Reasons.String())
	assert.False(t, r.MustShip())
}

// TestSlowReviewSantiago pins issue 10 #7 for rule O5: in a zone whose
// clocks skip midnight (America/Santiago, 2027-09-05 00:00 → 01:00), a
// review opened on 09-05 is on day 2 on the 6th and day 3 — the ship-by
// day, not overdue — on the 7th, and ships by 09-07 23:59:59. Building
// midnights with time.Date gave 23:00 of the day before and counted one
// day too many.
func TestSlowReviewSantiago(t *testing.T) {
	loc, err := time.LoadLocation("America/Santiago")
	require.NoError(t, err)
	p := order.DefaultTriagePolicy()
	p.Zone = "America/Santiago"
	since := time.Date(2027, 9, 5, 10, 0, 0, 0, loc)
	o := reviewAt(t, since)
	stock := stockOf(t, map[string]int{"TEA-01": 5})
	for _, c := range []struct {
		now     time.Time
		day     int
		reasons string
	}{
		{time.Date(2027, 9, 5, 23, 0, 0, 0, loc), 1, "[slow_review_opened_today]"},
		{time.Date(2027, 9, 6, 12, 0, 0, 0, loc), 2, "[]"},
		{time.Date(2027, 9, 7, 20, 0, 0, 0, loc), 3, "[slow_review_ship_day]"},
		{time.Date(2027, 9, 8, 0, 0, 0, 0, loc), 4, "[slow_review_overdue]"},
	} {
		r, err := p.SlowReview(o, stock, nil, c.now)
		require.NoError(t, err)
		assert.Equal(t, c.day, r.Day, "%v", c.now)
		assert.Equal(t, c.reasons, r.Reasons.String(), "%v", c.now)
		assert.Equal(t, "2027-09-07 23:59:59 -03", r.ShipBy.Format("2006-01-02 15:04:05 -07"))
		assert.Equal(t, "2027-09-05 23:59:59 -03", r.DealWithBy.Format("2006-01-02 15:04:05 -07"))
	}
	// A review opened on the evening before the change: its evening round
	// ends at 09:00 of the 5th, whose day starts at 01:00.
	eve := reviewAt(t, time.Date(2027, 9, 4, 21, 0, 0, 0, loc))
	r, err := p.SlowReview(eve, stock, nil, time.Date(2027, 9, 5, 10, 0, 0, 0, loc))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 2)
	assert.Equal(t, "2027-09-05 09:00 -03", r.Rounds[0].End.Format("2006-01-02 15:04 -07"))
	assert.Equal(t, 2, r.Day)
}

// calendarZones are zones with every kind of midnight: none, fixed, DST
// at 01:00, clocks that skip midnight (Santiago, Havana), a half-hour DST
// (Lord Howe) and a zone that skipped a whole day (Apia, 2011-12-30).
var calendarZones = []string{"Asia/Shanghai", "UTC", "America/Santiago", "America/Havana",
	"Europe/London", "Australia/Lord_Howe", "Pacific/Apia"}

// TestSlowReviewCalendarProperty is issue 10 #7's property test for rule
// O5: in every zone of calendarZones, for reviews opened at times spread
// over two years (2026–2027, plus Apia's skipped day in 2011), DealWithBy
// and ShipBy are the last second (23:59:59) of a calendar day, never
// before the review opened, ShipBy on the policy's third calendar day;
// the day count is 1 on the opening day, monotone in now, and the ship-by
// day's count is 3; and the contact rounds tile the review without gaps,
// each starting at the policy's morning or evening time (or the review's
// opening, or the first instant after a skipped 09:00 or 18:00).
func TestSlowReviewCalendarProperty(t *testing.T) {
	stock := stockOf(t, map[string]int{"TEA-01": 5})
	for _, name := range calendarZones {
		loc, err := time.LoadLocation(name)
		require.NoError(t, err)
		p := order.DefaultTriagePolicy()
		p.Zone = name
		starts := []time.Time{time.Date(2011, 12, 29, 20, 0, 0, 0, loc)}
		for at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() < 2028; at = at.Add(53*time.Hour + 17*time.Minute) {
			starts = append(starts, at.In(loc))
		}
		for _, since := range starts {
			o := reviewAt(t, since)
			prevDay := 0
			var shipBy time.Time
			for _, after := range []time.Duration{0, 5 * time.Hour, 23 * time.Hour, 47 * time.Hour, 71 * time.Hour, 96 * time.Hour} {
				now := since.Add(after)
				r, err := p.SlowReview(o, stock, nil, now)
				require.NoError(t, err)
				for _, end := range []time.Time{r.DealWithBy, r.ShipBy} {
					require.Equal(t, "23:59:59", end.Format("15:04:05"), "%s %v: %v", name, since, end)
					require.False(t, end.Before(since), "%s %v: %v before the opening", name, since, end)
					require.NotEqual(t, end.Day(), end.Add(time.Second).Day(), "%s %v: %v is a day's last second", name, since, end)
				}
				require.Equal(t, since.In(loc).YearDay(), r.DealWithBy.YearDay(), "%s %v: dealt with on the opening day", name, since)
				require.GreaterOrEqual(t, r.Day, prevDay, "%s %v: the day count is monotone", name, since)
				if after == 0 {
					require.Equal(t, 1, r.Day, "%s %v", name, since)
				}
				prevDay = r.Day
				shipBy = r.ShipBy
				for i, rd := range r.Rounds {
					if i == 0 {
						require.True(t, rd.Start.Equal(since), "%s %v: the first round opens with the review", name, since)
					} else {
						require.True(t, rd.Start.Equal(r.Rounds[i-1].End), "%s %v: rounds tile", name, since)
					}
					require.True(t, rd.End.After(rd.Start), "%s %v: round %d", name, since, i)
				}
			}
			// The ship-by day is day 3.
			r, err := p.SlowReview(o, stock, nil, shipBy)
			require.NoError(t, err)
			require.Equal(t, 3, r.Day, "%s %v: ship by %v", name, since, shipBy)
			r, err = p.SlowReview(o, stock, nil, shipBy.Add(time.Second))
			require.NoError(t, err)
			require.True(t, r.Reasons.Has(order.SlowReviewOverdue), "%s %v: a second later it is overdue", name, since)
		}
	}
}
