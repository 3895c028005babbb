package order_test

import (
	"runtime"
	"strconv"
	"testing"

	"github.com/kefu-go/kefu/order"
)

var sinkReport order.Report

// BenchmarkTriage triages 100,000 generated orders (rule O2) with every
// built-in check: several addresses of one buyer and repeat orders across
// the batch, unknown address, unsatisfiable message, unconfirmed cash on
// delivery, and real stock allocated by payment time (rule O3), with one
// SKU in fifty sold out and one oversold; 18% of the orders are problem
// orders. Budget: ≥ 2,000,000 orders/s on one core.
//
// Measured with GOMAXPROCS=1 on the 2-core shared AMD EPYC VM, go1.26,
// eleven runs of -benchtime 50x: 2.0–2.5 million orders/s (40–51 ms per
// batch of 100,000; the spread is the load other processes put on the
// VM — run interleaved with the version before the stock allocation, both
// took 39–41 ms), 0.0003 allocs/order (30 allocations per batch, none per
// order), 13.5 MB per batch. The grouping tables are pointer-free, so the
// garbage collector does not scan them. Re-measured when a Finding gained
// the order ID it carries once decoded from JSON and the triage's spans
// lost theirs (six runs of -benchtime 20x): 42.5–49 ms per batch, 13.0 MB,
// 30 allocations. Re-measured after triagefast (SKUs numbered in the
// first pass, buyers grouped without a (buyer, SKU) table; see
// internal/perftest's BenchmarkTriageCores), -cpu 1 -count 2 -benchtime
// 20x, interleaved with main's binary at load 2: 44–54 ms per batch
// against main's 66–87 ms in the same minute (medians 46 and 74: 0.62×),
// 15.7 MB against 16.4, 57 allocations against 40.
func BenchmarkTriage(b *testing.B) {
	const n = 100_000
	orders, stock := genOrders(b, n)
	p := order.DefaultTriagePolicy()
	check := order.StockCheck(stock)
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		r, err := p.Triage(orders, now0, check)
		if err != nil {
			b.Fatal(err)
		}
		sinkReport = r
	}
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "orders/s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(n*b.N), "allocs/order")
	b.ReportMetric(float64(len(sinkReport.Findings))/n, "problem-share")
}

// BenchmarkTriageEverySKUOversold is the worst case of the stock
// allocation: every SKU's demand exceeds real stock, so every line is
// sorted by payment time and half the orders are out of stock.
//
// Measured as BenchmarkTriage, eleven runs: 0.76–1.06 million orders/s
// (94–131 ms per batch, most of the extra time sorting 100,000 claims),
// 40 allocations and 33.7 MB per batch; re-measured as BenchmarkTriage
// (four runs of -benchtime 10x): 93–109 ms and 30.4 MB per batch. After
// triagefast, interleaved with main as BenchmarkTriage: 87–98 ms against
// 105–147 (medians 89 and 122: 0.73×), 24.3 MB against 37.9 (a claim's
// SKU position comes from the SKU's number, no per-line table).
func BenchmarkTriageEverySKUOversold(b *testing.B) {
	const n = 100_000
	orders, _ := genOrders(b, n)
	onHand := map[string]int{}
	for k := range 50 {
		onHand["SKU-"+strconv.Itoa(k)] = n / 100
	}
	stock, err := order.NewStock(onHand)
	if err != nil {
		b.Fatal(err)
	}
	p := order.DefaultTriagePolicy()
	check := order.StockCheck(stock)
	b.ReportAllocs()
	for b.Loop() {
		r, err := p.Triage(orders, now0, check)
		if err != nil {
			b.Fatal(err)
		}
		sinkReport = r
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "orders/s")
	b.ReportMetric(float64(len(sinkReport.Findings))/n, "problem-share")
}
