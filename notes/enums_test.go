package notes_test

import (
	"encoding"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

type textEnum interface {
	encoding.TextMarshaler
	fmt.Stringer
}

// TestEnumNamesNeverDrift: every enum value has a snake_case name that
// reads back to the same value, the zero value (where it means unknown)
// and out-of-range values have none, and the names are the stable ones
// backends store.
func TestEnumNamesNeverDrift(t *testing.T) {
	type row struct {
		v    textEnum
		back func([]byte) (any, error)
	}
	un := func(p encoding.TextUnmarshaler, get func() any) func([]byte) (any, error) {
		return func(b []byte) (any, error) { err := p.UnmarshalText(b); return get(), err }
	}
	var (
		r  notes.Reason
		u  notes.Urgency
		c  notes.Channel
		k  notes.PromiseKind
		tp notes.Topic
		ta notes.Task
		ps notes.PromiseState
	)
	var rows []row
	for _, x := range notes.Reasons() {
		rows = append(rows, row{x, un(&r, func() any { return r })})
	}
	for _, x := range []notes.Urgency{notes.Routine, notes.Urgently} {
		rows = append(rows, row{x, un(&u, func() any { return u })})
	}
	for _, x := range []notes.Channel{notes.Chat, notes.Phone, notes.SMS, notes.InPerson} {
		rows = append(rows, row{x, un(&c, func() any { return c })})
	}
	for _, x := range []notes.PromiseKind{notes.DispatchBy, notes.RefundBy, notes.Reship, notes.SendGift, notes.CallBack, notes.DeliverBy} {
		rows = append(rows, row{x, un(&k, func() any { return k })})
	}
	for _, x := range []notes.Topic{notes.TopicPromotion, notes.TopicProduct, notes.TopicParcel} {
		rows = append(rows, row{x, un(&tp, func() any { return tp })})
	}
	for _, x := range []notes.Task{notes.RemindGift, notes.NoteSendGift, notes.FixPostage, notes.RefundPostage, notes.TellCanPay} {
		rows = append(rows, row{x, un(&ta, func() any { return ta })})
	}
	for _, x := range []notes.PromiseState{notes.Open, notes.DueSoon, notes.Overdue, notes.Kept, notes.Broken} {
		rows = append(rows, row{x, un(&ps, func() any { return ps })})
	}
	for _, x := range rows {
		b, err := x.v.MarshalText()
		require.NoError(t, err, x.v.String())
		assert.Equal(t, x.v.String(), string(b))
		got, err := x.back(b)
		require.NoError(t, err)
		assert.Equal(t, x.v, got)
		_, err = x.back([]byte("no_such_" + string(b)))
		if _, channel := x.v.(notes.Channel); channel {
			// Channels are order's vocabulary (order.Channel), shared with
			// the slow review's contacts.
			require.ErrorIs(t, err, order.ErrUnknownCode)
			continue
		}
		require.ErrorIs(t, err, notes.ErrUnknownEnum)
	}
	assert.Len(t, notes.Reasons(), 11)
	assert.Equal(t, "[phone_required exact_delivery_date earlier_than_policy out_of_stock stock_not_counted order_held order_not_open already_dispatched not_approved memo_full hold_mismatch]",
		fmt.Sprint(notes.Reasons()))

	// Zero and out-of-range values have no text form.
	for _, v := range []textEnum{notes.Reason(0), notes.Reason(99), notes.Urgency(0), notes.PromiseKind(0),
		notes.Topic(0), notes.Task(0), notes.PromiseState(0)} {
		_, err := v.MarshalText()
		require.ErrorIs(t, err, notes.ErrUnknownEnum, v.String())
	}
	_, err := notes.Channel(9).MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownCode, "a channel is order's vocabulary")
	for _, v := range []textEnum{notes.RemindGift, notes.TellCanPay, notes.Kept, notes.Broken} {
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, v.String(), string(b))
	}
	assert.Equal(t, "PromiseKind(42)", notes.PromiseKind(42).String())
}

func TestReasonSet(t *testing.T) {
	var s notes.ReasonSet
	s = s.With(notes.OutOfStock).With(notes.OrderHeld).With(notes.OutOfStock)
	assert.Equal(t, 2, s.Len())
	assert.True(t, s.Has(notes.OrderHeld))
	assert.False(t, s.Has(notes.PhoneRequired))
	assert.Equal(t, []notes.Reason{notes.OutOfStock, notes.OrderHeld}, s.Values())
	assert.Equal(t, "[out_of_stock order_held]", s.String())
	assert.False(t, notes.Reason(0).IsValid())

	ch := notes.ChannelsOf(notes.Phone, notes.Chat)
	assert.Equal(t, 2, ch.Len())
	b, err := json.Marshal(struct{ V notes.Channels }{ch})
	require.NoError(t, err)
	assert.JSONEq(t, `{"V":["chat","phone"]}`, string(b), "a JSON array, like every kefu set")
	var back struct{ V notes.Channels }
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, ch, back.V)
	_, err = json.Marshal(notes.Channels(1 << 50))
	require.ErrorIs(t, err, order.ErrUnknownCode, "a set holding no valid value does not encode")
}

// TestPolicyValidate: every field out of range is named.
func TestPolicyValidate(t *testing.T) {
	require.NoError(t, notes.DefaultPolicy().Validate())
	tests := []struct {
		field string
		edit  func(*notes.Policy)
	}{
		{"policy.zone", func(p *notes.Policy) { p.Zone = "Mars/Olympus" }},
		{"policy.lang", func(p *notes.Policy) { p.Lang = 9 }},
		{"policy.urgent_ack", func(p *notes.Policy) { p.UrgentAck = -1 }},
		{"policy.normal_ack", func(p *notes.Policy) { p.NormalAck = 0 }},
		{"policy.due_soon", func(p *notes.Policy) { p.DueSoon = order.Duration(8 * 24 * time.Hour) }},
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			p := notes.DefaultPolicy()
			tc.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, notes.ErrInvalidPolicy)
			var e *notes.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.field, e.Field)
		})
	}
	// Policies load from JSON.
	var p notes.Policy
	require.NoError(t, json.Unmarshal([]byte(`{"zone":"+08:00","lang":"en","urgent_ack":"15m",
		"normal_ack":"2h","due_soon":"1h"}`), &p))
	require.NoError(t, p.Validate())
	assert.Equal(t, order.English, p.Lang)
}

func TestBreakThroughLedgerAndTracker(t *testing.T) {
	p := openPromise("b1", notes.CallBack, t0.Add(time.Hour))
	l, err := notes.NewLedger([]notes.Promise{p})
	require.NoError(t, err)
	l, got, err := l.Break("b1", t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, notes.Broken, got.State(t0, 0))
	assert.Empty(t, l.Overdue(t0.Add(2*time.Hour)))
	_, _, err = l.Break("b1", t0.Add(2*time.Minute))
	require.ErrorIs(t, err, notes.ErrAlreadySettled)

	tr, err := notes.NewTracker([]notes.Promise{p})
	require.NoError(t, err)
	got, err = tr.Break("b1", t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, notes.Broken, got.State(t0, 0))
	stored, ok := tr.Get("b1")
	require.True(t, ok)
	assert.Equal(t, got, stored)
	_, ok = tr.Get("zz")
	assert.False(t, ok)
	assert.Empty(t, tr.Overdue(t0.Add(2*time.Hour)))
	_, err = tr.Break("b1", t0.Add(2*time.Minute))
	require.ErrorIs(t, err, notes.ErrAlreadySettled)
	_, err = tr.Break("zz", t0)
	require.ErrorIs(t, err, notes.ErrUnknownPromise)
}

func TestDecisionJSON(t *testing.T) {
	d := notes.Decision{Verdict: order.Refused, Reasons: notes.ReasonSet(0).With(notes.OrderHeld).With(notes.OutOfStock)}
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"verdict":"refused","reasons":["out_of_stock","order_held"]}`, string(b))
	var back notes.Decision
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d, back)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"verdict":"refused","reasons":["teleported"]}`), &back), notes.ErrUnknownEnum)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"verdict":"maybe"}`), &back), order.ErrUnknownCode, "order.Verdict's own error")
	b, err = json.Marshal(notes.Checklist{Tasks: notes.Tasks(0).With(notes.TellCanPay)})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"tasks":["tell_can_pay"]`)
}

// TestDecisionsRoundTripJSON: what a backend stores of a checklist or a
// slow review reads back to the same value.
func TestDecisionsRoundTripJSON(t *testing.T) {
	ts := notes.Tasks(0).With(notes.NoteSendGift).With(notes.TellCanPay)
	b, err := json.Marshal(ts)
	require.NoError(t, err)
	assert.JSONEq(t, `["note_send_gift","tell_can_pay"]`, string(b))
	var back notes.Tasks
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, ts, back)
	require.ErrorIs(t, json.Unmarshal([]byte(`["tell_can_pay","pay_later"]`), &back), notes.ErrUnknownEnum)
	assert.Equal(t, ts, back, "unchanged on error")

	d := notes.Decision{Verdict: order.Refused, Reasons: notes.ReasonSet(0).With(notes.OrderHeld).With(notes.OutOfStock)}
	b, err = json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"verdict":"refused","reasons":["out_of_stock","order_held"]}`, string(b))
	var db notes.Decision
	require.NoError(t, json.Unmarshal(b, &db))
	assert.Equal(t, d, db)
	require.ErrorIs(t, json.Unmarshal([]byte(`["order_held",""]`), &db.Reasons), notes.ErrUnknownEnum, "the zero code is not a code")
	assert.Equal(t, d.Reasons, db.Reasons, "unchanged on error")
}

// TestParseReason: every code parses back, as in package shipping; the
// empty code and unknown codes do not.
func TestParseReason(t *testing.T) {
	for _, r := range notes.Reasons() {
		got, err := notes.ParseReason(r.String())
		require.NoError(t, err)
		assert.Equal(t, r, got)
	}
	for _, bad := range []string{"", "Order_Held", "order_held ", "reason(3)"} {
		_, err := notes.ParseReason(bad)
		require.ErrorIs(t, err, notes.ErrUnknownEnum, "%q", bad)
		require.ErrorIs(t, err, order.ErrUnknownReason, "%q: the same sentinel as every package's", bad)
	}
}
