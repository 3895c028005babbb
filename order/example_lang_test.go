package order_test

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

// A cash-on-delivery order the buyer has not confirmed (rule S9), told to
// the agent in the shop's language and to the buyer in theirs — the
// language matched from the request's Accept-Language header.
func ExampleCODDecision_Buyer() {
	placed := time.Date(2026, 11, 11, 9, 0, 0, 0, cst)
	o := order.MustNew(order.Spec{
		ID: "T2001", Buyer: order.Buyer{ID: "zhao"}, Payment: order.CashOnDelivery,
		Lines: []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: decimal.RequireFromString("49.50")}},
		Address: order.Address{Recipient: "赵六", Phone: "13912345678", Province: "江苏省",
			City: "南京市", District: "玄武区", Detail: "中山路1号"},
		Status: order.AwaitingDispatch, CreatedAt: placed,
	})
	d, _ := order.DefaultTriagePolicy().COD(&o, placed.Add(time.Hour))
	fmt.Println(d.Staff(order.SimplifiedChinese))
	for _, accept := range []string{"zh-CN", "zh-TW", "en-GB", "es-MX"} {
		fmt.Println(d.Buyer(order.MatchLang(accept, order.SimplifiedChinese)))
	}
	// Output:
	// 不允许：联系买家确认货到付款；买家不接受则关闭订单，改在线支付重新下单；买家需在 11月12日 09:00 前确认；货到付款待买家确认
	// 亲，您选择的是货到付款，费用会比在线支付稍高一点，请问确认使用货到付款吗？
	// 親，您選擇的是貨到付款，費用會比線上付款稍高一點，請問確定使用貨到付款嗎？
	// You chose cash on delivery, which costs a little more than paying online. Would you like to keep cash on delivery?
	// Elegiste contra reembolso, que cuesta un poco más que pagar en línea. ¿Confirmas que quieres pagar contra reembolso?
}

// The after-sales form (rule O2) as the team reads it, in traditional
// Chinese and in English: the same digest as [Digest.String], its words,
// dates and ages from kefu's catalogs.
func ExampleDigest_Staff() {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 11, h, m, 0, 0, cst) }
	o := order.MustNew(order.Spec{
		ID: "T1003", Buyer: order.Buyer{ID: "zhao"}, Payment: order.CashOnDelivery,
		Lines: []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: decimal.RequireFromString("49.50")}},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省",
			City: "杭州市", District: "西湖区", Detail: "文三路12号"},
		Status: order.AwaitingDispatch, CreatedAt: at(9, 50),
	})
	p := order.DefaultTriagePolicy()
	report, _ := p.Triage([]*order.Order{&o}, at(12, 0))
	digest, _ := p.Digest(report)
	fmt.Print(digest.Staff(order.TraditionalChinese))
	fmt.Print(digest.Staff(order.English))
	// Output:
	// 問題訂單（11月11日 12:00）：共 1 筆，下次 11月11日 14:00
	//
	// 貨到付款未確認：1 筆
	//   訂單編號  下單時間        時長       買家  地區  原因
	//   T1003     11月11日 09:50  2小時10分  zhao  浙江  貨到付款待買家確認
	// Problem orders at 11 November, 12:00: 1 order, next form 11 November, 14:00
	//
	// Cash on delivery not confirmed: 1
	//   ORDER  PLACED              AGE         BUYER  REGION    REASONS
	//   T1003  11 November, 09:50  2 h 10 min  zhao   Zhejiang  Cash on delivery awaiting the buyer's confirmation
}
