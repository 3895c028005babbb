// Package oversold replays a Double 11 promotion item oversold by a batch
// of payments at midnight (seed 002 §四 and Q4). The item page listed more
// than the warehouse held (rule O8); the oversell plan says who ships,
// in the order they paid, and what those left short are offered — a
// refund or another item, or for cash on delivery another item or closing
// the order (rule O3); the listed stock goes to zero at once, by a
// hand-off to operations that reaches a person (rules O3, N2); the buyers
// are refunded through the order's ledger (rule R7) or switched, the price
// difference paid back once the buyer confirms it (rule P6); and the
// compensation requests for the promotion item go to the store manager
// (rule P5).
//
//	go run ./examples oversold
package oversold

import (
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
)

var cst = time.FixedZone("CST", 8*60*60)

// midnight is when Double 11 opens.
var midnight = time.Date(2026, 11, 11, 0, 0, 0, 0, cst)

const (
	sku        = "BOX-11" // the promotion item
	title      = "双11限量礼盒"
	listed     = 20 // what the item page showed
	onHand     = 5  // what the warehouse holds
	switchSKU  = "BOX-10"
	switchName = "经典礼盒"
)

var (
	price       = yuan("99.00") // the promotion price
	switchPrice = yuan("89.00")
	// gift is the compensation the shop offers each buyer left short: a
	// 10-yuan gift, which only the store manager grants (rule P5).
	gift = yuan("10.00")
)

var (
	zhang   = order.Agent{ID: "zhang", Name: "小张", Role: order.InSales}
	laowang = order.Agent{ID: "laowang", Name: "老王", Role: order.TeamLeader}
	zhou    = order.Agent{ID: "zhou", Name: "周店长", Role: order.StoreManager}
)

// buyer is one buyer of the batch: the order, how it was paid, and when.
type buyer struct {
	id, nick string
	qty      int
	cod      bool          // cash on delivery
	placed   time.Duration // after midnight
	paid     time.Duration // online: when paid; cash on delivery: when confirmed, 0 if never
}

// batch is the payments of the first ten seconds, as the platform sent
// them: by order ID, not by time.
var batch = []buyer{
	{"T20261111000011", "小周", 2, false, 1 * time.Second, 3 * time.Second},
	{"T20261111000012", "小吴", 1, false, 2 * time.Second, 4 * time.Second},
	{"T20261111000013", "小郑", 1, true, 2 * time.Second, 0},
	{"T20261111000014", "小王", 3, false, 3 * time.Second, 6 * time.Second},
	{"T20261111000015", "小刘", 1, false, 4 * time.Second, 7 * time.Second},
	{"T20261111000016", "小孙", 1, true, 5 * time.Second, 9 * time.Second},
}

// story is what happened, for the scenario test.
type story struct {
	plan     order.OversellPlan
	orders   map[string]*order.Order
	handOffs []notes.Decision // the stock-to-zero hand-off, as tried
	acked    notes.HandOff
	refund   refund.Receipt // 小王's short unit
	// 小刘's price difference: the transfer tried before the buyer
	// confirmed, the difference transferred, and the second transfer.
	early, twice error
	diff         pricing.Difference
	full         error // a compensation asked for an order served in full
	unpaid       error // one asked for the unconfirmed cash-on-delivery order
	comp         map[string]compensation
}

// compensation is how one compensation request went.
type compensation struct {
	decision pricing.Decision
	leader   error // the team leader's attempt to approve it
	approved error
	given    bool
}

// Run replays the night and writes what the shop team sees to w.
func Run(w io.Writer) error {
	_, err := replay(w)
	return err
}

func replay(w io.Writer) (*story, error) {
	s := &story{orders: map[string]*order.Order{}, comp: map[string]compensation{}}
	for _, step := range []func(io.Writer) error{s.payments, s.allocate, s.delist, s.remedies, s.compensate} {
		if err := step(w); err != nil {
			return s, err
		}
	}
	return s, nil
}

// payments: the page shows 20 left, so nine units are paid for in ten
// seconds; the warehouse holds five (rule O8).
func (s *story) payments(w io.Writer) error {
	fmt.Fprintf(w, "-- 00:00 Double 11 opens: %s %s at %s; the page lists %d, the warehouse holds %d\n",
		sku, title, price.StringFixed(2), listed, onHand)
	for _, b := range batch {
		o, err := newOrder(b)
		if err != nil {
			return err
		}
		s.orders[b.id] = o
		how := "pays online at " + clock(o.PaidAt())
		switch {
		case b.cod && b.paid > 0:
			how = "cash on delivery, confirmed at " + clock(o.CODConfirmedAt())
		case b.cod:
			how = "cash on delivery, not confirmed"
		}
		fmt.Fprintf(w, "  %s %s orders %d × %s at %s: %s\n", o.ID(), b.nick, b.qty, sku, clock(o.CreatedAt()), how)
	}
	return nil
}

// allocate: real stock goes to the orders by the time they paid (for cash
// on delivery, the buyer's confirmation; unconfirmed ones last), so no
// earlier payer is passed over for a later one (rule O3).
func (s *story) allocate(w io.Writer) error {
	stock, err := order.NewStock(map[string]int{sku: onHand})
	if err != nil {
		return err
	}
	orders := make([]*order.Order, len(batch))
	for i, b := range batch {
		orders[i] = s.orders[b.id]
	}
	s.plan, err = order.Oversell(order.OversellRequest{SKU: sku, Stock: stock, Orders: orders, Promotion: true})
	if err != nil {
		return err
	}
	p := s.plan
	// The plan as staff read it (rules O3, P5), then each order: what
	// ships and, for those left short, what their buyer is told.
	fmt.Fprintf(w, "\n-- 00:02 the oversell plan for %s %v\n  %s\n", p.SKU, p.Reasons, p.Staff(order.SimplifiedChinese))
	for _, a := range p.Allocations {
		fmt.Fprintf(w, "  %s %s: %d of %d ship", a.OrderID(), a.Order.Buyer().Nick, a.Allocated, a.Ordered)
		if !a.Full() {
			fmt.Fprintf(w, ", %d short (¥ %s) %v\n        to the buyer: %s", a.Short(), a.ShortValue().StringFixed(2), a.Reasons, a.Buyer(order.SimplifiedChinese))
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "  set the listed stock to zero: %v\n", p.SetListedStockZero)
	return nil
}

// delist: operations sets the listed stock to zero at once so that nobody
// else pays (rule O3). It is urgent and the colleague on duty is away from
// the desk, so a chat message alone does not count (rule N2).
func (s *story) delist(w io.Writer) error {
	if !s.plan.SetListedStockZero {
		return nil
	}
	fmt.Fprintf(w, "\n-- 00:03 %s: set %s's listed stock to 0\n", order.Operations.Text(order.SimplifiedChinese), sku)
	p := notes.DefaultPolicy()
	draft := notes.HandOffDraft{
		ID:      "h-1111-0001",
		To:      notes.ToDepartment(order.Operations),
		Urgency: notes.Urgently,
		Subject: sku + " 超卖，请立即把上架库存改为 0 并下架",
		Via:     order.SetOf(notes.Chat),
		Away:    true,
	}
	at := midnight.Add(3 * time.Minute)
	_, d, err := p.SendHandOff(draft.Stamp(zhang, at))
	if err != nil {
		return err
	}
	s.handOffs = append(s.handOffs, d)
	fmt.Fprintf(w, "  %s by %s: %s  %v\n", who(zhang), order.Chat.Text(order.SimplifiedChinese), d.Staff(order.SimplifiedChinese), d.Reasons)
	draft.Via = order.SetOf(notes.Chat, notes.Phone)
	h, d, err := p.SendHandOff(draft.Stamp(zhang, at))
	if err != nil {
		return err
	}
	s.handOffs = append(s.handOffs, d)
	fmt.Fprintf(w, "  %s by %s and %s: %s, to be acknowledged by %s\n", who(zhang), order.Chat.Text(order.SimplifiedChinese),
		order.Phone.Text(order.SimplifiedChinese), d.Staff(order.SimplifiedChinese), clock(h.Due))
	if s.acked, err = h.Acknowledge("ops-xu", at.Add(2*time.Minute)); err != nil {
		return err
	}
	fmt.Fprintf(w, "  acknowledged by %s at %s: the page shows 0 and the item is delisted\n", s.acked.AckedBy, clock(s.acked.AckedAt))
	return nil
}

// remedies: 小张 calls every buyer left short and does what each one
// chooses among the plan's offers.
func (s *story) remedies(w io.Writer) error {
	fmt.Fprintf(w, "\n-- 00:10 %s calls the buyers left short\n", who(zhang))
	at := midnight.Add(10 * time.Minute)

	// 小王 keeps the two that ship and is refunded the third, through the
	// order's ledger, which caps it at what the unit paid (rule R7).
	wang := s.orders["T20261111000014"]
	l, err := refund.NewLedger(wang)
	if err != nil {
		return err
	}
	most, err := l.Refundable(sku, 1)
	if err != nil {
		return err
	}
	l, s.refund, err = l.Pay(refund.Payout{Key: "rf-1111-0014", Version: l.Version(), SKU: sku, Units: 1, Goods: most, At: at})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %s 小王 takes 2 and a refund of 1: %s %s × %d refunded ¥ %s; left to refund on the order ¥ %s\n",
		wang.ID(), s.refund.Key, s.refund.SKU, s.refund.Units, s.refund.Amount().StringFixed(2), l.GoodsRemaining().StringFixed(2))
	if err := s.note(w, wang, notes.Note{Flag: notes.FlagYellow, Kind: notes.KindRefund, Reason: "超卖缺货1件，已退款",
		Amount: s.refund.Amount(), At: at}); err != nil {
		return err
	}

	// 小刘 switches to the classic box at 89.00: the warehouse sends it
	// instead (the note names the SKU and quantity, rule N1) and the shop
	// owes the 10.00 difference, paid only once she confirms it (rule P6).
	liu := s.orders["T20261111000015"]
	at = at.Add(3 * time.Minute)
	fmt.Fprintf(w, "  %s 小刘 switches to %s %s at %s\n", liu.ID(), switchSKU, switchName, switchPrice.StringFixed(2))
	if err := s.note(w, liu, notes.Note{Flag: notes.FlagYellow, Kind: notes.KindExchange, Reason: "超卖缺货，买家同意换" + switchName,
		SKU: switchSKU, Quantity: 1, At: at}); err != nil {
		return err
	}
	d, err := pricing.NewDifference(liu.ID(), liu.Paid(), switchPrice)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "        %s\n        to the buyer: %s\n", d.Staff(order.SimplifiedChinese), d.Buyer(order.SimplifiedChinese))
	_, s.early = d.Transfer(at.Add(time.Minute))
	fmt.Fprintf(w, "        finance pays it before she confirms: %s\n", failure(s.early))
	if d, err = d.Confirm(at.Add(5 * time.Minute)); err != nil {
		return err
	}
	if d, err = d.Transfer(at.Add(8 * time.Minute)); err != nil {
		return err
	}
	s.diff = d
	fmt.Fprintf(w, "        confirmed at %s, paid back at %s: %s\n", clock(d.ConfirmedAt), clock(d.TransferredAt), d.Staff(order.SimplifiedChinese))
	_, s.twice = d.Transfer(at.Add(9 * time.Minute))
	fmt.Fprintf(w, "        paid again: %s\n", failure(s.twice))

	// 小孙 pays on delivery and has paid nothing: her order itself is
	// switched, and the courier collects the new amount.
	sun := s.orders["T20261111000016"]
	at = at.Add(10 * time.Minute)
	spec := sun.Spec()
	spec.Lines = []order.Line{{SKU: switchSKU, Title: switchName, Quantity: 1, UnitPrice: switchPrice}}
	switched, err := order.New(spec)
	if err != nil {
		return err
	}
	*sun = switched
	fmt.Fprintf(w, "  %s 小孙 (%s) switches to %s: now %d × %s, collected on delivery ¥ %s\n", sun.ID(),
		sun.Payment().Text(order.SimplifiedChinese), switchName, sun.Units(), switchSKU, sun.Paid().StringFixed(2))
	if err := s.note(w, sun, notes.Note{Flag: notes.FlagYellow, Kind: notes.KindExchange, Reason: "超卖缺货，买家同意换" + switchName,
		SKU: switchSKU, Quantity: 1, At: at}); err != nil {
		return err
	}

	// 小郑 never confirmed his cash-on-delivery order and does not answer:
	// it is closed.
	zheng := s.orders["T20261111000013"]
	at = at.Add(5 * time.Minute)
	closed, err := zheng.Apply(order.Close, at)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  %s 小郑 (%s, never confirmed, unreachable): %s → %s\n", zheng.ID(), zheng.Payment().Text(order.SimplifiedChinese),
		zheng.Status().Text(order.SimplifiedChinese), closed.Status().Text(order.SimplifiedChinese))
	*zheng = closed
	return nil
}

// compensate: for the promotion item, each buyer left short is owed a
// compensation request to the store manager (rule P5), which only the
// oversell plan can start (pricing.CompensateOversell).
func (s *story) compensate(w io.Writer) error {
	fmt.Fprintf(w, "\n-- 00:30 %s asks %s for a ¥ %s gift for each buyer left short\n", who(zhang),
		s.plan.CompensationTo.Text(order.SimplifiedChinese), gift.StringFixed(2))
	policy := pricing.DefaultPolicy()
	key := []byte("gift box shop approval key, 32 bytes+")
	var spent pricing.Store
	at := midnight.Add(30 * time.Minute)

	// The console offers the action only where the plan asks for it.
	_, s.full = pricing.CompensateOversell(s.plan.Allocations[0], zhang, pricing.Gift, gift, at)
	fmt.Fprintf(w, "  %s (served in full): %s\n", s.plan.Allocations[0].OrderID(), failure(s.full))

	for i, a := range s.plan.Allocations {
		if !a.RequestCompensation {
			if !a.Full() {
				// Never confirmed, nothing paid: nothing owed (rules P5, S9).
				_, s.unpaid = pricing.CompensateOversell(a, zhang, pricing.Gift, gift, at)
				fmt.Fprintf(w, "  %s %s (cash on delivery, never confirmed): %s\n", a.OrderID(), a.Order.Buyer().Nick, failure(s.unpaid))
			}
			continue
		}
		r, err := pricing.CompensateOversell(a, zhang, pricing.Gift, gift, at)
		if err != nil {
			return err
		}
		var c compensation
		if c.decision, err = policy.Review(r, pricing.AgentUsage{}, pricing.OrderUsage{}); err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s %s: %s\n        %s", a.OrderID(), a.Order.Buyer().Nick, c.decision.Staff(order.SimplifiedChinese), c.decision.Verdict)
		if c.decision.Approver != order.RoleUnknown {
			fmt.Fprintf(w, " by %s", c.decision.Approver)
		}
		fmt.Fprintf(w, " %v\n", c.decision.Reasons)
		if c.decision.Verdict != order.NeedsApproval {
			s.comp[a.OrderID()] = c
			continue
		}
		fmt.Fprintf(w, "        to the buyer: %s\n", c.decision.Buyer(order.SimplifiedChinese))
		id := fmt.Sprintf("ap-1111-%04d", 100+i)
		if len(s.comp) == 0 {
			// The team leader, who approves the morning's gifts, offers to
			// sign the first one: not his to grant.
			_, c.leader = policy.Approve(r, pricing.AgentUsage{}, pricing.OrderUsage{}, laowang, id, at.Add(time.Hour))
			fmt.Fprintf(w, "        %s approves it: %s\n", who(laowang), failure(c.leader))
		}
		v, err := policy.Approve(r, pricing.AgentUsage{}, pricing.OrderUsage{}, zhou, id, at.Add(time.Hour))
		c.approved = err
		if err != nil {
			fmt.Fprintf(w, "        %s may not approve it: %s\n", who(zhou), failure(err))
			s.comp[a.OrderID()] = c
			continue
		}
		token, err := v.Token(key)
		if err != nil {
			return err
		}
		r.At = at.Add(time.Duration(i+1) * time.Minute)
		_, used, err := spent.Redeem(policy, token, key, r, pricing.AgentUsage{}, pricing.OrderUsage{})
		if err != nil {
			return err
		}
		c.given = true
		s.comp[a.OrderID()] = c
		fmt.Fprintf(w, "        %s approves %s; given at %s\n", who(zhou), used.ID, clock(used.At))
		if err := s.note(w, a.Order, notes.Note{Flag: notes.FlagYellow, Kind: notes.KindGift, Reason: "超卖补偿，店长批准 " + used.ID,
			SKU: "TEA-S1", Quantity: 1, At: r.At}); err != nil {
			return err
		}
	}
	return nil
}

// note writes a memo note by 小张 for the warehouse and finance, and
// prints the line they read (rule N1).
func (s *story) note(w io.Writer, o *order.Order, n notes.Note) error {
	n.Author = zhang
	n, err := notes.NormalizeNote(n)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "        memo of %s: %s\n", o.ID(), n.Format(order.SimplifiedChinese, cst))
	return nil
}

func newOrder(b buyer) (*order.Order, error) {
	spec := order.Spec{
		ID:    b.id,
		Buyer: order.Buyer{ID: "tb_" + b.id[len(b.id)-4:], Nick: b.nick},
		Lines: []order.Line{{SKU: sku, Title: title, Quantity: b.qty, UnitPrice: price}},
		Address: order.Address{Recipient: b.nick, Phone: "13800000000", Province: "浙江省",
			City: "杭州市", District: "西湖区", Detail: "文三路1号"},
		Postage:   decimal.Zero,
		Status:    order.AwaitingDispatch,
		CreatedAt: midnight.Add(b.placed),
	}
	switch {
	case !b.cod:
		spec.PaidAt = midnight.Add(b.paid)
	case b.paid > 0:
		spec.Payment = order.CashOnDelivery
		spec.CODConfirmedAt = midnight.Add(b.paid)
	default:
		spec.Payment = order.CashOnDelivery
	}
	o, err := order.New(spec)
	if err != nil {
		return nil, err
	}
	return &o, nil
}

func failure(err error) string {
	if err == nil {
		return "ok"
	}
	return fmt.Sprintf("refused, %d %v", order.HTTPStatus(err), err)
}

func who(a order.Agent) string { return a.Name + "（" + a.Role.Text(order.SimplifiedChinese) + "）" }

func clock(t time.Time) string { return t.In(cst).Format("15:04:05") }

func yuan(s string) decimal.Decimal { return decimal.RequireFromString(s) }
