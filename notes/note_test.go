package notes_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// TestNoteN1RejectsIncompleteDetails pins rule N1: a note carries the
// reason, the details its kind requires (a complete address, SKU and
// quantity, an amount), who wrote it and when; each gap is an error that
// names what is missing.
func TestNoteN1RejectsIncompleteDetails(t *testing.T) {
	tests := []struct {
		name   string
		reason string
		edit   func(*notes.Note)
		field  string
		err    error
		cause  error
	}{
		{"address change missing the district", "rule N1: written out in full", func(n *notes.Note) { n.Address.District = "" },
			"note.address", notes.ErrInvalidDetail, order.ErrIncompleteAddress},
		{"address change with only a house number", "rule N1: even when only a house number changed", func(n *notes.Note) {
			n.Address = order.Address{Detail: "文三路14号"}
		}, "note.address", notes.ErrInvalidDetail, order.ErrIncompleteAddress},
		{"address change with an unknown province", "bad address part", func(n *notes.Note) { n.Address.Province = "火星省" },
			"note.address", notes.ErrInvalidDetail, order.ErrUnknownRegion},
		{"missing reason", "rule N1: the reason for the change", func(n *notes.Note) { n.Reason = "  " },
			"note.reason", notes.ErrMissing, nil},
		{"missing author name", "rule N1: who changed it", func(n *notes.Note) { n.Author.Name = "" },
			"note.author.name", notes.ErrMissing, nil},
		{"missing author role", "rule N1: who changed it", func(n *notes.Note) { n.Author.Role = 0 },
			"note.author.role", notes.ErrMissing, nil},
		{"missing time", "rule N1: when", func(n *notes.Note) { n.At = time.Time{} },
			"note.at", notes.ErrMissing, nil},
		{"unknown flag", "the platform has flags 0 to 5", func(n *notes.Note) { n.Flag = 6 },
			"note.flag", notes.ErrUnknownFlag, nil},
		{"unknown kind", "zero kind", func(n *notes.Note) { n.Kind = 0 },
			"note.kind", notes.ErrUnknownKind, nil},
		{"address on a hold note", "details the kind does not carry", func(n *notes.Note) { n.Kind = notes.KindHold },
			"note.address", notes.ErrInvalidDetail, nil},
		// hostile: invalid UTF-8 in the reason
		{"invalid UTF-8 reason", "bytes that are not text", func(n *notes.Note) { n.Reason = "\xff\xfe" },
			"note.reason", notes.ErrInvalidText, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			n := addressNote()
			tc.edit(&n)
			_, err := notes.NormalizeNote(n)
			require.Error(t, err, tc.reason)
			var e *notes.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.field, e.Field, tc.reason)
			require.ErrorIs(t, err, tc.err, tc.reason)
			if tc.cause != nil {
				require.ErrorIs(t, err, tc.cause, tc.reason)
			}
		})
	}
}

// TestNoteN1ItemAndMoneyDetails pins rule N1 for gifts, exchanges and
// money: a gift or exchange names the SKU and a quantity of at least 1; a
// refund or postage fix carries a positive amount with at most two
// decimals.
func TestNoteN1ItemAndMoneyDetails(t *testing.T) {
	tests := []struct {
		name  string
		note  func() notes.Note
		field string
		err   error
	}{
		{"gift without SKU", func() notes.Note { n := giftNote(); n.SKU = ""; return n }, "note.sku", notes.ErrInvalidDetail},
		{"gift with quantity 0", func() notes.Note { n := giftNote(); n.Quantity = 0; return n }, "note.quantity", notes.ErrInvalidDetail},
		{"gift with negative quantity", func() notes.Note { n := giftNote(); n.Quantity = -2; return n }, "note.quantity", notes.ErrInvalidDetail},
		{"exchange with a SKU holding spaces", func() notes.Note {
			n := giftNote()
			n.Kind, n.SKU = notes.KindExchange, "AB 12"
			return n
		}, "note.sku", notes.ErrInvalidDetail},
		{"refund without amount", func() notes.Note { n := refundNote(); n.Amount = decimal.Decimal{}; return n }, "note.amount", notes.ErrInvalidDetail},
		{"refund with three decimals", func() notes.Note {
			n := refundNote()
			n.Amount = decimal.RequireFromString("1.005")
			return n
		}, "note.amount", notes.ErrInvalidDetail},
		{"negative postage fix", func() notes.Note {
			n := refundNote()
			n.Kind, n.Amount = notes.KindPostageFix, decimal.RequireFromString("-8")
			return n
		}, "note.amount", notes.ErrInvalidDetail},
		{"gift carrying an amount", func() notes.Note {
			n := giftNote()
			n.Amount = decimal.RequireFromString("3")
			return n
		}, "note.amount", notes.ErrInvalidDetail},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := notes.NormalizeNote(tc.note())
			require.ErrorIs(t, err, tc.err)
			var e *notes.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.field, e.Field)
		})
	}
}

func TestNormalizeNoteCanonicalForm(t *testing.T) {
	n := giftNote()
	n.SKU = "ＧＩＦＴ－０１"
	n.Reason = "  静默下单　买家离线 "
	n.At = t0.Add(999 * time.Millisecond)
	got, err := notes.NormalizeNote(n)
	require.NoError(t, err)
	assert.Equal(t, "GIFT-01", got.SKU)
	assert.Equal(t, "静默下单 买家离线", got.Reason)
	assert.True(t, got.At.Equal(t0))
	again, err := notes.NormalizeNote(got)
	require.NoError(t, err)
	assert.True(t, again.Equal(got), "normalising twice is normalising once")

	r := refundNote()
	r.Amount = decimal.RequireFromString("12")
	got, err = notes.NormalizeNote(r)
	require.NoError(t, err)
	assert.Equal(t, "12.00", got.Amount.StringFixed(2))
	assert.Equal(t, int32(-2), got.Amount.Exponent())
}

func TestNoteLongReasonRejected(t *testing.T) {
	n := holdNote()
	n.Reason = string(make([]rune, 0)) + repeat("停", 101) // 303 bytes
	_, err := notes.NormalizeNote(n)
	require.ErrorIs(t, err, notes.ErrInvalidText)
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestFlagAndKindNames(t *testing.T) {
	// The names tables never drift: every value round-trips by name.
	for f := notes.FlagNone; f <= notes.FlagPurple; f++ {
		b, err := f.MarshalText()
		require.NoError(t, err)
		var g notes.Flag
		require.NoError(t, g.UnmarshalText(b))
		assert.Equal(t, f, g)
		h, err := notes.FlagOf(int(f))
		require.NoError(t, err)
		assert.Equal(t, f, h)
	}
	_, err := notes.FlagOf(6)
	require.ErrorIs(t, err, notes.ErrUnknownFlag)
	_, err = notes.FlagOf(-1)
	require.ErrorIs(t, err, notes.ErrUnknownFlag)
	_, err = notes.ParseFlag("orange")
	require.ErrorIs(t, err, notes.ErrUnknownFlag)
	assert.Equal(t, "Flag(9)", notes.Flag(9).String())

	assert.Len(t, notes.Kinds(), 8)
	for _, k := range notes.Kinds() {
		b, err := k.MarshalText()
		require.NoError(t, err)
		got, err := notes.ParseKind(string(b))
		require.NoError(t, err)
		assert.Equal(t, k, got)
	}
	_, err = notes.ParseKind("teleport")
	require.ErrorIs(t, err, notes.ErrUnknownKind)
	_, err = notes.Kind(0).MarshalText()
	require.ErrorIs(t, err, notes.ErrUnknownKind)
}

func TestNoteJSON(t *testing.T) {
	n, err := notes.NormalizeNote(refundNote())
	require.NoError(t, err)
	b, err := json.Marshal(n)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"amount":"12.00"`)
	assert.Contains(t, string(b), `"kind":"refund"`)
	assert.Contains(t, string(b), `"flag":"green"`)
	var back notes.Note
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Equal(n))
}

func TestErrorMessage(t *testing.T) {
	n := giftNote()
	n.Quantity = 0
	err := n.Validate()
	assert.Equal(t, `notes: note.quantity "0": invalid note detail: a gift note needs a quantity of at least 1`, err.Error())
	n = addressNote()
	n.Address.Detail = ""
	err = n.Validate()
	var e *notes.Error
	require.True(t, errors.As(err, &e))
	assert.Contains(t, err.Error(), "missing detail")
}

// TestReleaseOnlyOnHoldNotes pins rule N1: a note carries only the
// details its kind carries; only a hold note can lift a hold.
func TestReleaseOnlyOnHoldNotes(t *testing.T) {
	for _, k := range notes.Kinds() {
		n := holdNote()
		n.Kind, n.Release = k, true
		switch k {
		case notes.KindAddressChange:
			n.Address = newAddress
		case notes.KindGift, notes.KindExchange:
			n.SKU, n.Quantity = "GIFT-01", 1
		case notes.KindPostageFix, notes.KindRefund:
			n.Amount = p99()
		}
		err := n.Validate()
		if k == notes.KindHold {
			require.NoError(t, err)
			continue
		}
		require.ErrorIs(t, err, notes.ErrInvalidDetail, k.String())
		var e *notes.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "note.release", e.Field)
	}
}
