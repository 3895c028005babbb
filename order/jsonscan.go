package order

import (
	"encoding/json"
	"strconv"

	"github.com/kefu-go/kefu/internal/jsonx"
)

// A small scanner for the strict decoders: it splits a JSON object into
// its members and an array into its elements, finding where each value
// ends without decoding it, so that each value is read once, by the
// decoder of its own type (which checks it: every byte of a value reaches
// a decoder that validates it). encoding/json's Decoder does the same
// with several allocations and a second scan per value; this is one
// pass, linear in the input, and allocates nothing itself.

// jsonScanner walks b.
type jsonScanner struct {
	b []byte
	i int
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// skipSpace moves past white space.
func (s *jsonScanner) skipSpace() {
	for s.i < len(s.b) && isSpace(s.b[s.i]) {
		s.i++
	}
}

// syntaxErr is a malformed document at the scanner's position.
func (s *jsonScanner) syntaxErr(field, want string) error {
	detail := "malformed JSON at byte " + strconv.Itoa(s.i)
	if s.i >= len(s.b) {
		detail = "truncated JSON"
	}
	if want != "" {
		detail += ": want " + want
	}
	return &Error{Pkg: "order", Field: field, Err: ErrInvalidJSON, Detail: detail}
}

// value returns the JSON value starting at the scanner's position (after
// white space) and moves past it. ok is false when the text ends inside
// the value or does not start one. Only strings and brackets are
// followed; the decoder of the value checks the rest.
func (s *jsonScanner) value() ([]byte, bool) {
	s.skipSpace()
	start := s.i
	if s.i >= len(s.b) {
		return nil, false
	}
	switch c := s.b[s.i]; c {
	case '"':
		if !s.skipString() {
			return nil, false
		}
	case '{', '[':
		depth := 0
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case '"':
				if !s.skipString() {
					return nil, false
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
			}
			s.i++
			if depth == 0 {
				return s.b[start:s.i], true
			}
		}
		return nil, false
	case ',', ':', '}', ']':
		return nil, false
	default: // a number or a literal
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case ',', '}', ']', ' ', '\t', '\n', '\r', '"', '{', '[', ':':
				return s.b[start:s.i], s.i > start
			}
			s.i++
		}
	}
	return s.b[start:s.i], true
}

// skipString moves past the string starting at the scanner's position.
func (s *jsonScanner) skipString() bool {
	for s.i++; s.i < len(s.b); s.i++ {
		switch s.b[s.i] {
		case '\\':
			s.i++
		case '"':
			s.i++
			return true
		}
	}
	return false
}

// isNullValue reports whether raw is the literal null.
func isNullValue(raw []byte) bool { return string(raw) == "null" }

// scanObject calls member for each member of the JSON object b, in order,
// with its key (the key's text, unquoted: a slice of b when it holds no
// escape, so that matching it allocates nothing) and raw value, and
// reports structure errors for field. It
// returns null=true, calling nothing, when b is null; data after the
// value is an error.
func scanObject(field string, b []byte, member func(key, raw []byte) error) (null bool, err error) {
	s := jsonScanner{b: b}
	s.skipSpace()
	if s.i < len(b) && b[s.i] == 'n' {
		v, ok := s.value()
		if !ok || !isNullValue(v) {
			return false, s.syntaxErr(field, "")
		}
		return true, s.end(field)
	}
	if s.i >= len(b) || b[s.i] != '{' {
		return false, &Error{Pkg: "order", Field: field, Err: ErrInvalidJSON, Detail: "want a JSON object"}
	}
	s.i++
	s.skipSpace()
	if s.i < len(b) && b[s.i] == '}' {
		s.i++
		return false, s.end(field)
	}
	for {
		s.skipSpace()
		if s.i >= len(b) || b[s.i] != '"' {
			return false, s.syntaxErr(field, "a key")
		}
		rawKey, ok := s.value()
		if !ok {
			return false, s.syntaxErr(field, "a key")
		}
		if terr := jsonx.Check(rawKey); terr != nil {
			return false, &Error{Pkg: "order", Field: field, Err: ErrInvalidText, Detail: "a key: " + terr.Error()}
		}
		key, ok := unquoteKey(rawKey)
		if !ok {
			return false, s.syntaxErr(field, "a key")
		}
		s.skipSpace()
		if s.i >= len(b) || b[s.i] != ':' {
			return false, s.syntaxErr(field, `":"`)
		}
		s.i++
		raw, ok := s.value()
		if !ok {
			return false, s.syntaxErr(field, "a value")
		}
		if err := member(key, raw); err != nil {
			return false, err
		}
		s.skipSpace()
		if s.i < len(b) && b[s.i] == ',' {
			s.i++
			continue
		}
		if s.i < len(b) && b[s.i] == '}' {
			s.i++
			return false, s.end(field)
		}
		return false, s.syntaxErr(field, `"," or "}"`)
	}
}

// scanArray calls elem for each element of the JSON array b, in order,
// with its index and raw value; null=true when b is null.
func scanArray(field string, b []byte, elem func(i int, raw []byte) error) (null bool, err error) {
	s := jsonScanner{b: b}
	s.skipSpace()
	if s.i < len(b) && b[s.i] == 'n' {
		v, ok := s.value()
		if !ok || !isNullValue(v) {
			return false, s.syntaxErr(field, "")
		}
		return true, s.end(field)
	}
	if s.i >= len(b) || b[s.i] != '[' {
		return false, &Error{Pkg: "order", Field: field, Err: ErrInvalidJSON, Detail: "want a JSON array"}
	}
	s.i++
	s.skipSpace()
	if s.i < len(b) && b[s.i] == ']' {
		s.i++
		return false, s.end(field)
	}
	for i := 0; ; i++ {
		raw, ok := s.value()
		if !ok {
			return false, s.syntaxErr(field, "a value")
		}
		if err := elem(i, raw); err != nil {
			return false, err
		}
		s.skipSpace()
		if s.i < len(b) && b[s.i] == ',' {
			s.i++
			continue
		}
		if s.i < len(b) && b[s.i] == ']' {
			s.i++
			return false, s.end(field)
		}
		return false, s.syntaxErr(field, `"," or "]"`)
	}
}

// end refuses anything but white space after the value.
func (s *jsonScanner) end(field string) error {
	s.skipSpace()
	if s.i != len(s.b) {
		return &Error{Pkg: "order", Field: field, Err: ErrInvalidJSON, Detail: "data after the JSON value"}
	}
	return nil
}

// unquoteKey returns the text of a JSON string key: a slice of raw when
// it holds no escape, as encoding/json reads it otherwise.
func unquoteKey(raw []byte) ([]byte, bool) {
	if text, ok := plainString(raw); ok {
		return text, true
	}
	var k string
	if json.Unmarshal(raw, &k) != nil {
		return nil, false
	}
	return []byte(k), true
}
