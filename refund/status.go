package refund

import (
	"github.com/kefu-go/kefu/order"
)

// Status is a refund's state on the platform: [order.RefundStatus],
// kefu's one type for the platform's refund vocabulary, which the
// sub-orders of a trade record carry too (refund_status). The text form is
// the platform's own name ("WAIT_SELLER_AGREE"), so a backend maps kefu's
// values to the platform's one to one; persist the text, never the
// integer. The zero value, [order.NoRefund] (NO_REFUND), says that no
// refund was asked for: it is a sub-order's status, never a [Refund]'s,
// and [ParseStatus] and [New] refuse it.
//
// The constants below are order's, under the names of the platform's
// states: WaitSellerAgree is [order.RefundRequested], Success is
// [order.Refunded], and so on.
type Status = order.RefundStatus

// Refund states, as the platform names them.
const (
	// WaitSellerAgree: the buyer applied; the seller has not answered
	// (WAIT_SELLER_AGREE, [order.RefundRequested]).
	WaitSellerAgree = order.RefundRequested
	// WaitBuyerReturnGoods: the seller agreed to a return; the buyer has
	// to send the goods back (WAIT_BUYER_RETURN_GOODS,
	// [order.RefundAwaitingReturn]).
	WaitBuyerReturnGoods = order.RefundAwaitingReturn
	// WaitSellerConfirmGoods: the buyer sent the goods back with a
	// waybill; the seller has to confirm their arrival
	// (WAIT_SELLER_CONFIRM_GOODS, [order.RefundGoodsReturned]).
	WaitSellerConfirmGoods = order.RefundGoodsReturned
	// SellerRefuseBuyer: the seller refused the application or the
	// returned goods (SELLER_REFUSE_BUYER, [order.RefundRefused]); the
	// buyer may modify and apply again, or give up.
	SellerRefuseBuyer = order.RefundRefused
	// Closed: the refund was withdrawn or closed without money paid
	// (CLOSED, [order.RefundClosed]). Final.
	Closed = order.RefundClosed
	// Success: the money was refunded (SUCCESS, [order.Refunded]). Final.
	Success = order.Refunded
)

// numStatuses bounds the lifecycle table: Success is the last state.
const numStatuses = Success + 1

// ParseStatus returns the state of a refund with the platform name s, one
// of the six from WAIT_SELLER_AGREE to SUCCESS. Other text — NO_REFUND
// and "" included, which are no refund's state — is an error wrapping
// [ErrUnknownStatus].
func ParseStatus(s string) (Status, error) {
	var st Status
	if err := st.UnmarshalText([]byte(s)); err != nil || !isRefundState(st) {
		return order.NoRefund, fieldErr("status", s, ErrUnknownStatus, "")
	}
	return st, nil
}

// isRefundState reports whether s is a state a refund can be in: valid,
// and not NO_REFUND.
func isRefundState(s Status) bool { return s.IsValid() && s != order.NoRefund }

// IsFinal reports whether s is [Closed] or [Success], which no event
// leaves.
func IsFinal(s Status) bool { return s == Closed || s == Success }

// statusText is a [Status] whose text form refuses NO_REFUND, for the
// JSON of a [Refund].
type statusText Status

func (s statusText) MarshalText() ([]byte, error) {
	if !isRefundState(Status(s)) {
		return nil, fieldErr("status", Status(s).String(), ErrUnknownStatus, "")
	}
	return Status(s).MarshalText()
}

func (s *statusText) UnmarshalText(b []byte) error {
	v, err := ParseStatus(string(b))
	if err != nil {
		return err
	}
	*s = statusText(v)
	return nil
}

// GoodStatus says whether the buyer has the goods of a refund, as the
// platform records it (good_status). The zero value, [GoodStatusUnknown],
// is not a goods status.
type GoodStatus uint8

// Goods statuses, as the platform names them.
const (
	GoodStatusUnknown GoodStatus = iota
	// NotReceived: the buyer has not received the goods
	// (BUYER_NOT_RECEIVED).
	NotReceived
	// Received: the buyer has the goods (BUYER_RECEIVED).
	Received
	// Returned: the buyer has sent the goods back (BUYER_RETURNED_GOODS).
	Returned
	numGoodStatuses
)

var goodStatusInfo = enumInfo{names: []string{"", "BUYER_NOT_RECEIVED", "BUYER_RECEIVED", "BUYER_RETURNED_GOODS"},
	typ: "GoodStatus", field: "good_status", sentinel: ErrUnknownStatus}

// ParseGoodStatus returns the goods status with the platform name s; other
// text is an error wrapping [ErrUnknownStatus].
func ParseGoodStatus(s string) (GoodStatus, error) {
	i, err := goodStatusInfo.parse(s)
	return GoodStatus(i), err
}

// String returns the platform name, or "GoodStatus(N)" out of range.
func (g GoodStatus) String() string { return goodStatusInfo.name(uint8(g)) }

// IsValid reports whether g is a known goods status.
func (g GoodStatus) IsValid() bool { return goodStatusInfo.valid(uint8(g)) }

// MarshalText returns the platform name; an invalid value is an error.
func (g GoodStatus) MarshalText() ([]byte, error) { return goodStatusInfo.marshal(uint8(g)) }

// UnmarshalText accepts exactly the platform names; see [ParseGoodStatus].
func (g *GoodStatus) UnmarshalText(b []byte) error {
	return goodStatusInfo.unmarshal(b, (*uint8)(g))
}

// Phase is when in the trade a refund was applied for (refund_phase):
// during the sale, before the buyer confirmed receipt, a refund of
// everything closes the trade; after the sale the trade stays finished
// whatever is refunded. The zero value, [PhaseUnknown], is no phase.
type Phase uint8

// Phases, as the platform names them.
const (
	PhaseUnknown Phase = iota
	// OnSale: before the trade finished ("onsale", 售中).
	OnSale
	// AfterSale: after the trade finished ("aftersale", 售后).
	AfterSale
	numPhases
)

var phaseInfo = enumInfo{names: []string{"", "onsale", "aftersale"},
	typ: "Phase", field: "refund_phase", sentinel: ErrUnknownCode}

// ParsePhase returns the phase named s ("onsale", "aftersale"); other
// text is an error wrapping [ErrUnknownCode].
func ParsePhase(s string) (Phase, error) {
	i, err := phaseInfo.parse(s)
	return Phase(i), err
}

// String returns the platform name, or "Phase(N)" out of range.
func (p Phase) String() string { return phaseInfo.name(uint8(p)) }

// IsValid reports whether p is a known phase.
func (p Phase) IsValid() bool { return phaseInfo.valid(uint8(p)) }

// MarshalText returns the platform name; an invalid phase is an error.
func (p Phase) MarshalText() ([]byte, error) { return phaseInfo.marshal(uint8(p)) }

// UnmarshalText accepts the platform names; see [ParsePhase].
func (p *Phase) UnmarshalText(b []byte) error { return phaseInfo.unmarshal(b, (*uint8)(p)) }

// Event is something that moves a refund from one [Status] to another.
// The text form is snake_case; the zero value is not an event.
type Event uint8

// Refund events.
const (
	EventUnknown Event = iota
	// AgreeRefund: the seller agrees to a refund without return; the money
	// is paid (WAIT_SELLER_AGREE → SUCCESS).
	AgreeRefund
	// AgreeReturn: the seller agrees to a return
	// (WAIT_SELLER_AGREE → WAIT_BUYER_RETURN_GOODS).
	AgreeReturn
	// Refuse: the seller refuses the application, or the goods that came
	// back (→ SELLER_REFUSE_BUYER).
	Refuse
	// ReturnGoods: the buyer sends the goods back and gives the return
	// waybill number, which is required (rule R4)
	// (WAIT_BUYER_RETURN_GOODS → WAIT_SELLER_CONFIRM_GOODS).
	ReturnGoods
	// ConfirmGoods: the seller confirms the returned goods arrived and the
	// money is paid (WAIT_SELLER_CONFIRM_GOODS → SUCCESS).
	ConfirmGoods
	// Modify: the buyer changes the application, say its amount, while it
	// waits or after a refusal (→ WAIT_SELLER_AGREE).
	Modify
	// Close: the buyer withdraws, or the platform closes the refund at a
	// deadline, with no money paid (→ CLOSED).
	Close
	numEvents
)

var eventInfo = enumInfo{names: []string{"", "agree_refund", "agree_return", "refuse", "return_goods",
	"confirm_goods", "modify", "close"}, typ: "Event", field: "event", sentinel: ErrUnknownEvent}

// ParseEvent returns the event named s ("agree_return"); an unknown name is
// an error wrapping [ErrUnknownEvent].
func ParseEvent(s string) (Event, error) {
	i, err := eventInfo.parse(s)
	return Event(i), err
}

// String returns the snake_case name, or "Event(N)" out of range.
func (e Event) String() string { return eventInfo.name(uint8(e)) }

// IsValid reports whether e is a known event.
func (e Event) IsValid() bool { return eventInfo.valid(uint8(e)) }

// MarshalText returns the snake_case name; an invalid event is an error.
func (e Event) MarshalText() ([]byte, error) { return eventInfo.marshal(uint8(e)) }

// UnmarshalText accepts the snake_case names; see [ParseEvent].
func (e *Event) UnmarshalText(b []byte) error { return eventInfo.unmarshal(b, (*uint8)(e)) }

// transitions is the refund lifecycle: transitions[from][event] is the
// state after the event, or NO_REFUND where the event is not allowed.
// It is a fixed table, read and never written.
var transitions = [numStatuses][numEvents]Status{
	WaitSellerAgree: {
		AgreeRefund: Success,
		AgreeReturn: WaitBuyerReturnGoods,
		Refuse:      SellerRefuseBuyer,
		Modify:      WaitSellerAgree,
		Close:       Closed,
	},
	WaitBuyerReturnGoods: {
		ReturnGoods: WaitSellerConfirmGoods,
		Close:       Closed,
	},
	WaitSellerConfirmGoods: {
		ConfirmGoods: Success,
		Refuse:       SellerRefuseBuyer,
	},
	SellerRefuseBuyer: {
		Modify: WaitSellerAgree,
		Close:  Closed,
	},
}

// Transition returns the state a refund in state from reaches on event e.
// A move the table does not allow — including any move out of [Closed] or
// [Success] — is an [*Error] wrapping [ErrInvalidTransition] (class
// conflict) whose Cause is a [*TransitionError]; an invalid state or event
// is [ErrUnknownStatus] or [ErrUnknownEvent]. Transition knows only states
// and events; [Refund.Apply] also checks the version, the goods and the
// waybill. It does not allocate when the move is allowed.
func Transition(from Status, e Event) (Status, error) {
	if !isRefundState(from) {
		return from, fieldErr("status", from.String(), ErrUnknownStatus, "")
	}
	if !e.IsValid() {
		return from, fieldErr("event", e.String(), ErrUnknownEvent, "")
	}
	if to := transitions[from][e]; to != order.NoRefund {
		return to, nil
	}
	return from, transitionErr(from.String(), e.String(), "")
}

// AllowedEvents returns the events the lifecycle allows in state s, in the
// order of their constants; none for a final or invalid state.
func AllowedEvents(s Status) []Event {
	if !isRefundState(s) {
		return nil
	}
	var out []Event
	for e := Event(1); e < numEvents; e++ {
		if transitions[s][e] != order.NoRefund {
			out = append(out, e)
		}
	}
	return out
}
