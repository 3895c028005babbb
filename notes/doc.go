// Package notes makes an order's notes impossible to misread and the
// promises made to buyers impossible to forget: the structured order note
// and its canonical one-line text, the order memo, hand-offs to other
// departments, the promise ledger, and the daily routines of slow review,
// silent orders and quick replies. It builds on package order, and on
// package shipping for dispatch promises.
//
// # Notes and the memo
//
// A [Note] is one entry of an order's seller memo (备注): the platform's
// [Flag], a [Kind], the reason, the details the kind requires, the
// [Author] and the time. [NormalizeNote] checks and canonicalises it.
// [Note.Format] renders one compact line a warehouse clerk can act on, in
// the shop's [Lang]:
//
//	【改地址】旗:红 | 原因:买家搬家 | 新地址:张三,13812345678,浙江省,杭州市,西湖区,文三路12号 | 经办:李四(售前) | 时间:2026-11-25 14:03:05 +08:00
//
// and [ParseNote] reads it back losslessly. A [Memo] holds several notes;
// [Memo.Append] never rewrites earlier text and refuses, rather than
// truncates, a note that would take the memo past the platform's 1000
// bytes of UTF-8 ([MemoLimit]). Because nothing is rewritten, a [Hold] is
// lifted by appending a release note (a Hold note with [Note.Release],
// rendered 【恢复发货】); [Memo.Held] reads the last word.
//
// # Hand-offs, promises, routines
//
// A [HandOff] passes work to finance, the warehouse, the courier,
// operations, the team leader or the store manager ([Target]) with an
// [Urgency] and the [Channels] it went by; [Policy.SendHandOff] decides
// whether it may count as sent, [HandOff.Acknowledge] records that a
// person has it, and [OverdueHandOffs] lists those nobody took.
//
// A [Promise] is what an agent promised a buyer, due when.
// [Policy.MakePromise] refuses one that cannot be kept, checking the
// shipping policy's own dispatch promise, real stock and the order's
// notes. [Promise.Fulfil] keeps a promise that ships goods only on outbound
// evidence ([shipping.Outbound]). [Ledger] is the explicit state of many
// promises, sorted by due time; [Tracker] is an in-memory helper for one
// process, safe for concurrent use, with a due-time heap. Both answer
// overdue and due-soon questions without scanning.
//
// [CheckSilent] gives the
// silent-order checklist as stable [Task] codes, with the notes it needs
// written in the shop's language; [QuickReplies] is a shop's set of reply
// templates with their team-leader approval.
//
// # Rules
//
//   - N1: a note carries the reason, what changed, who and when, under the
//     shop's flag; an address change carries the complete new address, a
//     gift or exchange the SKU and quantity, money the amount
//     ([NormalizeNote]); the memo is append-only and never truncated
//     ([Memo.Append]).
//   - N2: an urgent hand-off to a colleague who is away goes by phone
//     ([PhoneRequired]); a hand-off counts once acknowledged
//     ([HandOff.Acknowledge], [HandOff.Overdue]).
//   - N3 (with S6, O8): no promise that cannot be kept — no exact delivery
//     date, no dispatch earlier than the shipping policy allows, nothing
//     out of real stock, nothing on a held order ([Policy.MakePromise]);
//     promises are followed until kept, by outbound evidence for goods
//     ([Promise.Fulfil], [Ledger], [Tracker]).
//   - N4: after-sales' daily record of what it follows and whom to call
//     back ([Policy.Agenda], [CallBack] promises).
//   - N5: quick replies are approved by the team leader before the
//     promotion ([QuickReplies.Ready], [QuickReplies.Use]).
//   - N6: a hand-off gives a choice for each uncertain factor ([Option]).
//   - O4: the silent-order checklist ([CheckSilent]).
//
// Slow review (rule O5: contact rounds morning and evening, ship by the
// third day) is package order's: [order.TriagePolicy.SlowReview].
//
// # Representation
//
// Every type is a plain value the backend stores itself, and every change
// returns a new value; only [Tracker] holds state, behind a mutex. Time
// is passed in as now; calendar rules run in the [Policy]'s zone (China
// Standard Time by default). Money is [github.com/shopspring/decimal.Decimal]
// in yuan with two decimals; JSON carries it as text ("12.00"). Enums
// encode as stable text: snake_case names ("address_change",
// "phone_required"), except [Lang], which is a language tag ("zh-Hans",
// "en"); sets — reasons, tasks, [Channels] — are JSON arrays of names
// (["chat","phone"]). Business
// outcomes are [Decision] values with [Reason] codes, never errors; a
// zero Decision encodes without a verdict. A [Policy] decoded from JSON
// onto [DefaultPolicy] takes only what the file sets. No function panics
// on caller input.
//
// # Errors
//
// Errors for bad input are [*Error] values that name the field, quote the
// value and wrap one sentinel ([ErrSyntax], [ErrMissing],
// [ErrInvalidDetail], [ErrMemoTooLong], [ErrAlreadyAcknowledged],
// [ErrDueInPast] …), so callers branch with [errors.Is]; where package
// order found the problem, its sentinel matches too. On error nothing is
// half-applied: the value passed in is returned unchanged, and a value
// decoded from JSON is left as it was.
package notes
