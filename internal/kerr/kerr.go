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
	"errors"
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
// The field is a path kefu writes ("lines[1].quantity"), but it may hold
// a key as a caller sent it (an unknown JSON field), so it is clipped as
// a value is, and quoted when it holds what a log line must not: a line
// break, a control character, invalid UTF-8. One key of a megabyte, or
// one that forges a second log line, never reaches the message whole.
func Message(pkg, field, value string, err error, detail string, cause error) string {
	s := pkg + ": " + messageField(field)
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

// messageField returns field as Message writes it: as it is when short
// and printable, clipped when long, and quoted when it holds anything
// else.
func messageField(field string) string {
	if !utf8.ValidString(field) {
		return Quote(field)
	}
	for _, r := range field {
		if !strconv.IsPrint(r) {
			return Quote(field)
		}
	}
	if len(field) > MaxQuoted {
		return Clip(field)
	}
	return field
}

// Unwrap returns err and, when there is one, cause, for an *Error's
// Unwrap() []error, so that errors.Is matches both.
func Unwrap(err, cause error) []error {
	if cause != nil {
		return []error{err, cause}
	}
	return []error{err}
}

// Class is one of the few kinds of error a transport maps in one switch:
// the input is malformed ([Invalid]), what it names is not there
// ([NotFound]), the state has moved on ([Conflict]), or the person may not
// do it ([Forbidden]). A Class is itself an error, the target of
// errors.Is; every kefu sentinel belongs to exactly one.
type Class struct {
	name   string
	status int
}

// Error returns the class's name, e.g. "invalid input".
func (c *Class) Error() string { return c.name }

// HTTPStatus is the status code a JSON API would answer with for an error
// of the class.
func (c *Class) HTTPStatus() int { return c.status }

// The classes.
var (
	// Invalid: the input is malformed or inconsistent — an amount with
	// three decimals, an unknown code, a misspelled JSON field, totals that
	// do not add up, a bad policy. Retrying the same input fails again.
	Invalid = &Class{"invalid input", 422}
	// NotFound: the input is well formed but names something the state
	// does not hold (a promise ID a tracker does not know).
	NotFound = &Class{"not found", 404}
	// Conflict: the state has moved on — an approval already used, a hand-off
	// already acknowledged, a stale version, a lifecycle event the order's
	// state no longer allows. Re-read the state and decide again.
	Conflict = &Class{"conflict", 409}
	// Forbidden: the person may not do it — approving one's own request,
	// an approver without the rank, a forged or expired approval.
	Forbidden = &Class{"forbidden", 403}
)

// Classes lists every class, in the order of the constants above.
var Classes = [...]*Class{Invalid, NotFound, Conflict, Forbidden}

// Sentinel is an error value of one class, such as order.ErrInvalidAmount
// (class [Invalid]). errors.Is(err, s) holds for an error wrapping s, and
// errors.Is(err, s.Class()) does too.
type Sentinel struct {
	text  string
	class *Class
}

// New returns a sentinel of class c with the given text.
func New(c *Class, text string) *Sentinel { return &Sentinel{text: text, class: c} }

// Error returns the sentinel's text.
func (s *Sentinel) Error() string { return s.text }

// Class returns the sentinel's class.
func (s *Sentinel) Class() *Class { return s.class }

// Is reports whether target is the sentinel's class, so that errors.Is
// matches a wrapped sentinel against its class.
func (s *Sentinel) Is(target error) bool { return target == error(s.class) }

// ClassOf returns the class of err: that of the first sentinel in its tree
// (errors.As order), or nil when err wraps no kefu sentinel.
func ClassOf(err error) *Class {
	for _, c := range Classes {
		if errors.Is(err, c) {
			return c
		}
	}
	return nil
}
