package shipping

import (
	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/order"
)

// Reason is a stable code saying why a decision of this package came out
// the way it did. Message catalogs translate it for staff and buyers; the
// text form is snake_case and never changes. The zero value,
// [ReasonUnknown], is not a reason.
type Reason uint8

// Reason codes. New codes are only ever appended.
const (
	ReasonUnknown Reason = iota

	// Free shipping (rules S1, S2).

	// BelowThreshold: the goods amount actually paid is short of the
	// free-shipping threshold; see [FreeShippingDecision.Shortfall].
	BelowThreshold
	// BelowQuantity: fewer units than the free-shipping quantity.
	BelowQuantity
	// ExcludedRegion: the address is in a region free shipping excludes.
	ExcludedRegion
	// ExcludedSKU: the order holds an item free shipping excludes.
	ExcludedSKU
	// RegionMissing: the address names no region, so nothing can be
	// decided about it.
	RegionMissing
	// FreeShippingOff: the shop offers no free shipping in this period.
	FreeShippingOff
	// PromotionRules: a free-shipping promotion's rules applied instead of
	// the everyday ones.
	PromotionRules
	// PostageOvercharged: postage was charged on an order that qualifies
	// for free shipping, or more than the standard postage (rule S2).
	PostageOvercharged
	// PostageUndercharged: less postage than the standard postage was
	// charged on an order that does not qualify.
	PostageUndercharged
	// PostageMissing: no postage was charged on an order that does not
	// qualify, and the policy states no standard postage.
	PostageMissing

	// Carriers (rules S3, S5, P6).

	// PreferredCarrier: the buyer's preferred carrier was chosen.
	PreferredCarrier
	// DefaultCarrier: the buyer stated no preference; the shop's default
	// carrier was chosen.
	DefaultCarrier
	// FallbackCarrier: the default carrier does not serve the region; the
	// first listed carrier that does was chosen.
	FallbackCarrier
	// CarrierNotServing: the buyer's preferred carrier does not serve the
	// region; the preference is refused.
	CarrierNotServing
	// SFOnly: Hong Kong, Macao and Taiwan ship only with SF Express, and
	// the buyer cannot refuse it (rule S3).
	SFOnly
	// OutOfArea: no carrier of the shop serves the region (rule S4).
	OutOfArea
	// PriceDifference: the chosen carrier costs more than the shop's
	// postage covers; the buyer settles the difference (补差价, rule P6).
	PriceDifference
	// FreightCollect: the parcel goes freight collect (到付): the buyer
	// pays the carrier on delivery (rule P6).
	FreightCollect

	// Addresses (rule S4).

	// TransitWarehouseAddress: the address is a courier's transit
	// warehouse, not a delivery address.
	TransitWarehouseAddress

	// Dispatch promises and reminders (rules S6, S10).

	// CutoffPassed: paid after the day's dispatch cutoff; the order rolls
	// to the next working day.
	CutoffPassed
	// NonWorkingDay: paid on a non-working day; the order rolls to the
	// next working day.
	NonWorkingDay
	// BigPromotion: a big promotion is on; "within N days" is the normal
	// promise (rule S6).
	BigPromotion
	// ExactDate: the promise names an exact date; promises never do
	// (rule S6).
	ExactDate
	// DeliveryGuarantee: the promise guarantees a delivery time; no
	// delivery time is ever guaranteed (rules S6, S8).
	DeliveryGuarantee
	// EarlierThanHonest: the promise is earlier than the shop can honestly
	// keep.
	EarlierThanHonest
	// NotAwaitingPayment: the order is not waiting for payment.
	NotAwaitingPayment
	// BuyerOffline: the buyer is not online to read a reminder (rule S10).
	BuyerOffline
	// AlreadyReminded: the order already had a payment reminder today.
	AlreadyReminded
	// ShipsTodayIfPaid: paid now, the order ships today (rule S10).
	ShipsTodayIfPaid

	// Parcels (rules S7, S8).

	// WithinWindow: not dispatched yet, but still within the promised
	// dispatch window.
	WithinWindow
	// PastWindow: not dispatched and the promised dispatch window has
	// passed: the shop is late.
	PastWindow
	// NoTracking: dispatched, but no courier scan has appeared.
	NoTracking
	// NoMovement: the courier's tracking has not moved for longer than
	// the policy allows.
	NoMovement
	// CourierReported: the courier itself reported the parcel lost or
	// damaged.
	CourierReported
	// NoUpdateForLong: no tracking update for so long that the parcel is
	// treated as lost.
	NoUpdateForLong
	// OrderHeld: the order is held back from dispatch (PAID_FORBID_CONSIGN)
	// while something is settled; the warehouse must not be pushed to ship
	// it.
	OrderHeld
	// TooEarly: the dispatch cutoff is not near yet; payment reminders go
	// out in the span before it ([Policy.ReminderLead], rule S10).
	TooEarly
	numReasons
)

var reasonNames = []string{
	ReasonUnknown:           "",
	BelowThreshold:          "below_threshold",
	BelowQuantity:           "below_quantity",
	ExcludedRegion:          "excluded_region",
	ExcludedSKU:             "excluded_sku",
	RegionMissing:           "region_missing",
	FreeShippingOff:         "free_shipping_off",
	PromotionRules:          "promotion_rules",
	PostageOvercharged:      "postage_overcharged",
	PostageUndercharged:     "postage_undercharged",
	PostageMissing:          "postage_missing",
	PreferredCarrier:        "preferred_carrier",
	DefaultCarrier:          "default_carrier",
	FallbackCarrier:         "fallback_carrier",
	CarrierNotServing:       "carrier_not_serving",
	SFOnly:                  "sf_only",
	OutOfArea:               "out_of_area",
	PriceDifference:         "price_difference",
	FreightCollect:          "freight_collect",
	TransitWarehouseAddress: "transit_warehouse",
	CutoffPassed:            "cutoff_passed",
	NonWorkingDay:           "non_working_day",
	BigPromotion:            "big_promotion",
	ExactDate:               "exact_date",
	DeliveryGuarantee:       "delivery_guarantee",
	EarlierThanHonest:       "earlier_than_honest",
	NotAwaitingPayment:      "not_awaiting_payment",
	BuyerOffline:            "buyer_offline",
	AlreadyReminded:         "already_reminded",
	ShipsTodayIfPaid:        "ships_today_if_paid",
	WithinWindow:            "within_window",
	PastWindow:              "past_window",
	NoTracking:              "no_tracking",
	NoMovement:              "no_movement",
	CourierReported:         "courier_reported",
	NoUpdateForLong:         "no_update_for_long",
	OrderHeld:               "order_held",
	TooEarly:                "too_early",
}

// Reasons returns every reason code, in order.
func Reasons() []Reason {
	out := make([]Reason, 0, numReasons-1)
	for r := Reason(1); r < numReasons; r++ {
		out = append(out, r)
	}
	return out
}

// ParseReason returns the reason with the snake_case name s; an unknown
// name is an error wrapping [ErrUnknownReason].
func ParseReason(s string) (Reason, error) {
	if i, ok := enum.Index(reasonNames, s); ok {
		return Reason(i), nil
	}
	return ReasonUnknown, fieldErr("reason", s, ErrUnknownReason, "")
}

// String returns the snake_case name, or "Reason(N)" out of range.
func (r Reason) String() string { return enum.Name(reasonNames, int(r), "Reason") }

// IsValid reports whether r is a known reason.
func (r Reason) IsValid() bool { return r > ReasonUnknown && r < numReasons }

// MarshalText returns the snake_case name; an invalid reason is an error.
func (r Reason) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fieldErr("reason", r.String(), ErrUnknownReason, "")
	}
	return []byte(reasonNames[r]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseReason].
func (r *Reason) UnmarshalText(b []byte) error {
	v, err := ParseReason(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ReasonSet is a set of [Reason] codes: an [order.Set], kefu's one set
// type. The zero value is empty; a set is a plain integer, so decisions
// carrying one never allocate. It prints as "[below_threshold
// excluded_region]" and encodes in JSON as a list of names; an unknown
// name decodes as an error wrapping [ErrUnknownReason].
type ReasonSet = order.Set[Reason]
