package refund_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// exampleOrder is a paid order of 2 scarves at 50.00, a hat at 30.00 and
// 3 pairs of socks at 6.67, 10.00 off, 8.00 postage.
func exampleOrder() *order.Order {
	o := order.MustNew(order.Spec{
		ID:    "T1001",
		Buyer: order.Buyer{ID: "tb_8812"},
		Lines: []order.Line{
			{SKU: "SCARF-01", Quantity: 2, UnitPrice: decimal.RequireFromString("50.00")},
			{SKU: "HAT-01", Quantity: 1, UnitPrice: decimal.RequireFromString("30.00")},
			{SKU: "SOCK-01", Quantity: 3, UnitPrice: decimal.RequireFromString("6.67")},
		},
		Address: order.Address{Recipient: "王芳", Phone: "13800135678", Province: "浙江省", City: "杭州市",
			District: "西湖区", Detail: "文三路12号"},
		Postage:   decimal.RequireFromString("8.00"),
		Discount:  decimal.RequireFromString("10.00"),
		Status:    order.AwaitingDispatch,
		CreatedAt: time.Date(2026, 11, 2, 10, 0, 0, 0, cst),
		PaidAt:    time.Date(2026, 11, 2, 10, 1, 0, 0, cst),
	})
	return &o
}

// A partial refund is capped by what the units paid once the order
// discount is split across the lines: one of two scarves refunds 46.66,
// not its 50.00 price (rule R7). An amount of 0 is an error, never
// "everything", and a replay of the same key pays nothing new.
func ExampleLedger_Pay() {
	l, err := refund.NewLedger(exampleOrder())
	if err != nil {
		fmt.Println(err)
		return
	}
	scarves, _ := l.LineBySKU("SCARF-01")
	fmt.Println("scarves paid", scarves.Paid.StringFixed(2), "of", scarves.Goods.StringFixed(2))

	max, _ := l.Refundable("SCARF-01", 1)
	fmt.Println("one scarf may refund", max.StringFixed(2))

	_, _, err = l.Pay(refund.Payout{Key: "RF-1", Version: l.Version(), SKU: "SCARF-01", Units: 1,
		Goods: decimal.RequireFromString("50.00")})
	fmt.Println(err)
	_, _, err = l.Pay(refund.Payout{Key: "RF-1", Version: l.Version(), SKU: "SCARF-01", Units: 1})
	fmt.Println(errors.Is(err, refund.ErrInvalidAmount))

	p := refund.Payout{Key: "RF-1", Version: l.Version(), SKU: "SCARF-01", Units: 1, Goods: max}
	next, r, _ := l.Pay(p)
	fmt.Println("paid", r.Amount().StringFixed(2), "version", next.Version(), "remaining", next.Remaining().StringFixed(2))
	_, again, _ := next.Pay(p)
	fmt.Println("replayed", again.Replayed, "version", again.Version)
	// Output:
	// scarves paid 93.33 of 100.00
	// one scarf may refund 46.66
	// refund: goods "50.00": exceeds what remains refundable: 46.66 left for 1 units of line "SCARF-01"
	// true
	// paid 46.66 version 2 remaining 101.35
	// replayed true version 2
}

// A seven-day no-reason return of a scarf the buyer washed is refused
// (rule R3); the agent first confirms which order and when it was bought.
func ExamplePolicy_SevenDay() {
	spec := exampleOrder().Spec()
	spec.Goods, spec.Paid = nil, nil
	spec.Status = order.Finished
	spec.DispatchedAt = time.Date(2026, 11, 2, 16, 0, 0, 0, cst)
	spec.ReceivedAt = time.Date(2026, 11, 4, 15, 0, 0, 0, cst)
	o := order.MustNew(spec)

	d, err := refund.DefaultPolicy().SevenDay(refund.SevenDayRequest{
		Order: &o, SKU: "SCARF-01",
		SignedAt:  time.Date(2026, 11, 4, 15, 0, 0, 0, cst),
		At:        time.Date(2026, 11, 8, 20, 0, 0, 0, cst),
		Condition: refund.ConditionSet(0).With(refund.ConditionWashed),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Verdict, d.Reasons)
	fmt.Println("confirm first:", d.Confirm)
	fmt.Println("window:", d.Opens.Format("01-02 15:04"), "to", d.Closes.Format("01-02 15:04"))
	// Output:
	// refused [washed]
	// confirm first: [confirm_order confirm_bought_at]
	// window: 11-05 00:00 to 11-12 00:00
}

// Seed 000 case 2: the buyer refunded the original order and placed it
// again; both seemed to have shipped. Evidence first — the warehouse's
// outbound record and the waybill stub's weight — then finance refunds the
// order that did not ship, then operations fixes the free-shipping
// settings (rules R2, S2). Half an hour instead of two days.
func Example_reconciliation() {
	p := refund.DefaultPolicy()
	ev := refund.Evidence{Orders: [2]string{"T1001", "T1002"}, ParcelGrams: 1000}

	r, _ := p.Reconcile(ev) // nothing from the warehouse yet
	fmt.Println(r.Outcome, r.Finance, "ask", r.Ask, r.Reasons)

	ev.Outbound = []refund.Outbound{{OrderID: "T1002", Waybill: "YT5550001111"}}
	ev.Weights = []refund.Weight{{Waybill: "YT5550001111", Grams: 1020}}
	r, _ = p.Reconcile(ev)
	fmt.Println(r.Outcome, r.Finance, "refund", r.Refund, "then", r.FollowUp)
	// Output:
	// inconclusive get_evidence ask warehouse [no_outbound_record]
	// one_shipped refund_one refund T1001 then operations
}

// table stands for the backend's database table of ledgers, one row per
// order: the ledger's JSON and its version.
type table map[string]struct {
	data    []byte
	version int64
}

// update is UPDATE ledgers SET data = ?, version = ? WHERE order_id = ?
// AND version = ?: it reports whether a row changed.
func (t table) update(l refund.Ledger, old int64) bool {
	row := t[l.OrderID()]
	if row.version != old {
		return false
	}
	b, _ := json.Marshal(l)
	t[l.OrderID()] = struct {
		data    []byte
		version int64
	}{b, l.Version()}
	return true
}

// A backend stores ledgers with compare-and-set on their version. Two
// agents each decide to refund 60.00 of the scarves, which paid 93.33,
// from the same stored ledger: the first update wins; the second finds the
// version moved, reloads, decides again and is refused — together they
// never pass the cap (rule R7).
func Example_compareAndSet() {
	db := table{}
	l, _ := refund.NewLedger(exampleOrder())
	db.update(l, 0)

	load := func() refund.Ledger {
		var l refund.Ledger
		_ = json.Unmarshal(db["T1001"].data, &l)
		return l
	}
	refundScarves := func(agent string, seen refund.Ledger) error {
		for {
			next, _, err := seen.Pay(refund.Payout{Key: agent, Version: seen.Version(), SKU: "SCARF-01",
				Goods: decimal.RequireFromString("60.00")})
			if err != nil {
				return err
			}
			if db.update(next, seen.Version()) {
				return nil
			}
			fmt.Println(agent + ": the ledger moved on; reload and decide again")
			seen = load()
		}
	}
	a, b := load(), load() // both read version 1
	fmt.Println("xiaomei:", refundScarves("xiaomei", a))
	fmt.Println("ahua:", refundScarves("ahua", b))
	fmt.Println("refunded", load().Refunded().StringFixed(2), "at version", db["T1001"].version)
	// Output:
	// xiaomei: <nil>
	// ahua: the ledger moved on; reload and decide again
	// ahua: refund: goods "60.00": exceeds what remains refundable: 33.33 left on line "SCARF-01"
	// refunded 60.00 at version 2
}

// A reply that offers cash back for a review is refused, in any of the
// sources' languages and however it is spelled (rule R8).
func ExampleCheckReply() {
	for _, s := range []string{"亲，五星好评返现5元哦", "Leave a review and get $5 back!", "我们没有好评返现哦"} {
		d, _ := refund.CheckReply(s)
		fmt.Println(d.Verdict, d.Match)
	}
	// Output:
	// refused 返现
	// refused review+get…back
	// allowed
}

// A return moves through the platform's refund states, the buyer's
// return waybill number is required to send the goods back (rule R4), and
// an action decided on an old version is refused (refund_version).
func ExampleRefund_Apply() {
	spec := exampleOrder().Spec()
	spec.Goods, spec.Paid = nil, nil
	spec.Status, spec.DispatchedAt = order.AwaitingReceipt, time.Date(2026, 11, 2, 16, 0, 0, 0, cst)
	o := order.MustNew(spec)
	at := time.Date(2026, 11, 5, 9, 0, 0, 0, cst)

	r, _ := refund.Open(&o, refund.Application{ID: "RF-7", SKU: "HAT-01", Fee: decimal.RequireFromString("28.00"),
		HasGoodReturn: true, GoodStatus: refund.Received, At: at})
	fmt.Println(r.Status(), r.Phase(), r.Version())
	r, _ = r.Apply(refund.Action{Event: refund.AgreeReturn, Version: 1, At: at})
	_, err := r.Apply(refund.Action{Event: refund.ReturnGoods, Version: 1, At: at, Waybill: "SF1234567890"})
	fmt.Println(errors.Is(err, refund.ErrStaleVersion))
	r, _ = r.Apply(refund.Action{Event: refund.ReturnGoods, Version: 2, At: at, Waybill: "SF1234567890"})
	fmt.Println(r.Status(), r.GoodStatus(), r.Waybill())
	// Output:
	// WAIT_SELLER_AGREE onsale 1
	// true
	// WAIT_SELLER_CONFIRM_GOODS BUYER_RETURNED_GOODS SF1234567890
}

// Seed 000, case 1, replayed as a refund-and-reorder plan (rules R1, N2,
// R2). Buyer A's silent order qualified for free shipping but was charged
// 8.00 of postage; agent B had the buyer refund and reorder, held the
// original, and left finance a chat message while finance was away; the
// warehouse was never told; the buyer reordered; both orders shipped.
// kefu refuses the new order as a step while finance and the warehouse
// have not acknowledged, records it when it happens anyway, names the
// guards skipped and when, and, once both parcels are out, asks the
// warehouse for evidence before any money moves.
func Example_refundAndReorder() {
	o := exampleOrder()
	c := shipping.DefaultPolicy().PostageOvercharge(o)
	fmt.Println("overcharged", c.Amount().StringFixed(2), "remedies", c.Remedies)

	agentB := order.Agent{ID: "kf-b", Name: "客服B", Role: order.InSales}
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, cst) }
	p, _ := refund.PlanOvercharge(refund.PlanRequest{ID: "RR-1", Order: o, Overcharge: c,
		CannotRefundDifference: true, Owner: agentB, At: at(2, 10, 30)})
	fmt.Println("route:", p.Route())

	held, note, _ := notes.ApplyHold(*o, order.Hold, notes.FlagRed, "退款重拍,原单暂停发货", agentB, at(2, 10, 32))
	p, _ = p.Apply(refund.PlanEvent{Kind: refund.PlanHold, Version: p.Version(), At: at(2, 10, 32), Order: &held, Note: note})

	h, d, _ := notes.DefaultPolicy().SendHandOff(notes.HandOff{ID: "h-1", OrderID: "T1001", From: agentB,
		To: notes.ToDepartment(order.Finance), Urgency: notes.Urgently, Subject: "原单T1001退款重拍,请退款",
		Via: notes.ChannelsOf(notes.Chat), Away: true, SentAt: at(2, 10, 35)})
	fmt.Println("finance by chat, away:", d.Verdict, d.Reasons)
	p, _ = p.Apply(refund.PlanEvent{Kind: refund.PlanHandOff, Version: p.Version(), At: at(2, 10, 35), HandOff: h})
	for _, b := range p.Blockers(at(2, 11, 10)) {
		if b.Ready {
			fmt.Println("blocked:", b.Step, "by", b.Who, b.Reasons)
		}
	}

	spec := o.Spec()
	spec.Goods, spec.Paid = nil, nil
	spec.ID, spec.Postage, spec.CreatedAt, spec.PaidAt = "T1002", decimal.Zero, at(2, 10, 39), at(2, 10, 40)
	re := order.MustNew(spec)
	reorder := refund.PlanEvent{Kind: refund.PlanReorder, Version: p.Version(), At: at(2, 10, 40), Order: &re}
	_, err := p.Apply(reorder)
	fmt.Println(err)
	reorder.Observed = true // it happened all the same
	p, _ = p.Apply(reorder)

	for _, id := range []string{"T1001", "T1002"} {
		p, _ = p.Apply(refund.PlanEvent{Kind: refund.PlanParcel, Version: p.Version(), At: at(3, 9, 0), OrderID: id,
			Stage: shipping.Outbound})
	}
	fmt.Println("shipped:", p.Shipped(), "route:", p.Route())
	for _, b := range p.Bypasses() {
		fmt.Println(b.At.Format("01-02 15:04"), b.Event, "skipped", b.Skipped)
	}
	for _, b := range p.Blockers(at(3, 9, 0)) {
		fmt.Println("next:", b.Step, "by", b.Who, b.Reasons, "ready", b.Ready)
	}
	// Output:
	// overcharged 8.00 remedies [refund_difference refund_and_reorder]
	// route: refund_and_reorder
	// finance by chat, away: refused [phone_required]
	// blocked: finance_ack by finance [awaiting_acknowledgement acknowledgement_overdue call_required]
	// blocked: warehouse_ack by warehouse [awaiting_hand_off]
	// blocked: fix_settings by operations [awaiting_hand_off]
	// refund: event "reorder": transition not allowed: place_reorder waits for [finance_ack warehouse_ack] (rule R1) (refund: event "reorder" not allowed in state "finance_ack")
	// shipped: [T1001 T1002] route: reconcile
	// 11-02 10:40 reorder skipped [finance_ack warehouse_ack]
	// 11-03 09:00 parcel skipped [warehouse_ack]
	// next: gather_evidence by warehouse [awaiting_evidence] ready true
	// next: settle_refund by finance [awaiting_refund] ready false
	// next: fix_settings by operations [awaiting_hand_off] ready true
}

// A refund of goods the buyer sends back, paid before they arrived, needs
// the team leader's approval (rule A3): pricing's signed, single-use
// approval of kind refund, redeemed for exactly this order, agent and
// amount.
func ExamplePolicy_ApproveRefund() {
	p := refund.DefaultPolicy()
	l, _ := refund.NewLedger(exampleOrder())
	ahua := order.Agent{ID: "ahua", Name: "阿华", Role: order.AfterSales}
	r := refund.RefundRequest{Agent: ahua, Ledger: l, WithReturn: true, At: time.Date(2026, 11, 5, 9, 0, 0, 0, cst),
		Payout: refund.Payout{Key: "RF-8", Version: l.Version(), SKU: "HAT-01", Units: 1, Goods: decimal.RequireFromString("28.00")}}
	d, _ := p.ReviewRefund(r)
	fmt.Println(d.Verdict, d.Approver, d.Reasons)

	laowang := order.Agent{ID: "laowang", Name: "老王", Role: order.TeamLeader}
	v, _ := p.ApproveRefund(r, laowang, "ap-9", r.At.Add(time.Hour))
	key := []byte("kefu-example-shop-key-0123456789abcdef")
	token, _ := v.Token(key)

	_, spent, err := p.RedeemRefund(token, key, r)
	fmt.Println(spent.ID, err) // insert spent under its unique key with the ledger
	more := r
	more.Payout.Postage = decimal.RequireFromString("1.00") // 29.00 in all
	_, _, err = p.RedeemRefund(token, key, more)
	fmt.Println(order.HTTPStatus(err), errors.Is(err, pricing.ErrAmountExceeded))
	// Output:
	// needs_approval team_leader [before_goods_back]
	// ap-9 <nil>
	// 403 true
}
