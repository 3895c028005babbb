package order

import (
	"time"

	"github.com/kefu-go/kefu/internal/enum"
)

// Category is a kind of problem order (问题订单, rule O2): an order that
// must be pulled out, confirmed or fixed before it ships. The zero value,
// [CategoryUnknown], is not a category. The text form is snake_case.
type Category uint8

// Problem categories, as DOMAIN.md rule O2 names them.
const (
	CategoryUnknown Category = iota
	// MultipleAddresses: the buyer has several open orders with different
	// addresses; confirm which one, by phone if needed (rule S4).
	MultipleAddresses
	// UnknownAddress: the address is unknown or incomplete.
	UnknownAddress
	// OutOfArea: the address is outside the carriers' delivery area.
	OutOfArea
	// OutOfStock: real stock cannot cover the order (rule O8).
	OutOfStock
	// PostageWrong: postage charged that should not have been, or an order
	// that is not eligible for free shipping (rules S1, S2).
	PostageWrong
	// UnsatisfiableMessage: the buyer's message asks for something the
	// shop cannot do.
	UnsatisfiableMessage
	// CODUnconfirmed: a cash-on-delivery order the buyer has not confirmed
	// (rule S9).
	CODUnconfirmed
	// TransitWarehouse: the address is a courier's transit warehouse, not a
	// delivery address (rule S4).
	TransitWarehouse
	// NeedsSF: a Hong Kong, Macao or Taiwan order that is not going with
	// SF Express (rule S3).
	NeedsSF
	// RepeatOrder: repeat or impulse orders whose intent must be confirmed
	// (rule O6).
	RepeatOrder
	// AfterSalesPending: an after-sales matter left waiting — a refund
	// past its due time, returned goods not refunded, an exchange waiting
	// on the buyer's goods (rules R4, R6); package refund contributes the
	// checks.
	AfterSalesPending
	numCategories
)

var categoryNames = []string{
	CategoryUnknown:      "",
	MultipleAddresses:    "multiple_addresses",
	UnknownAddress:       "unknown_address",
	OutOfArea:            "out_of_area",
	OutOfStock:           "out_of_stock",
	PostageWrong:         "postage_wrong",
	UnsatisfiableMessage: "unsatisfiable_message",
	CODUnconfirmed:       "cod_unconfirmed",
	TransitWarehouse:     "transit_warehouse",
	NeedsSF:              "needs_sf",
	RepeatOrder:          "repeat_order",
	AfterSalesPending:    "after_sales_pending",
}

// Categories returns every problem category, in order.
func Categories() []Category {
	out := make([]Category, 0, numCategories-1)
	for c := Category(1); c < numCategories; c++ {
		out = append(out, c)
	}
	return out
}

// ParseCategory returns the category with the snake_case name s; an
// unknown name is an error wrapping [ErrUnknownCategory].
func ParseCategory(s string) (Category, error) {
	if i, ok := enum.Index(categoryNames, s); ok {
		return Category(i), nil
	}
	return CategoryUnknown, fieldErr("category", s, ErrUnknownCategory, "")
}

// String returns the snake_case name, or "Category(N)" out of range.
func (c Category) String() string { return enum.Name(categoryNames, int(c), "Category") }

// IsValid reports whether c is a known category.
func (c Category) IsValid() bool { return c > CategoryUnknown && c < numCategories }

// MarshalText returns the snake_case name; an invalid category is an error.
func (c Category) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fieldErr("category", c.String(), ErrUnknownCategory, "")
	}
	return []byte(categoryNames[c]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseCategory].
func (c *Category) UnmarshalText(b []byte) error {
	v, err := ParseCategory(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// CategorySet is a set of [Category] values: the zero value is empty, a
// set is a plain integer and never allocates, and its JSON is a list of
// names (["out_of_area","needs_sf"]; an unknown name is an error wrapping
// [ErrUnknownCategory]).
type CategorySet = Set[Category]

// Problem is one thing a [Check] found wrong with an order. In JSON:
//
//	{"category":"postage_wrong","reason":"shipping.postage_overcharged"}
type Problem struct {
	Category Category `json:"category"`
	// Reason says why, more precisely than the category, as a typed
	// [Code] of the package that defined it ("order.stock_short",
	// "shipping.no_sf_carrier") that message catalogs translate for staff
	// and buyers. Checks keep their codes in tables (or convert their
	// Reason values) so that reporting a problem does not allocate.
	Reason Code `json:"reason"`
}

// UnmarshalJSON decodes {"category","reason"} strictly: an unknown key,
// category or code is an error, and so is a missing one. On error p is
// unchanged.
func (p *Problem) UnmarshalJSON(b []byte) error {
	var n Problem
	if err := decodeObject("", b, []member{{"category", &n.Category}, {"reason", &n.Reason}}); err != nil || isNull(b) {
		return err
	}
	switch {
	case !n.Category.IsValid():
		return fieldErr("category", "", ErrMissing, "")
	case n.Reason.IsZero():
		return fieldErr("reason", "", ErrMissing, "")
	}
	*p = n
	return nil
}

// Check is the contract of a problem-order check (rule O2). Packages that
// own a rule contribute checks — shipping contributes out-of-area, postage,
// SF-only, transit-warehouse and requested-carrier checks — and a batch
// triage runs them all.
//
// Implementations must be safe for concurrent use, must not modify o or
// keep o or dst after returning, and should not allocate when they find
// nothing.
type Check interface {
	// Name is a stable snake_case identifier of the check, prefixed with
	// its package: "shipping.out_of_area".
	Name() string
	// Inspect appends to dst what it finds wrong with o at now, and returns
	// the extended slice. A problem's Category must be valid and its
	// Reason a [Code] (made with [NewCode] or a package's Reason.Code, so
	// it is well formed); the triage refuses a zero one.
	Inspect(dst []Problem, o *Order, now time.Time) []Problem
}

// AfterSaleCheck is a [Check] that also inspects orders the lifecycle has
// finished or closed: after-sales problems — a refund promised and not
// paid, returned goods not refunded, an exchange waiting on its return —
// arise on finished trades, which the other checks skip. The triage runs
// a check whose AfterSale reports true on every order of the batch (open
// ones too); refund's checks are such checks.
type AfterSaleCheck interface {
	Check
	// AfterSale reports whether the check inspects finished and closed
	// orders too.
	AfterSale() bool
}

// afterSale reports whether c is an [AfterSaleCheck] that says so.
func afterSale(c Check) bool {
	a, ok := c.(AfterSaleCheck)
	return ok && a.AfterSale()
}
