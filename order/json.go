package order

import (
	"encoding/json"

	"github.com/shopspring/decimal"
)

// fixed is a money amount that encodes in JSON with exactly two decimals,
// as the platform carries money ("200.07"), and decodes whatever decimal
// accepts.
type fixed decimal.Decimal

func (f fixed) MarshalJSON() ([]byte, error) {
	return []byte(`"` + decimal.Decimal(f).StringFixed(2) + `"`), nil
}

func (f *fixed) UnmarshalJSON(b []byte) error { return (*decimal.Decimal)(f).UnmarshalJSON(b) }

type lineJSON struct {
	SKU         string `json:"sku"`
	Title       string `json:"title,omitempty"`
	Quantity    int    `json:"quantity"`
	UnitPrice   fixed  `json:"unit_price"`
	WeightGrams int    `json:"weight_grams,omitempty"`
	Gift        bool   `json:"gift,omitempty"`
}

// orderJSON mirrors Spec with money as fixed.
type orderJSON struct {
	Spec
	Lines    []lineJSON `json:"lines"`
	Postage  fixed      `json:"postage"`
	Discount fixed      `json:"discount"`
	Goods    *fixed     `json:"goods,omitempty"`
	Paid     *fixed     `json:"paid,omitempty"`
}

// MarshalJSON encodes the order as its [Spec], with the derived goods and
// paid amounts stated and every amount as text with two decimals.
func (o Order) MarshalJSON() ([]byte, error) {
	if o.IsZero() {
		return nil, fieldErr("order", "", ErrMissing, "the zero Order has no JSON form")
	}
	s := o.Spec()
	s.Goods, s.Paid = &o.goods, &o.paid // derived, for readers of the JSON; decoding checks them
	w := orderJSON{Spec: s, Postage: fixed(s.Postage), Discount: fixed(s.Discount),
		Goods: (*fixed)(s.Goods), Paid: (*fixed)(s.Paid)}
	w.Spec.Lines = nil
	w.Lines = make([]lineJSON, len(s.Lines))
	for i, l := range s.Lines {
		w.Lines[i] = lineJSON{l.SKU, l.Title, l.Quantity, fixed(l.UnitPrice), l.WeightGrams, l.Gift}
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes a [Spec] and builds the order with [New]: every
// check of New applies, stated totals must agree, and an unknown status,
// region or payment name is an error. On error o is left unchanged.
func (o *Order) UnmarshalJSON(b []byte) error {
	var w orderJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	s := w.Spec
	s.Postage, s.Discount = decimal.Decimal(w.Postage), decimal.Decimal(w.Discount)
	s.Goods, s.Paid = (*decimal.Decimal)(w.Goods), (*decimal.Decimal)(w.Paid)
	s.Lines = make([]Line, len(w.Lines))
	for i, l := range w.Lines {
		s.Lines[i] = Line{l.SKU, l.Title, l.Quantity, decimal.Decimal(l.UnitPrice), l.WeightGrams, l.Gift}
	}
	n, err := New(s)
	if err != nil {
		return err
	}
	*o = n
	return nil
}
