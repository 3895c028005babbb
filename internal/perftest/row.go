package perftest

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Row is one fixture line as raw values, the way a backend's database
// driver or the platform's SDK hands an order over: text, codes and
// amounts as strings ("128.50", "WAIT_SELLER_SEND_GOODS", "price_cut"),
// counts as integers, times as [time.Time]. Turning rows into orders and
// decisions is the end-to-end path of issue 13 ("raw strings → orders →
// free shipping + review").
type Row struct {
	ID, BuyerID, BuyerNick                             string
	Lines                                              []RowLine
	Recipient, Phone, Province, City, District, Detail string
	Payment, Message                                   string
	Postage, Discount                                  string
	Status                                             string
	CreatedAt, PaidAt, DispatchedAt, ReceivedAt        time.Time
	ClosedAt                                           time.Time

	// The concession asked for on the order.
	AgentID, AgentName, Role, Kind, Amount string
	At                                     time.Time
	Day                                    string
	Erases, PriceChanges                   int
}

// RowLine is an order line of a [Row].
type RowLine struct {
	SKU, Title string
	Quantity   int
	UnitPrice  string
	Gift       bool
}

// Rows decodes every line of f into a [Row].
func (f Fixture) Rows() ([]Row, error) {
	out := make([]Row, len(f.Lines))
	for i, line := range f.Lines {
		var e genEnvelope
		if err := json.Unmarshal(line, &e); err != nil {
			return nil, fmt.Errorf("perftest: line %d: %w", i, err)
		}
		o, c := &e.Order, &e.Concession
		r := Row{ID: o.ID, BuyerID: o.Buyer.ID, BuyerNick: o.Buyer.Nick,
			Recipient: o.Address.Recipient, Phone: o.Address.Phone, Province: o.Address.Province,
			City: o.Address.City, District: o.Address.District, Detail: o.Address.Detail,
			Payment: o.Payment, Message: o.Message, Postage: o.Postage, Discount: o.Discount, Status: o.Status,
			CreatedAt: o.CreatedAt, PaidAt: o.PaidAt, DispatchedAt: o.DispatchedAt, ReceivedAt: o.ReceivedAt,
			ClosedAt: o.ClosedAt,
			AgentID:  c.Agent.ID, AgentName: c.Agent.Name, Role: c.Agent.Role, Kind: c.Kind, Amount: c.Amount,
			At: c.At, Day: c.Usage.Day, Erases: c.Usage.Erases, PriceChanges: c.Usage.PriceChanges}
		r.Lines = make([]RowLine, len(o.Lines))
		for k, l := range o.Lines {
			r.Lines[k] = RowLine(l)
		}
		out[i] = r
	}
	return out, nil
}

// HandSpec parses the row's order for the baseline: amounts with
// decimal.NewFromString, as a backend without kefu would.
func (r *Row) HandSpec() (HandSpec, error) {
	s := HandSpec{ID: r.ID, Payment: r.Payment, Message: r.Message, Status: r.Status,
		CreatedAt: r.CreatedAt, PaidAt: r.PaidAt, DispatchedAt: r.DispatchedAt, ReceivedAt: r.ReceivedAt,
		ClosedAt: r.ClosedAt,
		Address:  HandAddress{r.Recipient, r.Phone, r.Province, r.City, r.District, r.Detail}}
	s.Buyer.ID, s.Buyer.Nick = r.BuyerID, r.BuyerNick
	var err error
	if s.Postage, err = decimal.NewFromString(r.Postage); err != nil {
		return HandSpec{}, errBadOrder
	}
	if s.Discount, err = decimal.NewFromString(r.Discount); err != nil {
		return HandSpec{}, errBadOrder
	}
	s.Lines = make([]HandLine, len(r.Lines))
	for i, l := range r.Lines {
		p, err := decimal.NewFromString(l.UnitPrice)
		if err != nil {
			return HandSpec{}, errBadOrder
		}
		s.Lines[i] = HandLine{SKU: l.SKU, Title: l.Title, Quantity: l.Quantity, UnitPrice: p, Gift: l.Gift}
	}
	return s, nil
}

// HandRequest parses the row's concession for the baseline.
func (r *Row) HandRequest() (HandRequest, error) {
	amt, err := decimal.NewFromString(r.Amount)
	if err != nil {
		return HandRequest{}, errBadRequest
	}
	return HandRequest{Role: ParseRole(r.Role), Kind: ParseKind(r.Kind), Amount: amt, At: r.At,
		Day: r.Day, Erases: r.Erases, PriceChanges: r.PriceChanges}, nil
}
