package order

import "github.com/kefu-go/kefu/internal/enum"

// Reason is a stable code for why an order operation decided what it did:
// why an order is a problem order ([Problem].Reason holds its text), why a
// cash-on-delivery order cannot ship, why an oversold order gets no stock,
// what a slow review is due for. Message catalogs translate the codes for
// staff and buyers; the snake_case text never changes once released.
//
// The zero value, [ReasonUnknown], is not a reason.
type Reason uint8

// Reasons the order package's own checks and decisions give.
const (
	ReasonUnknown Reason = iota

	// BuyerAddressesDiffer: the buyer has other pending orders with a
	// different address (category [MultipleAddresses], rule S4).
	BuyerAddressesDiffer
	// AddressUnknown: the address lacks the region or the street detail,
	// so nobody can tell where it is ([UnknownAddress], rule S4).
	AddressUnknown
	// AddressIncomplete: the address lacks a part a delivery needs — the
	// recipient, phone, city or district ([UnknownAddress], rule S4).
	AddressIncomplete
	// StockShort: real stock does not cover a line ([OutOfStock], rule O8).
	StockShort
	// MessageExactDate: the buyer asks for an exact delivery date or time,
	// which the shop never promises ([UnsatisfiableMessage], rule S6).
	MessageExactDate
	// MessageCashBack: the buyer asks for cash back, e.g. for a good
	// review, which the shop never offers ([UnsatisfiableMessage], rule R8).
	MessageCashBack
	// MessageUnsatisfiable: the buyer's message matches a request the shop
	// has listed as one it cannot satisfy ([UnsatisfiableMessage]).
	MessageUnsatisfiable
	// CODUnconfirmedReason: a cash-on-delivery order the buyer has not yet
	// confirmed ([CODUnconfirmed], rule S9).
	CODUnconfirmedReason
	// CODConfirmationOverdue: the buyer has not confirmed a cash-on-delivery
	// order within the policy's time; re-order with online payment (rule S9).
	CODConfirmationOverdue
	// RepeatSKU: another pending order of the same buyer, placed within the
	// policy's RepeatWithin, holds the same SKU ([RepeatOrder], rule O6).
	RepeatSKU

	// NotCOD: the order is paid online; the cash-on-delivery rule does not
	// apply.
	NotCOD
	// CODConfirmed: the buyer has confirmed cash on delivery (rule S9).
	CODConfirmed
	// NotPending: the order is not awaiting dispatch (already dispatched,
	// unpaid or closed); there is nothing to decide.
	NotPending

	// Oversold: the paid orders ask for more units than real stock holds
	// (rule O3).
	Oversold
	// StockExhausted: no real stock is left once the paid orders are
	// served; the listed stock must be set to zero (rule O3).
	StockExhausted
	// PromotionItem: the item was sold in a promotion; a buyer left short
	// is owed a compensation request to the store manager (rule P5),
	// unless they neither paid nor confirmed cash on delivery (rule S9).
	PromotionItem
	// PaidLater: other buyers paid earlier and took the stock (rule O3):
	// an [Allocation] left short, or an [OutOfStock] problem in a triage.
	PaidLater

	// SlowReviewOpenedToday: a slow review opened today is dealt with today
	// (rule O5).
	SlowReviewOpenedToday
	// SlowReviewShipDay: it is the day the order must ship even if the buyer
	// was never reached (rule O5).
	SlowReviewShipDay
	// SlowReviewOverdue: the must-ship day has passed (rule O5).
	SlowReviewOverdue
	// SlowReviewSingleItemOutOfStock: the order holds a single item and it
	// is out of stock, so it need not ship by the deadline (rule O5).
	SlowReviewSingleItemOutOfStock
	// NotUnderSlowReview: the order is not under slow review.
	NotUnderSlowReview
	// SlowReviewBuyerReached: a contact reached the buyer; no more
	// attempts are due and the ship-by deadline does not bind (rule O5).
	SlowReviewBuyerReached
	numReasons
)

var reasonNames = []string{
	ReasonUnknown:                  "",
	BuyerAddressesDiffer:           "buyer_addresses_differ",
	AddressUnknown:                 "address_unknown",
	AddressIncomplete:              "address_incomplete",
	StockShort:                     "stock_short",
	MessageExactDate:               "message_exact_date",
	MessageCashBack:                "message_cash_back",
	MessageUnsatisfiable:           "message_unsatisfiable",
	CODUnconfirmedReason:           "cod_unconfirmed",
	CODConfirmationOverdue:         "cod_confirmation_overdue",
	RepeatSKU:                      "repeat_sku",
	NotCOD:                         "not_cod",
	CODConfirmed:                   "cod_confirmed",
	NotPending:                     "not_pending",
	Oversold:                       "oversold",
	StockExhausted:                 "stock_exhausted",
	PromotionItem:                  "promotion_item",
	PaidLater:                      "paid_later",
	SlowReviewOpenedToday:          "slow_review_opened_today",
	SlowReviewShipDay:              "slow_review_ship_day",
	SlowReviewOverdue:              "slow_review_overdue",
	SlowReviewSingleItemOutOfStock: "slow_review_single_item_out_of_stock",
	NotUnderSlowReview:             "not_under_slow_review",
	SlowReviewBuyerReached:         "slow_review_buyer_reached",
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

// String returns the snake_case name, or "Reason(N)" out of range. It does
// not allocate for a valid reason.
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

// ReasonSet is a set of [Reason]s: the zero value is empty, a set is a
// plain integer and never allocates, and its JSON is a list of codes
// (["oversold","stock_exhausted"]; an unknown code is an error wrapping
// [ErrUnknownReason]).
type ReasonSet = Set[Reason]
