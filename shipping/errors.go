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
	ErrNegative = kerr.New(kerr.Invalid, "out of range")
	// ErrUnknownCarrier: a carrier code the policy does not list.
	ErrUnknownCarrier = kerr.New(kerr.Invalid, "unknown carrier")
	// ErrDuplicate: the same carrier, SKU, region, pattern or day listed
	// twice.
	ErrDuplicate = kerr.New(kerr.Invalid, "duplicate entry")
	// ErrInvertedPeriod: a period that ends before or when it starts.
	ErrInvertedPeriod = kerr.New(kerr.Invalid, "period ends before it starts")
	// ErrOverlappingPeriods: two periods of the same list that overlap.
	ErrOverlappingPeriods = kerr.New(kerr.Invalid, "periods overlap")
	// ErrInvalidCarrier: a carrier set-up that breaks rule S3 or S5, such
	// as a carrier other than SF Express serving Hong Kong, Macao or
	// Taiwan, or a default carrier that is not listed.
	ErrInvalidCarrier = kerr.New(kerr.Invalid, "invalid carrier set-up")
	// ErrInvalidText: text that is not valid UTF-8, not in canonical form
	// where the policy needs it, or not in the expected format (a clock
	// time "16:00", a date "2026-10-01", a duration "48h").
	// It is [order.ErrInvalidText].
	ErrInvalidText = order.ErrInvalidText
	// ErrInvalidZone: a time zone name that is neither an offset nor a
	// zone the machine knows.
	ErrInvalidZone = kerr.New(kerr.Invalid, "unknown time zone")
	// ErrTrackingOrder: a tracking history whose events are not in time
	// order, or that holds an event later than now.
	ErrTrackingOrder = kerr.New(kerr.Invalid, "tracking history out of time order")
	// ErrTimeOrder: a time that contradicts another one, such as a last
	// reminder later than now.
	ErrTimeOrder = kerr.New(kerr.Invalid, "times out of order")
	// ErrUnknownStage: a parcel stage kefu does not know.
	ErrUnknownStage = kerr.New(kerr.Invalid, "unknown stage")
	// ErrUnknownCode: a code kefu does not know for an enumerated value
	// other than a stage: a stop, situation, action, remedy or wording.
	// The [*Error]'s Field names which. It is [order.ErrUnknownCode].
	ErrUnknownCode = order.ErrUnknownCode
	// ErrInvalidPolicy: a [Policy] that [Policy.Validate] rejects. Every
	// error Validate returns matches it as well as the sentinel naming the
	// problem (say [ErrUnknownRegion]); the [*Error]'s Cause holds it.
	ErrInvalidPolicy = order.ErrInvalidPolicy
	// ErrUnknownReason: a reason code kefu does not know. It is
	// [order.ErrUnknownReason].
	ErrUnknownReason = order.ErrUnknownReason
	// ErrInvalidJSON: JSON that does not parse, a value of the wrong JSON
	// type, or data after the value. It is [order.ErrInvalidJSON].
	ErrInvalidJSON = order.ErrInvalidJSON
	// ErrUnknownField: a JSON object with a field the type does not have
	// (a misspelled "postgae"), or the same field twice; the [*Error]'s
	// Field names it with its path. It is [order.ErrUnknownField].
	ErrUnknownField = order.ErrUnknownField
)

// Error is [order.Error], the one error type of every kefu package: it
// names the package, the field and the bad value and wraps a sentinel, so
// one [errors.As] reads any kefu error. Its message reads
//
//	shipping: field "value": sentinel text: detail
type Error = order.Error

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
	return &Error{Pkg: "shipping", Field: "policy", Err: ErrInvalidPolicy, Cause: err}
}

func fieldErr(field, value string, err error, detail string) *Error {
	return &Error{Pkg: "shipping", Field: field, Value: value, Err: err, Detail: detail}
}
