package refund

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// ExchangeStatus is where an exchange (换货) stands. The zero value is no
// state.
type ExchangeStatus uint8

// Exchange states.
const (
	ExchangeStatusUnknown ExchangeStatus = iota
	// ExchangeRequested: agreed; the buyer has not sent the goods back
	// ("requested").
	ExchangeRequested
	// ReturnShipped: the buyer sent the goods back and gave the return
	// waybill number ("return_shipped").
	ReturnShipped
	// ReturnReceived: the warehouse received the returned goods
	// ("return_received"); only now may the replacement ship (rule R4).
	ReturnReceived
	// ReplacementShipped: the replacement left, with its waybill
	// ("replacement_shipped"). Final.
	ReplacementShipped
	// ExchangeCancelled: the exchange was called off before the goods were
	// sent back ("cancelled"). Final.
	ExchangeCancelled
	numExchangeStatuses
)

var exchangeStatusInfo = enumInfo{names: []string{"", "requested", "return_shipped", "return_received",
	"replacement_shipped", "cancelled"}, typ: "ExchangeStatus", field: "status", sentinel: ErrUnknownStatus}

// String returns the snake_case name, or "ExchangeStatus(N)" out of range.
func (s ExchangeStatus) String() string { return exchangeStatusInfo.name(uint8(s)) }

// IsValid reports whether s is a known state.
func (s ExchangeStatus) IsValid() bool { return exchangeStatusInfo.valid(uint8(s)) }

// MarshalText returns the snake_case name; an invalid state is an error.
func (s ExchangeStatus) MarshalText() ([]byte, error) { return exchangeStatusInfo.marshal(uint8(s)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownStatus].
func (s *ExchangeStatus) UnmarshalText(b []byte) error {
	return exchangeStatusInfo.unmarshal(b, (*uint8)(s))
}

// ExchangeEvent moves an [Exchange]. The zero value is not an event.
type ExchangeEvent uint8

// Exchange events.
const (
	ExchangeEventUnknown ExchangeEvent = iota
	// ShipReturn: the buyer sends the goods back; the return waybill
	// number is required ("ship_return").
	ShipReturn
	// ReceiveReturn: the warehouse receives them ("receive_return").
	ReceiveReturn
	// DispatchReplacement: the replacement leaves, with its waybill
	// ("dispatch_replacement"); only after ReceiveReturn (rule R4).
	DispatchReplacement
	// CancelExchange: called off before the goods were sent back
	// ("cancel").
	CancelExchange
	numExchangeEvents
)

var exchangeEventInfo = enumInfo{names: []string{"", "ship_return", "receive_return", "dispatch_replacement", "cancel"},
	typ: "ExchangeEvent", field: "event", sentinel: ErrUnknownEvent}

// String returns the snake_case name, or "ExchangeEvent(N)" out of range.
func (e ExchangeEvent) String() string { return exchangeEventInfo.name(uint8(e)) }

// IsValid reports whether e is a known event.
func (e ExchangeEvent) IsValid() bool { return exchangeEventInfo.valid(uint8(e)) }

// MarshalText returns the snake_case name; an invalid event is an error.
func (e ExchangeEvent) MarshalText() ([]byte, error) { return exchangeEventInfo.marshal(uint8(e)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownEvent].
func (e *ExchangeEvent) UnmarshalText(b []byte) error {
	return exchangeEventInfo.unmarshal(b, (*uint8)(e))
}

var exchangeTransitions = [numExchangeStatuses][numExchangeEvents]ExchangeStatus{
	ExchangeRequested: {ShipReturn: ReturnShipped, CancelExchange: ExchangeCancelled},
	ReturnShipped:     {ReceiveReturn: ReturnReceived},
	ReturnReceived:    {DispatchReplacement: ReplacementShipped},
}

// Exchange is one exchange of units of an order line for a replacement
// (rule R4): the goods come back first — tracked by the return waybill
// number the buyer gives — and only once the warehouse has received them
// does the replacement ship. It is an immutable value with a version, like
// [Refund]: every action names the version it was decided on.
//
// The zero Exchange is not an exchange; [Exchange.IsZero] reports it.
type Exchange struct {
	id, orderID             string
	sku, replacementSKU     string
	units, received         int
	status                  ExchangeStatus
	returnWaybill, outbound string
	version                 int64
	created, modified       time.Time
}

// ExchangeSpec describes an exchange as a backend stores it; see
// [NewExchange].
type ExchangeSpec struct {
	ID             string         `json:"id"`
	OrderID        string         `json:"order_id"`
	SKU            string         `json:"sku"`             // the line the goods come from
	ReplacementSKU string         `json:"replacement_sku"` // what replaces them: another size or colour, or the same SKU
	Units          int            `json:"units"`           // units exchanged
	Status         ExchangeStatus `json:"status"`
	// ReturnWaybill is the buyer's return waybill number, from
	// ReturnShipped on.
	ReturnWaybill string `json:"return_waybill,omitempty"`
	// Received is the units the warehouse received back, from
	// ReturnReceived on; the replacement covers those.
	Received int `json:"received,omitempty"`
	// ReplacementWaybill is the replacement's waybill number once it left.
	ReplacementWaybill string    `json:"replacement_waybill,omitempty"`
	Version            int64     `json:"version"`
	CreatedAt          time.Time `json:"created_at"`
	ModifiedAt         time.Time `json:"modified_at"`
}

// NewExchange checks spec and builds an Exchange: IDs and SKUs by kefu's
// rules, units 1 to the largest quantity, a known status, the waybills and
// received units the status implies (a return waybill from
// return_shipped on, received units from return_received on, a replacement
// waybill once shipped) and no others ([ErrInconsistent]), a version of
// at least 1 and times in order.
func NewExchange(spec ExchangeSpec) (Exchange, error) {
	var x Exchange
	var err error
	if x.id, err = identifier("id", spec.ID); err != nil {
		return Exchange{}, err
	}
	if x.orderID, err = identifier("order_id", spec.OrderID); err != nil {
		return Exchange{}, err
	}
	if x.sku, err = sku("sku", spec.SKU); err != nil {
		return Exchange{}, err
	}
	if x.replacementSKU, err = sku("replacement_sku", spec.ReplacementSKU); err != nil {
		return Exchange{}, err
	}
	if spec.Units < 1 || spec.Units > yuan.MaxQuantity {
		return Exchange{}, fieldErr("units", strconv.Itoa(spec.Units), ErrInvalidQuantity, "must be 1 to "+strconv.Itoa(yuan.MaxQuantity))
	}
	x.units, x.status, x.version = spec.Units, spec.Status, spec.Version
	x.created, x.modified = spec.CreatedAt, spec.ModifiedAt
	if x.modified.IsZero() {
		x.modified = x.created
	}
	if !x.status.IsValid() {
		return Exchange{}, fieldErr("status", x.status.String(), ErrUnknownStatus, "")
	}
	s := x.status
	shipped := s == ReturnShipped || s == ReturnReceived || s == ReplacementShipped
	received := s == ReturnReceived || s == ReplacementShipped
	switch {
	case shipped && spec.ReturnWaybill == "":
		return Exchange{}, fieldErr("return_waybill", "", ErrMissing, "the goods came back under a waybill (rule R4)")
	case !shipped && spec.ReturnWaybill != "":
		return Exchange{}, fieldErr("return_waybill", spec.ReturnWaybill, ErrInconsistent, "in state "+s.String())
	case received && (spec.Received < 1 || spec.Received > x.units):
		return Exchange{}, fieldErr("received", strconv.Itoa(spec.Received), ErrInvalidQuantity, "1 to the units exchanged")
	case !received && spec.Received != 0:
		return Exchange{}, fieldErr("received", strconv.Itoa(spec.Received), ErrInconsistent, "in state "+s.String())
	case s == ReplacementShipped && spec.ReplacementWaybill == "":
		return Exchange{}, fieldErr("replacement_waybill", "", ErrMissing, "")
	case s != ReplacementShipped && spec.ReplacementWaybill != "":
		return Exchange{}, fieldErr("replacement_waybill", spec.ReplacementWaybill, ErrInconsistent, "in state "+s.String())
	case x.version < 1:
		return Exchange{}, fieldErr("version", strconv.FormatInt(x.version, 10), ErrInvalidQuantity, "versions start at 1")
	case x.created.IsZero():
		return Exchange{}, fieldErr("created_at", "", ErrMissing, "")
	case x.modified.Before(x.created):
		return Exchange{}, fieldErr("modified_at", x.modified.Format(time.RFC3339), ErrInconsistent, "before created_at")
	}
	if shipped {
		if x.returnWaybill, err = waybill("return_waybill", spec.ReturnWaybill); err != nil {
			return Exchange{}, err
		}
	}
	if s == ReplacementShipped {
		if x.outbound, err = waybill("replacement_waybill", spec.ReplacementWaybill); err != nil {
			return Exchange{}, err
		}
	}
	x.received = spec.Received
	return x, nil
}

// ExchangeRequest is an exchange to open with [OpenExchange].
type ExchangeRequest struct {
	ID    string
	SKU   string // the order line the goods come from
	Units int
	// ReplacementSKU is what replaces them; "" means the same SKU.
	ReplacementSKU string
	At             time.Time
}

// OpenExchange opens an exchange on o in state requested, version 1. The
// buyer must have had the goods: an order never dispatched is
// [ErrNotReceived]; a closed or unpaid one [ErrNotRefundable]. A SKU the
// order does not have is [ErrUnknownLine]; more units than the line holds
// [ErrOverQuantity].
func OpenExchange(o *order.Order, r ExchangeRequest) (Exchange, error) {
	if o == nil || o.IsZero() {
		return Exchange{}, fieldErr("order", "", ErrMissing, "")
	}
	switch st := o.Status(); {
	case !st.Paid() || st == order.Closed:
		return Exchange{}, fieldErr("order.status", st.String(), ErrNotRefundable, "")
	case !st.Dispatched():
		return Exchange{}, fieldErr("order.status", st.String(), ErrNotReceived, "never dispatched: nothing to exchange")
	}
	line, ok := o.LineBySKU(r.SKU)
	if !ok {
		if _, err := sku("sku", r.SKU); err != nil {
			return Exchange{}, err
		}
		return Exchange{}, fieldErr("sku", r.SKU, ErrUnknownLine, "")
	}
	if r.Units > line.Quantity {
		return Exchange{}, fieldErr("units", strconv.Itoa(r.Units), ErrOverQuantity, "the line has "+strconv.Itoa(line.Quantity))
	}
	if r.At.IsZero() {
		return Exchange{}, fieldErr("at", "", ErrMissing, "")
	}
	repl := r.ReplacementSKU
	if repl == "" {
		repl = line.SKU
	}
	return NewExchange(ExchangeSpec{ID: r.ID, OrderID: o.ID(), SKU: line.SKU, ReplacementSKU: repl, Units: r.Units,
		Status: ExchangeRequested, Version: 1, CreatedAt: r.At})
}

// ExchangeAction is an event on an exchange, for [Exchange.Apply].
type ExchangeAction struct {
	Event   ExchangeEvent
	Version int64 // the version the actor saw
	At      time.Time
	// Waybill is the return waybill ([ShipReturn]) or the replacement's
	// ([DispatchReplacement]); required with those, refused otherwise.
	Waybill string
	// Units is how many units arrived ([ReceiveReturn]): 1 to the units
	// exchanged; refused with other events.
	Units int
}

// Apply applies a to x and returns the next exchange, version
// incremented; x is unchanged. The replacement ships only after the
// returned goods were received: [DispatchReplacement] before
// [ReceiveReturn] is [ErrInvalidTransition] (class conflict), as is any
// event the state does not allow. A stale version is [ErrStaleVersion]; a
// missing or malformed waybill [ErrMissing] or [ErrInvalidText]; a time
// before the last change, or a waybill or units with an event that takes
// none, [ErrInconsistent].
func (x Exchange) Apply(a ExchangeAction) (Exchange, error) {
	if x.IsZero() {
		return Exchange{}, fieldErr("exchange", "", ErrMissing, "the zero Exchange")
	}
	if !a.Event.IsValid() {
		return Exchange{}, fieldErr("event", a.Event.String(), ErrUnknownEvent, "")
	}
	if a.Version != x.version {
		return Exchange{}, fieldErr("version", strconv.FormatInt(a.Version, 10), ErrStaleVersion,
			"the exchange is at version "+strconv.FormatInt(x.version, 10))
	}
	to := exchangeTransitions[x.status][a.Event]
	if to == ExchangeStatusUnknown {
		why := ""
		if a.Event == DispatchReplacement {
			why = "the replacement ships only after the returned goods are received (rule R4)"
		}
		return Exchange{}, transitionErr(x.status.String(), a.Event.String(), why)
	}
	takesWaybill := a.Event == ShipReturn || a.Event == DispatchReplacement
	switch {
	case !takesWaybill && a.Waybill != "":
		return Exchange{}, fieldErr("waybill", a.Waybill, ErrInconsistent, a.Event.String()+" carries no waybill")
	case a.Event != ReceiveReturn && a.Units != 0:
		return Exchange{}, fieldErr("units", strconv.Itoa(a.Units), ErrInconsistent, a.Event.String()+" carries no units")
	case a.At.IsZero():
		return Exchange{}, fieldErr("at", "", ErrMissing, "")
	case a.At.Before(x.modified):
		return Exchange{}, fieldErr("at", a.At.Format(time.RFC3339), ErrInconsistent,
			"before the exchange's last change at "+x.modified.Format(time.RFC3339))
	}
	n := x
	switch a.Event {
	case ShipReturn, DispatchReplacement:
		if a.Waybill == "" {
			return Exchange{}, fieldErr("waybill", "", ErrMissing, "goods are tracked by their waybill (rule R4)")
		}
		w, err := waybill("waybill", a.Waybill)
		if err != nil {
			return Exchange{}, err
		}
		if a.Event == ShipReturn {
			n.returnWaybill = w
		} else {
			n.outbound = w
		}
	case ReceiveReturn:
		if a.Units < 1 || a.Units > x.units {
			return Exchange{}, fieldErr("units", strconv.Itoa(a.Units), ErrInvalidQuantity,
				"1 to the "+strconv.Itoa(x.units)+" units exchanged")
		}
		n.received = a.Units
	}
	n.status, n.version, n.modified = to, x.version+1, a.At
	return n, nil
}

// IsZero reports whether x is the zero Exchange.
func (x Exchange) IsZero() bool { return x.id == "" }

// ID returns the exchange's ID.
func (x Exchange) ID() string { return x.id }

// OrderID returns the ID of the order.
func (x Exchange) OrderID() string { return x.orderID }

// SKU returns the SKU of the line the goods come from.
func (x Exchange) SKU() string { return x.sku }

// ReplacementSKU returns the SKU of the replacement.
func (x Exchange) ReplacementSKU() string { return x.replacementSKU }

// Units returns the units exchanged.
func (x Exchange) Units() int { return x.units }

// Received returns the units the warehouse received back; 0 before.
func (x Exchange) Received() int { return x.received }

// Status returns where the exchange stands.
func (x Exchange) Status() ExchangeStatus { return x.status }

// ReturnWaybill returns the buyer's return waybill number; "" before the
// goods were sent back.
func (x Exchange) ReturnWaybill() string { return x.returnWaybill }

// ReplacementWaybill returns the replacement's waybill number; "" before
// it shipped.
func (x Exchange) ReplacementWaybill() string { return x.outbound }

// Version returns the exchange's version.
func (x Exchange) Version() int64 { return x.version }

// ModifiedAt returns when the exchange last changed.
func (x Exchange) ModifiedAt() time.Time { return x.modified }

// WaitingOnReturn reports whether the exchange waits for the buyer's
// goods to come back: requested or on their way.
func (x Exchange) WaitingOnReturn() bool {
	return x.status == ExchangeRequested || x.status == ReturnShipped
}

// Spec returns x as an [ExchangeSpec]; NewExchange(x.Spec()) rebuilds x.
func (x Exchange) Spec() ExchangeSpec {
	return ExchangeSpec{ID: x.id, OrderID: x.orderID, SKU: x.sku, ReplacementSKU: x.replacementSKU, Units: x.units,
		Status: x.status, ReturnWaybill: x.returnWaybill, Received: x.received, ReplacementWaybill: x.outbound,
		Version: x.version, CreatedAt: x.created, ModifiedAt: x.modified}
}

// MarshalJSON encodes the exchange as its [ExchangeSpec]. The zero
// Exchange is an error.
func (x Exchange) MarshalJSON() ([]byte, error) {
	if x.IsZero() {
		return nil, fieldErr("exchange", "", ErrMissing, "the zero Exchange has no JSON form")
	}
	return json.Marshal(x.Spec())
}

// UnmarshalJSON decodes an [ExchangeSpec] strictly (an unknown field is
// [ErrUnknownField]) and builds the exchange with [NewExchange]. On error
// x is unchanged.
func (x *Exchange) UnmarshalJSON(b []byte) error {
	var s ExchangeSpec
	if err := decodeJSON("", b, &s, maxRecordJSON); err != nil {
		return err
	}
	n, err := NewExchange(s)
	if err != nil {
		return err
	}
	*x = n
	return nil
}
