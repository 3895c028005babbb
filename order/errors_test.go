package order_test

import (
	"strconv"
	"strings"
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

// TestErrorMessageClipsValue proves a hostile 300-byte value is quoted
// in the message cut to 120 bytes with "…", while Value keeps it whole.
func TestErrorMessageClipsValue(t *testing.T) {
	v := strings.Repeat("\x01", 300)
	e := &order.Error{Pkg: "order", Field: "field", Value: v, Err: order.ErrMissing}
	want := "order: field " + strconv.Quote(strings.Repeat("\x01", 120)+"…") + ": required"
	assert.Equal(t, want, e.Error())
	assert.Less(t, len(e.Error()), 520, "was 1,232 bytes before clipping")
	assert.Equal(t, v, e.Value)
	short := &order.Error{Pkg: "order", Field: "field", Value: "-1", Err: order.ErrMissing}
	assert.Equal(t, `order: field "-1": required`, short.Error())
}

// TestHostileValueThroughParse proves the clipping holds on a real path:
// a 300-byte hostile reason name.
func TestHostileValueThroughParse(t *testing.T) {
	v := strings.Repeat("\x01", 300)
	_, err := order.ParseReason(v)
	require.ErrorIs(t, err, order.ErrUnknownReason)
	assert.Less(t, len(err.Error()), 520)
	var e *order.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, v, e.Value, "the whole value stays in the error")
}
