package order

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/yuan"
)

// Remedy is what a buyer whose order cannot be served from stock is
// offered (rule O3). The zero value, [RemedyUnknown], is not a remedy.
type Remedy uint8

// Remedies, in the order they are offered.
const (
	RemedyUnknown Remedy = iota
	// RemedyRefund: refund the units that cannot ship (for an order paid
	// online).
	RemedyRefund
	// RemedySubstitute: switch the units to another item the buyer picks.
	RemedySubstitute
	// RemedyClose: close the order (a cash-on-delivery order, where
	// nothing has been paid).
	RemedyClose
	numRemedies
)

var remedyNames = []string{"", "refund", "substitute", "close"}

// String returns the snake_case name, or "Remedy(N)" out of range.
func (r Remedy) String() string { return enum.Name(remedyNames, int(r), "Remedy") }

// IsValid reports whether r is a known remedy.
func (r Remedy) IsValid() bool { return r > RemedyUnknown && r < numRemedies }

// MarshalText returns the snake_case name; an invalid remedy is an error
// wrapping [ErrUnknownCode].
func (r Remedy) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fieldErr("remedy", r.String(), ErrUnknownCode, "")
	}
	return []byte(remedyNames[r]), nil
}

// UnmarshalText accepts the snake_case names; anything else is an error
// wrapping [ErrUnknownCode].
func (r *Remedy) UnmarshalText(b []byte) error {
	i, ok := enum.Index(remedyNames, string(b))
	if !ok {
		return fieldErr("remedy", string(b), ErrUnknownCode, "")
	}
	*r = Remedy(i)
	return nil
}

// RemedySet is a set of [Remedy] values: the zero value is empty, and its
// JSON is a list of names (["refund","substitute"]; an unknown name is an
// error wrapping [ErrUnknownCode]).
type RemedySet = Set[Remedy]

// OversellRequest is an item that may be oversold: its SKU, a snapshot of
// real stock (rule O8) and the orders holding it that wait to ship. It is
// the input of one call, built from the backend's own data, not a value to
// store: it has no JSON form.
type OversellRequest struct {
	SKU    string
	Stock  Stock
	Orders []*Order
	// Promotion marks an item sold in a promotion: a buyer left short is
	// owed a compensation request to the store manager (rule P5).
	Promotion bool
}

// Allocation is what one order gets in an [OversellPlan].
//
// In JSON it names its order by ID only (rule O7; see
// [Allocation.MarshalJSON]); an allocation decoded from JSON has a nil
// Order and its ID in [Allocation.OrderID].
type Allocation struct {
	// Order is the order; nil in an allocation decoded from JSON.
	Order     *Order
	Ordered   int // units of the SKU the order holds
	Allocated int // units real stock covers; they ship
	// Offers lists the remedies for the units not allocated: refund or
	// another item for an order paid online, another item or closing the
	// order for cash on delivery. Empty when the order is served in full.
	Offers RemedySet
	// RequestCompensation asks the store manager for a compensation for
	// the buyer: set for a promotion item when the order is left short
	// (rule P5) — unless it is a cash-on-delivery order the buyer has not
	// confirmed: that buyer has paid nothing and is owed nothing (rule
	// S9); the order is switched or closed. Pricing turns the request into
	// a concession.
	RequestCompensation bool
	Reasons             ReasonSet
	unitFen             int64
	orderID             string // the order's ID when decoded from JSON
}

// OrderID returns the ID of the allocation's order: Order's ID, or the ID
// an allocation decoded from JSON carries; "" when it has neither.
func (a Allocation) OrderID() string {
	if a.Order != nil {
		return a.Order.id
	}
	return a.orderID
}

// Short returns the units not allocated.
func (a Allocation) Short() int { return a.Ordered - a.Allocated }

// Full reports whether the order is served in full.
func (a Allocation) Full() bool { return a.Allocated == a.Ordered }

// ShortValue returns the goods value of the units not allocated, at the
// line's unit price (order-level discounts are not spread; a refund
// decides that). It is zero for an order served in full.
func (a Allocation) ShortValue() decimal.Decimal { return yuan.Dec(a.shortFen()) }

// shortFen returns [Allocation.ShortValue] in fen.
func (a Allocation) shortFen() int64 {
	f, _ := yuan.Mul(a.unitFen, a.Short()) // both bounded by New or the JSON decoder: cannot fail
	return f
}

// OversellPlan is what to do when paid orders compete for the last units
// of an item (rules O3, P5). It encodes in JSON with snake_case keys and
// its allocations' orders by ID only (see [OversellPlan.MarshalJSON]), and
// decodes back for a backend that stores it.
type OversellPlan struct {
	SKU    string // normalised
	OnHand int    // real stock before allocation
	Demand int    // units the orders ask for
	// Allocations holds every order in the order stock is allocated:
	// by payment time (for cash on delivery, the buyer's confirmation),
	// then by order ID; unconfirmed cash-on-delivery orders come last, by
	// the time they were placed.
	Allocations []Allocation
	// SetListedStockZero is the action to set the item's listed stock to
	// zero at once, so that it is delisted and no more buyers pay for
	// units that do not exist (rule O3). Set when no real stock is left.
	SetListedStockZero bool
	// CompensationTo is who receives the compensation requests:
	// [StoreManager] when any allocation has RequestCompensation, else
	// [RoleUnknown] (rule P5).
	CompensationTo Role
	Reasons        ReasonSet
}

// Oversold reports whether the orders ask for more than real stock holds.
func (p OversellPlan) Oversold() bool { return p.Demand > p.OnHand }

// Oversell allocates the real stock of an item to the orders that paid
// for it (rule O3): by payment time, each order gets what it asks for or
// what is left, so that an earlier payer is never passed over for a later
// one. An order left short is offered a refund or another item (closing or
// another item for cash on delivery); for a promotion item a compensation
// request goes to the store manager (rule P5), for every buyer who paid
// or confirmed cash on delivery. When no real stock is
// left, the plan sets the listed stock to zero. Cash-on-delivery orders
// the buyer has not confirmed come after every other order, whatever
// their time, and carry [CODUnconfirmedReason]: what they get is reserved
// until the buyer confirms (rule S9), and one left short is owed no
// compensation, since its buyer has paid nothing; once the buyer
// confirms, a new plan ranks the order with the others.
//
// Bad input is an error and no plan: a SKU that is not a SKU
// ([ErrInvalidSKU]) or that the snapshot does not count ([ErrUnknownSKU]);
// a nil or zero order ([ErrNilOrder], [ErrMissing]); an order twice
// ([ErrDuplicateOrder]); an order without the SKU ([ErrUnknownSKU]); an
// order not awaiting dispatch or held ([ErrNotPending]).
func Oversell(req OversellRequest) (OversellPlan, error) {
	sku, err := NormalizeSKU(req.SKU)
	if err != nil {
		return OversellPlan{}, err
	}
	onHand, _, ok := req.Stock.lookup(sku)
	if !ok {
		return OversellPlan{}, fieldErr("sku", req.SKU, ErrUnknownSKU, "not in the stock snapshot")
	}
	plan := OversellPlan{SKU: sku, OnHand: onHand, Allocations: make([]Allocation, 0, len(req.Orders))}
	type ranked struct {
		tier uint8
		at   time.Time
	}
	ranks := make(map[*Order]ranked, len(req.Orders))
	seen := make(map[string]int, len(req.Orders))
	for i, o := range req.Orders {
		field := "orders[" + strconv.Itoa(i) + "]"
		switch {
		case o == nil:
			return OversellPlan{}, fieldErr(field, "", ErrNilOrder, "")
		case o.IsZero():
			return OversellPlan{}, fieldErr(field, "", ErrMissing, "the zero Order is not an order")
		case o.status != AwaitingDispatch && o.status != Held:
			return OversellPlan{}, fieldErr(field, o.id, ErrNotPending, "status "+o.status.String())
		}
		if j, dup := seen[o.id]; dup {
			return OversellPlan{}, fieldErr(field, o.id, ErrDuplicateOrder, "same ID as orders["+strconv.Itoa(j)+"]")
		}
		seen[o.id] = i
		var line *Line
		for k := range o.lines {
			if o.lines[k].SKU == sku {
				line = &o.lines[k]
				break
			}
		}
		if line == nil {
			return OversellPlan{}, fieldErr(field, o.id, ErrUnknownSKU, "the order has no line "+strconv.Quote(sku))
		}
		unit, _ := yuan.Fen(line.UnitPrice)
		plan.Demand += line.Quantity
		tier, at := o.allocRank()
		ranks[o] = ranked{tier, at}
		plan.Allocations = append(plan.Allocations, Allocation{Order: o, Ordered: line.Quantity, unitFen: unit})
	}
	slices.SortFunc(plan.Allocations, func(a, b Allocation) int {
		ra, rb := ranks[a.Order], ranks[b.Order]
		if c := cmp.Compare(ra.tier, rb.tier); c != 0 {
			return c
		}
		if c := ra.at.Compare(rb.at); c != 0 {
			return c
		}
		return strings.Compare(a.Order.id, b.Order.id)
	})

	left := onHand
	if plan.Oversold() {
		plan.Reasons = plan.Reasons.With(Oversold)
	}
	for i := range plan.Allocations {
		a := &plan.Allocations[i]
		unconfirmed := ranks[a.Order].tier == 1
		if unconfirmed {
			a.Reasons = a.Reasons.With(CODUnconfirmedReason)
		}
		a.Allocated = min(a.Ordered, left)
		left -= a.Allocated
		if a.Full() {
			continue
		}
		a.Reasons = a.Reasons.With(PaidLater)
		if a.Order.payment == CashOnDelivery {
			a.Offers = a.Offers.With(RemedySubstitute).With(RemedyClose)
		} else {
			a.Offers = a.Offers.With(RemedyRefund).With(RemedySubstitute)
		}
		if req.Promotion && !unconfirmed {
			// Rules P5, S9: a buyer who neither paid nor confirmed cash on
			// delivery has paid nothing and is owed no compensation.
			a.RequestCompensation = true
			a.Reasons = a.Reasons.With(PromotionItem)
			plan.CompensationTo = StoreManager
			plan.Reasons = plan.Reasons.With(PromotionItem)
		}
	}
	if left == 0 {
		plan.SetListedStockZero = true
		plan.Reasons = plan.Reasons.With(StockExhausted)
	}
	return plan, nil
}

// allocRank returns where o stands when real stock is allocated by payment
// time (rules O3, S9): tier 0 for orders paid online or cash-on-delivery
// orders the buyer confirmed, at the payment or confirmation time; tier 1
// for unconfirmed cash on delivery and tier 2 for unpaid orders, at the
// time they were placed.
func (o *Order) allocRank() (tier uint8, at time.Time) {
	switch {
	case !o.status.Paid():
		return 2, o.created
	case o.payment == CashOnDelivery && o.codConfirmed.IsZero():
		return 1, o.created
	case o.payment == CashOnDelivery:
		return 0, o.codConfirmed
	}
	return 0, o.paid0
}
