package notes_test

import (
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

func openPromise(id string, kind notes.PromiseKind, due time.Time) notes.Promise {
	p := notes.Promise{ID: id, Kind: kind, BuyerID: "buyer-a", OrderID: "T1001",
		Due: due, MadeBy: agentB, MadeAt: t0}
	if kind == notes.Reship || kind == notes.SendGift {
		p.Item = notes.Item{SKU: "TS-001", Quantity: 1}
	}
	return p
}

// TestPromiseN3DispatchKeptOnlyWhenOutbound pins rule N3 and rule S7: a
// dispatch promise is followed until the goods have actually left; a
// printed waybill does not keep it, outbound does.
func TestPromiseN3DispatchKeptOnlyWhenOutbound(t *testing.T) {
	due := t0.Add(24 * time.Hour)
	p := openPromise("p1", notes.DispatchBy, due)
	for _, st := range []shipping.Stage{shipping.Cut, shipping.Printed, shipping.Picked} {
		q, err := p.Fulfil(notes.Fulfilment{At: t0.Add(time.Hour), Stage: st})
		require.NoError(t, err)
		assert.False(t, q.Settled(), "%s does not keep a dispatch promise", st)
		assert.Equal(t, notes.Overdue, q.State(due.Add(time.Minute), time.Hour), "still followed after %s", st)
	}
	kept, err := p.Fulfil(notes.Fulfilment{At: due, Stage: shipping.Outbound})
	require.NoError(t, err)
	assert.Equal(t, notes.Kept, kept.State(due.Add(48*time.Hour), time.Hour))
	late, err := p.Fulfil(notes.Fulfilment{At: due.Add(time.Second), Stage: shipping.Outbound})
	require.NoError(t, err)
	assert.Equal(t, notes.Broken, late.State(due.Add(48*time.Hour), time.Hour), "outbound after the due time breaks it")

	for _, st := range []shipping.Stage{shipping.PickedUp, shipping.InTransit, shipping.Delivered, shipping.Lost} {
		q, err := p.Fulfil(notes.Fulfilment{At: due, Stage: st})
		require.NoError(t, err)
		assert.Equal(t, notes.Kept, q.State(due.Add(48*time.Hour), time.Hour), "a parcel at %s has left the warehouse", st)
	}

	_, err = kept.Fulfil(notes.Fulfilment{At: due, Stage: shipping.Outbound})
	require.ErrorIs(t, err, notes.ErrAlreadySettled)
	_, err = p.Fulfil(notes.Fulfilment{At: due, Stage: shipping.Stage(200)})
	require.ErrorIs(t, err, notes.ErrUnknownEnum, "an unknown stage is refused")
	_, err = p.Fulfil(notes.Fulfilment{At: due})
	require.ErrorIs(t, err, notes.ErrUnknownEnum, "a dispatch needs the parcel stage")
	_, err = p.Fulfil(notes.Fulfilment{At: t0.Add(-time.Hour), Stage: shipping.Outbound})
	require.ErrorIs(t, err, notes.ErrInvalidTime)
	_, err = p.Fulfil(notes.Fulfilment{Stage: shipping.Outbound})
	require.ErrorIs(t, err, notes.ErrMissing)
}

// TestPromiseN3States pins rule N3: at now a promise is open, due soon,
// overdue, kept or broken.
func TestPromiseN3States(t *testing.T) {
	due := t0.Add(10 * time.Hour)
	p := openPromise("r1", notes.RefundBy, due)
	soon := 2 * time.Hour
	assert.Equal(t, notes.Open, p.State(t0, soon))
	assert.Equal(t, notes.DueSoon, p.State(due.Add(-soon), soon))
	assert.Equal(t, notes.DueSoon, p.State(due, soon), "due now is not yet overdue")
	assert.Equal(t, notes.Overdue, p.State(due.Add(time.Nanosecond), soon))
	done, err := p.Fulfil(notes.Fulfilment{At: t0.Add(time.Hour)})
	require.NoError(t, err, "a refund needs no parcel stage")
	assert.Equal(t, notes.Kept, done.State(due.Add(time.Hour), soon))
	gone, err := p.Break(t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, notes.Broken, gone.State(t0, soon))
	_, err = gone.Break(t0.Add(2 * time.Hour))
	require.ErrorIs(t, err, notes.ErrAlreadySettled)
	assert.Equal(t, "overdue", notes.Overdue.String())
}

// promiseStore is what Ledger and Tracker have in common, so the same
// table tests both.
type promiseStore interface {
	add(notes.Promise) error
	fulfil(string, notes.Fulfilment) (notes.Promise, error)
	overdue(time.Time) []notes.Promise
	dueSoon(time.Time, time.Duration) []notes.Promise
	all() []notes.Promise
}

type ledgerStore struct{ l notes.Ledger }

func (s *ledgerStore) add(p notes.Promise) (err error) { s.l, err = s.l.Add(p); return err }
func (s *ledgerStore) fulfil(id string, f notes.Fulfilment) (p notes.Promise, err error) {
	s.l, p, err = s.l.Fulfil(id, f)
	return p, err
}
func (s *ledgerStore) overdue(now time.Time) []notes.Promise { return s.l.Overdue(now) }
func (s *ledgerStore) dueSoon(now time.Time, d time.Duration) []notes.Promise {
	return s.l.DueSoon(now, d)
}
func (s *ledgerStore) all() []notes.Promise { return s.l.Promises() }

type trackerStore struct{ t *notes.Tracker }

func (s trackerStore) add(p notes.Promise) error { return s.t.Add(p) }
func (s trackerStore) fulfil(id string, f notes.Fulfilment) (notes.Promise, error) {
	return s.t.Fulfil(id, f)
}
func (s trackerStore) overdue(now time.Time) []notes.Promise { return s.t.Overdue(now) }
func (s trackerStore) dueSoon(now time.Time, d time.Duration) []notes.Promise {
	return s.t.DueSoon(now, d)
}
func (s trackerStore) all() []notes.Promise { return s.t.Promises() }

func ids(ps []notes.Promise) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, p.ID)
	}
	return out
}

// TestLedgerN3OverdueAndDueSoon pins rule N3 for the ledger: promises are
// never forgotten; the overdue and due-soon lists come out in due order,
// and a settled promise leaves them.
func TestLedgerN3OverdueAndDueSoon(t *testing.T) {
	tr, err := notes.NewTracker(nil)
	require.NoError(t, err)
	for name, s := range map[string]promiseStore{"ledger": &ledgerStore{}, "tracker": trackerStore{tr}} {
		t.Run(name, func(t *testing.T) {
			h := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }
			for i, d := range []int{5, 1, 3, 2, 8, 3, 20} {
				require.NoError(t, s.add(openPromise(fmt.Sprintf("p%d", i), notes.RefundBy, h(d))))
			}
			err := s.add(openPromise("p1", notes.RefundBy, h(1)))
			require.ErrorIs(t, err, notes.ErrPromiseExists)
			require.ErrorIs(t, err, order.ErrConflict, "an ID the state already holds is a conflict")
			now := h(3)
			assert.Equal(t, []string{"p1", "p3"}, ids(s.overdue(now)), "due exactly now is not overdue")
			assert.Equal(t, []string{"p2", "p5", "p0"}, ids(s.dueSoon(now, 2*time.Hour)))

			_, err = s.fulfil("p1", notes.Fulfilment{At: h(2)})
			require.NoError(t, err)
			assert.Equal(t, []string{"p3"}, ids(s.overdue(now)))
			assert.Equal(t, []string{"p3", "p2", "p5", "p0", "p4", "p6"}, ids(s.overdue(h(100))), "ties by ID")
			_, err = s.fulfil("nope", notes.Fulfilment{At: h(2)})
			require.ErrorIs(t, err, notes.ErrUnknownPromise)
			require.ErrorIs(t, err, order.ErrNotFound)
			assert.Len(t, s.all(), 7, "settled promises are kept in the state")
		})
	}
}

// TestTrackerConcurrent: the in-memory helper is safe for concurrent use
// (run with -race).
func TestTrackerConcurrent(t *testing.T) {
	tr, err := notes.NewTracker(nil)
	require.NoError(t, err)
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := range 200 {
				id := fmt.Sprintf("w%d-%d", w, i)
				assert.NoError(t, tr.Add(openPromise(id, notes.CallBack, t0.Add(time.Duration(i)*time.Minute))))
				if i%2 == 0 {
					_, err := tr.Fulfil(id, notes.Fulfilment{At: t0})
					assert.NoError(t, err)
				}
				_ = tr.Overdue(t0.Add(time.Hour))
				_ = tr.DueSoon(t0, time.Hour)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, 800, tr.Len())
	// 100 open per worker with due at odd minutes 1..199; overdue at +60m
	// are minutes 1..59 odd: 30 per worker.
	assert.Len(t, tr.Overdue(t0.Add(time.Hour)), 120)
}

func TestLedgerStateRoundTrip(t *testing.T) {
	ps := []notes.Promise{
		openPromise("b", notes.Reship, t0.Add(2*time.Hour)),
		openPromise("a", notes.DispatchBy, t0.Add(time.Hour)),
	}
	kept := openPromise("c", notes.SendGift, t0.Add(time.Hour))
	kept.DoneAt = t0.Add(time.Minute)
	ps = append(ps, kept)
	l, err := notes.NewLedger(ps)
	require.NoError(t, err)
	b, err := json.Marshal(l.Promises())
	require.NoError(t, err)
	assert.Contains(t, string(b), `"kind":"dispatch_by"`)
	var back []notes.Promise
	require.NoError(t, json.Unmarshal(b, &back))
	l2, err := notes.NewLedger(back)
	require.NoError(t, err)
	assert.Equal(t, ids(l.Promises()), ids(l2.Promises()))
	assert.Equal(t, []string{"a", "b", "c"}, ids(l2.Promises()))
	assert.Equal(t, []string{"c"}, ids(l2.Settled()))
	got, ok := l2.Get("c")
	require.True(t, ok)
	assert.Equal(t, notes.Kept, got.State(t0.Add(time.Hour), 0))

	tr, err := notes.NewTracker(back)
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "b", "c"}, ids(tr.Promises()))
	assert.Equal(t, []string{"a", "b"}, ids(tr.Overdue(t0.Add(3*time.Hour))))
}

// TestLedgerRejectsMalformed: bad promises are errors; nothing is
// half-applied.
func TestLedgerRejectsMalformed(t *testing.T) {
	tests := []struct {
		name string
		edit func(*notes.Promise)
		err  error
	}{
		{"no ID", func(p *notes.Promise) { p.ID = "" }, notes.ErrMissing},
		{"unknown kind", func(p *notes.Promise) { p.Kind = 0 }, notes.ErrUnknownEnum},
		{"no buyer", func(p *notes.Promise) { p.BuyerID = "" }, notes.ErrMissing},
		{"no order", func(p *notes.Promise) { p.OrderID = "" }, notes.ErrMissing},
		{"no agent", func(p *notes.Promise) { p.MadeBy.ID = "" }, notes.ErrMissing},
		{"no due", func(p *notes.Promise) { p.Due = time.Time{} }, notes.ErrMissing},
		{"no made_at", func(p *notes.Promise) { p.MadeAt = time.Time{} }, notes.ErrMissing},
		{"reship without item", func(p *notes.Promise) { p.Kind = notes.Reship }, notes.ErrInvalidDetail},
		{"refund naming an item", func(p *notes.Promise) { p.Item = notes.Item{SKU: "A", Quantity: 1} }, notes.ErrInvalidDetail},
		{"both kept and broken", func(p *notes.Promise) { p.DoneAt, p.BrokenAt = t0, t0 }, notes.ErrInvalidTime},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := openPromise("x", notes.RefundBy, t0.Add(time.Hour))
			tc.edit(&p)
			_, err := notes.NewLedger([]notes.Promise{p})
			require.ErrorIs(t, err, tc.err)
			var l notes.Ledger
			l2, err := l.Add(p)
			require.ErrorIs(t, err, tc.err)
			assert.Equal(t, 0, l2.Len())
			tr, _ := notes.NewTracker(nil)
			require.ErrorIs(t, tr.Add(p), tc.err)
			assert.Equal(t, 0, tr.Len())
		})
	}
	_, err := notes.NewLedger([]notes.Promise{openPromise("x", notes.RefundBy, t0), openPromise("x", notes.RefundBy, t0)})
	require.ErrorIs(t, err, notes.ErrDuplicate)
	_, err = notes.NewTracker([]notes.Promise{openPromise("x", notes.RefundBy, t0), openPromise("x", notes.RefundBy, t0)})
	require.ErrorIs(t, err, notes.ErrDuplicate)
}

// rule N3: Broken covers a promise kept late and one given up — the state
// does not tell them apart — so its words must be true of both: "not kept
// on time", never "not kept", which is false of a late one.
func TestBrokenPromiseWordsFitLateAndGivenUp(t *testing.T) {
	due := t0.Add(24 * time.Hour)
	p := openPromise("p1", notes.DispatchBy, due)
	late, err := p.Fulfil(notes.Fulfilment{At: due.Add(time.Hour), Stage: shipping.Outbound})
	require.NoError(t, err)
	gone, err := p.Break(due.Add(time.Hour))
	require.NoError(t, err)
	for _, q := range []notes.Promise{late, gone} {
		s := q.State(due.Add(48*time.Hour), time.Hour)
		require.Equal(t, notes.Broken, s)
		assert.Equal(t, "未按时兑现", s.Text(order.SimplifiedChinese))
		assert.Equal(t, "未按時兌現", s.Text(order.TraditionalChinese))
	}
}
