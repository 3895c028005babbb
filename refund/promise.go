package refund

import (
	"time"

	"github.com/kefu-go/kefu/notes"
)

// A refund promised to a buyer is a promise like any other (rules R6,
// N3): a [notes.Promise] of kind [notes.RefundBy], made and checked with
// [notes.Policy.MakePromise] and tracked with the shop's other promises.
// Its ID is the idempotency key of the payout that keeps it — the
// platform's refund_id, say — so that the ledger that pays the refund is
// what marks the promise kept ([Ledger.Keep]).

// RefundPromise returns the draft of a promise that the refund paid under
// key on order orderID is made by due: a [notes.PromiseDraft] of kind
// [notes.RefundBy] whose ID is key. The backend stamps it with the agent
// and the time ([notes.PromiseDraft.Stamp]) and checks it with
// [notes.Policy.MakePromise]. A key or order ID that breaks the identity
// rule is an [*Error] ([ErrMissing], [ErrInvalidText]); so is a zero due
// time ([ErrMissing]).
func RefundPromise(key, orderID string, due time.Time) (notes.PromiseDraft, error) {
	k, err := identifier("key", key)
	if err != nil {
		return notes.PromiseDraft{}, err
	}
	id, err := identifier("order_id", orderID)
	if err != nil {
		return notes.PromiseDraft{}, err
	}
	if due.IsZero() {
		return notes.PromiseDraft{}, fieldErr("due", "", ErrMissing, "a refund is promised by a time")
	}
	return notes.PromiseDraft{ID: k, Kind: notes.RefundBy, OrderID: id, Due: due}, nil
}

// Keep settles a promise of a refund on l's order once l has paid it
// (rule R6): when l holds the payout whose key is the promise's ID, the
// promise is fulfilled at the payout's time ([Payout.At]) — [notes.Kept]
// if that is by its due time, [notes.Broken] if later. A promise l has not
// paid, or one already settled, comes back as it is: still open, an
// unpaid promise past its due time is [notes.Overdue]
// ([notes.Promise.State]).
//
// Errors, with p returned unchanged: a promise that is not of kind
// [notes.RefundBy], or of another order ([ErrInconsistent]); a payout paid
// without its time ([ErrMissing]: it keeps no promise); a payout before
// the promise was made (notes' error from [notes.Promise.Fulfil]).
func (l Ledger) Keep(p notes.Promise) (notes.Promise, error) {
	if l.b == nil {
		return p, fieldErr("ledger", "", ErrMissing, "the zero Ledger")
	}
	if p.Kind != notes.RefundBy {
		return p, fieldErr("promise.kind", p.Kind.String(), ErrInconsistent, "not a refund promise")
	}
	if id, err := identifier("promise.order_id", p.OrderID); err != nil {
		return p, err
	} else if id != l.b.orderID {
		return p, fieldErr("promise.order_id", p.OrderID, ErrInconsistent, "the ledger is of order "+l.b.orderID)
	}
	if p.Settled() {
		return p, nil
	}
	r, ok := l.Receipt(p.ID)
	if !ok {
		return p, nil
	}
	if r.At.IsZero() {
		return p, fieldErr("promise.id", p.ID, ErrMissing, "its payout was paid without a time (Payout.At): it keeps no promise")
	}
	return p.Fulfil(notes.Fulfilment{At: r.At})
}

// KeepPromises settles, with [Ledger.Keep], every open refund promise of
// l's order in pl — the shop's record of promises — and returns the next
// record with the promises it settled. Promises of other orders and of
// other kinds are left alone. On error pl is returned unchanged.
func (l Ledger) KeepPromises(pl notes.Ledger) (notes.Ledger, []notes.Promise, error) {
	if l.b == nil {
		return pl, nil, fieldErr("ledger", "", ErrMissing, "the zero Ledger")
	}
	next := pl
	var settled []notes.Promise
	for _, p := range pl.Promises() {
		if p.Kind != notes.RefundBy || p.Settled() || p.OrderID != l.b.orderID {
			continue
		}
		kept, err := l.Keep(p)
		if err != nil {
			return pl, nil, err
		}
		if !kept.Settled() {
			continue
		}
		n, got, err := next.Fulfil(p.ID, notes.Fulfilment{At: kept.DoneAt})
		if err != nil {
			return pl, nil, err
		}
		next, settled = n, append(settled, got)
	}
	return next, settled, nil
}

// OverdueRefunds returns the refund promises of ps that are past their
// due time at now and not settled — refunds late and not yet paid (rule
// R6), in the order given.
func OverdueRefunds(ps []notes.Promise, now time.Time) []notes.Promise {
	var out []notes.Promise
	for _, p := range ps {
		if p.Kind == notes.RefundBy && !p.Settled() && now.After(p.Due) {
			out = append(out, p)
		}
	}
	return out
}
