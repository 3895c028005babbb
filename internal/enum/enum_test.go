package enum_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/enum"
)

type color uint8

var colorNames = []string{"", "red", "green", "", "blue"}

func (c color) String() string { return enum.Name(colorNames, int(c), "color") }

func TestNameFallsBackToTypeAndNumber(t *testing.T) {
	assert.Equal(t, "red", color(1).String())
	assert.Equal(t, "color(0)", color(0).String(), "the zero value has no text form")
	assert.Equal(t, "color(3)", color(3).String(), "a hole in the table")
	assert.Equal(t, "color(9)", color(9).String(), "beyond the table")
	assert.Equal(t, "color(-1)", enum.Name(colorNames, -1, "color"))
}

func TestIndexSkipsZeroValueAndEmptyNames(t *testing.T) {
	i, ok := enum.Index(colorNames, "blue")
	assert.True(t, ok)
	assert.Equal(t, 4, i)
	for _, s := range []string{"", "Red", "purple", "bloe", "blu", "bluee", "glue", "blux"} {
		_, ok := enum.Index(colorNames, s)
		assert.False(t, ok, "%q: not a name, though it may share a length and ends with one", s)
	}
	for i, n := range colorNames {
		if n == "" {
			continue
		}
		got, ok := enum.Index(colorNames, n)
		assert.True(t, ok, n)
		assert.Equal(t, i, got, n)
	}
}

func TestSetOperations(t *testing.T) {
	var s uint64
	s = enum.With(s, color(4))
	s = enum.With(s, color(1))
	s = enum.With(s, color(1)) // idempotent
	s = enum.With(s, color(200))
	assert.True(t, enum.Has(s, color(1)))
	assert.True(t, enum.Has(s, color(4)))
	assert.False(t, enum.Has(s, color(2)))
	assert.False(t, enum.Has(s, color(200)), "values of 64 and above are never held")
	assert.Equal(t, 2, enum.Len(s))
	assert.Equal(t, []color{1, 4}, slices.Collect(enum.All[color](s)))
	assert.Equal(t, "[red blue]", enum.String[color](s))
	assert.Equal(t, []string{"red", "blue"}, enum.Strings[color](s))
	assert.Equal(t, "[]", enum.String[color](0))
	assert.Empty(t, enum.Strings[color](0))
}

func TestAllStopsWhenAsked(t *testing.T) {
	s := enum.With(enum.With(enum.With(uint64(0), color(1)), color(2)), color(4))
	var got []color
	for c := range enum.All[color](s) {
		got = append(got, c)
		if len(got) == 2 {
			break
		}
	}
	assert.Equal(t, []color{1, 2}, got)
}

func TestHasDoesNotAllocate(t *testing.T) {
	s := enum.With(uint64(0), color(2))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = enum.Has(enum.With(s, color(4)), color(4)) }))
}

func TestDecodeNames(t *testing.T) {
	set, bad, err := enum.DecodeNames([]byte(`["blue","red","red"]`), colorNames)
	assert.NoError(t, err)
	assert.Empty(t, bad)
	assert.Equal(t, "[red blue]", enum.String[color](set))

	set, _, err = enum.DecodeNames([]byte(`null`), colorNames)
	assert.NoError(t, err)
	assert.Zero(t, set)

	for _, in := range []string{`["red","purple"]`, `[""]`} {
		set, bad, err := enum.DecodeNames([]byte(in), colorNames)
		assert.ErrorIs(t, err, enum.ErrUnknownName, in)
		assert.Zero(t, set, "nothing half-decoded")
		assert.NotEqual(t, "red", bad, in)
	}
	_, _, err = enum.DecodeNames([]byte(`{"red":1}`), colorNames)
	assert.Error(t, err, "not an array")
	assert.NotErrorIs(t, err, enum.ErrUnknownName)
}
