package shipping_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestSentinelsAreOrders proves shipping shares order's sentinels, so one
// errors.Is test covers every package.
func TestSentinelsAreOrders(t *testing.T) {
	assert.Same(t, order.ErrMissing, shipping.ErrMissing)
	assert.Same(t, order.ErrInvalidText, shipping.ErrInvalidText)
	assert.Same(t, order.ErrInvalidAmount, shipping.ErrInvalidAmount)
	assert.Same(t, order.ErrUnknownReason, shipping.ErrUnknownReason)

	_, err := shipping.DefaultPolicy().ClassifyParcel(nil, nil, time.Now())
	require.Error(t, err)
	assert.True(t, errors.Is(err, order.ErrMissing), "missing order matches order.ErrMissing: %v", err)

	_, err = shipping.ParseReason("no_such_reason")
	assert.True(t, errors.Is(err, order.ErrUnknownReason), "unknown reason matches order.ErrUnknownReason: %v", err)
}
