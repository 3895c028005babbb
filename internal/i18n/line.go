package i18n

import "time"

// Term is a label used inside a sentence of a message ("the {payer}",
// "del {payer}"): the caller gives the label as its Text method writes it
// ("Seller", "Vendedor"), and in English and Spanish it loses its capital
// unless it is an abbreviation.
type Term string

// Line builds the staff text of a decision: a headline, then parts — the
// reasons, each as its label or as a message with its values —,
// punctuated as each language writes a summary on a console:
//
//	不包邮：商品实付还差 ¥ 0.01 包邮；该地区不包邮
//	Doesn't ship free: ¥ 0.01 short of free shipping; Region excluded from free shipping
//
// Parts are separated by "；" in Chinese and "; " in English and Spanish;
// a detail of a part is put in brackets, "（新疆）" or " (Xinjiang)". A
// Line is used once and is not safe for concurrent use; start one with
// [NewLine].
type Line struct {
	l     Lang
	loc   *time.Location
	b     []byte
	head  bool
	parts int
}

// NewLine starts a line in language l (an invalid l is
// [SimplifiedChinese]) whose messages tell their dates and times in loc
// (nil: China Standard Time).
func NewLine(l Lang, loc *time.Location) Line {
	return Line{l: l.Or(SimplifiedChinese), loc: loc, b: make([]byte, 0, 128)}
}

// Lang returns the line's language.
func (x *Line) Lang() Lang { return x.l }

func (x *Line) chinese() bool { return x.l == SimplifiedChinese || x.l == TraditionalChinese }

// Head sets the headline; it must come before any part.
func (x *Line) Head(s string) {
	if x.parts > 0 || x.head || s == "" {
		return
	}
	x.b = append(x.b, s...)
	x.head = true
}

// HeadMsg sets the headline to m rendered.
func (x *Line) HeadMsg(m Message) { x.Head(Render(x.l, x.loc, m)) }

// Part adds a part; an empty one is skipped.
func (x *Line) Part(s string) {
	if s == "" {
		return
	}
	switch {
	case x.parts > 0 && x.chinese():
		x.b = append(x.b, "；"...)
	case x.parts > 0:
		x.b = append(x.b, "; "...)
	case x.head && x.chinese():
		x.b = append(x.b, "："...)
	case x.head:
		x.b = append(x.b, ": "...)
	}
	x.b = append(x.b, s...)
	x.parts++
}

// PartMsg adds m rendered as a part.
func (x *Line) PartMsg(m Message) { x.Part(Render(x.l, x.loc, m)) }

// Label adds the label of code in domain d as a part.
func (x *Line) Label(d Domain, code string) { x.Part(Label(x.l, d, code)) }

// Detail adds s in brackets to the last part (or to the headline before
// any part): "（新疆）", " (Xinjiang)". An empty s adds nothing.
func (x *Line) Detail(s string) {
	if s == "" || (x.parts == 0 && !x.head) {
		return
	}
	if x.chinese() {
		x.b = append(x.b, "（"...)
		x.b = append(x.b, s...)
		x.b = append(x.b, "）"...)
		return
	}
	x.b = append(x.b, " ("...)
	x.b = append(x.b, s...)
	x.b = append(x.b, ')')
}

// Render renders m in the line's language and zone, for a part or a detail
// that is built from several messages.
func (x *Line) Render(m Message) string { return Render(x.l, x.loc, m) }

// String returns the line.
func (x *Line) String() string { return string(x.b) }

// Or joins texts as language l writes alternatives: "退运费差价或退款重拍",
// "Refund the difference or Refund and reorder".
func Or(l Lang, items []string) string { return joinList(l.Or(SimplifiedChinese), items) }

// OrTerms joins labels as alternatives inside a sentence: as [Or], but in
// English and Spanish every label as it reads inside a sentence, without
// its capital ("refund or switch to another item"); abbreviations keep
// theirs.
func OrTerms(l Lang, items []string) string {
	l = l.Or(SimplifiedChinese)
	low := make([]string, len(items))
	for i, s := range items {
		low[i] = inSentence(l, s)
	}
	return joinList(l, low)
}

// InSentence returns a label as it reads inside a sentence in language l:
// in English and Spanish without its leading capital, unless it is an
// abbreviation ("SF"); Chinese has no case.
func InSentence(l Lang, s string) string { return inSentence(l.Or(SimplifiedChinese), s) }

// ClockOf returns the time of day of t in its own location.
func ClockOf(t time.Time) Clock {
	h, m, s := t.Clock()
	return Clock(h*3600 + m*60 + s)
}

// Seq joins labels one after another as language l writes a list:
// "原单暂停发货、财务确认退款", "hold the original, finance acknowledges
// the refund" — in English and Spanish each label as it reads inside a
// sentence.
func Seq(l Lang, items []string) string { return joinSeq(l.Or(SimplifiedChinese), items) }
