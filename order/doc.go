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
// never silently fixed. [Order.Spec] states no totals, so an order is
// edited by editing its Spec and calling New again; confirming cash on
// delivery and slow review are events of the lifecycle instead. An
// [Address] is normalised with [NormalizeAddress] (full-width digits and
// letters folded, Unicode NFKC, single spaces), so "文三路１２号" and
// "文三路12号" are the same address; [Address.Key] is its comparable form
// and [Address.Complete] says whether a delivery could use it. A [Region]
// is each mainland province, Hong Kong, Macao, Taiwan or abroad. A
// [Stock] is a snapshot of real stock. A [Trade] is the open platform's
// own trade record, as a backend receives it; [Trade.Order] checks it and
// builds the Order, with a [TradeDetail] of what the order does not hold
// (each line's share of the discount, refund statuses).
//
// # Rules
//
//   - A1, A2: the customer-service [Role]s ordered by authority, the
//     [Agent]s who hold them, and the [Department]s they hand work to. They
//     live here because pricing, notes and refund all use them.
//   - O1: the trade lifecycle is a fixed table over [Status] and [Event]
//     ([Transition], [AllowedEvents], [Order.Apply], [Order.Events]); a
//     move it does not allow is an [*Error] of class [ErrConflict] whose
//     Cause is a [*TransitionError]. The order's own events
//     ([ConfirmCOD], [StartSlowReview], [EndSlowReview]) keep the trade
//     state.
//   - O2: problem orders are described by a [Category] and found by
//     implementations of [Check]: the order's own ([AddressCheck],
//     [StockCheck], [TriagePolicy.Checks]) and those other packages
//     contribute (shipping's out-of-area, postage, SF-only,
//     transit-warehouse and requested-carrier checks), each reporting its
//     reasons as typed [Code]s of its own package.
//     [TriagePolicy.Triage] runs them over a batch at now — several open
//     orders of one buyer with different addresses and repeat orders
//     (placed within the policy's RepeatWithin) are found by grouping, in
//     linear time, and real stock is allocated across the batch by payment
//     time as [Oversell] does — and gives the same [Report] whatever the
//     batch order; [TriagePolicy.Digest] is the form after-sales receives
//     every 1 to 4 hours (default 2).
//   - O3, P5: [Oversell] allocates real stock by payment time, offers the
//     rest a refund or another item, asks the store manager for
//     compensation on promotion items — never for a cash-on-delivery
//     buyer who has not confirmed and paid nothing (S9) — and says when to
//     set the listed stock to zero.
//   - O5: [TriagePolicy.SlowReview] gives a slow-review order's day, its
//     deadlines (dealt with on the day it opens; shipped by the end of the
//     third day if the buyer cannot be reached, unless a single item is
//     out of stock) and its contact rounds, morning and evening by phone,
//     chat and SMS ([Contact], [ContactRound]), counting calendar days by
//     date in the policy's zone — also where the clocks skip midnight.
//   - O6: after payment, delivery information is confirmed with the buyer;
//     [Address.Missing] says what an address lacks.
//   - O7: an order's details go only to its own buyer
//     ([Order.MayDiscloseTo]); [MaskPhone] and [Address.Masked] render
//     personal data for hand-offs and logs, and [Order] and [Address]
//     implement [log/slog.LogValuer] with masked values.
//   - O8: the stock on the item page is not the real stock; rules ask a
//     [Stock] snapshot, and a SKU it does not know is an error, not zero.
//   - P7: money is exact: yuan with two decimals, never floating point.
//   - S6, R8: a buyer message asking for delivery on or by an exact date
//     (read by a phrase matcher: "明天必须到", "周五前一定要到", "几号能到"
//     …; "明天发货吗" asks about dispatch and is not one) or for cash back
//     makes an order a problem order ([TriagePolicy.DetectExactDates],
//     [TriagePolicy.UnsatisfiableMessages]).
//   - S9: a cash-on-delivery order is dispatched only after the buyer
//     confirms it ([ConfirmCOD]; [Order.Apply] refuses the dispatch
//     before; [TriagePolicy.COD] says what to do meanwhile: confirm, or
//     re-order with online payment).
//
// # Representation
//
// Money is [github.com/shopspring/decimal.Decimal] in yuan. Built orders
// hold every amount with exactly two decimals, so amounts compare without
// allocating; print them with StringFixed(2) ("128.50", where String
// trims to "128.5"). JSON carries them as text with two decimals, like the
// platform; [ParseAmount] reads such text into a decimal of that form,
// strictly (rule P7). Enums ([Status], [Event], [Region], [Payment], [Category],
// [Reason], [Channel] …) encode as stable text — the platform's names for
// statuses, snake_case otherwise — never as integers, and their sets are
// the one generic [Set] ([CategorySet], [ReasonSet], [RemedySet],
// [AddressParts], [ChannelSet] are aliases), JSON lists of that text.
// A reason a problem order carries is a [Code] — its package and name,
// "shipping.postage_overcharged" — so one typed list holds the reasons of
// every package. Durations are [Duration] ("2h0m0s"), times of day
// [Clock] ("09:00"). Decisions that say yes or no carry a [Verdict].
//
// # JSON
//
// The order's values ([Order], [Spec], [Line], [Buyer], [Address],
// [Agent], [TriagePolicy]) and the results of the order operations
// ([Report] and [Finding], [OversellPlan] and [Allocation], [SlowReview],
// [CODDecision], [Shortage] and [Digest]) encode in JSON for a backend to
// store or send, with snake_case keys, codes as text, money as text with
// two decimals and times in RFC 3339 (unset ones left out). Every decoder
// is strict: a key the type does not have is refused and named
// ([ErrUnknownField]: a misspelled "discont" never decodes to a zero
// discount), so are a key in another case and a key twice; an amount is
// exact text with at most two decimals ("128.505" is refused, never
// rounded), read without decimal's parser; staff and buyer IDs go through
// the identity rule ([CanonicalID]); errors name the field with its
// position ("findings[2].problems[0].reason"); and the target is left
// unchanged on error. A result that points to an [Order] carries its ID
// ("order_id") and nothing else of it (rule O7); decoded, it has a nil
// Order and gives the ID with OrderID, so [Report.Find] works on a stored
// report while [TriagePolicy.Digest], which shows data of the orders,
// needs the live report. Decoding checks what it reads — unknown codes,
// counts that do not add up — and [OversellRequest], the input of one
// call, has no JSON form.
//
// # Bounds
//
// Hostile input costs time linear in its size: every bound below is
// checked before the work it bounds, so a megabyte beyond one is refused
// after reading it once (tests measure 1 kB against 1 MB, and 1,000
// against 100,000 items).
//
//   - Text, in bytes of normalised UTF-8: buyer message 1,000; nickname and
//     agent name 200; line title 300; SKU 64; order, buyer and staff IDs
//     64; recipient, province, city and district 90 each; street detail
//     300; phone 5 to 20 digits; a policy pattern 200. As given, before
//     normalisation, text may be at most four times its bound (a
//     full-width character is three bytes for one): longer text is
//     refused before it is normalised, and so is an address text longer
//     than 2,788 bytes ([ParseAddress]).
//   - Money: every amount and every derived total (line totals, goods, net
//     goods, paid) at most 10^13 yuan ("10000000000000.00"); amount text at
//     most 24 bytes, two decimals. Quantities at most 1,000,000 a line.
//   - Counts: 1,000 lines an order; 1,000 patterns a policy; 67,108,864
//     ([MaxTriageBatch]) orders a triage and findings, allocations or rows
//     in a decoded result; 1,024 problems a decoded finding; 30 days of
//     slow review (120 rounds); a time's JSON text 64 bytes, a duration's
//     32.
//
// All functions and methods are pure and safe for concurrent use. No
// function panics on caller input; [MustNew], [MustCode] and
// [MustParseClock] panic by design and are meant for literals.
//
// # Languages
//
// kefu speaks simplified Chinese, traditional Chinese, English and
// Spanish ([Lang]), the languages of the sources and of the shops' tools.
// Every code of every package — each enum's value, and a problem's reason
// [Code] of whichever package reported it — has a Text(Lang) method with
// its staff text: [Role.Text] is "组长", "組長", "Team leader",
// "Supervisor"; [Problem.Text] is the reason's text, "买家要求指定送达日期".
// A code the catalogs do not know renders as itself, never as "".
//
// A decision renders with one call per audience and language, the same
// in every package. Staff(l) is the line for a console: the verdict or
// the decision's own headline, then its reasons and values,
//
//	不允许：联系买家确认货到付款；买家需在 11月3日 10:00 前确认；货到付款待买家确认
//
// Buyer(l), on the decisions a buyer hears of, is the reply the shop
// sends, in the register shops use with buyers (亲，… in simplified
// Chinese, 親，… in traditional, tú in Spanish), with its values filled
// in: amounts as the currency is
// written in the language ("¥ 10.00", "¥ 10,00"; "10.00 元" in a Chinese
// sentence), dates and times in the zone of the decision's own times —
// the policy's ("11月3日", "3 November", "3 de noviembre"). Here that is
// [CODDecision] (Staff, Buyer), [SlowReview], [OversellPlan] with
// [Allocation.Buyer] for each buyer left short, [Finding], and
// [Digest.Staff], the after-sales form as the team reads it, its words,
// dates and ages from the same catalogs ([Digest.String] stays the plain
// table of codes). A backend can hold any decision as a [StaffRenderer]
// or a [BuyerRenderer]. The zero value of a decision renders as "", and
// an invalid language is simplified Chinese.
//
// The language of a request comes from [MatchLang] (an Accept-Language
// header) or [MatchLangTags] (tags already parsed, such as the shop's
// setting), matched with x/text's language matcher: zh-TW, zh-HK, zh-MO
// and zh-Hant are traditional Chinese; zh, zh-CN and zh-SG simplified;
// en-* English; es-* Spanish; anything the matcher cannot place with
// confidence, malformed text or an empty header is the shop's default,
// the fallback the caller gives. Traditional Chinese is written as Hong
// Kong and Taiwan shops write it (運費, 發貨, 退款, 訂單), not converted
// character by character.
//
// The texts are entries of golang.org/x/text/message catalogs built with
// catalog.NewBuilder — never x/text's global default catalog — once per
// process and read-only after; plural forms come from x/text's plural
// rules and numbers from its number formatting. Tests walk every code of
// every package from the packages' own sources and lists, so a code
// without text in any language fails them.
//
// # Errors
//
// Every error matches exactly one class with [errors.Is] —
// [ErrInvalidInput], [ErrNotFound], [ErrConflict], [ErrForbidden];
// [HTTPStatus] maps it. Errors for bad input are [*Error] values that name
// the field, quote the value (clipped to 120 bytes in the message) and
// wrap a sentinel ([ErrInvalidQuantity], [ErrInvalidAmount],
// [ErrTotalsMismatch], [ErrUnknownRegion], [ErrUnknownField] …; a policy
// error also [ErrInvalidPolicy]), so callers branch with [errors.Is] and
// read details with one [errors.As]. A refused lifecycle event is an
// *Error wrapping [ErrInvalidTransition] (class [ErrConflict]) whose Cause
// is a [*TransitionError]. A batch that cannot be triaged — a nil or
// duplicate order ([ErrNilOrder], [ErrDuplicateOrder]), a check reporting
// an unknown category or no reason — and an invalid [TriagePolicy]
// ([ErrInvalidPolicy]) are errors too. Business outcomes — an incomplete
// address, a problem order, a refused dispatch — are values, not errors.
package order
