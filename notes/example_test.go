package notes_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// An address change is written out in full, even when only the house
// number changed (rule N1), and appended to the order's memo.
func ExampleNote_addressChange() {
	cst := time.FixedZone("CST", 8*60*60)
	n := notes.Note{
		Flag:   notes.FlagRed,
		Kind:   notes.KindAddressChange,
		Reason: "买家来电改门牌号",
		Address: order.Address{Recipient: "张三", Phone: "138 1234 5678", Province: "浙江省",
			City: "杭州市", District: "西湖区", Detail: "文三路１４号"},
		Author: order.Agent{ID: "kf-li", Name: "李四", Role: order.InSales},
		At:     time.Date(2026, 11, 25, 14, 3, 5, 0, cst),
	}
	var memo notes.Memo
	memo, _, err := memo.Append(n, order.SimplifiedChinese, cst)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(memo.Text())
	fmt.Println(memo.Flag(), memo.Len(), "of", notes.MemoLimit, "bytes")

	back, _ := notes.ParseNote(memo.Text())
	fmt.Println(back.Address.Detail)

	// Only the house number is not an address.
	n.Address = order.Address{Detail: "文三路14号"}
	_, _, err = memo.Append(n, order.SimplifiedChinese, cst)
	fmt.Println(err)
	// Output:
	// 【改地址】旗:红 | 原因:买家来电改门牌号 | 新地址:张三,13812345678,浙江省,杭州市,西湖区,文三路14号 | 经办:李四(售中) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00
	// red 207 of 1000 bytes
	// 文三路14号
	// notes: note.address ",,,,,文三路14号": invalid note detail: an address change carries the complete new address (order: address ",,,,,文三路14号": incomplete address: missing recipient, phone, region, city, district)
}

// An urgent refund for a finance colleague who is away from the desk must
// go by phone; a chat message alone is refused (rule N2). The hand-off
// counts once finance acknowledges it.
func ExamplePolicy_SendHandOff() {
	cst := time.FixedZone("CST", 8*60*60)
	sent := time.Date(2026, 11, 25, 10, 0, 0, 0, cst)
	p := notes.DefaultPolicy()
	h := notes.HandOff{
		ID: "h-1", OrderID: "T1001",
		From:    order.Agent{ID: "kf-b", Name: "客服B", Role: order.PreSales},
		To:      notes.ToDepartment(order.Finance),
		Urgency: notes.Urgently,
		Subject: "原单T1001退款重拍,请退款12.00",
		Via:     notes.ChannelsOf(notes.Chat),
		Away:    true,
		SentAt:  sent,
	}
	_, d, _ := p.SendHandOff(h)
	fmt.Println(d.Verdict, d.Reasons)

	h.Via = notes.ChannelsOf(notes.Chat, notes.Phone)
	h, d, _ = p.SendHandOff(h)
	fmt.Println(d.Verdict, "due", h.Due.Format("15:04"))
	fmt.Println("overdue at 10:45:", h.Overdue(sent.Add(45*time.Minute)))

	h, _ = h.Acknowledge("财务C", sent.Add(10*time.Minute))
	fmt.Println("acknowledged:", h.Acknowledged(), "overdue at 10:45:", h.Overdue(sent.Add(45*time.Minute)))
	_, err := h.Acknowledge("财务C", sent.Add(20*time.Minute))
	fmt.Println(err != nil)
	// Output:
	// refused [phone_required]
	// allowed due 10:30
	// overdue at 10:45: true
	// acknowledged: true overdue at 10:45: false
	// true
}

// A dispatch promise is kept only when the parcel leaves the warehouse;
// a printed waybill does not count (rule N3, rule S7).
func ExamplePromise_Fulfil() {
	cst := time.FixedZone("CST", 8*60*60)
	made := time.Date(2026, 11, 25, 10, 0, 0, 0, cst)
	due := time.Date(2026, 11, 26, 23, 59, 59, 0, cst)
	agent := order.Agent{ID: "kf-b", Name: "客服B", Role: order.PreSales}
	l, _ := notes.NewLedger([]notes.Promise{
		{ID: "p-kept", Kind: notes.DispatchBy, BuyerID: "buyer-a", OrderID: "T1001", Due: due, MadeBy: agent, MadeAt: made},
		{ID: "p-broken", Kind: notes.DispatchBy, BuyerID: "buyer-b", OrderID: "T1002", Due: due, MadeBy: agent, MadeAt: made},
	})

	// T1001 leaves the warehouse the next afternoon.
	l, _, _ = l.Fulfil("p-kept", notes.Fulfilment{At: due.Add(-8 * time.Hour), Stage: shipping.Outbound})
	// T1002's waybill is printed in time, but the parcel stays.
	l, _, _ = l.Fulfil("p-broken", notes.Fulfilment{At: due.Add(-8 * time.Hour), Stage: shipping.Printed})

	now := due.Add(time.Hour)
	for _, p := range l.Overdue(now) {
		fmt.Println("overdue:", p.ID, p.OrderID)
	}
	// T1002 finally leaves a day late.
	l, _, _ = l.Fulfil("p-broken", notes.Fulfilment{At: due.Add(20 * time.Hour), Stage: shipping.Outbound})
	for _, p := range l.Promises() {
		fmt.Println(p.ID, p.State(now.Add(24*time.Hour), 2*time.Hour))
	}
	// Output:
	// overdue: p-broken T1002
	// p-broken broken
	// p-kept kept
}

// Before promising, the agent checks the shipping policy, real stock and
// the order's notes (rule N3). An exact delivery date is never promised
// (rule S6).
func ExamplePolicy_MakePromise() {
	cst := time.FixedZone("CST", 8*60*60)
	paid := time.Date(2026, 11, 25, 10, 0, 0, 0, cst) // a Wednesday morning
	o := order.MustNew(order.Spec{
		ID: "T1001", Buyer: order.Buyer{ID: "buyer-a"},
		Lines:   []order.Line{{SKU: "TS-001", Quantity: 1, UnitPrice: decimal.RequireFromString("99.00")}},
		Status:  order.AwaitingDispatch,
		Postage: decimal.Zero, CreatedAt: paid, PaidAt: paid,
	})
	stock, _ := order.NewStock(map[string]int{"TS-001": 4})
	in := notes.PromiseCheck{Order: &o, Stock: stock, Shipping: shipping.DefaultPolicy()}
	agent := order.Agent{ID: "kf-b", Name: "客服B", Role: order.PreSales}
	p := notes.DefaultPolicy()
	now := paid.Add(5 * time.Minute)

	// Due left zero: the shipping policy's own promise.
	pr, d, _ := p.MakePromise(notes.Promise{ID: "p1", Kind: notes.DispatchBy, MadeBy: agent}, in, now)
	fmt.Println(d.Verdict, pr.Due.Format("2006-01-02 15:04:05"))

	_, d, _ = p.MakePromise(notes.Promise{ID: "p2", Kind: notes.DispatchBy, MadeBy: agent,
		Due: paid.Add(time.Hour)}, in, now)
	fmt.Println(d.Verdict, d.Reasons)

	_, d, _ = p.MakePromise(notes.Promise{ID: "p3", Kind: notes.DeliverBy, MadeBy: agent,
		Due: paid.Add(72 * time.Hour)}, in, now)
	fmt.Println(d.Verdict, d.Reasons)

	// The order is held until the address is confirmed: the status says
	// so, and the memo note follows from the event.
	held, n, _ := notes.ApplyHold(o, order.Hold, notes.FlagRed, "地址待确认", agent, now)
	in.Order = &held
	in.Memo, _, _ = p.AppendNote(in.Memo, n)
	_, d, _ = p.MakePromise(notes.Promise{ID: "p4", Kind: notes.DispatchBy, MadeBy: agent}, in, now)
	fmt.Println(d.Verdict, d.Reasons)
	// Output:
	// allowed 2026-11-25 23:59:59
	// refused [earlier_than_policy]
	// refused [exact_delivery_date]
	// refused [order_held]
}

// The order's status is the truth about a hold; the memo note the
// warehouse reads follows from the hold and release events (rule N1, rule
// N3, rule R1). The memo is append-only, so a hold is lifted by appending
// a release note, never by deleting the hold; the release has its own
// header, so no clerk reads it as a hold.
func ExampleApplyHold() {
	cst := time.FixedZone("CST", 8*60*60)
	at := time.Date(2026, 11, 25, 9, 30, 0, 0, cst)
	o := order.MustNew(order.Spec{
		ID: "T1001", Buyer: order.Buyer{ID: "buyer-a"},
		Lines:  []order.Line{{SKU: "TS-001", Quantity: 1, UnitPrice: decimal.RequireFromString("99.00")}},
		Status: order.AwaitingDispatch, Postage: decimal.Zero, CreatedAt: at.Add(-time.Hour), PaidAt: at.Add(-time.Hour),
	})
	by := order.Agent{ID: "kf-wang", Name: "王五", Role: order.AfterSales}
	p := notes.DefaultPolicy()
	var memo notes.Memo

	o, n, err := notes.ApplyHold(o, order.Hold, notes.FlagRed, "退款重拍,等财务确认", by, at)
	if err != nil {
		fmt.Println(err)
		return
	}
	memo, _, _ = p.AppendNote(memo, n)
	fmt.Println(o.Status(), "memo says held:", memo.SaysHeld(), "agrees:", memo.HoldAgrees(o.Status()))

	// Holding a held order is refused by the lifecycle (409), and no note
	// is made.
	_, _, err = notes.ApplyHold(o, order.Hold, notes.FlagRed, "再次暂停", by, at)
	fmt.Println(order.HTTPStatus(err))

	o, n, _ = notes.ApplyHold(o, order.Release, notes.FlagGreen, "财务已退款,恢复发货", by, at.Add(2*time.Hour))
	memo, _, _ = p.AppendNote(memo, n)
	fmt.Println(o.Status(), "memo says held:", memo.SaysHeld(), "agrees:", memo.HoldAgrees(o.Status()))
	fmt.Println(memo.Text())
	// Output:
	// PAID_FORBID_CONSIGN memo says held: true agrees: true
	// 409
	// WAIT_SELLER_SEND_GOODS memo says held: false agrees: true
	// 【暂停发货】旗:红 | 原因:退款重拍,等财务确认 | 经办:王五(售后) | 工号:kf-wang | 时间:2026-11-25 09:30:00 +08:00
	// 【恢复发货】旗:绿 | 原因:财务已退款,恢复发货 | 经办:王五(售后) | 工号:kf-wang | 时间:2026-11-25 11:30:00 +08:00
}

// The silent-order checklist (rule O4) for a paid order whose buyer is
// offline: a "send gift" note for the warehouse and a refund note for the
// overcharged postage, written in the shop's language (here Spanish).
func ExampleCheckSilent() {
	cst := time.FixedZone("CST", 8*60*60)
	paid := time.Date(2026, 11, 25, 10, 0, 0, 0, cst)
	o := order.MustNew(order.Spec{
		ID: "T1001", Buyer: order.Buyer{ID: "buyer-a"}, Silent: true,
		Lines:   []order.Line{{SKU: "TS-001", Quantity: 1, UnitPrice: decimal.RequireFromString("99.00")}},
		Status:  order.AwaitingDispatch,
		Postage: decimal.RequireFromString("10.00"), CreatedAt: paid, PaidAt: paid,
	})
	c, err := notes.CheckSilent(&o, notes.SilentCheck{
		Gift:    notes.Item{SKU: "GIFT-01", Quantity: 1},
		Postage: decimal.Zero, // it qualified for free shipping
		Author:  order.Agent{ID: "kf-ana", Name: "Ana", Role: order.PreSales},
		At:      paid.Add(time.Hour),
		Lang:    order.Spanish,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Tasks, c.Overcharge.StringFixed(2))
	for _, n := range c.Notes {
		fmt.Println(n.Format(order.Spanish, cst))
	}
	// Output:
	// [note_send_gift refund_postage] 10.00
	// [Regalo] Bandera:Amarilla | Motivo:pedido silencioso, comprador desconectado: enviar el regalo con el paquete | SKU:GIFT-01 | Cantidad:1 | Por:Ana (Preventa) | ID de empleado:kf-ana | Fecha y hora:2026-11-25 11:00:00 +08:00
	// [Reembolso] Bandera:Roja | Motivo:pedido silencioso con envío gratis, envío cobrado de más: reembolsar la diferencia | Importe:10.00 | Por:Ana (Preventa) | ID de empleado:kf-ana | Fecha y hora:2026-11-25 11:00:00 +08:00
}
