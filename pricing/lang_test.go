package pricing_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// TestBuyerHearsTheVerdictFirst: rule P2 names a kind the shop prefers,
// but the buyer hears what was decided — an allowed price cut is granted,
// never "we can't lower the price, have a gift", and a price refused
// because the promotion is over says so (rule P1) before it offers the
// preferred kind; a concession not allowed offers that kind first.
func TestBuyerHearsTheVerdictFirst(t *testing.T) {
	p := pricing.DefaultPolicy()
	expired := &pricing.Promotion{Name: "double11", SKU: "TEA-02", Price: dec("49.00"),
		Start: time.Date(2026, 11, 11, 0, 0, 0, 0, cst), End: time.Date(2026, 11, 12, 0, 0, 0, 0, cst)}
	after := time.Date(2026, 11, 12, 9, 0, 0, 0, cst)
	for _, c := range []struct {
		reason  string
		r       pricing.Request
		ou      pricing.OrderUsage
		verdict order.Verdict
		suggest pricing.Kind
		want    string
	}{
		{"the store manager's second cut is allowed: the buyer hears it granted (rules P2, P4)",
			request(agent("zhou", order.StoreManager), unpaid(), pricing.PriceCut, "9.00"),
			pricing.OrderUsage{OrderID: "T2001", PriceChanges: 1, Version: 1},
			order.Allowed, pricing.Gift, "亲，已经帮您把价格改好了，优惠了 9.00 元，现在付款就可以啦"},
		{"a missed promotion with a gift the team leader may give: the window first (rule P1)",
			withPromotion(request(agent("lead", order.TeamLeader), unpaid(), pricing.PriceCut, "5.00"), expired, after),
			pricing.OrderUsage{}, order.Refused, pricing.Gift,
			"亲，活动时间是平台统一设定的，我们也没办法修改，活动结束后就恢复原价了；这边给您送一份小赠品好吗？"},
		{"a missed promotion with postage pre-sales may take off: the window first (rule P1)",
			withPromotion(request(agent("xiaomei", order.PreSales), unpaid(), pricing.PriceCut, "5.00"), expired, after),
			pricing.OrderUsage{}, order.Refused, pricing.Postage,
			"亲，活动时间是平台统一设定的，我们也没办法修改，活动结束后就恢复原价了；运费这边可以给您优惠 5.00 元，您看可以吗？"},
		{"a cut beyond pre-sales, a postage concession within it: offered first (rule P2)",
			request(agent("xiaomei", order.PreSales), unpaid(), pricing.PriceCut, "5.00"),
			pricing.OrderUsage{}, order.NeedsApproval, pricing.Postage,
			"亲，价格我们没办法再改了，运费这边可以给您优惠 5.00 元，您看可以吗？"},
	} {
		t.Run(c.reason, func(t *testing.T) {
			d, err := p.Review(c.r, pricing.AgentUsage{}, c.ou)
			require.NoError(t, err)
			require.Equal(t, c.verdict, d.Verdict, d.Reasons.String())
			require.Equal(t, c.suggest, d.Suggest, d.Reasons.String())
			assert.Equal(t, c.want, d.Buyer(order.SimplifiedChinese))
		})
	}
}

func withPromotion(r pricing.Request, pr *pricing.Promotion, at time.Time) pricing.Request {
	r.Promotion, r.At = pr, at
	return r
}
