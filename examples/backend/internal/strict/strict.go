// Package strict decodes the backend's own request bodies — those kefu has
// no JSON form for — as kefu decodes its own, with [order.DecodeJSON]: a
// field the type does not have is refused and named, so is a key two
// spellings could fill (given twice, or "Key" for "key"), text
// encoding/json would repair, and data after the value; every error is a
// kefu *order.Error of the invalid-input class (HTTP 422). A field the
// action cannot do without is tagged `strict:"required"`: a body that
// leaves it out, or sends null, is refused and the field named
// (order.ErrMissing), never read as the field's zero value.
package strict

import (
	"encoding/json"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

// Decode decodes b into v strictly. v's struct fields tagged
// `strict:"required"` must be in b, and not null. On error v may be partly
// written: decode into a fresh value.
func Decode(b []byte, v any) error {
	if err := order.DecodeJSON(b, v); err != nil {
		return onBody(err)
	}
	return required(b, v)
}

// onBody names the body as the field of an error about the whole body
// (not JSON, data after the value), which names none.
func onBody(err error) error {
	var e *order.Error
	if errors.As(err, &e) && e.Field == "" {
		c := *e
		c.Pkg, c.Field = "backend", "body"
		return &c
	}
	return err
}

// required checks that b, decoded into v already, holds every field of v
// tagged `strict:"required"`, in the order v declares them, with a value
// other than null (Decode has refused a key in another case, or twice). A
// body of null holds none.
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
				return &order.Error{Pkg: "backend", Field: "body", Err: order.ErrInvalidJSON, Detail: "want a JSON object"}
			}
			parsed = true
		}
		if raw, ok := m[name]; !ok || string(raw) == "null" {
			return &order.Error{Pkg: "backend", Field: name, Err: order.ErrMissing, Detail: "the field is missing or null"}
		}
	}
	return nil
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
		if n := 40; len(v) > n {
			for n > 0 && !utf8.RuneStart(v[n]) { // cut where a character starts
				n--
			}
			v = v[:n]
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
