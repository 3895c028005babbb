package notes_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

var (
	sinkBytes    []byte
	sinkNote     notes.Note
	sinkErr      error
	sinkPromises []notes.Promise
)

// BenchmarkRenderNote measures rendering an address-change note, the
// longest kind, into a reused buffer. Measured (2 shared cores, AMD
// EPYC, go1.26): 0.22 µs/op, 0 B/op, 0 allocs/op with private word
// tables; with the words looked up in kefu's catalogs (issue 14, stage
// B), about 1.5× that in one run, still 0 allocs/op.
func BenchmarkRenderNote(b *testing.B) {
	b.ReportAllocs()
	n, err := notes.NormalizeNote(addressNote())
	if err != nil {
		b.Fatal(err)
	}
	buf := make([]byte, 0, 512)
	for b.Loop() {
		sinkBytes = n.AppendFormat(buf[:0], order.SimplifiedChinese, cst)
	}
}

// BenchmarkParseNote measures parsing that line back, normalisation and
// checks included. Measured (same machine): 7.3–8.0 µs/op (up to
// 21 µs/op under load), 640 B/op, 5 allocs/op (the strings of the note
// and its address); Unicode normalisation of the Chinese line is most of
// the time.
func BenchmarkParseNote(b *testing.B) {
	b.ReportAllocs()
	n, err := notes.NormalizeNote(addressNote())
	if err != nil {
		b.Fatal(err)
	}
	line := n.String()
	for b.Loop() {
		sinkNote, sinkErr = notes.ParseNote(line)
	}
}

// BenchmarkOverdue lists the promises overdue at now among 1,000,000 open
// ones of which 10 are overdue; the budget is 1 ms. Both the explicit
// [notes.Ledger] (binary search on due time) and the [notes.Tracker]
// (heap walk) find them without a scan. Measured (2 cores shared with
// other jobs, AMD EPYC, go1.26): ledger 0.83–1.0 µs/op, 2304 B/op,
// 1 alloc/op (the result); tracker 4.9–7.2 µs/op, 19 µs/op once under
// heavy load, 7456 B/op, 5 allocs/op (the result and the walk's stack) —
// both far below the 1 ms budget.
func BenchmarkOverdue(b *testing.B) {
	const n = 1_000_000
	const overdue = 10
	now := t0.Add(time.Hour)
	ps := make([]notes.Promise, n)
	for i := range ps {
		due := now.Add(time.Duration(i-overdue) * time.Second)
		ps[i] = openPromise("p"+strconv.Itoa(i), notes.DispatchBy, due)
	}
	// Shuffle deterministically so the heap is not built from sorted input.
	for i := range ps {
		j := (i * 7919) % n
		ps[i], ps[j] = ps[j], ps[i]
	}
	b.Run("ledger", func(b *testing.B) {
		l, err := notes.NewLedger(ps)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			sinkPromises = l.Overdue(now)
		}
		if len(sinkPromises) != overdue {
			b.Fatalf("got %d overdue, want %d", len(sinkPromises), overdue)
		}
	})
	b.Run("tracker", func(b *testing.B) {
		tr, err := notes.NewTracker(ps)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			sinkPromises = tr.Overdue(now)
		}
		if len(sinkPromises) != overdue {
			b.Fatalf("got %d overdue, want %d", len(sinkPromises), overdue)
		}
	})
}
