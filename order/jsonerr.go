package order

import (
	"errors"

	"github.com/kefu-go/kefu/internal/jsonx"
)

// jsonErr turns an error of decoding the JSON of field ("" for a whole
// document) into an [*Error] wrapping [ErrUnknownField] or
// [ErrInvalidJSON]; a kefu error from a nested decoder passes unchanged.
// shipping, pricing and notes have the same five lines.
func jsonErr(field string, err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	p := jsonx.Describe(err)
	return &Error{Pkg: "order", Field: jsonx.Join(field, p.Field), Value: p.Value, Err: jsonSentinel(p), Detail: p.Detail}
}

// jsonSentinel is the sentinel of a JSON problem.
func jsonSentinel(p jsonx.Problem) error {
	if p.Kind == jsonx.UnknownField {
		return ErrUnknownField
	}
	return ErrInvalidJSON
}

// decodeJSON decodes b strictly into v ([jsonx.Decode]: unknown fields and
// trailing data refused), reporting errors with [jsonErr].
func decodeJSON(field string, b []byte, v any) error { return jsonErr(field, jsonx.Decode(b, v)) }
