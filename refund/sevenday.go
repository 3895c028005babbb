package refund

import (
	"time"

	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/order"
)

// Kind is what an item is, as far as the law on seven-day no-reason
// returns cares (PRC Consumer Protection Law art. 25). The zero value,
// [KindOrdinary], is meaningful: goods the law does not exclude.
type Kind uint8

// Kinds of goods.
const (
	// KindOrdinary: goods the law does not exclude ("ordinary").
	KindOrdinary Kind = iota
	// KindMadeToOrder: made to the buyer's order ("made_to_order").
	KindMadeToOrder
	// KindPerishable: fresh or perishable ("perishable").
	KindPerishable
	// KindDigital: digital goods (audio, video, software …), excluded once
	// the buyer unsealed, downloaded or activated them ("digital").
	KindDigital
	// KindPeriodical: newspapers and periodicals, excluded once delivered
	// ("periodical").
	KindPeriodical
	numKinds
)

var kindInfo = enumInfo{names: []string{"ordinary", "made_to_order", "perishable", "digital", "periodical"},
	typ: "Kind", field: "kind", sentinel: ErrUnknownCode, zeroOK: true}

// String returns the snake_case name, or "Kind(N)" out of range.
func (k Kind) String() string { return kindInfo.name(uint8(k)) }

// IsValid reports whether k is a known kind; [KindOrdinary] is one.
func (k Kind) IsValid() bool { return kindInfo.valid(uint8(k)) }

// MarshalText returns the snake_case name; an invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) { return kindInfo.marshal(uint8(k)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownCode].
func (k *Kind) UnmarshalText(b []byte) error { return kindInfo.unmarshal(b, (*uint8)(k)) }

// Condition is what an inspection (or the buyer) says about goods to be
// returned. The zero value is not a condition.
type Condition uint8

// Conditions.
const (
	ConditionUnknown Condition = iota
	// ConditionWashed: the goods were washed ("washed").
	ConditionWashed
	// ConditionBleached: the goods were bleached ("bleached").
	ConditionBleached
	// ConditionWornDamaged: worn and damaged ("worn_damaged").
	ConditionWornDamaged
	// ConditionNotResellable: otherwise no longer fit to be resold — tags
	// removed, beads missing, soiled ("not_resellable").
	ConditionNotResellable
	// ConditionUnsealed: the seal is broken; for digital goods, unsealed,
	// downloaded or activated ("unsealed").
	ConditionUnsealed
	numConditions
)

var conditionInfo = enumInfo{names: []string{"", "washed", "bleached", "worn_damaged", "not_resellable", "unsealed"},
	typ: "Condition", field: "condition", sentinel: ErrUnknownCode}

// String returns the snake_case name, or "Condition(N)" out of range.
func (c Condition) String() string { return conditionInfo.name(uint8(c)) }

// IsValid reports whether c is a known condition.
func (c Condition) IsValid() bool { return conditionInfo.valid(uint8(c)) }

// MarshalText returns the snake_case name; an invalid value is an error.
func (c Condition) MarshalText() ([]byte, error) { return conditionInfo.marshal(uint8(c)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownCode].
func (c *Condition) UnmarshalText(b []byte) error {
	return conditionInfo.unmarshal(b, (*uint8)(c))
}

// ConditionSet is a set of [Condition]s ([order.Set]).
type ConditionSet = order.Set[Condition]

// SevenDayRequest is a buyer's request for a seven-day no-reason return
// (七天无理由退货) of one line, for [Policy.SevenDay].
type SevenDayRequest struct {
	Order *order.Order
	SKU   string
	// SignedAt is when the logistics record shows the parcel signed for:
	// the window opens at 00:00 of the next day. Required: goods never
	// signed for cannot be returned ([ErrNotReceived]).
	SignedAt time.Time
	// At is when the buyer asks.
	At time.Time
	// Kind is what the item is; the law excludes made-to-order,
	// perishable, unsealed digital goods and delivered periodicals.
	Kind Kind
	// ConfirmedAtPurchase: the listing said the item is not returnable
	// without reason and the buyer confirmed it when buying.
	ConfirmedAtPurchase bool
	// Condition is what is known of the goods' state.
	Condition ConditionSet
}

// SevenDayDecision says whether a seven-day no-reason return may go ahead
// (rule R3) and what the agent confirms with the buyer first. It is a
// plain value.
type SevenDayDecision struct {
	// Verdict is [order.Allowed] or [order.Refused].
	Verdict order.Verdict `json:"verdict"`
	// Reasons say why it is refused: [WindowClosed], the exclusions by
	// law ([MadeToOrder], [Perishable], [DigitalUnsealed], [Periodical]),
	// by the buyer's confirmation ([ConfirmedAtPurchase]) and by condition
	// ([Washed], [Bleached], [WornDamaged], [NotResellable]).
	Reasons ReasonSet `json:"reasons"`
	// Confirm lists what the agent confirms with the buyer before
	// anything else: which order ([ConfirmOrder]) and when it was bought
	// ([ConfirmBoughtAt]); when the return may go ahead, also that the
	// goods come back intact ([ConfirmIntact]).
	Confirm ReasonSet `json:"confirm"`
	// Opens and Closes bound the window, in the policy's zone: from
	// 00:00 of the day after sign-for, for the policy's ReturnWindow.
	Opens  time.Time `json:"opens"`
	Closes time.Time `json:"closes"`
}

// SevenDay decides a seven-day no-reason return (rule R3). The window is
// counted as the platform counts it: from 00:00 of the day after the
// sign-for, in the shop's zone, for the policy's ReturnWindow (168 hours);
// a request before it closes is in time. Goods the law excludes, goods the
// buyer confirmed as not returnable when buying, and goods washed,
// bleached, worn and damaged or no longer resellable are refused — a
// decision, not an error. Every decision lists what to confirm with the
// buyer first.
//
// Errors: an invalid policy; a nil order ([ErrMissing]); a SKU the order
// does not have ([ErrUnknownLine]); an order never dispatched, or no
// sign-for time ([ErrNotReceived]); a closed or unpaid order
// ([ErrNotRefundable]); a request before the sign-for
// ([ErrInconsistent]); an unknown kind or condition ([ErrUnknownCode]).
func (p Policy) SevenDay(r SevenDayRequest) (SevenDayDecision, error) {
	pr, err := p.compile()
	if err != nil {
		return SevenDayDecision{}, err
	}
	o := r.Order
	if o == nil || o.IsZero() {
		return SevenDayDecision{}, fieldErr("order", "", ErrMissing, "")
	}
	if _, ok := o.LineBySKU(r.SKU); !ok {
		if _, err := sku("sku", r.SKU); err != nil {
			return SevenDayDecision{}, err
		}
		return SevenDayDecision{}, fieldErr("sku", r.SKU, ErrUnknownLine, "")
	}
	switch st := o.Status(); {
	case !st.Paid() || st == order.Closed:
		return SevenDayDecision{}, fieldErr("order.status", st.String(), ErrNotRefundable, "")
	case !st.Dispatched():
		return SevenDayDecision{}, fieldErr("order.status", st.String(), ErrNotReceived, "never dispatched")
	}
	if r.SignedAt.IsZero() {
		return SevenDayDecision{}, fieldErr("signed_at", "", ErrNotReceived, "no sign-for on the logistics record")
	}
	if r.At.IsZero() {
		return SevenDayDecision{}, fieldErr("at", "", ErrMissing, "")
	}
	if r.At.Before(r.SignedAt) {
		return SevenDayDecision{}, fieldErr("at", r.At.Format(time.RFC3339), ErrInconsistent, "before the sign-for")
	}
	if !r.Kind.IsValid() {
		return SevenDayDecision{}, fieldErr("kind", r.Kind.String(), ErrUnknownCode, "")
	}
	for c := range r.Condition.All() {
		if !c.IsValid() {
			return SevenDayDecision{}, fieldErr("condition", c.String(), ErrUnknownCode, "")
		}
	}

	signed := r.SignedAt.In(pr.loc)
	y, m, d := signed.Date()
	opens := tz.DayStart(y, m, d+1, pr.loc)
	dec := SevenDayDecision{Opens: opens, Closes: opens.Add(pr.window),
		Confirm: ReasonSet(0).With(ConfirmOrder).With(ConfirmBoughtAt)}
	var why ReasonSet
	if !r.At.Before(dec.Closes) {
		why = why.With(WindowClosed)
	}
	switch r.Kind {
	case KindMadeToOrder:
		why = why.With(MadeToOrder)
	case KindPerishable:
		why = why.With(Perishable)
	case KindPeriodical:
		why = why.With(Periodical)
	case KindDigital:
		if r.Condition.Has(ConditionUnsealed) {
			why = why.With(DigitalUnsealed)
		}
	}
	if r.ConfirmedAtPurchase {
		why = why.With(ConfirmedAtPurchase)
	}
	for _, c := range [...]struct {
		c Condition
		r Reason
	}{{ConditionWashed, Washed}, {ConditionBleached, Bleached}, {ConditionWornDamaged, WornDamaged}, {ConditionNotResellable, NotResellable}} {
		if r.Condition.Has(c.c) {
			why = why.With(c.r)
		}
	}
	dec.Reasons = why
	if why.IsEmpty() {
		dec.Verdict = order.Allowed
		dec.Confirm = dec.Confirm.With(ConfirmIntact)
	} else {
		dec.Verdict = order.Refused
	}
	return dec, nil
}
