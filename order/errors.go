package order

import (
	"errors"
	"strconv"

	"github.com/kefu-go/kefu/internal/kerr"
)

// Error classes. Every error kefu returns — from any of its packages —
// matches exactly one of these with [errors.Is], so a transport maps errors
// in one switch (or with [HTTPStatus]); the sentinels below, and those of
// the other packages, say which class they are in. Business refusals ("needs
// a team leader's approval", "not eligible for free shipping") are never
// errors: they are decisions.
var (
	// ErrInvalidInput: the input is malformed or inconsistent — a bad
	// amount, an unknown code, a misspelled JSON field, totals that do not
	// add up, an invalid policy. Suggested HTTP status 422 (or 400).
	ErrInvalidInput error = kerr.Invalid
	// ErrNotFound: well-formed input that names something the given state
	// does not hold. Suggested HTTP status 404.
	ErrNotFound error = kerr.NotFound
	// ErrConflict: the state has moved on — used already, acknowledged
	// already, a stale version, an event the order's state no longer
	// allows. Re-read the state and decide again. Suggested HTTP status 409.
	ErrConflict error = kerr.Conflict
	// ErrForbidden: the person may not do it — approving their own
	// request, an approver without the rank, a forged or expired approval.
	// Suggested HTTP status 403.
	ErrForbidden error = kerr.Forbidden
)

// HTTPStatus returns the HTTP status a JSON API would answer err with: 422
// for [ErrInvalidInput], 404 for [ErrNotFound], 409 for [ErrConflict], 403
// for [ErrForbidden], 200 for nil, and 500 for an error that is not kefu's.
func HTTPStatus(err error) int {
	if err == nil {
		return 200
	}
	if c := kerr.ClassOf(err); c != nil {
		return c.HTTPStatus()
	}
	return 500
}

// Sentinel errors. Every error the package returns wraps one of them, and
// each is of one class: all are [ErrInvalidInput] but
// [ErrInvalidTransition] ([ErrConflict]). Most come wrapped in an
// [*Error] that names the field and quotes the bad value; a bad
// [TriagePolicy] field with its own sentinel also wraps [ErrInvalidPolicy].
var (
	// ErrInvalidText: text that is not valid UTF-8, holds characters the
	// field does not allow (an ID with spaces, invisible or direction
	// characters), or is too long.
	ErrInvalidText = kerr.New(kerr.Invalid, "invalid text")
	// ErrMissing: a required field is empty.
	ErrMissing = kerr.New(kerr.Invalid, "required")
	// ErrInvalidSKU: a SKU that is empty or holds characters other than
	// letters, digits and "-_./#+".
	ErrInvalidSKU = kerr.New(kerr.Invalid, "invalid SKU")
	// ErrInvalidQuantity: a quantity below 1 (or, in a stock snapshot,
	// below 0), or above the largest kefu accepts.
	ErrInvalidQuantity = kerr.New(kerr.Invalid, "invalid quantity")
	// ErrInvalidAmount: money that is negative, has more than two decimals
	// (fen is the smallest unit, rule P7) or is out of range.
	ErrInvalidAmount = kerr.New(kerr.Invalid, "invalid amount")
	// ErrDuplicateLine: two lines of one order with the same SKU, or a SKU
	// twice in a stock snapshot.
	ErrDuplicateLine = kerr.New(kerr.Invalid, "duplicate line")
	// ErrTotalsMismatch: stated totals that do not add up. kefu never
	// "fixes" them silently.
	ErrTotalsMismatch = kerr.New(kerr.Invalid, "totals do not add up")
	// ErrUnknownRegion: a province or region name kefu does not know.
	ErrUnknownRegion = kerr.New(kerr.Invalid, "unknown region")
	// ErrInvalidAddress: a malformed address text, or parts that
	// contradict each other.
	ErrInvalidAddress = kerr.New(kerr.Invalid, "invalid address")
	// ErrIncompleteAddress: an address that lacks parts a delivery needs;
	// the [*Error]'s Detail lists them.
	ErrIncompleteAddress = kerr.New(kerr.Invalid, "incomplete address")
	// ErrInvalidPhone: a phone number with letters or too few or too many
	// digits.
	ErrInvalidPhone = kerr.New(kerr.Invalid, "invalid phone number")
	// ErrUnknownStatus: a trade status name that is not one of the
	// platform's.
	ErrUnknownStatus = kerr.New(kerr.Invalid, "unknown status")
	// ErrUnknownEvent: a lifecycle event name kefu does not know.
	ErrUnknownEvent = kerr.New(kerr.Invalid, "unknown event")
	// ErrUnknownPayment: a payment method name kefu does not know.
	ErrUnknownPayment = kerr.New(kerr.Invalid, "unknown payment method")
	// ErrUnknownRole: a role name kefu does not know.
	ErrUnknownRole = kerr.New(kerr.Invalid, "unknown role")
	// ErrUnknownDepartment: a department name kefu does not know.
	ErrUnknownDepartment = kerr.New(kerr.Invalid, "unknown department")
	// ErrUnknownCode: a code kefu does not know for an enumerated value
	// that is neither a reason, a status, an event nor a category, such as
	// a cash-on-delivery action or an oversell remedy. The [*Error]'s
	// Field names which.
	ErrUnknownCode = kerr.New(kerr.Invalid, "unknown code")
	// ErrUnknownCategory: a problem category kefu does not know.
	ErrUnknownCategory = kerr.New(kerr.Invalid, "unknown problem category")
	// ErrInvalidTransition: an event the trade lifecycle does not allow in
	// the order's state (rule O1); the [*Error]'s Cause is a
	// [*TransitionError]. Class [ErrConflict]: the order's state has moved
	// on from where the event was possible.
	ErrInvalidTransition = kerr.New(kerr.Conflict, "transition not allowed")
	// ErrInconsistent: an order whose status, payment method and times
	// contradict each other, e.g. dispatched before it was paid.
	ErrInconsistent = kerr.New(kerr.Invalid, "inconsistent order")
	// ErrUnknownSKU: a stock question about a SKU the snapshot does not
	// hold.
	ErrUnknownSKU = kerr.New(kerr.Invalid, "unknown SKU")
	// ErrInvalidJSON: JSON that does not parse, has a value of the wrong
	// type, or trails other data after the value.
	ErrInvalidJSON = kerr.New(kerr.Invalid, "invalid JSON")
	// ErrUnknownField: a JSON object with a field the type does not have
	// — a misspelled "discont" is refused, never dropped. The [*Error]'s
	// Field is its path.
	ErrUnknownField = kerr.New(kerr.Invalid, "unknown field")
	// ErrInvalidPolicy: a policy of any kefu package — [TriagePolicy] here
	// — that its Validate rejects. The [*Error] names the field by its JSON
	// path; it also matches the specific sentinel where there is one.
	ErrInvalidPolicy = kerr.New(kerr.Invalid, "invalid policy")
)

// Error describes an error of any kefu package: which package and field,
// the value as given, and the sentinel it wraps. shipping.Error,
// pricing.Error and notes.Error are this type, so one [errors.As] reads
// the field and the bad value whichever package returned the error. Its
// message reads
//
//	order: lines[1].quantity "0": invalid quantity: must be at least 1
//
// The message quotes at most the first 120 bytes of Value (cut at a
// character boundary, marked "…"), so a hostile value does not become a
// huge log line; Value itself is kept whole.
type Error struct {
	Pkg    string // the kefu package that returned it: "order", "shipping" …
	Field  string // path of the field, e.g. "lines[1].quantity", "address.province"
	Value  string // the bad value as given, whole (the message quotes at most 120 bytes)
	Err    error  // one of the packages' sentinels
	Detail string // optional explanation
	Cause  error  // optional second error it also matches, e.g. ErrInvalidPolicy
}

// Error returns the message: the package, the field, the quoted value, the
// sentinel's text, the detail and the cause. A cause of
// [ErrInvalidPolicy] or a [*TransitionError] is left out of the text (the
// field and detail say it) but still matches.
func (e *Error) Error() string {
	cause := e.Cause
	var te *TransitionError
	if cause == ErrInvalidPolicy || errors.As(cause, &te) {
		cause = nil
	}
	pkg := e.Pkg
	if pkg == "" {
		pkg = "kefu"
	}
	return kerr.Message(pkg, e.Field, e.Value, e.Err, e.Detail, cause)
}

// Unwrap returns the sentinel and, when there is one, the cause, so
// [errors.Is] matches both.
func (e *Error) Unwrap() []error { return kerr.Unwrap(e.Err, e.Cause) }

// TransitionError reports an event that the trade lifecycle does not allow
// in a state (rule O1). It wraps [ErrInvalidTransition], and comes as the
// Cause of an [*Error] whose Field is "event"; [errors.As] finds either.
type TransitionError struct {
	From  Status
	Event Event
}

func (e *TransitionError) Error() string {
	return "order: event " + strconv.Quote(e.Event.String()) + " not allowed in state " + strconv.Quote(e.From.String())
}

// Unwrap returns [ErrInvalidTransition].
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

func fieldErr(field, value string, err error, detail string) *Error {
	return &Error{Pkg: "order", Field: field, Value: value, Err: err, Detail: detail}
}

// policyFieldErr is fieldErr for a policy field whose problem has a more
// specific sentinel than [ErrInvalidPolicy]: the error matches both.
func policyFieldErr(field, value string, err error, detail string) *Error {
	return &Error{Pkg: "order", Field: field, Value: value, Err: err, Detail: detail, Cause: ErrInvalidPolicy}
}
