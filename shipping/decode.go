package shipping

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/internal/yuan"
)

// The package's JSON decoders are strict (issue 11 #3): every object is
// read member by member, a key the type does not have — or has in another
// case, or twice — is an error wrapping [ErrUnknownField] that names it
// with its path ("carriers[2].surchage"), amounts are read by
// [yuan.ParseJSON] (exact text, at most two decimals, length bounded before
// a digit is read), and a decoder assigns its target only when everything
// decoded. The helpers below are that machinery.

// jsonErr turns an error of decoding the JSON of field into an [*Error]: a
// kefu error from a nested decoder passes with field put in front of its
// own ([inField]); an encoding/json error becomes one wrapping
// [ErrUnknownField] or [ErrInvalidJSON].
func jsonErr(field string, err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return inField(field, err)
	}
	p := jsonx.Describe(err)
	s := ErrInvalidJSON
	switch p.Kind {
	case jsonx.UnknownField:
		s = ErrUnknownField
	case jsonx.Text: // text encoding/json would repair (rules O7, S4, A3)
		s = ErrInvalidText
	}
	return &Error{Pkg: "shipping", Field: jsonx.Join(field, p.Field), Value: p.Value, Err: s, Detail: p.Detail}
}

// inField returns err with its field placed inside field: "surcharge" in
// "carriers[2]" becomes "carriers[2].surcharge". err itself is not changed.
func inField(field string, err error) error {
	var e *Error
	if field == "" || !errors.As(err, &e) {
		return err
	}
	c := *e
	c.Pkg, c.Field = "shipping", jsonx.Join(field, e.Field)
	return &c
}

// atField returns err naming field instead of the generic name a value's
// own decoder gives ("date", "region", "reason"). err is not changed.
func atField(field string, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return jsonErr(field, err)
	}
	c := *e
	c.Pkg, c.Field = "shipping", field
	return &c
}

// errNoMember is what a member function returns for a key its type does
// not have.
var errNoMember = errors.New("no such member")

// decodeObject reads the JSON object b member by member, calling member
// with each key and its raw value. A key member does not know (it returns
// errNoMember), or a key given twice, is an error wrapping
// [ErrUnknownField] named field.key; member's own errors pass unchanged.
// null is no object: member is never called and decodeObject returns nil,
// as encoding/json leaves a struct alone for null. Anything else than an
// object, or data after it, is an error wrapping [ErrInvalidJSON].
func decodeObject(field string, b []byte, member func(key string, raw []byte) error) error {
	b = bytes.TrimSpace(b)
	if string(b) == "null" {
		return nil
	}
	if len(b) == 0 || b[0] != '{' {
		return fieldErr(field, clip(b), ErrInvalidJSON, "want a JSON object")
	}
	if err := jsonx.Check(b); err != nil { // text json would repair (rules S4, O7)
		return jsonErr(field, err)
	}
	d := json.NewDecoder(bytes.NewReader(b))
	if _, err := d.Token(); err != nil {
		return jsonErr(field, err)
	}
	var seen []string // a type has a handful of keys: a slice beats a map
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return jsonErr(field, err)
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := d.Decode(&raw); err != nil {
			return jsonErr(jsonx.Join(field, key), err)
		}
		for _, k := range seen {
			if k == key {
				return fieldErr(jsonx.Join(field, key), "", ErrUnknownField, "given twice")
			}
		}
		if err := member(key, raw); err != nil {
			if err == errNoMember {
				return fieldErr(jsonx.Join(field, key), "", ErrUnknownField, "no such field")
			}
			return err
		}
		seen = append(seen, key) // known keys only: an unknown one ended the loop
	}
	if _, err := d.Token(); err != nil {
		return jsonErr(field, err)
	}
	if _, err := d.Token(); err != io.EOF {
		return fieldErr(field, "", ErrInvalidJSON, "data after the JSON value")
	}
	return nil
}

// leaf decodes the JSON value raw into v, a scalar or a type with a text
// form (a date, a region, a reason set …); an error names field. raw is
// one value as decodeObject or decodeList cut it out: no object to be
// strict about, no data after it.
func leaf(field string, raw []byte, v any) error {
	if err := json.Unmarshal(raw, v); err != nil {
		return atField(field, err)
	}
	return nil
}

// nested decodes the JSON value raw into v, a type of this package with
// its own strict decoder; an error's field is put inside field.
func nested(field string, raw []byte, v json.Unmarshaler) error {
	return inField(field, v.UnmarshalJSON(raw))
}

// decodeList decodes the JSON array raw into a new slice, element i with
// elem under the name field[i]. null is the empty list (nil). dst is
// assigned only on success.
func decodeList[T any](field string, raw []byte, dst *[]T, elem func(field string, raw []byte, v *T) error) error {
	var raws []json.RawMessage
	if err := json.Unmarshal(raw, &raws); err != nil {
		return jsonErr(field, err)
	}
	if raws == nil {
		*dst = nil
		return nil
	}
	out := make([]T, len(raws))
	for i, r := range raws {
		if err := elem(field+"["+strconv.Itoa(i)+"]", r, &out[i]); err != nil {
			return err
		}
	}
	*dst = out
	return nil
}

// leafElem decodes a list element with [leaf].
func leafElem[T any](field string, raw []byte, v *T) error { return leaf(field, raw, v) }

// nestedElem decodes a list element of a type with its own decoder.
func nestedElem[T any, P interface {
	*T
	json.Unmarshaler
}](field string, raw []byte, v *T) error {
	return nested(field, raw, P(v))
}

// amount decodes an amount in yuan — a JSON string ("99.00") or number —
// with [yuan.ParseJSON]: exact, at most two decimals, at most
// [yuan.MaxTextLen] bytes, read without decimal's parser. The decoded
// amount has exactly two decimals. Anything else, null included, is an
// error wrapping [ErrInvalidAmount] naming field.
func amount(field string, raw []byte, dst *decimal.Decimal) error {
	f, err := fen(field, raw, true)
	if err != nil {
		return err
	}
	*dst = yuan.Dec(f)
	return nil
}

// fen decodes an amount as [amount] does, in fen; a negative amount is an
// error unless negative is true.
func fen(field string, raw []byte, negative bool) (int64, error) {
	f, prob := yuan.ParseJSON(raw)
	if prob != yuan.OK {
		return 0, fieldErr(field, amountText(raw), ErrInvalidAmount, prob.Detail())
	}
	if f < 0 && !negative {
		return 0, fieldErr(field, amountText(raw), ErrInvalidAmount, "must not be negative")
	}
	return f, nil
}

// fenField decodes a non-negative amount in fen into *dst.
func fenField(field string, raw []byte, dst *int64) error {
	f, err := fen(field, raw, false)
	if err != nil {
		return err
	}
	*dst = f
	return nil
}

// amountText is the text of a JSON amount for an error's Value: a
// string's contents, or the JSON as written.
func amountText(raw []byte) string {
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		raw = raw[1 : len(raw)-1]
	}
	return string(raw)
}

// maxTimeText bounds a JSON time: RFC 3339 with nanoseconds and an offset
// is 37 bytes with its quotes.
const maxTimeText = 64

// timeField decodes an RFC 3339 time; other text, or more than
// maxTimeText bytes of it (refused before parsing), is an error wrapping
// [ErrInvalidText] naming field.
func timeField(field string, raw []byte, dst *time.Time) error {
	bad := func() error {
		return fieldErr(field, amountText(raw), ErrInvalidText, `want an RFC 3339 time such as "2026-11-11T00:00:00+08:00"`)
	}
	if len(raw) > maxTimeText {
		return bad()
	}
	var t time.Time
	if err := json.Unmarshal(raw, &t); err != nil {
		return bad()
	}
	*dst = t
	return nil
}

// clip returns b as text for an error about a value that is not even of
// the right JSON kind: at most 40 bytes, cut where a character starts, so
// that the message stays valid UTF-8.
func clip(b []byte) string {
	if len(b) > 40 {
		n := 40
		for n > 0 && !utf8.RuneStart(b[n]) {
			n--
		}
		b = b[:n]
	}
	return string(b)
}
