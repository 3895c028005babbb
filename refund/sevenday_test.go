package refund_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// signed is when threeLines' finished parcel was signed for: Monday
// 2 November 2026 15:00 CST.
var signed = at(2026, 11, 2, 15, 0)

func sevenDay(at time.Time) refund.SevenDayRequest {
	return refund.SevenDayRequest{Order: orderFinished, SKU: "SCARF-01", SignedAt: signed, At: at}
}

var orderFinished = func() *order.Order {
	o := order.MustNew(finished(threeLines()))
	return &o
}()

// TestSevenDayWindow pins the window as the platform counts it (rule R3):
// from 00:00 of the day after sign-for, 168 hours, in the shop's zone.
func TestSevenDayWindow(t *testing.T) {
	p := refund.DefaultPolicy()
	cases := []struct {
		reason string
		at     time.Time
		ok     bool
	}{
		{"the day of sign-for", signed.Add(time.Hour), true},
		{"the last second", at(2026, 11, 9, 23, 59).Add(59 * time.Second), true},
		{"00:00 on the eighth day after", at(2026, 11, 10, 0, 0), false},
		{"a month later", at(2026, 12, 2, 10, 0), false},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := p.SevenDay(sevenDay(c.at))
			require.NoError(t, err)
			assert.True(t, d.Opens.Equal(at(2026, 11, 3, 0, 0)), "opens %s", d.Opens)
			assert.True(t, d.Closes.Equal(at(2026, 11, 10, 0, 0)), "closes %s", d.Closes)
			assert.Equal(t, c.ok, d.Verdict == order.Allowed)
			assert.Equal(t, !c.ok, d.Reasons.Has(refund.WindowClosed))
		})
	}

	// The calendar day is the shop's: 17:00 UTC on 2 November is 01:00 on
	// the 3rd in China, so the window opens on the 4th.
	r := sevenDay(at(2026, 11, 10, 12, 0))
	r.SignedAt = time.Date(2026, 11, 2, 17, 0, 0, 0, time.UTC)
	d, err := p.SevenDay(r)
	require.NoError(t, err)
	assert.True(t, d.Opens.Equal(at(2026, 11, 4, 0, 0)), "opens %s", d.Opens)
	assert.Equal(t, order.Allowed, d.Verdict)

	// A shop offering fifteen days.
	p.ReturnWindow = order.Duration(15 * 24 * time.Hour)
	d, err = p.SevenDay(sevenDay(at(2026, 11, 17, 12, 0)))
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)
}

// TestSevenDayWindowInALondonAutumn: 168 hours are 168 hours, also over
// the night the clocks go back; the window opens at the shop's midnight.
func TestSevenDayWindowInALondonAutumn(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	p := refund.DefaultPolicy()
	p.Zone = "Europe/London"
	r := sevenDay(time.Date(2026, 10, 30, 12, 0, 0, 0, london))
	r.SignedAt = time.Date(2026, 10, 23, 18, 0, 0, 0, london)
	d, err := p.SevenDay(r)
	require.NoError(t, err)
	assert.True(t, d.Opens.Equal(time.Date(2026, 10, 24, 0, 0, 0, 0, london)))
	assert.Equal(t, 168*time.Hour, d.Closes.Sub(d.Opens))
	assert.Equal(t, "2026-10-30T23:00:00Z", d.Closes.UTC().Format(time.RFC3339), "23:00 GMT, after the clocks went back")
}

// TestSevenDayExclusions: by law, by the buyer's confirmation when
// buying, and by the goods' condition (rule R3). Every decision lists what
// to confirm with the buyer first: which order, when it was bought.
func TestSevenDayExclusions(t *testing.T) {
	p := refund.DefaultPolicy()
	in := at(2026, 11, 4, 10, 0)
	cases := []struct {
		reason string
		edit   func(*refund.SevenDayRequest)
		want   []refund.Reason
	}{
		{"ordinary goods, intact", func(r *refund.SevenDayRequest) {}, nil},
		{"made to order", func(r *refund.SevenDayRequest) { r.Kind = refund.KindMadeToOrder }, []refund.Reason{refund.MadeToOrder}},
		{"fresh", func(r *refund.SevenDayRequest) { r.Kind = refund.KindPerishable }, []refund.Reason{refund.Perishable}},
		{"a delivered periodical", func(r *refund.SevenDayRequest) { r.Kind = refund.KindPeriodical }, []refund.Reason{refund.Periodical}},
		{"digital, still sealed", func(r *refund.SevenDayRequest) { r.Kind = refund.KindDigital }, nil},
		{"digital, unsealed", func(r *refund.SevenDayRequest) {
			r.Kind, r.Condition = refund.KindDigital, refund.ConditionSet(0).With(refund.ConditionUnsealed)
		}, []refund.Reason{refund.DigitalUnsealed}},
		{"an unsealed scarf is still returnable", func(r *refund.SevenDayRequest) {
			r.Condition = refund.ConditionSet(0).With(refund.ConditionUnsealed)
		}, nil},
		{"confirmed as not returnable when buying", func(r *refund.SevenDayRequest) { r.ConfirmedAtPurchase = true },
			[]refund.Reason{refund.ConfirmedAtPurchase}},
		{"washed", func(r *refund.SevenDayRequest) { r.Condition = refund.ConditionSet(0).With(refund.ConditionWashed) },
			[]refund.Reason{refund.Washed}},
		{"bleached and worn", func(r *refund.SevenDayRequest) {
			r.Condition = refund.ConditionSet(0).With(refund.ConditionBleached).With(refund.ConditionWornDamaged)
		}, []refund.Reason{refund.Bleached, refund.WornDamaged}},
		{"no longer resellable, and late", func(r *refund.SevenDayRequest) {
			r.Condition, r.At = refund.ConditionSet(0).With(refund.ConditionNotResellable), at(2026, 11, 20, 0, 0)
		}, []refund.Reason{refund.WindowClosed, refund.NotResellable}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r := sevenDay(in)
			c.edit(&r)
			d, err := p.SevenDay(r)
			require.NoError(t, err)
			assert.Equal(t, c.want, d.Reasons.Values())
			assert.True(t, d.Confirm.Has(refund.ConfirmOrder), "which order")
			assert.True(t, d.Confirm.Has(refund.ConfirmBoughtAt), "when it was bought")
			if c.want == nil {
				assert.Equal(t, order.Allowed, d.Verdict)
				assert.True(t, d.Confirm.Has(refund.ConfirmIntact))
			} else {
				assert.Equal(t, order.Refused, d.Verdict)
				assert.False(t, d.Confirm.Has(refund.ConfirmIntact))
			}
		})
	}
}

// TestSevenDayErrors: requests that cannot be decided.
func TestSevenDayErrors(t *testing.T) {
	p := refund.DefaultPolicy()
	in := at(2026, 11, 4, 10, 0)
	cases := []struct {
		reason string
		edit   func(*refund.SevenDayRequest)
		want   error
	}{
		{"no order", func(r *refund.SevenDayRequest) { r.Order = nil }, refund.ErrMissing},
		{"a line the order does not have", func(r *refund.SevenDayRequest) { r.SKU = "BOOT-01" }, refund.ErrUnknownLine},
		// Hostile: a return of goods never signed for.
		{"no sign-for", func(r *refund.SevenDayRequest) { r.SignedAt = time.Time{} }, refund.ErrNotReceived},
		{"an order never dispatched", func(r *refund.SevenDayRequest) { r.Order = build(t, threeLines()) }, refund.ErrNotReceived},
		{"asked before the sign-for", func(r *refund.SevenDayRequest) { r.At = signed.Add(-time.Hour) }, refund.ErrInconsistent},
		{"no time", func(r *refund.SevenDayRequest) { r.At = time.Time{} }, refund.ErrMissing},
		{"an unknown kind", func(r *refund.SevenDayRequest) { r.Kind = 9 }, refund.ErrUnknownCode},
		{"an unknown condition", func(r *refund.SevenDayRequest) { r.Condition = refund.ConditionSet(0).With(40) }, refund.ErrUnknownCode},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r := sevenDay(in)
			c.edit(&r)
			_, err := p.SevenDay(r)
			require.ErrorIs(t, err, c.want)
		})
	}
	bad := refund.DefaultPolicy()
	bad.WeightTolerance = 0
	_, err := bad.SevenDay(sevenDay(in))
	require.ErrorIs(t, err, refund.ErrInvalidPolicy)
}
