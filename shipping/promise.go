package shipping

import (
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/tz"
)

// Wording is the class of words an agent may use for a dispatch promise
// (rule S6). None of them names a date: promises never do. The zero value,
// [WordingUnknown], is no wording.
type Wording uint8

// Wordings, from the strongest promise to the weakest.
const (
	WordingUnknown Wording = iota
	// ShipsToday: "it ships today" (今天发货).
	ShipsToday
	// ShipsTomorrow: "it ships by tomorrow" (明天发货).
	ShipsTomorrow
	// WithinDays: "it ships within N days" (N天内发货), N being
	// [DispatchPromise.Days].
	WithinDays
	numWordings
)

var wordingNames = []string{"", "ships_today", "ships_tomorrow", "within_days"}

// ParseWording returns the wording with the snake_case name s; an unknown
// name is an error wrapping [ErrUnknownCode].
func ParseWording(s string) (Wording, error) {
	if i, ok := enum.Index(wordingNames, s); ok {
		return Wording(i), nil
	}
	return WordingUnknown, fieldErr("wording", s, ErrUnknownCode, "")
}

// String returns the snake_case name, or "Wording(N)" out of range.
func (w Wording) String() string { return enum.Name(wordingNames, int(w), "Wording") }

// IsValid reports whether w is a known wording.
func (w Wording) IsValid() bool { return w > WordingUnknown && w < numWordings }

// MarshalText returns the snake_case name; an invalid wording is an error.
func (w Wording) MarshalText() ([]byte, error) {
	if !w.IsValid() {
		return nil, fieldErr("wording", w.String(), ErrUnknownCode, "")
	}
	return []byte(wordingNames[w]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseWording].
func (w *Wording) UnmarshalText(b []byte) error {
	v, err := ParseWording(string(b))
	if err != nil {
		return err
	}
	*w = v
	return nil
}

// DispatchPromise is the dispatch promise a shop can honestly make for an order
// (rule S6). It is a plain value.
//
// By is the latest dispatch time the shop can honestly promise: the
// promise is kept if and only if the parcel is outbound by the end of By's
// second ([DispatchPromise.Kept]).
// By is the last second (23:59:59) of a working day in the policy's
// location. Wording is the strongest class of words that stays true, and
// Days the number of calendar days the promise spans, counting the day the
// order was paid as the first: 1 for [ShipsToday], 2 for [ShipsTomorrow],
// and N for "within N days".
//
// The zero DispatchPromise is no promise.
type DispatchPromise struct {
	By      time.Time `json:"by,omitzero"`
	Wording Wording   `json:"wording,omitzero"`
	Days    int       `json:"days,omitempty"`
	// Reasons say what shaped the promise: CutoffPassed, NonWorkingDay,
	// BigPromotion.
	Reasons ReasonSet `json:"reasons,omitempty"`
}

// IsZero reports whether p is the zero DispatchPromise.
func (p DispatchPromise) IsZero() bool { return p.By.IsZero() }

// Kept reports whether a parcel that left the warehouse at outbound keeps
// the promise: outbound within By's second or before it. The zero DispatchPromise
// is never kept.
func (p DispatchPromise) Kept(outbound time.Time) bool {
	return !p.IsZero() && outbound.Before(p.end())
}

// end is the first instant past the promise: the second after By.
func (p DispatchPromise) end() time.Time { return p.By.Add(time.Second) }

// maxCalendarScan bounds the search for a working day: the non-working
// days are a finite list, so a longer run than this cannot occur in a
// valid policy, and an invalid one cannot loop for ever.
const maxCalendarScan = 4000

// working reports whether d is a working day: not a non-working day, and
// not a weekly rest day unless listed as a working day.
func (p *Policy) working(d Date) bool {
	for _, n := range p.NonWorkingDays {
		if n == d {
			return false
		}
	}
	if len(p.WeeklyRest) == 0 {
		return true
	}
	wd := d.weekday()
	for _, r := range p.WeeklyRest {
		if r == wd {
			for _, w := range p.WorkingDays {
				if w == d {
					return true
				}
			}
			return false
		}
	}
	return true
}

// Working reports whether the warehouse dispatches on day d (rule S6):
// d is not a non-working day, and not a weekly rest day unless it is a
// make-up working day.
func (p Policy) Working(d Date) bool { return p.working(d) }

// nextWorking returns the first working day after d that exists in loc
// (a zone may skip a whole day: Pacific/Apia, 2011-12-30).
func (p *Policy) nextWorking(d Date, loc *time.Location) Date {
	for range maxCalendarScan {
		d = d.AddDays(1)
		if p.working(d) && d.existsIn(loc) {
			break
		}
	}
	return d
}

// inBigPromotion returns whether t falls in a big-promotion period.
func (p *Policy) inBigPromotion(t time.Time) bool {
	for _, bp := range p.BigPromotions {
		if bp.Contains(t) {
			return true
		}
	}
	return false
}

// cutoffAt returns the instant of the dispatch cutoff on t's calendar day
// in t's location (rules S6, S10): the cutoff's wall-clock time by
// [order.Clock.On], but never later than the day's last second — so
// "24:00" is the end of the day, even where the clocks skip midnight, and
// a payment within the day's last second, which no promise of that day
// could cover, rolls to the next day like one past any other cutoff.
func (p *Policy) cutoffAt(t time.Time) time.Time {
	c, end := p.Cutoff.On(t), tz.EndOfDay(t)
	if c.After(end) {
		return end
	}
	return c
}

// startDay returns the working day an order paid at t (in the policy's
// location) starts on: the paid day when it is a working day and t is not
// past the cutoff, otherwise the next working day (rule S6).
func (p *Policy) startDay(t time.Time) (Date, ReasonSet) {
	d := DateOf(t)
	var rs ReasonSet
	switch {
	case !p.working(d):
		rs = rs.With(NonWorkingDay)
	case t.After(p.cutoffAt(t)):
		rs = rs.With(CutoffPassed)
	default:
		return d, rs
	}
	return p.nextWorking(d, t.Location()), rs
}

// DispatchPromise returns the dispatch promise the shop can honestly make
// for an order paid at paid (rule S6).
//
// In the policy's location: an order paid on a working day at or before
// the cutoff starts that day; one paid past the cutoff, or on a
// non-working day, starts on the next working day. It ships within the
// dispatch window — [Policy.NormalWindowDays] working days counting the
// start day, or [Policy.PromotionWindowDays] when paid during a big
// promotion or starting on a day of one — so By is the last second
// (23:59:59) of the window's last working day, never before paid. Days are
// calendar days of the policy's zone, counted by date arithmetic: also in
// zones whose clocks skip midnight (America/Santiago, America/Havana) By
// is 23:59:59, and a day the zone skipped (Pacific/Apia, 2011-12-30) is no
// working day.
//
// The wording is [ShipsToday] when By falls on the paid day, [ShipsTomorrow]
// when it falls on the next calendar day, and [WithinDays] otherwise and
// always during a big promotion, where "within 3 days" is the normal
// answer. No wording names a date.
//
// A zero paid time is an error wrapping [ErrMissing]; a policy whose time
// zone, cutoff or windows are invalid is an error as [Policy.Validate]
// reports it.
func (p Policy) DispatchPromise(paid time.Time) (DispatchPromise, error) {
	if paid.IsZero() {
		return DispatchPromise{}, fieldErr("paid", "", ErrMissing, "")
	}
	loc, err := p.location()
	if err != nil {
		return DispatchPromise{}, err
	}
	if err := p.checkWindows(); err != nil {
		return DispatchPromise{}, err
	}
	return p.promise(paid.In(loc)), nil
}

// checkWindows checks the fields every promise reads.
func (p *Policy) checkWindows() error {
	if !p.Cutoff.IsValid() {
		return fieldErr("dispatch_cutoff", p.Cutoff.String(), ErrMissing, `set a time such as "16:00"`)
	}
	if p.NormalWindowDays < 1 || p.NormalWindowDays > maxWindowDays {
		return fieldErr("normal_window_days", strconv.Itoa(p.NormalWindowDays), ErrNegative, "must be 1 to "+strconv.Itoa(maxWindowDays))
	}
	if p.PromotionWindowDays < 1 || p.PromotionWindowDays > maxWindowDays {
		return fieldErr("promotion_window_days", strconv.Itoa(p.PromotionWindowDays), ErrNegative, "must be 1 to "+strconv.Itoa(maxWindowDays))
	}
	return nil
}

// promise computes the promise for paid, already in the policy's location.
func (p *Policy) promise(paid time.Time) DispatchPromise {
	loc := paid.Location()
	start, rs := p.startDay(paid)
	window := p.NormalWindowDays
	// Paid during a big promotion, or rolled onto a day of one: either way
	// the order waits in the promotion's rush.
	promo := p.inBigPromotion(paid) || start != DateOf(paid) && p.inBigPromotion(start.Start(loc))
	if promo {
		window = p.PromotionWindowDays
		rs = rs.With(BigPromotion)
	}
	last := start
	for range window - 1 {
		last = p.nextWorking(last, loc)
	}
	// Calendar days by date arithmetic in the policy's zone, never by
	// adding 24 hours to a midnight (rule S6).
	by := last.End(loc)
	days := DateOf(paid).DaysUntil(last) + 1
	w := WithinDays
	switch {
	case promo:
	case days == 1:
		w = ShipsToday
	case days == 2:
		w = ShipsTomorrow
	}
	return DispatchPromise{By: by, Wording: w, Days: days, Reasons: rs}
}
