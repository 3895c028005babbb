// Package kefuorder is the backend's one layer over package order for what
// is still changing there: how an order enters (a kefu Spec, or a platform
// trade record), how a stored order is read back and edited, and how the
// problem-order triage and its digest run. The handlers, the batch command
// and the load run call only this package for those, so adapting to order's
// next API (Spec without stated totals, new lifecycle events, typed triage
// reasons, the slow review moved into order) is a change here alone.
package kefuorder

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/examples/backend/internal/strict"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/shipping"
)

// FromSpec builds an order from a console's order: a kefu order.Spec in
// JSON, decoded strictly (a field a Spec does not have is refused and named)
// and checked by order.New.
func FromSpec(b []byte) (order.Order, error) {
	var s order.Spec
	if err := strict.Decode(b, &s); err != nil {
		return order.Order{}, err
	}
	return order.New(s)
}

// Imported is an order that came as a platform trade record.
type Imported struct {
	Order order.Order
	// Detail is the platform's split of the discount across the lines,
	// which refunds draw from (rule R7).
	Detail order.TradeDetail
	// Trade is the record itself (its seller memo is the order's memo).
	Trade order.Trade
}

// FromTrade builds an order from the platform's trade record
// (order.ParseTrade, Trade.Order).
func FromTrade(b []byte) (Imported, error) {
	t, err := order.ParseTrade(b)
	if err != nil {
		return Imported{}, err
	}
	o, d, err := t.Order()
	if err != nil {
		return Imported{}, err
	}
	return Imported{Order: o, Detail: d, Trade: t}, nil
}

// Encode returns the stored form of o: its JSON.
func Encode(o order.Order) ([]byte, error) { return o.MarshalJSON() }

// Decode reads a stored order back, checked again by order.New.
func Decode(b []byte) (order.Order, error) {
	var o order.Order
	err := o.UnmarshalJSON(b)
	return o, err
}

// DecodeDetail reads a stored trade detail ("" when the order was not
// imported from a trade record).
func DecodeDetail(b []byte) (order.TradeDetail, bool, error) {
	if len(b) == 0 {
		return order.TradeDetail{}, false, nil
	}
	var d order.TradeDetail
	if err := d.UnmarshalJSON(b); err != nil {
		return d, false, err
	}
	return d, true, nil
}

// Apply moves o through the trade lifecycle (rule O1).
func Apply(o order.Order, name string, at time.Time) (order.Order, error) {
	e, err := order.ParseEvent(name)
	if err != nil {
		return order.Order{}, err
	}
	return o.Apply(e, at)
}

// Concede returns o with a concession given before payment: a price cut or
// erased change comes off the goods (the discount grows), a postage
// concession off the postage (rules P3, P4). A gift changes no price.
func Concede(o order.Order, k pricing.Kind, amount decimal.Decimal) (order.Order, error) {
	if !k.ChangesPrice() || !o.Status().AwaitsPayment() {
		return o, nil
	}
	s := o.Spec()
	s.Goods, s.Paid = nil, nil // the totals follow from the lines again
	if k == pricing.Postage {
		s.Postage = s.Postage.Sub(amount)
	} else {
		s.Discount = s.Discount.Add(amount)
	}
	return order.New(s)
}

// Triage runs the problem-order triage over orders at now (rule O2) with
// the order package's checks, the shipping policy's, real stock and the
// extra checks given (refund's after-sales checks), and returns the
// after-sales digest.
func Triage(orders []*order.Order, stock order.Stock, ship shipping.Policy, tp order.TriagePolicy, now time.Time, extra ...order.Check) (order.Digest, error) {
	checks, err := ship.Checks()
	if err != nil {
		return order.Digest{}, err
	}
	checks = append(checks, order.StockCheck(stock))
	checks = append(checks, extra...)
	r, err := tp.Triage(orders, now, checks...)
	if err != nil {
		return order.Digest{}, err
	}
	return tp.Digest(r)
}
