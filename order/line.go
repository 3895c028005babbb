package order

import (
	"strconv"
	"unicode"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/yuan"
)

// Line is one line of an order: a quantity of one SKU (货号) at a unit
// price. Gifts, exchanges, stock and refunds refer to lines by SKU, so an
// order never holds two lines with the same SKU.
//
// Line is a plain value; an [Order] holds its lines normalised: the SKU and
// title normalised, the price with exactly two decimals.
type Line struct {
	SKU         string          `json:"sku"`
	Title       string          `json:"title,omitempty"`
	Quantity    int             `json:"quantity"`
	UnitPrice   decimal.Decimal `json:"unit_price"`
	WeightGrams int             `json:"weight_grams,omitempty"` // per unit; 0 means unknown
	Gift        bool            `json:"gift,omitempty"`         // a free gift; its unit price is 0
}

// Amount returns Quantity × UnitPrice in yuan.
func (l Line) Amount() decimal.Decimal {
	return l.UnitPrice.Mul(decimal.NewFromInt(int64(l.Quantity)))
}

// Maximum sizes in bytes of normalised UTF-8: a SKU, long enough for any
// real 货号, and a line's title (the platform's titles are at most 60
// characters).
const (
	maxSKUBytes   = 64
	maxTitleBytes = 300
)

// NormalizeSKU returns the canonical form of a SKU (货号): width-folded,
// NFKC, without surrounding space. A SKU is 1 to 64 bytes of letters (any
// script), digits and the marks "-_./#+"; anything else — empty, spaces
// inside, punctuation a note would need to escape — is an error wrapping
// [ErrInvalidSKU]. "ＡＢ－１２" and "AB-12" are the same SKU.
//
// A SKU longer than 256 bytes as given is refused before it is normalised.
func NormalizeSKU(sku string) (string, error) {
	if isASCIISKU(sku) {
		return sku, nil // already canonical: the common case, one pass
	}
	if tooLong(sku, maxSKUBytes) {
		return "", fieldErr("sku", sku, ErrInvalidSKU, "longer than "+strconv.Itoa(maxSKUBytes)+" bytes")
	}
	s, ok := textnorm.Line(sku)
	if !ok {
		return "", fieldErr("sku", sku, ErrInvalidText, "not valid UTF-8")
	}
	if s == "" {
		return "", fieldErr("sku", sku, ErrInvalidSKU, "empty")
	}
	if len(s) > maxSKUBytes {
		return "", fieldErr("sku", sku, ErrInvalidSKU, "longer than "+strconv.Itoa(maxSKUBytes)+" bytes")
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !isSKUMark(r) {
			return "", fieldErr("sku", sku, ErrInvalidSKU, "only letters, digits and -_./#+ are allowed")
		}
	}
	return s, nil
}

// isASCIISKU reports whether sku is 1 to 64 bytes of ASCII letters,
// digits and SKU marks: a SKU NormalizeSKU returns as it is.
func isASCIISKU(sku string) bool {
	if sku == "" || len(sku) > maxSKUBytes {
		return false
	}
	for i := 0; i < len(sku); i++ {
		c := sku[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || isSKUMark(rune(c))) {
			return false
		}
	}
	return true
}

func isSKUMark(r rune) bool {
	switch r {
	case '-', '_', '.', '/', '#', '+':
		return true
	}
	return false
}

// normalize checks and normalises line i of an order into *dst (the
// order's own line, written in place: on error the order is dropped),
// returning its amount in fen. The field names of its errors
// ("lines[2].sku") are built only when there is an error.
func (l *Line) normalize(i int, dst *Line) (int64, error) {
	sku, err := NormalizeSKU(l.SKU)
	if err != nil {
		e := err.(*Error)
		e.Field = lineField(i, ".sku")
		return 0, e
	}
	title, why := normText(l.Title, maxTitleBytes)
	if why != "" {
		return 0, fieldErr(lineField(i, ".title"), l.Title, ErrInvalidText, why)
	}
	if l.Quantity < 1 || l.Quantity > yuan.MaxQuantity {
		return 0, fieldErr(lineField(i, ".quantity"), strconv.Itoa(l.Quantity), ErrInvalidQuantity,
			"must be 1 to "+strconv.Itoa(yuan.MaxQuantity))
	}
	price, fen, why := checkAmount(l.UnitPrice)
	if why != "" {
		return 0, fieldErr(lineField(i, ".unit_price"), amountText(l.UnitPrice), ErrInvalidAmount, why)
	}
	if l.Gift && fen != 0 {
		return 0, fieldErr(lineField(i, ".unit_price"), yuan.Format(fen), ErrInvalidAmount, "a gift line costs nothing")
	}
	if l.WeightGrams < 0 {
		return 0, fieldErr(lineField(i, ".weight_grams"), strconv.Itoa(l.WeightGrams), ErrInvalidQuantity, "must not be negative")
	}
	total, ok := yuan.Mul(fen, l.Quantity)
	if !ok {
		return 0, fieldErr(lineField(i, ""), yuan.Format(fen)+"×"+strconv.Itoa(l.Quantity), ErrInvalidAmount,
			"the line total is above "+maxAmountText)
	}
	*dst = Line{SKU: sku, Title: title, Quantity: l.Quantity, UnitPrice: price, WeightGrams: l.WeightGrams, Gift: l.Gift}
	return total, nil
}

// lineField names a field of line i in an error: "lines[2]" + sub.
func lineField(i int, sub string) string { return "lines[" + strconv.Itoa(i) + "]" + sub }

// amount checks a money field: not negative, at most two decimals, at
// most [yuan.MaxFen] fen. It returns the amount with exactly two decimals
// and in fen.
func amount(field string, d decimal.Decimal) (decimal.Decimal, int64, error) {
	n, fen, why := checkAmount(d)
	if why != "" {
		return decimal.Decimal{}, 0, fieldErr(field, amountText(d), ErrInvalidAmount, why)
	}
	return n, fen, nil
}

// checkAmount is [amount] without the field name: it returns why d is
// refused ("" when it is not), for the caller to name the field.
func checkAmount(d decimal.Decimal) (decimal.Decimal, int64, string) {
	fen, ok := yuan.Fen(d)
	switch {
	case !ok && d.Exponent() < -2 && d.NumDigits() <= 18:
		return decimal.Decimal{}, 0, "more than two decimals"
	case !ok:
		return decimal.Decimal{}, 0, "above " + maxAmountText
	case fen < 0:
		return decimal.Decimal{}, 0, "must not be negative"
	}
	if d.Exponent() == -2 {
		return d, fen, "" // already two decimals: the caller's decimal as it is
	}
	return yuan.Dec(fen), fen, ""
}

// maxAmountText is [yuan.MaxFen] in yuan, for error messages.
var maxAmountText = yuan.Format(yuan.MaxFen)
