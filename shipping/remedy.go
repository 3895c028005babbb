package shipping

import (
	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/order"
)

// Remedy is a way to put an overcharged postage right (rule S2). The text
// form is snake_case; the zero value, [RemedyUnknown], is no remedy.
type Remedy uint8

// Remedies, in the order the shop prefers them.
const (
	RemedyUnknown Remedy = iota
	// FixPostage: before payment, change the order's postage so the buyer
	// pays the right amount at once (rules S2, P4).
	FixPostage
	// RefundDifference: after payment, refund the postage overcharged.
	RefundDifference
	// RefundAndReorder: after payment and before outbound, the buyer
	// refunds the order and orders again (退款重拍). Only safe when the
	// original is held before outbound, finance has acknowledged the
	// refund and the warehouse has seen the hold (rule R1).
	RefundAndReorder
	numRemedies
)

var remedyNames = []string{"", "fix_postage", "refund_difference", "refund_and_reorder"}

// String returns the snake_case name, or "Remedy(N)" out of range.
func (r Remedy) String() string { return enum.Name(remedyNames, int(r), "Remedy") }

// IsValid reports whether r is a known remedy.
func (r Remedy) IsValid() bool { return r > RemedyUnknown && r < numRemedies }

// MarshalText returns the snake_case name; an invalid remedy is an error.
func (r Remedy) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fieldErr("remedy", r.String(), ErrUnknownCode, "")
	}
	return []byte(remedyNames[r]), nil
}

// UnmarshalText accepts the snake_case names; an unknown one is an error
// wrapping [ErrUnknownCode].
func (r *Remedy) UnmarshalText(b []byte) error {
	return unmarshalName(r, b, "remedy", remedyNames)
}

// RemedySet is a set of [Remedy] values, an [order.Set]; the zero value is
// empty. It prints as "[refund_difference refund_and_reorder]" and
// encodes in JSON as a list of names.
type RemedySet = order.Set[Remedy]

// Overcharge is what to do about postage charged beyond what an order
// should have been charged (rule S2; seed 000, case 2). It is a plain
// value; the zero value means nothing was overcharged.
type Overcharge struct {
	// Overcharged: more postage was charged than should have been.
	Overcharged bool
	// Remedies are the ways to put it right in the order's state, the
	// preferred first: [FixPostage] before payment (before dispatch for
	// cash on delivery); [RefundDifference]
	// after, with [RefundAndReorder] as an alternative while the parcel
	// has not left.
	Remedies RemedySet
	// FollowUp is the department that fixes the shop's free-shipping
	// settings so that it does not happen again: operations.
	FollowUp order.Department
	// Free is the free-shipping decision behind it.
	Free FreeShippingDecision
	// Payment is how the order is paid: a cash-on-delivery buyer whose
	// postage is fixed before dispatch pays on delivery, not now (rules
	// S2, S9).
	Payment order.Payment
}

// Amount returns the postage to give back (or to take off before payment).
func (c Overcharge) Amount() decimal.Decimal { return c.Free.Overcharge() }

// PostageOvercharge checks o for overcharged postage — typically a silent
// order (静默下单) that qualified for free shipping but was charged
// postage — and says how to put it right (rule S2): before payment — or
// before dispatch for cash on delivery, which is paid on delivery — fix
// the postage; after payment, refund the difference, or refund-and-reorder
// while the parcel has not left the warehouse; in every case operations
// then fixes the free-shipping settings. A closed trade needs nothing.
func (p Policy) PostageOvercharge(o *order.Order) Overcharge {
	return overchargeOf(p.FreeShipping(o), o)
}

// overchargeOf is PostageOvercharge given the free-shipping decision d on
// o.
func overchargeOf(d FreeShippingDecision, o *order.Order) Overcharge {
	c := Overcharge{Free: d}
	if o == nil {
		return c
	}
	s := o.Status()
	if !d.Reasons().Has(PostageOvercharged) || s == order.ClosedUnpaid || s == order.Closed {
		return c
	}
	c.Overcharged = true
	c.FollowUp, c.Payment = order.Operations, o.Payment()
	switch {
	case s.AwaitsPayment(), o.Payment() == order.CashOnDelivery && !s.Dispatched():
		// Nothing paid yet: a cash-on-delivery buyer pays on delivery.
		c.Remedies = c.Remedies.With(FixPostage)
	case s.Dispatched():
		c.Remedies = c.Remedies.With(RefundDifference)
	default:
		c.Remedies = c.Remedies.With(RefundDifference).With(RefundAndReorder)
	}
	return c
}
