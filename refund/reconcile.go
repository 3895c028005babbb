package refund

import (
	"strconv"
	"time"

	"github.com/kefu-go/kefu/order"
)

// Outbound is one outbound record (出库记录) the warehouse shows: an order
// that left under a waybill.
type Outbound struct {
	OrderID string    `json:"order_id"`
	Waybill string    `json:"waybill"`
	At      time.Time `json:"at,omitzero"`
}

// Weight is the weight a waybill stub (快递底单) records.
type Weight struct {
	Waybill string `json:"waybill"`
	Grams   int    `json:"grams"`
}

// Evidence is what is known about a suspected double shipment: an order
// refunded and placed again (refund-and-reorder, rule R1) where both
// orders may have shipped.
type Evidence struct {
	// Orders are the two orders in question: the original first, then
	// the re-order.
	Orders [2]string `json:"orders"`
	// Outbound are the warehouse's outbound records for them.
	Outbound []Outbound `json:"outbound"`
	// Weights are the waybill weights, from the warehouse or the courier.
	Weights []Weight `json:"weights"`
	// ParcelGrams is the expected weight of one order's parcel; 0 means
	// work it out from Order's lines.
	ParcelGrams int `json:"parcel_grams,omitempty"`
	// Order is the original order, whose lines' weights give ParcelGrams
	// when it is 0; optional.
	Order *order.Order `json:"-"`
}

// Shipped is what the evidence shows left the warehouse. The zero value
// is no finding.
type Shipped uint8

// Findings.
const (
	ShippedUnknown Shipped = iota
	// OneShipped: one parcel's worth of goods left ("one_shipped").
	OneShipped
	// TwoShipped: both orders' goods left, in two parcels or one
	// ("two_shipped").
	TwoShipped
	// Inconclusive: the evidence does not say yet ("inconclusive").
	Inconclusive
	numShipped
)

var shippedInfo = enumInfo{names: []string{"", "one_shipped", "two_shipped", "inconclusive"},
	typ: "Shipped", field: "outcome", sentinel: ErrUnknownCode}

// String returns the snake_case name, or "Shipped(N)" out of range.
func (s Shipped) String() string { return shippedInfo.name(uint8(s)) }

// IsValid reports whether s is a known finding.
func (s Shipped) IsValid() bool { return shippedInfo.valid(uint8(s)) }

// MarshalText returns the snake_case name; an invalid value is an error.
func (s Shipped) MarshalText() ([]byte, error) { return shippedInfo.marshal(uint8(s)) }

// UnmarshalText accepts the snake_case names.
func (s *Shipped) UnmarshalText(b []byte) error { return shippedInfo.unmarshal(b, (*uint8)(s)) }

// FinanceAction is what finance does once the evidence is in. The zero
// value is no action.
type FinanceAction uint8

// Finance actions.
const (
	FinanceActionUnknown FinanceAction = iota
	// RefundOne: one order shipped; refund the other at once
	// ("refund_one").
	RefundOne
	// RefundAfterReturn: both shipped; refund one once its goods come
	// back, or the courier intercepts them ("refund_after_return").
	RefundAfterReturn
	// GetEvidence: no money moves yet; get the missing evidence first
	// ("get_evidence", rule R2).
	GetEvidence
	numFinanceActions
)

var financeInfo = enumInfo{names: []string{"", "refund_one", "refund_after_return", "get_evidence"},
	typ: "FinanceAction", field: "finance", sentinel: ErrUnknownCode}

// String returns the snake_case name, or "FinanceAction(N)" out of range.
func (f FinanceAction) String() string { return financeInfo.name(uint8(f)) }

// IsValid reports whether f is a known action.
func (f FinanceAction) IsValid() bool { return financeInfo.valid(uint8(f)) }

// MarshalText returns the snake_case name; an invalid value is an error.
func (f FinanceAction) MarshalText() ([]byte, error) { return financeInfo.marshal(uint8(f)) }

// UnmarshalText accepts the snake_case names.
func (f *FinanceAction) UnmarshalText(b []byte) error {
	return financeInfo.unmarshal(b, (*uint8)(f))
}

// Reconciliation is the outcome of a double-shipment check (rule R2, seed
// 000 case 2): what the evidence shows, what finance does, and who
// follows up. It is a plain value.
type Reconciliation struct {
	Outcome Shipped `json:"outcome"`
	// Parcels is how many orders' worth of goods the weights show left.
	Parcels int `json:"parcels"`
	// Finance is what finance does: nothing but [GetEvidence] until the
	// evidence is conclusive — evidence comes before money.
	Finance FinanceAction `json:"finance"`
	// Refund is the order to refund: with [RefundOne] the one that did not
	// ship, with [RefundAfterReturn] the original. "" while inconclusive.
	Refund string `json:"refund,omitempty"`
	// Ask is who to get the missing evidence from while inconclusive: the
	// warehouse, which holds the outbound records and the waybill stubs.
	Ask order.Department `json:"ask,omitzero"`
	// FollowUp is who acts once the money is settled: operations, to fix
	// the shop's free-shipping settings so that it does not happen again
	// (rule S2).
	FollowUp order.Department `json:"follow_up,omitzero"`
	// Reasons say what the evidence lacks: [NoOutboundRecord],
	// [WeightMissing], [ExpectedWeightUnknown], [WeightMismatch],
	// [RecordsDisagree].
	Reasons ReasonSet `json:"reasons"`
}

// maxEvidence bounds the outbound records and weights of one check, and
// maxGrams a weight (a thousand tonnes), so that no product overflows.
const (
	maxEvidence = 100
	maxGrams    = 1_000_000_000
)

// Reconcile weighs the evidence of a suspected double shipment (rule R2):
// the outbound records and the waybill weights against the expected
// weight of one parcel — within the policy's tolerance a waybill carries
// one order's goods, or both orders' goods in one parcel when it weighs
// twice as much. One order's worth of goods shipped: refund the other at
// once. Both: refund after the return arrives. Anything missing or
// contradictory: get more evidence from the warehouse, and no money moves.
// Once it is settled, operations fixes the free-shipping settings.
//
// Errors: an invalid policy; missing or equal order IDs, malformed
// waybill numbers ([ErrMissing], [ErrInvalidText], [ErrInconsistent]); a
// negative weight ([ErrInvalidQuantity]); more than 100 records or
// weights ([ErrInvalidQuantity]).
func (p Policy) Reconcile(ev Evidence) (Reconciliation, error) {
	pr, err := p.compile()
	if err != nil {
		return Reconciliation{}, err
	}
	var orders [2]string
	for i, id := range ev.Orders {
		if orders[i], err = identifier("orders["+strconv.Itoa(i)+"]", id); err != nil {
			return Reconciliation{}, err
		}
	}
	if orders[0] == orders[1] {
		return Reconciliation{}, fieldErr("orders[1]", ev.Orders[1], ErrInconsistent, "the same order twice")
	}
	if len(ev.Outbound) > maxEvidence || len(ev.Weights) > maxEvidence {
		return Reconciliation{}, fieldErr("outbound", strconv.Itoa(max(len(ev.Outbound), len(ev.Weights))),
			ErrInvalidQuantity, "at most "+strconv.Itoa(maxEvidence)+" records and weights")
	}
	type parcel struct {
		waybill string
		orders  [2]bool
	}
	var parcels []parcel
	var why ReasonSet
	for i, ob := range ev.Outbound {
		field := "outbound[" + strconv.Itoa(i) + "]"
		id, err := identifier(field+".order_id", ob.OrderID)
		if err != nil {
			return Reconciliation{}, err
		}
		w, err := waybill(field+".waybill", ob.Waybill)
		if err != nil {
			return Reconciliation{}, err
		}
		k := -1
		for j := range parcels {
			if parcels[j].waybill == w {
				k = j
			}
		}
		if k < 0 {
			parcels = append(parcels, parcel{waybill: w})
			k = len(parcels) - 1
		}
		switch id {
		case orders[0]:
			parcels[k].orders[0] = true
		case orders[1]:
			parcels[k].orders[1] = true
		default:
			why = why.With(RecordsDisagree)
		}
	}
	weights := make(map[string]int, len(ev.Weights))
	for i, wt := range ev.Weights {
		field := "weights[" + strconv.Itoa(i) + "]"
		w, err := waybill(field+".waybill", wt.Waybill)
		if err != nil {
			return Reconciliation{}, err
		}
		if wt.Grams < 0 || wt.Grams > maxGrams {
			return Reconciliation{}, fieldErr(field+".grams", strconv.Itoa(wt.Grams), ErrInvalidQuantity, "must be 0 to 1,000,000,000")
		}
		if g, dup := weights[w]; dup && g != wt.Grams {
			why = why.With(RecordsDisagree)
		}
		weights[w] = wt.Grams
	}

	rec := Reconciliation{}
	expected := int64(ev.ParcelGrams)
	if ev.ParcelGrams < 0 || ev.ParcelGrams > maxGrams {
		return Reconciliation{}, fieldErr("parcel_grams", strconv.Itoa(ev.ParcelGrams), ErrInvalidQuantity, "must be 0 to 1,000,000,000")
	}
	if expected == 0 {
		expected = orderGrams(ev.Order)
	}
	switch {
	case len(parcels) == 0:
		why = why.With(NoOutboundRecord)
	case expected == 0:
		why = why.With(ExpectedWeightUnknown)
	}
	total := 0
	for _, pc := range parcels {
		g, ok := weights[pc.waybill]
		if !ok || g == 0 {
			why = why.With(WeightMissing)
			continue
		}
		n := parcelsIn(int64(g), expected, pr.tolerance)
		if n == 0 && expected > 0 {
			why = why.With(WeightMismatch)
		}
		total += n
	}
	for w := range weights {
		found := false
		for _, pc := range parcels {
			found = found || pc.waybill == w
		}
		if !found {
			why = why.With(RecordsDisagree)
		}
	}
	if why.IsEmpty() && (total < 1 || total > 2) {
		why = why.With(WeightMismatch)
	}
	rec.Reasons, rec.Parcels = why, total
	if !why.IsEmpty() {
		rec.Outcome, rec.Finance, rec.Ask, rec.Parcels = Inconclusive, GetEvidence, order.Warehouse, 0
		return rec, nil
	}
	rec.FollowUp = order.Operations
	if total == 1 {
		rec.Outcome, rec.Finance = OneShipped, RefundOne
		var left [2]bool
		for _, pc := range parcels {
			left[0], left[1] = left[0] || pc.orders[0], left[1] || pc.orders[1]
		}
		switch {
		case left[0] && !left[1]:
			rec.Refund = orders[1]
		case left[1] && !left[0]:
			rec.Refund = orders[0]
		}
		return rec, nil
	}
	rec.Outcome, rec.Finance, rec.Refund = TwoShipped, RefundAfterReturn, orders[0]
	return rec, nil
}

// parcelsIn returns how many orders' worth of goods a waybill weighing g
// grams carries: 1 or 2 within tol percent of expected or twice it, 0
// otherwise.
func parcelsIn(g, expected, tol int64) int {
	if expected <= 0 {
		return 0
	}
	for n := int64(1); n <= 2; n++ {
		want := n * expected
		diff := g - want
		if diff < 0 {
			diff = -diff
		}
		if diff*100 <= want*tol {
			return int(n)
		}
	}
	return 0
}

// orderGrams is the weight of o's goods from its lines, or 0 when o is nil,
// a line's weight is unknown, or the total is beyond maxGrams.
func orderGrams(o *order.Order) int64 {
	if o == nil || o.IsZero() {
		return 0
	}
	var g int64
	for i := range o.NumLines() {
		l := o.Line(i)
		if l.WeightGrams <= 0 || l.WeightGrams > maxGrams {
			return 0
		}
		g += int64(l.WeightGrams) * int64(l.Quantity)
		if g > maxGrams {
			return 0
		}
	}
	return g
}
