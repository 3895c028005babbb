// Package pricing decides what an agent may give a buyer — a gift, a
// postage concession, a price cut, erased small change — alone, with a
// superior's approval, or not at all; it makes those approvals unforgeable
// and single use, and settles price differences. It builds on
// [github.com/kefu-go/kefu/order] and imports no other kefu package.
//
// # What it models
//
// A [Policy] is a shop's pricing rules as plain data: per role ([order.Role])
// and [Kind], the [Authority] to grant alone; the order in which the shop
// prefers concessions; the erase-change limits; and [Period]s with other
// limits. [Policy.Review] takes a [Request] (agent, order, kind, amount,
// time) and the [Usage] so far, and returns a [Decision]: a [Verdict]
// ([Allowed], [NeedsApproval] by [Decision.Approver], [Refused]), the
// [Reason] codes behind it as a [ReasonSet], and the kind the shop would
// rather give ([Decision.Suggest]).
//
// An [Approval] binds one order, one kind and amount, the requester, the
// approver and an expiry. [Policy.Approve] issues it, [Approval.Token]
// signs it with HMAC-SHA256 under the shop's key as a compact base64url
// token, [ParseToken] verifies it in constant time, and [Policy.Redeem]
// checks it covers the concession and spends it against [Used], the
// record of spent approvals the backend stores. [Store] is an optional
// in-memory record for a single process. [Approval.Covers] and [Used] do
// not depend on Review, so other packages (refund) reuse them.
//
// A [Difference] is a price difference owed either way — a buyer top-up
// ([TopUpOrder], or [FreightCollect] for a Hong Kong, Macao or Taiwan
// parcel) or a shop compensation ([Transfer]) — settled only once the
// buyer confirms it, and transferred only after that, once.
// [CompensateOversell] turns an [order.OversellPlan] allocation left short
// of a promotion item into a compensation request, [NewCompensation] does
// the same for an agent's fault, and a [Promotion] is a platform promotion
// window.
//
// # Rules
//
//   - A1: authority increases with the role; [Policy.Validate] refuses
//     limits that decrease from one role to the next.
//   - A3: a concession beyond a role's authority needs the approval of a
//     role above it, at least [Policy.Approver] (the team leader); nobody
//     approves their own request; an approval covers one order and one
//     concession and is used once.
//   - A4: a [Period], e.g. Double 11, has limits of its own.
//   - P1: the price of a [Promotion] outside its window is refused.
//   - P2: gift, postage, then price cut: [Decision.Suggest] names a
//     preferred kind of the same value within the agent's own authority.
//   - P3: erased change is exactly the change below the yuan ([Erasable]),
//     at most 1% of the order and 3 times a day per agent, counted on the
//     policy's calendar; pre-sales may not erase alone.
//   - P4: a second price change on an order, or one after payment, is
//     flagged and needs someone above.
//   - P5: compensation for an oversold promotion item (only one the
//     oversell plan left short) goes to the store manager, for an agent's
//     fault to the team leader.
//   - P6: a price difference is settled only on the buyer's confirmation,
//     and its money moves only after it.
//   - P7: money is exact: fen, never floating point.
//
// # Representation
//
// Money is [github.com/shopspring/decimal.Decimal] in yuan at the API and
// int64 fen inside; amounts with a digit below the fen are refused, never
// rounded. Shares of the order are of its amount due ([order.Order.Paid])
// and round toward zero, so a cap stays a cap. JSON carries money and
// percentages as text with two decimals ("10.00") and enums as snake_case
// text. A [Policy] decoded from JSON onto [DefaultPolicy] takes only what
// the file sets, replacing a list it sets whole (a new [Period] never
// inherits an old one's limits); a [Decision] decodes back to what it
// encoded, amounts included, and a zero verdict or kind is left out.
// Calendar days ([Usage.Day]) are read in the policy's zone, China
// Standard Time by default.
//
// Everything is a value: kefu reads no clock, keeps no state and does no
// I/O. What must be remembered between calls — an agent's erase count
// today, the price changes on an order, the approvals already spent — is
// passed in and returned ([Usage], [Used]) for the backend to store in its
// own transaction. Functions are pure and safe for concurrent use; a
// [Store] guards itself with a mutex. [Policy.Review] does not allocate.
//
// # Errors
//
// Business outcomes are decisions, not errors. Errors mean malformed
// input: an [*Error] that names the field, quotes the value and wraps one
// sentinel — [ErrInvalidAmount], [ErrUnknownKind], [ErrUnknownRole],
// [ErrExceedsOrder], [ErrInvalidUsage], [ErrInvalidPolicy] … — for
// [errors.Is]. Approvals that do not hold are refused with
// [ErrSelfApproval], [ErrApproverRank], [ErrApproverAuthority],
// [ErrWrongOrder], [ErrWrongKind], [ErrWrongRequester],
// [ErrAmountExceeded], [ErrExpired] or [ErrUsed]; tokens that do not
// verify with [ErrMalformedToken] or [ErrBadSignature]. A compensation
// where none is owed is [ErrNotCompensable]; a price difference
// transferred before the buyer's confirmation, or twice, is
// [ErrNotConfirmed] or [ErrTransferred]. On error, state passed in is
// returned unchanged, and a value decoded from JSON is left as it was. No
// function panics on caller input.
package pricing
