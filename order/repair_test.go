package order_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// TestJSONRefusesTextItWouldRepair proves order's own decoder refuses a
// buyer ID or any text encoding/json would repair into U+FFFD, naming the
// field, so that "T\xff" and "T\xfe" never decode to the same identity
// (rules O7, S4, A3), and leaves the target unchanged; valid pairs, a
// literal U+FFFD and an escaped backslash still decode.
func TestJSONRefusesTextItWouldRepair(t *testing.T) {
	bad := []struct{ reason, id string }{
		{"byte 0xff", "T\xff"},
		{"byte 0xfe", "T\xfe"},
		{"lone high surrogate", `T\ud800`},
		{"lone low surrogate", `T\udc00`},
		{"high then not low", `\ud800\u0041`},
		{"overlong", "\xc0\xaf"},
		{"surrogate in UTF-8", "\xed\xa0\x80"},
	}
	for _, tc := range bad {
		t.Run(tc.reason, func(t *testing.T) {
			b := order.Buyer{ID: "keep"}
			err := json.Unmarshal([]byte(`{"id":"`+tc.id+`","nick":"n"}`), &b)
			require.ErrorIs(t, err, order.ErrInvalidText)
			var e *order.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "id", e.Field)
			assert.Equal(t, order.Buyer{ID: "keep"}, b)

			l := order.Line{SKU: "keep"}
			err = json.Unmarshal([]byte(`{"sku":"A","title":"`+tc.id+`"}`), &l)
			require.ErrorIs(t, err, order.ErrInvalidText)
			assert.Equal(t, "keep", l.SKU)
		})
	}
	for in, want := range map[string]string{`\ud83d\ude00`: "😀", "😀": "😀", "\ufffd": "\ufffd", `\\ud800`: `\ud800`} {
		var l order.Line
		require.NoError(t, json.Unmarshal([]byte(`{"sku":"A","title":"`+in+`"}`), &l), in)
		assert.Equal(t, want, l.Title)
	}
}
