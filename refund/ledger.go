package refund

import (
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// MaxEntries bounds the entries (payouts and arrivals) of one [Ledger]: far
// more than any order's refunds, and small enough that every check on a
// ledger stays cheap.
const MaxEntries = 1000

// Ledger is the money of one order's refunds (rules R7, P7): what each
// line and the postage paid, what has been refunded of each, and what has
// come back to the warehouse. It is an explicit, immutable value that the
// backend stores in its own database: build it once with [NewLedger] when
// the order is paid, store its JSON, and on every refund load it, call
// [Ledger.Pay] and store the next ledger it returns.
//
// # The split
//
// The order's discount is split across its lines once, when the ledger is
// built, in fen, in proportion to the lines' goods amounts by largest
// remainder (ties to the earlier line) — the platform's part_mjz_discount,
// leaving each line's divide_order_fee as what it paid — and the split is
// stored with the ledger. Every payout draws from it: the first u of a
// line's n units carry paid·u/n rounded down, so however a line is refunded
// — in any order, in any number of partial payouts — all of it adds up to
// exactly what it paid: no one-cent gap, and a partial refund of one line
// never returns the whole discount. [NewLedgerSplit] takes the platform's
// own split instead.
//
// # Caps, keys and versions
//
// A [Payout] is capped by what remains of its line (and of the units it
// covers), of the postage, and by the units the warehouse received back
// when it says the goods were returned ([Ledger.Receive]). Each payout has
// an idempotency key: a replay with the same parameters returns the first
// [Receipt] and changes nothing; the same key with other parameters is
// [ErrKeyReused]. Every change returns the next ledger with its version
// incremented, and every change names the version it was decided on, so
// a backend stores the next ledger with compare-and-set
// (UPDATE … SET ledger = ?, version = ? WHERE order_id = ? AND version = ?)
// and of two concurrent payouts that together exceed the cap only one can
// pass; the other is retried on the new ledger and refused. A [Store] does
// the same in memory.
//
// A Ledger is safe for concurrent use: it is never modified. The zero
// Ledger is not a ledger; [Ledger.IsZero] reports it.
type Ledger struct {
	b *book
	// head is the newest entry, held in the value rather than in b, so
	// that a payout on a stored ledger allocates nothing; the next change
	// moves it into a new book.
	head    entry
	hasHead bool
}

// book is the shared, immutable part of a ledger.
type book struct {
	orderID         string
	lines           []lineBook
	postage         int64 // postage the buyer paid
	entries         []entry
	agg             []lineAgg // per line, after entries
	postageRefunded int64
}

// lineBook is a line as the ledger split it: goods = discount + paid.
type lineBook struct {
	sku                   string
	qty                   int64
	goods, discount, paid int64
}

// lineAgg is what a line has had refunded and received back.
type lineAgg struct {
	units    int64 // units covered by payouts
	returned int64 // of those, units paid as returned
	arrived  int64 // units the warehouse received back
	goods    int64 // money refunded on the line
}

type entryKind uint8

const (
	payoutEntry entryKind = iota + 1
	arrivalEntry
)

// entry is one payout or arrival.
type entry struct {
	kind     entryKind
	returned bool
	line     int32  // index in lines; -1 for a postage-only payout
	key      string // payout key, or arrival waybill
	units    int64
	goods    int64
	postage  int64
	// at is when it happened, if the caller said: it is not a parameter
	// of the payout, so a replay at another time is still a replay.
	at time.Time
}

// sameAs reports whether e and f are the same payout or arrival, their
// times aside.
func (e *entry) sameAs(f *entry) bool {
	a, b := *e, *f
	a.at, b.at = time.Time{}, time.Time{}
	return a == b
}

func (e *entry) apply(a *lineAgg) {
	switch e.kind {
	case payoutEntry:
		a.units += e.units
		a.goods += e.goods
		if e.returned {
			a.returned += e.units
		}
	case arrivalEntry:
		a.arrived += e.units
	}
}

// NewLedger builds the ledger of o, splitting its discount across its
// lines by largest remainder (see [Ledger]). An order that was never paid
// has nothing to refund ([ErrNotRefundable]); a nil order is [ErrMissing].
func NewLedger(o *order.Order) (Ledger, error) {
	goods, err := ledgerGoods(o)
	if err != nil {
		return Ledger{}, err
	}
	discount := orderfen.Of(o).Discount
	return newLedger(o, goods, splitDiscount(goods, discount))
}

// NewLedgerSplit is [NewLedger] with the split given: discounts[i] is the
// share of the order discount line i carries, as the platform states it
// (part_mjz_discount). The shares must be one per line, within each line's
// goods amount, and add up to the order's discount ([ErrTotalsMismatch]
// otherwise).
func NewLedgerSplit(o *order.Order, discounts []decimal.Decimal) (Ledger, error) {
	goods, err := ledgerGoods(o)
	if err != nil {
		return Ledger{}, err
	}
	if len(discounts) != len(goods) {
		return Ledger{}, fieldErr("discounts", strconv.Itoa(len(discounts)), ErrTotalsMismatch,
			"the order has "+strconv.Itoa(len(goods))+" lines")
	}
	shares := make([]int64, len(goods))
	var sum int64
	for i, d := range discounts {
		field := "discounts[" + strconv.Itoa(i) + "]"
		f, err := fen(field, d)
		if err != nil {
			return Ledger{}, err
		}
		if f > goods[i] {
			return Ledger{}, fieldErr(field, yuan.Text(d), ErrTotalsMismatch, "above the line's goods "+yuan.Format(goods[i]))
		}
		shares[i], sum = f, sum+f
	}
	if discount := orderfen.Of(o).Discount; sum != discount {
		return Ledger{}, fieldErr("discounts", yuan.Format(sum), ErrTotalsMismatch, "the order's discount is "+yuan.Format(discount))
	}
	return newLedger(o, goods, shares)
}

func ledgerGoods(o *order.Order) ([]int64, error) {
	if o == nil || o.IsZero() {
		return nil, fieldErr("order", "", ErrMissing, "")
	}
	if !o.Status().Paid() {
		return nil, fieldErr("order.status", o.Status().String(), ErrNotRefundable, "never paid")
	}
	goods := make([]int64, o.NumLines())
	for i := range goods {
		l := o.Line(i)
		unit, _ := yuan.Fen(l.UnitPrice)
		goods[i], _ = yuan.Mul(unit, l.Quantity) // order.New checked the range
	}
	return goods, nil
}

func newLedger(o *order.Order, goods, shares []int64) (Ledger, error) {
	b := &book{orderID: o.ID(), lines: make([]lineBook, len(goods)), agg: make([]lineAgg, len(goods))}
	for i := range goods {
		l := o.Line(i)
		b.lines[i] = lineBook{sku: l.SKU, qty: int64(l.Quantity), goods: goods[i], discount: shares[i], paid: goods[i] - shares[i]}
	}
	b.postage = orderfen.Of(o).Postage
	return Ledger{b: b}, nil
}

// Payout is one refund's money, for [Ledger.Pay]: an amount of goods on one
// line of the order, an amount of postage, or both.
type Payout struct {
	// Key is the idempotency key naming this payout, such as the
	// platform's refund_id: a payout sent twice is paid once. Required;
	// kefu's identity rule applies ([order.CanonicalID]).
	Key string
	// Version is the ledger version the payout was decided on
	// ([Ledger.Version]). A payout on any other version is refused with
	// [ErrStaleVersion] — unless it replays a key already paid.
	Version int64
	// SKU is the line refunded; "" for postage only.
	SKU string
	// Units is how many of the line's units the payout covers (a return
	// of 2 units, a refund of 1 unit never dispatched); 0 for money only,
	// such as a partial refund for a flaw the buyer keeps.
	Units int
	// Returned: the units came back to the warehouse. The payout is then
	// capped by the units received back ([Ledger.Receive]) and not yet
	// paid.
	Returned bool
	// Goods is the amount refunded on the line, in yuan: more than 0 when
	// SKU is set (an amount of 0 is an error, never "everything"), and at
	// most [Ledger.Refundable] for the units.
	Goods decimal.Decimal
	// Postage is the postage refunded, in yuan: at most what remains of
	// the postage the buyer paid.
	Postage decimal.Decimal
	// At is when the refund is paid. It is optional and not a parameter
	// of the payout — a replay at another time is a replay — but a
	// promise of a refund is kept only by a payout whose time is known
	// ([Ledger.Keep], rule R6).
	At time.Time
}

// Receipt is what a [Payout] paid. It is a plain value that holds its
// amounts in fen; the methods return them in yuan.
type Receipt struct {
	Key      string
	SKU      string // "" for postage only
	Units    int
	Returned bool
	// Version is the ledger's version once the payout was in it.
	Version int64
	// Replayed: this call replayed a key already paid; nothing new was
	// paid and the ledger is unchanged.
	Replayed bool
	// At is when the payout was paid, as the first payout of the key said;
	// zero when it did not say.
	At time.Time

	goods, postage int64
}

// Goods returns the goods amount refunded.
func (r Receipt) Goods() decimal.Decimal { return yuan.Dec(r.goods) }

// Postage returns the postage refunded.
func (r Receipt) Postage() decimal.Decimal { return yuan.Dec(r.postage) }

// Amount returns goods and postage together: the refund_fee paid.
func (r Receipt) Amount() decimal.Decimal { return yuan.Dec(r.goods + r.postage) }

// Arrival is goods of one line that the warehouse received back, for
// [Ledger.Receive].
type Arrival struct {
	// Waybill is the return waybill number (rule R4): required. The same
	// waybill and SKU twice with the same units is a replay and changes
	// nothing; with other units it is [ErrKeyReused].
	Waybill string
	// Version is the ledger version the arrival was recorded on.
	Version int64
	SKU     string
	Units   int // at least 1
	// At is when the goods arrived; optional. A return received but not
	// refunded counts from it ([Ledger.Unrefunded], rule R6); one without
	// a time counts as overdue at once.
	At time.Time
}

// IsZero reports whether l is the zero Ledger.
func (l Ledger) IsZero() bool { return l.b == nil }

// OrderID returns the ID of the order.
func (l Ledger) OrderID() string {
	if l.b == nil {
		return ""
	}
	return l.b.orderID
}

// Version returns the ledger's version: 1 when built, one more after every
// payout and arrival. The zero Ledger has version 0.
func (l Ledger) Version() int64 {
	if l.b == nil {
		return 0
	}
	v := int64(len(l.b.entries)) + 1
	if l.hasHead {
		v++
	}
	return v
}

func (l Ledger) numEntries() int {
	n := len(l.b.entries)
	if l.hasHead {
		n++
	}
	return n
}

func (l Ledger) entryAt(i int) *entry {
	if i < len(l.b.entries) {
		return &l.b.entries[i]
	}
	return &l.head
}

// agg returns what line i has had refunded and received back.
func (l *Ledger) agg(i int) lineAgg {
	a := l.b.agg[i]
	if l.hasHead && int(l.head.line) == i {
		l.head.apply(&a)
	}
	return a
}

func (l *Ledger) postageRefunded() int64 {
	p := l.b.postageRefunded
	if l.hasHead && l.head.kind == payoutEntry {
		p += l.head.postage
	}
	return p
}

// Pay applies p and returns the next ledger and the receipt of the
// payout. On error l is unchanged (it is never modified) and the error is
// an [*Error] that names the field:
//
//   - a key, SKU or amount that is malformed: [ErrMissing],
//     [ErrInvalidText], [ErrInvalidSKU], [ErrInvalidAmount] (negative,
//     more than two decimals, or 0 — never "everything"),
//     [ErrInvalidQuantity];
//   - a key already paid with other parameters: [ErrKeyReused] (with the
//     same parameters Pay returns the first receipt, Replayed set, and l
//     itself);
//   - a version other than l's: [ErrStaleVersion] (class conflict);
//   - a SKU the order does not have: [ErrUnknownLine] (class not found);
//   - more units than the line has left: [ErrOverQuantity]; returned units
//     the warehouse has not received back: [ErrNotReturned]; more money
//     than remains of the line, of the units or of the postage:
//     [ErrOverRefund] (rule R7);
//   - a ledger holding [MaxEntries] entries: [ErrLedgerFull].
//
// Pay allocates nothing on a ledger loaded from storage (see
// BenchmarkLedgerRefund): the new entry rides in the returned value. A
// payout on that returned ledger copies its entries once, O(entries).
func (l Ledger) Pay(p Payout) (Ledger, Receipt, error) {
	if l.b == nil {
		return l, Receipt{}, fieldErr("ledger", "", ErrMissing, "the zero Ledger")
	}
	key, err := identifier("key", p.Key)
	if err != nil {
		return l, Receipt{}, err
	}
	e, err := l.payoutEntry(p)
	if err != nil {
		return l, Receipt{}, err
	}
	e.key = key
	if r, found, err := l.replay(&e); found || err != nil {
		return l, r, err
	}
	if err := l.checkVersion(p.Version); err != nil {
		return l, Receipt{}, err
	}
	if err := l.checkPayout(&e, p); err != nil {
		return l, Receipt{}, err
	}
	next := l.with(e)
	return next, l.receipt(&e, next.Version()), nil
}

// payoutEntry checks the shape of p and returns it as an entry (without
// its key).
func (l *Ledger) payoutEntry(p Payout) (entry, error) {
	e := entry{kind: payoutEntry, line: -1, returned: p.Returned, at: p.At.Round(0)}
	var err error
	if p.SKU != "" {
		i, err := l.lineIndex("sku", p.SKU)
		if err != nil {
			return e, err
		}
		e.line = int32(i)
	}
	if p.Units < 0 || p.Units > yuan.MaxQuantity {
		return e, fieldErr("units", strconv.Itoa(p.Units), ErrInvalidQuantity, "must be 0 to "+strconv.Itoa(yuan.MaxQuantity))
	}
	e.units = int64(p.Units)
	if err := optionalTime("at", p.At); err != nil {
		return e, err
	}
	if e.goods, err = fen("goods", p.Goods); err != nil {
		return e, err
	}
	if e.postage, err = fen("postage", p.Postage); err != nil {
		return e, err
	}
	switch {
	case e.line < 0 && (e.units > 0 || e.goods > 0 || p.Returned):
		return e, fieldErr("sku", "", ErrMissing, "units and goods are refunded on a line")
	case e.line >= 0 && e.goods == 0:
		return e, fieldErr("goods", yuan.Text(p.Goods), ErrInvalidAmount,
			"a goods refund of 0 is an error, never everything: give the amount (Ledger.Refundable)")
	case e.line < 0 && e.postage == 0:
		return e, fieldErr("postage", yuan.Text(p.Postage), ErrInvalidAmount,
			"a refund of 0 is an error, never everything: give the amount")
	case p.Returned && e.units == 0:
		return e, fieldErr("units", "0", ErrInvalidQuantity, "returned goods are at least 1 unit")
	}
	return e, nil
}

// lineIndex returns the index of the line with the given SKU.
func (l *Ledger) lineIndex(field, s string) (int, error) {
	// Stored SKUs are canonical: a SKU equal to one needs no normalising.
	for i := range l.b.lines {
		if l.b.lines[i].sku == s {
			return i, nil
		}
	}
	n, err := sku(field, s)
	if err != nil {
		return 0, err
	}
	for i := range l.b.lines {
		if l.b.lines[i].sku == n {
			return i, nil
		}
	}
	return 0, fieldErr(field, s, ErrUnknownLine, "not on order "+l.b.orderID)
}

// replay looks for an entry of e's kind with e's key (and, for an arrival,
// e's line). found is true when there is one: with the same parameters it
// is a replay and r its receipt; with others err is [ErrKeyReused].
func (l *Ledger) replay(e *entry) (r Receipt, found bool, err error) {
	for i := range l.numEntries() {
		f := l.entryAt(i)
		if f.kind != e.kind || f.key != e.key || (e.kind == arrivalEntry && f.line != e.line) {
			continue
		}
		if !f.sameAs(e) {
			field := "key"
			if e.kind == arrivalEntry {
				field = "waybill"
			}
			return Receipt{}, true, fieldErr(field, e.key, ErrKeyReused,
				"first used at version "+strconv.Itoa(i+2)+" for "+l.describe(f))
		}
		r = l.receipt(f, int64(i)+2)
		r.Replayed = true
		return r, true, nil
	}
	return Receipt{}, false, nil
}

// describe renders an entry for an error message.
func (l *Ledger) describe(e *entry) string {
	s := ""
	if e.line >= 0 {
		s = strconv.Quote(l.b.lines[e.line].sku) + " " + strconv.FormatInt(e.units, 10) + " units"
	}
	if e.kind == payoutEntry {
		s += " goods " + yuan.Format(e.goods) + " postage " + yuan.Format(e.postage)
		if e.returned {
			s += " returned"
		}
	}
	return s
}

func (l *Ledger) checkVersion(v int64) error {
	if cur := l.Version(); v != cur {
		return fieldErr("version", strconv.FormatInt(v, 10), ErrStaleVersion,
			"the ledger is at version "+strconv.FormatInt(cur, 10))
	}
	if l.numEntries() >= MaxEntries {
		return fieldErr("ledger", strconv.Itoa(l.numEntries()), ErrLedgerFull, "at most "+strconv.Itoa(MaxEntries)+" entries")
	}
	return nil
}

// checkPayout checks the caps of a well-formed payout entry (rule R7).
func (l *Ledger) checkPayout(e *entry, p Payout) error {
	if e.line >= 0 {
		lb := &l.b.lines[e.line]
		a := l.agg(int(e.line))
		if a.units+e.units > lb.qty {
			return fieldErr("units", strconv.FormatInt(e.units, 10), ErrOverQuantity,
				strconv.FormatInt(lb.qty-a.units, 10)+" of "+strconv.FormatInt(lb.qty, 10)+" units left on line "+strconv.Quote(lb.sku))
		}
		if e.returned && a.returned+e.units > a.arrived {
			return fieldErr("units", strconv.FormatInt(e.units, 10), ErrNotReturned,
				strconv.FormatInt(a.arrived, 10)+" units of line "+strconv.Quote(lb.sku)+" came back, "+
					strconv.FormatInt(a.returned, 10)+" of them already refunded")
		}
		if max := lineCap(lb, a, e.units); e.goods > max {
			what := "on line " + strconv.Quote(lb.sku)
			if e.units > 0 {
				what = "for " + strconv.FormatInt(e.units, 10) + " units of line " + strconv.Quote(lb.sku)
			}
			return fieldErr("goods", yuan.Text(p.Goods), ErrOverRefund, yuan.Format(max)+" left "+what)
		}
	}
	if left := l.b.postage - l.postageRefunded(); e.postage > left {
		return fieldErr("postage", yuan.Text(p.Postage), ErrOverRefund, yuan.Format(left)+" of the postage left")
	}
	return nil
}

// lineCap is the most a payout covering units more units of line lb may
// refund: what remains of the line, and no more than those units carry of
// what the line paid (see [upTo]).
func lineCap(lb *lineBook, a lineAgg, units int64) int64 {
	left := lb.paid - a.goods
	if units > 0 {
		left = min(left, upTo(lb.paid, a.units+units, lb.qty)-upTo(lb.paid, a.units, lb.qty))
	}
	return max(left, 0)
}

func (l *Ledger) receipt(e *entry, version int64) Receipt {
	r := Receipt{Key: e.key, Units: int(e.units), Returned: e.returned, Version: version, At: e.at,
		goods: e.goods, postage: e.postage}
	if e.line >= 0 {
		r.SKU = l.b.lines[e.line].sku
	}
	return r
}

// with returns l with e added: in the value while l has no head entry (no
// allocation), otherwise in a new book holding l's head.
func (l Ledger) with(e entry) Ledger {
	if !l.hasHead {
		return Ledger{b: l.b, head: e, hasHead: true}
	}
	return Ledger{b: l.b.plus(&l.head, 1), head: e, hasHead: true}
}

// plus returns a copy of b with e appended, with room for spare more.
func (b *book) plus(e *entry, spare int) *book {
	n := *b
	n.entries = make([]entry, len(b.entries), len(b.entries)+1+spare)
	copy(n.entries, b.entries)
	n.entries = append(n.entries, *e)
	n.agg = slices.Clone(b.agg)
	n.add(e)
	return &n
}

// add updates b's aggregates for e, already in b.entries.
func (b *book) add(e *entry) {
	if e.line >= 0 {
		e.apply(&b.agg[e.line])
	}
	if e.kind == payoutEntry {
		b.postageRefunded += e.postage
	}
}

// Receive records an arrival of returned goods and returns the next
// ledger. Errors, with l unchanged: a missing or malformed waybill
// ([ErrMissing], [ErrInvalidText]); an unknown SKU ([ErrUnknownLine]);
// fewer than 1 unit ([ErrInvalidQuantity]) or more than the line holds
// with what already came back ([ErrOverQuantity]); the same waybill and
// SKU with other units ([ErrKeyReused] — with the same units it is a
// replay and returns l); a stale version ([ErrStaleVersion]).
func (l Ledger) Receive(a Arrival) (Ledger, error) {
	if l.b == nil {
		return l, fieldErr("ledger", "", ErrMissing, "the zero Ledger")
	}
	e, err := l.arrivalEntry(a)
	if err != nil {
		return l, err
	}
	if _, found, err := l.replay(&e); found || err != nil {
		return l, err
	}
	if err := l.checkVersion(a.Version); err != nil {
		return l, err
	}
	if err := l.checkArrival(&e); err != nil {
		return l, err
	}
	return l.with(e), nil
}

func (l *Ledger) arrivalEntry(a Arrival) (entry, error) {
	e := entry{kind: arrivalEntry, at: a.At.Round(0)}
	if a.Waybill == "" {
		return e, fieldErr("waybill", "", ErrMissing, "returned goods are tracked by their waybill (rule R4)")
	}
	var err error
	if e.key, err = waybill("waybill", a.Waybill); err != nil {
		return e, err
	}
	if a.SKU == "" {
		return e, fieldErr("sku", "", ErrMissing, "")
	}
	i, err := l.lineIndex("sku", a.SKU)
	if err != nil {
		return e, err
	}
	e.line = int32(i)
	if a.Units < 1 || a.Units > yuan.MaxQuantity {
		return e, fieldErr("units", strconv.Itoa(a.Units), ErrInvalidQuantity, "must be 1 to "+strconv.Itoa(yuan.MaxQuantity))
	}
	e.units = int64(a.Units)
	return e, optionalTime("at", a.At)
}

func (l *Ledger) checkArrival(e *entry) error {
	lb := &l.b.lines[e.line]
	if a := l.agg(int(e.line)); a.arrived+e.units > lb.qty {
		return fieldErr("units", strconv.FormatInt(e.units, 10), ErrOverQuantity,
			"line "+strconv.Quote(lb.sku)+" has "+strconv.FormatInt(lb.qty, 10)+" units, "+
				strconv.FormatInt(a.arrived, 10)+" already came back")
	}
	return nil
}

// LineState is one line of a [Ledger]: its split and what it has had
// refunded and received back. Paid is the platform's divide_order_fee,
// Discount its part_mjz_discount; Goods = Discount + Paid.
type LineState struct {
	SKU      string
	Quantity int
	Goods    decimal.Decimal // unit price × quantity
	Discount decimal.Decimal // the line's share of the order discount
	Paid     decimal.Decimal // what the line paid: the most it can refund
	// RefundedUnits are the units payouts covered; ReturnedUnits those of
	// them paid as returned, and ArrivedUnits the units the warehouse
	// received back.
	RefundedUnits, ReturnedUnits, ArrivedUnits int
	Refunded                                   decimal.Decimal // money refunded on the line
	Remaining                                  decimal.Decimal // Paid − Refunded
}

// NumLines returns the number of lines.
func (l Ledger) NumLines() int {
	if l.b == nil {
		return 0
	}
	return len(l.b.lines)
}

// Line returns line i, 0 ≤ i < [Ledger.NumLines]; it panics for i out of
// range, like a slice index.
func (l Ledger) Line(i int) LineState {
	lb := &l.b.lines[i]
	a := l.agg(i)
	return LineState{SKU: lb.sku, Quantity: int(lb.qty), Goods: yuan.Dec(lb.goods), Discount: yuan.Dec(lb.discount),
		Paid: yuan.Dec(lb.paid), RefundedUnits: int(a.units), ReturnedUnits: int(a.returned),
		ArrivedUnits: int(a.arrived), Refunded: yuan.Dec(a.goods), Remaining: yuan.Dec(lb.paid - a.goods)}
}

// LineBySKU returns the line with the given SKU, normalised first.
func (l Ledger) LineBySKU(s string) (LineState, bool) {
	if l.b == nil {
		return LineState{}, false
	}
	i, err := l.lineIndex("sku", s)
	if err != nil {
		return LineState{}, false
	}
	return l.Line(i), true
}

// Refundable returns the most a payout covering units more units of the
// line with the given SKU may refund now: what remains of the line, and no
// more than those units carry of what it paid. With units 0 it is what
// remains of the line. Errors: an unknown SKU ([ErrUnknownLine]), units
// below 0 or above what is left ([ErrInvalidQuantity], [ErrOverQuantity]).
func (l Ledger) Refundable(s string, units int) (decimal.Decimal, error) {
	if l.b == nil {
		return decimal.Decimal{}, fieldErr("ledger", "", ErrMissing, "the zero Ledger")
	}
	i, err := l.lineIndex("sku", s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	lb := &l.b.lines[i]
	a := l.agg(i)
	switch {
	case units < 0:
		return decimal.Decimal{}, fieldErr("units", strconv.Itoa(units), ErrInvalidQuantity, "must not be negative")
	case int64(units) > lb.qty-a.units:
		return decimal.Decimal{}, fieldErr("units", strconv.Itoa(units), ErrOverQuantity,
			strconv.FormatInt(lb.qty-a.units, 10)+" units left on line "+strconv.Quote(lb.sku))
	}
	return yuan.Dec(lineCap(lb, a, int64(units))), nil
}

// Postage returns the postage the buyer paid.
func (l Ledger) Postage() decimal.Decimal {
	if l.b == nil {
		return decimal.Decimal{}
	}
	return yuan.Dec(l.b.postage)
}

// PostageRemaining returns the postage not yet refunded.
func (l Ledger) PostageRemaining() decimal.Decimal {
	if l.b == nil {
		return decimal.Decimal{}
	}
	return yuan.Dec(l.b.postage - l.postageRefunded())
}

// totals returns what the buyer paid and what has been refunded, in fen.
func (l *Ledger) totals() (paid, refunded, goodsLeft int64) {
	if l.b == nil {
		return 0, 0, 0
	}
	paid, refunded = l.b.postage, l.postageRefunded()
	for i := range l.b.lines {
		a := l.agg(i)
		paid += l.b.lines[i].paid
		refunded += a.goods
		goodsLeft += l.b.lines[i].paid - a.goods
	}
	return paid, refunded, goodsLeft
}

// Paid returns what the buyer paid: the lines' paid amounts and the
// postage, which is the order's amount paid.
func (l Ledger) Paid() decimal.Decimal {
	p, _, _ := l.totals()
	return yuan.Dec(p)
}

// Refunded returns everything refunded so far, goods and postage.
func (l Ledger) Refunded() decimal.Decimal {
	_, r, _ := l.totals()
	return yuan.Dec(r)
}

// Remaining returns what can still be refunded: Paid − Refunded (rule R7).
func (l Ledger) Remaining() decimal.Decimal {
	p, r, _ := l.totals()
	return yuan.Dec(p - r)
}

// GoodsRemaining returns what can still be refunded of the goods, postage
// aside; zero once every line is refunded in full.
func (l Ledger) GoodsRemaining() decimal.Decimal {
	_, _, g := l.totals()
	return yuan.Dec(g)
}

// goodsRemaining is GoodsRemaining in fen.
func (l Ledger) goodsRemaining() int64 {
	_, _, g := l.totals()
	return g
}

// Receipt returns the receipt of the payout with the given key, if it was
// paid: whether a refund promised has been kept (rule R6).
func (l Ledger) Receipt(key string) (Receipt, bool) {
	if l.b == nil {
		return Receipt{}, false
	}
	k, err := identifier("key", key)
	if err != nil {
		return Receipt{}, false
	}
	for i := range l.numEntries() {
		if e := l.entryAt(i); e.kind == payoutEntry && e.key == k {
			return l.receipt(e, int64(i)+2), true
		}
	}
	return Receipt{}, false
}

// Receipts returns the receipts of every payout, oldest first.
func (l Ledger) Receipts() []Receipt {
	if l.b == nil {
		return nil
	}
	var out []Receipt
	for i := range l.numEntries() {
		if e := l.entryAt(i); e.kind == payoutEntry {
			out = append(out, l.receipt(e, int64(i)+2))
		}
	}
	return out
}

// Arrivals returns every arrival, oldest first, each with the version the
// ledger reached with it.
func (l Ledger) Arrivals() []Arrival {
	if l.b == nil {
		return nil
	}
	var out []Arrival
	for i := range l.numEntries() {
		if e := l.entryAt(i); e.kind == arrivalEntry {
			out = append(out, Arrival{Waybill: e.key, Version: int64(i) + 2, SKU: l.b.lines[e.line].sku,
				Units: int(e.units), At: e.at})
		}
	}
	return out
}

// AwaitingRefund returns, per line, the units the warehouse received back
// that no payout has refunded yet — a return received but not refunded
// (rule R6: refunds are never forgotten). Lines with none are left out.
func (l Ledger) AwaitingRefund() map[string]int {
	if l.b == nil {
		return nil
	}
	var out map[string]int
	for i := range l.b.lines {
		if a := l.agg(i); a.arrived > a.returned {
			if out == nil {
				out = map[string]int{}
			}
			out[l.b.lines[i].sku] = int(a.arrived - a.returned)
		}
	}
	return out
}

// Awaiting is returned goods of one line that no payout has refunded yet
// (see [Ledger.Unrefunded]).
type Awaiting struct {
	SKU   string
	Units int
	// Since is when the oldest of those units arrived; zero when its
	// arrival gave no time.
	Since time.Time
}

// Unrefunded returns, line by line in order, the units the warehouse
// received back that no returned-goods payout has refunded yet, with the
// time the oldest of them arrived — a return received but not refunded
// (rule R6). Payouts refund arrivals oldest first. Lines with none are
// left out.
func (l Ledger) Unrefunded() []Awaiting {
	if l.b == nil {
		return nil
	}
	var out []Awaiting
	for i := range l.b.lines {
		a := l.agg(i)
		if a.arrived <= a.returned {
			continue
		}
		w := Awaiting{SKU: l.b.lines[i].sku, Units: int(a.arrived - a.returned)}
		var cum int64
		for j := range l.numEntries() {
			e := l.entryAt(j)
			if e.kind != arrivalEntry || int(e.line) != i {
				continue
			}
			if cum += e.units; cum > a.returned {
				w.Since = e.at
				break
			}
		}
		out = append(out, w)
	}
	return out
}
