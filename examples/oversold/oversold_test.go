package oversold

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

func night(t *testing.T) *story {
	t.Helper()
	s, err := replay(io.Discard)
	require.NoError(t, err)
	return s
}

// rule O3: real stock goes to the orders by payment time (a confirmed
// cash-on-delivery order by its confirmation, an unconfirmed one last),
// whatever order the platform sent them in; rule O8: five units on hand,
// not the twenty the page listed.
func TestStockGoesToTheEarliestPayers(t *testing.T) {
	p := night(t).plan
	require.True(t, p.Oversold())
	assert.Equal(t, onHand, p.OnHand)
	assert.Equal(t, 9, p.Demand)

	type got struct {
		id               string
		allocated, short int
	}
	var all []got
	for _, a := range p.Allocations {
		all = append(all, got{a.OrderID(), a.Allocated, a.Short()})
	}
	assert.Equal(t, []got{
		{"T20261111000011", 2, 0},
		{"T20261111000012", 1, 0},
		{"T20261111000014", 2, 1},
		{"T20261111000015", 0, 1},
		{"T20261111000016", 0, 1},
		{"T20261111000013", 0, 1},
	}, all)
}

// rule O3: an order paid online left short is offered a refund or another
// item; a cash-on-delivery order another item or closing it; and the
// listed stock goes to zero at once.
func TestShortOrdersAreOfferedRefundOrSwitch(t *testing.T) {
	p := night(t).plan
	assert.True(t, p.SetListedStockZero)
	for _, a := range p.Allocations {
		if a.Full() {
			assert.True(t, a.Offers.IsEmpty(), a.OrderID())
			continue
		}
		if a.Order.Payment() == order.CashOnDelivery {
			assert.Equal(t, order.SetOf(order.RemedySubstitute, order.RemedyClose), a.Offers, a.OrderID())
		} else {
			assert.Equal(t, order.SetOf(order.RemedyRefund, order.RemedySubstitute), a.Offers, a.OrderID())
		}
	}
}

// rule N2: setting the stock to zero is urgent and the operations
// colleague is away: a chat message alone does not count; by phone it is
// sent, and counts once acknowledged.
func TestDelistingReachesAPerson(t *testing.T) {
	s := night(t)
	require.Len(t, s.handOffs, 2)
	assert.Equal(t, order.Refused, s.handOffs[0].Verdict)
	assert.True(t, s.handOffs[0].Reasons.Has(notes.PhoneRequired))
	assert.Equal(t, order.Allowed, s.handOffs[1].Verdict)
	assert.True(t, s.acked.Acknowledged())
	assert.Equal(t, "ops-xu", s.acked.AckedBy)
}

// rule R7: the unit that cannot ship is refunded at what it paid, once,
// and the two that ship stay paid.
func TestShortUnitRefundedThroughTheLedger(t *testing.T) {
	r := night(t).refund
	assert.Equal(t, 1, r.Units)
	assert.Equal(t, "99.00", r.Amount().StringFixed(2))
	assert.False(t, r.Replayed)
}

// rule P6: the switch to the 89.00 box leaves the shop owing 10.00, paid
// only after the buyer confirms it, and only once.
func TestSwitchDifferencePaidOnceAfterConfirmation(t *testing.T) {
	s := night(t)
	require.ErrorIs(t, s.early, pricing.ErrNotConfirmed)
	assert.Equal(t, pricing.PayerShop, s.diff.Payer)
	assert.Equal(t, "10.00", s.diff.Amount.StringFixed(2))
	assert.True(t, s.diff.Settled())
	assert.True(t, s.diff.Transferred())
	require.ErrorIs(t, s.twice, pricing.ErrTransferred)
}

// A cash-on-delivery buyer has paid nothing: her order itself switches and
// the courier collects 89.00; the unconfirmed one is closed.
func TestCashOnDeliveryOrdersSwitchedOrClosed(t *testing.T) {
	s := night(t)
	sun := s.orders["T20261111000016"]
	_, ok := sun.LineBySKU(switchSKU)
	assert.True(t, ok)
	assert.Equal(t, "89.00", sun.Paid().StringFixed(2))
	assert.Equal(t, order.Closed, s.orders["T20261111000013"].Status())
}

// rule P5: each buyer left short of the promotion item is owed a
// compensation request to the store manager, whom the team leader cannot
// stand in for; none is owed to an order served in full, nor (rule S9) to
// the cash-on-delivery buyer who never confirmed and paid nothing.
func TestCompensationsGoToTheStoreManager(t *testing.T) {
	s := night(t)
	assert.Equal(t, order.StoreManager, s.plan.CompensationTo)
	require.ErrorIs(t, s.full, pricing.ErrNotCompensable)

	first := s.comp["T20261111000014"]
	require.ErrorIs(t, first.leader, pricing.ErrApproverAuthority)
	for _, id := range []string{"T20261111000014", "T20261111000015", "T20261111000016"} {
		c, ok := s.comp[id]
		require.True(t, ok, id)
		assert.Equal(t, order.NeedsApproval, c.decision.Verdict, id)
		assert.Equal(t, order.StoreManager, c.decision.Approver, id)
		assert.True(t, c.decision.Reasons.Has(pricing.ReasonOversold), id)
		require.NoError(t, c.approved, id)
		assert.True(t, c.given, id)
	}

	require.ErrorIs(t, s.unpaid, pricing.ErrNotCompensable)
	_, asked := s.comp["T20261111000013"]
	assert.False(t, asked, "nothing paid, nothing owed")
	for _, a := range s.plan.Allocations {
		assert.Equal(t, a.OrderID() != "T20261111000013" && !a.Full(), a.RequestCompensation, a.OrderID())
	}
}

// rules O3, P5 (issue 14): the agent reads the oversell plan in kefu's
// words (OversellPlan.Staff), and each buyer left short hears the plan's
// apology and offer (Allocation.Buyer) — part now and the rest refunded or
// switched for 小王, a refund or another item for 小刘, another item or
// closing the order for the cash-on-delivery buyers — none written by the
// program.
func TestShortBuyersAreToldThePlansOwnOffer(t *testing.T) {
	var out strings.Builder
	s, err := replay(&out)
	require.NoError(t, err)
	assert.Contains(t, out.String(), s.plan.Staff(order.SimplifiedChinese))
	short := 0
	for _, a := range s.plan.Allocations {
		if a.Full() {
			assert.Empty(t, a.Buyer(order.SimplifiedChinese), "%s ships in full: nothing to tell", a.OrderID())
			continue
		}
		short++
		said := a.Buyer(order.SimplifiedChinese)
		require.NotEmpty(t, said, a.OrderID())
		assert.Contains(t, out.String(), "to the buyer: "+said, a.OrderID())
	}
	assert.Equal(t, 4, short, "four orders left short")
}
