package order_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/perftest"
	"github.com/kefu-go/kefu/order"
)

var (
	perfSinkOrder order.Order
	perfSinkDec   perftest.DecOrder
	perfSinkFen   perftest.FenOrder
	perfSinkErr   error
)

// perfSpecs are two typical orders as the platform sends them, text
// already in normal form: two lines of goods and a gift with postage and
// a discount, and two lines of goods.
func perfSpecs() [2]order.Spec {
	at := time.Date(2026, 11, 11, 0, 5, 0, 0, time.FixedZone("CST", 8*60*60))
	d := decimal.RequireFromString
	a := order.Address{Recipient: "王芳", Phone: "13800135678", Province: "浙江省", City: "杭州市",
		District: "西湖区", Detail: "文三路12号"}
	return [2]order.Spec{
		{ID: "T20261111000123", Buyer: order.Buyer{ID: "tb_8812", Nick: "小鹿"},
			Lines: []order.Line{
				{SKU: "LX-2201", Title: "羊毛围巾", Quantity: 2, UnitPrice: d("64.25")},
				{SKU: "TEA-01", Title: "龙井 250g", Quantity: 1, UnitPrice: d("49.50"), WeightGrams: 300},
				{SKU: "CUP-01", Title: "品茗杯", Quantity: 1, UnitPrice: d("0.00"), Gift: true},
			},
			Address: a, Postage: d("10.00"), Discount: d("5.00"), Status: order.AwaitingDispatch,
			CreatedAt: at, PaidAt: at.Add(5 * time.Minute)},
		{ID: "T20261111000124", Buyer: order.Buyer{ID: "tb_9001"},
			Lines: []order.Line{
				{SKU: "BAG-07", Title: "帆布包", Quantity: 1, UnitPrice: d("39.90")},
				{SKU: "PEN-11", Title: "钢笔", Quantity: 3, UnitPrice: d("19.99")},
			},
			Address: a, Postage: d("0.00"), Discount: d("0.00"), Status: order.AwaitingPayment, CreatedAt: at},
	}
}

// BenchmarkNewVsHandwritten measures building a typical order of 2–3
// lines whose text is already in normal form (the common case from the
// platform), alternating the two orders of perfSpecs: kefu's [order.New]
// against the construction a backend writes by hand — checks of IDs,
// lines, quantities, amounts and the discount, and the goods, net and
// paid totals — in shopspring/decimal ([perftest.BuildDec]) and in int64
// fen ([perftest.BuildFen]), which keep the spec's lines and text as they
// are. Issue 13's goal: kefu ≤ 4 allocs and ≤ 1 µs on the project's
// 2-core machine.
//
// Measured before optimising, as ratios of CPU time per op (cpu-ns/op)
// in one run (go1.26, the 2-core shared VM, two runs of -count 6 and 8):
// kefu/shopspring 6.4–7.8×, kefu/int64 62–82×; kefu 5.7–6.5 µs of CPU
// and 19 allocs/op, shopspring 13, int64 0.
//
// Measured after (text already normal checked in one pass over its bytes
// and returned as it is — IDs, SKUs, keys and digits too; no field names
// built unless a check fails; the three derived totals from one
// allocation), in one run of -count 6 with the machine's load at 5–7 on
// 2 cores: kefu/shopspring 0.9–1.4× of CPU time (medians 0.87 and 0.75
// µs: 1.15×), kefu/int64 7–20×; 2 allocs/op (the lines and the totals'
// block), shopspring 13, int64 0. kefu's CPU time per op, 0.68–1.05 µs
// under that load, is at or below 1 µs; with shopspring at its
// quiet-machine 0.42 µs it would be about 0.5 µs.
//
// Measured after perf3 (the derived totals kept as int64 fen in the
// order, the decimal built only when an accessor is called; no unsafe),
// one run of -count 3 on the loaded machine: kefu/shopspring 0.83–1.2×
// of CPU time, 1 alloc/op (the lines), shopspring 13, int64 0.
//
// Measured after newfast (one pass over an address already in normal
// form, each line normalised in place in the order, the times checked
// without naming them, Chinese text stepped over without decoding), one
// run of -count 5, load about 2: kefu/shopspring 0.68× of CPU time
// (medians 460 and 672 cpu-ns/op), 1 alloc/op, shopspring 13; kefu
// against main's kefu, six interleaved runs of each: 0.84× (medians 526
// and 627 cpu-ns/op).
func BenchmarkNewVsHandwritten(b *testing.B) {
	specs := perfSpecs()
	var hand [2]perftest.HandSpec
	for i, s := range specs {
		o, err := order.New(s)
		if err != nil {
			b.Fatal(err)
		}
		hand[i] = perftest.HandSpecOf(s)
		h, err := perftest.BuildDec(&hand[i])
		if err != nil || !h.Paid.Equal(o.Paid()) || !h.Net.Equal(o.NetGoods()) {
			b.Fatalf("order %d: kefu paid %s net %s, handwritten %s %s %v", i, o.Paid(), o.NetGoods(), h.Paid, h.Net, err)
		}
		f, err := perftest.BuildFen(&hand[i])
		if err != nil || !decimal.New(f.Paid, -2).Equal(o.Paid()) {
			b.Fatalf("order %d: kefu paid %s, int64 %d %v", i, o.Paid(), f.Paid, err)
		}
	}
	b.Run("kefu", func(b *testing.B) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkOrder, perfSinkErr = order.New(specs[i&1])
		}
		cpu.Report(b, 1, "op")
	})
	b.Run("handwritten/shopspring", func(b *testing.B) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkDec, perfSinkErr = perftest.BuildDec(&hand[i&1])
		}
		cpu.Report(b, 1, "op")
	})
	b.Run("handwritten/int64", func(b *testing.B) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkFen, perfSinkErr = perftest.BuildFen(&hand[i&1])
		}
		cpu.Report(b, 1, "op")
	})
}

// TestNewTypicalOrderAllocates pins issue 13's allocation goal for
// [order.New]: a typical order whose text is already in normal form costs
// at most 4 allocations (the lines: 1 today; the derived totals are kept
// in fen and cost nothing).
func TestNewTypicalOrderAllocates(t *testing.T) {
	specs := perfSpecs()
	for i := range specs {
		allocs := testing.AllocsPerRun(200, func() { perfSinkOrder, perfSinkErr = order.New(specs[i]) })
		require.NoError(t, perfSinkErr)
		assert.LessOrEqual(t, allocs, 4.0, "order %d", i)
	}
}

// TestNewStillNormalisesText: the fast paths that take text already in
// normal form as it is do not skip text that is not — full-width digits
// and letters, runs of spaces, a phone with separators, an ideographic
// space — which builds the same order as its normal form (rules N1, O2:
// one address, one SKU, whatever the spelling).
func TestNewStillNormalisesText(t *testing.T) {
	clean := perfSpecs()[0]
	messy := clean
	messy.ID = " T20261111000123"
	messy.Buyer = order.Buyer{ID: "ｔｂ_８８１２", Nick: " 小鹿\u200b"}
	messy.Lines = []order.Line{
		{SKU: "ＬＸ－２２０１", Title: "羊毛围巾", Quantity: 2, UnitPrice: decimal.RequireFromString("64.25")},
		{SKU: "TEA-01", Title: "龙井\u3000 ２５０ｇ", Quantity: 1, UnitPrice: decimal.RequireFromString("49.5"), WeightGrams: 300},
		{SKU: "CUP-01 ", Title: "品茗杯", Quantity: 1, UnitPrice: decimal.Zero, Gift: true},
	}
	messy.Address.Phone = "138-0013 5678"
	messy.Address.Detail = "文三路１２号"
	messy.Address.City = "杭州市 "
	a, err := order.New(clean)
	require.NoError(t, err)
	b, err := order.New(messy)
	require.NoError(t, err)
	assert.Equal(t, a.ID(), b.ID())
	assert.Equal(t, a.Buyer(), b.Buyer())
	require.Equal(t, a.NumLines(), b.NumLines())
	for i := range a.NumLines() {
		la, lb := a.Line(i), b.Line(i)
		assert.Equal(t, la.SKU, lb.SKU, "line %d", i)
		assert.Equal(t, la.Title, lb.Title, "line %d", i)
		assert.Equal(t, int32(-2), lb.UnitPrice.Exponent(), "line %d: two decimals", i)
		assert.True(t, la.UnitPrice.Equal(lb.UnitPrice), "line %d", i)
	}
	assert.Equal(t, a.Address(), b.Address())
	assert.Equal(t, a.AddressKey(), b.AddressKey())
	assert.True(t, a.Paid().Equal(b.Paid()))
	assert.Equal(t, "13800135678", b.Address().Phone)
}

// amountTexts are amounts as the fixture of issue 13 holds them (prices,
// postage, the usual zero discount and a gift's zero price).
var amountTexts = [...]string{"128.50", "0.00", "10.00", "64.25", "0.00", "19.99", "8.00", "0.00"}

// BenchmarkParseAmount reads amount text into decimals: kefu's
// [order.ParseAmount] against decimal.NewFromString, which a backend
// without it calls (and whose "128.5" order.New then rebuilds with two
// decimals). The issue 13 question is whether a public parser is worth
// having: it is if it costs measurably less than NewFromString.
//
// Measured (go1.26, the 2-core shared VM, one run of -count 5, load
// about 2): kefu costs 0.52× handwritten's CPU per amount (medians 44.4
// and 85.8 cpu-ns/amount; ranges 39–50 and 83–112) and 25 B against 37 B
// per amount: 1.25 allocations against 1.6 over these texts, since a zero
// costs kefu nothing and NewFromString one, and any other amount costs
// both the two of decimal.New (its big.Int and word; go1.26's
// big.NewInt does not avoid them once the Int escapes into a decimal).
func BenchmarkParseAmount(b *testing.B) {
	run := func(b *testing.B, parse func(string) (decimal.Decimal, error)) {
		b.ReportAllocs()
		cpu := perftest.StartCPU()
		for i := 0; b.Loop(); i++ {
			perfSinkAmount, perfSinkErr = parse(amountTexts[i%len(amountTexts)])
		}
		cpu.Report(b, 1, "amount")
	}
	b.Run("kefu", func(b *testing.B) { run(b, order.ParseAmount) })
	b.Run("handwritten", func(b *testing.B) { run(b, decimal.NewFromString) })
}

var perfSinkAmount decimal.Decimal
