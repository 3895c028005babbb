// Package orderfen carries a built order's amounts in fen from package
// order to kefu's other packages, without widening order's public API.
//
// An order keeps its derived totals as int64 fen ("Decimal in and out of
// the API; fen inside", issue 13); its accessors build the decimal on
// call. kefu's own hot paths — free shipping, postage overcharge, the
// approval review, triage — read the fen through [Of] instead, so a
// check costs no decimal, no allocation and no call: Of compiles to
// nothing, the amounts being the first field of an order.Order (package
// order asserts it at compile time).
package orderfen

import "unsafe"

// Amounts are an order's amounts in fen: as given (postage, discount)
// and as derived by order.New (goods, paid, net goods). Each is within
// ±yuan.MaxFen.
type Amounts struct {
	Goods    int64 // the lines' totals, gifts at zero
	Postage  int64
	Discount int64 // off the goods
	Paid     int64 // goods + postage − discount
	NetGoods int64 // goods − discount
}

// Of returns the amounts of o, which must be an *order.Order: T is
// generic only because this package cannot name order.Order (order
// imports it), and any other type reads garbage. A nil o gives a nil
// pointer, so reading it panics, as a nil order's accessors do. The
// result points into o: read it, never write it (an order is immutable
// once built).
//
// It is a conversion, not a call through a function value, so that the
// hot paths inline it: the indirect call it replaced cost the prepared
// free-shipping decision a third of its time (BenchmarkFreeShippingVsHandwritten).
func Of[T any](o *T) *Amounts { return (*Amounts)(unsafe.Pointer(o)) }
