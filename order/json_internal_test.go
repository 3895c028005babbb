package order

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/kerr"
)

// scalarCases are JSON values at the edges of plainScalar, the strict
// decoders' reading of a string, integer or boolean member without
// encoding/json.
var scalarCases = []struct {
	raw    string
	plain  bool // plainScalar reads it into its usual target
	reason string
}{
	{`"T20261111000123"`, true, "an ID"},
	{`"龙井 250g"`, true, "Chinese text"},
	{`""`, true, "empty"},
	{`"a\"b"`, false, "an escape"},
	{`"\u9f99"`, false, "a unicode escape"},
	{"\"a\xffb\"", false, "invalid UTF-8, which encoding/json repairs"},
	{"\"a\tb\"", false, "a raw control character, which JSON refuses"},
	{`3`, true, "a quantity"},
	{`0`, true, "zero"},
	{`-12`, true, "negative"},
	{`123456789012345678`, true, "18 digits"},
	{`1234567890123456789`, false, "19 digits: encoding/json checks the range"},
	{`012`, false, "a leading zero, which JSON refuses"},
	{`-`, false, "a bare minus"},
	{`1.0`, false, "a fraction, which an int refuses"},
	{`1e2`, false, "an exponent"},
	{`true`, true, "true"},
	{`false`, true, "false"},
	{`True`, false, "not a JSON literal"},
}

// TestPlainScalarIsEncodingJSON: the scalar members the strict decoders
// read themselves (the IDs, text, quantities and flags of every order the
// platform sends) decode to what encoding/json gives; the others are left
// to encoding/json.
func TestPlainScalarIsEncodingJSON(t *testing.T) {
	for _, c := range scalarCases {
		t.Run(c.reason, func(t *testing.T) {
			var s string
			var n int
			var b bool
			got := plainScalar([]byte(c.raw), &s) || plainScalar([]byte(c.raw), &n) || plainScalar([]byte(c.raw), &b)
			assert.Equal(t, c.plain, got)
			requireScalarAgrees(t, []byte(c.raw))
		})
	}
	var s string
	assert.False(t, plainScalar([]byte(`"x"`), new(float64)), "only strings, ints and bools")
	assert.True(t, plainScalar([]byte(`"`+strings.Repeat("文", 100)+`"`), &s))
}

func requireScalarAgrees(t *testing.T, raw []byte) {
	t.Helper()
	var s, js string
	if plainScalar(raw, &s) {
		require.NoError(t, json.Unmarshal(raw, &js), "%q", raw)
		require.Equal(t, js, s, "%q", raw)
	}
	var n, jn int
	if plainScalar(raw, &n) {
		require.NoError(t, json.Unmarshal(raw, &jn), "%q", raw)
		require.Equal(t, jn, n, "%q", raw)
	}
	var b, jb bool
	if plainScalar(raw, &b) {
		require.NoError(t, json.Unmarshal(raw, &jb), "%q", raw)
		require.Equal(t, jb, b, "%q", raw)
	}
}

// FuzzScalarMember: whatever the bytes, a string, integer or boolean
// that plainScalar reads is one encoding/json reads the same.
func FuzzScalarMember(f *testing.F) {
	for _, c := range scalarCases {
		f.Add([]byte(c.raw))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { requireScalarAgrees(t, raw) })
}

// TestClipJSONQuotesOnlyTheValue: a rejected value a few bytes longer
// than an error quotes is clipped without reading past its end — it is a
// slice of the whole document, whose next bytes are not the value's (a
// fuzzed report panicked there, slicing past its capacity; with room
// left, the message would have quoted the document's next bytes) — and
// cut on a rune boundary.
func TestClipJSONQuotesOnlyTheValue(t *testing.T) {
	for n := kerr.MaxQuoted - 2; n <= kerr.MaxQuoted+6; n++ {
		for _, fill := range []string{"9", "龙"} {
			value := strings.Repeat(fill, n/len(fill)) + strings.Repeat("9", n%len(fill)) // n bytes
			doc := []byte(`"` + value + `","secret":"SECRET"}`)
			raw := doc[: len(value)+2 : len(value)+2] // capacity ends with the value
			assert.NotPanics(t, func() { _ = clipJSON(raw) }, "%d bytes of %s", n, fill)
			raw = doc[:len(value)+2] // the document's next bytes in capacity
			got := clipJSON(raw)
			assert.NotContains(t, got, "secret", "%d bytes of %s", n, fill)
			assert.True(t, utf8.ValidString(got), "%d bytes of %s: %q", n, fill, got)
			assert.LessOrEqual(t, len(got), kerr.MaxQuoted+len("…"))
		}
	}
}
