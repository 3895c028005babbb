package pricing_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/pricing"
)

// TestJSONRefusesTextItWouldRepair proves that a request for a concession decoded from JSON
// never holds text encoding/json would repair into U+FFFD: "T2001\xff" and
// "T2001\xfe" would otherwise decode to one order (rules O7, A3). Each is
// refused with ErrInvalidText and leaves the target as it was; a valid
// surrogate pair still decodes.
func TestJSONRefusesTextItWouldRepair(t *testing.T) {
	doc := `{"order_id":"T2001","kind":"price_cut","amount":"5.00"}`
	var good pricing.Request
	require.NoError(t, json.Unmarshal([]byte(doc), &good), "the document decodes as it is")
	for _, bad := range []string{"T2001\xff", "T2001\xfe", `T2001\ud800`, `T2001\udc00`, `\ud800\u0041`, "\xc0\xaf", "\xed\xa0\x80"} {
		into := good
		err := json.Unmarshal([]byte(strings.Replace(doc, `"T2001"`, `"`+bad+`"`, 1)), &into)
		require.ErrorIs(t, err, pricing.ErrInvalidText, "%q", bad)
		assert.Equal(t, good, into, "%q: the target is unchanged", bad)
	}
	var pair pricing.Request
	require.NoError(t, json.Unmarshal([]byte(strings.Replace(doc, `"T2001"`, `"T2001\ud83d\ude00"`, 1)), &pair))
}
