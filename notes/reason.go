package notes

import (
	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/order"
)

// Reason is a stable code for why a [Decision] came out as it did. Codes
// are snake_case, never renumbered, and translated for staff and buyers
// elsewhere; the zero value is not a reason.
type Reason uint8

// Reasons.
const (
	ReasonUnknown Reason = iota
	// PhoneRequired: an urgent hand-off to a colleague who is away went
	// only by chat or message; it must go by phone (rule N2).
	PhoneRequired
	// ExactDeliveryDate: a promise of delivery on or by a date; no
	// delivery time is ever guaranteed (rules S6, S8).
	ExactDeliveryDate
	// EarlierThanPolicy: a dispatch promised earlier than the shipping
	// policy allows (rule S6).
	EarlierThanPolicy
	// OutOfStock: real stock cannot cover what the promise needs (rules
	// N3, O8).
	OutOfStock
	// StockNotCounted: the stock snapshot does not know a SKU the promise
	// needs; kefu does not guess (rule O8).
	StockNotCounted
	// OrderHeld: the order's status is held ([order.Held]; rule N3).
	OrderHeld
	// OrderNotOpen: the order is finished or closed; nothing more can be
	// promised on it.
	OrderNotOpen
	// AlreadyDispatched: a dispatch promise for an order that has already
	// left the warehouse.
	AlreadyDispatched
	// NotApproved: a quick reply not approved by the team leader (rule
	// N5).
	NotApproved
	// MemoFull: the note does not fit in what is left of the memo's 1000
	// bytes; the memo is never truncated (rule N1).
	MemoFull
	// HoldMismatch: the memo and the order's status disagree about a
	// hold — the memo says held and the status does not, or the other way
	// round ([Memo.HoldAgrees]). The warehouse reads the memo, the backend
	// the status; put one right first (rule N3).
	HoldMismatch
	numReasons
)

var reasonNames = []string{"", "phone_required", "exact_delivery_date", "earlier_than_policy",
	"out_of_stock", "stock_not_counted", "order_held", "order_not_open", "already_dispatched", "not_approved",
	"memo_full", "hold_mismatch"}

// Reasons returns every reason code.
func Reasons() []Reason {
	out := make([]Reason, 0, numReasons-1)
	for r := Reason(1); r < numReasons; r++ {
		out = append(out, r)
	}
	return out
}

// ParseReason returns the reason with the snake_case code s; an unknown
// code is an error wrapping [ErrUnknownEnum] and [ErrUnknownReason].
func ParseReason(s string) (Reason, error) {
	if i, ok := enum.Index(reasonNames, s); ok {
		return Reason(i), nil
	}
	return ReasonUnknown, causeErr("reason", s, ErrUnknownEnum, "", ErrUnknownReason)
}

// String returns the snake_case code, or "Reason(N)" out of range.
func (r Reason) String() string { return enum.Name(reasonNames, int(r), "Reason") }

// IsValid reports whether r is a known reason.
func (r Reason) IsValid() bool { return r > ReasonUnknown && r < numReasons }

// MarshalText returns the snake_case code.
func (r Reason) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, causeErr("reason", r.String(), ErrUnknownEnum, "", ErrUnknownReason)
	}
	return []byte(reasonNames[r]), nil
}

// UnmarshalText accepts the snake_case codes; see [ParseReason].
func (r *Reason) UnmarshalText(b []byte) error {
	v, err := ParseReason(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ReasonSet is a set of [Reason]s: an [order.Set], kefu's one set type,
// kept in a bitset so a decision never allocates. Its JSON form is a list
// of codes (["order_held"]); an unknown code is the error of
// [ParseReason]. The zero value is empty.
type ReasonSet = order.Set[Reason]

// Decision is the business outcome of a check: [order.Allowed], or
// [order.Refused] for the reasons given — the [order.Verdict] every kefu
// package answers with. It is a small comparable value and never
// allocates. In JSON a zero verdict is left out, so the zero Decision
// encodes (as {"reasons":[]}) and decodes back to zero.
type Decision struct {
	Verdict order.Verdict `json:"verdict,omitzero"`
	Reasons ReasonSet     `json:"reasons"`
}

// decisionFields is Decision without its methods, for decoding.
type decisionFields Decision

// UnmarshalJSON decodes a decision as a whole and strictly: a field
// absent from the JSON is zero, not what d held; an unknown field is an
// [*Error] wrapping [order.ErrUnknownField]; an unknown verdict or reason
// code is an error. On error d is unchanged.
func (d *Decision) UnmarshalJSON(b []byte) error {
	var w decisionFields
	if err := decodeValue("decision", b, &w); err != nil {
		return err
	}
	*d = Decision(w)
	return nil
}

func decide(rs ReasonSet) Decision {
	if rs == 0 {
		return Decision{Verdict: order.Allowed}
	}
	return Decision{Verdict: order.Refused, Reasons: rs}
}
