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

// CategorySet is a set of [Category] values. The zero value is empty; sets
// are plain integers and never allocate.
type CategorySet uint64

// Has reports whether c is in the set.
func (s CategorySet) Has(c Category) bool { return enum.Has(uint64(s), c) }

// With returns the set with c added.
func (s CategorySet) With(c Category) CategorySet { return CategorySet(enum.With(uint64(s), c)) }

// Len returns the number of categories in the set.
func (s CategorySet) Len() int { return enum.Len(uint64(s)) }

// Strings returns the names of the categories in the set, in order.
func (s CategorySet) Strings() []string { return enum.Strings[Category](uint64(s)) }

// String renders the set as "[out_of_area needs_sf]".
func (s CategorySet) String() string { return enum.String[Category](uint64(s)) }

// MarshalJSON encodes the set as a list of names: ["out_of_area"].
func (s CategorySet) MarshalJSON() ([]byte, error) { return marshalSet[Category](uint64(s)) }

// UnmarshalJSON decodes a list of names; an unknown name is an error
// wrapping [ErrUnknownCategory] and leaves s unchanged.
func (s *CategorySet) UnmarshalJSON(b []byte) error { return unmarshalSet[Category](b, (*uint64)(s)) }

// Problem is one thing a [Check] found wrong with an order.
type Problem struct {
	Category Category `json:"category"`
	// Reason says why, more precisely than the category, as a stable
	// snake_case code ("excluded_region", "carrier_not_sf") that message
	// catalogs translate for staff and buyers: 1 to 64 bytes of a–z, 0–9
	// and "_", starting with a letter. Checks use string constants so that
	// reporting a problem does not allocate.
	Reason string `json:"reason"`
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
	// Reason a snake_case code; the triage refuses anything else.
	Inspect(dst []Problem, o *Order, now time.Time) []Problem
}
