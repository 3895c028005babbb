package notes_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

func reviewOrder(since time.Time, lines ...order.Line) *order.Order {
	s := paidSpec()
	s.SlowReviewSince = since
	s.CreatedAt, s.PaidAt = since.Add(-time.Hour), since.Add(-30*time.Minute)
	if len(lines) > 0 {
		s.Lines = lines
	}
	return mustOrder(s)
}

// triage is the shop's triage policy: the must-ship day of a slow review
// is order's (rule O5), notes adds the contact rounds.
var triage = order.DefaultTriagePolicy()

// day returns hh:mm on 2026-11-25 + d days, CST.
func day(d, hh, mm int) time.Time { return time.Date(2026, 11, 25+d, hh, mm, 0, 0, cst) }

// TestSlowReviewO5ContactRounds pins rule O5: the buyer is contacted twice
// a day, morning and evening, by phone, chat and SMS; a review opened
// today is dealt with today.
func TestSlowReviewO5ContactRounds(t *testing.T) {
	p := notes.DefaultPolicy()
	stock := mustStock(map[string]int{"TS-001": 5})
	o := reviewOrder(day(0, 14, 3)) // opened in the afternoon

	r, err := p.SlowReview(o, triage, stock, nil, day(0, 14, 5))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 1)
	assert.Equal(t, notes.Morning, r.Rounds[0].Round)
	assert.True(t, r.Rounds[0].Start.Equal(day(0, 14, 3)), "opened today, dealt with today")
	assert.Equal(t, notes.ChannelsOf(notes.Phone, notes.Chat, notes.SMS), r.Due)

	contacts := []notes.Contact{
		{At: day(0, 14, 10), Via: notes.Phone},
		{At: day(0, 14, 11), Via: notes.Chat},
	}
	r, err = p.SlowReview(o, triage, stock, contacts, day(0, 15, 0))
	require.NoError(t, err)
	assert.Equal(t, notes.ChannelsOf(notes.SMS), r.Due, "SMS still due this round")

	contacts = append(contacts, notes.Contact{At: day(0, 14, 12), Via: notes.SMS})
	r, err = p.SlowReview(o, triage, stock, contacts, day(0, 17, 0))
	require.NoError(t, err)
	assert.Zero(t, r.Due)
	assert.Equal(t, 0, r.Missed)

	// In the evening a new round is due, by all three channels.
	r, err = p.SlowReview(o, triage, stock, contacts, day(0, 18, 30))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 2)
	assert.Equal(t, notes.Evening, r.Rounds[1].Round)
	assert.Equal(t, notes.ChannelsOf(notes.Phone, notes.Chat, notes.SMS), r.Due)

	// Next morning, the evening round was skipped: it counts as missed.
	r, err = p.SlowReview(o, triage, stock, contacts, day(1, 9, 30))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 3)
	assert.Equal(t, notes.Morning, r.Rounds[2].Round)
	assert.Equal(t, 1, r.Missed)
}

// TestSlowReviewO5MustShipByThirdDay pins rule O5: an unreachable buyer's
// order ships by the third day, unless it holds a single item that is out
// of stock; a buyer who was reached lifts the deadline.
func TestSlowReviewO5MustShipByThirdDay(t *testing.T) {
	p := notes.DefaultPolicy()
	inStock := mustStock(map[string]int{"TS-001": 5, "TS-002": 0})
	noStock := mustStock(map[string]int{"TS-001": 0, "TS-002": 0})
	o := reviewOrder(day(0, 14, 3))

	r, err := p.SlowReview(o, triage, inStock, nil, day(1, 10, 0))
	require.NoError(t, err)
	assert.True(t, r.MustShip())
	assert.True(t, r.MustShipBy.Equal(day(2, 23, 59).Add(59*time.Second)), "end of the third day, opening day first: %v", r.MustShipBy)
	assert.False(t, r.Late)

	r, err = p.SlowReview(o, triage, inStock, nil, day(3, 0, 0))
	require.NoError(t, err)
	assert.True(t, r.Late, "past the deadline and not dispatched")
	assert.Zero(t, r.Due, "after the deadline no more rounds are due")
	assert.Len(t, r.Rounds, 6, "the opening round and its evening, then two rounds on each of days 2 and 3")

	// A trade closed meanwhile is not late: there is nothing to ship.
	cs := paidSpec()
	cs.SlowReviewSince, cs.CreatedAt, cs.PaidAt = day(0, 14, 3), day(0, 13, 0), day(0, 13, 30)
	cs.Status, cs.ClosedAt = order.Closed, day(1, 9, 0)
	r, err = p.SlowReview(mustOrder(cs), triage, inStock, nil, day(3, 0, 0))
	require.NoError(t, err)
	assert.False(t, r.Late)

	// Single item out of stock: exempt.
	r, err = p.SlowReview(o, triage, noStock, nil, day(3, 0, 0))
	require.NoError(t, err)
	assert.True(t, r.Exempt)
	assert.False(t, r.MustShip())
	assert.False(t, r.Late)

	// Two items, both out of stock: not "a single item", so not exempt.
	two := reviewOrder(day(0, 14, 3),
		order.Line{SKU: "TS-001", Quantity: 1, UnitPrice: p99()},
		order.Line{SKU: "TS-002", Quantity: 1, UnitPrice: p99()})
	r, err = p.SlowReview(two, triage, noStock, nil, day(1, 0, 0))
	require.NoError(t, err)
	assert.False(t, r.Exempt)
	assert.True(t, r.MustShip())

	// The buyer answered: no deadline, no more contacts due.
	r, err = p.SlowReview(o, triage, inStock, []notes.Contact{{At: day(1, 9, 5), Via: notes.Phone, Reached: true}}, day(1, 18, 30))
	require.NoError(t, err)
	assert.True(t, r.Reached)
	assert.False(t, r.MustShip())
	assert.Zero(t, r.Due)
}

func TestSlowReviewEdgesAndErrors(t *testing.T) {
	p := notes.DefaultPolicy()
	stock := mustStock(map[string]int{"TS-001": 5})
	// Opened late at night: the evening round starts at once.
	r, err := p.SlowReview(reviewOrder(day(0, 22, 0)), triage, stock, nil, day(0, 22, 1))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 1)
	assert.Equal(t, notes.Evening, r.Rounds[0].Round)
	assert.True(t, r.Rounds[0].End.Equal(day(1, 9, 0)))
	// Opened early: the morning round starts at once and lasts to evening.
	r, err = p.SlowReview(reviewOrder(day(0, 7, 0)), triage, stock, nil, day(0, 12, 0))
	require.NoError(t, err)
	require.Len(t, r.Rounds, 1)
	assert.True(t, r.Rounds[0].End.Equal(day(0, 18, 0)))

	_, err = p.SlowReview(mustOrder(paidSpec()), triage, stock, nil, day(0, 15, 0))
	require.ErrorIs(t, err, notes.ErrNotAllowed)
	_, err = p.SlowReview(reviewOrder(day(0, 14, 3)), triage, mustStock(map[string]int{"X": 1}), nil, day(0, 15, 0))
	require.ErrorIs(t, err, notes.ErrInvalidDetail)
	require.ErrorIs(t, err, order.ErrUnknownSKU)
	_, err = p.SlowReview(reviewOrder(day(0, 14, 3)), triage, stock, []notes.Contact{{At: day(0, 15, 0)}}, day(0, 15, 0))
	require.ErrorIs(t, err, notes.ErrUnknownEnum)
	bad := p
	bad.EveningAt = order.MustParseClock("08:00")
	_, err = bad.SlowReview(reviewOrder(day(0, 14, 3)), triage, stock, nil, day(0, 15, 0))
	require.ErrorIs(t, err, notes.ErrInvalidPolicy)
}

// TestSlowReviewO5ReachedOnlyAfterOpening pins rule O5: a conversation
// from before the review opened does not count as reaching the buyer; the
// review's contacts are still due.
func TestSlowReviewO5ReachedOnlyAfterOpening(t *testing.T) {
	p := notes.DefaultPolicy()
	stock := mustStock(map[string]int{"TS-001": 5})
	o := reviewOrder(day(0, 14, 3))
	before := []notes.Contact{{At: day(0, 13, 0), Via: notes.Chat, Reached: true}}
	r, err := p.SlowReview(o, triage, stock, before, day(0, 15, 0))
	require.NoError(t, err)
	assert.False(t, r.Reached)
	assert.True(t, r.MustShip())
	assert.Equal(t, notes.ChannelsOf(notes.Phone, notes.Chat, notes.SMS), r.Due)
}

// TestSlowReviewO5GiftDoesNotCountAsAnItem pins rule O5 as package order
// reads it: one item plus a free gift is still "a single item", so when
// that item is out of stock the order is exempt — notes and order's
// triage agree.
func TestSlowReviewO5GiftDoesNotCountAsAnItem(t *testing.T) {
	p := notes.DefaultPolicy()
	since := day(0, 14, 3)
	o := reviewOrder(since,
		order.Line{SKU: "TS-001", Quantity: 1, UnitPrice: p99()},
		order.Line{SKU: "GIFT-1", Quantity: 1, Gift: true})
	stock, err := order.NewStock(map[string]int{"TS-001": 0, "GIFT-1": 5})
	require.NoError(t, err)

	r, err := p.SlowReview(o, triage, stock, nil, day(1, 0, 0))
	require.NoError(t, err)
	assert.True(t, r.Exempt)

	tp := order.DefaultTriagePolicy()
	st, err := tp.SlowReview(o, stock, day(1, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, st.Exempt, r.Exempt, "notes and order agree on the exemption")

	// In stock: not exempt, and both give the same must-ship deadline.
	stocked, err := order.NewStock(map[string]int{"TS-001": 3, "GIFT-1": 5})
	require.NoError(t, err)
	r, err = p.SlowReview(o, triage, stocked, nil, day(1, 0, 0))
	require.NoError(t, err)
	st, err = tp.SlowReview(o, stocked, day(1, 0, 0))
	require.NoError(t, err)
	assert.False(t, r.Exempt)
	assert.True(t, r.MustShipBy.Equal(st.ShipBy), "notes %v, order %v", r.MustShipBy, st.ShipBy)

	// Asked before the review opened: no rounds, no error.
	r, err = p.SlowReview(o, triage, stock, nil, since.Add(-time.Minute))
	require.NoError(t, err)
	assert.Empty(t, r.Rounds)
}

// TestSlowReviewO5ShipDayIsTheTriagePolicys pins rule O5's one setting:
// the must-ship day is the shop's order.TriagePolicy.SlowReviewShipDay,
// not a second number in notes; an invalid triage policy is refused.
func TestSlowReviewO5ShipDayIsTheTriagePolicys(t *testing.T) {
	p := notes.DefaultPolicy()
	o := reviewOrder(day(0, 14, 3))
	stock := mustStock(map[string]int{"TS-001": 5})

	tp := order.DefaultTriagePolicy()
	tp.SlowReviewShipDay = 2
	r, err := p.SlowReview(o, tp, stock, nil, day(1, 10, 0))
	require.NoError(t, err)
	assert.True(t, r.MustShipBy.Equal(day(2, 0, 0).Add(-time.Second)), "end of the second day, got %v", r.MustShipBy)

	r, err = p.SlowReview(o, tp, stock, nil, day(2, 0, 1))
	require.NoError(t, err)
	assert.True(t, r.Late, "past the shop's ship day")
	assert.Empty(t, r.Due, "no rounds after the deadline")

	tp.SlowReviewShipDay = 0
	_, err = p.SlowReview(o, tp, stock, nil, day(1, 10, 0))
	require.ErrorIs(t, err, notes.ErrInvalidPolicy)
	require.ErrorIs(t, err, order.ErrInvalidPolicy)
}
