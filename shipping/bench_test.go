package shipping_test

import (
	"testing"
	"time"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

var (
	sinkFree     shipping.FreeShippingDecision
	sinkPromise  shipping.DispatchPromise
	sinkProblems []order.Problem
	sinkReport   shipping.ParcelReport
	sinkErr      error
)

// BenchmarkFreeShipping measures a free-shipping decision on an order
// built beforehand, with the default policy. Budget: ≤ 100 ns/op and
// 0 allocs/op on the project's 2-core machine; measured there at about
// 30 ns/op, 0 B/op, 0 allocs/op.
func BenchmarkFreeShipping(b *testing.B) {
	b.ReportAllocs()
	p := shipping.DefaultPolicy()
	o := build(b, spec("98.99", "0", "10.00"))
	for b.Loop() {
		sinkFree = p.FreeShipping(o)
	}
}

// BenchmarkDispatchPromise measures a dispatch promise with the default
// policy. Measured on the project's 2-core machine: about 300 ns/op (two
// calendar-day look-ups in the zone, rule S6), 0 allocs/op.
func BenchmarkDispatchPromise(b *testing.B) {
	b.ReportAllocs()
	p := shipping.DefaultPolicy()
	paid := t0.Add(7 * time.Hour)
	for b.Loop() {
		sinkPromise, sinkErr = p.DispatchPromise(paid)
	}
}

// BenchmarkChecks measures the five shipping checks on an order without
// problems. Budget: 0 allocs/op (the order package's Check contract).
// Measured on the project's 2-core machine: about 200 ns/op, 0 allocs/op.
func BenchmarkChecks(b *testing.B) {
	b.ReportAllocs()
	checks, _ := shipping.DefaultPolicy().Checks()
	o := build(b, spec("120.00", "0", "0"))
	dst := make([]order.Problem, 0, 4)
	for b.Loop() {
		dst = dst[:0]
		for _, c := range checks {
			dst = c.Inspect(dst, o, t0)
		}
	}
	sinkProblems = dst
}

// BenchmarkClassifyParcel measures classifying a parcel stalled at the
// origin from a five-event history, with the default policy. Measured on
// the project's 2-core machine: about 300 ns/op, 0 allocs/op.
func BenchmarkClassifyParcel(b *testing.B) {
	b.ReportAllocs()
	p := shipping.DefaultPolicy()
	out := t0.Add(8 * time.Hour)
	s := spec("120.00", "0", "0")
	s.Status, s.DispatchedAt = order.AwaitingReceipt, out
	o := build(b, s)
	h := []shipping.TrackingEvent{{At: out, Stage: shipping.Outbound}, {At: out.Add(time.Hour), Stage: shipping.PickedUp},
		{At: out.Add(2 * time.Hour), Stage: shipping.Entered}, {At: out.Add(3 * time.Hour), Stage: shipping.Allocated}}
	now := out.Add(72 * time.Hour)
	for b.Loop() {
		sinkReport, sinkErr = p.ClassifyParcel(o, h, now)
	}
}
