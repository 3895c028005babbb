package refund

import (
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// Refund-related problem orders (rule R6: refunds are done on time and
// never forgotten; rule R4: an exchange waits on the buyer's goods) join
// the triage and the after-sales digest through order's [order.Check]
// contract, in category [order.AfterSalesPending]. Each check reads the
// refund state of a batch — promises, ledgers, exchanges, which the
// backend loads for the orders it triages — once, when it is made, and
// keeps for each order the time it becomes a problem, so inspecting an
// order is a map look-up that allocates nothing.
//
// The checks are [order.AfterSaleCheck]s: [order.TriagePolicy.Triage]
// runs them on finished and closed trades too, where refunds after the
// sale happen. [Check.Flagged] lists every order a check finds without a
// triage.

// Check is a refund-related problem-order check: an [order.Check] that
// also lists the orders it finds ([Check.Flagged]). Make one with
// [OverdueRefundCheck], [Policy.UnrefundedReturnCheck] or
// [Policy.ExchangeReturnCheck]. It is immutable and safe for concurrent
// use; the zero Check finds nothing.
type Check struct {
	name   string
	reason Reason
	due    map[string]time.Time // per order: a problem once now is after it
}

// Name returns the check's stable name: "refund.refund_overdue",
// "refund.return_not_refunded" or "refund.exchange_awaiting_return".
func (c Check) Name() string { return c.name }

// AfterSale reports true: refund's checks are [order.AfterSaleCheck]s, so
// the triage runs them on finished and closed trades too, where returns
// and refunds after the sale happen.
func (c Check) AfterSale() bool { return true }

// Inspect appends the check's problem with o at now, if o has one:
// category [order.AfterSalesPending], the check's reason code. It does
// not allocate when o has none.
func (c Check) Inspect(dst []order.Problem, o *order.Order, now time.Time) []order.Problem {
	if o == nil || c.due == nil {
		return dst
	}
	if t, ok := c.due[o.ID()]; ok && now.After(t) {
		return append(dst, order.Problem{Category: order.AfterSalesPending, Reason: c.reason.Code()})
	}
	return dst
}

// Due returns when the order with the given ID becomes a problem for the
// check — the earliest due time of its unpaid refund promises, the time
// its oldest unrefunded return arrived plus the policy's time — and
// whether it has anything the check watches. A zero time means at once:
// returned goods whose arrival gave no time.
func (c Check) Due(orderID string) (time.Time, bool) {
	t, ok := c.due[orderID]
	return t, ok
}

// Flagged returns the IDs of the orders the check finds at now, sorted,
// finished trades included.
func (c Check) Flagged(now time.Time) []string {
	var out []string
	for id, t := range c.due {
		if now.After(t) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

// earlier keeps the earlier of t and what m holds for id.
func earlier(m map[string]time.Time, id string, t time.Time) {
	if cur, ok := m[id]; !ok || t.Before(cur) {
		m[id] = t
	}
}

// ledgerIndex indexes ledgers by order, refusing the zero Ledger and two
// ledgers of one order.
func ledgerIndex(ledgers []Ledger) (map[string]Ledger, error) {
	m := make(map[string]Ledger, len(ledgers))
	for i, l := range ledgers {
		field := "ledgers[" + strconv.Itoa(i) + "]"
		if l.IsZero() {
			return nil, fieldErr(field, "", ErrMissing, "the zero Ledger")
		}
		if _, dup := m[l.OrderID()]; dup {
			return nil, fieldErr(field, l.OrderID(), ErrInconsistent, "a second ledger of the order")
		}
		m[l.OrderID()] = l
	}
	return m, nil
}

// OverdueRefundCheck returns the check of refunds promised and late (rule
// R6; reason [RefundOverdue]): an order with an open refund promise
// ([notes.RefundBy], see [RefundPromise]) past its due time whose payout
// — the payout with the promise's ID as its key — the order's ledger does
// not hold. A promise its ledger has paid is not late, even if nobody
// marked it kept ([Ledger.Keep] does). Promises of other kinds are
// ignored. Its name is "refund.refund_overdue".
//
// Errors: a refund promise whose order ID breaks the identity rule; the
// zero Ledger ([ErrMissing]); two ledgers of one order
// ([ErrInconsistent]).
func OverdueRefundCheck(promises []notes.Promise, ledgers []Ledger) (Check, error) {
	byOrder, err := ledgerIndex(ledgers)
	if err != nil {
		return Check{}, err
	}
	c := Check{name: "refund.refund_overdue", reason: RefundOverdue, due: map[string]time.Time{}}
	for i, p := range promises {
		if p.Kind != notes.RefundBy || p.Settled() {
			continue
		}
		id, err := identifier("promises["+strconv.Itoa(i)+"].order_id", p.OrderID)
		if err != nil {
			return Check{}, err
		}
		if l, ok := byOrder[id]; ok {
			if _, paid := l.Receipt(p.ID); paid {
				continue
			}
		}
		earlier(c.due, id, p.Due)
	}
	return c, nil
}

// UnrefundedReturnCheck returns the check of returns received and not
// refunded (rule R6; reason [ReturnNotRefunded]): an order whose ledger
// holds returned goods no payout has refunded ([Ledger.Unrefunded]) for
// longer than the policy's RefundWithin since the oldest of them arrived
// — at once when their arrival gave no time. Its name is
// "refund.return_not_refunded".
//
// Errors: an invalid policy; the zero Ledger; two ledgers of one order.
func (p Policy) UnrefundedReturnCheck(ledgers []Ledger) (Check, error) {
	pr, err := p.compile()
	if err != nil {
		return Check{}, err
	}
	byOrder, err := ledgerIndex(ledgers)
	if err != nil {
		return Check{}, err
	}
	c := Check{name: "refund.return_not_refunded", reason: ReturnNotRefunded, due: map[string]time.Time{}}
	for _, id := range slices.Sorted(maps.Keys(byOrder)) {
		for _, a := range byOrder[id].Unrefunded() {
			due := time.Time{}
			if !a.Since.IsZero() {
				due = a.Since.Add(pr.refundWithin)
			}
			earlier(c.due, id, due)
		}
	}
	return c, nil
}

// ExchangeReturnCheck returns the check of exchanges waiting on their
// return (rule R4; reason [ExchangeAwaitingReturn]): an order with an
// exchange still waiting for the buyer's goods — agreed and not sent, or
// on their way ([Exchange.WaitingOnReturn]) — longer than the policy's
// ExchangeReturnWithin since its last change. Its name is
// "refund.exchange_awaiting_return".
//
// Errors: an invalid policy; the zero Exchange ([ErrMissing]).
func (p Policy) ExchangeReturnCheck(exchanges []Exchange) (Check, error) {
	pr, err := p.compile()
	if err != nil {
		return Check{}, err
	}
	c := Check{name: "refund.exchange_awaiting_return", reason: ExchangeAwaitingReturn, due: map[string]time.Time{}}
	for i, x := range exchanges {
		if x.IsZero() {
			return Check{}, fieldErr("exchanges["+strconv.Itoa(i)+"]", "", ErrMissing, "the zero Exchange")
		}
		if x.WaitingOnReturn() {
			earlier(c.due, x.OrderID(), x.ModifiedAt().Add(pr.exchangeWithin))
		}
	}
	return c, nil
}
