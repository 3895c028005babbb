package notes

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

// NoteDraft is a note as an agent's console sends it: what the note says,
// without who wrote it and when, which the backend stamps from its
// session and its clock with [NoteDraft.Stamp]. Because a draft has no
// author or time, a console cannot set them: JSON that carries "author"
// or "at" is refused as an unknown field.
//
// Its JSON form, with snake_case keys, is the note's without author and
// at:
//
//	{"flag":"red","kind":"address_change","reason":"买家来电改门牌号",
//	 "address":{"recipient":"张三","phone":"13812345678","province":"浙江省",
//	            "city":"杭州市","district":"西湖区","detail":"文三路14号"}}
//	{"flag":3,"kind":"refund","reason":"退运费","amount":"12.00"}
//
// The flag is a name or the platform's number 0–5; the amount is text or a
// number with at most two decimals. A hold is not drafted: it is the
// order's [order.Hold] event, and its note comes from [ApplyHold], so a
// draft of kind [KindHold] is refused.
type NoteDraft struct {
	Flag     Flag            `json:"flag"`
	Kind     Kind            `json:"kind"`
	Reason   string          `json:"reason"`
	Address  order.Address   `json:"address,omitzero"`
	SKU      string          `json:"sku,omitempty"`
	Quantity int             `json:"quantity,omitempty"`
	Amount   decimal.Decimal `json:"amount,omitzero"` // yuan, two decimals
}

// Stamp returns the note of the draft written by by at at, checked and
// canonical as by [NormalizeNote]; append it with [Policy.AppendNote]. A
// draft of kind [KindHold] wraps [ErrInvalidDetail]: holds and releases
// follow from the order's events ([ApplyHold]).
func (d NoteDraft) Stamp(by order.Agent, at time.Time) (Note, error) {
	if err := d.check(); err != nil {
		return Note{}, err
	}
	return NormalizeNote(d.note(by, at))
}

func (d NoteDraft) note(by order.Agent, at time.Time) Note {
	return Note{Flag: d.Flag, Kind: d.Kind, Reason: d.Reason, Address: d.Address, SKU: d.SKU,
		Quantity: d.Quantity, Amount: d.Amount, Author: by, At: at}
}

func (d NoteDraft) check() error {
	if d.Kind == KindHold {
		return fieldErr("note.kind", d.Kind.String(), ErrInvalidDetail,
			"a hold is the order's hold event: its note comes from ApplyHold")
	}
	return nil
}

type plainDraft NoteDraft

type draftJSON struct {
	plainDraft
	Amount json.RawMessage `json:"amount,omitempty"`
}

// MarshalJSON encodes d as documented on [NoteDraft], the amount as text
// with two decimals.
func (d NoteDraft) MarshalJSON() ([]byte, error) {
	return json.Marshal(draftJSON{plainDraft: plainDraft(d), Amount: amountJSON(d.Amount)})
}

// UnmarshalJSON decodes a draft strictly — a field a draft does not have,
// "author" and "at" included, is an [*Error] wrapping
// [order.ErrUnknownField] — and checks what a draft can say: the flag, the
// kind (not a hold), the reason and the details the kind requires (rule
// N1), returned canonical. On error d is left unchanged.
func (d *NoteDraft) UnmarshalJSON(b []byte) error {
	var w draftJSON
	if err := decodeValue("note", b, &w); err != nil {
		return err
	}
	v := NoteDraft(w.plainDraft)
	var err error
	if v.Amount, err = decodeAmount("note.amount", w.Amount); err != nil {
		return err
	}
	if err := v.check(); err != nil {
		return err
	}
	body, err := normalizeBody(v.note(order.Agent{}, time.Time{}))
	if err != nil {
		return err
	}
	*d = NoteDraft{Flag: body.Flag, Kind: body.Kind, Reason: body.Reason, Address: body.Address,
		SKU: body.SKU, Quantity: body.Quantity, Amount: body.Amount}
	return nil
}
