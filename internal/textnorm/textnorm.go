// Package textnorm normalises text typed by buyers and agents before any
// rule looks at it: full-width digits and letters fold to their narrow
// forms, Unicode is put in NFKC, invisible format and control characters
// are dropped, and runs of white space become one space. "１２号" and
// "12号" are then the same string.
//
// The functions here are pure and safe for concurrent use.
package textnorm

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Line normalises s as a single line of text: width-folded, NFKC, with
// control and format characters removed, every run of white space (line
// breaks included) turned into one ASCII space, and no leading or trailing
// space. ok is false when s is not valid UTF-8; nothing is repaired
// silently. Line(Line(s)) == Line(s).
//
// Line does not allocate when s is already normal; it returns s itself
// after one pass over its bytes when s is printable ASCII and common
// Chinese characters ([isPlain]), the platform's usual text.
func Line(s string) (out string, ok bool) {
	if isPlain(s) {
		return s, true
	}
	if !utf8.ValidString(s) {
		return "", false
	}
	if isNormal(s) {
		return s, true
	}
	// width.Fold and NFKC can each expose input for the other; iterate to a
	// fixed point so that normalising twice is the same as once. One round
	// almost always suffices; the bound keeps hostile input from looping.
	cur := s
	for range 4 {
		cur = collapse(norm.NFKC.String(width.Fold.String(cur)))
		if isNormal(cur) {
			break
		}
	}
	return cur, true
}

// isNormal reports, without allocating, whether s is already what Line
// would return: NFKC, no full-width or half-width variants for width.Fold
// to change, no control or format characters, and single inner spaces.
// It may say no for a normal string (Line then does the work); it never
// says yes for one Line would change.
func isNormal(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' || norm.NFKC.QuickSpanString(s) != len(s) {
		return false
	}
	prevSpace := false
	for _, r := range s {
		if r == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
		if r < 0x80 {
			if r < 0x20 || r == 0x7f {
				return false
			}
			continue
		}
		if unicode.IsSpace(r) || unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) {
			return false
		}
		switch width.LookupRune(r).Kind() {
		case width.EastAsianFullwidth, width.EastAsianHalfwidth:
			return false
		}
	}
	return true
}

// Key returns a comparison key for s: [Line] with every space removed and
// case folded, so that "文三路 12号", "文三路１２号" and "文三路12号" share a
// key. ok is false when s is not valid UTF-8.
//
// Key does not allocate when Line does not and the result has no space
// and no upper-case letter to fold.
func Key(s string) (string, bool) {
	switch p, _ := plainKey(s); p {
	case keyAsIs:
		return s, true
	case keyASCIIFold:
		return asciiKey(s), true
	}
	l, ok := Line(s)
	if !ok {
		return "", false
	}
	if strings.IndexByte(l, ' ') >= 0 {
		l = strings.ReplaceAll(l, " ", "")
	}
	if isLowerASCII(l) {
		return l, true
	}
	return cases.Fold().String(l), true
}

// PlainKey is [Line] and [Key] in one pass for text of the plain
// alphabet ([isPlain]), the platform's usual text: when s is plain it is
// its own Line, and PlainKey returns its Key and true; otherwise it
// returns "", false and the caller takes the general path. The key is s
// itself, without allocating, when s has no space and no ASCII upper case.
//
// comma reports whether s holds an ASCII comma, which the canonical text
// form of an address keeps as the separator of its parts, at no extra
// pass over s.
func PlainKey(s string) (key string, comma, ok bool) {
	p, comma := plainKey(s)
	switch p {
	case keyAsIs:
		return s, comma, true
	case keyASCIIFold:
		return asciiKey(s), comma, true
	}
	return "", false, false
}

// The plain alphabet is what the platform's text is mostly made of:
// printable ASCII and the characters of plainRanges. A string of it with
// single inner spaces and none at the ends is already what [Line] returns,
// and its key is its ASCII lower case without spaces. A test checks every
// rune of plainRanges against the general path (NFKC, width folding,
// case folding), alone and next to ASCII.
var plainRanges = [...]struct{ lo, hi rune }{
	{0x3001, 0x3002}, // 、。
	{0x3008, 0x3011}, // 〈〉《》「」『』【】
	{0x3400, 0x4DBF}, // CJK Unified Ideographs Extension A
	{0x4E00, 0x9FFF}, // CJK Unified Ideographs: 文三路号
}

// isPlainRune reports whether r, outside ASCII, is in plainRanges.
func isPlainRune(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF {
		return true // the common case first
	}
	for _, g := range plainRanges {
		if r < g.lo {
			return false
		}
		if r <= g.hi {
			return true
		}
	}
	return false
}

// IsPlain reports whether s is text of the plain alphabet that [Line]
// returns as it is ([isPlain]): printable ASCII and common Chinese
// characters, single inner spaces, none at the ends. One pass over the
// bytes; it may say no for normal text, never yes for text Line changes.
func IsPlain(s string) bool { return isPlain(s) }

// isPlain reports whether s is valid UTF-8 of the plain alphabet, with no
// control character, no leading or trailing space and no run of spaces:
// text [Line] returns as it is. One pass over the bytes, no allocation;
// it may say no for normal text (Line then checks the general way).
func isPlain(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || c == ' ' && prevSpace {
				return false
			}
			prevSpace = c == ' '
			i++
			continue
		}
		prevSpace = false
		if isCommonHan(s, i) {
			i += 3
			continue
		}
		r, n := decodePlain(s, i)
		if !isPlainRune(r) { // utf8.RuneError is not plain
			return false
		}
		i += n
	}
	return true
}

// isCommonHan reports whether s[i:] starts with the UTF-8 of a rune in
// U+5000–U+9FFF — a lead byte 0xE5 to 0xE9 and two continuation bytes,
// always a valid sequence — the commonest Chinese characters, which are
// plain: the loops over plain text step over them without decoding.
func isCommonHan(s string, i int) bool {
	return i+2 < len(s) && s[i] >= 0xE5 && s[i] <= 0xE9 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// decodePlain decodes the rune at s[i], which is not ASCII: inline for
// the three-byte sequences that encode every plain rune (lead bytes 0xE3
// to 0xE9, U+3000 to U+9FFF, where any two continuation bytes are a valid
// sequence), by utf8.DecodeRuneInString otherwise.
func decodePlain(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xE3 && c <= 0xE9 && i+2 < len(s) {
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// keyPath says how [Key] turns a normal line into its key.
type keyPath uint8

const (
	keyGeneral   keyPath = iota // case folding by x/text
	keyAsIs                     // the line is its own key
	keyASCIIFold                // drop spaces and lower ASCII letters
)

// plainKey says which path builds the key of s, in one pass over its
// bytes: keyAsIs or keyASCIIFold when s is plain ([isPlain]: its own
// [Line]), keyGeneral otherwise; and, when s is plain, whether it holds
// an ASCII comma.
func plainKey(s string) (p keyPath, comma bool) {
	if s == "" {
		return keyAsIs, false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return keyGeneral, false
	}
	p, prevSpace := keyAsIs, false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c < 0x20 || c == 0x7f || c == ' ' && prevSpace:
				return keyGeneral, false
			case c == ' ' || c >= 'A' && c <= 'Z':
				p = keyASCIIFold
			case c == ',':
				comma = true
			}
			prevSpace = c == ' '
			i++
			continue
		}
		prevSpace = false
		if isCommonHan(s, i) {
			i += 3
			continue
		}
		r, n := decodePlain(s, i)
		if !isPlainRune(r) {
			return keyGeneral, false
		}
		i += n
	}
	return p, comma
}

// asciiKey drops the spaces of l and lowers its ASCII letters; the other
// bytes are copied as they are.
func asciiKey(l string) string {
	b := make([]byte, 0, len(l))
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == ' ':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// Digits returns the ASCII digits of s after width folding, in order, and
// whether s held only digits and the separators people put in phone
// numbers (space, '-', '(', ')', '.') plus one leading '+', which is kept.
//
// Digits does not allocate when s is already ASCII digits with an
// optional leading '+'.
func Digits(s string) (string, bool) {
	if isDigits(s) {
		return s, true
	}
	l, ok := Line(s)
	if !ok {
		return "", false
	}
	var b strings.Builder
	b.Grow(len(l))
	for i, r := range l {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return "", false
		}
	}
	return b.String(), true
}

// collapse drops control and format characters and folds white space.
func collapse(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r):
			// Invisible: zero-width spaces, direction marks, NUL …
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isDigits reports whether s is ASCII digits after an optional '+',
// at least one digit: its own [Digits].
func isDigits(s string) bool {
	if s != "" && s[0] == '+' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || (c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

// MaxIDBytes bounds an ID: at most 64 bytes of normalised UTF-8.
const MaxIDBytes = 64

// maxRawIDBytes bounds an ID as given, before normalisation: NFKC and
// width folding never shrink text fourfold, so a longer input cannot
// normalise to [MaxIDBytes] and is refused before any work.
const maxRawIDBytes = 4 * MaxIDBytes

// IDProblem says why [ID] refused a text.
type IDProblem uint8

// The problems of an ID.
const (
	IDOK          IDProblem = iota
	IDEmpty                 // nothing but white space
	IDInvalidUTF8           // not valid UTF-8
	IDInvisible             // an invisible, format or direction character
	IDSpace                 // white space inside the ID
	IDTooLong               // longer than MaxIDBytes once normalised
)

// Detail returns the problem as the detail of an error message.
func (p IDProblem) Detail() string {
	switch p {
	case IDEmpty:
		return ""
	case IDInvalidUTF8:
		return "not valid UTF-8"
	case IDInvisible:
		return "an ID holds no invisible, format or direction characters"
	case IDSpace:
		return "an ID has no spaces"
	case IDTooLong:
		return "longer than 64 bytes"
	}
	return ""
}

// ID returns the canonical form of a staff or buyer ID: white space
// trimmed at both ends, full-width letters and digits folded to their
// narrow forms and NFKC applied, so that "ｘｉａｏｍｅｉ", " xiaomei" and
// "xiaomei" are one ID. An ID that holds a character a reader cannot see
// or that changes how text around it reads — zero-width spaces and
// joiners, the soft hyphen, direction marks and overrides (U+202A–U+202E,
// U+2066–U+2069), variation selectors, other default-ignorable code
// points, control characters — is refused rather than cleaned, and so is
// one with white space inside: such an ID is an attempt to pass for
// someone else. Case is kept: "Li" and "li" are two IDs.
//
// ID is the one identity rule of kefu: every package applies it where an
// ID enters, so that later comparisons are of canonical values. It does not
// allocate when s is already canonical ASCII.
func ID(s string) (string, IDProblem) {
	if len(s) > maxRawIDBytes {
		return "", IDTooLong
	}
	if len(s) <= MaxIDBytes && isPlainID(s) {
		return s, IDOK
	}
	if !utf8.ValidString(s) {
		return "", IDInvalidUTF8
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c < 0x20 || c == 0x7f {
			ascii = false
			break
		}
	}
	if !ascii {
		for _, r := range s {
			if invisible(r) {
				return "", IDInvisible
			}
		}
	}
	n, _ := Line(s)
	if n == "" {
		return "", IDEmpty
	}
	if ascii {
		// Printable ASCII normalises to printable ASCII: only a space
		// can be wrong in it.
		switch {
		case strings.IndexByte(n, ' ') >= 0:
			return "", IDSpace
		case len(n) > MaxIDBytes:
			return "", IDTooLong
		}
		return n, IDOK
	}
	for _, r := range n {
		// NFKC can expose a character that was hidden in a compatibility
		// form; check again on the result.
		if unicode.IsSpace(r) {
			return "", IDSpace
		}
		if invisible(r) {
			return "", IDInvisible
		}
	}
	if len(n) > MaxIDBytes {
		return "", IDTooLong
	}
	return n, IDOK
}

// isPlainID reports whether s is a canonical ID of the plain alphabet:
// not empty, no space or control character, ASCII and the characters of
// plainRanges, which no normalisation changes and none of which is
// invisible. One pass over the bytes.
func isPlainID(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); {
		if i+8 <= len(s) && idWord(word(s, i)) {
			i += 8 // eight bytes of an ASCII ID at once
			continue
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		if isCommonHan(s, i) {
			i += 3
			continue
		}
		r, n := decodePlain(s, i)
		if !isPlainRune(r) {
			return false
		}
		i += n
	}
	return true
}

// Eight bytes at once: lsb and msb repeat a byte's lowest and highest bit
// in every byte of a word.
const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// word returns s[i:i+8] as a little-endian word; i+8 ≤ len(s).
func word(s string, i int) uint64 {
	b := s[i : i+8]
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// idWord reports whether every byte of w is printable ASCII other than
// space (0x21 to 0x7e), what isPlainID accepts of ASCII. With no top bit
// set, a byte is below 0x21 exactly when subtracting 0x21 borrows into
// its top bit, and is 0x7f exactly when its xor with 0x7f is zero; the
// borrow tests are exact as a yes or no for the whole word.
func idWord(w uint64) bool {
	x := w ^ 0x7f*lsb
	return w&msb == 0 && (w-0x21*lsb)&^w&msb == 0 && (x-lsb)&^x&msb == 0
}

// invisible reports whether r is a character that renders as nothing or
// steers the rendering of others: controls other than the white space
// [Line] folds, format characters (Cf: zero-width, soft hyphen, bidi
// controls), variation selectors and the other default-ignorable code
// points (such as U+034F COMBINING GRAPHEME JOINER and the Hangul fillers).
func invisible(r rune) bool {
	switch {
	case r < 0x80:
		return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
	case unicode.IsSpace(r):
		return false
	case unicode.Is(unicode.Cc, r), unicode.Is(unicode.Cf, r),
		unicode.Is(unicode.Variation_Selector, r),
		unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r),
		unicode.Is(unicode.Co, r), unicode.Is(unicode.Cs, r):
		return true
	case r == 0x3164 || r == 0xFFA0 || r == 0x115F || r == 0x1160: // Hangul fillers (Lo, default ignorable)
		return true
	}
	return false
}
