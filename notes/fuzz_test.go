package notes_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// FuzzParseNote checks that ParseNote never panics on any text, that what
// it accepts renders back to text it reads as the same note, and that a
// valid note built from the fuzzer's fields survives render → parse in
// both languages: parse(render(n)) == n.
func FuzzParseNote(f *testing.F) {
	// Seed corpus: every golden line, typed variants, hostile text.
	for _, g := range goldenNotes() {
		n, _ := notes.NormalizeNote(g.note)
		f.Add(n.String(), uint8(g.note.Kind), uint8(g.note.Flag), g.note.Reason, "李四", "AB-1", 1, int64(1200), int64(1795500000))
		f.Add(n.Format(notes.English, nil), uint8(g.note.Kind), uint8(g.note.Flag), "a|b\\c", "Ana (x)", "Z", 3, int64(1), int64(0))
	}
	f.Add("【送赠品】 旗：黄 | 数量：１ | 货号：Ａ１", uint8(2), uint8(0), "", "", "", 0, int64(0), int64(0))                  // full-width, incomplete
	f.Add("[hold] flag:red | reason:\\", uint8(6), uint8(9), "\xff", "\x00", "a b", -1, int64(-5), int64(-1)) // dangling escape, bad UTF-8
	f.Add("【】|||:::", uint8(0), uint8(1), "  ", "(", "#", 1000001, int64(1e17), int64(1e12))

	f.Fuzz(func(t *testing.T, text string, kind, flag uint8, reason, name, sku string, qty int, fen, unix int64) {
		// 1. Arbitrary text never panics; accepted text is canonical after
		// one round.
		if n, err := notes.ParseNote(text); err == nil {
			for _, lang := range []notes.Lang{notes.Chinese, notes.English} {
				back, err := notes.ParseNote(n.Format(lang, cst))
				if err != nil {
					t.Fatalf("parsed %q, but not its rendering %q: %v", text, n.Format(lang, cst), err)
				}
				if !back.Equal(n) {
					t.Fatalf("round trip changed the note:\n%+v\n%+v", n, back)
				}
			}
		}

		// 2. Any valid note round-trips.
		n := notes.Note{
			Flag: notes.Flag(flag % 7), Kind: notes.Kind(kind % 10), Reason: reason,
			Author: notes.Author{Name: name, Role: order.Role(kind % 8)},
			At:     time.Unix(unix%(1<<34), 0),
		}
		switch n.Kind {
		case notes.KindAddressChange:
			n.Address = newAddress
			n.Address.Detail = reason + sku
		case notes.KindGift, notes.KindExchange:
			n.SKU, n.Quantity = sku, qty
		case notes.KindRefund, notes.KindPostageFix:
			n.Amount = decimal.New(fen, -2)
		case notes.KindHold:
			n.Release = qty%2 == 0
		}
		c, err := notes.NormalizeNote(n)
		if err != nil {
			return
		}
		for _, lang := range []notes.Lang{notes.Chinese, notes.English} {
			line := c.Format(lang, cst)
			back, err := notes.ParseNote(line)
			if err != nil {
				t.Fatalf("valid note %+v rendered as %q does not parse: %v", c, line, err)
			}
			if !back.Equal(c) {
				t.Fatalf("parse(render(n)) != n for %q:\n%+v\n%+v", line, c, back)
			}
		}
	})
}
