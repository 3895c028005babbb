package order_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// TestUnknownCodeIsNotAReason proves an unknown cash-on-delivery action
// or oversell remedy is reported as an unknown code, not an unknown
// reason.
func TestUnknownCodeIsNotAReason(t *testing.T) {
	var a order.CODAction
	err := a.UnmarshalText([]byte("wait"))
	require.ErrorIs(t, err, order.ErrUnknownCode)
	assert.NotErrorIs(t, err, order.ErrUnknownReason)
	assert.EqualError(t, err, `order: cod_action "wait": unknown code`)

	var r order.Remedy
	err = r.UnmarshalText([]byte("voucher"))
	require.ErrorIs(t, err, order.ErrUnknownCode)
	assert.NotErrorIs(t, err, order.ErrUnknownReason)

	_, err = order.ParseReason("nope")
	require.ErrorIs(t, err, order.ErrUnknownReason)
	assert.NotErrorIs(t, err, order.ErrUnknownCode)
}
