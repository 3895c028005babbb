// Package order models the orders a shop's customer service works on —
// [Order], [Line], [Buyer], [Address] — and the platform's trade lifecycle,
// and it is the base every other kefu package stands on. It imports no
// other kefu package.
//
// # What it models
//
// An [Order] is an immutable, checked value built with [New] from a plain
// [Spec]. Its goods amount is derived from its lines and its amount paid
// from goods + postage − discount; stated totals that disagree are refused,
// never silently fixed. An [Address] is normalised with [NormalizeAddress]
// (full-width digits and letters folded, Unicode NFKC, single spaces), so
// "文三路１２号" and "文三路12号" are the same address; [Address.Key] is its
// comparable form and [Address.Complete] says whether a delivery could
// use it. A [Region] is each mainland province, Hong Kong, Macao, Taiwan or
// abroad. A [Stock] is a snapshot of real stock. A [Trade] is the open
// platform's own trade record, as a backend receives it; [Trade.Order]
// checks it and builds the Order, with a [TradeDetail] of what the order
// does not hold (each line's share of the discount, refund statuses).
//
// # Rules
//
//   - A1, A2: the customer-service [Role]s ordered by authority, the
//     [Agent]s who hold them, and the [Department]s they hand work to. They
//     live here because pricing, notes and refund all use them.
//   - O1: the trade lifecycle is a fixed table over [Status] and [Event]
//     ([Transition], [AllowedEvents], [Order.Apply]); a move it does not allow is
//     a [*TransitionError].
//   - O2: problem orders are described by a [Category] and found by
//     implementations of [Check]: the order's own ([AddressCheck],
//     [StockCheck], [TriagePolicy.Checks]) and those other packages
//     contribute (shipping's out-of-area, postage, SF-only,
//     transit-warehouse and requested-carrier checks).
//     [TriagePolicy.Triage] runs them over a batch at now — several open
//     orders of one buyer with different addresses and repeat orders
//     (placed within the policy's RepeatWithin) are found by grouping, in
//     linear time, and real stock is allocated across the batch by payment
//     time as [Oversell] does — and gives the same [Report] whatever the
//     batch order; [TriagePolicy.Digest] is the form after-sales receives
//     every 1 to 4 hours (default 2).
//   - O3, P5: [Oversell] allocates real stock by payment time, offers the
//     rest a refund or another item, asks the store manager for
//     compensation on promotion items and says when to set the listed
//     stock to zero.
//   - O5: [TriagePolicy.SlowReview] gives a slow-review order's deadlines.
//   - O6: after payment, delivery information is confirmed with the buyer;
//     [Address.Missing] says what an address lacks.
//   - O7: an order's details go only to its own buyer
//     ([Order.MayDiscloseTo]); [MaskPhone] and [Address.Masked] render
//     personal data for hand-offs and logs, and [Order] and [Address]
//     implement [log/slog.LogValuer] with masked values.
//   - O8: the stock on the item page is not the real stock; rules ask a
//     [Stock] snapshot, and a SKU it does not know is an error, not zero.
//   - P7: money is exact: yuan with two decimals, never floating point.
//   - S9: a cash-on-delivery order is dispatched only after the buyer
//     confirms it ([Order.Apply] refuses the dispatch before;
//     [TriagePolicy.COD] says what to do meanwhile: confirm, or re-order
//     with online payment).
//
// # Representation
//
// Money is [github.com/shopspring/decimal.Decimal] in yuan. Built orders
// hold every amount with exactly two decimals, so amounts compare without
// allocating; print them with StringFixed(2) ("128.50", where String
// trims to "128.5"). JSON carries them as text with two decimals, like the
// platform. Enums ([Status], [Event], [Region], [Payment], [Category],
// [Reason] …) encode as stable text — the platform's names for statuses,
// snake_case otherwise — never as integers, and sets of them ([CategorySet],
// [ReasonSet], [RemedySet]) as JSON lists of that text.
//
// # JSON
//
// The results of the order operations encode in JSON for a backend to
// store or send, with snake_case keys, codes as that text, money as text
// with two decimals and times in RFC 3339 (unset ones left out):
// [Report] and [Finding], [OversellPlan] and [Allocation], [SlowReview],
// [CODDecision], [Shortage] and [Digest]. A result that points to an
// [Order] carries its ID ("order_id") and nothing else of it (rule O7);
// decoded, it has a nil Order and gives the ID with OrderID, so
// [Report.Find] works on a stored report while [TriagePolicy.Digest],
// which shows data of the orders, needs the live report. Decoding checks
// what it reads — unknown codes, counts that do not add up, amounts with
// more than two decimals are errors — and leaves the value unchanged on
// error. [OversellRequest] is the input of one call and has no JSON form.
//
// All functions and methods are pure and safe for concurrent use. No
// function panics on caller input; [MustNew] panics by design and is meant
// for literals in tests and examples.
//
// # Errors
//
// Errors for bad input are [*Error] values that name the field, quote the
// value and wrap a sentinel ([ErrInvalidQuantity], [ErrInvalidAmount],
// [ErrTotalsMismatch], [ErrUnknownRegion] …; a policy error also
// [ErrInvalidPolicy]), so callers branch with
// [errors.Is] and read details with [errors.As]. A refused lifecycle move
// is a [*TransitionError] wrapping [ErrInvalidTransition]. A batch that
// cannot be triaged — a nil or duplicate order ([ErrNilOrder],
// [ErrDuplicateOrder]), a check reporting an unknown category or a reason
// that is not a snake_case code — and an invalid [TriagePolicy]
// ([ErrInvalidPolicy]) are errors too. Business
// outcomes — an incomplete address, a problem order — are values, not
// errors.
package order
