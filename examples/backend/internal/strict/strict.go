// Package strict decodes the backend's own request bodies — those kefu has
// no JSON form for — as kefu decodes its own: a field the type does not
// have is refused and named, so is data after the value, and every error is
// a kefu *order.Error of the invalid-input class (HTTP 422). A field the
// action cannot do without is tagged `strict:"required"`: a body that
// leaves it out, or sends null, is refused and the field named
// (order.ErrMissing), never read as the field's zero value.
package strict

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

// Decode decodes b into v strictly. v's struct fields tagged
// `strict:"required"` must be in b, and not null. On error v may be partly
// written: decode into a fresh value.
func Decode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describe(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return &order.Error{Pkg: "backend", Field: "body", Err: order.ErrInvalidJSON, Detail: "data after the JSON value"}
	}
	return required(b, v)
}

// required checks that b, decoded into v already, holds every field of v
// tagged `strict:"required"`, in the order v declares them: a key that
// encoding/json matches to the field (its name in any case), with a value
// other than null. A body of null holds none.
func required(b []byte, v any) error {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var m map[string]json.RawMessage
	parsed := false
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Tag.Get("strict") != "required" {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" {
			name = f.Name
		}
		if !parsed {
			// b decoded into a struct: it is an object or null.
			if err := json.Unmarshal(b, &m); err != nil {
				return describe(err)
			}
			parsed = true
		}
		if !present(m, name) {
			return &order.Error{Pkg: "backend", Field: name, Err: order.ErrMissing, Detail: "the field is missing or null"}
		}
	}
	return nil
}

// present reports whether m holds name as encoding/json matches a key to
// a field (exactly, else in any case), with a value other than null.
func present(m map[string]json.RawMessage, name string) bool {
	raw, ok := m[name]
	if !ok {
		for k, v := range m {
			if strings.EqualFold(k, name) {
				raw, ok = v, true
				break
			}
		}
	}
	return ok && string(raw) != "null"
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
