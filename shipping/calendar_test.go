package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// calendarZones have every kind of midnight: none, fixed, DST at 01:00,
// clocks that skip midnight (Santiago, Havana), a half-hour DST (Lord
// Howe) and a zone that skipped a whole day (Apia, 2011-12-30).
var calendarZones = []string{"Asia/Shanghai", "UTC", "America/Santiago", "America/Havana",
	"Europe/London", "Australia/Lord_Howe", "Pacific/Apia"}

func zoned(t *testing.T, name string) (shipping.Policy, *time.Location) {
	t.Helper()
	loc, err := time.LoadLocation(name)
	require.NoError(t, err)
	p := shipping.DefaultPolicy()
	p.Zone = name
	return valid(t, p), loc
}

// TestDispatchPromiseWhereClocksSkipMidnight pins rule S6 in zones whose
// clocks go from 00:00 to 01:00: By is 23:59:59 of the day before the
// change (it was 22:59:59, an hour short), and an order rolled onto the
// day of the change ships by 23:59:59 of that day.
func TestDispatchPromiseWhereClocksSkipMidnight(t *testing.T) {
	cases := []struct {
		reason  string
		zone    string
		paid    [5]int // y m d h min in the zone
		by      string
		wording shipping.Wording
	}{
		{"Santiago, the day before the change (2027-09-05 00:00 → 01:00)", "America/Santiago",
			[5]int{2027, 9, 4, 10, 0}, "2027-09-04 23:59:59 -04", shipping.ShipsToday},
		{"Santiago, past the cutoff the day before: rolls onto the short day", "America/Santiago",
			[5]int{2027, 9, 4, 17, 0}, "2027-09-05 23:59:59 -03", shipping.ShipsTomorrow},
		{"Santiago, on the day of the change", "America/Santiago",
			[5]int{2027, 9, 5, 9, 0}, "2027-09-05 23:59:59 -03", shipping.ShipsToday},
		{"Havana, the day before the change (2026-03-08 00:00 → 01:00)", "America/Havana",
			[5]int{2026, 3, 7, 12, 0}, "2026-03-07 23:59:59 -05", shipping.ShipsToday},
		{"Havana, past the cutoff the day before", "America/Havana",
			[5]int{2026, 3, 7, 18, 0}, "2026-03-08 23:59:59 -04", shipping.ShipsTomorrow},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			p, loc := zoned(t, c.zone)
			paid := time.Date(c.paid[0], time.Month(c.paid[1]), c.paid[2], c.paid[3], c.paid[4], 0, 0, loc)
			pr, err := p.DispatchPromise(paid)
			require.NoError(t, err)
			assert.Equal(t, c.by, pr.By.Format("2006-01-02 15:04:05 -07"))
			assert.Equal(t, c.wording, pr.Wording)
		})
	}
}

// TestCutoffAt24 pins rules S6 and S10 for a cutoff of "24:00": the whole
// day is before the cutoff, up to its last second, also on the day before
// Santiago's clocks skip midnight (where it acted as 23:00).
func TestCutoffAt24(t *testing.T) {
	p, loc := zoned(t, "America/Santiago")
	p.Cutoff = order.MustParseClock("24:00")
	valid(t, p)

	late := time.Date(2027, 9, 4, 23, 30, 0, 0, loc)
	pr, err := p.DispatchPromise(late)
	require.NoError(t, err)
	assert.Equal(t, "2027-09-04 23:59:59 -04", pr.By.Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, shipping.ShipsToday, pr.Wording)
	assert.Equal(t, "[]", pr.Reasons.String(), "23:30 is before a 24:00 cutoff")

	last := time.Date(2027, 9, 4, 23, 59, 59, 0, loc)
	pr, err = p.DispatchPromise(last)
	require.NoError(t, err)
	assert.Equal(t, shipping.ShipsToday, pr.Wording, "the last second is still today")
	assert.False(t, pr.By.Before(last))

	// Within the last second the day can no longer be promised: By is the
	// last second of a day and never before the payment.
	pr, err = p.DispatchPromise(last.Add(500 * time.Millisecond))
	require.NoError(t, err)
	assert.Equal(t, "2027-09-05 23:59:59 -03", pr.By.Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, "[cutoff_passed]", pr.Reasons.String())

	o := build(t, order.Spec{ID: "U1", Buyer: order.Buyer{ID: "b1"},
		Lines:   []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: dec("120.00")}},
		Address: addr("浙江省"), Status: order.AwaitingPayment, CreatedAt: late.Add(-time.Hour)})
	r, err := p.PaymentReminder(shipping.Unpaid{Order: o, BuyerOnline: true}, late)
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, r.Verdict, "rule S10: pay now and it ships today")
	assert.Equal(t, "2027-09-04 23:59:59 -04", r.Until.Format("2006-01-02 15:04:05 -07"), "today's cutoff")
	assert.Equal(t, "2027-09-04 19:59:59 -04", r.From.Format("2006-01-02 15:04:05 -07"), "the 4-hour lead before it")
}

// TestPaymentReminderDayStart pins rule S10 in a zone whose clocks skip
// midnight: with no lead, reminders may go out from the start of the day —
// 01:00 on 2027-09-05 in Santiago, not 23:00 of the day before.
func TestPaymentReminderDayStart(t *testing.T) {
	p, loc := zoned(t, "America/Santiago")
	p.ReminderLead = 0
	valid(t, p)
	now := time.Date(2027, 9, 5, 1, 30, 0, 0, loc)
	o := build(t, order.Spec{ID: "U1", Buyer: order.Buyer{ID: "b1"},
		Lines:   []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: dec("120.00")}},
		Address: addr("浙江省"), Status: order.AwaitingPayment, CreatedAt: now.Add(-time.Minute)})
	r, err := p.PaymentReminder(shipping.Unpaid{Order: o, BuyerOnline: true}, now)
	require.NoError(t, err)
	assert.Equal(t, "2027-09-05 01:00:00 -03", r.From.Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, order.Allowed, r.Verdict)
}

// TestDateStartWhereClocksSkipMidnight: a Date's start is the first
// instant of that day, never an hour of the day before.
func TestDateStartWhereClocksSkipMidnight(t *testing.T) {
	_, loc := zoned(t, "America/Santiago")
	d := shipping.Date{Year: 2027, Month: 9, Day: 5}
	assert.Equal(t, "2027-09-05 01:00:00 -03", d.Start(loc).Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, "2027-09-05 23:59:59 -03", d.End(loc).Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, "2027-09-04 23:59:59 -04", d.AddDays(-1).End(loc).Format("2006-01-02 15:04:05 -07"))
}

// TestDispatchPromiseOverSkippedDay: Apia skipped 2011-12-30 entirely. An
// order rolled past the cutoff on the 29th cannot ship on a day that does
// not exist; it ships by the end of the 31st (rule S6).
func TestDispatchPromiseOverSkippedDay(t *testing.T) {
	p, loc := zoned(t, "Pacific/Apia")
	pr, err := p.DispatchPromise(time.Date(2011, 12, 29, 17, 0, 0, 0, loc))
	require.NoError(t, err)
	assert.Equal(t, "2011-12-31 23:59:59", pr.By.Format("2006-01-02 15:04:05"))
	assert.Equal(t, 3, pr.Days, "three calendar dates, one of which the zone skipped")
}

// TestDispatchPromiseCalendarProperty proves rule S6's calendar for every
// zone of calendarZones, three policies (the default, a 24:00 cutoff, and
// a two-day window with weekends off) and payments spread over two years
// (2026–2027; 2011 too for Apia's skipped day), at uneven minutes and
// fractions of a second:
//
//   - By is the last second of a calendar day: 23:59:59, and the next
//     second starts the next day;
//   - By is never before the payment;
//   - Days counts the calendar days from the paid day to By's day, both
//     included;
//   - the promise is monotone in the paid time: paying later never gives
//     an earlier By, so the count of days from any fixed day to By never
//     decreases.
func TestDispatchPromiseCalendarProperty(t *testing.T) {
	policies := map[string]func(*shipping.Policy){
		"default":   func(*shipping.Policy) {},
		"cutoff 24": func(p *shipping.Policy) { p.Cutoff = order.MustParseClock("24:00") },
		"weekends off, 2 days": func(p *shipping.Policy) {
			p.NormalWindowDays = 2
			p.WeeklyRest = []shipping.Weekday{shipping.Weekday(time.Saturday), shipping.Weekday(time.Sunday)}
		},
	}
	step := 97*time.Minute + 13*time.Second + 250*time.Millisecond
	if testing.Short() {
		step *= 7
	}
	for _, name := range calendarZones {
		for pname, edit := range policies {
			t.Run(name+"/"+pname, func(t *testing.T) {
				p, loc := zoned(t, name)
				edit(&p)
				valid(t, p)
				spans := [][2]time.Time{{time.Date(2026, 1, 1, 0, 0, 0, 0, loc), time.Date(2028, 1, 1, 0, 0, 0, 0, loc)}}
				if name == "Pacific/Apia" {
					spans = append(spans, [2]time.Time{time.Date(2011, 1, 1, 0, 0, 0, 0, loc), time.Date(2012, 6, 1, 0, 0, 0, 0, loc)})
				}
				for _, span := range spans {
					var prev shipping.DispatchPromise
					for paid := span[0]; paid.Before(span[1]); paid = paid.Add(step) {
						pr, err := p.DispatchPromise(paid)
						require.NoError(t, err)
						by := pr.By.In(loc)
						next := by.Add(time.Second)
						if by.Format("15:04:05") != "23:59:59" || !tz.StartOfDay(next).Equal(next) || next.Day() == by.Day() {
							t.Fatalf("paid %v: By %v is not the last second of a day", paid, by)
						}
						if by.Before(paid) {
							t.Fatalf("paid %v: By %v is before the payment", paid, by)
						}
						if want := tz.DaysBetween(paid.In(loc), by) + 1; pr.Days != want {
							t.Fatalf("paid %v: Days %d, want %d (By %v)", paid, pr.Days, want, by)
						}
						if !prev.IsZero() && by.Before(prev.By) {
							t.Fatalf("paid %v: By %v is earlier than %v for an earlier payment", paid, by, prev.By)
						}
						if !p.Working(shipping.DateOf(by)) {
							t.Fatalf("paid %v: By %v is not a working day", paid, by)
						}
						prev = pr
					}
				}
			})
		}
	}
}
