package order

import (
	"golang.org/x/text/language"

	"github.com/kefu-go/kefu/internal/i18n"
)

// Lang is a language kefu speaks to staff and buyers: simplified Chinese,
// traditional Chinese, English or Spanish, the languages of the sources
// and of the shops' tools. The zero value is [SimplifiedChinese], the
// language of a Taobao shop's back office. Its text form is the BCP 47
// tag: "zh-Hans", "zh-Hant", "en", "es".
//
// Every code of every kefu package has a Text(Lang) method giving its
// staff text in that language, from kefu's message catalogs
// (golang.org/x/text/message/catalog). [MatchLang] picks the language for
// a request from its Accept-Language header.
type Lang uint8

// Languages. (They are numbered as kefu's catalogs number them.)
const (
	SimplifiedChinese  Lang = iota // zh-Hans: 简体中文
	TraditionalChinese             // zh-Hant: 繁體中文, as Hong Kong and Taiwan write it
	English                        // en
	Spanish                        // es
)

// Langs returns every language, in order.
func Langs() []Lang { return i18n.Values[Lang]() }

// ParseLang returns the language whose text form is exactly s ("zh-Hans",
// "zh-Hant", "en", "es"); other text is an error wrapping [ErrUnknownCode].
// To find the language of a request, whose tags are loose ("zh-TW",
// "en-GB;q=0.8"), use [MatchLang].
func ParseLang(s string) (Lang, error) {
	if l, ok := i18n.Parse(s); ok {
		return Lang(l), nil
	}
	return SimplifiedChinese, fieldErr("lang", s, ErrUnknownCode, "want zh-Hans, zh-Hant, en or es")
}

// String returns the BCP 47 tag ("zh-Hant"), or "Lang(N)" out of range.
func (l Lang) String() string { return i18n.Lang(l).String() }

// IsValid reports whether l is one of the four languages.
func (l Lang) IsValid() bool { return i18n.Lang(l).IsValid() }

// Tag returns the language's x/text tag (language.TraditionalChinese for
// [TraditionalChinese]); an invalid l gives simplified Chinese's.
func (l Lang) Tag() language.Tag { return i18n.Lang(l).Tag() }

// MarshalText returns the BCP 47 tag; an invalid language is an error
// wrapping [ErrUnknownCode].
func (l Lang) MarshalText() ([]byte, error) {
	if !l.IsValid() {
		return nil, fieldErr("lang", l.String(), ErrUnknownCode, "")
	}
	return []byte(l.String()), nil
}

// UnmarshalText accepts the text forms [ParseLang] accepts; on error l is
// unchanged.
func (l *Lang) UnmarshalText(b []byte) error {
	v, err := ParseLang(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// Text returns the name of language l in language in: English.Text(Spanish)
// is "Inglés".
func (l Lang) Text(in Lang) string { return langText(in, i18n.OrderLang, l.String()) }

// MatchLang returns the language to answer a request with, from its
// Accept-Language header (RFC 9110: "zh-TW,zh;q=0.9,en;q=0.8"), matched with
// x/text's language matcher among the four kefu speaks: zh-TW, zh-HK, zh-MO
// and zh-Hant give [TraditionalChinese]; zh, zh-CN and zh-SG
// [SimplifiedChinese]; es-* [Spanish]; en-* [English]. The most preferred
// entry (by weight) the matcher places with high confidence decides, so
// "zh-HK,zh;q=0.9" is traditional; languages it cannot place (fr, ja),
// malformed text, an empty header and one longer than 4 KB give fallback,
// the shop's default (an invalid fallback is [SimplifiedChinese]). A
// header that does not parse as a whole is read entry by entry, its
// malformed entries skipped.
func MatchLang(accept string, fallback Lang) Lang {
	return Lang(i18n.MatchAccept(accept, i18n.Lang(fallback)))
}

// MatchLangTags is [MatchLang] for tags already parsed, most preferred
// first, e.g. the shop's setting or a user's saved preference.
func MatchLangTags(tags []language.Tag, fallback Lang) Lang {
	return Lang(i18n.MatchTags(tags, i18n.Lang(fallback)))
}

// langText returns the staff text of code in domain d in language l; an
// invalid l is simplified Chinese, and a code the catalogs do not know
// (an invalid value's "Reason(99)") is returned as it is.
func langText(l Lang, d i18n.Domain, code string) string { return i18n.Label(i18n.Lang(l), d, code) }

// Text returns the staff text of the address part in language l: "收件人",
// "Recipient".
func (p AddressPart) Text(l Lang) string { return langText(l, i18n.OrderAddressPart, p.String()) }

// Text returns the staff text of the payment method in language l:
// "货到付款", "Cash on delivery".
func (p Payment) Text(l Lang) string { return langText(l, i18n.OrderPayment, p.String()) }

// Text returns the staff text of the problem category in language l:
// "中转仓地址", "Courier transit warehouse".
func (c Category) Text(l Lang) string { return langText(l, i18n.OrderCategory, c.String()) }

// Text returns the staff text of the cash-on-delivery action in language l.
func (a CODAction) Text(l Lang) string { return langText(l, i18n.OrderCODAction, a.String()) }

// Text returns the staff text of the oversell remedy in language l.
func (r Remedy) Text(l Lang) string { return langText(l, i18n.OrderRemedy, r.String()) }

// Text returns the staff text of the reason in language l: "超卖",
// "Oversold".
func (r Reason) Text(l Lang) string { return langText(l, i18n.OrderReason, r.String()) }

// Text returns the region's short name in language l, as shops write it
// in chat and consoles: "香港", "新疆", "Hong Kong", "Taiwán".
// [Region.Chinese] gives the full name an address writes.
func (r Region) Text(l Lang) string { return langText(l, i18n.OrderRegion, r.String()) }

// Text returns the role's name in language l: "组长", "組長", "Team
// leader", "Supervisor".
func (r Role) Text(l Lang) string { return langText(l, i18n.OrderRole, r.String()) }

// Text returns the department's name in language l: "财务", "Finance".
func (d Department) Text(l Lang) string { return langText(l, i18n.OrderDepartment, d.String()) }

// Text returns the trade state in language l as the platform's seller
// back office words it: "买家已付款，等待卖家发货", "Awaiting dispatch".
func (s Status) Text(l Lang) string { return langText(l, i18n.OrderStatus, s.String()) }

// Text returns the lifecycle event in language l: "确认收货", "Confirm
// receipt".
func (e Event) Text(l Lang) string { return langText(l, i18n.OrderEvent, e.String()) }

// Text returns the verdict in language l: "需审批", "Needs approval".
func (v Verdict) Text(l Lang) string { return langText(l, i18n.OrderVerdict, v.String()) }

// Text returns the refund state in language l as the platform's seller
// back office words it: "买家已申请退款，等待卖家同意", "Awaiting the
// seller's agreement" (refund.Status is this type).
func (r RefundStatus) Text(l Lang) string { return langText(l, i18n.RefundStatus, r.String()) }

// Text returns the cash-on-delivery logistics state in language l as the
// platform's seller back office words it: "买家已签收并付款", "Signed for
// and paid by the buyer" (rule S9). [CODStatusNone] is "".
func (c CODStatus) Text(l Lang) string {
	if c == CODStatusNone {
		return ""
	}
	return langText(l, i18n.OrderCODStatus, c.String())
}

// CODStatuses returns every cash-on-delivery logistics state, in order,
// without [CODStatusNone].
func CODStatuses() []CODStatus { return i18n.Values[CODStatus]() }

// Text returns the channel in language l: "电话", "Phone".
func (c Channel) Text(l Lang) string { return langText(l, i18n.OrderChannel, c.String()) }

// Text returns the slow-review contact round in language l: "上午",
// "Morning" (rule O5).
func (r Round) Text(l Lang) string { return langText(l, i18n.OrderRound, r.String()) }

// ChannelValues returns every channel, in order.
func ChannelValues() []Channel { return i18n.Values[Channel]() }

// Rounds returns both contact rounds, morning first.
func Rounds() []Round { return i18n.Values[Round]() }

// Text returns the staff text of the problem's reason in language l. The
// reason is a [Code] of this package's [Reason]s or of the package that
// contributed the check (shipping's "excluded_region", "no_sf_carrier" …);
// one the catalogs do not know is returned as its text ("pkg.name").
func (p Problem) Text(l Lang) string {
	return i18n.ProblemReason(i18n.Lang(l), p.Reason.Package(), p.Reason.Name())
}

// AddressPartValues returns every address part, in order.
func AddressPartValues() []AddressPart { return i18n.Values[AddressPart]() }

// Payments returns every payment method, in order.
func Payments() []Payment { return i18n.Values[Payment]() }

// CODActions returns every cash-on-delivery action, [CODNoAction] first.
func CODActions() []CODAction { return i18n.Values[CODAction]() }

// Remedies returns every oversell remedy, in the order they are offered.
func Remedies() []Remedy { return i18n.Values[Remedy]() }

// Departments returns every department, in order.
func Departments() []Department { return i18n.Values[Department]() }

// Events returns every lifecycle event, in order.
func Events() []Event { return i18n.Values[Event]() }

// Verdicts returns every verdict, in order.
func Verdicts() []Verdict { return i18n.Values[Verdict]() }
