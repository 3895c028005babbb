package order

import (
	"time"

	"github.com/kefu-go/kefu/internal/tz"
)

// Contact is one attempt to reach a buyer under slow review: when, by
// which channel, and whether the buyer answered. The backend records the
// contacts and passes them in; kefu keeps none. In JSON:
//
//	{"at":"2026-11-11T20:10:00+08:00","via":"phone","reached":true}
type Contact struct {
	At      time.Time `json:"at"`
	Via     Channel   `json:"via"`
	Reached bool      `json:"reached,omitempty"`
}

// UnmarshalJSON decodes {"at","via","reached"} strictly: an unknown key or
// channel is an error for its field, and so is a missing time or channel;
// c is left unchanged.
func (c *Contact) UnmarshalJSON(b []byte) error {
	var n Contact
	if err := decodeObject("", b, []member{{"at", &n.At}, {"via", &n.Via}, {"reached", &n.Reached}}); err != nil || isNull(b) {
		return err
	}
	if err := n.check(""); err != nil {
		return err
	}
	*c = n
	return nil
}

// check reports a contact without a time or a channel, its fields under
// path.
func (c Contact) check(path string) error {
	if c.At.IsZero() {
		return fieldErr(path+"at", "", ErrMissing, "")
	}
	if !c.Via.IsValid() {
		return fieldErr(path+"via", c.Via.String(), ErrUnknownCode, "")
	}
	return nil
}

// reviewChannels are the channels a slow-review round tries (rule O5).
const reviewChannels = ChannelSet(1<<Phone | 1<<Chat | 1<<SMS)

// ContactRound is one contact round of a slow review: from Start until
// End (exclusive), the buyer is tried by phone, chat and SMS; Missing
// holds the channels not tried in the round (by the time asked). In JSON:
//
//	{"round":"evening","start":"2026-11-11T20:00:00+08:00","end":"2026-11-12T09:00:00+08:00","missing":["sms"]}
type ContactRound struct {
	Round   Round      `json:"round"`
	Start   time.Time  `json:"start"`
	End     time.Time  `json:"end"`
	Missing ChannelSet `json:"missing"`
}

// Done reports whether every channel was tried in the round.
func (r ContactRound) Done() bool { return r.Missing.IsEmpty() }

// UnmarshalJSON decodes what ContactRound encodes, strictly: an unknown
// key, round or channel, a round that does not end after it starts, or a
// missing channel a round does not try is an error; r is left unchanged.
func (r *ContactRound) UnmarshalJSON(b []byte) error {
	var n ContactRound
	err := decodeObject("", b, []member{{"round", &n.Round}, {"start", &n.Start}, {"end", &n.End}, {"missing", &n.Missing}})
	if err != nil || isNull(b) {
		return err
	}
	switch {
	case !n.Round.IsValid():
		return fieldErr("round", "", ErrMissing, "")
	case !n.End.After(n.Start):
		return fieldErr("end", n.End.Format(timeText), ErrInconsistent, "a round ends after it starts")
	case n.Missing&^reviewChannels != 0:
		return fieldErr("missing", n.Missing.String(), ErrInconsistent, "a round tries phone, chat and SMS")
	}
	*r = n
	return nil
}

// SlowReview is where an order under slow review (慢审, rule O5) stands at
// a moment: which day of the review it is, when it must be dealt with and
// when the order must ship if the buyer cannot be reached, the contact
// rounds so far (morning and evening, by phone, chat and SMS) and what is
// due in the current one. Calendar days are counted in the policy's zone
// by date, never by adding 24 hours to a midnight, so a review opened on a
// day whose clocks skip midnight (America/Santiago, 2027-09-05) is on day
// 3 on 09-07 and ships by 09-07 23:59:59. It is a plain value; times are
// in the policy's zone.
//
// The zero SlowReview means the order is not under slow review.
//
// In JSON its reasons and channels are snake_case names, its times RFC
// 3339, and unset times are left out:
//
//	{"since":"2026-11-11T20:00:00+08:00","day":3,"deal_with_by":"2026-11-11T23:59:59+08:00","ship_by":"2026-11-13T23:59:59+08:00","exempt":false,"reached":false,"rounds":[…],"due":["chat","phone","sms"],"missed":3,"reasons":["slow_review_ship_day"]}
type SlowReview struct {
	// Since is when the order was put under slow review ([StartSlowReview]).
	Since time.Time `json:"since,omitzero"`
	// Day is the calendar day of the review at the moment asked, counting
	// the day it was opened as day 1.
	Day int `json:"day"`
	// DealWithBy is the last second (23:59:59) of the day the review was
	// opened: a slow review opened today is dealt with today. Deadlines
	// across kefu are inclusive last seconds, like shipping's promises.
	DealWithBy time.Time `json:"deal_with_by,omitzero"`
	// ShipBy is the last second of the policy's SlowReviewShipDay
	// (default the third day): if the buyer is never reached, the order
	// ships by then. Zero when the order is exempt.
	ShipBy time.Time `json:"ship_by,omitzero"`
	// Exempt is set when the order holds a single item and that item is
	// out of stock: it cannot ship, so it has no ship-by day.
	Exempt bool `json:"exempt"`
	// Reached: a contact since the review opened reached the buyer; no
	// more attempts are due and ShipBy does not bind.
	Reached bool `json:"reached"`
	// Rounds are the contact rounds that have started by the moment
	// asked, oldest first, up to the end of the ship-by day. The first
	// starts when the review opened: a review opened before the evening
	// round starts its morning round at once, one opened later its
	// evening round.
	Rounds []ContactRound `json:"rounds,omitempty"`
	// Due are the channels still to try in the current round; empty once
	// the buyer has been reached, after the last round, or when the order
	// no longer waits to ship.
	Due ChannelSet `json:"due"`
	// Missed counts the earlier rounds in which some channel was not
	// tried.
	Missed  int       `json:"missed"`
	Reasons ReasonSet `json:"reasons"`
}

// MustShip reports whether the order must be dispatched by
// [SlowReview.ShipBy]: it is under review, the buyer was not reached, and
// it is not exempt.
func (s SlowReview) MustShip() bool { return !s.Since.IsZero() && !s.Reached && !s.Exempt }

// SlowReview returns the slow-review state of o at now (rule O5): the
// day, the deadlines, and the contact rounds of the policy's
// SlowReviewMorningAt and SlowReviewEveningAt with what contacts — the
// attempts made so far, in any order — have tried in each. The
// single-item exemption is judged against real stock. Reasons carry
// [SlowReviewOpenedToday] on the day it was opened; for an order still
// waiting to ship whose buyer was not reached, [SlowReviewShipDay] on the
// ship-by day and [SlowReviewOverdue] after it; [SlowReviewBuyerReached]
// once a contact reached the buyer; [SlowReviewSingleItemOutOfStock] when
// exempt; [NotPending] for an order that has left or is closed; and
// [NotUnderSlowReview] (with an otherwise zero value) for an order not
// under slow review.
//
// A contact counts from the moment the review opened up to now; an
// earlier conversation does not reach the buyer for this review.
//
// "A single item" is one line of goods, gifts aside. Its SKU must be in
// stock's snapshot: an uncounted SKU is an error wrapping [ErrUnknownSKU],
// since kefu does not guess (rule O8). Other errors: an invalid policy, a
// nil or zero order, a contact without a time ([ErrMissing]) or channel
// ([ErrUnknownCode]), and a now before the review began
// ([ErrInconsistent]). The work is linear in the contacts: at most two
// rounds a day, up to the policy's ship-by day.
func (p TriagePolicy) SlowReview(o *Order, stock Stock, contacts []Contact, now time.Time) (SlowReview, error) {
	r, err := p.compileFor(o)
	if err != nil {
		return SlowReview{}, err
	}
	for i, c := range contacts {
		if err := c.check(index("contacts", i) + "."); err != nil {
			return SlowReview{}, err
		}
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
	local := now.In(r.loc)
	y, m, d := s.Since.Date()
	s.Day = tz.DaysBetween(s.Since, local) + 1
	s.DealWithBy = tz.DayEnd(y, m, d, r.loc)
	lastDay := tz.DayEnd(y, m, d+r.shipDay-1, r.loc)

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
	if !s.Exempt {
		s.ShipBy = lastDay
	}
	for _, c := range contacts {
		if c.Reached && !c.At.Before(s.Since) && !c.At.After(now) {
			s.Reached = true
		}
	}
	r.rounds(&s, contacts, lastDay.Add(time.Second), now)
	pending := o.pending()
	if n := len(s.Rounds); n > 0 && !s.Reached && pending && now.Before(s.Rounds[n-1].End) {
		s.Due = s.Rounds[n-1].Missing
	}

	if s.Day == 1 {
		s.Reasons = s.Reasons.With(SlowReviewOpenedToday)
	}
	if s.Exempt {
		s.Reasons = s.Reasons.With(SlowReviewSingleItemOutOfStock)
	}
	switch {
	case !pending:
		s.Reasons = s.Reasons.With(NotPending)
	case s.Reached:
		// Reached before exempt: an exempt order whose buyer answered
		// still says so (the doc above promises the reason).
		s.Reasons = s.Reasons.With(SlowReviewBuyerReached)
	case s.Exempt:
	case s.Day == r.shipDay:
		s.Reasons = s.Reasons.With(SlowReviewShipDay)
	case s.Day > r.shipDay:
		s.Reasons = s.Reasons.With(SlowReviewOverdue)
	}
	return s, nil
}

// rounds lays out the contact rounds of s from its start until deadline
// (exclusive) or now, whichever comes first, marking what contacts tried
// in each, and counts the rounds missed.
func (r *triageRules) rounds(s *SlowReview, contacts []Contact, deadline, now time.Time) {
	start := s.Since
	// Two rounds a day; the bound only guards against a zone whose rules
	// would make a round end where it starts.
	for k := 0; k < 2*(r.shipDay+2) && !start.After(now) && start.Before(deadline); k++ {
		round, end := r.roundAt(start)
		if end.After(deadline) {
			end = deadline
		}
		if !end.After(start) {
			break
		}
		c := ContactRound{Round: round, Start: start, End: end, Missing: reviewChannels}
		for _, ct := range contacts {
			if !ct.At.Before(start) && ct.At.Before(end) && !ct.At.After(now) {
				c.Missing = c.Missing.Without(ct.Via)
			}
		}
		s.Rounds = append(s.Rounds, c)
		start = end
	}
	for i := 0; i+1 < len(s.Rounds); i++ {
		if !s.Rounds[i].Done() {
			s.Missed++
		}
	}
}

// roundAt returns the round a review that is at t is in, and when the next
// round starts, in the policy's zone: before the evening round's time, the
// morning round, which lasts until the evening one; from then on, the
// evening round, which lasts until the next day's morning round. The
// instants come from [Clock.On] on calendar days ([tz.DayStart]), so a
// day whose clocks change has its rounds at its own wall-clock times.
func (r *triageRules) roundAt(t time.Time) (Round, time.Time) {
	l := t.In(r.loc)
	if eve := r.evening.On(l); l.Before(eve) {
		return Morning, eve
	}
	y, m, d := l.Date()
	return Evening, r.morning.On(tz.DayStart(y, m, d+1, r.loc))
}
