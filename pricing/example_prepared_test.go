package pricing_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// A backend prepares the shop's pricing policy once, when it loads it,
// and reviews every concession with the prepared form (rules A3, A4, P2):
// the same decisions as the Policy, from limits in fen.
func ExamplePrepare() {
	cst := time.FixedZone("CST", 8*60*60)
	now := time.Date(2026, 11, 11, 20, 0, 0, 0, cst)
	p := pricing.DefaultPolicy()
	// During Double 11 in-sales agents may give gifts of up to 20.00.
	d11 := p.Limits
	d11.InSales.Gift, d11.AfterSales.Gift, d11.ReviewHandling.Gift = decimal.New(2000, -2), decimal.New(2000, -2), decimal.New(2000, -2)
	p.Periods = []pricing.Period{{Name: "双11", Start: time.Date(2026, 11, 11, 0, 0, 0, 0, cst),
		End: time.Date(2026, 11, 12, 0, 0, 0, 0, cst), Limits: d11}}
	prices, err := pricing.Prepare(p)
	if err != nil {
		fmt.Println(err)
		return
	}

	o := exampleOrder(now)
	for _, at := range []time.Time{now, now.Add(24 * time.Hour)} {
		d, err := prices.Review(pricing.Request{
			Agent: order.Agent{ID: "xiaomei", Role: order.InSales}, Order: &o,
			Kind: pricing.Gift, Amount: decimal.RequireFromString("15.00"), At: at,
		}, pricing.AgentUsage{}, pricing.OrderUsage{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s %s %q %s", at.Format("01-02"), d.Verdict, d.Period, d.Reasons)
		if d.Verdict == order.NeedsApproval {
			fmt.Print(" approver ", d.Approver)
		}
		fmt.Println()
	}
	// Output:
	// 11-11 allowed "双11" [period_limits]
	// 11-12 needs_approval "" [beyond_authority] approver team_leader
}

// Prepare refuses an invalid policy with the error
// [pricing.Policy.Validate] gives, naming the field.
func ExamplePrepare_invalid() {
	p := pricing.DefaultPolicy()
	p.Limits.StoreManager.Gift = decimal.New(100, -2)
	_, err := pricing.Prepare(p)
	fmt.Println(err)
	// Output:
	// pricing: limits.store_manager.gift "1.00": invalid policy: below 50.00 of team_leader: authority increases with the role (rule A1)
}
