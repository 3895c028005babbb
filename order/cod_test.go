package order_test

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// rule S9: a cash-on-delivery order ships only once the buyer has
// confirmed; until then the agent asks at once, and if the buyer does not
// confirm in time (or declines) the order is placed again with online
// payment.
func TestCODDispatchableOnlyOnceConfirmed(t *testing.T) {
	p := order.DefaultTriagePolicy()
	unconfirmed := mk(t, codSpec("C1", false))
	confirmed := mk(t, codSpec("C2", true))
	online := mk(t, opsSpec("C3", "x", "TEA-01", 0))
	shipped := mk(t, codSpec("C4", true), func(s *order.Spec) {
		s.Status, s.DispatchedAt = order.AwaitingReceipt, t0.Add(time.Hour)
	})
	held := mk(t, codSpec("C5", false), func(s *order.Spec) { s.Status = order.Held })
	cases := []struct {
		reason       string
		o            *order.Order
		now          time.Time
		dispatchable bool
		action       string
		ifDeclined   string
		reasons      string
	}{
		{"unconfirmed: ask the buyer at once", unconfirmed, t0.Add(time.Hour), false, "confirm_with_buyer", "reorder_online", "[cod_unconfirmed]"},
		{"unconfirmed a second before the wait ends", unconfirmed, t0.Add(24*time.Hour - time.Second), false, "confirm_with_buyer", "reorder_online", "[cod_unconfirmed]"},
		{"unconfirmed after the wait: re-order online", unconfirmed, t0.Add(24 * time.Hour), false, "reorder_online", "none", "[cod_unconfirmed cod_confirmation_overdue]"},
		{"held and unconfirmed: still needs the buyer", held, t0.Add(time.Hour), false, "confirm_with_buyer", "reorder_online", "[cod_unconfirmed]"},
		{"confirmed: ship", confirmed, t0.Add(time.Hour), true, "ship", "none", "[cod_confirmed]"},
		{"online: the rule does not apply", online, t0.Add(time.Hour), true, "none", "none", "[not_cod]"},
		{"already dispatched: nothing to decide", shipped, t0.Add(2 * time.Hour), false, "none", "none", "[not_pending]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := p.COD(c.o, c.now)
			require.NoError(t, err)
			want := order.Refused
			if c.dispatchable {
				want = order.Allowed
			}
			assert.Equal(t, want, d.Verdict)
			assert.Equal(t, c.action, d.Action.String())
			assert.Equal(t, c.ifDeclined, d.IfDeclined.String())
			assert.Equal(t, c.reasons, d.Reasons.String())
			if c.action == "confirm_with_buyer" {
				assert.True(t, d.ConfirmBy.Equal(t0.Add(24*time.Hour)))
				assert.Equal(t, "CST", d.ConfirmBy.Location().String(), "in the policy's zone")
			} else {
				assert.True(t, d.ConfirmBy.IsZero())
			}
		})
	}
}

// rule S9: the lifecycle agrees with the decision — a dispatch the
// decision refuses is refused by Apply too, and allowed once confirmed.
func TestCODDecisionAgreesWithApply(t *testing.T) {
	p := order.DefaultTriagePolicy()
	for _, confirmed := range []bool{false, true} {
		o := mk(t, codSpec("A", confirmed))
		d, err := p.COD(o, t0.Add(time.Hour))
		require.NoError(t, err)
		_, err = o.Apply(order.Dispatch, t0.Add(time.Hour))
		assert.Equal(t, d.Verdict == order.Allowed, err == nil, "confirmed=%v", confirmed)
	}
}

func TestCODRefusesBadInput(t *testing.T) {
	p := order.DefaultTriagePolicy()
	_, err := p.COD(nil, t0)
	require.ErrorIs(t, err, order.ErrNilOrder)
	_, err = p.COD(&order.Order{}, t0)
	require.ErrorIs(t, err, order.ErrMissing)
	p.CODConfirmWithin = 0
	_, err = p.COD(mk(t, codSpec("A", false)), t0)
	require.ErrorIs(t, err, order.ErrInvalidPolicy)
}

func TestCODActionText(t *testing.T) {
	for a, want := range []string{"none", "ship", "confirm_with_buyer", "reorder_online"} {
		b, err := order.CODAction(a).MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
	}
	_, err := order.CODAction(9).MarshalText()
	require.Error(t, err)
	assert.Equal(t, "CODAction(9)", order.CODAction(9).String())
}

// Decisions travel as JSON with their sets as lists of codes, as in the
// other kefu packages, and decode back; unknown codes are errors.
func TestDecisionSetsJSON(t *testing.T) {
	rs := order.ReasonSet(0).With(order.Oversold).With(order.PaidLater)
	cs := order.CategorySet(0).With(order.OutOfStock).With(order.NeedsSF)
	ms := order.RemedySet(0).With(order.RemedyRefund).With(order.RemedySubstitute)
	for _, c := range []struct {
		v    any
		want string
		back any
	}{
		{rs, `["oversold","paid_later"]`, new(order.ReasonSet)},
		{cs, `["out_of_stock","needs_sf"]`, new(order.CategorySet)},
		{ms, `["refund","substitute"]`, new(order.RemedySet)},
		{order.ReasonSet(0), `[]`, new(order.ReasonSet)},
		{order.CODReorderOnline, `"reorder_online"`, new(order.CODAction)},
	} {
		b, err := json.Marshal(c.v)
		require.NoError(t, err)
		assert.Equal(t, c.want, string(b))
		require.NoError(t, json.Unmarshal(b, c.back))
		assert.Equal(t, c.v, reflect.ValueOf(c.back).Elem().Interface())
	}
	// Hostile: unknown codes, a number, a value out of range.
	keep := rs
	require.ErrorIs(t, json.Unmarshal([]byte(`["oversold","no_such"]`), &keep), order.ErrUnknownReason)
	assert.Equal(t, rs, keep, "unchanged on error")
	require.ErrorIs(t, json.Unmarshal([]byte(`["nope"]`), &cs), order.ErrUnknownCategory)
	require.ErrorIs(t, json.Unmarshal([]byte(`["keep"]`), &ms), order.ErrUnknownCode)
	var a order.CODAction
	require.ErrorIs(t, json.Unmarshal([]byte(`"wait"`), &a), order.ErrUnknownCode)
	require.Error(t, json.Unmarshal([]byte(`12`), &keep))
	_, err := json.Marshal(order.CategorySet(1 << 40))
	require.ErrorIs(t, err, order.ErrUnknownCategory)

	d, err := order.DefaultTriagePolicy().COD(mk(t, codSpec("J1", false)), t0.Add(time.Hour))
	require.NoError(t, err)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"reasons":["cod_unconfirmed"]`, "snake_case keys, like every kefu decision")
}
