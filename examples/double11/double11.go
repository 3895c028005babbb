// Package double11 replays a Double 11 morning at a tea shop's
// customer-service desk (seed 002): agents of every role (rule A1) asking
// for gifts, postage concessions, price cuts and erased change. It shows
// the gift offered before the price cut, and the free-shipping policy
// before a postage concession (rule P2); the team leader's
// approvals granted, used once, and refused when reused or stretched
// (rule A3); nobody approving their own request; the loosened limits of the
// promotion period, which end with it (rule A4); erased change within its
// share and its count of the day (rule P3); a second price change flagged
// (rule P4); and a buyer who missed the promotion refused the price,
// whoever they ask (rule P1).
//
//	go run ./examples double11
package double11

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/shipping"
)

var cst = time.FixedZone("CST", 8*60*60)

// The team on duty, one of every role (rule A1).
var (
	xiaomei = order.Agent{ID: "xiaomei", Name: "小美", Role: order.PreSales}
	zhang   = order.Agent{ID: "zhang", Name: "小张", Role: order.InSales}
	li      = order.Agent{ID: "li", Name: "小李", Role: order.AfterSales}
	zhao    = order.Agent{ID: "zhao", Name: "小赵", Role: order.ReviewHandling}
	laowang = order.Agent{ID: "laowang", Name: "老王", Role: order.TeamLeader}
	zhou    = order.Agent{ID: "zhou", Name: "周店长", Role: order.StoreManager}
)

// Policy is the shop's pricing policy for November: kefu's defaults (no
// gift or price cut without the team leader, postage up to 10.00 and
// erased change three times a day for the front line), loosened for the
// Double 11 period as seed 002 Q6 advises ("适当的放宽一点权限"): the front
// line may give a gift of up to 15.00 alone and erase change five times a
// day, from 1 November to the end of 11 November only (rule A4).
func Policy() pricing.Policy {
	p := pricing.DefaultPolicy()
	loose := p.Limits
	for _, r := range []order.Role{order.PreSales, order.InSales, order.AfterSales, order.ReviewHandling} {
		loose.For(r).Gift = yuan("15.00")
	}
	loose.EraseTimesPerDay = 5
	p.Periods = []pricing.Period{{
		Name:   "双11",
		Start:  time.Date(2026, 11, 1, 0, 0, 0, 0, cst),
		End:    time.Date(2026, 11, 12, 0, 0, 0, 0, cst),
		Limits: loose,
	}}
	return p
}

// FirstTwoHours is the platform's Double 11 price of the Longjing tea for
// the first two hours of the day: 54.25 instead of 59.25, from 00:00 to
// 02:00. The shop cannot move the window (rule P1).
var FirstTwoHours = pricing.Promotion{
	Name:  "双11前两小时",
	SKU:   "TEA-02",
	Price: yuan("54.25"),
	Start: time.Date(2026, 11, 11, 0, 0, 0, 0, cst),
	End:   time.Date(2026, 11, 11, 2, 0, 0, 0, cst),
}

// desk is the backend the agents' consoles talk to: the shop's policy and
// signing key, the rows it stores (each agent's erase count, each order's
// price changes) and its record of spent approvals.
type desk struct {
	w       io.Writer
	policy  pricing.Policy
	key     []byte
	spent   pricing.Store
	agents  map[string]pricing.AgentUsage
	orders  map[string]pricing.OrderUsage
	console order.Lang // the shop's back office language
	err     error      // the first error of the backend (a bug, not a refusal)
	log     []outcome  // what happened, for the scenario test
	scenes  int
	// freeShipping: 小吴's order with one tin, then with two (rule P2).
	freeShipping []shipping.FreeShippingDecision
}

// outcome is one thing that happened at the desk: a concession reviewed
// ("ask", with its decision), an approval issued ("approve") or a token
// redeemed ("redeem"), with the error that refused it; given says the
// concession was given, and due is then the order's new amount due.
type outcome struct {
	what     string
	agent    string
	orderID  string
	kind     pricing.Kind
	amount   string
	decision pricing.Decision
	err      error
	given    bool
	due      string
}

// on returns what happened on order id, in order.
func (d *desk) on(id string) []outcome {
	var out []outcome
	for _, o := range d.log {
		if o.orderID == id {
			out = append(out, o)
		}
	}
	return out
}

// Run replays the morning and writes what the agents see to w.
func Run(w io.Writer) error {
	_, err := replay(w)
	return err
}

// replay replays the morning and returns the desk with what happened.
func replay(w io.Writer) (*desk, error) {
	p := Policy()
	if err := p.Validate(); err != nil {
		return nil, err
	}
	d := &desk{
		w:       w,
		policy:  p,
		key:     []byte("tea shop approval key, 32 bytes or more"),
		agents:  map[string]pricing.AgentUsage{},
		orders:  map[string]pricing.OrderUsage{},
		console: order.MatchLang("zh-CN,zh;q=0.9,en;q=0.8", order.SimplifiedChinese),
	}
	return d, d.run()
}

func (d *desk) run() error {
	for _, step := range []func() error{d.giftBeforePriceCut, d.approvalUsedOnce, d.eraseChange,
		d.reviewHandling, d.freeShippingPolicy, d.aboveTheTeamLeader, d.missedPromotion, d.afterThePeriod} {
		if err := step(); err != nil {
			return err
		}
		if d.err != nil {
			return d.err
		}
	}
	return nil
}

// giftBeforePriceCut: a buyer bargains with pre-sales before paying. The
// price is the company's; the shop offers a gift first (rule P2), which the
// Double 11 limits let pre-sales give alone (rule A4). Erasing the change
// is not pre-sales' to do alone (rule P3).
func (d *desk) giftBeforePriceCut() error {
	d.scene("09:02 小陈 has two tins of Longjing in the cart (128.50 with postage) and asks for 5 yuan off")
	o, err := teaOrder("T20261111000101", "tb_1001", "小陈", 2, "10.00", at(11, 9, 0))
	if err != nil {
		return err
	}
	buyer := order.MatchLang("zh-CN", order.SimplifiedChinese)
	if _, err := d.ask(at(11, 9, 2), xiaomei, o, pricing.PriceCut, "5.00", nil, buyer); err != nil {
		return err
	}
	// The console suggests a gift of the same value; 小美 offers it.
	if _, err := d.ask(at(11, 9, 3), xiaomei, o, pricing.Gift, "5.00", nil, buyer); err != nil {
		return err
	}
	// 小陈 also asks to drop the 0.50: the change below the yuan.
	e, err := pricing.Erasable(o.Paid())
	if err != nil {
		return err
	}
	_, err = d.ask(at(11, 9, 4), xiaomei, o, pricing.EraseChange, e.StringFixed(2), nil, buyer)
	return err
}

// approvalUsedOnce: in-sales asks for a price cut only the team leader may
// grant (rule A3). The approval is for one order, one requester and at
// most its amount, until it expires; it is spent once.
func (d *desk) approvalUsedOnce() error {
	d.scene("09:10 阿May, whose chat speaks zh-HK, wants 20 yuan off a 268.00 teapot; she has a second order open")
	o, err := newOrder("T20261111000102", "tb_2002", "阿May", "POT-01", "紫砂壶", 1, "268.00", "0.00", at(11, 9, 8))
	if err != nil {
		return err
	}
	other, err := newOrder("T20261111000103", "tb_2002", "阿May", "CUP-03", "品茗杯", 2, "38.00", "0.00", at(11, 9, 9))
	if err != nil {
		return err
	}
	buyer := order.MatchLang("zh-HK,zh;q=0.9,en;q=0.8", order.SimplifiedChinese)
	r, err := d.ask(at(11, 9, 10), zhang, o, pricing.PriceCut, "20.00", nil, buyer)
	if err != nil {
		return err
	}

	// 小李 of after-sales ranks above in-sales, but approving a price
	// cut is the team leader's.
	d.approve(r, li, "ap-1111-0001", 15*time.Minute)
	// 老王 approves 20.00 for 15 minutes; the console receives a token.
	token, ok := d.approve(r, laowang, "ap-1111-0001", 15*time.Minute)
	if !ok {
		return errors.New("the team leader's approval was refused")
	}

	// The token is tried where it does not reach: a bigger cut, the
	// buyer's other order, another agent.
	d.redeem(token, pricing.Request{Agent: zhang, Order: o, Kind: pricing.PriceCut, Amount: yuan("25.00"), At: at(11, 9, 13)},
		"小张 types 25.00 instead of 20.00")
	d.redeem(token, pricing.Request{Agent: zhang, Order: other, Kind: pricing.PriceCut, Amount: yuan("20.00"), At: at(11, 9, 13)},
		"小张 applies it to the buyer's other order")
	d.redeem(token, pricing.Request{Agent: li, Order: o, Kind: pricing.PriceCut, Amount: yuan("20.00"), At: at(11, 9, 14)},
		"小李 picks the chat up and uses 小张's token")
	// Then as approved, and a second time (a double click, a retry).
	r.At = at(11, 9, 15)
	d.redeem(token, r, "小张 gives the 20.00 cut")
	r.At = at(11, 9, 16)
	d.redeem(token, r, "the console sends it again")

	// The price was changed once; a second change on the same order is a
	// warning sign (rule P4), even for the shop's own gift suggestion.
	_, err = d.ask(at(11, 9, 18), zhang, o, pricing.PriceCut, "5.00", nil, buyer)
	return err
}

// eraseChange: after-sales erases small change on orders the team handles
// for buyers who come back (rule P3): exactly the change below the yuan,
// at most 1% of the order, and five times today instead of three (rule A4).
func (d *desk) eraseChange() error {
	d.scene("09:20 小李 erases the change on orders placed by returning buyers")
	cases := []struct {
		id, sku  string
		qty      int
		price    string
		postage  string
		amount   string // what 小李 asks to erase; "" is the change below the yuan
		minutesA int
	}{
		{"T20261111000201", "TEA-02", 2, "59.25", "10.00", "", 20},
		{"T20261111000202", "TEA-05", 1, "88.60", "8.00", "", 21},
		{"T20261111000203", "TEA-02", 3, "59.25", "10.00", "1.75", 22}, // 187.75: 1.75 is more than the change
		{"T20261111000204", "CUP-03", 1, "29.99", "0.00", "", 23},      // 0.99 of 29.99 is over 1%
		{"T20261111000205", "TEA-05", 2, "88.60", "8.00", "", 24},
		{"T20261111000206", "TEA-05", 1, "88.60", "0.00", "", 25},
		{"T20261111000207", "POT-01", 1, "268.40", "0.00", "", 26},
		{"T20261111000208", "TEA-05", 3, "88.60", "8.00", "", 27},
	}
	for _, c := range cases {
		o, err := newOrder(c.id, "tb_3"+c.id[len(c.id)-3:], "老顾客", c.sku, "", c.qty, c.price, c.postage, at(11, 9, c.minutesA-1))
		if err != nil {
			return err
		}
		amount := c.amount
		if amount == "" {
			e, err := pricing.Erasable(o.Paid())
			if err != nil {
				return err
			}
			amount = e.StringFixed(2)
		}
		fmt.Fprintf(d.w, "  %s due %s, erased today so far: %d\n", o.ID(), o.Paid().StringFixed(2), d.agents[li.ID].Erases)
		if _, err := d.ask(at(11, 9, c.minutesA), li, o, pricing.EraseChange, amount, nil, order.SimplifiedChinese); err != nil {
			return err
		}
	}
	return nil
}

// reviewHandling: the review-handling agent soothes a buyer who threatens
// a middle review. Postage cannot be waived on an order that ships free;
// a postage concession beyond the agent's 10.00 turns into a gift the
// shop prefers and the Double 11 limits allow (rules P2, A4).
func (d *desk) reviewHandling() error {
	d.scene("09:30 a buyer threatens a middle review and wants his postage back")
	free, err := newOrder("T20261111000301", "tb_4001", "大刘", "TEA-05", "", 2, "88.60", "0.00", at(11, 9, 28))
	if err != nil {
		return err
	}
	if _, err := d.ask(at(11, 9, 30), zhao, free, pricing.Postage, "8.00", nil, order.SimplifiedChinese); err != nil {
		return err
	}
	charged, err := newOrder("T20261111000302", "tb_4002", "大刘", "POT-01", "", 1, "268.00", "12.00", at(11, 9, 29))
	if err != nil {
		return err
	}
	if _, err := d.ask(at(11, 9, 31), zhao, charged, pricing.Postage, "12.00", nil, order.SimplifiedChinese); err != nil {
		return err
	}
	_, err = d.ask(at(11, 9, 32), zhao, charged, pricing.Gift, "12.00", nil, order.SimplifiedChinese)
	return err
}

// freeShippingPolicy: a buyer who wants free shipping on an item that
// does not ship free is pointed to the free-shipping policy first (rule
// P2): the shortfall to the threshold, which a second tin makes up.
func (d *desk) freeShippingPolicy() error {
	d.scene("09:33 小吴 wants free shipping on one tin of Longjing (59.25 + 10.00 postage)")
	ship := shipping.DefaultPolicy()
	one, err := teaOrder("T20261111000303", "tb_4003", "小吴", 1, "10.00", at(11, 9, 32))
	if err != nil {
		return err
	}
	fs := ship.FreeShipping(one)
	d.freeShipping = append(d.freeShipping, fs)
	fmt.Fprintf(d.w, "  %s %s sees: %s\n        %s %v, short by %s\n", clock(at(11, 9, 33)), who(zhang),
		fs.Staff(d.console), fs.Verdict(), fs.Reasons(), fs.Shortfall().StringFixed(2))
	fmt.Fprintf(d.w, "        to the buyer (zh-Hans): %s\n", fs.Buyer(order.SimplifiedChinese))
	// 小吴 takes a second tin; the platform recomputes the postage.
	two, err := teaOrder("T20261111000304", "tb_4003", "小吴", 2, "0.00", at(11, 9, 34))
	if err != nil {
		return err
	}
	fs = ship.FreeShipping(two)
	d.freeShipping = append(d.freeShipping, fs)
	fmt.Fprintf(d.w, "  %s 小吴 orders two instead: %s\n        %s %v\n", clock(at(11, 9, 34)), fs.Staff(d.console), fs.Verdict(), fs.Reasons())
	return nil
}

// aboveTheTeamLeader: the team leader's own request goes to the store
// manager; he cannot approve it himself, and an approval left to expire
// is refused (rule A3). The store manager, whom nobody is above, may make
// a second price change, with the warning (rule P4).
func (d *desk) aboveTheTeamLeader() error {
	d.scene("09:35 a company buyer wants 60 yuan off a 599.00 tea set; the team leader takes the chat")
	o, err := newOrder("T20261111000401", "tb_5001", "某公司采购", "SET-09", "茶具套装", 1, "599.00", "0.00", at(11, 9, 33))
	if err != nil {
		return err
	}
	r, err := d.ask(at(11, 9, 35), laowang, o, pricing.PriceCut, "60.00", nil, order.SimplifiedChinese)
	if err != nil {
		return err
	}
	d.approve(r, laowang, "ap-1111-0002", 10*time.Minute)
	token, ok := d.approve(r, zhou, "ap-1111-0002", 10*time.Minute)
	if !ok {
		return errors.New("the store manager's approval was refused")
	}
	r.At = at(11, 9, 50)
	d.redeem(token, r, "老王 comes back to it after a call, 15 minutes later")
	r.At = at(11, 9, 51)
	token, ok = d.approve(r, zhou, "ap-1111-0003", 10*time.Minute)
	if !ok {
		return errors.New("the store manager's approval was refused")
	}
	r.At = at(11, 9, 52)
	d.redeem(token, r, "老王 gives the 60.00 cut at once")
	// The buyer wants 9 more off. 周店长, whom nobody is above, may change
	// the price a second time — with the warning — but the shop still
	// prefers a gift (rule P2), and she gives that.
	if _, err := d.ask(at(11, 9, 55), zhou, o, pricing.PriceCut, "9.00", nil, order.SimplifiedChinese); err != nil {
		return err
	}
	_, err = d.ask(at(11, 9, 56), zhou, o, pricing.Gift, "9.00", nil, order.SimplifiedChinese)
	return err
}

// missedPromotion: a buyer who missed the first two hours' price asks for
// it at breakfast. The window is the platform's: nobody in the shop may
// give the price outside it, not even the store manager (rule P1). The
// agent offers what the shop offers instead (rule P2).
func (d *desk) missedPromotion() error {
	d.scene("10:05 小林 slept through the first two hours and wants the 54.25 price for two tins (10.00 off)")
	o, err := teaOrder("T20261111000501", "tb_6001", "小林", 2, "10.00", at(11, 10, 3))
	if err != nil {
		return err
	}
	promo := FirstTwoHours
	fmt.Fprintf(d.w, "  promotion %s: %s at %s, %s–%s; active now? %v\n", promo.Name, promo.SKU, promo.Price.StringFixed(2),
		promo.Start.Format("01-02 15:04"), promo.End.Format("15:04"), promo.Active(at(11, 10, 5)))
	if _, err := d.ask(at(11, 10, 5), xiaomei, o, pricing.PriceCut, "10.00", &promo, order.SimplifiedChinese); err != nil {
		return err
	}
	if _, err := d.ask(at(11, 10, 7), zhou, o, pricing.PriceCut, "10.00", &promo, order.SimplifiedChinese); err != nil {
		return err
	}
	_, err = d.ask(at(11, 10, 8), xiaomei, o, pricing.Gift, "10.00", nil, order.SimplifiedChinese)
	return err
}

// afterThePeriod: on 20 November the Double 11 limits are over; the same
// gift goes back to the team leader (rule A4).
func (d *desk) afterThePeriod() error {
	d.scene("11-20 10:00 the promotion period is over: 小美 offers the same 5.00 gift to a new buyer")
	o, err := teaOrder("T20261120000101", "tb_7001", "小何", 2, "10.00", at(20, 9, 58))
	if err != nil {
		return err
	}
	_, err = d.ask(at(20, 10, 0), xiaomei, o, pricing.Gift, "5.00", nil, order.SimplifiedChinese)
	return err
}

// ask reviews a concession as the console sends it and prints what the
// agent sees; the buyer's line is in the buyer's language. What is allowed
// the agent gives at once, and the backend records it.
func (d *desk) ask(t time.Time, a order.Agent, o *order.Order, k pricing.Kind, amount string, promo *pricing.Promotion, buyer order.Lang) (pricing.Request, error) {
	r := pricing.Request{Agent: a, Order: o, Kind: k, Amount: yuan(amount), At: t, Promotion: promo}
	dec, err := d.policy.Review(r, d.agents[a.ID], d.orders[o.ID()])
	if err != nil {
		return r, err
	}
	d.log = append(d.log, outcome{what: "ask", agent: a.ID, orderID: o.ID(), kind: k, amount: amount, decision: dec})
	fmt.Fprintf(d.w, "  %s %s asks: %s\n", clock(t), who(a), dec.Staff(d.console))
	fmt.Fprintf(d.w, "        %s\n", codes(dec))
	fmt.Fprintf(d.w, "        en: %s\n", dec.Staff(order.English))
	if dec.Verdict == order.Allowed && dec.Suggest != pricing.KindUnknown {
		// Allowed, but the shop prefers another kind of the same value
		// (rule P2): the agent asks for that one instead, and the buyer
		// hears of what is given then.
		fmt.Fprintf(d.w, "        not given: the shop prefers %s\n", dec.Suggest.Text(d.console))
		return r, nil
	}
	if s := dec.Buyer(buyer); s != "" {
		fmt.Fprintf(d.w, "        to the buyer (%s): %s\n", buyer, s)
	}
	if dec.Verdict == order.Allowed {
		return r, d.give(r)
	}
	return r, nil
}

// approve asks approver to approve r for a while and prints the outcome;
// it returns the approval's token when granted.
func (d *desk) approve(r pricing.Request, approver order.Agent, id string, valid time.Duration) (string, bool) {
	v, err := d.policy.Approve(r, d.agents[r.Agent.ID], d.orders[r.Order.ID()], approver, id, r.At.Add(valid))
	d.log = append(d.log, outcome{what: "approve", agent: approver.ID, orderID: r.Order.ID(), kind: r.Kind,
		amount: r.Amount.StringFixed(2), err: err})
	if err == nil {
		var token string
		if token, err = v.Token(d.key); err == nil {
			a := v.Approval()
			fmt.Fprintf(d.w, "        %s approves %s: %s ¥ %s on %s for %s, until %s\n", who(approver), a.ID,
				a.Kind.Text(d.console), a.Amount.StringFixed(2), a.OrderID, a.Requester.ID, clock(a.Expires))
			return token, true
		}
	}
	fmt.Fprintf(d.w, "        %s may not approve it: %s\n", who(approver), failure(err))
	return "", false
}

// redeem spends an approval's token for r, as the console sends it with
// the concession, and records the concession when the token covers it.
func (d *desk) redeem(token string, r pricing.Request, what string) {
	fmt.Fprintf(d.w, "  %s %s\n", clock(r.At), what)
	v, spent, err := d.spent.Redeem(d.policy, token, d.key, r, d.agents[r.Agent.ID], d.orders[r.Order.ID()])
	d.log = append(d.log, outcome{what: "redeem", agent: r.Agent.ID, orderID: r.Order.ID(), kind: r.Kind,
		amount: r.Amount.StringFixed(2), err: err})
	if err != nil {
		fmt.Fprintf(d.w, "        refused: %s\n", failure(err))
		return
	}
	fmt.Fprintf(d.w, "        covered by %s's approval %s, spent at %s\n", v.Approval().Approver.Name, spent.ID, clock(spent.At))
	if err := d.give(r); err != nil && d.err == nil {
		d.err = err
	}
}

// give gives the concession r: the backend records the usage (rule P3's
// count, rule P4's price changes) and changes the order's price — a price
// cut or erased change adds to its discount, a postage concession lowers
// its postage; a gift ships with the order at no price.
func (d *desk) give(r pricing.Request) error {
	au, ou, err := d.policy.Record(r, d.agents[r.Agent.ID], d.orders[r.Order.ID()])
	if err != nil {
		return err
	}
	s := r.Order.Spec()
	switch r.Kind {
	case pricing.PriceCut, pricing.EraseChange:
		s.Discount = s.Discount.Add(r.Amount)
	case pricing.Postage:
		s.Postage = s.Postage.Sub(r.Amount)
	}
	o, err := order.New(s)
	if err != nil {
		return err
	}
	*r.Order = o
	d.agents[r.Agent.ID], d.orders[r.Order.ID()] = au, ou
	last := &d.log[len(d.log)-1]
	last.given, last.due = true, o.Paid().StringFixed(2)
	fmt.Fprintf(d.w, "        given: %s now due %s (price changes %d)\n", o.ID(), o.Paid().StringFixed(2), ou.PriceChanges)
	return nil
}

// scene starts a scene of the morning, after a blank line but the first.
func (d *desk) scene(s string) {
	if d.scenes > 0 {
		fmt.Fprintln(d.w)
	}
	d.scenes++
	fmt.Fprintf(d.w, "-- %s\n", s)
}

// codes is the decision's stable codes: verdict, approver, reasons, the
// kind suggested and the period whose limits decided it.
func codes(d pricing.Decision) string {
	var b strings.Builder
	b.WriteString(d.Verdict.String())
	if d.Approver != order.RoleUnknown {
		b.WriteString(" by " + d.Approver.String())
	}
	b.WriteString(" " + d.Reasons.String())
	if d.Suggest != pricing.KindUnknown {
		b.WriteString(" suggest " + d.Suggest.String())
	}
	if d.Period != "" {
		b.WriteString(" period " + d.Period)
	}
	return b.String()
}

// failure is how a refused redemption or approval shows: its HTTP status
// and message.
func failure(err error) string {
	return fmt.Sprintf("%d %v", order.HTTPStatus(err), err)
}

func who(a order.Agent) string { return a.Name + "（" + a.Role.Text(order.SimplifiedChinese) + "）" }

func clock(t time.Time) string { return t.In(cst).Format("15:04") }

func at(day, hour, minute int) time.Time { return time.Date(2026, 11, day, hour, minute, 0, 0, cst) }

func yuan(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// teaOrder is an unpaid order of qty tins of Longjing at 59.25.
func teaOrder(id, buyerID, nick string, qty int, postage string, created time.Time) (*order.Order, error) {
	return newOrder(id, buyerID, nick, "TEA-02", "西湖龙井 250g", qty, "59.25", postage, created)
}

// newOrder is an unpaid order of one line, placed at created: concessions
// are given before payment, in one go (rule P4).
func newOrder(id, buyerID, nick, sku, title string, qty int, price, postage string, created time.Time) (*order.Order, error) {
	o, err := order.New(order.Spec{
		ID:    id,
		Buyer: order.Buyer{ID: buyerID, Nick: nick},
		Lines: []order.Line{{SKU: sku, Title: title, Quantity: qty, UnitPrice: yuan(price)}},
		Address: order.Address{Recipient: "陈一", Phone: "13800000000", Province: "浙江省",
			City: "杭州市", District: "西湖区", Detail: "文三路1号"},
		Postage:   yuan(postage),
		Status:    order.AwaitingPayment,
		CreatedAt: created,
	})
	if err != nil {
		return nil, err
	}
	return &o, nil
}
