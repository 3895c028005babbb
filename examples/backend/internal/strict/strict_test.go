package strict_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/backend/internal/strict"
	"github.com/kefu-go/kefu/order"
)

type in struct {
	Key    string      `json:"key"`
	Amount strict.Yuan `json:"amount"`
}

func TestDecode(t *testing.T) {
	var v in
	require.NoError(t, strict.Decode([]byte(`{"key":"k","amount":"12.50"}`), &v))
	assert.True(t, v.Amount.Equal(v.Amount.Decimal))
	assert.Equal(t, "12.50", v.Amount.StringFixed(2))

	for _, tc := range []struct {
		reason, body string
		want         error
		field        string
	}{
		{"an unknown field is named", `{"key":"k","amuont":"1.00"}`, order.ErrUnknownField, "amuont"},
		{"trailing data", `{"key":"k"} {}`, order.ErrInvalidJSON, "body"},
		{"a wrong type", `{"key":1}`, order.ErrInvalidJSON, "key"},
		{"truncated", `{"key":`, order.ErrInvalidJSON, "body"},
		{"three decimals are refused, never rounded", `{"amount":"1.005"}`, order.ErrInvalidAmount, "amount"},
		{"a JSON number is not money text", `{"amount":1.5}`, order.ErrInvalidAmount, "amount"},
		{"negative", `{"amount":"-1.00"}`, order.ErrInvalidAmount, "amount"},
		{"an exponent", `{"amount":"1e3"}`, order.ErrInvalidAmount, "amount"},
		// hostile: a megabyte of digits is refused by its length.
		{"a megabyte of digits", `{"amount":"` + strings.Repeat("9", 1<<20) + `"}`, order.ErrInvalidAmount, "amount"},
		{"Chinese text, cut where a character starts", `{"amount":"8` + strings.Repeat("八", 30) + `"}`, order.ErrInvalidAmount, "amount"},
		// hostile: two spellings of one field, which a log, a proxy or
		// the database's JSON operators would read as the other one.
		{"a key twice", `{"key":"k1","key":"k2"}`, order.ErrUnknownField, "key"},
		{"a key twice, the last null", `{"key":"k1","key":null}`, order.ErrUnknownField, "key"},
		{"a key in another case", `{"key":"k1","KEY":"k2"}`, order.ErrUnknownField, "KEY"},
		{"a key in another case alone", `{"Key":"k1"}`, order.ErrUnknownField, "Key"},
		{"text json would repair is named by its field", "{\"key\":\"k\xff\"}", order.ErrInvalidText, "key"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			var v in
			err := strict.Decode([]byte(tc.body), &v)
			require.ErrorIs(t, err, tc.want)
			var e *order.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.field, e.Field)
			assert.LessOrEqual(t, len(err.Error()), 400, "the message quotes a bounded value")
			assert.True(t, utf8.ValidString(e.Value), "%q", e.Value)
		})
	}
}

type counted struct {
	OnHand int    `json:"on_hand" strict:"required"`
	Note   string `json:"note,omitempty"`
	Count  int    `strict:"required"` // no JSON name: the field's own
}

// A field tagged required must be sent, and not as null; the first one
// missing, in the order the type declares them, is named.
func TestDecodeRequired(t *testing.T) {
	for _, tc := range []struct {
		reason, body string
		field        string // "" when decoded
	}{
		{"both sent, as zero", `{"on_hand":0,"Count":0}`, ""},

		{"the body null", `null`, "on_hand"},
		{"an empty object", `{}`, "on_hand"},
		{"the first sent null", `{"on_hand":null,"Count":1}`, "on_hand"},
		{"the second missing", `{"on_hand":1,"note":"x"}`, "Count"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			var v counted
			err := strict.Decode([]byte(tc.body), &v)
			if tc.field == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, order.ErrMissing)
			require.ErrorIs(t, err, order.ErrInvalidInput)
			var e *order.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tc.field, e.Field)
		})
	}
}

// FuzzYuan: reading an amount never panics, and what it reads writes back
// as the same amount.
func FuzzYuan(f *testing.F) {
	for _, s := range []string{`"0.01"`, `"12"`, `"9999999999999.99"`, `"1.005"`, `"-1"`, `null`, `"１２"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var y strict.Yuan
		if err := y.UnmarshalJSON([]byte(s)); err != nil {
			return
		}
		b, _ := y.MarshalJSON()
		var z strict.Yuan
		require.NoError(t, z.UnmarshalJSON(b))
		assert.True(t, y.Equal(z.Decimal))
	})
}
