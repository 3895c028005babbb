package refund

import (
	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// langText returns the staff text of code in domain d in language l; an
// invalid l is simplified Chinese, and a code the catalogs do not know
// (an invalid value's "Reason(99)") is returned as it is.
func langText(l order.Lang, d i18n.Domain, code string) string {
	return i18n.Label(i18n.Lang(l), d, code)
}

// Text returns whether the buyer has the goods in language l: "买家已退货",
// "Buyer returned the goods".
func (g GoodStatus) Text(l order.Lang) string {
	return langText(l, i18n.RefundGoodStatus, g.String())
}

// Text returns the refund's phase in language l: "售中", "During the sale".
func (p Phase) Text(l order.Lang) string { return langText(l, i18n.RefundPhase, p.String()) }

// Text returns the refund event in language l: "同意退货", "Agree to the
// return".
func (e Event) Text(l order.Lang) string { return langText(l, i18n.RefundEvent, e.String()) }

// Text returns the complaint type in language l: "虚假发货", "虛假發貨",
// "False dispatch" (rule R6).
func (c Complaint) Text(l order.Lang) string { return langText(l, i18n.RefundComplaint, c.String()) }

// Text returns where the exchange stands in language l: "买家已寄回",
// "Return sent" (rule R4).
func (s ExchangeStatus) Text(l order.Lang) string {
	return langText(l, i18n.RefundExchangeStatus, s.String())
}

// Text returns the exchange event in language l: "发出新商品", "Dispatch
// the replacement" (rule R4).
func (e ExchangeEvent) Text(l order.Lang) string {
	return langText(l, i18n.RefundExchangeEvent, e.String())
}

// Text returns the marketplace's name in language l: "淘宝", "淘寶",
// "Taobao".
func (m Marketplace) Text(l order.Lang) string {
	return langText(l, i18n.RefundMarketplace, m.String())
}

// Text returns why the goods go back in language l: "买家拍错", "Buyer
// ordered wrongly" (rule R5).
func (c Cause) Text(l order.Lang) string { return langText(l, i18n.RefundCause, c.String()) }

// Text returns who bears a postage leg in language l: "卖家", "Seller".
func (p Payer) Text(l order.Lang) string { return langText(l, i18n.RefundPayer, p.String()) }

// Text returns what a double-shipment check found in language l: "两单都发出了",
// "Both orders shipped" (rule R2).
func (s Shipped) Text(l order.Lang) string { return langText(l, i18n.RefundShipped, s.String()) }

// Text returns what finance does in language l: "先补充证据，暂不退款",
// "Get the evidence first, no refund yet" (rule R2).
func (f FinanceAction) Text(l order.Lang) string {
	return langText(l, i18n.RefundFinance, f.String())
}

// Text returns the kind of goods in language l: "定制商品", "Made to
// order" (rule R3).
func (k Kind) Text(l order.Lang) string { return langText(l, i18n.RefundKind, k.String()) }

// Text returns the goods' condition in language l: "已洗涤", "Washed"
// (rule R3).
func (c Condition) Text(l order.Lang) string { return langText(l, i18n.RefundCondition, c.String()) }

// Text returns the staff text of the reason in language l: "已过七天无理由退货期",
// "The seven-day window has closed". A decision's verdict renders with
// [order.Verdict.Text].
func (r Reason) Text(l order.Lang) string { return langText(l, i18n.RefundReason, r.String()) }

// Statuses returns every refund state, in order.
func Statuses() []Status { return i18n.Values[Status]() }

// GoodStatuses returns every goods status, in order.
func GoodStatuses() []GoodStatus { return i18n.Values[GoodStatus]() }

// Phases returns both phases, during the sale first.
func Phases() []Phase { return i18n.Values[Phase]() }

// Events returns every refund event, in order.
func Events() []Event { return i18n.Values[Event]() }

// ExchangeStatuses returns every exchange state, in order.
func ExchangeStatuses() []ExchangeStatus { return i18n.Values[ExchangeStatus]() }

// ExchangeEvents returns every exchange event, in order.
func ExchangeEvents() []ExchangeEvent { return i18n.Values[ExchangeEvent]() }

// Marketplaces returns both marketplaces, Taobao first.
func Marketplaces() []Marketplace { return i18n.Values[Marketplace]() }

// Causes returns every cause of a return, in order.
func Causes() []Cause { return i18n.Values[Cause]() }

// Payers returns both payers, the buyer first.
func Payers() []Payer { return i18n.Values[Payer]() }

// Findings returns every finding of a double-shipment check, in order.
func Findings() []Shipped { return i18n.Values[Shipped]() }

// FinanceActions returns every finance action, in order.
func FinanceActions() []FinanceAction { return i18n.Values[FinanceAction]() }

// Kinds returns every kind of goods, [KindOrdinary] first.
func Kinds() []Kind { return i18n.Values[Kind]() }

// Conditions returns every condition of goods, in order.
func Conditions() []Condition { return i18n.Values[Condition]() }

// The decisions render as text with one call per audience: Staff for a
// console, in the shop's language, with the verdict, the reasons and
// their values; Buyer, for those a buyer hears of, for the reply the shop
// sends, in the buyer's language (see [order.MatchLang]), in the register
// shops use with buyers (亲，… in Chinese). Dates are told in the zone of
// the decision's own times — the policy's. The zero value renders as "".
// A [Reconciliation] and an [Escalation] are staff-only: finance and the
// managers act on them, the buyer is not told.

// Staff returns the seven-day decision for staff in language l: whether
// the return may go ahead and why not, the window in the shop's zone, and
// what to confirm with the buyer first (rule R3):
//
//	不支持七天无理由退货：已过七天无理由退货期；退货期 11月13日 00:00 至 11月20日 00:00；先确认是哪个订单、确认购买时间
func (d SevenDayDecision) Staff(l order.Lang) string {
	if !d.Verdict.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), d.Closes.Location())
	if d.Verdict == order.Allowed {
		x.HeadMsg(i18n.StaffSevenDayAllowed{})
	} else {
		x.HeadMsg(i18n.StaffSevenDayRefused{})
	}
	for r := range d.Reasons.All() {
		x.Part(r.Text(l))
	}
	if !d.Opens.IsZero() {
		x.PartMsg(i18n.StaffReturnWindow{Opens: d.Opens, Closes: d.Closes})
	}
	var first []string
	for r := range d.Confirm.All() {
		first = append(first, r.Text(l))
	}
	if len(first) > 0 {
		x.PartMsg(i18n.StaffFirst{Items: first})
	}
	return x.String()
}

// Buyer returns what the buyer is told in language l (rule R3): that the
// return may go ahead with the goods intact, or the first reason it may
// not — the window over (with its end, in the shop's zone), goods the law
// excludes, goods the buyer confirmed as not returnable when buying, or
// goods that can no longer be resold.
func (d SevenDayDecision) Buyer(l order.Lang) string {
	law := ReasonSet(0).With(MadeToOrder).With(Perishable).With(DigitalUnsealed).With(Periodical)
	var m i18n.Message
	switch {
	case !d.Verdict.IsValid():
		return ""
	case d.Verdict == order.Allowed:
		m = i18n.ReturnAccepted{}
	case d.Reasons.Has(WindowClosed):
		m = i18n.ReturnWindowPassed{Deadline: d.Closes}
	case !(d.Reasons & law).IsEmpty():
		m = i18n.ReturnExcludedByLaw{}
	case d.Reasons.Has(ConfirmedAtPurchase):
		m = i18n.ReturnConfirmedAtPurchase{}
	default:
		m = i18n.ReturnNotResellable{}
	}
	return i18n.Render(i18n.Lang(l), d.Closes.Location(), m)
}

func amountOf(d decimal.Decimal) i18n.Amount {
	a, _ := i18n.AmountOf(d)
	return a
}

// Staff returns who bears the postage of a return for staff in language
// l: the legs (and an exchange's replacement), or the two choices to
// offer, then what it does to the refund and the rule that applied (rules
// R5, S3):
//
//	退货运费：发货运费由卖家承担，退回运费由买家承担；包邮商品无理由退货，买家承担退回运费
func (d PostageDecision) Staff(l order.Lang) string {
	if !d.Return.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	x.HeadMsg(i18n.StaffReturnPostage{})
	if len(d.Choices) == 0 {
		x.PartMsg(i18n.StaffLegs{Outbound: i18n.Term(d.Outbound.Text(l)), Return: i18n.Term(d.Return.Text(l))})
	}
	for i, c := range d.Choices {
		x.PartMsg(i18n.StaffChoice{Number: i + 1, Outbound: i18n.Term(c.Outbound.Text(l)), Return: i18n.Term(c.Return.Text(l))})
		if c.BestDiscountNextTime {
			x.Detail(x.Render(i18n.StaffBestDiscount{}))
		}
	}
	if d.Replacement.IsValid() {
		x.PartMsg(i18n.StaffReplacementLeg{Payer: i18n.Term(d.Replacement.Text(l))})
	}
	if a := amountOf(d.RefundOutbound); a > 0 {
		x.PartMsg(i18n.StaffRefundOutbound{Amount: a})
	}
	if a := amountOf(d.Deduct); a > 0 {
		x.PartMsg(i18n.StaffDeduct{Amount: a})
	}
	if d.DeductReturnLeg {
		x.PartMsg(i18n.StaffDeductReturnLeg{})
	}
	if d.RefundAfterArrival {
		x.PartMsg(i18n.StaffRefundAfterArrival{})
	}
	for r := range d.Reasons.All() {
		x.Part(r.Text(l))
	}
	return x.String()
}

// Buyer returns what the buyer is told of the return postage in language
// l (rules R5, S3): exactly two choices for a bargained-free-shipping item
// ordered wrongly; for Hong Kong, Macao and Taiwan that the postage is
// deducted and the refund made on arrival; the postage the refund deducts
// when the rest no longer ships free; that the shop pays both ways; that
// the return leg, or both legs, or an exchange's postage, is the buyer's.
func (d PostageDecision) Buyer(l order.Lang) string {
	var m i18n.Message
	switch {
	case !d.Return.IsValid():
		return ""
	case len(d.Choices) > 0:
		m = i18n.ReturnPostageChoices{}
	case d.DeductReturnLeg:
		m = i18n.ReturnPostageDeducted{}
	case amountOf(d.Deduct) > 0:
		m = i18n.ReturnBelowFreeShipping{Amount: amountOf(d.Deduct)}
	case d.Return == Seller && (d.Replacement == PayerUnknown || d.Replacement == Seller):
		m = i18n.ReturnPostageOnUs{}
	case d.Replacement == Buyer:
		m = i18n.ExchangePostageBuyer{}
	case d.Outbound == Buyer:
		m = i18n.ReturnPostageBothLegs{}
	default:
		m = i18n.ReturnPostageReturnLeg{}
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}

// Staff returns the reconciliation of a suspected double shipment for
// staff in language l: what the evidence shows, how many orders' goods
// the weights say left, what finance does and with which order, whom to
// ask for the missing evidence, who then fixes the free-shipping
// settings, and what the evidence lacks (rule R2):
//
//	只发出了一单：重量显示发出了 1 单的货；立即退款未发出的订单；退款订单 T1002；运营修正包邮设置
func (r Reconciliation) Staff(l order.Lang) string {
	if !r.Outcome.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	x.Head(r.Outcome.Text(l))
	if r.Outcome != Inconclusive {
		x.PartMsg(i18n.StaffParcels{Count: r.Parcels})
	}
	if r.Finance.IsValid() {
		x.Part(r.Finance.Text(l))
	}
	if r.Refund != "" {
		x.PartMsg(i18n.StaffRefundOrder{Order: r.Refund})
	}
	if r.Ask.IsValid() {
		x.PartMsg(i18n.StaffAskEvidence{Department: r.Ask.Text(l)})
	}
	if r.FollowUp.IsValid() {
		x.PartMsg(i18n.StaffFixSettings{Department: r.FollowUp.Text(l)})
	}
	for why := range r.Reasons.All() {
		x.Part(why.Text(l))
	}
	return x.String()
}

// Staff returns the escalation of a complaint for staff in language l:
// the complaint type, whom to tell and by when, in the zone of By (rule
// R6): "虚假发货：立即通知组长、店长（11月25日 14:03 前）".
func (e Escalation) Staff(l order.Lang) string {
	if !e.Complaint.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), e.By.Location())
	x.Head(e.Complaint.Text(l))
	var roles []string
	for r := range e.Notify.All() {
		roles = append(roles, r.Text(l))
	}
	if len(roles) > 0 {
		x.PartMsg(i18n.StaffNotify{Roles: roles, By: e.By})
	}
	return x.String()
}

// Staff returns the reply check for staff in language l: whether the
// reply may be sent, why not, and the phrase found (rule R8):
// "不能发送：提到好评返现；命中「好评返」".
func (d ReplyDecision) Staff(l order.Lang) string {
	if !d.Verdict.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	if d.Verdict == order.Allowed {
		x.HeadMsg(i18n.StaffReplyOK{})
	} else {
		x.HeadMsg(i18n.StaffReplyRefused{})
	}
	for r := range d.Reasons.All() {
		x.Part(r.Text(l))
	}
	if d.Match != "" {
		x.PartMsg(i18n.StaffMatch{Phrase: d.Match})
	}
	return x.String()
}

// Buyer returns, for a refused reply, the one to send instead in language
// l: the shop gives no cash back for reviews (rule R8). An allowed reply
// stands as the agent wrote it: "".
func (d ReplyDecision) Buyer(l order.Lang) string {
	if d.Verdict != order.Refused {
		return ""
	}
	return i18n.Render(i18n.Lang(l), nil, i18n.NoCashBack{})
}

// Text returns the plan's route in language l: "退款重拍", "Refund and
// reorder" (rules S2, R1, R2).
func (r Route) Text(l order.Lang) string { return langText(l, i18n.RefundRoute, r.String()) }

// Text returns the plan step in language l: "原单暂停发货", "Hold the
// original" (rules R1, R2, S7).
func (s Step) Text(l order.Lang) string { return langText(l, i18n.RefundStep, s.String()) }

// Text returns where a step stands in language l: "待处理", "Pending".
func (s StepStatus) Text(l order.Lang) string {
	return langText(l, i18n.RefundStepStatus, s.String())
}

// Text returns where the plan stands in language l: "进行中", "Open".
func (s PlanStatus) Text(l order.Lang) string {
	return langText(l, i18n.RefundPlanStatus, s.String())
}

// Text returns the plan event in language l: "买家重新下单", "Buyer
// reordered".
func (k PlanEventKind) Text(l order.Lang) string {
	return langText(l, i18n.RefundPlanEvent, k.String())
}

// Text returns who must act in language l: the role's or the
// department's name ("组长", "Finance"), or the buyer ("买家", "Buyer").
// The zero Actor is "".
func (a Actor) Text(l order.Lang) string {
	switch {
	case a.Buyer:
		return Buyer.Text(l)
	case a.Department != order.DepartmentUnknown:
		return a.Department.Text(l)
	case a.Role != order.RoleUnknown:
		return a.Role.Text(l)
	}
	return ""
}

// Routes returns every route of a plan, [RouteDifference] first.
func Routes() []Route { return i18n.Values[Route]() }

// Steps returns every step of a plan, in order.
func Steps() []Step { return i18n.Values[Step]() }

// StepStatuses returns every step status, in order.
func StepStatuses() []StepStatus { return i18n.Values[StepStatus]() }

// PlanStatuses returns every plan status, in order.
func PlanStatuses() []PlanStatus { return i18n.Values[PlanStatus]() }

// PlanEventKinds returns every plan event, in order.
func PlanEventKinds() []PlanEventKind { return i18n.Values[PlanEventKind]() }

// Staff returns the refund-and-reorder plan for staff in language l
// (rules S2, R1, R2, S7): the route and where the plan stands, the
// postage overcharged, the orders, the steps done and still to do, each
// guard a bypass skipped and when (in the zone of the plan's times), and
// the plan's reasons:
//
//	退款重拍（进行中）：多收运费 ¥ 10.00；原单 T1001；已完成：原单暂停发货；待处理：财务确认退款、仓库确认原单不发、买家重新下单并付款、退款原单、运营修正包邮设置；差价现在无法单独退，改为退款重拍
//
// What blocks it now, and who must act, is [Plan.Blockers], each with its
// own [Blocker.Staff]. The zero Plan is "".
func (p Plan) Staff(l order.Lang) string {
	if p.IsZero() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), p.opened.Location())
	x.Head(p.route.Text(l))
	x.Detail(p.status.Text(l))
	x.PartMsg(i18n.StaffOvercharge{Overcharge: i18n.Fen(p.overcharge)})
	if p.reorder != "" {
		x.PartMsg(i18n.StaffPlanOrders{Original: p.original, Reorder: p.reorder})
	} else {
		x.PartMsg(i18n.StaffPlanOriginal{Original: p.original})
	}
	var done, pending []string
	for _, st := range p.steps {
		switch st.State {
		case StepDone:
			done = append(done, st.Step.Text(l))
		case StepPending:
			pending = append(pending, st.Step.Text(l))
		}
	}
	if len(done) > 0 {
		x.PartMsg(i18n.StaffStepsDone{Steps: done})
	}
	if len(pending) > 0 && p.status == PlanOpen {
		x.PartMsg(i18n.StaffStepsPending{Steps: pending})
	}
	for _, b := range p.bypasses {
		var skipped []string
		for s := range b.Skipped.All() {
			skipped = append(skipped, s.Text(l))
		}
		x.PartMsg(i18n.StaffBypass{Event: b.Event.Text(l), Skipped: skipped, At: b.At})
	}
	for r := range p.reasons.All() {
		x.Part(r.Text(l))
	}
	return x.String()
}

// Buyer returns what the buyer is told of the plan in language l (rules
// S2, R1, R2): refunding the difference, the postage overcharged is
// refunded (with its amount); refunding and reordering, to refund and
// order again while the original is held, then that the new order is in
// and the original is being refunded, then that it is refunded; with two
// orders out, that the shop checks what shipped before refunding, then,
// once finance has paid, what was refunded on which order (the one the
// evidence named), even while operations still has the settings to fix. A
// cancelled plan, and the zero Plan, are "".
func (p Plan) Buyer(l order.Lang) string {
	if p.IsZero() || p.status == PlanCancelled {
		return ""
	}
	var m i18n.Message
	switch p.route {
	case RouteDifference:
		m = i18n.PostageRefunded{Overcharge: i18n.Fen(p.overcharge)}
	case RouteReorder:
		switch {
		case p.stepDone(StepRefundOriginal):
			m = i18n.OriginalRefunded{}
		case p.stepDone(StepPlaceReorder):
			m = i18n.ReorderPlaced{}
		default:
			m = i18n.PostageRefundAndReorder{}
		}
	case RouteReconcile:
		// Once the money is paid the buyer hears what was refunded on
		// which order — the one the evidence named; operations fixing the
		// settings afterwards is the shop's business (rules R2, S2).
		if i := p.moneyStep(); i >= 0 && p.steps[i].State == StepDone {
			st := p.steps[i]
			f, _ := yuan.Fen(st.Refunded)
			m = i18n.OrderRefunded{Order: st.OrderID, Amount: i18n.Fen(f)}
		} else {
			m = i18n.CheckingShipment{}
		}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), p.opened.Location(), m)
}

// stepDone reports whether the plan holds step s, done.
func (p Plan) stepDone(s Step) bool {
	st, ok := p.Step(s)
	return ok && st.State == StepDone
}

// Staff returns the blocking step for staff in language l (rules R1, N2):
// the step, who must act, whether it can be done now, what is missing,
// and when its hand-off is to be acknowledged and since when it waits, in
// the zone of its times:
//
//	财务确认退款：负责：财务；现在可以处理；已交接，对方还没确认；交接超时未确认，打电话；同事不在，紧急事项要打电话；需在 11月2日 11:05 前确认；自 11月2日 10:32 起
//
// The zero Blocker is "".
func (b Blocker) Staff(l order.Lang) string {
	if !b.Step.IsValid() {
		return ""
	}
	loc := b.Since.Location()
	if b.Since.IsZero() {
		loc = b.Due.Location()
	}
	x := i18n.NewLine(i18n.Lang(l), loc)
	x.Head(b.Step.Text(l))
	if who := b.Who.Text(l); who != "" {
		x.PartMsg(i18n.StaffWho{Who: who})
	}
	if b.Ready {
		x.PartMsg(i18n.StaffStepReady{})
	} else {
		x.PartMsg(i18n.StaffStepWaiting{})
	}
	for r := range b.Reasons.All() {
		x.Part(r.Text(l))
	}
	if !b.Due.IsZero() {
		x.PartMsg(i18n.StaffAckBy{Due: b.Due})
	}
	if !b.Since.IsZero() {
		x.PartMsg(i18n.StaffSince{Since: b.Since})
	}
	return x.String()
}

// Staff returns the review of a refund for staff in language l (rule
// A3): the verdict, whose approval it needs, the amount, a replay, and
// why:
//
//	需审批：需组长批准；退款 ¥ 28.00；退货未到仓库就退款
func (d RefundDecision) Staff(l order.Lang) string {
	if !d.Verdict.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	x.Head(d.Verdict.Text(l))
	if d.Verdict == order.NeedsApproval && d.Approver != order.RoleUnknown {
		x.PartMsg(i18n.StaffNeedsApproval{Approver: i18n.RoleCode(d.Approver.String())})
	}
	x.PartMsg(i18n.StaffRefundAmount{Amount: i18n.Fen(d.amount)})
	if d.Replayed {
		x.PartMsg(i18n.StaffReplayed{})
	}
	for r := range d.Reasons.All() {
		x.Part(r.Text(l))
	}
	return x.String()
}

// Buyer returns what the buyer is told in language l (rule A3): that the
// agent asks the approver (named by role) first, or that the refund of
// its amount is being made. A replayed refund, already paid, tells
// nothing new: "".
func (d RefundDecision) Buyer(l order.Lang) string {
	var m i18n.Message
	switch {
	case !d.Verdict.IsValid() || d.Replayed:
		return ""
	case d.Verdict == order.NeedsApproval:
		m = i18n.AskingApprover{Approver: i18n.RoleCode(d.Approver.String())}
	case d.Verdict == order.Allowed:
		m = i18n.RefundOnItsWay{Amount: i18n.Fen(d.amount)}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}
