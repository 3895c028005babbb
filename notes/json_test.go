package notes_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// decoder is one of the package's JSON decoders with a valid value to
// start from.
type decoder struct {
	name  string
	value func() any // a pointer to a valid value
	state func(any) any
}

func decoders(t *testing.T) []decoder {
	t.Helper()
	p := notes.DefaultPolicy()
	h, _, err := p.SendHandOff(financeHandOff())
	require.NoError(t, err)
	ack, err := h.Acknowledge("fin-c", t0.Add(time.Minute))
	require.NoError(t, err)
	l, err := notes.NewLedger([]notes.Promise{openPromise("a", notes.CallBack, t0.Add(time.Hour)),
		openPromise("b", notes.Reship, t0.Add(2*time.Hour))})
	require.NoError(t, err)
	memo, err := notes.NewMemo("老客户", notes.FlagBlue)
	require.NoError(t, err)
	note, err := notes.NormalizeNote(refundNote())
	require.NoError(t, err)
	// The state compared is the JSON a value encodes to: time zones'
	// names do not survive JSON (the instants and offsets do).
	self := func(v any) any {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b)
	}
	return []decoder{
		{"note", func() any { n := note; return &n }, self},
		{"note draft", func() any {
			return &notes.NoteDraft{Flag: notes.FlagRed, Kind: notes.KindRefund, Reason: "退运费", Amount: decimal.RequireFromString("12.00")}
		}, self},
		{"memo", func() any { m := memo; return &m }, self},
		{"hand-off", func() any { v := ack; return &v }, self},
		{"hand-off draft", func() any {
			return &notes.HandOffDraft{ID: "h1", To: notes.ToDepartment(order.Finance), Urgency: notes.Routine,
				Subject: "退款", Via: notes.ChannelsOf(notes.Chat)}
		}, self},
		{"promise", func() any { v := openPromise("a", notes.Reship, t0.Add(time.Hour)); return &v }, self},
		{"promise draft", func() any { return &notes.PromiseDraft{ID: "p1", Kind: notes.DispatchBy, OrderID: "T1001"} }, self},
		{"ledger", func() any { v := l; return &v }, self},
		{"tracker", func() any {
			tr, err := notes.NewTracker(l.Promises())
			require.NoError(t, err)
			return tr
		}, self},
		{"quick replies", func() any { q := replySet(t); return &q }, self},
		{"reply", func() any { r := replySet(t).Replies()[0]; return &r }, self},
		{"decision", func() any {
			return &notes.Decision{Verdict: order.Refused, Reasons: notes.ReasonSet(0).With(notes.MemoFull)}
		}, self},
		{"fulfilment", func() any { return &notes.Fulfilment{At: t0, Stage: shipping.Outbound} }, self},
		{"checklist", func() any {
			return &notes.Checklist{Tasks: notes.Tasks(0).With(notes.TellCanPay), Notes: []notes.Note{note},
				Overcharge: decimal.RequireFromString("10.00")}
		}, self},
		{"silent check", func() any {
			return &notes.SilentCheck{Gift: notes.Item{SKU: "G1", Quantity: 1}, Postage: decimal.RequireFromString("6.00"),
				Author: agentB, At: t0, Lang: order.English}
		}, self},
		{"agenda", func() any {
			a, err := p.Agenda(l, t0.Add(90*time.Minute))
			require.NoError(t, err)
			return &a
		}, self},
		{"policy", func() any { v := notes.DefaultPolicy(); v.Lang = order.English; return &v }, self},
	}
}

// injectUnknown adds a field "bogus" to the first JSON object in b.
func injectUnknown(b []byte) []byte {
	i := strings.IndexByte(string(b), '{')
	return []byte(string(b[:i+1]) + `"bogus":1,` + string(b[i+1:]))
}

// TestStrictJSONEveryDecoder pins strict JSON for every decoder of the
// package (issue 11, item 3): what a decoder encodes decodes back to the
// same value; a field the type does not have — at the top or inside — is
// refused with an *Error naming it and matching order.ErrUnknownField; data
// after the value is refused; and on any error the target is unchanged.
func TestStrictJSONEveryDecoder(t *testing.T) {
	for _, d := range decoders(t) {
		t.Run(d.name, func(t *testing.T) {
			v := d.value()
			b, err := json.Marshal(v)
			require.NoError(t, err)
			back := d.value()
			require.NoError(t, json.Unmarshal(b, back), string(b))
			assert.Equal(t, d.state(v), d.state(back), "round trip: %s", b)

			u := d.value()
			before := d.state(u)
			bad := injectUnknown(b)
			err = json.Unmarshal(bad, u)
			require.ErrorIs(t, err, order.ErrUnknownField, string(bad))
			assert.Equal(t, order.ErrInvalidInput, errClass(err))
			assert.Contains(t, err.Error(), "bogus", "the unknown field is named")
			assert.Equal(t, before, d.state(u), "unchanged on error")

			m := u.(json.Unmarshaler)
			err = m.UnmarshalJSON(append(append([]byte{}, b...), []byte(" {}")...))
			require.ErrorIs(t, err, order.ErrInvalidJSON, "trailing data")
			assert.Equal(t, before, d.state(u), "unchanged on error")

			// Two spellings of one field: its key twice, or in capitals
			// (which encoding/json would take for it).
			for _, bad := range respell(t, b) {
				err = json.Unmarshal(bad, u)
				require.ErrorIs(t, err, order.ErrUnknownField, string(bad))
				assert.Equal(t, before, d.state(u), "unchanged on error")
			}
		})
	}
}

// respell returns b with the first key of its first object given twice,
// and with that key in capitals.
func respell(t *testing.T, b []byte) [][]byte {
	t.Helper()
	s := string(b)
	at := strings.Index(s, `{"`)
	require.GreaterOrEqual(t, at, 0, s)
	end := at + 2 + strings.Index(s[at+2:], `"`)
	key := s[at+2 : end]
	var v json.RawMessage
	require.NoError(t, json.NewDecoder(strings.NewReader(s[end+2:])).Decode(&v))
	twice := s[:at] + `{"` + key + `":` + string(v) + "," + s[at+1:]
	upper := s[:at] + `{"` + strings.ToUpper(key) + s[end:]
	return [][]byte{[]byte(twice), []byte(upper)}
}

func errClass(err error) error {
	for _, c := range []error{order.ErrInvalidInput, order.ErrNotFound, order.ErrConflict, order.ErrForbidden} {
		if errorsIs(err, c) {
			return c
		}
	}
	return nil
}

// TestNoteDraftIsStampedByTheServer pins the draft form of issue 11,
// item 4 (rule N1: who and when): a console sends what the note says; the
// backend stamps who and when. A draft that carries an author or a time
// is refused — a console cannot write a note in someone else's name.
func TestNoteDraftIsStampedByTheServer(t *testing.T) {
	var d notes.NoteDraft
	require.NoError(t, json.Unmarshal([]byte(`{"flag":3,"kind":"refund","reason":" 退运费 ","amount":"12"}`), &d))
	assert.Equal(t, notes.FlagGreen, d.Flag, "the platform's flag number")
	assert.Equal(t, "退运费", d.Reason, "canonical")
	n, err := d.Stamp(agentB, t0)
	require.NoError(t, err)
	assert.Equal(t, "kf-b", n.Author.ID)
	assert.True(t, n.At.Equal(t0))
	assert.Equal(t, "12.00", n.Amount.StringFixed(2))

	for _, tc := range []struct {
		in, reason string
		want       error
	}{
		{`{"flag":"red","kind":"refund","reason":"x","amount":"12.00","author":{"id":"kf-boss","role":"store_manager"}}`,
			"a console cannot name the author", order.ErrUnknownField},
		{`{"flag":"red","kind":"refund","reason":"x","amount":"12.00","at":"2026-11-25T14:03:05+08:00"}`,
			"nor the time", order.ErrUnknownField},
		{`{"flag":"red","kind":"hold","reason":"x"}`, "a hold is the order's event", notes.ErrInvalidDetail},
		{`{"flag":"red","kind":"refund","reason":"x","amount":"12.005"}`, "exact amounts only", order.ErrInvalidAmount},
		{`{"flag":"red","kind":"refund","reason":"x","amount":1e3}`, "no exponents", order.ErrInvalidAmount},
		{`{"flag":"red","kind":"refund","reason":"x","amount":"` + strings.Repeat("9", 1<<10) + `"}`,
			"a kilobyte of digits is refused by its length", order.ErrInvalidAmount},
		{`{"flag":"red","kind":"refund","reason":"x","amount":"` + strings.Repeat("9", 1<<20) + `"}`,
			"a megabyte document is refused before it is decoded", order.ErrInvalidJSON},
		{`{"flag":6,"kind":"refund","reason":"x","amount":"1"}`, "flags are 0 to 5", notes.ErrUnknownFlag},
		{`{"flag":"red","kind":"gift","reason":"x"}`, "rule N1: a gift names the SKU", notes.ErrInvalidDetail},
	} {
		d := notes.NoteDraft{Flag: notes.FlagBlue, Kind: notes.KindOther, Reason: "keep"}
		before := d
		require.ErrorIs(t, json.Unmarshal([]byte(tc.in), &d), tc.want, tc.reason)
		assert.Equal(t, before, d, tc.reason)
	}
	_, err = notes.NoteDraft{Flag: notes.FlagRed, Kind: notes.KindHold, Reason: "x"}.Stamp(agentB, t0)
	require.ErrorIs(t, err, notes.ErrInvalidDetail, "Stamp refuses a hold draft too")
	_, err = notes.NoteDraft{Flag: notes.FlagRed, Kind: notes.KindOther, Reason: "x"}.Stamp(order.Agent{}, t0)
	require.ErrorIs(t, err, notes.ErrMissing, "the server stamps a real agent")
}

// TestFlagDecodesPlatformNumbers pins issue 11, item 4: the platform sends
// seller_flag as a number 0–5; names decode too.
func TestFlagDecodesPlatformNumbers(t *testing.T) {
	for in, want := range map[string]notes.Flag{`0`: notes.FlagNone, `1`: notes.FlagRed, `5`: notes.FlagPurple,
		`"3"`: notes.FlagGreen, `"blue"`: notes.FlagBlue, `"none"`: notes.FlagNone} {
		var f notes.Flag
		require.NoError(t, json.Unmarshal([]byte(in), &f), in)
		assert.Equal(t, want, f, in)
	}
	for _, in := range []string{`6`, `-1`, `1.5`, `10`, `"6"`, `"Red"`, `true`, `"1 "`, `[]`} {
		f := notes.FlagYellow
		err := json.Unmarshal([]byte(in), &f)
		require.Error(t, err, in)
		assert.Equal(t, notes.FlagYellow, f, in)
	}
	var m notes.Memo
	require.NoError(t, json.Unmarshal([]byte(`{"text":"加急","flag":1}`), &m))
	assert.Equal(t, notes.FlagRed, m.Flag())
	f, err := notes.ParseFlag("4")
	require.NoError(t, err)
	assert.Equal(t, notes.FlagBlue, f)
}

// TestConsoleJSONForms decodes the documented JSON of what a console sends
// — a hand-off and a promise — stamps it and checks it (issue 11, item 4).
func TestConsoleJSONForms(t *testing.T) {
	var hd notes.HandOffDraft
	require.NoError(t, json.Unmarshal([]byte(`{"id":"h-1","order_id":"T1001","to":{"department":"finance"},"urgency":"urgent",
	 "subject":"原单T1001退款重拍,请退款12.00","via":["chat","phone"],"away":true,
	 "options":[{"factor":"T1001是否已出库","choices":[{"if":"未出库","then":"拦截"},{"if":"已出库","then":"联系快递拦截"}]}]}`), &hd))
	h, d, err := notes.DefaultPolicy().SendHandOff(hd.Stamp(agentB, t0))
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
	assert.True(t, h.Due.Equal(t0.Add(30*time.Minute)))
	for _, in := range []string{
		`{"id":"h","to":{"department":"finance"},"urgency":"urgent","subject":"x","via":["chat"],"from":{"id":"kf-boss","role":"store_manager"}}`,
		`{"id":"h","to":{"department":"finance"},"urgency":"urgent","subject":"x","via":["chat"],"sent_at":"2026-11-25T14:03:05+08:00"}`,
		`{"id":"h","to":{"department":"finance"},"urgency":"urgent","subject":"x","via":["chat"],"acked_by":"fin-c"}`,
		`{"id":"h","to":{"department":"finance","desk":3},"urgency":"urgent","subject":"x","via":["chat"]}`,
	} {
		var v notes.HandOffDraft
		require.ErrorIs(t, json.Unmarshal([]byte(in), &v), order.ErrUnknownField, in)
	}

	var pd notes.PromiseDraft
	require.NoError(t, json.Unmarshal([]byte(`{"id":"p-2","kind":"send_gift","order_id":"T1001","item":{"sku":"GIFT-01","quantity":1},"due":"2026-11-27T23:59:59+08:00"}`), &pd))
	o := mustOrder(paidSpec())
	pr, d, err := notes.DefaultPolicy().MakePromise(pd.Stamp(agentB, t0.Add(time.Minute)),
		notes.PromiseCheck{Order: o, Stock: mustStock(map[string]int{"TS-001": 3, "GIFT-01": 5}), Shipping: shipping.DefaultPolicy()},
		t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict, d.Reasons.String())
	assert.Equal(t, "buyer-a", pr.BuyerID, "the order's buyer by default")
	var bad notes.PromiseDraft
	require.ErrorIs(t, json.Unmarshal([]byte(`{"id":"p","kind":"call_back","made_by":{"id":"kf-boss","role":"store_manager"}}`), &bad),
		order.ErrUnknownField, "a console cannot name who made the promise")
}

// TestStoredStateMalformedIsAnError: state read back from a database that
// does not hold together is an error naming the field, never a value that
// fails open (issue 11, items 3 and 5).
func TestStoredStateMalformedIsAnError(t *testing.T) {
	for _, tc := range []struct {
		reason, in string
		into       any
		want       error
		field      string
	}{
		{"a promise both kept and broken", `{"id":"p","kind":"call_back","buyer_id":"b","order_id":"T1","due":"2026-11-25T15:00:00+08:00",
		 "made_by":{"id":"kf-b","name":"B","role":"pre_sales"},"made_at":"2026-11-25T14:00:00+08:00",
		 "done_at":"2026-11-25T14:10:00+08:00","broken_at":"2026-11-25T14:20:00+08:00"}`, &notes.Promise{}, notes.ErrInvalidTime, "promise.broken_at"},
		{"a promise whose maker has an invisible ID", `{"id":"p","kind":"call_back","buyer_id":"b","order_id":"T1","due":"2026-11-25T15:00:00+08:00",
		 "made_by":{"id":"kf-b\u200b","name":"B","role":"pre_sales"},"made_at":"2026-11-25T14:00:00+08:00"}`, &notes.Promise{}, notes.ErrInvalidText, "promise.made_by.id"},
		{"a ledger with one ID twice", `[` + promiseJSON("p") + `,` + promiseJSON("p") + `]`, &notes.Ledger{}, notes.ErrDuplicate, "promises[1].id"},
		// An unknown code is refused while the list is read, in one pass.
		{"a ledger entry of an unknown kind", `[` + promiseJSON("p") + `,` + strings.Replace(promiseJSON("q"), `"call_back"`, `"teleport"`, 1) + `]`,
			&notes.Ledger{}, notes.ErrUnknownEnum, "promise.kind"},
		{"a ledger entry that does not hold together", `[` + promiseJSON("p") + `,` + strings.Replace(promiseJSON("q"), `"buyer_id":"b"`, `"buyer_id":" "`, 1) + `]`,
			&notes.Ledger{}, notes.ErrMissing, "promises[1].buyer_id"},
		{"a hand-off acknowledged by nobody", `{"id":"h","to":{"department":"finance"},"urgency":"routine","subject":"x","via":["chat"],
		 "from":{"id":"kf-b","name":"B","role":"pre_sales"},"sent_at":"2026-11-25T14:00:00+08:00","due":"2026-11-25T18:00:00+08:00",
		 "acked_at":"2026-11-25T14:10:00+08:00"}`, &notes.HandOff{}, notes.ErrMissing, "handoff.acked_by"},
		{"a hand-off acknowledged by its sender", `{"id":"h","to":{"department":"finance"},"urgency":"routine","subject":"x","via":["chat"],
		 "from":{"id":"kf-b","name":"B","role":"pre_sales"},"sent_at":"2026-11-25T14:00:00+08:00","due":"2026-11-25T18:00:00+08:00",
		 "acked_at":"2026-11-25T14:10:00+08:00","acked_by":"ｋｆ－ｂ"}`, &notes.HandOff{}, notes.ErrNotAllowed, "handoff.acked_by"},
		{"a reply approved by its author", `{"key":"k","topic":"parcel","text":"t","author":{"id":"kf-lead","name":"L","role":"team_leader"},
		 "approved_by":{"id":"kf-lead ","name":"L","role":"team_leader"},"approved_at":"2026-11-25T14:00:00+08:00"}`, &notes.Reply{}, notes.ErrNotAllowed, "reply.approved_by"},
		{"a reply approved at no time", `{"key":"k","topic":"parcel","text":"t","author":{"id":"kf-b","name":"B","role":"pre_sales"},
		 "approved_by":{"id":"kf-lead","name":"L","role":"team_leader"}}`, &notes.Reply{}, notes.ErrMissing, "reply.approved_at"},
		{"a memo longer than the platform's", `{"text":"` + strings.Repeat("x", 1001) + `","flag":"red"}`, &notes.Memo{}, notes.ErrMemoTooLong, "memo"},
		{"a checklist overcharge of three decimals", `{"tasks":[],"overcharge":"1.005"}`, &notes.Checklist{}, order.ErrInvalidAmount, "overcharge"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			err := json.Unmarshal([]byte(tc.in), tc.into)
			require.ErrorIs(t, err, tc.want)
			var e *notes.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.field, e.Field)
		})
	}
}

func promiseJSON(id string) string {
	return `{"id":"` + id + `","kind":"call_back","buyer_id":"b","order_id":"T1","due":"2026-11-25T15:00:00+08:00",
	 "made_by":{"id":"kf-b","name":"B","role":"pre_sales"},"made_at":"2026-11-25T14:00:00+08:00"}`
}
