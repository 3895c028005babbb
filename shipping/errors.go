package shipping

import (
	"errors"

	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/order"
)

// Sentinel errors. Every error the package returns wraps one of them
// (a policy error also [ErrInvalidPolicy]), so callers branch with [errors.Is]; most come wrapped in an
// [*Error] that names the field and quotes the bad value.
var (
	// ErrInvalidAmount: money that is negative, has more than two decimals
	// (rule P7) or is out of range. It is [order.ErrInvalidAmount], so one
	// errors.Is test covers both packages.
	ErrInvalidAmount = order.ErrInvalidAmount
	// ErrUnknownRegion: a region kefu does not know, or an order whose
	// address names none where a rule needs one. It is
	// [order.ErrUnknownRegion].
	ErrUnknownRegion = order.ErrUnknownRegion
	// ErrInvalidSKU: an excluded SKU that is not a valid SKU. It is
	// [order.ErrInvalidSKU].
	ErrInvalidSKU = order.ErrInvalidSKU
	// ErrMissing: a required field or argument is empty or zero. It is
	// [order.ErrMissing].
	ErrMissing = order.ErrMissing
	// ErrNegative: a count, window or duration below its minimum.
	ErrNegative = errors.New("out of range")
	// ErrUnknownCarrier: a carrier code the policy does not list.
	ErrUnknownCarrier = errors.New("unknown carrier")
	// ErrDuplicate: the same carrier, SKU, region, pattern or day listed
	// twice.
	ErrDuplicate = errors.New("duplicate entry")
	// ErrInvertedPeriod: a period that ends before or when it starts.
	ErrInvertedPeriod = errors.New("period ends before it starts")
	// ErrOverlappingPeriods: two periods of the same list that overlap.
	ErrOverlappingPeriods = errors.New("periods overlap")
	// ErrInvalidCarrier: a carrier set-up that breaks rule S3 or S5, such
	// as a carrier other than SF Express serving Hong Kong, Macao or
	// Taiwan, or a default carrier that is not listed.
	ErrInvalidCarrier = errors.New("invalid carrier set-up")
	// ErrInvalidText: text that is not valid UTF-8, not in canonical form
	// where the policy needs it, or not in the expected format (a clock
	// time "16:00", a date "2026-10-01", a duration "48h").
	// It is [order.ErrInvalidText].
	ErrInvalidText = order.ErrInvalidText
	// ErrInvalidZone: a time zone name that is neither an offset nor a
	// zone the machine knows.
	ErrInvalidZone = errors.New("unknown time zone")
	// ErrTrackingOrder: a tracking history whose events are not in time
	// order, or that holds an event later than now.
	ErrTrackingOrder = errors.New("tracking history out of time order")
	// ErrTimeOrder: a time that contradicts another one, such as a last
	// reminder later than now.
	ErrTimeOrder = errors.New("times out of order")
	// ErrUnknownStage: a parcel stage kefu does not know.
	ErrUnknownStage = errors.New("unknown stage")
	// ErrUnknownCode: a code kefu does not know for an enumerated value
	// other than a stage: a stop, situation, action, remedy or wording.
	// The [*Error]'s Field names which. It is [order.ErrUnknownCode].
	ErrUnknownCode = order.ErrUnknownCode
	// ErrInvalidPolicy: a [Policy] that [Policy.Validate] rejects. Every
	// error Validate returns matches it as well as the sentinel naming the
	// problem (say [ErrUnknownRegion]); the [*Error]'s Cause holds it.
	ErrInvalidPolicy = errors.New("invalid policy")
	// ErrUnknownReason: a reason code kefu does not know. It is
	// [order.ErrUnknownReason].
	ErrUnknownReason = order.ErrUnknownReason
)

// Error describes bad input: which field, the value as given, and the
// sentinel it wraps. Its message reads
//
//	shipping: free_shipping.threshold "-1": invalid amount: must not be negative
//
// The message quotes at most the first 120 bytes of Value (cut at a
// character boundary, marked "…"), so a hostile value does not become a
// huge log line; Value itself is kept whole.
type Error struct {
	Field  string // path of the field, e.g. "carriers[1].regions[0]"
	Value  string // the bad value as given, whole (the message quotes at most 120 bytes)
	Err    error  // one of the package's sentinels
	Detail string // optional explanation
	Cause  error  // optional second error it also matches, e.g. ErrInvalidPolicy
}

// Error returns the message: the package, the field, the quoted value, the
// sentinel's text and the detail.
func (e *Error) Error() string {
	cause := e.Cause
	if cause == ErrInvalidPolicy {
		cause = nil // a policy error's message stays as it was; the field says it
	}
	return kerr.Message("shipping", e.Field, e.Value, e.Err, e.Detail, cause)
}

// Unwrap returns the sentinel and, when there is one, the cause, so
// [errors.Is] matches both.
func (e *Error) Unwrap() []error { return kerr.Unwrap(e.Err, e.Cause) }

// policyErr marks an error of [Policy.Validate] as an invalid policy: an
// [*Error] gets [ErrInvalidPolicy] as its cause (a copy; the original is
// not changed), anything else is wrapped in one.
func policyErr(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) && e.Cause == nil {
		c := *e
		c.Cause = ErrInvalidPolicy
		return &c
	}
	if errors.Is(err, ErrInvalidPolicy) {
		return err
	}
	return &Error{Field: "policy", Err: ErrInvalidPolicy, Cause: err}
}

func fieldErr(field, value string, err error, detail string) *Error {
	return &Error{Field: field, Value: value, Err: err, Detail: detail}
}
