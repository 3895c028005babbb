package jsonx_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/internal/jsonx"
)

// selfDecoding decodes itself, accepting any object: Decode leaves its
// keys to it.
type selfDecoding struct{ raw string }

func (s *selfDecoding) UnmarshalJSON(b []byte) error { s.raw = string(b); return nil }

type Base struct {
	Shop string `json:"shop"`
}

type keyed struct {
	Base
	ID     string          `json:"id"`
	Lines  []inner         `json:"lines"`
	Counts map[string]int  `json:"counts"`
	Any    any             `json:"any"`
	Self   selfDecoding    `json:"self"`
	Raw    json.RawMessage `json:"raw"`
	Ptr    *inner          `json:"ptr"`
	Plain  int
	Hidden int `json:"-"`
}

// TestDecodeRefusesKeysTwoSpellingsCouldFill: a key given twice, or one
// encoding/json would match to a field only by folding case (ASCII case,
// the long s ſ for s, the Kelvin sign K for k, an escape of a plain
// letter), is refused with a *KeyError naming its path, at any depth; so
// one text never reads as one ID to a log or a database and as another to
// kefu (rules O7, A3: "id" and "ID" in one approval). Map keys and the
// keys of a value that decodes itself are data, not spellings.
func TestDecodeRefusesKeysTwoSpellingsCouldFill(t *testing.T) {
	refused := []struct {
		reason, in, field, detail string
	}{
		{"one key twice", `{"id":"T1","id":"T2"}`, "id", "given twice"},
		{"one key twice, once escaped", `{"\u0069d":"T1","id":"T2"}`, "id", "given twice"},
		{"a field in capitals", `{"ID":"T2"}`, "ID", `spelled "ID", want "id"`},
		{"folded beside the exact", `{"id":"T1","Id":"T2"}`, "Id", `spelled "Id", want "id"`},
		{"the long s", `{"lines":[{"ſku":"A"}]}`, "lines.ſku", `spelled "ſku", want "sku"`},
		{"the Kelvin sign, escaped", `{"lines":[{"s\u212au":"A"}]}`, "lines.s\u212au", "spelled \"s\u212au\", want \"sku\""},
		{"nested twice", `{"lines":[{"sku":"A"},{"sku":"A","sku":"B"}]}`, "lines.sku", "given twice"},
		{"behind a pointer", `{"ptr":{"SKU":"A"}}`, "ptr.SKU", `spelled "SKU", want "sku"`},
		{"a promoted field", `{"Shop":"x"}`, "Shop", `spelled "Shop", want "shop"`},
		{"a Go name", `{"plain":1}`, "plain", `spelled "plain", want "Plain"`},
		{"a map key twice", `{"counts":{"TEA-01":1,"TEA-01":2}}`, "counts.TEA-01", "given twice"},
		{"any JSON, twice", `{"any":{"a":{"b":1,"b":2}}}`, "any.a.b", "given twice"},
		{"at the top of an array", `[{"a":1,"a":1}]`, "a", "given twice"},
	}
	for _, c := range refused {
		t.Run(c.reason, func(t *testing.T) {
			var d keyed
			if strings.HasPrefix(c.in, "[") {
				var a []any
				err := jsonx.Decode([]byte(c.in), &a)
				var ke *jsonx.KeyError
				require.True(t, errors.As(err, &ke), "%v", err)
				return
			}
			err := jsonx.Decode([]byte(c.in), &d)
			var ke *jsonx.KeyError
			require.True(t, errors.As(err, &ke), "%v", err)
			assert.Equal(t, c.field, ke.Field)
			assert.Equal(t, c.detail, ke.Detail)
			p := jsonx.Describe(err)
			assert.Equal(t, jsonx.UnknownField, p.Kind)
			assert.Equal(t, c.field, p.Field)
			assert.Equal(t, keyed{}, d, "nothing decoded")
		})
	}

	accepted := []string{
		`{"id":"T1","shop":"s","lines":[{"sku":"A"},{"sku":"A"}],"Plain":1}`,
		`{"counts":{"TEA-01":1,"tea-01":2,"Tea-01":3}}`, // map keys are data
		`{"self":{"A":1,"a":1,"a":2}}`,                  // it decides for itself
		`{"raw":{"b":1,"b":2,"c":[{"d":1,"d":1}]}}`,     // so does raw JSON, decoded later
		`{"any":[{"a":1},{"a":1}],"raw":[1,1]}`,
		`{"id":"say \"id\": twice","lines":[]}`,
		`{}`, `{"ptr":null}`, `{"lines":null}`,
	}
	for _, in := range accepted {
		var d keyed
		assert.NoError(t, jsonx.Decode([]byte(in), &d), in)
	}

	// What is not JSON is still the decoder's to describe, and an unknown
	// key still reads as one.
	for in, kind := range map[string]jsonx.Kind{
		`{"id":"T1",}`:     jsonx.Syntax,
		`{"id" "T1"}`:      jsonx.Syntax,
		`{"id":"T1`:        jsonx.Syntax,
		`{"idd":"T1"}`:     jsonx.UnknownField,
		`{"Hidden":1}`:     jsonx.UnknownField,
		`{"lines":[{]}`:    jsonx.Syntax,
		`{"counts":{1:2}}`: jsonx.Syntax,
	} {
		var d keyed
		err := jsonx.Decode([]byte(in), &d)
		require.Error(t, err, in)
		assert.Equal(t, kind, jsonx.Describe(err).Kind, "%s: %v", in, err)
	}
}

// TestDecodeKeysDeepNesting: nesting far past what encoding/json accepts
// is its error, not a stack the key check grows without bound.
func TestDecodeKeysDeepNesting(t *testing.T) {
	for _, open := range []string{"[", `{"a":`} {
		in := strings.Repeat(open, 200_000)
		var v any
		require.Error(t, jsonx.Decode([]byte(in), &v))
	}
}

// FuzzDecodeKeys: Decode never panics, and what it accepts
// encoding/json accepts too and decodes to the same value — the key check
// only ever refuses, never changes what a text means.
func FuzzDecodeKeys(f *testing.F) {
	for _, s := range []string{
		`{"id":"T1","shop":"s","lines":[{"sku":"A"}],"Plain":1}`,
		`{"id":"T1","id":"T2"}`, `{"ID":"x"}`, `{"lines":[{"ſku":"A"}]}`, `{"\u0069d":"T1"}`,
		`{"counts":{"a":1,"A":2}}`, `{"self":{"a":1,"a":1}}`, `{"any":{"b":[1,{"c":2}]}}`,
		`{"raw":{"x":1}}`, `{"ptr":{"sku":"A"}}`, `[[[{"a":1}]]]`, `{"id":"\"}"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var mine, theirs keyed
		if jsonx.Decode(b, &mine) != nil {
			return
		}
		d := json.NewDecoder(strings.NewReader(string(b)))
		d.DisallowUnknownFields()
		require.NoError(t, d.Decode(&theirs), "%q", b)
		require.Equal(t, theirs, mine, "%q", b)
	})
}

// TestDecodeKeysLinear: an object of many distinct keys — a map's, or
// any JSON's — costs time linear in its size, 1 kB against 1 MB, so a
// hostile body of 100,000 keys is not a quadratic search for the one
// given twice (it took 15 s before the key set grew a map).
func TestDecodeKeysLinear(t *testing.T) {
	object := func(field string, n int) []byte {
		var b strings.Builder
		b.WriteString(`{"` + field + `":{`)
		for i := 0; b.Len() < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"k` + strconv.Itoa(i) + `":1`)
		}
		b.WriteString(`}}`)
		return []byte(b.String())
	}
	for _, field := range []string{"counts", "any"} {
		small, large := object(field, 1<<10), object(field, 1<<20)
		decode := func(b []byte) func() {
			return func() {
				var d keyed
				if err := jsonx.Decode(b, &d); err != nil {
					t.Fatal(err)
				}
			}
		}
		costtest.AssertLinear(t, decode(small), decode(large), costtest.MaxRatio)
	}
}

// TestTextErrorNamesTheField: text encoding/json would repair is refused
// with the path of the member that holds it, so that the error names the
// field to fix, as every other error does: in a nested object, in an
// array's objects (arrays add nothing to the path), after escaped keys
// and strings holding brackets, commas and quotes; text in a key is its
// object's.
func TestTextErrorNamesTheField(t *testing.T) {
	for in, field := range map[string]string{
		`{"id":"T` + "\xff" + `"}`:                          "id",
		`{"id":"T\ud800"}`:                                  "id",
		`{"lines":[{"sku":"A"},{"sku":"B` + "\xfe" + `"}]}`: "lines.sku",
		`{"a":{"b":{"c":"x` + "\xff" + `"}}}`:               "a.b.c",
		`{"a":"{[,\"]}","b":["x","y` + "\xff" + `"]}`:       "b",
		`{"\u0069d":"x","name":"\udc00"}`:                   "name",
		`{"a":{"b` + "\xff" + `":1}}`:                       "a",
		`{"a":1,"b` + "\xff" + `":1}`:                       "",
		`"T` + "\xff" + `"`:                                 "",
		`["x",{"k":"v"},"` + "\xff" + `"]`:                  "",
		`{"a":{"x":1},"b":"` + "\xff" + `"}`:                "b",
	} {
		err := jsonx.Check([]byte(in))
		var te *jsonx.TextError
		require.True(t, errors.As(err, &te), "%q: %v", in, err)
		assert.Equal(t, field, te.Field, "%q", in)
		assert.Equal(t, field, jsonx.Describe(err).Field, "%q", in)
	}
}
