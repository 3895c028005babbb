package notes_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// TestNilOrZeroOrderIsAnErrorNotAPanic: every entry point that takes an
// *order.Order answers a nil or zero order with ErrMissing.
func TestNilOrZeroOrderIsAnErrorNotAPanic(t *testing.T) {
	p := notes.DefaultPolicy()
	for _, tc := range []struct {
		reason string
		o      *order.Order
	}{
		{"nil pointer", nil},
		{"zero order", &order.Order{}},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			_, err := notes.CheckSilent(tc.o, notes.SilentCheck{})
			require.ErrorIs(t, err, notes.ErrMissing)
			_, _, err = p.MakePromise(notes.Promise{}, notes.PromiseCheck{Order: tc.o}, t0)
			require.ErrorIs(t, err, notes.ErrMissing)
		})
	}
}

// TestMemoAppendRejectsUnknownLanguage: a memo is never written in a
// language nobody asked for (rule N1: clear at a glance).
func TestMemoAppendRejectsUnknownLanguage(t *testing.T) {
	m, err := notes.NewMemo("原有备注", notes.FlagBlue)
	require.NoError(t, err)
	got, _, err := m.Append(holdNote(), order.Lang(9), cst)
	require.ErrorIs(t, err, notes.ErrUnknownEnum)
	assert.Equal(t, m, got, "state unchanged on error")
	assert.Contains(t, err.Error(), `"Lang(9)"`, "the bad value is quoted")
}

// TestAcknowledgeUnsentHandOff: a hand-off that was never sent cannot be
// acknowledged (rule N2: it counts once a person has it).
func TestAcknowledgeUnsentHandOff(t *testing.T) {
	var h notes.HandOff
	got, err := h.Acknowledge("财务小王", t0)
	require.ErrorIs(t, err, notes.ErrMissing)
	assert.False(t, got.Acknowledged())
}

// TestSettleInvalidPromise: a promise of no known kind is not settled.
func TestSettleInvalidPromise(t *testing.T) {
	var p notes.Promise
	got, err := p.Fulfil(notes.Fulfilment{At: t0})
	require.ErrorIs(t, err, notes.ErrUnknownEnum)
	assert.False(t, got.Settled())
	got, err = p.Break(t0)
	require.ErrorIs(t, err, notes.ErrUnknownEnum)
	assert.False(t, got.Settled())
}

// TestZeroTrackerIsUsable: the zero Tracker is an empty tracker, not a
// panic waiting for the first Add.
func TestZeroTrackerIsUsable(t *testing.T) {
	var tr notes.Tracker
	assert.Equal(t, 0, tr.Len())
	assert.Empty(t, tr.Overdue(t0))
	require.NoError(t, tr.Add(openPromise("p1", notes.CallBack, t0)))
	assert.Equal(t, 1, tr.Len())
	assert.Len(t, tr.Overdue(t0.Add(1)), 1)
}

// TestErrorQuotesABoundedValue: a megabyte of hostile text is quoted in
// at most 120 bytes, cut between characters; the *Error keeps it whole.
func TestErrorQuotesABoundedValue(t *testing.T) {
	huge := "【" + strings.Repeat("搬", 400_000)
	_, err := notes.ParseNote(huge)
	require.ErrorIs(t, err, notes.ErrInvalidText, "longer than MaxNoteText")
	msg := err.Error()
	assert.Less(t, len(msg), 300)
	assert.True(t, utf8.ValidString(msg))
	assert.Contains(t, msg, "…")
	var e *notes.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, huge, e.Value)

	_, err = notes.ParseKind("gift_card")
	assert.Equal(t, `notes: kind "gift_card": unknown note kind`, err.Error(), "short values are quoted whole")
}
