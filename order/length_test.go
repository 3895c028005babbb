package order_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/order"
)

// hostileText returns about n bytes of text that costs the most to
// normalise for its size: a letter followed by combining acute accents,
// which NFKC reorders and composes.
func hostileText(n int) string { return "e" + strings.Repeat("\u0301", n/2) }

// invisibleText returns "e" followed by about n bytes of zero-width
// spaces, which normalisation drops: before the length was checked as
// given, a megabyte of them normalised to "e" and was accepted.
func invisibleText(n int) string { return "e" + strings.Repeat("\u200b", n/3) }

// TestTextLengthIsCheckedBeforeNormalising pins issue 10 #9: every text
// field of an order, and the address and SKU parsers, refuse a megabyte
// after one length check — never normalising it whole (a megabyte of
// combining marks cost 120 ms in order.New, ten megabytes seconds in
// ParseAddress), and never accepting a megabyte of invisible characters
// because it normalises short. Refusing 1 MB must cost less than
// normalising a few hundred bytes of the same text that the field
// accepts.
func TestTextLengthIsCheckedBeforeNormalising(t *testing.T) {
	const mb = 1 << 20
	newWith := func(edit func(*order.Spec, string)) func(string) error {
		return func(s string) error {
			spec := paidSpec()
			edit(&spec, s)
			_, err := order.New(spec)
			return err
		}
	}
	cases := []struct {
		reason string
		small  int    // bytes of hostile text the field accepts; 0: it refuses any
		prefix string // put before the hostile text
		try    func(string) error
		want   error
	}{
		{"buyer message", 900, "", newWith(func(s *order.Spec, v string) { s.Message = v }), order.ErrInvalidText},
		{"buyer nickname", 190, "", newWith(func(s *order.Spec, v string) { s.Buyer.Nick = v }), order.ErrInvalidText},
		{"line title", 290, "", newWith(func(s *order.Spec, v string) { s.Lines[0].Title = v }), order.ErrInvalidText},
		{"recipient", 80, "", newWith(func(s *order.Spec, v string) { s.Address.Recipient = v }), order.ErrInvalidAddress},
		{"city", 80, "", newWith(func(s *order.Spec, v string) { s.Address.City = v }), order.ErrInvalidAddress},
		{"district", 80, "", newWith(func(s *order.Spec, v string) { s.Address.District = v }), order.ErrInvalidAddress},
		{"street detail", 290, "", newWith(func(s *order.Spec, v string) { s.Address.Detail = v }), order.ErrInvalidAddress},
		{"province", 0, "浙江", func(v string) error {
			_, err := order.NormalizeAddress(order.Address{Province: v})
			return err
		}, order.ErrInvalidAddress},
		{"phone", 0, "138", func(v string) error {
			_, err := order.NormalizeAddress(order.Address{Phone: v})
			return err
		}, order.ErrInvalidPhone},
		{"ParseAddress", 290, "张三,13812345678,浙江省,杭州市,西湖区,", func(v string) error {
			_, err := order.ParseAddress(v)
			return err
		}, order.ErrInvalidAddress},
		{"NormalizeSKU", 0, "A", func(v string) error { _, err := order.NormalizeSKU(v); return err }, order.ErrInvalidSKU},
		{"ParseRegion", 0, "浙江", func(v string) error { _, err := order.ParseRegion(v); return err }, order.ErrUnknownRegion},
		{"order ID", 0, "T", newWith(func(s *order.Spec, v string) { s.ID = v }), order.ErrInvalidText},
		{"buyer ID", 0, "b", newWith(func(s *order.Spec, v string) { s.Buyer.ID = v }), order.ErrInvalidText},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			for _, gen := range []func(int) string{hostileText, invisibleText} {
				big := c.prefix + gen(mb)
				err := c.try(big)
				require.ErrorIs(t, err, c.want, "a megabyte is refused")
				if c.small == 0 {
					continue // the field refuses such text at any length
				}
				small := c.prefix + gen(c.small)
				require.NoError(t, c.try(small), "a few hundred bytes are fine")
				if testing.Short() {
					continue
				}
				s := costtest.Fastest(func() { _ = c.try(small) })
				l := costtest.Fastest(func() { _ = c.try(big) })
				assert.Less(t, l, s, "refusing 1 MB (%v) costs less than normalising %d bytes (%v)", l, c.small, s)
			}
		})
	}
}
