package shipping

import (
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
