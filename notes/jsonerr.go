package notes

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// jsonErr turns an error of decoding the JSON of field into an [*Error]
// wrapping [order.ErrUnknownField] or [order.ErrInvalidJSON]; a kefu error
// from a nested decoder passes unchanged. order, shipping and pricing have
// the same lines.
func jsonErr(field string, err error) error {
	var e *Error
	if err == nil || errors.As(err, &e) {
		return err
	}
	p := jsonx.Describe(err)
	return &Error{Pkg: "notes", Field: jsonx.Join(field, p.Field), Value: p.Value, Err: jsonSentinel(p), Detail: p.Detail}
}

// jsonSentinel is the sentinel of a JSON problem.
func jsonSentinel(p jsonx.Problem) error {
	if p.Kind == jsonx.UnknownField {
		return order.ErrUnknownField
	}
	return order.ErrInvalidJSON
}

// decodeJSON decodes b strictly into v ([jsonx.Decode]: unknown fields and
// trailing data refused), reporting errors with [jsonErr].
func decodeJSON(field string, b []byte, v any) error { return jsonErr(field, jsonx.Decode(b, v)) }

// amountJSON encodes an amount as the platform carries money: text with
// two decimals ("12.00"); the zero amount is left out.
func amountJSON(d decimal.Decimal) json.RawMessage {
	if d.IsZero() {
		return nil
	}
	if fen, ok := yuan.Fen(d); ok {
		return json.RawMessage(strconv.Quote(yuan.Format(fen)))
	}
	return json.RawMessage(strconv.Quote(amountText(d)))
}

// decodeAmount reads an amount from JSON: text ("12.00") or a number
// (12.00), exact, at most two decimals ("12.005" is refused, never
// rounded), its length bounded before any digit is read. Absent, null
// or "" is zero. An error is an [*Error] for field wrapping
// [ErrInvalidDetail] and [order.ErrInvalidAmount].
func decodeAmount(field string, raw json.RawMessage) (decimal.Decimal, error) {
	if raw == nil {
		return decimal.Decimal{}, nil
	}
	fen, p := yuan.ParseJSON(raw)
	switch p {
	case yuan.OK:
		return yuan.Dec(fen), nil
	case yuan.Empty:
		return decimal.Decimal{}, nil
	}
	return decimal.Decimal{}, causeErr(field, string(raw), ErrInvalidDetail, p.Detail(), order.ErrInvalidAmount)
}

// decodeList decodes a JSON array strictly, each element with decode,
// naming a bad element's field by its index: "promises[3].buyer_id".
func decodeList[T any](field string, b []byte, decode func([]byte, *T) error) ([]T, error) {
	var raws []json.RawMessage
	if err := decodeJSON(field, b, &raws); err != nil {
		return nil, err
	}
	if raws == nil {
		return nil, nil
	}
	out := make([]T, len(raws))
	for i, raw := range raws {
		if err := decode(raw, &out[i]); err != nil {
			return nil, atIndex(field, i, err)
		}
	}
	return out, nil
}

// atIndex names err's field inside element i of the list field: the
// element's own field "promise.id" becomes "promises[3].id".
func atIndex(field string, i int, err error) error {
	var e *Error
	if !errors.As(err, &e) {
		return err
	}
	c := *e
	sub := c.Field
	for j := 0; j < len(sub); j++ {
		if sub[j] == '.' {
			sub = sub[j+1:]
			break
		}
		if j == len(sub)-1 {
			sub = ""
		}
	}
	c.Field = jsonx.Join(field+"["+strconv.Itoa(i)+"]", sub)
	return &c
}
