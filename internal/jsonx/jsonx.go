// Package jsonx decodes JSON strictly for kefu's decoders: a field the
// type does not have is an error (a misspelled "discont" never decodes to
// a zero discount), exactly one JSON value is read, and the errors of
// encoding/json are described in a form each package wraps in its own
// error: which field, which value, what went wrong.
package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
)

// Decode decodes the single JSON value in b into v, refusing fields that v
// does not have and any data after the value. Nested types with their own
// UnmarshalJSON decide for themselves (kefu's all use Decode too).
func Decode(b []byte, v any) error {
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if err := d.Decode(v); err != nil {
		return err
	}
	if _, err := d.Token(); err != io.EOF {
		return errTrailing
	}
	return nil
}

var errTrailing = errors.New("data after the JSON value")

// Kind is what [Describe] found wrong.
type Kind uint8

// The kinds of JSON error.
const (
	// Other: an error that is not encoding/json's own, such as one a
	// nested UnmarshalJSON returned; Detail is its message.
	Other Kind = iota
	// Syntax: not JSON, or data after the value.
	Syntax
	// Type: a JSON value of the wrong type for the field.
	Type
	// UnknownField: a field the type does not have.
	UnknownField
)

// Problem describes a JSON error.
type Problem struct {
	Kind   Kind
	Field  string // the field's path as encoding/json gives it, or the unknown field's name
	Value  string // the JSON type found (for Type)
	Detail string // what is wrong, for an error message
}

// Describe describes err, an error of [Decode] or json.Unmarshal.
func Describe(err error) Problem {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return Problem{Kind: Syntax, Detail: "malformed JSON at byte " + strconv.FormatInt(se.Offset, 10)}
	case errors.Is(err, errTrailing):
		return Problem{Kind: Syntax, Detail: "data after the JSON value"}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return Problem{Kind: Syntax, Detail: "truncated JSON"}
	case errors.As(err, &te):
		return Problem{Kind: Type, Field: te.Field, Value: te.Value, Detail: "want a JSON " + kindName(te)}
	}
	// encoding/json reports an unknown field only in its message:
	// json: unknown field "discont".
	if msg, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		name, uerr := strconv.Unquote(msg)
		if uerr != nil {
			name = msg
		}
		return Problem{Kind: UnknownField, Field: name, Detail: "no such field"}
	}
	return Problem{Kind: Other, Detail: err.Error()}
}

// Join returns the path of sub inside field: "lines.sku" from "lines" and
// "sku"; either may be empty.
func Join(field, sub string) string {
	switch {
	case field == "":
		return sub
	case sub == "":
		return field
	}
	return field + "." + sub
}

func kindName(te *json.UnmarshalTypeError) string {
	if te.Type == nil {
		return "value of another type"
	}
	if reflect.PointerTo(te.Type).Implements(textUnmarshaler) {
		return "string"
	}
	switch te.Type.Kind().String() {
	case "string":
		return "string"
	case "bool":
		return "boolean"
	case "slice", "array":
		return "array"
	case "struct", "map":
		return "object"
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64", "float32", "float64":
		return "number"
	}
	return te.Type.String()
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
