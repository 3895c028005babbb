package order

import (
	"strconv"

	"github.com/kefu-go/kefu/internal/enum"
)

// Status is a trade state of the platform's lifecycle (rule O1). The zero
// value, [StatusUnknown], is not a state any order is in.
//
// The text form is the platform's own name ("WAIT_SELLER_SEND_GOODS"), so a
// backend maps kefu's values to the platform's one to one. Persist the text,
// never the integer.
type Status uint8

// Trade states, the platform's twelve, in lifecycle order.
const (
	StatusUnknown Status = iota
	// NoPaymentTrade: placed, but the platform has not yet created the
	// payment trade (TRADE_NO_CREATE_PAY). The buyer has not paid and can
	// still pay, as in [AwaitingPayment]; the platform's ALL_WAIT_PAY
	// listing holds both. Pay moves it to [AwaitingDispatch] (kefu has no
	// event for the platform's own step of creating the payment trade: a
	// record that says WAIT_BUYER_PAY is read again with [Trade.Order]);
	// Close moves it to [ClosedUnpaid].
	NoPaymentTrade
	// AwaitingPayment: placed, not paid (WAIT_BUYER_PAY).
	AwaitingPayment
	// PaymentPending: an international card payment is being confirmed
	// (PAY_PENDING). The buyer has paid as far as the buyer can, so no
	// payment reminder and no price change applies, but the money has not
	// arrived: it is not [Status.Paid] and nothing ships. Pay (the card
	// payment is confirmed) moves it to [AwaitingDispatch]; Close (the
	// payment failed) to [ClosedUnpaid].
	PaymentPending
	// AwaitingPreAuth: a zero-yuan pre-authorised purchase contract (the
	// platform's 0元购, WAIT_PRE_AUTH_CONFIRM) waits for its confirmation.
	// The buyer pays nothing now and is not reminded to pay; nothing ships
	// until the contract is confirmed. Pay (confirmed) moves it to
	// [AwaitingDispatch]; Close (not confirmed) to [ClosedUnpaid].
	AwaitingPreAuth
	// AwaitingDispatch: paid, or placed cash on delivery, and not yet
	// dispatched (WAIT_SELLER_SEND_GOODS).
	AwaitingDispatch
	// Held: paid but blocked from dispatch, e.g. while a refund-and-reorder
	// or an address question is settled (PAID_FORBID_CONSIGN).
	Held
	// PartlyDispatched: some lines have left the warehouse
	// (SELLER_CONSIGNED_PART).
	PartlyDispatched
	// AwaitingReceipt: dispatched, waiting for the buyer to confirm receipt
	// (WAIT_BUYER_CONFIRM_GOODS).
	AwaitingReceipt
	// SignedCOD: a cash-on-delivery parcel the buyer signed and paid for
	// (TRADE_BUYER_SIGNED).
	SignedCOD
	// Finished: the trade is complete (TRADE_FINISHED). After-sale refunds
	// leave it finished.
	Finished
	// Closed: closed after payment, by a full refund or by the seller
	// (TRADE_CLOSED).
	Closed
	// ClosedUnpaid: closed before payment, by the buyer, the seller or the
	// platform's timeout (TRADE_CLOSED_BY_TAOBAO).
	ClosedUnpaid
	numStatuses
)

var statusNames = []string{
	StatusUnknown:    "",
	NoPaymentTrade:   "TRADE_NO_CREATE_PAY",
	AwaitingPayment:  "WAIT_BUYER_PAY",
	PaymentPending:   "PAY_PENDING",
	AwaitingPreAuth:  "WAIT_PRE_AUTH_CONFIRM",
	AwaitingDispatch: "WAIT_SELLER_SEND_GOODS",
	Held:             "PAID_FORBID_CONSIGN",
	PartlyDispatched: "SELLER_CONSIGNED_PART",
	AwaitingReceipt:  "WAIT_BUYER_CONFIRM_GOODS",
	SignedCOD:        "TRADE_BUYER_SIGNED",
	Finished:         "TRADE_FINISHED",
	Closed:           "TRADE_CLOSED",
	ClosedUnpaid:     "TRADE_CLOSED_BY_TAOBAO",
}

// Statuses returns every trade state, in lifecycle order.
func Statuses() []Status {
	out := make([]Status, 0, numStatuses-1)
	for s := Status(1); s < numStatuses; s++ {
		out = append(out, s)
	}
	return out
}

// ParseStatus returns the state with the platform name s
// ("WAIT_BUYER_PAY"). Names are matched exactly; anything else is an error
// wrapping [ErrUnknownStatus]. The platform's listing filters ALL_WAIT_PAY
// and ALL_CLOSED are queries, not states: they are refused here, saying
// so, and read by [ParseStatusFilter].
func ParseStatus(s string) (Status, error) {
	if i, ok := enum.Index(statusNames, s); ok {
		return Status(i), nil
	}
	return StatusUnknown, fieldErr("status", s, ErrUnknownStatus, filterDetail(s))
}

// String returns the platform name, or "Status(N)" for a value out of range.
func (s Status) String() string { return enum.Name(statusNames, int(s), "Status") }

// IsValid reports whether s is a known state.
func (s Status) IsValid() bool { return s > StatusUnknown && s < numStatuses }

// Paid reports whether an order in state s has been paid or, for cash on
// delivery, accepted for dispatch: every state from [AwaitingDispatch] on
// except [ClosedUnpaid]. The states before payment — [NoPaymentTrade],
// [AwaitingPayment], [PaymentPending], [AwaitingPreAuth] — are not paid.
func (s Status) Paid() bool {
	switch s {
	case AwaitingDispatch, Held, PartlyDispatched, AwaitingReceipt, SignedCOD, Finished, Closed:
		return true
	}
	return false
}

// AwaitsPayment reports whether the buyer has yet to pay and still can:
// [AwaitingPayment] and [NoPaymentTrade], the platform's ALL_WAIT_PAY. Only
// then may the shop still change the price and postage before payment
// (rules P4, S2) and remind the buyer to pay (rule S10). [PaymentPending]
// and [AwaitingPreAuth] are not paid either, but wait for the platform,
// not for the buyer.
func (s Status) AwaitsPayment() bool { return s == AwaitingPayment || s == NoPaymentTrade }

// Dispatched reports whether goods have left the warehouse in state s.
func (s Status) Dispatched() bool {
	return s == PartlyDispatched || s == AwaitingReceipt || s == SignedCOD || s == Finished
}

// Open reports whether the trade can still move: not [Finished], [Closed]
// or [ClosedUnpaid].
func (s Status) Open() bool { return s.IsValid() && s != Finished && s != Closed && s != ClosedUnpaid }

// MarshalText returns the platform name; an invalid state is an error.
func (s Status) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fieldErr("status", s.String(), ErrUnknownStatus, "")
	}
	return []byte(statusNames[s]), nil
}

// UnmarshalText accepts exactly the platform names; see [ParseStatus].
func (s *Status) UnmarshalText(b []byte) error {
	// A known name is found without copying b (the conversion for the
	// comparisons stays on the stack); only an error keeps the text.
	if i, ok := enum.Index(statusNames, string(b)); ok {
		*s = Status(i)
		return nil
	}
	_, err := ParseStatus(string(b))
	return err
}

// Event is something that moves a trade from one [Status] to another. The
// zero value is not an event. The text form is snake_case ("dispatch_part").
type Event uint8

// Lifecycle events.
const (
	EventUnknown Event = iota
	// Pay: the buyer pays an online order.
	Pay
	// Hold: the shop blocks a paid order from dispatch.
	Hold
	// Release: the shop lifts a hold.
	Release
	// DispatchPart: some lines leave the warehouse.
	DispatchPart
	// Dispatch: the (rest of the) order leaves the warehouse.
	Dispatch
	// SignCOD: the buyer signs for and pays a cash-on-delivery parcel.
	SignCOD
	// ConfirmReceipt: the buyer confirms receipt (or the platform does at
	// the deadline); for cash on delivery, the courier has remitted.
	ConfirmReceipt
	// Close: the trade is closed — before payment by the buyer, seller or
	// timeout; after payment by a full refund or by the seller.
	Close

	// The events below are the order's, not the platform's: they leave the
	// trade state as it is (see [sideEvents]).

	// ConfirmCOD: the buyer confirms a cash-on-delivery order, which may
	// then be dispatched (rule S9). Only for cash on delivery, before
	// dispatch, once.
	ConfirmCOD
	// StartSlowReview: the order is put under slow review (慢审, rule O5):
	// the buyer is contacted morning and evening, and it ships by the
	// policy's day. Only before dispatch, and not while already under
	// review.
	StartSlowReview
	// EndSlowReview: the order is taken out of slow review — the buyer was
	// reached and the question settled. Only while under review, and
	// while the trade is still moving.
	EndSlowReview
	numEvents
)

var eventNames = []string{
	EventUnknown:    "",
	Pay:             "pay",
	Hold:            "hold",
	Release:         "release",
	DispatchPart:    "dispatch_part",
	Dispatch:        "dispatch",
	SignCOD:         "sign_cod",
	ConfirmReceipt:  "confirm_receipt",
	Close:           "close",
	ConfirmCOD:      "confirm_cod",
	StartSlowReview: "start_slow_review",
	EndSlowReview:   "end_slow_review",
}

// ParseEvent returns the event named s ("dispatch_part"); an unknown name
// is an error wrapping [ErrUnknownEvent].
func ParseEvent(s string) (Event, error) {
	if i, ok := enum.Index(eventNames, s); ok {
		return Event(i), nil
	}
	return EventUnknown, fieldErr("event", s, ErrUnknownEvent, "")
}

// String returns the snake_case name, or "Event(N)" for a value out of range.
func (e Event) String() string { return enum.Name(eventNames, int(e), "Event") }

// IsValid reports whether e is a known event.
func (e Event) IsValid() bool { return e > EventUnknown && e < numEvents }

// MarshalText returns the snake_case name; an invalid event is an error.
func (e Event) MarshalText() ([]byte, error) {
	if !e.IsValid() {
		return nil, fieldErr("event", e.String(), ErrUnknownEvent, "")
	}
	return []byte(eventNames[e]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseEvent].
func (e *Event) UnmarshalText(b []byte) error {
	v, err := ParseEvent(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// transitions is the trade lifecycle (rule O1): transitions[from][event] is
// the state after the event, or StatusUnknown where the event is not
// allowed. It is a fixed table, read and never written.
var transitions = [numStatuses][numEvents]Status{
	NoPaymentTrade: {
		Pay:   AwaitingDispatch,
		Close: ClosedUnpaid,
	},
	AwaitingPayment: {
		Pay:   AwaitingDispatch,
		Close: ClosedUnpaid,
	},
	PaymentPending: {
		Pay:   AwaitingDispatch, // the card payment is confirmed
		Close: ClosedUnpaid,     // the card payment failed
	},
	AwaitingPreAuth: {
		Pay:   AwaitingDispatch, // the contract is confirmed
		Close: ClosedUnpaid,     // the contract is not confirmed
	},
	AwaitingDispatch: {
		Hold:         Held,
		DispatchPart: PartlyDispatched,
		Dispatch:     AwaitingReceipt,
		Close:        Closed,
	},
	Held: {
		Release: AwaitingDispatch,
		Close:   Closed,
	},
	PartlyDispatched: {
		DispatchPart: PartlyDispatched,
		Dispatch:     AwaitingReceipt,
		Close:        Closed,
	},
	AwaitingReceipt: {
		SignCOD:        SignedCOD,
		ConfirmReceipt: Finished,
		Close:          Closed,
	},
	SignedCOD: {
		ConfirmReceipt: Finished,
	},
}

// Transition returns the state a trade in state from reaches on event e
// (rule O1). A move the lifecycle does not allow — including any move out
// of a final state — returns an [*Error] wrapping [ErrInvalidTransition]
// (class [ErrConflict]) whose Cause is a [*TransitionError] naming the
// state and the event; a status or event that is not valid at all is
// [ErrUnknownStatus] or [ErrUnknownEvent] ([ErrInvalidInput]). Transition
// does not allocate when the move is allowed.
//
// The order's own events ([ConfirmCOD], [StartSlowReview],
// [EndSlowReview]) leave the state as it is, in the states that allow
// them.
//
// Transition knows only states and events; [Order.Apply] also checks the
// payment method (a cash-on-delivery order is never paid online, an
// online order is never signed for as COD, only it is confirmed), whether
// the order is under slow review, and the times.
func Transition(from Status, e Event) (Status, error) {
	if !from.IsValid() {
		return from, fieldErr("status", from.String(), ErrUnknownStatus, "")
	}
	if !e.IsValid() {
		return from, fieldErr("event", e.String(), ErrUnknownEvent, "")
	}
	if to := transitions[from][e]; to != StatusUnknown {
		return to, nil
	}
	if sideEventAllowed(from, e) {
		return from, nil
	}
	return from, transitionErr(from, e, "")
}

// transitionErr is the error of event e refused in state from, with an
// optional reason beyond the lifecycle table.
func transitionErr(from Status, e Event, why string) *Error {
	d := "in state " + strconv.Quote(from.String())
	if why != "" {
		d += ": " + why
	}
	return &Error{Pkg: "order", Field: "event", Value: e.String(), Err: ErrInvalidTransition,
		Detail: d, Cause: &TransitionError{From: from, Event: e}}
}

// AllowedEvents returns the events the lifecycle allows in state s, in the order
// of their constants; none for a final or invalid state.
func AllowedEvents(s Status) []Event {
	if !s.IsValid() {
		return nil
	}
	var out []Event
	for e := Event(1); e < numEvents; e++ {
		if transitions[s][e] != StatusUnknown || sideEventAllowed(s, e) {
			out = append(out, e)
		}
	}
	return out
}
