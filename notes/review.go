package notes

import (
	"errors"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/order"
)

// Round is one of the two daily contact rounds of a slow review (rule
// O5). The zero value is not a round.
type Round uint8

// Rounds.
const (
	RoundUnknown Round = iota
	Morning
	Evening
	numRounds
)

var roundNames = []string{"", "morning", "evening"}

// String returns "morning" or "evening".
func (r Round) String() string { return enum.Name(roundNames, int(r), "Round") }

// MarshalText returns the snake_case name.
func (r Round) MarshalText() ([]byte, error) {
	if r <= RoundUnknown || r >= numRounds {
		return nil, fieldErr("round", r.String(), ErrUnknownEnum, "")
	}
	return []byte(roundNames[r]), nil
}

// UnmarshalText accepts "morning" and "evening"; anything else wraps
// [ErrUnknownEnum].
func (r *Round) UnmarshalText(b []byte) error {
	i, ok := enum.Index(roundNames, string(b))
	if !ok {
		return fieldErr("round", string(b), ErrUnknownEnum, "")
	}
	*r = Round(i)
	return nil
}

// Contact is one attempt to reach a buyer: when, by which channel, and
// whether the buyer answered. The backend records contacts and passes
// them in; kefu keeps none.
type Contact struct {
	At      time.Time `json:"at"`
	Via     Channel   `json:"via"`
	Reached bool      `json:"reached,omitempty"`
}

// reviewChannels are the channels a slow-review round uses (rule O5).
var reviewChannels = ChannelsOf(Phone, Chat, SMS)

// ContactRound is one contact round of a slow review: from Start until
// End (exclusive), the buyer is tried by phone, chat and SMS; Missing
// lists the channels not yet used in the round.
type ContactRound struct {
	Round   Round     `json:"round"`
	Start   time.Time `json:"start"`
	End     time.Time `json:"end"`
	Missing Channels  `json:"missing"`
}

// Done reports whether every channel was tried in the round.
func (r ContactRound) Done() bool { return r.Missing == 0 }

// SlowReview is where an order under slow review (慢审) stands at a
// moment (rule O5).
type SlowReview struct {
	// Since is when the review opened.
	Since time.Time `json:"since"`
	// Rounds are the contact rounds that have started by now, oldest
	// first, up to the must-ship deadline. The first starts when the
	// review opened: a slow review opened today is dealt with today.
	Rounds []ContactRound `json:"rounds"`
	// Due are the channels still to try in the current round; empty once
	// the buyer has been reached, or after the deadline.
	Due Channels `json:"due"`
	// Missed counts earlier rounds in which some channel was not tried.
	Missed int `json:"missed"`
	// Reached: some contact reached the buyer; no more attempts are due
	// and the deadline below does not apply.
	Reached bool `json:"reached"`
	// MustShipBy is the last second of the policy's must-ship day
	// (default: the third day, counting the opening day as the first).
	// When the buyer cannot be reached, the order must be dispatched by
	// then — unless Exempt.
	MustShipBy time.Time `json:"must_ship_by"`
	// Exempt: the order holds a single item and real stock cannot cover
	// it, so there is nothing to ship (rule O5).
	Exempt bool `json:"exempt"`
	// Late: the buyer was not reached, the order is not exempt, still
	// open and not dispatched, and now is past MustShipBy.
	Late bool `json:"late"`
}

// MustShip reports whether the order must be dispatched by
// [SlowReview.MustShipBy]: the buyer was not reached and the order is not
// exempt.
func (s SlowReview) MustShip() bool { return !s.Reached && !s.Exempt }

// SlowReview reports, at now, the contact attempts due for an order under
// slow review and its must-ship deadline (rule O5): contact the buyer
// twice a day, morning and evening, by phone, chat and SMS; if the buyer
// cannot be reached, ship by the third day, unless the order holds a
// single item and that item is out of stock.
//
// The deadline and the single-item exemption are package order's
// ([order.TriagePolicy.SlowReview]): tp is the shop's triage policy, whose
// SlowReviewShipDay is the must-ship day, and stock the real stock the
// exemption is judged against. notes adds the contact rounds, in p's zone
// and at p's round times.
//
// contacts are the attempts made so far, in any order. A nil or zero
// order wraps [ErrMissing]; an order not under
// slow review ([order.Order.SlowReviewSince] zero) is an error wrapping
// [ErrNotAllowed]; a contact with an unknown channel or no time wraps
// [ErrUnknownEnum] or [ErrMissing]; an invalid tp wraps
// [ErrInvalidPolicy] and [order.ErrInvalidPolicy]; a single-item order
// whose SKU the stock snapshot does not know wraps [ErrInvalidDetail] and
// [order.ErrUnknownSKU] — kefu does not guess (rule O8).
func (p Policy) SlowReview(o *order.Order, tp order.TriagePolicy, stock order.Stock, contacts []Contact, now time.Time) (SlowReview, error) {
	c, err := p.compile()
	if err != nil {
		return SlowReview{}, err
	}
	if o == nil || o.IsZero() {
		return SlowReview{}, fieldErr("order", "", ErrMissing, "")
	}
	since := o.SlowReviewSince()
	if since.IsZero() {
		return SlowReview{}, fieldErr("order", o.ID(), ErrNotAllowed, "the order is not under slow review")
	}
	for i, ct := range contacts {
		if ct.At.IsZero() {
			return SlowReview{}, fieldErr("contacts["+strconv.Itoa(i)+"].at", "", ErrMissing, "")
		}
		if !ct.Via.IsValid() {
			return SlowReview{}, fieldErr("contacts["+strconv.Itoa(i)+"].via", ct.Via.String(), ErrUnknownEnum, "")
		}
	}
	out := SlowReview{Since: since}

	// The exemption and the deadline: a single item (gifts aside), out of
	// real stock, and the last second of the must-ship day. Package order
	// owns both; notes adds the contact rounds.
	if err := tp.Validate(); err != nil {
		return SlowReview{}, causeErr("triage_policy", "", ErrInvalidPolicy, "", err)
	}
	at := now
	if at.Before(since) {
		at = since // asked before the review opened: no rounds yet, below
	}
	st, err := tp.SlowReview(o, stock, at)
	if err != nil {
		var oe *order.Error
		if errors.As(err, &oe) && errors.Is(err, order.ErrUnknownSKU) {
			return SlowReview{}, causeErr("stock", oe.Value, ErrInvalidDetail, "not in the stock snapshot", err)
		}
		return SlowReview{}, causeErr("order", o.ID(), ErrInvalidDetail, "", err)
	}
	out.Exempt = st.Exempt
	// order leaves ShipBy zero for an exempt order; the contact rounds
	// still run to the end of the must-ship day.
	out.MustShipBy = st.DealWithBy.AddDate(0, 0, tp.SlowReviewShipDay-1)
	if !st.Exempt {
		out.MustShipBy = st.ShipBy
	}
	deadline := out.MustShipBy.Add(time.Second)
	loc := c.loc

	for _, ct := range contacts {
		if ct.Reached && !ct.At.Before(since) {
			out.Reached = true
		}
	}

	// The rounds: the first opens with the review; then every morning and
	// evening until the deadline.
	start := since
	for !start.After(now) && start.Before(deadline) {
		round, end := roundAt(start, loc, c)
		if end.After(deadline) {
			end = deadline
		}
		r := ContactRound{Round: round, Start: start, End: end, Missing: reviewChannels}
		for _, ct := range contacts {
			if !ct.At.Before(start) && ct.At.Before(end) && reviewChannels.Has(ct.Via) {
				r.Missing &^= ChannelsOf(ct.Via)
			}
		}
		out.Rounds = append(out.Rounds, r)
		start = end
	}
	if n := len(out.Rounds); n > 0 {
		for _, r := range out.Rounds[:n-1] {
			if !r.Done() {
				out.Missed++
			}
		}
		if cur := out.Rounds[n-1]; !out.Reached && now.Before(cur.End) {
			out.Due = cur.Missing
		}
	}
	out.Late = out.MustShip() && o.Status().Open() && !o.Status().Dispatched() && now.After(out.MustShipBy)
	return out, nil
}

// roundAt returns the round a review that is at t is in, and when the
// next round starts. A review opened before the morning round starts its
// morning round at once; one opened in the evening or at night starts its
// evening round at once.
func roundAt(t time.Time, loc *time.Location, c compiled) (Round, time.Time) {
	l := t.In(loc)
	day := time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
	if l.Sub(day) < c.evening {
		return Morning, day.Add(c.evening)
	}
	return Evening, day.AddDate(0, 0, 1).Add(c.morning)
}
