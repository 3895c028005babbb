// Package enum holds the small helpers behind kefu's enums: a names table
// indexed by the enum's value, where index 0 is the zero value ("unknown"),
// and a set of enum values kept in a uint64 so decisions never allocate.
package enum

import (
	"encoding/json"
	"errors"
	"iter"
	"math/bits"
	"strconv"
	"strings"
)

// Name returns names[i], or typeName(i) when i is out of the table or
// names[i] is empty, as time.Month does for a bad month.
func Name(names []string, i int, typeName string) string {
	if i >= 0 && i < len(names) && names[i] != "" {
		return names[i]
	}
	return typeName + "(" + strconv.Itoa(i) + ")"
}

// Index returns the index of s in names, skipping index 0 (the zero value
// has no text form), and whether it was found. A name is compared in
// full only when its length and first and last bytes are those of s: the
// names of one enum that share a length ("WAIT_SELLER_SEND_GOODS",
// "TRADE_CLOSED_BY_TAOBAO") rarely share both ends.
func Index(names []string, s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	for i := 1; i < len(names); i++ {
		if n := names[i]; len(n) == len(s) && n[0] == s[0] && n[len(n)-1] == s[len(s)-1] && n == s {
			return i, true
		}
	}
	return 0, false
}

// Value is an enum kept in a [Set].
type Value interface {
	~uint8
	String() string
}

// Has reports whether set holds v; values of 64 and above are never held.
func Has[V Value](set uint64, v V) bool { return v < 64 && set&(1<<v) != 0 }

// With returns set with v added; values of 64 and above are ignored.
func With[V Value](set uint64, v V) uint64 {
	if v >= 64 {
		return set
	}
	return set | 1<<v
}

// All yields the values in set in increasing order.
func All[V Value](set uint64) iter.Seq[V] {
	return func(yield func(V) bool) {
		for s := set; s != 0; s &= s - 1 {
			if !yield(V(bits.TrailingZeros64(s))) {
				return
			}
		}
	}
}

// Len returns the number of values in set.
func Len(set uint64) int { return bits.OnesCount64(set) }

// String renders set as "[a b c]" using each value's String.
func String[V Value](set uint64) string {
	var b strings.Builder
	b.WriteByte('[')
	for v := range All[V](set) {
		if b.Len() > 1 {
			b.WriteByte(' ')
		}
		b.WriteString(v.String())
	}
	b.WriteByte(']')
	return b.String()
}

// Strings returns the text form of each value in set, in increasing order.
func Strings[V Value](set uint64) []string {
	out := make([]string, 0, Len(set))
	for v := range All[V](set) {
		out = append(out, v.String())
	}
	return out
}

// ErrUnknownName is returned by [DecodeNames] for a name not in the table.
var ErrUnknownName = errors.New("unknown name")

// DecodeNames reads a JSON array of names from b into a set, each name
// standing for its index in names (index 0, the zero value, has no name).
// A JSON error is returned as is; for a name not in the table the error
// is [ErrUnknownName] and bad is the name, for the caller to wrap in its
// own error. null is the empty set.
func DecodeNames(b []byte, names []string) (set uint64, bad string, err error) {
	var list []string
	if err := json.Unmarshal(b, &list); err != nil {
		return 0, "", err
	}
	for _, s := range list {
		i, ok := Index(names, s)
		if !ok || i >= 64 {
			return 0, s, ErrUnknownName
		}
		set |= 1 << i
	}
	return set, "", nil
}
