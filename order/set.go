package order

import (
	"encoding"
	"iter"
	"math/bits"
	"strings"
)

// Enum is the constraint of kefu's enums that a [Set] holds: a small
// unsigned integer whose zero value means unknown, with a stable text form
// ([Reason], [Category], shipping.Reason, notes.Channel …). Values of 64 and
// above never fit in a set.
type Enum interface {
	~uint8
	String() string
	IsValid() bool
}

// Set is a set of values of one enum, kept in a uint64 so that decisions
// carrying one never allocate. It is the one set type of kefu: every
// package's ReasonSet, [CategorySet], shipping.ActionSet, notes.Channels …
// is a Set of its enum. The zero value is the empty set.
//
// A Set encodes in JSON as a list of its members' text forms in increasing
// order (["below_threshold","excluded_region"]); decoding refuses an
// unknown name with the enum's own error, and null is the empty set.
type Set[V Enum] uint64

// SetOf returns the set holding vs.
func SetOf[V Enum](vs ...V) Set[V] {
	var s Set[V]
	for _, v := range vs {
		s = s.With(v)
	}
	return s
}

// Has reports whether s holds v.
func (s Set[V]) Has(v V) bool { return v < 64 && s&(1<<v) != 0 }

// With returns s with v added; a value of 64 or above is ignored.
func (s Set[V]) With(v V) Set[V] {
	if v >= 64 {
		return s
	}
	return s | 1<<v
}

// Without returns s with v removed.
func (s Set[V]) Without(v V) Set[V] {
	if v >= 64 {
		return s
	}
	return s &^ (1 << v)
}

// Union returns the values in s or t.
func (s Set[V]) Union(t Set[V]) Set[V] { return s | t }

// Intersect returns the values in both s and t.
func (s Set[V]) Intersect(t Set[V]) Set[V] { return s & t }

// Len returns the number of values in s.
func (s Set[V]) Len() int { return bits.OnesCount64(uint64(s)) }

// IsEmpty reports whether s holds no value.
func (s Set[V]) IsEmpty() bool { return s == 0 }

// All yields the values of s in increasing order. It does not allocate.
func (s Set[V]) All() iter.Seq[V] {
	return func(yield func(V) bool) {
		for b := uint64(s); b != 0; b &= b - 1 {
			if !yield(V(bits.TrailingZeros64(b))) {
				return
			}
		}
	}
}

// Values returns the values of s in increasing order, in a new slice (nil
// for the empty set).
func (s Set[V]) Values() []V {
	if s == 0 {
		return nil
	}
	out := make([]V, 0, s.Len())
	for v := range s.All() {
		out = append(out, v)
	}
	return out
}

// Strings returns the text form of each value of s, in increasing order.
func (s Set[V]) Strings() []string {
	out := make([]string, 0, s.Len())
	for v := range s.All() {
		out = append(out, v.String())
	}
	return out
}

// String renders s as "[a b c]" with each value's String.
func (s Set[V]) String() string {
	var b strings.Builder
	b.WriteByte('[')
	for v := range s.All() {
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(v.String())
	}
	b.WriteByte(']')
	return b.String()
}

// MarshalJSON encodes s as a JSON list of text forms. A set holding a value
// that is not valid is the error of the enum's own MarshalText (say
// [ErrUnknownCategory]), or one wrapping [ErrUnknownCode].
func (s Set[V]) MarshalJSON() ([]byte, error) {
	b := make([]byte, 0, 2+s.Len()*24)
	b = append(b, '[')
	for v := range s.All() {
		if !v.IsValid() {
			if m, ok := any(v).(encoding.TextMarshaler); ok {
				if _, err := m.MarshalText(); err != nil {
					return nil, err
				}
			}
			return nil, fieldErr("set", v.String(), ErrUnknownCode, "not a valid value")
		}
		if len(b) > 1 {
			b = append(b, ',')
		}
		// Text forms are snake_case or the platform's upper-case names:
		// nothing to escape.
		b = append(b, '"')
		b = append(b, v.String()...)
		b = append(b, '"')
	}
	return append(b, ']'), nil
}

// UnmarshalJSON decodes a JSON list of text forms with the enum's own
// UnmarshalText, so an unknown name is the enum's error (say
// [ErrUnknownReason]), naming the element ("[1]"; "reasons[1]" inside a
// decision). null is the empty set. On error s is unchanged.
func (s *Set[V]) UnmarshalJSON(b []byte) error {
	var names []string
	if err := decodeJSON("set", b, &names); err != nil {
		return err
	}
	var n Set[V]
	for i, name := range names {
		var v V
		u, ok := any(&v).(encoding.TextUnmarshaler)
		if !ok {
			return fieldErr(index("", i), name, ErrUnknownCode, "the enum has no text form")
		}
		if err := u.UnmarshalText([]byte(name)); err != nil {
			if e, ok := err.(*Error); ok {
				c := *e
				c.Field = index("", i) // the element: "reasons[1]" once the caller names the set
				return &c
			}
			return err
		}
		if !v.IsValid() || v >= 64 {
			return fieldErr(index("", i), name, ErrUnknownCode, "")
		}
		n = n.With(v)
	}
	*s = n
	return nil
}
