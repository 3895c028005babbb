package order_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// rule O8: the page may list 500 units while the shelf holds one; what a
// rule may promise is decided by the real snapshot, and an uncounted SKU is
// an error rather than a guess.
func TestStockIsRealStock(t *testing.T) {
	real, err := order.NewStock(map[string]int{"TEA-01": 1, "CUP-01": 0})
	require.NoError(t, err)
	listedOnPage := 500
	assert.Greater(t, listedOnPage, 2)

	ok, err := real.Enough("TEA-01", 2)
	require.NoError(t, err)
	assert.False(t, ok, "the page's 500 do not count")
	ok, err = real.Enough("ＴＥＡ－０１", 1)
	require.NoError(t, err)
	assert.True(t, ok, "SKUs are normalised")

	_, err = real.Enough("JAM-9", 1)
	require.ErrorIs(t, err, order.ErrUnknownSKU)

	o := order.MustNew(paidSpec()) // 2 × TEA-01, 1 × CUP-01 (gift)
	short, err := real.Shortages(&o)
	require.NoError(t, err)
	assert.Equal(t, []order.Shortage{
		{SKU: "TEA-01", Ordered: 2, OnHand: 1},
		{SKU: "CUP-01", Ordered: 1, OnHand: 0},
	}, short)

	plenty, _ := order.NewStock(map[string]int{"TEA-01": 9, "CUP-01": 9})
	short, err = plenty.Shortages(&o)
	require.NoError(t, err)
	assert.Nil(t, short)

	partial, _ := order.NewStock(map[string]int{"TEA-01": 9})
	_, err = partial.Shortages(&o)
	require.ErrorIs(t, err, order.ErrUnknownSKU, "a gift SKU nobody counted")

	// Hostile: no order at all.
	_, err = real.Shortages(nil)
	require.ErrorIs(t, err, order.ErrNilOrder)
}

func TestNewStockRefuses(t *testing.T) {
	for _, c := range []struct {
		reason string
		in     map[string]int
		want   error
	}{
		{"negative on hand", map[string]int{"A": -1}, order.ErrInvalidQuantity},
		{"empty SKU", map[string]int{"": 1}, order.ErrInvalidSKU},
		{"two spellings of one SKU", map[string]int{"AB-1": 1, "ＡＢ-1": 2}, order.ErrDuplicateLine},
		{"hostile: invalid UTF-8", map[string]int{"\xff": 1}, order.ErrInvalidText},
	} {
		s, err := order.NewStock(c.in)
		require.ErrorIs(t, err, c.want, c.reason)
		assert.Zero(t, s.Len())
	}
}

func TestStockIsASnapshot(t *testing.T) {
	m := map[string]int{"A": 3}
	s, err := order.NewStock(m)
	require.NoError(t, err)
	m["A"] = 0
	q, ok := s.OnHand("A")
	assert.True(t, ok)
	assert.Equal(t, 3, q, "later changes to the map do not reach the snapshot")
	assert.Equal(t, 1, s.Len())
	_, ok = s.OnHand("not a sku")
	assert.False(t, ok)
	var zero order.Stock
	_, ok = zero.OnHand("A")
	assert.False(t, ok, "the zero Stock knows no SKU")
}
