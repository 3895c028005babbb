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
// [Flag], a [Kind] ([KindAddressChange], [KindGift], [KindRefund] …), the
// reason, the details the kind requires, the author — an [order.Agent],
// kefu's one staff identity, with its staff ID — and the time.
// [NormalizeNote] checks and canonicalises it. [Note.Format] renders one
// compact line a warehouse clerk can act on, in the shop's language (an
// [order.Lang]; see # Languages):
//
//	【改地址】旗:红 | 原因:买家搬家 | 新地址:张三,13812345678,浙江省,杭州市,西湖区,文三路12号 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00
//
// and [ParseNote] reads it back losslessly. A console sends a
// [NoteDraft] — what the note says, without author and time — and the
// backend stamps it with the agent of its session and its own clock
// ([NoteDraft.Stamp]); a draft that names an author is refused.
//
// A [Memo] holds several notes. [Memo.Append] never rewrites earlier text
// and never truncates: a note that would take the memo past the
// platform's 1000 bytes of UTF-8 ([MemoLimit]) is a refused [Decision]
// ([MemoFull]), not an error; [Memo.Room] says what is left.
//
// The order's status is the truth about a hold ([order.Held], the
// platform's PAID_FORBID_CONSIGN). [ApplyHold] applies the hold or
// release event and makes the memo note from it, so the two never
// disagree when kefu writes them; [Memo.SaysHeld] reads what a memo says
// (notes written earlier, or elsewhere), and [Memo.HoldAgrees] and
// [Policy.MakePromise] check it against the status.
//
// # Hand-offs, promises, routines
//
// A [HandOff] passes work to finance, the warehouse, the courier,
// operations, the team leader or the store manager ([Target]) with an
// [Urgency] and the [Channels] it went by; a console sends a
// [HandOffDraft], [Policy.SendHandOff] decides whether it may count as
// sent, [HandOff.Acknowledge] records that a person — never its sender —
// has it, and [OverdueHandOffs] lists those nobody took.
//
// A [Promise] is what an agent promised a buyer, due when (a console
// sends a [PromiseDraft]). [Policy.MakePromise] refuses one that cannot be
// kept, checking the shipping policy's own dispatch promise, real stock,
// the order's status and its memo. [Promise.Fulfil] keeps a promise that
// ships goods only on outbound evidence ([shipping.Outbound]). [Ledger]
// is the explicit state of many promises, sorted by due time; [Tracker] is
// an in-memory helper for one process, safe for concurrent use, with a
// due-time heap. Both answer overdue and due-soon questions without
// scanning; a due-soon window is the span [now, now+soon], so a negative
// one holds nothing. [Policy.Agenda] is after-sales' record of the day,
// the calendar day in the policy's zone (days whose clocks skip midnight
// included).
//
// [CheckSilent] gives the
// silent-order checklist as stable [Task] codes, with the notes it needs
// written in the shop's language; [QuickReplies] is a shop's set of reply
// templates with their team-leader approval.
//
// # Rules
//
//   - N1: a note carries the reason, what changed, who (staff ID, name,
//     role) and when, under the shop's flag; an address change carries
//     the complete new address, a gift or exchange the SKU and quantity,
//     money the amount ([NormalizeNote]); the memo is append-only and
//     never truncated ([Memo.Append]).
//   - N2: an urgent hand-off to a colleague who is away goes by phone
//     ([PhoneRequired]); a hand-off counts once acknowledged by someone
//     other than its sender ([HandOff.Acknowledge], [HandOff.Overdue]).
//   - N3 (with S6, O8): no promise that cannot be kept — no exact delivery
//     date, no dispatch earlier than the shipping policy allows, nothing
//     out of real stock, nothing on a held order or one whose memo
//     disagrees with its status ([Policy.MakePromise], [ApplyHold]);
//     promises are followed until kept, by outbound evidence for goods
//     ([Promise.Fulfil], [Ledger], [Tracker]).
//   - N4: after-sales' daily record of what it follows and whom to call
//     back ([Policy.Agenda], [CallBack] promises).
//   - N5 (with A3): quick replies are approved by the team leader before
//     the promotion, never by their author ([QuickReplies.Approve],
//     [QuickReplies.Ready], [QuickReplies.Use]).
//   - N6: a hand-off gives a choice for each uncertain factor ([Option]).
//   - O4: the silent-order checklist ([CheckSilent]).
//
// Slow review (rule O5: contact rounds morning and evening, ship by the
// third day) is package order's: [order.TriagePolicy.SlowReview].
//
// # Identities
//
// Every staff, buyer, order and promise ID enters under kefu's one
// identity rule ([order.CanonicalID], [order.Agent.Normalize]): white space
// trimmed, full-width forms folded, NFKC; an ID with an invisible, format
// or direction character or a space inside is refused, not cleaned. Note
// authors, hand-off senders and acknowledgers, promise makers and buyers,
// reply authors and approvers are stored canonical, and every comparison
// is of canonical IDs, so "ｘｉａｏｍｅｉ" or "xiaomei " is xiaomei — who
// cannot approve her own quick reply or acknowledge her own hand-off. A
// colleague outside customer service (finance, warehouse) acknowledges by
// staff ID, having no [order.Role].
//
// # Representation
//
// Every type is a plain value the backend stores itself, and every change
// returns a new value; only [Tracker] holds state, behind a mutex. Time
// is passed in as now; calendar rules run in the [Policy]'s zone (China
// Standard Time by default) with date arithmetic, never by adding 24
// hours to a midnight. Money is [github.com/shopspring/decimal.Decimal]
// in yuan with two decimals; JSON carries it as text ("12.00") and
// decodes text or a number, exactly, refusing more than two decimals.
// Enums encode as stable text: snake_case names ("address_change",
// "phone_required"), except the shop's language, an [order.Lang] whose
// text is a language tag ("zh-Hans", "zh-Hant", "en", "es"); a [Flag] also decodes the platform's numbers 0–5. Sets —
// [ReasonSet], [Tasks], [Channels] — are [order.Set]s, JSON arrays of
// names (["chat","phone"]). Business outcomes are [Decision] values
// carrying an [order.Verdict] and [Reason] codes, never errors; a zero
// Decision encodes without a verdict.
//
// Every decoder is strict: a field the type does not have is refused and
// named ([order.ErrUnknownField]), so is data after the value, and stored
// state (a promise, a hand-off, a reply, a ledger) is checked as its
// constructor checks it. A [Policy] decoded from JSON onto
// [DefaultPolicy] takes only what the file sets. On error nothing is
// half-applied: the value passed in is returned unchanged, and a value
// decoded from JSON is left as it was. No function panics on caller input.
//
// # Bounds
//
// Hostile input costs time linear in its length; text is length-checked
// before it is normalised, so a megabyte is refused after a length check:
//
//   - a note line for [ParseNote]: [MaxNoteText] bytes (4000); a memo:
//     [MemoLimit] bytes (1000);
//   - a reason, hand-off subject, option factor or choice: 300 bytes once
//     normalised, 1200 as given; an author's name 60 bytes (an agent's
//     name elsewhere 200, 800 as given); a quick reply 1000 bytes, its key
//     64; an address part 300 bytes, a SKU 64 (four times that as given);
//   - an ID: 64 bytes once canonical, 256 as given ([order.CanonicalID]);
//   - an amount: 24 characters of text, at most 10^13 yuan, two decimals;
//   - a hand-off: at most [MaxOptions] uncertain factors of at most
//     [MaxOptions] choices each;
//   - the JSON of one value: [MaxJSON] bytes (256 kB), refused unread
//     beyond it; lists (a ledger, quick replies) are bounded by what they
//     hold and cost about n log n to build;
//   - a policy zone name: 64 bytes.
//
// # Languages
//
// The canonical note line is written in the shop's language, any of the
// four kefu speaks — simplified and traditional Chinese, English and
// Spanish ([order.Lang]) — with the words of kefu's catalogs: the kind
// ([Kind.Text]), the flag, the author's role, the field labels
// ([Field.Text]) and, for a lifted hold, order's release event:
//
//	【改地址】旗:红 | 原因:… | 经办:李四(售前) | 工号:kf-li | 时间:…
//	【改地址】旗:紅 | 原因:… | 經辦:李四(售前) | 工號:kf-li | 時間:…
//	[Address change] Flag:Red | Reason:… | By:Li Si (Pre-sales) | Staff ID:kf-li | Time:…
//	[Cambio de dirección] Bandera:Roja | Motivo:… | Por:Li Si (Preventa) | ID de empleado:kf-li | Fecha y hora:…
//
// [ParseNote] reads each back losslessly, and the English line of earlier
// kefu versions too. The line stays lossless because each of its words
// names one code across all the languages, holds none of the line's
// punctuation and is stable under the normalisation a parsed line goes
// through (the tests check it); amounts and times are written one way in
// every language. Every code renders as staff text ([Reason.Text] …),
// a [Decision] as staff text ([Decision.Staff]) and the silent-order
// [Checklist] for staff and as the reply to the buyer
// ([Checklist.Buyer], 亲，… in Chinese).
//
// # Errors
//
// Errors for bad input are [*Error] values (the one error type of kefu,
// [order.Error]) that name the field by its path ("note.author.id",
// "promises[3].buyer_id", "policy.urgent_ack"), quote the value and wrap
// one sentinel, so callers branch with [errors.Is]; where package order
// found the problem, its sentinel matches too. Each sentinel is of one of
// kefu's classes, which a transport maps with [order.HTTPStatus]:
// malformed input 422 ([ErrSyntax], [ErrMissing], [ErrInvalidText],
// [ErrInvalidDetail], [ErrDuplicate], [ErrInvalidPolicy] …), not found 404
// ([ErrUnknownPromise], [ErrUnknownReply]), conflict 409
// ([ErrAlreadyAcknowledged], [ErrAlreadySettled], [ErrPromiseExists]),
// forbidden 403 ([ErrNotAllowed]). Example_appendNoteHandler shows a
// backend handler that needs nothing else.
package notes
