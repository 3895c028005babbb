// Package returns replays a week of returns and exchanges at one shop:
//
//   - a seven-day no-reason return of one line, from the buyer's request
//     through the return waybill and the warehouse's arrival to the refund
//     (rules R3, R5, R7), and a second request after the window closed;
//   - a washed cardigan, refused (rule R3);
//   - an exchange for another size that waits on the buyer's return: the
//     replacement does not leave first, and the triage flags the exchange
//     once it has waited too long (rule R4);
//   - a Hong Kong return: SF Express, the return postage deducted, the
//     refund made only once the goods are back (rule S3);
//   - a hat whose free shipping was bargained for, ordered in the wrong
//     colour and returned: exactly two choices for the postage (rule R5).
//
// Staff lines are shown as the shop's console shows them, in simplified
// Chinese, and in English; what the buyer is told likewise.
//
//	go run ./examples returns
package returns

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

var cst = time.FixedZone("CST", 8*60*60)

// day returns a time in November 2026, China Standard Time.
func day(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, cst) }

var (
	zh = order.MatchLang("zh-CN", order.SimplifiedChinese)
	en = order.MatchLang("en-GB", order.SimplifiedChinese)
)

// Outcome holds the decisive results of each situation, for the scenario
// test.
type Outcome struct {
	SevenDay       refund.SevenDayDecision
	SevenDayLate   refund.SevenDayDecision
	SevenDayLedger refund.Ledger
	SevenDayRefund refund.Refund

	Washed refund.SevenDayDecision

	ExchangeEarly   error // dispatching the replacement before the return
	ExchangeFlagged []string
	Exchange        refund.Exchange
	ExchangePostage refund.PostageDecision

	HKPostage  refund.PostageDecision
	HKReview   refund.RefundDecision // a refund before the goods are back
	HKEarly    error                 // paying as returned before they are
	HKLedger   refund.Ledger
	HKReturnSF decimal.Decimal

	Bargained refund.PostageDecision
	// BargainedRefund is what each of the two choices refunds.
	BargainedRefund [2]decimal.Decimal
}

// Run replays the week and writes what the agents see to w.
func Run(w io.Writer) error {
	_, err := Replay(w)
	return err
}

// Replay replays the week, writes it to w and returns the outcomes.
func Replay(w io.Writer) (Outcome, error) {
	var out Outcome
	steps := []func(io.Writer, *Outcome) error{sevenDay, washed, exchange, hongKong, bargained}
	for i, step := range steps {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := step(w, &out); err != nil {
			return out, err
		}
	}
	return out, nil
}

var (
	policy = refund.DefaultPolicy()
	ship   = shipping.DefaultPolicy()
)

// sevenDay: buyer 小林 returns the hat of an order that shipped free, with
// no reason, five days after signing for it.
func sevenDay(w io.Writer, out *Outcome) error {
	fmt.Fprintln(w, "--- 1. A seven-day return (rules R3, R5, R7)")
	o, err := delivered("T3001", "tb_lin", mainland, day(4, 15, 0), decimal.Zero,
		order.Line{SKU: "SCARF-01", Title: "羊毛围巾 灰色", Quantity: 2, UnitPrice: yuan("50.00")},
		order.Line{SKU: "HAT-01", Title: "针织帽", Quantity: 1, UnitPrice: yuan("30.00")})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "T3001 (buyer 小林): 2 scarves at 50.00 and a hat at 30.00, shipped free, signed for %s\n", stamp(day(4, 15, 0)))

	// The agent checks the window and the goods before anything else,
	// and confirms which order and when it was bought (rule R3).
	at := day(9, 20, 0)
	d, err := policy.SevenDay(refund.SevenDayRequest{Order: o, SKU: "HAT-01", SignedAt: day(4, 15, 0), At: at})
	if err != nil {
		return err
	}
	out.SevenDay = d
	fmt.Fprintf(w, "%s she asks to return the hat, no reason given\n", stamp(at))
	staff(w, "seven-day", d.Staff)
	buyer(w, d.Buyer)

	// Free shipping out, so she bears the return leg only (rule R5); what
	// she keeps, 100.00, still ships free.
	pd, err := policy.ReturnPostage(refund.PostageRequest{Order: o, Cause: refund.NoReason, FreeShipping: true,
		Lines: []refund.ReturnLine{{SKU: "HAT-01", Units: 1}}, Shipping: &ship})
	if err != nil {
		return err
	}
	staff(w, "postage", pd.Staff)

	// The platform's refund moves step by step; the money goes through the
	// order's ledger, capped by what the hat paid and by what came back.
	l, err := refund.NewLedger(o)
	if err != nil {
		return err
	}
	r, err := refund.Open(o, refund.Application{ID: "RF-3001", SKU: "HAT-01", Fee: yuan("30.00"),
		HasGoodReturn: true, GoodStatus: refund.Received, At: at.Add(5 * time.Minute)})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s refund %s opened: %s, %s\n", stamp(r.CreatedAt()), r.ID(), r.Status().Text(zh), r.Fee().StringFixed(2))
	for _, a := range []refund.Action{
		{Event: refund.AgreeReturn, At: day(9, 20, 10)},
		{Event: refund.ReturnGoods, At: day(10, 11, 0), Waybill: "YT7001002003"},
	} {
		a.Version = r.Version()
		if r, err = r.Apply(a); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s %s → %s\n", stamp(a.At), a.Event.Text(zh), r.Status().Text(zh))
	}
	at = day(12, 10, 0)
	if l, err = l.Receive(refund.Arrival{Waybill: r.Spec().Waybill, Version: l.Version(), SKU: "HAT-01", Units: 1, At: at}); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s warehouse receives the hat (waybill %s)\n", stamp(at), r.Spec().Waybill)
	max, err := l.Refundable("HAT-01", 1)
	if err != nil {
		return err
	}
	l, rc, err := l.Pay(refund.Payout{Key: r.ID(), Version: l.Version(), SKU: "HAT-01", Units: 1, Returned: true, Goods: max, At: at.Add(20 * time.Minute)})
	if err != nil {
		return err
	}
	if r, err = r.Apply(refund.Action{Event: refund.ConfirmGoods, Version: r.Version(), At: rc.At}); err != nil {
		return err
	}
	fmt.Fprintf(w, "%s %s → %s: refunded %s; the order has %s left to refund\n",
		stamp(rc.At), refund.ConfirmGoods.Text(zh), r.Status().Text(zh), rc.Amount().StringFixed(2), l.Remaining().StringFixed(2))
	out.SevenDayLedger, out.SevenDayRefund = l, r

	// The next day she would like to return a scarf too: the window
	// closed at 00:00 on the 12th.
	at = day(13, 9, 0)
	late, err := policy.SevenDay(refund.SevenDayRequest{Order: o, SKU: "SCARF-01", SignedAt: day(4, 15, 0), At: at})
	if err != nil {
		return err
	}
	out.SevenDayLate = late
	fmt.Fprintf(w, "%s she asks to return a scarf as well\n", stamp(at))
	staff(w, "seven-day", late.Staff)
	buyer(w, late.Buyer)
	return nil
}

// washed: buyer 阿珍 wants to return a cardigan she has washed.
func washed(w io.Writer, out *Outcome) error {
	fmt.Fprintln(w, "--- 2. A washed item (rule R3)")
	o, err := delivered("T3002", "tb_zhen", mainland, day(5, 11, 0), decimal.Zero,
		order.Line{SKU: "CARDI-01", Title: "羊毛开衫 米白", Quantity: 1, UnitPrice: yuan("168.00")})
	if err != nil {
		return err
	}
	at := day(8, 10, 0)
	fmt.Fprintf(w, "T3002 (buyer 阿珍): a cardigan at 168.00, signed for %s\n", stamp(day(5, 11, 0)))
	fmt.Fprintf(w, "%s she asks to return it; asked, she says she washed it once and it shrank\n", stamp(at))
	d, err := policy.SevenDay(refund.SevenDayRequest{Order: o, SKU: "CARDI-01", SignedAt: day(5, 11, 0), At: at,
		Condition: refund.ConditionSet(0).With(refund.ConditionWashed)})
	if err != nil {
		return err
	}
	out.Washed = d
	staff(w, "seven-day", d.Staff)
	buyer(w, d.Buyer)
	return nil
}

// exchange: buyer 小周 ordered the wrong size of a coat and exchanges it
// for the next size up.
func exchange(w io.Writer, out *Outcome) error {
	fmt.Fprintln(w, "--- 3. An exchange waiting on its return (rules R4, R5)")
	o, err := delivered("T3003", "tb_zhou", mainland, day(6, 14, 0), decimal.Zero,
		order.Line{SKU: "COAT-M", Title: "羊毛大衣 M码", Quantity: 1, UnitPrice: yuan("268.00")})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "T3003 (buyer 小周): a coat in size M at 268.00, shipped free, signed for %s\n", stamp(day(6, 14, 0)))
	at := day(7, 10, 0)
	x, err := refund.OpenExchange(o, refund.ExchangeRequest{ID: "EX-3003", SKU: "COAT-M", Units: 1, ReplacementSKU: "COAT-L", At: at})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s she ordered the wrong size: exchange %s, COAT-M → COAT-L: %s\n", stamp(at), x.ID(), x.Status().Text(zh))
	pd, err := policy.ReturnPostage(refund.PostageRequest{Order: o, Cause: refund.OrderedWrongly, Exchange: true, FreeShipping: true})
	if err != nil {
		return err
	}
	out.ExchangePostage = pd
	staff(w, "postage", pd.Staff)
	buyer(w, pd.Buyer)

	// She asks for the L to be sent now, before she sends the M back. The
	// replacement leaves only once the return is in (rule R4).
	at = day(7, 10, 5)
	_, err = x.Apply(refund.ExchangeAction{Event: refund.DispatchReplacement, Version: x.Version(), At: at, Waybill: "YT7003000001"})
	if !errors.Is(err, refund.ErrInvalidTransition) {
		return fmt.Errorf("the replacement left before the return: %v", err)
	}
	out.ExchangeEarly = err
	fmt.Fprintf(w, "%s she asks for the L first — %s: refused while %s; the M comes back first\n",
		stamp(at), refund.DispatchReplacement.Text(zh), x.Status().Text(zh))

	// A week passes and nothing comes back: the triage's after-sales check
	// flags the exchange (policy: 7 days).
	check, err := policy.ExchangeReturnCheck([]refund.Exchange{x})
	if err != nil {
		return err
	}
	for _, now := range []time.Time{day(13, 9, 0), day(14, 11, 0)} {
		flagged := check.Flagged(now)
		fmt.Fprintf(w, "%s triage: %s flags %v", stamp(now), check.Name(), flagged)
		for _, p := range check.Inspect(nil, o, now) {
			fmt.Fprintf(w, " — %s / %s", p.Text(zh), p.Text(en))
		}
		fmt.Fprintln(w)
		out.ExchangeFlagged = flagged
	}

	// The agent reminds her; she sends the coat back with its waybill
	// number, the warehouse receives it, and only then does the L leave.
	for _, a := range []refund.ExchangeAction{
		{Event: refund.ShipReturn, At: day(14, 15, 0), Waybill: "ZT7003000002"},
		{Event: refund.ReceiveReturn, At: day(16, 10, 0), Units: 1},
		{Event: refund.DispatchReplacement, At: day(16, 16, 0), Waybill: "YT7003000001"},
	} {
		a.Version = x.Version()
		if x, err = x.Apply(a); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s %s → %s\n", stamp(a.At), a.Event.Text(zh), x.Status().Text(zh))
	}
	fmt.Fprintf(w, "      return waybill %s, replacement waybill %s\n", x.ReturnWaybill(), x.ReplacementWaybill())
	out.Exchange = x
	return nil
}

// hongKong: buyer 陈大文 in Kowloon returns two scarves that went by SF
// Express, the only carrier for Hong Kong (rule S3).
func hongKong(w io.Writer, out *Outcome) error {
	fmt.Fprintln(w, "--- 4. A Hong Kong return (rule S3)")
	hk := order.Address{Recipient: "陈大文", Phone: "91234567", Province: "香港", City: "九龙", Detail: "弥敦道1号"}
	o, err := delivered("T3004", "tb_chan", hk, day(6, 12, 0), decimal.Zero,
		order.Line{SKU: "SCARF-01", Title: "羊毛围巾 灰色", Quantity: 2, UnitPrice: yuan("50.00")})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "T3004 (buyer 陈大文, %s): 2 scarves at 50.00, SF Express, signed for %s\n", o.Address().Region.Text(en), stamp(day(6, 12, 0)))
	at := day(9, 16, 0)
	d, err := policy.SevenDay(refund.SevenDayRequest{Order: o, SKU: "SCARF-01", SignedAt: day(6, 12, 0), At: at})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s he asks to return both, no reason given\n", stamp(at))
	staff(w, "seven-day", d.Staff)
	pd, err := policy.ReturnPostage(refund.PostageRequest{Order: o, Cause: refund.NoReason})
	if err != nil {
		return err
	}
	out.HKPostage = pd
	staff(w, "postage", pd.Staff)
	buyer(w, pd.Buyer)

	// He asks for the money now. Paid before the goods are back it needs
	// the team leader (rule A3), and for Hong Kong the shop refunds only
	// on arrival (rule S3); the ledger will not pay as returned what the
	// warehouse has not received.
	l, err := refund.NewLedger(o)
	if err != nil {
		return err
	}
	ahua := order.Agent{ID: "kf-ahua", Name: "阿华", Role: order.AfterSales}
	full, err := l.Refundable("SCARF-01", 2)
	if err != nil {
		return err
	}
	early := refund.Payout{Key: "RF-3004", Version: l.Version(), SKU: "SCARF-01", Units: 2, Goods: full}
	rd, err := policy.ReviewRefund(refund.RefundRequest{Agent: ahua, Ledger: l, Payout: early, WithReturn: true, At: day(9, 16, 10)})
	if err != nil {
		return err
	}
	out.HKReview = rd
	fmt.Fprintf(w, "%s 阿华 (%s) would refund %s now: %s %v\n", stamp(day(9, 16, 10)), ahua.Role.Text(zh), full.StringFixed(2),
		rd.Verdict, rd.Reasons)
	staff(w, "refund", rd.Staff)
	buyer(w, rd.Buyer)
	early.Returned = true
	_, _, err = l.Pay(early)
	if !errors.Is(err, refund.ErrNotReturned) {
		return fmt.Errorf("paid as returned before the goods arrived: %v", err)
	}
	out.HKEarly = err
	fmt.Fprintf(w, "%s paid as returned goods: refused, the warehouse has received nothing (HTTP %d)\n", stamp(day(9, 16, 10)), order.HTTPStatus(err))

	// The scarves come back by SF; the shop deducts the SF bill for the
	// return leg from the refund. kefu says the leg is deducted; the
	// amount is the courier's bill.
	at = day(12, 11, 0)
	if l, err = l.Receive(refund.Arrival{Waybill: "SF1400300401", Version: l.Version(), SKU: "SCARF-01", Units: 2, At: at}); err != nil {
		return err
	}
	sf := yuan("28.00")
	out.HKReturnSF = sf
	p := refund.Payout{Key: "RF-3004", Version: l.Version(), SKU: "SCARF-01", Units: 2, Returned: true, Goods: full.Sub(sf), At: at.Add(30 * time.Minute)}
	l, rc, err := l.Pay(p)
	if err != nil {
		return err
	}
	out.HKLedger = l
	fmt.Fprintf(w, "%s both scarves back (waybill SF1400300401); SF's return bill %s deducted: refunded %s of %s\n",
		stamp(rc.At), sf.StringFixed(2), rc.Amount().StringFixed(2), l.Paid().StringFixed(2))
	return nil
}

// bargained: buyer 老李 haggled free shipping on a hat that does not ship
// free, ordered the wrong colour, returned it, and will not pay postage
// "because you said free shipping" (seed 002, second part, Q3).
func bargained(w io.Writer, out *Outcome) error {
	fmt.Fprintln(w, "--- 5. The bargained free-shipping item returned (rule R5)")
	o, err := delivered("T3005", "tb_li", mainland, day(6, 18, 0), decimal.Zero,
		order.Line{SKU: "HAT-02", Title: "针织帽 酒红", Quantity: 1, UnitPrice: yuan("59.00")})
	if err != nil {
		return err
	}
	free := ship.FreeShipping(o)
	std := ship.Free.Postage
	fmt.Fprintf(w, "T3005 (buyer 老李): a hat at 59.00 that does not ship free; the shop waived its %s postage after bargaining\n", std.StringFixed(2))
	staff(w, "shipping", free.Staff)
	at := day(8, 19, 0)
	d, err := policy.ReturnPostage(refund.PostageRequest{Order: o, Cause: refund.OrderedWrongly, Bargained: true})
	if err != nil {
		return err
	}
	out.Bargained = d
	fmt.Fprintf(w, "%s he ordered the wrong colour, sends it back and will not pay postage either way\n", stamp(at))
	staff(w, "postage", d.Staff)
	buyer(w, d.Buyer)

	// Each choice, paid through the ledger once the hat is back: when he
	// bears the outbound leg, the postage the shop waived comes off the
	// refund; the return leg he pays his courier himself.
	l, err := refund.NewLedger(o)
	if err != nil {
		return err
	}
	if l, err = l.Receive(refund.Arrival{Waybill: "YT7005000001", Version: l.Version(), SKU: "HAT-02", Units: 1, At: day(10, 10, 0)}); err != nil {
		return err
	}
	full, err := l.Refundable("HAT-02", 1)
	if err != nil {
		return err
	}
	for i, c := range d.Choices {
		goods := full
		if c.Outbound == refund.Buyer {
			goods = goods.Sub(std)
		}
		_, rc, err := l.Pay(refund.Payout{Key: fmt.Sprintf("RF-3005-%d", i+1), Version: l.Version(), SKU: "HAT-02", Units: 1, Returned: true, Goods: goods})
		if err != nil {
			return err
		}
		out.BargainedRefund[i] = rc.Amount()
		extra := ""
		if c.BestDiscountNextTime {
			extra = ", and the best discount next time"
		}
		fmt.Fprintf(w, "      choice %d: outbound %s, return %s%s → refund %s\n", i+1, c.Outbound.Text(zh), c.Return.Text(zh), extra, rc.Amount().StringFixed(2))
	}
	return nil
}

var mainland = order.Address{Recipient: "林小姐", Phone: "13812345678", Province: "浙江省", City: "杭州市", District: "西湖区", Detail: "文三路12号"}

// delivered builds a paid order dispatched two days before it was signed
// for at signed, and finished then.
func delivered(id, buyerID string, a order.Address, signed time.Time, postage decimal.Decimal, lines ...order.Line) (*order.Order, error) {
	o, err := order.New(order.Spec{
		ID: id, Buyer: order.Buyer{ID: buyerID}, Lines: lines, Address: a, Postage: postage,
		Status:       order.Finished,
		CreatedAt:    signed.Add(-50 * time.Hour),
		PaidAt:       signed.Add(-50*time.Hour + time.Minute),
		DispatchedAt: signed.Add(-48 * time.Hour),
		ReceivedAt:   signed,
	})
	return &o, err
}

// staff prints a decision's staff text in the console's language and in
// English.
func staff(w io.Writer, label string, text func(order.Lang) string) {
	fmt.Fprintf(w, "      %-10s %s\n", label+":", text(zh))
	fmt.Fprintf(w, "      %-10s %s\n", "", text(en))
}

// buyer prints what the buyer is told.
func buyer(w io.Writer, text func(order.Lang) string) {
	fmt.Fprintf(w, "      %-10s %s\n", "to buyer:", text(zh))
	fmt.Fprintf(w, "      %-10s %s\n", "", text(en))
}

// stamp is how the console shows a time: month-day hour:minute, CST.
func stamp(t time.Time) string { return t.In(cst).Format("01-02 15:04") }

func yuan(s string) decimal.Decimal { return decimal.RequireFromString(s) }
