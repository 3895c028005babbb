package pricing_test

import (
	"errors"
	"strconv"
	"strings"
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
	_, err := good.SpentAt(time.Time{})
	assert.True(t, errors.Is(err, order.ErrMissing), "missing time matches order.ErrMissing: %v", err)
}

// TestErrorMessageClipsValue proves a hostile 300-byte value is quoted
// in the message cut to 120 bytes with "…", while Value keeps it whole.
func TestErrorMessageClipsValue(t *testing.T) {
	v := strings.Repeat("\x01", 300)
	e := &pricing.Error{Pkg: "pricing", Field: "field", Value: v, Err: pricing.ErrMissing}
	want := "pricing: field " + strconv.Quote(strings.Repeat("\x01", 120)+"…") + ": required"
	assert.Equal(t, want, e.Error())
	assert.Less(t, len(e.Error()), 520, "was 1,232 bytes before clipping")
	assert.Equal(t, v, e.Value)
	short := &pricing.Error{Pkg: "pricing", Field: "field", Value: "-1", Err: pricing.ErrMissing}
	assert.Equal(t, `pricing: field "-1": required`, short.Error())
}
