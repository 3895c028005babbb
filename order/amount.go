package order

import (
	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
)

// ParseAmount reads an amount in yuan written as exact decimal text — an
// optional "-", digits, and optionally "." and one or two decimals
// ("128.50", "128.5", "7", "-0.05") — and returns it as a decimal with
// exactly two decimals, the form an [Order] holds its amounts in (rule
// P7). It is the strict parser a backend uses for the platform's amount
// text before building a [Spec] or a request: it refuses exponents, a
// leading "+", white space, a bare point and more than two decimals
// ("128.505" is refused, never rounded; so is "1.500"), amounts beyond
// 10^13 yuan and text longer than 24 bytes before reading it. A negative
// amount parses; the rules that take one refuse it where it has no
// meaning ([New] refuses a negative price).
//
// Where both accept the text, the result equals
// decimal.NewFromString's, at less cost: one pass over the bytes, no
// decimal parsing, and no allocation at all for zero ("0.00", the usual
// discount, and a gift's price), which is one shared value — decimals are
// immutable — nor, once the amount has been seen, for one up to 655.35,
// which holds most prices and postage: those are shared too.
//
// A refused text is an [*Error] wrapping [ErrInvalidAmount] that quotes it.
func ParseAmount(s string) (decimal.Decimal, error) {
	fen, p := yuan.Parse(s)
	if p != yuan.OK {
		return decimal.Decimal{}, fieldErr("amount", s, ErrInvalidAmount, p.Detail())
	}
	return yuan.Dec(fen), nil
}
