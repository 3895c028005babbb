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
// time), the agent's [AgentUsage] and the order's [OrderUsage], and
// returns a [Decision]: an [order.Verdict] ([order.Allowed],
// [order.NeedsApproval] by [Decision.Approver], [order.Refused]), the
// [Reason] codes behind it as a [ReasonSet] (an [order.Set]), and the kind
// the shop would rather give ([Decision.Suggest]).
//
// An [Approval] binds one order, one kind and amount, the requester, the
// approver and an expiry. [Policy.Approve] issues it as a [Verified]
// approval, [Verified.Token] signs it with HMAC-SHA256 under the shop's
// key as a compact base64url token, [ParseToken] verifies a token in
// constant time and gives the Verified approval back, and
// [Policy.Redeem] checks that it covers the concession and returns the
// [Spent] record of its use. Only Approve, [Grant] and ParseToken build
// a Verified, and only a Verified covers anything: an approval decoded
// from JSON or edited by hand cannot be redeemed, by type.
// [Verified.Covers] and [Spent] do not depend on Review, so other
// packages reuse them: a [Refund] is a kind of its own, not a concession,
// which package refund reviews under its policy and issues with Grant.
// [Store] is an optional in-memory record of single use for one process.
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
//     approves their own request, under any spelling of their ID; an
//     approval covers one order and one concession and is used once.
//   - A4: a [Period], e.g. Double 11, has limits of its own; a decision
//     they decided names it ([ReasonPeriodLimits], [Decision.Period]).
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
// text; an amount that is not exact fen does not encode.
//
// Every decoder is strict: a field the type does not have is an error
// naming it ([ErrUnknownField]), trailing data is refused, amounts are
// read as exact text by internal/yuan (never through decimal's parser or
// a float), and on error the target is left as it was. A [Policy]
// decoded from JSON onto [DefaultPolicy] takes only what the file sets,
// replacing a list it sets whole (a new [Period] never inherits an old
// one's limits); a [Decision] decodes back to what it encoded, amounts
// included. A [Request] has a JSON form for what a console sends —
// {"order_id":"T3001","kind":"price_cut","amount":"5.00"} — and the
// backend attaches the agent from its session, the order it loads by
// [Request.OrderID] and the time ([Request.Attach]); the JSON form
// refuses "agent" and "at", so a console cannot claim to be someone else.
//
// IDs — of agents, orders, approvals, usage rows — are read by kefu's one
// identity rule where they enter ([order.CanonicalID],
// [order.Agent.Normalize]): "ｘｉａｏｍｅｉ" is "xiaomei", and an ID
// holding an invisible, format or direction character ("xiaomei\u200b",
// "xiao\u00admei", "\u202exiaomei") is refused, so every later comparison
// is of canonical values. Stored times (an approval's expiry, a use, a
// confirmation) are in UTC, an expiry to the millisecond, so stored values
// sort and compare.
//
// Everything is a value: kefu reads no clock, keeps no state and does no
// I/O. Functions are pure and safe for concurrent use; a [Store] guards
// itself with a mutex. [Policy.Review] does not allocate for canonical
// ASCII IDs.
//
// # Stored state
//
// What must be remembered between calls is passed in and returned for the
// backend to store in its own transaction, one row per owner:
//
//   - [AgentUsage], keyed by the agent's ID: the erase count of the
//     agent's calendar day (rule P3);
//   - [OrderUsage], keyed by the order's ID: the order's price changes
//     (rule P4);
//   - [Spent], keyed by the approval's ID, unique: an approval's one use.
//
// Around Review and Record, a backend locks the requesting agent's
// AgentUsage row and the order's OrderUsage row (SELECT … FOR UPDATE), or
// writes each back with compare-and-set on its Version; [Policy.Record]
// returns only the rows a concession changed, with Version one higher.
// Malformed state is an error ([ErrInvalidState]), never read as "nothing
// used yet": an erase count without a day, another agent's row.
//
// Single use is safe by construction with a unique key, not by reading a
// record of spent approvals and writing it back (which double-spends at
// READ COMMITTED unless the row is locked). In the transaction that
// records the concession:
//
//	v, spent, err := policy.Redeem(token, key, req, agentRow, orderRow)
//	// err: map with order.HTTPStatus (403 forged or expired, 422 malformed …)
//	INSERT INTO spent_approvals (id, order_id, expires, at) VALUES (spent.ID, …)
//	// unique violation on id: roll back, answer spent.AlreadyUsed() (409)
//	agentRow, orderRow, err = policy.Record(req, agentRow, orderRow)
//	UPDATE … ; COMMIT
//
// Of two transactions inserting the same ID one fails, whatever the
// isolation level. Example_consoleHandlers shows the whole handler. Rows
// of approvals that expired by the clock the backend passes as
// [Request.At] may be deleted.
//
// # Bounds
//
// Hostile input costs time proportional to reading it, and what exceeds
// a bound is refused after a length check, before any parsing or
// normalisation:
//
//   - an amount: at most 24 bytes of text (a sign, 13 integer digits and
//     two decimals), at most 10^13 yuan; a megabyte of digits is refused
//     as it is read, never handed to decimal's parser;
//   - an ID: at most 64 bytes once canonical (256 as given); a name: at
//     most 200 bytes normalised (800 as given); a period's or promotion's
//     name: 200 bytes; a SKU: 64; a zone: 64;
//   - a token: at most 2,048 characters;
//   - usage counts: at most 1,000,000; erases a day in a policy: 1,000;
//   - periods: no bound on their number; [Policy.Validate] sorts them by
//     start and compares neighbours, O(n log n) (100,000 periods validate
//     in tens of milliseconds), and Review looks a time up among them one
//     by one;
//   - a [Store]: no bound on its size; a redemption costs one map lookup
//     and one heap insertion under the lock whatever the store holds, and
//     [Store.Prune] touches only what it forgets.
//
// The tests measure each public parser, decoder and constructor at 1 kB
// and 1 MB (or 1,000 and 100,000 items) and require the ratio of their
// times to stay under 1,500.
//
// # Languages
//
// Every code renders as staff text in simplified and traditional Chinese,
// English and Spanish ([Reason.Text], [Kind.Text] … with an
// [order.Lang]), and the decisions with one call per audience: Staff for
// a console and Buyer for the reply the shop sends, in the register shops
// use with buyers (亲，…). A [Decision] tells staff the kind and amount,
// the verdict with the approver's role, the reasons and what the
// requester may grant alone ("改价 ¥ 5.00：需组长批准；超出权限；…"); the
// buyer hears the verdict first: the concession granted, or that the
// promotion's price is over (rule P1), then the kind the shop prefers
// (rule P2) when the agent may give it alone, or that the agent asks the
// approver by role ("亲，这个我需要请示一下组长，请您稍等哦"). A
// [Difference] tells who owes how much, how it is paid and where it
// stands; the buyer, what to pay or what is paid back. The zero value
// renders as "".
//
// # Errors
//
// Business outcomes are decisions, not errors: a concession nobody may
// grant, one larger than the order ([ReasonExceedsOrder]), a postage
// concession on an order that ships free ([ReasonShipsFree]), a closed
// order. Errors are an [*Error] (the one kefu error type, [order.Error])
// that names the field, quotes the value and wraps one sentinel, and every
// sentinel is of one class for [order.HTTPStatus]:
//
//	class                  status  sentinels
//	order.ErrInvalidInput  422     ErrMissing ErrInvalidText ErrInvalidAmount ErrInvalidJSON
//	                               ErrUnknownField ErrUnknownRole ErrUnknownKind ErrUnknownCause
//	                               ErrUnknownReason ErrUnknownPayer ErrUnknownSettlement
//	                               ErrInvalidTime ErrInvalidState ErrInvalidPolicy
//	                               ErrInvalidPromotion ErrOrderMismatch ErrNotCompensable
//	                               ErrMalformedToken ErrWeakKey ErrInvalidExpiry
//	                               order.ErrUnknownCode (a verdict)
//	order.ErrConflict      409     ErrUsed ErrConfirmed ErrNotConfirmed ErrTransferred
//	order.ErrForbidden     403     ErrSelfApproval ErrApproverRank ErrApproverAuthority
//	                               ErrWrongOrder ErrWrongKind ErrWrongRequester
//	                               ErrAmountExceeded ErrExpired ErrBadSignature
//
// [ErrExpired] (403) is an approval used at or after its expiry;
// [ErrInvalidExpiry] (422) an expiry given to [Policy.Approve] that is not
// after the request. On error, state passed in is returned unchanged, and
// a value decoded from JSON is left as it was. No function panics on
// caller input.
package pricing
