package refund

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// Cause is why goods go back to the shop. The zero value is not a cause.
type Cause uint8

// Causes.
const (
	CauseUnknown Cause = iota
	// Quality: a quality problem ("quality") — the shop's fault.
	Quality
	// WrongItem: the shop sent the wrong item ("wrong_item") — its fault.
	WrongItem
	// Damaged: the item arrived damaged ("damaged") — the shop's fault.
	Damaged
	// NoReason: a seven-day no-reason return ("no_reason").
	NoReason
	// OrderedWrongly: the buyer ordered the wrong item ("ordered_wrongly").
	OrderedWrongly
	numCauses
)

var causeInfo = enumInfo{names: []string{"", "quality", "wrong_item", "damaged", "no_reason", "ordered_wrongly"},
	typ: "Cause", field: "cause", sentinel: ErrUnknownCode}

// String returns the snake_case name, or "Cause(N)" out of range.
func (c Cause) String() string { return causeInfo.name(uint8(c)) }

// IsValid reports whether c is a known cause.
func (c Cause) IsValid() bool { return causeInfo.valid(uint8(c)) }

// ShopAtFault reports whether the shop caused the return: quality, a wrong
// item, a damaged item.
func (c Cause) ShopAtFault() bool { return c == Quality || c == WrongItem || c == Damaged }

// MarshalText returns the snake_case name; an invalid cause is an error.
func (c Cause) MarshalText() ([]byte, error) { return causeInfo.marshal(uint8(c)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownCode].
func (c *Cause) UnmarshalText(b []byte) error { return causeInfo.unmarshal(b, (*uint8)(c)) }

// Payer is who bears a postage leg, as the platform's return agreement
// records it (post_fee_bear_role). The zero value is nobody yet.
type Payer uint8

// Payers.
const (
	PayerUnknown Payer = iota
	Buyer              // "buyer"
	Seller             // "seller": the shop
	numPayers
)

var payerInfo = enumInfo{names: []string{"", "buyer", "seller"}, typ: "Payer", field: "payer", sentinel: ErrUnknownCode}

// String returns "buyer" or "seller", or "Payer(N)" out of range.
func (p Payer) String() string { return payerInfo.name(uint8(p)) }

// IsValid reports whether p is a known payer.
func (p Payer) IsValid() bool { return payerInfo.valid(uint8(p)) }

// MarshalText returns the name; an invalid payer is an error.
func (p Payer) MarshalText() ([]byte, error) { return payerInfo.marshal(uint8(p)) }

// UnmarshalText accepts "buyer" and "seller"; other text is an error
// wrapping [ErrUnknownCode].
func (p *Payer) UnmarshalText(b []byte) error { return payerInfo.unmarshal(b, (*uint8)(p)) }

// ReturnLine is units of one line that go back.
type ReturnLine struct {
	SKU   string `json:"sku"`
	Units int    `json:"units"`
}

// PostageRequest describes a return (or an exchange) for
// [Policy.ReturnPostage].
type PostageRequest struct {
	Order *order.Order
	Cause Cause
	// Exchange: the goods are exchanged for others, not refunded.
	Exchange bool
	// FreeShipping: the items went out free of postage (包邮).
	FreeShipping bool
	// Bargained: free shipping was bargained for (议价包邮) on an item
	// that was not free-shipping.
	Bargained bool
	// Lines are the units that go back; none means the whole order.
	Lines []ReturnLine
	// Shipping is the shop's shipping policy, to find whether what the
	// buyer keeps of a partial return still ships free; nil skips that.
	Shipping *shipping.Policy
}

// PostageChoice is one way of sharing the postage to offer the buyer.
type PostageChoice struct {
	Outbound Payer `json:"outbound"`
	Return   Payer `json:"return"`
	// BestDiscountNextTime: the shop promises its best discount on the
	// buyer's next purchase.
	BestDiscountNextTime bool `json:"best_discount_next_time,omitempty"`
}

// PostageDecision is who bears each postage leg of a return (rules R5,
// S3) and what it does to the refund. It is a plain value.
type PostageDecision struct {
	// Outbound bears the postage of the original delivery: when it is the
	// seller and the buyer paid postage, RefundOutbound gives it back.
	Outbound Payer `json:"outbound"`
	// Return bears the postage of sending the goods back.
	Return Payer `json:"return"`
	// Replacement bears shipping the replacement of an exchange; unset
	// for a return.
	Replacement Payer `json:"replacement,omitzero"`
	// Choices are the two ways to offer, in this order, for a
	// bargained-free-shipping item the buyer ordered wrongly (rule R5):
	// first the buyer bears both legs and gets the best discount next
	// time; if the buyer will not, the buyer bears the return leg only.
	// Outbound and Return are then the first. Nil otherwise.
	Choices []PostageChoice `json:"choices,omitempty"`
	// RefundOutbound is postage the buyer paid that the shop refunds
	// because it bears the outbound leg of a whole-order return.
	RefundOutbound decimal.Decimal `json:"refund_outbound"`
	// Deduct is postage to deduct from the refund: what the rest of the
	// order costs to ship now that the partial return dropped it below the
	// free-shipping threshold ([BelowFreeShipping]; shop policy).
	Deduct decimal.Decimal `json:"deduct"`
	// DeductReturnLeg: the return postage is deducted from the refund — a
	// Hong Kong, Macao or Taiwan return ([SFReturn], rule S3).
	DeductReturnLeg bool `json:"deduct_return_leg,omitempty"`
	// RefundAfterArrival: the refund is made only after the goods arrive
	// back — Hong Kong, Macao and Taiwan (rule S3).
	RefundAfterArrival bool `json:"refund_after_arrival,omitempty"`
	// Reasons say which rule applied: [ShopAtFault],
	// [NoReasonFreeShipping], [NoReasonPostagePaid], [BargainedMistake],
	// [SFReturn], [BelowFreeShipping], [ShopCausedExchange].
	Reasons ReasonSet `json:"reasons"`
}

// ReturnPostage decides who bears each postage leg of a return, by cause,
// as the platform settles it (rule R5):
//
//   - the shop at fault (quality, wrong or damaged item): the seller, both
//     legs — and an exchange the shop caused costs the buyer no return
//     postage and no postage for the replacement;
//   - a seven-day return (or a wrong order) of a free-shipping item: the
//     buyer bears the return leg only;
//   - of an item that was not free-shipping: the buyer bears both legs;
//   - a bargained-free-shipping item the buyer ordered wrongly: exactly two
//     choices to offer (see [PostageDecision.Choices]);
//   - an exchange the buyer caused: the buyer bears the return and the
//     replacement's postage;
//   - Hong Kong, Macao, Taiwan (rule S3): unless the shop is at fault the
//     return postage is deducted, and in every case the refund is made
//     only after the goods arrive;
//   - a partial return that drops what the buyer keeps below the
//     free-shipping threshold (req.Shipping decides): the postage the rest
//     now costs is deducted when the policy says so.
//
// Errors: an invalid policy; a nil order ([ErrMissing]); an unknown cause
// ([ErrUnknownCode]); a return line the order does not have
// ([ErrUnknownLine]), with fewer than 1 unit or more than the line holds
// ([ErrInvalidQuantity], [ErrOverQuantity]), or twice
// ([ErrInconsistent]); an order that was never dispatched
// ([ErrNotReceived]).
func (p Policy) ReturnPostage(req PostageRequest) (PostageDecision, error) {
	pr, err := p.compile()
	if err != nil {
		return PostageDecision{}, err
	}
	o := req.Order
	if o == nil || o.IsZero() {
		return PostageDecision{}, fieldErr("order", "", ErrMissing, "")
	}
	if !req.Cause.IsValid() {
		return PostageDecision{}, fieldErr("cause", req.Cause.String(), ErrUnknownCode, "")
	}
	if !o.Status().Dispatched() {
		return PostageDecision{}, fieldErr("order.status", o.Status().String(), ErrNotReceived, "nothing was dispatched to return")
	}
	back, partial, err := returnedUnits(o, req.Lines)
	if err != nil {
		return PostageDecision{}, err
	}

	d := PostageDecision{RefundOutbound: decimal.Zero, Deduct: decimal.Zero}
	shopFault := req.Cause.ShopAtFault()
	switch {
	case shopFault:
		d.Outbound, d.Return = Seller, Seller
		d.Reasons = d.Reasons.With(ShopAtFault)
		if req.Exchange {
			d.Replacement = Seller
			d.Reasons = d.Reasons.With(ShopCausedExchange)
		}
	case req.Bargained && req.Cause == OrderedWrongly:
		d.Choices = []PostageChoice{
			{Outbound: Buyer, Return: Buyer, BestDiscountNextTime: true},
			{Outbound: Seller, Return: Buyer},
		}
		d.Outbound, d.Return = Buyer, Buyer
		d.Reasons = d.Reasons.With(BargainedMistake)
	case req.FreeShipping || req.Bargained:
		d.Outbound, d.Return = Seller, Buyer
		d.Reasons = d.Reasons.With(NoReasonFreeShipping)
	default:
		d.Outbound, d.Return = Buyer, Buyer
		d.Reasons = d.Reasons.With(NoReasonPostagePaid)
	}
	if req.Exchange && !shopFault {
		d.Replacement = Buyer
	}
	if d.Outbound == Seller && !partial && !req.Exchange && d.Choices == nil {
		d.RefundOutbound = o.Postage()
	}
	if o.Region().HKMOTW() {
		d.RefundAfterArrival = !req.Exchange
		if !shopFault {
			d.DeductReturnLeg = true
			d.Reasons = d.Reasons.With(SFReturn)
		}
	}
	if partial && !req.Exchange && !shopFault && pr.deductRest && req.Shipping != nil {
		cost, err := restPostage(o, back, req.Shipping)
		if err != nil {
			return PostageDecision{}, err
		}
		if cost > 0 {
			d.Deduct = yuan.Dec(cost)
			d.Reasons = d.Reasons.With(BelowFreeShipping)
		}
	}
	return d, nil
}

// returnedUnits checks the return lines against o and returns the units
// going back per line, and whether the return leaves some units with the
// buyer. No lines is the whole order.
func returnedUnits(o *order.Order, lines []ReturnLine) (back []int, partial bool, err error) {
	back = make([]int, o.NumLines())
	if len(lines) == 0 {
		for i := range back {
			back[i] = o.Line(i).Quantity
		}
		return back, false, nil
	}
	seen := make([]bool, o.NumLines())
	for i, rl := range lines {
		field := "lines[" + strconv.Itoa(i) + "]"
		n, err := sku(field+".sku", rl.SKU)
		if err != nil {
			return nil, false, err
		}
		j := -1
		for k := range o.NumLines() {
			if o.Line(k).SKU == n {
				j = k
				break
			}
		}
		switch {
		case j < 0:
			return nil, false, fieldErr(field+".sku", rl.SKU, ErrUnknownLine, "")
		case seen[j]:
			return nil, false, fieldErr(field+".sku", rl.SKU, ErrInconsistent, "the line is listed twice")
		case rl.Units < 1:
			return nil, false, fieldErr(field+".units", strconv.Itoa(rl.Units), ErrInvalidQuantity, "at least 1")
		case rl.Units > o.Line(j).Quantity:
			return nil, false, fieldErr(field+".units", strconv.Itoa(rl.Units), ErrOverQuantity,
				"the line has "+strconv.Itoa(o.Line(j).Quantity))
		}
		seen[j], back[j] = true, rl.Units
	}
	for i := range back {
		if back[i] < o.Line(i).Quantity {
			return back, true, nil
		}
	}
	return back, false, nil
}

// restPostage returns the postage to deduct when o shipped free and what
// the buyer keeps after returning back[i] units of each line no longer
// does: what the shipping policy would charge for the rest. The rest
// keeps its share of the discount as the [Ledger] splits it.
func restPostage(o *order.Order, back []int, ship *shipping.Policy) (int64, error) {
	if !ship.FreeShipping(o).Eligible() {
		return 0, nil
	}
	l, err := NewLedger(o)
	if err != nil {
		return 0, err
	}
	spec := o.Spec()
	spec.Goods, spec.Paid = nil, nil
	var lines []order.Line
	var discount int64
	for i, ln := range spec.Lines {
		lb := &l.b.lines[i]
		keep := ln.Quantity - back[i]
		// The kept units are the last ones: they carry what the line paid
		// beyond the first back[i] units.
		unit, _ := yuan.Fen(ln.UnitPrice)
		keptGoods, _ := yuan.Mul(unit, keep)
		keptPaid := lb.paid - upTo(lb.paid, int64(back[i]), lb.qty)
		discount += keptGoods - keptPaid
		if keep > 0 {
			ln.Quantity = keep
			lines = append(lines, ln)
		}
	}
	if len(lines) == 0 {
		return 0, nil
	}
	spec.Lines, spec.Discount = lines, yuan.Dec(discount)
	rest, err := order.New(spec)
	if err != nil {
		return 0, err
	}
	d := ship.FreeShipping(&rest)
	if d.Eligible() {
		return 0, nil
	}
	f, _ := yuan.Fen(d.ShouldCharge())
	return f, nil
}
