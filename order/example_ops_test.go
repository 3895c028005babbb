package order_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

// An after-sales digest (rule O2): triage a small batch at 12:00 against
// real stock and render the form after-sales receives every two hours,
// grouped by category, oldest order first. Real stock holds two units of
// TEA-01 for four orders that each want one: they go by payment time (rule
// O3), so the last payer and the unconfirmed cash-on-delivery order are
// out of stock.
func ExampleTriagePolicy_Digest() {
	cst := time.FixedZone("CST", 8*60*60)
	at := func(h, m int) time.Time { return time.Date(2026, 11, 11, h, m, 0, 0, cst) }
	home := order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省",
		City: "杭州市", District: "西湖区", Detail: "文三路12号"}
	office := home
	office.Detail = "黄龙路5号"
	build := func(id, buyer string, placed time.Time, edit func(*order.Spec)) *order.Order {
		s := order.Spec{
			ID: id, Buyer: order.Buyer{ID: buyer},
			Lines:   []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: decimal.RequireFromString("49.50")}},
			Address: home, Status: order.AwaitingDispatch, CreatedAt: placed, PaidAt: placed.Add(time.Minute),
		}
		if edit != nil {
			edit(&s)
		}
		o := order.MustNew(s)
		return &o
	}
	batch := []*order.Order{
		build("T1004", "wang", at(10, 5), func(s *order.Spec) { s.Address = office; s.Lines[0].SKU = "CUP-01" }),
		build("T1001", "wang", at(8, 40), nil),
		build("T1002", "li", at(9, 15), func(s *order.Spec) { s.Message = "能指定日期送到吗" }),
		build("T1003", "zhao", at(9, 50), func(s *order.Spec) {
			s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
		}),
		build("T1005", "chen", at(11, 30), nil), // paid last
	}
	stock, err := order.NewStock(map[string]int{"TEA-01": 2, "CUP-01": 10})
	if err != nil {
		fmt.Println(err)
		return
	}

	p := order.DefaultTriagePolicy()
	report, err := p.Triage(batch, at(12, 0), order.StockCheck(stock))
	if err != nil {
		fmt.Println(err)
		return
	}
	digest, err := p.Digest(report)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(digest)
	// Output:
	// problem orders at 2026-11-11 12:00 CST: 5 orders, next form 2026-11-11 14:00
	//
	// multiple_addresses: 2
	//   ORDER  PLACED            AGE    BUYER  REGION    REASONS
	//   T1001  2026-11-11 08:40  3h20m  wang   zhejiang  order.buyer_addresses_differ
	//   T1004  2026-11-11 10:05  1h55m  wang   zhejiang  order.buyer_addresses_differ
	//
	// out_of_stock: 2
	//   ORDER  PLACED            AGE    BUYER  REGION    REASONS
	//   T1003  2026-11-11 09:50  2h10m  zhao   zhejiang  order.paid_later
	//   T1005  2026-11-11 11:30  30m    chen   zhejiang  order.paid_later
	//
	// unsatisfiable_message: 1
	//   ORDER  PLACED            AGE    BUYER  REGION    REASONS
	//   T1002  2026-11-11 09:15  2h45m  li     zhejiang  order.message_exact_date
	//
	// cod_unconfirmed: 1
	//   ORDER  PLACED            AGE    BUYER  REGION    REASONS
	//   T1003  2026-11-11 09:50  2h10m  zhao   zhejiang  order.cod_unconfirmed
}

// Oversell of a promotion item (rules O3, P5): three buyers paid for five
// units, real stock holds three. Stock goes by payment time; the others
// are offered a refund or another item, the store manager is asked for a
// compensation, and the listed stock is set to zero.
func ExampleOversell() {
	cst := time.FixedZone("CST", 8*60*60)
	paid := func(id string, qty, minute int) *order.Order {
		at := time.Date(2026, 11, 11, 0, minute, 0, 0, cst)
		o := order.MustNew(order.Spec{
			ID: id, Buyer: order.Buyer{ID: "buyer-" + id},
			Lines: []order.Line{{SKU: "PROMO-1", Quantity: qty, UnitPrice: decimal.RequireFromString("59.90")}},
			Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省",
				City: "杭州市", District: "西湖区", Detail: "文三路12号"},
			Status: order.AwaitingDispatch, CreatedAt: at, PaidAt: at,
		})
		return &o
	}
	stock, _ := order.NewStock(map[string]int{"PROMO-1": 3})
	plan, err := order.Oversell(order.OversellRequest{
		SKU: "PROMO-1", Stock: stock, Promotion: true,
		Orders: []*order.Order{paid("C", 1, 2), paid("A", 2, 0), paid("B", 2, 1)},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range plan.Allocations {
		fmt.Printf("%s: ships %d of %d, offers %v, compensation %v\n",
			a.Order.ID(), a.Allocated, a.Ordered, a.Offers, a.RequestCompensation)
	}
	fmt.Println("set listed stock to zero:", plan.SetListedStockZero)
	fmt.Println("compensation requests to:", plan.CompensationTo)
	fmt.Println(plan.Reasons)
	// Output:
	// A: ships 2 of 2, offers [], compensation false
	// B: ships 1 of 2, offers [refund substitute], compensation true
	// C: ships 0 of 1, offers [refund substitute], compensation true
	// set listed stock to zero: true
	// compensation requests to: store_manager
	// [oversold stock_exhausted promotion_item]
}

// Cash on delivery (rule S9): the order ships only once the buyer has
// confirmed; until the policy's wait is over the agent asks, and after it
// the buyer re-orders with online payment.
func ExampleTriagePolicy_COD() {
	cst := time.FixedZone("CST", 8*60*60)
	placed := time.Date(2026, 11, 11, 9, 0, 0, 0, cst)
	o := order.MustNew(order.Spec{
		ID: "T2001", Buyer: order.Buyer{ID: "zhao"}, Payment: order.CashOnDelivery,
		Lines: []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: decimal.RequireFromString("49.50")}},
		Address: order.Address{Recipient: "赵六", Phone: "13912345678", Province: "江苏省",
			City: "南京市", District: "玄武区", Detail: "中山路1号"},
		Status: order.AwaitingDispatch, CreatedAt: placed,
	})
	p := order.DefaultTriagePolicy()
	for _, now := range []time.Time{placed.Add(time.Hour), placed.Add(25 * time.Hour)} {
		d, _ := p.COD(&o, now)
		fmt.Println(d.Verdict, d.Action, d.IfDeclined, d.Reasons)
	}
	// The buyer confirms by phone: an event of the order (rule S9).
	confirmed, _ := o.Apply(order.ConfirmCOD, placed.Add(2*time.Hour))
	d, _ := p.COD(&confirmed, placed.Add(2*time.Hour))
	fmt.Println(d.Verdict, d.Action, d.Reasons)
	// Output:
	// refused confirm_with_buyer reorder_online [cod_unconfirmed]
	// refused reorder_online none [cod_unconfirmed cod_confirmation_overdue]
	// allowed ship [cod_confirmed]
}

// Storing a triage report (rule O2): the backend keeps the JSON, which
// names orders by ID only (rule O7), and reads it back later to look a
// problem order up.
func ExampleReport_MarshalJSON() {
	cst := time.FixedZone("CST", 8*60*60)
	placed := time.Date(2026, 11, 11, 9, 40, 0, 0, cst)
	o := order.MustNew(order.Spec{
		ID: "T1003", Buyer: order.Buyer{ID: "zhao"}, Payment: order.CashOnDelivery,
		Lines: []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: decimal.RequireFromString("49.50")}},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省",
			City: "杭州市", District: "西湖区", Detail: "文三路12号"},
		Status: order.AwaitingDispatch, CreatedAt: placed,
	})
	report, err := order.DefaultTriagePolicy().Triage([]*order.Order{&o}, placed.Add(2*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	stored, err := json.Marshal(report)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(stored))

	var back order.Report
	if err := json.Unmarshal(stored, &back); err != nil {
		fmt.Println(err)
		return
	}
	f, ok := back.Find("T1003")
	fmt.Println(ok, f.OrderID(), f.Categories, f.Order == nil)
	// Output:
	// {"at":"2026-11-11T11:40:00+08:00","checked":1,"skipped":0,"findings":[{"order_id":"T1003","categories":["cod_unconfirmed"],"problems":[{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"}]}]}
	// true T1003 [cod_unconfirmed] true
}

// Slow review (rule O5): the agent puts an order under slow review — an
// event of the order — and asks, at each moment, which contact round is
// due and by when the order must ship if the buyer is never reached.
func ExampleTriagePolicy_SlowReview() {
	cst := time.FixedZone("CST", 8*60*60)
	placed := time.Date(2026, 11, 11, 9, 0, 0, 0, cst)
	o := order.MustNew(order.Spec{
		ID: "T3001", Buyer: order.Buyer{ID: "qian"},
		Lines: []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: decimal.RequireFromString("49.50")}},
		Address: order.Address{Recipient: "钱七", Phone: "13912345678", Province: "江苏省",
			City: "南京市", District: "玄武区", Detail: "中山路1号"},
		Status: order.AwaitingDispatch, CreatedAt: placed, PaidAt: placed,
	})
	o, _ = o.Apply(order.StartSlowReview, placed.Add(5*time.Hour)) // 14:00
	stock, _ := order.NewStock(map[string]int{"TEA-01": 10})
	p := order.DefaultTriagePolicy()

	called := []order.Contact{{At: placed.Add(5*time.Hour + 10*time.Minute), Via: order.Phone}}
	r, _ := p.SlowReview(&o, stock, called, placed.Add(6*time.Hour))
	fmt.Println("day", r.Day, r.Reasons, "due now:", r.Due, "ship by", r.ShipBy.Format("01-02 15:04:05"))
	r, _ = p.SlowReview(&o, stock, called, placed.Add(58*time.Hour)) // the third day, 19:00
	fmt.Println("day", r.Day, r.Reasons, "rounds missed:", r.Missed, "must ship:", r.MustShip())
	// Output:
	// day 1 [slow_review_opened_today] due now: [chat sms] ship by 11-13 23:59:59
	// day 3 [slow_review_ship_day] rounds missed: 5 must ship: true
}
