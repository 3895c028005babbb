package refund_test

import (
	"fmt"
	"time"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// A refund-and-reorder plan (rule R1) told to the agent who runs it, what
// blocks it and who must act, and what the buyer is told, in the four
// languages: the overcharge as the currency is written, times in the
// shop's zone.
func ExamplePlan_Staff() {
	o := exampleOrder()
	c := shipping.DefaultPolicy().PostageOvercharge(o)
	agent := order.Agent{ID: "kf-b", Name: "客服B", Role: order.InSales}
	at := func(h, m int) time.Time { return time.Date(2026, 11, 2, h, m, 0, 0, cst) }
	p, _ := refund.PlanOvercharge(refund.PlanRequest{ID: "RR-1", Order: o, Overcharge: c,
		CannotRefundDifference: true, Owner: agent, At: at(10, 30)})
	held, note, _ := notes.ApplyHold(*o, order.Hold, notes.FlagRed, "退款重拍,原单暂停发货", agent, at(10, 32))
	p, _ = p.Apply(refund.PlanEvent{Kind: refund.PlanHold, Version: p.Version(), At: at(10, 32), Order: &held, Note: note})

	fmt.Println(p.Staff(order.SimplifiedChinese))
	fmt.Println(p.Blockers(at(10, 40))[0].Staff(order.SimplifiedChinese))
	for _, l := range order.Langs() {
		fmt.Println(p.Buyer(l))
	}
	// Output:
	// 退款重拍（进行中）：多收运费 ¥ 8.00；原单 T1001；已完成：原单暂停发货；待处理：财务确认退款、仓库确认原单不发、买家重新下单并付款、退款原单、运营修正包邮设置；差价现在无法单独退，改为退款重拍
	// 财务确认退款：负责：财务；现在可以处理；还没交接给相关部门；自 11月2日 10:32 起
	// 亲，麻烦您先申请退款，再重新拍下，新订单就是包邮的啦；原订单我们会拦下不发，请放心
	// 親，麻煩您先申請退款，再重新下單，新訂單就是包郵的囉；原訂單我們會攔下不寄出，請放心
	// Could you request a refund and place the order again? The new order ships free, and we'll hold the original back so it isn't sent.
	// ¿Puedes pedir el reembolso y volver a hacer el pedido? El nuevo tendrá envío gratis y retendremos el original para que no salga.
}
