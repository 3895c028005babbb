package notes_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
)

// TestNormalizeHandOff: a hand-off taken as evidence by another package
// is checked as its JSON decoder checks it, acknowledgement included
// (rule N2), and comes back canonical.
func TestNormalizeHandOff(t *testing.T) {
	h := financeHandOff()
	h.Due = t0.Add(30 * time.Minute)
	h.OrderID = "Ｔ1001" // full width: canonical once normalised
	acked, err := h.Acknowledge("cw-c", t0.Add(5*time.Minute))
	require.NoError(t, err)
	got, err := notes.NormalizeHandOff(acked)
	require.NoError(t, err)
	assert.Equal(t, "T1001", got.OrderID)
	assert.True(t, got.Acknowledged())

	tests := []struct {
		reason string
		edit   func(*notes.HandOff)
		want   error
	}{
		{"no due time", func(h *notes.HandOff) { h.Due = time.Time{} }, notes.ErrMissing},
		// Hostile: the sender acknowledging their own hand-off, spelled
		// another way.
		{"acknowledged by the sender", func(h *notes.HandOff) { h.AckedBy = " kf-b" }, notes.ErrNotAllowed},
		{"acknowledged before it was sent", func(h *notes.HandOff) { h.AckedAt = t0.Add(-time.Minute) }, notes.ErrInvalidTime},
		{"acked_by without acked_at", func(h *notes.HandOff) { h.AckedAt = time.Time{} }, notes.ErrMissing},
		{"a target that is no one", func(h *notes.HandOff) { h.To = notes.Target{} }, notes.ErrUnknownEnum},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			bad := acked
			tc.edit(&bad)
			_, err := notes.NormalizeHandOff(bad)
			require.ErrorIs(t, err, tc.want)
		})
	}
}

// TestHandOffPhoneRequired pins rule N2 on the value: urgent, away and
// neither phoned nor said in person.
func TestHandOffPhoneRequired(t *testing.T) {
	h := financeHandOff()
	assert.True(t, h.PhoneRequired(), "urgent, away, chat only")
	h.Via = h.Via.With(notes.Phone)
	assert.False(t, h.PhoneRequired(), "phoned")
	h = financeHandOff()
	h.Away = false
	assert.False(t, h.PhoneRequired(), "at the desk")
	h = financeHandOff()
	h.Urgency = notes.Routine
	assert.False(t, h.PhoneRequired(), "routine")
}
