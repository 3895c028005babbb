package shipping_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/perftest"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

var (
	perfSinkFree shipping.FreeShippingDecision
	perfSinkFen  perftest.FenFree
	perfSinkDec  perftest.DecFree
)

// perfFreeSpecs are four typical orders (2–3 lines, text in normal form)
// at the free-shipping edges of the default policy: a cent below the
// threshold, at it through a discount, above it, and above it to a region
// that never ships free.
func perfFreeSpecs() []order.Spec {
	at := time.Date(2026, 11, 2, 10, 0, 0, 0, time.FixedZone("CST", 8*60*60))
	d := decimal.RequireFromString
	mk := func(id, province, postage, discount string, lines ...order.Line) order.Spec {
		return order.Spec{ID: id, Buyer: order.Buyer{ID: "tb_8812", Nick: "小王"}, Lines: lines,
			Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: province,
				City: "杭州市", District: "西湖区", Detail: "文三路12号"},
			Postage: d(postage), Discount: d(discount), Status: order.AwaitingDispatch,
			CreatedAt: at, PaidAt: at.Add(5 * time.Minute)}
	}
	gift := order.Line{SKU: "CUP-01", Title: "品茗杯", Quantity: 1, UnitPrice: d("0.00"), Gift: true}
	return []order.Spec{
		mk("T1", "浙江省", "10.00", "0.00", order.Line{SKU: "TEA-01", Title: "龙井 250g", Quantity: 1, UnitPrice: d("49.50")},
			order.Line{SKU: "TEA-02", Title: "碧螺春", Quantity: 1, UnitPrice: d("49.49")}, gift),
		mk("T2", "江苏省", "0.00", "5.00", order.Line{SKU: "TEA-01", Title: "龙井 250g", Quantity: 2, UnitPrice: d("52.00")}, gift),
		mk("T3", "广东省", "0.00", "0.00", order.Line{SKU: "LX-2201", Title: "羊毛围巾", Quantity: 2, UnitPrice: d("64.25")},
			order.Line{SKU: "TEA-02", Title: "碧螺春", Quantity: 1, UnitPrice: d("19.90")}),
		mk("T4", "新疆维吾尔自治区", "12.00", "0.00", order.Line{SKU: "LX-2201", Title: "羊毛围巾", Quantity: 2, UnitPrice: d("64.25")},
			order.Line{SKU: "TEA-01", Title: "龙井 250g", Quantity: 1, UnitPrice: d("49.50")}, gift),
	}
}

// perfDecideFen is the int64 baseline behind a call the compiler may not
// inline, as kefu's FreeShipping is: the handwritten/int64-call
// sub-benchmark separates the cost of the call from that of the rule.
//
//go:noinline
func perfDecideFen(r *perftest.FenRule, o *perftest.FenOrder) perftest.FenFree { return r.Decide(o) }

// BenchmarkFreeShippingVsHandwritten measures a free-shipping decision
// (rule S1, with S2's postage) on orders built beforehand, with the
// default policy, cycling through the four orders of perfFreeSpecs:
// kefu's prepared policy ([shipping.Prepared.FreeShipping], the call of a
// backend's hot path; kefu/policy is the plain [shipping.Policy.FreeShipping])
// against the same rule written by hand in int64 fen
// ([perftest.FenRule.Decide]) and in shopspring/decimal
// ([perftest.DecRule.Decide]), which must decide the same on every order.
// Issue 13's goal: kefu ≤ 1.5× handwritten/int64, 0 allocs.
//
// Measured before optimising, as ratios of CPU time per op (cpu-ns/op)
// in one run (go1.26, the 2-core shared VM, two runs of -count 6 and 8):
// kefu/int64 15.6–16×, kefu/int64-call 10.6–13.7×, kefu/shopspring
// 0.8–1.35×; 0 allocs on every side (shopspring's shortfall subtraction
// allocates about once in two ops, 10 B/op). Wall times varied ±35–70%
// with the other jobs on the machine.
//
// Measured with the prepared policy (issue 13 stage B; medians of
// cpu-ns/op, two runs of -count 6 and 8 on the same VM under a load
// average of 8): kefu/int64 4.1–5.9×, kefu/int64-call 3.7–4.3×,
// kefu/shopspring 0.35–0.36×, kefu/kefu-policy 0.30–0.40×; 0 allocs.
// The goal of 1.5× is not reached. What is left (CPU profile, and a run
// with the order's amounts stubbed out): the decision is a 56-byte
// struct of seven words, so it is assembled in memory and copied twice
// on the way to the caller's variable, where the int64 baseline returns
// three words inlined into the loop; about a quarter is reading the
// order's net goods and postage as decimals (big.Int pointer chases),
// which a fen accessor on order.Order would remove; with the amounts
// stubbed kefu/int64 is still about 3×.
//
// Measured after perf3 (the order keeps its amounts in fen and shipping
// reads them through internal/orderfen, no decimal; the bridge returns a
// pointer into the order — returning the 40-byte copy made the call
// slower than main's decimal reads, 20 ns against 13.4 in one run),
// medians of cpu-ns/op in one run of -count 6 under a load of 2.3 on 2
// cores: kefu/int64 5.1× (13.1 against 2.56 ns), kefu/int64-call 2.4×,
// kefu/shopspring 0.39×, kefu/kefu-policy 0.27×; 0 allocs. The 1.5×
// goal is not reached. A run against main's code in the same minutes
// gave kefu 13.4–13.8 ns against 12.3–12.7 here: the fen reads saved
// about a tenth. The decision is already returned in registers (seven
// words); storing it into the benchmark's sink costs no more than
// storing only its verdict (a scratch benchmark measured both). What is
// left is the rule itself: the region row, the excluded-SKU pass over the
// lines, the order's region and creation time, all behind one call the
// compiler does not inline, where the int64 baseline is inlined into the
// loop. An inlinable exported fen accessor on order.Order, tried in
// place of the bridge's indirect call, gave kefu 12.5–14.9 ns (median
// 13.5) in a run under a heavier load — no gain that the machine's noise
// lets one see, so the bridge stays unexported.
//
// Measured after the rule table (a policy that decides on region and
// amount alone is tabled per region and side of the threshold, the
// default policy among them), eight runs of -count 2 alternating main's
// test binary with this one, load 3–6 on 2 cores, cpu-ns/op: kefu
// 9.7–11.7 (median 10.2) against main's 11.7–14.8 (median 12.9), a fifth
// less; kefu/int64 3.5× (main 4.3×), kefu/int64-call 2.9×,
// kefu/shopspring 0.30×; 0 allocs. The 1.5× goal is not reached, and
// cannot be by a function the compiler will not inline into the
// caller's loop, as it inlines the int64 rule (go build -gcflags=-m=2):
// the table path alone costs about 140 of the inliner's budget of 80,
// and every call out of it (to the amounts' bridge, to the general path)
// costs 57 more. Out of line, a call and its seven-word decision cost
// more than the int64 rule's whole work (int64-call is 1.2–1.4×
// int64 with no change to the rule). An exported inlinable fen accessor
// on order.Order, tried again with the table, took kefu from 10.1–11.7
// to 8.8–9.5 cpu-ns/op in alternating runs, about a seventh less, with
// the int64 rule at 2.2–3.6 in the same runs: not enough to reach the
// goal, and fen in order's API is what issue 13 rules out, so the
// bridge stays. Nor is inlining the whole of it: built with profile-guided
// optimisation (a CPU profile of kefu's sub-benchmark, go test
// -pgo=profile), the compiler does inline Prepared.FreeShipping into the
// loop (-gcflags=-m says so), and kefu takes 8.4–10.0 cpu-ns/op against
// 10.5–12.3 without (three alternating runs of -count 2), still about 3×
// the int64 rule (2.6–3.5 in those runs). What is left is the decision
// itself: the bridge's indirect call for the amounts, the cell's reads
// and seven words of decision (verdict, reasons, promotion, three
// amounts, units short) where the int64 rule makes three.
//
// That last reading of the profile was wrong about the decision, and
// perf annotate (perf record on the test binary) showed it: 70% of the
// loop's samples sat on the copy of the returned decision into the sink,
// and a fifth of the call's on building it. A struct of more than four
// fields, or more than four words, is not kept in registers by the
// compiler (not SSA-able), so the seven-field decision was assembled in
// the callee's frame, loaded into registers to return, stored to the
// caller's frame and copied out with 16-byte moves that straddle the
// 1- and 8-byte stores just made: a failed store-to-load forwarding on
// every call, a dozen cycles each. A scratch benchmark of a function
// returning seven fields (56 bytes) into a global, against one
// returning four (32 bytes), gave 6.4 against 1.3 ns. The decision is now four words (verdict, reasons,
// promotion and units short packed in one, and three amounts; its parts
// became methods), and internal/orderfen's bridge is a pointer
// conversion the compiler inlines instead of an indirect call through a
// function value. Medians of six runs of -count 6 on a quiet machine
// (load 0.7–1.3), cpu-ns/op: kefu 2.88 against 9.2 before (7.9 with the
// bridge alone); kefu/int64 1.25× (1.42× in another run, the int64 rule
// at 2.0 ns), kefu/int64-call 0.90×, kefu/shopspring 0.11×,
// kefu/kefu-policy 0.12×; 0 allocs. The goal of 1.5× is met. A test
// (TestFreeShippingDecisionFitsInRegisters) fails if the decision grows
// a fifth field or a fifth word.
//
// In a later run the int64 rule measured 1.84 ns and kefu 2.81, 1.52×:
// at the goal rather than under it. A version of the table's path with
// no fallback call measured 2.35 ns against 2.8: the call to the general
// path, even untaken, gave the function a frame and a stack check. So
// Prepare now sets a function for the policy's path (the table's, which
// calls nothing and runs without a frame, or the general one), and
// FreeShipping, one call through it, inlines into the caller. Three
// alternating runs of -count 2 against the binary before: kefu 2.50–2.81
// against 2.74–3.02 cpu-ns/op, the int64 rule 1.94–2.05 in the same
// minutes: kefu/int64 1.25–1.4×.
func BenchmarkFreeShippingVsHandwritten(b *testing.B) {
	p := shipping.DefaultPolicy()
	pp, err := shipping.Prepare(p)
	if err != nil {
		b.Fatal(err)
	}
	fr, err := perftest.NewFenRule(p)
	if err != nil {
		b.Fatal(err)
	}
	dr, err := perftest.NewDecRule(p)
	if err != nil {
		b.Fatal(err)
	}
	var ks [4]*order.Order
	var fs [4]perftest.FenOrder
	var ds [4]perftest.DecOrder
	for i, s := range perfFreeSpecs() {
		o, err := order.New(s)
		if err != nil {
			b.Fatal(err)
		}
		ks[i] = &o
		h := perftest.HandSpecOf(s)
		if fs[i], err = perftest.BuildFen(&h); err != nil {
			b.Fatal(err)
		}
		if ds[i], err = perftest.BuildDec(&h); err != nil {
			b.Fatal(err)
		}
		k, f, d := pp.FreeShipping(ks[i]), fr.Decide(&fs[i]), dr.Decide(&ds[i])
		if k != p.FreeShipping(ks[i]) || k.Eligible() != f.Eligible || k.Eligible() != d.Eligible || !k.Shortfall().Equal(d.Shortfall) ||
			!k.ShouldCharge().Equal(d.ShouldCharge) || !k.Shortfall().Equal(decimal.New(f.Shortfall, -2)) {
			b.Fatalf("order %d: kefu %v %s %s, int64 %+v, shopspring %+v", i, k.Eligible(), k.Shortfall(), k.ShouldCharge(), f, d)
		}
	}
	b.Run("kefu", func(b *testing.B) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkFree = pp.FreeShipping(ks[i&3])
		}
		cpu.Report(b, 1, "op")
	})
	b.Run("kefu/policy", func(b *testing.B) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkFree = p.FreeShipping(ks[i&3])
		}
		cpu.Report(b, 1, "op")
	})
	b.Run("handwritten/int64", func(b *testing.B) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkFen = fr.Decide(&fs[i&3])
		}
		cpu.Report(b, 1, "op")
	})
	b.Run("handwritten/int64-call", func(b *testing.B) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkFen = perfDecideFen(&fr, &fs[i&3])
		}
		cpu.Report(b, 1, "op")
	})
	b.Run("handwritten/shopspring", func(b *testing.B) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkDec = dr.Decide(&ds[i&3])
		}
		cpu.Report(b, 1, "op")
	})
}
