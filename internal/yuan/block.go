package yuan

import (
	"math/big"
	"math/bits"
	"reflect"
	"unsafe"

	"github.com/shopspring/decimal"
)

// A decimal built with [Dec] costs two allocations (decimal.New's big.Int
// and its one word); an order holds three derived totals, built on every
// order.New. Dec3 builds three from one allocation: the big.Ints and
// their words live in one block and the decimals point into it.
// shopspring/decimal has no constructor that keeps a given *big.Int (its
// NewFromBigInt copies), so Dec3 writes the decimal's two fields through
// decimalFields, a copy of its layout — only when reflection confirms,
// once, that the layout is exactly that (decimalLayoutOK); otherwise it
// falls back to Dec. A decimal is immutable (its operations allocate new
// big.Ints and never write to their operands), so sharing the block is
// safe, and the block lives as long as any of the three decimals.

// decimalFields mirrors the fields of decimal.Decimal.
type decimalFields struct {
	value *big.Int
	exp   int32
}

// decimalLayoutOK reports whether decimal.Decimal is laid out as
// decimalFields: the same size, a field value of type *big.Int and a
// field exp of type int32 at the same offsets, and nothing else. It is
// computed once, at start-up, and never changes.
var decimalLayoutOK = func() bool {
	t := reflect.TypeFor[decimal.Decimal]()
	if t.Size() != unsafe.Sizeof(decimalFields{}) || t.NumField() != 2 {
		return false
	}
	v, e := t.Field(0), t.Field(1)
	return v.Name == "value" && v.Type == reflect.TypeFor[*big.Int]() && v.Offset == unsafe.Offsetof(decimalFields{}.value) &&
		e.Name == "exp" && e.Type == reflect.TypeFor[int32]() && e.Offset == unsafe.Offsetof(decimalFields{}.exp)
}()

// wordsPerFen is the number of big.Words an amount within ±[MaxFen] needs.
const wordsPerFen = 64 / bits.UintSize

// block3 holds the coefficients of three decimals.
type block3 struct {
	ints  [3]big.Int
	words [3 * wordsPerFen]big.Word
}

// Dec3 returns a, b and c as [Dec] does — decimal amounts in yuan with
// exactly two decimals — from one allocation instead of six. Each amount
// must be within ±[MaxFen].
func Dec3(a, b, c int64) (decimal.Decimal, decimal.Decimal, decimal.Decimal) {
	if !decimalLayoutOK {
		return Dec(a), Dec(b), Dec(c)
	}
	blk := new(block3)
	return blk.dec(0, a), blk.dec(1, b), blk.dec(2, c)
}

// dec sets the i-th coefficient of blk to fen and returns it as a decimal
// with two decimals.
func (blk *block3) dec(i int, fen int64) decimal.Decimal {
	u := uint64(abs(fen))
	w := blk.words[i*wordsPerFen : (i+1)*wordsPerFen : (i+1)*wordsPerFen]
	w[0] = big.Word(u)
	if wordsPerFen == 2 {
		w[1%wordsPerFen] = big.Word(u >> 32) // the high word on 32-bit platforms
	}
	z := blk.ints[i].SetBits(w) // keeps w, trimmed of leading zero words
	if fen < 0 {
		z.Neg(z)
	}
	f := decimalFields{value: z, exp: -2}
	return *(*decimal.Decimal)(unsafe.Pointer(&f))
}
