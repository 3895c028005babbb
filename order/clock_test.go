package order_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// TestClockOnSkippedTimes proves a time of day on a day whose clocks skip
// midnight lands on that day: 24:00 is the next day's first instant and a
// skipped 00:30 is the instant the clocks jump to (rules S6, S10, O5).
func TestClockOnSkippedTimes(t *testing.T) {
	loc, err := time.LoadLocation("America/Santiago")
	require.NoError(t, err)
	day := time.Date(2027, 9, 4, 12, 0, 0, 0, loc) // the next day skips 00:00–01:00
	assert.Equal(t, "2027-09-05 01:00:00 -03", order.MustParseClock("24:00").On(day).Format("2006-01-02 15:04:05 -07"),
		"24:00 is the start of the next day, not 23:00 of this one")
	skipped := time.Date(2027, 9, 5, 12, 0, 0, 0, loc)
	assert.Equal(t, "2027-09-05 01:00:00 -03", order.MustParseClock("00:30").On(skipped).Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, "2027-09-05 16:00:00 -03", order.MustParseClock("16:00").On(skipped).Format("2006-01-02 15:04:05 -07"))
	london, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	spring := time.Date(2027, 3, 28, 12, 0, 0, 0, london) // 01:00 → 02:00
	assert.Equal(t, "2027-03-28 02:00:00 +01", order.MustParseClock("01:30").On(spring).Format("2006-01-02 15:04:05 -07"))
	assert.Equal(t, "2027-03-28 09:00:00 +01", order.MustParseClock("09:00").On(spring).Format("2006-01-02 15:04:05 -07"))
}
