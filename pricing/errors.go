package pricing

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/order"
)

// Sentinel errors. Every error the package returns wraps exactly one of
// them, mostly inside an [*Error] that names the field and quotes the bad
// value, so callers branch with [errors.Is]. Five are the order package's
// own sentinels, so that errors.Is(err, order.ErrInvalidAmount) holds too.
var (
	// ErrMissing: a required field is empty (an agent ID, the order, the
	// time of a request).
	ErrMissing = order.ErrMissing
	// ErrInvalidAmount: money that is zero or negative where a concession
	// needs a positive amount, has more than two decimals (rule P7) or is
	// out of range.
	ErrInvalidAmount = order.ErrInvalidAmount
	// ErrUnknownRole: a role that is not one of [order.Roles].
	ErrUnknownRole = order.ErrUnknownRole
	// ErrInvalidText: an ID or name that is too long, not valid UTF-8, or
	// (for an ID) holds spaces or control characters.
	ErrInvalidText = order.ErrInvalidText

	// ErrUnknownReason: a reason code kefu does not know (the order
	// package's sentinel).
	ErrUnknownReason = order.ErrUnknownReason
	// ErrUnknownVerdict: a verdict kefu does not know.
	ErrUnknownVerdict = kerr.New(kerr.Invalid, "unknown verdict")
	// ErrInvalidTime: a time outside the years 1 to 9999, which no shop
	// calendar or token holds.
	ErrInvalidTime = kerr.New(kerr.Invalid, "invalid time")

	// ErrUnknownKind: a concession kind kefu does not know.
	ErrUnknownKind = kerr.New(kerr.Invalid, "unknown concession kind")
	// ErrUnknownCause: a compensation cause kefu does not know.
	ErrUnknownCause = kerr.New(kerr.Invalid, "unknown compensation cause")
	// ErrNotCompensable: a compensation asked for where none is owed: an
	// oversell allocation served in full or not of a promotion item, or
	// an oversold compensation not built from the oversell plan (rule P5).
	ErrNotCompensable = kerr.New(kerr.Invalid, "no compensation owed")
	// ErrUnknownPayer: a payer of a price difference other than the buyer
	// or the shop.
	ErrUnknownPayer = kerr.New(kerr.Invalid, "unknown payer")
	// ErrExceedsOrder: a concession larger than the order it is for, or a
	// postage concession larger than the postage charged.
	ErrExceedsOrder = kerr.New(kerr.Invalid, "concession exceeds the order")
	// ErrInvalidUsage: usage state that cannot be right: a negative count
	// or a malformed day.
	ErrInvalidUsage = kerr.New(kerr.Invalid, "invalid usage state")
	// ErrInvalidPolicy: a policy field out of range; [Policy.Validate]
	// names it.
	ErrInvalidPolicy = order.ErrInvalidPolicy
	// ErrInvalidPromotion: a promotion window that ends before it starts
	// or names a SKU the order does not hold.
	ErrInvalidPromotion = kerr.New(kerr.Invalid, "invalid promotion")

	// ErrMalformedToken: an approval token that is not base64url, is
	// truncated, or whose content does not decode.
	ErrMalformedToken = kerr.New(kerr.Invalid, "malformed approval token")
	// ErrBadSignature: an approval token whose signature does not match
	// its content under the shop key — edited, or signed with another key.
	ErrBadSignature = kerr.New(kerr.Forbidden, "approval signature does not match")
	// ErrWeakKey: a signing key shorter than [MinKeyLen] bytes.
	ErrWeakKey = kerr.New(kerr.Invalid, "signing key too short")
	// ErrSelfApproval: an approval whose approver is its requester (rule
	// A3: nobody approves their own request).
	ErrSelfApproval = kerr.New(kerr.Forbidden, "self-approval")
	// ErrApproverRank: an approver whose role is not above the
	// requester's (rule A3).
	ErrApproverRank = kerr.New(kerr.Forbidden, "approver not above the requester")
	// ErrApproverAuthority: an approver whose role may not grant the
	// concession under the policy.
	ErrApproverAuthority = kerr.New(kerr.Forbidden, "approver lacks the authority")
	// ErrWrongOrder: an approval for another order.
	ErrWrongOrder = kerr.New(kerr.Forbidden, "approval is for another order")
	// ErrWrongKind: an approval for another kind of concession.
	ErrWrongKind = kerr.New(kerr.Forbidden, "approval is for another kind")
	// ErrWrongRequester: an approval given to another requester.
	ErrWrongRequester = kerr.New(kerr.Forbidden, "approval is for another requester")
	// ErrAmountExceeded: a concession larger than the amount approved.
	ErrAmountExceeded = kerr.New(kerr.Forbidden, "amount exceeds the approval")
	// ErrExpired: an approval used at or after its expiry.
	ErrExpired = kerr.New(kerr.Forbidden, "approval expired")
	// ErrUsed: an approval already used once (single use).
	ErrUsed = kerr.New(kerr.Conflict, "approval already used")

	// ErrUnknownSettlement: a way of paying a price difference kefu does
	// not know, or one that is not the payer's.
	ErrUnknownSettlement = kerr.New(kerr.Invalid, "unknown settlement")
	// ErrConfirmed: a price difference the buyer has already confirmed.
	ErrConfirmed = kerr.New(kerr.Conflict, "price difference already confirmed")
	// ErrNotConfirmed: a price difference transferred before the buyer
	// confirmed it (rule P6).
	ErrNotConfirmed = kerr.New(kerr.Conflict, "price difference not confirmed")
	// ErrTransferred: a price difference transferred already; the same
	// difference is never paid twice.
	ErrTransferred = kerr.New(kerr.Conflict, "price difference already transferred")
)

// Error is [order.Error], the one error type of every kefu package: it
// names the package, the field and the bad value and wraps a sentinel, so
// one [errors.As] reads any kefu error. Its message reads
//
//	pricing: field "value": sentinel text: detail
type Error = order.Error

// amountText renders a decimal from the caller for an error message. An
// amount like "1e999999999" would print a billion zeros; such amounts keep
// the exponent form.
func amountText(d decimal.Decimal) string {
	if e := d.Exponent(); e > 30 || e < -30 {
		return d.Coefficient().String() + "e" + strconv.Itoa(int(e))
	}
	return d.String()
}

func fieldErr(field, value string, err error, detail string) *Error {
	return &Error{Pkg: "pricing", Field: field, Value: value, Err: err, Detail: detail}
}
