// Package kerr holds what the error types of kefu's packages share: the
// quoting of a bad value in an error message.
//
// A bad value comes from the caller and may be hostile: a megabyte of
// note text, or a value made of control bytes that quoting inflates
// fourfold. Messages quote at most [MaxQuoted] bytes of it, cut at a
// character boundary and marked "…"; each package's *Error keeps the
// whole value in its Value field.
package kerr

import (
	"strconv"
	"unicode/utf8"
)

// MaxQuoted is how many bytes of a bad value an error message quotes.
const MaxQuoted = 120

// Clip returns s cut to at most [MaxQuoted] bytes at a rune boundary,
// with "…" appended when it was cut. A string of at most MaxQuoted bytes
// comes back unchanged.
func Clip(s string) string {
	if len(s) <= MaxQuoted {
		return s
	}
	i := MaxQuoted
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// Quote returns s clipped with [Clip] and quoted with [strconv.Quote],
// for an error message.
func Quote(s string) string { return strconv.Quote(Clip(s)) }
