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
	staffer = order.StaffRenderer
	buyer   = order.BuyerRenderer
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
	_ buyer   = order.CODDecision{}
	_ staffer = order.SlowReview{}
	_ staffer = order.OversellPlan{}
	_ staffer = order.Finding{}
	_ staffer = order.Digest{}
	_ buyer   = refund.Plan{}
	_ buyer   = refund.RefundDecision{}
	_ staffer = refund.Blocker{}

	_ interface{ Buyer(order.Lang) string } = order.Allocation{}
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

	ledger, err := refund.NewLedger(fin)
	require.NoError(t, err)
	ahua := order.Agent{ID: "ahua", Name: "阿华", Role: order.AfterSales}
	for _, c := range []struct {
		name       string
		withReturn bool
	}{{"refund_review/allowed", false}, {"refund_review/before_goods_back", true}} {
		rr, err := rp.ReviewRefund(refund.RefundRequest{Agent: ahua, Ledger: ledger, WithReturn: c.withReturn, At: signed.Add(24 * time.Hour),
			Payout: refund.Payout{Key: "RF-8", Version: ledger.Version(), SKU: "TEA-01", Units: 1, Goods: d("28.00")}})
		add(c.name, rr, err)
	}

	for _, s := range orderSample(t) {
		add(s.name, s.d, nil)
	}
	for _, s := range planSample(t, overcharged, sp.PostageOvercharge(overcharged)) {
		add(s.name, s.d, nil)
	}
	return out
}

// orderSample is a sample of order's decisions (rules S9, O5, O3, O2),
// from its default triage policy.
func orderSample(t *testing.T) []sample {
	tp := order.DefaultTriagePolicy()
	cod := orderSpec("49.50", "0.00")
	cod.ID, cod.Payment, cod.PaidAt = "T2001", order.CashOnDelivery, time.Time{}
	codOrder := mustOrder(t, cod)
	var out []sample
	add := func(name string, d staffer, err error) {
		require.NoError(t, err, name)
		out = append(out, sample{name, d})
	}
	d, err := tp.COD(codOrder, t0.Add(time.Hour))
	add("cod/confirm_with_buyer", d, err)
	d, err = tp.COD(codOrder, t0.Add(25*time.Hour))
	add("cod/reorder_online", d, err)

	slow := mustOrder(t, orderSpec("49.50", "0.00"))
	reviewed, err := slow.Apply(order.StartSlowReview, t0.Add(4*time.Hour)) // 14:00
	require.NoError(t, err)
	stock, err := order.NewStock(map[string]int{"TEA-01": 10})
	require.NoError(t, err)
	called := []order.Contact{{At: t0.Add(4*time.Hour + 10*time.Minute), Via: order.Phone}}
	sr, err := tp.SlowReview(&reviewed, stock, called, t0.Add(5*time.Hour))
	add("slow_review/opened_today", sr, err)
	sr, err = tp.SlowReview(&reviewed, stock, called, t0.Add(57*time.Hour))
	add("slow_review/ship_day", sr, err)

	plan, err := order.Oversell(oversellRequest(t))
	add("oversell/promotion", plan, err)

	report, _ := triage(t)
	for _, f := range report.Findings {
		add("finding/"+f.OrderID(), f, nil)
	}
	return out
}

// oversellRequest is seven units of a promotion item paid for by three
// buyers, real stock holding three (rules O3, P5).
func oversellRequest(t *testing.T) order.OversellRequest {
	paid := func(id string, qty, minute int) *order.Order {
		s := orderSpec("59.90", "0.00")
		s.ID, s.Buyer = id, order.Buyer{ID: "buyer-" + id}
		s.Lines[0].SKU, s.Lines[0].Quantity = "PROMO-1", qty
		s.CreatedAt, s.PaidAt = t0.Add(time.Duration(minute)*time.Minute), t0.Add(time.Duration(minute)*time.Minute)
		return mustOrder(t, s)
	}
	stock, err := order.NewStock(map[string]int{"PROMO-1": 3})
	require.NoError(t, err)
	return order.OversellRequest{SKU: "PROMO-1", Stock: stock, Promotion: true,
		Orders: []*order.Order{paid("T1003", 2, 2), paid("T1001", 2, 0), paid("T1002", 2, 1)}}
}

// triage runs order's triage over a small batch: one buyer with two
// addresses, a buyer asking for a delivery date, an unconfirmed cash on
// delivery to Hong Kong, and returns the report and its digest.
func triage(t *testing.T) (order.Report, order.Digest) {
	build := func(id, buyer string, placed time.Time, edit func(*order.Spec)) *order.Order {
		s := orderSpec("49.50", "0.00")
		s.ID, s.Buyer, s.CreatedAt, s.PaidAt = id, order.Buyer{ID: buyer}, placed, placed.Add(time.Minute)
		if edit != nil {
			edit(&s)
		}
		return mustOrder(t, s)
	}
	batch := []*order.Order{
		build("T1001", "wang", t0.Add(-90*time.Minute), nil),
		build("T1004", "wang", t0.Add(-25*time.Hour), func(s *order.Spec) { s.Address.Detail = "黄龙路5号" }),
		build("T1002", "li", t0.Add(-30*time.Minute), func(s *order.Spec) { s.Message = "能指定日期送到吗" }),
		build("T1003", "zhao", t0.Add(-2*time.Hour), func(s *order.Spec) { s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{} }),
	}
	stock, err := order.NewStock(map[string]int{"TEA-01": 10})
	require.NoError(t, err)
	tp := order.DefaultTriagePolicy()
	report, err := tp.Triage(batch, t0, order.StockCheck(stock))
	require.NoError(t, err)
	require.NotEmpty(t, report.Findings)
	digest, err := tp.Digest(report)
	require.NoError(t, err)
	return report, digest
}

// planSample is a sample of refund's plans (rules S2, R1, R2): refunding
// the difference; refunding and reordering with the original held and
// finance told by chat while away; the same after the buyer reordered on
// their own and both parcels left, now a reconciliation; and the blockers
// of the last two.
func planSample(t *testing.T, o *order.Order, c shipping.Overcharge) []sample {
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, cst) }
	agent := order.Agent{ID: "kf-b", Name: "客服B", Role: order.InSales}
	var out []sample
	add := func(name string, d staffer) { out = append(out, sample{name, d}) }

	diff, err := refund.PlanOvercharge(refund.PlanRequest{ID: "RR-0", Order: o, Overcharge: c, Owner: agent, At: at(2, 10, 30)})
	require.NoError(t, err)
	add("plan/refund_difference", diff)

	p, err := refund.PlanOvercharge(refund.PlanRequest{ID: "RR-1", Order: o, Overcharge: c,
		CannotRefundDifference: true, Owner: agent, At: at(2, 10, 30)})
	require.NoError(t, err)
	held, note, err := notes.ApplyHold(*o, order.Hold, notes.FlagRed, "退款重拍,原单暂停发货", agent, at(2, 10, 32))
	require.NoError(t, err)
	p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanHold, Version: p.Version(), At: at(2, 10, 32), Order: &held, Note: note})
	require.NoError(t, err)
	h, _, err := notes.DefaultPolicy().SendHandOff(notes.HandOff{ID: "h-1", OrderID: o.ID(), From: agent,
		To: notes.ToDepartment(order.Finance), Urgency: notes.Urgently, Subject: "原单退款重拍,请退款",
		Via: notes.ChannelsOf(notes.Chat), Away: true, SentAt: at(2, 10, 35)})
	require.NoError(t, err)
	p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanHandOff, Version: p.Version(), At: at(2, 10, 35), HandOff: h})
	require.NoError(t, err)
	add("plan/refund_and_reorder", p)
	for _, b := range p.Blockers(at(2, 11, 10)) {
		add("plan/refund_and_reorder/blocker/"+b.Step.String(), b)
	}

	spec := o.Spec()
	spec.Goods, spec.Paid = nil, nil
	spec.ID, spec.Postage, spec.CreatedAt, spec.PaidAt = "T1002", decimal.Zero, at(2, 10, 39), at(2, 10, 40)
	re := mustOrder(t, spec)
	p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanReorder, Version: p.Version(), At: at(2, 10, 40), Order: re, Observed: true})
	require.NoError(t, err)
	add("plan/reordered", p)
	for _, id := range []string{o.ID(), "T1002"} {
		p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanParcel, Version: p.Version(), At: at(3, 9, 0), OrderID: id, Stage: shipping.Outbound})
		require.NoError(t, err)
	}
	add("plan/reconcile", p)
	for _, b := range p.Blockers(at(3, 9, 0)) {
		add("plan/reconcile/blocker/"+b.Step.String(), b)
	}
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
	plan, err := order.Oversell(oversellRequest(t))
	require.NoError(t, err)
	for _, l := range order.Langs() {
		fmt.Fprintf(&b, "== %s: oversell/promotion, each order\n", l)
		for _, a := range plan.Allocations {
			fmt.Fprintf(&b, "%s buyer: %q\n", a.OrderID(), a.Buyer(l))
		}
	}
	golden(t, "decisions.golden", b.String())
}

// TestGoldenDigest pins the after-sales digest as the team reads it, in
// the four languages (rule O2): the words, dates and ages from the
// catalogs, the columns aligned.
func TestGoldenDigest(t *testing.T) {
	_, digest := triage(t)
	var b strings.Builder
	for _, l := range order.Langs() {
		fmt.Fprintf(&b, "== %s\n%s", l, digest.Staff(l))
	}
	golden(t, "digest.golden", b.String())
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
		order.CODDecision{}, order.SlowReview{}, order.OversellPlan{}, order.Finding{}, order.Digest{},
		refund.Plan{}, refund.Blocker{}, refund.RefundDecision{},
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
	assert.Empty(t, order.Allocation{}.Buyer(order.English), "no order: nothing to tell")
	for _, s := range decisionSample(t) {
		assert.Equal(t, s.d.Staff(order.SimplifiedChinese), s.d.Staff(order.Lang(99)), "%s: an invalid language is simplified Chinese", s.name)
	}
}
