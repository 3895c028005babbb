// Package overcharge replays the two cases of seed 000 side by side: one
// postage overcharge, handled twice.
//
// A silent order qualifies for free shipping but is charged 8.00 of postage
// (rule S2). In case 1 agent B has the buyer refund and reorder (rule R1),
// leaves finance a chat message while finance is away (rule N2) and never
// tells the warehouse: both orders ship, finance refuses the buyer's refund,
// the warehouse will not show its records, and the matter drags on for two
// days. kefu's refund-and-reorder plan refuses each step out of order,
// records what happened anyway with the guards it skipped and when, and,
// once both parcels are out, asks for evidence before money (rule R2). In
// case 2, the same start, agent G goes to the warehouse first: the outbound
// record and the waybill weight show one parcel, finance refunds the order
// that never left, operations fixes the free-shipping settings — half an
// hour.
//
//	go run ./examples overcharge
package overcharge

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

var cst = time.FixedZone("CST", 8*60*60)

// day returns a time in November 2026, China Standard Time. Day 2 is the
// Monday the buyer orders.
func day(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, cst) }

// The shop's console speaks simplified Chinese; each staff line is also
// shown in English for the reader.
var (
	zh = order.MatchLang("zh-CN,zh;q=0.9", order.SimplifiedChinese)
	en = order.MatchLang("en-US", order.SimplifiedChinese)
)

// Outcome is what one case came to, for the comparison at the end and for
// the scenario test.
type Outcome struct {
	Case       string
	Plan       refund.Plan
	Ledger     refund.Ledger
	Complaint  time.Time             // the buyer complains: one parcel arrived
	Evidence   refund.Reconciliation // the evidence that settled it
	EvidenceAt time.Time
	Refunded   []refund.Receipt
	RefundedAt time.Time
}

// Run replays both cases and writes what the agents would see to w.
func Run(w io.Writer) error {
	c1, err := Case1(w)
	if err != nil {
		return fmt.Errorf("case 1: %w", err)
	}
	fmt.Fprintln(w)
	c2, err := Case2(w)
	if err != nil {
		return fmt.Errorf("case 2: %w", err)
	}
	fmt.Fprintln(w)
	compare(w, c1, c2)
	return nil
}

// Case1 replays seed 000 case 1: buyer A, agent B (in-sales), finance C,
// warehouse D, courier E.
func Case1(w io.Writer) (Outcome, error) {
	fmt.Fprintln(w, "--- Case 1: refund and reorder, shipped twice (buyer A, agent B)")
	agentB := order.Agent{ID: "kf-b", Name: "客服B", Role: order.InSales}
	p, l, err := shippedTwice(w, "A", "T1001", "T1002", agentB, true)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{Case: "case 1", Plan: p, Ledger: l}

	// Day 4: one parcel arrives; the buyer applies for a refund of the
	// original and finance refuses it. Agent B goes to finance first.
	out.Complaint = day(4, 14, 0)
	fmt.Fprintf(w, "%s buyer A got one parcel and asks for the original back; finance C refused the refund\n", stamp(out.Complaint))
	_, _, _, err = p.Refund(l, p.Version(), day(4, 14, 10))
	if !errors.Is(err, refund.ErrInvalidTransition) {
		return out, fmt.Errorf("the original refunded before the evidence: %v", err)
	}
	fmt.Fprintf(w, "%s agent B asks finance to refund T1001 — kefu: not yet, evidence before money (rule R2)\n", stamp(day(4, 14, 10)))
	showBlockers(w, p, day(4, 14, 10), 1)

	// Agent B asks the warehouse for the outbound record and the waybill
	// stub, urgently and by phone (rule N2). The plan has no step that
	// takes this hand-off — gathering evidence is no hand-off step — so
	// it is tracked on its own, where notes can say when it is overdue.
	at := day(4, 14, 20)
	ask, _, err := notes.DefaultPolicy().SendHandOff(notes.HandOff{ID: "h-wh-A", OrderID: "T1001", From: p.Owner(),
		To: notes.ToDepartment(order.Warehouse), Urgency: notes.Urgently, Subject: "T1001/T1002疑似重复发货，请提供出库记录和快递底单重量",
		Via: notes.ChannelsOf(notes.Phone), SentAt: at})
	if err != nil {
		return out, err
	}
	fmt.Fprintf(w, "%s agent B phones warehouse D for the outbound record and the stub, to be acknowledged by %s\n", stamp(at), stamp(ask.Due))
	switch next, err := p.Apply(refund.PlanEvent{Kind: refund.PlanHandOff, Version: p.Version(), At: at, HandOff: ask}); {
	case errors.Is(err, refund.ErrInvalidTransition):
		fmt.Fprintf(w, "      the plan has no step that takes it (route %q: gathering evidence is not a hand-off step); tracked by notes alone\n", p.Route().Text(en))
	case err != nil:
		return out, err
	default:
		p = next
	}

	// The warehouse says it is finance's fault and shows nothing; the
	// courier wants the warehouse's waybill stub. Back to the start.
	pol := refund.DefaultPolicy()
	ev := p.Evidence()
	rec, err := pol.Reconcile(ev)
	if err != nil {
		return out, err
	}
	if p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanEvidence, Version: p.Version(), At: day(4, 14, 30), Reconciliation: rec}); err != nil {
		return out, err
	}
	fmt.Fprintf(w, "%s warehouse D shows no outbound record, no waybill weight; courier E asks the warehouse for the stub\n", stamp(day(4, 14, 30)))
	staff(w, "reconcile", rec.Staff)
	fmt.Fprintln(w, "      the agent shelves it; two days pass")
	showBlockers(w, p, day(6, 14, 30), 1)
	for _, h := range notes.OverdueHandOffs([]notes.HandOff{ask}, day(6, 14, 30)) {
		fmt.Fprintf(w, "      overdue hand-off %s to %s since %s: %s\n", h.ID, h.To.Text(zh), stamp(h.Due), h.Subject)
	}

	// Day 6: under the boss's pressure the warehouse shows its records:
	// one parcel left, the re-order's; the original never did.
	out.EvidenceAt = day(6, 15, 0)
	if p, rec, err = weigh(w, p, pol, out.EvidenceAt, "T1002", "YT5550001111", 705); err != nil {
		return out, err
	}
	out.Evidence = rec
	out.RefundedAt = day(6, 15, 20)
	if p, l, out.Refunded, err = settle(w, p, l, out.RefundedAt); err != nil {
		return out, err
	}

	// Nobody tells operations: the settings that charged the postage are
	// still wrong, and the plan stays open on them.
	fmt.Fprintf(w, "%s plan %s: %s; nobody told operations\n", stamp(out.RefundedAt), p.ID(), p.Status().Text(zh))
	staff(w, "plan", p.Staff)
	showBlockers(w, p, out.RefundedAt, 0)
	out.Plan, out.Ledger = p, l
	return out, nil
}

// Case2 replays seed 000 case 2: the same start ("案例雷同，此处省略800字"),
// buyer F, agent G, finance C, warehouse D, operations H — evidence first.
func Case2(w io.Writer) (Outcome, error) {
	fmt.Fprintln(w, "--- Case 2: the same start, evidence first (buyer F, agent G)")
	agentG := order.Agent{ID: "kf-g", Name: "客服G", Role: order.InSales}
	p, l, err := shippedTwice(w, "F", "T2001", "T2002", agentG, false)
	if err != nil {
		return Outcome{}, err
	}
	out := Outcome{Case: "case 2", Plan: p, Ledger: l}

	// Agent G starts where the money is decided: the warehouse's outbound
	// record and the weight on the waybill stub.
	out.Complaint = day(4, 14, 0)
	fmt.Fprintf(w, "%s buyer F got one parcel and asks for the original back; agent G asks warehouse D for the waybill stub\n", stamp(out.Complaint))
	showBlockers(w, p, out.Complaint, 1)
	pol := refund.DefaultPolicy()
	out.EvidenceAt = day(4, 14, 10)
	if p, out.Evidence, err = weigh(w, p, pol, out.EvidenceAt, "T2002", "YT5550002222", 698); err != nil {
		return out, err
	}

	// With the evidence agreed, finance refunds at once.
	out.RefundedAt = day(4, 14, 20)
	if p, l, out.Refunded, err = settle(w, p, l, out.RefundedAt); err != nil {
		return out, err
	}

	// Last, operations fixes the free-shipping settings (rule S2): a
	// hand-off that counts once operations acknowledges it (rule N2).
	agentH := "yy-h"
	h, d, err := notes.DefaultPolicy().SendHandOff(notes.HandOff{ID: "h-ops-2", OrderID: "T2001", From: agentG,
		To: notes.ToDepartment(order.Operations), Urgency: notes.Routine, Subject: "包邮设置有误，静默下单被收运费，请修正",
		Via: notes.ChannelsOf(notes.Chat), SentAt: day(4, 14, 25)})
	if err != nil {
		return out, err
	}
	fmt.Fprintf(w, "%s agent G tells operations H to fix the free-shipping settings\n", stamp(day(4, 14, 25)))
	staff(w, "hand-off", d.Staff)
	if h, err = h.Acknowledge(agentH, day(4, 14, 30)); err != nil {
		return out, err
	}
	if p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanHandOff, Version: p.Version(), At: day(4, 14, 30), HandOff: h}); err != nil {
		return out, err
	}
	fmt.Fprintf(w, "%s operations H acknowledges; plan %s: %s, %d blockers left\n", stamp(day(4, 14, 30)), p.ID(), p.Status().Text(zh), len(p.Blockers(day(4, 14, 30))))
	staff(w, "plan", p.Staff)
	out.Plan, out.Ledger = p, l
	return out, nil
}

// shippedTwice replays the start both cases share: the silent order charged
// postage it qualified to ship without, the refund-and-reorder plan, the
// hold, finance told by chat while away, the warehouse never told, the
// buyer's re-order, and both parcels leaving the next morning. verbose
// prints every step (case 1); otherwise one line says it is the same.
func shippedTwice(w io.Writer, buyer, origID, reID string, agent order.Agent, verbose bool) (refund.Plan, refund.Ledger, error) {
	say := func(format string, args ...any) {
		if verbose {
			fmt.Fprintf(w, format, args...)
		}
	}
	spec := order.Spec{
		ID:    origID,
		Buyer: order.Buyer{ID: "tb_buyer_" + strings.ToLower(buyer)},
		Lines: []order.Line{
			{SKU: "SCARF-01", Title: "羊毛围巾", Quantity: 2, UnitPrice: yuan("50.00"), WeightGrams: 200},
			{SKU: "HAT-01", Title: "针织帽", Quantity: 1, UnitPrice: yuan("30.00"), WeightGrams: 150},
			{SKU: "SOCK-01", Title: "羊毛袜", Quantity: 3, UnitPrice: yuan("6.67"), WeightGrams: 50},
		},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省",
			City: "杭州市", District: "西湖区", Detail: "文三路12号"},
		Silent:    true,
		Postage:   yuan("8.00"),
		Discount:  yuan("10.00"),
		Status:    order.AwaitingDispatch,
		CreatedAt: day(2, 10, 0),
		PaidAt:    day(2, 10, 1),
	}
	o, err := order.New(spec)
	if err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	l, err := refund.NewLedger(&o)
	if err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	// The silent order is checked for postage (rule S2): after payment the
	// difference is refunded, or the buyer refunds and reorders while the
	// parcel has not left.
	c := shipping.DefaultPolicy().PostageOvercharge(&o)
	say("%s buyer %s pays silent order %s: goods %s, %s off, postage %s — paid %s\n",
		stamp(spec.PaidAt), buyer, o.ID(), o.Goods().StringFixed(2), spec.Discount.StringFixed(2),
		spec.Postage.StringFixed(2), o.Paid().StringFixed(2))
	if verbose {
		staff(w, "shipping", c.Staff)
	}

	// The buyer will not wait for the difference, so the agent plans the
	// refund-and-reorder (rule R1) — safe only behind its guards.
	at := day(2, 10, 30)
	p, err := refund.PlanOvercharge(refund.PlanRequest{ID: "RR-" + buyer, Order: &o, Overcharge: c,
		CannotRefundDifference: true, Owner: agent, At: at})
	if err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	say("%s %s plans %s: %s\n", stamp(at), agent.Name, p.ID(), p.Route().Text(en))
	// What the console shows of the plan, and what the buyer is told: to
	// refund and order again while the original is held (rule R1).
	if verbose {
		staff(w, "plan", p.Staff)
		staff(w, "buyer", p.Buyer)
		showBlockers(w, p, at, 0)
	}

	// The hold is in the order's status and the memo note the warehouse
	// should read.
	at = day(2, 10, 32)
	held, note, err := notes.ApplyHold(o, order.Hold, notes.FlagRed, "退款重拍，原单暂停发货", agent, at)
	if err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	if p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanHold, Version: p.Version(), At: at, Order: &held, Note: note}); err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	say("%s %s holds %s: %s\n", stamp(at), agent.Name, held.ID(), held.StatusText(zh))

	// Finance is away from the desk; the agent leaves a chat message. An
	// urgent hand-off to someone away goes by phone (rule N2): kefu refuses
	// it as sent, and the plan counts it as not acknowledged.
	at = day(2, 10, 35)
	h, d, err := notes.DefaultPolicy().SendHandOff(notes.HandOff{ID: "h-fin-" + buyer, OrderID: origID, From: agent,
		To: notes.ToDepartment(order.Finance), Urgency: notes.Urgently, Subject: "原单" + origID + "退款重拍，请退款",
		Via: notes.ChannelsOf(notes.Chat), Away: true, SentAt: at})
	if err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	say("%s %s tells finance C by chat, C away from the desk\n", stamp(at), agent.Name)
	if verbose {
		staff(w, "hand-off", d.Staff)
	}
	if p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanHandOff, Version: p.Version(), At: at, HandOff: h}); err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}

	// The buyer reorders at once. As a step of the plan kefu refuses it:
	// finance has not acknowledged and the warehouse has not seen the hold.
	at = day(2, 10, 40)
	rs := spec
	rs.ID, rs.Postage, rs.CreatedAt, rs.PaidAt = reID, decimal.Zero, day(2, 10, 39), at
	re, err := order.New(rs)
	if err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	ev := refund.PlanEvent{Kind: refund.PlanReorder, Version: p.Version(), At: at, Order: &re}
	_, err = p.Apply(ev)
	var te *refund.TransitionError
	if !errors.As(err, &te) {
		return refund.Plan{}, refund.Ledger{}, fmt.Errorf("the re-order passed its guards: %v", err)
	}
	var waits refund.Step
	if err := waits.UnmarshalText([]byte(te.From)); err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	say("%s buyer %s pays re-order %s (%s): as a step, refused — it waits for %s\n", stamp(at), buyer, re.ID(), re.Paid().StringFixed(2), waits.Text(en))
	if verbose {
		showBlockers(w, p, at, 0)
	}
	// It happened all the same: recorded as observed, with the guards it
	// skipped.
	ev.Observed = true
	if p, err = p.Apply(ev); err != nil {
		return refund.Plan{}, refund.Ledger{}, err
	}
	say("      recorded as observed: the plan keeps what it skipped\n")

	// Half an hour on, finance still has not acknowledged: call.
	if verbose {
		at = day(2, 11, 10)
		fmt.Fprintf(w, "%s still open:\n", stamp(at))
		showBlockers(w, p, at, 0)
	}

	// The warehouse never saw the hold and ships both orders next morning.
	for i, id := range []string{origID, reID} {
		at = day(3, 9, 5*i)
		if p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanParcel, Version: p.Version(), At: at, OrderID: id, Stage: shipping.Outbound}); err != nil {
			return refund.Plan{}, refund.Ledger{}, err
		}
		say("%s warehouse D: %s %s\n", stamp(at), id, shipping.Outbound.Text(zh))
	}
	if !verbose {
		fmt.Fprintf(w, "%s–%s the same start (the seed: 案例雷同，此处省略800字): %s paid %s with postage it should not have paid, re-ordered as %s, both shipped; plan %s: %s\n",
			stamp(spec.PaidAt), stamp(at), origID, o.Paid().StringFixed(2), reID, p.ID(), p.Route().Text(en))
		return p, l, nil
	}
	fmt.Fprintf(w, "%s both parcels out %v: the plan switches to %s (rule R2)\n", stamp(at), p.Shipped(), p.Route().Text(en))
	// The plan's staff text says which guard each bypass skipped, and
	// when; the buyer is told the shop checks what shipped first.
	staff(w, "plan", p.Staff)
	staff(w, "buyer", p.Buyer)
	showBlockers(w, p, at, 0)
	return p, l, nil
}

// weigh has the warehouse show the outbound record of id under waybill and
// the stub's weight, has kefu weigh it (rule R2) and records it in the plan.
func weigh(w io.Writer, p refund.Plan, pol refund.Policy, at time.Time, id, waybill string, grams int) (refund.Plan, refund.Reconciliation, error) {
	ev := p.Evidence()
	ev.Outbound = []refund.Outbound{{OrderID: id, Waybill: waybill, At: day(3, 9, 5)}}
	ev.Weights = []refund.Weight{{Waybill: waybill, Grams: grams}}
	ev.ParcelGrams = 700 // 2 × 200 g + 150 g + 3 × 50 g: one order's goods
	rec, err := pol.Reconcile(ev)
	if err != nil {
		return p, rec, err
	}
	if p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanEvidence, Version: p.Version(), At: at, Reconciliation: rec}); err != nil {
		return p, rec, err
	}
	fmt.Fprintf(w, "%s warehouse D shows the outbound record (%s, waybill %s) and the stub: %d g; one order's goods weigh %d g\n",
		stamp(at), id, waybill, grams, ev.ParcelGrams)
	staff(w, "reconcile", rec.Staff)
	showBlockers(w, p, at, 1)
	return p, rec, nil
}

// settle has finance refund the order the evidence names through its
// ledger: the plan's payouts, keyed so that a retry never pays twice.
func settle(w io.Writer, p refund.Plan, l refund.Ledger, at time.Time) (refund.Plan, refund.Ledger, []refund.Receipt, error) {
	p, l, rs, err := p.Refund(l, p.Version(), at)
	if err != nil {
		return p, l, nil, err
	}
	parts := make([]string, len(rs))
	for i, r := range rs {
		what := r.SKU
		if what == "" {
			what = "postage"
		}
		parts[i] = fmt.Sprintf("%s %s %s", r.Key, what, r.Amount().StringFixed(2))
	}
	fmt.Fprintf(w, "%s finance C refunds %s: %s in all (%s)\n", stamp(at), l.OrderID(), l.Refunded().StringFixed(2), strings.Join(parts, "; "))
	// The money is paid: the buyer hears what was refunded on which order,
	// though operations may still have the settings to fix (rules R2, S2).
	staff(w, "buyer", p.Buyer)
	// A retry replays the same keys and pays nothing.
	_, l2, again, err := p.Refund(l, p.Version(), at.Add(time.Minute))
	if err != nil {
		return p, l, nil, err
	}
	fmt.Fprintf(w, "      finance retries: %d payouts replayed, refunded still %s\n", countReplayed(again), l2.Refunded().StringFixed(2))
	return p, l, rs, nil
}

func countReplayed(rs []refund.Receipt) int {
	n := 0
	for _, r := range rs {
		if r.Replayed {
			n++
		}
	}
	return n
}

// compare sets the two cases side by side.
func compare(w io.Writer, c1, c2 Outcome) {
	fmt.Fprintln(w, "--- Side by side")
	row := func(label string, f func(Outcome) string) {
		a, b := f(c1), f(c2)
		if a == b && len(a) > 28 { // too wide for its column: said once
			fmt.Fprintf(w, "  %-24s both: %s\n", label, a)
			return
		}
		fmt.Fprintf(w, "  %-24s %-28s %s\n", label, a, b)
	}
	row("", func(o Outcome) string { return o.Case })
	row("guards skipped", func(o Outcome) string { return stepTexts(o.Plan.Skipped(), en) })
	row("reported shipped", func(o Outcome) string { return strings.Join(o.Plan.Shipped(), ", ") })
	row("buyer complains", func(o Outcome) string { return stamp(o.Complaint) })
	row("evidence shown", func(o Outcome) string { return stamp(o.EvidenceAt) })
	row("evidence says", func(o Outcome) string { return o.Evidence.Outcome.Text(en) })
	row("refunded", func(o Outcome) string {
		return stamp(o.RefundedAt) + " " + o.Ledger.OrderID() + " " + o.Ledger.Refunded().StringFixed(2)
	})
	row("complaint to refund", func(o Outcome) string { return span(o.RefundedAt.Sub(o.Complaint)) })
	row("complaint to plan done", func(o Outcome) string {
		if o.Plan.Status() != refund.PlanDone {
			return "not done"
		}
		return span(o.Plan.CompletedAt().Sub(o.Complaint))
	})
	row("free-shipping settings", func(o Outcome) string {
		if st, ok := o.Plan.Step(refund.StepFixSettings); ok && st.State == refund.StepDone {
			return "fixed " + stamp(st.At)
		}
		return "not fixed"
	})
	row("plan", func(o Outcome) string { return o.Plan.Status().Text(en) })
}

// span renders a duration as days, hours and minutes.
func span(d time.Duration) string {
	days, rest := d/(24*time.Hour), d%(24*time.Hour)
	hm := fmt.Sprintf("%dh%02dm", rest/time.Hour, rest%time.Hour/time.Minute)
	if days == 0 {
		return strings.TrimPrefix(hm, "0h")
	}
	return fmt.Sprintf("%dd %s", days, hm)
}

// showBlockers prints what blocks p at now — every step when max is 0,
// else the first max — in the console's language: each blocker's step,
// who must act, whether it can be done now and what is missing
// (Blocker.Staff, rules R1, N2).
func showBlockers(w io.Writer, p refund.Plan, now time.Time, max int) {
	bs := p.Blockers(now)
	if max > 0 && len(bs) > max {
		bs = bs[:max]
	}
	for _, b := range bs {
		fmt.Fprintf(w, "      - %s\n", b.Staff(zh))
	}
}

// stepTexts names the steps of set in language l.
func stepTexts(set refund.StepSet, l order.Lang) string {
	var parts []string
	for st := range set.All() {
		parts = append(parts, st.Text(l))
	}
	return strings.Join(parts, ", ")
}

// staff prints a decision's staff text in the console's language and in
// English.
func staff(w io.Writer, label string, text func(order.Lang) string) {
	fmt.Fprintf(w, "      %-9s %s\n", label+":", text(zh))
	fmt.Fprintf(w, "      %-9s %s\n", "", text(en))
}

// stamp is how the console shows a time: month-day hour:minute, CST.
func stamp(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(cst).Format("01-02 15:04")
}

func yuan(s string) decimal.Decimal { return decimal.RequireFromString(s) }
