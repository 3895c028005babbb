package order

import (
	"strings"
	"time"
)

// The order package's own problem-order checks (rule O2) look only at
// order data. Each judges orders still waiting to ship — awaiting payment,
// awaiting dispatch or held — since a problem found after dispatch is an
// after-sales case, not a problem order.
//
// [TriagePolicy.Triage] runs the address, message and cash-on-delivery
// checks itself, together with the two checks that look across the batch
// (several addresses of one buyer, repeat orders); the stock check needs a
// [Stock], is passed in with [StockCheck], and allocates the stock across
// the batch.

// pending reports whether o still waits to ship: open and not dispatched,
// from the states before payment to [Held].
func (o *Order) pending() bool { return o.status.Open() && !o.status.Dispatched() }

// AddressCheck returns the check for unknown or incomplete addresses (rule
// S4, category [UnknownAddress]): an address without region or street
// detail is [AddressUnknown]; one that lacks the recipient, phone, city or
// (on the mainland) district is [AddressIncomplete]. Its name is
// "order.unknown_address".
func AddressCheck() Check { return addressCheck{} }

type addressCheck struct{}

func (addressCheck) Name() string { return "order.unknown_address" }

func (addressCheck) Inspect(dst []Problem, o *Order, _ time.Time) []Problem {
	if o == nil || !o.pending() {
		return dst
	}
	return inspectAddress(dst, o)
}

func inspectAddress(dst []Problem, o *Order) []Problem {
	m := o.address.Missing()
	switch {
	case m == 0:
		return dst
	case m.Has(PartRegion) || m.Has(PartDetail):
		return append(dst, Problem{UnknownAddress, reasonCodes[AddressUnknown]})
	default:
		return append(dst, Problem{UnknownAddress, reasonCodes[AddressIncomplete]})
	}
}

// StockCheck returns the check of orders against real stock (rule O8,
// category [OutOfStock]). Its name is "order.out_of_stock".
//
// Passed to [TriagePolicy.Triage], it allocates s across the batch as
// [Oversell] does (rule O3): SKU by SKU, orders paid earlier first, then
// unconfirmed cash on delivery, then unpaid orders. An order with a line,
// gifts included, that the units left cannot cover is out of stock:
// [StockShort] when the line alone asks for more than s holds, [PaidLater]
// when orders ahead of it took the units. Inspected on its own, one order
// at a time, it can only judge each order alone ([StockShort]).
//
// A SKU that s does not count is skipped — "not counted" is not "out of
// stock" — so pass a snapshot that covers the batch.
func StockCheck(s Stock) Check { return stockCheck{s} }

type stockCheck struct{ s Stock }

func (stockCheck) Name() string { return "order.out_of_stock" }

func (c stockCheck) Inspect(dst []Problem, o *Order, _ time.Time) []Problem {
	if o == nil || !o.pending() {
		return dst
	}
	for _, l := range o.lines {
		if q, _, ok := c.s.lookup(l.SKU); ok && q < l.Quantity {
			return append(dst, Problem{OutOfStock, reasonCodes[StockShort]})
		}
	}
	return dst
}

// Checks returns the order package's per-order checks configured by p, in
// this order: [AddressCheck], the unsatisfiable-message check
// ("order.unsatisfiable_message") and the cash-on-delivery check
// ("order.cod_unconfirmed", rule S9). [TriagePolicy.Triage] runs them
// itself; Checks is for callers that run checks one order at a time. An
// invalid policy is an error, as from [TriagePolicy.Validate].
func (p TriagePolicy) Checks() ([]Check, error) {
	r, err := p.compile()
	if err != nil {
		return nil, err
	}
	return []Check{addressCheck{}, messageCheck{&r}, codCheck{&r}}, nil
}

type messageCheck struct{ r *triageRules }

func (messageCheck) Name() string { return "order.unsatisfiable_message" }

func (c messageCheck) Inspect(dst []Problem, o *Order, _ time.Time) []Problem {
	if o == nil || !o.pending() {
		return dst
	}
	return c.r.inspectMessage(dst, o)
}

// inspectMessage reports each pattern of the policy the buyer's message
// contains; duplicates of a reason are removed by the triage.
func (r *triageRules) inspectMessage(dst []Problem, o *Order) []Problem {
	msg := o.message
	if msg == "" {
		return dst
	}
	if r.exactDates && asksExactDate(msg) {
		dst = append(dst, Problem{UnsatisfiableMessage, reasonCodes[MessageExactDate]})
	}
	upper := hasUpperASCII(msg)
	for _, p := range r.patterns {
		var hit bool
		if upper {
			hit = containsFold(msg, p.text)
		} else {
			hit = strings.Contains(msg, p.text)
		}
		if hit {
			dst = append(dst, Problem{UnsatisfiableMessage, reasonCodes[p.reason]})
		}
	}
	return dst
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

type codCheck struct{ r *triageRules }

func (codCheck) Name() string { return "order.cod_unconfirmed" }

func (c codCheck) Inspect(dst []Problem, o *Order, now time.Time) []Problem {
	if o == nil || !o.pending() {
		return dst
	}
	return c.r.inspectCOD(dst, o, now)
}

// inspectCOD reports a cash-on-delivery order the buyer has not confirmed
// (rule S9): [CODUnconfirmedReason] while the confirmation may still come,
// [CODConfirmationOverdue] once the policy's wait is over.
func (r *triageRules) inspectCOD(dst []Problem, o *Order, now time.Time) []Problem {
	if o.payment != CashOnDelivery || !o.codConfirmed.IsZero() || o.status == AwaitingPayment {
		return dst
	}
	if r.codOverdue(o, now) {
		return append(dst, Problem{CODUnconfirmed, reasonCodes[CODConfirmationOverdue]})
	}
	return append(dst, Problem{CODUnconfirmed, reasonCodes[CODUnconfirmedReason]})
}

// codOverdue reports whether the buyer's confirmation of o is overdue at
// now: the policy's wait, counted from when the order was placed, is over.
func (r *triageRules) codOverdue(o *Order, now time.Time) bool {
	return !now.Before(o.created.Add(r.codWithin))
}
