package order

import "time"

// SlowReview is the state of an order under slow review (慢审, rule O5) at
// a moment: which day of the review it is, when it must be dealt with, and
// when the order must ship even if the buyer cannot be reached. Notes
// schedule the contact attempts (morning and evening; phone, chat and SMS)
// from it. It is a plain value; times are in the policy's zone.
//
// The zero SlowReview means the order is not under slow review.
//
// In JSON its reasons are snake_case names, its times RFC 3339, and unset
// times are left out:
//
//	{"since":"2026-11-11T10:00:00+08:00","day":3,"deal_with_by":"2026-11-11T23:59:59+08:00","ship_by":"2026-11-13T23:59:59+08:00","exempt":false,"reasons":["slow_review_ship_day"]}
type SlowReview struct {
	// Since is when the order was put under slow review.
	Since time.Time `json:"since,omitzero"`
	// Day is the calendar day of the review at the moment asked, counting
	// the day it was opened as day 1.
	Day int `json:"day"`
	// DealWithBy is the last second (23:59:59) of the day the review was
	// opened: a slow review opened today is dealt with today. Deadlines
	// across kefu are inclusive last seconds, like shipping's promises.
	DealWithBy time.Time `json:"deal_with_by,omitzero"`
	// ShipBy is the last second of the policy's SlowReviewShipDay
	// (default the third day): if the buyer was never reached, the order
	// ships by then. Zero when the order is exempt.
	ShipBy time.Time `json:"ship_by,omitzero"`
	// Exempt is set when the order holds a single item and that item is
	// out of stock: it cannot ship, so it has no ship-by day.
	Exempt  bool      `json:"exempt"`
	Reasons ReasonSet `json:"reasons"`
}

// SlowReview returns the slow-review state of o at now (rule O5), judging
// the single-item exemption against real stock. Reasons carry
// [SlowReviewOpenedToday] on the day it was opened, [SlowReviewShipDay] on
// the must-ship day, [SlowReviewOverdue] after it while the order has not
// shipped, [SlowReviewSingleItemOutOfStock] when exempt, [NotPending] for
// an order that has left or is closed, and [NotUnderSlowReview] (with an
// otherwise zero value) for an order not under slow review.
//
// "A single item" is one line of goods, gifts aside. Its SKU must be in
// stock's snapshot: an uncounted SKU is an error wrapping [ErrUnknownSKU],
// since kefu does not guess (rule O8). Other errors: an invalid policy, a
// nil or zero order, and a now before the review began ([ErrInconsistent]).
func (p TriagePolicy) SlowReview(o *Order, stock Stock, now time.Time) (SlowReview, error) {
	r, err := p.compileFor(o)
	if err != nil {
		return SlowReview{}, err
	}
	if o.slowReviewSince.IsZero() {
		return SlowReview{Reasons: ReasonSet(0).With(NotUnderSlowReview)}, nil
	}
	if now.Before(o.slowReviewSince) {
		return SlowReview{}, fieldErr("now", now.Format(time.RFC3339), ErrInconsistent,
			"before slow_review_since "+o.slowReviewSince.Format(time.RFC3339))
	}
	var s SlowReview
	s.Since = o.slowReviewSince.In(r.loc)
	y, m, d := s.Since.Date()
	opened := time.Date(y, m, d, 0, 0, 0, 0, r.loc)
	ny, nm, nd := now.In(r.loc).Date()
	today := time.Date(ny, nm, nd, 0, 0, 0, 0, r.loc)
	s.Day = calendarDays(opened, today) + 1
	s.DealWithBy = time.Date(y, m, d+1, 0, 0, 0, 0, r.loc).Add(-time.Second)

	// The single-item exemption.
	var single *Line
	goods := 0
	for k := range o.lines {
		if !o.lines[k].Gift {
			goods++
			single = &o.lines[k]
		}
	}
	if goods == 1 {
		q, _, ok := stock.lookup(single.SKU)
		if !ok {
			return SlowReview{}, fieldErr("sku", single.SKU, ErrUnknownSKU, "not in the stock snapshot")
		}
		s.Exempt = q < single.Quantity
	}
	if s.Exempt {
		s.Reasons = s.Reasons.With(SlowReviewSingleItemOutOfStock)
	} else {
		s.ShipBy = time.Date(y, m, d+r.shipDay, 0, 0, 0, 0, r.loc).Add(-time.Second)
	}

	if s.Day == 1 {
		s.Reasons = s.Reasons.With(SlowReviewOpenedToday)
	}
	switch {
	case !o.pending():
		s.Reasons = s.Reasons.With(NotPending)
	case s.Exempt:
	case s.Day == r.shipDay:
		s.Reasons = s.Reasons.With(SlowReviewShipDay)
	case s.Day > r.shipDay:
		s.Reasons = s.Reasons.With(SlowReviewOverdue)
	}
	return s, nil
}

// calendarDays returns the number of calendar days from midnight a to
// midnight b in the same location, daylight saving included.
func calendarDays(a, b time.Time) int {
	// Noon to noon is never off by a daylight-saving hour.
	an := time.Date(a.Year(), a.Month(), a.Day(), 12, 0, 0, 0, time.UTC)
	bn := time.Date(b.Year(), b.Month(), b.Day(), 12, 0, 0, 0, time.UTC)
	return int(bn.Sub(an).Hours() / 24)
}
