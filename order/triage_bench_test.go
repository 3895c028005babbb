package order_test

import (
	"runtime"
	"testing"

	"github.com/kefu-go/kefu/order"
)

var sinkReport order.Report

// BenchmarkTriage triages 100,000 generated orders (rule O2) with every
// built-in check: several addresses of one buyer and repeat orders across
// the batch, unknown address, unsatisfiable message, unconfirmed cash on
// delivery, and out of stock against a snapshot. About one order in four
// is a problem order. Budget: ≥ 2,000,000 orders/s on one core.
//
// Measured (GOMAXPROCS=1, 2-core shared VM, go1.26):
// see the report in the commit message; numbers below are updated by hand.
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
}
