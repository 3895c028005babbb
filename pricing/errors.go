package pricing

import (
	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/order"
)

// Sentinel errors. Every error the package returns wraps exactly one of
// them, mostly inside an [*Error] that names the field and quotes the bad
// value, and each sentinel is of exactly one of order's error classes —
// [order.ErrInvalidInput] (422), [order.ErrConflict] (409) or
// [order.ErrForbidden] (403) — so a transport maps any pricing error with
// [order.HTTPStatus]. Those shared with order are order's own values, so
// that errors.Is(err, order.ErrInvalidAmount) holds too.
//
// Business refusals are never errors: a concession nobody may grant, one
// larger than the order or than its postage, a closed order are a
// [Decision] with [order.Refused] and its reasons.
var (
	// ErrMissing (invalid input): a required field is empty (an agent ID,
	// the order, the time of a request).
	ErrMissing = order.ErrMissing
	// ErrInvalidAmount (invalid input): money that is zero or negative
	// where a concession needs a positive amount, has more than two
	// decimals (rule P7), is not exact decimal text, or is out of range.
	ErrInvalidAmount = order.ErrInvalidAmount
	// ErrUnknownRole (invalid input): a role that is not one of
	// [order.Roles].
	ErrUnknownRole = order.ErrUnknownRole
	// ErrInvalidText (invalid input): an ID or name that is too long, not
	// valid UTF-8, or (for an ID) holds spaces or invisible, format or
	// direction characters ([order.CanonicalID]).
	ErrInvalidText = order.ErrInvalidText
	// ErrInvalidJSON (invalid input): JSON that does not parse, holds a
	// value of the wrong type, or trails data after the value.
	ErrInvalidJSON = order.ErrInvalidJSON
	// ErrUnknownField (invalid input): a JSON object with a field the type
	// does not have; the [*Error]'s Field is its path.
	ErrUnknownField = order.ErrUnknownField

	// ErrUnknownReason (invalid input): a reason code kefu does not know
	// (the order package's sentinel).
	ErrUnknownReason = order.ErrUnknownReason
	// ErrInvalidTime (invalid input): a time outside the years 1 to 9999,
	// which no shop calendar or token holds, or times that contradict each
	// other (a transfer before the confirmation it follows).
	ErrInvalidTime = kerr.New(kerr.Invalid, "invalid time")

	// ErrUnknownKind (invalid input): a concession kind kefu does not
	// know.
	ErrUnknownKind = kerr.New(kerr.Invalid, "unknown concession kind")
	// ErrUnknownCause (invalid input): a compensation cause kefu does not
	// know.
	ErrUnknownCause = kerr.New(kerr.Invalid, "unknown compensation cause")
	// ErrNotCompensable (invalid input): a compensation built where none is
	// owed: an oversell allocation served in full or not of a promotion
	// item, or an oversold compensation not built from the oversell plan
	// (rule P5). A console offers the action only where the plan asks for
	// a compensation, so this is a call that should not have been made.
	ErrNotCompensable = kerr.New(kerr.Invalid, "no compensation owed")
	// ErrUnknownPayer (invalid input): a payer of a price difference other
	// than the buyer or the shop.
	ErrUnknownPayer = kerr.New(kerr.Invalid, "unknown payer")
	// ErrInvalidState (invalid input): stored state that cannot be right:
	// an [AgentUsage] that counts erases without a day, a negative count,
	// a malformed day, the state of another agent or order, a [Spent]
	// record or [Used] snapshot with a missing field or an ID twice, a
	// [Difference] transferred without a confirmation. Malformed state is
	// an error, never read as "nothing used yet".
	ErrInvalidState = kerr.New(kerr.Invalid, "invalid stored state")
	// ErrInvalidPolicy (invalid input): a policy field out of range;
	// [Policy.Validate] names it. One value for every kefu package.
	ErrInvalidPolicy = order.ErrInvalidPolicy
	// ErrInvalidPromotion (invalid input): a promotion window that ends
	// before it starts or names a SKU the order does not hold.
	ErrInvalidPromotion = kerr.New(kerr.Invalid, "invalid promotion")
	// ErrOrderMismatch (invalid input): a decoded [Request] attached to an
	// order other than the one its order_id names ([Request.Attach]).
	ErrOrderMismatch = kerr.New(kerr.Invalid, "order does not match the request")

	// ErrMalformedToken (invalid input): an approval token that is not
	// base64url, is truncated, or whose content does not decode.
	ErrMalformedToken = kerr.New(kerr.Invalid, "malformed approval token")
	// ErrBadSignature (forbidden): an approval token whose signature does
	// not match its content under the shop key — edited, or signed with
	// another key.
	ErrBadSignature = kerr.New(kerr.Forbidden, "approval signature does not match")
	// ErrWeakKey (invalid input): a signing key shorter than [MinKeyLen]
	// bytes.
	ErrWeakKey = kerr.New(kerr.Invalid, "signing key too short")
	// ErrSelfApproval (forbidden): an approval whose approver is its
	// requester, under any spelling of the ID (rule A3: nobody approves
	// their own request).
	ErrSelfApproval = kerr.New(kerr.Forbidden, "self-approval")
	// ErrApproverRank (forbidden): an approver whose role is not above the
	// requester's (rule A3).
	ErrApproverRank = kerr.New(kerr.Forbidden, "approver not above the requester")
	// ErrApproverAuthority (forbidden): an approver whose role may not
	// grant the concession under the policy.
	ErrApproverAuthority = kerr.New(kerr.Forbidden, "approver lacks the authority")
	// ErrWrongOrder (forbidden): an approval for another order.
	ErrWrongOrder = kerr.New(kerr.Forbidden, "approval is for another order")
	// ErrWrongKind (forbidden): an approval for another kind of concession.
	ErrWrongKind = kerr.New(kerr.Forbidden, "approval is for another kind")
	// ErrWrongRequester (forbidden): an approval given to another
	// requester.
	ErrWrongRequester = kerr.New(kerr.Forbidden, "approval is for another requester")
	// ErrAmountExceeded (forbidden): a concession larger than the amount
	// approved.
	ErrAmountExceeded = kerr.New(kerr.Forbidden, "amount exceeds the approval")
	// ErrExpired (forbidden): an approval used at or after its expiry, or
	// one a [Store] may have forgotten because it expired before the time
	// the store was pruned to.
	ErrExpired = kerr.New(kerr.Forbidden, "approval expired")
	// ErrInvalidExpiry (invalid input): an expiry given to
	// [Policy.Approve] that is not after the request's time.
	ErrInvalidExpiry = kerr.New(kerr.Invalid, "invalid expiry")
	// ErrUsed (conflict): an approval already used once (single use).
	ErrUsed = kerr.New(kerr.Conflict, "approval already used")

	// ErrUnknownSettlement (invalid input): a way of paying a price
	// difference kefu does not know, or one that is not the payer's.
	ErrUnknownSettlement = kerr.New(kerr.Invalid, "unknown settlement")
	// ErrConfirmed (conflict): a price difference the buyer has already
	// confirmed.
	ErrConfirmed = kerr.New(kerr.Conflict, "price difference already confirmed")
	// ErrNotConfirmed (conflict): a price difference transferred before
	// the buyer confirmed it (rule P6).
	ErrNotConfirmed = kerr.New(kerr.Conflict, "price difference not confirmed")
	// ErrTransferred (conflict): a price difference transferred already;
	// the same difference is never paid twice.
	ErrTransferred = kerr.New(kerr.Conflict, "price difference already transferred")
)

// Error is [order.Error], the one error type of every kefu package: it
// names the package, the field and the bad value and wraps a sentinel, so
// one [errors.As] reads any kefu error. Its message reads
//
//	pricing: field "value": sentinel text: detail
type Error = order.Error

func fieldErr(field, value string, err error, detail string) *Error {
	return &Error{Pkg: "pricing", Field: field, Value: value, Err: err, Detail: detail}
}
