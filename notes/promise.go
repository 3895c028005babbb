package notes

import (
	"time"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// PromiseKind is what an agent promised a buyer (rule N3). The zero value
// is not a kind.
type PromiseKind uint8

// Promise kinds.
const (
	PromiseKindUnknown PromiseKind = iota
	// DispatchBy: the order leaves the warehouse by Due (rule S6). Kept
	// only when the parcel is outbound, not when the waybill is printed.
	DispatchBy
	// RefundBy: a refund is made by Due (rule R6).
	RefundBy
	// Reship: a replacement (Item) leaves the warehouse by Due (rule S8).
	Reship
	// SendGift: a gift (Item) leaves the warehouse by Due.
	SendGift
	// CallBack: an agent calls the buyer back by Due (rule N4).
	CallBack
	// DeliverBy: delivery on or by a date. Never promised (rules S6, S8):
	// [Policy.MakePromise] always refuses it with [ExactDeliveryDate]. It
	// exists so a backend can ask, and be told no.
	DeliverBy
	numPromiseKinds
)

var promiseKindNames = []string{"", "dispatch_by", "refund_by", "reship", "send_gift", "call_back", "deliver_by"}

// String returns the snake_case name.
func (k PromiseKind) String() string { return enum.Name(promiseKindNames, int(k), "PromiseKind") }

// IsValid reports whether k is a known kind.
func (k PromiseKind) IsValid() bool { return k > PromiseKindUnknown && k < numPromiseKinds }

// MarshalText returns the snake_case name.
func (k PromiseKind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fieldErr("promise.kind", k.String(), ErrUnknownEnum, "")
	}
	return []byte(promiseKindNames[k]), nil
}

// UnmarshalText accepts the snake_case names.
func (k *PromiseKind) UnmarshalText(b []byte) error {
	i, ok := enum.Index(promiseKindNames, string(b))
	if !ok {
		return fieldErr("promise.kind", string(b), ErrUnknownEnum, "")
	}
	*k = PromiseKind(i)
	return nil
}

// ships reports whether keeping a promise of kind k means a parcel
// leaving the warehouse.
func (k PromiseKind) ships() bool { return k == DispatchBy || k == Reship || k == SendGift }

// needsItem reports whether k names an item.
func (k PromiseKind) needsItem() bool { return k == Reship || k == SendGift }

// Promise is a promise made to a buyer: what, to which buyer, for which
// order, due when, made by whom and when, and how it ended (rule N3). It
// is a plain value the backend stores; [Promise.Fulfil] and [Promise.Break]
// return new values. Build one with [Policy.MakePromise], which refuses
// promises that cannot be kept.
//
// A promise is open until settled: DoneAt is when it was fulfilled,
// BrokenAt when it was given up. [Promise.State] says where it stands at a
// moment.
type Promise struct {
	ID       string      `json:"id"`
	Kind     PromiseKind `json:"kind"`
	BuyerID  string      `json:"buyer_id"`
	OrderID  string      `json:"order_id"`
	Item     Item        `json:"item,omitzero"` // for Reship and SendGift
	Due      time.Time   `json:"due"`
	MadeBy   order.Agent `json:"made_by"`
	MadeAt   time.Time   `json:"made_at"`
	DoneAt   time.Time   `json:"done_at,omitzero"`
	BrokenAt time.Time   `json:"broken_at,omitzero"`
}

// Settled reports whether p was fulfilled or given up.
func (p Promise) Settled() bool { return !p.DoneAt.IsZero() || !p.BrokenAt.IsZero() }

// PromiseState is where a promise stands at a moment. The zero value is
// no state.
type PromiseState uint8

// Promise states.
const (
	PromiseStateUnknown PromiseState = iota
	// Open: not settled, not due soon.
	Open
	// DueSoon: not settled, due within the policy's window.
	DueSoon
	// Overdue: not settled and past due: act now. Settled late, it will
	// count as broken.
	Overdue
	// Kept: fulfilled at or before the due time.
	Kept
	// Broken: fulfilled after the due time, or given up.
	Broken
	numPromiseStates
)

var promiseStateNames = []string{"", "open", "due_soon", "overdue", "kept", "broken"}

// String returns the snake_case name.
func (s PromiseState) String() string { return enum.Name(promiseStateNames, int(s), "PromiseState") }

// MarshalText returns the snake_case name.
func (s PromiseState) MarshalText() ([]byte, error) {
	if s <= PromiseStateUnknown || s >= numPromiseStates {
		return nil, fieldErr("promise.state", s.String(), ErrUnknownEnum, "")
	}
	return []byte(promiseStateNames[s]), nil
}

// UnmarshalText accepts the snake_case names; an unknown name wraps
// [ErrUnknownEnum].
func (s *PromiseState) UnmarshalText(b []byte) error {
	i, ok := enum.Index(promiseStateNames, string(b))
	if !ok {
		return fieldErr("promise.state", string(b), ErrUnknownEnum, "")
	}
	*s = PromiseState(i)
	return nil
}

// State returns where p stands at now, with soon the "due soon" window
// (see [Policy.DueSoon]). Settled promises are [Kept] or [Broken]
// whatever now is.
func (p Promise) State(now time.Time, soon time.Duration) PromiseState {
	switch {
	case !p.BrokenAt.IsZero():
		return Broken
	case !p.DoneAt.IsZero():
		if p.DoneAt.After(p.Due) {
			return Broken
		}
		return Kept
	case now.After(p.Due):
		return Overdue
	case !now.Add(soon).Before(p.Due):
		return DueSoon
	}
	return Open
}

// Fulfilment is evidence that a promise was acted on: when, and for
// promises that ship goods, how far the parcel had got.
type Fulfilment struct {
	At    time.Time      `json:"at"`
	Stage shipping.Stage `json:"stage,omitzero"` // for DispatchBy, Reship, SendGift
}

type plainFulfilment Fulfilment

// UnmarshalJSON decodes {"at":"…","stage":"outbound"} strictly: an
// unknown field is an [*Error] wrapping [order.ErrUnknownField]. On error f
// is unchanged; [Promise.Fulfil] checks the evidence.
func (f *Fulfilment) UnmarshalJSON(b []byte) error {
	var w plainFulfilment
	if err := decodeValue("fulfilment", b, &w); err != nil {
		return err
	}
	*f = Fulfilment(w)
	return nil
}

// Fulfil returns p settled by f, or p unchanged when f does not fulfil it.
// A promise that ships goods is fulfilled only by a parcel that is
// [shipping.Outbound]: a printed waybill or picked goods can still stay in
// the warehouse (rules N3, S7), so such evidence leaves p open. Settled
// after its due time, the promise is [Broken].
//
// Settling twice wraps [ErrAlreadySettled]; a promise of no known kind
// wraps [ErrUnknownEnum]; a missing time or stage wraps
// [ErrMissing] or [ErrUnknownEnum]; a time before the promise was made
// wraps [ErrInvalidTime]. On error p is returned unchanged.
func (p Promise) Fulfil(f Fulfilment) (Promise, error) {
	if p.Settled() {
		return p, fieldErr("promise", p.ID, ErrAlreadySettled, "")
	}
	if !p.Kind.IsValid() {
		return p, fieldErr("promise.kind", p.Kind.String(), ErrUnknownEnum, "")
	}
	if f.At.IsZero() {
		return p, fieldErr("fulfilment.at", "", ErrMissing, "")
	}
	if f.At.Before(p.MadeAt) {
		return p, fieldErr("fulfilment.at", f.At.String(), ErrInvalidTime, "before the promise was made")
	}
	if p.Kind.ships() {
		if !f.Stage.IsValid() {
			return p, fieldErr("fulfilment.stage", f.Stage.String(), ErrUnknownEnum, "how far the parcel got")
		}
		if !leftWarehouse(f.Stage) {
			return p, nil
		}
	}
	p.DoneAt = f.At
	return p, nil
}

// Break returns p given up at at: it will not be kept (e.g. the buyer
// cancelled and was refunded instead). It counts as [Broken]. Settling
// twice wraps [ErrAlreadySettled]; a promise of no known kind wraps
// [ErrUnknownEnum]; a time before the promise was made wraps
// [ErrInvalidTime]. On error p is returned unchanged.
func (p Promise) Break(at time.Time) (Promise, error) {
	if p.Settled() {
		return p, fieldErr("promise", p.ID, ErrAlreadySettled, "")
	}
	if !p.Kind.IsValid() {
		return p, fieldErr("promise.kind", p.Kind.String(), ErrUnknownEnum, "")
	}
	if at.IsZero() || at.Before(p.MadeAt) {
		return p, fieldErr("promise.broken_at", at.String(), ErrInvalidTime, "not before the promise was made")
	}
	p.BrokenAt = at
	return p, nil
}

// validatePromise checks a promise's own fields (not whether it can be
// kept; that is [Policy.MakePromise]).
func validatePromise(p Promise) (Promise, error) {
	var err error
	out := p
	if out.ID, err = canonicalID("promise.id", p.ID); err != nil {
		return Promise{}, err
	}
	if !p.Kind.IsValid() {
		return Promise{}, fieldErr("promise.kind", p.Kind.String(), ErrUnknownEnum, "")
	}
	// The identity rule where IDs enter: the buyer, the order and the
	// agent who made the promise are compared canonically from here on.
	if out.BuyerID, err = canonicalID("promise.buyer_id", p.BuyerID); err != nil {
		return Promise{}, err
	}
	if out.OrderID, err = canonicalID("promise.order_id", p.OrderID); err != nil {
		return Promise{}, err
	}
	if out.MadeBy, err = normalizeAgent("promise.made_by", p.MadeBy); err != nil {
		return Promise{}, err
	}
	if p.MadeAt.IsZero() {
		return Promise{}, fieldErr("promise.made_at", "", ErrMissing, "")
	}
	if p.Due.IsZero() {
		return Promise{}, fieldErr("promise.due", "", ErrMissing, "")
	}
	if p.Kind.needsItem() {
		sku, err := normalizeSKU("promise.item.sku", p.Item.SKU)
		if err != nil {
			return Promise{}, err
		}
		if p.Item.Quantity < 1 || p.Item.Quantity > yuan.MaxQuantity {
			return Promise{}, fieldErr("promise.item.quantity", itoa(p.Item.Quantity), ErrInvalidDetail, "at least 1")
		}
		out.Item.SKU = sku
	} else if p.Item != (Item{}) {
		return Promise{}, fieldErr("promise.item", p.Item.SKU, ErrInvalidDetail, "a "+p.Kind.String()+" promise names no item")
	}
	if !p.DoneAt.IsZero() && !p.BrokenAt.IsZero() {
		return Promise{}, fieldErr("promise.broken_at", p.BrokenAt.String(), ErrInvalidTime, "a promise is either kept or broken")
	}
	return out, nil
}

// plainPromise is Promise without its methods, for decoding.
type plainPromise Promise

// UnmarshalJSON decodes a stored promise strictly (an unknown field is an
// [*Error] wrapping [order.ErrUnknownField] that names it) and checks it
// as [NewLedger] does, IDs and agent under the identity rule. Malformed
// state is an error; on error p is unchanged. A promise a console asks
// for is a [PromiseDraft].
func (p *Promise) UnmarshalJSON(b []byte) error {
	var w plainPromise
	if err := decodeValue("promise", b, &w); err != nil {
		return agentField("promise.made_by", err)
	}
	v, err := validatePromise(Promise(w))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// PromiseDraft is a promise as an agent's console asks for it: what, for
// which order, due when — without who makes it and when, which the
// backend stamps from its session and its clock with [PromiseDraft.Stamp]
// before [Policy.MakePromise]. "made_by", "made_at" and the settlement
// fields are unknown fields of a draft. Its JSON form:
//
//	{"id":"p-1","kind":"dispatch_by","order_id":"T1001"}
//	{"id":"p-2","kind":"send_gift","order_id":"T1001","item":{"sku":"GIFT-01","quantity":1},"due":"2026-11-27T23:59:59+08:00"}
//
// order_id and buyer_id default to the order checked; a goods promise
// without "due" gets the shipping policy's.
type PromiseDraft struct {
	ID      string      `json:"id"`
	Kind    PromiseKind `json:"kind"`
	OrderID string      `json:"order_id,omitempty"`
	BuyerID string      `json:"buyer_id,omitempty"`
	Item    Item        `json:"item,omitzero"`
	Due     time.Time   `json:"due,omitzero"`
}

// Stamp returns the promise of the draft made by by at at, for
// [Policy.MakePromise], which checks it.
func (d PromiseDraft) Stamp(by order.Agent, at time.Time) Promise {
	return Promise{ID: d.ID, Kind: d.Kind, BuyerID: d.BuyerID, OrderID: d.OrderID, Item: d.Item,
		Due: d.Due, MadeBy: by, MadeAt: at}
}

type plainPromiseDraft PromiseDraft

// UnmarshalJSON decodes a draft strictly — an unknown field, "made_by"
// included, is an [*Error] wrapping [order.ErrUnknownField] — and checks
// its ID and kind; [Policy.MakePromise] checks the rest. On error d is
// unchanged.
func (d *PromiseDraft) UnmarshalJSON(b []byte) error {
	var w plainPromiseDraft
	if err := decodeValue("promise", b, &w); err != nil {
		return err
	}
	v := PromiseDraft(w)
	var err error
	if v.ID, err = canonicalID("promise.id", v.ID); err != nil {
		return err
	}
	if !v.Kind.IsValid() {
		return fieldErr("promise.kind", v.Kind.String(), ErrUnknownEnum, "")
	}
	*d = v
	return nil
}
