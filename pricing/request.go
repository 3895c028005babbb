package pricing

import (
	"encoding/json"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Request is a concession an agent wants to give a buyer on an order. It
// is a plain value; [Policy.Review] reads it and never keeps it.
//
// A console sends a request as JSON ([Request.UnmarshalJSON]): the order's
// ID, the kind, the amount as text and, when there is one, the promotion
// or the compensation cause. Who asks, the order itself and the time are
// the backend's to say — from its session, its database and its clock — so
// they are not part of the JSON form: the backend loads the order that
// [Request.OrderID] names and calls [Request.Attach].
type Request struct {
	// Agent asks; their role decides what they may grant alone. The ID
	// is read by kefu's identity rule ([order.CanonicalID]).
	Agent order.Agent
	// Order is the order the concession is for, built with [order.New].
	Order *order.Order
	Kind  Kind
	// Amount is the value of the concession in yuan: the gift's value, the
	// postage waived, the price cut or the change erased. Positive, with at
	// most two decimals. One larger than the order's amount due, or a
	// postage concession larger than the postage charged, is refused by
	// Review as a decision.
	Amount decimal.Decimal
	// At is when the concession would be given, read in the policy's zone
	// for calendar days.
	At time.Time
	// Promotion, when set, says the buyer asks for this promotion's price
	// (rule P1); nil for ordinary bargaining.
	Promotion *Promotion
	// Cause, when set, makes the request a compensation routed by
	// [Cause.Route] (rule P5), which is not a price change under rule P4;
	// build such requests with [CompensateOversell] or [NewCompensation],
	// which check that a compensation is owed.
	Cause Cause

	orderID string // from JSON, until Attach
}

// OrderID returns the ID of the order r is for: its Order's, or for a
// request decoded from JSON and not attached yet, the order_id it carried.
func (r Request) OrderID() string {
	if r.Order != nil {
		return r.Order.ID()
	}
	return r.orderID
}

// Attach returns r completed by the backend: the agent who asks (from
// the backend's session, never from the console's JSON), the order
// [Request.OrderID] names (loaded by the backend) and the time of the
// request. An order that is nil or zero is an error wrapping
// [ErrMissing]; one with another ID than the request's order_id wraps
// [ErrOrderMismatch]. The agent and time are checked by Review.
func (r Request) Attach(a order.Agent, o *order.Order, at time.Time) (Request, error) {
	if o == nil || o.IsZero() {
		return Request{}, fieldErr("order", "", ErrMissing, "load the order that order_id names")
	}
	if want := r.OrderID(); want != "" && want != o.ID() {
		return Request{}, fieldErr("order_id", o.ID(), ErrOrderMismatch, "the request is for "+strconv.Quote(want))
	}
	r.Agent, r.Order, r.At, r.orderID = a, o, at, ""
	return r, nil
}

type requestJSON struct {
	OrderID   string     `json:"order_id"`
	Kind      Kind       `json:"kind"`
	Amount    fixed      `json:"amount"`
	Promotion *Promotion `json:"promotion,omitempty"`
	Cause     Cause      `json:"cause,omitzero"`
}

// MarshalJSON encodes the console's part of the request:
//
//	{"order_id":"T3001","kind":"price_cut","amount":"5.00"}
//
// with "promotion" and "cause" when set. The agent and the time are not
// encoded: the backend supplies them ([Request.Attach]). A request
// without an order ID, or whose amount has a digit below the fen, is an
// error.
func (r Request) MarshalJSON() ([]byte, error) {
	id := r.OrderID()
	if id == "" {
		return nil, fieldErr("order_id", "", ErrMissing, "")
	}
	return json.Marshal(requestJSON{id, r.Kind, fixed(r.Amount), r.Promotion, r.Cause})
}

// UnmarshalJSON decodes a request as a console sends it, strictly: an
// order_id (read by the identity rule), a known kind, a positive amount as
// exact text or a number with at most two decimals, and optionally a
// promotion and the cause "agent_fault". A field the form does not have —
// "agent" or "at" included: those are the backend's — is an error
// wrapping [ErrUnknownField]; the cause "oversold" wraps
// [ErrNotCompensable], since such a compensation comes from an oversell
// plan ([CompensateOversell]). The decoded request has no agent, order or
// time until [Request.Attach]. On error r is unchanged.
func (r *Request) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w struct {
		OrderID   string          `json:"order_id"`
		Kind      Kind            `json:"kind"`
		Amount    json.RawMessage `json:"amount"`
		Promotion json.RawMessage `json:"promotion"`
		Cause     Cause           `json:"cause"`
	}
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	id, err := canonID("order_id", w.OrderID)
	if err != nil {
		return err
	}
	if !w.Kind.IsValid() {
		return fieldErr("kind", "", ErrMissing, "")
	}
	if w.Amount == nil || isNull(w.Amount) {
		return fieldErr("amount", "", ErrMissing, "")
	}
	fen, err := fenJSON("amount", w.Amount)
	if err != nil {
		return err
	}
	if fen <= 0 {
		return fieldErr("amount", yuan.Format(fen), ErrInvalidAmount, "must be more than zero")
	}
	n := Request{Kind: w.Kind, Amount: yuan.Dec(fen), Cause: w.Cause, orderID: id}
	switch w.Cause {
	case NoCause, AgentFault:
	default:
		return fieldErr("cause", w.Cause.String(), ErrNotCompensable,
			"an oversold compensation comes from an order.Oversell allocation: use CompensateOversell")
	}
	if w.Promotion != nil && !isNull(w.Promotion) {
		var pr Promotion
		if err := pr.UnmarshalJSON(w.Promotion); err != nil {
			return within("promotion", err)
		}
		n.Promotion = &pr
	}
	*r = n
	return nil
}

// Promotion is a promotion window set by the platform: the price of one
// SKU from Start, inclusive, to End, exclusive. It is read-only data: no
// role in the shop may move a window or give its price outside it (rule
// P1).
type Promotion struct {
	Name  string          `json:"name"`
	SKU   string          `json:"sku"`
	Price decimal.Decimal `json:"price"`
	Start time.Time       `json:"start"`
	End   time.Time       `json:"end"`
}

// maxSKU bounds a promotion's SKU, in bytes.
const maxSKU = 64

// Active reports whether the promotion's price applies at t.
func (pr Promotion) Active(t time.Time) bool { return !t.Before(pr.Start) && t.Before(pr.End) }

// Validate checks a promotion: a name of at most 200 bytes of UTF-8, a
// SKU of 1 to 64 bytes, a price of at least 0 with at most two decimals,
// and a window that ends after it starts. The error is an [*Error]
// wrapping [ErrInvalidPromotion].
func (pr Promotion) Validate() error {
	switch {
	case len(pr.Name) > maxName || !utf8.ValidString(pr.Name):
		return fieldErr("promotion.name", pr.Name, ErrInvalidPromotion, "at most "+strconv.Itoa(maxName)+" bytes of UTF-8")
	case pr.SKU == "" || len(pr.SKU) > maxSKU:
		return fieldErr("promotion.sku", pr.SKU, ErrInvalidPromotion, "1 to "+strconv.Itoa(maxSKU)+" bytes")
	case pr.Start.IsZero() || !pr.End.After(pr.Start):
		return fieldErr("promotion.end", pr.End.Format(time.RFC3339), ErrInvalidPromotion, "must be after start")
	}
	if fen, ok := yuan.Fen(pr.Price); !ok || fen < 0 {
		return fieldErr("promotion.price", yuan.Text(pr.Price), ErrInvalidPromotion, "at least 0 with at most two decimals")
	}
	return nil
}

type promotionJSON struct {
	Name  string          `json:"name"`
	SKU   string          `json:"sku"`
	Price json.RawMessage `json:"price"`
	Start json.RawMessage `json:"start"`
	End   json.RawMessage `json:"end"`
}

// MarshalJSON encodes the price as text with two decimals:
//
//	{"name":"double11","sku":"TEA-02","price":"49.00","start":"2026-11-11T00:00:00+08:00","end":"2026-11-12T00:00:00+08:00"}
func (pr Promotion) MarshalJSON() ([]byte, error) {
	price, err := fixed(pr.Price).MarshalJSON()
	if err != nil {
		return nil, err
	}
	start, err := pr.Start.MarshalJSON()
	if err != nil {
		return nil, err
	}
	end, err := pr.End.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return json.Marshal(promotionJSON{pr.Name, pr.SKU, price, start, end})
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly, and checks
// it with [Promotion.Validate]; on error pr is unchanged.
func (pr *Promotion) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w promotionJSON
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	n := Promotion{Name: w.Name, SKU: w.SKU}
	fen, err := fenJSON("price", w.Price)
	if err != nil {
		return err
	}
	n.Price = yuan.Dec(fen)
	if n.Start, err = timeJSON("start", w.Start); err != nil {
		return err
	}
	if n.End, err = timeJSON("end", w.End); err != nil {
		return err
	}
	if err := n.Validate(); err != nil {
		e := *err.(*Error)
		e.Field = e.Field[len("promotion."):]
		return &e
	}
	*pr = n
	return nil
}
