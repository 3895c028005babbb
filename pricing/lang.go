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
