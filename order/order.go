package order

import (
	"log/slog"
	"slices"
	"strconv"
	"time"
	"unsafe"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/yuan"
)

// Spec describes an order as a backend stores it or receives it from the
// platform. [New] checks a Spec and builds the [Order] that rules read.
//
// Money is in yuan with at most two decimals, each amount and every total
// derived from them (line totals, goods, net goods, paid) at most 10^13
// yuan ("10000000000000.00"). The goods
// amount is derived from the lines, and the amount paid from goods +
// postage − discount; a Spec built from what the platform sent may state
// either (Goods, Paid), and then it must agree: an order whose stated
// totals disagree is refused, never silently fixed. [Order.Spec] states
// neither, so an edited Spec rebuilds.
type Spec struct {
	ID      string  `json:"id"`
	Buyer   Buyer   `json:"buyer"`
	Lines   []Line  `json:"lines"`
	Address Address `json:"address"`
	Payment Payment `json:"payment"`
	// Silent: placed without talking to an agent (静默下单); such orders
	// are checked regularly for gifts, postage and payment (rule O4).
	Silent bool `json:"silent,omitempty"`
	// Message is what the buyer wrote when ordering (买家留言).
	Message string `json:"buyer_message,omitempty"`

	Postage  decimal.Decimal `json:"postage"`
	Discount decimal.Decimal `json:"discount"` // off the goods: coupons, price cuts, erased change
	// Goods and Paid, when set, are the totals the platform states; they
	// must equal the derived ones. [Order.Spec] leaves them nil.
	Goods *decimal.Decimal `json:"goods,omitempty"`
	Paid  *decimal.Decimal `json:"paid,omitempty"`

	Status       Status    `json:"status"`
	CreatedAt    time.Time `json:"created_at"`
	PaidAt       time.Time `json:"paid_at,omitzero"`
	DispatchedAt time.Time `json:"dispatched_at,omitzero"` // when the first parcel left
	ReceivedAt   time.Time `json:"received_at,omitzero"`
	ClosedAt     time.Time `json:"closed_at,omitzero"`
	// CODConfirmedAt is when the buyer confirmed a cash-on-delivery order
	// (rule S9); zero while unconfirmed, and always zero for online orders.
	// A live order is confirmed with the event [ConfirmCOD]; the field is
	// here so that a stored order loads as it was.
	CODConfirmedAt time.Time `json:"cod_confirmed_at,omitzero"`
	// SlowReviewSince is when the order was put under slow review (慢审,
	// rule O5); zero when it is not. A live order enters and leaves slow
	// review with the events [StartSlowReview] and [EndSlowReview]; the
	// field is here so that a stored order loads as it was.
	SlowReviewSince time.Time `json:"slow_review_since,omitzero"`
}

// Order is a checked, normalised order. It is an immutable value: build it
// with [New], read it through its methods, and change it with [Order.Apply]
// or by editing its [Order.Spec] and calling New again. Rules take an
// *Order to avoid copying; they never modify it.
//
// The accessors have pointer receivers, so reading a field never copies
// the order. [Order.Apply], [Order.MarshalJSON] and [Order.LogValue] have
// value receivers: an Order value handed to encoding/json or log/slog is
// still encoded by them, with personal data masked in logs (rule O7).
//
// The zero Order is not a valid order; [Order.IsZero] reports it.
type Order struct {
	// fen is every amount in fen, the derived totals only here. It is the
	// first field: internal/orderfen reads it from kefu's other packages
	// at the order's own address (the assertion below keeps it first).
	fen orderfen.Amounts

	id      string
	buyer   Buyer
	lines   []Line
	address Address
	addrKey AddressKey
	payment Payment
	silent  bool
	message string

	postage, discount decimal.Decimal // as given, two decimals each
	units             int             // units of goods, gifts excluded

	status                                Status
	created, paid0, dispatched, received  time.Time
	closed, codConfirmed, slowReviewSince time.Time
}

// Maximum sizes: text in bytes of normalised UTF-8 (see [rawFactor] for
// text as given), lines per order.
const (
	maxMessageBytes = 1000
	maxNickBytes    = 200
	maxLines        = 1000
)

// rawFactor bounds text as given, before normalisation: at most four times
// the field's bound in bytes. The length is checked before any other work,
// so a megabyte of combining marks costs one comparison, not a second of
// NFKC. Width folding shrinks a full-width character from three bytes to
// one, so four times leaves room for any honest text; text that
// normalisation would shrink further (runs of spaces, invisible
// characters) is not honest text.
const rawFactor = 4

// tooLong reports whether s, as given, is beyond rawFactor times maxBytes.
func tooLong(s string, maxBytes int) bool { return len(s) > rawFactor*maxBytes }

// New checks spec and builds an Order. Every problem is an [*Error] (or,
// for a bad status name met while decoding JSON, the error of
// [ParseStatus]) wrapping one of the package's sentinels and quoting the
// bad value: [ErrMissing], [ErrInvalidText], [ErrInvalidSKU],
// [ErrInvalidQuantity], [ErrInvalidAmount], [ErrDuplicateLine],
// [ErrTotalsMismatch], [ErrUnknownRegion], [ErrInvalidPhone],
// [ErrInvalidAddress], [ErrUnknownStatus], [ErrUnknownPayment] or
// [ErrInconsistent]. Nothing is partially built: on error the Order is zero.
//
// An incomplete address is not an error: such an order exists and is a
// problem order for triage (rule O2).
func New(spec Spec) (Order, error) {
	var o Order
	var err error

	if o.id, err = identifier("id", spec.ID); err != nil {
		return Order{}, err
	}
	if o.buyer.ID, err = identifier("buyer.id", spec.Buyer.ID); err != nil {
		return Order{}, err
	}
	if o.buyer.Nick, err = text("buyer.nick", spec.Buyer.Nick, maxNickBytes); err != nil {
		return Order{}, err
	}
	if o.message, err = text("buyer_message", spec.Message, maxMessageBytes); err != nil {
		return Order{}, err
	}
	if o.address, o.addrKey, err = normalizeKeyed(spec.Address); err != nil {
		return Order{}, err
	}
	if !spec.Payment.IsValid() {
		return Order{}, fieldErr("payment", spec.Payment.String(), ErrUnknownPayment, "")
	}
	o.payment = spec.Payment
	o.silent = spec.Silent

	goodsFen, err := o.setLines(spec.Lines)
	if err != nil {
		return Order{}, err
	}
	if err := o.setTotals(spec, goodsFen); err != nil {
		return Order{}, err
	}

	o.status = spec.Status
	o.created, o.paid0, o.dispatched = spec.CreatedAt, spec.PaidAt, spec.DispatchedAt
	o.received, o.closed = spec.ReceivedAt, spec.ClosedAt
	o.codConfirmed, o.slowReviewSince = spec.CODConfirmedAt, spec.SlowReviewSince
	if err := o.checkLifecycle(); err != nil {
		return Order{}, err
	}
	return o, nil
}

// MustNew is like [New] but panics on error. Use it only for orders written
// as literals in tests and examples, never for input.
func MustNew(spec Spec) Order {
	o, err := New(spec)
	if err != nil {
		panic(err)
	}
	return o
}

func (o *Order) setLines(lines []Line) (int64, error) {
	if len(lines) == 0 {
		return 0, fieldErr("lines", "", ErrMissing, "an order has at least one line")
	}
	if len(lines) > maxLines {
		return 0, fieldErr("lines", strconv.Itoa(len(lines)), ErrInvalidQuantity, "more than "+strconv.Itoa(maxLines)+" lines")
	}
	o.lines = make([]Line, len(lines))
	var goods int64
	for i := range lines {
		l := &lines[i]
		n := &o.lines[i]
		fen, err := l.normalize(i, n)
		if err != nil {
			return 0, err
		}
		for j := range i {
			if o.lines[j].SKU == n.SKU {
				return 0, fieldErr(lineField(i, ".sku"), l.SKU, ErrDuplicateLine, "same SKU as "+lineField(j, ""))
			}
		}
		var ok bool
		if goods, ok = yuan.Add(goods, fen); !ok {
			return 0, fieldErr("lines", "", ErrInvalidAmount, "the goods amount is above "+maxAmountText)
		}
		if !n.Gift {
			o.units += n.Quantity
		}
	}
	return goods, nil
}

func (o *Order) setTotals(spec Spec, goodsFen int64) error {
	postage, postageFen, err := amount("postage", spec.Postage)
	if err != nil {
		return err
	}
	discount, discountFen, err := amount("discount", spec.Discount)
	if err != nil {
		return err
	}
	if discountFen > goodsFen {
		return fieldErr("discount", yuan.Format(discountFen), ErrTotalsMismatch,
			"exceeds the goods amount "+yuan.Format(goodsFen))
	}
	// Every derived total stays within ±MaxFen, so that New(o.Spec()) and
	// a JSON round trip rebuild whatever New accepted: goods and the line
	// totals are checked as they are summed; net goods are at most goods;
	// the amount paid is checked here. All three terms are within MaxFen,
	// so the sum cannot overflow int64.
	paidFen := goodsFen + postageFen - discountFen
	if paidFen > yuan.MaxFen {
		return fieldErr("paid", yuan.Format(paidFen), ErrInvalidAmount,
			"goods "+yuan.Format(goodsFen)+" + postage "+yuan.Format(postageFen)+
				" − discount "+yuan.Format(discountFen)+" is above "+maxAmountText)
	}
	if spec.Goods != nil {
		if f, ok := yuan.Fen(*spec.Goods); !ok || f != goodsFen {
			return fieldErr("goods", amountText(*spec.Goods), ErrTotalsMismatch,
				"lines add up to "+yuan.Format(goodsFen))
		}
	}
	if spec.Paid != nil {
		if f, ok := yuan.Fen(*spec.Paid); !ok || f != paidFen {
			return fieldErr("paid", amountText(*spec.Paid), ErrTotalsMismatch,
				"goods "+yuan.Format(goodsFen)+" + postage "+yuan.Format(postageFen)+
					" − discount "+yuan.Format(discountFen)+" = "+yuan.Format(paidFen))
		}
	}
	o.postage, o.discount = postage, discount
	o.fen = orderfen.Amounts{Goods: goodsFen, Postage: postageFen, Discount: discountFen,
		Paid: paidFen, NetGoods: goodsFen - discountFen}
	return nil
}

// checkLifecycle checks that status, payment method and times agree.
func (o *Order) checkLifecycle() error {
	s := o.status
	if !s.IsValid() {
		return fieldErr("status", s.String(), ErrUnknownStatus, "")
	}
	bad := func(field string, t time.Time, why string) error {
		v := ""
		if !t.IsZero() {
			v = t.Format(time.RFC3339)
		}
		return fieldErr(field, v, ErrInconsistent, why+" in state "+s.String())
	}
	if o.created.IsZero() {
		return fieldErr("created_at", "", ErrMissing, "")
	}
	cod := o.payment == CashOnDelivery
	switch {
	case cod && s.Open() && !s.Paid():
		// The states before payment (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY,
		// PAY_PENDING, WAIT_PRE_AUTH_CONFIRM) are online ones: a
		// cash-on-delivery order is awaiting dispatch from the start.
		return fieldErr("payment", "cod", ErrInconsistent, "a cash-on-delivery order never awaits online payment")
	case !cod && s == SignedCOD:
		return fieldErr("payment", "online", ErrInconsistent, "only cash-on-delivery orders are signed for")
	case !cod && !o.codConfirmed.IsZero():
		return bad("cod_confirmed_at", o.codConfirmed, "an online order has no COD confirmation")
	}

	// Online orders are paid before dispatch; cash-on-delivery orders are
	// paid when the buyer signs for the parcel.
	codPaid := s == SignedCOD || s == Finished || s == Closed
	switch {
	case !cod && s.Paid() && o.paid0.IsZero():
		return bad("paid_at", o.paid0, "missing")
	case !cod && !s.Paid() && !o.paid0.IsZero():
		return bad("paid_at", o.paid0, "set")
	case cod && s == SignedCOD && o.paid0.IsZero():
		return bad("paid_at", o.paid0, "missing")
	case cod && !codPaid && !o.paid0.IsZero():
		return bad("paid_at", o.paid0, "set")
	case s.Dispatched() && o.dispatched.IsZero():
		return bad("dispatched_at", o.dispatched, "missing")
	case !s.Dispatched() && s != Closed && !o.dispatched.IsZero():
		return bad("dispatched_at", o.dispatched, "set")
	case s == SignedCOD && o.received.IsZero():
		return bad("received_at", o.received, "missing")
	case s != SignedCOD && s != Finished && !o.received.IsZero():
		return bad("received_at", o.received, "set")
	case s != Closed && s != ClosedUnpaid && !o.closed.IsZero():
		return bad("closed_at", o.closed, "set")
	case !s.Paid() && !o.slowReviewSince.IsZero():
		return bad("slow_review_since", o.slowReviewSince, "an order is put under slow review once paid, not")
	case cod && !o.codConfirmed.IsZero() && !o.dispatched.IsZero() && o.codConfirmed.After(o.dispatched):
		return bad("cod_confirmed_at", o.codConfirmed, "after dispatched_at: the buyer confirms before dispatch,")
	}

	// Times run forward: created ≤ paid ≤ dispatched ≤ received online;
	// created ≤ dispatched ≤ paid ≤ received for cash on delivery. The
	// common case is checked first without naming anything; the loops
	// below find the time out of order and name it.
	if o.timesForward(cod) {
		return nil
	}
	return o.timesError(cod)
}

// timesError returns the error for the first of the order's times out of
// order, as [Order.timesForward] checks them, or nil when none is.
func (o *Order) timesError(cod bool) error {
	type stamp struct {
		name string
		at   time.Time
	}
	chain := [3]stamp{{"paid_at", o.paid0}, {"dispatched_at", o.dispatched}, {"received_at", o.received}}
	if cod {
		chain[0], chain[1] = chain[1], chain[0]
	}
	prev, prevName := o.created, "created_at"
	for _, t := range chain {
		if t.at.IsZero() {
			continue
		}
		if t.at.Before(prev) {
			return fieldErr(t.name, t.at.Format(time.RFC3339), ErrInconsistent, "before "+prevName)
		}
		prev, prevName = t.at, t.name
	}
	for _, t := range [...]stamp{{"closed_at", o.closed}, {"cod_confirmed_at", o.codConfirmed}, {"slow_review_since", o.slowReviewSince}} {
		if !t.at.IsZero() && t.at.Before(o.created) {
			return fieldErr(t.name, t.at.Format(time.RFC3339), ErrInconsistent, "before created_at")
		}
	}
	return nil
}

// timesForward reports whether the order's times run forward as
// [Order.checkLifecycle] requires: the times set among paid, dispatched
// (for cash on delivery, dispatched before paid) and received, in that
// order, are each at or after the one before and after created; closed,
// COD confirmed and slow review, when set, are not before created.
func (o *Order) timesForward(cod bool) bool {
	first, second := o.paid0, o.dispatched
	if cod {
		first, second = second, first
	}
	prev := o.created
	for _, t := range [...]*time.Time{&first, &second, &o.received} {
		if t.IsZero() {
			continue
		}
		if t.Before(prev) {
			return false
		}
		prev = *t
	}
	for _, t := range [...]*time.Time{&o.closed, &o.codConfirmed, &o.slowReviewSince} {
		if !t.IsZero() && t.Before(o.created) {
			return false
		}
	}
	return true
}

// identifier applies kefu's identity rule ([CanonicalID]) to the ID in
// field.
func identifier(field, s string) (string, error) {
	n, p := textnorm.ID(s)
	switch p {
	case textnorm.IDOK:
		return n, nil
	case textnorm.IDEmpty:
		return "", fieldErr(field, s, ErrMissing, "")
	}
	return "", fieldErr(field, s, ErrInvalidText, p.Detail())
}

// text normalises free text of at most maxBytes bytes, checking the length
// as given first ([rawFactor]).
func text(field, s string, maxBytes int) (string, error) {
	n, why := normText(s, maxBytes)
	if why != "" {
		return "", fieldErr(field, s, ErrInvalidText, why)
	}
	return n, nil
}

// normText is [text] without the field name: it returns why s is refused
// ("" when it is not), for the caller to name the field.
func normText(s string, maxBytes int) (string, string) {
	if tooLong(s, maxBytes) {
		return "", "longer than " + strconv.Itoa(maxBytes) + " bytes"
	}
	n, ok := textnorm.Line(s)
	if !ok {
		return "", "not valid UTF-8"
	}
	if len(n) > maxBytes {
		return "", "longer than " + strconv.Itoa(maxBytes) + " bytes"
	}
	return n, ""
}

// IsZero reports whether o is the zero Order, which no rule accepts.
func (o *Order) IsZero() bool { return o.id == "" }

// ID returns the order's platform ID.
func (o *Order) ID() string { return o.id }

// Buyer returns who placed the order.
func (o *Order) Buyer() Buyer { return o.buyer }

// NumLines returns the number of lines.
func (o *Order) NumLines() int { return len(o.lines) }

// Line returns line i, 0 ≤ i < [Order.NumLines]. It panics for i out of
// range, like a slice index; it does not allocate.
func (o *Order) Line(i int) Line { return o.lines[i] }

// Lines returns a copy of the lines.
func (o *Order) Lines() []Line { return slices.Clone(o.lines) }

// LineBySKU returns the line with the given SKU (normalised first).
func (o *Order) LineBySKU(sku string) (Line, bool) {
	n, err := NormalizeSKU(sku)
	if err != nil {
		return Line{}, false
	}
	for _, l := range o.lines {
		if l.SKU == n {
			return l, true
		}
	}
	return Line{}, false
}

// Units returns the number of units of goods ordered, gift lines excluded.
func (o *Order) Units() int { return o.units }

// Address returns the delivery address, in canonical form.
func (o *Order) Address() Address { return o.address }

// AddressKey returns the comparable form of the address, computed once when
// the order was built.
func (o *Order) AddressKey() AddressKey { return o.addrKey }

// Region returns the region of the delivery address.
func (o *Order) Region() Region { return o.address.Region }

// Payment returns the payment method.
func (o *Order) Payment() Payment { return o.payment }

// Silent reports whether the order was placed without talking to an agent.
func (o *Order) Silent() bool { return o.silent }

// Message returns the buyer's message, normalised.
func (o *Order) Message() string { return o.message }

// The bridge to kefu's other packages: they read an order's amounts in
// fen, without a decimal, at the order's address (internal/orderfen), so
// Order.fen must stay its first field. This does not compile if it is
// not: the index is the field's offset, and the array has one element.
var _ = [1]struct{}{}[unsafe.Offsetof(Order{}.fen)]

// Goods returns the goods amount: the sum of the lines.
//
// The order keeps its derived totals in fen; Goods, NetGoods and Paid
// build the decimal on each call: two small allocations above 655.35,
// none below, where decimals are shared once seen (as [ParseAmount]'s).
func (o *Order) Goods() decimal.Decimal { return yuan.Dec(o.fen.Goods) }

// Postage returns the postage charged.
func (o *Order) Postage() decimal.Decimal { return o.postage }

// Discount returns the discount off the goods.
func (o *Order) Discount() decimal.Decimal { return o.discount }

// NetGoods returns the goods amount actually paid: goods − discount, before
// postage. Free-shipping thresholds apply to it (rule S1).
// It allocates as [Order.Goods] does.
func (o *Order) NetGoods() decimal.Decimal { return yuan.Dec(o.fen.NetGoods) }

// Paid returns the amount the buyer pays: goods + postage − discount. Before
// payment it is the amount due.
// It allocates as [Order.Goods] does.
func (o *Order) Paid() decimal.Decimal { return yuan.Dec(o.fen.Paid) }

// Status returns the trade state.
func (o *Order) Status() Status { return o.status }

// CreatedAt returns when the order was placed.
func (o *Order) CreatedAt() time.Time { return o.created }

// PaidAt returns when the order was paid: online, before dispatch; cash on
// delivery, when the buyer signed for it. Zero if not paid yet.
func (o *Order) PaidAt() time.Time { return o.paid0 }

// DispatchedAt returns when the first parcel left the warehouse; zero
// before that.
func (o *Order) DispatchedAt() time.Time { return o.dispatched }

// ReceivedAt returns when the buyer received (or, cash on delivery, signed
// for) the goods; zero if unknown or not yet.
func (o *Order) ReceivedAt() time.Time { return o.received }

// ClosedAt returns when the trade was closed; zero if it is not closed or
// the time is unknown.
func (o *Order) ClosedAt() time.Time { return o.closed }

// CODConfirmedAt returns when the buyer confirmed a cash-on-delivery order
// (rule S9); zero while unconfirmed.
func (o *Order) CODConfirmedAt() time.Time { return o.codConfirmed }

// SlowReviewSince returns when the order was put under slow review (rule
// O5); zero if it is not under slow review.
func (o *Order) SlowReviewSince() time.Time { return o.slowReviewSince }

// Spec returns the order as a [Spec] that [New] rebuilds into an equal
// order. It states no totals: Goods and Paid are left nil, since stated
// totals are only what the platform sent, so that a Spec edited — say, a
// new discount — rebuilds with the totals derived afresh. Editing the Spec
// is how a change other than a lifecycle event is made; confirming cash on
// delivery and slow review are events ([ConfirmCOD], [StartSlowReview],
// [EndSlowReview]) applied with [Order.Apply].
func (o *Order) Spec() Spec {
	return Spec{
		ID: o.id, Buyer: o.buyer, Lines: slices.Clone(o.lines), Address: o.address,
		Payment: o.payment, Silent: o.silent, Message: o.message,
		Postage: o.postage, Discount: o.discount,
		Status: o.status, CreatedAt: o.created, PaidAt: o.paid0, DispatchedAt: o.dispatched,
		ReceivedAt: o.received, ClosedAt: o.closed,
		CODConfirmedAt: o.codConfirmed, SlowReviewSince: o.slowReviewSince,
	}
}

// Apply returns the order after event e at time at (rule O1), leaving o as
// it was. Besides the lifecycle table of [Transition] it checks:
//
//   - the payment method: a cash-on-delivery order is never paid online and
//     finishes by being signed for; an online order is never signed for;
//   - a cash-on-delivery order is dispatched only once the buyer has
//     confirmed it with [ConfirmCOD] (rule S9), which only a
//     cash-on-delivery order takes, and only once;
//   - [StartSlowReview] puts an order under slow review (rule O5) that is
//     not already under it, and [EndSlowReview] takes one out that is;
//   - at is set and not before any time already on the order.
//
// A refused event returns an [*Error] wrapping [ErrInvalidTransition]
// (class [ErrConflict]; its Cause is a [*TransitionError]), or
// [ErrInconsistent] for a time out of order, and the zero Order.
func (o Order) Apply(e Event, at time.Time) (Order, error) {
	to, err := Transition(o.status, e)
	if err != nil {
		return Order{}, err
	}
	if why := o.refuses(e); why != "" {
		return Order{}, transitionErr(o.status, e, why)
	}
	if at.IsZero() {
		return Order{}, fieldErr("at", "", ErrMissing, "an event happens at a time")
	}
	for _, t := range [...]time.Time{o.created, o.paid0, o.dispatched, o.received, o.codConfirmed, o.slowReviewSince} {
		if at.Before(t) {
			return Order{}, fieldErr("at", at.Format(time.RFC3339), ErrInconsistent,
				"before "+t.Format(time.RFC3339)+", already on the order")
		}
	}
	n := o
	n.status = to
	switch e {
	case Pay:
		n.paid0 = at
	case DispatchPart, Dispatch:
		if n.dispatched.IsZero() {
			n.dispatched = at
		}
	case SignCOD:
		n.paid0, n.received = at, at
	case ConfirmReceipt:
		if n.received.IsZero() {
			n.received = at
		}
	case Close:
		n.closed = at
	case ConfirmCOD:
		n.codConfirmed = at
	case StartSlowReview:
		n.slowReviewSince = at
	case EndSlowReview:
		n.slowReviewSince = time.Time{}
	}
	return n, nil
}

// refuses returns why the order refuses event e beyond the lifecycle
// table, or "" when it does not.
func (o *Order) refuses(e Event) string {
	cod := o.payment == CashOnDelivery
	switch {
	case e == SignCOD && !cod:
		return "only cash-on-delivery orders are signed for"
	case e == ConfirmReceipt && cod && o.status == AwaitingReceipt:
		return "a cash-on-delivery order is signed for first"
	case (e == Dispatch || e == DispatchPart) && cod && o.codConfirmed.IsZero():
		return "the buyer has not confirmed cash on delivery (rule S9)"
	case e == ConfirmCOD && !cod:
		return "only a cash-on-delivery order is confirmed (rule S9)"
	case e == ConfirmCOD && !o.codConfirmed.IsZero():
		return "the buyer confirmed cash on delivery at " + o.codConfirmed.Format(time.RFC3339)
	case e == StartSlowReview && !o.slowReviewSince.IsZero():
		return "under slow review since " + o.slowReviewSince.Format(time.RFC3339)
	case e == EndSlowReview && o.slowReviewSince.IsZero():
		return "not under slow review"
	}
	return ""
}

// Events returns the events [Order.Apply] accepts for o now, whatever the
// time: those the lifecycle allows in its state ([AllowedEvents]) that
// its payment method and slow review allow too — no [ConfirmCOD] for an
// order paid online, no [Dispatch] of unconfirmed cash on delivery, no
// [EndSlowReview] without a review. In the order of the constants.
func (o *Order) Events() []Event {
	var out []Event
	for _, e := range AllowedEvents(o.status) {
		if o.refuses(e) == "" {
			out = append(out, e)
		}
	}
	return out
}

// String renders the order for fmt without personal data (rule O7), so
// that printing an order or *Order with %v or %s in a log line never
// writes the full phone number or street:
//
//	T1001 WAIT_SELLER_SEND_GOODS zhejiang 128.50 张*,138****5678,浙江省,杭州市,西湖区,文三路****
//
// The full data is in the accessors and [Order.MarshalJSON].
func (o Order) String() string {
	return o.id + " " + o.status.String() + " " + o.address.Region.String() + " " +
		yuan.Format(o.fen.Paid) + " " + o.address.Masked()
}

// LogValue renders the order for structured logs without personal data
// (rule O7): ID, status, region, amount paid and the masked address.
func (o Order) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("id", o.id),
		slog.String("status", o.status.String()),
		slog.String("region", o.address.Region.String()),
		slog.String("paid", yuan.Format(o.fen.Paid)),
		slog.String("address", o.address.Masked()),
	)
}
