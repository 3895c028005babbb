package refund_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/refund"
)

// TestJSONRefusesTextItWouldRepair proves that a platform refund decoded from JSON
// never holds text encoding/json would repair into U+FFFD: "T1001\xff" and
// "T1001\xfe" would otherwise decode to one refunded order (rules O7, R1). Each is
// refused with ErrInvalidText and leaves the target as it was; a valid
// surrogate pair still decodes.
func TestJSONRefusesTextItWouldRepair(t *testing.T) {
	doc := `{"refund_id":"RF-1","tid":"T1001","sku":"SOCK-01","refund_fee":"6.22","status":"WAIT_SELLER_CONFIRM_GOODS",` +
		`"good_status":"BUYER_RETURNED_GOODS","refund_phase":"aftersale","has_good_return":true,"sid":"YT1234567890",` +
		`"refund_version":3,"created":"2026-11-07T10:00:00+08:00","modified":"2026-11-08T10:00:00+08:00"}`
	var good refund.Refund
	require.NoError(t, json.Unmarshal([]byte(doc), &good), "the document decodes as it is")
	for _, bad := range []string{"T1001\xff", "T1001\xfe", `T1001\ud800`, `T1001\udc00`, `\ud800\u0041`, "\xc0\xaf", "\xed\xa0\x80"} {
		into := good
		err := json.Unmarshal([]byte(strings.Replace(doc, `"T1001"`, `"`+bad+`"`, 1)), &into)
		require.ErrorIs(t, err, refund.ErrInvalidText, "%q", bad)
		assert.Equal(t, good, into, "%q: the target is unchanged", bad)
	}
	var pair refund.Refund
	require.NoError(t, json.Unmarshal([]byte(strings.Replace(doc, `"T1001"`, `"T1001\ud83d\ude00"`, 1)), &pair))
}
