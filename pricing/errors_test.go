package pricing_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// TestSentinelsAreOrders proves pricing shares order's sentinels, so one
// errors.Is test covers every package.
func TestSentinelsAreOrders(t *testing.T) {
	assert.Same(t, order.ErrMissing, pricing.ErrMissing)
	assert.Same(t, order.ErrInvalidText, pricing.ErrInvalidText)
	assert.Same(t, order.ErrInvalidAmount, pricing.ErrInvalidAmount)
	assert.Same(t, order.ErrUnknownReason, pricing.ErrUnknownReason)

	_, good, _ := approved(t)
	_, err := pricing.Used{}.Spend(good, time.Time{})
	assert.True(t, errors.Is(err, order.ErrMissing), "missing time matches order.ErrMissing: %v", err)
}
