package notes

import (
	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/order"
)

// Sentinel errors. Every error the package returns wraps exactly one of
// them, so callers can branch with [errors.Is]; most come wrapped in an
// [*Error] that names the field and quotes the bad value. Each is of one
// of kefu's error classes ([order.ErrInvalidInput], [order.ErrNotFound],
// [order.ErrConflict], [order.ErrForbidden]), so a transport maps them in
// one switch or with [order.HTTPStatus]:
//
//	class          status  sentinels
//	invalid input  422     ErrSyntax, ErrInvalidText, ErrMissing, ErrUnknownFlag, ErrUnknownKind,
//	                       ErrInvalidDetail, ErrMemoTooLong, ErrInvalidTime, ErrDueInPast,
//	                       ErrUnknownEnum, ErrUnknownReason, ErrDuplicate, ErrInvalidPolicy,
//	                       order.ErrInvalidJSON, order.ErrUnknownField
//	not found      404     ErrUnknownPromise, ErrUnknownReply
//	conflict       409     ErrAlreadyAcknowledged, ErrAlreadySettled, ErrPromiseExists
//	forbidden      403     ErrNotAllowed
//
// Business refusals — a memo that is full, an urgent hand-off sent only by
// chat, a promise that cannot be kept, a quick reply not yet approved —
// are never errors: they are [Decision] values with [Reason] codes.
var (
	// ErrSyntax: note text that is not in the canonical form [Note.Format]
	// writes.
	ErrSyntax = kerr.New(kerr.Invalid, "malformed note text")
	// ErrInvalidText: text that is not valid UTF-8, too long, or an ID
	// the identity rule refuses (invisible or direction characters, a
	// space inside). It is [order.ErrInvalidText], so one errors.Is test
	// covers every package.
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
	// a detail the kind does not carry is present (rule N1); also a
	// promise for another order than the one checked. When the problem was
	// found by package order, the [*Error] also wraps order's sentinel.
	ErrInvalidDetail = kerr.New(kerr.Invalid, "invalid note detail")
	// ErrMemoTooLong: memo text read from the platform ([NewMemo]) that is
	// longer than the platform's 1000 bytes of UTF-8. A note that would
	// take a memo past the limit is not an error but a refused [Decision]
	// ([MemoFull]); kefu never truncates a memo.
	ErrMemoTooLong = kerr.New(kerr.Invalid, "memo longer than 1000 bytes")
	// ErrInvalidTime: a missing time, or times in the wrong order (an
	// acknowledgement before the hand-off was sent), or a new promise
	// that says it is already settled.
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
	// ErrDuplicate: one list given twice the same thing — a promise ID
	// twice in [NewLedger] or [NewTracker], a quick-reply key twice in
	// [NewQuickReplies], an uncertain factor with the same choice twice.
	// The input is malformed (class invalid input); compare
	// [ErrPromiseExists].
	ErrDuplicate = kerr.New(kerr.Invalid, "duplicate")
	// ErrPromiseExists: adding a promise whose ID the [Ledger] or
	// [Tracker] already holds (class conflict: the state has it already).
	ErrPromiseExists = kerr.New(kerr.Conflict, "promise already exists")
	// ErrAlreadyAcknowledged: acknowledging a hand-off that was already
	// acknowledged (class conflict).
	ErrAlreadyAcknowledged = kerr.New(kerr.Conflict, "already acknowledged")
	// ErrAlreadySettled: settling a promise that is already settled
	// (class conflict).
	ErrAlreadySettled = kerr.New(kerr.Conflict, "promise already settled")
	// ErrUnknownPromise: a promise ID the [Ledger] or [Tracker] does not
	// hold (class not found).
	ErrUnknownPromise = kerr.New(kerr.NotFound, "unknown promise")
	// ErrUnknownReply: a quick-reply key the [QuickReplies] do not hold
	// (class not found).
	ErrUnknownReply = kerr.New(kerr.NotFound, "unknown quick reply")
	// ErrNotAllowed: the person may not do it (class forbidden): approving
	// one's own quick reply or approving without the team leader's
	// authority (rules N5, A3), acknowledging one's own hand-off (rule
	// N2), promising a buyer something on another buyer's order (rule O7).
	ErrNotAllowed = kerr.New(kerr.Forbidden, "not allowed")
	// ErrInvalidPolicy: a [Policy] field out of range, or a policy file
	// that does not decode; the [*Error] names the field. It is
	// [order.ErrInvalidPolicy].
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
