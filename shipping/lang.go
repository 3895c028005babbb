package shipping

import (
	"time"

	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/order"
)

// langText returns the staff text of code in domain d in language l; an
// invalid l is simplified Chinese, and a code the catalogs do not know
// (an invalid value's "Stage(99)") is returned as it is.
func langText(l order.Lang, d i18n.Domain, code string) string {
	return i18n.Label(i18n.Lang(l), d, code)
}

// Text returns the staff text of the weekday in language l: "周日",
// "週日", "Sunday", "Domingo".
func (d Weekday) Text(l order.Lang) string { return langText(l, i18n.ShippingWeekday, d.String()) }

// Text returns the staff text of the parcel stage in language l: "已出库",
// "已出庫", "Left the warehouse" (rule S7).
func (s Stage) Text(l order.Lang) string { return langText(l, i18n.ShippingStage, s.String()) }

// Text returns the staff text of how a parcel can be stopped in language l
// (rule S7).
func (s Stop) Text(l order.Lang) string { return langText(l, i18n.ShippingStop, s.String()) }

// Text returns the staff text of the parcel situation in language l:
// "滞留发货地", "Stuck at origin" (rule S8).
func (s Situation) Text(l order.Lang) string { return langText(l, i18n.ShippingSituation, s.String()) }

// Text returns the staff text of the action in language l: "补发并致歉",
// "Reship and apologise" (rule S8).
func (a Action) Text(l order.Lang) string { return langText(l, i18n.ShippingAction, a.String()) }

// Text returns the staff text of the promise's wording in language l:
// "最晚明天发货", "Ships by tomorrow" (rule S6).
func (w Wording) Text(l order.Lang) string { return langText(l, i18n.ShippingWording, w.String()) }

// Text returns the staff text of the reason in language l: "未达包邮金额",
// "未達包郵金額", "Below the free-shipping amount".
func (r Reason) Text(l order.Lang) string { return langText(l, i18n.ShippingReason, r.String()) }

// Text returns the staff text of the postage remedy in language l:
// "退款重拍", "Refund and reorder" (rule S2).
func (r Remedy) Text(l order.Lang) string { return langText(l, i18n.ShippingRemedy, r.String()) }

// Weekdays returns every weekday, Sunday first.
func Weekdays() []Weekday { return i18n.Values[Weekday]() }

// Stops returns every way a parcel can be stopped, in order.
func Stops() []Stop { return i18n.Values[Stop]() }

// Situations returns every parcel situation, in order.
func Situations() []Situation { return i18n.Values[Situation]() }

// Actions returns every action for a buyer chasing a parcel, in order.
func Actions() []Action { return i18n.Values[Action]() }

// Wordings returns every promise wording, strongest first.
func Wordings() []Wording { return i18n.Values[Wording]() }

// Remedies returns every postage remedy, in the order the shop prefers
// them.
func Remedies() []Remedy { return i18n.Values[Remedy]() }

// ProblemReasons returns the reasons the problem-order checks of [Checks]
// report in [order.Problem.Reason]: the Problem… constants and the
// [Reason] codes the checks reuse, as shipping's [order.Code]s.
// [order.Problem.Text] renders each.
func ProblemReasons() []order.Code {
	names := []string{
		ProblemNoCarrier, ProblemNoSFCarrier,
		reasonNames[PostageOvercharged], reasonNames[PostageUndercharged], reasonNames[PostageMissing],
		reasonNames[TransitWarehouseAddress], reasonNames[CarrierNotServing],
	}
	out := make([]order.Code, len(names))
	for i, n := range names {
		out[i] = problemCode(n)
	}
	return out
}

// CarrierCodes returns the codes of the couriers kefu names in every
// language ("sf", "yto", "zto" …), the carriers of [DefaultPolicy] among
// them. A shop may give its carriers other codes; [CarrierName] then
// prints the code.
func CarrierCodes() []string {
	return []string{"sf", "yto", "zto", "sto", "yunda", "jt", "ems", "jd", "deppon", "best"}
}

// CarrierName returns the name of the courier with the given code in
// language l: "顺丰速运", "順豐速運", "SF Express"; a code kefu does not know
// ([CarrierCodes]) is returned as it is.
func CarrierName(code string, l order.Lang) string { return langText(l, i18n.ShippingCarrier, code) }

// The decisions render as text with one call per audience: Staff for a
// console, in the shop's language, with the verdict, the reasons and their
// values; Buyer for the reply the shop sends, in the buyer's language (see
// [order.MatchLang]), in the register shops use with buyers (亲，… in
// Chinese). Dates are told in the zone of the decision's own times — the
// policy's zone. The zero value of a decision renders as "".

// Staff returns the free-shipping decision for staff in language l: the
// verdict, then each reason with its values (rules S1, S2):
//
//	不包邮：商品实付还差 ¥ 0.01 包邮
//	Doesn't ship free: Region excluded from free shipping; Postage undercharged by ¥ 10.00
func (d FreeShippingDecision) Staff(l order.Lang) string {
	if !d.Verdict().IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	if d.Verdict() == order.Allowed {
		x.HeadMsg(i18n.StaffShipsFree{})
	} else {
		x.HeadMsg(i18n.StaffNotFree{})
	}
	for r := range d.Reasons().All() {
		switch r {
		case BelowThreshold:
			x.PartMsg(i18n.StaffShortfall{Shortfall: i18n.Fen(d.shortfall)})
		case BelowQuantity:
			x.PartMsg(i18n.StaffUnitsShort{Units: d.UnitsShort()})
		case PostageOvercharged:
			x.PartMsg(i18n.StaffOvercharge{Overcharge: i18n.Fen(max(0, d.charged-d.shouldCharge))})
		case PostageUndercharged:
			x.PartMsg(i18n.StaffUndercharge{Undercharge: i18n.Fen(max(0, d.shouldCharge-d.charged))})
		default:
			x.Part(r.Text(l))
		}
	}
	return x.String()
}

// Buyer returns what the buyer is told of the decision in language l
// (rule S1): that the order ships free, or the first reason it does not —
// free shipping off, no region on the address, an excluded region or
// item, then the shortfall ("亲，您的订单商品实付还差 0.01 元就可以包邮啦…")
// or the units missing.
func (d FreeShippingDecision) Buyer(l order.Lang) string {
	var m i18n.Message
	rs := d.Reasons()
	switch {
	case !d.Verdict().IsValid():
		return ""
	case d.Verdict() == order.Allowed:
		m = i18n.ShipsFree{}
	case rs.Has(FreeShippingOff):
		m = i18n.FreeShippingOff{}
	case rs.Has(RegionMissing):
		m = i18n.RegionMissing{}
	case rs.Has(ExcludedRegion):
		m = i18n.ExcludedRegion{}
	case rs.Has(ExcludedSKU):
		m = i18n.ExcludedItem{}
	case rs.Has(BelowThreshold):
		m = i18n.BelowThreshold{Shortfall: i18n.Fen(d.shortfall)}
	case rs.Has(BelowQuantity):
		m = i18n.BelowQuantity{Missing: d.UnitsShort()}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}

// Staff returns the overcharge for staff in language l: the amount, the
// remedies as alternatives, and who then fixes the free-shipping settings
// (rule S2): "多收运费 ¥ 10.00：退运费差价或退款重拍；运营修正包邮设置".
func (c Overcharge) Staff(l order.Lang) string {
	x := i18n.NewLine(i18n.Lang(l), nil)
	if !c.Overcharged {
		if !c.Free.Verdict().IsValid() {
			return ""
		}
		x.HeadMsg(i18n.StaffNotOvercharged{})
		return x.String()
	}
	x.HeadMsg(i18n.StaffOvercharge{Overcharge: i18n.Fen(max(0, c.Free.charged-c.Free.shouldCharge))})
	var rs []string
	for r := range c.Remedies.All() {
		if len(rs) > 0 {
			// An alternative after the first reads inside the sentence:
			// "Refund the difference or refund and reorder" (rule S2).
			rs = append(rs, i18n.InSentence(i18n.Lang(l), r.Text(l)))
			continue
		}
		rs = append(rs, r.Text(l))
	}
	x.Part(i18n.Or(i18n.Lang(l), rs))
	if c.FollowUp.IsValid() {
		x.PartMsg(i18n.StaffFixSettings{Department: c.FollowUp.Text(l)})
	}
	return x.String()
}

// Buyer returns what the buyer is told in language l (rule S2) when the
// overcharge is put right the way the shop prefers, by the first of
// Remedies: [Overcharge.BuyerFor] that remedy. Nothing overcharged: "".
func (c Overcharge) Buyer(l order.Lang) string {
	for r := range c.Remedies.All() {
		return c.BuyerFor(r, l)
	}
	return ""
}

// BuyerFor returns what the buyer is told in language l when the
// overcharge is put right by remedy r — what will actually happen (rule
// S2): for [FixPostage], that the postage was taken off and they can
// pay (cash on delivery: that they pay the corrected amount on delivery,
// rule S9); for [RefundDifference], that the postage overcharged is refunded
// to them; for [RefundAndReorder] (rule R1), to request a refund of the
// order and order again — the new order ships free and the original is
// held back — with no promise of a refund of the difference. A remedy
// that is not one of Remedies (refund-and-reorder once the parcel has
// left, fixing the postage after payment), or nothing overcharged: "".
func (c Overcharge) BuyerFor(r Remedy, l order.Lang) string {
	if !c.Overcharged || !c.Remedies.Has(r) {
		return ""
	}
	amt := i18n.Fen(max(0, c.Free.charged-c.Free.shouldCharge))
	var m i18n.Message
	switch r {
	case FixPostage:
		m = i18n.PostageFixed{Overcharge: amt}
		if c.Payment == order.CashOnDelivery {
			// Rules S2, S9: a cash-on-delivery buyer pays on delivery.
			m = i18n.PostageFixedCOD{Overcharge: amt}
		}
	case RefundDifference:
		m = i18n.PostageRefunded{Overcharge: amt}
	case RefundAndReorder:
		m = i18n.PostageRefundAndReorder{}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}

// wordingText is the promise's wording for staff: "最晚明天发货", and for
// "within N days" the days ("3 天内发货").
func (p DispatchPromise) wordingText(l order.Lang) string {
	if p.Wording == WithinDays {
		return i18n.Render(i18n.Lang(l), nil, i18n.StaffWithinDays{Days: p.Days})
	}
	return p.Wording.Text(l)
}

// Staff returns the promise for staff in language l: its wording, the
// latest day the parcel leaves, in the policy's zone, and what shaped it
// (rule S6): "最晚明天发货：最晚 11月13日 发出；已过当日发货截止时间".
func (p DispatchPromise) Staff(l order.Lang) string {
	if p.IsZero() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), p.By.Location())
	x.Head(p.wordingText(l))
	x.PartMsg(i18n.StaffDispatchBy{Latest: p.By})
	for r := range p.Reasons.All() {
		x.Part(r.Text(l))
	}
	return x.String()
}

// Buyer returns the promise as the buyer is told it in language l (rule
// S6): never an exact date, only the latest day, in the policy's zone —
// today, by tomorrow, within N days in a big promotion, or past the
// cutoff or on a rest day by the latest day.
func (p DispatchPromise) Buyer(l order.Lang) string {
	if p.IsZero() {
		return ""
	}
	var m i18n.Message
	switch {
	case p.Reasons.Has(BigPromotion):
		m = i18n.ShipsWithinDays{Days: p.Days, Latest: p.By}
	case p.Reasons.Has(NonWorkingDay):
		m = i18n.ShipsAfterRestDay{Latest: p.By}
	case p.Reasons.Has(CutoffPassed):
		m = i18n.ShipsNextWorkingDay{Latest: p.By}
	case p.Wording == ShipsToday:
		m = i18n.ShipsToday{}
	case p.Wording == ShipsTomorrow:
		m = i18n.ShipsTomorrow{Latest: p.By}
	default:
		m = i18n.ShipsWithin{Days: p.Days, Latest: p.By}
	}
	return i18n.Render(i18n.Lang(l), p.By.Location(), m)
}

// claimRefusals are the reasons a promise review refuses a claim for.
var claimRefusals = ReasonSet(0).With(ExactDate).With(DeliveryGuarantee).With(EarlierThanHonest)

// Staff returns the review for staff in language l: whether the claim may
// be made, why not, the promise to make instead and what shaped it (rules
// S6, N3): "不能这样承诺：承诺了具体日期；改为承诺「最晚明天发货」（11月13日）".
func (r PromiseReview) Staff(l order.Lang) string {
	if !r.Verdict.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), r.Honest.By.Location())
	if r.Verdict == order.Allowed {
		x.HeadMsg(i18n.StaffClaimOK{})
	} else {
		x.HeadMsg(i18n.StaffClaimRefused{})
	}
	for why := range (r.Reasons & claimRefusals).All() {
		x.Part(why.Text(l))
	}
	if r.Verdict != order.Allowed && !r.Honest.IsZero() {
		x.PartMsg(i18n.StaffHonestPromise{Wording: r.Honest.wordingText(l), Latest: r.Honest.By})
	}
	for why := range (r.Reasons &^ claimRefusals).All() {
		x.Part(why.Text(l))
	}
	return x.String()
}

// Buyer returns what the buyer is told in language l: the honest promise
// ([DispatchPromise.Buyer]), and for a claim that named a date or a
// delivery, that no delivery day is guaranteed and by when the order
// leaves (rules S6, S8).
func (r PromiseReview) Buyer(l order.Lang) string {
	if !r.Verdict.IsValid() || r.Honest.IsZero() {
		return ""
	}
	if r.Reasons.Has(ExactDate) || r.Reasons.Has(DeliveryGuarantee) {
		return i18n.Render(i18n.Lang(l), r.Honest.By.Location(), i18n.NoDeliveryDateShipsBy{Latest: r.Honest.By})
	}
	return r.Honest.Buyer(l)
}

// Staff returns the reminder for staff in language l: whether to remind
// now and why not, or what to say — "paid before 16:00 it ships today",
// or the promise a big promotion allows (rule S10).
func (r Reminder) Staff(l order.Lang) string {
	if !r.Verdict.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), r.Until.Location())
	if r.Verdict == order.Allowed {
		x.HeadMsg(i18n.StaffRemindNow{})
	} else {
		x.HeadMsg(i18n.StaffNoReminder{})
	}
	for why := range r.Reasons.All() {
		switch why {
		case ShipsTodayIfPaid:
			x.PartMsg(i18n.StaffPayBefore{Cutoff: i18n.ClockOf(r.Until)})
		case TooEarly:
			x.Part(why.Text(l))
			x.PartMsg(i18n.StaffRemindFrom{From: i18n.ClockOf(r.From)})
		default:
			x.Part(why.Text(l))
		}
	}
	if r.Verdict == order.Allowed && !r.Reasons.Has(ShipsTodayIfPaid) && !r.Promise.IsZero() {
		x.Part(r.Promise.wordingText(l))
		x.Detail(i18n.FormatDate(i18n.Lang(l), r.Promise.By, r.Promise.By.Location()))
	}
	return x.String()
}

// Buyer returns the reminder the buyer is sent in language l (rule S10):
// "pay before 16:00 and it ships today", or that the order waits for
// payment. A reminder that is not due has no text: "".
func (r Reminder) Buyer(l order.Lang) string {
	if r.Verdict != order.Allowed {
		return ""
	}
	var m i18n.Message = i18n.PayReminder{}
	if r.Reasons.Has(ShipsTodayIfPaid) {
		m = i18n.PayToShipToday{Cutoff: i18n.ClockOf(r.Until)}
	}
	return i18n.Render(i18n.Lang(l), r.Until.Location(), m)
}

// zone is where a parcel report's dates are told: the promise's zone (the
// policy's), else the zone of Since.
func (r ParcelReport) zone() *time.Location {
	if !r.Promise.IsZero() {
		return r.Promise.By.Location()
	}
	return r.Since.Location()
}

// Staff returns the parcel report for staff in language l: the situation,
// whether the shop is at fault, the reasons, the furthest stage, how the
// parcel can be stopped, the latest dispatch day while it has not left,
// since when, and what to do (rules S7, S8):
//
//	发货超时：店铺责任；已超过承诺发货时间；可暂停发货；最晚 11月13日 发出；自 11月12日 10:00 起；处理：立即回复买家、催仓库发货
func (r ParcelReport) Staff(l order.Lang) string {
	if !r.Situation.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), r.zone())
	x.Head(r.Situation.Text(l))
	if r.ShopAtFault {
		x.PartMsg(i18n.StaffShopAtFault{})
	}
	for why := range r.Reasons.All() {
		x.Part(why.Text(l))
	}
	if r.Stage.IsValid() {
		x.Part(r.Stage.Text(l))
	}
	if r.Stop > StopUnknown && r.Stop < numStops {
		x.Part(r.Stop.Text(l))
	}
	if (r.Situation == NotDispatched || r.Situation == LateDispatch) && !r.Promise.IsZero() {
		x.PartMsg(i18n.StaffDispatchBy{Latest: r.Promise.By})
	}
	if !r.Since.IsZero() {
		x.PartMsg(i18n.StaffSince{Since: r.Since})
	}
	var todo []string
	for a := range r.Actions.All() {
		todo = append(todo, a.Text(l))
	}
	if len(todo) > 0 {
		x.PartMsg(i18n.StaffToDo{Actions: todo})
	}
	return x.String()
}

// Buyer returns the answer a buyer chasing the parcel gets at once in
// language l (rule S8): not paid, not dispatched yet and by when, late
// (with an apology), held while something is settled, no tracking yet,
// on the way, stalled, lost or damaged (a replacement is sent), delivered,
// or the trade closed.
func (r ParcelReport) Buyer(l order.Lang) string {
	held := r.Reasons.Has(OrderHeld)
	var m i18n.Message
	switch r.Situation {
	case NotPaid:
		m = i18n.ParcelNotPaid{}
	case NotDispatched, LateDispatch:
		switch {
		case held:
			m = i18n.ParcelHeld{}
		case r.Situation == LateDispatch:
			m = i18n.ParcelLateDispatch{}
		case r.Promise.IsZero():
			m = i18n.ParcelOnTheWay{}
		default:
			m = i18n.ParcelNotDispatched{Latest: r.Promise.By}
		}
	case NoTrackingYet:
		m = i18n.ParcelNoTracking{}
	case OnTheWay:
		m = i18n.ParcelOnTheWay{}
	case StalledAtOrigin:
		m = i18n.ParcelStalledAtOrigin{}
	case StalledAtDestination:
		m = i18n.ParcelStalledAtDestination{}
	case ParcelLost:
		m = i18n.ParcelLost{}
	case ParcelDamaged:
		m = i18n.ParcelDamaged{}
	case ParcelDelivered:
		m = i18n.ParcelDelivered{}
	case TradeClosed:
		m = i18n.ParcelTradeClosed{}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), r.zone(), m)
}

// Staff returns the carrier choice for staff in language l: the carrier
// by its name ([CarrierName]), or none, then how it was chosen and what
// the buyer pays (rules S3, S4, S5, P6): "发顺丰速运：港澳台只发顺丰；运费到付".
func (c CarrierChoice) Staff(l order.Lang) string {
	if c.Carrier == "" && c.Reasons.IsEmpty() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	if c.OK() {
		x.HeadMsg(i18n.StaffShipWith{Carrier: CarrierName(c.Carrier, l)})
	} else {
		x.HeadMsg(i18n.StaffNoCarrier{})
	}
	for r := range c.Reasons.All() {
		if r == PriceDifference {
			x.PartMsg(i18n.StaffCarrierDifference{Difference: i18n.Fen(c.difference)})
			continue
		}
		x.Part(r.Text(l))
	}
	if c.CollectPossible {
		x.PartMsg(i18n.StaffCollectPossible{})
	}
	return x.String()
}

// Buyer returns what the buyer is told of the choice in language l: no
// carrier delivers there; Hong Kong, Macao and Taiwan go SF only (freight
// collect, about the amount told); the carrier they asked for does not
// serve them and which one will; the difference a dearer carrier costs;
// or simply the carrier (rules S3, S4, S5, P6).
func (c CarrierChoice) Buyer(l order.Lang) string {
	name := CarrierName(c.Carrier, l)
	var m i18n.Message
	switch {
	case c.Carrier == "" && c.Reasons.IsEmpty():
		return ""
	case c.Reasons.Has(OutOfArea) || !c.OK():
		m = i18n.OutOfArea{}
	case c.Reasons.Has(SFOnly) && c.difference > 0:
		m = i18n.FreightCollect{Estimate: i18n.Fen(c.difference)}
	case c.Reasons.Has(SFOnly):
		m = i18n.SFOnly{}
	case c.Reasons.Has(CarrierNotServing):
		m = i18n.CarrierNotServing{Carrier: name}
	case c.Reasons.Has(PriceDifference):
		m = i18n.CarrierPriceDifference{Carrier: name, Difference: i18n.Fen(c.difference)}
	default:
		m = i18n.CarrierChosen{Carrier: name}
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}
