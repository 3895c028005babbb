package refund

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// identifier applies kefu's identity rule ([order.CanonicalID]) to the ID
// in field: an idempotency key, a refund, order or exchange ID. It does not
// allocate for an ID already canonical ASCII.
func identifier(field, s string) (string, error) {
	n, p := textnorm.ID(s)
	switch p {
	case textnorm.IDOK:
		return n, nil
	case textnorm.IDEmpty:
		return "", fieldErr(field, s, ErrMissing, "")
	}
	return "", fieldErr(field, s, ErrInvalidText, p.Detail())
}

// Waybill numbers are 6 to 40 ASCII letters, digits and "-" once
// full-width forms are folded ("ＳＦ１２３" is "SF123").
const (
	minWaybill = 6
	maxWaybill = 40
)

// waybill normalises a waybill number: the identity rule, then only ASCII
// letters, digits and "-", 6 to 40 of them.
func waybill(field, s string) (string, error) {
	if len(s) > 4*maxWaybill {
		return "", fieldErr(field, s, ErrInvalidText, "longer than "+strconv.Itoa(maxWaybill)+" characters")
	}
	n, err := identifier(field, s)
	if err != nil {
		return "", err
	}
	if len(n) < minWaybill || len(n) > maxWaybill {
		return "", fieldErr(field, s, ErrInvalidText, "a waybill number has 6 to 40 characters")
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '-') {
			return "", fieldErr(field, s, ErrInvalidText, "a waybill number holds only letters, digits and -")
		}
	}
	return n, nil
}

// sku normalises a SKU with [order.NormalizeSKU], naming field in the
// error. Text longer than four times a SKU's 64 bytes cannot normalise to
// one and is refused before it is normalised.
func sku(field, s string) (string, error) {
	if len(s) > 4*64 {
		return "", fieldErr(field, s, ErrInvalidSKU, "longer than 64 bytes")
	}
	n, err := order.NormalizeSKU(s)
	if err != nil {
		if e, ok := err.(*Error); ok {
			return "", fieldErr(field, s, e.Err, e.Detail)
		}
		return "", err
	}
	return n, nil
}

// fen converts an amount of the API to fen: at most two decimals (rule
// P7), within range, not negative. It does not allocate.
func fen(field string, d decimal.Decimal) (int64, error) {
	f, ok := yuan.Fen(d)
	switch {
	case !ok && d.Exponent() < -2 && d.NumDigits() <= 18:
		return 0, fieldErr(field, yuan.Text(d), ErrInvalidAmount, "more than two decimals")
	case !ok:
		return 0, fieldErr(field, yuan.Text(d), ErrInvalidAmount, "out of range")
	case f < 0:
		return 0, fieldErr(field, yuan.Text(d), ErrInvalidAmount, "must not be negative")
	}
	return f, nil
}

// money is an amount in fen that encodes in JSON as text with two
// decimals ("128.50"), as the platform carries money, and decodes exact
// text ([yuan.ParseJSON]: a string or a bare number, at most two decimals,
// bounded before it is read). A negative amount is refused.
type money int64

func (m money) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 24)
	b = append(b, '"')
	b = yuan.AppendFormat(b, int64(m))
	return append(b, '"'), nil
}

// parseMoneyText reads a stored amount for field as money text only: a
// JSON string of at most two decimals ("8.00", the form kefu writes every
// amount in), read by [parseMoney]. A bare JSON number, null, a "+", an
// exponent or text longer than an amount can be is refused before a digit
// is read, and named by its first 40 bytes, never copied whole (rule R7).
// A "-" is read as yuan.Parse reads it ("-0.00" is zero); the callers
// refuse a negative amount.
func parseMoneyText(field string, raw json.RawMessage) (int64, error) {
	if len(raw) == 0 {
		return 0, fieldErr(field, "", ErrInvalidAmount, yuan.Empty.Detail())
	}
	if raw[0] != '"' || len(raw) > 2+yuan.MaxTextLen {
		if n := 40; len(raw) > n {
			for n > 0 && !utf8.RuneStart(raw[n]) { // cut where a character starts
				n--
			}
			raw = raw[:n]
		}
		return 0, fieldErr(field, string(raw), ErrInvalidAmount, `money as text with at most two decimals, e.g. "8.00"`)
	}
	return parseMoney(field, raw)
}

// parseMoney reads the JSON of an amount for field.
func parseMoney(field string, raw json.RawMessage) (int64, error) {
	f, p := yuan.ParseJSON(raw)
	if p != yuan.OK {
		return 0, fieldErr(field, string(raw), ErrInvalidAmount, p.Detail())
	}
	if f < 0 {
		return 0, fieldErr(field, string(raw), ErrInvalidAmount, "must not be negative")
	}
	return f, nil
}

// optionalTime checks a time a caller may leave zero: if set, in the years
// 1 to 9999, which JSON and RFC 3339 hold.
func optionalTime(field string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.Year(); y < 1 || y > 9999 {
		return fieldErr(field, strconv.Itoa(y), ErrInconsistent, "a time in the years 1 to 9999")
	}
	return nil
}
