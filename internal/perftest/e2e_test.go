package perftest_test

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/perftest"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/shipping"
)

// fixtureSeed is the seed of every fixture here.
const fixtureSeed = 13

// batch is the size of the end-to-end batch (issue 13: 100k orders).
const batch = 100_000

// kefuEnvelope is a fixture line as a backend that uses kefu decodes it
// from JSON: the order through [order.Order]'s JSON decoder (which builds
// it with [order.New]), the concession with kefu's types.
type kefuEnvelope struct {
	Order      order.Order    `json:"order"`
	Concession kefuConcession `json:"concession"`
}

type kefuConcession struct {
	Agent  order.Agent     `json:"agent"`
	Kind   pricing.Kind    `json:"kind"`
	Amount decimal.Decimal `json:"amount"`
	At     time.Time       `json:"at"`
	Usage  fixtureUsage    `json:"usage"`
}

// fixtureUsage is the fixture's usage of one request: the agent's erases
// on a day and the order's price changes, which pricing keeps as two rows.
type fixtureUsage struct {
	Day          string `json:"day"`
	Erases       int    `json:"erases"`
	PriceChanges int    `json:"price_changes"`
}

// usages returns the agent's and the order's rows of pricing state.
func usages(agentID, orderID, day string, erases, priceChanges int) (pricing.AgentUsage, pricing.OrderUsage) {
	var au pricing.AgentUsage
	if erases > 0 || day != "" {
		id, _ := order.CanonicalID(agentID)
		au = pricing.AgentUsage{AgentID: id, Day: day, Erases: erases}
	}
	var ou pricing.OrderUsage
	if priceChanges > 0 {
		ou = pricing.OrderUsage{OrderID: orderID, PriceChanges: priceChanges}
	}
	return au, ou
}

func (c *kefuConcession) request(o *order.Order) pricing.Request {
	return pricing.Request{Agent: c.Agent, Order: o, Kind: c.Kind, Amount: c.Amount, At: c.At}
}

func (c *kefuConcession) usages(o *order.Order) (pricing.AgentUsage, pricing.OrderUsage) {
	return usages(c.Agent.ID, o.ID(), c.Usage.Day, c.Usage.Erases, c.Usage.PriceChanges)
}

// kefuSpec turns a row of raw strings into an [order.Spec], as a backend
// that uses kefu does: amounts with [order.ParseAmount] (kefu's strict
// parser of yuan text, which costs less than decimal.NewFromString and
// nothing for a zero), codes with kefu's parsers.
func kefuSpec(r *perftest.Row) (order.Spec, error) {
	s := order.Spec{ID: r.ID, Buyer: order.Buyer{ID: r.BuyerID, Nick: r.BuyerNick},
		Address: order.Address{Recipient: r.Recipient, Phone: r.Phone, Province: r.Province, City: r.City,
			District: r.District, Detail: r.Detail},
		Message: r.Message, CreatedAt: r.CreatedAt, PaidAt: r.PaidAt, DispatchedAt: r.DispatchedAt,
		ReceivedAt: r.ReceivedAt, ClosedAt: r.ClosedAt}
	var err error
	if err = s.Payment.UnmarshalText([]byte(r.Payment)); err != nil {
		return order.Spec{}, err
	}
	if s.Status, err = order.ParseStatus(r.Status); err != nil {
		return order.Spec{}, err
	}
	if s.Postage, err = order.ParseAmount(r.Postage); err != nil {
		return order.Spec{}, err
	}
	if s.Discount, err = order.ParseAmount(r.Discount); err != nil {
		return order.Spec{}, err
	}
	s.Lines = make([]order.Line, len(r.Lines))
	for i, l := range r.Lines {
		p, err := order.ParseAmount(l.UnitPrice)
		if err != nil {
			return order.Spec{}, err
		}
		s.Lines[i] = order.Line{SKU: l.SKU, Title: l.Title, Quantity: l.Quantity, UnitPrice: p, Gift: l.Gift}
	}
	return s, nil
}

// kefuRequest turns a row's concession into a [pricing.Request] on o.
func kefuRequest(r *perftest.Row, o *order.Order) (pricing.Request, pricing.AgentUsage, pricing.OrderUsage, error) {
	role, err := order.ParseRole(r.Role)
	if err != nil {
		return pricing.Request{}, pricing.AgentUsage{}, pricing.OrderUsage{}, err
	}
	kind, err := pricing.ParseKind(r.Kind)
	if err != nil {
		return pricing.Request{}, pricing.AgentUsage{}, pricing.OrderUsage{}, err
	}
	amt, err := order.ParseAmount(r.Amount)
	if err != nil {
		return pricing.Request{}, pricing.AgentUsage{}, pricing.OrderUsage{}, err
	}
	au, ou := usages(r.AgentID, o.ID(), r.Day, r.Erases, r.PriceChanges)
	return pricing.Request{Agent: order.Agent{ID: r.AgentID, Name: r.AgentName, Role: role}, Order: o,
		Kind: kind, Amount: amt, At: r.At}, au, ou, nil
}

// tally is what a batch run decided, kept so the work is not optimised
// away and so two runs can be compared at a glance.
type tally struct {
	orders, badOrders, badRequests, eligible int
	verdicts                                 [4]int
}

func (t *tally) free(eligible bool) {
	if eligible {
		t.eligible++
	}
}

func (t *tally) review(v uint8, err error) {
	if err != nil {
		t.badRequests++
	}
	t.verdicts[v&3]++
}

// runner holds what a backend prepares once: the policies, prepared
// for the hot path ([shipping.Prepare], [pricing.Prepare]) and, for the
// baseline, the numbers it takes from them.
type runner struct {
	ship   shipping.Policy
	price  pricing.Policy
	pship  *shipping.Prepared
	pprice *pricing.Prepared
	triage order.TriagePolicy
	checks []order.Check
	rule   perftest.DecRule
	fen    perftest.FenRule
	limits perftest.DecLimits
}

func newRunner(tb testing.TB) *runner {
	tb.Helper()
	r := &runner{ship: shipping.DefaultPolicy(), price: pricing.DefaultPolicy(), triage: order.DefaultTriagePolicy()}
	var err error
	r.checks, err = r.ship.Checks()
	require.NoError(tb, err)
	r.pship, err = shipping.Prepare(r.ship)
	require.NoError(tb, err)
	r.pprice, err = pricing.Prepare(r.price)
	require.NoError(tb, err)
	r.rule, err = perftest.NewDecRule(r.ship)
	require.NoError(tb, err)
	r.fen, err = perftest.NewFenRule(r.ship)
	require.NoError(tb, err)
	r.limits, err = perftest.NewDecLimits(r.price)
	require.NoError(tb, err)
	return r
}

// kefuRow builds the row's order with kefu into o and runs free shipping
// and the concession review on it; it reports whether the order built.
func (r *runner) kefuRow(row *perftest.Row, o *order.Order, t *tally) bool {
	t.orders++
	s, err := kefuSpec(row)
	if err == nil {
		*o, err = order.New(s)
	}
	if err != nil {
		t.badOrders++
		return false
	}
	t.free(r.pship.FreeShipping(o).Eligible())
	req, au, ou, err := kefuRequest(row, o)
	var d pricing.Decision
	if err == nil {
		d, err = r.pprice.Review(req, au, ou)
	}
	t.review(uint8(d.Verdict), err)
	return true
}

// handRow is kefuRow written by hand with shopspring/decimal.
func (r *runner) handRow(row *perftest.Row, t *tally) {
	t.orders++
	s, err := row.HandSpec()
	var o perftest.DecOrder
	if err == nil {
		o, err = perftest.BuildDec(&s)
	}
	if err != nil {
		t.badOrders++
		return
	}
	t.free(r.rule.Decide(&o).Eligible)
	q, err := row.HandRequest()
	var d perftest.HandDecision
	if err == nil {
		d, err = r.limits.Review(&o, &q)
	}
	t.review(d.Verdict, err)
}

// kefuJSON is kefuRow from a JSON line; the order is left in e.
func (r *runner) kefuJSON(line []byte, e *kefuEnvelope, t *tally) bool {
	*e = kefuEnvelope{}
	t.orders++
	if err := json.Unmarshal(line, e); err != nil {
		t.badOrders++
		return false
	}
	t.free(r.pship.FreeShipping(&e.Order).Eligible())
	au, ou := e.Concession.usages(&e.Order)
	d, err := r.pprice.Review(e.Concession.request(&e.Order), au, ou)
	t.review(uint8(d.Verdict), err)
	return true
}

// handJSON is kefuJSON written by hand with shopspring/decimal.
func (r *runner) handJSON(line []byte, e *perftest.HandEnvelope, t *tally) {
	*e = perftest.HandEnvelope{}
	t.orders++
	var o perftest.DecOrder
	err := perftest.DecodeHand(line, e)
	if err == nil {
		o, err = perftest.BuildDec(&e.Order)
	}
	if err != nil {
		t.badOrders++
		return
	}
	t.free(r.rule.Decide(&o).Eligible)
	q := e.Concession.Request()
	d, err := r.limits.Review(&o, &q)
	t.review(d.Verdict, err)
}

var (
	sinkTally  tally
	sinkReport order.Report

	fixtureOnce sync.Once
	fixture100k perftest.Fixture
	rows100k    []perftest.Row
	fixtureErr  error
)

// bigFixture returns the 100k-order fixture and its rows, generated once
// per process and checked once: kefu and the baselines agree on every
// order of it, by every path the benchmarks time, so no benchmark
// reports a time for code that decides differently.
func bigFixture(b *testing.B) (perftest.Fixture, []perftest.Row) {
	b.Helper()
	fixtureOnce.Do(func() {
		fixture100k = perftest.Generate(batch, fixtureSeed)
		if rows100k, fixtureErr = fixture100k.Rows(); fixtureErr == nil {
			fixtureErr = agree(newRunner(b), fixture100k, rows100k, 1)
		}
	})
	if fixtureErr != nil {
		b.Fatal(fixtureErr)
	}
	return fixture100k, rows100k
}

// measure runs one batch of n orders per iteration and reports orders/s,
// allocs/order, the process's CPU time per order (cpu-ns/order, which
// other processes on a shared machine do not inflate) and the cores it
// kept busy, besides the usual per-batch figures.
func measure(b *testing.B, n int, run func()) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu := perftest.StartCPU()
	for b.Loop() {
		run()
	}
	cpu.Report(b, float64(n), "order")
	cpu.ReportCores(b)
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "orders/s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n*b.N), "allocs/order")
}

// BenchmarkEndToEnd is issue 13's end-to-end measure: the 100k orders of
// the fixture (about a tenth with an amount at a threshold), decoded from
// its JSON lines beforehand into rows of raw strings ([perftest.Row]),
// turned into orders and decisions, a batch of 100k orders per op:
//
//   - kefu: the row into an [order.Spec] (amounts by [order.ParseAmount],
//     kefu's strict parser of yuan text, which a backend on kefu uses
//     where HandSpec calls decimal.NewFromString), [order.New], and the
//     prepared policies a backend's hot path uses,
//     [shipping.Prepared.FreeShipping] and [pricing.Prepared.Review];
//   - kefu-keep: the same, keeping the batch's orders (in one slice of
//     100k orders made for the batch, as kefu-triage keeps them), so that
//     kefu-triage less kefu-keep is the triage's own cost;
//   - kefu-triage: the same, keeping the orders, then the default triage
//     of the batch ([order.TriagePolicy.Triage] with shipping's checks);
//   - handwritten: the same two rules written with shopspring/decimal
//     ([perftest.Row.HandSpec], [perftest.BuildDec], [perftest.DecRule],
//     [perftest.DecLimits]).
//
// Issue 13's goals, as ratios of orders/s in one run: kefu ≥ 1.0×
// handwritten; kefu-triage ≥ 2× the rule engines' two-rule throughput,
// which the issue puts at a third of handwritten's: kefu-triage ≥ 0.67×
// handwritten.
//
// Measured before optimising, as ratios of CPU time per order in one run
// (go1.26, the 2-core shared VM, runs of -count 5 and 6; orders/s swung
// ±35–120% with the other jobs): kefu costs 3.9–4.5× handwritten
// (throughput 0.22–0.26×), kefu-triage 5.4–6.1× (0.16–0.19×); 27
// allocs/order for kefu, 23.4 for handwritten. Three quarters of kefu's
// time is order.New (text normalisation, the address key, allocation).
//
// Measured after order.New's fast paths (perf2: text already normal kept
// as it is, 2 allocs per order built) with main's FreeShipping and Review,
// in a quiet moment of the shared machine (load 1.6, -count 5,
// -benchtime 3x): kefu reaches 0.56–0.77× handwritten's orders/s (medians
// 644k and 1,012k: 0.64×; before, 0.22–0.26×) at 1.7× its CPU per order
// (1.65–1.91 µs against 0.98–1.17), 11.2 allocs/order against 23.4 —
// short of the 1.0× goal; kefu-triage 0.36–0.51× (median 418k orders/s:
// 0.41×) at 1.3 cores, which is 1.24× the engines' two-rule throughput
// as the issue gives it (a third of handwritten's), short of the 2×
// goal. Under the load of the other jobs (3–6 on 2 cores) the ratios
// were kinder and noisier (kefu 0.79–0.96×, kefu-triage 0.43–0.61×).
// A CPU profile of the two rows (before IDs got their one-pass path) splits
// kefu's row into order.New 43% (BuildDec is 41% of the shorter
// handwritten row: New costs 1.6× it), the test's raw-string parsing
// 40% (kefuSpec and kefuRequest, 1.2× HandSpec and HandRequest: the
// same decimal.NewFromString calls plus kefu's code parsers and the
// lines' slice), Review 12% (1.7× DecLimits.Review) and FreeShipping 1%:
// the share left to the two rules is about an eighth of kefu's row, most
// of it Review (perf1 prepares both policies), and the rest of the gap is
// order.New's.
//
// Measured after perf3 (the prepared policies on the kefu side; the
// order's totals kept in fen, no decimal built by order.New), one run of
// -count 5, -benchtime 3x, load 1–2.3 on 2 cores: kefu's CPU per order
// is 0.98× handwritten's (medians 1469 and 1492 cpu-ns/order; ranges
// 1432–1729 and 1370–1629) — parity — but its orders/s are 0.83×
// (medians 643k and 774k): handwritten allocates 23.4 times per order
// against kefu's 10.2 and its garbage collector's work runs on the second
// core (1.2 cores against 0.92–0.99), which the wall clock does not
// charge to it. The 1.0× goal on orders/s is not reached; on CPU it is.
// kefu-triage: 0.47× handwritten's orders/s (median 367k; 221k–484k), at
// 1.0–1.35 cores, which is 1.4× the engines' two-rule throughput as the
// issue gives it — short of the 2× goal. A CPU profile of kefu's row:
// order.New 39%, kefuSpec 30% (the same work as HandSpec — the same
// decimal.NewFromString calls and lines' slice — at 0.9× its CPU),
// Review 12%, kefuRequest 11%, FreeShipping under 1%. decimal's parse is
// a fifth of kefu's row and, in an allocation profile, 6.4 of its 10.2
// allocs/order are the big.Ints of those decimals (one per amount;
// kefu's own are the order's lines and, rarely, an address key): kefu's
// API takes every amount as a decimal.Decimal (order.Line.UnitPrice,
// Spec.Postage, Spec.Discount, pricing.Request.Amount) and turns it into
// fen at once, so a backend on kefu cannot skip the decimal; a public
// way to give an amount as text or fen (an exact parse into fen, as
// internal/yuan.Parse) would save both the parse and the allocations.
//
// Measured after newfast (order.ParseAmount on the kefu side: half
// NewFromString's CPU, no allocation for a zero, two-decimal results New
// keeps as they are; New's one pass over an address already in normal
// form, the lines normalised in place, the times checked without naming
// them; plain text stepped over faster — common Chinese characters
// without decoding, ASCII IDs eight bytes at a time; a review taking a
// Chinese agent name as it is), go1.26, the 2-core shared VM, this very
// command (-count 5, -benchtime 3x), as ratios of the medians of one
// run. Ten runs before the last four commits, under the other jobs'
// load (3–4): kefu 0.66–1.55× handwritten's orders/s, median 1.07×, at
// 0.63–1.51× its CPU per order, median 0.91×. Ten runs of the final code
// (load 2 to 5): 0.60–1.26× orders/s, median 0.95×, at 0.70–1.61× CPU,
// median 1.06×. 8.5 allocs/order against 23.4 (10.2 before). kefu's own
// figures are steady where the load allows — 1163–1309 cpu-ns/order,
// 770k–860k orders/s (main's kefu in the same hour: 1447–1505 cpu-ns,
// 660k–690k orders/s, so 15–20% less CPU per order) — while
// handwritten's fall in two modes, 1076–1218 cpu-ns (810k–935k orders/s)
// in seven runs of ten and 1512–1662 in the other three. So the 1.0×
// goal is not met: kefu is at about parity, ahead when handwritten runs
// in its slow mode and 0.89–1.05× its orders/s (0.60× once, when kefu's
// own batches met the load) when it runs in its fast one.
// Run with GODEBUG=gctrace=1, a timed batch meets no or one collection
// (the fixture and its rows keep about 250 MB live, the goal about 500
// MB; kefu allocates 41 MB per batch, handwritten 75 MB), so which
// batches a cycle lands in moves the figures more than the second core
// does (both rows ran at 0.99–1.0 cores). Under cachegrind (instructions,
// no timing noise; 20k orders × 3, GOMAXPROCS=1) kefu's row executes
// about 1.9× the instructions of handwritten's — the text checks and
// normalisation (textnorm's plain loops, about 1.5k instructions per
// order), amount parsing, and the copies of the 420-byte Spec and the
// 560-byte Order (about 1.8k in kefuRow, kefuSpec and New themselves) —
// at a higher rate than handwritten's big.Int arithmetic and 2.7× as
// many allocations. What is left to win is there: fewer bytes copied per
// order (the Order's size, the Spec passed by value) and the plain-text
// loops. kefu-triage: 0.35–0.61× handwritten's orders/s (median about
// 0.48×), about 1.4× the engines' two-rule throughput as the issue gives
// it — short of the 2× goal.
//
// Measured after triagefast (the triage's changes: see
// [BenchmarkTriageCores]), five runs of -count 5 -benchtime 3x, main's
// binary run between this branch's, at load 1.5–2.4: another job's
// benchmark held one of the two cores through most of them, so this
// branch's triage ran on one core (kefu-triage at 1.0 cores; main's at
// 1.0–1.3) and the orders/s ratios are noisy. The new kefu-keep row
// shows where kefu-triage's gap is: keeping the batch's orders — a fresh
// slice of 100k orders per batch, zeroed, written and marked by the
// garbage collector — costs 150–730 ns of CPU per order over kefu
// (medians per run), and kefu-keep reaches 0.54–0.66× handwritten's
// orders/s (0.64–0.66× once it stopped holding its last batch; kefu
// 0.59–0.83×): at or below the 0.67× goal with no triage at all, so
// kefu-triage cannot reach 0.67× however cheap the triage until keeping
// the orders costs less. kefu-triage: 0.31–0.42× handwritten (medians
// 266k–366k orders/s) at 1.0 cores; main's 0.47–0.61× (295k–440k) at
// 1.0–1.3 cores — short of the goal either way, and no same-run ratio
// of the two. What the triage itself costs here is steadier as CPU per
// order: kefu-triage less kefu-keep is 950–1620 ns (medians per run),
// and in CPU profiles of 12 batches each the triage's goroutines take 74
// ms of CPU per batch against main's 94 ms (0.79×; BenchmarkTriageCores
// gives 0.67–0.75×), the garbage collector running through the triage
// here.
//
// Measured after deccache (yuan.Dec shares the decimal of every amount up
// to 655.35 once seen, so ParseAmount and the amount accessors allocate
// nothing for the fixture's prices, postage and concessions, all inside
// that range), one run of -benchtime 5x on a quiet machine (load 1.2):
// 2.13 allocs/order against 8.5 before (handwritten 23.4); kefu 1.16M
// orders/s and 867 cpu-ns/order, kefu-keep 789k, kefu-triage 697k,
// handwritten 867k (1343 cpu-ns). A run of main's binary just before:
// kefu 877k, kefu-keep 668k, kefu-triage 533k, handwritten 930k. The
// big.Ints were half of kefu's allocations; the gain is in building the
// rows (kefu's CPU per order fell by about 30%), not in keeping them:
// kefu-keep's CPU over kefu's was 500–595 ns/order against main's 450
// in those runs, the same within the noise, though each kept order now
// holds shared amounts where it held one big.Int per line and one for
// its postage. (GOGC=400 takes kefu-triage from 549k to 667k orders/s on
// main's code, so the collector's marking of the kept orders is still
// the largest cost keeping adds.) A shop whose prices are above 655.35
// pays decimal.New's two allocations for them, as before.
func BenchmarkEndToEnd(b *testing.B) {
	_, rows := bigFixture(b)
	r := newRunner(b)
	n := len(rows)
	b.Run("kefu", func(b *testing.B) {
		var o order.Order
		measure(b, n, func() { r.kefuBatch(rows, &o) })
	})
	b.Run("kefu-keep", func(b *testing.B) {
		measure(b, n, func() {
			ptrs := r.keepBatch(rows)
			runtime.KeepAlive(ptrs) // kept to the end of the batch, as kefu-triage keeps them, and no longer
		})
	})
	b.Run("kefu-triage", func(b *testing.B) {
		measure(b, n, func() { r.triageBatch(b, rows) })
		// The last report holds its batch's 100k orders: let them go
		// before the handwritten row, whose collections would mark them.
		sinkReport = order.Report{}
	})
	b.Run("handwritten", func(b *testing.B) {
		measure(b, n, func() { r.handBatch(rows) })
	})
}

// kefuBatch runs kefuRow on every row, building each order into o.
func (r *runner) kefuBatch(rows []perftest.Row, o *order.Order) {
	var t tally
	for i := range rows {
		r.kefuRow(&rows[i], o, &t)
	}
	sinkTally = t
}

// keepBatch runs kefuRow on every row, keeping the orders built, as a
// batch that is triaged next must.
func (r *runner) keepBatch(rows []perftest.Row) []*order.Order {
	var t tally
	orders := make([]order.Order, len(rows))
	ptrs := make([]*order.Order, 0, len(rows))
	for i := range rows {
		if r.kefuRow(&rows[i], &orders[i], &t) {
			ptrs = append(ptrs, &orders[i])
		}
	}
	sinkTally = t
	return ptrs
}

// triageBatch is keepBatch, then the default triage of the orders kept.
func (r *runner) triageBatch(b *testing.B, rows []perftest.Row) {
	rep, err := r.triage.Triage(r.keepBatch(rows), fixture100k.Now, r.checks...)
	if err != nil {
		b.Fatal(err)
	}
	sinkReport = rep
}

// handBatch runs handRow on every row.
func (r *runner) handBatch(rows []perftest.Row) {
	var t tally
	for i := range rows {
		r.handRow(&rows[i], &t)
	}
	sinkTally = t
}

// BenchmarkEndToEndPaired is [BenchmarkEndToEnd]'s kefu, kefu-triage
// and handwritten rows run in turn within each iteration — one batch of
// each, the order rotated from one iteration to the next — so that the
// three share the machine's load moment by moment, where
// BenchmarkEndToEnd runs each row's batches one after another and a
// change of load between them moves the ratio more than the code does.
// It reports the ratios themselves, summed over the iterations: kefu's
// and kefu-triage's orders/s (wall time) and CPU time per order against
// handwritten's. Issue 13's goals in its terms: kefu/hw ≥ 1.0;
// triage/hw ≥ 0.67 (2× the engines, at a third of handwritten's
// throughput as the issue gives it). Run it with -benchtime 10x or more:
// each iteration is three batches of 100k orders.
//
// Measured on a quiet machine (load 0.1–2.4, other work only compiling;
// four runs of -benchtime 10x, 2026-12-02): kefu/hw-orders/s 0.98, 1.15,
// 1.31, 1.22 (kefu/hw-cpu 1.08, 0.85, 0.80, 0.79); triage/hw-orders/s
// 0.60, 0.67, 0.70, 0.64 (triage/hw-cpu 1.87, 1.52, 1.33, 1.43). So end
// to end is at or above parity, and kefu-triage about at the 0.67 goal,
// not reliably above it. Earlier runs under load 5–6 read 1.38–1.65 and
// 0.65–0.94: under load, the handwritten row loses more than kefu's.
//
// After deccache (shared decimals for amounts up to 655.35, see
// BenchmarkEndToEnd), three runs of -benchtime 10x interleaved with
// three of main's binary, load 1.1–1.3: kefu/hw-orders/s 1.32, 1.26,
// 1.16 (main's 0.90, 0.99, 1.06); triage/hw-orders/s 0.80, 0.88, 0.79
// (main's 0.62, 0.71, 0.65); kefu/hw-cpu 0.62, 0.68, 0.88 (main's 1.21,
// 0.98, 0.83). Three more runs of main after fsleaf, at load 2.1–2.4
// (other tenants): kefu/hw-orders/s 1.15, 1.18, 1.18; triage/hw-orders/s
// 0.65, 0.77, 0.75. So kefu is above parity in all six, and kefu-triage
// above 0.67 in five of six (0.65–0.88), 2.0–2.6× the engines at the
// issue's third of handwritten; the one below came at the higher load,
// where the collector's marking of the 100k kept orders (still the
// largest cost keeping them adds) competes with the batch for the cores.
func BenchmarkEndToEndPaired(b *testing.B) {
	_, rows := bigFixture(b)
	r := newRunner(b)
	var wall, cpu [3]time.Duration
	cpuOK := true
	var o order.Order
	batches := [3]func(){
		func() { r.kefuBatch(rows, &o) },
		func() { r.triageBatch(b, rows) },
		func() { r.handBatch(rows) },
	}
	for it := 0; b.Loop(); it++ {
		for k := range 3 {
			j := (it + k) % 3
			start, c := time.Now(), perftest.StartCPU()
			batches[j]()
			wall[j] += time.Since(start)
			d, ok := c.Elapsed()
			cpu[j] += d
			cpuOK = cpuOK && ok
		}
		sinkReport = order.Report{}
	}
	const kefu, triage, hand = 0, 1, 2
	b.ReportMetric(float64(wall[hand])/float64(wall[kefu]), "kefu/hw-orders/s")
	b.ReportMetric(float64(wall[hand])/float64(wall[triage]), "triage/hw-orders/s")
	if cpuOK {
		b.ReportMetric(float64(cpu[kefu])/float64(cpu[hand]), "kefu/hw-cpu")
		b.ReportMetric(float64(cpu[triage])/float64(cpu[hand]), "triage/hw-cpu")
	}
}

// BenchmarkEndToEndJSON is [BenchmarkEndToEnd] from the fixture's JSON
// lines themselves, decoded with encoding/json on both sides: kefu into
// its types ([order.Order.UnmarshalJSON] builds the order), handwritten
// into plain structs with decimal fields ([perftest.DecodeHand]). It
// shows what the JSON decoders cost on top of the end-to-end path.
//
// Measured before optimising (as BenchmarkEndToEnd): kefu costs 2.0×
// handwritten per order, 68.8 allocs/order against 56.2; encoding/json
// is most of both, and kefu's Order.UnmarshalJSON decodes its part of
// the line a second time.
//
// Measured after newfast (the strict decoders read plain string, integer
// and boolean members themselves instead of a json.Unmarshal per member,
// match keys without copying them, decode a Spec's buyer, address, lines
// and amounts straight into it, and find a status, role or kind name
// without copying it), two runs of -count 3, -benchtime 2x, each next to
// a run of main's: kefu reaches 1.14× and 0.99× handwritten's orders/s at
// 0.88× and 0.98× its CPU per order (main's kefu in the same minutes:
// 0.63× and 0.62×, CPU 1.55× and 1.79×), 35.5 allocs/order against 56.2
// (main's 97.8). The order's part is now about a third of kefu's line;
// the rest is encoding/json decoding the envelope, which on kefu's side
// also scans the order's bytes a second time (checkValid, then skip)
// before handing them to [order.Order.UnmarshalJSON]. The amounts are
// parsed straight to fen (internal/yuan.ParseJSON) and made decimals once,
// because the order keeps its prices, postage and discount as decimals
// ([order.Order.Line] and [order.Order.Postage] return them without
// allocating).
func BenchmarkEndToEndJSON(b *testing.B) {
	fx, _ := bigFixture(b)
	r := newRunner(b)
	n := len(fx.Lines)
	b.Run("kefu", func(b *testing.B) {
		var e kefuEnvelope
		measure(b, n, func() {
			var t tally
			for _, line := range fx.Lines {
				r.kefuJSON(line, &e, &t)
			}
			sinkTally = t
		})
	})
	b.Run("handwritten", func(b *testing.B) {
		var e perftest.HandEnvelope
		measure(b, n, func() {
			var t tally
			for _, line := range fx.Lines {
				r.handJSON(line, &e, &t)
			}
			sinkTally = t
		})
	})
}

// BenchmarkTriageCores triages the fixture's 100k orders, built
// beforehand, with the default triage policy and shipping's checks: run
// it with -cpu 1,2 to see how the triage uses the cores it is given
// (issue 13's goal: ≥ 1.7× on 2 cores against 1, with the same report).
// Every run's report must be the same as the one built before timing.
// On the shared machine the wall-time ratio of -cpu 2 to -cpu 1 swings
// with the other jobs; the "cores" metric (CPU time over wall time) and
// cpu-ns/order say whether the work spread over the cores and what it
// cost.
//
// Measured before optimising (go1.26, the 2-core shared VM, -count 5):
// the triage runs on one goroutine — -cpu 2 reaches 0.8–0.9× the
// orders/s of -cpu 1 (the concurrent garbage collector costs more CPU
// per order: 1.4 → 1.9 µs).
//
// After perf2 the triage runs on up to GOMAXPROCS goroutines (the
// per-order checks over shares of the batch, the grouping over buyer
// partitions); in a CPU profile at -cpu 2 the sequential steps left
// (duplicate IDs, layout, allocation of oversold stock, sorting the
// findings) are about 8% of the triage's CPU time, which bounds the
// speed-up on 2 free cores at about 1.85×. Measured in a quiet moment
// of the shared machine (load 2.4–4, -cpu 1,2, -count 5 and a second
// run of -cpu 1,2,1,2,1,2 -count 2, -benchtime 4x): -cpu 2 reaches
// 1.5–2.0× the orders/s of -cpu 1 (medians 1.67× and 1.83×), at 1.8–1.95
// cores against 1.0, with 5–15% more CPU per order (1.5–2.1 µs against
// 1.4–1.8: the concurrent garbage collector and each partition's pass
// over the batch). The very first -cpu 1 result of a process reports
// about 1.9 cores — it ran on two — and is left out. Under the load of
// the other jobs (6–9 on 2 cores) the process got 0.15–1 cores and the
// wall-time ratio said nothing.
//
// After triagefast: the first pass numbers each share's SKUs (the stock
// demand counted per SKU) and hands every order waiting to ship to its
// buyer partition with its buyer ID's hash and first 16 bytes, so the
// grouping reads an order again only for a buyer with several orders —
// their addresses, then their lines sorted by SKU and placing time for
// repeat orders: no (buyer, SKU) table, no string compared twice; a
// batch sorted by ID, as this one is, needs no duplicate-ID table and no
// sort of the findings, and an unsorted one finds duplicates and builds
// its findings in parallel; the batch is split in four shares and buyer
// partitions per goroutine, taken in turn; shipping's transit-warehouse
// check matches its 17 patterns in one pass over the address. Measured
// in a quiet moment (load 0.7–1.0; -cpu 1,2 -count 5 -benchtime 10x, the
// first -cpu 1 result left out as above; this branch's binary, main's,
// then this branch's again): -cpu 2 reaches 1.95× the orders/s of -cpu
// 1 (medians 2.28M and 1.17M orders/s, at 1.96 cores) and 1.69× in the
// second run (2.07M and 1.22M; 1.69 cores, another job starting), main's
// 1.68× (1.48M and 0.88M) between them — the 1.7× goal met when the
// process gets two cores, not otherwise — with the same digest in every
// run. CPU per order: 0.72–0.75× main's at -cpu 1 (medians 825–859
// against 1140 ns) and 0.67–0.70× at -cpu 2 (861–902 against 1284); 16.1
// MB allocated per batch against 19.2–22.4. An earlier pair with one
// share per goroutine, at load 2–3, gave 1.93× against main's 1.76×, and
// one at 1.74 cores 1.40× against main's 1.72× just after: a goroutine
// slowed by the other jobs held the other up, hence the shares taken in
// turn. Still sequential: picking the first error, merging the shares'
// SKU tables (a step per distinct SKU of each share), the stock
// allocation of oversold SKUs and, for a batch not sorted by ID, the
// merge of the shares' sorted findings. Most of the rest is memory: each
// order's first read, its address text (the transit check) and, for a
// buyer with several orders, the second read of its orders.
func BenchmarkTriageCores(b *testing.B) {
	_, rows := bigFixture(b)
	r := newRunner(b)
	orders := kefuOrders(b, rows)
	want := digest(b, r, orders, fixture100k.Now)
	measure(b, len(orders), func() {
		rep, err := r.triage.Triage(orders, fixture100k.Now, r.checks...)
		if err != nil {
			b.Fatal(err)
		}
		sinkReport = rep
	})
	if got := reportDigest(b, sinkReport); got != want {
		b.Fatalf("report digest %x, want %x", got, want)
	}
	b.ReportMetric(float64(len(sinkReport.Findings))/float64(len(orders)), "problem-share")
}

// kefuOrders builds every row's order with kefu.
func kefuOrders(tb testing.TB, rows []perftest.Row) []*order.Order {
	tb.Helper()
	out := make([]*order.Order, 0, len(rows))
	for i := range rows {
		s, err := kefuSpec(&rows[i])
		require.NoError(tb, err, "row %d", i)
		o, err := order.New(s)
		require.NoError(tb, err, "row %d", i)
		out = append(out, &o)
	}
	return out
}

// digest triages orders and returns the digest of the report.
func digest(tb testing.TB, r *runner, orders []*order.Order, now time.Time) [32]byte {
	tb.Helper()
	rep, err := r.triage.Triage(orders, now, r.checks...)
	require.NoError(tb, err)
	return reportDigest(tb, rep)
}

// reportDigest is the SHA-256 of the report's JSON: two reports with the
// same digest have the same findings, categories and reasons.
func reportDigest(tb testing.TB, rep order.Report) [32]byte {
	tb.Helper()
	b, err := json.Marshal(rep)
	require.NoError(tb, err)
	return sha256.Sum256(b)
}

// name returns an enum's text, "" for its zero value, so kefu's enums and
// the baseline's codes compare by name.
func name[E interface {
	~uint8
	String() string
}](e E) string {
	if e == 0 {
		return ""
	}
	return e.String()
}

// outcome is what one path decided on one order, amounts in fen.
type outcome struct {
	built, eligible         bool
	shortfall, shouldCharge int64
	reviewErr               bool
	verdict, approver, kind string // kind: the suggestion
	why                     string // reasons, for the message only
}

func (o outcome) same(p outcome) bool { o.why, p.why = "", ""; return o == p }

func (o outcome) String() string {
	if !o.built {
		return "not built"
	}
	return fmt.Sprintf("free %v short %d charge %d, review err %v %s/%s/%s %s", o.eligible, o.shortfall,
		o.shouldCharge, o.reviewErr, o.verdict, o.approver, o.kind, o.why)
}

func fenOf(d decimal.Decimal) int64 { return d.Shift(2).IntPart() }

// kefuOutcome is what kefu decides on o with the prepared policies the
// benchmarks time (TestFixtureAgreementPrepared holds them to the plain
// ones).
func (r *runner) kefuOutcome(o *order.Order, req pricing.Request, au pricing.AgentUsage, ou pricing.OrderUsage) outcome {
	fs := r.pship.FreeShipping(o)
	out := outcome{built: true, eligible: fs.Eligible(), shortfall: fenOf(fs.Shortfall()),
		shouldCharge: fenOf(fs.ShouldCharge()), why: fs.Reasons().String()}
	d, err := r.pprice.Review(req, au, ou)
	out.reviewErr = err != nil
	if err == nil {
		out.verdict, out.approver, out.kind = name(d.Verdict), name(d.Approver), name(d.Suggest)
		out.why += " " + d.Reasons.String()
	}
	return out
}

func (r *runner) handOutcome(o *perftest.DecOrder, q perftest.HandRequest, qerr error) outcome {
	fs := r.rule.Decide(o)
	out := outcome{built: true, eligible: fs.Eligible, shortfall: fenOf(fs.Shortfall), shouldCharge: fenOf(fs.ShouldCharge)}
	var d perftest.HandDecision
	if qerr == nil {
		d, qerr = r.limits.Review(o, &q)
	}
	out.reviewErr = qerr != nil
	if qerr == nil {
		out.verdict, out.approver, out.kind = perftest.VerdictName(d.Verdict), perftest.RoleName(d.Approver), perftest.KindName(d.Suggest)
	}
	return out
}

// agree checks kefu against the baselines on the orders of fx: every
// order builds on every path or on none; free shipping (eligibility,
// shortfall, the postage that should be charged) and the concession
// review (an error or not; verdict, approver, suggestion) are the same
// from rows of raw strings with kefu, with the shopspring baseline and,
// for free shipping, with the int64 baseline. Every jsonEvery-th line is
// also decoded from its JSON on both sides and must decide the same. It
// reports the first few orders that differ.
func agree(r *runner, fx perftest.Fixture, rows []perftest.Row, jsonEvery int) error {
	var diffs []string
	diff := func(i int, what string, a, b outcome) {
		if len(diffs) < 5 {
			diffs = append(diffs, fmt.Sprintf("line %d, %s:\n\t%s\n\t%s\n\t%s", i, what, a, b, fx.Lines[i]))
		} else if len(diffs) == 5 {
			diffs = append(diffs, "…")
		}
	}
	for i := range rows {
		row := &rows[i]
		var k, h outcome
		if s, err := kefuSpec(row); err == nil {
			if o, err := order.New(s); err == nil {
				req, au, ou, err := kefuRequest(row, &o)
				if err != nil {
					k = outcome{built: true, reviewErr: true}
				} else {
					k = r.kefuOutcome(&o, req, au, ou)
				}
			}
		}
		var ho perftest.DecOrder
		s, err := row.HandSpec()
		if err == nil {
			ho, err = perftest.BuildDec(&s)
		}
		if err == nil {
			q, qerr := row.HandRequest()
			h = r.handOutcome(&ho, q, qerr)
			if fo, err := perftest.BuildFen(&s); err != nil {
				diff(i, "int64 baseline: order not built", h, outcome{})
			} else if fs := r.fen.Decide(&fo); fs.Eligible != h.eligible || fs.Shortfall != h.shortfall || fs.ShouldCharge != h.shouldCharge {
				diff(i, "int64 baseline", h, outcome{built: true, eligible: fs.Eligible, shortfall: fs.Shortfall, shouldCharge: fs.ShouldCharge})
			}
		}
		if !k.same(h) {
			diff(i, "kefu, handwritten", k, h)
		}
		if jsonEvery <= 0 || i%jsonEvery != 0 {
			continue
		}
		var kj, hj outcome
		var e kefuEnvelope
		if err := json.Unmarshal(fx.Lines[i], &e); err == nil {
			au, ou := e.Concession.usages(&e.Order)
			kj = r.kefuOutcome(&e.Order, e.Concession.request(&e.Order), au, ou)
		}
		var he perftest.HandEnvelope
		if err := perftest.DecodeHand(fx.Lines[i], &he); err == nil {
			if o, err := perftest.BuildDec(&he.Order); err == nil {
				hj = r.handOutcome(&o, he.Concession.Request(), nil)
			}
		}
		if !kj.same(k) || !hj.same(h) {
			diff(i, "kefu from JSON, handwritten from JSON", kj, hj)
		}
	}
	if len(diffs) > 0 {
		return errors.New("kefu and the hand-written baseline disagree:\n" + strings.Join(diffs, "\n"))
	}
	return nil
}

// agreementSize is the fixture TestFixtureAgreement checks: the whole
// 100k batch, or a twentieth of it under -short or the race detector
// (whose slowdown would make the whole batch take most of a minute).
func agreementSize() int {
	if testing.Short() || raceEnabled {
		return batch / 20
	}
	return batch
}

// TestFixtureAgreement is issue 13's "fast and wrong counts for nothing":
// on every order of the fixture — about a tenth with an amount at a
// threshold — kefu and the hand-written baselines decide the same (rules
// S1, S2, S3 for free shipping; A3, P2, P3, P4 for the review), from rows
// of raw strings and, for every tenth order, from the JSON line.
func TestFixtureAgreement(t *testing.T) {
	fx := perftest.Generate(agreementSize(), fixtureSeed)
	rows, err := fx.Rows()
	require.NoError(t, err)
	require.NoError(t, agree(newRunner(t), fx, rows, 10))
}

// TestFixtureShape checks that the fixture exercises what the benchmarks
// claim: about a tenth of the orders at a threshold, every verdict, free
// and not free orders, and problem orders for the triage.
func TestFixtureShape(t *testing.T) {
	fx := perftest.Generate(3000, fixtureSeed)
	require.Len(t, fx.Lines, 3000)
	edges := 0
	for _, e := range fx.Edge {
		if e {
			edges++
		}
	}
	assert.InDelta(t, 0.10, float64(edges)/float64(len(fx.Lines)), 0.02, "share of orders with an amount at a threshold")

	rows, err := fx.Rows()
	require.NoError(t, err)
	r := newRunner(t)
	var tl tally
	orders := make([]order.Order, len(rows))
	ptrs := make([]*order.Order, len(rows))
	for i := range rows {
		require.True(t, r.kefuRow(&rows[i], &orders[i], &tl), "every fixture order builds: %s", fx.Lines[i])
		ptrs[i] = &orders[i]
	}
	assert.Zero(t, tl.badRequests, "every concession request is well-formed")
	assert.InDelta(t, 0.5, float64(tl.eligible)/float64(tl.orders), 0.3, "free and not free orders both")
	for v := 1; v <= 3; v++ {
		assert.Greater(t, tl.verdicts[v], tl.orders/50, "verdict %d is common enough to measure", v)
	}
	rep, err := r.triage.Triage(ptrs, fx.Now, r.checks...)
	require.NoError(t, err)
	share := float64(len(rep.Findings)) / float64(len(ptrs))
	assert.InDelta(t, 0.15, share, 0.12, "the default triage finds some problem orders, not most")
}

// TestGenerateIsDeterministic: the same size and seed give the same
// bytes, so a benchmark run and a profile see the same fixture.
func TestGenerateIsDeterministic(t *testing.T) {
	a, b := perftest.Generate(500, fixtureSeed), perftest.Generate(500, fixtureSeed)
	assert.Equal(t, a.Data, b.Data)
	assert.Equal(t, a.Edge, b.Edge)
	assert.NotEqual(t, a.Data, perftest.Generate(500, fixtureSeed+1).Data, "another seed, another fixture")
	for i, line := range a.Lines {
		require.True(t, json.Valid(line), "line %d", i)
	}
}
