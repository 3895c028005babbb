package notes

import (
	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/order"
)

// Sentinel errors. Every error the package returns wraps exactly one of
// them, so callers can branch with [errors.Is]; most come wrapped in an
// [*Error] that names the field and quotes the bad value.
var (
	// ErrSyntax: note text that is not in the canonical form [Note.Format]
	// writes.
	ErrSyntax = kerr.New(kerr.Invalid, "malformed note text")
	// ErrInvalidText: text that is not valid UTF-8, or too long. It is
	// [order.ErrInvalidText], so one errors.Is test covers every package.
	ErrInvalidText = order.ErrInvalidText
	// ErrMissing: a required field is empty. It is [order.ErrMissing].
	ErrMissing = order.ErrMissing
	// ErrUnknownFlag: a memo flag other than 0 to 5 or a flag name kefu
	// does not know.
	ErrUnknownFlag = kerr.New(kerr.Invalid, "unknown flag")
	// ErrUnknownKind: a note kind kefu does not know.
	ErrUnknownKind = kerr.New(kerr.Invalid, "unknown note kind")
	// ErrInvalidDetail: a detail a note's kind requires is wrong (an
	// incomplete address, a bad SKU, a quantity below 1, a bad amount), or
	// a detail the kind does not carry is present (rule N1). When the
	// problem was found by package order, the [*Error] also wraps order's
	// sentinel.
	ErrInvalidDetail = kerr.New(kerr.Invalid, "invalid note detail")
	// ErrMemoTooLong: a memo that is, or would become, longer than the
	// platform's 1000 bytes of UTF-8. kefu never truncates a memo.
	ErrMemoTooLong = kerr.New(kerr.Invalid, "memo longer than 1000 bytes")
	// ErrInvalidTime: a missing time, or times in the wrong order (an
	// acknowledgement before the hand-off was sent).
	ErrInvalidTime = kerr.New(kerr.Invalid, "invalid time")
	// ErrDueInPast: a promise or hand-off due at or before the moment it is
	// made.
	ErrDueInPast = kerr.New(kerr.Invalid, "due time is not in the future")
	// ErrUnknownEnum: a hand-off target, urgency, channel, promise kind or
	// other enumerated value kefu does not know.
	ErrUnknownEnum = kerr.New(kerr.Invalid, "unknown value")
	// ErrUnknownReason: a reason code kefu does not know. It is
	// [order.ErrUnknownReason].
	ErrUnknownReason = order.ErrUnknownReason
	// ErrAlreadyAcknowledged: acknowledging a hand-off that was already
	// acknowledged.
	ErrAlreadyAcknowledged = kerr.New(kerr.Conflict, "already acknowledged")
	// ErrAlreadySettled: settling a promise that is already settled.
	ErrAlreadySettled = kerr.New(kerr.Conflict, "promise already settled")
	// ErrDuplicate: a promise ID already in a [Tracker], a quick-reply key
	// twice, an uncertain factor with the same choice twice.
	ErrDuplicate = kerr.New(kerr.Invalid, "duplicate")
	// ErrNotFound: a promise ID a [Tracker] does not hold.
	ErrNotFound = kerr.New(kerr.NotFound, "not found")
	// ErrNotAllowed: a call the state does not allow: approving one's own
	// quick reply, acknowledging one's own hand-off, approving without the authority, a slow-review question
	// about an order not under slow review.
	ErrNotAllowed = kerr.New(kerr.Forbidden, "not allowed")
	// ErrInvalidPolicy: a [Policy] field out of range; the [*Error] names
	// it.
	ErrInvalidPolicy = order.ErrInvalidPolicy
)

// Error is [order.Error], the one error type of every kefu package: it
// names the package, the field and the bad value and wraps a sentinel, so
// one [errors.As] reads any kefu error. Its message reads
//
//	notes: field "value": sentinel text: detail
type Error = order.Error

func fieldErr(field, value string, err error, detail string) *Error {
	return &Error{Pkg: "notes", Field: field, Value: value, Err: err, Detail: detail}
}

func causeErr(field, value string, err error, detail string, cause error) *Error {
	return &Error{Pkg: "notes", Field: field, Value: value, Err: err, Detail: detail, Cause: cause}
}
