package refund

import (
	"strconv"
	"sync"
)

// Store keeps ledgers in memory for a single process, one per order, and
// serialises the changes of each order: a change reads the order's current
// ledger, checks it and stores the next under that order's lock, so two
// payouts that together exceed a cap never both pass, while payouts on
// different orders do not wait for each other. It is safe for concurrent
// use. A backend with a database does not need it: it stores [Ledger]
// values itself with compare-and-set on [Ledger.Version].
//
// The zero Store is empty and ready to use. A Store must not be copied
// after first use.
type Store struct {
	mu     sync.Mutex
	orders map[string]*slot
}

// slot is one order's ledger and its lock.
type slot struct {
	mu sync.Mutex
	l  Ledger
}

// NewStore returns an empty store.
func NewStore() *Store { return &Store{} }

func (s *Store) slot(orderID string) (*slot, error) {
	id, err := identifier("order_id", orderID)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	sl := s.orders[id]
	s.mu.Unlock()
	if sl == nil {
		return nil, fieldErr("order_id", orderID, ErrNoLedger, "")
	}
	return sl, nil
}

// Add stores l, the first ledger of its order. An order that already has
// one is [ErrLedgerExists]; the zero Ledger is [ErrMissing].
func (s *Store) Add(l Ledger) error {
	if l.IsZero() {
		return fieldErr("ledger", "", ErrMissing, "the zero Ledger")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.orders[l.OrderID()]; ok {
		return fieldErr("order_id", l.OrderID(), ErrLedgerExists, "")
	}
	if s.orders == nil {
		s.orders = map[string]*slot{}
	}
	s.orders[l.OrderID()] = &slot{l: l}
	return nil
}

// Get returns the current ledger of the order; an order without one is
// [ErrNoLedger].
func (s *Store) Get(orderID string) (Ledger, error) {
	sl, err := s.slot(orderID)
	if err != nil {
		return Ledger{}, err
	}
	sl.mu.Lock()
	defer sl.mu.Unlock()
	return sl.l, nil
}

// Pay applies p to the order's current ledger with [Ledger.Pay] and, if it
// passes, stores the next ledger — all under the order's lock. p.Version
// must be the current version (read with [Store.Get]); a payout decided on
// an older one is [ErrStaleVersion], to be decided again on the new ledger,
// and a replay of a key already paid returns its first receipt.
func (s *Store) Pay(orderID string, p Payout) (Ledger, Receipt, error) {
	sl, err := s.slot(orderID)
	if err != nil {
		return Ledger{}, Receipt{}, err
	}
	sl.mu.Lock()
	defer sl.mu.Unlock()
	next, r, err := sl.l.Pay(p)
	if err != nil {
		return sl.l, Receipt{}, err
	}
	sl.l = next
	return next, r, nil
}

// Receive applies a to the order's current ledger with [Ledger.Receive]
// and stores the next ledger, under the order's lock.
func (s *Store) Receive(orderID string, a Arrival) (Ledger, error) {
	sl, err := s.slot(orderID)
	if err != nil {
		return Ledger{}, err
	}
	sl.mu.Lock()
	defer sl.mu.Unlock()
	next, err := sl.l.Receive(a)
	if err != nil {
		return sl.l, err
	}
	sl.l = next
	return next, nil
}

// CompareAndSwap stores next as the order's ledger if the stored one is at
// version old and next is its successor, as a database's UPDATE … WHERE
// version = ? does; otherwise it is [ErrStaleVersion] and nothing changes.
// It lets code written for a database run against a Store.
func (s *Store) CompareAndSwap(old int64, next Ledger) error {
	if next.IsZero() {
		return fieldErr("ledger", "", ErrMissing, "the zero Ledger")
	}
	sl, err := s.slot(next.OrderID())
	if err != nil {
		return err
	}
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if cur := sl.l.Version(); cur != old || next.Version() <= old {
		return fieldErr("version", strconv.FormatInt(old, 10), ErrStaleVersion,
			"the stored ledger is at version "+strconv.FormatInt(cur, 10))
	}
	sl.l = next
	return nil
}
