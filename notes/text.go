package notes

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Field is a labelled field of the canonical note line, in the order
// [Note.Format] writes them; its label is [Field.Text] in the line's
// language ("原因", "Reason", "Motivo"). A console showing a note as a form
// can use the same labels. The zero value, [FieldUnknown], is no field.
type Field uint8

// Fields of the note line.
const (
	FieldUnknown  Field = iota
	FieldFlag           // the memo flag: 旗
	FieldReason         // why: 原因
	FieldAddress        // the new address of an address change: 新地址
	FieldSKU            // the SKU of a gift or exchange: 货号
	FieldQuantity       // its quantity: 数量
	FieldAmount         // the amount of a postage fix or refund: 金额
	FieldAuthor         // who wrote it, name and role: 经办
	FieldStaffID        // the author's staff ID: 工号
	FieldAt             // when: 时间
	numFields
)

var fieldNames = []string{"", "flag", "reason", "address", "sku", "quantity", "amount", "author", "staff_id", "at"}

// String returns the snake_case name, or "Field(N)" out of range.
func (f Field) String() string { return enum.Name(fieldNames, int(f), "Field") }

// IsValid reports whether f is a known field.
func (f Field) IsValid() bool { return f > FieldUnknown && f < numFields }

// MarshalText returns the snake_case name; an invalid field is an error
// wrapping [ErrUnknownEnum].
func (f Field) MarshalText() ([]byte, error) {
	if !f.IsValid() {
		return nil, fieldErr("field", f.String(), ErrUnknownEnum, "")
	}
	return []byte(fieldNames[f]), nil
}

// UnmarshalText accepts the snake_case names; an unknown name wraps
// [ErrUnknownEnum].
func (f *Field) UnmarshalText(b []byte) error {
	i, ok := enum.Index(fieldNames, string(b))
	if !ok {
		return fieldErr("field", string(b), ErrUnknownEnum, "")
	}
	*f = Field(i)
	return nil
}

// lineVocab is the vocabulary of the note line in one language: the
// labels of kefu's catalogs (the note kinds, the release header — order's
// release event —, the flags, the roles and the fields), or, for reading
// only, the English line kefu wrote before it spoke four languages
// ([address_change] flag:red | … | by:Ana (pre_sales)), whose words were
// the codes.
type lineVocab struct {
	l      order.Lang
	legacy bool
}

// readVocabs are the vocabularies [ParseNote] reads, in the order it
// tries them.
var readVocabs = [...]lineVocab{{l: order.SimplifiedChinese}, {l: order.TraditionalChinese},
	{l: order.English}, {l: order.Spanish}, {l: order.English, legacy: true}}

// legacyFields are the field labels of the legacy English line.
var legacyFields = [numFields]string{"", "flag", "reason", "address", "sku", "qty", "amount", "by", "staff_id", "at"}

// chinese reports whether the line is written with Chinese punctuation:
// 【kind】, no space after the header, name(role).
func (v lineVocab) chinese() bool {
	return !v.legacy && (v.l == order.SimplifiedChinese || v.l == order.TraditionalChinese)
}

func (v lineVocab) open() string {
	if v.chinese() {
		return "【"
	}
	return "["
}

func (v lineVocab) close() string {
	if v.chinese() {
		return "】"
	}
	return "]"
}

func (v lineVocab) kind(k Kind) string {
	if v.legacy {
		return enum.Name(kindNames, int(k), "Kind")
	}
	return k.Text(v.l)
}

func (v lineVocab) release() string {
	if v.legacy {
		return "release_hold"
	}
	return order.Release.Text(v.l)
}

func (v lineVocab) flag(f Flag) string {
	if v.legacy {
		return f.String()
	}
	return f.Text(v.l)
}

func (v lineVocab) role(r order.Role) string {
	if v.legacy {
		return r.String()
	}
	return r.Text(v.l)
}

func (v lineVocab) field(f Field) string {
	if v.legacy {
		return legacyFields[f]
	}
	return f.Text(v.l)
}

// timeLayout is how a note writes its time: to the second, with the UTC
// offset, so the text names one instant whatever the reader's zone.
const timeLayout = "2006-01-02 15:04:05 -07:00"

// Format renders n as one line a warehouse clerk can act on, in language
// lang (an invalid one is simplified Chinese), with the time shown in loc
// (nil means UTC; so does a zone whose offset at that time is not whole
// minutes, which the text cannot carry). The words are kefu's catalogs'
// labels in lang — the kind ([Kind.Text]), the flag ([Flag.Text]), the
// author's role ([order.Role.Text]) and the field labels ([Field.Text]) —,
// so the line speaks the language of the rest of the shop's tools. The
// fields come in a fixed order, separated by " | "; "|" and "\" inside
// free text are escaped with a backslash. A [KindHold] note with Release
// set has its own header, order's release event ([order.Release]), so
// that nobody reads it as a hold. In the four languages:
//
//	【改地址】旗:红 | 原因:买家搬家 | 新地址:张三,13812345678,浙江省,杭州市,西湖区,文三路12号 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00
//	【改地址】旗:紅 | 原因:買家搬家 | 新地址:… | 經辦:李四(售前) | 工號:kf-li | 時間:2026-11-25 14:03:05 +08:00
//	[Address change] Flag:Red | Reason:buyer moved | New address:… | By:Li Si (Pre-sales) | Staff ID:kf-li | Time:2026-11-25 14:03:05 +08:00
//	[Cambio de dirección] Bandera:Roja | Motivo:… | Nueva dirección:… | Por:Li Si (Preventa) | ID de empleado:kf-li | Fecha y hora:2026-11-25 14:03:05 +08:00
//
// The author is written as a clerk knows them, name and role, followed by
// their staff ID, the identity the note keeps. The amount is written
// "12.00" in every language, and the time in one layout, so the line
// parses back whatever the reader's locale. n should be canonical (see
// [NormalizeNote]); [ParseNote] then reads the line back to an equal note
// in each of the four languages. Format renders whatever it is given and
// does not validate.
func (n Note) Format(lang order.Lang, loc *time.Location) string {
	return string(n.AppendFormat(make([]byte, 0, 256), lang, loc))
}

// String renders n in simplified Chinese with times in China Standard
// Time; see [Note.Format].
func (n Note) String() string { return n.Format(order.SimplifiedChinese, cst) }

var cst = time.FixedZone("CST", 8*60*60)

// AppendFormat appends the text of [Note.Format] to dst. It does not
// allocate when dst has room.
func (n Note) AppendFormat(dst []byte, lang order.Lang, loc *time.Location) []byte {
	if !lang.IsValid() {
		lang = order.SimplifiedChinese
	}
	v := lineVocab{l: lang}
	dst = append(dst, v.open()...)
	if n.Kind == KindHold && n.Release {
		dst = append(dst, v.release()...)
	} else {
		dst = append(dst, v.kind(n.Kind)...)
	}
	dst = append(dst, v.close()...)
	if !v.chinese() {
		dst = append(dst, ' ')
	}
	dst = appendField(dst, v.field(FieldFlag), true)
	dst = append(dst, v.flag(n.Flag)...)
	dst = appendField(dst, v.field(FieldReason), false)
	dst = appendEscaped(dst, n.Reason)
	if n.Kind.needsAddress() {
		dst = appendField(dst, v.field(FieldAddress), false)
		a := &n.Address
		for i, part := range [...]string{a.Recipient, a.Phone, a.Province, a.City, a.District, a.Detail} {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendEscaped(dst, part)
		}
	}
	if n.Kind.needsItem() {
		dst = appendField(dst, v.field(FieldSKU), false)
		dst = appendEscaped(dst, n.SKU)
		dst = appendField(dst, v.field(FieldQuantity), false)
		dst = strconv.AppendInt(dst, int64(n.Quantity), 10)
	}
	if n.Kind.needsAmount() {
		dst = appendField(dst, v.field(FieldAmount), false)
		if fen, ok := yuan.Fen(n.Amount); ok {
			dst = yuan.AppendFormat(dst, fen)
		} else {
			dst = append(dst, n.Amount.String()...)
		}
	}
	dst = appendField(dst, v.field(FieldAuthor), false)
	dst = appendEscaped(dst, n.Author.Name)
	if !v.chinese() {
		dst = append(dst, ' ')
	}
	dst = append(dst, '(')
	dst = append(dst, v.role(n.Author.Role)...)
	dst = append(dst, ')')
	dst = appendField(dst, v.field(FieldStaffID), false)
	dst = appendEscaped(dst, n.Author.ID)
	dst = appendField(dst, v.field(FieldAt), false)
	if loc == nil {
		loc = time.UTC
	}
	t := n.At.In(loc)
	if _, off := t.Zone(); off%60 != 0 {
		// The text carries the offset in minutes; a zone offset with
		// seconds (old local mean times) would shift the instant.
		t = n.At.UTC()
	}
	return t.AppendFormat(dst, timeLayout)
}

func appendField(dst []byte, label string, first bool) []byte {
	if !first {
		dst = append(dst, " | "...)
	}
	dst = append(dst, label...)
	return append(dst, ':')
}

// appendEscaped writes s with "\" and "|" escaped by a backslash.
func appendEscaped(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\\' || c == '|' {
			dst = append(dst, '\\')
		}
		dst = append(dst, s[i])
	}
	return dst
}

// ParseNote reads one note in the canonical text form of [Note.Format],
// in any of the four languages, and returns it normalised as by
// [NormalizeNote]. It also reads the English line kefu wrote before it
// spoke four languages, whose words were the codes ("[address_change]
// flag:red | … | by:Ana (pre_sales) | staff_id:… | at:…"), so memos
// written then still read. The line is normalised first, so full-width
// colons and brackets typed by hand are accepted; fields may come in any
// order, each at most once. One line is in one language: a header in one
// and labels in another is malformed. Simplified and traditional Chinese
// share some words (改地址, 原因); a word means the same in every
// language that has it, so the note read is the same whichever language
// the line is taken for.
//
// Malformed text — no kind header, an unknown label, a field twice, a bad
// number, amount or time — is an [*Error] wrapping [ErrSyntax]; an unknown
// kind or flag wraps [ErrUnknownKind] or [ErrUnknownFlag]; a note that
// parses but breaks rule N1 fails as [NormalizeNote] does.
//
// Text longer than [MaxNoteText] bytes is refused with [ErrInvalidText]
// before anything else is done with it, and so is text that is not valid
// UTF-8 or that holds invisible format or control characters (a zero-width
// space, a soft hyphen, U+202E …): kefu never writes them, and in a note
// they could make a clerk read one thing and the system another — an
// author's staff ID under the identity rule is refused, not cleaned.
func ParseNote(s string) (Note, error) {
	if len(s) > MaxNoteText {
		return Note{}, fieldErr("note", s, ErrInvalidText, "longer than "+strconv.Itoa(MaxNoteText)+" bytes")
	}
	if !utf8.ValidString(s) {
		return Note{}, fieldErr("note", s, ErrInvalidText, "not valid UTF-8")
	}
	if hasHidden(s) {
		return Note{}, fieldErr("note", s, ErrInvalidText, "holds invisible format or control characters")
	}
	line, _ := textnorm.Line(s)
	var first error
	opened := false
	for _, v := range readVocabs {
		if !strings.HasPrefix(line, v.open()) {
			continue
		}
		opened = true
		rest := line[len(v.open()):]
		end := strings.Index(rest, v.close())
		if end < 0 {
			if first == nil {
				first = fieldErr("note", s, ErrSyntax, "the kind is not closed with "+v.close())
			}
			continue
		}
		kind, release, ok := v.header(rest[:end])
		if !ok {
			continue
		}
		n, err := v.parse(kind, release, rest[end+len(v.close()):])
		if err == nil {
			return n, nil
		}
		if first == nil {
			first = err
		}
	}
	switch {
	case first != nil:
		return Note{}, first
	case opened:
		// A header no language knows.
		end := strings.IndexAny(line, "】]")
		if end < 0 {
			return Note{}, fieldErr("note", s, ErrSyntax, "the kind is not closed")
		}
		_, size := utf8.DecodeRuneInString(line)
		return Note{}, fieldErr("note.kind", line[size:end], ErrUnknownKind, "")
	}
	return Note{}, fieldErr("note", s, ErrSyntax, "want a kind in 【】 or []")
}

// header returns the kind a line's header names in v, and whether it is
// the release header; ok is false when v has no such header.
func (v lineVocab) header(h string) (kind Kind, release, ok bool) {
	if h == v.release() {
		return KindHold, true, true
	}
	for k := Kind(1); k < numKinds; k++ {
		if v.kind(k) == h {
			return k, false, true
		}
	}
	return KindUnknown, false, false
}

// parse reads the fields of a line of v after its header.
func (v lineVocab) parse(kind Kind, release bool, fields string) (Note, error) {
	n := Note{Kind: kind, Release: release}
	var seen [numFields]bool
	var address, amount, qty string
	for part := range splitFields(fields) {
		label, raw, found := strings.Cut(part, ":")
		if !found {
			return Note{}, fieldErr("note", part, ErrSyntax, "a field is label:value")
		}
		val, ok := unescape(raw)
		if !ok {
			return Note{}, fieldErr("note", part, ErrSyntax, "a backslash escapes only \\ and |")
		}
		f := FieldUnknown
		for g := Field(1); g < numFields; g++ {
			if label == v.field(g) {
				f = g
				break
			}
		}
		if f == FieldUnknown {
			return Note{}, fieldErr("note", label, ErrSyntax, "unknown field")
		}
		if seen[f] {
			return Note{}, fieldErr("note", label, ErrSyntax, "field given twice")
		}
		seen[f] = true
		switch f {
		case FieldFlag:
			fl, ok := v.parseFlag(val)
			if !ok {
				return Note{}, fieldErr("note.flag", val, ErrUnknownFlag, "")
			}
			n.Flag = fl
		case FieldReason:
			n.Reason = val
		case FieldAddress:
			address = val
		case FieldSKU:
			n.SKU = val
		case FieldQuantity:
			qty = val
		case FieldAmount:
			amount = val
		case FieldAuthor:
			name, role, err := v.parseAuthor(val)
			if err != nil {
				return Note{}, err
			}
			n.Author.Name, n.Author.Role = name, role
		case FieldAt:
			t, err := time.Parse(timeLayout, val)
			if err != nil {
				return Note{}, fieldErr("note.at", val, ErrSyntax, "want "+timeLayout)
			}
			n.At = t
		case FieldStaffID:
			n.Author.ID = val
		}
	}
	if !seen[FieldFlag] {
		return Note{}, fieldErr("note.flag", "", ErrSyntax, "no "+v.field(FieldFlag)+" field")
	}
	if seen[FieldAddress] {
		a, err := order.ParseAddress(address)
		if err != nil {
			return Note{}, causeErr("note.address", address, ErrInvalidDetail, "", err)
		}
		n.Address = a
	}
	if seen[FieldQuantity] {
		q, err := strconv.Atoi(qty)
		if err != nil {
			return Note{}, fieldErr("note.quantity", qty, ErrSyntax, "not a whole number")
		}
		n.Quantity = q
	}
	if seen[FieldAmount] {
		fen, p := yuan.Parse(amount)
		if p != yuan.OK {
			return Note{}, fieldErr("note.amount", amount, ErrSyntax, p.Detail())
		}
		n.Amount = yuan.Dec(fen)
	}
	return NormalizeNote(n)
}

func (v lineVocab) parseFlag(s string) (Flag, bool) {
	for f := range numFlags {
		if v.flag(f) == s {
			return f, true
		}
	}
	return 0, false
}

// MaxNoteText bounds the text [ParseNote] reads: 4000 bytes, four times
// the platform's memo limit. A note line in a memo is at most [MemoLimit]
// bytes, and normalising (width folding, NFKC) never shrinks text
// fourfold, so longer text cannot be a note and is refused after a length
// check, in constant time.
const MaxNoteText = 4 * MemoLimit

// hasHidden reports whether s holds a format character (Cf: zero-width
// spaces and joiners, the soft hyphen, direction marks and overrides) or a
// control character other than tab, line feed and carriage return.
func hasHidden(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			for _, r := range s[i:] {
				if unicode.Is(unicode.Cf, r) || (unicode.Is(unicode.Cc, r) && r != '\t' && r != '\n' && r != '\r') {
					return true
				}
			}
			return false
		}
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
			return true
		}
	}
	return false
}

// parseAuthor reads "name(role)" (Chinese) or "name (role)" (English and
// Spanish). A canonical name never ends with a space, so the space before
// the role is dropped whichever language wrote it.
func (v lineVocab) parseAuthor(val string) (string, order.Role, error) {
	i := strings.LastIndexByte(val, '(')
	if i < 0 || !strings.HasSuffix(val, ")") {
		return "", 0, fieldErr("note.author", val, ErrSyntax, "want name(role)")
	}
	name := val[:i]
	if !v.chinese() {
		name = strings.TrimSuffix(name, " ")
	}
	label := val[i+1 : len(val)-1]
	for r := order.Role(1); r.IsValid(); r++ {
		if v.role(r) == label {
			return name, r, nil
		}
	}
	return "", 0, fieldErr("note.author.role", label, ErrSyntax, "unknown role")
}

// splitFields yields the fields of a note line: the text split at every
// "|" that is not escaped, each part trimmed of spaces.
func splitFields(s string) func(func(string) bool) {
	return func(yield func(string) bool) {
		start := 0
		for i := 0; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '|':
				if !yield(strings.Trim(s[start:i], " ")) {
					return
				}
				start = i + 1
			}
		}
		yield(strings.Trim(s[start:], " "))
	}
}

// unescape undoes appendEscaped; ok is false for a dangling backslash or a
// backslash before anything but "\" and "|".
func unescape(s string) (string, bool) {
	if strings.IndexByte(s, '\\') < 0 {
		return s, true
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' {
			if i+1 >= len(s) || (s[i+1] != '\\' && s[i+1] != '|') {
				return "", false
			}
			i++
			c = s[i]
		}
		b = append(b, c)
	}
	return string(b), true
}
