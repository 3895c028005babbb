package order

import "github.com/kefu-go/kefu/internal/enum"

// Buyer is who placed an order: the platform account and its nickname.
// Only this account may see the order's details (rule O7).
type Buyer struct {
	ID   string `json:"id"`             // platform account ID; required
	Nick string `json:"nick,omitempty"` // nickname shown in chat
}

// Payment is how an order is paid. The zero value, [Online], is the
// platform's default.
type Payment uint8

// Payment methods.
const (
	// Online: paid on the platform before dispatch.
	Online Payment = iota
	// CashOnDelivery (货到付款): paid to the courier on delivery. It costs
	// the buyer slightly more, and the buyer must confirm before the order
	// ships (rule S9).
	CashOnDelivery
	numPayments
)

var paymentNames = []string{Online: "online", CashOnDelivery: "cod"}

// String returns "online" or "cod", or "Payment(N)" out of range.
func (p Payment) String() string { return enum.Name(paymentNames, int(p), "Payment") }

// IsValid reports whether p is a known payment method.
func (p Payment) IsValid() bool { return p < numPayments }

// MarshalText returns "online" or "cod"; an invalid value is an error.
func (p Payment) MarshalText() ([]byte, error) {
	if !p.IsValid() {
		return nil, fieldErr("payment", p.String(), ErrUnknownPayment, "")
	}
	return []byte(paymentNames[p]), nil
}

// UnmarshalText accepts "online" and "cod"; "" is [Online].
func (p *Payment) UnmarshalText(b []byte) error {
	switch string(b) {
	case "", "online":
		*p = Online
	case "cod":
		*p = CashOnDelivery
	default:
		return fieldErr("payment", string(b), ErrUnknownPayment, "")
	}
	return nil
}
