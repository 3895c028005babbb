package order

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors of the order operations (triage, digest, oversell, cash
// on delivery, slow review).
var (
	// ErrNilOrder: a nil *Order where an order is required.
	ErrNilOrder = errors.New("nil order")
	// ErrDuplicateOrder: the same order ID twice in one batch.
	ErrDuplicateOrder = errors.New("duplicate order")
	// ErrUnknownReason: a reason code kefu does not know.
	ErrUnknownReason = errors.New("unknown reason")
	// ErrNotPending: an order that is not waiting to be dispatched where
	// the operation needs one, e.g. an unpaid or dispatched order in an
	// oversell.
	ErrNotPending = errors.New("order not awaiting dispatch")
)

// Finding is one problem order of a [Report]: the order, the categories
// it falls in and every problem found, sorted by category and then reason
// with duplicates removed.
type Finding struct {
	Order      *Order
	Categories CategorySet
	Problems   []Problem
}

// Reasons returns the reasons found for category c, in order.
func (f Finding) Reasons(c Category) []string {
	var out []string
	for _, p := range f.Problems {
		if p.Category == c {
			out = append(out, p.Reason)
		}
	}
	return out
}

// Report is the result of a batch triage (rule O2).
type Report struct {
	// At is the time the triage ran for.
	At time.Time
	// Checked is the number of open orders inspected; Skipped the number
	// of finished or closed orders in the batch, which are not.
	Checked, Skipped int
	// Findings holds the problem orders, sorted by order ID, so that the
	// same batch in any order gives the same report.
	Findings []Finding
}

// Count returns the number of problem orders in category c.
func (r Report) Count(c Category) int {
	n := 0
	for _, f := range r.Findings {
		if f.Categories.Has(c) {
			n++
		}
	}
	return n
}

// Find returns the finding of the order with the given ID, if it is a
// problem order.
func (r Report) Find(id string) (Finding, bool) {
	i, ok := slices.BinarySearchFunc(r.Findings, id, func(f Finding, id string) int { return strings.Compare(f.Order.id, id) })
	if !ok {
		return Finding{}, false
	}
	return r.Findings[i], true
}

// Triage inspects a batch of orders at now and reports the problem orders
// with their categories and reasons (rule O2). It runs, on every open
// order (not finished or closed):
//
//   - across the batch, [MultipleAddresses]: the buyer has several orders
//     waiting to ship whose normalised addresses ([AddressKey]) differ
//     (rule S4); and [RepeatOrder]: another order of the same buyer waiting
//     to ship holds the same SKU, gifts aside (rule O6). Both group the
//     batch by buyer and by buyer and SKU, so they are linear in the batch;
//   - the per-order checks of [TriagePolicy.Checks]: unknown or incomplete
//     address, a message the shop cannot satisfy, cash on delivery not
//     confirmed (rule S9);
//   - then checks, in order — [StockCheck] and the checks other packages
//     contribute (shipping's out-of-area, postage, SF-only and
//     transit-warehouse checks).
//
// Categories in the policy's Skip list are dropped. The report does not
// depend on the order of the batch or of checks.
//
// Bad input is an error and no report: an invalid policy (as from
// [TriagePolicy.Validate]); a nil check ([ErrMissing]); a nil order
// ([ErrNilOrder]) or the zero Order ([ErrMissing]); two orders with the
// same ID ([ErrDuplicateOrder]); a check that reports an invalid category
// ([ErrUnknownCategory], naming the check).
func (p TriagePolicy) Triage(orders []*Order, now time.Time, checks ...Check) (Report, error) {
	r, err := p.compile()
	if err != nil {
		return Report{}, err
	}
	for i, c := range checks {
		if c == nil {
			return Report{}, fieldErr("checks["+strconv.Itoa(i)+"]", "", ErrMissing, "nil check")
		}
	}
	t := triage{rules: &r, orders: orders, now: now, checks: checks}
	if err := t.index(); err != nil {
		return Report{}, err
	}
	t.group()
	return t.run()
}

// triage is the working state of one [TriagePolicy.Triage] call.
type triage struct {
	rules  *triageRules
	orders []*Order
	now    time.Time
	checks []Check

	// buyerOf[i] is the buyer group of orders[i], -1 when orders[i] is not
	// waiting to ship.
	buyerOf []int32
	buyers  []buyerGroup
	// skuGroups[lineStart[i]+k] is the (buyer, SKU) group of line k of
	// orders[i]; skuCount counts the orders in each group.
	lineStart []int32
	skuGroups []int32
	skuCount  []int32
}

type buyerGroup struct {
	first   int32 // index of the first order seen, for its address
	differs bool  // some order's address differs from the first one's
}

type buyerSKU struct{ buyer, sku string }

// index checks the batch for nil, zero and duplicate orders.
func (t *triage) index() error {
	ids := make(map[string]int32, len(t.orders))
	for i, o := range t.orders {
		field := "orders[" + strconv.Itoa(i) + "]"
		if o == nil {
			return fieldErr(field, "", ErrNilOrder, "")
		}
		if o.IsZero() {
			return fieldErr(field, "", ErrMissing, "the zero Order is not an order")
		}
		if j, dup := ids[o.id]; dup {
			return fieldErr(field, o.id, ErrDuplicateOrder, "same ID as orders["+strconv.Itoa(int(j))+"]")
		}
		ids[o.id] = int32(i)
	}
	return nil
}

// group builds the buyer and (buyer, SKU) groups of the orders waiting to
// ship: one pass, one map look-up per order and per line.
func (t *triage) group() {
	n := len(t.orders)
	t.buyerOf = make([]int32, n)
	t.lineStart = make([]int32, n+1)
	buyerIdx := make(map[string]int32, n/2+1)
	skuIdx := make(map[buyerSKU]int32, n/2+1)
	t.buyers = make([]buyerGroup, 0, n/2+1)
	t.skuGroups = make([]int32, 0, n+n/2)
	t.skuCount = make([]int32, 0, n/2+1)
	for i, o := range t.orders {
		t.lineStart[i] = int32(len(t.skuGroups))
		if !o.pending() {
			t.buyerOf[i] = -1
			continue
		}
		g, ok := buyerIdx[o.buyer.ID]
		if !ok {
			g = int32(len(t.buyers))
			buyerIdx[o.buyer.ID] = g
			t.buyers = append(t.buyers, buyerGroup{first: int32(i)})
		} else if b := &t.buyers[g]; !b.differs && t.orders[b.first].addrKey != o.addrKey {
			b.differs = true
		}
		t.buyerOf[i] = g
		for _, l := range o.lines {
			if l.Gift {
				t.skuGroups = append(t.skuGroups, -1)
				continue
			}
			k := buyerSKU{o.buyer.ID, l.SKU}
			s, ok := skuIdx[k]
			if !ok {
				s = int32(len(t.skuCount))
				skuIdx[k] = s
				t.skuCount = append(t.skuCount, 0)
			}
			t.skuCount[s]++
			t.skuGroups = append(t.skuGroups, s)
		}
	}
	t.lineStart[n] = int32(len(t.skuGroups))
}

// span is where one finding's problems lie in the shared backing slice.
type span struct {
	order      int32
	from, to   int32
	categories CategorySet
}

func (t *triage) run() (Report, error) {
	rep := Report{At: t.now}
	var all []Problem // every finding's problems, back to back
	var spans []span
	for i, o := range t.orders {
		if !o.status.Open() {
			rep.Skipped++
			continue
		}
		rep.Checked++
		from := len(all)
		var err error
		if all, err = t.inspect(all, i, o); err != nil {
			return Report{}, err
		}
		if len(all) == from {
			continue
		}
		// Sort and deduplicate this order's problems, dropping skipped
		// categories.
		ps := all[from:]
		slices.SortFunc(ps, compareProblems)
		ps = slices.Compact(ps)
		var set CategorySet
		k := 0
		for _, p := range ps {
			if t.rules.skip.Has(p.Category) {
				continue
			}
			ps[k] = p
			k++
			set = set.With(p.Category)
		}
		all = all[:from+k]
		if k > 0 {
			spans = append(spans, span{int32(i), int32(from), int32(from + k), set})
		}
	}
	rep.Findings = make([]Finding, len(spans))
	for j, s := range spans {
		rep.Findings[j] = Finding{Order: t.orders[s.order], Categories: s.categories,
			Problems: all[s.from:s.to:s.to]}
	}
	slices.SortFunc(rep.Findings, func(a, b Finding) int { return strings.Compare(a.Order.id, b.Order.id) })
	return rep, nil
}

// inspect appends every problem of orders[i] to dst.
func (t *triage) inspect(dst []Problem, i int, o *Order) ([]Problem, error) {
	if g := t.buyerOf[i]; g >= 0 {
		if t.buyers[g].differs {
			dst = append(dst, Problem{MultipleAddresses, reasonNames[BuyerAddressesDiffer]})
		}
		for _, s := range t.skuGroups[t.lineStart[i]:t.lineStart[i+1]] {
			if s >= 0 && t.skuCount[s] > 1 {
				dst = append(dst, Problem{RepeatOrder, reasonNames[RepeatSKU]})
				break
			}
		}
		dst = inspectAddress(dst, o)
		dst = t.rules.inspectMessage(dst, o)
		dst = t.rules.inspectCOD(dst, o, t.now)
	}
	for ci, c := range t.checks {
		from := len(dst)
		dst = c.Inspect(dst, o, t.now)
		if len(dst) < from {
			return dst, fieldErr("checks["+strconv.Itoa(ci)+"]", c.Name(), ErrInconsistent,
				"dropped problems it did not report, for order "+strconv.Quote(o.id))
		}
		for _, p := range dst[from:] {
			if !p.Category.IsValid() {
				return dst, fieldErr("checks["+strconv.Itoa(ci)+"]", c.Name(), ErrUnknownCategory,
					"reported category "+p.Category.String()+" for order "+strconv.Quote(o.id))
			}
		}
	}
	return dst, nil
}

func compareProblems(a, b Problem) int {
	if c := cmp.Compare(a.Category, b.Category); c != 0 {
		return c
	}
	return strings.Compare(a.Reason, b.Reason)
}
