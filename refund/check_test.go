package refund_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// problems is what c finds in o at now.
func problems(c order.Check, o *order.Order, now time.Time) []order.Problem {
	return c.Inspect(nil, o, now)
}

// rule R6: a refund promised and not paid by its due time is a problem
// order, in the after-sales category; one the ledger paid is not, even
// if nobody marked the promise kept.
func TestOverdueRefundCheck(t *testing.T) {
	o := build(t, dispatched(threeLines()))
	due := t0.Add(24 * time.Hour)
	unpaid, paid := promised(t, o, "RF-1", due), promised(t, o, "RF-2", due.Add(-time.Hour))
	l := ledger(t, dispatched(threeLines()))
	l, _ = pay(t, l, refund.Payout{Key: "RF-2", SKU: "HAT-01", Goods: dec("5.00"), At: t0.Add(2 * time.Hour)})

	c, err := refund.OverdueRefundCheck([]notes.Promise{unpaid, paid}, []refund.Ledger{l})
	require.NoError(t, err)
	assert.Equal(t, "refund.refund_overdue", c.Name())
	assert.Empty(t, problems(c, o, due), "due, not past due")
	want := []order.Problem{{Category: order.AfterSalesPending, Reason: order.MustCode("refund", "refund_overdue")}}
	assert.Equal(t, want, problems(c, o, due.Add(time.Second)))
	got, ok := c.Due("T1001")
	require.True(t, ok)
	assert.True(t, got.Equal(due), "the unpaid promise's due time, not the paid one's")

	// Through the triage, into the digest's after-sales group.
	rep, err := order.DefaultTriagePolicy().Triage([]*order.Order{o}, due.Add(time.Minute), c)
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Count(order.AfterSalesPending))
	f, ok := rep.Find("T1001")
	require.True(t, ok)
	assert.Equal(t, []order.Code{order.MustCode("refund", "refund_overdue")}, f.Reasons(order.AfterSalesPending))

	quiet := build(t, threeLines())
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = c.Inspect(nil, quiet, t0) }), "nothing found, nothing allocated")

	_, err = refund.OverdueRefundCheck(nil, []refund.Ledger{l, l})
	require.ErrorIs(t, err, refund.ErrInconsistent, "two ledgers of one order")
	_, err = refund.OverdueRefundCheck(nil, []refund.Ledger{{}})
	require.ErrorIs(t, err, refund.ErrMissing)
}

// rule R6: returned goods not refunded within the policy's time (24 hours
// by default) are a problem order — at once if their arrival gave no
// time — and the triage sees it on a finished trade: refund's checks are
// after-sales checks (order.AfterSaleCheck).
func TestUnrefundedReturnCheck(t *testing.T) {
	p := refund.DefaultPolicy()
	fin := build(t, finished(threeLines()))
	l := ledger(t, finished(threeLines()))
	arrived := t0.Add(96 * time.Hour)
	l, err := l.Receive(refund.Arrival{Waybill: "YT0000000001", Version: l.Version(), SKU: "SOCK-01", Units: 2, At: arrived})
	require.NoError(t, err)
	other := finished(threeLines())
	other.ID = "T1002"
	lo := ledger(t, other)
	lo, err = lo.Receive(refund.Arrival{Waybill: "YT0000000002", Version: lo.Version(), SKU: "HAT-01", Units: 1})
	require.NoError(t, err)

	c, err := p.UnrefundedReturnCheck([]refund.Ledger{l, lo})
	require.NoError(t, err)
	assert.Empty(t, problems(c, fin, arrived.Add(24*time.Hour)))
	assert.Equal(t, []order.Problem{{Category: order.AfterSalesPending, Reason: order.MustCode("refund", "return_not_refunded")}},
		problems(c, fin, arrived.Add(24*time.Hour+time.Second)))
	assert.Equal(t, []string{"T1002"}, c.Flagged(arrived), "no time given: at once")
	assert.Equal(t, []string{"T1001", "T1002"}, c.Flagged(arrived.Add(25*time.Hour)))

	rep, err := order.DefaultTriagePolicy().Triage([]*order.Order{fin}, arrived.Add(48*time.Hour), c)
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Count(order.AfterSalesPending), "a finished trade's unrefunded return reaches the digest")
	assert.Equal(t, 1, rep.Checked, "the finished order was inspected by the after-sales check")
	rep, err = order.DefaultTriagePolicy().Triage([]*order.Order{fin}, arrived.Add(48*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Skipped, "without an after-sales check a finished order is skipped")

	// Refunded: no longer a problem.
	l, _ = pay(t, l, refund.Payout{Key: "RF-1", SKU: "SOCK-01", Units: 2, Returned: true, Goods: dec("12.44")})
	c, err = p.UnrefundedReturnCheck([]refund.Ledger{l})
	require.NoError(t, err)
	assert.Empty(t, c.Flagged(arrived.Add(72*time.Hour)))

	bad := p
	bad.RefundWithin = 0
	_, err = bad.UnrefundedReturnCheck(nil)
	require.ErrorIs(t, err, refund.ErrInvalidPolicy)
}

// rule R4: an exchange that waits for the buyer's goods longer than the
// policy allows (7 days by default) is a problem order; once the goods
// are back it is not.
func TestExchangeReturnCheck(t *testing.T) {
	p := refund.DefaultPolicy()
	x := openExchange(t) // opened at t0 + 5 days
	o := build(t, finished(threeLines()))
	c, err := p.ExchangeReturnCheck([]refund.Exchange{x})
	require.NoError(t, err)
	assert.Equal(t, "refund.exchange_awaiting_return", c.Name())
	opened := t0.AddDate(0, 0, 5)
	assert.Empty(t, problems(c, o, opened.Add(7*24*time.Hour)))
	assert.Equal(t, []order.Problem{{Category: order.AfterSalesPending, Reason: order.MustCode("refund", "exchange_awaiting_return")}},
		problems(c, o, opened.Add(7*24*time.Hour+time.Second)))

	back, err := x.Apply(refund.ExchangeAction{Event: refund.ShipReturn, Version: 1, At: opened.Add(time.Hour), Waybill: "SF2222222222"})
	require.NoError(t, err)
	back, err = back.Apply(refund.ExchangeAction{Event: refund.ReceiveReturn, Version: 2, At: opened.Add(48 * time.Hour), Units: 1})
	require.NoError(t, err)
	c, err = p.ExchangeReturnCheck([]refund.Exchange{back})
	require.NoError(t, err)
	assert.Empty(t, c.Flagged(opened.AddDate(0, 1, 0)))
	_, err = p.ExchangeReturnCheck([]refund.Exchange{{}})
	require.ErrorIs(t, err, refund.ErrMissing)
	var zero refund.Check
	assert.Empty(t, zero.Inspect(nil, o, opened), "the zero Check finds nothing")
}
