package order

import (
	"cmp"
	"hash/maphash"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/kefu-go/kefu/internal/kerr"
)

// Sentinel errors of the order operations (triage, digest, oversell, cash
// on delivery, slow review). ErrNotPending is of class [ErrConflict], the
// others [ErrInvalidInput].
var (
	// ErrNilOrder: a nil *Order where an order is required.
	ErrNilOrder = kerr.New(kerr.Invalid, "nil order")
	// ErrDuplicateOrder: the same order ID twice in one batch.
	ErrDuplicateOrder = kerr.New(kerr.Invalid, "duplicate order")
	// ErrUnknownReason: a reason code kefu does not know.
	ErrUnknownReason = kerr.New(kerr.Invalid, "unknown reason")
	// ErrNotPending: an order that is not waiting to be dispatched where
	// the operation needs one, e.g. an unpaid or dispatched order in an
	// oversell.
	ErrNotPending = kerr.New(kerr.Conflict, "order not awaiting dispatch")
)

// Finding is one problem order of a [Report]: the order, the categories
// it falls in and every problem found, sorted by category and then reason
// with duplicates removed.
//
// In JSON it names its order by ID only (rule O7; see
// [Finding.MarshalJSON]); a finding decoded from JSON has a nil Order and
// its ID in [Finding.OrderID].
type Finding struct {
	// Order is the problem order; nil in a finding decoded from JSON.
	Order      *Order
	Categories CategorySet
	Problems   []Problem
	orderID    string // the order's ID when decoded from JSON
}

// OrderID returns the ID of the finding's order: Order's ID, or the ID a
// finding decoded from JSON carries; "" when it has neither.
func (f Finding) OrderID() string {
	if f.Order != nil {
		return f.Order.id
	}
	return f.orderID
}

// Reasons returns the reasons found for category c, in order: order's own
// and those the checks of other packages reported.
func (f Finding) Reasons(c Category) []Code {
	var out []Code
	for _, p := range f.Problems {
		if p.Category == c {
			out = append(out, p.Reason)
		}
	}
	return out
}

// Report is the result of a batch triage (rule O2). It encodes in JSON
// with snake_case keys and its findings' orders by ID only (see
// [Report.MarshalJSON]), and decodes back for a backend that stores it.
type Report struct {
	// At is the time the triage ran for.
	At time.Time
	// Checked is the number of orders inspected: the open ones, and the
	// finished or closed ones when an [AfterSaleCheck] runs; Skipped the
	// number of finished or closed orders no check looked at.
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
	i, ok := slices.BinarySearchFunc(r.Findings, id, func(f Finding, id string) int {
		if f.Order == nil && f.orderID == "" {
			return -1
		}
		return strings.Compare(f.OrderID(), id)
	})
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
//     to ship holds the same SKU, gifts aside, and was placed within the
//     policy's RepeatWithin of it (rule O6). Both group the batch by buyer
//     and by buyer and SKU, so they are linear in the batch (a group of
//     several orders is sorted by placing time);
//   - the per-order checks of [TriagePolicy.Checks]: unknown or incomplete
//     address, a message the shop cannot satisfy, cash on delivery not
//     confirmed (rule S9);
//   - [StockCheck]s across the batch: each snapshot is allocated SKU by
//     SKU by payment time, as [Oversell] allocates it (rule O3), so orders
//     that each fit in stock but together outrun it are found here, the
//     later payers out of stock with [PaidLater];
//   - the other checks, in order — those other packages contribute
//     (shipping's out-of-area, postage, SF-only and transit-warehouse
//     checks).
//
// Categories in the policy's Skip list are dropped. The report does not
// depend on the order of the batch or of checks.
//
// A large batch is triaged on up to GOMAXPROCS goroutines (at least 2,048
// orders each; set GOMAXPROCS, or runtime.GOMAXPROCS, to bound them): the
// per-order checks run in parallel — a [Check] is safe for concurrent
// use — and the batch is partitioned by buyer for the cross-batch
// passes, so every order of one buyer is grouped by one goroutine, while
// the demand per SKU of each stock snapshot is summed over the partitions
// and allocated across the whole batch. The report, and the error of a
// bad batch, are those of a triage on one goroutine; a check that panics
// panics on the caller's goroutine.
//
// Bad input is an error and no report: an invalid policy (as from
// [TriagePolicy.Validate]); a nil check ([ErrMissing]); more than
// [MaxTriageBatch] orders ([ErrInvalidQuantity]); a nil order
// ([ErrNilOrder]) or the zero Order ([ErrMissing]); two orders with the
// same ID ([ErrDuplicateOrder]); a check that reports an invalid category
// ([ErrUnknownCategory], naming the check).
func (p TriagePolicy) Triage(orders []*Order, now time.Time, checks ...Check) (Report, error) {
	return p.triage(orders, now, checks, ^uint64(0), 0)
}

// minTriageShare is the fewest orders worth a worker of their own: below
// it, starting a goroutine costs more than it saves.
const minTriageShare = 2048

// triageWorkers returns how many workers triage n orders: one per
// GOMAXPROCS, as long as each gets at least minTriageShare orders.
func triageWorkers(n int) int {
	return max(1, min(runtime.GOMAXPROCS(0), n/minTriageShare))
}

// triage is [TriagePolicy.Triage] with the hashes ANDed with hashMask and
// the work spread over workers goroutines (triageWorkers when ≤ 0). The
// report does not depend on either.
//
// The work runs in three passes. The first, parallel over contiguous
// shares of the batch, checks each order and runs the per-order checks;
// a sequential step finds duplicate IDs, lays out the lines and the
// problems found, and picks the error the sequential triage would have
// met first (the lowest index). The second, parallel over partitions of
// the buyers, groups each partition's orders by buyer and by (buyer,
// SKU), flags repeat orders and buyers with several addresses — every
// order of one buyer falls in one partition, so a finding that depends
// on several orders of one buyer is made within one worker — and counts
// each partition's demand per SKU of every stock snapshot. Sequentially
// again, the demands are summed, every oversold SKU allocated across the
// whole batch, and the report collected and sorted by order ID.
func (p TriagePolicy) triage(orders []*Order, now time.Time, checks []Check, hashMask uint64, workers int) (Report, error) {
	r, err := p.compile()
	if err != nil {
		return Report{}, err
	}
	for i, c := range checks {
		if c == nil {
			return Report{}, fieldErr("checks["+strconv.Itoa(i)+"]", "", ErrMissing, "nil check")
		}
	}
	if len(orders) > MaxTriageBatch {
		return Report{}, fieldErr("orders", strconv.Itoa(len(orders)), ErrInvalidQuantity,
			"more than "+strconv.Itoa(MaxTriageBatch)+" orders in one batch")
	}
	if workers <= 0 {
		workers = triageWorkers(len(orders))
	}
	t := triage{rules: &r, orders: orders, now: now, checks: checks, seed: maphash.MakeSeed(), hashMask: hashMask,
		workers: max(1, min(workers, len(orders)))}
	for i, c := range checks {
		if sc, ok := c.(stockCheck); ok {
			t.stocks = append(t.stocks, stockAlloc{s: sc.s, demand: make([]int64, len(sc.s.onHand))})
		} else {
			t.perOrder = append(t.perOrder, i)
			if afterSale(c) {
				t.afterSale = append(t.afterSale, i)
			}
		}
	}
	rep := Report{At: now}
	if err := t.scan(&rep); err != nil {
		return Report{}, err
	}
	t.group()
	for i := range t.stocks {
		t.allocate(&t.stocks[i])
	}
	t.collect(&rep)
	return rep, nil
}

// MaxTriageBatch is the largest batch [TriagePolicy.Triage] accepts, far
// above any shop's open orders; the triage indexes orders and lines with
// 32-bit integers.
const MaxTriageBatch = 1 << 26

// triage is the working state of one [TriagePolicy.Triage] call.
type triage struct {
	rules  *triageRules
	orders []*Order
	now    time.Time
	checks []Check
	// perOrder are the indexes in checks of the checks run order by order;
	// stocks are the snapshots of the [StockCheck]s, allocated across the
	// batch instead.
	perOrder []int
	// afterSale are the indexes in checks of the [AfterSaleCheck]s, run
	// on finished and closed orders too.
	afterSale []int
	stocks    []stockAlloc
	seed      maphash.Seed
	// hashMask is ANDed into every hash: all ones, except in a test that
	// forces every key to collide.
	hashMask uint64
	// workers is the number of goroutines the parallel passes use, ≥ 1.
	workers int

	// buyerHash[i] is the hash of orders[i]'s buyer ID when it waits to
	// ship; pending[i] says whether it does.
	buyerHash []uint64
	pending   []bool
	// skuGroups[lineStart[i]+k] is the (buyer, SKU) group of line k of
	// orders[i] within its buyer partition, -1 for a gift line; only
	// orders waiting to ship have lines here.
	lineStart []int32
	skuGroups []int32
	// found[foundStart[i]:foundStart[i+1]] are the problems the per-order
	// checks found in orders[i], as reported.
	found      []Problem
	foundStart []int32
	// flags[i] holds what the cross-batch passes found in orders[i].
	flags []orderFlags
}

// stockAlloc is the working state of allocating one [StockCheck]'s
// snapshot across the batch.
type stockAlloc struct {
	s Stock
	// of[lineStart[i]+k] is the position in s of line k of orders[i], -1
	// for a SKU s does not count; demand sums the units asked per position
	// (each buyer partition counts its own, then they are summed).
	of     []int32
	demand []int64
}

// orderFlags is what the cross-batch passes found in one order.
type orderFlags uint8

const (
	shortAlone  orderFlags = 1 << iota // a line asks for more than the snapshot holds
	shortTaken                         // orders with priority took the units (rule O3)
	repeated                           // a repeat order (rule O6)
	addrDiffers                        // the buyer's orders waiting to ship have several addresses (rule S4)
)

// flag sets f on orders[i]. Each order's flags are written by one
// goroutine only: its buyer partition's, or the sequential allocation.
func (t *triage) flag(i int32, f orderFlags) { t.flags[i] |= f }

type buyerGroup struct {
	first   int32 // index of the first order seen, for its address
	differs bool  // some order's address differs from the first one's
}

type buyerSKU struct{ buyer, sku string }

// The triage groups orders with hash tables keyed by 64-bit hashes of the
// IDs rather than by the strings: the tables then hold no pointers, which
// the garbage collector need not scan, and a key is hashed once. A hash
// names a candidate only; every hit is confirmed by comparing the strings,
// and the rare different strings that share a hash go to a string-keyed
// overflow map, so the result never depends on the hash.

// parallel runs f(w) for w = 0 … t.workers-1, on as many goroutines, and
// returns when every call has; a panic in one (a check's) is raised again
// on the caller's goroutine, as the sequential triage would raise it.
func (t *triage) parallel(f func(w int)) {
	if t.workers == 1 {
		f(0)
		return
	}
	panics := make([]any, t.workers)
	var wg sync.WaitGroup
	for w := range t.workers {
		wg.Go(func() {
			defer func() { panics[w] = recover() }()
			f(w)
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}

// share is what the first pass found in one contiguous share of the batch.
type share struct {
	found            []Problem
	checked, skipped int
	// errAt is the index of the first order with an error, len(orders)
	// when none; errCheck says the error is a check's (which the
	// sequential triage meets after the order's duplicate test).
	errAt    int
	errCheck bool
	err      error
}

// scan checks the batch for nil, zero and duplicate orders, runs the
// per-order checks on the open orders (the first pass, in parallel over
// contiguous shares), and lays out the problems found and the lines of
// the orders waiting to ship for the grouping pass.
func (t *triage) scan(rep *Report) error {
	n := len(t.orders)
	t.foundStart = make([]int32, n+1)
	t.lineStart = make([]int32, n+1)
	t.buyerHash = make([]uint64, n)
	t.pending = make([]bool, n)
	idHash := make([]uint64, n)
	field := func(i int) string { return "orders[" + strconv.Itoa(i) + "]" }
	shares := make([]share, t.workers)
	t.parallel(func(w int) {
		sh := &shares[w]
		lo, hi := w*n/t.workers, (w+1)*n/t.workers
		sh.errAt = n
		sh.found = make([]Problem, 0, (hi-lo)/4+8)
		for i := lo; i < hi; i++ {
			o := t.orders[i]
			if o == nil {
				sh.errAt, sh.err = i, fieldErr(field(i), "", ErrNilOrder, "")
				return
			}
			if o.IsZero() {
				sh.errAt, sh.err = i, fieldErr(field(i), "", ErrMissing, "the zero Order is not an order")
				return
			}
			idHash[i] = maphash.String(t.seed, o.id) & t.hashMask
			t.foundStart[i] = int32(len(sh.found)) // within the share, for now
			var err error
			switch {
			case o.status.Open():
				sh.checked++
				sh.found, err = t.inspect(sh.found, o, t.perOrder)
			case len(t.afterSale) > 0:
				// A finished or closed order: only the after-sales
				// checks look at it.
				sh.checked++
				sh.found, err = t.inspect(sh.found, o, t.afterSale)
			default:
				sh.skipped++
			}
			if err != nil {
				sh.errAt, sh.errCheck, sh.err = i, true, err
				return
			}
			if len(sh.found) > math.MaxInt32-1<<20 {
				sh.errAt, sh.err = i, fieldErr("orders", strconv.Itoa(n), ErrInvalidQuantity, "too many lines or problems in one batch")
				return
			}
			if o.pending() {
				t.pending[i] = true
				t.buyerHash[i] = maphash.String(t.seed, o.buyer.ID) & t.hashMask
				t.lineStart[i+1] = int32(len(o.lines)) // a count, for now
			}
		}
	})

	// The error the sequential triage meets first: the lowest index, and
	// at one index a duplicate before a check's error.
	first := share{errAt: n}
	for _, sh := range shares {
		if sh.errAt < first.errAt {
			first = sh
		}
	}
	ids := newHashIndex(n)
	var idOverflow map[string]int32
	for i := 0; i < first.errAt || i == first.errAt && first.errCheck; i++ {
		o := t.orders[i]
		j, hit := ids.getOrPut(idHash[i], int32(i))
		if hit && t.orders[j].id != o.id {
			if idOverflow == nil {
				idOverflow = map[string]int32{}
			}
			j, hit = idOverflow[o.id]
			if !hit {
				idOverflow[o.id] = int32(i)
			}
		}
		if hit {
			return fieldErr(field(i), o.id, ErrDuplicateOrder, "same ID as "+field(int(j)))
		}
	}
	if first.err != nil {
		return first.err
	}

	// The problems back to back, share after share, and the lines of the
	// orders waiting to ship, order after order.
	total := 0
	for _, sh := range shares {
		total += len(sh.found)
		rep.Checked += sh.checked
		rep.Skipped += sh.skipped
	}
	if total > math.MaxInt32-1<<20 {
		return fieldErr("orders", strconv.Itoa(n), ErrInvalidQuantity, "too many lines or problems in one batch")
	}
	t.found = make([]Problem, 0, total)
	for w, sh := range shares {
		base := int32(len(t.found))
		for i := w * n / t.workers; i < (w+1)*n/t.workers; i++ {
			t.foundStart[i] += base
		}
		t.found = append(t.found, sh.found...)
	}
	t.foundStart[n] = int32(len(t.found))
	lines := int64(0)
	for i := range n {
		lines += int64(t.lineStart[i+1])
		if lines > math.MaxInt32 {
			return fieldErr("orders", strconv.Itoa(n), ErrInvalidQuantity, "too many lines or problems in one batch")
		}
		t.lineStart[i+1] = int32(lines)
	}
	t.skuGroups = make([]int32, lines)
	for k := range t.stocks {
		t.stocks[k].of = make([]int32, lines)
	}
	t.flags = make([]orderFlags, n)
	return nil
}

// partition returns the buyer partition, 0 to workers-1, of a buyer's
// hash: the hash's bits mixed again, so that the partition does not
// follow the bits the hash tables place entries by.
func partition(h uint64, workers int) int {
	m := (h ^ h>>29) * 0x9e3779b97f4a7c15
	return int((m >> 32) * uint64(workers) >> 32)
}

// group is the second pass, in parallel over partitions of the buyers:
// each worker groups its partition's orders waiting to ship by buyer and
// by (buyer, SKU), flags buyers with several addresses and repeat orders,
// and counts its demand per SKU of every stock snapshot; the demands are
// summed at the end.
func (t *triage) group() {
	demands := make([][][]int64, t.workers) // [worker][stock][position]
	t.parallel(func(w int) {
		if t.workers > 1 {
			demands[w] = make([][]int64, len(t.stocks))
			for k := range t.stocks {
				demands[w][k] = make([]int64, len(t.stocks[k].demand))
			}
		}
		t.groupPartition(w, demands[w])
	})
	if t.workers > 1 {
		for _, d := range demands {
			for k := range t.stocks {
				for j, q := range d[k] {
					t.stocks[k].demand[j] += q
				}
			}
		}
	}
}

// groupPartition groups the orders waiting to ship of buyer partition w
// and flags what the groups show. demand[k] counts the units asked of
// stocks[k] per position; nil means the stocks' own (one worker).
func (t *triage) groupPartition(w int, demand [][]int64) {
	n := len(t.orders)
	var mine []int32 // the partition's orders waiting to ship, in batch order
	if t.workers == 1 {
		mine = make([]int32, 0, n)
	} else {
		mine = make([]int32, 0, 2*n/t.workers)
	}
	buyerIdx := newHashIndex(cap(mine))
	skuIdx := newHashIndex(cap(mine) + cap(mine)/4)
	var buyerOverflow map[string]int32
	var skuOverflow map[buyerSKU]int32
	buyers := make([]buyerGroup, 0, cap(mine))
	buyerOf := make([]int32, 0, cap(mine)) // buyerOf[k] is mine[k]'s group
	skuCount := make([]int32, 0, cap(mine))
	type skuFirst struct{ order, line int32 }
	firsts := make([]skuFirst, 0, cap(mine)) // the first line seen of each SKU group
	for i, o := range t.orders {
		if !t.pending[i] {
			continue
		}
		bh := t.buyerHash[i]
		if t.workers > 1 && partition(bh, t.workers) != w {
			continue
		}
		mine = append(mine, int32(i))
		g, ok := buyerIdx.getOrPut(bh, int32(len(buyers)))
		if ok && t.orders[buyers[g].first].buyer.ID != o.buyer.ID {
			if buyerOverflow == nil {
				buyerOverflow = map[string]int32{}
			}
			g, ok = buyerOverflow[o.buyer.ID]
			if !ok {
				buyerOverflow[o.buyer.ID] = int32(len(buyers))
			}
		}
		if !ok {
			g = int32(len(buyers))
			buyers = append(buyers, buyerGroup{first: int32(i)})
		} else if b := &buyers[g]; !b.differs && t.orders[b.first].addrKey != o.addrKey {
			b.differs = true
		}
		buyerOf = append(buyerOf, g)
		at := t.lineStart[i]
		for k := range t.stocks {
			a := &t.stocks[k]
			d := a.demand
			if demand != nil {
				d = demand[k]
			}
			for li, l := range o.lines {
				_, j, ok := a.s.lookup(l.SKU)
				a.of[at+int32(li)] = j
				if ok {
					d[j] += int64(l.Quantity)
				}
			}
		}
		for li, l := range o.lines {
			if l.Gift {
				t.skuGroups[at+int32(li)] = -1
				continue
			}
			h := (bh ^ maphash.String(t.seed, l.SKU)*0x9e3779b97f4a7c15) & t.hashMask
			s, ok := skuIdx.getOrPut(h, int32(len(skuCount)))
			if ok {
				f := firsts[s]
				fo := t.orders[f.order]
				if fo.buyer.ID != o.buyer.ID || fo.lines[f.line].SKU != l.SKU {
					if skuOverflow == nil {
						skuOverflow = map[buyerSKU]int32{}
					}
					k := buyerSKU{o.buyer.ID, l.SKU}
					if s, ok = skuOverflow[k]; !ok {
						skuOverflow[k] = int32(len(skuCount))
					}
				}
			}
			if !ok {
				s = int32(len(skuCount))
				skuCount = append(skuCount, 0)
				firsts = append(firsts, skuFirst{int32(i), int32(li)})
			}
			skuCount[s]++
			t.skuGroups[at+int32(li)] = s
		}
	}
	for k, i := range mine {
		if buyers[buyerOf[k]].differs {
			t.flag(i, addrDiffers)
		}
	}
	t.repeats(mine, skuCount)
}

// span is where one finding's problems lie in the shared backing slice.
// It holds the order's index, not a copy of its ID: spans are sorted
// through the batch, and a smaller span keeps the triage's memory down.
type span struct {
	order      int32
	from, to   int32
	categories CategorySet
}

// collect adds the problems found across the batch to those of the
// per-order checks and builds the findings. It touches an order only when
// it is a problem order.
func (t *triage) collect(rep *Report) {
	n := len(t.orders)
	all := make([]Problem, 0, len(t.found)+n/8+8) // every finding's problems, back to back
	spans := make([]span, 0, n/8+8)
	for i := range n {
		from := len(all)
		if f := t.flags[i]; f != 0 {
			if f&addrDiffers != 0 {
				all = append(all, Problem{MultipleAddresses, reasonCodes[BuyerAddressesDiffer]})
			}
			if f&repeated != 0 {
				all = append(all, Problem{RepeatOrder, reasonCodes[RepeatSKU]})
			}
			if f&shortAlone != 0 {
				all = append(all, Problem{OutOfStock, reasonCodes[StockShort]})
			}
			if f&shortTaken != 0 {
				all = append(all, Problem{OutOfStock, reasonCodes[PaidLater]})
			}
		}
		all = append(all, t.found[t.foundStart[i]:t.foundStart[i+1]]...)
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
	slices.SortFunc(spans, func(a, b span) int { return strings.Compare(t.orders[a.order].id, t.orders[b.order].id) })
	rep.Findings = make([]Finding, len(spans))
	for j, s := range spans {
		rep.Findings[j] = Finding{Order: t.orders[s.order], Categories: s.categories,
			Problems: all[s.from:s.to:s.to]}
	}
}

// inspect appends the problems the per-order checks find in o to dst.
func (t *triage) inspect(dst []Problem, o *Order, checks []int) ([]Problem, error) {
	if o.pending() {
		dst = inspectAddress(dst, o)
		dst = t.rules.inspectMessage(dst, o)
		dst = t.rules.inspectCOD(dst, o, t.now)
	}
	for _, ci := range checks {
		c := t.checks[ci]
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
			if p.Reason.IsZero() {
				return dst, fieldErr("checks["+strconv.Itoa(ci)+"]", c.Name(), ErrMissing,
					"reported no reason for order "+strconv.Quote(o.id))
			}
		}
	}
	return dst, nil
}

func compareProblems(a, b Problem) int {
	if c := cmp.Compare(a.Category, b.Category); c != 0 {
		return c
	}
	return compareCodes(a.Reason, b.Reason)
}

// allocate allocates the real stock of a.s to the orders of the batch that
// wait to ship, SKU by SKU, in the order [Oversell] uses (rule O3): by
// payment time, then unconfirmed cash on delivery, then unpaid orders. An
// order is short of a SKU when the units left after the orders ahead of it
// do not cover its line; its flags say why. The scan has already summed
// the demand per SKU; only the SKUs whose demand exceeds the snapshot are
// sorted, and only their orders are read again.
func (t *triage) allocate(a *stockAlloc) {
	oversold := false
	for j, d := range a.demand {
		if d > int64(a.s.onHand[j]) {
			oversold = true
		} else {
			a.demand[j] = -1 // covered: nobody is short
		}
	}
	if !oversold {
		return
	}
	// A claim is one line of an oversold SKU, with its place in line: the
	// SKU, the tier and time of allocRank, then the order ID, compared by
	// its first eight bytes before the whole string.
	type claim struct {
		sku   int32
		tier  uint8
		order int32
		qty   int32
		sec   int64
		nsec  int32
		id8   uint64
	}
	claims := 0
	for _, j := range a.of {
		if j >= 0 && a.demand[j] >= 0 {
			claims++
		}
	}
	cs := make([]claim, 0, claims)
	for i := range t.orders {
		for k, j := range a.of[t.lineStart[i]:t.lineStart[i+1]] {
			if j < 0 || a.demand[j] < 0 {
				continue
			}
			o := t.orders[i]
			tier, when := o.allocRank()
			cs = append(cs, claim{j, tier, int32(i), int32(o.lines[k].Quantity), when.Unix(), int32(when.Nanosecond()), prefix8(o.id)})
		}
	}
	slices.SortFunc(cs, func(a, b claim) int {
		if c := cmp.Compare(a.sku, b.sku); c != 0 {
			return c
		}
		if c := cmp.Compare(a.tier, b.tier); c != 0 {
			return c
		}
		if c := cmp.Compare(a.sec, b.sec); c != 0 {
			return c
		}
		if c := cmp.Compare(a.nsec, b.nsec); c != 0 {
			return c
		}
		if c := cmp.Compare(a.id8, b.id8); c != 0 {
			return c
		}
		return strings.Compare(t.orders[a.order].id, t.orders[b.order].id)
	})
	sku, left := int32(-1), 0
	for _, c := range cs {
		if c.sku != sku {
			sku, left = c.sku, a.s.onHand[c.sku]
		}
		got := min(int(c.qty), left)
		left -= got
		switch {
		case got == int(c.qty):
		case int(c.qty) > a.s.onHand[c.sku]:
			t.flag(c.order, shortAlone)
		default:
			t.flag(c.order, shortTaken)
		}
	}
}

// repeats flags the repeat orders (rule O6) among mine, the orders
// waiting to ship of one buyer partition, whose (buyer, SKU) groups
// skuCount counts: an order with a line of goods whose SKU another order
// of the same buyer waiting to ship also holds, placed within the
// policy's RepeatWithin of it. Only the groups of two or more orders are
// read again: their members are laid out group by group (a counting
// sort, reusing skuCount for the offsets) and each group is sorted by
// placing time, so that every order is compared with its neighbours in
// time only.
func (t *triage) repeats(mine, skuCount []int32) {
	total := int32(0)
	for g, c := range skuCount {
		if c > 1 {
			skuCount[g] = total // the group's first slot
			total += c
		} else {
			skuCount[g] = -1
		}
	}
	if total == 0 {
		return
	}
	members := make([]int32, total)
	for _, i := range mine {
		for _, g := range t.skuGroups[t.lineStart[i]:t.lineStart[i+1]] {
			if g >= 0 && skuCount[g] >= 0 {
				members[skuCount[g]] = i
				skuCount[g]++ // the next slot; the end of the group at last
			}
		}
	}
	byPlaced := func(a, b int32) int {
		if c := t.orders[a].created.Compare(t.orders[b].created); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	}
	from := int32(0)
	for _, end := range skuCount {
		if end < 0 {
			continue
		}
		grp := members[from:end]
		from = end
		slices.SortFunc(grp, byPlaced)
		for k := 1; k < len(grp); k++ {
			prev, cur := t.orders[grp[k-1]], t.orders[grp[k]]
			if !cur.created.After(prev.created.Add(t.rules.repeatWithin)) {
				t.flag(grp[k-1], repeated)
				t.flag(grp[k], repeated)
			}
		}
	}
}

// prefix8 returns the first eight bytes of s as a big-endian integer,
// zero-padded, so that comparing prefixes orders strings as
// strings.Compare does, up to equal prefixes.
func prefix8(s string) uint64 {
	var k uint64
	for i := range 8 {
		k <<= 8
		if i < len(s) {
			k |= uint64(s[i])
		}
	}
	return k
}
