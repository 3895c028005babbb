package shipping_test

import (
	"encoding"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// textEnum is an enum with a stable snake_case text form.
type textEnum interface {
	fmt.Stringer
	encoding.TextMarshaler
}

// checkNames pins an enum's wire names: value i+1 is names[i], each
// round-trips through its text form, the zero value and the value past
// the last have no name and do not encode, and an unknown name does not
// decode.
func checkNames[E textEnum, P interface {
	*E
	encoding.TextUnmarshaler
}](t *testing.T, conv func(int) E, names []string, unknown error) {
	t.Helper()
	for i, want := range names {
		e := conv(i + 1)
		assert.Equal(t, want, e.String())
		b, err := e.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, want, string(b))
		var back E
		require.NoError(t, P(&back).UnmarshalText(b))
		assert.Equal(t, e, back)
	}
	for _, bad := range []int{0, len(names) + 1} {
		_, err := conv(bad).MarshalText()
		require.ErrorIs(t, err, unknown, "value %d", bad)
	}
	assert.Contains(t, conv(len(names)+1).String(), fmt.Sprintf("(%d)", len(names)+1))
	var e E
	require.ErrorIs(t, P(&e).UnmarshalText([]byte("no_such_name")), unknown)
	require.ErrorIs(t, P(&e).UnmarshalText(nil), unknown, "the empty name is the zero value's, never decoded")
}

// TestEnumNamesDoNotDrift: the snake_case names are what backends store
// and UIs translate; they never change.
func TestEnumNamesDoNotDrift(t *testing.T) {
	checkNames(t, func(i int) shipping.Stop { return shipping.Stop(i) }, []string{"hold", "intercept", "too_late"}, shipping.ErrUnknownCode)
	checkNames(t, func(i int) shipping.Situation { return shipping.Situation(i) }, []string{"not_paid", "not_dispatched",
		"late_dispatch", "no_tracking", "on_the_way", "stalled_at_origin", "stalled_at_destination", "lost", "damaged",
		"delivered", "trade_closed"}, shipping.ErrUnknownCode)
	checkNames(t, func(i int) shipping.Action { return shipping.Action(i) }, []string{"answer_at_once", "explain_promotion",
		"chase_warehouse", "chase_courier", "reship_and_apologise", "ask_to_pay"}, shipping.ErrUnknownCode)
	checkNames(t, func(i int) shipping.Remedy { return shipping.Remedy(i) }, []string{"fix_postage", "refund_difference",
		"refund_and_reorder"}, shipping.ErrUnknownCode)
	checkNames(t, func(i int) shipping.Stage { return shipping.Stage(i) }, []string{"cut", "printed", "picked", "outbound",
		"picked_up", "entered", "allocated", "in_transit", "at_destination", "out_for_delivery", "delivered", "lost", "damaged"},
		shipping.ErrUnknownStage)
	checkNames(t, func(i int) shipping.Wording { return shipping.Wording(i) }, []string{"ships_today", "ships_tomorrow",
		"within_days"}, shipping.ErrUnknownCode)
	names := make([]string, 0, len(shipping.Reasons()))
	for _, r := range shipping.Reasons() {
		names = append(names, r.String())
	}
	checkNames(t, func(i int) shipping.Reason { return shipping.Reason(i) }, names, shipping.ErrUnknownReason)
	assert.Equal(t, []string{"order_held", "too_early"}, names[len(names)-2:], "new codes are appended")
}

// TestSets: the action and remedy sets behave like ReasonSet.
func TestSets(t *testing.T) {
	as := shipping.ActionSet(0).With(shipping.ChaseCourier).With(shipping.AnswerAtOnce)
	assert.True(t, as.Has(shipping.ChaseCourier))
	assert.False(t, as.Has(shipping.ReshipAndApologise))
	var got []shipping.Action
	for a := range as.All() {
		got = append(got, a)
	}
	assert.Equal(t, []shipping.Action{shipping.AnswerAtOnce, shipping.ChaseCourier}, got)

	rs := shipping.RemedySet(0).With(shipping.RefundAndReorder).With(shipping.RefundDifference)
	assert.True(t, rs.Has(shipping.RefundDifference))
	assert.False(t, rs.Has(shipping.FixPostage))
	assert.Equal(t, 2, rs.Len())
	assert.Equal(t, "[refund_difference refund_and_reorder]", rs.String())
}

// TestStageKinds pins rule S7's two halves and the courier's exceptions.
func TestStageKinds(t *testing.T) {
	for _, s := range shipping.Stages() {
		assert.Equal(t, s == shipping.Lost || s == shipping.Damaged, s.Exception(), s.String())
	}
	assert.False(t, shipping.StageUnknown.Warehouse())
	assert.False(t, shipping.StageUnknown.Courier())
}

// TestCalendarText: dates, clocks and weekdays encode only when valid,
// and decoding bad text is an error that leaves the value unchanged.
func TestCalendarText(t *testing.T) {
	d := shipping.Date{Year: 2026, Month: 10, Day: 1}
	assert.True(t, d.Before(d.AddDays(1)))
	assert.False(t, d.Before(d))
	assert.True(t, d.Before(shipping.Date{Year: 2027, Month: 1, Day: 1}))
	assert.False(t, d.Before(shipping.Date{Year: 2026, Month: 9, Day: 30}))
	assert.Equal(t, -1, d.DaysUntil(d.AddDays(-1)))
	assert.Equal(t, "", shipping.Date{}.String())
	for _, bad := range []shipping.Date{{}, {Year: 0, Month: 1, Day: 1}, {Year: 10000, Month: 1, Day: 1}, {Year: 2026, Month: 13, Day: 1}, {Year: 2026, Month: 2, Day: 29}} {
		assert.False(t, bad.IsValid(), "%+v", bad)
	}
	b, err := d.MarshalText()
	require.NoError(t, err)
	var back shipping.Date
	require.NoError(t, back.UnmarshalText(b))
	assert.Equal(t, d, back)
	require.ErrorIs(t, back.UnmarshalText([]byte("1 Oct 2026")), shipping.ErrInvalidText)
	assert.Equal(t, d, back, "unchanged on error")

	c := order.MustParseClock("16:00:30")
	assert.Equal(t, "16:00:30", c.String())
	b, err = c.MarshalText()
	require.NoError(t, err)
	var cb order.Clock
	require.NoError(t, cb.UnmarshalText(b))
	assert.Equal(t, c, cb)
	require.ErrorIs(t, cb.UnmarshalText([]byte("4pm")), shipping.ErrInvalidText)
	assert.Equal(t, c, cb, "unchanged on error")
	require.NoError(t, cb.UnmarshalText(nil))
	assert.Zero(t, cb, `"" is the unset clock`)
	_, err = order.Clock(0).MarshalText()
	require.ErrorIs(t, err, shipping.ErrInvalidText)
	_, err = order.Clock(24*3600 + 1).MarshalText()
	require.ErrorIs(t, err, shipping.ErrInvalidText)
	_, err = order.ParseClock("16:00-30")
	require.ErrorIs(t, err, shipping.ErrInvalidText)

	_, err = shipping.Weekday(7).MarshalText()
	require.ErrorIs(t, err, shipping.ErrInvalidText)
	b, err = shipping.Weekday(time.Monday).MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "monday", string(b))
}

// TestZeroOrder: the zero Order — never built by order.New — gets
// decisions, not panics.
func TestZeroOrder(t *testing.T) {
	p := shipping.DefaultPolicy()
	d := p.FreeShipping(&order.Order{})
	assert.False(t, d.Eligible())
	assert.Equal(t, "[below_threshold region_missing]", d.Reasons().String())
	decEq(t, "99.00", d.Shortfall())
	assert.False(t, p.PostageOvercharge(&order.Order{}).Overcharged)
	_, err := p.ClassifyParcel(&order.Order{}, nil, t0)
	require.ErrorIs(t, err, shipping.ErrMissing)
	due, left := shipping.NoticeDue(nil, nil, time.Time{})
	assert.False(t, due)
	assert.True(t, left.IsZero())
}

// TestPolicyMethodsOnInvalidPolicy: a policy that fails Validate makes
// the methods that read it return its error, never panic or loop.
func TestPolicyMethodsOnInvalidPolicy(t *testing.T) {
	for _, c := range []struct {
		reason string
		edit   func(*shipping.Policy)
		err    error
	}{
		{"no normal window", func(p *shipping.Policy) { p.NormalWindowDays = 0 }, shipping.ErrNegative},
		{"huge promotion window", func(p *shipping.Policy) { p.PromotionWindowDays = 1 << 30 }, shipping.ErrNegative},
		{"no cutoff", func(p *shipping.Policy) { p.Cutoff = -5 }, shipping.ErrMissing},
		{"bad zone", func(p *shipping.Policy) { p.Zone = "Nowhere/Else" }, shipping.ErrInvalidZone},
	} {
		t.Run(c.reason, func(t *testing.T) {
			p := shipping.DefaultPolicy()
			c.edit(&p)
			_, err := p.DispatchPromise(t0)
			require.ErrorIs(t, err, c.err)
			_, err = p.PaymentReminder(shipping.Unpaid{Order: unpaidOrder(t)}, t0)
			require.ErrorIs(t, err, c.err)
			_, err = p.DueReminders(nil, t0)
			require.ErrorIs(t, err, c.err)
			_, err = p.ClassifyParcel(paidAt(t, t0, time.Time{}), nil, t0.Add(time.Hour))
			require.ErrorIs(t, err, c.err)
			_, err = p.Checks()
			require.ErrorIs(t, err, c.err)
		})
	}
	// Every day a non-working day: the calendar search stops instead of
	// looping for ever.
	p := shipping.DefaultPolicy()
	p.WeeklyRest = []shipping.Weekday{0, 1, 2, 3, 4, 5, 6}
	pr, err := p.DispatchPromise(t0)
	require.NoError(t, err)
	assert.True(t, pr.By.After(t0))
}
