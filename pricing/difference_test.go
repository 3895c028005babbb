package pricing_test

import (
	"encoding/json"
	"strings"
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
	// Stored times are in UTC, so they sort and compare.
	assert.JSONEq(t, `{"order_id":"T2001","payer":"shop","via":"transfer","amount":"10.01","confirmed_at":"2026-11-10T01:30:00Z"}`, string(b))
	var back pricing.Difference
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d.Payer, back.Payer)
	assert.True(t, d.Amount.Equal(back.Amount))
	assert.True(t, back.Settled())

	// Stored before "via" existed: the payer's usual settlement.
	var old pricing.Difference
	require.NoError(t, json.Unmarshal([]byte(`{"order_id":"T2001","payer":"buyer","amount":"1.00"}`), &old))
	assert.Equal(t, pricing.TopUpOrder, old.Via)

	// Hostile: an unknown payer, a negative amount, a settlement that is
	// not the payer's, a transfer stored without the buyer's confirmation
	// (malformed state), a misspelled field, an amount below the fen or a
	// megabyte long; back stays as it was.
	for _, bad := range []struct {
		json string
		err  error
	}{
		{`{"order_id":"T2001","payer":"bank","amount":"1.00"}`, pricing.ErrUnknownPayer},
		{`{"order_id":"T2001","payer":"buyer","amount":"-1.00"}`, pricing.ErrInvalidAmount},
		{`{"order_id":"","payer":"buyer","amount":"1.00"}`, pricing.ErrMissing},
		{`{"order_id":"T2001","payer":"shop","via":"freight_collect","amount":"1.00"}`, pricing.ErrUnknownSettlement},
		{`{"order_id":"T2001","payer":"shop","via":"cash","amount":"1.00"}`, pricing.ErrUnknownSettlement},
		{`{"order_id":"T2001","payer":"shop","amount":"1.00","transferred_at":"2026-11-10T09:30:00+08:00"}`, pricing.ErrInvalidState},
		{`{"order_id":"T2001","payer":"shop","amount":"1.00","confirmed_at":"2026-11-10T09:30:00+08:00","transferred_at":"2026-11-10T09:29:00+08:00"}`, pricing.ErrInvalidState},
		{`{"order_id":"T2001","payer":"shop","amount":"1.00","amuont":"2.00"}`, pricing.ErrUnknownField},
		{`{"order_id":"T2001","payer":"shop","amount":"1.005"}`, pricing.ErrInvalidAmount},
		{`{"order_id":"T2001","payer":"shop","amount":"` + strings.Repeat("9", 1<<20) + `"}`, pricing.ErrInvalidAmount},
		{`{"order_id":"T2001\u200b","payer":"shop","amount":"1.00"}`, pricing.ErrInvalidText},
	} {
		require.ErrorIs(t, json.Unmarshal([]byte(bad.json), &back), bad.err, bad.json)
		assert.True(t, back.Settled())
		assert.Equal(t, pricing.Transfer, back.Via)
	}
}

// rule P6: the buyer confirms the amount before the transfer; the
// transfer is recorded once, so the same difference is never paid twice.
func TestDifferenceTransferOnlyAfterConfirmation(t *testing.T) {
	open, err := pricing.NewDifference("T2001", dec("110.00"), dec("99.99"))
	require.NoError(t, err)
	require.Equal(t, pricing.Transfer, open.Via, "the shop owes: a transfer")

	same, err := open.Transfer(t0)
	require.ErrorIs(t, err, pricing.ErrNotConfirmed)
	assert.Equal(t, open, same, "unchanged on error")

	confirmed, err := open.Confirm(t0)
	require.NoError(t, err)
	_, err = confirmed.Transfer(t0.Add(-time.Second))
	require.ErrorIs(t, err, pricing.ErrInvalidTime, "a transfer before the confirmation: a bad time, not a state")
	_, err = confirmed.Transfer(time.Time{})
	require.ErrorIs(t, err, pricing.ErrMissing)

	done, err := confirmed.Transfer(t0.Add(time.Minute))
	require.NoError(t, err)
	assert.True(t, done.Transferred())
	assert.False(t, confirmed.Transferred(), "the input is not modified")

	again, err := done.Transfer(t0.Add(2 * time.Minute))
	require.ErrorIs(t, err, pricing.ErrTransferred)
	assert.Equal(t, done, again)
	_, err = done.Confirm(t0.Add(2 * time.Minute))
	require.ErrorIs(t, err, pricing.ErrConfirmed)
}

// rule P6: a Hong Kong, Macao or Taiwan parcel goes SF freight collect once
// the buyer is told the carrier's surcharge; a known amount owed makes a
// difference directly, its payer given by how it is paid.
func TestNewDifferenceOwed(t *testing.T) {
	d, err := pricing.NewDifferenceOwed("T2001", pricing.FreightCollect, dec("23.0"))
	require.NoError(t, err)
	assert.Equal(t, pricing.PayerBuyer, d.Payer)
	assert.Equal(t, "23.00", d.Amount.StringFixed(2))
	assert.Equal(t, int32(-2), d.Amount.Exponent(), "normalised to the fen")
	assert.False(t, d.Settled(), "told the amount, not yet confirmed")

	d, err = pricing.NewDifferenceOwed("T2001", pricing.Transfer, dec("8.00"))
	require.NoError(t, err)
	assert.Equal(t, pricing.PayerShop, d.Payer)
	d, err = pricing.NewDifferenceOwed("T2001", pricing.TopUpOrder, dec("8.00"))
	require.NoError(t, err)
	assert.Equal(t, pricing.PayerBuyer, d.Payer)

	for _, bad := range []struct { // hostile
		reason, orderID string
		via             pricing.Settlement
		amount          string
		err             error
	}{
		{"no settlement", "T2001", pricing.SettlementUnknown, "1.00", pricing.ErrUnknownSettlement},
		{"out of range settlement", "T2001", pricing.Settlement(9), "1.00", pricing.ErrUnknownSettlement},
		{"zero", "T2001", pricing.Transfer, "0", pricing.ErrInvalidAmount},
		{"negative", "T2001", pricing.Transfer, "-1.00", pricing.ErrInvalidAmount},
		{"below the fen", "T2001", pricing.Transfer, "1.005", pricing.ErrInvalidAmount},
		{"no order", "", pricing.Transfer, "1.00", pricing.ErrMissing},
		{"invalid UTF-8 order ID", "T\xff", pricing.Transfer, "1.00", pricing.ErrInvalidText},
	} {
		_, err := pricing.NewDifferenceOwed(bad.orderID, bad.via, dec(bad.amount))
		require.ErrorIs(t, err, bad.err, bad.reason)
	}
}

func TestSettlementText(t *testing.T) {
	for _, s := range []pricing.Settlement{pricing.TopUpOrder, pricing.FreightCollect, pricing.Transfer} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back pricing.Settlement
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	assert.Equal(t, "Settlement(9)", pricing.Settlement(9).String())
	_, err := pricing.Settlement(0).MarshalText()
	require.ErrorIs(t, err, pricing.ErrUnknownSettlement)
	assert.Equal(t, pricing.PayerUnknown, pricing.Settlement(9).Payer())
}
