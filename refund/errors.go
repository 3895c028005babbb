package refund

import (
	"errors"
	"strconv"

	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/order"
)

// Sentinel errors. Every error the package returns wraps one of them, most
// inside an [*Error] that names the field and quotes the bad value, so
// callers branch with [errors.Is]; each is of exactly one of order's four
// classes ([order.ErrInvalidInput], [order.ErrNotFound],
// [order.ErrConflict], [order.ErrForbidden]). Those shared with package
// order are order's own values, so one errors.Is test covers both.
var (
	// ErrMissing: a required field is empty (an idempotency key, a
	// waybill number, the time of an action). It is [order.ErrMissing].
	ErrMissing = order.ErrMissing
	// ErrInvalidText: an ID, key or waybill number that is not valid
	// UTF-8, holds spaces, invisible or direction characters, or is too
	// long. It is [order.ErrInvalidText].
	ErrInvalidText = order.ErrInvalidText
	// ErrInvalidAmount: money that is negative, zero where a refund needs
	// an amount (an amount of 0 is never "everything"), has more than two
	// decimals (rule P7) or is out of range. It is [order.ErrInvalidAmount].
	ErrInvalidAmount = order.ErrInvalidAmount
	// ErrInvalidSKU: a SKU that is empty or holds characters a SKU does
	// not. It is [order.ErrInvalidSKU].
	ErrInvalidSKU = order.ErrInvalidSKU
	// ErrTotalsMismatch: stated amounts that do not add up, such as a
	// discount split whose shares do not make the order's discount. It is
	// [order.ErrTotalsMismatch].
	ErrTotalsMismatch = order.ErrTotalsMismatch
	// ErrInvalidQuantity: a count of units below its minimum or above the
	// largest kefu accepts. It is [order.ErrInvalidQuantity].
	ErrInvalidQuantity = order.ErrInvalidQuantity
	// ErrUnknownStatus: a refund status or goods status that is not one
	// of the platform's names. It is [order.ErrUnknownStatus].
	ErrUnknownStatus = order.ErrUnknownStatus
	// ErrUnknownEvent: a refund or exchange event kefu does not know. It
	// is [order.ErrUnknownEvent].
	ErrUnknownEvent = order.ErrUnknownEvent
	// ErrUnknownCode: a code kefu does not know for any other enumerated
	// value (a phase, a cause, a payer, a complaint …); the [*Error]'s
	// Field names which. It is [order.ErrUnknownCode].
	ErrUnknownCode = order.ErrUnknownCode
	// ErrUnknownReason: a reason code kefu does not know. It is
	// [order.ErrUnknownReason].
	ErrUnknownReason = order.ErrUnknownReason
	// ErrInvalidJSON: JSON that does not parse, has a value of the wrong
	// type, or trails other data. It is [order.ErrInvalidJSON].
	ErrInvalidJSON = order.ErrInvalidJSON
	// ErrUnknownField: a JSON object with a field the type does not have.
	// It is [order.ErrUnknownField].
	ErrUnknownField = order.ErrUnknownField
	// ErrInvalidPolicy: a [Policy] that [Policy.Validate] rejects; the
	// [*Error] names the field. It is [order.ErrInvalidPolicy].
	ErrInvalidPolicy = order.ErrInvalidPolicy
	// ErrInconsistent: values that contradict each other — an action
	// timed before the refund's last change, a refund in a status its
	// goods status or phase rules out. It is [order.ErrInconsistent].
	ErrInconsistent = order.ErrInconsistent
	// ErrInvalidTransition: an event the refund or exchange lifecycle
	// does not allow in its state; the [*Error]'s Cause is a
	// [*TransitionError]. Class [order.ErrConflict]. It is
	// [order.ErrInvalidTransition], so one errors.Is test covers trade and
	// refund lifecycles.
	ErrInvalidTransition = order.ErrInvalidTransition

	// ErrStaleVersion: an action or a payout decided on a version of a
	// refund, exchange or ledger that is no longer the current one (the
	// platform's refund_version). Re-read and decide again. Class
	// [order.ErrConflict].
	ErrStaleVersion = kerr.New(kerr.Conflict, "stale version")
	// ErrKeyReused: an idempotency key (or a return waybill and SKU)
	// already used for a payout (or arrival) with other parameters. A
	// replay with the same parameters is not an error: it returns the
	// first result. Class [order.ErrInvalidInput], as payment processors
	// answer it.
	ErrKeyReused = kerr.New(kerr.Invalid, "idempotency key reused with other parameters")
	// ErrOverRefund: a payout above what remains refundable on its line,
	// on the units it covers, or of the postage (rule R7).
	ErrOverRefund = kerr.New(kerr.Invalid, "exceeds what remains refundable")
	// ErrOverQuantity: a payout or arrival for more units than the line
	// has left.
	ErrOverQuantity = kerr.New(kerr.Invalid, "exceeds the units left on the line")
	// ErrNotReturned: a payout for returned units that the warehouse has
	// not received back (3 units refunded when 2 came back).
	ErrNotReturned = kerr.New(kerr.Invalid, "units not received back")
	// ErrNotReceived: a return or seven-day return of goods the buyer
	// never received.
	ErrNotReceived = kerr.New(kerr.Invalid, "goods not received by the buyer")
	// ErrUnknownLine: a SKU the order (or ledger) does not hold. Class
	// [order.ErrNotFound].
	ErrUnknownLine = kerr.New(kerr.NotFound, "no such line on the order")
	// ErrNotRefundable: a refund opened on an order in a state that has
	// nothing to refund (unpaid, closed). Class [order.ErrConflict].
	ErrNotRefundable = kerr.New(kerr.Conflict, "order not refundable in its state")
	// ErrLedgerFull: a ledger that already holds [MaxEntries] entries.
	ErrLedgerFull = kerr.New(kerr.Invalid, "ledger holds too many entries")
	// ErrInvalidLedger: a stored ledger whose lines, split or entries do
	// not add up — tampered with, or not written by kefu.
	ErrInvalidLedger = kerr.New(kerr.Invalid, "invalid ledger")
	// ErrBatchLimit: a refund larger than the platform's per-call batch
	// amount: agree to it on its own.
	ErrBatchLimit = kerr.New(kerr.Invalid, "exceeds the platform's batch cap")
	// ErrLedgerExists: a [Store] already holds a ledger for the order.
	// Class [order.ErrConflict].
	ErrLedgerExists = kerr.New(kerr.Conflict, "ledger already stored")
	// ErrNoLedger: a [Store] holds no ledger for the order. Class
	// [order.ErrNotFound].
	ErrNoLedger = kerr.New(kerr.NotFound, "no ledger for the order")
)

// Error is [order.Error], the one error type of every kefu package: it
// names the package, the field and the bad value and wraps a sentinel, so
// one [errors.As] reads any kefu error. Its message reads
//
//	refund: goods "120.00": exceeds what remains refundable: 99.00 left on line "LX-2201"
type Error = order.Error

// TransitionError reports an event that the refund or exchange lifecycle
// does not allow in a state. It wraps [ErrInvalidTransition] and comes as
// the Cause of an [*Error] whose Field is "event"; [errors.As] finds
// either. From and Event are the text forms ("SUCCESS", "agree_refund";
// an exchange's "return_received", "dispatch_replacement").
type TransitionError struct {
	From  string
	Event string
}

// Error names the event and the state.
func (e *TransitionError) Error() string {
	return "refund: event " + quote(e.Event) + " not allowed in state " + quote(e.From)
}

// Unwrap returns [ErrInvalidTransition].
func (e *TransitionError) Unwrap() error { return ErrInvalidTransition }

// transitionErr is the error of event refused in state from, with an
// optional reason beyond the lifecycle table. The message names the state
// through the cause:
//
//	refund: event "agree_return": transition not allowed: the buyer asked for a refund only (refund: event "agree_return" not allowed in state "WAIT_SELLER_AGREE")
func transitionErr(from, event, why string) *Error {
	return &Error{Pkg: "refund", Field: "event", Value: event, Err: ErrInvalidTransition,
		Detail: why, Cause: &TransitionError{From: from, Event: event}}
}

func quote(s string) string { return kerr.Quote(s) }

func fieldErr(field, value string, err error, detail string) *Error {
	return &Error{Pkg: "refund", Field: field, Value: value, Err: err, Detail: detail}
}

// policyErr is fieldErr for a policy field whose problem has a more
// specific sentinel than [ErrInvalidPolicy]: the error matches both.
func policyErr(field, value string, err error, detail string) *Error {
	e := fieldErr(field, value, err, detail)
	if err != ErrInvalidPolicy {
		e.Cause = ErrInvalidPolicy
	}
	return e
}

// jsonErr turns an error of decoding the JSON of field ("" for a whole
// document) into an [*Error] wrapping [ErrUnknownField] or
// [ErrInvalidJSON]; a kefu error from a nested decoder passes unchanged.
// order, shipping, pricing and notes have the same lines.
func jsonErr(field string, err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	p := jsonx.Describe(err)
	s := ErrInvalidJSON
	switch p.Kind {
	case jsonx.UnknownField:
		s = ErrUnknownField
	case jsonx.Text: // text encoding/json would repair (rules O7, S4, A3)
		s = ErrInvalidText
	}
	return &Error{Pkg: "refund", Field: jsonx.Join(field, p.Field), Value: p.Value, Err: s, Detail: p.Detail}
}

// Bounds on the JSON of one value, checked before it is read: far above
// what any valid value takes (a ledger of 1,000 lines and 1,000 entries
// with the longest IDs is under 400 kB), so that a megabyte costs no more
// than the length check.
const (
	maxLedgerJSON = 512 << 10
	maxPolicyJSON = 64 << 10
	maxRecordJSON = 16 << 10 // a refund, an exchange
)

// decodeJSON decodes b, of at most max bytes, strictly into v
// ([jsonx.Decode]: unknown fields and trailing data refused), reporting
// errors with [jsonErr].
func decodeJSON(field string, b []byte, v any, max int) error {
	if len(b) > max {
		return fieldErr(jsonx.Join(field, "json"), strconv.Itoa(len(b))+" bytes", ErrInvalidJSON,
			"longer than "+strconv.Itoa(max>>10)+" kB")
	}
	return jsonErr(field, jsonx.Decode(b, v))
}
