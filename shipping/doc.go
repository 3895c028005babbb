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
//   - S1: [Policy.FreeShipping] decides eligibility with stable reason
//     codes and the shortfall to the threshold.
//   - S2: the same decision exposes the postage that should have been
//     charged and any overcharge.
//   - S3, S4: Hong Kong, Macao and Taiwan ship only with SF Express;
//     [Policy.Serves] and [Policy.TransitWarehouse] find addresses outside
//     the delivery area and courier transit warehouses.
//   - S6: [Policy.DispatchPromise] returns the latest dispatch time the
//     shop can honestly promise and the wording allowed.
//   - O2: [Policy.Checks] contributes the shipping checks to [order]'s
//     problem-order triage.
//
// # Representation
//
// Money is [github.com/shopspring/decimal.Decimal] in yuan at the API, and
// text with two decimals ("99.00") in JSON. Decisions keep amounts in fen
// and return decimals from methods, so making a decision never allocates.
// Reasons are [Reason] codes in a [ReasonSet] bitset with stable snake_case
// names. Calendar arithmetic runs in the policy's time zone, China
// Standard Time unless it says otherwise. The package reads no clock:
// every time-dependent rule takes the time as an argument.
//
// All functions and methods are pure and safe for concurrent use; none
// panics on caller input except the Must… helpers meant for literals.
//
// # Errors
//
// Bad input — an invalid policy, an unknown region or carrier, a tracking
// history out of time order — is an [*Error] that names the field, quotes
// the value and wraps one sentinel ([ErrInvalidAmount], [ErrUnknownRegion],
// [ErrUnknownCarrier], [ErrOverlappingPeriods], [ErrTrackingOrder] …), so
// callers branch with [errors.Is]. Business outcomes — not eligible for
// free shipping, a carrier refused, a late parcel — are decisions, not
// errors.
package shipping
