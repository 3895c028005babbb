package order

import (
	"cmp"
	"hash/maphash"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
// orders each), or up to the policy's Workers when it sets them (1 runs
// the triage on the caller's goroutine): the per-order checks run in
// parallel — a [Check] is safe for concurrent use — over contiguous
// shares of the batch, which also count the demand per SKU (duplicate
// IDs are looked for over partitions of the IDs, in parallel too); the
// batch is then partitioned by buyer for the
// cross-batch passes, so every order of one buyer is grouped by one
// goroutine, while each stock snapshot is allocated across the whole
// batch. The report, and the error of a bad batch, are those of a triage
// on one goroutine; a check that panics panics on the caller's
// goroutine. A batch already sorted by order ID (as a backend's query
// often returns it) skips the duplicate-ID table and the sorting of the
// findings.
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

// splitsPerWorker is how many shares of the batch, and partitions of its
// buyers, the triage makes per goroutine when it runs on several: the
// goroutines take them one at a time, so that the work evens out.
const splitsPerWorker = 4

// triageWorkers returns how many workers triage n orders: one per
// GOMAXPROCS, at most bound when bound > 0, as long as each gets at least
// minTriageShare orders.
func triageWorkers(n, bound int) int {
	w := runtime.GOMAXPROCS(0)
	if bound > 0 {
		w = min(w, bound)
	}
	return max(1, min(w, n/minTriageShare))
}

// triage is [TriagePolicy.Triage] with the hashes ANDed with hashMask and
// the work split in exactly workers shares and buyer partitions, on as
// many goroutines (when ≤ 0, a few per goroutine, on as many as the
// policy and GOMAXPROCS say). The report depends on none of them.
//
// The work runs in passes. The first, parallel over contiguous shares of
// the batch, checks each order, runs the per-order checks, notes whether
// the IDs ascend, hands each order waiting to ship (its index, its buyer
// ID's hash and first 16 bytes) to its buyer partition and numbers its
// SKUs (each share its own table, with the units asked of each SKU).
// Sequentially, the error the sequential triage would have met first is
// picked (the lowest index) — when the IDs do not ascend through the
// batch, a parallel pass over partitions of the IDs finds the first
// duplicate — and the shares' SKU tables are merged into one (a step per
// distinct SKU of each share). A parallel pass lays out the lines with
// the batch's SKU numbers. The second main pass, parallel over the buyer
// partitions, groups each partition's orders by buyer, and reads again
// the orders of the buyers with several orders only: their addresses,
// and their lines sorted by SKU and placing time for repeat orders.
// Every order of one buyer falls in one partition, so a finding that
// depends on several orders of one buyer is made within one worker.
// Sequentially again, every oversold SKU of each stock snapshot is
// allocated across the whole batch (its demand is the sum of the shares'
// units); last, in parallel over the shares, the findings are built, and
// merged in ID order (nothing to merge when the IDs ascend).
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
	procs := workers
	if workers <= 0 {
		// A few shares and partitions per goroutine, so that one slowed
		// by the machine's other work does not hold the others up.
		procs = triageWorkers(len(orders), r.workers)
		workers = procs
		if procs > 1 {
			workers = splitsPerWorker * procs
		}
	}
	workers = max(1, min(workers, len(orders)))
	t := triage{rules: &r, orders: orders, now: now, checks: checks, seed: maphash.MakeSeed(), hashMask: hashMask,
		workers: workers, procs: max(1, min(procs, workers))}
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

// maxTriageItems bounds the lines and problems of one batch, which the
// triage indexes with 32-bit integers.
const maxTriageItems = math.MaxInt32 - 1<<20

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
	// workers is the number of shares and of buyer partitions, ≥ 1, and
	// procs the number of goroutines that run them, 1 to workers.
	workers, procs int
	shares         []share
	// sorted says the IDs ascend through the whole batch.
	sorted bool

	// lines[lineStart[i]+k] is line k of orders[i]: its SKU's number in
	// skus, shifted left once, with the low bit set for a gift; only
	// orders waiting to ship have lines here.
	lineStart []int32
	lines     []int32
	// skus are the distinct SKUs of the orders waiting to ship, and units
	// the units asked of each (gifts included), when there are stocks.
	skus  []string
	units []int64
	// foundEnd[i] is the end, in its share's found, of the problems the
	// per-order checks found in orders[i]; they start where the previous
	// order's end, or at 0 for a share's first order.
	foundEnd []int32
	// flags[i] holds what the cross-batch passes found in orders[i].
	flags []orderFlags
}

// stockAlloc is the working state of allocating one [StockCheck]'s
// snapshot across the batch.
type stockAlloc struct {
	s Stock
	// of[j] is the position in s of skus[j], -1 for a SKU s does not
	// count; demand sums the units asked per position.
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

// buyerGroup is the orders waiting to ship of one buyer.
type buyerGroup struct {
	id    buyerKey // the buyer's ID
	first int32    // index of the first order seen, for its ID
	n     int32    // the number of orders
}

// pendingOrder is an order waiting to ship, as the first pass hands it
// to its buyer partition: its index, and its buyer's ID and the ID's
// hash, so that the grouping by buyer need not read the order itself
// (but for buyer IDs longer than 16 bytes).
type pendingOrder struct {
	buyer buyerKey
	hash  uint64
	i     int32
}

// buyerKey is a buyer ID's length and its first 16 bytes, zero-padded:
// the whole ID when it is 16 bytes or shorter, so that two such IDs
// compare without reading them again; two longer ones that agree here
// are compared in full.
type buyerKey struct {
	head [2]uint64
	n    int32
}

func makeBuyerKey(id string) buyerKey {
	k := buyerKey{n: int32(len(id))} // at most textnorm.MaxIDBytes
	for j := range min(len(id), 16) {
		k.head[j/8] |= uint64(id[j]) << (8 * (j % 8))
	}
	return k
}

// sameBuyer reports whether orders[i], of buyer key a, and orders[j], of
// key b, have the same buyer ID.
func (t *triage) sameBuyer(a, b buyerKey, i, j int32) bool {
	if a != b {
		return false
	}
	return a.n <= 16 || t.orders[i].buyer.ID == t.orders[j].buyer.ID
}

// The triage groups orders with hash tables keyed by 64-bit hashes of the
// IDs rather than by the strings: the tables then hold no pointers, which
// the garbage collector need not scan, and a key is hashed once. A hash
// names a candidate only; every hit is confirmed by comparing the strings,
// and the rare different keys that share a hash go to an overflow map
// keyed by the string, so the result never depends on the hash.

// parallel runs f(w) for w = 0 … t.workers-1 on t.procs goroutines,
// each taking the next w until none is left, and returns when every call
// has; a panic in one (a check's) is raised again on the caller's
// goroutine — the one of the lowest w, as the sequential triage would
// raise it.
func (t *triage) parallel(f func(w int)) {
	if t.procs == 1 {
		for w := range t.workers {
			f(w)
		}
		return
	}
	panics := make([]any, t.workers)
	var next atomic.Int32
	var wg sync.WaitGroup
	for range t.procs {
		wg.Go(func() {
			for {
				w := int(next.Add(1) - 1)
				if w >= t.workers {
					return
				}
				func() {
					defer func() { panics[w] = recover() }()
					f(w)
				}()
			}
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p)
		}
	}
}

// share is one contiguous share of the batch, orders[lo:hi], and what the
// first pass found in it.
type share struct {
	lo, hi           int
	found            []Problem
	checked, skipped int
	// errAt is the index of the first order with an error, len(orders)
	// when none; errCheck says the error is a check's (which the
	// sequential triage meets after the order's duplicate test).
	errAt    int
	errCheck bool
	err      error
	// sorted says the IDs of the orders the share examined ascend
	// strictly.
	sorted bool
	// parts[w] are the share's orders waiting to ship of buyer partition
	// w, in batch order.
	parts [][]pendingOrder
	// lines are the share's lines of orders waiting to ship, as
	// triage.lines holds them but numbered in the share's own SKU table
	// (skus, units, index, overflow); remap turns those numbers into the
	// batch's.
	lines    []int32
	skus     []string
	skuHash  []uint64
	units    []int64
	index    hashIndex
	overflow map[string]int32
	remap    []int32
	// spans and all are the share's findings, built by collect.
	spans []span
	all   []Problem
}

// sku returns the number of SKU s, of hash h, in the share's table,
// adding it when it is new.
func (sh *share) sku(s string, h uint64) int32 {
	k, hit := sh.index.getOrPut(h, int32(len(sh.skus)))
	if hit && sh.skus[k] != s {
		if sh.overflow == nil {
			sh.overflow = map[string]int32{}
		}
		if k, hit = sh.overflow[s]; !hit {
			sh.overflow[s] = int32(len(sh.skus))
		}
	}
	if !hit {
		k = int32(len(sh.skus))
		sh.skus = append(sh.skus, s)
		sh.skuHash = append(sh.skuHash, h)
		sh.units = append(sh.units, 0)
	}
	return k
}

// scan runs the first pass over contiguous shares of the batch: it checks
// the batch for nil, zero and duplicate orders, runs the per-order checks
// on the open orders, and lays out the lines of the orders waiting to
// ship, with the batch's SKU numbers, for the grouping pass.
func (t *triage) scan(rep *Report) error {
	n := len(t.orders)
	t.foundEnd = make([]int32, n)
	t.lineStart = make([]int32, n+1)
	t.shares = make([]share, t.workers)
	t.parallel(func(w int) {
		sh := &t.shares[w]
		sh.lo, sh.hi = w*n/t.workers, (w+1)*n/t.workers
		t.scanShare(sh)
	})

	// The error the sequential triage meets first: the lowest index, and
	// at one index a duplicate before a check's error. The orders before
	// it (and the order at it, when a check failed on it) are tested for
	// duplicate IDs: none when their IDs ascend.
	first := &share{errAt: n}
	for w := range t.shares {
		if sh := &t.shares[w]; sh.errAt < first.errAt {
			first = sh
		}
	}
	limit := first.errAt
	if first.errCheck {
		limit++
	}
	t.sorted = true
	for w := range t.shares {
		sh := &t.shares[w]
		if sh.lo >= limit || sh.lo == sh.hi {
			continue
		}
		if !sh.sorted || w > 0 && sh.lo > 0 && t.orders[sh.lo-1].id >= t.orders[sh.lo].id {
			t.sorted = false
			break
		}
	}
	if !t.sorted {
		if err := t.duplicates(limit); err != nil {
			return err
		}
	}
	if first.err != nil {
		return first.err
	}

	// The shares' SKU tables merged into the batch's, and the lines laid
	// out share after share.
	total, lines := 0, 0
	for w := range t.shares {
		sh := &t.shares[w]
		total += len(sh.found)
		lines += len(sh.lines)
		rep.Checked += sh.checked
		rep.Skipped += sh.skipped
	}
	if total > maxTriageItems || lines > maxTriageItems {
		return fieldErr("orders", strconv.Itoa(n), ErrInvalidQuantity, "too many lines or problems in one batch")
	}
	t.mergeSKUs()
	t.lines = make([]int32, lines)
	base := make([]int32, t.workers)
	for w := 1; w < t.workers; w++ {
		base[w] = base[w-1] + int32(len(t.shares[w-1].lines))
	}
	t.parallel(func(w int) {
		sh := &t.shares[w]
		b := base[w]
		for i := sh.lo; i < sh.hi; i++ {
			t.lineStart[i+1] += b
		}
		dst := t.lines[b : b+int32(len(sh.lines))]
		for k, v := range sh.lines {
			dst[k] = sh.remap[v>>1]<<1 | v&1
		}
		sh.lines = nil
	})
	t.flags = make([]orderFlags, n)
	return nil
}

// scanShare is the first pass over one share.
func (t *triage) scanShare(sh *share) {
	n := len(t.orders)
	sh.errAt = n
	sh.sorted = true
	sh.found = make([]Problem, 0, (sh.hi-sh.lo)/4+8)
	sh.parts = make([][]pendingOrder, t.workers)
	for w := range sh.parts {
		sh.parts[w] = make([]pendingOrder, 0, (sh.hi-sh.lo)/t.workers+(sh.hi-sh.lo)/(8*t.workers)+16)
	}
	sh.lines = make([]int32, 0, 2*(sh.hi-sh.lo))
	sh.index = newHashIndex(64)
	stocks := len(t.stocks) > 0
	for i := sh.lo; i < sh.hi; i++ {
		o := t.orders[i]
		if o == nil {
			sh.errAt, sh.err = i, fieldErr(orderField(i), "", ErrNilOrder, "")
			return
		}
		if o.IsZero() {
			sh.errAt, sh.err = i, fieldErr(orderField(i), "", ErrMissing, "the zero Order is not an order")
			return
		}
		if sh.sorted && i > sh.lo && t.orders[i-1].id >= o.id {
			sh.sorted = false
		}
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
		if len(sh.found) > maxTriageItems || len(sh.lines)+len(o.lines) > maxTriageItems {
			sh.errAt, sh.err = i, fieldErr("orders", strconv.Itoa(n), ErrInvalidQuantity, "too many lines or problems in one batch")
			return
		}
		t.foundEnd[i] = int32(len(sh.found))
		if o.pending() {
			bh := maphash.String(t.seed, o.buyer.ID) & t.hashMask
			p := 0
			if t.workers > 1 {
				p = partition(bh, t.workers)
			}
			sh.parts[p] = append(sh.parts[p], pendingOrder{makeBuyerKey(o.buyer.ID), bh, int32(i)})
			for _, l := range o.lines {
				k := sh.sku(l.SKU, maphash.String(t.seed, l.SKU)&t.hashMask)
				v := k << 1
				if l.Gift {
					v |= 1
				}
				sh.lines = append(sh.lines, v)
				if stocks {
					sh.units[k] += int64(l.Quantity)
				}
			}
		}
		t.lineStart[i+1] = int32(len(sh.lines)) // within the share, for now
	}
}

func orderField(i int) string { return "orders[" + strconv.Itoa(i) + "]" }

// mergeSKUs numbers the SKUs of the whole batch, merging the shares'
// tables, sums the units asked of each, and finds each SKU's position in
// every stock snapshot and the demand per position.
func (t *triage) mergeSKUs() {
	if t.workers == 1 {
		sh := &t.shares[0]
		t.skus, t.units = sh.skus, sh.units
		sh.remap = make([]int32, len(sh.skus))
		for k := range sh.remap {
			sh.remap[k] = int32(k)
		}
	} else {
		all := &share{index: newHashIndex(len(t.shares[0].skus) + 64)}
		for w := range t.shares {
			sh := &t.shares[w]
			sh.remap = make([]int32, len(sh.skus))
			for k, s := range sh.skus {
				g := all.sku(s, sh.skuHash[k])
				sh.remap[k] = g
				all.units[g] += sh.units[k]
			}
		}
		t.skus, t.units = all.skus, all.units
	}
	for k := range t.stocks {
		a := &t.stocks[k]
		a.of = make([]int32, len(t.skus))
		for j, s := range t.skus {
			_, p, ok := a.s.lookup(s)
			a.of[j] = p
			if ok {
				a.demand[p] += t.units[j]
			}
		}
	}
}

// duplicates finds the first order of orders[:limit] whose ID an earlier
// order has, in parallel over partitions of the IDs' hashes: each worker
// finds the first duplicate of its partition, and the lowest index wins.
func (t *triage) duplicates(limit int) error {
	idHash := make([]uint64, limit)
	t.parallel(func(w int) {
		for i := w * limit / t.workers; i < (w+1)*limit/t.workers; i++ {
			idHash[i] = maphash.String(t.seed, t.orders[i].id) & t.hashMask
		}
	})
	type dup struct{ at, of int }
	dups := make([]dup, t.workers)
	t.parallel(func(w int) {
		dups[w] = dup{limit, -1}
		ids := newHashIndex(limit/t.workers + limit/(4*t.workers) + 8)
		var overflow map[string]int32
		for i, h := range idHash {
			if t.workers > 1 && partition(h, t.workers) != w {
				continue
			}
			id := t.orders[i].id
			j, hit := ids.getOrPut(h, int32(i))
			if hit && t.orders[j].id != id {
				if overflow == nil {
					overflow = map[string]int32{}
				}
				if j, hit = overflow[id]; !hit {
					overflow[id] = int32(i)
				}
			}
			if hit {
				dups[w] = dup{i, int(j)}
				return
			}
		}
	})
	first := dup{limit, -1}
	for _, d := range dups {
		if d.at < first.at {
			first = d
		}
	}
	if first.of < 0 {
		return nil
	}
	return fieldErr(orderField(first.at), t.orders[first.at].id, ErrDuplicateOrder, "same ID as "+orderField(first.of))
}

// partition returns the partition, 0 to workers-1, of a hash: the hash's
// bits mixed again, so that the partition does not follow the bits the
// hash tables place entries by.
func partition(h uint64, workers int) int {
	m := (h ^ h>>29) * 0x9e3779b97f4a7c15
	return int((m >> 32) * uint64(workers) >> 32)
}

// group is the second pass, in parallel over partitions of the buyers:
// each worker groups its partition's orders waiting to ship by buyer,
// and flags buyers with several addresses and repeat orders.
func (t *triage) group() {
	t.parallel(t.groupPartition)
}

// groupPartition groups the orders waiting to ship of buyer partition w
// by buyer and flags what the groups show.
func (t *triage) groupPartition(w int) {
	size := 0
	for s := range t.shares {
		size += len(t.shares[s].parts[w])
	}
	idx := newHashIndex(size)
	var overflow map[string]int32
	buyers := make([]buyerGroup, 0, size)
	mine := make([]int32, 0, size)    // the partition's orders waiting to ship, in batch order
	buyerOf := make([]int32, 0, size) // buyerOf[k] is mine[k]'s group
	for s := range t.shares {
		part := t.shares[s].parts[w]
		for j := range part {
			p := &part[j]
			g, ok := idx.getOrPut(p.hash, int32(len(buyers)))
			if ok && !t.sameBuyer(buyers[g].id, p.buyer, buyers[g].first, p.i) {
				if overflow == nil {
					overflow = map[string]int32{}
				}
				id := t.orders[p.i].buyer.ID
				if g, ok = overflow[id]; !ok {
					overflow[id] = int32(len(buyers))
				}
			}
			if !ok {
				g = int32(len(buyers))
				buyers = append(buyers, buyerGroup{id: p.buyer, first: p.i, n: 1})
			} else {
				buyers[g].n++
			}
			mine = append(mine, p.i)
			buyerOf = append(buyerOf, g)
		}
		t.shares[s].parts[w] = nil
	}
	t.severalOrders(mine, buyerOf, buyers)
}

// severalOrders reads again the orders of the buyers with several
// orders waiting to ship among mine, the orders of one buyer partition,
// whose buyer groups buyerOf gives; buyers with one order have neither
// several addresses nor repeat orders. Their orders are laid out buyer
// by buyer (a counting sort), and each order is read once:
//
//   - when the buyer's orders do not all have the first one's address
//     ([AddressKey]), every one of them has several addresses (rule S4);
//   - each buyer's lines of goods are sorted by SKU and placing time, so
//     that every order is compared with its neighbours in time for the
//     same SKU only: an order with a line of goods whose SKU another
//     order of the buyer also holds, placed within the policy's
//     RepeatWithin of it, is a repeat order (rule O6).
func (t *triage) severalOrders(mine, buyerOf []int32, buyers []buyerGroup) {
	next := make([]int32, len(buyers)) // each buyer's next slot; the end of its orders at last
	total := int32(0)
	for g := range buyers {
		if c := buyers[g].n; c > 1 {
			next[g] = total
			total += c
		} else {
			next[g] = -1
		}
	}
	if total == 0 {
		return
	}
	members := make([]int32, total)
	for k, i := range mine {
		if g := buyerOf[k]; next[g] >= 0 {
			members[next[g]] = i
			next[g]++
		}
	}
	// A line of goods of one buyer's order, with what it is sorted by.
	type line struct {
		sku   int32
		order int32
		sec   int64
		nsec  int32
	}
	var ls []line
	from := int32(0)
	for _, end := range next {
		if end < 0 {
			continue
		}
		grp := members[from:end]
		from = end
		first := &t.orders[grp[0]].addrKey
		for _, i := range grp[1:] {
			if t.orders[i].addrKey != *first {
				for _, i := range grp {
					t.flag(i, addrDiffers)
				}
				break
			}
		}
		ls = ls[:0]
		for _, i := range grp {
			created := t.orders[i].created
			sec, nsec := created.Unix(), int32(created.Nanosecond())
			for _, v := range t.lines[t.lineStart[i]:t.lineStart[i+1]] {
				if v&1 == 0 { // gifts aside
					ls = append(ls, line{v >> 1, i, sec, nsec})
				}
			}
		}
		slices.SortFunc(ls, func(a, b line) int {
			if c := cmp.Compare(a.sku, b.sku); c != 0 {
				return c
			}
			if c := cmp.Compare(a.sec, b.sec); c != 0 {
				return c
			}
			if c := cmp.Compare(a.nsec, b.nsec); c != 0 {
				return c
			}
			return cmp.Compare(a.order, b.order)
		})
		for k := 1; k < len(ls); k++ {
			a, b := ls[k-1], ls[k]
			if a.sku != b.sku {
				continue
			}
			if !t.orders[b.order].created.After(t.orders[a.order].created.Add(t.rules.repeatWithin)) {
				t.flag(a.order, repeated)
				t.flag(b.order, repeated)
			}
		}
	}
}

// span is where one finding's problems lie in its share's backing slice.
// It holds the order's index, not a copy of its ID: spans are sorted
// through the batch, and a smaller span keeps the triage's memory down.
type span struct {
	order      int32
	from, to   int32
	categories CategorySet
}

// collect adds the problems found across the batch to those of the
// per-order checks and builds the findings, in parallel over the shares;
// the shares' findings are then laid end to end, or merged by order ID
// when the IDs do not ascend through the batch. It touches an order only
// when it is a problem order.
func (t *triage) collect(rep *Report) {
	t.parallel(func(w int) {
		sh := &t.shares[w]
		t.collectShare(sh)
		if !t.sorted {
			slices.SortFunc(sh.spans, t.byID)
		}
	})
	total := 0
	for w := range t.shares {
		total += len(t.shares[w].spans)
	}
	rep.Findings = make([]Finding, total)
	if t.sorted {
		t.parallel(func(w int) {
			at := 0
			for v := range w {
				at += len(t.shares[v].spans)
			}
			sh := &t.shares[w]
			for j, s := range sh.spans {
				rep.Findings[at+j] = t.finding(sh, s)
			}
		})
		return
	}
	// A merge of the shares' sorted findings: a span's backing slice is
	// its share's, so each carries its share's number through the merge.
	type ref struct {
		s     span
		share int32
	}
	runs := make([][]ref, 0, t.workers)
	for w := range t.shares {
		sh := &t.shares[w]
		run := make([]ref, len(sh.spans))
		for j, s := range sh.spans {
			run[j] = ref{s, int32(w)}
		}
		runs = append(runs, run)
	}
	for len(runs) > 1 {
		next := runs[:0:0]
		for k := 0; k < len(runs); k += 2 {
			if k+1 == len(runs) {
				next = append(next, runs[k])
				continue
			}
			a, b := runs[k], runs[k+1]
			m := make([]ref, 0, len(a)+len(b))
			for len(a) > 0 && len(b) > 0 {
				if t.byID(b[0].s, a[0].s) < 0 {
					m, b = append(m, b[0]), b[1:]
				} else {
					m, a = append(m, a[0]), a[1:]
				}
			}
			next = append(next, append(append(m, a...), b...))
		}
		runs = next
	}
	for j, r := range runs[0] {
		rep.Findings[j] = t.finding(&t.shares[r.share], r.s)
	}
}

// byID orders spans by their orders' IDs.
func (t *triage) byID(a, b span) int {
	return strings.Compare(t.orders[a.order].id, t.orders[b.order].id)
}

// finding returns the finding of span s of share sh.
func (t *triage) finding(sh *share, s span) Finding {
	return Finding{Order: t.orders[s.order], Categories: s.categories, Problems: sh.all[s.from:s.to:s.to]}
}

// collectShare builds the spans of one share's problem orders.
func (t *triage) collectShare(sh *share) {
	problems, orders := len(sh.found), 0
	prev := int32(0)
	for i := sh.lo; i < sh.hi; i++ {
		f := t.flags[i]
		if f != 0 || t.foundEnd[i] != prev {
			orders++
			problems += bits.OnesCount8(uint8(f))
		}
		prev = t.foundEnd[i]
	}
	all := make([]Problem, 0, problems) // every finding's problems, back to back
	spans := make([]span, 0, orders)
	prev = 0
	for i := sh.lo; i < sh.hi; i++ {
		end := t.foundEnd[i]
		found := sh.found[prev:end]
		prev = end
		f := t.flags[i]
		if f == 0 && len(found) == 0 {
			continue
		}
		from := len(all)
		if f != 0 {
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
		all = append(all, found...)
		// Sort and deduplicate this order's problems, dropping skipped
		// categories.
		ps := all[from:]
		if len(ps) > 1 {
			slices.SortFunc(ps, compareProblems)
			ps = slices.Compact(ps)
		}
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
	sh.found = nil
	sh.all, sh.spans = all, spans
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
// do not cover its line; its flags say why. The first pass has already
// summed the demand per SKU; only the SKUs whose demand exceeds the
// snapshot are sorted, and only their orders are read again.
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
	// short(v) is the position of line v's SKU when it is oversold, -1
	// otherwise.
	short := func(v int32) int32 {
		if j := a.of[v>>1]; j >= 0 && a.demand[j] >= 0 {
			return j
		}
		return -1
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
	for _, v := range t.lines {
		if short(v) >= 0 {
			claims++
		}
	}
	cs := make([]claim, 0, claims)
	for i := range t.orders {
		for k, v := range t.lines[t.lineStart[i]:t.lineStart[i+1]] {
			j := short(v)
			if j < 0 {
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
