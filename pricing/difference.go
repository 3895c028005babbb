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

// Difference is a price difference owed on an order, either way (rule
// P6): the buyer tops up, or the shop compensates. It is computed exactly
// to the fen and counts as settled only once the buyer has confirmed it.
// It is an immutable value the backend stores; [Difference.Confirm]
// returns a new one.
type Difference struct {
	OrderID string
	Payer   Payer
	// Amount is what Payer owes: positive, two decimals.
	Amount decimal.Decimal
	// ConfirmedAt is when the buyer confirmed the difference; zero while
	// it is open.
	ConfirmedAt time.Time
}

// NewDifference returns the difference on order orderID between what was
// charged and what is due, both in yuan: due > charged, the buyer owes
// the rest; due < charged, the shop owes it. Amounts that are negative or
// have more than two decimals are errors wrapping [ErrInvalidAmount], as
// is a difference of zero (nothing is owed); an empty order ID wraps
// [ErrMissing].
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
		return Difference{OrderID: orderID, Payer: PayerBuyer, Amount: yuan.Dec(d - c)}, nil
	case d < c:
		return Difference{OrderID: orderID, Payer: PayerShop, Amount: yuan.Dec(c - d)}, nil
	}
	return Difference{}, fieldErr("due", amountText(due), ErrInvalidAmount, "equals what was charged: nothing is owed")
}

// Validate checks a difference read back from storage.
func (d Difference) Validate() error {
	if err := checkID("order_id", d.OrderID); err != nil {
		return err
	}
	if !d.Payer.IsValid() {
		return fieldErr("payer", d.Payer.String(), ErrUnknownPayer, "")
	}
	_, err := positive("amount", d.Amount)
	return err
}

// Confirm returns the difference confirmed by the buyer at time at. A
// difference confirmed already is an error wrapping [ErrConfirmed]; a
// zero time wraps [ErrMissing]; d itself is never modified.
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
// then does it count as settled (rule P6).
func (d Difference) Settled() bool { return !d.ConfirmedAt.IsZero() }

type differenceJSON struct {
	OrderID     string    `json:"order_id"`
	Payer       Payer     `json:"payer"`
	Amount      fixed     `json:"amount"`
	ConfirmedAt time.Time `json:"confirmed_at,omitzero"`
}

// MarshalJSON encodes the amount as text with two decimals.
func (d Difference) MarshalJSON() ([]byte, error) {
	return json.Marshal(differenceJSON{d.OrderID, d.Payer, fixed(d.Amount), d.ConfirmedAt})
}

// UnmarshalJSON decodes what MarshalJSON encodes and checks it with
// [Difference.Validate]; on error d is left unchanged.
func (d *Difference) UnmarshalJSON(b []byte) error {
	var w differenceJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	n := Difference{w.OrderID, w.Payer, decimal.Decimal(w.Amount), w.ConfirmedAt}
	if err := n.Validate(); err != nil {
		return err
	}
	*d = n
	return nil
}
