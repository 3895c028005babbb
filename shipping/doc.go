// Package shipping encodes a shop's shipping rules: free-shipping
// eligibility and postage, carriers, dispatch promises, payment reminders,
// parcel stages and tracking, and the shipping categories of problem-order
// triage. It builds on [order] and imports no other kefu package.
//
// # What it models
//
// A [Policy] is plain data with JSON tags: free-shipping rules and
// promotions, carriers and the regions they serve, the daily dispatch
// cutoff, dispatch windows, big-promotion periods, non-working days and
// tracking limits. [DefaultPolicy] returns the defaults of DOMAIN.md and
// [Policy.Validate] rejects an invalid policy naming the field.
//
// # Rules
//
//   - S1: [Policy.FreeShipping] decides eligibility — an amount threshold
//     on the goods actually paid (after discounts, before postage), an
//     optional quantity threshold, excluded regions and SKUs, and
//     promotions that replace the everyday rule while they run — with
//     stable reason codes and the shortfall to the threshold.
//   - S2: the same decision gives the postage that should have been
//     charged — the standard postage of the order's region, 10.00 by
//     default and 20.00 to Xinjiang and Tibet ([FreeShippingRule.RegionPostage])
//     — and any overcharge; [Policy.PostageOvercharge] adds the
//     remedy for the order's state (fix the postage before payment; refund
//     the difference or refund-and-reorder after) and the follow-up by
//     operations.
//   - S3, P6: Hong Kong, Macao and Taiwan ship only with SF Express,
//     freight collect, the buyer told the amount: [Policy.ChooseCarrier]
//     chooses SF for them automatically, whatever the default carrier;
//     [Policy.Validate] refuses another carrier serving them.
//   - S4: [Policy.Serves] finds regions outside the delivery area and
//     [Policy.TransitWarehouse] courier transit warehouses (中转仓), from
//     configurable patterns.
//   - S5: [Policy.CarriersFor] lists the carriers to offer a buyer;
//     [Policy.RequestedCarrier] finds the carrier a buyer names in the
//     order message; [Policy.ChooseCarrier] takes the buyer's preference
//     where it serves, the default otherwise, with the price difference to
//     settle.
//   - S6: [Policy.DispatchPromise] returns the latest dispatch time the
//     shop can honestly promise and the wording allowed ([ShipsToday],
//     [ShipsTomorrow], [WithinDays]); past the daily cutoff or on a
//     non-working day (a holiday, a weekly rest day that is not a make-up
//     working day) an order rolls to the next working day, and a big
//     promotion widens the window to 3 days. By is always 23:59:59 of a
//     calendar day of the policy's zone, computed by date arithmetic, so
//     also where the clocks skip midnight; a "24:00" cutoff covers the
//     whole day. [Policy.ReviewPromise]
//     refuses an exact date, a delivery guarantee, or a promise earlier
//     than the honest one.
//   - S7: a parcel's [Stage]s in the warehouse and with the courier;
//     [StopAt] says whether it can still be held or only intercepted.
//   - S8: [Policy.ClassifyParcel] classifies a tracking history into a
//     [Situation] with recommended [Action]s and whether the shop is at
//     fault.
//   - S10: [Policy.PaymentReminder] and [Policy.DueReminders] pick the
//     unpaid orders of online buyers to remind in the hours before the
//     cutoff ([Policy.ReminderLead], the afternoon by default): "pay now
//     and it ships today". [NoticeDue] says when the shipping notice goes
//     out: when the parcel leaves.
//   - O2: [Policy.Checks] contributes out-of-area, postage, SF-only,
//     transit-warehouse and requested-carrier checks to [order]'s
//     problem-order triage. With [DefaultPolicy] a triage of a normal day
//     flags only real problems: orders charged the default postage, and
//     Hong Kong, Macao and Taiwan orders going SF, are no problem orders.
//
// # Representation
//
// Money is [github.com/shopspring/decimal.Decimal] in yuan at the API, and
// text with two decimals ("99.00") in JSON. Decisions keep amounts in fen
// and return decimals from methods, so making a decision never allocates.
// Reasons are [Reason] codes in a [ReasonSet], an [order.Set] (kefu's one
// set type, a bitset), with stable snake_case names. Every decision that
// says yes or no — [FreeShippingDecision], [PromiseReview], [Reminder] —
// carries an [order.Verdict] ([order.Allowed] or [order.Refused]) and the
// reasons behind it.
//
// # JSON
//
// The [Policy] and every decision and input — [FreeShippingDecision],
// [Overcharge], [CarrierChoice], [DispatchPromise], [PromiseReview],
// [Reminder], [ParcelReport], [PromiseClaim], [TrackingEvent], and the
// policy's parts [FreeShippingRule], [FreeShippingPromotion], [Carrier],
// [Period], [TrackingLimits] — encode in JSON for a backend to store or
// send, with snake_case keys, codes as their snake_case names and money as
// text with two decimals ("12.50"), and decode back strictly:
//
//   - a key the type does not have, in another case, or given twice is an
//     error wrapping [ErrUnknownField] whose Field names it with its path
//     ("free_shipping.postgae", "carriers[2].surchage");
//   - an amount is a JSON string or number of at most two decimals
//     ("128.505" is refused, never rounded) and 24 bytes, read without
//     decimal's parser; anything else wraps [ErrInvalidAmount];
//   - a value of the wrong JSON type wraps [ErrInvalidJSON]; an unknown code,
//     a malformed date, time, clock or duration wraps the code's or the
//     text's sentinel; each names the field;
//   - a decision's derived amount (an overcharge) that does not match the
//     amounts it derives from is refused: a stored decision was tampered
//     with;
//   - on any error the target is unchanged.
//
// A policy decodes over its value — onto [DefaultPolicy], a shop's file
// overrides only what it sets — and is not validated by decoding: call
// [Policy.Validate]. Amounts never encode rounded: one that is not a whole
// number of fen does not encode at all.
//
// # Bounds
//
// Hostile input costs time in proportion to its size (issue 10): every
// text is measured in bytes before it is normalised, every list is
// counted before it is walked, and input past a bound is refused. A policy
// holds at most 64 carriers of at most 32 aliases (64 bytes each) and a
// 200-byte name, 1000 transit patterns of 200 bytes, 1000 excluded SKUs
// per rule of 64 bytes (written canonical), 64 regions per list, 1000
// periods per list (big promotions; free-shipping promotions) with
// 200-byte names, 1000 non-working and 1000 make-up working days, and a
// zone name of 64 bytes. Overlapping periods are found by sorting and
// sweeping, O(n log n); the count bound also keeps every promise, which
// scans the periods, cheap. In JSON an amount has at most 24 bytes, a time
// 64, a region name 64. [Policy.RequestedCarrier] reads a buyer message of
// at most 4096 bytes and [Policy.TransitWarehouse] address parts of at
// most 1200 (four times what package order keeps); longer text names no
// carrier and no warehouse. [ParseDate] reads exactly ten bytes.
//
// Calendar arithmetic runs in the policy's time zone, China Standard Time
// unless it says otherwise. The package reads no clock: every
// time-dependent rule takes the time as an argument.
//
// What must be remembered between calls — when an order was last reminded
// to pay — is passed in as a plain value ([Unpaid]); the package keeps no
// state.
//
// All functions and methods are pure and safe for concurrent use; none
// panics on caller input except the Must… helpers meant for literals.
// [Policy.FreeShipping], [Policy.DispatchPromise], [Policy.ClassifyParcel]
// and the checks' Inspect allocate nothing; on the project's 2-core
// machine they take about 50, 300, 500 and 300 ns (the five checks
// together) — see the package's benchmarks.
//
// # Languages
//
// Every code renders as staff text in simplified and traditional Chinese,
// English and Spanish ([Reason.Text], [Stage.Text] … with an
// [order.Lang]), and every decision with one call per audience: Staff for
// a console — the verdict, the reasons and their values — and Buyer for
// the reply the shop sends, in the register shops use with buyers (亲，…):
// [FreeShippingDecision], [Overcharge], [DispatchPromise],
// [PromiseReview], [Reminder], [ParcelReport], [CarrierChoice]; an
// overcharge also tells the buyer what the remedy the agent chose does
// ([Overcharge.BuyerFor]: refunded, or refund and reorder). Pick the
// buyer's language with [order.MatchLang]. Amounts print as the currency
// does in the language ("¥ 0.01", "¥ 0,01"; "0.01 元" in a Chinese
// reply), dates in the policy's zone, never an exact dispatch date to a
// buyer, only the latest (rule S6):
//
//	d := policy.FreeShipping(&o)
//	d.Staff(order.SimplifiedChinese) // 不包邮：商品实付还差 ¥ 0.01 包邮
//	d.Buyer(order.MatchLang("zh-TW", order.SimplifiedChinese))
//	// 親，您的訂單商品實付還差 0.01 元就可以包郵囉，可以再看看店裡其他寶貝喔～
//
// Couriers are named by their code in each language ([CarrierName]); a
// shop's own codes print as they are. The zero value of a decision
// renders as "". The texts come from kefu's message catalogs
// (golang.org/x/text), built once and only read.
//
// # Errors
//
// Bad input — an invalid policy, an unknown region or carrier, a tracking
// history out of time order — is an [*Error] that names the field, quotes
// the value and wraps a sentinel ([ErrInvalidAmount], [ErrUnknownRegion],
// [ErrUnknownCarrier], [ErrOverlappingPeriods], [ErrTrackingOrder] …), so
// callers branch with [errors.Is]; every error of [Policy.Validate] also
// matches [ErrInvalidPolicy]. Sentinels shared with package order
// ([ErrMissing], [ErrInvalidText], [ErrInvalidAmount] …) are order's own
// values, so one errors.Is test covers every kefu package. Every error is
// of the input class ([order.ErrInvalidInput], HTTP 422).
//
// Business outcomes are decisions, not errors (issue 11): not eligible for
// free shipping, a claim or a reminder refused, a buyer's carrier that
// does not serve the region, an address out of area, a late parcel, an
// overcharge to put right — a console shows each to an agent as an
// outcome.
package shipping
