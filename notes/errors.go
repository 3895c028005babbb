package notes

import (
	"errors"

	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/order"
)

// Sentinel errors. Every error the package returns wraps exactly one of
// them, so callers can branch with [errors.Is]; most come wrapped in an
// [*Error] that names the field and quotes the bad value.
var (
	// ErrSyntax: note text that is not in the canonical form [Note.Format]
	// writes.
	ErrSyntax = errors.New("malformed note text")
	// ErrInvalidText: text that is not valid UTF-8, or too long. It is
	// [order.ErrInvalidText], so one errors.Is test covers every package.
	ErrInvalidText = order.ErrInvalidText
	// ErrMissing: a required field is empty. It is [order.ErrMissing].
	ErrMissing = order.ErrMissing
	// ErrUnknownFlag: a memo flag other than 0 to 5 or a flag name kefu
	// does not know.
	ErrUnknownFlag = errors.New("unknown flag")
	// ErrUnknownKind: a note kind kefu does not know.
	ErrUnknownKind = errors.New("unknown note kind")
	// ErrInvalidDetail: a detail a note's kind requires is wrong (an
	// incomplete address, a bad SKU, a quantity below 1, a bad amount), or
	// a detail the kind does not carry is present (rule N1). When the
	// problem was found by package order, the [*Error] also wraps order's
	// sentinel.
	ErrInvalidDetail = errors.New("invalid note detail")
	// ErrMemoTooLong: a memo that is, or would become, longer than the
	// platform's 1000 bytes of UTF-8. kefu never truncates a memo.
	ErrMemoTooLong = errors.New("memo longer than 1000 bytes")
	// ErrInvalidTime: a missing time, or times in the wrong order (an
	// acknowledgement before the hand-off was sent).
	ErrInvalidTime = errors.New("invalid time")
	// ErrDueInPast: a promise or hand-off due at or before the moment it is
	// made.
	ErrDueInPast = errors.New("due time is not in the future")
	// ErrUnknownEnum: a hand-off target, urgency, channel, promise kind or
	// other enumerated value kefu does not know.
	ErrUnknownEnum = errors.New("unknown value")
	// ErrUnknownReason: a reason code kefu does not know. It is
	// [order.ErrUnknownReason].
	ErrUnknownReason = order.ErrUnknownReason
	// ErrAlreadyAcknowledged: acknowledging a hand-off that was already
	// acknowledged.
	ErrAlreadyAcknowledged = errors.New("already acknowledged")
	// ErrAlreadySettled: settling a promise that is already settled.
	ErrAlreadySettled = errors.New("promise already settled")
	// ErrDuplicate: a promise ID already in a [Tracker], a quick-reply key
	// twice, an uncertain factor with the same choice twice.
	ErrDuplicate = errors.New("duplicate")
	// ErrNotFound: a promise ID a [Tracker] does not hold.
	ErrNotFound = errors.New("not found")
	// ErrNotAllowed: a call the state does not allow: approving one's own
	// quick reply, acknowledging one's own hand-off, approving without the authority, a slow-review question
	// about an order not under slow review.
	ErrNotAllowed = errors.New("not allowed")
	// ErrInvalidPolicy: a [Policy] field out of range; the [*Error] names
	// it.
	ErrInvalidPolicy = errors.New("invalid policy")
)

// Error describes bad input: which field, the value as given, and the
// sentinel it wraps. Its message reads
//
//	notes: note.quantity "0": invalid note detail: a gift needs a quantity of at least 1
//
// The message quotes at most the first 120 bytes of Value (cut at a
// character boundary, marked "…"), so a hostile megabyte of note text
// does not become a megabyte of log; Value itself is kept whole.
//
// When package order found the problem, Cause holds order's error, and
// [errors.Is] matches both sentinels.
type Error struct {
	Field  string // path of the field, e.g. "note.sku", "handoff.channels"
	Value  string // the bad value as given, whole (the message quotes at most 120 bytes)
	Err    error  // one of the package's sentinels
	Detail string // optional explanation
	Cause  error  // optional underlying error, e.g. an *order.Error
}

// Error returns the message: "notes: ", the field, the quoted value, the
// sentinel's text, the detail and the cause, in that order.
func (e *Error) Error() string {
	return kerr.Message("notes", e.Field, e.Value, e.Err, e.Detail, e.Cause)
}

// Unwrap returns the sentinel and, when there is one, the cause.
func (e *Error) Unwrap() []error { return kerr.Unwrap(e.Err, e.Cause) }

func fieldErr(field, value string, err error, detail string) *Error {
	return &Error{Field: field, Value: value, Err: err, Detail: detail}
}

func causeErr(field, value string, err error, detail string, cause error) *Error {
	return &Error{Field: field, Value: value, Err: err, Detail: detail, Cause: cause}
}
