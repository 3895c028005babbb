package kerr_test

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/kerr"
)

func TestClip(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"short", "-1", "-1"},
		{"exactly the limit", strings.Repeat("a", 120), strings.Repeat("a", 120)},
		{"one over the limit", strings.Repeat("a", 121), strings.Repeat("a", 120) + "…"},
		// 中 is 3 bytes: 40 of them fill 120 bytes, 41 cut back to 40.
		{"runes filling the limit", strings.Repeat("中", 40), strings.Repeat("中", 40)},
		{"rune across the limit", "a" + strings.Repeat("中", 40), "a" + strings.Repeat("中", 39) + "…"},
		{"invalid UTF-8 is cut by bytes", strings.Repeat("\xff", 300), strings.Repeat("\xff", 120) + "…"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := kerr.Clip(tc.in)
			assert.Equal(t, tc.want, got)
			assert.LessOrEqual(t, len(strings.TrimSuffix(got, "…")), kerr.MaxQuoted)
			if utf8.ValidString(tc.in) {
				assert.True(t, utf8.ValidString(got), "never cuts a character in half")
			}
		})
	}
}

func TestQuote(t *testing.T) {
	assert.Equal(t, `"-1"`, kerr.Quote("-1"))
	assert.Equal(t, strconv.Quote(strings.Repeat("x", 120)+"…"), kerr.Quote(strings.Repeat("x", 300)))
	// A hostile value of control bytes: quoting inflates each byte to
	// four, but only 120 of them are quoted.
	q := kerr.Quote(strings.Repeat("\x01", 300))
	assert.Equal(t, 2+120*4+len("…"), len(q))
}

func TestMessage(t *testing.T) {
	sentinel, cause := errors.New("invalid quantity"), errors.New("unknown SKU")
	tests := []struct {
		name, field, value, detail string
		cause                      error
		want                       string
	}{
		{"field and value", "lines[1].quantity", "0", "must be at least 1", nil, `order: lines[1].quantity "0": invalid quantity: must be at least 1`},
		{"no value", "lines", "", "", nil, `order: lines: invalid quantity`},
		{"no field: the empty value is quoted", "", "", "", nil, `order:  "": invalid quantity`},
		{"with a cause", "stock", "TEA-01", "", cause, `order: stock "TEA-01": invalid quantity (unknown SKU)`},
		{"hostile value is clipped", "sku", strings.Repeat("x", 500), "", nil, `order: sku "` + strings.Repeat("x", 120) + `…": invalid quantity`},
		{"a field in Chinese stays as it is", "counts.龙井", "", "", nil, `order: counts.龙井: invalid quantity`},
		// hostile: a key as a caller sent it, a megabyte long or forging a
		// second log line.
		{"a long field is clipped", strings.Repeat("k", 1<<20), "", "", nil, `order: ` + strings.Repeat("k", 120) + `…: invalid quantity`},
		{"a field with a line break is quoted", "a\n[ERROR] forged", "", "", nil, `order: "a\n[ERROR] forged": invalid quantity`},
		{"a field of invalid UTF-8 is quoted", "a\xff", "", "", nil, `order: "a\xff": invalid quantity`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, kerr.Message("order", tc.field, tc.value, sentinel, tc.detail, tc.cause))
		})
	}
}

func TestUnwrap(t *testing.T) {
	a, b := errors.New("a"), errors.New("b")
	assert.Equal(t, []error{a}, kerr.Unwrap(a, nil))
	assert.Equal(t, []error{a, b}, kerr.Unwrap(a, b))
}

// TestSentinelMatchesItsClassOnly proves a wrapped sentinel matches its
// own class with errors.Is and no other, and that ClassOf finds it.
func TestSentinelMatchesItsClassOnly(t *testing.T) {
	for _, c := range kerr.Classes {
		s := kerr.New(c, "boom")
		wrapped := fmt.Errorf("outer: %w", s)
		assert.ErrorIs(t, wrapped, s)
		assert.ErrorIs(t, wrapped, c)
		for _, other := range kerr.Classes {
			if other != c {
				assert.NotErrorIs(t, wrapped, other, "%v is not %v", c, other)
			}
		}
		assert.Same(t, c, kerr.ClassOf(wrapped))
		assert.Same(t, c, s.Class())
		assert.Equal(t, "boom", s.Error())
	}
	assert.Nil(t, kerr.ClassOf(errors.New("not kefu's")))
	assert.Nil(t, kerr.ClassOf(nil))
}

func TestClassStatus(t *testing.T) {
	assert.Equal(t, 422, kerr.Invalid.HTTPStatus())
	assert.Equal(t, 404, kerr.NotFound.HTTPStatus())
	assert.Equal(t, 409, kerr.Conflict.HTTPStatus())
	assert.Equal(t, 403, kerr.Forbidden.HTTPStatus())
	assert.Equal(t, "conflict", kerr.Conflict.Error())
}
