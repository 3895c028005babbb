package i18n_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// staffer is a decision with staff text, buyer one with a reply too: the
// one shape every package's decisions share.
type (
	staffer interface{ Staff(order.Lang) string }
	buyer   interface {
		staffer
		Buyer(order.Lang) string
	}
)

// Every decision type renders: these lines do not compile if one loses
// its Staff or Buyer method.
var (
	_ buyer   = shipping.FreeShippingDecision{}
	_ buyer   = shipping.Overcharge{}
	_ buyer   = shipping.DispatchPromise{}
	_ buyer   = shipping.PromiseReview{}
	_ buyer   = shipping.Reminder{}
	_ buyer   = shipping.ParcelReport{}
	_ buyer   = shipping.CarrierChoice{}
	_ buyer   = pricing.Decision{}
	_ buyer   = pricing.Difference{}
	_ staffer = notes.Decision{}
	_ buyer   = notes.Checklist{}
	_ buyer   = refund.SevenDayDecision{}
	_ buyer   = refund.PostageDecision{}
	_ buyer   = refund.ReplyDecision{}
	_ staffer = refund.Reconciliation{}
	_ staffer = refund.Escalation{}
)

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// cst is China Standard Time, the default policies' zone.
var cst = time.FixedZone("CST", 8*60*60)

// t0 is Monday 2 November 2026, 10:00 CST, an ordinary working morning.
var t0 = time.Date(2026, 11, 2, 10, 0, 0, 0, cst)

func mustOrder(t *testing.T, s order.Spec) *order.Order {
	t.Helper()
	o, err := order.New(s)
	require.NoError(t, err)
	return &o
}

// orderSpec is an online order to Zhejiang awaiting dispatch: goods worth
// price and the postage charged.
func orderSpec(price, postage string) order.Spec {
	return order.Spec{
		ID: "T1001", Buyer: order.Buyer{ID: "tb_8812"},
		Lines: []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: d(price), WeightGrams: 500}},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省",
			City: "杭州市", District: "西湖区", Detail: "文三路12号"},
		Postage: d(postage), Status: order.AwaitingDispatch, CreatedAt: t0, PaidAt: t0.Add(time.Minute),
	}
}

type sample struct {
	name string
	d    staffer
}

// decisionSample is a sample of the decisions of every package, built by
// the packages' own rules from their default policies.
func decisionSample(t *testing.T) []sample {
	sp := shipping.DefaultPolicy()
	short := orderSpec("98.99", "10.00")
	short.Status, short.PaidAt = order.AwaitingPayment, time.Time{}
	unpaid := mustOrder(t, short)
	xinjiang := orderSpec("120.00", "10.00")
	xinjiang.Address.Province = "新疆维吾尔自治区"
	overcharged := mustOrder(t, orderSpec("120.00", "10.00"))

	var out []sample
	add := func(name string, d staffer, err error) {
		require.NoError(t, err, name)
		out = append(out, sample{name, d})
	}
	add("free_shipping/below_threshold", sp.FreeShipping(unpaid), nil)
	add("free_shipping/excluded_region", sp.FreeShipping(mustOrder(t, xinjiang)), nil)
	add("free_shipping/ships_free", sp.FreeShipping(overcharged), nil)
	add("overcharge/after_payment", sp.PostageOvercharge(overcharged), nil)
	promise, err := sp.DispatchPromise(time.Date(2026, 11, 2, 17, 30, 0, 0, cst))
	add("dispatch_promise/cutoff_passed", promise, err)
	big := sp
	big.BigPromotions = []shipping.Period{{Name: "双11", Start: time.Date(2026, 11, 11, 0, 0, 0, 0, cst), End: time.Date(2026, 11, 12, 0, 0, 0, 0, cst)}}
	promise, err = big.DispatchPromise(time.Date(2026, 11, 11, 0, 10, 0, 0, cst))
	add("dispatch_promise/big_promotion", promise, err)
	review, err := sp.ReviewPromise(t0, shipping.PromiseClaim{Wording: shipping.ShipsToday, Delivery: true})
	add("promise_review/delivery_guarantee", review, err)
	reminder, err := sp.PaymentReminder(shipping.Unpaid{Order: unpaid, BuyerOnline: true}, time.Date(2026, 11, 2, 13, 0, 0, 0, cst))
	add("reminder/ships_today_if_paid", reminder, err)
	report, err := sp.ClassifyParcel(overcharged, nil, time.Date(2026, 11, 5, 10, 0, 0, 0, cst))
	add("parcel/late_dispatch", report, err)
	report, err = sp.ClassifyParcel(overcharged, []shipping.TrackingEvent{{At: t0.Add(2 * time.Hour), Stage: shipping.Outbound},
		{At: t0.Add(3 * time.Hour), Stage: shipping.PickedUp}}, time.Date(2026, 11, 6, 10, 0, 0, 0, cst))
	add("parcel/stalled_at_origin", report, err)
	choice, err := sp.ChooseCarrier(order.HongKong, "")
	add("carrier/sf_only", choice, err)
	choice, err = sp.ChooseCarrier(order.Zhejiang, "")
	add("carrier/default", choice, err)

	pp := pricing.DefaultPolicy()
	req := func(r order.Role, k pricing.Kind, amount string) pricing.Request {
		return pricing.Request{Agent: order.Agent{ID: "kf-li", Name: "李四", Role: r}, Order: unpaid, Kind: k, Amount: d(amount), At: t0}
	}
	for _, c := range []struct {
		name string
		r    pricing.Request
	}{
		{"concession/needs_approval", req(order.PreSales, pricing.Gift, "3.00")},
		{"concession/postage_preferred", req(order.PreSales, pricing.PriceCut, "5.00")},
		{"concession/refused", req(order.PreSales, pricing.PriceCut, "50.00")},
		{"concession/allowed", req(order.PreSales, pricing.Postage, "5.00")},
	} {
		dec, err := pp.Review(c.r, pricing.AgentUsage{}, pricing.OrderUsage{})
		add(c.name, dec, err)
	}
	diff, err := pricing.NewDifference("T1001", d("10.00"), d("30.00"))
	add("difference/buyer_owes", diff, err)
	diff, err = pricing.NewDifference("T1001", d("30.00"), d("24.50"))
	add("difference/shop_owes", diff, err)

	memo, err := notes.NewMemo("", notes.FlagNone)
	require.NoError(t, err)
	hold := notes.Note{Flag: notes.FlagRed, Kind: notes.KindHold, Reason: "退款重拍,原单不发",
		Author: order.Agent{ID: "kf-li", Name: "李四", Role: order.PreSales}, At: t0}
	_, nd, err := memo.Append(hold, order.SimplifiedChinese, cst)
	add("notes/memo_append", nd, err)
	silent := orderSpec("99.00", "10.00")
	silent.Silent, silent.Status, silent.PaidAt = true, order.AwaitingPayment, time.Time{}
	list, err := notes.CheckSilent(mustOrder(t, silent), notes.SilentCheck{BuyerOnline: true,
		Gift: notes.Item{SKU: "GIFT-01", Quantity: 1}, Postage: decimal.Zero,
		Author: order.Agent{ID: "kf-li", Name: "李四", Role: order.PreSales}, At: t0})
	add("checklist/unpaid_online", list, err)

	rp := refund.DefaultPolicy()
	done := orderSpec("120.00", "8.00")
	done.Status, done.DispatchedAt, done.ReceivedAt = order.Finished, t0.Add(2*time.Hour), t0.Add(50*time.Hour)
	fin := mustOrder(t, done)
	signed := fin.ReceivedAt()
	sd, err := rp.SevenDay(refund.SevenDayRequest{Order: fin, SKU: "TEA-01", SignedAt: signed, At: signed.Add(24 * time.Hour)})
	add("seven_day/allowed", sd, err)
	sd, err = rp.SevenDay(refund.SevenDayRequest{Order: fin, SKU: "TEA-01", SignedAt: signed, At: signed.Add(9 * 24 * time.Hour)})
	add("seven_day/window_closed", sd, err)
	pd, err := rp.ReturnPostage(refund.PostageRequest{Order: fin, Cause: refund.NoReason, FreeShipping: true})
	add("return_postage/free_shipping", pd, err)
	pd, err = rp.ReturnPostage(refund.PostageRequest{Order: fin, Cause: refund.OrderedWrongly, FreeShipping: true, Bargained: true})
	add("return_postage/two_choices", pd, err)
	rc, err := rp.Reconcile(refund.Evidence{Orders: [2]string{"T1001", "T1002"},
		Outbound: []refund.Outbound{{OrderID: "T1001", Waybill: "SF1234567"}},
		Weights:  []refund.Weight{{Waybill: "SF1234567", Grams: 500}}, ParcelGrams: 500})
	add("reconcile/one_shipped", rc, err)
	esc, err := refund.Escalate(refund.FalseDispatch, t0)
	add("complaint/false_dispatch", esc, err)
	rd, err := refund.CheckReply("亲，给个好评返5元红包哦")
	add("reply/cash_back", rd, err)
	return out
}

// TestGoldenDecisions pins a sample of decisions of every package, their
// staff text and, where a buyer hears of them, the reply, in the four
// languages. Refresh with -update.
func TestGoldenDecisions(t *testing.T) {
	var b strings.Builder
	sample := decisionSample(t)
	for _, l := range order.Langs() {
		fmt.Fprintf(&b, "== %s\n", l)
		for _, s := range sample {
			staff := s.d.Staff(l)
			assert.NotEmpty(t, staff, "%s: no staff text in %s", s.name, l)
			fmt.Fprintf(&b, "%s staff: %s\n", s.name, staff)
			if by, ok := s.d.(buyer); ok {
				if reply := by.Buyer(l); reply != "" {
					fmt.Fprintf(&b, "%s buyer: %s\n", s.name, reply)
				}
			}
		}
	}
	golden(t, "decisions.golden", b.String())
}

// TestDecisionRepliesAreBuyerReplies: every reply a decision gives is one
// of the replies to buyers — in Chinese it opens 亲， or 親， — never a
// staff line.
func TestDecisionRepliesAreBuyerReplies(t *testing.T) {
	for _, s := range decisionSample(t) {
		by, ok := s.d.(buyer)
		if !ok {
			continue
		}
		if r := by.Buyer(order.SimplifiedChinese); r != "" {
			assert.True(t, strings.HasPrefix(r, "亲，"), "%s: %q", s.name, r)
		}
		if r := by.Buyer(order.TraditionalChinese); r != "" {
			assert.True(t, strings.HasPrefix(r, "親，"), "%s: %q", s.name, r)
		}
	}
}

// TestZeroDecisionsRenderNothing: the zero value of every decision has no
// verdict and renders as "" — except the zero checklist, which says there
// is nothing to do — and an invalid language is simplified Chinese.
func TestZeroDecisionsRenderNothing(t *testing.T) {
	zeros := []staffer{
		shipping.FreeShippingDecision{}, shipping.Overcharge{}, shipping.DispatchPromise{}, shipping.PromiseReview{},
		shipping.Reminder{}, shipping.ParcelReport{}, shipping.CarrierChoice{}, pricing.Decision{}, pricing.Difference{},
		notes.Decision{}, refund.SevenDayDecision{}, refund.PostageDecision{}, refund.ReplyDecision{},
		refund.Reconciliation{}, refund.Escalation{},
	}
	for _, z := range zeros {
		for _, l := range append(order.Langs(), order.Lang(99)) {
			assert.Empty(t, z.Staff(l), "%T", z)
			if by, ok := z.(buyer); ok {
				assert.Empty(t, by.Buyer(l), "%T", z)
			}
		}
	}
	assert.Equal(t, "无需处理", notes.Checklist{}.Staff(order.SimplifiedChinese))
	assert.Empty(t, notes.Checklist{}.Buyer(order.English))
	for _, s := range decisionSample(t) {
		assert.Equal(t, s.d.Staff(order.SimplifiedChinese), s.d.Staff(order.Lang(99)), "%s: an invalid language is simplified Chinese", s.name)
	}
}
