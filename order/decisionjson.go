package order

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
)

// This file gives the results of the order operations their JSON form, for
// a backend to store or send: snake_case keys, codes and sets of codes as
// snake_case names, money as text with two decimals, times in RFC 3339. A
// result that points to an [Order] carries its ID only ("order_id"), never
// the order, so that no personal data leaves with it (rule O7). Decoding
// checks what it reads — unknown codes, counts that do not add up, amounts
// with more than two decimals are errors — and leaves the value unchanged
// on error. None of it runs on the hot paths.

// isNull reports whether b is the JSON null, which decoders treat as "no
// value" and leave the target alone, as encoding/json does.
func isNull(b []byte) bool { return string(b) == "null" }

// orderIDOf returns the ID of o for JSON, or an error when there is no
// order to name.
func orderIDOf(o *Order, id string) (string, error) {
	switch {
	case o == nil && id == "":
		return "", fieldErr("order", "", ErrNilOrder, "")
	case o == nil:
		return id, nil
	case o.IsZero():
		return "", fieldErr("order", "", ErrMissing, "the zero Order is not an order")
	}
	return o.id, nil
}

// within prefixes the field of an [*Error] with the path of the element
// it was found in; other errors are returned as they are.
func within(path string, err error) error {
	e, ok := err.(*Error)
	if !ok {
		return err
	}
	c := *e
	switch {
	case c.Field == "":
		c.Field = path
	case c.Field[0] == '[':
		c.Field = path + c.Field
	default:
		c.Field = path + "." + c.Field
	}
	return &c
}

// count checks a decoded count: from lo to hi, else an error wrapping
// [ErrInvalidQuantity].
func count(field string, n, lo, hi int) error {
	if n < lo || n > hi {
		return fieldErr(field, strconv.Itoa(n), ErrInvalidQuantity,
			"must be from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
	}
	return nil
}

// maxMoneyText bounds the JSON text of an amount kefu decodes: no valid
// amount is longer, and decimal parses long numbers slowly.
const maxMoneyText = 40

// fenFromJSON decodes an amount given as a JSON string or number into fen.
// Absent or null is zero. More than two decimals, a negative amount or one
// out of range is an error wrapping [ErrInvalidAmount].
func fenFromJSON(field string, raw json.RawMessage) (int64, error) {
	if len(raw) == 0 || isNull(raw) {
		return 0, nil
	}
	quote := func() string {
		v := string(raw)
		if len(v) > maxMoneyText {
			v = strings.ToValidUTF8(v[:maxMoneyText], "") + "…"
		}
		return v
	}
	if len(raw) > maxMoneyText+2 || !utf8.Valid(raw) {
		return 0, fieldErr(field, quote(), ErrInvalidAmount, "not a decimal")
	}
	var d decimal.Decimal
	if err := d.UnmarshalJSON(raw); err != nil {
		return 0, fieldErr(field, quote(), ErrInvalidAmount, "not a decimal")
	}
	f, ok := yuan.Fen(d)
	switch {
	case !ok:
		return 0, fieldErr(field, quote(), ErrInvalidAmount, "more than two decimals or out of range")
	case f < 0:
		return 0, fieldErr(field, quote(), ErrInvalidAmount, "must not be negative")
	}
	return f, nil
}

// UnmarshalJSON decodes what [SlowReview] encodes, with its reasons as
// snake_case names and its times in RFC 3339. An unknown reason, a
// negative day, a review with a day but no start (or a start but no day),
// or an exempt review with a ship-by time is an error, and s is left
// unchanged.
func (s *SlowReview) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	type fields SlowReview
	var w fields
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if err := count("day", w.Day, 0, maxReviewDay); err != nil {
		return err
	}
	switch {
	case w.Since.IsZero() && (w.Day != 0 || !w.DealWithBy.IsZero() || !w.ShipBy.IsZero() || w.Exempt):
		return fieldErr("since", "", ErrInconsistent, "a slow review without a start has nothing else")
	case !w.Since.IsZero() && w.Day == 0:
		return fieldErr("day", "0", ErrInconsistent, "a slow review that started is on day 1 or later")
	case w.Exempt && !w.ShipBy.IsZero():
		return fieldErr("ship_by", w.ShipBy.Format(timeText), ErrInconsistent, "an exempt order has no ship-by time")
	}
	*s = SlowReview(w)
	return nil
}

// maxReviewDay bounds the day of a decoded slow review: a century.
const maxReviewDay = 36525

const timeText = "2006-01-02T15:04:05Z07:00"

// UnmarshalJSON decodes what [CODDecision] encodes. An unknown action or
// reason is an error, and d is left unchanged.
func (d *CODDecision) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	type fields CODDecision
	var w fields
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*d = CODDecision(w)
	return nil
}

// UnmarshalJSON decodes what [Shortage] encodes. A SKU that is not a SKU,
// a count out of range, or on-hand units that cover the order (no
// shortage) is an error, and s is left unchanged.
func (s *Shortage) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	type fields Shortage
	var w fields
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	sku, err := NormalizeSKU(w.SKU)
	if err != nil {
		return err
	}
	w.SKU = sku
	if err := count("ordered", w.Ordered, 1, yuan.MaxQuantity); err != nil {
		return err
	}
	if w.OnHand < 0 {
		return fieldErr("on_hand", strconv.Itoa(w.OnHand), ErrInvalidQuantity, "must not be negative")
	}
	if w.OnHand >= w.Ordered {
		return fieldErr("on_hand", strconv.Itoa(w.OnHand), ErrInconsistent,
			"covers the "+strconv.Itoa(w.Ordered)+" units ordered: not a shortage")
	}
	*s = Shortage(w)
	return nil
}

type allocationJSON struct {
	OrderID             string          `json:"order_id"`
	Ordered             int             `json:"ordered"`
	Allocated           int             `json:"allocated"`
	Short               int             `json:"short"`
	ShortValue          json.RawMessage `json:"short_value"`
	Offers              RemedySet       `json:"offers"`
	RequestCompensation bool            `json:"request_compensation"`
	Reasons             ReasonSet       `json:"reasons"`
}

// MarshalJSON encodes the allocation with the order's ID only, not the
// order (rule O7), its offers and reasons as snake_case names, and the
// derived units short and their value as text with two decimals:
//
//	{"order_id":"T2","ordered":2,"allocated":1,"short":1,"short_value":"49.50","offers":["refund","substitute"],"request_compensation":true,"reasons":["promotion_item","paid_later"]}
//
// An allocation without an order is an error wrapping [ErrNilOrder].
func (a Allocation) MarshalJSON() ([]byte, error) {
	id, err := orderIDOf(a.Order, a.orderID)
	if err != nil {
		return nil, err
	}
	v := []byte(`"` + yuan.Format(a.shortFen()) + `"`)
	return json.Marshal(allocationJSON{id, a.Ordered, a.Allocated, a.Short(), v, a.Offers,
		a.RequestCompensation, a.Reasons})
}

// UnmarshalJSON decodes what MarshalJSON encodes into an allocation
// without its [Order]: [Allocation.OrderID] gives the order's ID, and
// [Allocation.ShortValue] works as before. The units short are derived
// again rather than read. A missing or malformed order ID, an unknown
// remedy or reason, a count out of range (allocated above ordered), or a
// short value that is negative, has more than two decimals or is not a
// whole number of fen per unit short is an error, and a is left unchanged.
func (a *Allocation) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w allocationJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	id, err := identifier("order_id", w.OrderID)
	if err != nil {
		return err
	}
	if err := count("ordered", w.Ordered, 1, yuan.MaxQuantity); err != nil {
		return err
	}
	if err := count("allocated", w.Allocated, 0, w.Ordered); err != nil {
		return err
	}
	value, err := fenFromJSON("short_value", w.ShortValue)
	if err != nil {
		return err
	}
	n := Allocation{Ordered: w.Ordered, Allocated: w.Allocated, Offers: w.Offers,
		RequestCompensation: w.RequestCompensation, Reasons: w.Reasons, orderID: id}
	if short := int64(n.Short()); short > 0 {
		n.unitFen = value / short
		if value%short != 0 {
			return fieldErr("short_value", yuan.Format(value), ErrInconsistent,
				"not a whole number of fen for each of the "+strconv.FormatInt(short, 10)+" units short")
		}
	} else if value != 0 {
		return fieldErr("short_value", yuan.Format(value), ErrInconsistent, "the order is served in full")
	}
	*a = n
	return nil
}

type oversellPlanJSON struct {
	SKU                string            `json:"sku"`
	OnHand             int               `json:"on_hand"`
	Demand             int               `json:"demand"`
	Oversold           bool              `json:"oversold"`
	Allocations        []json.RawMessage `json:"allocations"`
	SetListedStockZero bool              `json:"set_listed_stock_zero"`
	CompensationTo     Role              `json:"compensation_to,omitzero"`
	Reasons            ReasonSet         `json:"reasons"`
}

// MarshalJSON encodes the plan with snake_case keys: its allocations as
// [Allocation.MarshalJSON] encodes them (order IDs, not orders — rule
// O7), the derived oversold flag, and the role that receives compensation
// requests only when there is one:
//
//	{"sku":"TEA-01","on_hand":1,"demand":3,"oversold":true,"allocations":[{…},{…}],"set_listed_stock_zero":true,"compensation_to":"store_manager","reasons":["oversold","stock_exhausted","promotion_item"]}
func (p OversellPlan) MarshalJSON() ([]byte, error) {
	w := oversellPlanJSON{SKU: p.SKU, OnHand: p.OnHand, Demand: p.Demand, Oversold: p.Oversold(),
		Allocations: make([]json.RawMessage, len(p.Allocations)), SetListedStockZero: p.SetListedStockZero,
		CompensationTo: p.CompensationTo, Reasons: p.Reasons}
	for i, a := range p.Allocations {
		b, err := a.MarshalJSON()
		if err != nil {
			return nil, within("allocations["+strconv.Itoa(i)+"]", err)
		}
		w.Allocations[i] = b
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes into a plan whose
// allocations hold order IDs, not orders (see [Allocation.UnmarshalJSON]);
// the oversold flag is derived again rather than read. Besides the errors
// of each allocation, which name it ("allocations[1].ordered"), it refuses
// a SKU that is not a SKU, an unknown role or reason, a negative on-hand
// count, a demand that is not the sum of the units ordered, more units
// allocated than on hand, a listed-stock action that disagrees with the
// units left, and an order twice ([ErrDuplicateOrder]). On error p is left
// unchanged.
func (p *OversellPlan) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w oversellPlanJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	sku, err := NormalizeSKU(w.SKU)
	if err != nil {
		return err
	}
	if w.OnHand < 0 {
		return fieldErr("on_hand", strconv.Itoa(w.OnHand), ErrInvalidQuantity, "must not be negative")
	}
	n := OversellPlan{SKU: sku, OnHand: w.OnHand, Demand: w.Demand, Allocations: make([]Allocation, len(w.Allocations)),
		SetListedStockZero: w.SetListedStockZero, CompensationTo: w.CompensationTo, Reasons: w.Reasons}
	seen := make(map[string]int, len(w.Allocations))
	demand, allocated := 0, 0
	for i, raw := range w.Allocations {
		path := "allocations[" + strconv.Itoa(i) + "]"
		if isNull(raw) {
			return fieldErr(path, "", ErrMissing, "null")
		}
		a := &n.Allocations[i]
		if err := a.UnmarshalJSON(raw); err != nil {
			return within(path, err)
		}
		if j, dup := seen[a.orderID]; dup {
			return fieldErr(path+".order_id", a.orderID, ErrDuplicateOrder, "same order as allocations["+strconv.Itoa(j)+"]")
		}
		seen[a.orderID] = i
		demand += a.Ordered
		allocated += a.Allocated
	}
	switch {
	case n.Demand != demand:
		return fieldErr("demand", strconv.Itoa(n.Demand), ErrInconsistent,
			"the allocations order "+strconv.Itoa(demand)+" units")
	case allocated > n.OnHand:
		return fieldErr("on_hand", strconv.Itoa(n.OnHand), ErrInconsistent,
			"the allocations take "+strconv.Itoa(allocated)+" units")
	case n.SetListedStockZero != (allocated == n.OnHand):
		return fieldErr("set_listed_stock_zero", strconv.FormatBool(n.SetListedStockZero), ErrInconsistent,
			strconv.Itoa(n.OnHand-allocated)+" units left after allocation")
	}
	*p = n
	return nil
}

type findingJSON struct {
	OrderID    string      `json:"order_id"`
	Categories CategorySet `json:"categories"`
	Problems   []Problem   `json:"problems"`
}

// MarshalJSON encodes the finding with the order's ID only, not the order
// (rule O7), and its categories as snake_case names:
//
//	{"order_id":"T1003","categories":["cod_unconfirmed"],"problems":[{"category":"cod_unconfirmed","reason":"cod_unconfirmed"}]}
//
// A finding without an order is an error wrapping [ErrNilOrder].
func (f Finding) MarshalJSON() ([]byte, error) {
	id, err := orderIDOf(f.Order, f.orderID)
	if err != nil {
		return nil, err
	}
	ps := f.Problems
	if ps == nil {
		ps = []Problem{}
	}
	return json.Marshal(findingJSON{id, f.Categories, ps})
}

// UnmarshalJSON decodes what MarshalJSON encodes into a finding without
// its [Order]: [Finding.OrderID] gives the order's ID. A missing or
// malformed order ID, an unknown category, a reason that is not a
// snake_case code, no problem at all, problems out of order or twice, or
// categories that are not those of the problems is an error, and f is
// left unchanged.
func (f *Finding) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w findingJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	id, err := identifier("order_id", w.OrderID)
	if err != nil {
		return err
	}
	if len(w.Problems) == 0 {
		return fieldErr("problems", "", ErrMissing, "a finding has at least one problem")
	}
	var set CategorySet
	for i, p := range w.Problems {
		path := "problems[" + strconv.Itoa(i) + "]"
		if !p.Category.IsValid() {
			return fieldErr(path+".category", "", ErrUnknownCategory, "")
		}
		if !isReasonCode(p.Reason) {
			return fieldErr(path+".reason", p.Reason, ErrInvalidText, "not a snake_case code")
		}
		if i > 0 && compareProblems(w.Problems[i-1], p) >= 0 {
			return fieldErr(path, p.Reason, ErrInconsistent, "problems are sorted by category and reason, each once")
		}
		set = set.With(p.Category)
	}
	if set != w.Categories {
		return fieldErr("categories", w.Categories.String(), ErrInconsistent, "the problems' categories are "+set.String())
	}
	*f = Finding{Categories: set, Problems: w.Problems, orderID: id}
	return nil
}

type reportJSON struct {
	At       time.Time         `json:"at"`
	Checked  int               `json:"checked"`
	Skipped  int               `json:"skipped"`
	Findings []json.RawMessage `json:"findings"`
}

// MarshalJSON encodes the report with snake_case keys, its time in RFC
// 3339 and its findings as [Finding.MarshalJSON] encodes them: order IDs,
// not orders (rule O7).
//
//	{"at":"2026-11-11T12:00:00+08:00","checked":3,"skipped":1,"findings":[{"order_id":"T1003",…}]}
func (r Report) MarshalJSON() ([]byte, error) {
	w := reportJSON{r.At, r.Checked, r.Skipped, make([]json.RawMessage, len(r.Findings))}
	for i, f := range r.Findings {
		b, err := f.MarshalJSON()
		if err != nil {
			return nil, within("findings["+strconv.Itoa(i)+"]", err)
		}
		w.Findings[i] = b
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes into a report whose
// findings hold order IDs, not orders (see [Finding.UnmarshalJSON]):
// [Report.Find] and [Report.Count] work on it, [TriagePolicy.Digest]
// does not, since the form shows data of the orders themselves. Besides
// the errors of each finding, which name it ("findings[2].problems"), it
// refuses negative counts or more than [MaxTriageBatch] orders, more
// findings than orders checked, findings out of order-ID order, and an
// order twice ([ErrDuplicateOrder]). On error r is left unchanged.
func (r *Report) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w reportJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	if err := count("checked", w.Checked, 0, MaxTriageBatch); err != nil {
		return err
	}
	if err := count("skipped", w.Skipped, 0, MaxTriageBatch-w.Checked); err != nil {
		return err
	}
	if len(w.Findings) > w.Checked {
		return fieldErr("findings", strconv.Itoa(len(w.Findings)), ErrInconsistent,
			"more findings than the "+strconv.Itoa(w.Checked)+" orders checked")
	}
	n := Report{At: w.At, Checked: w.Checked, Skipped: w.Skipped, Findings: make([]Finding, len(w.Findings))}
	for i, raw := range w.Findings {
		path := "findings[" + strconv.Itoa(i) + "]"
		if isNull(raw) {
			return fieldErr(path, "", ErrMissing, "null")
		}
		f := &n.Findings[i]
		if err := f.UnmarshalJSON(raw); err != nil {
			return within(path, err)
		}
		if i == 0 {
			continue
		}
		switch prev := n.Findings[i-1].orderID; {
		case prev == f.orderID:
			return fieldErr(path+".order_id", f.orderID, ErrDuplicateOrder, "same order as findings["+strconv.Itoa(i-1)+"]")
		case prev > f.orderID:
			return fieldErr(path+".order_id", f.orderID, ErrInconsistent, "findings are sorted by order ID")
		}
	}
	*r = n
	return nil
}
