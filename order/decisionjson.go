package order

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/yuan"
)

// This file gives the results of the order operations their JSON form, for
// a backend to store or send: snake_case keys, codes and sets of codes as
// snake_case names, money as text with two decimals, times in RFC 3339. A
// result that points to an [Order] carries its ID only ("order_id"), never
// the order, so that no personal data leaves with it (rule O7). Decoding
// is strict — a key the type does not have is refused and named
// ([ErrUnknownField]), as is a key twice — and checks what it reads:
// unknown codes, counts that do not add up, amounts with more than two
// decimals (read with [yuan.ParseJSON], never decimal's parser), order and
// buyer IDs the identity rule refuses are errors that name the field
// ("findings[2].problems[0].reason"), and the value is left unchanged on
// error. Lists are bounded as they are read. None of it runs on the hot
// paths.

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

// maxDecodedItems bounds the elements of one list in a decoded result
// (findings, allocations, digest rows): a batch holds at most
// [MaxTriageBatch] orders.
const maxDecodedItems = MaxTriageBatch

// fenOf returns a decoded amount in fen, refusing a negative one.
func fenOf(field string, a amountJSON) (int64, error) {
	if a.fen < 0 {
		return 0, fieldErr(field, yuan.Format(a.fen), ErrInvalidAmount, "must not be negative")
	}
	return a.fen, nil
}

// UnmarshalJSON decodes what [SlowReview] encodes, strictly, with its
// reasons as snake_case names and its times in RFC 3339. An unknown key or
// reason, a negative day, a review with a day but no start (or a start but
// no day), or an exempt review with a ship-by time is an error, and s is
// left unchanged.
func (s *SlowReview) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w SlowReview
	err := decodeObject("", b, []member{
		{"since", &w.Since}, {"day", &w.Day}, {"deal_with_by", &w.DealWithBy}, {"ship_by", &w.ShipBy},
		{"exempt", &w.Exempt}, {"reached", &w.Reached}, {"rounds", (*roundList)(&w.Rounds)},
		{"due", &w.Due}, {"missed", &w.Missed}, {"reasons", &w.Reasons},
	})
	if err != nil {
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
	case w.Since.IsZero() && (w.Reached || len(w.Rounds) > 0 || !w.Due.IsEmpty() || w.Missed != 0):
		return fieldErr("since", "", ErrInconsistent, "a slow review without a start has no contacts")
	case w.Due&^reviewChannels != 0:
		return fieldErr("due", w.Due.String(), ErrInconsistent, "a round tries phone, chat and SMS")
	case w.Missed < 0 || w.Missed > max(len(w.Rounds)-1, 0):
		return fieldErr("missed", strconv.Itoa(w.Missed), ErrInconsistent, "more rounds missed than the earlier rounds")
	}
	for i := 1; i < len(w.Rounds); i++ {
		if !w.Rounds[i].Start.Equal(w.Rounds[i-1].End) {
			return fieldErr(index("rounds", i)+".start", w.Rounds[i].Start.Format(timeText), ErrInconsistent,
				"a round starts where the one before ends")
		}
	}
	*s = w
	return nil
}

// roundList decodes the rounds of a slow review one by one.
type roundList []ContactRound

func (l *roundList) UnmarshalJSON(b []byte) error {
	rs, err := decodeArray(b, 4*maxSlowReviewDay, func(raw []byte, r *ContactRound) error { return r.UnmarshalJSON(raw) })
	if err != nil {
		return err
	}
	*l = rs
	return nil
}

// maxReviewDay bounds the day of a decoded slow review: a century.
const maxReviewDay = 36525

const timeText = "2006-01-02T15:04:05Z07:00"

// UnmarshalJSON decodes what [CODDecision] encodes, strictly. An unknown
// key, verdict, action or reason is an error, and so is a verdict that is
// not [Allowed] or [Refused], or that disagrees with the action (an order
// to ship that is refused, a confirmation still asked of the buyer that is
// allowed); d is left unchanged.
func (d *CODDecision) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w CODDecision
	err := decodeObject("", b, []member{
		{"verdict", &w.Verdict}, {"action", &w.Action}, {"if_declined", &w.IfDeclined},
		{"confirm_by", &w.ConfirmBy}, {"reasons", &w.Reasons},
	})
	if err != nil {
		return err
	}
	switch {
	case w.Verdict != Allowed && w.Verdict != Refused:
		return fieldErr("verdict", w.Verdict.String(), ErrInconsistent, "a cash-on-delivery decision is allowed or refused")
	case w.Action == CODShip && w.Verdict != Allowed,
		(w.Action == CODConfirmWithBuyer || w.Action == CODReorderOnline) && w.Verdict != Refused:
		return fieldErr("verdict", w.Verdict.String(), ErrInconsistent, "disagrees with the action "+w.Action.String())
	}
	*d = w
	return nil
}

// UnmarshalJSON decodes what [Shortage] encodes, strictly. A SKU that is
// not a SKU, a count out of range, or on-hand units that cover the order
// (no shortage) is an error, and s is left unchanged.
func (s *Shortage) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w Shortage
	if err := decodeObject("", b, []member{{"sku", &w.SKU}, {"ordered", &w.Ordered}, {"on_hand", &w.OnHand}}); err != nil {
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
	*s = w
	return nil
}

type allocationJSON struct {
	OrderID             string    `json:"order_id"`
	Ordered             int       `json:"ordered"`
	Allocated           int       `json:"allocated"`
	Short               int       `json:"short"`
	ShortValue          fixed2    `json:"short_value"`
	Offers              RemedySet `json:"offers"`
	RequestCompensation bool      `json:"request_compensation"`
	Reasons             ReasonSet `json:"reasons"`
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
	return json.Marshal(allocationJSON{id, a.Ordered, a.Allocated, a.Short(), fixed2(yuan.Dec(a.shortFen())), a.Offers,
		a.RequestCompensation, a.Reasons})
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly, into an
// allocation without its [Order]: [Allocation.OrderID] gives the order's
// ID, and [Allocation.ShortValue] works as before. The units short are
// derived again rather than read (a short that disagrees is an error). A
// missing or malformed order ID, an unknown key, remedy or reason, a count
// out of range (allocated above ordered), or a short value that is
// negative, has more than two decimals or is not a whole number of fen
// per unit short is an error, and a is left unchanged.
func (a *Allocation) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w allocationJSON
	var value amountJSON
	short := -1
	err := decodeObject("", b, []member{
		{"order_id", &w.OrderID}, {"ordered", &w.Ordered}, {"allocated", &w.Allocated}, {"short", &short},
		{"short_value", &value}, {"offers", &w.Offers}, {"request_compensation", &w.RequestCompensation},
		{"reasons", &w.Reasons},
	})
	if err != nil {
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
	if short >= 0 && short != w.Ordered-w.Allocated {
		return fieldErr("short", strconv.Itoa(short), ErrInconsistent,
			"ordered "+strconv.Itoa(w.Ordered)+" − allocated "+strconv.Itoa(w.Allocated))
	}
	fen, err := fenOf("short_value", value)
	if err != nil {
		return err
	}
	n := Allocation{Ordered: w.Ordered, Allocated: w.Allocated, Offers: w.Offers,
		RequestCompensation: w.RequestCompensation, Reasons: w.Reasons, orderID: id}
	if s := int64(n.Short()); s > 0 {
		n.unitFen = fen / s
		if fen%s != 0 {
			return fieldErr("short_value", yuan.Format(fen), ErrInconsistent,
				"not a whole number of fen for each of the "+strconv.FormatInt(s, 10)+" units short")
		}
	} else if fen != 0 {
		return fieldErr("short_value", yuan.Format(fen), ErrInconsistent, "the order is served in full")
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
			return nil, within(index("allocations", i), err)
		}
		w.Allocations[i] = b
	}
	return json.Marshal(w)
}

// allocationList decodes the allocations of a plan one by one.
type allocationList []Allocation

func (l *allocationList) UnmarshalJSON(b []byte) error {
	as, err := decodeArray(b, maxDecodedItems, func(raw []byte, a *Allocation) error { return a.UnmarshalJSON(raw) })
	if err != nil {
		return err
	}
	*l = as
	return nil
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly, into a plan
// whose allocations hold order IDs, not orders (see
// [Allocation.UnmarshalJSON]); the oversold flag is derived again (one
// that disagrees is an error). Besides the errors of each allocation,
// which name it ("allocations[1].ordered"), it refuses an unknown key, a
// SKU that is not a SKU, an unknown role or reason, a negative on-hand
// count, a demand that is not the sum of the units ordered, more units
// allocated than on hand, a listed-stock action that disagrees with the
// units left, and an order twice ([ErrDuplicateOrder]). On error p is left
// unchanged.
func (p *OversellPlan) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w OversellPlan
	var oversold *bool
	err := decodeObject("", b, []member{
		{"sku", &w.SKU}, {"on_hand", &w.OnHand}, {"demand", &w.Demand}, {"oversold", &oversold},
		{"allocations", (*allocationList)(&w.Allocations)}, {"set_listed_stock_zero", &w.SetListedStockZero},
		{"compensation_to", &w.CompensationTo}, {"reasons", &w.Reasons},
	})
	if err != nil {
		return err
	}
	sku, err := NormalizeSKU(w.SKU)
	if err != nil {
		return err
	}
	w.SKU = sku
	if w.OnHand < 0 {
		return fieldErr("on_hand", strconv.Itoa(w.OnHand), ErrInvalidQuantity, "must not be negative")
	}
	if w.Allocations == nil {
		w.Allocations = []Allocation{}
	}
	seen := make(map[string]int, len(w.Allocations))
	demand, allocated := 0, 0
	for i, a := range w.Allocations {
		if j, dup := seen[a.orderID]; dup {
			return fieldErr(index("allocations", i)+".order_id", a.orderID, ErrDuplicateOrder, "same order as allocations["+strconv.Itoa(j)+"]")
		}
		seen[a.orderID] = i
		demand += a.Ordered
		allocated += a.Allocated
	}
	switch {
	case w.Demand != demand:
		return fieldErr("demand", strconv.Itoa(w.Demand), ErrInconsistent,
			"the allocations order "+strconv.Itoa(demand)+" units")
	case allocated > w.OnHand:
		return fieldErr("on_hand", strconv.Itoa(w.OnHand), ErrInconsistent,
			"the allocations take "+strconv.Itoa(allocated)+" units")
	case w.SetListedStockZero != (allocated == w.OnHand):
		return fieldErr("set_listed_stock_zero", strconv.FormatBool(w.SetListedStockZero), ErrInconsistent,
			strconv.Itoa(w.OnHand-allocated)+" units left after allocation")
	case oversold != nil && *oversold != w.Oversold():
		return fieldErr("oversold", strconv.FormatBool(*oversold), ErrInconsistent,
			"demand "+strconv.Itoa(w.Demand)+", on hand "+strconv.Itoa(w.OnHand))
	}
	*p = w
	return nil
}

type findingJSON struct {
	OrderID    string      `json:"order_id"`
	Categories CategorySet `json:"categories"`
	Problems   []Problem   `json:"problems"`
}

// MarshalJSON encodes the finding with the order's ID only, not the order
// (rule O7), its categories as snake_case names and each problem's reason
// as its [Code]:
//
//	{"order_id":"T1003","categories":["cod_unconfirmed"],"problems":[{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"}]}
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

// problemList decodes the problems of a finding one by one.
type problemList []Problem

func (l *problemList) UnmarshalJSON(b []byte) error {
	ps, err := decodeArray(b, maxProblemsPerFinding, func(raw []byte, p *Problem) error { return p.UnmarshalJSON(raw) })
	if err != nil {
		return err
	}
	*l = ps
	return nil
}

// maxProblemsPerFinding bounds the problems of a decoded finding: far more
// than the checks of every kefu package can report for one order.
const maxProblemsPerFinding = 1024

// UnmarshalJSON decodes what MarshalJSON encodes, strictly, into a
// finding without its [Order]: [Finding.OrderID] gives the order's ID. A
// reason decodes as a [Code] of whichever package reported it
// ("shipping.postage_overcharged"), so a stored report decodes without
// knowing the other packages' reasons; a reason without a package is read
// as one of order's own (reports stored before reasons carried their
// package). A missing or malformed order ID, an unknown key or category, a
// reason that is not a code, no problem at all, problems out of order or
// twice, or categories that are not those of the problems is an error,
// and f is left unchanged.
func (f *Finding) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w findingJSON
	err := decodeObject("", b, []member{
		{"order_id", &w.OrderID}, {"categories", &w.Categories}, {"problems", (*problemList)(&w.Problems)},
	})
	if err != nil {
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
		if i > 0 && compareProblems(w.Problems[i-1], p) >= 0 {
			return fieldErr(index("problems", i), p.Reason.String(), ErrInconsistent, "problems are sorted by category and reason, each once")
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
			return nil, within(index("findings", i), err)
		}
		w.Findings[i] = b
	}
	return json.Marshal(w)
}

// findingList decodes the findings of a report one by one.
type findingList []Finding

func (l *findingList) UnmarshalJSON(b []byte) error {
	fs, err := decodeArray(b, maxDecodedItems, func(raw []byte, f *Finding) error { return f.UnmarshalJSON(raw) })
	if err != nil {
		return err
	}
	*l = fs
	return nil
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly, into a report
// whose findings hold order IDs, not orders (see [Finding.UnmarshalJSON]):
// [Report.Find] and [Report.Count] work on it, [TriagePolicy.Digest]
// does not, since the form shows data of the orders themselves. Besides
// the errors of each finding, which name it ("findings[2].problems"), it
// refuses an unknown key, negative counts or more than [MaxTriageBatch]
// orders, more findings than orders checked, findings out of order-ID
// order, and an order twice ([ErrDuplicateOrder]). On error r is left
// unchanged.
func (r *Report) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var n Report
	err := decodeObject("", b, []member{
		{"at", &n.At}, {"checked", &n.Checked}, {"skipped", &n.Skipped}, {"findings", (*findingList)(&n.Findings)},
	})
	if err != nil {
		return err
	}
	if err := count("checked", n.Checked, 0, MaxTriageBatch); err != nil {
		return err
	}
	if err := count("skipped", n.Skipped, 0, MaxTriageBatch-n.Checked); err != nil {
		return err
	}
	if len(n.Findings) > n.Checked {
		return fieldErr("findings", strconv.Itoa(len(n.Findings)), ErrInconsistent,
			"more findings than the "+strconv.Itoa(n.Checked)+" orders checked")
	}
	if n.Findings == nil {
		n.Findings = []Finding{}
	}
	for i := 1; i < len(n.Findings); i++ {
		f := &n.Findings[i]
		switch prev := n.Findings[i-1].orderID; {
		case prev == f.orderID:
			return fieldErr(index("findings", i)+".order_id", f.orderID, ErrDuplicateOrder, "same order as findings["+strconv.Itoa(i-1)+"]")
		case prev > f.orderID:
			return fieldErr(index("findings", i)+".order_id", f.orderID, ErrInconsistent, "findings are sorted by order ID")
		}
	}
	*r = n
	return nil
}
