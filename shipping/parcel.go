package shipping

import (
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/order"
)

// Stage is a step in a parcel's way to the buyer (rule S7): first in the
// shop's warehouse — cut the order (截单), print the waybill (打单), pick
// (拣货), outbound (出库) — then with the courier: pick-up scan (收取后扫单),
// entry into the courier's system (录入系统), allocation to a hub (分配仓),
// transit (中转), arrival in the destination city, out for delivery (派送)
// and delivered (签收). [Lost] and [Damaged] are what a courier reports
// when things go wrong. The zero value, [StageUnknown], is no stage.
type Stage uint8

// Stages, in the order a parcel passes them.
const (
	StageUnknown Stage = iota
	Cut
	Printed
	Picked
	Outbound
	PickedUp
	Entered
	Allocated
	InTransit
	AtDestination
	OutForDelivery
	Delivered
	Lost
	Damaged
	numStages
)

var stageNames = []string{"", "cut", "printed", "picked", "outbound", "picked_up", "entered",
	"allocated", "in_transit", "at_destination", "out_for_delivery", "delivered", "lost", "damaged"}

// Stages returns every stage, in order.
func Stages() []Stage {
	out := make([]Stage, 0, numStages-1)
	for s := Stage(1); s < numStages; s++ {
		out = append(out, s)
	}
	return out
}

// ParseStage returns the stage with the snake_case name s; an unknown name
// is an error wrapping [ErrUnknownStage].
func ParseStage(s string) (Stage, error) {
	if i, ok := enum.Index(stageNames, s); ok {
		return Stage(i), nil
	}
	return StageUnknown, fieldErr("stage", s, ErrUnknownStage, "")
}

// String returns the snake_case name, or "Stage(N)" out of range.
func (s Stage) String() string { return enum.Name(stageNames, int(s), "Stage") }

// IsValid reports whether s is a known stage.
func (s Stage) IsValid() bool { return s > StageUnknown && s < numStages }

// Warehouse reports whether s is a step in the shop's warehouse.
func (s Stage) Warehouse() bool { return s >= Cut && s <= Outbound }

// Courier reports whether s is a step with the courier, exceptions
// included.
func (s Stage) Courier() bool { return s >= PickedUp && s < numStages }

// Exception reports whether s is [Lost] or [Damaged].
func (s Stage) Exception() bool { return s == Lost || s == Damaged }

// MarshalText returns the snake_case name; an invalid stage is an error.
func (s Stage) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fieldErr("stage", s.String(), ErrUnknownStage, "")
	}
	return []byte(stageNames[s]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseStage].
func (s *Stage) UnmarshalText(b []byte) error {
	v, err := ParseStage(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Stop says how a parcel can still be stopped (rule S7). The zero value,
// [StopUnknown], is none: in a [ParcelReport], a parcel lost or damaged on
// the way, which is replaced (rule S8), not stopped.
type Stop uint8

// Ways to stop a parcel.
const (
	// StopUnknown: no way to stop it, or nothing to stop.
	StopUnknown Stop = iota
	// Hold: the parcel has not left the warehouse; the shop holds it.
	Hold
	// Intercept: it has left; only the courier can intercept it.
	Intercept
	// TooLate: it has been delivered.
	TooLate
	numStops
)

var stopNames = []string{"", "hold", "intercept", "too_late"}

// String returns the snake_case name, or "Stop(N)" out of range.
func (s Stop) String() string { return enum.Name(stopNames, int(s), "Stop") }

// MarshalText returns the snake_case name; an invalid value is an error.
func (s Stop) MarshalText() ([]byte, error) {
	if s == StopUnknown || s >= numStops {
		return nil, fieldErr("stop", s.String(), ErrUnknownCode, "")
	}
	return []byte(stopNames[s]), nil
}

// UnmarshalText accepts the snake_case names; an unknown one is an error
// wrapping [ErrUnknownCode].
func (s *Stop) UnmarshalText(b []byte) error {
	return unmarshalName(s, b, "stop", stopNames)
}

// StopAt returns how a parcel whose furthest stage is s can be stopped
// (rule S7): held back up to outbound, only intercepted by the courier
// after that, and too late once delivered. [StageUnknown] — nothing has
// happened yet — can be held.
func StopAt(s Stage) Stop {
	switch {
	case s == Delivered:
		return TooLate
	case s >= Outbound:
		return Intercept
	default:
		return Hold
	}
}

// TrackingEvent is one timestamped step of a parcel's history.
type TrackingEvent struct {
	At    time.Time `json:"at"`
	Stage Stage     `json:"stage"`
	// Place is where it happened, as the courier writes it; optional.
	Place string `json:"place,omitempty"`
}

// Situation is what a buyer chasing a parcel is told about (rule S8). The
// zero value, [SituationUnknown], is no situation.
type Situation uint8

// Situations of a parcel.
const (
	SituationUnknown Situation = iota
	// NotPaid: the order is not paid yet; nothing ships.
	NotPaid
	// NotDispatched: not dispatched, within the promised window.
	NotDispatched
	// LateDispatch: not dispatched and the window has passed.
	LateDispatch
	// NoTrackingYet: dispatched, but neither the platform nor the
	// courier's site shows tracking.
	NoTrackingYet
	// OnTheWay: moving normally.
	OnTheWay
	// StalledAtOrigin: scanned, but it never left the origin.
	StalledAtOrigin
	// StalledAtDestination: in the buyer's city, not delivered.
	StalledAtDestination
	// ParcelLost: lost, as the courier reports or by a long silence.
	ParcelLost
	// ParcelDamaged: damaged.
	ParcelDamaged
	// ParcelDelivered: delivered.
	ParcelDelivered
	// TradeClosed: the trade is closed; there is nothing to chase.
	TradeClosed
	numSituations
)

var situationNames = []string{"", "not_paid", "not_dispatched", "late_dispatch", "no_tracking",
	"on_the_way", "stalled_at_origin", "stalled_at_destination", "lost", "damaged", "delivered", "trade_closed"}

// String returns the snake_case name, or "Situation(N)" out of range.
func (s Situation) String() string { return enum.Name(situationNames, int(s), "Situation") }

// IsValid reports whether s is a known situation.
func (s Situation) IsValid() bool { return s > SituationUnknown && s < numSituations }

// MarshalText returns the snake_case name; an invalid value is an error.
func (s Situation) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fieldErr("situation", s.String(), ErrUnknownCode, "")
	}
	return []byte(situationNames[s]), nil
}

// UnmarshalText accepts the snake_case names; an unknown one is an error
// wrapping [ErrUnknownCode].
func (s *Situation) UnmarshalText(b []byte) error {
	return unmarshalName(s, b, "situation", situationNames)
}

// Action is something customer service does for a buyer chasing a parcel
// (rule S8). The zero value, [ActionUnknown], is no action.
type Action uint8

// Actions.
const (
	ActionUnknown Action = iota
	// AnswerAtOnce: reply at once, whatever the answer — the buyer can
	// wait for the parcel, not for the reply.
	AnswerAtOnce
	// ExplainPromotion: explain the pressure a big promotion puts on
	// dispatch and couriers, and ask for understanding.
	ExplainPromotion
	// ChaseWarehouse: get the warehouse to ship; the shop is late.
	ChaseWarehouse
	// ChaseCourier: ask the courier where the parcel is.
	ChaseCourier
	// ReshipAndApologise: send a replacement and apologise.
	ReshipAndApologise
	// AskToPay: tell the buyer the order waits for payment.
	AskToPay
	numActions
)

var actionNames = []string{"", "answer_at_once", "explain_promotion", "chase_warehouse",
	"chase_courier", "reship_and_apologise", "ask_to_pay"}

// String returns the snake_case name, or "Action(N)" out of range.
func (a Action) String() string { return enum.Name(actionNames, int(a), "Action") }

// IsValid reports whether a is a known action.
func (a Action) IsValid() bool { return a > ActionUnknown && a < numActions }

// MarshalText returns the snake_case name; an invalid value is an error.
func (a Action) MarshalText() ([]byte, error) {
	if !a.IsValid() {
		return nil, fieldErr("action", a.String(), ErrUnknownCode, "")
	}
	return []byte(actionNames[a]), nil
}

// UnmarshalText accepts the snake_case names; an unknown one is an error
// wrapping [ErrUnknownCode].
func (a *Action) UnmarshalText(b []byte) error {
	return unmarshalName(a, b, "action", actionNames)
}

// ActionSet is a set of [Action]s, an [order.Set]; the zero value is
// empty. It prints as "[answer_at_once chase_courier]" and encodes in JSON
// as a list of names.
type ActionSet = order.Set[Action]

// ParcelReport classifies an order's parcel for a buyer who chases it
// (rules S7, S8). It is a plain value.
//
// In JSON its codes are snake_case names and zero fields are left out:
//
//	{"situation":"late_dispatch","actions":["answer_at_once","chase_warehouse"],"shop_at_fault":true,"reasons":["past_window"],"stop":"hold","promise":{…},"since":"2026-11-02T10:00:00+08:00"}
type ParcelReport struct {
	Situation Situation `json:"situation,omitzero"`
	// Actions recommended; [AnswerAtOnce] is always among them.
	Actions ActionSet `json:"actions"`
	// ShopAtFault: the delay is the shop's (a late dispatch). Delays
	// caused by the courier are not, though no delivery time is ever
	// guaranteed.
	ShopAtFault bool `json:"shop_at_fault"`
	// Reasons behind the situation: WithinWindow, PastWindow, OrderHeld,
	// NoTracking, NoMovement, CourierReported, NoUpdateForLong,
	// BigPromotion.
	Reasons ReasonSet `json:"reasons"`
	// Stage is the furthest stage the parcel reached; StageUnknown if
	// none.
	Stage Stage `json:"stage,omitzero"`
	// Stop says whether the order can still be held, only intercepted,
	// or was delivered; [StopUnknown] (left out of JSON) for a parcel lost
	// or damaged on the way and for a closed trade: there is nothing to
	// stop (rules S7, S8).
	Stop Stop `json:"stop,omitzero"`
	// Promise is the dispatch promise of the order; zero when unpaid.
	Promise DispatchPromise `json:"promise,omitzero"`
	// Since is when the situation began: the last tracking event, or the
	// dispatch or payment time when there is none.
	Since time.Time `json:"since,omitzero"`
}

// ClassifyParcel classifies o's parcel at now from its tracking history,
// oldest event first (rule S8), and recommends what to do:
//
//   - not paid: [NotPaid], ask the buyer to pay; closed: [TradeClosed];
//   - not dispatched: [NotDispatched] within the dispatch promise of
//     [Policy.DispatchPromise], else [LateDispatch] — the shop's fault,
//     chase the warehouse, unless the order is held on purpose
//     ([order.Held]: OrderHeld, and the warehouse is not pushed);
//   - dispatched without a courier scan for longer than
//     Tracking.NoTrackingAfter: [NoTrackingYet], chase the courier;
//   - scanned but not beyond hub allocation for longer than
//     Tracking.StalledOriginAfter: [StalledAtOrigin], chase the courier;
//   - in the destination city and undelivered for longer than
//     Tracking.StalledDestinationAfter: [StalledAtDestination], chase the
//     courier;
//   - reported lost, or without any update — a scan, or the dispatch when
//     there is none — for longer than Tracking.LostAfter: [ParcelLost];
//     reported damaged: [ParcelDamaged] — reship and apologise;
//   - otherwise [OnTheWay] or [ParcelDelivered].
//
// The buyer is always answered at once; during a big promotion, delays
// come with an explanation of the promotion's pressure. Only a late
// dispatch is the shop's fault. A cash-on-delivery order's window starts
// when the buyer confirmed it (or when it was placed).
//
// A history out of time order, with an event later than now, or with an
// unknown stage is an error wrapping [ErrTrackingOrder] or
// [ErrUnknownStage]; a nil order or zero now wraps [ErrMissing].
func (p Policy) ClassifyParcel(o *order.Order, history []TrackingEvent, now time.Time) (ParcelReport, error) {
	if o == nil || o.IsZero() {
		return ParcelReport{}, fieldErr("order", "", ErrMissing, "")
	}
	if now.IsZero() {
		return ParcelReport{}, fieldErr("now", "", ErrMissing, "")
	}
	if err := p.Tracking.validate(); err != nil {
		return ParcelReport{}, err
	}
	var furthest Stage
	var lost, damaged bool
	var outbound, firstScan, firstAtDest, last time.Time
	for i, e := range history {
		f := "history[" + strconv.Itoa(i) + "]"
		switch {
		case !e.Stage.IsValid():
			return ParcelReport{}, fieldErr(f+".stage", e.Stage.String(), ErrUnknownStage, "")
		case e.At.IsZero():
			return ParcelReport{}, fieldErr(f+".at", "", ErrMissing, "")
		case e.At.After(now):
			return ParcelReport{}, fieldErr(f+".at", e.At.Format(time.RFC3339), ErrTrackingOrder, "later than now "+now.Format(time.RFC3339))
		case i > 0 && e.At.Before(history[i-1].At):
			return ParcelReport{}, fieldErr(f+".at", e.At.Format(time.RFC3339), ErrTrackingOrder,
				"before history["+strconv.Itoa(i-1)+"] at "+history[i-1].At.Format(time.RFC3339))
		}
		switch e.Stage {
		case Lost:
			lost = true
		case Damaged:
			damaged = true
		default:
			furthest = max(furthest, e.Stage)
		}
		if e.Stage == Outbound && outbound.IsZero() {
			outbound = e.At
		}
		if e.Stage.Courier() && firstScan.IsZero() {
			firstScan = e.At
		}
		if (e.Stage == AtDestination || e.Stage == OutForDelivery) && firstAtDest.IsZero() {
			firstAtDest = e.At
		}
		last = e.At
	}

	r := ParcelReport{Stage: furthest, Stop: StopAt(furthest), Actions: ActionSet(0).With(AnswerAtOnce)}
	s := o.Status()
	switch {
	case s.Open() && !s.Paid():
		// Before payment nothing ships. Only a buyer who can still pay is
		// asked to: a card payment being confirmed or a pre-authorised
		// contract waits for the platform.
		r.Situation, r.Since = NotPaid, o.CreatedAt()
		if s.AwaitsPayment() {
			r.Actions = r.Actions.With(AskToPay)
		}
		return r, nil
	case s == order.ClosedUnpaid || s == order.Closed:
		// Rules S7, S8: a closed trade has nothing to chase and nothing
		// to stop — no hold, no interception.
		r.Situation, r.Since, r.Stop = TradeClosed, o.ClosedAt(), StopUnknown
		return r, nil
	}
	start := o.PaidAt()
	if o.Payment() == order.CashOnDelivery {
		start = o.CODConfirmedAt()
		if start.IsZero() {
			start = o.CreatedAt()
		}
	}
	pr, err := p.DispatchPromise(start)
	if err != nil {
		return ParcelReport{}, err
	}
	r.Promise = pr
	loc, _ := p.location()
	promo := pr.Reasons.Has(BigPromotion) || p.inBigPromotion(now.In(loc))
	if promo {
		r.Reasons = r.Reasons.With(BigPromotion)
	}
	delayed := func(sit Situation, why Reason, since time.Time) {
		r.Situation, r.Since = sit, since
		r.Reasons = r.Reasons.With(why)
		r.Actions = r.Actions.With(ChaseCourier)
		if promo {
			r.Actions = r.Actions.With(ExplainPromotion)
		}
	}
	since := func(t time.Time) time.Duration { return now.Sub(t) }

	if outbound.IsZero() {
		outbound = o.DispatchedAt()
	}
	dispatched := s.Dispatched() || furthest >= Outbound
	if dispatched && r.Stop == Hold {
		r.Stop = Intercept // the order says it left, even if no scan says so
	}
	// The buyer received (or signed for) the goods, whatever the tracking
	// shows.
	received := !o.ReceivedAt().IsZero() || s == order.Finished || s == order.SignedCOD
	if received {
		r.Stop = TooLate
		if last.IsZero() {
			last = o.ReceivedAt()
		}
	}
	switch {
	case damaged:
		r.Situation, r.Since = ParcelDamaged, last
		r.Reasons = r.Reasons.With(CourierReported)
		r.Actions = r.Actions.With(ReshipAndApologise)
		if r.Stop != TooLate {
			// Rules S7, S8: damaged on the way, it is replaced, not
			// stopped; signed for, it was delivered.
			r.Stop = StopUnknown
		}
	case furthest == Delivered || received:
		r.Situation, r.Since = ParcelDelivered, last
	case lost:
		r.Situation, r.Since = ParcelLost, last
		r.Reasons = r.Reasons.With(CourierReported)
		r.Actions = r.Actions.With(ReshipAndApologise)
		r.Stop = StopUnknown // rules S7, S8: a lost parcel is replaced; there is nothing to stop
	case !dispatched:
		r.Since = start
		if pr.Kept(now) {
			r.Situation = NotDispatched
			r.Reasons = r.Reasons.With(WithinWindow)
			if promo {
				r.Actions = r.Actions.With(ExplainPromotion)
			}
		} else {
			r.Situation, r.ShopAtFault = LateDispatch, true
			r.Reasons = r.Reasons.With(PastWindow)
		}
		if s == order.Held {
			// Held on purpose while something is settled: the buyer is
			// told, the warehouse is not pushed to ship it.
			r.Reasons = r.Reasons.With(OrderHeld)
		} else if r.Situation == LateDispatch {
			r.Actions = r.Actions.With(ChaseWarehouse)
		}
	case firstScan.IsZero():
		if outbound.IsZero() {
			outbound = start
		}
		r.Situation, r.Since = OnTheWay, outbound
		switch quiet := since(outbound); {
		case quiet > time.Duration(p.Tracking.LostAfter):
			r.Reasons = r.Reasons.With(NoTracking)
			lostBySilence(&r, outbound)
		case quiet > time.Duration(p.Tracking.NoTrackingAfter):
			delayed(NoTrackingYet, NoTracking, outbound)
		}
	case since(last) > time.Duration(p.Tracking.LostAfter):
		lostBySilence(&r, last)
	case !firstAtDest.IsZero():
		r.Situation, r.Since = OnTheWay, last
		if since(firstAtDest) > time.Duration(p.Tracking.StalledDestinationAfter) {
			delayed(StalledAtDestination, NoMovement, firstAtDest)
		}
	case furthest < InTransit:
		r.Situation, r.Since = OnTheWay, last
		if since(firstScan) > time.Duration(p.Tracking.StalledOriginAfter) {
			delayed(StalledAtOrigin, NoMovement, firstScan)
		}
	default:
		r.Situation, r.Since = OnTheWay, last
	}
	return r, nil
}

// lostBySilence marks r as a parcel lost after a long silence since t: the
// courier is chased, and the shop reships and apologises (rule S8); there
// is nothing to stop (rule S7).
func lostBySilence(r *ParcelReport, t time.Time) {
	r.Situation, r.Since, r.Stop = ParcelLost, t, StopUnknown
	r.Reasons = r.Reasons.With(NoUpdateForLong)
	r.Actions = r.Actions.With(ChaseCourier).With(ReshipAndApologise)
}

// NoticeDue reports whether the buyer should get a shipping notice (rule
// S10: a shipping notice goes out when the parcel leaves), and when the
// parcel left: at its first outbound or courier event in history (oldest
// first), or else when the order says it was dispatched. It is due once
// the parcel has left and no notice was sent since; lastNotice is when the
// last one was sent, zero if never.
func NoticeDue(o *order.Order, history []TrackingEvent, lastNotice time.Time) (due bool, left time.Time) {
	for _, e := range history {
		if e.Stage >= Outbound && e.Stage.IsValid() && (left.IsZero() || e.At.Before(left)) {
			left = e.At
		}
	}
	if left.IsZero() && o != nil {
		left = o.DispatchedAt()
	}
	return !left.IsZero() && lastNotice.Before(left), left
}
