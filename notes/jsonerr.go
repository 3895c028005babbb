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
	switch p.Kind {
	case jsonx.UnknownField:
		return order.ErrUnknownField
	case jsonx.Text: // text encoding/json would repair (rules O7, S4, A3)
		return order.ErrInvalidText
	}
	return order.ErrInvalidJSON
}

// decodeJSON decodes b strictly into v ([jsonx.Decode]: unknown fields and
// trailing data refused), reporting errors with [jsonErr].
func decodeJSON(field string, b []byte, v any) error { return jsonErr(field, jsonx.Decode(b, v)) }

// MaxJSON bounds the JSON of one value — a note, a draft, a memo, a
// hand-off, a promise, a reply, a decision, a checklist, a policy: 256 kB,
// far more than the largest valid one takes (a hand-off with every option
// [MaxOptions] allows, every character escaped). Longer JSON is refused
// before it is decoded, so a hostile document costs no more than reading
// it. Lists — a [Ledger], a [Tracker], [QuickReplies], an [Agenda] — are
// bounded by what they hold, not by bytes.
const MaxJSON = 256 << 10

// decodeValue is [decodeJSON] for the JSON of one value, refused unread
// beyond [MaxJSON] bytes.
func decodeValue(field string, b []byte, v any) error {
	if len(b) > MaxJSON {
		return &Error{Pkg: "notes", Field: field, Err: order.ErrInvalidJSON,
			Detail: "longer than " + strconv.Itoa(MaxJSON) + " bytes"}
	}
	return decodeJSON(field, b, v)
}

// amountJSON encodes an amount as the platform carries money: text with
// two decimals ("12.00"); the zero amount is left out.
func amountJSON(d decimal.Decimal) json.RawMessage {
	if d.IsZero() {
		return nil
	}
	if fen, ok := yuan.Fen(d); ok {
		return json.RawMessage(strconv.Quote(yuan.Format(fen)))
	}
	return json.RawMessage(strconv.Quote(yuan.Text(d)))
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
	v := string(raw)
	if len(raw) >= 2 && raw[0] == '"' && raw[len(raw)-1] == '"' {
		v = v[1 : len(v)-1]
	}
	return decimal.Decimal{}, causeErr(field, v, ErrInvalidDetail, p.Detail(), order.ErrInvalidAmount)
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
	c.Field = indexed(field, i, sub)
	return &c
}

// indexed is the path of sub in element i of the list field.
func indexed(field string, i int, sub string) string {
	return jsonx.Join(field+"["+strconv.Itoa(i)+"]", sub)
}
