package pricing_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/pricing"
)

// rule P6, rule P7: a difference owed either way is computed exactly to
// the fen.
func TestNewDifference(t *testing.T) {
	cases := []struct {
		reason, charged, due string
		payer                pricing.Payer
		amount               string
	}{
		{"the buyer tops up the rest", "99.90", "128.50", pricing.PayerBuyer, "28.60"},
		{"the shop compensates an overcharge", "110.00", "99.99", pricing.PayerShop, "10.01"},
		{"a single fen, no float drift", "0.10", "0.30", pricing.PayerBuyer, "0.20"},
		{"trailing zeros are fine", "1.500", "1.5", pricing.PayerBuyer, ""},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := pricing.NewDifference("T2001", dec(c.charged), dec(c.due))
			if c.amount == "" {
				require.ErrorIs(t, err, pricing.ErrInvalidAmount, "nothing owed")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.payer, d.Payer)
			assert.Equal(t, c.amount, d.Amount.StringFixed(2))
			assert.False(t, d.Settled(), "open until the buyer confirms")
		})
	}
	for _, bad := range []struct{ charged, due string }{{"-1", "2"}, {"1", "2.001"}, {"1e40", "1"}} { // hostile
		_, err := pricing.NewDifference("T2001", dec(bad.charged), dec(bad.due))
		require.ErrorIs(t, err, pricing.ErrInvalidAmount)
	}
	_, err := pricing.NewDifference("", dec("1"), dec("2"))
	require.ErrorIs(t, err, pricing.ErrMissing)
}

// rule P6: a difference counts as settled only once the buyer confirms,
// and it is confirmed once.
func TestDifferenceSettledOnlyOnConfirmation(t *testing.T) {
	d, err := pricing.NewDifference("T2001", dec("99.90"), dec("128.50"))
	require.NoError(t, err)
	require.False(t, d.Settled())

	c, err := d.Confirm(t0)
	require.NoError(t, err)
	assert.True(t, c.Settled())
	assert.False(t, d.Settled(), "the original value is unchanged")

	again, err := c.Confirm(t0.Add(1))
	require.ErrorIs(t, err, pricing.ErrConfirmed)
	assert.Equal(t, c, again)

	var zero time.Time
	_, err = d.Confirm(zero)
	require.ErrorIs(t, err, pricing.ErrMissing)
}

func TestDifferenceJSON(t *testing.T) {
	d, err := pricing.NewDifference("T2001", dec("110.00"), dec("99.99"))
	require.NoError(t, err)
	d, err = d.Confirm(t0)
	require.NoError(t, err)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"order_id":"T2001","payer":"shop","amount":"10.01","confirmed_at":"2026-11-10T09:30:00+08:00"}`, string(b))
	var back pricing.Difference
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d.Payer, back.Payer)
	assert.True(t, d.Amount.Equal(back.Amount))
	assert.True(t, back.Settled())

	// Hostile: an unknown payer, a negative amount; back stays as it was.
	for _, bad := range []string{
		`{"order_id":"T2001","payer":"bank","amount":"1.00"}`,
		`{"order_id":"T2001","payer":"buyer","amount":"-1.00"}`,
		`{"order_id":"","payer":"buyer","amount":"1.00"}`,
	} {
		require.Error(t, json.Unmarshal([]byte(bad), &back), bad)
		assert.True(t, back.Settled())
	}
}
