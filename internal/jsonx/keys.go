package jsonx

import (
	"bytes"
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// KeyError is the error of [Decode] for an object key that two spellings
// could fill: a key given twice in one object, or, in an object decoded
// into a struct, a key that is not the exact name of the field
// encoding/json would fill with it ("ID", "Id" or "ſku" for "id" and
// "sku": it matches names by folding case). Either way one reader of the
// text — a log, another decoder, a database's JSON operators — sees one
// value and kefu would decode another, so the text is refused.
type KeyError struct {
	Field  string // the key's path: "requester.id"
	Detail string // "given twice", or the spelling wanted
}

func (e *KeyError) Error() string { return "json: key " + e.Field + ": " + e.Detail }

// maxKeyDepth is as deep as checkKeys follows nested values. encoding/json
// refuses nesting past 10,000 levels itself.
const maxKeyDepth = 10000

// checkKeys returns a [*KeyError] for the first key of the JSON b that two
// spellings could fill when b is decoded into a value of type t (nil for
// any), and nil otherwise. It does not check the syntax: text that is not
// JSON passes, for the decoder to describe. Values that decode themselves
// (json.Unmarshaler, encoding.TextUnmarshaler, json.RawMessage) are not
// entered: kefu's decode with Decode or a decoder of their own that
// refuses the same, and check their own keys.
func checkKeys(b []byte, t reflect.Type) error {
	s := keyScanner{b: b}
	s.space()
	if err := s.value(t, 0); err != nil {
		return err
	}
	return nil
}

// keyScanner walks JSON text for checkKeys. On text that is not JSON it
// sets bad and stops, without an error: the decoder describes it.
type keyScanner struct {
	b   []byte
	i   int
	bad bool // not JSON: stop
}

func (s *keyScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// value walks the value at s.i, to be decoded into t.
func (s *keyScanner) value(t reflect.Type, depth int) *KeyError {
	if s.i >= len(s.b) || depth > maxKeyDepth {
		s.bad = true
		return nil
	}
	t, self := target(t)
	switch c := s.b[s.i]; {
	case self && (c == '{' || c == '['):
		s.skip(depth)
		return nil
	case c == '{':
		return s.object(t, depth)
	case c == '[':
		var elem reflect.Type
		if t != nil && (t.Kind() == reflect.Slice || t.Kind() == reflect.Array) {
			elem = t.Elem()
		}
		s.i++
		s.space()
		if s.i < len(s.b) && s.b[s.i] == ']' {
			s.i++
			return nil
		}
		for !s.bad {
			if err := s.value(elem, depth+1); err != nil {
				return err
			}
			s.space()
			if s.i >= len(s.b) {
				s.bad = true
				break
			}
			c := s.b[s.i]
			s.i++
			if c == ']' {
				return nil
			}
			if c != ',' {
				s.bad = true
				break
			}
			s.space()
		}
		return nil
	case c == '"':
		s.str()
		return nil
	}
	// A number, true, false or null: up to the next delimiter.
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ',', ']', '}', ' ', '\t', '\n', '\r':
			return nil
		}
		s.i++
	}
	return nil
}

// skip steps over the object or array at s.i, unchecked.
func (s *keyScanner) skip(depth int) {
	open := 0
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case '"':
			s.str()
			if open == 0 {
				return
			}
			continue
		case '{', '[':
			open++
			if depth+open > maxKeyDepth {
				s.bad = true
				return
			}
		case '}', ']':
			open--
			if open <= 0 {
				s.i++
				return
			}
		}
		s.i++
	}
	s.bad = true
}

// str steps over the string at s.i and returns its text between the
// quotes, escapes and all, and whether it holds an escape.
func (s *keyScanner) str() (raw []byte, escaped bool) {
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		switch s.b[j] {
		case '\\':
			escaped = true
			j++
		case '"':
			s.i = j + 1
			return s.b[start:j], escaped
		}
	}
	s.bad = true
	s.i = len(s.b)
	return nil, false
}

// object walks the object at s.i, to be decoded into t.
func (s *keyScanner) object(t reflect.Type, depth int) *KeyError {
	var fields *structFields
	var elem reflect.Type
	if t != nil {
		switch t.Kind() {
		case reflect.Struct:
			fields = fieldsOf(t)
		case reflect.Map:
			elem = t.Elem()
		}
	}
	s.i++ // {
	var seen keySet
	s.space()
	if s.i < len(s.b) && s.b[s.i] == '}' {
		s.i++
		return nil
	}
	for !s.bad {
		if s.i >= len(s.b) || s.b[s.i] != '"' {
			s.bad = true
			return nil
		}
		raw, escaped := s.str()
		if s.bad {
			return nil
		}
		var key string // the key's text, built only where needed
		if escaped {
			if err := json.Unmarshal(s.b[s.i-len(raw)-2:s.i], &key); err != nil {
				s.bad = true
				return nil
			}
		}
		vt := elem
		var name string // the field's name, or the map's key
		if fields != nil {
			var f field
			var ok bool
			if escaped {
				f, ok = fields.byName[key]
			} else {
				f, ok = fields.byName[string(raw)] // no copy of raw
			}
			if !ok {
				if !escaped {
					key = string(raw)
				}
				if want := fields.fold(key); want != "" {
					return &KeyError{Field: key, Detail: "spelled " + quote(key) + ", want " + quote(want)}
				}
				// Unknown: the decoder refuses it, and says so, before
				// anything after it matters.
				s.bad = true
				return nil
			}
			vt, name = f.typ, f.name
		} else {
			if !escaped {
				key = string(raw)
			}
			name = key
		}
		if !seen.add(name) {
			return &KeyError{Field: name, Detail: "given twice"}
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			s.bad = true
			return nil
		}
		s.i++
		s.space()
		if err := s.value(vt, depth+1); err != nil {
			err.Field = Join(name, err.Field) // the path, built on the way out
			return err
		}
		s.space()
		if s.i >= len(s.b) {
			s.bad = true
			return nil
		}
		c := s.b[s.i]
		s.i++
		if c == '}' {
			return nil
		}
		if c != ',' {
			s.bad = true
			return nil
		}
		s.space()
	}
	return nil
}

// keySet holds the keys of one object seen so far: a few in a list, as
// a struct has, many in a map, as a map's object may have, so that a
// hostile object of many keys costs linear time.
type keySet struct {
	list []string
	buf  [16]string
	m    map[string]struct{}
}

// add adds k and reports whether it was not there yet.
func (ks *keySet) add(k string) bool {
	if ks.m != nil {
		if _, ok := ks.m[k]; ok {
			return false
		}
		ks.m[k] = struct{}{}
		return true
	}
	for _, x := range ks.list {
		if x == k {
			return false
		}
	}
	if ks.list == nil {
		ks.list = ks.buf[:0]
	}
	if len(ks.list) < len(ks.buf) {
		ks.list = append(ks.list, k)
		return true
	}
	ks.m = make(map[string]struct{}, 2*len(ks.buf))
	for _, x := range ks.list {
		ks.m[x] = struct{}{}
	}
	ks.m[k] = struct{}{}
	return true
}

func quote(s string) string { return `"` + s + `"` }

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalT  = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// target returns the type a JSON value decodes into through t, pointers
// followed: nil for an interface (any JSON, checked for repeated keys
// only), and self true for a type that decodes itself, whose keys are its
// own business.
func target(t reflect.Type) (_ reflect.Type, self bool) {
	for t != nil {
		if reflect.PointerTo(t).Implements(jsonUnmarshaler) || reflect.PointerTo(t).Implements(textUnmarshalT) {
			return nil, true
		}
		switch t.Kind() {
		case reflect.Pointer:
			t = t.Elem()
			continue
		case reflect.Interface:
			return nil, false
		}
		return t, false
	}
	return nil, false
}

// structFields are the JSON names of a struct's fields as encoding/json
// reads them: tag names, else Go names, those of embedded structs
// promoted.
type structFields struct {
	byName map[string]field
	names  []string
}

type field struct {
	name string
	typ  reflect.Type
}

// fold returns the field name key matches only by folding case, as
// encoding/json would match it, or "".
func (f *structFields) fold(key string) string {
	for _, n := range f.names {
		if strings.EqualFold(n, key) {
			return n
		}
	}
	return ""
}

var fieldCache sync.Map // reflect.Type → *structFields

func fieldsOf(t reflect.Type) *structFields {
	if f, ok := fieldCache.Load(t); ok {
		return f.(*structFields)
	}
	f := &structFields{byName: map[string]field{}}
	depthOf := map[string]int{}
	collectFields(t, 0, f, depthOf, map[reflect.Type]bool{})
	for n := range f.byName {
		f.names = append(f.names, n)
	}
	v, _ := fieldCache.LoadOrStore(t, f)
	return v.(*structFields)
}

// collectFields adds t's fields to f at embedding depth d: a shallower
// field hides a deeper one of the same name, as in encoding/json.
func collectFields(t reflect.Type, d int, f *structFields, depthOf map[string]int, visiting map[reflect.Type]bool) {
	if visiting[t] {
		return
	}
	visiting[t] = true
	defer delete(visiting, t)
	for i := range t.NumField() {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		ft := sf.Type
		if sf.Anonymous && name == "" {
			et := ft
			if et.Kind() == reflect.Pointer {
				et = et.Elem()
			}
			if et.Kind() == reflect.Struct {
				collectFields(et, d+1, f, depthOf, visiting)
				continue
			}
		}
		if !sf.IsExported() {
			continue
		}
		if name == "" {
			name = sf.Name
		}
		if old, ok := depthOf[name]; ok && old <= d {
			continue
		}
		depthOf[name] = d
		f.byName[name] = field{name: name, typ: ft}
	}
}

// pathAt returns the path of the member of the JSON b whose text holds
// byte off ("lines.sku"; arrays add nothing, as in encoding/json's
// paths), "" when it is in no object's member. A byte of a key is its
// object's. Called for an error only; linear in off.
func pathAt(b []byte, off int) string {
	type frame struct {
		obj       bool
		key       string // the member being read, once its key is known
		expectKey bool
	}
	var stack []frame
	path := func(n int) string {
		p := ""
		for _, f := range stack[:n] {
			if f.obj && !f.expectKey {
				p = Join(p, f.key)
			}
		}
		return p
	}
	for i := 0; i < len(b) && i <= off; i++ {
		switch b[i] {
		case '"':
			j := i + 1
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			top := len(stack) - 1
			inKey := top >= 0 && stack[top].obj && stack[top].expectKey
			if off <= j { // off is in this string
				if inKey {
					return path(top)
				}
				return path(len(stack))
			}
			if inKey {
				key := string(b[i+1 : j])
				if bytes.IndexByte(b[i+1:j], '\\') >= 0 {
					_ = json.Unmarshal(b[i:j+1], &key) // as given, if it does not unescape
				}
				stack[top].key, stack[top].expectKey = key, false
			}
			i = j
		case '{':
			stack = append(stack, frame{obj: true, expectKey: true})
		case '[':
			stack = append(stack, frame{})
		case '}', ']':
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case ',':
			if top := len(stack) - 1; top >= 0 && stack[top].obj {
				stack[top].expectKey = true
			}
		}
	}
	return path(len(stack))
}
