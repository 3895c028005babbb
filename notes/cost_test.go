package notes_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// hostile returns about n bytes of text that costs the most to normalise:
// combining marks stacked on one letter, full-width letters and a
// zero-width space now and then.
func hostile(n int) string {
	var b strings.Builder
	b.Grow(n + 8)
	for b.Len() < n {
		b.WriteString("a\u0301\u0302\u0303\u0304Ｑ\u200b搬")
	}
	return b.String()
}

// costCase is one public parser, decoder or constructor fed the same
// input shape at a small and a large size.
type costCase struct {
	name string
	// at returns the call on an input of size n: bytes of text, or
	// items of a list.
	at func(n int) func()
}

// assertLinear measures c at small and large sizes (1 kB and 1 MB of text,
// or 1,000 and 100,000 items) and fails when the large one costs more than
// limit times the small one (1,500× for a thousandfold or hundredfold
// size), in CPU time of the test's thread (internal/costtest), so the
// shared machine's load cancels out.
func assertLinear(t *testing.T, c costCase, small, large int, limit float64) {
	t.Helper()
	t.Run(c.name, func(t *testing.T) { costtest.AssertLinear(t, c.at(small), c.at(large), limit) })
}

// TestLinearCostOfText: every public parser, decoder and constructor of
// the package that reads text costs time linear in its input (issue 10,
// item 9): text is length-checked before it is normalised, so 1 MB of
// hostile text costs at most ~1,500× what 1 kB does — in practice both are
// refused after a length check.
func TestLinearCostOfText(t *testing.T) {
	p := notes.DefaultPolicy()
	q := replySet(t)
	sent, _, err := p.SendHandOff(financeHandOff())
	require.NoError(t, err)
	o := mustOrder(paidSpec())
	check := notes.PromiseCheck{Order: o, Stock: mustStock(map[string]int{"TS-001": 3}), Shipping: shipping.DefaultPolicy()}
	js := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	dec := func(into func() any, doc func(string) string) func(int) func() {
		return func(n int) func() {
			b := []byte(doc(hostile(n)))
			return func() { _ = json.Unmarshal(b, into()) }
		}
	}
	cases := []costCase{
		{"ParseNote", func(n int) func() {
			s := "【送赠品】旗:黄 | 原因:" + hostile(n)
			return func() { _, _ = notes.ParseNote(s) }
		}},
		{"NewMemo", func(n int) func() { s := hostile(n); return func() { _, _ = notes.NewMemo(s, notes.FlagRed) } }},
		{"NormalizeNote reason", func(n int) func() {
			v := holdNote()
			v.Reason = hostile(n)
			return func() { _, _ = notes.NormalizeNote(v) }
		}},
		{"NormalizeNote author name", func(n int) func() {
			v := holdNote()
			v.Author.Name = hostile(n)
			return func() { _, _ = notes.NormalizeNote(v) }
		}},
		{"NormalizeNote address", func(n int) func() {
			v := addressNote()
			v.Address.Detail = hostile(n)
			return func() { _, _ = notes.NormalizeNote(v) }
		}},
		{"NormalizeNote SKU", func(n int) func() {
			v := giftNote()
			v.SKU = hostile(n)
			return func() { _, _ = notes.NormalizeNote(v) }
		}},
		{"ParseFlag", func(n int) func() { s := hostile(n); return func() { _, _ = notes.ParseFlag(s) } }},
		{"ParseKind", func(n int) func() { s := hostile(n); return func() { _, _ = notes.ParseKind(s) } }},
		{"ParseReason", func(n int) func() { s := hostile(n); return func() { _, _ = notes.ParseReason(s) } }},
		{"Note JSON", dec(func() any { return new(notes.Note) }, func(h string) string {
			return `{"flag":"red","kind":"other","reason":` + js(h) + `,"author":{"id":"kf-b","name":"B","role":"pre_sales"},"at":"2026-11-25T14:00:00+08:00"}`
		})},
		{"NoteDraft JSON", dec(func() any { return new(notes.NoteDraft) }, func(h string) string {
			return `{"flag":"red","kind":"other","reason":` + js(h) + `}`
		})},
		{"NoteDraft JSON amount", func(n int) func() {
			b := []byte(`{"flag":"red","kind":"refund","reason":"x","amount":"` + strings.Repeat("9", n) + `"}`)
			return func() { _ = json.Unmarshal(b, new(notes.NoteDraft)) }
		}},
		{"Memo JSON", dec(func() any { return new(notes.Memo) }, func(h string) string { return `{"text":` + js(h) + `,"flag":1}` })},
		{"Policy JSON", dec(func() any { v := notes.DefaultPolicy(); return &v }, func(h string) string { return `{"zone":` + js(h) + `}` })},
		{"Policy.Validate", func(n int) func() {
			v := notes.DefaultPolicy()
			v.Zone = hostile(n)
			return func() { _ = v.Validate() }
		}},
		{"SendHandOff", func(n int) func() {
			h := financeHandOff()
			h.Subject = hostile(n)
			return func() { _, _, _ = p.SendHandOff(h) }
		}},
		{"HandOff JSON", dec(func() any { return new(notes.HandOff) }, func(h string) string {
			return `{"id":"h","to":{"department":"finance"},"urgency":"routine","subject":` + js(h) + `,"via":["chat"],
			"from":{"id":"kf-b","name":"B","role":"pre_sales"},"sent_at":"2026-11-25T14:00:00+08:00","due":"2026-11-25T18:00:00+08:00"}`
		})},
		{"HandOffDraft JSON", dec(func() any { return new(notes.HandOffDraft) }, func(h string) string {
			return `{"id":"h","to":{"department":"finance"},"urgency":"routine","subject":"x","via":["chat"],
			"options":[{"factor":` + js(h) + `,"choices":[{"if":"a","then":"b"},{"if":"c","then":"d"}]}]}`
		})},
		{"Acknowledge", func(n int) func() { s := hostile(n); return func() { _, _ = sent.Acknowledge(s, t0.Add(time.Minute)) } }},
		{"Promise JSON", dec(func() any { return new(notes.Promise) }, func(h string) string {
			return strings.Replace(promiseJSON("p"), `"buyer_id":"b"`, `"buyer_id":`+js(h), 1)
		})},
		{"PromiseDraft JSON", dec(func() any { return new(notes.PromiseDraft) }, func(h string) string {
			return `{"id":` + js(h) + `,"kind":"call_back"}`
		})},
		{"MakePromise", func(n int) func() {
			req := notes.Promise{ID: "p", Kind: notes.DispatchBy, MadeBy: order.Agent{ID: "kf-b", Name: hostile(n), Role: order.PreSales}}
			return func() { _, _, _ = p.MakePromise(req, check, t0.Add(time.Minute)) }
		}},
		{"Reply JSON", dec(func() any { return new(notes.Reply) }, func(h string) string {
			return `{"key":"k","topic":"parcel","text":` + js(h) + `,"author":{"id":"kf-b","name":"B","role":"pre_sales"}}`
		})},
		{"QuickReplies.Put", func(n int) func() {
			r := notes.Reply{Key: "k", Topic: notes.TopicParcel, Text: hostile(n), Author: agentB}
			return func() { _, _ = q.Put(r) }
		}},
		{"QuickReplies.Use", func(n int) func() { s := hostile(n); return func() { _, _, _ = q.Use(s) } }},
		{"Decision JSON", func(n int) func() {
			codes := strings.Repeat(`"memo_full",`, n/12)
			b := []byte(`{"verdict":"refused","reasons":[` + codes + `"order_held"]}`)
			return func() { _ = json.Unmarshal(b, new(notes.Decision)) }
		}},
		{"Checklist JSON", dec(func() any { return new(notes.Checklist) }, func(h string) string {
			return `{"tasks":["tell_can_pay"],"overcharge":` + js(h) + `}`
		})},
		{"SilentCheck JSON", dec(func() any { return new(notes.SilentCheck) }, func(h string) string {
			return `{"gift":{"sku":` + js(h) + `,"quantity":1},"postage":"0.00","author":{"id":"kf-b","name":"B","role":"pre_sales"},"at":"2026-11-25T14:00:00+08:00","lang":"en"}`
		})},
		{"Fulfilment JSON", dec(func() any { return new(notes.Fulfilment) }, func(h string) string {
			return `{"at":"2026-11-25T14:00:00+08:00","stage":` + js(h) + `}`
		})},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assertLinear(t, c, 1<<10, 1<<20, 1500) })
	}
}

// TestParseNote10MBRefusedAfterALengthCheck pins issue 10, item 9: 10 MB
// of text handed to ParseNote is refused for its length before anything
// normalises it (it took 7–18 s), in about the time 1 kB takes.
func TestParseNote10MBRefusedAfterALengthCheck(t *testing.T) {
	huge := "【改地址】旗:红 | 原因:" + hostile(10<<20)
	_, err := notes.ParseNote(huge)
	require.ErrorIs(t, err, notes.ErrInvalidText)
	require.Contains(t, err.Error(), "longer than "+strconv.Itoa(notes.MaxNoteText)+" bytes")
	assertLinear(t, costCase{"ParseNote 10 MB", func(n int) func() {
		s := huge[:n]
		return func() { _, _ = notes.ParseNote(s) }
	}}, 1<<10, len(huge), 1500)
}

// TestLinearCostOfLists: constructors and decoders of lists — the promise
// ledger and tracker, quick replies, a hand-off's options —
// cost time about linear in the number of items: 100,000 cost at most
// ~1,500× what 1,000 do (sorting makes it n log n).
func TestLinearCostOfLists(t *testing.T) {
	if testing.Short() {
		t.Skip("builds lists of 100,000 items")
	}
	promises := func(n int) []notes.Promise {
		ps := make([]notes.Promise, n)
		for i := range ps {
			ps[i] = openPromise("p"+strconv.Itoa((i*7919)%n), notes.CallBack, t0.Add(time.Duration((i*7919)%n)*time.Second+time.Hour))
		}
		return ps
	}
	replies := func(n int) []notes.Reply {
		rs := make([]notes.Reply, n)
		for i := range rs {
			rs[i] = notes.Reply{Key: "k" + strconv.Itoa((i*7919)%n), Topic: notes.TopicParcel, Text: "亲,您的宝贝已出库", Author: agentB,
				ApprovedBy: leader, ApprovedAt: t0}
		}
		return rs
	}
	cases := []costCase{
		{"NewLedger", func(n int) func() { ps := promises(n); return func() { _, _ = notes.NewLedger(ps) } }},
		{"NewTracker", func(n int) func() { ps := promises(n); return func() { _, _ = notes.NewTracker(ps) } }},
		{"Ledger JSON", func(n int) func() {
			l, err := notes.NewLedger(promises(n))
			require.NoError(t, err)
			b, err := json.Marshal(l)
			require.NoError(t, err)
			return func() { _ = json.Unmarshal(b, new(notes.Ledger)) }
		}},
		{"NewQuickReplies", func(n int) func() { rs := replies(n); return func() { _, _ = notes.NewQuickReplies(rs) } }},
		{"QuickReplies JSON", func(n int) func() {
			q, err := notes.NewQuickReplies(replies(n))
			require.NoError(t, err)
			b, err := json.Marshal(q)
			require.NoError(t, err)
			return func() { _ = json.Unmarshal(b, new(notes.QuickReplies)) }
		}},
		{"HandOffDraft JSON options", func(n int) func() {
			opt := `{"factor":"f","choices":[{"if":"a","then":"b"},{"if":"c","then":"d"}]},`
			b := []byte(`{"id":"h","to":{"department":"finance"},"urgency":"routine","subject":"x","via":["chat"],"options":[` +
				strings.Repeat(opt, n-1) + strings.TrimSuffix(opt, ",") + `]}`)
			return func() { _ = json.Unmarshal(b, new(notes.HandOffDraft)) }
		}},
	}
	// Under the race detector encoding/json is about ten times slower; the
	// lists are 1,000 and 20,000 items there, with a limit of 150× (n log n
	// is about 29×, quadratic 400×; costtest triples the 50 given under
	// -race), and 1,000 and 100,000 otherwise.
	large, limit := 100_000, 1500.0
	if raceEnabled {
		large, limit = 20_000, 50
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assertLinear(t, c, 1000, large, limit) })
	}
}
