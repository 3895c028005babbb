package notes_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// FuzzParseNote checks that ParseNote never panics on any text, that what
// it accepts renders back to text it reads as the same note, and that a
// valid note built from the fuzzer's fields survives render → parse in
// each of the four languages: parse(render(n)) == n.
func FuzzParseNote(f *testing.F) {
	// Seed corpus: every golden line, typed variants, hostile text.
	for _, g := range goldenNotes() {
		n, _ := notes.NormalizeNote(g.note)
		f.Add(n.String(), uint8(g.note.Kind), uint8(g.note.Flag), g.note.Reason, "李四", "AB-1", 1, int64(1200), int64(1795500000))
		f.Add(n.Format(order.English, nil), uint8(g.note.Kind), uint8(g.note.Flag), "a|b\\c", "Ana (x)", "Z", 3, int64(1), int64(0))
		f.Add(n.Format(order.TraditionalChinese, cst), uint8(g.note.Kind), uint8(g.note.Flag), "改地址", "(店長)", "", 2, int64(5), int64(7))
		f.Add(n.Format(order.Spanish, nil), uint8(g.note.Kind), uint8(g.note.Flag), "Motivo:x", "Ana ", "ñ", 1, int64(9), int64(3))
	}
	f.Add("[address_change] flag:red | reason:x | by:Ana (pre_sales) | staff_id:kf-a | at:2026-11-25 14:03:05 +08:00",
		uint8(1), uint8(1), "", "", "", 0, int64(0), int64(0)) // the legacy English line
	f.Add("【送赠品】 旗：黄 | 数量：１ | 货号：Ａ１", uint8(2), uint8(0), "", "", "", 0, int64(0), int64(0))                  // full-width, incomplete
	f.Add("[hold] flag:red | reason:\\", uint8(6), uint8(9), "\xff", "\x00", "a b", -1, int64(-5), int64(-1)) // dangling escape, bad UTF-8
	f.Add("【】|||:::", uint8(0), uint8(1), "  ", "(", "#", 1000001, int64(1e17), int64(1e12))

	f.Fuzz(func(t *testing.T, text string, kind, flag uint8, reason, name, sku string, qty int, fen, unix int64) {
		// 1. Arbitrary text never panics; accepted text is canonical after
		// one round.
		if n, err := notes.ParseNote(text); err == nil {
			for _, lang := range order.Langs() {
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
			Author: order.Agent{ID: "kf-" + sku, Name: name, Role: order.Role(kind % 8)},
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
		for _, lang := range order.Langs() {
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

// spellings returns other spellings of the canonical ID id that a person
// could type for the same account: padded, full width, mathematical bold
// (NFKC folds both), and with an invisible, direction or space character
// inside, which the identity rule refuses.
func spellings(id string) []string {
	var wide, bold []rune
	for _, r := range id {
		w, b := r, r
		switch {
		case r > ' ' && r < 0x7f:
			w = r - 0x21 + 0xff01
		}
		switch {
		case r >= 'A' && r <= 'Z':
			b = r - 'A' + 0x1d400
		case r >= 'a' && r <= 'z':
			b = r - 'a' + 0x1d41a
		case r >= '0' && r <= '9':
			b = r - '0' + 0x1d7ce
		}
		wide, bold = append(wide, w), append(bold, b)
	}
	mid := len(id) / 2
	for mid > 0 && !utf8.RuneStart(id[mid]) {
		mid--
	}
	out := []string{id, " " + id, id + " ", "\u3000" + id + "\t", string(wide), string(bold), "\u202e" + id, id + "\ufeff"}
	for _, in := range []string{"\u200b", "\u00ad", "\u200d", "\u2060", "  ", "\u034f"} {
		out = append(out, id[:mid]+in+id[mid:])
	}
	return out
}

// FuzzIdentity pairs random IDs with their width, NFKC, padding and
// invisible-character spellings and requires that no two spellings of one
// person count as two people anywhere in the package (rule N2, rule N5,
// rule A3, rule N1, rule N3): the author of a quick reply never approves
// it, the sender of a hand-off never acknowledges it, and a note's author
// or a promise's maker is stored under the one canonical ID — or the
// spelling is refused.
func FuzzIdentity(f *testing.F) {
	for _, s := range []string{"xiaomei", "kf-li", "李四", "Ana.B", "店长01", "a", "ｘ", "kf_9#2", strings.Repeat("z", 64)} {
		f.Add(s)
	}
	p := notes.DefaultPolicy()
	f.Fuzz(func(t *testing.T, raw string) {
		id, err := order.CanonicalID(raw)
		if err != nil {
			return
		}
		for _, v := range spellings(id) {
			c, err := order.CanonicalID(v)
			if err == nil && c != id {
				continue // a different person after all (e.g. a case the fold does not touch)
			}
			same := err == nil
			// Quick replies: the author approving under another spelling.
			author := order.Agent{ID: id, Name: "n", Role: order.TeamLeader}
			q, err := notes.NewQuickReplies([]notes.Reply{{Key: "k", Topic: notes.TopicParcel, Text: "t", Author: author}})
			if err != nil {
				t.Fatalf("reply by %q: %v", id, err)
			}
			if _, err := q.Approve("k", order.Agent{ID: v, Name: "n", Role: order.StoreManager}, t0); err == nil {
				t.Fatalf("%q approved the reply of %q", v, id)
			} else if same && !errors.Is(err, notes.ErrNotAllowed) {
				t.Fatalf("%q approving %q: %v, want ErrNotAllowed", v, id, err)
			}
			// Hand-offs: the sender acknowledging, from either side.
			for _, pair := range [2][2]string{{id, v}, {v, id}} {
				h := financeHandOff()
				h.From.ID = pair[0]
				sent, _, err := p.SendHandOff(h)
				if err != nil {
					if same || pair[0] == id {
						t.Fatalf("hand-off from %q: %v", pair[0], err)
					}
					continue // the spelling was refused where it entered
				}
				if sent.From.ID != id {
					t.Fatalf("sender %q stored as %q, want %q", pair[0], sent.From.ID, id)
				}
				if _, err := sent.Acknowledge(pair[1], t0.Add(time.Minute)); err == nil {
					t.Fatalf("sender %q acknowledged their hand-off as %q", pair[0], pair[1])
				}
			}
			// Notes and promises keep the one canonical ID.
			n := holdNote()
			n.Author.ID = v
			if c, err := notes.NormalizeNote(n); err == nil {
				if !same || c.Author.ID != id {
					t.Fatalf("note author %q stored as %q (want %q or an error)", v, c.Author.ID, id)
				}
				back, err := notes.ParseNote(c.String())
				if err != nil || back.Author.ID != id {
					t.Fatalf("note by %q does not read back: %v %q", id, err, back.Author.ID)
				}
			} else if same {
				t.Fatalf("note author %q refused: %v", v, err)
			}
			pr := openPromise("p", notes.CallBack, t0.Add(time.Hour))
			pr.MadeBy.ID, pr.BuyerID = v, v
			if l, err := notes.NewLedger([]notes.Promise{pr}); err == nil {
				got, _ := l.Get("p")
				if !same || got.MadeBy.ID != id || got.BuyerID != id {
					t.Fatalf("promise by %q stored as %q/%q (want %q)", v, got.MadeBy.ID, got.BuyerID, id)
				}
			} else if same {
				t.Fatalf("promise by %q refused: %v", v, err)
			}
		}
	})
}

// FuzzDecoders feeds arbitrary JSON to every decoder of the package
// (issue 11, item 3): none panics, an error leaves the target as it was,
// and what one accepts encodes to JSON it accepts again, to the same value.
func FuzzDecoders(f *testing.F) {
	for _, s := range []string{
		`{"flag":1,"kind":"refund","reason":"退运费","amount":"12.00"}`,
		`{"flag":"red","kind":"address_change","reason":"x","address":{"recipient":"张三","phone":"13812345678","province":"浙江省","city":"杭州市","district":"西湖区","detail":"文三路14号"}}`,
		`{"text":"老客户","flag":3}`,
		`{"id":"h-1","to":{"department":"finance"},"urgency":"urgent","subject":"退款","via":["chat","phone"],"away":true}`,
		`{"id":"p-1","kind":"send_gift","item":{"sku":"G1","quantity":1},"due":"2026-11-27T23:59:59+08:00"}`,
		`{"verdict":"refused","reasons":["memo_full"]}`,
		`{"zone":"Asia/Shanghai","lang":"en","due_soon":"30m"}`,
		`[` + promiseJSON("p") + `]`,
		`{"flag":"red","kind":"refund","reason":"x","amount":"12.005","author":{}}`,
		`{"a":1} {}`, `null`, `"red"`, `5`, ``,
	} {
		f.Add([]byte(s))
	}
	targets := []func() json.Unmarshaler{
		func() json.Unmarshaler { return new(notes.NoteDraft) },
		func() json.Unmarshaler { return new(notes.Note) },
		func() json.Unmarshaler { return new(notes.Memo) },
		func() json.Unmarshaler { return new(notes.Flag) },
		func() json.Unmarshaler { return new(notes.HandOffDraft) },
		func() json.Unmarshaler { return new(notes.HandOff) },
		func() json.Unmarshaler { return new(notes.PromiseDraft) },
		func() json.Unmarshaler { return new(notes.Promise) },
		func() json.Unmarshaler { return new(notes.Decision) },
		func() json.Unmarshaler { p := notes.DefaultPolicy(); return &p },
		func() json.Unmarshaler { return new(notes.Ledger) },
		func() json.Unmarshaler { return new(notes.QuickReplies) },
		func() json.Unmarshaler { return new(notes.Checklist) },
		func() json.Unmarshaler { return new(notes.SilentCheck) },
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, target := range targets {
			v := target()
			before, zeroErr := json.Marshal(v)
			if err := v.UnmarshalJSON(b); err != nil {
				if after, _ := json.Marshal(v); string(after) != string(before) {
					t.Fatalf("%T changed on error %v: %s → %s", v, err, before, after)
				}
				continue
			}
			enc, err := json.Marshal(v)
			if err != nil && zeroErr != nil && string(b) == "null" {
				continue // null leaves a zero value that is not meant to be stored (no agent)
			}
			if err != nil {
				t.Fatalf("%T accepted %q but does not encode: %v", v, b, err)
			}
			w := target()
			if err := w.UnmarshalJSON(enc); err != nil {
				t.Fatalf("%T accepted %q, encoded %s, which it refuses: %v", v, b, enc, err)
			}
			if again, _ := json.Marshal(w); string(again) != string(enc) {
				t.Fatalf("%T round trip changed: %s → %s", v, enc, again)
			}
		}
	})
}
