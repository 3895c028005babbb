package notes

import (
	"cmp"
	"container/heap"
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/kefu-go/kefu/order"
)

// byDue orders promises by due time, then ID, so that equal due times
// still sort one way.
func byDue(a, b Promise) int {
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Ledger is the explicit state of a set of promises (rule N3): a plain,
// immutable value the backend rebuilds from its own storage with
// [NewLedger] and stores again from [Ledger.Promises]. Every change
// returns a new Ledger and leaves the old one as it was.
//
// Open promises are kept sorted by due time, so [Ledger.Overdue] and
// [Ledger.DueSoon] find theirs by binary search instead of scanning: the
// cost grows with the number of promises they return, not with the size
// of the ledger: among 1,000,000 open promises, listing the 10 overdue
// takes about 1 µs (BenchmarkOverdue). Changes copy the ledger (O(n)),
// and [Ledger.Get] scans the open promises; for a large, busy set in one
// process use a [Tracker].
//
// The zero Ledger is empty.
type Ledger struct {
	open    []Promise // unsettled, sorted by due time then ID
	settled []Promise // sorted by ID
}

// NewLedger checks ps and builds a ledger. A promise with missing or bad
// fields is an [*Error] naming it by its index ("promises[3].buyer_id");
// an ID twice in ps wraps [ErrDuplicate].
func NewLedger(ps []Promise) (Ledger, error) {
	var l Ledger
	seen := make(map[string]struct{}, len(ps))
	for i, p := range ps {
		v, err := validatePromise(p)
		if err != nil {
			return Ledger{}, atIndex("promises", i, err)
		}
		if _, dup := seen[v.ID]; dup {
			return Ledger{}, fieldErr(indexed("promises", i, "id"), v.ID, ErrDuplicate, "")
		}
		seen[v.ID] = struct{}{}
		if v.Settled() {
			l.settled = append(l.settled, v)
		} else {
			l.open = append(l.open, v)
		}
	}
	slices.SortFunc(l.open, byDue)
	slices.SortFunc(l.settled, func(a, b Promise) int { return strings.Compare(a.ID, b.ID) })
	return l, nil
}

// Promises returns every promise, open ones first by due time, then the
// settled ones by ID: the state to store.
func (l Ledger) Promises() []Promise { return slices.Concat(l.open, l.settled) }

// Len returns the number of promises.
func (l Ledger) Len() int { return len(l.open) + len(l.settled) }

// Get returns the promise with ID id, read under the identity rule
// ([order.CanonicalID]) as IDs are stored. It scans the open promises
// (they are sorted by due time, not ID) and binary-searches the settled
// ones.
func (l Ledger) Get(id string) (Promise, bool) {
	id, ok := lookupID(id)
	if !ok {
		return Promise{}, false
	}
	if i := slices.IndexFunc(l.open, func(p Promise) bool { return p.ID == id }); i >= 0 {
		return l.open[i], true
	}
	if i, ok := slices.BinarySearchFunc(l.settled, id, func(p Promise, id string) int { return strings.Compare(p.ID, id) }); ok {
		return l.settled[i], true
	}
	return Promise{}, false
}

// Add returns the ledger with p added. p is checked as by [NewLedger]; an
// ID already in the ledger wraps [ErrPromiseExists] (class conflict). On
// error l is returned unchanged.
func (l Ledger) Add(p Promise) (Ledger, error) {
	v, err := validatePromise(p)
	if err != nil {
		return l, err
	}
	if _, dup := l.Get(v.ID); dup {
		return l, fieldErr("promise.id", v.ID, ErrPromiseExists, "")
	}
	return l.insert(v), nil
}

func (l Ledger) insert(v Promise) Ledger {
	if v.Settled() {
		i, _ := slices.BinarySearchFunc(l.settled, v.ID, func(p Promise, id string) int { return strings.Compare(p.ID, id) })
		l.settled = slices.Insert(slices.Clip(l.settled), i, v)
		return l
	}
	i, _ := slices.BinarySearchFunc(l.open, v, byDue)
	l.open = slices.Insert(slices.Clip(l.open), i, v)
	return l
}

// Fulfil applies [Promise.Fulfil] to the promise with ID id and returns
// the new ledger and promise. An unknown ID wraps [ErrUnknownPromise]; errors of
// Fulfil are returned as they are. On error l is returned unchanged.
func (l Ledger) Fulfil(id string, f Fulfilment) (Ledger, Promise, error) {
	return l.settle(id, func(p Promise) (Promise, error) { return p.Fulfil(f) })
}

// Break applies [Promise.Break] to the promise with ID id.
func (l Ledger) Break(id string, at time.Time) (Ledger, Promise, error) {
	return l.settle(id, func(p Promise) (Promise, error) { return p.Break(at) })
}

func (l Ledger) settle(id string, f func(Promise) (Promise, error)) (Ledger, Promise, error) {
	p, ok := l.Get(id)
	if !ok {
		return l, Promise{}, fieldErr("promise.id", id, ErrUnknownPromise, "")
	}
	q, err := f(p)
	if err != nil || !q.Settled() {
		return l, q, err
	}
	i := slices.IndexFunc(l.open, func(p Promise) bool { return p.ID == q.ID })
	out := Ledger{open: slices.Delete(slices.Clone(l.open), i, i+1), settled: l.settled}
	return out.insert(q), q, nil
}

// Overdue returns the open promises past due at now, most overdue first
// (rule N3). It finds them by binary search on due time.
func (l Ledger) Overdue(now time.Time) []Promise {
	i := firstDueAtOrAfter(l.open, now)
	return slices.Clone(l.open[:i])
}

// DueSoon returns the open promises due within soon of now, but not yet
// overdue, soonest first: those due in the window [now, now+soon], the
// promises [Promise.State] calls [DueSoon]. A negative window holds
// nothing, so DueSoon returns none, as [Tracker.DueSoon] does.
func (l Ledger) DueSoon(now time.Time, soon time.Duration) []Promise {
	if soon < 0 {
		return nil
	}
	return l.dueIn(now, now.Add(soon).Add(1))
}

// dueIn returns the open promises due from start (included) to end
// (excluded), soonest first; none when end is not after start. The bounds
// are found by binary search and never cross.
func (l Ledger) dueIn(start, end time.Time) []Promise {
	if !end.After(start) {
		return nil
	}
	i := firstDueAtOrAfter(l.open, start)
	j := max(i, firstDueAtOrAfter(l.open, end))
	if i == j {
		return nil
	}
	return slices.Clone(l.open[i:j])
}

// MarshalJSON encodes the ledger as the list of [Ledger.Promises]: the
// state to store.
func (l Ledger) MarshalJSON() ([]byte, error) {
	ps := l.Promises()
	if ps == nil {
		ps = []Promise{}
	}
	return json.Marshal(ps)
}

// UnmarshalJSON decodes a list of promises strictly and builds the ledger
// as [NewLedger] does; an error names the promise by its index
// ("promises[3].buyer_id"). On error l is unchanged.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	ps, err := decodePromises(b)
	if err != nil {
		return err
	}
	v, err := NewLedger(ps)
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// decodePromises decodes a list of promises strictly, in one pass; the
// caller checks them ([NewLedger], [NewTracker]), naming a bad one by its
// index.
func decodePromises(b []byte) ([]Promise, error) {
	var w []plainPromise
	if err := decodeJSON("promises", b, &w); err != nil {
		return nil, err
	}
	ps := make([]Promise, len(w))
	for i := range w {
		ps[i] = Promise(w[i])
	}
	return ps, nil
}

// Settled returns the settled promises, by ID; [Promise.State] tells kept
// from broken.
func (l Ledger) Settled() []Promise { return slices.Clone(l.settled) }

// lookupID returns id in canonical form for a lookup; ok is false when
// the identity rule refuses it, so it names no stored promise.
func lookupID(id string) (string, bool) {
	c, err := order.CanonicalID(id)
	return c, err == nil
}

func firstDueAtOrAfter(open []Promise, t time.Time) int {
	i, _ := slices.BinarySearchFunc(open, t, func(p Promise, t time.Time) int {
		if p.Due.Before(t) {
			return -1
		}
		return 1
	})
	return i
}

// Tracker is an in-memory promise ledger for a single process: the
// optional helper next to [Ledger]. It is safe for concurrent use. Open
// promises sit in a min-heap on due time, so adding or settling one costs
// O(log n) and listing the overdue ones visits only the heap's overdue
// part and its border: O(k) for k results, whatever the size (about 5 µs
// for 10 overdue among 1,000,000 open promises; BenchmarkOverdue).
//
// The backend stays the owner of the state: seed a Tracker with
// [NewTracker] from stored promises and store [Tracker.Promises] (or each
// promise a method returns) back. The zero Tracker is empty and ready to
// use; a Tracker must not be copied after first use.
type Tracker struct {
	mu   sync.Mutex
	byID map[string]*tracked
	due  dueHeap // open promises
}

type tracked struct {
	p   Promise
	idx int // position in the heap, -1 when settled
}

type dueHeap []*tracked

func (h dueHeap) Len() int           { return len(h) }
func (h dueHeap) Less(i, j int) bool { return byDue(h[i].p, h[j].p) < 0 }
func (h dueHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].idx, h[j].idx = i, j
}
func (h *dueHeap) Push(x any) {
	t := x.(*tracked)
	t.idx = len(*h)
	*h = append(*h, t)
}
func (h *dueHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.idx = -1
	return t
}

// NewTracker builds a tracker holding ps, checked as by [NewLedger].
func NewTracker(ps []Promise) (*Tracker, error) {
	t := &Tracker{byID: make(map[string]*tracked, len(ps))}
	for i, p := range ps {
		v, err := validatePromise(p)
		if err != nil {
			return nil, atIndex("promises", i, err)
		}
		if _, dup := t.byID[v.ID]; dup {
			return nil, fieldErr(indexed("promises", i, "id"), v.ID, ErrDuplicate, "")
		}
		e := &tracked{p: v, idx: -1}
		t.byID[v.ID] = e
		if !v.Settled() {
			e.idx = len(t.due)
			t.due = append(t.due, e)
		}
	}
	heap.Init(&t.due)
	return t, nil
}

// Len returns the number of promises tracked.
func (t *Tracker) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.byID)
}

// Add tracks p, checked as by [NewLedger]; an ID already tracked wraps
// [ErrPromiseExists].
func (t *Tracker) Add(p Promise) error {
	v, err := validatePromise(p)
	if err != nil {
		return err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if _, dup := t.byID[v.ID]; dup {
		return fieldErr("promise.id", v.ID, ErrPromiseExists, "")
	}
	if t.byID == nil {
		t.byID = make(map[string]*tracked)
	}
	e := &tracked{p: v, idx: -1}
	t.byID[v.ID] = e
	if !v.Settled() {
		heap.Push(&t.due, e)
	}
	return nil
}

// Get returns the promise with ID id, read under the identity rule as
// [Ledger.Get].
func (t *Tracker) Get(id string) (Promise, bool) {
	id, _ = lookupID(id)
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.byID[id]
	if !ok {
		return Promise{}, false
	}
	return e.p, true
}

// Fulfil applies [Promise.Fulfil] to the promise with ID id and returns
// it as it now stands; an unknown ID wraps [ErrUnknownPromise]. On error nothing
// changes.
func (t *Tracker) Fulfil(id string, f Fulfilment) (Promise, error) {
	return t.settle(id, func(p Promise) (Promise, error) { return p.Fulfil(f) })
}

// Break applies [Promise.Break] to the promise with ID id.
func (t *Tracker) Break(id string, at time.Time) (Promise, error) {
	return t.settle(id, func(p Promise) (Promise, error) { return p.Break(at) })
}

func (t *Tracker) settle(id string, f func(Promise) (Promise, error)) (Promise, error) {
	key, _ := lookupID(id)
	t.mu.Lock()
	defer t.mu.Unlock()
	e, ok := t.byID[key]
	if !ok {
		return Promise{}, fieldErr("promise.id", id, ErrUnknownPromise, "")
	}
	q, err := f(e.p)
	if err != nil {
		return e.p, err
	}
	e.p = q
	if q.Settled() && e.idx >= 0 {
		heap.Remove(&t.due, e.idx)
	}
	return q, nil
}

// Overdue returns the open promises past due at now, most overdue first
// (rule N3).
func (t *Tracker) Overdue(now time.Time) []Promise {
	t.mu.Lock()
	out := t.collect(func(p Promise) bool { return p.Due.Before(now) }, nil)
	t.mu.Unlock()
	slices.SortFunc(out, byDue)
	return out
}

// DueSoon returns the open promises due within soon of now, but not yet
// overdue, soonest first: those due in [now, now+soon], as
// [Ledger.DueSoon]; a negative window holds nothing.
func (t *Tracker) DueSoon(now time.Time, soon time.Duration) []Promise {
	if soon < 0 {
		return nil
	}
	limit := now.Add(soon)
	t.mu.Lock()
	out := t.collect(func(p Promise) bool { return !p.Due.After(limit) }, func(p Promise) bool { return !p.Due.Before(now) })
	t.mu.Unlock()
	slices.SortFunc(out, byDue)
	return out
}

// collect walks the heap from the root, descending only into nodes that
// satisfy within (which must hold for a prefix of due times), and keeps
// those that also satisfy keep (nil: all).
func (t *Tracker) collect(within, keep func(Promise) bool) []Promise {
	var out []Promise
	var stack []int
	if len(t.due) > 0 {
		stack = append(stack, 0)
	}
	for len(stack) > 0 {
		i := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p := t.due[i].p
		if !within(p) {
			continue
		}
		if keep == nil || keep(p) {
			out = append(out, p)
		}
		for _, c := range [2]int{2*i + 1, 2*i + 2} {
			if c < len(t.due) {
				stack = append(stack, c)
			}
		}
	}
	return out
}

// MarshalJSON encodes the tracker as the list of [Tracker.Promises]: the
// state to store.
func (t *Tracker) MarshalJSON() ([]byte, error) {
	ps := t.Promises()
	return json.Marshal(ps)
}

// UnmarshalJSON replaces what t holds with the list of promises in b,
// decoded strictly and checked as by [NewTracker]; an error names the
// promise by its index. On error t is unchanged.
func (t *Tracker) UnmarshalJSON(b []byte) error {
	ps, err := decodePromises(b)
	if err != nil {
		return err
	}
	n, err := NewTracker(ps)
	if err != nil {
		return err
	}
	t.mu.Lock()
	t.byID, t.due = n.byID, n.due
	t.mu.Unlock()
	return nil
}

// Promises returns every promise tracked, sorted by ID: the state to
// store.
func (t *Tracker) Promises() []Promise {
	t.mu.Lock()
	out := make([]Promise, 0, len(t.byID))
	for _, e := range t.byID {
		out = append(out, e.p)
	}
	t.mu.Unlock()
	slices.SortFunc(out, func(a, b Promise) int { return cmp.Compare(a.ID, b.ID) })
	return out
}
