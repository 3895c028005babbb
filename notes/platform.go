package notes

import (
	"strconv"

	"github.com/kefu-go/kefu/order"
)

// TradeMemo returns the seller memo (卖家备注) of a platform trade record
// ([order.Trade]): seller_memo is its text and seller_flag, the
// platform's number 0 to 5 ([FlagOf]), its flag. The text is kept byte for
// byte: lines an agent typed by hand on the platform stay as they are,
// beside kefu's own notes — [Memo.Notes] tells the two apart, and
// [Memo.Append] adds a note after them without rewriting any (rule N1).
//
// A flag other than 0 to 5 wraps [ErrUnknownFlag] (field "seller_flag");
// a memo longer than [MemoLimit] bytes of UTF-8 wraps [ErrMemoTooLong] and
// one that is not valid UTF-8 [ErrInvalidText] (field "seller_memo"). The
// length is checked first, so a hostile memo costs no more than its
// length.
func TradeMemo(t order.Trade) (Memo, error) {
	f, err := FlagOf(t.SellerFlag)
	if err != nil {
		return Memo{}, fieldErr("seller_flag", strconv.Itoa(t.SellerFlag), ErrUnknownFlag, "the platform's flags are 0 to 5")
	}
	if len(t.SellerMemo) > MemoLimit {
		return Memo{}, fieldErr("seller_memo", "", ErrMemoTooLong, strconv.Itoa(len(t.SellerMemo))+" bytes")
	}
	m, err := NewMemo(t.SellerMemo, f)
	if e, ok := err.(*Error); ok {
		c := *e
		c.Field = "seller_memo"
		return Memo{}, &c
	}
	return m, err
}
