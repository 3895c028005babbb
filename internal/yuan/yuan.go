// Package yuan converts between decimal yuan amounts and integer fen, the
// smallest unit of the renminbi (rule P7), without allocating.
//
// kefu's public API carries money as [decimal.Decimal] in yuan. Hot paths
// (a free-shipping decision, a concession review) must not allocate, and
// decimal arithmetic allocates a big.Int per operation; so rules convert to
// fen with [Fen], do exact integer arithmetic with the checked helpers here,
// and build a decimal with [Dec] only when a caller asks for one.
package yuan

import (
	"strconv"
	"sync/atomic"

	"github.com/shopspring/decimal"
)

// MaxFen bounds every amount kefu accepts: 10^15 fen is ten trillion yuan,
// far above any order, and low enough that sums of a few thousand amounts
// and products with a quantity of up to [MaxQuantity] are checked for
// overflow rather than silently wrapping.
const MaxFen int64 = 1_000_000_000_000_000

// MaxQuantity is the largest quantity of one line kefu accepts.
const MaxQuantity = 1_000_000

var pow10 = [...]int64{1, 10, 100, 1000, 10000, 100000, 1000000,
	10000000, 100000000, 1000000000, 10000000000, 100000000000,
	1000000000000, 10000000000000, 100000000000000, 1000000000000000,
	10000000000000000, 100000000000000000, 1000000000000000000}

// Fen returns d in fen. ok is false when d has a non-zero digit below the
// fen (more than two decimals) or when |d| exceeds [MaxFen] fen. Trailing
// zeros are fine: "1.500" is 150 fen. Fen does not allocate.
func Fen(d decimal.Decimal) (fen int64, ok bool) {
	if d.NumDigits() > 18 {
		// The coefficient may not fit an int64; no valid amount is this long
		// unless it carries trailing zeros beyond the fen, which kefu does
		// not accept either.
		return 0, false
	}
	c := d.CoefficientInt64()
	e := int(d.Exponent()) + 2 // the power of ten that turns c into fen
	switch {
	case e == 0:
		fen = c
	case e > 0:
		if e >= len(pow10) {
			if c != 0 {
				return 0, false
			}
			return 0, true
		}
		m := pow10[e]
		if c > MaxFen/m || c < -MaxFen/m {
			return 0, false
		}
		fen = c * m
	default:
		if -e >= len(pow10) {
			if c != 0 {
				return 0, false
			}
			return 0, true
		}
		m := pow10[-e]
		if c%m != 0 {
			return 0, false
		}
		fen = c / m
	}
	if fen > MaxFen || fen < -MaxFen {
		return 0, false
	}
	return fen, true
}

// Dec returns fen as a decimal amount in yuan with exactly two decimals.
// Every zero is [zero]; an amount from 0.01 to [DecCached] fen is built
// once, by its first caller, and shared from then on (see [cached]), so
// it does not allocate; another allocates what decimal.New does.
func Dec(fen int64) decimal.Decimal {
	if fen == 0 {
		return zero
	}
	if uint64(fen) <= DecCached {
		if p := cached[fen].Load(); p != nil {
			return *p
		}
		d := decimal.New(fen, -2)
		cached[fen].Store(&d)
		return d
	}
	return decimal.New(fen, -2)
}

// DecCached is the largest amount in fen [Dec] shares: 655.35 yuan, which
// holds the unit prices, postage and concessions of most orders.
const DecCached = 1<<16 - 1

// cached holds the decimals [Dec] shares, by fen, each built by the first
// call for its amount. A decimal is immutable (shopspring/decimal copies
// its big.Int before every operation that writes one, and shares one for
// its own zero), so sharing it is safe, also between goroutines; two
// callers that build the same amount at once store equal values, either
// of which is right. The table is 512 KiB of pointers, touched only where
// amounts occur; a decimal built is about 64 bytes, at most 4 MiB were
// every amount up to DecCached to occur.
//
// Half of what kefu allocated end to end were these decimals: orders
// built from the same prices now share their amounts, and building one
// allocates nothing for them (BenchmarkEndToEnd: 2.1 allocations per
// order against 8.5, and about 30% less CPU per row).
var cached [DecCached + 1]atomic.Pointer[decimal.Decimal]

// zero is 0.00, shared by every [Dec] of zero fen. A decimal is
// immutable (shopspring/decimal shares a big.Int for its own zero the
// same way), so sharing it is safe, also between goroutines; nothing
// ever writes it.
var zero = decimal.New(0, -2)

// Normalize returns d rescaled to exactly two decimals, so that two
// normalised amounts compare with [decimal.Decimal.Cmp] without allocating
// and print as "128.50". ok is false where [Fen] would fail.
func Normalize(d decimal.Decimal) (decimal.Decimal, bool) {
	f, ok := Fen(d)
	if !ok {
		return decimal.Decimal{}, false
	}
	if d.Exponent() == -2 {
		return d, true
	}
	return Dec(f), true
}

// Add returns a+b, or ok=false when the sum leaves ±[MaxFen].
func Add(a, b int64) (int64, bool) {
	s := a + b // cannot overflow int64: both are within ±MaxFen when valid
	if s > MaxFen || s < -MaxFen || a > MaxFen || a < -MaxFen || b > MaxFen || b < -MaxFen {
		return 0, false
	}
	return s, true
}

// Mul returns fen*qty, or ok=false when the product leaves ±[MaxFen] or qty
// is negative.
func Mul(fen int64, qty int) (int64, bool) {
	if qty < 0 || fen > MaxFen || fen < -MaxFen {
		return 0, false
	}
	if qty == 0 || fen == 0 {
		return 0, true
	}
	if int64(qty) > MaxFen/abs(fen) {
		return 0, false
	}
	return fen * int64(qty), true
}

// MaxBasisPoints bounds the share [Percent] takes: 10000% of an amount.
const MaxBasisPoints = 1_000_000

// Percent returns basisPoints/10000 of fen (100 basis points are 1%),
// rounded toward zero to the fen. Callers use it for caps, where rounding
// down keeps a limit a limit. basisPoints is clamped to [0, MaxBasisPoints],
// which keeps every intermediate product far inside int64.
func Percent(fen int64, basisPoints int64) int64 {
	basisPoints = max(0, min(basisPoints, MaxBasisPoints))
	q, r := fen/10000, fen%10000
	return q*basisPoints + r*basisPoints/10000
}

// Format renders fen as yuan with two decimals, e.g. "128.50" or "-0.05".
func Format(fen int64) string {
	var buf [24]byte
	return string(AppendFormat(buf[:0], fen))
}

// AppendFormat appends [Format]'s rendering of fen to dst.
func AppendFormat(dst []byte, fen int64) []byte {
	if fen < 0 {
		dst = append(dst, '-')
	}
	a := abs(fen)
	dst = strconv.AppendInt(dst, a/100, 10)
	c := a % 100
	return append(dst, '.', byte('0'+c/10), byte('0'+c%10))
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// MaxTextLen bounds an amount as text: a sign, 13 integer digits (MaxFen
// fen is 10^13 yuan), a point and two decimals, with room for a few
// leading zeros. Longer text is refused before any digit is read, so a
// megabyte of digits costs no more than a short amount.
const MaxTextLen = 24

// Problem says why [Parse] refused a text.
type Problem uint8

// The problems of an amount's text.
const (
	OK         Problem = iota
	Empty              // no text at all
	Malformed          // not digits with an optional sign and point
	TooPrecise         // more than two decimals: fen is the smallest unit
	TooLarge           // more than MaxFen fen, or longer than MaxTextLen
)

// Detail returns the problem as the detail of an error message.
func (p Problem) Detail() string {
	switch p {
	case Empty:
		return "empty"
	case Malformed:
		return "not an amount in yuan such as 128.50"
	case TooPrecise:
		return "more than two decimals"
	case TooLarge:
		return "out of range"
	}
	return ""
}

// Parse reads an amount in yuan written as decimal text — an optional
// "-", digits, and optionally "." and one or two decimals ("128.5",
// "128.50", "-0.05", "7") — and returns it in fen. It refuses exponents,
// a leading "+", white space, a bare point and more than two decimals
// ("128.505" is refused, never rounded), and text longer than
// [MaxTextLen] before reading it. Parse does not allocate.
func Parse(s string) (int64, Problem) {
	if s == "" {
		return 0, Empty
	}
	if len(s) > MaxTextLen {
		return 0, TooLarge
	}
	i, neg := 0, false
	if s[0] == '-' {
		neg, i = true, 1
	}
	var whole int64
	start := i
	for ; i < len(s); i++ {
		d := s[i] - '0' // a byte: anything but a digit is above 9
		if d > 9 {
			break
		}
		whole = whole*10 + int64(d) // at most 23 digits: checked below
		if whole > MaxFen/100 {
			return 0, TooLarge
		}
	}
	if i == start {
		return 0, Malformed
	}
	var frac int64
	if i < len(s) {
		if s[i] != '.' {
			return 0, Malformed
		}
		// One or two decimals and the end of the text; a third decimal
		// is too precise, anything else malformed.
		switch f := s[i+1:]; {
		case len(f) == 1 && isDigit(f[0]):
			frac = int64(f[0]-'0') * 10
		case len(f) >= 2 && isDigit(f[0]) && isDigit(f[1]):
			if len(f) > 2 {
				if isDigit(f[2]) {
					return 0, TooPrecise
				}
				return 0, Malformed
			}
			frac = int64(f[0]-'0')*10 + int64(f[1]-'0')
		default:
			return 0, Malformed
		}
	}
	fen := whole*100 + frac
	if fen > MaxFen {
		return 0, TooLarge
	}
	if neg {
		fen = -fen
	}
	return fen, OK
}

func isDigit(c byte) bool { return c-'0' <= 9 }

// leadingZero reports whether the bare number b starts, after its sign,
// with a zero followed by a digit, which JSON's grammar refuses.
func leadingZero(b []byte) bool {
	if len(b) > 0 && b[0] == '-' {
		b = b[1:]
	}
	return len(b) > 1 && b[0] == '0' && isDigit(b[1])
}

// ParseJSON reads an amount from a JSON value: a string ("128.50", as the
// platform sends money) or a bare number (128.50), both with the rules of
// [Parse] applied to their text, never through floating point. null is
// reported as Empty for the caller to decide.
func ParseJSON(b []byte) (int64, Problem) {
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
		if len(b) == 0 {
			return 0, Empty
		}
	} else if string(b) == "null" {
		return 0, Empty
	} else if leadingZero(b) {
		return 0, Malformed // 05 is not a JSON number, though "05" is amount text
	}
	if len(b) > MaxTextLen {
		return 0, TooLarge
	}
	return Parse(string(b)) // the conversion of ≤ 24 bytes does not escape
}
