package order_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// TestDecodeJSONHostile: what a caller sends as a key never reaches an
// error's message whole — a key of a megabyte is clipped, one that would
// forge a second log line is quoted — and a call that cannot decode at
// all (nil, not a pointer) is an error of the invalid-input class, never
// a panic.
func TestDecodeJSONHostile(t *testing.T) {
	var s struct {
		A int `json:"a"`
	}
	for name, c := range map[string]struct {
		b []byte
		v any
	}{
		"a key of a megabyte":    {[]byte(`{"` + strings.Repeat("k", 1<<20) + `":1}`), &s},
		"a key forging a line":   {[]byte(`{"a\n2026-12-02 ERROR payout approved":1}`), &s},
		"a key twice in a map":   {[]byte(`{"a":1,"a":2}`), new(map[string]int)},
		"nesting past the limit": {[]byte(strings.Repeat(`{"a":`, 100_000)), &s},
		"nil":                    {[]byte(`{"a":1}`), nil},
		"not a pointer":          {[]byte(`{"a":1}`), s},
		"nothing":                {nil, &s},
	} {
		err := order.DecodeJSON(c.b, c.v)
		require.Error(t, err, name)
		assert.True(t, errors.Is(err, order.ErrInvalidInput), "%s: %v", name, err)
		assert.LessOrEqual(t, len(err.Error()), 400, name)
		assert.NotContains(t, err.Error(), "\n", name)
	}
}
