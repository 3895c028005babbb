// Package strict decodes the backend's own request bodies — those kefu has
// no JSON form for — as kefu decodes its own: a field the type does not
// have is refused and named, so is data after the value, and every error is
// a kefu *order.Error of the invalid-input class (HTTP 422).
package strict

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

// Decode decodes b into v strictly. On error v may be partly written:
// decode into a fresh value.
func Decode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describe(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &order.Error{Pkg: "backend", Field: "body", Err: order.ErrInvalidJSON, Detail: "data after the JSON value"}
	}
	return nil
}

func describe(err error) error {
	var ke *order.Error
	if errors.As(err, &ke) {
		return err // kefu's own error, from a kefu type's decoder
	}
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &te):
		return &order.Error{Pkg: "backend", Field: te.Field, Err: order.ErrInvalidJSON, Detail: "want " + te.Type.String(), Cause: err}
	case errors.As(err, &se), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return &order.Error{Pkg: "backend", Field: "body", Err: order.ErrInvalidJSON, Detail: "malformed JSON"}
	}
	if f, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return &order.Error{Pkg: "backend", Field: strings.Trim(f, `"`), Err: order.ErrUnknownField, Detail: "no such field"}
	}
	return &order.Error{Pkg: "backend", Field: "body", Err: order.ErrInvalidJSON, Detail: err.Error()}
}

// yuanText is money as kefu reads it: at most 13 integer digits and two
// decimals, no sign, no exponent.
var yuanText = regexp.MustCompile(`^[0-9]{1,13}(\.[0-9]{1,2})?$`)

// Yuan is an amount in a request body: JSON text ("12.50"), read exactly.
// Its length is checked before anything else, and a digit below the fen is
// refused, never rounded (rule P7); decimal's parser only ever sees the
// short, checked text.
type Yuan struct{ decimal.Decimal }

// UnmarshalJSON reads "12.50" (a string, as the platform and kefu carry
// money).
func (y *Yuan) UnmarshalJSON(b []byte) error {
	if len(b) > 26 || len(b) < 3 || b[0] != '"' || b[len(b)-1] != '"' || !yuanText.Match(b[1:len(b)-1]) {
		v := string(b)
		if len(v) > 40 {
			v = v[:40]
		}
		return &order.Error{Pkg: "backend", Field: "amount", Value: v, Err: order.ErrInvalidAmount,
			Detail: `yuan as text with at most two decimals, e.g. "12.50"`}
	}
	d, err := decimal.NewFromString(string(b[1 : len(b)-1]))
	if err != nil {
		return &order.Error{Pkg: "backend", Field: "amount", Value: string(b), Err: order.ErrInvalidAmount}
	}
	y.Decimal = d
	return nil
}

// MarshalJSON writes the amount with two decimals.
func (y Yuan) MarshalJSON() ([]byte, error) { return []byte(`"` + y.StringFixed(2) + `"`), nil }
