package notes

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Flag is the platform's memo flag (卖家备注旗帜). Its values are the
// platform's numbers, so a backend maps them one to one: 0 none (grey),
// 1 red, 2 yellow, 3 green, 4 blue, 5 purple. Unlike most kefu enums the
// zero value is meaningful: [FlagNone], no flag. The text form is
// snake_case ("red"); text and JSON also accept the platform's numbers (1
// or "1").
type Flag uint8

// Flags, numbered as the platform numbers them.
const (
	FlagNone Flag = iota
	FlagRed
	FlagYellow
	FlagGreen
	FlagBlue
	FlagPurple
	numFlags
)

var flagNames = []string{"none", "red", "yellow", "green", "blue", "purple"}

// ParseFlag returns the flag with the snake_case name s ("red"), or the
// flag the platform numbers s ("1", as seller_flag carries it); anything
// else is an error wrapping [ErrUnknownFlag].
func ParseFlag(s string) (Flag, error) {
	for i, n := range flagNames {
		if n == s {
			return Flag(i), nil
		}
	}
	if len(s) == 1 && s[0] >= '0' && s[0] < '0'+byte(numFlags) {
		return Flag(s[0] - '0'), nil
	}
	return 0, fieldErr("flag", s, ErrUnknownFlag, "want none, red, yellow, green, blue or purple, or 0 to 5")
}

// FlagOf returns the flag the platform numbers n; a number other than 0 to
// 5 is an error wrapping [ErrUnknownFlag].
func FlagOf(n int) (Flag, error) {
	if n < 0 || n >= int(numFlags) {
		return 0, fieldErr("flag", strconv.Itoa(n), ErrUnknownFlag, "the platform's flags are 0 to 5")
	}
	return Flag(n), nil
}

// String returns the snake_case name, or "Flag(N)" out of range.
func (f Flag) String() string { return enum.Name(flagNames, int(f), "Flag") }

// IsValid reports whether f is one of the platform's six flags.
func (f Flag) IsValid() bool { return f < numFlags }

// MarshalText returns the snake_case name; an invalid flag is an error.
func (f Flag) MarshalText() ([]byte, error) {
	if !f.IsValid() {
		return nil, fieldErr("flag", f.String(), ErrUnknownFlag, "")
	}
	return []byte(flagNames[f]), nil
}

// UnmarshalText accepts the snake_case names and the platform's numbers
// as text; see [ParseFlag].
func (f *Flag) UnmarshalText(b []byte) error {
	v, err := ParseFlag(string(b))
	if err != nil {
		return err
	}
	*f = v
	return nil
}

// UnmarshalJSON accepts a name ("red") or the platform's number, as a
// JSON number (1, as the open platform sends seller_flag) or as text
// ("1"). Anything else is an error wrapping [ErrUnknownFlag], and f is
// unchanged; null leaves f as it is.
func (f *Flag) UnmarshalJSON(b []byte) error {
	switch {
	case string(b) == "null":
		return nil
	case len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return jsonErr("flag", err)
		}
		return f.UnmarshalText([]byte(s))
	case len(b) == 1 && b[0] >= '0' && b[0] <= '9':
		v, err := FlagOf(int(b[0] - '0'))
		if err != nil {
			return err
		}
		*f = v
		return nil
	}
	return fieldErr("flag", string(b), ErrUnknownFlag, "want a flag name or the platform's number 0 to 5")
}

// Kind says what a note asks for, and so which details it must carry
// (rule N1). The zero value, [KindUnknown], is not a kind.
type Kind uint8

// Note kinds.
const (
	KindUnknown Kind = iota
	// KindAddressChange (改地址) carries the full new [order.Address].
	KindAddressChange
	// KindGift (送赠品) carries the SKU and quantity of the gift.
	KindGift
	// KindExchange (换货) carries the SKU and quantity to send instead.
	KindExchange
	// KindPostageFix (改邮费) carries the amount of postage changed.
	KindPostageFix
	// KindRefund (退款) carries the amount to refund.
	KindRefund
	// KindHold (暂停发货): the warehouse must not dispatch the order. A memo
	// is append-only, so a hold is lifted by a later KindHold note with
	// [Note.Release] set (恢复发货), never by deleting the first.
	KindHold
	// KindUrgent (加急): the order is to be dispatched first.
	KindUrgent
	// KindOther: anything else; the reason says what.
	KindOther
	numKinds
)

var kindNames = []string{"", "address_change", "gift", "exchange", "postage_fix", "refund", "hold", "urgent", "other"}

// Kinds returns every note kind.
func Kinds() []Kind {
	out := make([]Kind, 0, numKinds-1)
	for k := Kind(1); k < numKinds; k++ {
		out = append(out, k)
	}
	return out
}

// ParseKind returns the kind with the snake_case name s; an unknown name
// is an error wrapping [ErrUnknownKind].
func ParseKind(s string) (Kind, error) {
	if i, ok := enum.Index(kindNames, s); ok {
		return Kind(i), nil
	}
	return KindUnknown, fieldErr("kind", s, ErrUnknownKind, "")
}

// String returns the snake_case name, or "Kind(N)" out of range.
func (k Kind) String() string { return enum.Name(kindNames, int(k), "Kind") }

// IsValid reports whether k is a known kind.
func (k Kind) IsValid() bool { return k > KindUnknown && k < numKinds }

// MarshalText returns the snake_case name; an invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fieldErr("kind", k.String(), ErrUnknownKind, "")
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseKind].
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// needs reports which details a kind carries.
func (k Kind) needsAddress() bool { return k == KindAddressChange }
func (k Kind) needsItem() bool    { return k == KindGift || k == KindExchange }
func (k Kind) needsAmount() bool  { return k == KindPostageFix || k == KindRefund }

// Note is one structured entry of an order's memo (备注): the reason for
// the change, what changed, who changed it and when, under the shop's
// flag (rule N1). It is a plain value type; [NormalizeNote] checks it and
// returns its canonical form, the form [Note.Format] renders and
// [ParseNote] returns.
//
// Which details a note carries depends on its [Kind]: a [KindAddressChange]
// carries the complete new Address, even when only a house number changed;
// a [KindGift] or [KindExchange] carries SKU and Quantity; a [KindPostageFix] or
// [KindRefund] carries Amount; a [KindHold] note that lifts an earlier hold sets
// Release. Every other detail is empty.
//
// The zero Note is not valid. Notes with decimal amounts do not compare
// with ==; use [Note.Equal].
type Note struct {
	Flag     Flag            `json:"flag"`
	Kind     Kind            `json:"kind"`
	Reason   string          `json:"reason"`
	Address  order.Address   `json:"address,omitzero"`
	SKU      string          `json:"sku,omitempty"`
	Quantity int             `json:"quantity,omitempty"`
	Amount   decimal.Decimal `json:"amount,omitzero"`   // yuan, two decimals
	Release  bool            `json:"release,omitempty"` // KindHold only: the hold is lifted
	Author   order.Agent     `json:"author"`            // who wrote it: staff ID, name and role
	At       time.Time       `json:"at"`
}

// Maximum sizes, in bytes of normalised UTF-8.
const (
	maxReasonBytes = 300
	maxNameBytes   = 60
	// MemoLimit is the platform's limit on an order memo: 1000 bytes of
	// UTF-8, where a Chinese character takes 3 bytes.
	MemoLimit = 1000
)

// NormalizeNote checks n against rule N1 and returns its canonical form:
// text normalised (full-width folded, NFKC, single spaces), the address
// normalised, the SKU in canonical form, the amount with two decimals, and
// the time truncated to whole seconds (the precision of the text form).
//
// It is an [*Error] wrapping [ErrUnknownFlag], [ErrUnknownKind],
// [ErrMissing] (no reason, no author staff ID, name or role, no time),
// [ErrInvalidText] or [ErrInvalidDetail] (an address change whose address
// is not complete, a gift or exchange without SKU or with a quantity below
// 1, a money note without a positive amount, or a detail the kind does not
// carry, such as Release on a note that is not a [KindHold]). The error names
// what is missing.
func NormalizeNote(n Note) (Note, error) {
	out, err := normalizeBody(n)
	if err != nil {
		return Note{}, err
	}
	if out.Author, err = noteAuthor(n.Author); err != nil {
		return Note{}, err
	}
	if n.At.IsZero() {
		return Note{}, fieldErr("note.at", "", ErrMissing, "when the note was written")
	}
	if y := n.At.UTC().Year(); y < 1970 || y > 9998 {
		return Note{}, fieldErr("note.at", n.At.String(), ErrInvalidTime, "out of range")
	}
	out.At = n.At.Truncate(time.Second)
	return out, nil
}

// normalizeBody checks and normalises everything of a note but who wrote
// it and when: the flag, the kind, the reason and the details the kind
// requires (rule N1). A [NoteDraft] is a body.
func normalizeBody(n Note) (Note, error) {
	var out Note
	if !n.Flag.IsValid() {
		return Note{}, fieldErr("note.flag", n.Flag.String(), ErrUnknownFlag, "the platform's flags are 0 to 5")
	}
	if !n.Kind.IsValid() {
		return Note{}, fieldErr("note.kind", n.Kind.String(), ErrUnknownKind, "")
	}
	out.Flag, out.Kind = n.Flag, n.Kind
	var err error
	if out.Reason, err = requiredText("note.reason", n.Reason, maxReasonBytes); err != nil {
		return Note{}, err
	}

	// Address (rule N1: written out in full).
	switch {
	case n.Kind.needsAddress():
		if err := addressFits(n.Address); err != nil {
			return Note{}, err
		}
		a, err := order.NormalizeAddress(n.Address)
		if err != nil {
			return Note{}, causeErr("note.address", n.Address.String(), ErrInvalidDetail, "", err)
		}
		if err := a.CheckComplete(); err != nil {
			return Note{}, causeErr("note.address", a.String(), ErrInvalidDetail,
				"an address change carries the complete new address", err)
		}
		out.Address = a
	case n.Address != order.Address{}:
		if err := addressFits(n.Address); err != nil {
			return Note{}, err
		}
		return Note{}, fieldErr("note.address", n.Address.String(), ErrInvalidDetail, "only an address change carries an address")
	}

	// SKU and quantity (rule N1: names the SKU and the quantity).
	switch {
	case n.Kind.needsItem():
		if n.SKU == "" {
			return Note{}, fieldErr("note.sku", "", ErrInvalidDetail, "a "+n.Kind.String()+" note names the SKU")
		}
		sku, err := normalizeSKU("note.sku", n.SKU)
		if err != nil {
			return Note{}, err
		}
		if n.Quantity < 1 || n.Quantity > yuan.MaxQuantity {
			return Note{}, fieldErr("note.quantity", strconv.Itoa(n.Quantity), ErrInvalidDetail,
				"a "+n.Kind.String()+" note needs a quantity of at least 1")
		}
		out.SKU, out.Quantity = sku, n.Quantity
	case n.SKU != "":
		return Note{}, fieldErr("note.sku", n.SKU, ErrInvalidDetail, "a "+n.Kind.String()+" note carries no SKU")
	case n.Quantity != 0:
		return Note{}, fieldErr("note.quantity", strconv.Itoa(n.Quantity), ErrInvalidDetail, "a "+n.Kind.String()+" note carries no quantity")
	}

	// Money.
	switch {
	case n.Kind.needsAmount():
		fen, ok := yuan.Fen(n.Amount)
		switch {
		case !ok:
			return Note{}, causeErr("note.amount", yuan.Text(n.Amount), ErrInvalidDetail, "at most two decimals, in range", order.ErrInvalidAmount)
		case fen <= 0:
			return Note{}, causeErr("note.amount", yuan.Format(fen), ErrInvalidDetail, "a "+n.Kind.String()+" note carries a positive amount", order.ErrInvalidAmount)
		}
		out.Amount = yuan.Dec(fen)
	case !n.Amount.IsZero():
		return Note{}, fieldErr("note.amount", yuan.Text(n.Amount), ErrInvalidDetail, "a "+n.Kind.String()+" note carries no amount")
	}

	// Release: only a hold can be lifted.
	if n.Release && n.Kind != KindHold {
		return Note{}, fieldErr("note.release", "true", ErrInvalidDetail, "only a hold note lifts a hold")
	}
	out.Release = n.Release
	return out, nil
}

// Validate reports whether n is a valid note; see [NormalizeNote].
func (n Note) Validate() error {
	_, err := NormalizeNote(n)
	return err
}

// Equal reports whether n and m are the same note: equal fields, amounts
// equal as numbers and times the same instant.
func (n Note) Equal(m Note) bool {
	return n.Flag == m.Flag && n.Kind == m.Kind && n.Reason == m.Reason &&
		n.Address == m.Address && n.SKU == m.SKU && n.Quantity == m.Quantity &&
		n.Amount.Equal(m.Amount) && n.Release == m.Release && n.Author == m.Author && n.At.Equal(m.At)
}

// noteAuthor checks who wrote a note (rule N1: who changed it): an
// [order.Agent] under the identity rule, whose name a clerk can read —
// required, at most maxNameBytes.
func noteAuthor(a order.Agent) (order.Agent, error) {
	if !a.Role.IsValid() {
		return order.Agent{}, fieldErr("note.author.role", a.Role.String(), ErrMissing, "who wrote the note: a known role")
	}
	if _, err := requiredText("note.author.name", a.Name, maxNameBytes); err != nil {
		return order.Agent{}, err
	}
	return normalizeAgent("note.author", a)
}

// requiredText normalises a required one-line text of at most maxBytes
// (once normalised). Text longer than 4×maxBytes as given cannot
// normalise to maxBytes (width folding and NFKC never shrink text
// fourfold) and is refused before it is normalised, so a megabyte costs a
// length check.
func requiredText(field, s string, maxBytes int) (string, error) {
	if len(s) > rawBound(maxBytes) {
		return "", fieldErr(field, s, ErrInvalidText, "longer than "+strconv.Itoa(maxBytes)+" bytes")
	}
	v, ok := textnorm.Line(s)
	switch {
	case !ok:
		return "", fieldErr(field, s, ErrInvalidText, "not valid UTF-8")
	case v == "":
		return "", fieldErr(field, s, ErrMissing, "")
	case len(v) > maxBytes:
		return "", fieldErr(field, s, ErrInvalidText, "longer than "+strconv.Itoa(maxBytes)+" bytes")
	}
	return v, nil
}

// rawBound is the most bytes a text given may have and still normalise
// to maxBytes.
func rawBound(maxBytes int) int { return 4 * maxBytes }

// Bounds of the details package order normalises, in bytes once
// normalised (order's own limits).
const (
	maxAddressPartBytes = 300 // the longest address part (the street detail)
	maxSKUBytes         = 64
)

// addressFits refuses an address with a part longer than any address part
// can be once normalised, before package order normalises it.
func addressFits(a order.Address) error {
	for _, part := range [...]string{a.Recipient, a.Phone, a.Province, a.City, a.District, a.Detail} {
		if len(part) > rawBound(maxAddressPartBytes) {
			return causeErr("note.address", a.String(), ErrInvalidDetail,
				"an address part is longer than "+strconv.Itoa(maxAddressPartBytes)+" bytes", order.ErrInvalidText)
		}
	}
	return nil
}

// normalizeSKU is [order.NormalizeSKU] behind a length check; an error
// wraps [ErrInvalidDetail] and order's sentinel.
func normalizeSKU(field, s string) (string, error) {
	if len(s) > rawBound(maxSKUBytes) {
		return "", causeErr(field, s, ErrInvalidDetail, "longer than "+strconv.Itoa(maxSKUBytes)+" bytes", order.ErrInvalidSKU)
	}
	sku, err := order.NormalizeSKU(s)
	if err != nil {
		return "", causeErr(field, s, ErrInvalidDetail, "", err)
	}
	return sku, nil
}

// plainNote is Note without its methods, for encoding.
type plainNote Note

// noteJSON is a Note whose amount is text with two decimals, as the
// platform carries money ("12.00").
type noteJSON struct {
	plainNote
	Amount json.RawMessage `json:"amount,omitempty"`
}

// MarshalJSON encodes n with its amount as text with two decimals and its
// enums as snake_case names:
//
//	{"flag":"green","kind":"refund","reason":"…","amount":"12.00",
//	 "author":{"id":"kf-wang","name":"王五","role":"after_sales"},"at":"2026-11-25T14:03:05+08:00"}
//
// It does not validate n.
func (n Note) MarshalJSON() ([]byte, error) {
	return json.Marshal(noteJSON{plainNote: plainNote(n), Amount: amountJSON(n.Amount)})
}

// UnmarshalJSON decodes a whole note — the form a backend stores — and
// checks it with [NormalizeNote]. Decoding is strict: a field a note does
// not have is an [*Error] wrapping [order.ErrUnknownField] that names it;
// the amount is exact text or a number with at most two decimals; the
// flag is a name or the platform's number 0–5. On error n is left
// unchanged. A note a console sends, without author and time, is a
// [NoteDraft].
func (n *Note) UnmarshalJSON(b []byte) error {
	var w noteJSON
	if err := decodeValue("note", b, &w); err != nil {
		return agentField("note.author", err)
	}
	v := Note(w.plainNote)
	var err error
	if v.Amount, err = decodeAmount("note.amount", w.Amount); err != nil {
		return err
	}
	c, err := NormalizeNote(v)
	if err != nil {
		return err
	}
	*n = c
	return nil
}
