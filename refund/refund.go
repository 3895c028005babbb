package refund

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Refund is one refund application on the platform — a buyer asking for
// money back on one line of an order, with or without sending goods back
// — and where it stands: its [Status], the buyer's [GoodStatus], its
// [Phase] and its version (refund_version). It is an immutable value:
// open one with [Open], rebuild a stored one with [New] or from JSON, and
// move it with [Refund.Apply], which returns the next value and leaves the
// old one as it was.
//
// Every action names the version it was decided on, and an action on a
// stale version is refused ([ErrStaleVersion]), as the platform refuses an
// agree or refuse call with an old refund_version; each applied action
// increments the version by one. The money itself is paid through a
// [Ledger], which caps it (rule R7).
//
// The zero Refund is not a refund; [Refund.IsZero] reports it.
type Refund struct {
	id, orderID, sku string
	fee              int64
	status           Status
	goods            GoodStatus
	phase            Phase
	hasReturn        bool
	waybill          string
	version          int64
	created          time.Time
	modified         time.Time
}

// Spec describes a refund as a backend stores it or receives it from the
// platform; [New] checks it and builds the [Refund]. Field names follow
// the platform's refund record.
type Spec struct {
	ID      string // refund_id
	OrderID string // tid
	// SKU names the order line the refund is for (the platform's oid is
	// the backend's to map).
	SKU           string
	Fee           decimal.Decimal // refund_fee, in yuan
	Status        Status          // status
	GoodStatus    GoodStatus      // good_status
	Phase         Phase           // refund_phase
	HasGoodReturn bool            // has_good_return: the buyer sends goods back
	// Waybill is the return waybill number (sid), required once the buyer
	// has sent the goods back (rule R4).
	Waybill    string
	Version    int64     // refund_version, at least 1
	CreatedAt  time.Time // created
	ModifiedAt time.Time // modified; zero means CreatedAt
}

// New checks spec and builds a Refund. Problems are [*Error]s wrapping
// [ErrMissing], [ErrInvalidText], [ErrInvalidSKU]…, [ErrInvalidAmount],
// [ErrUnknownStatus], [ErrUnknownCode] (a bad phase) or [ErrInconsistent]
// — a status its goods status rules out, such as
// WAIT_SELLER_CONFIRM_GOODS without goods sent back or a return waybill.
// On error the Refund is zero.
func New(spec Spec) (Refund, error) {
	var r Refund
	var err error
	if r.id, err = identifier("refund_id", spec.ID); err != nil {
		return Refund{}, err
	}
	if r.orderID, err = identifier("tid", spec.OrderID); err != nil {
		return Refund{}, err
	}
	if r.sku, err = sku("sku", spec.SKU); err != nil {
		return Refund{}, err
	}
	if r.fee, err = fen("refund_fee", spec.Fee); err != nil {
		return Refund{}, err
	}
	if r.fee == 0 {
		return Refund{}, fieldErr("refund_fee", yuan.Text(spec.Fee), ErrInvalidAmount, "a refund of 0 is not a refund")
	}
	if spec.Waybill != "" {
		if r.waybill, err = waybill("sid", spec.Waybill); err != nil {
			return Refund{}, err
		}
	}
	r.status, r.goods, r.phase, r.hasReturn = spec.Status, spec.GoodStatus, spec.Phase, spec.HasGoodReturn
	r.version, r.created, r.modified = spec.Version, spec.CreatedAt, spec.ModifiedAt
	if r.modified.IsZero() {
		r.modified = r.created
	}
	if err := r.check(); err != nil {
		return Refund{}, err
	}
	return r, nil
}

// check checks that the states, goods and times of r agree.
func (r *Refund) check() error {
	switch {
	case !isRefundState(r.status):
		return fieldErr("status", r.status.String(), ErrUnknownStatus, "not the state of a refund")
	case !r.goods.IsValid():
		return fieldErr("good_status", r.goods.String(), ErrUnknownStatus, "")
	case !r.phase.IsValid():
		return fieldErr("refund_phase", r.phase.String(), ErrUnknownCode, "")
	case r.version < 1:
		return fieldErr("refund_version", strconv.FormatInt(r.version, 10), ErrInvalidQuantity, "versions start at 1")
	case r.created.IsZero():
		return fieldErr("created", "", ErrMissing, "")
	case r.modified.Before(r.created):
		return fieldErr("modified", r.modified.Format(time.RFC3339), ErrInconsistent, "before created")
	}
	bad := func(field, value, why string) error {
		return fieldErr(field, value, ErrInconsistent, why)
	}
	s := r.status
	switch {
	case r.hasReturn && r.goods == NotReceived:
		return bad("has_good_return", "true", "the buyer never received the goods, so none come back")
	case !r.hasReturn && r.goods == Returned:
		return bad("good_status", r.goods.String(), "a refund without return has no goods sent back")
	case (s == WaitBuyerReturnGoods || s == WaitSellerConfirmGoods) && !r.hasReturn:
		return bad("status", s.String(), "only a refund with return waits for goods")
	case s == WaitSellerConfirmGoods && r.goods != Returned:
		return bad("good_status", r.goods.String(), "in state "+s.String()+" the goods are sent back")
	case r.goods == Returned && r.waybill == "":
		return fieldErr("sid", "", ErrMissing, "goods sent back have a return waybill number (rule R4)")
	case r.goods != Returned && r.waybill != "":
		return bad("sid", r.waybill, "a return waybill before the goods were sent back")
	}
	return nil
}

// Application is a buyer's new refund application, for [Open].
type Application struct {
	ID  string          // refund_id
	SKU string          // the order line
	Fee decimal.Decimal // the amount asked for, in yuan
	// HasGoodReturn: the buyer sends goods back (退货退款); false is a
	// refund without return (仅退款).
	HasGoodReturn bool
	// GoodStatus is whether the buyer has the goods. It may be left zero
	// for an order not yet dispatched (the buyer cannot have them) or
	// finished (the buyer has them); for a dispatched order it says
	// whether the parcel arrived.
	GoodStatus GoodStatus
	At         time.Time // when the buyer applied
}

// Open opens a refund on o: status WAIT_SELLER_AGREE, version 1, the phase
// from the trade's state (during the sale before the trade finished, after
// the sale once it did). An order with nothing to refund — unpaid, or
// closed — is [ErrNotRefundable]; a line it does not have is
// [ErrUnknownLine]; an amount of 0 or above what the buyer paid is
// [ErrInvalidAmount] or [ErrOverRefund]; goods the buyer cannot have
// received (the order was never dispatched) or a return of goods the
// buyer does not have is [ErrNotReceived]. The amount is checked against
// the whole order here; the [Ledger] caps it by line when it is paid.
func Open(o *order.Order, a Application) (Refund, error) {
	if o == nil || o.IsZero() {
		return Refund{}, fieldErr("order", "", ErrMissing, "")
	}
	st := o.Status()
	var phase Phase
	switch {
	case st == order.Finished:
		phase = AfterSale
	case st.Paid() && st.Open():
		phase = OnSale
	default:
		return Refund{}, fieldErr("order.status", st.String(), ErrNotRefundable, "")
	}
	line, ok := o.LineBySKU(a.SKU)
	if !ok {
		if _, err := sku("sku", a.SKU); err != nil {
			return Refund{}, err
		}
		return Refund{}, fieldErr("sku", a.SKU, ErrUnknownLine, "")
	}
	fee, err := fen("refund_fee", a.Fee)
	if err != nil {
		return Refund{}, err
	}
	if fee == 0 {
		return Refund{}, fieldErr("refund_fee", yuan.Text(a.Fee), ErrInvalidAmount, "a refund of 0 is not a refund")
	}
	if paid := orderfen.Of(o).Paid; fee > paid {
		return Refund{}, fieldErr("refund_fee", yuan.Text(a.Fee), ErrOverRefund, "the buyer paid "+yuan.Format(paid))
	}
	g := a.GoodStatus
	switch {
	case g == Returned || (g != GoodStatusUnknown && !g.IsValid()):
		return Refund{}, fieldErr("good_status", g.String(), ErrInconsistent, "a new application's goods are with the buyer or not received")
	case !st.Dispatched() && g == Received:
		return Refund{}, fieldErr("good_status", g.String(), ErrNotReceived, "the order was never dispatched")
	case !st.Dispatched():
		g = NotReceived
	case g == GoodStatusUnknown && st == order.Finished:
		g = Received
	case g == GoodStatusUnknown:
		return Refund{}, fieldErr("good_status", "", ErrMissing, "say whether the dispatched parcel reached the buyer")
	}
	if a.HasGoodReturn && g != Received {
		return Refund{}, fieldErr("has_good_return", "true", ErrNotReceived, "a return of goods the buyer never received")
	}
	if a.At.IsZero() {
		return Refund{}, fieldErr("at", "", ErrMissing, "")
	}
	if a.At.Before(o.CreatedAt()) {
		return Refund{}, fieldErr("at", a.At.Format(time.RFC3339), ErrInconsistent, "before the order was placed")
	}
	return New(Spec{ID: a.ID, OrderID: o.ID(), SKU: line.SKU, Fee: yuan.Dec(fee), Status: WaitSellerAgree,
		GoodStatus: g, Phase: phase, HasGoodReturn: a.HasGoodReturn, Version: 1, CreatedAt: a.At})
}

// Action is an event on a refund, by the seller or the buyer, for
// [Refund.Apply].
type Action struct {
	Event Event
	// Version is the refund_version the actor saw when deciding; an action
	// on any other version is refused.
	Version int64
	At      time.Time // when it happens; not before the refund's last change
	// Waybill is the return waybill number: required with [ReturnGoods]
	// (rule R4), refused with any other event.
	Waybill string
	// Fee is the new amount of a [Modify]; nil keeps the amount. Refused
	// with any other event.
	Fee *decimal.Decimal
}

// Apply applies a to r and returns the next refund, with its version
// incremented. It refuses, leaving r as it was: an invalid event
// ([ErrUnknownEvent]); a stale version ([ErrStaleVersion], class
// conflict); an event the lifecycle does not allow in r's state, or
// [AgreeRefund] of a refund with return and [AgreeReturn] of one without
// ([ErrInvalidTransition]); [ReturnGoods] without a valid return waybill
// ([ErrMissing], [ErrInvalidText]); a time before the last change
// ([ErrInconsistent]).
func (r Refund) Apply(a Action) (Refund, error) {
	if r.IsZero() {
		return Refund{}, fieldErr("refund", "", ErrMissing, "the zero Refund")
	}
	if !a.Event.IsValid() {
		return Refund{}, fieldErr("event", a.Event.String(), ErrUnknownEvent, "")
	}
	if a.Version != r.version {
		return Refund{}, fieldErr("version", strconv.FormatInt(a.Version, 10), ErrStaleVersion,
			"the refund is at version "+strconv.FormatInt(r.version, 10))
	}
	to, err := Transition(r.status, a.Event)
	if err != nil {
		return Refund{}, err
	}
	switch {
	case a.Event == AgreeRefund && r.hasReturn:
		return Refund{}, transitionErr(r.status.String(), a.Event.String(), "the buyer sends goods back: agree_return")
	case a.Event == AgreeReturn && !r.hasReturn:
		return Refund{}, transitionErr(r.status.String(), a.Event.String(), "the buyer asked for a refund without return")
	case a.Waybill != "" && a.Event != ReturnGoods:
		return Refund{}, fieldErr("waybill", a.Waybill, ErrInconsistent, "only return_goods carries a waybill")
	case a.Fee != nil && a.Event != Modify:
		return Refund{}, fieldErr("fee", yuan.Text(*a.Fee), ErrInconsistent, "only modify changes the amount")
	}
	if a.At.IsZero() {
		return Refund{}, fieldErr("at", "", ErrMissing, "")
	}
	if a.At.Before(r.modified) {
		return Refund{}, fieldErr("at", a.At.Format(time.RFC3339), ErrInconsistent,
			"before the refund's last change at "+r.modified.Format(time.RFC3339))
	}
	n := r
	switch a.Event {
	case ReturnGoods:
		if a.Waybill == "" {
			return Refund{}, fieldErr("waybill", "", ErrMissing, "the buyer gives the return waybill number (rule R4)")
		}
		if n.waybill, err = waybill("waybill", a.Waybill); err != nil {
			return Refund{}, err
		}
		n.goods = Returned
	case Modify:
		if a.Fee != nil {
			f, err := fen("fee", *a.Fee)
			if err != nil {
				return Refund{}, err
			}
			if f == 0 {
				return Refund{}, fieldErr("fee", yuan.Text(*a.Fee), ErrInvalidAmount, "a refund of 0 is not a refund")
			}
			n.fee = f
		}
	}
	n.status = to
	n.version++
	n.modified = a.At
	return n, nil
}

// IsZero reports whether r is the zero Refund.
func (r Refund) IsZero() bool { return r.id == "" }

// ID returns the refund's ID (refund_id).
func (r Refund) ID() string { return r.id }

// OrderID returns the order's ID (tid).
func (r Refund) OrderID() string { return r.orderID }

// SKU returns the SKU of the order line the refund is for.
func (r Refund) SKU() string { return r.sku }

// Fee returns the amount asked for (refund_fee), in yuan.
func (r Refund) Fee() decimal.Decimal { return yuan.Dec(r.fee) }

// Status returns the refund's state.
func (r Refund) Status() Status { return r.status }

// GoodStatus returns whether the buyer has the goods.
func (r Refund) GoodStatus() GoodStatus { return r.goods }

// Phase returns the refund's phase.
func (r Refund) Phase() Phase { return r.phase }

// HasGoodReturn reports whether the buyer sends goods back.
func (r Refund) HasGoodReturn() bool { return r.hasReturn }

// Waybill returns the return waybill number; "" before the goods were
// sent back.
func (r Refund) Waybill() string { return r.waybill }

// Version returns the refund's version (refund_version).
func (r Refund) Version() int64 { return r.version }

// CreatedAt returns when the buyer applied.
func (r Refund) CreatedAt() time.Time { return r.created }

// ModifiedAt returns when the refund last changed.
func (r Refund) ModifiedAt() time.Time { return r.modified }

// Spec returns r as a [Spec]; New(r.Spec()) rebuilds r.
func (r Refund) Spec() Spec {
	return Spec{ID: r.id, OrderID: r.orderID, SKU: r.sku, Fee: yuan.Dec(r.fee), Status: r.status,
		GoodStatus: r.goods, Phase: r.phase, HasGoodReturn: r.hasReturn, Waybill: r.waybill,
		Version: r.version, CreatedAt: r.created, ModifiedAt: r.modified}
}

// ClosesTrade reports whether the trade closes once r has succeeded: a
// refund during the sale ([OnSale]) that leaves nothing of the goods
// unrefunded in l closes the trade (TRADE_CLOSED); after the sale the trade
// stays finished whatever is refunded.
func (r Refund) ClosesTrade(l Ledger) bool {
	return r.status == Success && r.phase == OnSale && !l.IsZero() && l.goodsRemaining() == 0
}

// refundJSON is the JSON form of a Refund, with the platform's field
// names.
type refundJSON struct {
	ID            string          `json:"refund_id"`
	OrderID       string          `json:"tid"`
	SKU           string          `json:"sku"`
	Fee           json.RawMessage `json:"refund_fee"`
	Status        statusText      `json:"status"`
	GoodStatus    GoodStatus      `json:"good_status"`
	Phase         Phase           `json:"refund_phase"`
	HasGoodReturn bool            `json:"has_good_return"`
	Waybill       string          `json:"sid,omitempty"`
	Version       int64           `json:"refund_version"`
	CreatedAt     time.Time       `json:"created"`
	ModifiedAt    time.Time       `json:"modified"`
}

// MarshalJSON encodes the refund with the platform's field names and the
// amount as text with two decimals ("59.25"). The zero Refund is an error.
func (r Refund) MarshalJSON() ([]byte, error) {
	if r.IsZero() {
		return nil, fieldErr("refund", "", ErrMissing, "the zero Refund has no JSON form")
	}
	fee, _ := money(r.fee).MarshalJSON()
	return json.Marshal(refundJSON{ID: r.id, OrderID: r.orderID, SKU: r.sku, Fee: fee, Status: statusText(r.status),
		GoodStatus: r.goods, Phase: r.phase, HasGoodReturn: r.hasReturn, Waybill: r.waybill,
		Version: r.version, CreatedAt: r.created, ModifiedAt: r.modified})
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly — an unknown
// field is [ErrUnknownField], an amount with more than two decimals
// [ErrInvalidAmount] — and builds the refund with [New]. On error r is
// unchanged.
func (r *Refund) UnmarshalJSON(b []byte) error {
	var w refundJSON
	if err := decodeJSON("", b, &w, maxRecordJSON); err != nil {
		return err
	}
	fee, err := parseMoney("refund_fee", w.Fee)
	if err != nil {
		return err
	}
	n, err := New(Spec{ID: w.ID, OrderID: w.OrderID, SKU: w.SKU, Fee: yuan.Dec(fee), Status: Status(w.Status),
		GoodStatus: w.GoodStatus, Phase: w.Phase, HasGoodReturn: w.HasGoodReturn, Waybill: w.Waybill,
		Version: w.Version, CreatedAt: w.CreatedAt, ModifiedAt: w.ModifiedAt})
	if err != nil {
		return err
	}
	*r = n
	return nil
}
