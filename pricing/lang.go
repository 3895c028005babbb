package pricing

import (
	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/order"
)

// langText returns the staff text of code in domain d in language l; an
// invalid l is simplified Chinese, and a code the catalogs do not know
// (an invalid value's "Kind(9)") is returned as it is.
func langText(l order.Lang, d i18n.Domain, code string) string {
	return i18n.Label(i18n.Lang(l), d, code)
}

// Text returns the staff text of the concession kind in language l:
// "抹零", "Erase small change", "Quitar los céntimos" (rules P2, P3).
func (k Kind) Text(l order.Lang) string { return langText(l, i18n.PricingKind, k.String()) }

// Text returns the staff text of the compensation cause in language l
// (rule P5); [NoCause], which is no cause, gives "".
func (c Cause) Text(l order.Lang) string {
	if c == NoCause {
		return ""
	}
	return langText(l, i18n.PricingCause, c.String())
}

// Text returns the staff text of who pays a price difference in language
// l: "买家", "Buyer".
func (p Payer) Text(l order.Lang) string { return langText(l, i18n.PricingPayer, p.String()) }

// Text returns the staff text of how a price difference is paid in
// language l: "拍补差价链接", "Top-up order" (rule P6).
func (s Settlement) Text(l order.Lang) string { return langText(l, i18n.PricingSettlement, s.String()) }

// Text returns the staff text of the reason in language l: "超出权限",
// "超出權限", "Beyond the role's authority". A decision's verdict renders
// with [order.Verdict.Text].
func (r Reason) Text(l order.Lang) string { return langText(l, i18n.PricingReason, r.String()) }

// Causes returns every compensation cause, [NoCause] excluded.
func Causes() []Cause { return i18n.Values[Cause]() }

// Payers returns every payer, in order.
func Payers() []Payer { return i18n.Values[Payer]() }

// Settlements returns every settlement, in order.
func Settlements() []Settlement { return i18n.Values[Settlement]() }

// The decisions render as text with one call per audience: Staff for a
// console, in the shop's language, with the verdict, the reasons and their
// values; Buyer for the reply the shop sends, in the buyer's language (see
// [order.MatchLang]), in the register shops use with buyers (亲，… in
// Chinese). The zero value renders as "".

// limitReasons are the reasons after which the staff line says what the
// requester may grant alone.
var limitReasons = ReasonSet(0).With(ReasonBeyondAuthority).With(ReasonOverShare).With(ReasonEraseOverShare)

// Staff returns the review for staff in language l: the kind and amount,
// the verdict — with the approver's role when it needs approval —, the
// reasons, the period whose limits decided it, and what the requester may
// grant alone (rules A3, A4, P1–P5):
//
//	改价 ¥ 5.00：需组长批准；超出权限；建议改送赠品；无需审批的上限 ¥ 3.00
func (d Decision) Staff(l order.Lang) string {
	if !d.Verdict.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	if d.Kind.IsValid() {
		x.HeadMsg(i18n.StaffConcession{Kind: d.Kind.Text(l), Amount: i18n.Fen(d.amount)})
	}
	if d.Verdict == order.NeedsApproval && d.Approver.IsValid() {
		x.PartMsg(i18n.StaffNeedsApproval{Approver: i18n.RoleCode(d.Approver.String())})
	} else {
		x.Part(d.Verdict.Text(l))
	}
	for r := range d.Reasons.All() {
		x.Part(r.Text(l))
		if r == ReasonPeriodLimits {
			x.Detail(d.Period)
		}
	}
	if d.Verdict != order.Allowed && !(d.Reasons & limitReasons).IsEmpty() {
		x.PartMsg(i18n.StaffLimit{Limit: i18n.Fen(d.limit)})
	}
	return x.String()
}

// Buyer returns what the buyer is told in language l, the verdict first:
// allowed, the concession granted with its amount — a kind the shop
// would rather give ([Decision.Suggest]) is for the agent to ask for
// instead, with a review of its own; refused because the promotion is
// over, that the platform sets the promotion's window and the price is
// the regular one (rule P1), with the kind the shop prefers offered
// instead when there is one the agent may give alone (rule P2);
// otherwise that kind first (a small gift, or the same value off the
// postage); else that the agent asks the approver, by role (rule A3), that
// the order already ships free, or kindly that nothing more can be taken
// off.
func (d Decision) Buyer(l order.Lang) string {
	amt := i18n.Fen(d.amount)
	var m i18n.Message
	switch {
	case !d.Verdict.IsValid():
		return ""
	case d.Verdict == order.Allowed:
		switch d.Kind {
		case Gift:
			m = i18n.GiftGranted{}
		case Postage:
			m = i18n.PostageWaived{Amount: amt}
		case PriceCut:
			m = i18n.PriceCutGranted{Amount: amt}
		case EraseChange:
			m = i18n.ChangeErased{Amount: amt}
		default:
			return ""
		}
	case d.Verdict == order.Refused && d.Reasons.Has(ReasonOutsidePromotion):
		// Rule P1: the buyer hears why first, whatever is offered instead.
		switch d.Suggest {
		case Gift:
			m = i18n.PromotionEndedGiftInstead{}
		case Postage:
			m = i18n.PromotionEndedPostageInstead{Amount: amt}
		default:
			m = i18n.PromotionPriceEnded{}
		}
	case d.Suggest == Gift:
		m = i18n.GiftInstead{}
	case d.Suggest == Postage:
		m = i18n.PostageInstead{Amount: amt}
	case d.Verdict == order.NeedsApproval:
		m = i18n.AskingApprover{Approver: i18n.RoleCode(d.Approver.String())}
	case d.Verdict == order.Refused && d.Reasons.Has(ReasonShipsFree):
		m = i18n.ShipsFree{}
	case d.Verdict == order.Refused:
		m = i18n.NoMoreDiscount{}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}

// amount returns the difference's amount in fen; an amount with more than
// two decimals, which no valid difference has, renders as zero.
func (d Difference) amount() i18n.Amount {
	a, _ := i18n.AmountOf(d.Amount)
	return a
}

// Staff returns the price difference for staff in language l: who owes
// how much, how it is paid and where it stands — awaiting the buyer's
// confirmation, confirmed, or settled (rule P6): "买家需补差价 ¥ 20.00：拍补差价链接；待买家确认".
func (d Difference) Staff(l order.Lang) string {
	x := i18n.NewLine(i18n.Lang(l), nil)
	switch d.Payer {
	case PayerBuyer:
		x.HeadMsg(i18n.StaffBuyerOwes{Amount: d.amount()})
	case PayerShop:
		x.HeadMsg(i18n.StaffShopOwes{Amount: d.amount()})
	default:
		return ""
	}
	if d.Via.IsValid() {
		x.Part(d.Via.Text(l))
	}
	switch {
	case d.Transferred():
		x.PartMsg(i18n.StaffSettled{})
	case d.Settled():
		x.PartMsg(i18n.StaffConfirmed{})
	default:
		x.PartMsg(i18n.StaffAwaitingConfirmation{})
	}
	return x.String()
}

// Buyer returns what the buyer is told in language l (rule P6): the
// amount to pay with the top-up link, or freight collect on delivery, or
// that the shop pays it back and asks them to confirm receipt; once the
// money moved, thanks for the top-up or that it was paid back.
func (d Difference) Buyer(l order.Lang) string {
	amt := d.amount()
	var m i18n.Message
	switch {
	case d.Payer == PayerBuyer && d.Transferred():
		m = i18n.TopUpReceived{Difference: amt}
	case d.Payer == PayerBuyer && d.Via == FreightCollect:
		m = i18n.FreightCollect{Estimate: amt}
	case d.Payer == PayerBuyer:
		m = i18n.TopUpOther{Difference: amt}
	case d.Payer == PayerShop && d.Transferred():
		m = i18n.DifferenceRefunded{Difference: amt}
	case d.Payer == PayerShop:
		m = i18n.ShopRefundsDifference{Difference: amt}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}
