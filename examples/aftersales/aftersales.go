// Package aftersales replays "The after-sales form" (issue 16, situation
// 4): a mixed batch of a day's orders goes through the problem-order
// triage every two hours, and after-sales receives the form (rule O2)
// grouped by category, oldest order first. Order's own checks find a
// buyer with two addresses (S4), an incomplete address (O6), a repeat
// order (O6), a message asking for an exact delivery day (S6), an
// unconfirmed cash-on-delivery order (S9) and an order real stock cannot
// cover (O3, O8); shipping's checks a postage overcharge (S1, S2) and a
// courier's transit warehouse (S4), and let a Hong Kong order going SF
// through (S3); refund's after-sale checks, which also read finished
// trades (order.AfterSaleCheck), a return received and not refunded, a
// promised refund past due (R6) and an exchange whose goods never came
// back (R4). Between forms the team fixes what it can, and the next form
// shows what is left.
//
//	go run ./examples aftersales
package aftersales

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

var cst = time.FixedZone("CST", 8*60*60)

// at is a time on the day replayed, Wednesday 2026-11-25, or a day before
// it (day -1 is the 24th).
func at(day, hour, minute int) time.Time {
	return time.Date(2026, 11, 25+day, hour, minute, 0, 0, cst)
}

// staff is the after-sales team's language.
const staff = order.SimplifiedChinese

// shop is the state the backend keeps: the orders, the refund ledgers of
// the finished ones, the refund promises and the exchanges.
type shop struct {
	orders    []order.Order // in ID order
	ledgers   []refund.Ledger
	promises  []notes.Promise
	exchanges []refund.Exchange
	stock     order.Stock
}

func (s *shop) find(id string) int {
	return slices.IndexFunc(s.orders, func(o order.Order) bool { return o.ID() == id })
}

// edit rebuilds order id from its edited Spec, as a backend does.
func (s *shop) edit(id string, change func(*order.Spec)) error {
	i := s.find(id)
	sp := s.orders[i].Spec()
	change(&sp)
	o, err := order.New(sp)
	if err != nil {
		return err
	}
	s.orders[i] = o
	return nil
}

// apply moves order id through the lifecycle.
func (s *shop) apply(id string, e order.Event, t time.Time) error {
	i := s.find(id)
	o, err := s.orders[i].Apply(e, t)
	if err != nil {
		return err
	}
	s.orders[i] = o
	return nil
}

// batch is the orders the backend hands the triage at now: every order
// placed by then.
func (s *shop) batch(now time.Time) []*order.Order {
	var b []*order.Order
	for i := range s.orders {
		if !s.orders[i].CreatedAt().After(now) {
			b = append(b, &s.orders[i])
		}
	}
	return b
}

// form is one form after-sales received, for the scenario test.
type form struct {
	report order.Report
	digest order.Digest
	// promises is the refund promises as they stood at the form.
	promises []notes.Promise
}

// Run replays the situation and writes what the agent would see to w.
func Run(w io.Writer) error {
	_, err := replay(w)
	return err
}

func replay(w io.Writer) ([]form, error) {
	s, err := open()
	if err != nil {
		return nil, err
	}
	ship := shipping.DefaultPolicy()
	shipChecks, err := ship.Checks()
	if err != nil {
		return nil, err
	}
	rp := refund.DefaultPolicy()
	triage := order.DefaultTriagePolicy()

	// What the team does between forms, in time order.
	steps := []struct {
		at   time.Time
		what string
		do   func() error
	}{
		{at(0, 10, 20), "sun's silent order: the postage charged on a free-shipping order is taken off before payment; she is told she can pay (O4, S2)",
			func() error {
				return s.edit("T202611250005", func(sp *order.Spec) { sp.Postage = decimal.Zero })
			}},
		{at(0, 10, 40), "feng meant one kettle, not two: the second order is closed (O6)",
			func() error { return s.apply("T202611250011", order.Close, at(0, 10, 40)) }},
		{at(0, 11, 10), "wang confirms by phone: both orders to her home address; the office order's address is written out in full (S4, N1)",
			func() error {
				home := s.orders[s.find("T202611250001")].Address()
				return s.edit("T202611250002", func(sp *order.Spec) { sp.Address = home })
			}},
		{at(0, 12, 40), "li sends the missing street and number",
			func() error {
				return s.edit("T202611250003", func(sp *order.Spec) { sp.Address.Detail = "中山北路200号5单元301" })
			}},
		{at(0, 13, 20), "zhao confirms the cash-on-delivery order in the chat (S9)",
			func() error { return s.apply("T202611250004", order.ConfirmCOD, at(0, 13, 20)) }},
		{at(0, 13, 35), "qian, who paid after the last scarf went, takes a refund: the order is closed (O3)",
			func() error { return s.apply("T202611250013", order.Close, at(0, 13, 35)) }},
		{at(0, 14, 20), "wu did not know 中转仓 is the courier's depot: she gives her shop's address in Yiwu instead (S4)",
			func() error {
				return s.edit("T202611250007", func(sp *order.Spec) { sp.Address.Detail = "稠城街道工人北路1058号" })
			}},
		{at(0, 14, 40), "finance pays the refund promised to he for 13:00, an hour and forty minutes late (R6)",
			func() error {
				if err := s.pay("T202611210045", "rf-T202611210045", at(0, 14, 40)); err != nil {
					return err
				}
				// The ledger settles the promise: paid after its due time,
				// it was broken, and the form no longer shows it.
				l := s.ledgers[0]
				p, err := l.Keep(s.promises[0])
				if err != nil {
					return err
				}
				s.promises[0] = p
				fmt.Fprintf(w, "       the promise to he, due 13:00, paid %s: %s\n", p.DoneAt.Format("15:04"), p.State(at(0, 14, 40), 0).Text(staff))
				return nil
			}},
		{at(0, 15, 5), "finance refunds ma's returned jumper, received yesterday at 11:30 (R6)",
			func() error { return s.pay("T202611200088", "rf-T202611200088", at(0, 15, 5)) }},
		{at(0, 15, 50), "zhou was told no delivery day can be promised, only that it leaves today; the warehouse ships it (S6)",
			func() error { return s.apply("T202611250006", order.Dispatch, at(0, 15, 50)) }},
		{at(0, 16, 30), "lin finally sends the sweater back for the exchange and gives the return waybill (R4)",
			func() error {
				x := s.exchanges[0]
				x, err := x.Apply(refund.ExchangeAction{Event: refund.ShipReturn, Version: x.Version(), At: at(0, 16, 30), Waybill: "YT7712004455631"})
				if err != nil {
					return err
				}
				s.exchanges[0] = x
				return nil
			}},
	}

	var forms []form
	now := at(0, 10, 0)
	end := at(0, 18, 0)
	for !now.After(end) {
		for len(steps) > 0 && !steps[0].at.After(now) {
			fmt.Fprintf(w, "%s  %s\n", steps[0].at.Format("15:04"), steps[0].what)
			if err := steps[0].do(); err != nil {
				return nil, err
			}
			steps = steps[1:]
		}
		if len(forms) > 0 {
			fmt.Fprintln(w)
		}
		// The refund checks read the refund state as it is now.
		overdue, err := refund.OverdueRefundCheck(s.promises, s.ledgers)
		if err != nil {
			return nil, err
		}
		unrefunded, err := rp.UnrefundedReturnCheck(s.ledgers)
		if err != nil {
			return nil, err
		}
		waiting, err := rp.ExchangeReturnCheck(s.exchanges)
		if err != nil {
			return nil, err
		}
		checks := append([]order.Check{order.StockCheck(s.stock), overdue, unrefunded, waiting}, shipChecks...)
		report, err := triage.Triage(s.batch(now), now, checks...)
		if err != nil {
			return nil, err
		}
		digest, err := triage.Digest(report)
		if err != nil {
			return nil, err
		}
		forms = append(forms, form{report, digest, slices.Clone(s.promises)})
		writeForm(w, report, digest, staff)
		now = digest.Next
	}
	return forms, nil
}

// pay refunds everything refundable on the finished order id under key,
// at t: the returned units if any came back, else the whole line.
func (s *shop) pay(id, key string, t time.Time) error {
	i := slices.IndexFunc(s.ledgers, func(l refund.Ledger) bool { return l.OrderID() == id })
	l := s.ledgers[i]
	o := s.orders[s.find(id)]
	line := o.Line(0)
	p := refund.Payout{Key: key, Version: l.Version(), SKU: line.SKU, Units: line.Quantity, At: t}
	if len(l.Unrefunded()) > 0 {
		p.Returned = true
	}
	amount, err := l.Refundable(line.SKU, line.Quantity)
	if err != nil {
		return err
	}
	p.Goods = amount
	l, _, err = l.Pay(p)
	if err != nil {
		return err
	}
	s.ledgers[i] = l
	return nil
}

// writeForm writes the form as the after-sales team receives it in
// language l: kefu's own table (Digest.Staff, rule O2), whose categories
// and reasons are in the team's language and which shows no more of a
// buyer than the account and the region (rule O7). The digest does not
// know how many orders the triage checked, so one line above it says so.
func writeForm(w io.Writer, r order.Report, d order.Digest, l order.Lang) {
	fmt.Fprintf(w, "── form %s — the triage checked %d orders\n", d.At.Format("15:04"), r.Checked)
	for _, line := range strings.Split(strings.TrimRight(d.Staff(l), "\n"), "\n") {
		fmt.Fprintln(w, strings.TrimRight("  "+line, " "))
	}
}

// open builds the shop as the day starts.
func open() (*shop, error) {
	home := order.Address{Recipient: "王芳", Phone: "13800135678", Province: "浙江省", City: "杭州市", District: "西湖区", Detail: "文三路12号3幢"}
	office := home
	office.Detail = "黄龙路5号黄龙国际中心A座18楼"
	addr := func(name, phone, province, city, district, detail string) order.Address {
		return order.Address{Recipient: name, Phone: phone, Province: province, City: city, District: district, Detail: detail}
	}
	line := func(sku, title, price string, n int) order.Line {
		return order.Line{SKU: sku, Title: title, Quantity: n, UnitPrice: decimal.RequireFromString(price)}
	}
	paid := func(id, buyer string, placed time.Time, a order.Address, l order.Line) order.Spec {
		return order.Spec{ID: id, Buyer: order.Buyer{ID: buyer}, Lines: []order.Line{l}, Address: a,
			Status: order.AwaitingDispatch, CreatedAt: placed, PaidAt: placed.Add(2 * time.Minute)}
	}
	specs := []order.Spec{
		// wang: two orders waiting to ship, home and office.
		paid("T202611250001", "tb_wangfang", at(0, 8, 5), home, line("TEA-01", "西湖龙井 250g", "168.00", 1)),
		withPostage(paid("T202611250002", "tb_wangfang", at(0, 9, 20), office, line("CUP-03", "玻璃杯 2只装", "59.00", 1))),
		// li: the street detail is missing.
		paid("T202611250003", "tb_li_lei", at(0, 8, 30), addr("李雷", "13951001122", "江苏省", "南京市", "鼓楼区", ""), line("TEA-02", "白茶饼 357g", "238.00", 1)),
		// zhao: cash on delivery, not confirmed yet.
		func() order.Spec {
			sp := paid("T202611250004", "tb_zhao", at(0, 9, 10), addr("赵敏", "13700001111", "安徽省", "合肥市", "蜀山区", "长江西路99号"), line("POT-01", "紫砂壶", "320.00", 1))
			sp.Payment, sp.PaidAt, sp.Status = order.CashOnDelivery, time.Time{}, order.AwaitingDispatch
			return sp
		}(),
		// sun: a silent order of 128.00 that ships free, charged 10.00
		// postage, not paid yet (seed 000 case 2).
		func() order.Spec {
			sp := paid("T202611250005", "tb_sun_xr", at(0, 9, 40), addr("孙小蓉", "13611112222", "上海市", "上海市", "徐汇区", "漕溪北路88号"), line("TEA-03", "红茶礼盒", "128.00", 1))
			sp.Silent, sp.Postage, sp.Status, sp.PaidAt = true, decimal.RequireFromString("10.00"), order.AwaitingPayment, time.Time{}
			return sp
		}(),
		// zhou: "it must arrive by Friday".
		func() order.Spec {
			sp := paid("T202611250006", "tb_zhou88", at(0, 8, 50), addr("周杰", "13522223333", "北京市", "北京市", "朝阳区", "建国路8号"), line("TEA-01", "西湖龙井 250g", "168.00", 1))
			sp.Message = "周五前一定要到，送人的"
			return sp
		}(),
		// wu: the address is a courier's transit warehouse in Yiwu.
		withPostage(paid("T202611250007", "tb_wu_ying", at(0, 9, 55), addr("吴英", "13633334444", "浙江省", "金华市", "义乌市", "福田街道中通中转仓2号库"), line("CUP-03", "玻璃杯 2只装", "59.00", 1))),
		// chan: Hong Kong, going SF freight collect — no problem.
		paid("T202611250008", "tb_chan_hk", at(0, 10, 15), addr("陳大文", "91234567", "香港", "香港", "九龍城區", "太子道西188號"), line("TEA-02", "白茶饼 357g", "238.00", 1)),
		// feng: the same kettle twice within a minute.
		paid("T202611250010", "tb_feng", at(0, 9, 30), addr("冯云", "13844445555", "湖北省", "武汉市", "洪山区", "珞喻路1037号"), line("KET-01", "电热水壶", "139.00", 1)),
		paid("T202611250011", "tb_feng", at(0, 9, 31), addr("冯云", "13844445555", "湖北省", "武汉市", "洪山区", "珞喻路1037号"), line("KET-01", "电热水壶", "139.00", 1)),
		// The last scarf: two buyers pay for it, real stock holds one.
		paid("T202611250012", "tb_xu", at(0, 10, 30), addr("许晴", "13955556666", "福建省", "厦门市", "思明区", "鹭江道100号"), line("SCF-09", "羊毛围巾 灰色", "129.00", 1)),
		paid("T202611250013", "tb_qian", at(0, 10, 45), addr("钱多", "13766667777", "广东省", "深圳市", "南山区", "科技园路1号"), line("SCF-09", "羊毛围巾 灰色", "129.00", 1)),
		// Ordinary orders of the afternoon: nothing to report.
		paid("T202611250014", "tb_gao", at(0, 13, 5), addr("高远", "13877778888", "四川省", "成都市", "武侯区", "天府大道北段1700号"), line("TEA-03", "红茶礼盒", "128.00", 1)),
		paid("T202611250015", "tb_liang", at(0, 15, 40), addr("梁静", "13588889999", "广东省", "广州市", "天河区", "体育西路191号"), line("CUP-03", "玻璃杯 2只装", "59.00", 2)),
		// Finished trades of the last days, with after-sales open.
		finished("T202611200088", "tb_ma_li", at(-5, 20, 10), addr("马丽", "13412345678", "山东省", "青岛市", "市南区", "香港中路10号"), line("JMP-02", "羊毛针织衫 M", "299.00", 1)),
		finished("T202611210045", "tb_he_yi", at(-4, 21, 0), addr("何怡", "13312345678", "河南省", "郑州市", "金水区", "花园路39号"), line("TEA-02", "白茶饼 357g", "238.00", 1)),
		finished("T202611160020", "tb_lin_x", at(-9, 19, 30), addr("林夕", "13212345678", "湖南省", "长沙市", "岳麓区", "麓山南路2号"), line("SWT-05", "卫衣 黑色 L", "189.00", 1)),
	}
	s := &shop{}
	for _, sp := range specs {
		o, err := order.New(sp)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", sp.ID, err)
		}
		s.orders = append(s.orders, o)
	}
	slices.SortFunc(s.orders, func(a, b order.Order) int { return strings.Compare(a.ID(), b.ID()) })

	stock, err := order.NewStock(map[string]int{"TEA-01": 40, "TEA-02": 25, "TEA-03": 30, "CUP-03": 60,
		"POT-01": 3, "KET-01": 12, "SCF-09": 1, "JMP-02": 8, "SWT-05": 5})
	if err != nil {
		return nil, err
	}
	s.stock = stock

	// ma sent her jumper back; the warehouse received it yesterday at
	// 11:30 and nobody has refunded it yet.
	ma, err := s.ledger("T202611200088")
	if err != nil {
		return nil, err
	}
	if ma, err = ma.Receive(refund.Arrival{Waybill: "SF1408822736514", Version: ma.Version(), SKU: "JMP-02", Units: 1, At: at(-1, 11, 30)}); err != nil {
		return nil, err
	}
	he, err := s.ledger("T202611210045")
	if err != nil {
		return nil, err
	}
	s.ledgers = []refund.Ledger{he, ma}

	// he was promised her refund (the cake arrived broken) by 13:00 today.
	draft, err := refund.RefundPromise("rf-T202611210045", "T202611210045", at(0, 13, 0))
	if err != nil {
		return nil, err
	}
	agent := order.Agent{ID: "kf-tang", Name: "唐糖", Role: order.AfterSales}
	heOrder := s.orders[s.find("T202611210045")]
	p, d, err := notes.DefaultPolicy().MakePromise(draft.Stamp(agent, at(-1, 16, 0)),
		notes.PromiseCheck{Order: &heOrder, Stock: stock, Shipping: shipping.DefaultPolicy()}, at(-1, 16, 0))
	if err != nil {
		return nil, err
	}
	if d.Verdict != order.Allowed {
		return nil, fmt.Errorf("refund promise refused: %s", d.Staff(staff))
	}
	s.promises = []notes.Promise{p}

	// lin asked to exchange her sweater for an M eight days ago and has not
	// sent it back.
	linOrder := s.orders[s.find("T202611160020")]
	x, err := refund.OpenExchange(&linOrder, refund.ExchangeRequest{ID: "ex-T202611160020", SKU: "SWT-05", Units: 1,
		ReplacementSKU: "SWT-04", At: at(-8, 15, 0)})
	if err != nil {
		return nil, err
	}
	s.exchanges = []refund.Exchange{x}
	return s, nil
}

func (s *shop) ledger(id string) (refund.Ledger, error) {
	o := s.orders[s.find(id)]
	return refund.NewLedger(&o)
}

// withPostage charges an order below the free-shipping threshold (99.00)
// the standard postage, 10.00 (rule S1).
func withPostage(sp order.Spec) order.Spec {
	sp.Postage = decimal.RequireFromString("10.00")
	return sp
}

// finished is a trade paid at placed, dispatched the next morning and
// confirmed received two days later.
func finished(id, buyer string, placed time.Time, a order.Address, l order.Line) order.Spec {
	return order.Spec{ID: id, Buyer: order.Buyer{ID: buyer}, Lines: []order.Line{l}, Address: a,
		Status: order.Finished, CreatedAt: placed, PaidAt: placed.Add(time.Minute),
		DispatchedAt: placed.Add(14 * time.Hour), ReceivedAt: placed.Add(62 * time.Hour)}
}
