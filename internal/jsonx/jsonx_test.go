package jsonx_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/jsonx"
)

type inner struct {
	SKU string `json:"sku"`
}

type doc struct {
	Discount string  `json:"discount"`
	Lines    []inner `json:"lines"`
	N        int     `json:"n"`
}

// TestDecodeIsStrict proves a misspelled field is refused, never dropped
// (a "discont" would otherwise decode to a zero discount), in nested
// objects too, and that trailing data is refused.
func TestDecodeIsStrict(t *testing.T) {
	tests := []struct {
		reason string
		in     string
		kind   jsonx.Kind
		field  string
	}{
		{"misspelled field", `{"discont":"10.00"}`, jsonx.UnknownField, "discont"},
		{"misspelled nested field", `{"lines":[{"skuu":"A"}]}`, jsonx.UnknownField, "skuu"},
		{"trailing value", `{"n":1} {"n":2}`, jsonx.Syntax, ""},
		{"trailing garbage", `{"n":1}x`, jsonx.Syntax, ""},
		{"truncated", `{"n":`, jsonx.Syntax, ""},
		{"not JSON", `discount=10`, jsonx.Syntax, ""},
		{"wrong type", `{"n":"one"}`, jsonx.Type, "n"},
		{"wrong nested type", `{"lines":[{"sku":1}]}`, jsonx.Type, "lines.sku"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			var d doc
			err := jsonx.Decode([]byte(tc.in), &d)
			require.Error(t, err)
			p := jsonx.Describe(err)
			assert.Equal(t, tc.kind, p.Kind)
			assert.Equal(t, tc.field, p.Field)
			assert.NotEmpty(t, p.Detail)
		})
	}
	var d doc
	require.NoError(t, jsonx.Decode([]byte(` {"discount":"10.00","lines":[{"sku":"A"}],"n":2} `), &d))
	assert.Equal(t, doc{Discount: "10.00", Lines: []inner{{"A"}}, N: 2}, d)
}

func TestJoin(t *testing.T) {
	assert.Equal(t, "a.b", jsonx.Join("a", "b"))
	assert.Equal(t, "a", jsonx.Join("a", ""))
	assert.Equal(t, "b", jsonx.Join("", "b"))
}

// TestDecodeRefusesTextItWouldRepair proves Decode refuses what
// encoding/json would silently turn into U+FFFD, so that two different
// IDs never decode to the same one (rules O7, S4, A3), and still decodes
// valid pairs, a literal U+FFFD and an escaped backslash.
func TestDecodeRefusesTextItWouldRepair(t *testing.T) {
	bad := []struct{ reason, in string }{
		{"byte 0xff", "{\"discount\":\"T\xff\"}"},
		{"byte 0xfe", "{\"discount\":\"T\xfe\"}"},
		{"lone high surrogate", `{"discount":"T\ud800"}`},
		{"lone low surrogate", `{"discount":"T\udc00"}`},
		{"high then not low", `{"discount":"\ud800\u0041"}`},
		{"overlong", "{\"discount\":\"\xc0\xaf\"}"},
		{"surrogate in UTF-8", "{\"discount\":\"\xed\xa0\x80\"}"},
		{"bad key", "{\"disc\xffount\":\"1\"}"},
	}
	for _, tc := range bad {
		t.Run(tc.reason, func(t *testing.T) {
			d := doc{N: 7}
			err := jsonx.Decode([]byte(tc.in), &d)
			require.Error(t, err)
			assert.Equal(t, jsonx.Text, jsonx.Describe(err).Kind)
			assert.Equal(t, doc{N: 7}, d, "target unchanged")
		})
	}
	good := map[string]string{
		`{"discount":"\ud83d\ude00"}`: "😀",
		`{"discount":"😀"}`:            "😀",
		`{"discount":"�"}`:            "\ufffd",
		`{"discount":"\\ud800"}`:      `\ud800`,
	}
	for in, want := range good {
		var d doc
		require.NoError(t, jsonx.Decode([]byte(in), &d), in)
		assert.Equal(t, want, d.Discount)
	}
}
