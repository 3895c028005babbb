// Package kerr holds what the error types of kefu's packages share: the
// message format ([Message], [Unwrap]) and the quoting of a bad value.
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

// Message is the text of every kefu package's *Error:
//
//	pkg: field "value": sentinel: detail (cause)
//
// The value is quoted with [Quote] (and left out when empty, unless there
// is no field either); detail and cause are left out when empty or nil.
func Message(pkg, field, value string, err error, detail string, cause error) string {
	s := pkg + ": " + field
	if value != "" || field == "" {
		s += " " + Quote(value)
	}
	if err != nil {
		s += ": " + err.Error()
	}
	if detail != "" {
		s += ": " + detail
	}
	if cause != nil {
		s += " (" + cause.Error() + ")"
	}
	return s
}

// Unwrap returns err and, when there is one, cause, for an *Error's
// Unwrap() []error, so that errors.Is matches both.
func Unwrap(err, cause error) []error {
	if cause != nil {
		return []error{err, cause}
	}
	return []error{err}
}
