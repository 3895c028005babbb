package pricing_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// exampleOrder is an unpaid order of 2 × 59.25 with 10.00 postage.
func exampleOrder(now time.Time) order.Order {
	return order.MustNew(order.Spec{
		ID:    "T3001",
		Buyer: order.Buyer{ID: "buyer-1", Nick: "小陈"},
		Lines: []order.Line{{SKU: "TEA-02", Quantity: 2, UnitPrice: decimal.RequireFromString("59.25")}},
		Address: order.Address{Recipient: "陈一", Phone: "13800000000", Province: "浙江省",
			City: "杭州市", District: "西湖区", Detail: "文三路1号"},
		Postage:   decimal.RequireFromString("10.00"),
		Status:    order.AwaitingPayment,
		CreatedAt: now.Add(-time.Minute),
	})
}

// A pre-sales agent's price cut needs the team leader's approval (rule
// A3); a postage concession of the same value is within her own authority
// and the shop prefers it (rule P2).
func ExamplePolicy_Review() {
	cst := time.FixedZone("CST", 8*60*60)
	now := time.Date(2026, 11, 10, 20, 0, 0, 0, cst)
	o := exampleOrder(now)
	p := pricing.DefaultPolicy()

	d, err := p.Review(pricing.Request{
		Agent:  order.Agent{ID: "xiaomei", Role: order.PreSales},
		Order:  &o,
		Kind:   pricing.PriceCut,
		Amount: decimal.RequireFromString("5.00"),
		At:     now,
	}, pricing.AgentUsage{}, pricing.OrderUsage{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Verdict, d.Approver, d.Reasons)
	fmt.Println("suggest:", d.Suggest, "limit:", d.Limit().StringFixed(2))
	// Output:
	// needs_approval team_leader [beyond_authority postage_preferred]
	// suggest: postage limit: 0.00
}

// The team leader approves the price cut; the approval travels as a
// signed token, is redeemed once against an in-memory store, and the
// second use is refused.
func Example_approval() {
	cst := time.FixedZone("CST", 8*60*60)
	now := time.Date(2026, 11, 10, 20, 0, 0, 0, cst)
	o := exampleOrder(now)
	p := pricing.DefaultPolicy()
	key := []byte("the shop's secret key, 32+ bytes long")
	r := pricing.Request{
		Agent:  order.Agent{ID: "xiaomei", Role: order.PreSales},
		Order:  &o,
		Kind:   pricing.PriceCut,
		Amount: decimal.RequireFromString("5.00"),
		At:     now,
	}

	// The team leader grants it for ten minutes.
	leader := order.Agent{ID: "laowang", Role: order.TeamLeader}
	v, err := p.Approve(r, pricing.AgentUsage{}, pricing.OrderUsage{}, leader, "ap-20261110-1", now.Add(10*time.Minute))
	if err != nil {
		fmt.Println(err)
		return
	}
	token, err := v.Token(key)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("expires", v.Approval().Expires) // one form: UTC, to the millisecond

	// The agent's client sends the token back with the concession.
	var store pricing.Store
	r.At = now.Add(2 * time.Minute)
	got, spent, err := store.Redeem(p, token, key, r, pricing.AgentUsage{}, pricing.OrderUsage{})
	fmt.Println(got.Approval().Approver.ID, got.Approval().Amount.StringFixed(2), spent.ID, err)

	// The same token again.
	_, _, err = store.Redeem(p, token, key, r, pricing.AgentUsage{}, pricing.OrderUsage{})
	fmt.Println(errors.Is(err, pricing.ErrUsed), order.HTTPStatus(err), store.Len())
	fmt.Println(err)
	// Output:
	// expires 2026-11-10 12:10:00 +0000 UTC
	// laowang 5.00 ap-20261110-1 <nil>
	// true 409 1
	// pricing: id "ap-20261110-1": approval already used: an approval is used once
}

// Erasing small change (rule P3): the erasable amount of 128.50 is 0.50,
// and an agent may erase it three times a day.
func ExampleErasable() {
	e, _ := pricing.Erasable(decimal.RequireFromString("128.50"))
	fmt.Println(e.StringFixed(2))
	// Output: 0.50
}

// A price difference counts as settled only once the buyer confirms it,
// and the money moves only after that (rule P6).
func ExampleNewDifference() {
	cst := time.FixedZone("CST", 8*60*60)
	now := time.Date(2026, 11, 10, 20, 0, 0, 0, cst)
	// The shop charged 110.00 for what costs 99.99.
	d, err := pricing.NewDifference("T3001", decimal.RequireFromString("110.00"), decimal.RequireFromString("99.99"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Payer, d.Via, d.Amount.StringFixed(2), d.Settled())

	// Finance may not transfer before the buyer confirms.
	_, err = d.Transfer(now)
	fmt.Println(err)

	d, _ = d.Confirm(now.Add(5 * time.Minute))
	d, err = d.Transfer(now.Add(10 * time.Minute))
	fmt.Println(d.Settled(), d.Transferred(), err)
	// Output:
	// shop transfer 10.01 false
	// pricing: confirmed_at: price difference not confirmed: the buyer confirms the amount before the transfer (rule P6)
	// true true <nil>
}

// A Hong Kong parcel ships SF freight collect (rules P6, S3): the buyer is
// told the carrier's surcharge — shipping's CarrierChoice.Difference — and
// confirms it before the parcel goes.
func ExampleNewDifferenceOwed() {
	d, err := pricing.NewDifferenceOwed("T3002", pricing.FreightCollect, decimal.RequireFromString("23.00"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Payer, d.Via, d.Amount.StringFixed(2), d.Settled())
	// Output: buyer freight_collect 23.00 false
}

// Two buyers paid for the last unit of a promotion item (rules O3, P5):
// the oversell plan leaves the later one short and asks for a
// compensation, which the store manager grants.
func Example_oversoldCompensation() {
	cst := time.FixedZone("CST", 8*60*60)
	now := time.Date(2026, 11, 11, 10, 0, 0, 0, cst)
	paid := func(id string, at time.Time) *order.Order {
		o := order.MustNew(order.Spec{
			ID:    id,
			Buyer: order.Buyer{ID: "buyer-" + id, Nick: "小陈"},
			Lines: []order.Line{{SKU: "TEA-02", Quantity: 1, UnitPrice: decimal.RequireFromString("54.25")}},
			Address: order.Address{Recipient: "陈一", Phone: "13800000000", Province: "浙江省",
				City: "杭州市", District: "西湖区", Detail: "文三路1号"},
			Postage:   decimal.Zero,
			Status:    order.AwaitingDispatch,
			CreatedAt: at.Add(-time.Minute),
			PaidAt:    at,
		})
		return &o
	}
	stock, _ := order.NewStock(map[string]int{"TEA-02": 1})
	plan, err := order.Oversell(order.OversellRequest{SKU: "TEA-02", Stock: stock, Promotion: true,
		Orders: []*order.Order{paid("T4001", now.Add(-2*time.Hour)), paid("T4002", now.Add(-time.Hour))}})
	if err != nil {
		fmt.Println(err)
		return
	}
	short := plan.Allocations[1]
	agent := order.Agent{ID: "zhang", Role: order.InSales}
	r, err := pricing.CompensateOversell(short, agent, pricing.Gift, decimal.RequireFromString("10.00"), now)
	if err != nil {
		fmt.Println(err)
		return
	}
	p := pricing.DefaultPolicy()
	d, err := p.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{})
	fmt.Println(r.Order.ID(), d.Verdict, d.Approver, d.Reasons, err)
	// Output: T4002 needs_approval store_manager [beyond_authority oversold] <nil>
}
