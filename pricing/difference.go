package pricing

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/yuan"
)

// Payer says who owes a price difference. The zero value is nobody.
type Payer uint8

// Payers.
const (
	PayerUnknown Payer = iota
	// PayerBuyer: the buyer tops up (补差价), e.g. with a small top-up
	// order linked to the original.
	PayerBuyer
	// PayerShop: the shop compensates the buyer.
	PayerShop
	numPayers
)

var payerNames = []string{"", "buyer", "shop"}

// String returns the snake_case name, or "Payer(N)" out of range.
func (p Payer) String() string { return enum.Name(payerNames, int(p), "Payer") }

// IsValid reports whether p is a known payer.
func (p Payer) IsValid() bool { return p > PayerUnknown && p < numPayers }

// MarshalText returns the snake_case name; an invalid payer is an error.
func (p Payer) MarshalText() ([]byte, error) {
	if !p.IsValid() {
		return nil, fieldErr("payer", p.String(), ErrUnknownPayer, "")
	}
	return []byte(payerNames[p]), nil
}

// UnmarshalText accepts the snake_case names.
func (p *Payer) UnmarshalText(b []byte) error {
	i, ok := enum.Index(payerNames, string(b))
	if !ok {
		return fieldErr("payer", string(b), ErrUnknownPayer, "")
	}
	*p = Payer(i)
	return nil
}

// Settlement says how a price difference is paid (rule P6). The text form
// is snake_case; the zero value, [SettlementUnknown], is no settlement.
type Settlement uint8

// Settlements.
const (
	SettlementUnknown Settlement = iota
	// TopUpOrder (补差价): the buyer pays a small top-up order linked to
	// the original, for goods, postage or other.
	TopUpOrder
	// FreightCollect (到付): the buyer pays the carrier on delivery; a
	// Hong Kong, Macao or Taiwan parcel goes SF freight collect once the
	// buyer has been told the amount (rules P6, S3). The money never
	// passes through the shop, so no refund may include it.
	FreightCollect
	// Transfer: the shop pays the buyer, by a partial refund or a
	// transfer.
	Transfer
	numSettlements
)

var settlementNames = []string{"", "top_up_order", "freight_collect", "transfer"}

// String returns the snake_case name, or "Settlement(N)" out of range.
func (s Settlement) String() string { return enum.Name(settlementNames, int(s), "Settlement") }

// IsValid reports whether s is a known settlement.
func (s Settlement) IsValid() bool { return s > SettlementUnknown && s < numSettlements }

// Payer returns who pays by settlement s: the buyer for [TopUpOrder] and
// [FreightCollect], the shop for [Transfer].
func (s Settlement) Payer() Payer {
	switch s {
	case TopUpOrder, FreightCollect:
		return PayerBuyer
	case Transfer:
		return PayerShop
	}
	return PayerUnknown
}

// MarshalText returns the snake_case name; an invalid settlement is an
// error wrapping [ErrUnknownSettlement].
func (s Settlement) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fieldErr("via", s.String(), ErrUnknownSettlement, "")
	}
	return []byte(settlementNames[s]), nil
}

// UnmarshalText accepts the snake_case names.
func (s *Settlement) UnmarshalText(b []byte) error {
	i, ok := enum.Index(settlementNames, string(b))
	if !ok {
		return fieldErr("via", string(b), ErrUnknownSettlement, "")
	}
	*s = Settlement(i)
	return nil
}

// defaultSettlement is how payer settles unless told otherwise: the buyer
// with a top-up order, the shop with a transfer.
func defaultSettlement(payer Payer) Settlement {
	switch payer {
	case PayerBuyer:
		return TopUpOrder
	case PayerShop:
		return Transfer
	}
	return SettlementUnknown
}

// Difference is a price difference owed on an order, either way (rule
// P6): the buyer tops up ([PayerBuyer], by a [TopUpOrder] or
// [FreightCollect]), or the shop compensates ([PayerShop], by a
// [Transfer]). It is computed exactly to the fen. Its life is
//
//	open ── Confirm ──► settled ── Transfer ──► transferred
//
// The buyer is told the amount and confirms it; only then does it count
// as settled, and only then may the money move: [Difference.Transfer]
// refuses an unconfirmed difference and records the transfer once, so the
// same difference is never paid twice. It is an immutable value the
// backend stores; Confirm and Transfer return a new one, their times in
// UTC. The zero Difference is not valid: build one with [NewDifference] or
// [NewDifferenceOwed].
type Difference struct {
	OrderID string
	Payer   Payer
	// Via is how it is paid; [Settlement.Payer] is Payer.
	Via Settlement
	// Amount is what Payer owes: positive, two decimals.
	Amount decimal.Decimal
	// ConfirmedAt is when the buyer confirmed the difference; zero while
	// it is open.
	ConfirmedAt time.Time
	// TransferredAt is when the money moved — the top-up order paid, the
	// parcel sent freight collect, the shop's transfer made; zero until
	// then.
	TransferredAt time.Time
}

// NewDifference returns the difference on order orderID between what was
// charged and what is due, both in yuan: due > charged, the buyer owes
// the rest, by a [TopUpOrder]; due < charged, the shop owes it, by a
// [Transfer]. Amounts that are negative or have more than two decimals
// are errors wrapping [ErrInvalidAmount], as is a difference of zero
// (nothing is owed); an empty order ID wraps [ErrMissing], one the
// identity rule refuses [ErrInvalidText]. The order ID is kept in
// canonical form ([order.CanonicalID]).
func NewDifference(orderID string, charged, due decimal.Decimal) (Difference, error) {
	orderID, err := canonID("order_id", orderID)
	if err != nil {
		return Difference{}, err
	}
	c, ok := yuan.Fen(charged)
	if !ok || c < 0 {
		return Difference{}, fieldErr("charged", yuan.Text(charged), ErrInvalidAmount, "at least 0 with at most two decimals")
	}
	d, ok := yuan.Fen(due)
	if !ok || d < 0 {
		return Difference{}, fieldErr("due", yuan.Text(due), ErrInvalidAmount, "at least 0 with at most two decimals")
	}
	switch {
	case d > c:
		return Difference{OrderID: orderID, Payer: PayerBuyer, Via: TopUpOrder, Amount: yuan.Dec(d - c)}, nil
	case d < c:
		return Difference{OrderID: orderID, Payer: PayerShop, Via: Transfer, Amount: yuan.Dec(c - d)}, nil
	}
	return Difference{}, fieldErr("due", yuan.Text(due), ErrInvalidAmount, "equals what was charged: nothing is owed")
}

// NewDifferenceOwed returns a difference of amount owed on order orderID,
// paid via the given settlement, which also says who pays
// ([Settlement.Payer]). Use it when the amount is known rather than two
// prices: a carrier's surcharge the buyer is told before a Hong Kong,
// Macao or Taiwan parcel goes SF freight collect ([FreightCollect], rule
// P6), or a compensation the shop transfers ([Transfer]). Errors: an
// [*Error] wrapping [ErrMissing] or [ErrInvalidText] for the order ID,
// [ErrUnknownSettlement], or [ErrInvalidAmount] for an amount that is
// not positive or has more than two decimals.
func NewDifferenceOwed(orderID string, via Settlement, amount decimal.Decimal) (Difference, error) {
	if !via.IsValid() {
		return Difference{}, fieldErr("via", via.String(), ErrUnknownSettlement, "")
	}
	d, err := Difference{OrderID: orderID, Payer: via.Payer(), Via: via, Amount: amount}.normalize()
	if err != nil {
		return Difference{}, err
	}
	return d, nil
}

// Validate checks a difference read back from storage: an order ID that
// passes the identity rule, a known payer paying by a settlement of
// theirs, a positive amount with at most two decimals, times in the years
// 1 to 9999, and a transfer only after the confirmation. The error is an
// [*Error] wrapping [ErrMissing], [ErrInvalidText], [ErrUnknownPayer],
// [ErrUnknownSettlement], [ErrInvalidAmount], [ErrInvalidTime] or, for a
// transfer stored without the confirmation it follows (rule P6),
// [ErrInvalidState].
func (d Difference) Validate() error {
	_, err := d.normalize()
	return err
}

// normalize returns d checked, with its order ID canonical, its amount to
// the fen and its times in UTC.
func (d Difference) normalize() (Difference, error) {
	var err error
	if d.OrderID, err = canonID("order_id", d.OrderID); err != nil {
		return Difference{}, err
	}
	if !d.Payer.IsValid() {
		return Difference{}, fieldErr("payer", d.Payer.String(), ErrUnknownPayer, "")
	}
	if !d.Via.IsValid() || d.Via.Payer() != d.Payer {
		return Difference{}, fieldErr("via", d.Via.String(), ErrUnknownSettlement, "not how the "+d.Payer.String()+" pays")
	}
	fen, err := positive("amount", d.Amount)
	if err != nil {
		return Difference{}, err
	}
	d.Amount = yuan.Dec(fen)
	for _, t := range [...]struct {
		name string
		v    *time.Time
	}{{"confirmed_at", &d.ConfirmedAt}, {"transferred_at", &d.TransferredAt}} {
		if !t.v.IsZero() && !inYears(*t.v) {
			return Difference{}, timeErr(t.name, *t.v)
		}
		*t.v = utc(*t.v)
	}
	if !d.TransferredAt.IsZero() && (d.ConfirmedAt.IsZero() || d.TransferredAt.Before(d.ConfirmedAt)) {
		return Difference{}, fieldErr("transferred_at", d.TransferredAt.Format(time.RFC3339), ErrInvalidState,
			"the buyer confirms before the transfer (rule P6)")
	}
	return d, nil
}

// Confirm returns the difference confirmed by the buyer at time at (kept
// in UTC). A difference confirmed already is an error wrapping
// [ErrConfirmed]; a zero time wraps [ErrMissing], one outside the years 1
// to 9999 [ErrInvalidTime]; an invalid difference is refused with the
// error of [Difference.Validate]; d itself is never modified.
func (d Difference) Confirm(at time.Time) (Difference, error) {
	n, err := d.normalize()
	if err != nil {
		return d, err
	}
	switch {
	case !n.ConfirmedAt.IsZero():
		return d, fieldErr("confirmed_at", n.ConfirmedAt.Format(time.RFC3339), ErrConfirmed, "")
	case at.IsZero():
		return d, fieldErr("at", "", ErrMissing, "")
	case !inYears(at):
		return d, timeErr("at", at)
	}
	n.ConfirmedAt = at.UTC()
	return n, nil
}

// Settled reports whether the buyer has confirmed the difference: only
// then does it count as settled (rule P6), and only then may it be
// transferred.
func (d Difference) Settled() bool { return !d.ConfirmedAt.IsZero() }

// Transfer returns the difference with its money moved at time at (kept
// in UTC). It is refused unless the buyer confirmed the amount first
// (rule P6: an error wrapping [ErrNotConfirmed], conflict), and when it
// was transferred already ([ErrTransferred], conflict), so that the same
// difference is never paid twice; a zero time wraps [ErrMissing], a time
// before the confirmation or outside the years 1 to 9999
// [ErrInvalidTime]; d itself is never modified.
func (d Difference) Transfer(at time.Time) (Difference, error) {
	n, err := d.normalize()
	if err != nil {
		return d, err
	}
	switch {
	case !n.TransferredAt.IsZero():
		return d, fieldErr("transferred_at", n.TransferredAt.Format(time.RFC3339), ErrTransferred, "")
	case n.ConfirmedAt.IsZero():
		return d, fieldErr("confirmed_at", "", ErrNotConfirmed, "the buyer confirms the amount before the transfer (rule P6)")
	case at.IsZero():
		return d, fieldErr("at", "", ErrMissing, "")
	case !inYears(at):
		return d, timeErr("at", at)
	case at.Before(n.ConfirmedAt):
		return d, fieldErr("at", at.UTC().Format(time.RFC3339), ErrInvalidTime, "before the confirmation at "+n.ConfirmedAt.Format(time.RFC3339))
	}
	n.TransferredAt = at.UTC()
	return n, nil
}

// Transferred reports whether the difference's money has moved.
func (d Difference) Transferred() bool { return !d.TransferredAt.IsZero() }

type differenceJSON struct {
	OrderID       string          `json:"order_id"`
	Payer         Payer           `json:"payer"`
	Via           Settlement      `json:"via,omitzero"`
	Amount        json.RawMessage `json:"amount"`
	ConfirmedAt   json.RawMessage `json:"confirmed_at,omitempty"`
	TransferredAt json.RawMessage `json:"transferred_at,omitempty"`
}

// MarshalJSON encodes the amount as text with two decimals and the times
// in RFC 3339, left out while zero:
//
//	{"order_id":"T1","payer":"shop","via":"transfer","amount":"10.01","confirmed_at":"2026-11-10T01:30:00Z"}
func (d Difference) MarshalJSON() ([]byte, error) {
	amount, err := fixed(d.Amount).MarshalJSON()
	if err != nil {
		return nil, err
	}
	w := differenceJSON{OrderID: d.OrderID, Payer: d.Payer, Via: d.Via, Amount: amount}
	if !d.ConfirmedAt.IsZero() {
		if w.ConfirmedAt, err = d.ConfirmedAt.MarshalJSON(); err != nil {
			return nil, err
		}
	}
	if !d.TransferredAt.IsZero() {
		if w.TransferredAt, err = d.TransferredAt.MarshalJSON(); err != nil {
			return nil, err
		}
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly (a field a
// difference does not have is an error wrapping [ErrUnknownField]; the
// amount is exact text with at most two decimals), and checks it with
// [Difference.Validate]; the order ID is kept canonical and the times in
// UTC. On error d is left unchanged. A missing "via" is the payer's usual
// settlement: a top-up order for the buyer, a transfer for the shop.
func (d *Difference) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w differenceJSON
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	if w.Via == SettlementUnknown {
		w.Via = defaultSettlement(w.Payer)
	}
	fen, err := fenJSON("amount", w.Amount)
	if err != nil {
		return err
	}
	n := Difference{OrderID: w.OrderID, Payer: w.Payer, Via: w.Via, Amount: yuan.Dec(fen)}
	if n.ConfirmedAt, err = timeJSON("confirmed_at", w.ConfirmedAt); err != nil {
		return err
	}
	if n.TransferredAt, err = timeJSON("transferred_at", w.TransferredAt); err != nil {
		return err
	}
	if n, err = n.normalize(); err != nil {
		return err
	}
	*d = n
	return nil
}
