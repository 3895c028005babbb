// Package refund encodes how a shop refunds, takes goods back and
// exchanges them without paying twice, paying too much or forgetting: the
// platform's refund lifecycle, a per-order refund ledger that caps every
// refund at what the buyer paid, seven-day no-reason returns, who bears
// the return postage, exchanges, the reconciliation of a suspected double
// shipment, complaints and the ban on cash back for reviews,
// refund-and-reorder, refunds as promises, approvals of refunds and the
// refund-related problem orders. It builds on
// [github.com/kefu-go/kefu/order], [github.com/kefu-go/kefu/shipping],
// [github.com/kefu-go/kefu/pricing] (approvals) and
// [github.com/kefu-go/kefu/notes] (holds, hand-offs, promises).
//
// # What it models
//
// A [Refund] is one refund application as the platform records it: its
// [Status] (WAIT_SELLER_AGREE … SUCCESS — order's [order.RefundStatus],
// the one type of the platform's refund states), the buyer's [GoodStatus], its
// [Phase] (during or after the sale) and its version (refund_version).
// [Open] opens one on an order; [Refund.Apply] moves it with an [Action]
// through a fixed [Transition] table, refusing a move the state does not
// allow and an action decided on a stale version.
//
// A [Ledger] is the money of one order's refunds: built once from the
// order with [NewLedger], it splits the order discount across the lines
// and stores the split, then caps every [Payout] by what remains of its
// line, of the units it covers and of the postage, and by the units the
// warehouse received back ([Arrival]). Payouts carry idempotency keys and
// every change a version, so a backend stores ledgers with
// compare-and-set; [Store] does it in memory. [Policy.SplitBatch] splits
// refunds into batch calls within the platform's caps.
//
// [Policy.SevenDay] decides a seven-day no-reason return,
// [Policy.ReturnPostage] who bears each postage leg, an [Exchange] tracks
// the goods back and the replacement out, [Policy.Reconcile] weighs the
// evidence of a double shipment, [Escalate] routes a complaint and
// [CheckReply] screens a reply for cash back. A [Policy] holds the shop's
// numbers: the window, the weight tolerance, the batch caps, how soon
// returns are refunded and exchanges come back, which refunds need
// approval.
//
// A [Plan] puts a postage overcharge right ([PlanOvercharge]): it prefers
// to refund the difference, and otherwise refunds and reorders through
// guarded steps — the original held, finance's and the warehouse's
// acknowledged hand-offs, the new order, then the original refunded
// through its ledger — refusing the shop's steps out of order, recording
// what happened anyway with the guards it skipped ([Bypass]), switching
// to reconciliation when the original leaves, and saying at every moment
// what blocks it and who must act ([Plan.Blockers]).
//
// A refund promised to a buyer is a [notes.Promise] ([RefundPromise])
// that the ledger marks kept when it pays it ([Ledger.Keep]).
// [Policy.ReviewRefund] says which refunds need a senior colleague's
// approval, and [Policy.ApproveRefund] and [Policy.RedeemRefund] issue
// and spend it as pricing's signed, single-use [pricing.Verified].
// [OverdueRefundCheck], [Policy.UnrefundedReturnCheck] and
// [Policy.ExchangeReturnCheck] are [order.Check] implementations for the
// triage.
//
// # Rules
//
//   - R1: a [Plan] refunds and reorders only when the difference cannot
//     be refunded alone and the parcel has not left, and pays the original
//     back only once it is held, finance has acknowledged and the
//     warehouse has seen the hold, and the buyer has ordered again (seed
//     000 case 1, replayed in the tests); a hand-off counts once
//     acknowledged, and an urgent one to a colleague away goes by phone
//     (N2).
//   - R2: [Policy.Reconcile] puts evidence before money: outbound records
//     and waybill weights against the expected weight of one parcel or two
//     give [OneShipped], [TwoShipped] or [Inconclusive]; finance then
//     refunds one at once, refunds after the return arrives, or waits for
//     more evidence from the warehouse; once settled, operations fixes the
//     free-shipping settings (rule S2).
//   - R3: [Policy.SevenDay] counts the window from 00:00 of the day after
//     sign-for, 168 hours by default, in the shop's zone; refuses goods the
//     law excludes (made to order, perishable, unsealed digital goods,
//     delivered periodicals), goods the buyer confirmed as not returnable
//     when buying, and goods washed, bleached, worn and damaged or no
//     longer resellable; and lists what to confirm with the buyer first:
//     which order, when it was bought.
//   - R4: an [Exchange] ships the replacement only after the returned goods
//     were received, and both legs are tracked by waybill number; a
//     [ReturnGoods] action needs the return waybill.
//   - R5, S3: [Policy.ReturnPostage] — the shop at fault pays both legs; a
//     seven-day return of a free-shipping item costs the buyer the return
//     leg, of any other item both legs; a bargained-free-shipping item the
//     buyer ordered wrongly gets exactly two choices; Hong Kong, Macao and
//     Taiwan returns have the postage deducted and are refunded only once
//     the goods arrive; a partial return that drops the rest below free
//     shipping may have the postage deducted (policy); an exchange the shop
//     caused costs the buyer no postage.
//   - R6: [Escalate] reports the six complaint types to the supervisor and
//     the store manager at once; a promised refund is a promise (N3) that
//     [Ledger.Keep] marks kept once paid, [OverdueRefunds] and
//     [OverdueRefundCheck] show it late, and [Ledger.Unrefunded] and
//     [Policy.UnrefundedReturnCheck] show returned goods not refunded, so
//     no refund is forgotten.
//   - A3: a refund above the shop's amount, or paid before the goods came
//     back, needs the approval of someone above the requester
//     ([Policy.ReviewRefund]).
//   - S2: every plan ends with operations fixing the free-shipping
//     settings; S7: an original that left after it was refunded is the
//     courier's to intercept.
//   - R7: a [Ledger] never refunds more than the buyer paid — per line, per
//     unit, for the postage and so for the order — and never pays the same
//     payout twice; refunding everything, in any order and any number of
//     steps, adds up exactly to what was paid.
//   - R8: [CheckReply] refuses a reply that offers cash back for a review.
//   - P7: money is exact: yuan with two decimals at the API, int64 fen
//     inside; an amount with a digit below the fen is refused, never
//     rounded.
//
// # Representation
//
// Enums encode as text: the platform's names for refund and goods
// statuses and phases ("WAIT_SELLER_AGREE", "BUYER_RETURNED_GOODS",
// "onsale"), snake_case otherwise; sets of them ([ReasonSet],
// [ConditionSet]) are [order.Set]s, JSON lists of that text. Money is
// [github.com/shopspring/decimal.Decimal] in yuan in and out of the API,
// text with two decimals in JSON ("96.67"), int64 fen inside.
//
// [Refund], [Exchange], [Ledger], [Plan] and [Policy] encode in JSON for a backend
// to store and decode strictly: an unknown field is an error naming it, an
// amount with more than two decimals is refused, and the target is left
// unchanged on error. A decoded [Ledger] or [Plan] is checked as a whole — its split
// adds up and every entry passes the caps it would have passed when it was
// made — so a tampered ledger is refused ([ErrInvalidLedger]). Decoding
// costs time linear in the input, and lengths are checked before text is
// normalised: IDs and keys at most 64 bytes (the identity rule of
// [order.CanonicalID]), waybill numbers 6 to 40 characters, amounts at
// most 24 bytes of text, a ledger at most 1,000 lines and [MaxEntries]
// entries, a plan at most 64 kB and its ID 48 bytes, a reply at most
// [MaxReplyBytes].
//
// Everything is a value and every function is pure and safe for
// concurrent use: kefu reads no clock (every time is an argument), keeps
// no state and does no I/O. What must be remembered — refunds, ledgers,
// exchanges — is passed in and returned for the backend to store in its
// own transaction; [Store] is an in-memory extra for a single process,
// guarded by a lock per order. [Ledger.Pay] allocates nothing on a stored
// ledger. No function panics on caller input.
//
// # Languages
//
// Every code renders as staff text in simplified and traditional Chinese,
// English and Spanish ([Status.Text], [Reason.Text], [Complaint.Text] …
// with an [order.Lang]; the refund and goods states in the platform's own
// wording), and the decisions with one call per audience: Staff for a
// console, Buyer for the reply the shop sends, in the register shops use
// with buyers (亲，…). A [SevenDayDecision] tells staff why a return is
// refused, the window in the shop's zone and what to confirm first, and
// the buyer that it may go ahead or why not ("亲，非常抱歉，七天无理由退换已经在
// 11月12日 00:00 到期了哦"); a [PostageDecision] who bears each leg, or the
// two choices to offer; a [ReplyDecision] why a reply is refused, and the
// reply to send instead; a [RefundDecision] whose approval a refund
// needs, and the buyer that the agent asks or that the refund is on its
// way. A [Plan] tells staff its route, the overcharge, the steps done and
// to do and each guard a bypass skipped, with its times in the shop's
// zone, and the buyer what to do or what happens next (to refund and
// order again, that the original is being refunded, that the shop checks
// what shipped); each of [Plan.Blockers] tells staff who must act, whether
// it can be done now and by when a hand-off is to be acknowledged. The
// plan's vocabulary renders too ([Route.Text], [Step.Text],
// [StepStatus.Text], [PlanStatus.Text], [PlanEventKind.Text],
// [Actor.Text]). A [Reconciliation], an [Escalation] and a [Blocker] are
// for staff only. The zero value renders as "".
//
// # Errors
//
// Errors are for malformed input and impossible calls; business outcomes
// — a return refused for a washed item, a reply refused — are decisions
// with an [order.Verdict] and typed [Reason]s. Every error is an [*Error]
// (order's one error type) that names the field, quotes the value and
// wraps one sentinel, of exactly one of order's four classes: malformed
// input ([ErrInvalidAmount] — negative, zero, more than two decimals —,
// [ErrKeyReused], [ErrOverRefund], [ErrOverQuantity], [ErrNotReturned],
// [ErrNotReceived], [ErrInvalidLedger], [ErrBatchLimit], [ErrUnknownField]
// …: 422), something the state does not hold ([ErrUnknownLine],
// [ErrNoLedger]: 404), or a state that has moved on ([ErrStaleVersion],
// [ErrInvalidTransition] with a [*TransitionError] as its Cause — a
// plan's step out of order names the first step missing as its From —,
// [ErrNotRefundable], [ErrLedgerExists]: 409). An approval refused is
// pricing's forbidden class ([pricing.ErrSelfApproval],
// [pricing.ErrApproverAuthority], [pricing.ErrAmountExceeded] …: 403). On
// error, the refund, exchange, ledger or plan passed in is unchanged.
package refund
