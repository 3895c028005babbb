package order

import (
	"time"

	"github.com/kefu-go/kefu/internal/enum"
)

// CODAction is what to do next about an order under rule S9. The zero
// value, [CODNoAction], means the rule asks nothing.
type CODAction uint8

// Cash-on-delivery actions.
const (
	// CODNoAction: the rule does not apply (paid online, or not waiting to
	// ship).
	CODNoAction CODAction = iota
	// CODShip: the buyer has confirmed; the order may ship.
	CODShip
	// CODConfirmWithBuyer: ask the buyer at once whether they accept cash
	// on delivery, which costs slightly more.
	CODConfirmWithBuyer
	// CODReorderOnline: the buyer did not confirm; close the order and have
	// the buyer place it again with online payment.
	CODReorderOnline
	numCODActions
)

var codActionNames = []string{"none", "ship", "confirm_with_buyer", "reorder_online"}

// String returns the snake_case name, or "CODAction(N)" out of range.
func (a CODAction) String() string { return enum.Name(codActionNames, int(a), "CODAction") }

// MarshalText returns the snake_case name; a value out of range is an
// error wrapping [ErrUnknownCode].
func (a CODAction) MarshalText() ([]byte, error) {
	if a >= numCODActions {
		return nil, fieldErr("cod_action", a.String(), ErrUnknownCode, "")
	}
	return []byte(codActionNames[a]), nil
}

// UnmarshalText accepts the snake_case names; anything else is an error
// wrapping [ErrUnknownCode].
func (a *CODAction) UnmarshalText(b []byte) error {
	for i, n := range codActionNames {
		if n == string(b) {
			*a = CODAction(i)
			return nil
		}
	}
	return fieldErr("cod_action", string(b), ErrUnknownCode, "")
}

// CODDecision says whether rule S9 lets a cash-on-delivery order ship and
// what to do about it. It is a plain value.
//
// In JSON its verdict, actions and reasons are snake_case names and its
// time RFC 3339; an unset if_declined or confirm_by is left out:
//
//	{"verdict":"refused","action":"confirm_with_buyer","if_declined":"reorder_online","confirm_by":"2026-11-12T09:30:00+08:00","reasons":["cod_unconfirmed"]}
type CODDecision struct {
	// Verdict says whether the order may be dispatched as far as rule S9
	// goes: [Allowed] for an order paid online or confirmed by the buyer,
	// [Refused] for a cash-on-delivery order the buyer has not confirmed
	// and for an order not waiting to ship. It says nothing of other holds
	// (a [Held] order stays held until released).
	Verdict Verdict   `json:"verdict"`
	Action  CODAction `json:"action"`
	// IfDeclined is the action if the buyer declines cash on delivery
	// while being asked: [CODReorderOnline] whenever Action is
	// [CODConfirmWithBuyer], so the agent need not come back (rule N6).
	IfDeclined CODAction `json:"if_declined,omitzero"`
	// ConfirmBy is when the buyer's confirmation is due, per the policy's
	// CODConfirmWithin; zero unless the order waits for it.
	ConfirmBy time.Time `json:"confirm_by,omitzero"`
	Reasons   ReasonSet `json:"reasons"`
}

// COD decides rule S9 for o at now. A cash-on-delivery order costs the
// buyer slightly more, so the agent confirms with the buyer at once; the
// order is dispatchable ([Allowed]) only once the buyer has confirmed
// (the event [ConfirmCOD], [Order.CODConfirmedAt]); if the buyer does not confirm within the
// policy's CODConfirmWithin, the recommended action is to place the order
// again with online payment.
//
// An order paid online is [Allowed] ([NotCOD]). An order not waiting to
// ship ([AwaitingDispatch] or [Held]) has nothing to decide: it is
// [Refused], with [CODNoAction] and [NotPending].
// An invalid policy or a nil or zero order is an error.
func (p TriagePolicy) COD(o *Order, now time.Time) (CODDecision, error) {
	r, err := p.compileFor(o)
	if err != nil {
		return CODDecision{}, err
	}
	return r.cod(o, now), nil
}

// compileFor compiles p for a decision on one order: an invalid policy, a
// nil order ([ErrNilOrder]) or the zero Order ([ErrMissing]) is an error.
func (p TriagePolicy) compileFor(o *Order) (triageRules, error) {
	r, err := p.compile()
	if err != nil {
		return r, err
	}
	if o == nil {
		return r, fieldErr("order", "", ErrNilOrder, "")
	}
	if o.IsZero() {
		return r, fieldErr("order", "", ErrMissing, "the zero Order is not an order")
	}
	return r, nil
}

func (r *triageRules) cod(o *Order, now time.Time) CODDecision {
	d := CODDecision{Verdict: Refused}
	switch {
	case o.status != AwaitingDispatch && o.status != Held:
		d.Reasons = d.Reasons.With(NotPending)
	case o.payment == Online:
		d.Verdict, d.Reasons = Allowed, d.Reasons.With(NotCOD)
	case !o.codConfirmed.IsZero():
		d.Verdict, d.Action, d.Reasons = Allowed, CODShip, d.Reasons.With(CODConfirmed)
	case r.codOverdue(o, now):
		d.Action = CODReorderOnline
		d.Reasons = d.Reasons.With(CODUnconfirmedReason).With(CODConfirmationOverdue)
	default:
		d.Action, d.IfDeclined = CODConfirmWithBuyer, CODReorderOnline
		d.ConfirmBy = o.created.Add(r.codWithin).In(r.loc)
		d.Reasons = d.Reasons.With(CODUnconfirmedReason)
	}
	return d
}
