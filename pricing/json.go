package pricing

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/internal/yuan"
)

// jsonErr turns an error of decoding the JSON of field ("" for a whole
// document) into an [*Error] wrapping [ErrUnknownField] or
// [ErrInvalidJSON]; a kefu error from a nested decoder passes unchanged.
// order, shipping and notes have the same few lines.
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
	return fieldErr(jsonx.Join(field, p.Field), p.Value, s, p.Detail)
}

// decodeJSON decodes b strictly into v ([jsonx.Decode]: unknown fields and
// trailing data refused), reporting errors with [jsonErr].
func decodeJSON(field string, b []byte, v any) error { return jsonErr(field, jsonx.Decode(b, v)) }

// within returns err, from decoding the value at path, with path put in
// front of the field it names, so that a nested error reads
// "periods[1].limits.team_leader.gift".
func within(path string, err error) error {
	var pe *Error
	if !errors.As(err, &pe) {
		return jsonErr(path, err)
	}
	e := *pe
	e.Pkg = "pricing"
	e.Field = jsonx.Join(path, e.Field)
	return &e
}

// as returns err, from decoding the single value at path (an enum's
// text, which names itself "kind" or "role"), as an error about path.
func as(path string, err error) error {
	var pe *Error
	if !errors.As(err, &pe) {
		return jsonErr(path, err)
	}
	e := *pe
	e.Pkg = "pricing"
	e.Field = path
	return &e
}

// isNull reports whether raw is the JSON null.
func isNull(raw json.RawMessage) bool { return string(raw) == "null" }

// fenJSON reads an amount from JSON — text ("5.00", as the platform
// carries money) or a bare number — with [yuan.ParseJSON]: exact, at most
// two decimals, its length bounded before any digit is read, never through
// floating point or decimal's parser. An absent amount (nil raw) or null
// is zero.
func fenJSON(field string, raw json.RawMessage) (int64, error) {
	if raw == nil || isNull(raw) {
		return 0, nil
	}
	fen, p := yuan.ParseJSON(raw)
	if p != yuan.OK {
		return 0, fieldErr(field, jsonText(raw), ErrInvalidAmount, p.Detail())
	}
	return fen, nil
}

// jsonText is raw without the quotes of a JSON string, for an error's
// Value.
func jsonText(raw json.RawMessage) string {
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		return string(raw[1 : len(raw)-1])
	}
	return string(raw)
}

// timeJSON reads an RFC 3339 time from JSON, in the years 1 to 9999, with
// the offset it was written with; absent (nil) or null is the zero time.
func timeJSON(field string, raw json.RawMessage) (time.Time, error) {
	var t time.Time
	if raw == nil || isNull(raw) {
		return t, nil
	}
	if err := json.Unmarshal(raw, &t); err != nil {
		return time.Time{}, fieldErr(field, jsonText(raw), ErrInvalidTime, "not an RFC 3339 time")
	}
	if !inYears(t) {
		return time.Time{}, timeErr(field, t)
	}
	return t, nil
}

// fixed is a decimal that encodes in JSON as text with exactly two
// decimals ("10.00"). An amount with a digit below the fen, or out of
// range, does not encode: rounding it would change money silently.
type fixed decimal.Decimal

func (f fixed) MarshalJSON() ([]byte, error) {
	fen, ok := yuan.Fen(decimal.Decimal(f))
	if !ok {
		return nil, fieldErr("amount", yuan.Text(decimal.Decimal(f)), ErrInvalidAmount, "more than two decimals or out of range")
	}
	b := make([]byte, 0, 24)
	b = append(b, '"')
	b = yuan.AppendFormat(b, fen)
	return append(b, '"'), nil
}

// fenText is an amount in fen that encodes as text with two decimals.
type fenText int64

func (f fenText) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '"')
	b = yuan.AppendFormat(b, int64(f))
	return append(b, '"'), nil
}
