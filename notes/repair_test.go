package notes_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
)

// TestJSONRefusesTextItWouldRepair proves that a hand-off decoded from JSON
// never holds text encoding/json would repair into U+FFFD: "h-1\xff" and
// "h-1\xfe" would otherwise decode to one hand-off (rules O7, N2). Each is
// refused with ErrInvalidText and leaves the target as it was; a valid
// surrogate pair still decodes.
func TestJSONRefusesTextItWouldRepair(t *testing.T) {
	doc := `{"id":"h-1","to":{"department":"finance"},"urgency":"urgent","subject":"退款","via":["chat","phone"],"away":true}`
	var good notes.HandOffDraft
	require.NoError(t, json.Unmarshal([]byte(doc), &good), "the document decodes as it is")
	for _, bad := range []string{"h-1\xff", "h-1\xfe", `h-1\ud800`, `h-1\udc00`, `\ud800\u0041`, "\xc0\xaf", "\xed\xa0\x80"} {
		into := good
		err := json.Unmarshal([]byte(strings.Replace(doc, `"h-1"`, `"`+bad+`"`, 1)), &into)
		require.ErrorIs(t, err, notes.ErrInvalidText, "%q", bad)
		assert.Equal(t, good, into, "%q: the target is unchanged", bad)
	}
	var pair notes.HandOffDraft
	require.NoError(t, json.Unmarshal([]byte(strings.Replace(doc, `"h-1"`, `"h-1\ud83d\ude00"`, 1)), &pair))
}
