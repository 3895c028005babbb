package notes

import (
	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/order"
)

// langText returns the staff text of code in domain d in language l; an
// invalid l is simplified Chinese, and a code the catalogs do not know
// (an invalid value's "Flag(9)") is returned as it is.
func langText(l order.Lang, d i18n.Domain, code string) string {
	return i18n.Label(i18n.Lang(l), d, code)
}

// Text returns the staff text of the urgency in language l: "紧急",
// "Urgent" (rule N2).
func (u Urgency) Text(l order.Lang) string { return langText(l, i18n.NotesUrgency, u.String()) }

// Text returns the staff text of the channel in language l: "短信",
// "簡訊", "SMS".

// Text returns the memo flag's colour in language l: "红", "紅", "Red",
// "Roja" — the word the canonical note line writes in l.
func (f Flag) Text(l order.Lang) string { return langText(l, i18n.NotesFlag, f.String()) }

// Text returns the note kind in language l: "暂停发货", "暫停發貨",
// "Hold" — the header the canonical note line writes in l (rule N1).
func (k Kind) Text(l order.Lang) string { return langText(l, i18n.NotesKind, k.String()) }

// Text returns the kind of promise in language l: "补发", "Reship"
// (rule N3).
func (k PromiseKind) Text(l order.Lang) string {
	return langText(l, i18n.NotesPromiseKind, k.String())
}

// Text returns where a promise stands in language l: "已逾期", "Overdue"
// (rule N3).
func (s PromiseState) Text(l order.Lang) string {
	return langText(l, i18n.NotesPromiseState, s.String())
}

// Text returns the staff text of the reason in language l: "不能承诺送达日期",
// "No delivery date may be promised". A decision's verdict renders with
// [order.Verdict.Text].
func (r Reason) Text(l order.Lang) string { return langText(l, i18n.NotesReason, r.String()) }

// Text returns the quick-reply topic in language l: "物流", "Parcel"
// (rule N5).
func (t Topic) Text(l order.Lang) string { return langText(l, i18n.NotesTopic, t.String()) }

// Text returns the slow-review contact round in language l: "上午",
// "Morning" (rule O5).

// Text returns the silent-order task in language l: "提醒买家加赠品",
// "Remind the buyer to add the gift" (rule O4).
func (t Task) Text(l order.Lang) string { return langText(l, i18n.NotesTask, t.String()) }

// Text returns whom a hand-off goes to in language l: the department's or
// the role's name ("财务", "Store manager"; rules A1, A2).
func (t Target) Text(l order.Lang) string {
	if t.Department != order.DepartmentUnknown {
		return t.Department.Text(l)
	}
	return t.Role.Text(l)
}

// Urgencies returns every urgency, in order.
func Urgencies() []Urgency { return i18n.Values[Urgency]() }

// Flags returns every memo flag, [FlagNone] first, numbered as the
// platform numbers them.
func Flags() []Flag { return i18n.Values[Flag]() }

// PromiseKinds returns every kind of promise, in order.
func PromiseKinds() []PromiseKind { return i18n.Values[PromiseKind]() }

// PromiseStates returns every promise state, in order.
func PromiseStates() []PromiseState { return i18n.Values[PromiseState]() }

// Topics returns every quick-reply topic, in order.
func Topics() []Topic { return i18n.Values[Topic]() }

// TaskValues returns every silent-order task, in the order an agent does
// them.
func TaskValues() []Task { return i18n.Values[Task]() }

// Text returns the label of the note line's field in language l: "原因",
// "Reason", "Motivo" — the label [Note.Format] writes (rule N1).
func (f Field) Text(l order.Lang) string { return langText(l, i18n.NotesField, f.String()) }

// Fields returns every field of the note line, in the order
// [Note.Format] writes them.
func Fields() []Field { return i18n.Values[Field]() }

// taskReason returns the reason of the note [CheckSilent] prepares for
// task t, in language l; "" for a task that prepares no note.
func taskReason(t Task, l order.Lang) string {
	switch t {
	case NoteSendGift:
		return i18n.Render(i18n.Lang(l), nil, i18n.NoteSendGift{})
	case RefundPostage:
		return i18n.Render(i18n.Lang(l), nil, i18n.NoteRefundPostage{})
	}
	return ""
}

// The decisions render as text with one call per audience: Staff for a
// console, in the shop's language, with the verdict and the reasons;
// Buyer, for the checklist whose tasks speak to the buyer, for the reply
// the shop sends, in the buyer's language (see [order.MatchLang]), in the
// register shops use with buyers (亲，… in Chinese). The zero Decision
// renders as ""; the zero Checklist says there is nothing to do. A
// [Decision] is staff-only: it answers an agent about a promise,
// a hand-off, a memo or a quick reply, never a buyer.

// Staff returns the decision for staff in language l: the verdict and the
// reasons, "不允许：订单暂停发货；备注与订单的暂停状态不一致" (rules N1–N5).
func (d Decision) Staff(l order.Lang) string {
	if !d.Verdict.IsValid() {
		return ""
	}
	x := i18n.NewLine(i18n.Lang(l), nil)
	x.Head(d.Verdict.Text(l))
	for r := range d.Reasons.All() {
		x.Part(r.Text(l))
	}
	return x.String()
}

// Staff returns the silent-order checklist for staff in language l: the
// tasks in the order an agent does them and the postage overcharged (rule
// O4): "静默订单待办：提醒买家加赠品；改运费；告诉买家可以付款；多收运费 ¥ 10.00".
// A checklist with no task is "无需处理", "Nothing to do".
func (c Checklist) Staff(l order.Lang) string {
	x := i18n.NewLine(i18n.Lang(l), nil)
	if c.Tasks.IsEmpty() {
		x.HeadMsg(i18n.StaffNothingToDo{})
		return x.String()
	}
	x.HeadMsg(i18n.StaffTasks{})
	for t := range c.Tasks.All() {
		x.Part(t.Text(l))
	}
	if a, ok := i18n.AmountOf(c.Overcharge); ok && a > 0 {
		x.PartMsg(i18n.StaffOvercharge{Overcharge: a})
	}
	return x.String()
}

// Buyer returns what the agent tells the buyer in language l (rules O4,
// S2): the postage taken off so they can pay now, or the overcharge
// refunded; else a reminder to add the gift; else that the order can be
// paid. "" when no task speaks to the buyer (a gift noted for the
// warehouse while the buyer is offline).
func (c Checklist) Buyer(l order.Lang) string {
	over, _ := i18n.AmountOf(c.Overcharge)
	var m i18n.Message
	switch {
	case c.Tasks.Has(FixPostage):
		m = i18n.PostageFixed{Overcharge: over}
	case c.Tasks.Has(RefundPostage):
		m = i18n.PostageRefunded{Overcharge: over}
	case c.Tasks.Has(RemindGift):
		m = i18n.GiftReminder{}
	case c.Tasks.Has(TellCanPay):
		m = i18n.PayReminder{}
	default:
		return ""
	}
	return i18n.Render(i18n.Lang(l), nil, m)
}
