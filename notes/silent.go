package notes

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Task is one item of the silent-order checklist (rule O4). The zero value
// is not a task.
type Task uint8

// Tasks, in the order an agent does them.
const (
	TaskUnknown Task = iota
	// RemindGift: the buyer is online; remind them to add the gift the
	// order qualifies for.
	RemindGift
	// NoteSendGift: the buyer is offline; put a "send gift" note on the
	// order so the warehouse adds it ([Checklist.Notes] holds it).
	NoteSendGift
	// FixPostage: unpaid and charged more postage than the policy asks;
	// change the price now, in one go, so the buyer can pay at once (rules
	// S2, P4).
	FixPostage
	// RefundPostage: paid with too much postage; refund the difference
	// (rule S2; [Checklist.Notes] holds the refund note for finance).
	RefundPostage
	// TellCanPay: the order is unpaid; tell the buyer they can pay now.
	TellCanPay
	numTasks
)

var taskNames = []string{"", "remind_gift", "note_send_gift", "fix_postage", "refund_postage", "tell_can_pay"}

// String returns the snake_case name.
func (t Task) String() string { return enum.Name(taskNames, int(t), "Task") }

// IsValid reports whether t is a known task.
func (t Task) IsValid() bool { return t > TaskUnknown && t < numTasks }

// MarshalText returns the snake_case name.
func (t Task) MarshalText() ([]byte, error) {
	if !t.IsValid() {
		return nil, fieldErr("task", t.String(), ErrUnknownEnum, "")
	}
	return []byte(taskNames[t]), nil
}

// UnmarshalText accepts the snake_case names; an unknown name wraps
// [ErrUnknownEnum].
func (t *Task) UnmarshalText(b []byte) error {
	i, ok := enum.Index(taskNames, string(b))
	if !ok {
		return fieldErr("task", string(b), ErrUnknownEnum, "")
	}
	*t = Task(i)
	return nil
}

// Tasks is a set of [Task]s: an [order.Set], kefu's one set type. Its
// JSON form is a list of names (["remind_gift"]). The zero value is empty.
type Tasks = order.Set[Task]

// Item is a SKU and a quantity, e.g. the gift an order qualifies for.
type Item struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// SilentCheck is what the silent-order checklist needs beyond the order:
// facts the backend knows at the time of the check.
type SilentCheck struct {
	// BuyerOnline: the buyer is online in chat now.
	BuyerOnline bool `json:"buyer_online,omitempty"`
	// Gift is the gift the order qualifies for (from the shop's promotion
	// rules); zero when none.
	Gift Item `json:"gift,omitzero"`
	// Postage is the postage the shop's policy charges this order (e.g.
	// zero when it qualifies for free shipping, from package shipping);
	// JSON carries it as text ("0.00").
	Postage decimal.Decimal `json:"postage"`
	// Author writes the notes the checklist prepares; At is now.
	Author order.Agent `json:"author"`
	At     time.Time   `json:"at"`
	// Lang is the shop's language, in which the prepared notes' reasons
	// are written (the zero value is [order.SimplifiedChinese]; use the
	// [Policy]'s Lang).
	Lang order.Lang `json:"lang"`
}

type plainSilentCheck SilentCheck

type silentCheckJSON struct {
	plainSilentCheck
	Postage json.RawMessage `json:"postage"`
}

// MarshalJSON encodes the check with the postage as text with two
// decimals.
func (c SilentCheck) MarshalJSON() ([]byte, error) {
	p := amountJSON(c.Postage)
	if p == nil {
		p = json.RawMessage(`"0.00"`)
	}
	return json.Marshal(silentCheckJSON{plainSilentCheck(c), p})
}

// UnmarshalJSON decodes the check strictly (an unknown field is an
// [*Error] wrapping [order.ErrUnknownField]), the postage exact with at
// most two decimals, the author under the identity rule and a time
// required; [CheckSilent] checks the rest. On error c is unchanged.
func (c *SilentCheck) UnmarshalJSON(b []byte) error {
	var w silentCheckJSON
	if err := decodeValue("silent_check", b, &w); err != nil {
		return err
	}
	v := SilentCheck(w.plainSilentCheck)
	var err error
	if v.Postage, err = decodeAmount("postage", w.Postage); err != nil {
		return err
	}
	if v.Author, err = normalizeAgent("author", v.Author); err != nil {
		return err
	}
	if v.At.IsZero() {
		return fieldErr("at", "", ErrMissing, "when the check is made")
	}
	*c = v
	return nil
}

// Checklist is the outcome of the silent-order check: the tasks due and
// the notes prepared for the memo.
type Checklist struct {
	Tasks Tasks  `json:"tasks"`
	Notes []Note `json:"notes,omitempty"`
	// Overcharge is the postage charged beyond the policy, in yuan; zero
	// when none.
	Overcharge decimal.Decimal `json:"overcharge"`
}

type plainChecklist Checklist

type checklistJSON struct {
	plainChecklist
	Overcharge json.RawMessage `json:"overcharge"`
}

// MarshalJSON encodes the checklist with the overcharge as text with two
// decimals ("10.00", "0.00" when none).
func (c Checklist) MarshalJSON() ([]byte, error) {
	o := amountJSON(c.Overcharge)
	if o == nil {
		o = json.RawMessage(`"0.00"`)
	}
	return json.Marshal(checklistJSON{plainChecklist(c), o})
}

// UnmarshalJSON decodes a checklist strictly: an unknown field is an
// [*Error] wrapping [order.ErrUnknownField], the overcharge is exact with
// at most two decimals, each note is checked as [Note.UnmarshalJSON]
// does. On error c is unchanged.
func (c *Checklist) UnmarshalJSON(b []byte) error {
	var w checklistJSON
	if err := decodeValue("checklist", b, &w); err != nil {
		return err
	}
	v := Checklist(w.plainChecklist)
	var err error
	if v.Overcharge, err = decodeAmount("overcharge", w.Overcharge); err != nil {
		return err
	}
	*c = v
	return nil
}

// CheckSilent runs the silent-order checklist on o (rule O4): remind the
// buyer to add the gift (or, when the buyer is offline, prepare a "send
// gift" note), fix the postage (before payment) or refund the difference
// (after), and tell an unpaid buyer they can pay now.
//
// The reason of each prepared note is a fixed sentence of kefu's catalogs
// in in.Lang, chosen by the note's [Task] ([NoteSendGift],
// [RefundPostage]); the Task is the stable code a backend keys on, never
// the sentence. An unknown language wraps [ErrUnknownEnum].
//
// An order that is not silent, or no longer open, needs no checklist:
// the answer is the zero Checklist (no tasks, no notes), not an error, so
// a batch job can run the check over every order. A nil or zero order
// wraps [ErrMissing]; a bad gift, postage or author is an [*Error].
func CheckSilent(o *order.Order, in SilentCheck) (Checklist, error) {
	if o == nil || o.IsZero() {
		return Checklist{}, fieldErr("order", "", ErrMissing, "")
	}
	if !o.Silent() || !o.Status().Open() {
		return Checklist{}, nil
	}
	if !in.Lang.IsValid() {
		return Checklist{}, fieldErr("lang", in.Lang.String(), ErrUnknownEnum, "want zh-Hans, zh-Hant, en or es")
	}
	var out Checklist
	if in.Gift != (Item{}) {
		sku, err := normalizeSKU("gift.sku", in.Gift.SKU)
		if err != nil {
			return Checklist{}, err
		}
		if in.Gift.Quantity < 1 || in.Gift.Quantity > yuan.MaxQuantity {
			return Checklist{}, fieldErr("gift.quantity", itoa(in.Gift.Quantity), ErrInvalidDetail, "at least 1")
		}
		if l, ok := o.LineBySKU(sku); !ok || l.Quantity < in.Gift.Quantity {
			switch {
			case o.Status().Dispatched():
				// Too late for the gift to join the parcel.
			case in.BuyerOnline:
				out.Tasks = out.Tasks.With(RemindGift)
			default:
				n, err := NormalizeNote(Note{Flag: FlagYellow, Kind: KindGift, Reason: taskReason(NoteSendGift, in.Lang),
					SKU: sku, Quantity: in.Gift.Quantity, Author: in.Author, At: in.At})
				if err != nil {
					return Checklist{}, err
				}
				out.Tasks = out.Tasks.With(NoteSendGift)
				out.Notes = append(out.Notes, n)
			}
		}
	}
	due, ok := yuan.Fen(in.Postage)
	if !ok || due < 0 {
		return Checklist{}, fieldErr("postage", in.Postage.String(), ErrInvalidDetail, "a non-negative amount with at most two decimals")
	}
	charged := orderfen.Of(o).Postage
	if over := charged - due; over > 0 {
		out.Overcharge = yuan.Dec(over)
		if o.Status().AwaitsPayment() {
			out.Tasks = out.Tasks.With(FixPostage)
		} else {
			n, err := NormalizeNote(Note{Flag: FlagRed, Kind: KindRefund, Reason: taskReason(RefundPostage, in.Lang),
				Amount: out.Overcharge, Author: in.Author, At: in.At})
			if err != nil {
				return Checklist{}, err
			}
			out.Tasks = out.Tasks.With(RefundPostage)
			out.Notes = append(out.Notes, n)
		}
	} else {
		out.Overcharge = yuan.Dec(0)
	}
	if o.Status().AwaitsPayment() {
		out.Tasks = out.Tasks.With(TellCanPay)
	}
	return out, nil
}

func itoa(i int) string { return strconv.Itoa(i) }
