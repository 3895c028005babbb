package notes

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/kefu-go/kefu/order"
)

// Memo is an order's seller memo (卖家备注) as the platform stores it: one
// text of at most [MemoLimit] bytes of UTF-8, holding one note per line,
// and one flag. kefu appends notes and never rewrites what is already
// there, so a note an agent wrote by hand survives byte for byte (rule N1).
//
// Memo is an immutable value: [Memo.Append] returns a new memo. Store
// [Memo.Text] and [Memo.Flag] with the order, or the memo's JSON,
// {"text":"…","flag":"red"}. The zero Memo is empty and valid.
type Memo struct {
	text string
	flag Flag
}

// NewMemo wraps a memo read from the platform. Text longer than
// [MemoLimit] bytes wraps [ErrMemoTooLong] — checked first, so a hostile
// megabyte costs a length check; text that is not valid UTF-8 wraps
// [ErrInvalidText]; an unknown flag wraps [ErrUnknownFlag]. The text is
// kept as given, not normalised: it is the platform's record.
func NewMemo(text string, flag Flag) (Memo, error) {
	if len(text) > MemoLimit {
		return Memo{}, fieldErr("memo", "", ErrMemoTooLong, strconv.Itoa(len(text))+" bytes")
	}
	if !utf8.ValidString(text) {
		return Memo{}, fieldErr("memo", text, ErrInvalidText, "not valid UTF-8")
	}
	if !flag.IsValid() {
		return Memo{}, fieldErr("memo.flag", flag.String(), ErrUnknownFlag, "")
	}
	return Memo{text: text, flag: flag}, nil
}

// Text returns the memo text, as the platform will store it.
func (m Memo) Text() string { return m.text }

// Flag returns the memo's flag: the flag of the last note appended, or the
// flag the memo was read with.
func (m Memo) Flag() Flag { return m.flag }

// Len returns the memo's length in bytes of UTF-8, the unit of the
// platform's limit.
func (m Memo) Len() int { return len(m.text) }

// Append returns m with n added on a new line (a memo that already ends
// with a line break gets no empty line), rendered with [Note.Format] in
// lang with times in loc, and with the memo's flag set to the note's, and
// the decision [order.Allowed]. Earlier text is never changed (rule N1).
//
// A memo that is full is a business outcome, not an error: when the note
// would take the memo past [MemoLimit] bytes, Append returns m unchanged
// and a decision [order.Refused] for [MemoFull] — the platform would cut
// the memo, and a cut note is a misread note. Nothing is ever truncated;
// [Memo.Room] says how many bytes are left.
//
// n is checked with [NormalizeNote] first: a malformed note is an error,
// and so is a language that is not one of the four ([ErrUnknownEnum]); m
// is returned unchanged then.
func (m Memo) Append(n Note, lang order.Lang, loc *time.Location) (Memo, Decision, error) {
	if !lang.IsValid() {
		return m, Decision{}, fieldErr("lang", lang.String(), ErrUnknownEnum, "want zh-Hans, zh-Hant, en or es")
	}
	c, err := NormalizeNote(n)
	if err != nil {
		return m, Decision{}, err
	}
	var buf [MemoLimit + 1]byte
	b := buf[:0]
	if m.text != "" && !strings.HasSuffix(m.text, "\n") {
		b = append(b, '\n')
	}
	b = c.AppendFormat(b, lang, loc)
	if len(m.text)+len(b) > MemoLimit {
		return m, decide(ReasonSet(0).With(MemoFull)), nil
	}
	return Memo{text: m.text + string(b), flag: c.Flag}, decide(0), nil
}

// Room returns how many bytes of UTF-8 the memo can still take before
// [MemoLimit].
func (m Memo) Room() int { return max(0, MemoLimit-len(m.text)) }

// Notes returns the notes in the memo, oldest first, and the lines that
// are not notes in kefu's canonical form (hand-written text), in order.
// It does not fail: a line is either a note or other text.
func (m Memo) Notes() (notes []Note, other []string) {
	for line := range strings.Lines(m.text) {
		line = strings.TrimRight(line, "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if n, err := ParseNote(line); err == nil {
			notes = append(notes, n)
		} else {
			other = append(other, line)
		}
	}
	return notes, other
}

// memoJSON is the stored form of a memo.
type memoJSON struct {
	Text string `json:"text"`
	Flag Flag   `json:"flag"`
}

// MarshalJSON encodes the memo as the platform stores it:
// {"text":"…","flag":"red"}.
func (m Memo) MarshalJSON() ([]byte, error) { return json.Marshal(memoJSON{m.text, m.flag}) }

// UnmarshalJSON decodes {"text":"…","flag":"red"} strictly (an unknown
// field is an [*Error] wrapping [order.ErrUnknownField]) and checks it as
// [NewMemo] does; the flag may be the platform's number (seller_flag 0–5).
// On error m is unchanged.
func (m *Memo) UnmarshalJSON(b []byte) error {
	var w memoJSON
	if err := decodeValue("memo", b, &w); err != nil {
		return err
	}
	v, err := NewMemo(w.Text, w.Flag)
	if err != nil {
		return err
	}
	*m = v
	return nil
}

// Urgent reports whether the memo holds a note of kind [KindUrgent].
func (m Memo) Urgent() bool {
	ns, _ := m.Notes()
	for _, n := range ns {
		if n.Kind == KindUrgent {
			return true
		}
	}
	return false
}

// AppendNote appends n to m in the policy's language, with times in the
// policy's zone; see [Memo.Append] (a full memo is a refused decision, not
// an error). An invalid policy wraps [ErrInvalidPolicy].
func (p Policy) AppendNote(m Memo, n Note) (Memo, Decision, error) {
	c, err := p.compile()
	if err != nil {
		return m, Decision{}, err
	}
	return m.Append(n, p.Lang, c.loc)
}
