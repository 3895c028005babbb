package order

import (
	"strings"
	"time"

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

// StatusText returns o's trade state in language l as the console shows
// it: [Status.Text], except that a cash-on-delivery order waiting for
// dispatch, or held from it, is not said to be paid — its buyer pays on
// delivery (rules O1, S9): "货到付款，等待卖家发货". A nil Order is "".
func (o *Order) StatusText(l Lang) string {
	if o == nil {
		return ""
	}
	s := o.Status()
	if o.Payment() == CashOnDelivery {
		switch s {
		case AwaitingDispatch:
			return i18n.Render(i18n.Lang(l), nil, i18n.StatusAwaitingDispatchCOD{})
		case Held:
			return i18n.Render(i18n.Lang(l), nil, i18n.StatusHeldCOD{})
		}
	}
	return s.Text(l)
}

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

// StaffRenderer is a decision that renders for staff: every decision of
// every kefu package is one (order's [CODDecision], shipping's
// FreeShippingDecision, refund's Plan …). Staff returns its line in
// language l, "" for the zero value.
type StaffRenderer interface {
	Staff(l Lang) string
}

// BuyerRenderer is a decision a buyer hears of: Buyer returns the reply
// the shop sends in language l (亲，… in Chinese), "" when there is
// nothing to tell.
type BuyerRenderer interface {
	StaffRenderer
	Buyer(l Lang) string
}

// The decisions render as text with one call per audience, as every kefu
// package's do: Staff for a console, in the shop's language, with the
// verdict, the reasons and their values; Buyer, for those a buyer hears
// of, for the reply the shop sends, in the buyer's language ([MatchLang]),
// in the register shops use with buyers (亲，… in Chinese). Dates are told
// in the zone of the decision's own times — the policy's. The zero value
// renders as "".

// Staff returns the cash-on-delivery decision for staff in language l
// (rule S9): the verdict, what to do, what to do if the buyer declines,
// when the confirmation is due, and why:
//
//	不允许：联系买家确认货到付款；买家不接受则关闭订单，改在线支付重新下单；买家需在 11月3日 10:00 前确认；货到付款待买家确认
func (d CODDecision) Staff(l Lang) string {
	if !d.Verdict.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), d.ConfirmBy.Location())
	x.Head(d.Verdict.Text(l))
	if d.Action != CODNoAction {
		x.Part(d.Action.Text(l))
	}
	if d.IfDeclined != CODNoAction {
		x.PartMsg(i18n.StaffIfDeclined{Action: d.IfDeclined.Text(l)})
	}
	if !d.ConfirmBy.IsZero() {
		x.PartMsg(i18n.StaffConfirmBy{By: d.ConfirmBy})
	}
	for r := range d.Reasons.All() {
		x.Part(r.Text(l))
	}
	return x.String()
}

// Buyer returns what the buyer is asked in language l (rule S9): to
// confirm cash on delivery, which costs a little more, or, the
// confirmation not having come, to order again paying online. A decision
// that asks nothing of the buyer is "".
func (d CODDecision) Buyer(l Lang) string {
	var m i18n.Message
	switch d.Action {
	case CODConfirmWithBuyer:
		m = i18n.ConfirmCOD{}
	case CODReorderOnline:
		m = i18n.ReorderOnline{}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}

// Staff returns the slow review for staff in language l (rule O5): the
// day of the review, when to deal with it, the day it ships by if the
// buyer cannot be reached, the channels still to try in the current
// round, the rounds missed, and the reasons, in the policy's zone:
//
//	慢审第 1 天：11月2日 23:59:59 前处理；最晚发货：11月4日 23:59:59；上午待联系：旺旺/聊天、短信；慢审今日新开，今日处理
//
// The zero SlowReview (not under review) is "".
func (s SlowReview) Staff(l Lang) string {
	if s.Since.IsZero() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), s.Since.Location())
	x.HeadMsg(i18n.StaffSlowReviewDay{Day: s.Day})
	if !s.DealWithBy.IsZero() && s.Day <= 1 {
		x.PartMsg(i18n.StaffDealWithBy{By: s.DealWithBy})
	}
	if s.MustShip() && !s.ShipBy.IsZero() {
		x.PartMsg(i18n.StaffLatestDispatch{Latest: s.ShipBy})
	}
	if !s.Due.IsEmpty() && len(s.Rounds) > 0 {
		var channels []string
		for c := range s.Due.All() {
			channels = append(channels, c.Text(l))
		}
		x.PartMsg(i18n.StaffContactDue{Round: i18n.Term(s.Rounds[len(s.Rounds)-1].Round.Text(l)), Channels: channels})
	}
	if s.Missed > 0 {
		x.PartMsg(i18n.StaffRoundsMissed{Count: s.Missed})
	}
	for r := range s.Reasons.All() {
		x.Part(r.Text(l))
	}
	return x.String()
}

// Staff returns the oversell plan for staff in language l (rules O3, P5):
// the item, its real stock and the demand, then each order left short —
// what it gets and what it is offered —, the compensation request and
// the reasons:
//
//	PROMO-1 超卖（实际库存 3 件，需求 6 件）：T1002 只发 1/2 件（退款或换其他商品）；T1003 只发 0/2 件（退款或换其他商品）；向店长申请补偿；超卖；库存已清零，需下架；活动商品
func (p OversellPlan) Staff(l Lang) string {
	if p.SKU == "" {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	if p.Oversold() {
		x.HeadMsg(i18n.StaffOversold{SKU: p.SKU, OnHand: p.OnHand, Demand: p.Demand})
	} else {
		x.HeadMsg(i18n.StaffStockCovers{SKU: p.SKU, OnHand: p.OnHand, Demand: p.Demand})
	}
	for _, a := range p.Allocations {
		if a.Full() {
			continue
		}
		x.PartMsg(i18n.StaffAllocated{Order: a.OrderID(), Allocated: a.Allocated, Ordered: a.Ordered})
		var offers []string
		for r := range a.Offers.All() {
			offers = append(offers, r.Text(l))
		}
		// Inside the brackets the remedies read as words of the
		// sentence: "(refund or switch to another item)" (rule O3).
		x.Detail(i18n.OrTerms(i18n.Lang(l), offers))
	}
	if p.CompensationTo != RoleUnknown {
		x.PartMsg(i18n.StaffCompensation{Role: i18n.RoleCode(p.CompensationTo.String())})
	}
	for r := range p.Reasons.All() {
		x.Part(r.Text(l))
	}
	return x.String()
}

// Buyer returns what the buyer of an order left short is told in
// language l (rule O3): paid online, that part can ship now and the rest
// be refunded or switched, or, nothing left, a refund or another item;
// for cash on delivery, another item or closing the order. An order
// served in full is "".
func (a Allocation) Buyer(l Lang) string {
	var m i18n.Message
	switch {
	case a.Full() || a.Ordered <= 0:
		return ""
	case a.Offers.Has(RemedyClose):
		m = i18n.OutOfStockOfferCOD{}
	case a.Allocated > 0:
		m = i18n.OutOfStockPartial{Allocated: a.Allocated, Short: a.Short()}
	default:
		m = i18n.OutOfStockOffer{}
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}

// Staff returns a triage finding for staff in language l (rule O2): the
// order, then each problem category with its reasons in brackets:
//
//	T1001：同一买家多个地址（买家其他订单地址不同）；重复下单待确认（重复拍下同款）
func (f Finding) Staff(l Lang) string {
	if f.Categories.IsEmpty() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	x.Head(f.OrderID())
	for c := range f.Categories.All() {
		x.Part(c.Text(l))
		x.Detail(problemTexts(l, f.Reasons(c)))
	}
	return x.String()
}

// problemTexts joins the staff texts of problem reasons as labels stand
// in a table or in brackets: "超卖、活动商品", "Oversold, Promotion item".
func problemTexts(l Lang, reasons []Code) string {
	var b strings.Builder
	for i, r := range reasons {
		switch {
		case i == 0:
		case l == SimplifiedChinese || l == TraditionalChinese || !l.IsValid():
			b.WriteString("、")
		default:
			b.WriteString(", ")
		}
		b.WriteString(Problem{Reason: r}.Text(l))
	}
	return b.String()
}

// Staff returns the digest as the after-sales team reads it in language
// l (rule O2): the table of [Digest.String] with its words from the
// catalogs — the heading with the form's time, the number of problem
// orders and the next form; each category's name and count; the columns'
// names; each order's placing time and age, its region's name and its
// reasons' texts — in the zone of the digest's time, columns aligned for
// a fixed-width font (Chinese characters count as two columns):
//
//	问题订单（11月2日 10:00）：共 1 单，下次 11月2日 12:00
//
//	货到付款未确认：1 单
//	  订单号  下单时间       时长      买家  地区  原因
//	  T1003   11月2日 08:00  2小时0分  zhao  浙江  货到付款待买家确认
//
// The zero Digest is "".
func (d Digest) Staff(l Lang) string {
	if d.At.IsZero() {
		return ""
	}
	il := i18n.Lang(l)
	loc := d.At.Location()
	var b strings.Builder
	b.WriteString(i18n.Render(il, loc, i18n.StaffDigestHead{At: d.At, Orders: d.Orders, Next: d.Next}))
	b.WriteByte('\n')
	header := strings.Split(i18n.Render(il, loc, i18n.StaffDigestColumns{}), "\t")
	cells := func(r DigestRow) []string {
		region := "-"
		if r.Region.IsValid() {
			region = r.Region.Text(l)
		}
		return []string{r.OrderID, i18n.FormatDateTime(il, r.PlacedAt, loc), ageText(il, time.Duration(r.Age)),
			r.BuyerID, region, problemTexts(l, r.Reasons)}
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = displayWidth(h)
	}
	rows := make([][][]string, len(d.Groups)) // each row's cells, rendered once
	for gi, g := range d.Groups {
		rows[gi] = make([][]string, len(g.Rows))
		for ri, r := range g.Rows {
			rows[gi][ri] = cells(r)
			for i, c := range rows[gi][ri] {
				if i < len(widths) {
					widths[i] = max(widths[i], displayWidth(c))
				}
			}
		}
	}
	row := func(cs []string) {
		b.WriteString("  ")
		for i, c := range cs[:min(len(cs), len(widths))] {
			b.WriteString(c)
			if i < len(widths)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	for gi, g := range d.Groups {
		b.WriteByte('\n')
		b.WriteString(i18n.Render(il, loc, i18n.StaffDigestGroup{Category: g.Category.Text(l), Count: g.Count()}))
		b.WriteByte('\n')
		row(header)
		for _, cs := range rows[gi] {
			row(cs)
		}
	}
	return b.String()
}

// ageText renders an order's age in language l to the minute: "2小时20分",
// "3 d 4 h" from a day up; a negative age is none.
func ageText(l i18n.Lang, a time.Duration) string {
	m := int(max(a, 0) / time.Minute)
	h, m := m/60, m%60
	if h >= 24 {
		return i18n.Render(l, nil, i18n.StaffAgeDays{Days: h / 24, Hours: h % 24})
	}
	if h == 0 {
		return i18n.Render(l, nil, i18n.StaffAgeMins{Minutes: m})
	}
	return i18n.Render(l, nil, i18n.StaffAgeMinutes{Hours: h, Minutes: m})
}
