package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestReviewPromise pins rule S6 (never an exact date; "within 3 days" in
// a big promotion) and rule S8 (no delivery time guaranteed).
func TestReviewPromise(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.BigPromotions = []shipping.Period{{Name: "双11", Start: at(2026, 11, 11, 0, 0, 0), End: at(2026, 11, 14, 0, 0, 0)}}
	valid(t, p)
	morning, evening, double11 := at(2026, 11, 2, 10, 0, 0), at(2026, 11, 2, 18, 0, 0), at(2026, 11, 11, 10, 0, 0)
	cases := []struct {
		reason  string
		paid    time.Time
		claim   shipping.PromiseClaim
		allowed bool
		reasons string
	}{
		{"ships today before the cutoff", morning, shipping.PromiseClaim{Wording: shipping.ShipsToday}, true, "[]"},
		{"a weaker claim is honest too", morning, shipping.PromiseClaim{Wording: shipping.WithinDays, Days: 3}, true, "[]"},
		{"ships today after the cutoff is too early", evening, shipping.PromiseClaim{Wording: shipping.ShipsToday}, false, "[cutoff_passed earlier_than_honest]"},
		{"ships tomorrow after the cutoff", evening, shipping.PromiseClaim{Wording: shipping.ShipsTomorrow}, true, "[cutoff_passed]"},
		{"an exact dispatch date is refused", morning, shipping.PromiseClaim{Date: shipping.Date{Year: 2026, Month: 11, Day: 3}}, false, "[exact_date]"},
		{"an exact date even with a wording", morning, shipping.PromiseClaim{Wording: shipping.ShipsTomorrow, Date: shipping.Date{Year: 2026, Month: 11, Day: 3}}, false, "[exact_date]"},
		{"a delivery time is never guaranteed", morning, shipping.PromiseClaim{Wording: shipping.WithinDays, Days: 3, Delivery: true}, false, "[delivery_guarantee]"},
		{"big promotion: ships tomorrow is too early", double11, shipping.PromiseClaim{Wording: shipping.ShipsTomorrow}, false, "[big_promotion earlier_than_honest]"},
		{"big promotion: within 3 days", double11, shipping.PromiseClaim{Wording: shipping.WithinDays, Days: 3}, true, "[big_promotion]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r, err := p.ReviewPromise(c.paid, c.claim)
			require.NoError(t, err)
			assert.Equal(t, c.allowed, r.Verdict == order.Allowed)
			assert.Equal(t, c.reasons, r.Reasons.String())
			assert.False(t, r.Honest.IsZero())
		})
	}
}

func TestReviewPromiseBadInput(t *testing.T) {
	p := shipping.DefaultPolicy()
	_, err := p.ReviewPromise(t0, shipping.PromiseClaim{})
	require.ErrorIs(t, err, shipping.ErrMissing)
	_, err = p.ReviewPromise(t0, shipping.PromiseClaim{Wording: shipping.WithinDays})
	require.ErrorIs(t, err, shipping.ErrNegative)
	_, err = p.ReviewPromise(t0, shipping.PromiseClaim{Wording: shipping.WithinDays, Days: 1 << 40}) // hostile: absurd N
	require.ErrorIs(t, err, shipping.ErrNegative)
	assert.Contains(t, err.Error(), `claim.days "1099511627776": out of range: must be 1 to 4000`)
	_, err = p.ReviewPromise(t0, shipping.PromiseClaim{Wording: 7})
	require.ErrorIs(t, err, shipping.ErrUnknownCode)
	_, err = p.ReviewPromise(time.Time{}, shipping.PromiseClaim{Wording: shipping.ShipsToday})
	require.ErrorIs(t, err, shipping.ErrMissing)
}

func unpaidOrder(t *testing.T) *order.Order {
	s := spec("120.00", "0", "0")
	s.Status, s.PaidAt = order.AwaitingPayment, time.Time{}
	return build(t, s)
}

// TestPaymentReminder pins rule S10: remind an online buyer's unpaid
// order before the cutoff — "pay now and it ships today".
func TestPaymentReminder(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.NonWorkingDays = []shipping.Date{{Year: 2026, Month: 11, Day: 4}}
	p.BigPromotions = []shipping.Period{{Start: at(2026, 11, 11, 0, 0, 0), End: at(2026, 11, 14, 0, 0, 0)}}
	valid(t, p)
	unpaid, paid := unpaidOrder(t), build(t, spec("120.00", "0", "0"))
	cases := []struct {
		reason string
		u      shipping.Unpaid
		now    time.Time
		send   bool
		want   string
	}{
		{"morning: too early, the cutoff is not near yet", shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 2, 11, 59, 59), false, "[too_early]"},
		{"afternoon: the reminder window opens 4 hours before the cutoff", shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 2, 12, 0, 0), true, "[ships_today_if_paid]"},
		{"online, before the cutoff", shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 2, 15, 59, 59), true, "[ships_today_if_paid]"},
		{"at the cutoff", shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 2, 16, 0, 0), true, "[ships_today_if_paid]"},
		{"past the cutoff", shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 2, 16, 0, 1), false, "[cutoff_passed]"},
		{"buyer offline", shipping.Unpaid{Order: unpaid}, at(2026, 11, 2, 14, 0, 0), false, "[buyer_offline]"},
		{"already paid", shipping.Unpaid{Order: paid, BuyerOnline: true}, at(2026, 11, 2, 14, 0, 0), false, "[not_awaiting_payment]"},
		{"reminded this morning", shipping.Unpaid{Order: unpaid, BuyerOnline: true, LastReminded: at(2026, 11, 2, 9, 0, 0)}, at(2026, 11, 2, 14, 0, 0), false, "[already_reminded]"},
		{"reminded yesterday", shipping.Unpaid{Order: unpaid, BuyerOnline: true, LastReminded: at(2026, 11, 1, 15, 0, 0)}, at(2026, 11, 2, 14, 0, 0), true, "[ships_today_if_paid]"},
		{"non-working day", shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 4, 14, 0, 0), false, "[non_working_day]"},
		{"big promotion: remind with the honest wording", shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 11, 14, 0, 0), true, "[big_promotion]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r, err := p.PaymentReminder(c.u, c.now)
			require.NoError(t, err)
			assert.Equal(t, c.send, r.Verdict == order.Allowed)
			assert.Equal(t, c.want, r.Reasons.String())
			assert.Equal(t, "16:00", r.Until.Format("15:04"))
			assert.Equal(t, "12:00", r.From.Format("15:04"))
		})
	}

	due, err := p.DueReminders([]shipping.Unpaid{
		{Order: unpaid, BuyerOnline: true}, {Order: unpaid}, {Order: paid, BuyerOnline: true}, {Order: unpaid, BuyerOnline: true},
	}, at(2026, 11, 2, 14, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, []int{0, 3}, due)
}

func TestPaymentReminderBadInput(t *testing.T) {
	p := shipping.DefaultPolicy()
	_, err := p.PaymentReminder(shipping.Unpaid{}, t0)
	require.ErrorIs(t, err, shipping.ErrMissing)
	u := shipping.Unpaid{Order: unpaidOrder(t), LastReminded: t0.Add(time.Hour)}
	_, err = p.PaymentReminder(u, t0)
	require.ErrorIs(t, err, shipping.ErrTimeOrder)
	_, err = p.DueReminders([]shipping.Unpaid{{Order: unpaidOrder(t)}, u}, t0)
	require.ErrorIs(t, err, shipping.ErrTimeOrder)
	assert.Contains(t, err.Error(), "unpaid[1].last_reminded")
	_, err = p.PaymentReminder(shipping.Unpaid{Order: unpaidOrder(t)}, time.Time{})
	require.ErrorIs(t, err, shipping.ErrMissing)
}

// TestPaymentReminderAnyTime: a shop that sets no reminder lead reminds
// at any time of a working day before the cutoff (rule S10).
func TestPaymentReminderAnyTime(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.ReminderLead = 0
	valid(t, p)
	r, err := p.PaymentReminder(shipping.Unpaid{Order: unpaidOrder(t), BuyerOnline: true}, at(2026, 11, 2, 0, 0, 1))
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, r.Verdict)
	assert.Equal(t, "00:00", r.From.Format("15:04"))

	p.ReminderLead = order.Duration(25 * time.Hour)
	require.ErrorIs(t, p.Validate(), shipping.ErrNegative)
	p.ReminderLead = -1
	require.ErrorIs(t, p.Validate(), shipping.ErrNegative)
}
