package order

import (
	"errors"
	"strconv"

	"github.com/kefu-go/kefu/internal/kerr"
)

// Sentinel errors. Every error the package returns wraps one of them (a
// bad [TriagePolicy] field with its own sentinel also wraps
// [ErrInvalidPolicy]), so callers can branch with [errors.Is]; most come
// wrapped in an [*Error] that names the field and quotes the bad value.
var (
	// ErrInvalidText: text that is not valid UTF-8 or holds characters the
	// field does not allow.
	ErrInvalidText = errors.New("invalid text")
	// ErrMissing: a required field is empty.
	ErrMissing = errors.New("required")
	// ErrInvalidSKU: a SKU that is empty or holds characters other than
	// letters, digits and "-_./#+".
	ErrInvalidSKU = errors.New("invalid SKU")
	// ErrInvalidQuantity: a quantity below 1 (or, in a stock snapshot,
	// below 0), or above the largest kefu accepts.
	ErrInvalidQuantity = errors.New("invalid quantity")
	// ErrInvalidAmount: money that is negative, has more than two decimals
	// (fen is the smallest unit, rule P7) or is out of range.
	ErrInvalidAmount = errors.New("invalid amount")
	// ErrDuplicateLine: two lines of one order with the same SKU, or a SKU
	// twice in a stock snapshot.
	ErrDuplicateLine = errors.New("duplicate line")
	// ErrTotalsMismatch: stated totals that do not add up. kefu never
	// "fixes" them silently.
	ErrTotalsMismatch = errors.New("totals do not add up")
	// ErrUnknownRegion: a province or region name kefu does not know.
	ErrUnknownRegion = errors.New("unknown region")
	// ErrInvalidAddress: a malformed address text, or parts that
	// contradict each other.
	ErrInvalidAddress = errors.New("invalid address")
	// ErrIncompleteAddress: an address that lacks parts a delivery needs;
	// the [*Error]'s Detail lists them.
	ErrIncompleteAddress = errors.New("incomplete address")
	// ErrInvalidPhone: a phone number with letters or too few or too many
	// digits.
	ErrInvalidPhone = errors.New("invalid phone number")
	// ErrUnknownStatus: a trade status name that is not one of the
	// platform's.
	ErrUnknownStatus = errors.New("unknown status")
	// ErrUnknownEvent: a lifecycle event name kefu does not know.
	ErrUnknownEvent = errors.New("unknown event")
	// ErrUnknownPayment: a payment method name kefu does not know.
	ErrUnknownPayment = errors.New("unknown payment method")
	// ErrUnknownRole: a role name kefu does not know.
	ErrUnknownRole = errors.New("unknown role")
	// ErrUnknownDepartment: a department name kefu does not know.
	ErrUnknownDepartment = errors.New("unknown department")
	// ErrUnknownCode: a code kefu does not know for an enumerated value
	// that is neither a reason, a status, an event nor a category, such as
	// a cash-on-delivery action or an oversell remedy. The [*Error]'s
	// Field names which.
	ErrUnknownCode = errors.New("unknown code")
	// ErrUnknownCategory: a problem category kefu does not know.
	ErrUnknownCategory = errors.New("unknown problem category")
	// ErrInvalidTransition: an event the trade lifecycle does not allow in
	// the order's state (rule O1); see [*TransitionError].
	ErrInvalidTransition = errors.New("transition not allowed")
	// ErrInconsistent: an order whose status, payment method and times
	// contradict each other, e.g. dispatched before it was paid.
	ErrInconsistent = errors.New("inconsistent order")
	// ErrUnknownSKU: a stock question about a SKU the snapshot does not
	// hold.
	ErrUnknownSKU = errors.New("unknown SKU")
)

// Error describes bad input: which field, the value as given, and the
// sentinel it wraps. Its message reads
//
//	order: lines[1].quantity "0": invalid quantity: must be at least 1
//
// The message quotes at most the first 120 bytes of Value (cut at a
// character boundary, marked "…"), so a hostile value does not become a
// huge log line; Value itself is kept whole.
type Error struct {
	Field  string // path of the field, e.g. "lines[1].quantity", "address.province"
	Value  string // the bad value as given, whole (the message quotes at most 120 bytes)
	Err    error  // one of the package's sentinels
	Detail string // optional explanation
	Cause  error  // optional second error it also matches, e.g. ErrInvalidPolicy
}

func (e *Error) Error() string {
	cause := e.Cause
	if cause == ErrInvalidPolicy {
		cause = nil // a policy error's message stays as it was; the field says it
	}
	return kerr.Message("order", e.Field, e.Value, e.Err, e.Detail, cause)
}

// Unwrap returns the sentinel and, when there is one, the cause, so
// [errors.Is] matches both.
func (e *Error) Unwrap() []error { return kerr.Unwrap(e.Err, e.Cause) }

// TransitionError reports an event that the trade lifecycle does not allow
// in a state (rule O1). It wraps [ErrInvalidTransition].
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
	return &Error{Field: field, Value: value, Err: err, Detail: detail}
}

// policyFieldErr is fieldErr for a policy field whose problem has a more
// specific sentinel than [ErrInvalidPolicy]: the error matches both.
func policyFieldErr(field, value string, err error, detail string) *Error {
	return &Error{Field: field, Value: value, Err: err, Detail: detail, Cause: ErrInvalidPolicy}
}
