package shipping

import (
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/order"
)

// PromiseClaim is what an agent is about to tell a buyer about when an order will
// ship or arrive, to be checked with [Policy.ReviewPromise] before it is
// said (rules S6, N3).
type PromiseClaim struct {
	// Wording is the class of words used; [WordingUnknown] when the claim
	// only names a date.
	Wording Wording `json:"wording,omitzero"`
	// Days is N in "within N days" ([WithinDays]).
	Days int `json:"days,omitempty"`
	// Date is an exact date the claim names ("it ships on the 12th"); the
	// zero Date when it names none.
	Date Date `json:"date,omitzero"`
	// Delivery: the claim is about when the parcel arrives, not when it
	// leaves.
	Delivery bool `json:"delivery,omitempty"`
}

// PromiseReview is the verdict on a [PromiseClaim]. It is a plain value;
// in JSON its verdict and reasons are snake_case names. The zero value has
// no verdict.
type PromiseReview struct {
	// Verdict is [order.Allowed] when the claim may be made and
	// [order.Refused] when it may not.
	Verdict order.Verdict `json:"verdict,omitzero"`
	// Reasons say why it may not: ExactDate, DeliveryGuarantee,
	// EarlierThanHonest; and what shaped the honest promise (CutoffPassed,
	// NonWorkingDay, BigPromotion).
	Reasons ReasonSet `json:"reasons"`
	// Honest is the promise the shop can make instead.
	Honest DispatchPromise `json:"honest,omitzero"`
}

// ReviewPromise checks a claim about an order paid at paid against the
// promise the shop can honestly make ([Policy.DispatchPromise]):
//
//   - a claim naming an exact date is refused (ExactDate): promises never
//     name a date; the store manager announces actual dates (rule S6);
//   - a claim about delivery is refused (DeliveryGuarantee): no delivery
//     time is ever guaranteed (rule S8);
//   - a claim stronger than the honest promise — "ships today" when it
//     ships tomorrow, "within 2 days" in a big promotion's 3 — is refused
//     (EarlierThanHonest; rule N3: make no promise that cannot be kept).
//
// A weaker claim than the honest one is allowed. A claim with no wording
// and no date, or "within N days" with N below 1 or above 4000, is an
// error wrapping [ErrMissing] or [ErrNegative]; errors of [Policy.DispatchPromise] pass
// through.
func (p Policy) ReviewPromise(paid time.Time, c PromiseClaim) (PromiseReview, error) {
	if !c.Wording.IsValid() && c.Date == (Date{}) {
		if c.Wording != WordingUnknown {
			return PromiseReview{}, fieldErr("claim.wording", c.Wording.String(), ErrUnknownCode, "")
		}
		return PromiseReview{}, fieldErr("claim", "", ErrMissing, "a claim has a wording or a date")
	}
	if c.Wording == WithinDays && (c.Days < 1 || c.Days > maxCalendarScan) {
		return PromiseReview{}, fieldErr("claim.days", strconv.Itoa(c.Days), ErrNegative, "must be 1 to "+strconv.Itoa(maxCalendarScan))
	}
	honest, err := p.DispatchPromise(paid)
	if err != nil {
		return PromiseReview{}, err
	}
	r := PromiseReview{Honest: honest, Reasons: honest.Reasons}
	var bad ReasonSet
	if c.Date != (Date{}) {
		bad = bad.With(ExactDate)
	}
	if c.Delivery {
		bad = bad.With(DeliveryGuarantee)
	}
	days := c.Days
	switch c.Wording {
	case ShipsToday:
		days = 1
	case ShipsTomorrow:
		days = 2
	}
	if c.Wording.IsValid() && days < honest.Days {
		bad = bad.With(EarlierThanHonest)
	}
	r.Reasons |= bad
	r.Verdict = verdict(bad)
	return r, nil
}

// verdict is [order.Allowed] when nothing speaks against, [order.Refused]
// otherwise.
func verdict(bad ReasonSet) order.Verdict {
	if bad.IsEmpty() {
		return order.Allowed
	}
	return order.Refused
}

// Unpaid is an order awaiting payment as a payment reminder sees it
// (rule S10): whether its buyer is online now, and when the order was last
// reminded (zero if never). The backend keeps LastReminded and passes it
// in.
type Unpaid struct {
	Order        *order.Order
	BuyerOnline  bool
	LastReminded time.Time
}

// Reminder is the verdict on sending a payment reminder (催付) now. It is a
// plain value; in JSON its verdict and reasons are snake_case names. The
// zero value has no verdict.
type Reminder struct {
	// Verdict is [order.Allowed] when the buyer is to be reminded now, and
	// [order.Refused] when not.
	Verdict order.Verdict `json:"verdict,omitzero"`
	// Reasons say why not (NotAwaitingPayment, BuyerOffline,
	// AlreadyReminded, TooEarly, CutoffPassed, NonWorkingDay) or what to say
	// (ShipsTodayIfPaid; BigPromotion when the promise is "within N days").
	Reasons ReasonSet `json:"reasons"`
	// Promise is what paying now buys: the wording the reminder may use.
	Promise DispatchPromise `json:"promise,omitzero"`
	// From is when today's reminders start: [Policy.ReminderLead] before
	// the cutoff, or the start of the day (midnight, or the moment the
	// clocks jump to where they skip it) when the lead is zero or reaches
	// back past it.
	From time.Time `json:"from,omitzero"`
	// Until is today's cutoff: the reminder's promise holds for a payment
	// by then.
	Until time.Time `json:"until,omitzero"`
}

// PaymentReminder decides whether u gets a payment reminder at now
// (rule S10): an order awaiting payment, whose buyer is online, not yet
// reminded today, on a working day in the [Policy.ReminderLead] before
// the dispatch cutoff (TooEarly before that) — "the cutoff is near, pay
// now and it ships today". During a big promotion the reminder still goes out,
// with the promotion's honest wording instead (BigPromotion).
//
// A nil order or a zero now is an error wrapping [ErrMissing]; a last
// reminder later than now, one wrapping [ErrTimeOrder].
func (p Policy) PaymentReminder(u Unpaid, now time.Time) (Reminder, error) {
	if u.Order == nil || u.Order.IsZero() {
		return Reminder{}, fieldErr("order", "", ErrMissing, "")
	}
	if now.IsZero() {
		return Reminder{}, fieldErr("now", "", ErrMissing, "")
	}
	if u.LastReminded.After(now) {
		return Reminder{}, fieldErr("last_reminded", u.LastReminded.Format(time.RFC3339), ErrTimeOrder,
			"later than now "+now.Format(time.RFC3339))
	}
	loc, err := p.location()
	if err != nil {
		return Reminder{}, err
	}
	if err := p.checkWindows(); err != nil {
		return Reminder{}, err
	}
	now = now.In(loc)
	pr := p.promise(now)
	r := Reminder{Promise: pr, Until: p.cutoffAt(now), From: tz.StartOfDay(now)}
	if lead := time.Duration(p.ReminderLead); lead > 0 && r.Until.Add(-lead).After(r.From) {
		r.From = r.Until.Add(-lead)
	}
	var bad ReasonSet
	if now.Before(r.From) {
		bad = bad.With(TooEarly)
	}
	if !u.Order.Status().AwaitsPayment() {
		bad = bad.With(NotAwaitingPayment)
	}
	if !u.BuyerOnline {
		bad = bad.With(BuyerOffline)
	}
	if !u.LastReminded.IsZero() && DateOf(u.LastReminded.In(loc)) == DateOf(now) {
		bad = bad.With(AlreadyReminded)
	}
	bad |= pr.Reasons & (ReasonSet(0).With(CutoffPassed).With(NonWorkingDay))
	r.Reasons = bad
	r.Verdict = verdict(bad)
	if r.Verdict == order.Allowed {
		if pr.Wording == ShipsToday {
			r.Reasons = r.Reasons.With(ShipsTodayIfPaid)
		}
		r.Reasons |= pr.Reasons & ReasonSet(0).With(BigPromotion)
	}
	return r, nil
}

// DueReminders returns the indexes in us of the orders that get a payment
// reminder at now, in order (rule S10). The first error stops it and is
// returned with the field prefixed by the index.
func (p Policy) DueReminders(us []Unpaid, now time.Time) ([]int, error) {
	if _, err := p.location(); err != nil {
		return nil, err
	}
	if err := p.checkWindows(); err != nil {
		return nil, err
	}
	var due []int
	for i, u := range us {
		r, err := p.PaymentReminder(u, now)
		if err != nil {
			if e, ok := err.(*Error); ok {
				e.Field = "unpaid[" + strconv.Itoa(i) + "]." + e.Field
			}
			return nil, err
		}
		if r.Verdict == order.Allowed {
			due = append(due, i)
		}
	}
	return due, nil
}
