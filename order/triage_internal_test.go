package order

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The triage groups orders by hashes and confirms every hit by comparing
// strings. Forcing every hash to collide sends every key but the first
// through the overflow maps: the report must be the same as with real
// hashes, and duplicates must still be found. Buyer IDs longer than the
// 16 bytes the grouping keeps of them, all alike in those 16, are
// compared in full and give the same findings as short ones.
func TestTriageIsRightWhenEveryHashCollides(t *testing.T) {
	at := time.Date(2026, 11, 11, 9, 0, 0, 0, time.UTC)
	addr := Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省", City: "杭州市", District: "西湖区", Detail: "文三路12号"}
	var reports []Report
	for _, buyerPrefix := range []string{"b", "buyer-0000000000000000-"} {
		var orders []*Order
		for i := range 300 {
			a := addr
			if i%7 == 0 {
				a.Detail = "文三路" + strconv.Itoa(i) + "号"
			}
			o, err := New(Spec{
				ID: "T" + strconv.Itoa(i), Buyer: Buyer{ID: buyerPrefix + strconv.Itoa(i/3)},
				Lines:   []Line{{SKU: "S" + strconv.Itoa(i%2), Quantity: 1, UnitPrice: decimal.NewFromInt(3)}},
				Address: a, Status: AwaitingDispatch, CreatedAt: at, PaidAt: at,
			})
			require.NoError(t, err)
			orders = append(orders, &o)
		}
		rand.New(rand.NewPCG(3, 4)).Shuffle(len(orders), func(i, j int) { orders[i], orders[j] = orders[j], orders[i] })
		p := DefaultTriagePolicy()
		stock, err := NewStock(map[string]int{"S0": 50, "S1": 1000})
		require.NoError(t, err)
		checks := []Check{StockCheck(stock)}
		want, err := p.triage(orders, at, checks, ^uint64(0), 0)
		require.NoError(t, err)
		require.Positive(t, want.Count(MultipleAddresses))
		require.Positive(t, want.Count(RepeatOrder))
		require.Equal(t, 100, want.Count(OutOfStock), "150 orders want S0, 50 get it")
		got, err := p.triage(orders, at, checks, 0, 0)
		require.NoError(t, err)
		assert.Equal(t, want, got)
		reports = append(reports, want)

		dup := *orders[10]
		_, err = p.triage(append(orders[:len(orders):len(orders)], &dup), at, nil, 0, 0)
		require.ErrorIs(t, err, ErrDuplicateOrder)
	}
	require.Len(t, reports[1].Findings, len(reports[0].Findings))
	for i, f := range reports[0].Findings {
		g := reports[1].Findings[i]
		require.Equal(t, [3]any{f.OrderID(), f.Categories, f.Problems}, [3]any{g.OrderID(), g.Categories, g.Problems})
	}
}

func TestHashIndexGrows(t *testing.T) {
	x := newHashIndex(1)
	for i := range 10000 {
		v, hit := x.getOrPut(uint64(i)*0x9e3779b97f4a7c15, int32(i))
		require.False(t, hit)
		require.Equal(t, int32(i), v)
	}
	for i := range 10000 {
		v, hit := x.getOrPut(uint64(i)*0x9e3779b97f4a7c15, -1)
		require.True(t, hit)
		require.Equal(t, int32(i), v)
	}
	assert.GreaterOrEqual(t, len(x.slots), 10000*5/4)
}

// probeCheck reports a problem on every order whose ID ends in "7", and
// fails (an unknown category) or panics on the order named so.
type probeCheck struct{ failOn, panicOn string }

func (probeCheck) Name() string { return "test.probe" }

func (c probeCheck) Inspect(dst []Problem, o *Order, _ time.Time) []Problem {
	switch o.ID() {
	case c.failOn:
		return append(dst, Problem{Category: CategoryUnknown, Reason: reasonCodes[AddressUnknown]})
	case c.panicOn:
		panic("probe: " + o.ID())
	}
	if strings.HasSuffix(o.ID(), "7") {
		dst = append(dst, Problem{Category: PostageWrong, Reason: reasonCodes[AddressUnknown]})
	}
	return dst
}

// splitBatch is a batch laid out against the parallel triage's splits:
// each buyer's orders are spread from one end of the batch to the other
// (so every contiguous share holds some of every buyer), buyers change
// address and repeat SKUs, a few orders are finished, and one SKU is
// oversold by buyers of every partition, its later payers anywhere.
func splitBatch(t *testing.T, n int) []*Order {
	t.Helper()
	at := time.Date(2026, 11, 11, 9, 0, 0, 0, time.UTC)
	addr := Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省", City: "杭州市", District: "西湖区", Detail: "文三路12号"}
	buyers := n / 6
	orders := make([]*Order, 0, n)
	for i := range n {
		b := i % buyers // buyer b's orders are i = b, b+buyers, b+2·buyers …
		a := addr
		if b%5 == 0 && i >= n/2 {
			a.Detail = "文三路" + strconv.Itoa(b) + "号" // moved house half-way through the batch
		}
		spec := Spec{
			ID: "T" + strconv.Itoa(i), Buyer: Buyer{ID: "b" + strconv.Itoa(b)},
			Lines: []Line{
				{SKU: "S" + strconv.Itoa(i%3), Quantity: 1 + i%2, UnitPrice: decimal.NewFromInt(3)},
				{SKU: "HOT", Quantity: 1, UnitPrice: decimal.NewFromInt(5)},
			},
			Address: a, Status: AwaitingDispatch,
			CreatedAt: at.Add(time.Duration(i%97) * time.Hour), PaidAt: at.Add(time.Duration(i%97)*time.Hour + time.Duration(n-i)*time.Second),
		}
		if i%11 == 0 {
			spec.Status, spec.DispatchedAt, spec.ReceivedAt = Finished, spec.PaidAt, spec.PaidAt
		}
		o, err := New(spec)
		require.NoError(t, err)
		orders = append(orders, &o)
	}
	return orders
}

// TestTriageSplitIsSequential is issue 13's correctness condition for a
// triage on several cores: whatever the number of workers — more than
// the cores, one per few orders — and with every hash colliding, the
// report is the sequential one, findings that depend on several orders of
// one buyer (rules S4, O6) and on the whole batch's demand for a SKU
// (rule O3) included; and a bad batch gets the error the sequential
// triage meets first.
func TestTriageSplitIsSequential(t *testing.T) {
	orders := splitBatch(t, 3*minTriageShare)
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	p := DefaultTriagePolicy()
	stock, err := NewStock(map[string]int{"HOT": len(orders) / 3, "S0": 1 << 20})
	require.NoError(t, err)
	checks := []Check{StockCheck(stock), probeCheck{}}
	want, err := p.triage(orders, at, checks, ^uint64(0), 1)
	require.NoError(t, err)
	require.Positive(t, want.Count(MultipleAddresses))
	require.Positive(t, want.Count(RepeatOrder))
	require.Positive(t, want.Count(OutOfStock))
	require.Positive(t, want.Count(PostageWrong))
	require.Less(t, want.Count(RepeatOrder), want.Checked, "not every order is a repeat")
	// The batch sorted by ID takes the path without the duplicate-ID
	// table and the findings' merge.
	// Its halves swapped ascend in each of two shares, not across them.
	sorted := slices.Clone(orders)
	slices.SortFunc(sorted, func(a, b *Order) int { return strings.Compare(a.ID(), b.ID()) })
	h := len(sorted) / 2
	swapped := append(slices.Clone(sorted[h:]), sorted[:h]...)
	for _, workers := range []int{1, 2, 3, 4, 7, 16, 1000} {
		for _, mask := range []uint64{^uint64(0), 0} {
			for name, batch := range map[string][]*Order{"as built": orders, "sorted": sorted, "halves swapped": swapped} {
				got, err := p.triage(batch, at, checks, mask, workers)
				require.NoError(t, err)
				requireSameReport(t, want, got, "%d workers, hash mask %x, %s", workers, mask, name)
			}
		}
	}
	// The policy's bound on the workers, through the public call: every
	// bound gives the sequential report.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	for _, bound := range []int{0, 1, 2, 3, 4, 64} {
		q := p
		q.Workers = bound
		got, err := q.Triage(orders, at, checks...)
		require.NoError(t, err)
		requireSameReport(t, want, got, "policy bound %d", bound)
	}

	// Errors: a check's failure in an early share, a duplicate and a nil
	// order later; then the duplicate first; the one sequential meets
	// first is the one reported.
	bad := slices.Clone(orders)
	dup := *bad[3]
	bad[len(bad)-2] = &dup
	bad[len(bad)-1] = nil
	for _, c := range []struct {
		checks []Check
		want   error
		reason string
	}{
		{[]Check{probeCheck{failOn: "T100"}}, ErrUnknownCategory, "the check fails at order 100, before the duplicate"},
		{[]Check{probeCheck{failOn: orders[len(orders)-3].ID()}}, ErrUnknownCategory, "the check fails just before the duplicate"},
		{[]Check{probeCheck{failOn: "T3"}}, ErrUnknownCategory, "the check fails on the original, not the duplicate"},
		{nil, ErrDuplicateOrder, "the duplicate comes before the nil order"},
	} {
		seqRep, seqErr := p.triage(bad, at, c.checks, ^uint64(0), 1)
		require.ErrorIs(t, seqErr, c.want, c.reason)
		for _, workers := range []int{2, 5, 64} {
			rep, err := p.triage(bad, at, c.checks, ^uint64(0), workers)
			requireSameReport(t, seqRep, rep, c.reason)
			assert.Equal(t, seqErr.Error(), err.Error(), "%s, %d workers", c.reason, workers)
		}
	}
	_, err = p.triage(bad[:len(bad)-2], at, nil, ^uint64(0), 4)
	require.NoError(t, err, "without the duplicate and the nil order the batch is fine")

	// In a batch sorted by ID, a duplicate next to its original, or one
	// at the border of two shares, breaks the ascent and is found; so is
	// the nil order after it, which comes second. So is the duplicate of
	// the first order that starts a second share, each share ascending.
	firstAgain := append(slices.Clone(sorted[:h]), new(*sorted[0]))
	firstAgain = append(firstAgain, sorted[h+1:]...)
	dups := [][]*Order{firstAgain}
	for _, k := range []int{1, h, len(sorted) - 1} {
		dups = append(dups, append(slices.Insert(slices.Clone(sorted), k, new(*sorted[k-1])), nil))
	}
	for k, dupSorted := range dups {
		_, seqErr := p.triage(dupSorted, at, nil, ^uint64(0), 1)
		require.ErrorIs(t, seqErr, ErrDuplicateOrder)
		for _, workers := range []int{2, 3, 64} {
			_, err := p.triage(dupSorted, at, nil, ^uint64(0), workers)
			require.ErrorIs(t, err, ErrDuplicateOrder)
			assert.Equal(t, seqErr.Error(), err.Error(), "duplicate at %d, %d workers", k, workers)
		}
	}
	assert.PanicsWithValue(t, "probe: T5000", func() {
		_, _ = p.triage(orders, at, []Check{probeCheck{panicOn: "T5000"}}, ^uint64(0), 4)
	}, "a check's panic reaches the caller's goroutine, as in the sequential triage")
	assert.PanicsWithValue(t, "probe: T5000", func() {
		_, _ = p.Triage(orders, at, probeCheck{panicOn: "T5000"})
	}, "and so it does when a few goroutines take many shares in turn")
}

// requireSameReport fails unless a and b are the same report, naming the
// first finding that differs (a diff of two large reports would take
// minutes).
func requireSameReport(t *testing.T, a, b Report, msg string, args ...any) {
	t.Helper()
	msg = fmt.Sprintf(msg, args...)
	require.Equal(t, a.At, b.At, msg)
	require.Equal(t, [2]int{a.Checked, a.Skipped}, [2]int{b.Checked, b.Skipped}, msg)
	for i := range min(len(a.Findings), len(b.Findings)) {
		fa, fb := a.Findings[i], b.Findings[i]
		if fa.Order != fb.Order || fa.Categories != fb.Categories || !slices.Equal(fa.Problems, fb.Problems) {
			require.Failf(t, "reports differ", "finding %d: %s %v %v, %s %v %v; %s",
				i, fa.OrderID(), fa.Categories, fa.Problems, fb.OrderID(), fb.Categories, fb.Problems, msg)
		}
	}
	require.Equal(t, len(a.Findings), len(b.Findings), msg)
}

func TestTriageWorkersRespectGOMAXPROCSAndTheBound(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	assert.Equal(t, 1, triageWorkers(100, 0), "a small batch is triaged on one goroutine")
	assert.Equal(t, 2, triageWorkers(2*minTriageShare, 0))
	assert.Equal(t, 3, triageWorkers(100*minTriageShare, 0), "never more than GOMAXPROCS")
	assert.Equal(t, 2, triageWorkers(100*minTriageShare, 2), "the policy's bound")
	assert.Equal(t, 1, triageWorkers(100*minTriageShare, 1), "1: sequential")
	assert.Equal(t, 3, triageWorkers(100*minTriageShare, 8), "a bound above GOMAXPROCS is GOMAXPROCS")
	runtime.GOMAXPROCS(1)
	assert.Equal(t, 1, triageWorkers(100*minTriageShare, 0))
}
