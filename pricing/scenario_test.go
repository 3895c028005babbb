package pricing_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// Seed 002, 序言 B and the bargaining principle: a buyer who missed the
// Double 11 window asks for the promotion price the day after. rule P1:
// the price is refused, whoever is asked; rule P2: the agent turns to a
// postage concession, which is within her authority.
func TestSeedMissedPromotion(t *testing.T) {
	p := pricing.DefaultPolicy()
	double11 := &pricing.Promotion{Name: "double11", SKU: "TEA-02", Price: dec("54.25"),
		Start: time.Date(2026, 11, 11, 0, 0, 0, 0, cst), End: time.Date(2026, 11, 12, 0, 0, 0, 0, cst)}
	morningAfter := time.Date(2026, 11, 12, 9, 0, 0, 0, cst)
	s := spec()
	s.CreatedAt = morningAfter.Add(-time.Minute)
	o := order.MustNew(s)

	// Step 1: 2 × (59.25 − 54.25) = 10.00 off, as the promotion price.
	r := pricing.Request{Agent: xiaomei, Order: &o, Kind: pricing.PriceCut, Amount: dec("10.00"),
		At: morningAfter, Promotion: double11}
	d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.Refused, d.Verdict)
	assert.True(t, d.Reasons.Has(pricing.ReasonOutsidePromotion))
	assert.Equal(t, pricing.Postage, d.Suggest, "point to the postage concession")

	// Step 2: the agent waives the 10.00 postage instead, alone.
	r = pricing.Request{Agent: xiaomei, Order: &o, Kind: pricing.Postage, Amount: dec("10.00"), At: morningAfter}
	d, err = p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
}

// Seed 002 §三.4: any price cut or gift is agreed by the team leader; one
// given beyond scope without approval is a violation. rule A3: an
// in-sales agent's gift goes to the team leader; the approval is spent
// once; a colleague of the same rank cannot approve it.
func TestSeedGiftNeedsTeamLeader(t *testing.T) {
	p := pricing.DefaultPolicy()
	zhang := agent("zhang", order.InSales)
	o := unpaid()
	r := request(zhang, o, pricing.Gift, "12.00")

	// Step 1: review.
	d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	require.Equal(t, order.NeedsApproval, d.Verdict)
	require.Equal(t, order.TeamLeader, d.Approver)

	// Step 2: a fellow agent (after-sales, above in-sales) may not approve.
	_, err = p.Approve(r, noAgent, noOrder, agent("li", order.AfterSales), "ap-g1", t0.Add(time.Hour))
	require.ErrorIs(t, err, pricing.ErrApproverAuthority)

	// Step 3: the team leader approves; the token is redeemed once.
	v, err := p.Approve(r, noAgent, noOrder, laowang, "ap-g1", t0.Add(time.Hour))
	require.NoError(t, err)
	tok, err := v.Token(shopKey)
	require.NoError(t, err)
	var used pricing.Store
	r.At = t0.Add(5 * time.Minute)
	_, _, err = used.Redeem(p, tok, shopKey, r, noAgent, noOrder)
	require.NoError(t, err)
	_, _, err = used.Redeem(p, tok, shopKey, r, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrUsed)
}

// Seed 002 §四.1 and Q4: an oversold promotion item; the agent calms the
// buyer and asks the store manager for a compensation. Seed 002 Q7: an
// agent angered a buyer; the supervisor apologises and compensates.
// rule P5.
func TestSeedCompensations(t *testing.T) {
	p := pricing.DefaultPolicy()
	o := paid()
	zhang := agent("zhang", order.InSales)

	// Step 1: the oversell plan leaves this buyer short of the promotion
	// item; the agent asks for a 20.00 gift as compensation.
	r, err := pricing.CompensateOversell(oversold(t, true), zhang, pricing.Gift, dec("20.00"), t0)
	require.NoError(t, err)
	d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict)
	assert.Equal(t, order.StoreManager, d.Approver, "oversold: the store manager")
	_, err = p.Approve(r, pricing.AgentUsage{}, pricing.OrderUsage{}, laowang, "ap-c1", t0.Add(time.Hour))
	require.ErrorIs(t, err, pricing.ErrApproverAuthority, "the team leader does not grant an oversell compensation")
	_, err = p.Approve(r, pricing.AgentUsage{}, pricing.OrderUsage{}, boss, "ap-c1", t0.Add(time.Hour))
	require.NoError(t, err)

	r, err = pricing.NewCompensation(pricing.AgentFault, zhang, o, pricing.PriceCut, dec("5.00"), t0)
	require.NoError(t, err)
	d, err = p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict)
	assert.Equal(t, order.TeamLeader, d.Approver, "agent at fault: the supervisor")
}

// Seed 002 §七: a silent order's gift and postage are fixed in one go
// right after the buyer orders, before payment; a second change is a
// warning sign. rule P4, step by step with the usage the backend stores.
func TestSeedPriceChangedInOneGo(t *testing.T) {
	p := pricing.DefaultPolicy()
	zhang := agent("zhang", order.InSales)
	o := unpaid()
	var ou pricing.OrderUsage // the order's row
	lead, agentRow := noAgent, noAgent

	// Step 1: the team leader adds an 8.00 gift, within his authority.
	gift := request(laowang, o, pricing.Gift, "8.00")
	d, err := p.Review(gift, lead, ou)
	require.NoError(t, err)
	require.Equal(t, order.Allowed, d.Verdict)
	lead, ou, err = p.Record(gift, lead, ou)
	require.NoError(t, err)
	assert.Equal(t, 0, ou.PriceChanges, "a gift does not change the price")
	assert.True(t, lead.IsZero(), "nor the team leader's erase count")

	// Step 2: fix the postage, once.
	post := request(zhang, o, pricing.Postage, "10.00")
	d, err = p.Review(post, agentRow, ou)
	require.NoError(t, err)
	require.Equal(t, order.Allowed, d.Verdict)
	agentRow, ou, err = p.Record(post, agentRow, ou)
	require.NoError(t, err)
	assert.Equal(t, 1, ou.PriceChanges)

	// Step 3: a second price change on the same order is flagged.
	erase := request(zhang, o, pricing.EraseChange, "0.50")
	d, err = p.Review(erase, agentRow, ou)
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict)
	assert.True(t, d.Reasons.Has(pricing.ReasonRepeatPriceChange))
}

// Seed 003, Pregunta 2: pre-sales in principle may not erase change; if
// the shop allows it, about 1/100 of the order, 2 or 3 times a day.
// rule P3, with a shop that allows pre-sales to erase.
func TestSeedPreSalesEraseChange(t *testing.T) {
	p := pricing.DefaultPolicy()
	d, err := p.Review(request(xiaomei, unpaid(), pricing.EraseChange, "0.50"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict, "in principle, not alone")
	assert.True(t, d.Reasons.Has(pricing.ReasonEraseNotAllowed))

	p.Limits.PreSales.EraseChange = true
	require.NoError(t, p.Validate())
	var au pricing.AgentUsage // xiaomei's row; each erase on a different order
	for i := range 3 {
		r := request(xiaomei, unpaid(), pricing.EraseChange, "0.50")
		r.At = t0.Add(time.Duration(i) * time.Hour)
		d, err := p.Review(r, au, noOrder)
		require.NoError(t, err)
		require.Equal(t, order.Allowed, d.Verdict, "erase %d", i+1)
		au, _, err = p.Record(r, au, noOrder)
		require.NoError(t, err)
	}
	r := request(xiaomei, unpaid(), pricing.EraseChange, "0.50")
	r.At = t0.Add(5 * time.Hour)
	d, err = p.Review(r, au, noOrder)
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict, "the fourth of the day")
	assert.True(t, d.Reasons.Has(pricing.ReasonEraseDailyLimit))

	// About 1/100 of the order: 0.99 of 30.99 is far more.
	d, err = p.Review(request(xiaomei, smallOrder(), pricing.EraseChange, "0.99"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.Refused, d.Verdict)
	assert.True(t, d.Reasons.Has(pricing.ReasonEraseOverShare))
}

// Seed 003, Pregunta 4.8: the price difference is settled before the
// transfer and the buyer confirms. rule P6, both ways.
func TestSeedPriceDifferenceConfirmed(t *testing.T) {
	// Step 1: the buyer paid 99.90 for goods now priced 128.50: 28.60 to
	// top up with a linked top-up order.
	d, err := pricing.NewDifference("T2001", dec("99.90"), dec("128.50"))
	require.NoError(t, err)
	assert.Equal(t, pricing.PayerBuyer, d.Payer)
	assert.Equal(t, pricing.TopUpOrder, d.Via)
	assert.Equal(t, "28.60", d.Amount.StringFixed(2))
	assert.False(t, d.Settled(), "told the amount, not yet confirmed")
	d, err = d.Confirm(t0)
	require.NoError(t, err)
	assert.True(t, d.Settled())
	d, err = d.Transfer(t0.Add(3 * time.Minute)) // the top-up order is paid
	require.NoError(t, err)
	assert.True(t, d.Transferred())

	// Step 2: the other way, the shop owes 10.01; finance may not transfer
	// before the buyer confirms, and transfers once.
	s, err := pricing.NewDifference("T2001", dec("110.00"), dec("99.99"))
	require.NoError(t, err)
	_, err = s.Transfer(t0)
	require.ErrorIs(t, err, pricing.ErrNotConfirmed)
	s, err = s.Confirm(t0)
	require.NoError(t, err)
	s, err = s.Transfer(t0.Add(time.Minute))
	require.NoError(t, err)
	_, err = s.Transfer(t0.Add(2 * time.Minute))
	require.ErrorIs(t, err, pricing.ErrTransferred, "never paid twice")
}

// Seed 003, Pregunta 4.9: a Hong Kong order ships only with SF; when the
// buyer must pay the difference, the agent tells the amount and sends the
// parcel SF freight collect. rule P6: the difference (the carrier's
// surcharge, which shipping's CarrierChoice.Difference reports) is
// confirmed by the buyer before the parcel goes.
func TestSeedHongKongFreightCollect(t *testing.T) {
	surcharge := dec("23.00") // e.g. shipping.CarrierChoice.Difference()
	d, err := pricing.NewDifferenceOwed("T2001", pricing.FreightCollect, surcharge)
	require.NoError(t, err)
	assert.Equal(t, pricing.PayerBuyer, d.Payer, "the buyer pays SF on delivery")

	// Step 1: told the amount; not yet confirmed, so the parcel waits.
	_, err = d.Transfer(t0)
	require.ErrorIs(t, err, pricing.ErrNotConfirmed)
	// Step 2: the buyer confirms; the parcel goes freight collect.
	d, err = d.Confirm(t0.Add(time.Minute))
	require.NoError(t, err)
	d, err = d.Transfer(t0.Add(time.Hour))
	require.NoError(t, err)
	assert.True(t, d.Settled())
	assert.True(t, d.Transferred())
}

// Seed 002, second part Q6: for the big promotion the shop loosens the
// agents' authority a little — for the promotion only. rule A4.
func TestSeedLoosenedForPromotion(t *testing.T) {
	p := pricing.DefaultPolicy()
	loose := p.Limits
	for _, r := range []order.Role{order.PreSales, order.InSales, order.AfterSales, order.ReviewHandling} {
		loose.For(r).Gift = dec("15.00")
	}
	p.Periods = []pricing.Period{{Name: "double11", Limits: loose,
		Start: time.Date(2026, 11, 1, 0, 0, 0, 0, cst), End: time.Date(2026, 11, 12, 0, 0, 0, 0, cst)}}
	require.NoError(t, p.Validate())

	r := request(agent("zhang", order.InSales), unpaid(), pricing.Gift, "12.00")
	r.At = time.Date(2026, 11, 11, 10, 0, 0, 0, cst)
	d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
	assert.Equal(t, "double11", d.Period)

	r.At = time.Date(2026, 11, 20, 10, 0, 0, 0, cst)
	d, err = p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, order.NeedsApproval, d.Verdict, "after the promotion, the usual limits")
}
