// Package jsonx decodes JSON strictly for kefu's decoders: a field the
// type does not have is an error (a misspelled "discont" never decodes to
// a zero discount), so is a key two spellings could fill (one given
// twice, or "ID" for "id", which encoding/json takes by folding case),
// exactly one JSON value is read, and the errors of
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
	"unicode/utf8"
)

// Decode decodes the single JSON value in b into v, refusing fields that v
// does not have and any data after the value. Nested types with their own
// UnmarshalJSON decide for themselves (kefu's all use Decode too).
//
// Text that encoding/json would repair — bytes that are not valid UTF-8,
// a \u escape of a lone surrogate — is refused before anything is
// decoded ([Text]): repaired, two different inputs ("T\xff", "T\xfe")
// would decode to the same ID. So is a key two spellings could fill
// ([*KeyError]): one given twice in an object, or one encoding/json would
// match to a field only by folding case ("ID" for "id").
func Decode(b []byte, v any) error {
	if err := Check(b); err != nil {
		return err
	}
	if err := checkKeys(b, reflect.TypeOf(v)); err != nil {
		return err
	}
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
	// UnknownField: a field the type does not have, or a key two
	// spellings could fill ([KeyError]).
	UnknownField
	// Text: text encoding/json would repair with U+FFFD: bytes that are
	// not valid UTF-8, or a \u escape of a lone surrogate ([Check]).
	Text
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
	var tx *TextError
	var ke *KeyError
	switch {
	case errors.As(err, &tx):
		return Problem{Kind: Text, Field: tx.Field, Detail: tx.Error()}
	case errors.As(err, &ke):
		return Problem{Kind: UnknownField, Field: ke.Field, Detail: ke.Detail}
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

// TextError is the error of [Check] and [Decode] for text encoding/json
// would repair.
type TextError struct {
	Offset    int  // the byte offset of the bad text in the checked JSON
	Surrogate bool // a \u escape of a lone surrogate, not bytes that are not UTF-8
	// Field is the path of the member whose text it is ("lines.sku"),
	// as encoding/json names fields; "" for a value not in an object.
	// Text in a key is its object's.
	Field string
}

func (e *TextError) Error() string {
	if e.Surrogate {
		return "a \\u escape of a lone UTF-16 surrogate at byte " + strconv.Itoa(e.Offset)
	}
	return "not valid UTF-8 at byte " + strconv.Itoa(e.Offset)
}

// Check returns a [*TextError] for the first text in the JSON b that
// encoding/json would silently repair into U+FFFD, nil when there is
// none. It is linear and allocates nothing when b is clean.
func Check(b []byte) error {
	if off, bad := Repaired(b); bad {
		return &TextError{Offset: off, Surrogate: off < len(b) && b[off] == '\\', Field: pathAt(b, off)}
	}
	return nil
}

// Repaired returns the offset of the first text in the JSON b that
// encoding/json would repair: a byte sequence that is not valid UTF-8
// (overlong forms and UTF-8-encoded surrogates included), or a \uXXXX
// escape of a lone surrogate — a high one not followed by a \u escape of a
// low one, or a low one alone. "\\u" is an escaped backslash, not an
// escape. In valid JSON a backslash appears only in strings, so each one
// found left to right starts an escape; in malformed JSON the answer does
// not matter, the decoder refuses it anyway. Linear; allocates nothing.
func Repaired(b []byte) (offset int, bad bool) {
	end := len(b)
	if !utf8.Valid(b) { // ASCII fast path for the common case
		end = firstInvalid(b)
		bad = true
	}
	for i := 0; i < end; {
		j := bytes.IndexByte(b[i:end], '\\')
		if j < 0 {
			break
		}
		i += j
		if i+1 >= len(b) || b[i+1] != 'u' {
			i += 2
			continue
		}
		r, ok := hex4(b[i+2:])
		switch {
		case !ok: // not an escape: a syntax error for the decoder
			i += 2
			continue
		case r >= 0xd800 && r < 0xdc00:
			if i+12 <= len(b) && b[i+6] == '\\' && b[i+7] == 'u' {
				if lo, ok := hex4(b[i+8:]); ok && lo >= 0xdc00 && lo < 0xe000 {
					i += 12
					continue
				}
			}
			return i, true
		case r >= 0xdc00 && r < 0xe000:
			return i, true
		}
		i += 6
	}
	if bad {
		return end, true
	}
	return 0, false
}

// firstInvalid is the offset of the first byte of b that does not start
// valid UTF-8; a literal U+FFFD is valid.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// hex4 reads the four hex digits at the start of b.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
