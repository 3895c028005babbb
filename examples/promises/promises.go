// Package promises replays "A week of promises" (issue 16, situation 5),
// Monday 2026-11-30 to Sunday 2026-12-06, day by day. Before an agent
// says when an order ships, the claim is checked against the promise the
// shop can honestly make (rule S6: never an exact date, never earlier
// than the cutoff allows, never a delivery time); the promise itself is
// checked against real stock and the order (rule N3) and goes into the
// promise ledger, which each morning gives after-sales its agenda (rule
// N4) and which only outbound evidence settles: promises kept, and
// promises broken. Payment reminders go out in the afternoon before the
// cutoff, to buyers who are online, once a day (rule S10). Slow reviews
// call the buyer morning and evening by phone, chat and SMS, and a buyer
// never reached has the order shipped on the third day — unless its one
// item is out of stock (rule O5).
//
//	go run ./examples promises
package promises

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

var cst = time.FixedZone("CST", 8*60*60)

// at is a time in the week: day 0 is Monday 2026-11-30.
func at(day, hour, minute int) time.Time {
	return time.Date(2026, 11, 30+day, hour, minute, 0, 0, cst)
}

const staff = order.SimplifiedChinese

// week is the shop's state through the week, and what the scenario test
// reads back.
type week struct {
	w        io.Writer
	ship     shipping.Policy
	notes    notes.Policy
	triage   order.TriagePolicy
	stock    order.Stock
	ledger   notes.Ledger
	orders   map[string]*order.Order
	reviews  map[string]order.SlowReview // the last look at each slow review
	claims   []shipping.PromiseReview    // every claim checked, in order
	refused  []notes.Decision            // every promise refused, in order
	reminded []string                    // order IDs reminded to pay, in order
}

func newWeek(w io.Writer) (*week, error) {
	stock, err := order.NewStock(map[string]int{"TEA-01": 30, "CUP-03": 12, "KET-01": 4, "GIFT-07": 0, "SCF-09": 0, "MUG-02": 20})
	if err != nil {
		return nil, err
	}
	return &week{w: w, ship: shipping.DefaultPolicy(), notes: notes.DefaultPolicy(), triage: order.DefaultTriagePolicy(),
		stock: stock, orders: map[string]*order.Order{}, reviews: map[string]order.SlowReview{}}, nil
}

// Run replays the situation and writes what the agent would see to w.
func Run(w io.Writer) error {
	_, err := replay(w)
	return err
}

// agent is the pre-sales agent on duty; after-sales makes the calls back.
var (
	agent = order.Agent{ID: "kf-xiaomei", Name: "小美", Role: order.PreSales}
	after = order.Agent{ID: "kf-tang", Name: "唐糖", Role: order.AfterSales}
)

func replay(w io.Writer) (*week, error) {
	k, err := newWeek(w)
	if err != nil {
		return nil, err
	}
	days := []func() error{k.monday, k.tuesday, k.wednesday, k.thursday, k.friday, k.saturday, k.sunday}
	for d, day := range days {
		t := at(d, 9, 0)
		fmt.Fprintf(w, "%s %s\n", strings.Repeat("═", 2), t.Format("Mon 2006-01-02"))
		if err := k.agenda(t); err != nil {
			return nil, err
		}
		if err := day(); err != nil {
			return nil, fmt.Errorf("%s: %w", t.Format("Mon"), err)
		}
		fmt.Fprintln(w)
	}
	return k, k.tally(at(6, 23, 0))
}

// Monday: a promise made, a promise refused and corrected, a delivery
// date refused, the afternoon's payment reminders, and a slow review
// opened in the evening.
func (k *week) monday() error {
	// 10:05 xiaoyu paid at 10:02 and asks whether it ships today. Before
	// the 16:00 cutoff it does: the claim stands, and the promise is made.
	t1, err := k.order("T1130001", "tb_xiaoyu", "TEA-01", at(0, 10, 0), at(0, 10, 2))
	if err != nil {
		return err
	}
	k.say(at(0, 10, 5), "xiaoyu: 今天能发货吗？")
	if _, err := k.claim(t1, shipping.PromiseClaim{Wording: shipping.ShipsToday}); err != nil {
		return err
	}
	if _, err := k.promise(at(0, 10, 6), agent, notes.PromiseDraft{ID: "p-T1130001", Kind: notes.DispatchBy, OrderID: t1.ID()}); err != nil {
		return err
	}

	// 13:00 the payment reminders of the afternoon (rule S10): four
	// hours before the cutoff, to buyers online, once a day.
	qing, err := k.unpaid("T1130002", "tb_qingqing", "CUP-03", at(0, 11, 40))
	if err != nil {
		return err
	}
	lu, err := k.unpaid("T1130003", "tb_lu_ming", "KET-01", at(0, 12, 15))
	if err != nil {
		return err
	}
	if err := k.remind(at(0, 11, 50), []shipping.Unpaid{{Order: qing, BuyerOnline: true}}); err != nil {
		return err
	}
	if err := k.remind(at(0, 13, 0), []shipping.Unpaid{{Order: qing, BuyerOnline: true}, {Order: lu, BuyerOnline: false}}); err != nil {
		return err
	}
	if err := k.pay("T1130002", at(0, 13, 20)); err != nil {
		return err
	}

	// 15:40 the warehouse: xiaoyu's tea and qingqing's cups go out.
	if err := k.outbound("T1130001", "p-T1130001", at(0, 15, 30)); err != nil {
		return err
	}
	if err := k.dispatch("T1130002", at(0, 15, 40)); err != nil {
		return err
	}

	// 17:10 bo pays after the cutoff and asks for today. The agent's
	// "today" is refused (it ships tomorrow); the ledger refuses a
	// promise due today too, and takes the honest one.
	t4, err := k.order("T1130004", "tb_bo", "MUG-02", at(0, 17, 5), at(0, 17, 10))
	if err != nil {
		return err
	}
	k.say(at(0, 17, 12), "bo: 今天能发吗？急用")
	if _, err := k.claim(t4, shipping.PromiseClaim{Wording: shipping.ShipsToday}); err != nil {
		return err
	}
	if _, err := k.promise(at(0, 17, 13), agent, notes.PromiseDraft{ID: "p-T1130004-today", Kind: notes.DispatchBy, OrderID: t4.ID(), Due: at(0, 23, 59).Add(59 * time.Second)}); err != nil {
		return err
	}
	if _, err := k.claim(t4, shipping.PromiseClaim{Wording: shipping.ShipsTomorrow}); err != nil {
		return err
	}
	if _, err := k.promise(at(0, 17, 14), agent, notes.PromiseDraft{ID: "p-T1130004", Kind: notes.DispatchBy, OrderID: t4.ID()}); err != nil {
		return err
	}

	// 18:30 an (exact) delivery date: refused as a claim and as a
	// promise — no delivery time is ever guaranteed (rules S6, S8).
	t5, err := k.order("T1130005", "tb_anan", "TEA-01", at(0, 18, 20), at(0, 18, 25))
	if err != nil {
		return err
	}
	k.say(at(0, 18, 30), "anan: 周三之前一定能送到吗？")
	if _, err := k.claim(t5, shipping.PromiseClaim{Date: shipping.Date{Year: 2026, Month: 12, Day: 2}, Delivery: true}); err != nil {
		return err
	}
	if _, err := k.promise(at(0, 18, 31), agent, notes.PromiseDraft{ID: "p-T1130005-deliver", Kind: notes.DeliverBy, OrderID: t5.ID(), Due: at(2, 23, 59)}); err != nil {
		return err
	}
	if _, err := k.promise(at(0, 18, 32), agent, notes.PromiseDraft{ID: "p-T1130005", Kind: notes.DispatchBy, OrderID: t5.ID()}); err != nil {
		return err
	}

	// 20:00 the buyer of T1130006 wrote "颜色随便？要不就算了" — does she
	// want it at all? Slow review: call her morning and evening; if she is
	// never reached, it ships on Wednesday, the third day (rule O5).
	if _, err := k.order("T1130006", "tb_yueyue", "CUP-03", at(0, 19, 30), at(0, 19, 31)); err != nil {
		return err
	}
	if err := k.apply("T1130006", order.StartSlowReview, at(0, 20, 0)); err != nil {
		return err
	}
	return k.review("T1130006", at(0, 20, 30), []order.Contact{
		{At: at(0, 20, 5), Via: order.Phone}, {At: at(0, 20, 8), Via: order.Chat}, {At: at(0, 20, 9), Via: order.SMS},
	})
}

var yueyue = []order.Contact{
	{At: at(0, 20, 5), Via: order.Phone}, {At: at(0, 20, 8), Via: order.Chat}, {At: at(0, 20, 9), Via: order.SMS},
	{At: at(1, 9, 10), Via: order.Phone}, {At: at(1, 9, 12), Via: order.Chat},
	{At: at(1, 18, 5), Via: order.Phone}, {At: at(1, 18, 6), Via: order.Chat}, {At: at(1, 18, 6), Via: order.SMS},
	{At: at(2, 9, 5), Via: order.Phone}, {At: at(2, 9, 6), Via: order.Chat}, {At: at(2, 9, 6), Via: order.SMS},
}

// Tuesday: bo's promise is kept; a gift promised out of stock is refused;
// a "today" promise before the cutoff the warehouse then misses; a second
// slow review, on an item out of stock.
func (k *week) tuesday() error {
	// 10:00 T1201008's one scarf is out of stock and the buyer asked
	// about another colour: slow review, but with nothing to ship it has
	// no third-day must-ship (rule O5).
	if _, err := k.order("T1201008", "tb_zhu", "SCF-09", at(1, 9, 40), at(1, 9, 41)); err != nil {
		return err
	}
	if err := k.apply("T1201008", order.StartSlowReview, at(1, 10, 0)); err != nil {
		return err
	}
	if err := k.review("T1201008", at(1, 10, 30), []order.Contact{{At: at(1, 10, 5), Via: order.Phone}}); err != nil {
		return err
	}

	if err := k.outbound("T1130004", "p-T1130004", at(1, 11, 0)); err != nil {
		return err
	}
	if err := k.outbound("T1130005", "p-T1130005", at(1, 11, 20)); err != nil {
		return err
	}
	// The morning round of yueyue's review: the SMS was forgotten.
	if err := k.review("T1130006", at(1, 12, 0), yueyue[:5]); err != nil {
		return err
	}

	// 14:30 he paid at 14:20 and asks for the sample gift he saw. Real
	// stock has none left: the promise is refused (rules O8, N3). The
	// dispatch promise for today stands.
	t7, err := k.order("T1201007", "tb_he_tian", "TEA-01", at(1, 14, 15), at(1, 14, 20))
	if err != nil {
		return err
	}
	k.say(at(1, 14, 30), "he: 能送试用装吗？今天能发吗？")
	if _, err := k.promise(at(1, 14, 31), agent, notes.PromiseDraft{ID: "p-T1201007-gift", Kind: notes.SendGift, OrderID: t7.ID(), Item: notes.Item{SKU: "GIFT-07", Quantity: 1}}); err != nil {
		return err
	}
	if _, err := k.claim(t7, shipping.PromiseClaim{Wording: shipping.ShipsToday}); err != nil {
		return err
	}
	if _, err := k.promise(at(1, 14, 32), agent, notes.PromiseDraft{ID: "p-T1201007", Kind: notes.DispatchBy, OrderID: t7.ID()}); err != nil {
		return err
	}
	// 16:30 the warehouse prints and picks it, but the courier's van
	// leaves without it: a printed waybill keeps no promise (rule S7).
	if err := k.evidence("p-T1201007", at(1, 16, 30), shipping.Picked); err != nil {
		return err
	}

	// 18:10 yueyue still does not answer; the evening round is complete.
	if err := k.review("T1130006", at(1, 18, 10), yueyue[:8]); err != nil {
		return err
	}
	// 18:20 zhu answers the phone: she will take the grey one instead, and
	// after-sales promises to call her back by Thursday noon once it is in.
	if err := k.review("T1201008", at(1, 18, 25), []order.Contact{{At: at(1, 10, 5), Via: order.Phone}, {At: at(1, 18, 20), Via: order.Phone, Reached: true}}); err != nil {
		return err
	}
	_, err = k.promise(at(1, 18, 30), after, notes.PromiseDraft{ID: "p-T1201008-call", Kind: notes.CallBack, OrderID: "T1201008", Due: at(3, 12, 0)})
	return err
}

// Wednesday: the agenda shows he's promise overdue; it ships late and is
// broken. yueyue was never reached: the third day, it must ship.
func (k *week) wednesday() error {
	if err := k.outbound("T1201007", "p-T1201007", at(2, 10, 30)); err != nil {
		return err
	}
	if err := k.review("T1130006", at(2, 14, 0), yueyue); err != nil {
		return err
	}
	if !k.reviews["T1130006"].MustShip() {
		return fmt.Errorf("T1130006 should ship on the third day")
	}
	if err := k.apply("T1130006", order.EndSlowReview, at(2, 14, 5)); err != nil {
		return err
	}
	k.say(at(2, 14, 5), "yueyue was never reached: the order leaves today, as it was placed (rule O5)")
	return k.dispatch("T1130006", at(2, 15, 10))
}

// Thursday: after-sales calls zhu back at 15:00, three hours after the
// noon it promised: the call back is broken.
func (k *week) thursday() error {
	return k.settle("p-T1201008-call", notes.Fulfilment{At: at(3, 15, 0)})
}

// Friday: a promise given up — the buyer cancelled before it shipped and
// was refunded; the promise is broken, not forgotten.
func (k *week) friday() error {
	t9, err := k.order("T1204009", "tb_qiao", "KET-01", at(4, 9, 30), at(4, 9, 31))
	if err != nil {
		return err
	}
	k.say(at(4, 9, 40), "qiao: 今天能发吗？")
	if _, err := k.claim(t9, shipping.PromiseClaim{Wording: shipping.ShipsToday}); err != nil {
		return err
	}
	if _, err := k.promise(at(4, 9, 41), agent, notes.PromiseDraft{ID: "p-T1204009", Kind: notes.DispatchBy, OrderID: t9.ID()}); err != nil {
		return err
	}
	k.say(at(4, 11, 0), "qiao: 不要了，我买错了 — the order is refunded and closed")
	if err := k.apply("T1204009", order.Close, at(4, 11, 0)); err != nil {
		return err
	}
	l, p, err := k.ledger.Break("p-T1204009", at(4, 11, 0))
	if err != nil {
		return err
	}
	k.ledger = l
	fmt.Fprintf(k.w, "  %s  promise %s given up: %s\n", at(4, 11, 0).Format("15:04"), p.ID, p.State(at(4, 11, 0), 0).Text(staff))
	return nil
}

// Saturday: the reminders again — too early in the morning, once in the
// afternoon, never twice a day.
func (k *week) saturday() error {
	t10, err := k.unpaid("T1205010", "tb_nuo", "TEA-01", at(5, 10, 30))
	if err != nil {
		return err
	}
	u := shipping.Unpaid{Order: t10, BuyerOnline: true}
	if err := k.remind(at(5, 10, 45), []shipping.Unpaid{u}); err != nil {
		return err
	}
	if err := k.remind(at(5, 12, 30), []shipping.Unpaid{u}); err != nil {
		return err
	}
	u.LastReminded = at(5, 12, 30)
	return k.remind(at(5, 15, 0), []shipping.Unpaid{u})
}

// Sunday: nothing open; the week's tally.
func (k *week) sunday() error { return nil }

// order places and pays an online order of one unit of sku.
func (k *week) order(id, buyer, sku string, placed, paid time.Time) (*order.Order, error) {
	o, err := order.New(order.Spec{ID: id, Buyer: order.Buyer{ID: buyer},
		Lines: []order.Line{{SKU: sku, Quantity: 1, UnitPrice: decimal.RequireFromString("99.00")}},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省", City: "杭州市",
			District: "西湖区", Detail: "文三路12号"},
		Status: order.AwaitingPayment, CreatedAt: placed})
	if err != nil {
		return nil, err
	}
	k.orders[id] = &o
	if !paid.IsZero() {
		if err := k.pay(id, paid); err != nil {
			return nil, err
		}
	}
	return k.orders[id], nil
}

func (k *week) unpaid(id, buyer, sku string, placed time.Time) (*order.Order, error) {
	return k.order(id, buyer, sku, placed, time.Time{})
}

func (k *week) pay(id string, t time.Time) error { return k.apply(id, order.Pay, t) }

func (k *week) dispatch(id string, t time.Time) error {
	if err := k.apply(id, order.Dispatch, t); err != nil {
		return err
	}
	fmt.Fprintf(k.w, "  %s  %s outbound\n", t.Format("15:04"), id)
	return nil
}

func (k *week) apply(id string, e order.Event, t time.Time) error {
	o, err := k.orders[id].Apply(e, t)
	if err != nil {
		return err
	}
	*k.orders[id] = o
	return nil
}

func (k *week) say(t time.Time, s string) { fmt.Fprintf(k.w, "  %s  %s\n", t.Format("15:04"), s) }

// claim checks what the agent is about to say about the order's dispatch
// (rule S6) and prints the verdict, and the buyer's reply when allowed.
func (k *week) claim(o *order.Order, c shipping.PromiseClaim) (shipping.PromiseReview, error) {
	r, err := k.ship.ReviewPromise(o.PaidAt(), c)
	if err != nil {
		return r, err
	}
	k.claims = append(k.claims, r)
	fmt.Fprintf(k.w, "         claim checked: %s\n", r.Staff(staff))
	fmt.Fprintf(k.w, "         buyer is told: %s\n", r.Buyer(staff))
	return r, nil
}

// promise checks a promise (rule N3) and, when allowed, puts it in the
// ledger.
func (k *week) promise(t time.Time, by order.Agent, d notes.PromiseDraft) (notes.Promise, error) {
	o := k.orders[d.OrderID]
	p, dec, err := k.notes.MakePromise(d.Stamp(by, t), notes.PromiseCheck{Order: o, Stock: k.stock, Shipping: k.ship}, t)
	if err != nil {
		return p, err
	}
	fmt.Fprintf(k.w, "  %s  promise %s (%s by %s): %s", t.Format("15:04"), d.ID, d.Kind.Text(staff), by.Name, dec.Staff(staff))
	if dec.Verdict != order.Allowed {
		k.refused = append(k.refused, dec)
		fmt.Fprintln(k.w)
		return p, nil
	}
	fmt.Fprintf(k.w, ", due %s\n", p.Due.Format("01-02 15:04"))
	k.ledger, err = k.ledger.Add(p)
	return p, err
}

// outbound dispatches the order and settles its promise with the
// outbound evidence (rules N3, S7).
func (k *week) outbound(id, promise string, t time.Time) error {
	if err := k.dispatch(id, t); err != nil {
		return err
	}
	return k.settle(promise, notes.Fulfilment{At: t, Stage: shipping.Outbound})
}

// evidence shows the ledger a stage short of outbound: it stays open.
func (k *week) evidence(id string, t time.Time, s shipping.Stage) error {
	l, p, err := k.ledger.Fulfil(id, notes.Fulfilment{At: t, Stage: s})
	if err != nil {
		return err
	}
	k.ledger = l
	fmt.Fprintf(k.w, "  %s  warehouse: %s — promise %s stays %s\n", t.Format("15:04"), s.Text(staff), id, p.State(t, time.Duration(k.notes.DueSoon)).Text(staff))
	return nil
}

func (k *week) settle(id string, f notes.Fulfilment) error {
	l, p, err := k.ledger.Fulfil(id, f)
	if err != nil {
		return err
	}
	k.ledger = l
	fmt.Fprintf(k.w, "  %s  promise %s settled: %s\n", f.At.Format("15:04"), id, p.State(f.At, 0).Text(staff))
	return nil
}

// remind runs the payment reminders at now (rule S10).
func (k *week) remind(now time.Time, us []shipping.Unpaid) error {
	for _, u := range us {
		r, err := k.ship.PaymentReminder(u, now)
		if err != nil {
			return err
		}
		fmt.Fprintf(k.w, "  %s  reminder %s: %s\n", now.Format("15:04"), u.Order.ID(), r.Staff(staff))
		if r.Verdict == order.Allowed {
			k.reminded = append(k.reminded, u.Order.ID())
			fmt.Fprintf(k.w, "         buyer gets: %s\n", r.Buyer(staff))
		}
	}
	return nil
}

// review looks at a slow review at now with the contacts made so far
// (rule O5).
func (k *week) review(id string, now time.Time, contacts []order.Contact) error {
	r, err := k.triage.SlowReview(k.orders[id], k.stock, contacts, now)
	if err != nil {
		return err
	}
	k.reviews[id] = r
	// The review as staff read it (SlowReview.Staff, rule O5): the day,
	// the deadlines, who is still to be tried and the rounds missed.
	codes := ""
	if r.Reasons.Len() > 0 {
		codes = fmt.Sprintf(" %v", r.Reasons)
	}
	fmt.Fprintf(k.w, "  %s  slow review %s%s: %s\n", now.Format("15:04"), id, codes, r.Staff(staff))
	return nil
}

// agenda prints after-sales' record of the day (rule N4).
func (k *week) agenda(now time.Time) error {
	a, err := k.notes.Agenda(k.ledger, now)
	if err != nil {
		return err
	}
	line := func(label string, ps []notes.Promise) {
		var s []string
		for _, p := range ps {
			s = append(s, fmt.Sprintf("%s %s (due %s)", p.ID, p.Kind.Text(staff), p.Due.Format("01-02 15:04")))
		}
		if len(s) == 0 {
			s = []string{"—"}
		}
		fmt.Fprintf(k.w, "  agenda %s: %s\n", label, strings.Join(s, "; "))
	}
	line("overdue", a.Overdue)
	line("due today", a.DueToday)
	line("calls", a.Calls)
	return nil
}

// tally counts the week's promises kept and broken.
func (k *week) tally(now time.Time) error {
	byState := map[notes.PromiseState][]string{}
	for _, p := range k.ledger.Promises() {
		s := p.State(now, 0)
		byState[s] = append(byState[s], p.ID)
	}
	fmt.Fprintln(k.w, "the week's promises:")
	for _, s := range notes.PromiseStates() {
		if ids := byState[s]; len(ids) > 0 {
			slices.Sort(ids)
			fmt.Fprintf(k.w, "  %s (%s): %s\n", s.Text(staff), s, strings.Join(ids, ", "))
		}
	}
	fmt.Fprintf(k.w, "  refused before they were made: %d; claims checked: %d\n", len(k.refused), len(k.claims))
	return nil
}
