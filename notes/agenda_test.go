package notes_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
)

// TestAgendaN4DailyRecord pins rule N4: after-sales keeps a daily record
// of what it follows and calls the buyer when needed.
func TestAgendaN4DailyRecord(t *testing.T) {
	p := notes.DefaultPolicy()
	now := on(0, 15, 0)
	l, err := notes.NewLedger([]notes.Promise{
		openPromise("late-call", notes.CallBack, on(0, 11, 0)),
		openPromise("late-refund", notes.RefundBy, on(0, 12, 0)),
		openPromise("call-tonight", notes.CallBack, on(0, 20, 0)),
		openPromise("ship-tonight", notes.DispatchBy, on(0, 23, 59)),
		openPromise("call-tomorrow", notes.CallBack, on(1, 10, 0)),
	})
	require.NoError(t, err)
	l, _, err = l.Fulfil("late-refund", notes.Fulfilment{At: on(0, 14, 30)})
	require.NoError(t, err)
	a, err := p.Agenda(l, now)
	require.NoError(t, err)
	assert.True(t, a.Day.Equal(on(0, 0, 0)))
	assert.Equal(t, []string{"late-call"}, ids(a.Overdue))
	assert.Equal(t, []string{"call-tonight", "ship-tonight"}, ids(a.DueToday))
	assert.Equal(t, []string{"late-call", "call-tonight"}, ids(a.Calls))

	// The day is the policy's: at 01:00 CST on the 26th it is already
	// the next day, though it is still the 25th in UTC.
	a, err = p.Agenda(l, on(1, 1, 0).UTC())
	require.NoError(t, err)
	assert.True(t, a.Day.Equal(on(1, 0, 0)))
	assert.Equal(t, []string{"call-tomorrow"}, ids(a.DueToday))

	bad := p
	bad.Zone = "??"
	_, err = bad.Agenda(l, now)
	require.ErrorIs(t, err, notes.ErrInvalidPolicy)
}
