package i18n

import "strings"

// Enum is a kefu enum: a small integer with a text form (a uint8, or an
// int like time.Weekday's).
type Enum interface {
	~uint8 | ~int
	String() string
}

// Values returns, in increasing order, every value of the enum V whose
// text form is a code — not empty and not the "Type(N)" a value out of the
// names table prints. It walks 0 to 255, the whole range of a uint8 enum,, so a constant added
// to an enum later is never missed by the lists built on it (the packages'
// Values-style functions in their lang.go files).
func Values[V Enum]() []V {
	var out []V
	for i := range 256 {
		v := V(i)
		if s := v.String(); s != "" && !strings.ContainsRune(s, '(') {
			out = append(out, v)
		}
	}
	return out
}
