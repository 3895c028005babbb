package order

import (
	"encoding"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/internal/yuan"
)

// DecodeJSON decodes the JSON b into v as kefu decodes its own values,
// for a backend's own request bodies and rows (rules O7, A3: one text
// never reads as two different values):
//
//   - a key v's type does not have is [ErrUnknownField] ("discont" never
//     decodes to a zero discount), and so is a key two spellings could
//     fill: one given twice in an object, or one encoding/json would take
//     for a field only by folding its case ("ID" for "id", "ſku" for "sku");
//   - text encoding/json would repair into U+FFFD — bytes that are not
//     UTF-8, the \u escape of a lone surrogate — is [ErrInvalidText];
//   - text that is not JSON, a value of the wrong JSON type and data
//     after the value are [ErrInvalidJSON].
//
// Every error is an [*Error] of the invalid-input class naming the field
// ("lines.sku"); an error of a value that decodes itself — kefu's types
// inside v, which decode as strictly — passes unchanged. Map keys are
// data, compared exactly. On error v may be partly written: decode into
// a fresh value and keep it only on success.
func DecodeJSON(b []byte, v any) error { return jsonErr("", jsonx.Decode(b, v)) }

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
	switch p.Kind {
	case jsonx.UnknownField:
		return ErrUnknownField
	case jsonx.Text: // text encoding/json would repair (rules O7, S4, A3)
		return ErrInvalidText
	}
	return ErrInvalidJSON
}

// member is one member of a JSON object that [decodeObject] reads: its key
// and where its value goes.
type member struct {
	key string
	dst any
}

// maxMembers bounds the members of one object decodeObject reads, so that
// a set of seen keys fits one word.
const maxMembers = 64

// decodeObject decodes the JSON object b into the members' targets, one
// member at a time, so that every error names the member it is about,
// with field ("" for a whole document) in front:
//
//   - a key that is not one of the members' is [ErrUnknownField], and so is
//     a key spelled in another case ("Discount"), which encoding/json would
//     have taken;
//   - a key twice is [ErrInvalidJSON]: a second "discount" never silently
//     replaces the first;
//   - a value that does not decode is an error for field.key: an [*Error]
//     from the value's own decoder gets the path put in front of its field
//     (or in place of it, for a value of one piece such as a status or an
//     amount), anything else is described by [jsonErr].
//
// A member whose value is null, and one absent from b, leaves its target
// as it was; so does b itself being null. Data after the object is an
// error. decodeObject writes the targets as it goes: callers decode into a
// copy and assign it on success, so that on error their value is
// unchanged. Its cost is linear in len(b).
func decodeObject(field string, b []byte, members []member) error {
	var seen uint64
	_, err := scanObject(field, b, func(k, raw []byte) error {
		i := 0
		for i < len(members) && members[i].key != string(k) {
			i++
		}
		if i == len(members) {
			return &Error{Pkg: "order", Field: jsonx.Join(field, string(k)), Err: ErrUnknownField, Detail: "no such field"}
		}
		key := members[i].key // the key's text, without a copy of k
		if i < maxMembers {
			if seen&(1<<i) != 0 {
				return &Error{Pkg: "order", Field: jsonx.Join(field, key), Err: ErrInvalidJSON, Detail: "the field appears twice"}
			}
			seen |= 1 << i
		}
		if isNullValue(raw) {
			return nil
		}
		return decodeMember(field, key, raw, members[i].dst)
	})
	return err
}

// plainString returns the contents of raw when it is a JSON string
// without escapes, which is all a code or a name ever is.
func plainString(raw []byte) ([]byte, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return nil, false
	}
	body := raw[1 : len(raw)-1]
	for _, c := range body {
		if c == '\\' || c == '"' || c < 0x20 {
			return nil, false
		}
	}
	return body, true
}

// plainScalar decodes raw into dst, a *string, *int or *bool, when raw
// is a value of the common form whose decoding needs none of
// encoding/json's machinery, and reports whether it did: a string
// without escapes or control characters in valid UTF-8 (which
// encoding/json would repair), a JSON integer of at most 18 digits (no
// leading zero, no fraction or exponent, so that it fits an int), true or
// false. It writes dst only when it reports true.
//
// On a 32-bit platform the integers it reads have at most 9 digits.
func plainScalar(raw []byte, dst any) bool {
	switch v := dst.(type) {
	case *string:
		text, ok := plainString(raw)
		if !ok || !utf8.Valid(text) {
			return false
		}
		*v = string(text)
		return true
	case *int:
		digits, neg := raw, false
		if len(digits) > 0 && digits[0] == '-' {
			digits, neg = digits[1:], true
		}
		if len(digits) == 0 || len(digits) > maxPlainIntDigits || digits[0] == '0' && len(digits) > 1 {
			return false
		}
		n := 0
		for _, c := range digits {
			if c < '0' || c > '9' {
				return false
			}
			n = n*10 + int(c-'0')
		}
		if neg {
			n = -n
		}
		*v = n
		return true
	case *bool:
		switch string(raw) {
		case "true":
			*v = true
			return true
		case "false":
			*v = false
			return true
		}
	}
	return false
}

// maxPlainIntDigits is the most digits of an integer that fits an int
// whatever they are: 18 for a 64-bit int, 9 for a 32-bit one.
const maxPlainIntDigits = 9 + 9*(strconv.IntSize/64)

// maxTimeText bounds the JSON text of a time: RFC 3339 with nanoseconds
// and an offset has 37 bytes with its quotes.
const maxTimeText = 64

// decodeMember decodes the value raw of member key of the object at
// field into dst, naming the member in errors.
func decodeMember(field, key string, raw []byte, dst any) error {
	path := jsonx.Join(field, key)
	var err error
	switch v := dst.(type) {
	case *string, *int, *bool:
		// Scalars have no fields to refuse. The usual ones — a string
		// without escapes in valid UTF-8, an integer of at most 18
		// digits, true or false — are read here as encoding/json reads
		// them (FuzzScalarMember holds the two together); anything else
		// goes to encoding/json, whose errors (a number for a string)
		// are described below.
		if plainScalar(raw, v) {
			return nil
		}
		// Not the plain form: refuse text encoding/json would repair
		// (invalid UTF-8, a lone surrogate escape) before it does, so
		// that "T\xff" and "T\xfe" never become the same ID (rules O7,
		// S4, A3).
		if terr := jsonx.Check(raw); terr != nil {
			return &Error{Pkg: "order", Field: path, Err: ErrInvalidText, Detail: terr.Error()}
		}
		err = json.Unmarshal(raw, v)
	case *time.Time:
		if len(raw) > maxTimeText || v.UnmarshalJSON(raw) != nil {
			return &Error{Pkg: "order", Field: path, Value: clipJSON(raw), Err: ErrInvalidJSON,
				Detail: `want an RFC 3339 time such as "2026-11-11T09:30:00+08:00"`}
		}
		return nil
	case json.Unmarshaler:
		// raw is one whole JSON value already read by the caller's
		// decoder: hand it over without reading it again. kefu's
		// decoders are strict themselves.
		err = v.UnmarshalJSON(raw)
	case encoding.TextUnmarshaler:
		if text, ok := plainString(raw); ok {
			if !utf8.Valid(text) {
				return &Error{Pkg: "order", Field: path, Err: ErrInvalidText, Detail: jsonx.Check(raw).Error()}
			}
			err = v.UnmarshalText(text)
		} else {
			err = jsonx.Decode(raw, dst) // escapes, or not a string: encoding/json's rules and errors
		}
	default:
		err = jsonx.Decode(raw, dst)
	}
	if err == nil {
		return nil
	}
	var e *Error
	if !errors.As(err, &e) {
		return jsonErr(path, err)
	}
	c := *e
	_, leaf := dst.(encoding.TextUnmarshaler)
	switch dst.(type) {
	case *amountJSON, *yuanDec:
		leaf = true
	}
	switch {
	case leaf || c.Field == "":
		c.Field = path
	case c.Field == key || strings.HasPrefix(c.Field, key+".") || strings.HasPrefix(c.Field, key+"["):
		// The nested decoder already named itself ("address.province").
		c.Field = jsonx.Join(field, c.Field)
	case c.Field[0] == '[':
		c.Field = path + c.Field // an element of an array: "lines[1].sku"
	default:
		c.Field = jsonx.Join(path, c.Field)
	}
	return &c
}

// amountJSON is an amount in yuan as JSON carries it: text with at most two
// decimals ("128.50", as the platform sends money) or a bare number, read
// with [yuan.ParseJSON] — never with decimal's parser, which is quadratic
// on long input — and written with exactly two decimals. Text longer than
// an amount can be is refused before a digit is read.
type amountJSON struct {
	fen int64
	set bool // decoded from a value that was not null
}

// UnmarshalJSON reads an amount; null leaves a unchanged. An amount that
// is not one, has more than two decimals ("128.505" is refused, never
// rounded) or is above 10^13 yuan is an [*Error] wrapping
// [ErrInvalidAmount] whose Field the caller fills in.
func (a *amountJSON) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	fen, p := yuan.ParseJSON(b)
	if p != yuan.OK {
		return &Error{Pkg: "order", Value: clipJSON(b), Err: ErrInvalidAmount, Detail: p.Detail()}
	}
	*a = amountJSON{fen, true}
	return nil
}

// yuanDec is a decimal amount that decodes as [amountJSON] does, straight
// into its place, with exactly two decimals; null leaves it unchanged.
type yuanDec decimal.Decimal

func (d *yuanDec) UnmarshalJSON(b []byte) error {
	var a amountJSON
	if err := a.UnmarshalJSON(b); err != nil {
		return err
	}
	if a.set {
		*d = yuanDec(a.dec())
	}
	return nil
}

// dec returns the amount as a decimal with two decimals.
func (a amountJSON) dec() decimal.Decimal { return yuan.Dec(a.fen) }

// ptr returns the amount as a decimal, or nil when it was absent.
func (a amountJSON) ptr() *decimal.Decimal {
	if !a.set {
		return nil
	}
	d := a.dec()
	return &d
}

// clipJSON returns the JSON text b for an error's Value, cut to what a
// message quotes: a rejected amount of a megabyte is not kept whole.
// A JSON string's quotes are dropped: the value of "64.255" is 64.255.
func clipJSON(b []byte) string {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	if len(b) > kerr.MaxQuoted {
		// Clip needs the byte after its cut, to find a rune start, and no
		// more: b may be a slice of a larger document.
		return kerr.Clip(string(b[:kerr.MaxQuoted+1]))
	}
	return string(b)
}

// fixed2 is an amount that encodes in JSON as text with exactly two
// decimals ("200.07"), as the platform carries money. An amount with a
// digit below the fen or above 10^13 yuan is an error: kefu never rounds
// an amount silently, not even when writing it.
type fixed2 decimal.Decimal

func (f fixed2) MarshalJSON() ([]byte, error) {
	fen, ok := yuan.Fen(decimal.Decimal(f))
	if !ok {
		return nil, fieldErr("amount", amountText(decimal.Decimal(f)), ErrInvalidAmount,
			"more than two decimals or above "+maxAmountText)
	}
	b := make([]byte, 0, 26)
	b = append(b, '"')
	b = yuan.AppendFormat(b, fen)
	return append(b, '"'), nil
}

// decodeArray decodes the JSON array b element by element with decode,
// naming the element in errors ("[2].sku", or "[2]" for an element of one
// piece), and refuses more than max elements ([ErrInvalidQuantity]) as it
// meets them, so a huge array costs no more than reading it. null is nil;
// a null element is [ErrMissing].
func decodeArray[T any](b []byte, max int, decode func([]byte, *T) error) ([]T, error) {
	out := []T{}
	null, err := scanArray("", b, func(i int, raw []byte) error {
		if i == max {
			return &Error{Pkg: "order", Field: index("", i), Err: ErrInvalidQuantity,
				Detail: "more than " + strconv.Itoa(max) + " elements"}
		}
		if isNullValue(raw) {
			return &Error{Pkg: "order", Field: index("", i), Err: ErrMissing, Detail: "null"}
		}
		// Decode straight into the element: on error out is dropped.
		var zero T
		out = append(out, zero)
		if err := decode(raw, &out[len(out)-1]); err != nil {
			return within(index("", i), err)
		}
		return nil
	})
	if err != nil || null {
		return nil, err
	}
	return out, nil
}

// index returns "name[i]", the path of element i of a JSON array.
func index(name string, i int) string { return name + "[" + strconv.Itoa(i) + "]" }

// decodeJSON decodes b strictly into v ([jsonx.Decode]: unknown fields and
// trailing data refused), reporting errors with [jsonErr].
func decodeJSON(field string, b []byte, v any) error { return jsonErr(field, jsonx.Decode(b, v)) }

// amountText quotes an amount a caller gave for an error message:
// [yuan.Text], the one rendering every package uses.
func amountText(d decimal.Decimal) string { return yuan.Text(d) }
