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

// Lang is the language a note is written in: the shop's language, the one
// its warehouse clerks read. The zero value is [Chinese] (Simplified), the
// language of a Taobao shop's back office.
type Lang uint8

// Languages of the canonical note text.
const (
	Chinese Lang = iota // Simplified Chinese: 【改地址】旗:红 | 原因:…
	English             // English: [address_change] flag:red | reason:…
	numLangs
)

var langNames = []string{"zh-Hans", "en"}

// String returns the BCP 47 tag, "zh-Hans" or "en".
func (l Lang) String() string { return enum.Name(langNames, int(l), "Lang") }

// IsValid reports whether l is a known language.
func (l Lang) IsValid() bool { return l < numLangs }

// MarshalText returns the BCP 47 tag.
func (l Lang) MarshalText() ([]byte, error) {
	if !l.IsValid() {
		return nil, fieldErr("lang", l.String(), ErrUnknownEnum, "")
	}
	return []byte(langNames[l]), nil
}

// UnmarshalText accepts "zh-Hans" (or "zh") and "en".
func (l *Lang) UnmarshalText(b []byte) error {
	switch string(b) {
	case "zh-Hans", "zh", "zh-CN":
		*l = Chinese
	case "en":
		*l = English
	default:
		return fieldErr("lang", string(b), ErrUnknownEnum, "want zh-Hans or en")
	}
	return nil
}

// labels is the vocabulary of the canonical text in one language.
type labels struct {
	open, close string
	kinds       [numKinds]string
	release     string // the header of a KindHold note with Release set
	flags       [numFlags]string
	roles       []string // indexed by order.Role
	// tasks are the reasons of the notes [CheckSilent] prepares, by task
	tasks [numTasks]string
	// field labels, in the order they are written
	flag, reason, address, sku, qty, amount, author, staffID, at string
}

var vocab = [numLangs]labels{
	Chinese: {
		open: "【", close: "】",
		kinds:   [numKinds]string{"", "改地址", "送赠品", "换货", "改邮费", "退款", "暂停发货", "加急", "其他"},
		release: "恢复发货",
		flags:   [numFlags]string{"无", "红", "黄", "绿", "蓝", "紫"},
		roles:   []string{"", "售前", "售中", "售后", "中差评", "组长", "店长"},
		flag:    "旗", reason: "原因", address: "新地址", sku: "货号", qty: "数量",
		amount: "金额", author: "经办", staffID: "工号", at: "时间",
		tasks: [numTasks]string{
			NoteSendGift:  "静默下单,买家不在线,随单送赠品",
			RefundPostage: "静默下单符合包邮条件,多收运费,退差价",
		},
	},
	English: {
		open: "[", close: "]",
		kinds:   [numKinds]string(kindNames),
		release: "release_hold",
		flags:   [numFlags]string(flagNames),
		roles:   []string{"", "pre_sales", "in_sales", "after_sales", "review_handling", "team_leader", "store_manager"},
		flag:    "flag", reason: "reason", address: "address", sku: "sku", qty: "qty",
		amount: "amount", author: "by", staffID: "staff_id", at: "at",
		tasks: [numTasks]string{
			NoteSendGift:  "silent order, buyer offline: send the gift with the parcel",
			RefundPostage: "silent order qualified for free shipping, postage overcharged: refund the difference",
		},
	},
}

// timeLayout is how a note writes its time: to the second, with the UTC
// offset, so the text names one instant whatever the reader's zone.
const timeLayout = "2006-01-02 15:04:05 -07:00"

// Format renders n as one line a warehouse clerk can act on, in language
// lang, with the time shown in loc (nil means UTC; so does a zone whose
// offset at that time is not whole minutes, which the text cannot
// carry). The fields come in a fixed order, separated by " | "; "|" and
// "\" inside free text are escaped with a backslash. A [KindHold] note with Release set has its own
// header, 【恢复发货】 or [release_hold], so that nobody reads it as a
// hold. In Chinese:
//
//	【改地址】旗:红 | 原因:买家搬家 | 新地址:张三,13812345678,浙江省,杭州市,西湖区,文三路12号 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00
//
// The author is written as a clerk knows them, name and role, followed by
// their staff ID (工号, staff_id), the identity the note keeps. n should be canonical (see [NormalizeNote]); [ParseNote] then reads the
// line back to an equal note. Format renders whatever it is given and does
// not validate.
func (n Note) Format(lang Lang, loc *time.Location) string {
	return string(n.AppendFormat(make([]byte, 0, 256), lang, loc))
}

// String renders n in Chinese with times in China Standard Time; see
// [Note.Format].
func (n Note) String() string { return n.Format(Chinese, cst) }

var cst = time.FixedZone("CST", 8*60*60)

// AppendFormat appends the text of [Note.Format] to dst.
func (n Note) AppendFormat(dst []byte, lang Lang, loc *time.Location) []byte {
	if !lang.IsValid() {
		lang = Chinese
	}
	v := &vocab[lang]
	dst = append(dst, v.open...)
	if n.Kind == KindHold && n.Release {
		dst = append(dst, v.release...)
	} else {
		dst = appendName(dst, v.kinds[:], int(n.Kind), "Kind")
	}
	dst = append(dst, v.close...)
	if lang == English {
		dst = append(dst, ' ')
	}
	dst = appendField(dst, v.flag, true)
	dst = appendName(dst, v.flags[:], int(n.Flag), "Flag")
	dst = appendField(dst, v.reason, false)
	dst = appendEscaped(dst, n.Reason)
	if n.Kind.needsAddress() {
		dst = appendField(dst, v.address, false)
		a := &n.Address
		for i, part := range [...]string{a.Recipient, a.Phone, a.Province, a.City, a.District, a.Detail} {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendEscaped(dst, part)
		}
	}
	if n.Kind.needsItem() {
		dst = appendField(dst, v.sku, false)
		dst = appendEscaped(dst, n.SKU)
		dst = appendField(dst, v.qty, false)
		dst = strconv.AppendInt(dst, int64(n.Quantity), 10)
	}
	if n.Kind.needsAmount() {
		dst = appendField(dst, v.amount, false)
		if fen, ok := yuan.Fen(n.Amount); ok {
			dst = yuan.AppendFormat(dst, fen)
		} else {
			dst = append(dst, n.Amount.String()...)
		}
	}
	dst = appendField(dst, v.author, false)
	dst = appendEscaped(dst, n.Author.Name)
	if lang == English {
		dst = append(dst, ' ')
	}
	dst = append(dst, '(')
	dst = appendName(dst, v.roles, int(n.Author.Role), "Role")
	dst = append(dst, ')')
	dst = appendField(dst, v.staffID, false)
	dst = appendEscaped(dst, n.Author.ID)
	dst = appendField(dst, v.at, false)
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

func appendName(dst []byte, names []string, i int, typ string) []byte {
	if i >= 0 && i < len(names) && names[i] != "" {
		return append(dst, names[i]...)
	}
	return append(dst, enum.Name(nil, i, typ)...)
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

// ParseNote reads one note in the canonical text form of [Note.Format], in
// either language, and returns it normalised as by [NormalizeNote]. The
// line is normalised first, so full-width colons and brackets typed by
// hand are accepted; fields may come in any order, each at most once.
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
	var v *labels
	var lang Lang
	for l := range numLangs {
		if strings.HasPrefix(line, vocab[l].open) {
			v, lang = &vocab[l], l
			break
		}
	}
	if v == nil {
		return Note{}, fieldErr("note", s, ErrSyntax, "want a kind in "+vocab[Chinese].open+vocab[Chinese].close+" or []")
	}
	rest := line[len(v.open):]
	end := strings.Index(rest, v.close)
	if end < 0 {
		return Note{}, fieldErr("note", s, ErrSyntax, "the kind is not closed with "+v.close)
	}
	var n Note
	if rest[:end] == v.release {
		n.Kind, n.Release = KindHold, true
	} else {
		kind, ok := lookup(v.kinds[:], rest[:end])
		if !ok || kind == 0 {
			return Note{}, fieldErr("note.kind", rest[:end], ErrUnknownKind, "")
		}
		n.Kind = Kind(kind)
	}
	var seen [9]bool
	var address, amount, qty string
	for part := range splitFields(rest[end+len(v.close):]) {
		label, raw, found := strings.Cut(part, ":")
		if !found {
			return Note{}, fieldErr("note", part, ErrSyntax, "a field is label:value")
		}
		val, ok := unescape(raw)
		if !ok {
			return Note{}, fieldErr("note", part, ErrSyntax, "a backslash escapes only \\ and |")
		}
		idx := -1
		for i, l := range [...]string{v.flag, v.reason, v.address, v.sku, v.qty, v.amount, v.author, v.at, v.staffID} {
			if label == l {
				idx = i
			}
		}
		if idx < 0 {
			return Note{}, fieldErr("note", label, ErrSyntax, "unknown field")
		}
		if seen[idx] {
			return Note{}, fieldErr("note", label, ErrSyntax, "field given twice")
		}
		seen[idx] = true
		switch idx {
		case 0:
			f, ok := lookup(v.flags[:], val)
			if !ok {
				return Note{}, fieldErr("note.flag", val, ErrUnknownFlag, "")
			}
			n.Flag = Flag(f)
		case 1:
			n.Reason = val
		case 2:
			address = val
		case 3:
			n.SKU = val
		case 4:
			qty = val
		case 5:
			amount = val
		case 6:
			name, role, err := parseAuthor(val, v, lang)
			if err != nil {
				return Note{}, err
			}
			n.Author.Name, n.Author.Role = name, role
		case 7:
			t, err := time.Parse(timeLayout, val)
			if err != nil {
				return Note{}, fieldErr("note.at", val, ErrSyntax, "want "+timeLayout)
			}
			n.At = t
		case 8:
			n.Author.ID = val
		}
	}
	if !seen[0] {
		return Note{}, fieldErr("note.flag", "", ErrSyntax, "no "+v.flag+" field")
	}
	if seen[2] {
		a, err := order.ParseAddress(address)
		if err != nil {
			return Note{}, causeErr("note.address", address, ErrInvalidDetail, "", err)
		}
		n.Address = a
	}
	if seen[4] {
		q, err := strconv.Atoi(qty)
		if err != nil {
			return Note{}, fieldErr("note.quantity", qty, ErrSyntax, "not a whole number")
		}
		n.Quantity = q
	}
	if seen[5] {
		fen, p := yuan.Parse(amount)
		if p != yuan.OK {
			return Note{}, fieldErr("note.amount", amount, ErrSyntax, p.Detail())
		}
		n.Amount = yuan.Dec(fen)
	}
	return NormalizeNote(n)
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

// parseAuthor reads "name(role)" (Chinese) or "name (role)" (English).
func parseAuthor(val string, v *labels, lang Lang) (string, order.Role, error) {
	i := strings.LastIndexByte(val, '(')
	if i < 0 || !strings.HasSuffix(val, ")") {
		return "", 0, fieldErr("note.author", val, ErrSyntax, "want name(role)")
	}
	name := val[:i]
	if lang == English {
		name = strings.TrimSuffix(name, " ")
	}
	r, ok := lookup(v.roles, val[i+1:len(val)-1])
	if !ok || r == 0 {
		return "", 0, fieldErr("note.author.role", val[i+1:len(val)-1], ErrSyntax, "unknown role")
	}
	return name, order.Role(r), nil
}

func lookup(names []string, s string) (int, bool) {
	for i, n := range names {
		if n == s && (n != "" || i > 0) {
			return i, true
		}
	}
	return 0, false
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
