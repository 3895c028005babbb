package notes_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// TestSentinelsAreOrders proves notes shares order's sentinels, so one
// errors.Is test covers every package.
func TestSentinelsAreOrders(t *testing.T) {
	assert.Same(t, order.ErrMissing, notes.ErrMissing)
	assert.Same(t, order.ErrInvalidText, notes.ErrInvalidText)

	h := financeHandOff()
	h.ID = ""
	_, _, err := notes.DefaultPolicy().SendHandOff(h)
	require.Error(t, err)
	assert.True(t, errors.Is(err, order.ErrMissing), "missing field matches order.ErrMissing: %v", err)

	_, err = notes.NewMemo("\xc3", 0)
	assert.True(t, errors.Is(err, order.ErrInvalidText), "bad text matches order.ErrInvalidText: %v", err)
}
