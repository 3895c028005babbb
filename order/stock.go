package order

import (
	"maps"
	"slices"
	"strconv"
)

// Stock is a snapshot of real stock: SKU → units on hand in the warehouse.
// It is not the stock listed on the item page, which runs ahead of or
// behind the shelves; rules that promise anything ask a Stock (rule O8).
//
// A Stock is immutable once built and safe for concurrent use. The zero
// Stock holds no SKUs.
type Stock struct {
	index  map[string]int32 // normalised SKU → position in onHand
	onHand []int
}

// lookup returns the units on hand of a normalised SKU and its position in
// the snapshot, or ok false for a SKU the snapshot does not count.
func (s Stock) lookup(sku string) (q int, i int32, ok bool) {
	i, ok = s.index[sku]
	if !ok {
		return 0, -1, false
	}
	return s.onHand[i], i, true
}

// NewStock builds a snapshot from SKU → units on hand, normalising each
// SKU. A SKU that is not a valid SKU, a negative quantity, or two spellings
// of the same SKU ("AB-1" and "ＡＢ-1") are errors wrapping
// [ErrInvalidSKU], [ErrInvalidQuantity] or [ErrDuplicateLine]. The map is
// copied; later changes to it do not reach the snapshot.
func NewStock(onHand map[string]int) (Stock, error) {
	m := make(map[string]int32, len(onHand))
	qs := make([]int, 0, len(onHand))
	// Visit SKUs in order so that the error for several bad entries is
	// always the same one.
	for _, raw := range slices.Sorted(maps.Keys(onHand)) {
		sku, err := NormalizeSKU(raw)
		if err != nil {
			return Stock{}, err
		}
		q := onHand[raw]
		if q < 0 {
			return Stock{}, fieldErr("stock["+strconv.Quote(raw)+"]", strconv.Itoa(q), ErrInvalidQuantity, "must not be negative")
		}
		if _, dup := m[sku]; dup {
			return Stock{}, fieldErr("stock", raw, ErrDuplicateLine, "same SKU as another entry once normalised")
		}
		m[sku] = int32(len(qs))
		qs = append(qs, q)
	}
	return Stock{index: m, onHand: qs}, nil
}

// OnHand returns the units of sku on hand and whether the snapshot knows
// the SKU. sku is normalised first.
func (s Stock) OnHand(sku string) (int, bool) {
	if q, _, ok := s.lookup(sku); ok {
		return q, true
	}
	n, err := NormalizeSKU(sku)
	if err != nil {
		return 0, false
	}
	q, _, ok := s.lookup(n)
	return q, ok
}

// Len returns the number of SKUs in the snapshot.
func (s Stock) Len() int { return len(s.index) }

// Enough reports whether qty units of sku are on hand. A SKU the snapshot
// does not know is an error wrapping [ErrUnknownSKU]: "not counted" is not
// "out of stock", and kefu does not guess (rule O8).
func (s Stock) Enough(sku string, qty int) (bool, error) {
	q, ok := s.OnHand(sku)
	if !ok {
		return false, fieldErr("sku", sku, ErrUnknownSKU, "not in the stock snapshot")
	}
	return q >= qty, nil
}

// Shortage is a line an order cannot be fully served from stock. In JSON:
//
//	{"sku":"TEA-01","ordered":3,"on_hand":1}
type Shortage struct {
	SKU     string `json:"sku"`
	Ordered int    `json:"ordered"` // units the order asks for
	OnHand  int    `json:"on_hand"` // units on hand
}

// Shortages returns the lines of o that real stock cannot cover, in line
// order; nil when stock covers the whole order. A SKU of o that the
// snapshot does not know is an error wrapping [ErrUnknownSKU]; a nil order
// is an error wrapping [ErrNilOrder].
func (s Stock) Shortages(o *Order) ([]Shortage, error) {
	if o == nil {
		return nil, fieldErr("order", "", ErrNilOrder, "")
	}
	var out []Shortage
	for _, l := range o.lines {
		q, _, ok := s.lookup(l.SKU)
		if !ok {
			return nil, fieldErr("sku", l.SKU, ErrUnknownSKU, "not in the stock snapshot")
		}
		if q < l.Quantity {
			out = append(out, Shortage{SKU: l.SKU, Ordered: l.Quantity, OnHand: q})
		}
	}
	return out, nil
}
