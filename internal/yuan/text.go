package yuan

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// maxPlainDigits bounds the decimals [Text] prints with their own String:
// short enough that printing costs nothing.
const maxPlainDigits = 30

// Text renders an amount a caller gave for an error message, at a cost
// that does not depend on the amount: "128.50" for a whole number of fen
// in range (never decimal's "128.5"), the decimal's own text when it is
// short ("49.505" shows the digit below the fen), and otherwise its sign,
// its coefficient when short or only its number of digits, and its power
// of ten ("1e1000000", "<5000 digits>e-2"). decimal's String of
// decimal.New(1, 1e6) writes a million zeros; Text never does. Every
// package quotes amounts through it, so they read alike (rule P7).
func Text(d decimal.Decimal) string {
	if f, ok := Fen(d); ok {
		return Format(f)
	}
	e := d.Exponent()
	n := d.NumDigits()
	if n <= maxPlainDigits && e >= -maxPlainDigits && e <= maxPlainDigits {
		return d.String()
	}
	var c string
	if n <= maxPlainDigits {
		c = d.Coefficient().String()
	} else {
		if d.Sign() < 0 {
			c = "-"
		}
		c += "<" + strconv.Itoa(n) + " digits>"
	}
	return c + "e" + strconv.FormatInt(int64(e), 10)
}
