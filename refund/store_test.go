package refund_test

import (
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/refund"
)

// TestStoreConcurrentPayoutsNeverExceedTheCap: 50 goroutines refund the
// same line of one order through a Store, each 10.00 at a time of a line
// that paid 93.33, re-reading the ledger and deciding again whenever
// another got in first (rule R7). Under -race: exactly nine succeed, the
// line is never refunded beyond what it paid, and every key paid is paid
// once.
func TestStoreConcurrentPayoutsNeverExceedTheCap(t *testing.T) {
	var s refund.Store
	require.NoError(t, s.Add(ledger(t, threeLines())))
	const workers = 50
	var wg sync.WaitGroup
	results := make(chan error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				l, err := s.Get("T1001")
				if err != nil {
					results <- err
					return
				}
				_, _, err = s.Pay("T1001", refund.Payout{Key: "w" + strconv.Itoa(w), Version: l.Version(),
					SKU: "SCARF-01", Goods: dec("10.00")})
				if err != nil && refundErrIs(err, refund.ErrStaleVersion) {
					continue // another payout got in first: decide again on the new ledger
				}
				results <- err
				return
			}
		}()
	}
	wg.Wait()
	close(results)
	ok, over := 0, 0
	for err := range results {
		switch {
		case err == nil:
			ok++
		case refundErrIs(err, refund.ErrOverRefund):
			over++
		default:
			t.Errorf("unexpected error: %v", err)
		}
	}
	assert.Equal(t, 9, ok, "9 × 10.00 fit in 93.33")
	assert.Equal(t, workers-9, over)
	l, err := s.Get("T1001")
	require.NoError(t, err)
	decEq(t, "90.00", l.Line(0).Refunded)
	assert.Equal(t, int64(10), l.Version())
	seen := map[string]bool{}
	for _, r := range l.Receipts() {
		assert.False(t, seen[r.Key], "key %s paid twice", r.Key)
		seen[r.Key] = true
	}
}

// TestStoreConcurrentReplays: 50 goroutines send the same payout at once,
// as a client retrying does; it is paid once and all get its receipt.
func TestStoreConcurrentReplays(t *testing.T) {
	var s refund.Store
	require.NoError(t, s.Add(ledger(t, threeLines())))
	p := refund.Payout{Key: "rf-1", Version: 1, SKU: "HAT-01", Goods: dec("28.00")}
	var wg sync.WaitGroup
	receipts := make(chan refund.Receipt, 50)
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, r, err := s.Pay("T1001", p)
			assert.NoError(t, err)
			receipts <- r
		}()
	}
	wg.Wait()
	close(receipts)
	first := 0
	for r := range receipts {
		assert.Equal(t, int64(2), r.Version)
		if !r.Replayed {
			first++
		}
	}
	assert.Equal(t, 1, first, "paid once")
	l, _ := s.Get("T1001")
	decEq(t, "28.00", l.Refunded())
}

// TestStoreOrdersDoNotShareALock: payouts on different orders proceed
// independently, and an order's ID follows the identity rule.
func TestStoreOrders(t *testing.T) {
	s := refund.NewStore()
	a, b := threeLines(), threeLines()
	b.ID = "T1002"
	require.NoError(t, s.Add(ledger(t, a)))
	require.NoError(t, s.Add(ledger(t, b)))
	require.ErrorIs(t, s.Add(ledger(t, a)), refund.ErrLedgerExists)
	require.ErrorIs(t, s.Add(refund.Ledger{}), refund.ErrMissing)
	_, err := s.Get("T9999")
	require.ErrorIs(t, err, refund.ErrNoLedger)
	_, err = s.Get("T1\u200b001")
	require.ErrorIs(t, err, refund.ErrInvalidText)
	l, err := s.Get("Ｔ１００２") // full width: the same order
	require.NoError(t, err)
	assert.Equal(t, "T1002", l.OrderID())

	_, _, err = s.Pay("T1001", refund.Payout{Key: "k", Version: 1, SKU: "HAT-01", Goods: dec("99.00")})
	require.ErrorIs(t, err, refund.ErrOverRefund)
	got, _ := s.Get("T1001")
	assert.Equal(t, int64(1), got.Version(), "a refused payout stores nothing")
	_, err = s.Receive("T1001", refund.Arrival{Waybill: "SF12345678", Version: 1, SKU: "HAT-01", Units: 1})
	require.NoError(t, err)
	_, err = s.Receive("T1001", refund.Arrival{Waybill: "SF12345679", Version: 1, SKU: "HAT-01", Units: 1})
	require.ErrorIs(t, err, refund.ErrStaleVersion)
	_, _, err = s.Pay("T9", refund.Payout{})
	require.ErrorIs(t, err, refund.ErrNoLedger)
}

// TestStoreCompareAndSwap: the database pattern against a Store — of two
// ledgers computed from the same version, only the first stored wins.
func TestStoreCompareAndSwap(t *testing.T) {
	var s refund.Store
	l := ledger(t, threeLines())
	require.NoError(t, s.Add(l))
	a, _ := pay(t, l, refund.Payout{Key: "a", SKU: "SCARF-01", Goods: dec("60.00")})
	b, _ := pay(t, l, refund.Payout{Key: "b", SKU: "SCARF-01", Goods: dec("60.00")})
	require.NoError(t, s.CompareAndSwap(l.Version(), a))
	require.ErrorIs(t, s.CompareAndSwap(l.Version(), b), refund.ErrStaleVersion, "120.00 of 93.33 never both pass")
	cur, _ := s.Get("T1001")
	_, _, err := cur.Pay(refund.Payout{Key: "b", Version: cur.Version(), SKU: "SCARF-01", Goods: dec("60.00")})
	require.ErrorIs(t, err, refund.ErrOverRefund, "decided again on the stored ledger, b is refused")
	require.ErrorIs(t, s.CompareAndSwap(cur.Version(), cur), refund.ErrStaleVersion, "a swap must move forward")
	require.ErrorIs(t, s.CompareAndSwap(1, refund.Ledger{}), refund.ErrMissing)
}
