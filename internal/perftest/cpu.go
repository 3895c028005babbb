package perftest

import (
	"testing"
	"time"
)

// CPU is the process's CPU time at the start of a measurement. On a
// shared machine a benchmark's wall time includes the time other
// processes took the cores; the CPU time the test process spent (the
// benchmark's goroutine and the garbage collector's workers, on every
// thread) does not, so ratios of it stay meaningful under load.
type CPU struct {
	start time.Duration
	ok    bool
}

// StartCPU starts a CPU-time measurement.
func StartCPU() CPU {
	t, ok := processCPU()
	return CPU{t, ok}
}

// Report reports the CPU time spent since c started per unit of work,
// with b.N × perOp units, as the metric "cpu-ns/"+unit, e.g. "cpu-ns/op"
// or "cpu-ns/order". It reports nothing where the platform does not tell
// a process's CPU time.
func (c CPU) Report(b *testing.B, perOp float64, unit string) {
	t, ok := processCPU()
	if !ok || !c.ok || b.N == 0 {
		return
	}
	b.ReportMetric(float64(t-c.start)/(float64(b.N)*perOp), "cpu-ns/"+unit)
}

// Elapsed returns the process's CPU time since c started, and false
// where the platform does not tell it.
func (c CPU) Elapsed() (time.Duration, bool) {
	t, ok := processCPU()
	return t - c.start, ok && c.ok
}

// ReportCores reports how many cores the process kept busy on average
// while b ran: its CPU time since c started over b's elapsed time, as the
// metric "cores". A computation that runs on one goroutine stays at or
// below about 1 (plus the garbage collector's share); one that uses two
// cores fully approaches 2. Other processes on the machine lower it.
func (c CPU) ReportCores(b *testing.B) {
	t, ok := processCPU()
	if e := b.Elapsed(); ok && c.ok && e > 0 {
		b.ReportMetric(float64(t-c.start)/float64(e), "cores")
	}
}
