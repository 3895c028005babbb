package shipping_test

import (
	"errors"
	"strconv"
	"strings"
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

// TestUnknownCodeIsNotAStage proves an unknown remedy, action, stop,
// situation or wording is reported as an unknown code, not an unknown
// stage; an unknown stage still is one.
func TestUnknownCodeIsNotAStage(t *testing.T) {
	var r shipping.Remedy
	err := r.UnmarshalText([]byte("teleport"))
	require.ErrorIs(t, err, shipping.ErrUnknownCode)
	assert.NotErrorIs(t, err, shipping.ErrUnknownStage)
	assert.EqualError(t, err, `shipping: remedy "teleport": unknown code`)

	var a shipping.Action
	require.ErrorIs(t, a.UnmarshalText([]byte("pray")), shipping.ErrUnknownCode)
	_, err = shipping.ParseWording("tomorrow")
	require.ErrorIs(t, err, shipping.ErrUnknownCode)

	_, err = shipping.ParseStage("teleported")
	require.ErrorIs(t, err, shipping.ErrUnknownStage)
	assert.NotErrorIs(t, err, shipping.ErrUnknownCode)
}

// TestErrorMessageClipsValue proves a hostile 300-byte value is quoted
// in the message cut to 120 bytes with "…", while Value keeps it whole.
func TestErrorMessageClipsValue(t *testing.T) {
	v := strings.Repeat("\x01", 300)
	e := &shipping.Error{Pkg: "shipping", Field: "field", Value: v, Err: shipping.ErrMissing}
	want := "shipping: field " + strconv.Quote(strings.Repeat("\x01", 120)+"…") + ": required"
	assert.Equal(t, want, e.Error())
	assert.Less(t, len(e.Error()), 520, "was 1,232 bytes before clipping")
	assert.Equal(t, v, e.Value)
	short := &shipping.Error{Pkg: "shipping", Field: "field", Value: "-1", Err: shipping.ErrMissing}
	assert.Equal(t, `shipping: field "-1": required`, short.Error())
}
