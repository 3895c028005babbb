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

func isSKUMark(r rune) bool {
	switch r {
	case '-', '_', '.', '/', '#', '+':
		return true
	}
	return false
}

// normalize checks and normalises line i of an order, returning it with
// its amount in fen.
func (l Line) normalize(i int) (Line, int64, error) {
	field := "lines[" + strconv.Itoa(i) + "]"
	sku, err := NormalizeSKU(l.SKU)
	if err != nil {
		e := err.(*Error)
		e.Field = field + ".sku"
		return Line{}, 0, e
	}
	title, err := text(field+".title", l.Title, maxTitleBytes)
	if err != nil {
		return Line{}, 0, err
	}
	if l.Quantity < 1 || l.Quantity > yuan.MaxQuantity {
		return Line{}, 0, fieldErr(field+".quantity", strconv.Itoa(l.Quantity), ErrInvalidQuantity,
			"must be 1 to "+strconv.Itoa(yuan.MaxQuantity))
	}
	price, fen, err := amount(field+".unit_price", l.UnitPrice)
	if err != nil {
		return Line{}, 0, err
	}
	if l.Gift && fen != 0 {
		return Line{}, 0, fieldErr(field+".unit_price", yuan.Format(fen), ErrInvalidAmount, "a gift line costs nothing")
	}
	if l.WeightGrams < 0 {
		return Line{}, 0, fieldErr(field+".weight_grams", strconv.Itoa(l.WeightGrams), ErrInvalidQuantity, "must not be negative")
	}
	total, ok := yuan.Mul(fen, l.Quantity)
	if !ok {
		return Line{}, 0, fieldErr(field, yuan.Format(fen)+"×"+strconv.Itoa(l.Quantity), ErrInvalidAmount,
			"the line total is above "+maxAmountText)
	}
	return Line{SKU: sku, Title: title, Quantity: l.Quantity, UnitPrice: price, WeightGrams: l.WeightGrams, Gift: l.Gift}, total, nil
}

// amount checks a money field: not negative, at most two decimals, at
// most [yuan.MaxFen] fen. It returns the amount with exactly two decimals
// and in fen.
func amount(field string, d decimal.Decimal) (decimal.Decimal, int64, error) {
	fen, ok := yuan.Fen(d)
	switch {
	case !ok && d.Exponent() < -2 && d.NumDigits() <= 18:
		return decimal.Decimal{}, 0, fieldErr(field, amountText(d), ErrInvalidAmount, "more than two decimals")
	case !ok:
		return decimal.Decimal{}, 0, fieldErr(field, amountText(d), ErrInvalidAmount, "above "+maxAmountText)
	case fen < 0:
		return decimal.Decimal{}, 0, fieldErr(field, amountText(d), ErrInvalidAmount, "must not be negative")
	}
	n, _ := yuan.Normalize(d)
	return n, fen, nil
}

// maxAmountText is [yuan.MaxFen] in yuan, for error messages.
var maxAmountText = yuan.Format(yuan.MaxFen)
