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
// backend stores; Confirm and Transfer return a new one. The zero
// Difference is not valid: build one with [NewDifference] or
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
// (nothing is owed); an empty order ID wraps [ErrMissing].
func NewDifference(orderID string, charged, due decimal.Decimal) (Difference, error) {
	if err := checkID("order_id", orderID); err != nil {
		return Difference{}, err
	}
	c, ok := yuan.Fen(charged)
	if !ok || c < 0 {
		return Difference{}, fieldErr("charged", amountText(charged), ErrInvalidAmount, "at least 0 with at most two decimals")
	}
	d, ok := yuan.Fen(due)
	if !ok || d < 0 {
		return Difference{}, fieldErr("due", amountText(due), ErrInvalidAmount, "at least 0 with at most two decimals")
	}
	switch {
	case d > c:
		return Difference{OrderID: orderID, Payer: PayerBuyer, Via: TopUpOrder, Amount: yuan.Dec(d - c)}, nil
	case d < c:
		return Difference{OrderID: orderID, Payer: PayerShop, Via: Transfer, Amount: yuan.Dec(c - d)}, nil
	}
	return Difference{}, fieldErr("due", amountText(due), ErrInvalidAmount, "equals what was charged: nothing is owed")
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
	d := Difference{OrderID: orderID, Payer: via.Payer(), Via: via, Amount: amount}
	if err := d.Validate(); err != nil {
		return Difference{}, err
	}
	d.Amount, _ = yuan.Normalize(amount)
	return d, nil
}

// Validate checks a difference read back from storage: an order ID, a
// known payer paying by a settlement of theirs, a positive amount with
// at most two decimals, and a transfer only after the confirmation. The
// error is an [*Error] wrapping [ErrMissing], [ErrInvalidText],
// [ErrUnknownPayer], [ErrUnknownSettlement], [ErrInvalidAmount] or
// [ErrNotConfirmed].
func (d Difference) Validate() error {
	if err := checkID("order_id", d.OrderID); err != nil {
		return err
	}
	if !d.Payer.IsValid() {
		return fieldErr("payer", d.Payer.String(), ErrUnknownPayer, "")
	}
	if !d.Via.IsValid() || d.Via.Payer() != d.Payer {
		return fieldErr("via", d.Via.String(), ErrUnknownSettlement, "not how the "+d.Payer.String()+" pays")
	}
	if _, err := positive("amount", d.Amount); err != nil {
		return err
	}
	if !d.TransferredAt.IsZero() && (d.ConfirmedAt.IsZero() || d.TransferredAt.Before(d.ConfirmedAt)) {
		return fieldErr("transferred_at", d.TransferredAt.Format(time.RFC3339), ErrNotConfirmed, "the buyer confirms before the transfer")
	}
	return nil
}

// Confirm returns the difference confirmed by the buyer at time at. A
// difference confirmed already is an error wrapping [ErrConfirmed]; a
// zero time wraps [ErrMissing]; an invalid difference is refused with the
// error of [Difference.Validate]; d itself is never modified.
func (d Difference) Confirm(at time.Time) (Difference, error) {
	if err := d.Validate(); err != nil {
		return d, err
	}
	if !d.ConfirmedAt.IsZero() {
		return d, fieldErr("confirmed_at", d.ConfirmedAt.Format(time.RFC3339), ErrConfirmed, "")
	}
	if at.IsZero() {
		return d, fieldErr("at", "", ErrMissing, "")
	}
	n := d
	n.ConfirmedAt = at
	return n, nil
}

// Settled reports whether the buyer has confirmed the difference: only
// then does it count as settled (rule P6), and only then may it be
// transferred.
func (d Difference) Settled() bool { return !d.ConfirmedAt.IsZero() }

// Transfer returns the difference with its money moved at time at. It is
// refused unless the buyer confirmed the amount first (rule P6: an
// error wrapping [ErrNotConfirmed], also for at before the
// confirmation), and when it was transferred already ([ErrTransferred]),
// so that the same difference is never paid twice; a zero time wraps
// [ErrMissing]; d itself is never modified.
func (d Difference) Transfer(at time.Time) (Difference, error) {
	if err := d.Validate(); err != nil {
		return d, err
	}
	switch {
	case !d.TransferredAt.IsZero():
		return d, fieldErr("transferred_at", d.TransferredAt.Format(time.RFC3339), ErrTransferred, "")
	case d.ConfirmedAt.IsZero():
		return d, fieldErr("confirmed_at", "", ErrNotConfirmed, "the buyer confirms the amount before the transfer (rule P6)")
	case at.IsZero():
		return d, fieldErr("at", "", ErrMissing, "")
	case at.Before(d.ConfirmedAt):
		return d, fieldErr("at", at.Format(time.RFC3339), ErrNotConfirmed, "before the confirmation at "+d.ConfirmedAt.Format(time.RFC3339))
	}
	n := d
	n.TransferredAt = at
	return n, nil
}

// Transferred reports whether the difference's money has moved.
func (d Difference) Transferred() bool { return !d.TransferredAt.IsZero() }

type differenceJSON struct {
	OrderID       string     `json:"order_id"`
	Payer         Payer      `json:"payer"`
	Via           Settlement `json:"via,omitzero"`
	Amount        fixed      `json:"amount"`
	ConfirmedAt   time.Time  `json:"confirmed_at,omitzero"`
	TransferredAt time.Time  `json:"transferred_at,omitzero"`
}

// MarshalJSON encodes the amount as text with two decimals:
//
//	{"order_id":"T1","payer":"shop","via":"transfer","amount":"10.01","confirmed_at":"2026-11-10T09:30:00+08:00"}
func (d Difference) MarshalJSON() ([]byte, error) {
	return json.Marshal(differenceJSON{d.OrderID, d.Payer, d.Via, fixed(d.Amount), d.ConfirmedAt, d.TransferredAt})
}

// UnmarshalJSON decodes what MarshalJSON encodes and checks it with
// [Difference.Validate]; on error d is left unchanged. A missing "via" is
// the payer's usual settlement: a top-up order for the buyer, a transfer
// for the shop.
func (d *Difference) UnmarshalJSON(b []byte) error {
	var w differenceJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if w.Via == SettlementUnknown {
		w.Via = defaultSettlement(w.Payer)
	}
	n := Difference{w.OrderID, w.Payer, w.Via, decimal.Decimal(w.Amount), w.ConfirmedAt, w.TransferredAt}
	if err := n.Validate(); err != nil {
		return err
	}
	*d = n
	return nil
}
