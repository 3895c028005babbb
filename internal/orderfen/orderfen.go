// Package orderfen carries a built order's amounts in fen from package
// order to kefu's other packages, without widening order's public API.
//
// An order keeps its derived totals as int64 fen ("Decimal in and out of
// the API; fen inside", issue 13); its accessors build the decimal on
// call. kefu's own hot paths — free shipping, postage overcharge, the
// approval review, triage — read the fen through [Of] instead, so a
// check costs no decimal and no allocation. Package order sets [Of] in
// its init; every package that can see an *order.Order imports order,
// so Of is set before any of them runs.
package orderfen

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

// Of returns the amounts of o, which must be a non-nil *order.Order (it
// panics otherwise, as a nil order's accessors do). Set by package order.
// The result points into o: read it, never write it (an order is
// immutable once built). A pointer, not a copy, so that the call costs
// the hot paths no more than reading the fields.
var Of func(o any) *Amounts
