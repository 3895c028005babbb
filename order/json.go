package order

import (
	"encoding/json"
	"time"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/yuan"
)

// This file gives the order's values their JSON form: snake_case keys,
// codes as text, money as text with two decimals ("49.50"), times in RFC
// 3339 with unset ones left out. Every decoder here is strict — a key the
// type does not have is refused and named ([ErrUnknownField]: a misspelled
// "discont" never decodes to a zero discount), so is a key twice, amounts
// are exact text with at most two decimals ("128.505" is refused, never
// rounded), read without decimal's parser — and leaves its target
// unchanged on error. Decoding checks the JSON; [New] checks the order.

type lineJSON struct {
	SKU         string `json:"sku"`
	Title       string `json:"title,omitempty"`
	Quantity    int    `json:"quantity"`
	UnitPrice   fixed2 `json:"unit_price"`
	WeightGrams int    `json:"weight_grams,omitempty"`
	Gift        bool   `json:"gift,omitempty"`
}

// MarshalJSON encodes the line with its unit price as text with two
// decimals:
//
//	{"sku":"TEA-01","title":"龙井 250g","quantity":2,"unit_price":"49.50","weight_grams":300}
//
// A price with a digit below the fen is an error wrapping
// [ErrInvalidAmount] (kefu never rounds it); a line of an [Order] always
// encodes.
func (l Line) MarshalJSON() ([]byte, error) {
	return json.Marshal(lineJSON{l.SKU, l.Title, l.Quantity, fixed2(l.UnitPrice), l.WeightGrams, l.Gift})
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly; the unit price
// may also be a bare number. The line is not checked beyond its JSON
// (quantities, SKUs and prices are [New]'s to check). On error l is
// unchanged.
func (l *Line) UnmarshalJSON(b []byte) error {
	var n Line
	if err := n.decodeJSON(b); err != nil || isNull(b) {
		return err
	}
	*l = n
	return nil
}

// decodeJSON is [Line.UnmarshalJSON] without its copy: it decodes b
// straight into l, which on error holds part of it — for decoders that
// decode into a value of their own and drop it on error (a Spec's lines).
func (l *Line) decodeJSON(b []byte) error {
	if !isNull(b) {
		*l = Line{UnitPrice: yuan.Dec(0)} // an absent price is 0.00
	}
	return decodeObject("", b, []member{
		{"sku", &l.SKU}, {"title", &l.Title}, {"quantity", &l.Quantity},
		{"unit_price", (*yuanDec)(&l.UnitPrice)}, {"weight_grams", &l.WeightGrams}, {"gift", &l.Gift},
	})
}

// UnmarshalJSON decodes {"id","nick"} strictly, the ID through kefu's
// identity rule ([CanonicalID]): one with an invisible or direction
// character or a space inside is [ErrInvalidText]. An empty ID decodes as
// empty ([New] requires one). On error b is unchanged.
func (b *Buyer) UnmarshalJSON(data []byte) error {
	var n Buyer
	if err := n.decodeJSON(data); err != nil || isNull(data) {
		return err
	}
	*b = n
	return nil
}

// decodeJSON is [Buyer.UnmarshalJSON] straight into b, as
// [Line.decodeJSON] is for a line.
func (b *Buyer) decodeJSON(data []byte) error {
	if err := decodeObject("", data, []member{{"id", &b.ID}, {"nick", &b.Nick}}); err != nil || isNull(data) {
		return err
	}
	id, p := textnorm.ID(b.ID)
	switch p {
	case textnorm.IDOK, textnorm.IDEmpty:
		b.ID = id
	default:
		return fieldErr("id", b.ID, ErrInvalidText, p.Detail())
	}
	return nil
}

// UnmarshalJSON decodes the address's parts strictly; an unknown region
// name is [ErrUnknownRegion]. The parts are not normalised: that is
// [NormalizeAddress]'s (and [New]'s) work. On error a is unchanged.
func (a *Address) UnmarshalJSON(b []byte) error {
	var n Address
	if err := n.decodeJSON(b); err != nil || isNull(b) {
		return err
	}
	*a = n
	return nil
}

// decodeJSON is [Address.UnmarshalJSON] straight into a, as
// [Line.decodeJSON] is for a line.
func (a *Address) decodeJSON(b []byte) error {
	return decodeObject("", b, []member{
		{"recipient", &a.Recipient}, {"phone", &a.Phone}, {"province", &a.Province},
		{"city", &a.City}, {"district", &a.District}, {"detail", &a.Detail}, {"region", &a.Region},
	})
}

// The members of a Spec that decode straight into their place in the
// Spec being decoded, which is dropped on error ([Line.decodeJSON]).
type (
	buyerInPlace   Buyer
	addressInPlace Address
)

func (b *buyerInPlace) UnmarshalJSON(data []byte) error { return (*Buyer)(b).decodeJSON(data) }
func (a *addressInPlace) UnmarshalJSON(b []byte) error  { return (*Address)(a).decodeJSON(b) }

// UnmarshalJSON decodes {"id","name","role"} strictly and returns the
// agent as [Agent.Normalize] does: the ID canonical, the name normalised,
// the role known — or the error of [Agent.Validate]. On error a is
// unchanged.
func (a *Agent) UnmarshalJSON(b []byte) error {
	var n Agent
	err := decodeObject("", b, []member{{"id", &n.ID}, {"name", &n.Name}, {"role", &n.Role}})
	if err != nil || isNull(b) {
		return err
	}
	n, err = n.Normalize()
	if err != nil {
		return err
	}
	*a = n
	return nil
}

// lineList decodes the lines of a Spec one by one, naming each in errors
// ("lines[1].unit_price") and refusing more than an order may hold.
type lineList []Line

func (l *lineList) UnmarshalJSON(b []byte) error {
	lines, err := decodeArray(b, maxLines, func(raw []byte, v *Line) error { return v.decodeJSON(raw) })
	if err != nil {
		return err
	}
	*l = lines
	return nil
}

// specJSON is Spec with money that encodes with two decimals.
type specJSON struct {
	ID       string  `json:"id"`
	Buyer    Buyer   `json:"buyer"`
	Lines    []Line  `json:"lines"`
	Address  Address `json:"address"`
	Payment  Payment `json:"payment"`
	Silent   bool    `json:"silent,omitempty"`
	Message  string  `json:"buyer_message,omitempty"`
	Postage  fixed2  `json:"postage"`
	Discount fixed2  `json:"discount"`
	Goods    *fixed2 `json:"goods,omitempty"`
	Paid     *fixed2 `json:"paid,omitempty"`

	Status          Status    `json:"status"`
	CreatedAt       time.Time `json:"created_at"`
	PaidAt          time.Time `json:"paid_at,omitzero"`
	DispatchedAt    time.Time `json:"dispatched_at,omitzero"`
	ReceivedAt      time.Time `json:"received_at,omitzero"`
	ClosedAt        time.Time `json:"closed_at,omitzero"`
	CODConfirmedAt  time.Time `json:"cod_confirmed_at,omitzero"`
	SlowReviewSince time.Time `json:"slow_review_since,omitzero"`
}

// MarshalJSON encodes the Spec with snake_case keys, every amount as text
// with two decimals, the stated totals (goods, paid) only when set, and
// unset times left out. An amount with a digit below the fen, or above
// 10^13 yuan, is an error wrapping [ErrInvalidAmount].
func (s Spec) MarshalJSON() ([]byte, error) {
	w := specJSON{
		ID: s.ID, Buyer: s.Buyer, Lines: s.Lines, Address: s.Address, Payment: s.Payment,
		Silent: s.Silent, Message: s.Message, Postage: fixed2(s.Postage), Discount: fixed2(s.Discount),
		Goods: (*fixed2)(s.Goods), Paid: (*fixed2)(s.Paid), Status: s.Status,
		CreatedAt: s.CreatedAt, PaidAt: s.PaidAt, DispatchedAt: s.DispatchedAt,
		ReceivedAt: s.ReceivedAt, ClosedAt: s.ClosedAt,
		CODConfirmedAt: s.CODConfirmedAt, SlowReviewSince: s.SlowReviewSince,
	}
	if w.Lines == nil {
		w.Lines = []Line{}
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly, so that
// json.Unmarshal(b, &spec) refuses what a backend would otherwise lose
// silently: a key the Spec does not have, named ([ErrUnknownField] for
// "discont"), a key twice, an amount with more than two decimals or above
// 10^13 yuan ([ErrInvalidAmount]), a buyer ID the identity rule refuses,
// an unknown status, payment or region name. Amounts may be text ("49.50",
// as the platform sends them) or bare numbers, and are read without
// decimal's parser, so a megabyte of digits is refused after a length
// check. An absent goods or paid leaves it nil (no stated total). The
// Spec is not checked beyond its JSON: [New] does that. On error s is
// unchanged.
func (s *Spec) UnmarshalJSON(b []byte) error {
	// One object for the members' targets, which the decoders keep
	// pointers to: the Spec and its stated totals. Its parts decode
	// straight into it; an absent postage or discount is 0.00.
	var v struct {
		n           Spec
		goods, paid amountJSON
	}
	n, goods, paid := &v.n, &v.goods, &v.paid
	n.Postage, n.Discount = yuan.Dec(0), yuan.Dec(0)
	err := decodeObject("", b, []member{
		{"id", &n.ID}, {"buyer", (*buyerInPlace)(&n.Buyer)}, {"lines", (*lineList)(&n.Lines)},
		{"address", (*addressInPlace)(&n.Address)},
		{"payment", &n.Payment}, {"silent", &n.Silent}, {"buyer_message", &n.Message},
		{"postage", (*yuanDec)(&n.Postage)}, {"discount", (*yuanDec)(&n.Discount)}, {"goods", goods}, {"paid", paid},
		{"status", &n.Status}, {"created_at", &n.CreatedAt}, {"paid_at", &n.PaidAt},
		{"dispatched_at", &n.DispatchedAt}, {"received_at", &n.ReceivedAt}, {"closed_at", &n.ClosedAt},
		{"cod_confirmed_at", &n.CODConfirmedAt}, {"slow_review_since", &n.SlowReviewSince},
	})
	if err != nil || isNull(b) {
		return err
	}
	n.Goods, n.Paid = goods.ptr(), paid.ptr()
	*s = *n
	return nil
}

// MarshalJSON encodes the order as its [Spec], with the derived goods and
// paid amounts stated for readers of the JSON (decoding checks them
// against the lines, as it checks any stated total), every amount as text
// with two decimals:
//
//	{"id":"T1001","buyer":{"id":"buyer-42","nick":"小王"},"lines":[…],"address":{…},"payment":"online","postage":"10.00","discount":"5.00","goods":"99.00","paid":"104.00","status":"WAIT_SELLER_SEND_GOODS","created_at":"2026-11-11T09:30:00+08:00","paid_at":"2026-11-11T09:35:00+08:00"}
//
// The zero Order has no JSON form ([ErrMissing]).
func (o Order) MarshalJSON() ([]byte, error) {
	if o.IsZero() {
		return nil, fieldErr("order", "", ErrMissing, "the zero Order has no JSON form")
	}
	s := o.Spec()
	goods, paid := yuan.Dec(o.fen.Goods), yuan.Dec(o.fen.Paid)
	s.Goods, s.Paid = &goods, &paid
	return s.MarshalJSON()
}

// UnmarshalJSON decodes a [Spec] strictly ([Spec.UnmarshalJSON]) and
// builds the order with [New]: every check of New applies, stated totals
// must agree. On error o is left unchanged.
func (o *Order) UnmarshalJSON(b []byte) error {
	var s Spec
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	n, err := New(s)
	if err != nil {
		return err
	}
	*o = n
	return nil
}
