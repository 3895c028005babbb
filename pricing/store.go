package pricing

import (
	"encoding/json"
	"slices"
	"strconv"
	"sync"
	"time"
)

// Spent records one use of an approval: the row a backend inserts, keyed
// by ID (unique), in the transaction that records the concession. The
// unique key is what makes an approval single use: of two transactions
// inserting the same ID, one fails, at any isolation level, so an
// approval cannot be spent twice — unlike reading a record of spent
// approvals, adding to it and writing it back, which double-spends at
// READ COMMITTED unless the row is locked.
//
// A row may be deleted once its approval has expired by the clock the
// backend also uses for [Request.At]: an expired approval never covers a
// claim made at that clock's time. (A backend that backdates At keeps the
// rows longer, or uses a [Store], which guards against it.)
//
// Expires and At are in UTC.
type Spent struct {
	ID      string    `json:"id"`
	OrderID string    `json:"order_id"`
	Expires time.Time `json:"expires"`
	At      time.Time `json:"at"` // when it was used
}

// AlreadyUsed returns the error for a second use of s — what a backend
// answers when the insert of s hits its unique key: an [*Error] for the
// field "id" wrapping [ErrUsed] (conflict, HTTP 409).
func (s Spent) AlreadyUsed() error {
	return fieldErr("id", s.ID, ErrUsed, "an approval is used once")
}

// Validate checks a record read back from storage: canonical IDs, an
// expiry and a time of use in the years 1 to 9999, the use before the
// expiry. The error is an [*Error] wrapping [ErrInvalidState] (or, for
// an ID, [ErrMissing] or [ErrInvalidText]).
func (s Spent) Validate() error {
	_, err := s.normalize("")
	return err
}

func (s Spent) normalize(field string) (Spent, error) {
	var err error
	if s.ID, err = canonID(field+"id", s.ID); err != nil {
		return Spent{}, asState(err)
	}
	if s.OrderID, err = canonID(field+"order_id", s.OrderID); err != nil {
		return Spent{}, asState(err)
	}
	for _, t := range [...]struct {
		name string
		v    *time.Time
	}{{"expires", &s.Expires}, {"at", &s.At}} {
		if t.v.IsZero() || !inYears(*t.v) {
			return Spent{}, fieldErr(field+t.name, t.v.Format(time.RFC3339Nano), ErrInvalidState, "a time in the years 1 to 9999")
		}
		*t.v = t.v.UTC()
	}
	if !s.At.Before(s.Expires) {
		return Spent{}, fieldErr(field+"at", s.At.Format(time.RFC3339Nano), ErrInvalidState,
			"used at or after its expiry "+s.Expires.Format(time.RFC3339Nano))
	}
	return s, nil
}

// UnmarshalJSON decodes what encoding/json encodes from the struct tags,
// strictly, and checks it with [Spent.Validate]; on error s is unchanged.
func (s *Spent) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	type plain Spent
	var w plain
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	n, err := Spent(w).normalize("")
	if err != nil {
		return err
	}
	*s = n
	return nil
}

// Used is a snapshot of a [Store], for a single-process backend that
// persists its store between runs: the approvals spent and not yet
// forgotten, and the time the store was pruned to. A backend with a
// database inserts [Spent] rows under a unique key instead.
type Used struct {
	Approvals []Spent `json:"approvals"`
	// PrunedTo is the latest time the store was pruned to ([Store.Prune]):
	// an approval that expired by then may have been forgotten, so the
	// store refuses it whatever time a redemption claims.
	PrunedTo time.Time `json:"pruned_to,omitzero"`
}

// Validate checks a snapshot read back from storage: every record valid
// ([Spent.Validate]), no ID twice. The error is an [*Error] wrapping
// [ErrInvalidState] naming the record ("approvals[3].id").
func (u Used) Validate() error {
	_, err := newStore(u)
	return err
}

// UnmarshalJSON decodes what encoding/json encodes from the struct tags,
// strictly, and checks it with [Used.Validate]; on error u is unchanged.
func (u *Used) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w struct {
		Approvals []json.RawMessage `json:"approvals"`
		PrunedTo  json.RawMessage   `json:"pruned_to"`
	}
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	n := Used{Approvals: make([]Spent, len(w.Approvals))}
	for i, raw := range w.Approvals {
		if err := n.Approvals[i].UnmarshalJSON(raw); err != nil {
			return within("approvals["+strconv.Itoa(i)+"]", err)
		}
	}
	var err error
	if n.PrunedTo, err = timeJSON("pruned_to", w.PrunedTo); err != nil {
		return err
	}
	if err := n.Validate(); err != nil {
		return err
	}
	if len(n.Approvals) == 0 {
		n.Approvals = nil
	}
	n.PrunedTo = utc(n.PrunedTo)
	*u = n
	return nil
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return t.UTC()
}

// Store is an optional in-memory record of spent approvals for
// single-process backends. It is safe for concurrent use: of two
// goroutines redeeming the same approval, exactly one succeeds. The zero
// Store is empty and ready.
//
// Its cost does not grow with what it holds: spent approvals are indexed
// by ID (a map), so a redemption takes the lock for one lookup and one
// insertion — the token is verified before the lock is taken — and
// [Store.Prune] forgets expired approvals in order of expiry (a heap),
// touching only those it forgets. Forgetting is safe whatever time a
// caller passes as [Request.At]: the store remembers the time it was
// pruned to and refuses, as expired, any approval that had expired by
// then, so a redemption backdated to before the expiry cannot use a
// forgotten approval again.
type Store struct {
	mu       sync.Mutex
	byID     map[string]struct{}
	heap     []Spent // a min-heap by Expires, then ID
	prunedTo time.Time
}

// NewStore returns a store holding the snapshot u ([Store.Used]); a
// malformed snapshot is an error wrapping [ErrInvalidState] (see
// [Used.Validate]). Records that expired by u.PrunedTo are dropped.
func NewStore(u Used) (*Store, error) { return newStore(u) }

func newStore(u Used) (*Store, error) {
	s := &Store{byID: make(map[string]struct{}, len(u.Approvals)), prunedTo: utc(u.PrunedTo)}
	if !s.prunedTo.IsZero() && !inYears(s.prunedTo) {
		return nil, fieldErr("pruned_to", s.prunedTo.Format(time.RFC3339Nano), ErrInvalidState, "a time in the years 1 to 9999")
	}
	s.heap = make([]Spent, 0, len(u.Approvals))
	for i, sp := range u.Approvals {
		f := "approvals[" + strconv.Itoa(i) + "]."
		n, err := sp.normalize(f)
		if err != nil {
			return nil, err
		}
		if _, dup := s.byID[n.ID]; dup {
			return nil, fieldErr(f+"id", n.ID, ErrInvalidState, "spent twice in one record")
		}
		if !n.Expires.After(s.prunedTo) {
			continue // forgotten: refused anyway as expired by the horizon
		}
		s.byID[n.ID] = struct{}{}
		s.heap = append(s.heap, n)
	}
	for i := len(s.heap)/2 - 1; i >= 0; i-- {
		s.down(i)
	}
	return s, nil
}

// Redeem is [Policy.Redeem] with the store as the record of single use:
// it verifies the token for r and spends it ([Store.Spend]). The
// approval's use is returned; on any error the store is unchanged, and a
// second use is an error wrapping [ErrUsed].
func (s *Store) Redeem(p Policy, token string, key []byte, r Request, au AgentUsage, ou OrderUsage) (Verified, Spent, error) {
	v, sp, err := p.Redeem(token, key, r, au, ou)
	if err != nil {
		return Verified{}, Spent{}, err
	}
	if err := s.insert(sp); err != nil {
		return Verified{}, Spent{}, err
	}
	return v, sp, nil
}

// Spend records v as used at time at ([Verified.SpentAt]), for a caller
// that checked the approval itself ([Verified.Covers]). An approval
// already in the store is an error wrapping [ErrUsed]; one expired at at,
// or by the time the store was pruned to, wraps [ErrExpired]; the store
// is then unchanged.
func (s *Store) Spend(v Verified, at time.Time) (Spent, error) {
	sp, err := v.SpentAt(at)
	if err != nil {
		return Spent{}, err
	}
	if err := s.insert(sp); err != nil {
		return Spent{}, err
	}
	return sp, nil
}

func (s *Store) insert(sp Spent) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, used := s.byID[sp.ID]; used {
		return sp.AlreadyUsed()
	}
	if !sp.Expires.After(s.prunedTo) {
		return fieldErr("id", sp.ID, ErrExpired, "expired at "+sp.Expires.Format(time.RFC3339Nano)+
			", before the store was pruned to "+s.prunedTo.Format(time.RFC3339Nano))
	}
	if s.byID == nil {
		s.byID = make(map[string]struct{})
	}
	s.byID[sp.ID] = struct{}{}
	s.heap = append(s.heap, sp)
	s.up(len(s.heap) - 1)
	return nil
}

// Has reports whether the approval with the given ID was spent and is
// still held.
func (s *Store) Has(id string) bool {
	if c, err := canonID("id", id); err == nil {
		id = c
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.byID[id]
	return ok
}

// Len returns the number of spent approvals the store holds.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.heap)
}

// Prune forgets the approvals expired at now, in order of expiry, and
// moves the store's horizon to now (it never moves back): from then on,
// an approval that expired by now is refused whatever time a redemption
// claims. Pruning costs O(k log n) for k approvals forgotten of n held.
func (s *Store) Prune(now time.Time) {
	now = now.UTC()
	s.mu.Lock()
	defer s.mu.Unlock()
	if now.After(s.prunedTo) {
		s.prunedTo = now
	}
	for len(s.heap) > 0 && !s.heap[0].Expires.After(s.prunedTo) {
		delete(s.byID, s.heap[0].ID)
		last := len(s.heap) - 1
		s.heap[0] = s.heap[last]
		s.heap[last] = Spent{}
		s.heap = s.heap[:last]
		if last > 0 {
			s.down(0)
		}
	}
}

// Used returns a snapshot of the store, for persisting: the approvals
// held, in order of expiry, and the time the store was pruned to.
func (s *Store) Used() Used {
	s.mu.Lock()
	out := Used{Approvals: slices.Clone(s.heap), PrunedTo: s.prunedTo}
	s.mu.Unlock()
	slices.SortFunc(out.Approvals, compareSpent)
	if len(out.Approvals) == 0 {
		out.Approvals = nil
	}
	return out
}

func compareSpent(a, b Spent) int {
	if c := a.Expires.Compare(b.Expires); c != 0 {
		return c
	}
	switch {
	case a.ID < b.ID:
		return -1
	case a.ID > b.ID:
		return 1
	}
	return 0
}

func (s *Store) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if compareSpent(s.heap[i], s.heap[parent]) >= 0 {
			return
		}
		s.heap[i], s.heap[parent] = s.heap[parent], s.heap[i]
		i = parent
	}
}

func (s *Store) down(i int) {
	n := len(s.heap)
	for {
		least := i
		if l := 2*i + 1; l < n && compareSpent(s.heap[l], s.heap[least]) < 0 {
			least = l
		}
		if r := 2*i + 2; r < n && compareSpent(s.heap[r], s.heap[least]) < 0 {
			least = r
		}
		if least == i {
			return
		}
		s.heap[i], s.heap[least] = s.heap[least], s.heap[i]
		i = least
	}
}
