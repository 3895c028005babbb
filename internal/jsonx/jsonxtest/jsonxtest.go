// Package jsonxtest holds, for kefu's tests, the text that encoding/json
// would silently repair into U+FFFD, and one assertion that a decoder
// refuses it. It is imported by tests only.
package jsonxtest

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// Repairs returns texts, as they stand between the quotes of a JSON
// string, that encoding/json would repair into U+FFFD: id followed by a
// byte that is not UTF-8 (0xff, 0xfe) or by a lone surrogate escape (high,
// low), a high surrogate escape followed by something else, an overlong
// encoding and a surrogate encoded in UTF-8. Repaired, "T\xff" and
// "T\xfe" would decode to one ID (rules O7, S4, A3).
func Repairs(id string) []string {
	return []string{id + "\xff", id + "\xfe", id + `\ud800`, id + `\udc00`, `\ud800\u0041`, "\xc0\xaf", "\xed\xa0\x80"}
}

// RefusesRepairs asserts that decoding doc into a T refuses, with an
// *order.Error wrapping sentinel that names field and leaving the target
// as it was, each of [Repairs](id) put in place of the JSON string "id"
// in doc; that doc as it is decodes; and that a valid surrogate pair in
// its place decodes.
func RefusesRepairs[T any](t *testing.T, doc, id, field string, sentinel error) {
	t.Helper()
	quoted := `"` + id + `"`
	require.Contains(t, doc, quoted)
	var good T
	require.NoError(t, json.Unmarshal([]byte(doc), &good), "the document decodes as it is")
	for _, bad := range Repairs(id) {
		into := good
		err := json.Unmarshal([]byte(strings.Replace(doc, quoted, `"`+bad+`"`, 1)), &into)
		require.ErrorIs(t, err, sentinel, "%q", bad)
		var e *order.Error
		require.ErrorAs(t, err, &e, "%q", bad)
		assert.Equal(t, field, e.Field, "%q: the error names the field", bad)
		assert.Equal(t, good, into, "%q: the target is unchanged", bad)
	}
	var pair T
	require.NoError(t, json.Unmarshal([]byte(strings.Replace(doc, quoted, `"`+id+`\ud83d\ude00"`, 1)), &pair),
		"a valid surrogate pair decodes")
}
