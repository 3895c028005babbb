package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestDispatchPromiseTable pins rule S6: the latest honest dispatch time
// and its wording, around the cutoff, across a non-working day and in a
// big promotion.
func TestDispatchPromiseTable(t *testing.T) {
	p := shipping.DefaultPolicy() // cutoff 16:00, next-day window, 3 days in a promotion
	p.NonWorkingDays = []shipping.Date{{Year: 2026, Month: 11, Day: 4}}
	p.BigPromotions = []shipping.Period{{Name: "双11", Start: at(2026, 11, 11, 0, 0, 0), End: at(2026, 11, 14, 0, 0, 0)}}
	valid(t, p)
	cases := []struct {
		reason  string
		paid    time.Time
		by      time.Time
		wording shipping.Wording
		days    int
		reasons string
	}{
		{"cutoff minus one second ships today", at(2026, 11, 2, 15, 59, 59), at(2026, 11, 2, 23, 59, 59), shipping.ShipsToday, 1, "[]"},
		{"exactly at the cutoff still ships today", at(2026, 11, 2, 16, 0, 0), at(2026, 11, 2, 23, 59, 59), shipping.ShipsToday, 1, "[]"},
		{"cutoff plus one second rolls to tomorrow", at(2026, 11, 2, 16, 0, 1), at(2026, 11, 3, 23, 59, 59), shipping.ShipsTomorrow, 2, "[cutoff_passed]"},
		{"past the cutoff before a non-working day rolls over it", at(2026, 11, 3, 16, 0, 1), at(2026, 11, 5, 23, 59, 59), shipping.WithinDays, 3, "[cutoff_passed]"},
		{"before the cutoff the day before a non-working day", at(2026, 11, 3, 15, 59, 59), at(2026, 11, 3, 23, 59, 59), shipping.ShipsToday, 1, "[]"},
		{"paid on a non-working day ships the next working day", at(2026, 11, 4, 9, 0, 0), at(2026, 11, 5, 23, 59, 59), shipping.ShipsTomorrow, 2, "[non_working_day]"},
		{"big promotion: within 3 days", at(2026, 11, 11, 0, 0, 1), at(2026, 11, 13, 23, 59, 59), shipping.WithinDays, 3, "[big_promotion]"},
		{"big promotion past the cutoff: within 4 days", at(2026, 11, 11, 20, 0, 0), at(2026, 11, 14, 23, 59, 59), shipping.WithinDays, 4, "[cutoff_passed big_promotion]"},
		{"promotion over: next day again", at(2026, 11, 14, 0, 0, 0), at(2026, 11, 14, 23, 59, 59), shipping.ShipsToday, 1, "[]"},
		{"paid time in another zone is converted", time.Date(2026, 11, 2, 7, 59, 59, 0, time.UTC), at(2026, 11, 2, 23, 59, 59), shipping.ShipsToday, 1, "[]"},
		{"paid time in another zone past the cutoff", time.Date(2026, 11, 2, 8, 0, 1, 0, time.UTC), at(2026, 11, 3, 23, 59, 59), shipping.ShipsTomorrow, 2, "[cutoff_passed]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			pr, err := p.DispatchPromise(c.paid)
			require.NoError(t, err)
			assert.True(t, c.by.Equal(pr.By), "by %v, want %v", pr.By, c.by)
			assert.Equal(t, c.wording, pr.Wording)
			assert.Equal(t, c.days, pr.Days)
			assert.Equal(t, c.reasons, pr.Reasons.String())
			assert.True(t, pr.Kept(pr.By), "outbound exactly at By keeps the promise")
			assert.False(t, pr.Kept(pr.By.Add(time.Second)), "one second later breaks it")
		})
	}
}

// TestDispatchPromiseNeverBeyondNextWorkingDay pins rule S6's bottom line:
// outside big promotions an order always ships by the next working day.
func TestDispatchPromiseNeverBeyondNextWorkingDay(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy())
	for paid := t0; paid.Before(t0.Add(72 * time.Hour)); paid = paid.Add(17 * time.Minute) {
		pr, err := p.DispatchPromise(paid)
		require.NoError(t, err)
		assert.LessOrEqual(t, pr.Days, 2, "paid %v", paid)
		assert.NotEqual(t, shipping.WithinDays, pr.Wording)
		assert.False(t, pr.By.Before(paid))
	}
}

func TestDispatchPromiseLongerWindowAndZone(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.NormalWindowDays = 2
	p.Zone = "+09:00"
	valid(t, p)
	pr, err := p.DispatchPromise(time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)) // 19:00 in +09:00
	require.NoError(t, err)
	assert.Equal(t, "2026-11-04T23:59:59+09:00", pr.By.Format(time.RFC3339))
	assert.Equal(t, shipping.WithinDays, pr.Wording)
	assert.Equal(t, 3, pr.Days)
}

func TestDispatchPromiseBadInput(t *testing.T) {
	_, err := shipping.DefaultPolicy().DispatchPromise(time.Time{})
	require.ErrorIs(t, err, shipping.ErrMissing)

	p := shipping.DefaultPolicy()
	p.Zone = "Mars/Olympus"
	_, err = p.DispatchPromise(t0)
	require.ErrorIs(t, err, shipping.ErrInvalidZone)
	assert.Contains(t, err.Error(), `zone "Mars/Olympus"`)

	p = shipping.DefaultPolicy()
	p.Cutoff = 0
	_, err = p.DispatchPromise(t0)
	require.ErrorIs(t, err, shipping.ErrMissing)
}

func TestWordingText(t *testing.T) {
	for w, s := range map[shipping.Wording]string{shipping.ShipsToday: "ships_today",
		shipping.ShipsTomorrow: "ships_tomorrow", shipping.WithinDays: "within_days"} {
		assert.Equal(t, s, w.String())
		b, err := w.MarshalText()
		require.NoError(t, err)
		var back shipping.Wording
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, w, back)
	}
	assert.Equal(t, "Wording(9)", shipping.Wording(9).String())
	_, err := shipping.WordingUnknown.MarshalText()
	require.ErrorIs(t, err, shipping.ErrUnknownCode)
	_, err = shipping.ParseWording("tomorrow")
	require.ErrorIs(t, err, shipping.ErrUnknownCode)
}

// TestDispatchPromiseWeeklyRest pins rule S6 with weekly rest days and a
// make-up working day (调休): an order rolls over the rest days, and the
// wording never claims "tomorrow" across them.
func TestDispatchPromiseWeeklyRest(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.WeeklyRest = []shipping.Weekday{shipping.Weekday(time.Saturday), shipping.Weekday(time.Sunday)}
	valid(t, p)
	friday := at(2026, 11, 6, 16, 30, 0)
	pr, err := p.DispatchPromise(friday)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-09T23:59:59+08:00", pr.By.Format(time.RFC3339), "Monday")
	assert.Equal(t, shipping.WithinDays, pr.Wording)
	assert.Equal(t, 4, pr.Days)
	assert.False(t, p.Working(shipping.Date{Year: 2026, Month: 11, Day: 7}))

	p.WorkingDays = []shipping.Date{{Year: 2026, Month: 11, Day: 7}} // Saturday worked
	valid(t, p)
	pr, err = p.DispatchPromise(friday)
	require.NoError(t, err)
	assert.Equal(t, "2026-11-07T23:59:59+08:00", pr.By.Format(time.RFC3339))
	assert.Equal(t, shipping.ShipsTomorrow, pr.Wording)

	pr, err = p.DispatchPromise(at(2026, 11, 8, 9, 0, 0)) // Sunday
	require.NoError(t, err)
	assert.Equal(t, "[non_working_day]", pr.Reasons.String())
	assert.Equal(t, shipping.ShipsTomorrow, pr.Wording)
}

func TestWeeklyRestValidation(t *testing.T) {
	p := shipping.DefaultPolicy()
	for d := range 7 {
		p.WeeklyRest = append(p.WeeklyRest, shipping.Weekday(d))
	}
	require.ErrorIs(t, p.Validate(), shipping.ErrNegative, "no working day at all")
	p.WeeklyRest = []shipping.Weekday{0, 0}
	require.ErrorIs(t, p.Validate(), shipping.ErrDuplicate)
	p.WeeklyRest = []shipping.Weekday{9}
	require.ErrorIs(t, p.Validate(), shipping.ErrInvalidText)
	p.WeeklyRest = nil
	p.NonWorkingDays = []shipping.Date{{Year: 2026, Month: 10, Day: 1}}
	p.WorkingDays = p.NonWorkingDays
	require.ErrorIs(t, p.Validate(), shipping.ErrDuplicate)

	var w shipping.Weekday
	require.NoError(t, w.UnmarshalText([]byte("saturday")))
	assert.Equal(t, shipping.Weekday(time.Saturday), w)
	require.ErrorIs(t, w.UnmarshalText([]byte("Saturday")), shipping.ErrInvalidText)
	assert.Equal(t, "Weekday(8)", shipping.Weekday(8).String())
}

// TestDispatchPromiseRollsIntoBigPromotion pins rule S6: an order paid
// past the cutoff the evening before a big promotion starts on the
// promotion's first day, in the warehouse's promotion rush, so it gets the
// promotion's "within 3 days" and not "ships tomorrow".
func TestDispatchPromiseRollsIntoBigPromotion(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.BigPromotions = []shipping.Period{{Name: "双11", Start: at(2026, 11, 11, 0, 0, 0), End: at(2026, 11, 14, 0, 0, 0)}}
	valid(t, p)
	pr, err := p.DispatchPromise(at(2026, 11, 10, 20, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, "2026-11-13T23:59:59+08:00", pr.By.Format(time.RFC3339), "3 working days from the 11th")
	assert.Equal(t, shipping.WithinDays, pr.Wording)
	assert.Equal(t, 4, pr.Days)
	assert.Equal(t, "[cutoff_passed big_promotion]", pr.Reasons.String())

	pr, err = p.DispatchPromise(at(2026, 11, 10, 15, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, shipping.ShipsToday, pr.Wording, "before the cutoff it ships on the 10th, before the rush")
}

// TestPromiseKeptWithinTheLastSecond: By is the last second of the day,
// so a parcel out at 23:59:59.5 still left that day (rule S6).
func TestPromiseKeptWithinTheLastSecond(t *testing.T) {
	pr, err := shipping.DefaultPolicy().DispatchPromise(t0)
	require.NoError(t, err)
	assert.True(t, pr.Kept(pr.By.Add(999*time.Millisecond)))
	assert.False(t, pr.Kept(pr.By.Add(time.Second)))
	assert.False(t, shipping.DispatchPromise{}.Kept(t0), "the zero promise is never kept")
}

// TestClockOnAcrossDST: the cutoff is a wall-clock time, also on the day
// a zone with daylight saving changes its clocks.
func TestClockOnAcrossDST(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	cut := order.MustParseClock("16:00")
	for _, d := range []int{7, 8, 9} { // clocks go forward on 8 March 2026
		got := cut.On(time.Date(2026, 3, d, 9, 0, 0, 0, ny))
		assert.Equal(t, "16:00", got.Format("15:04"), "8 March is 23 hours long")
	}
	end := order.MustParseClock("24:00").On(time.Date(2026, 3, 8, 9, 0, 0, 0, ny))
	assert.Equal(t, "2026-03-09T00:00:00-04:00", end.Format(time.RFC3339))
	assert.Panics(t, func() { order.MustParseClock("25:00") })
}
