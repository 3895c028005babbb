package order

import "strings"

// Code is a typed reason code as a problem order carries it (rule O2):
// the package that defined the reason and the reason's snake_case name.
// order's own reasons convert to one with [Reason.Code]; the checks that
// other packages contribute to a triage — shipping's out-of-area, postage,
// SF-only and transit-warehouse checks, and a backend's own — report
// their reasons as Codes too, so that a [Finding] or a [DigestRow] holds
// reasons of several packages in one typed list, and a stored [Report]
// decodes whichever packages its reasons came from: order need not know
// shipping's reasons to read "shipping.postage_overcharged" back, and the
// package that defined a reason converts the Code back to its own type
// (order's with [Code.Reason]).
//
// Code is a small comparable value (two strings that name constants, so
// making one, comparing and copying it never allocates) and may key a
// map or a message catalog. Its text form is "package.name" —
// "order.stock_short", "shipping.postage_overcharged" — like a check's
// name ("shipping.out_of_area"). The zero Code is no code.
type Code struct {
	pkg, name string
}

// Limits of a code's parts, in bytes.
const (
	maxCodePackage = 32
	maxReasonBytes = 64
)

// NewCode returns the code of reason name of package pkg. pkg is a Go
// package name — 1 to 32 bytes of a–z and 0–9, starting with a letter
// ("shipping"); name a reason code — 1 to 64 bytes of a–z, 0–9 and "_",
// starting with a letter ("postage_overcharged"). Anything else is an
// [*Error] wrapping [ErrInvalidText]. Codes of package "order" are order's
// own: a name that is not one of its [Reason]s is [ErrUnknownReason], so
// no check can pass its reasons off as order's. NewCode does not allocate.
func NewCode(pkg, name string) (Code, error) {
	if !isPackageName(pkg) {
		return Code{}, fieldErr("code", pkg, ErrInvalidText, "a package is 1 to 32 bytes of a-z and 0-9, starting with a letter")
	}
	if !isReasonCode(name) {
		return Code{}, fieldErr("code", name, ErrInvalidText, "a reason is 1 to 64 bytes of a-z, 0-9 and _, starting with a letter")
	}
	if pkg == "order" {
		r, err := ParseReason(name)
		if err != nil {
			return Code{}, err
		}
		return r.Code(), nil
	}
	return Code{pkg, name}, nil
}

// MustCode is like [NewCode] but panics on error. Use it only for codes
// written as literals — a package's table of its reasons' codes, a test.
func MustCode(pkg, name string) Code {
	c, err := NewCode(pkg, name)
	if err != nil {
		panic(err)
	}
	return c
}

// ParseCode reads a code's text form, "package.name". A bare name without
// a package is read as one of order's own reasons, as findings stored
// before codes carried their package wrote them ("stock_short"); any other
// bare name is an error wrapping [ErrUnknownReason], since its package
// cannot be told. Other errors are those of [NewCode].
func ParseCode(s string) (Code, error) {
	if len(s) > maxCodePackage+1+maxReasonBytes {
		return Code{}, fieldErr("code", s, ErrInvalidText, "longer than a code")
	}
	pkg, name, ok := strings.Cut(s, ".")
	if !ok {
		r, err := ParseReason(s)
		if err != nil {
			e := err.(*Error)
			e.Field, e.Detail = "code", `not one of order's reasons; write another package's as "package.name"`
			return Code{}, e
		}
		return r.Code(), nil
	}
	return NewCode(pkg, name)
}

// Package returns the package that defined the reason: "order",
// "shipping" …; "" for the zero Code.
func (c Code) Package() string { return c.pkg }

// Name returns the reason's snake_case name, "" for the zero Code.
func (c Code) Name() string { return c.name }

// IsZero reports whether c is the zero Code, which is no code.
func (c Code) IsZero() bool { return c.name == "" }

// String returns "package.name", or "" for the zero Code.
func (c Code) String() string {
	if c.IsZero() {
		return ""
	}
	return c.pkg + "." + c.name
}

// Reason returns order's [Reason] of c, and false when c is not one of
// order's codes.
func (c Code) Reason() (Reason, bool) {
	if c.pkg != "order" {
		return ReasonUnknown, false
	}
	r, err := ParseReason(c.name)
	return r, err == nil
}

// MarshalText returns the text form; the zero Code is an error wrapping
// [ErrMissing].
func (c Code) MarshalText() ([]byte, error) {
	if c.IsZero() {
		return nil, fieldErr("code", "", ErrMissing, "the zero Code is no code")
	}
	b := make([]byte, 0, len(c.pkg)+1+len(c.name))
	b = append(b, c.pkg...)
	b = append(b, '.')
	return append(b, c.name...), nil
}

// UnmarshalText accepts what [ParseCode] accepts. On error c is unchanged.
func (c *Code) UnmarshalText(b []byte) error {
	v, err := ParseCode(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// reasonCodes holds the Code of each of order's reasons, so that a check
// reporting one does not build it. It is never written after package
// initialisation.
var reasonCodes = func() [numReasons]Code {
	var cs [numReasons]Code
	for r := Reason(1); r < numReasons; r++ {
		cs[r] = Code{"order", reasonNames[r]}
	}
	return cs
}()

// Code returns r as a [Code] of package "order" ("order.stock_short"); the
// zero Code for an invalid reason. It does not allocate.
func (r Reason) Code() Code {
	if !r.IsValid() {
		return Code{}
	}
	return reasonCodes[r]
}

// compareCodes orders codes by package, then name.
func compareCodes(a, b Code) int {
	if c := strings.Compare(a.pkg, b.pkg); c != 0 {
		return c
	}
	return strings.Compare(a.name, b.name)
}

// isPackageName reports whether s is 1 to 32 bytes of lower-case ASCII
// letters and digits, starting with a letter.
func isPackageName(s string) bool {
	if s == "" || len(s) > maxCodePackage || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// isReasonCode reports whether s is a stable reason code: 1 to 64 bytes of
// lower-case ASCII letters, digits and underscores, starting with a
// letter, so that it prints in a digest and keys a message catalog as is.
func isReasonCode(s string) bool {
	if s == "" || len(s) > maxReasonBytes || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}
