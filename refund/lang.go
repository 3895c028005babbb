package refund

import (
	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/order"
)

// langText returns the staff text of code in domain d in language l; an
// invalid l is simplified Chinese, and a code the catalogs do not know
// (an invalid value's "Reason(99)") is returned as it is.
func langText(l order.Lang, d i18n.Domain, code string) string {
	return i18n.Label(i18n.Lang(l), d, code)
}

// Text returns the refund state in language l as the platform's seller
// back office words it: "买家已申请退款，等待卖家同意", "Awaiting the
// seller's agreement".
func (s Status) Text(l order.Lang) string { return langText(l, i18n.RefundStatus, s.String()) }

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
// "Get the evidence first; no refund yet" (rule R2).
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
