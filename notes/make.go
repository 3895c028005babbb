package notes

import (
	"time"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// PromiseCheck is what [Policy.MakePromise] must know besides the promise
// itself: the order, its memo, real stock and the shop's shipping policy.
type PromiseCheck struct {
	Order    *order.Order
	Memo     Memo
	Stock    order.Stock // real stock, not the item page's (rule O8)
	Shipping shipping.Policy
}

// MakePromise checks a promise an agent is about to make and returns it
// normalised, with the decision (rule N3: make no promise that cannot be
// kept). It is refused with
//
//   - [ExactDeliveryDate] for a [DeliverBy] promise: no delivery time is
//     ever guaranteed (rules S6, S8);
//   - [OrderNotOpen] for a dispatch on a finished or closed order, or a
//     refund, reship or gift on a closed one (a call back is always
//     possible);
//   - [OrderHeld] for goods (dispatch, reship, gift) when the order's
//     status is held ([order.Held], the truth about a hold), and
//     [HoldMismatch] when its memo disagrees with the status
//     ([Memo.HoldAgrees]: a hold note on an order that is not held, or a
//     held order whose memo does not say so) — the warehouse reads the
//     memo;
//   - [AlreadyDispatched] for a dispatch promise on a dispatched order;
//   - [EarlierThanPolicy] when goods are promised to leave before the
//     shipping policy's own dispatch promise ([shipping.Policy.DispatchPromise]
//     for the payment time, or for now when unpaid or for a reship or gift);
//   - [OutOfStock] or [StockNotCounted] when real stock cannot cover the
//     goods, or does not know them (rules O8, N3).
//
// A goods promise with a zero Due gets the shipping policy's due time;
// MadeAt defaults to now. Malformed input — missing fields, an order or
// buyer that is not the promise's, a due time not after now — is an
// [*Error] ([ErrDueInPast] for the last); an invalid shipping policy wraps
// [ErrInvalidPolicy].
func (p Policy) MakePromise(req Promise, in PromiseCheck, now time.Time) (Promise, Decision, error) {
	if in.Order == nil || in.Order.IsZero() {
		return Promise{}, Decision{}, fieldErr("order", "", ErrMissing, "")
	}
	if now.IsZero() {
		return Promise{}, Decision{}, fieldErr("now", "", ErrMissing, "")
	}
	if req.Settled() {
		return Promise{}, Decision{}, fieldErr("promise", req.ID, ErrInvalidTime, "a new promise is open: no done_at or broken_at")
	}
	if req.MadeAt.IsZero() {
		req.MadeAt = now
	}
	o := in.Order
	if req.OrderID == "" {
		req.OrderID = o.ID()
	}
	if req.BuyerID == "" {
		req.BuyerID = o.Buyer().ID
	}
	ships := req.Kind.ships()
	var sp shipping.DispatchPromise
	if ships {
		paid := o.PaidAt()
		if req.Kind != DispatchBy || paid.IsZero() {
			paid = now
		}
		var err error
		if sp, err = in.Shipping.DispatchPromise(paid); err != nil {
			return Promise{}, Decision{}, causeErr("shipping", "", ErrInvalidPolicy, "", err)
		}
		if req.Due.IsZero() {
			req.Due = sp.By
		}
	}
	v, err := validatePromise(req)
	if err != nil {
		return Promise{}, Decision{}, err
	}
	if v.OrderID != o.ID() {
		return Promise{}, Decision{}, fieldErr("promise.order_id", v.OrderID, ErrInvalidDetail, "not the order checked")
	}
	if v.BuyerID != o.Buyer().ID {
		// Rule O7: an order's matters are discussed only with its buyer.
		return Promise{}, Decision{}, fieldErr("promise.buyer_id", v.BuyerID, ErrNotAllowed, "not the order's buyer")
	}
	if !v.Due.After(now) {
		return Promise{}, Decision{}, fieldErr("promise.due", v.Due.String(), ErrDueInPast, "")
	}

	var rs ReasonSet
	if v.Kind == DeliverBy {
		rs = rs.With(ExactDeliveryDate)
	}
	st := o.Status()
	switch v.Kind {
	case CallBack:
		// A call can always be promised.
	case DispatchBy:
		if !st.Open() {
			rs = rs.With(OrderNotOpen)
		}
	default:
		// Refunds, reships and gifts go on after the sale (the trade stays
		// finished), but not on a closed trade.
		if st == order.Closed || st == order.ClosedUnpaid {
			rs = rs.With(OrderNotOpen)
		}
	}
	if ships {
		// The order's status is the truth about a hold. A memo that
		// disagrees with it — a hold note on an order that is not held,
		// or a held order whose memo does not say so — is refused too: the
		// warehouse goes by the memo. Once the order has left, neither
		// speaks for a reship or a gift.
		if st == order.Held {
			rs = rs.With(OrderHeld)
		}
		if !in.Memo.HoldAgrees(st) {
			rs = rs.With(HoldMismatch)
		}
		if v.Kind == DispatchBy && st.Dispatched() {
			rs = rs.With(AlreadyDispatched)
		}
		if v.Due.Before(sp.By) {
			rs = rs.With(EarlierThanPolicy)
		}
		rs |= stockReasons(v, o, in.Stock)
	}
	return v, decide(rs), nil
}

// stockReasons checks real stock for the goods a promise ships.
func stockReasons(v Promise, o *order.Order, stock order.Stock) ReasonSet {
	var rs ReasonSet
	if v.Kind == DispatchBy {
		short, err := stock.Shortages(o)
		switch {
		case err != nil:
			rs = rs.With(StockNotCounted)
		case len(short) > 0:
			rs = rs.With(OutOfStock)
		}
		return rs
	}
	ok, err := stock.Enough(v.Item.SKU, v.Item.Quantity)
	switch {
	case err != nil:
		rs = rs.With(StockNotCounted)
	case !ok:
		rs = rs.With(OutOfStock)
	}
	return rs
}
