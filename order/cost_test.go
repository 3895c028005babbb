package order_test

import (
	"encoding/json"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/order"
)

// maxCostRatio is how many times longer an input a thousand times larger
// (1 kB → 1 MB) or a hundred times larger (1,000 → 100,000 items) may
// take: linear work gives about 1,000 or 100, n log n a little more, and
// quadratic work a million or ten thousand (issue 10, "cost of hostile
// input").
const maxCostRatio = 1500

// assertLinearCost fails t when large costs more than maxCostRatio times
// small, in CPU time of the test's thread (internal/costtest), so that
// other work on a shared machine does not count.
func assertLinearCost(t *testing.T, small, large func()) {
	t.Helper()
	costtest.AssertLinear(t, small, large, maxCostRatio)
}

// elements returns a JSON array of k copies of elem.
func elements(elem string, k int) string {
	var b strings.Builder
	b.WriteByte('[')
	for i := range k {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strings.ReplaceAll(elem, "%d", strconv.Itoa(i)))
	}
	b.WriteByte(']')
	return b.String()
}

const kB, mB = 1 << 10, 1 << 20

// TestLinearCost is issue 10's "cost of hostile input" for every public
// parser, decoder and constructor of package order: the same input at
// 1 kB and at 1 MB (or 1,000 and 100,000 items) takes at most
// maxCostRatio times longer, whether the large one is refused after a
// length check or decoded in full. Hostile shapes: a megabyte of text of
// combining marks, of digits in an amount, of elements in a list, of an
// unknown key's value.
func TestLinearCost(t *testing.T) {
	good, err := json.Marshal(order.MustNew(paidSpec()))
	if err != nil {
		t.Fatal(err)
	}
	decode := func(v func() any, b []byte) func() { return func() { _ = json.Unmarshal(b, v()) } }
	newOrder := func() any { return new(order.Order) }
	newSpec := func() any { return new(order.Spec) }
	type pair struct {
		name         string
		small, large func()
	}
	var cases []pair
	for _, c := range []struct {
		name, old, unit string
	}{
		{"buyer message of combining marks", `"nick":"小王"`, "\u0301"},
		{"digits of an amount", `"postage":"10.00"`, "9"},
		{"an unknown key's value", `"postage":"10.00"`, `x`},
		{"lines", `"lines":[`, `{"sku":"A","quantity":1,"unit_price":"1.00"},`},
	} {
		old, unit := c.old, c.unit
		var wrap func(string) string
		switch c.name {
		case "buyer message of combining marks":
			wrap = func(r string) string { return `"nick":"e` + r + `"` }
		case "digits of an amount":
			wrap = func(r string) string { return `"postage":"` + r + `"` }
		case "an unknown key's value":
			wrap = func(r string) string { return `"postage":"10.00","extra":"` + r + `"` }
		case "lines":
			wrap = func(r string) string { return `"lines":[` + r }
		}
		mkJSON := func(n int) []byte {
			k := max(1, (n-len(good))/len(unit))
			return []byte(strings.Replace(string(good), old, wrap(strings.Repeat(unit, k)), 1))
		}
		small, large := mkJSON(kB), mkJSON(mB)
		cases = append(cases,
			pair{"order JSON: " + c.name, decode(newOrder, small), decode(newOrder, large)},
			pair{"Spec JSON: " + c.name, decode(newSpec, small), decode(newSpec, large)})
	}

	addr := func(n int) string {
		return "张三,13812345678,浙江省,杭州市,西湖区,文三路" + strings.Repeat("\u0301", n/2)
	}
	smallAddr, largeAddr := addr(kB), addr(mB)
	cases = append(cases, pair{"ParseAddress", func() { _, _ = order.ParseAddress(smallAddr) }, func() { _, _ = order.ParseAddress(largeAddr) }})
	sa, la := hangzhou(), hangzhou()
	sa.Detail, la.Detail = strings.Repeat("号", kB/3), strings.Repeat("号", mB/3)
	cases = append(cases, pair{"NormalizeAddress", func() { _, _ = order.NormalizeAddress(sa) }, func() { _, _ = order.NormalizeAddress(la) }})

	pattern := `{"contains":"pattern %d","reason":"message_unsatisfiable"}`
	policy := func(n int) []byte {
		return []byte(`{"unsatisfiable_messages":` + elements(pattern, n/len(pattern)) + `}`)
	}
	sp, lp := policy(kB), policy(mB)
	newPolicy := func() any { p := order.DefaultTriagePolicy(); return &p }
	cases = append(cases, pair{"TriagePolicy JSON", decode(newPolicy, sp), decode(newPolicy, lp)})

	finding := `{"order_id":"T%d","categories":["cod_unconfirmed"],"problems":[{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"}]}`
	report := func(n int) []byte {
		k := n / len(finding)
		return []byte(`{"at":"2026-11-11T12:30:00+08:00","checked":` + strconv.Itoa(k) + `,"skipped":0,"findings":` + elements(finding, k) + `}`)
	}
	// Order IDs sort as strings: T0, T1, T10 … are not in order, so the
	// large report would be refused once it met T10; give each a fixed
	// width, so that it decodes in full.
	sr, lr := padIDs(report(kB)), padIDs(report(mB))
	cases = append(cases, pair{"Report JSON", decode(func() any { return new(order.Report) }, sr), decode(func() any { return new(order.Report) }, lr)})

	alloc := `{"order_id":"A%d","ordered":1,"allocated":1,"short":0,"short_value":"0.00","offers":[],"request_compensation":false,"reasons":[]}`
	plan := func(n int) []byte {
		k := n / len(alloc)
		return []byte(`{"sku":"X","on_hand":` + strconv.Itoa(k) + `,"demand":` + strconv.Itoa(k) + `,"oversold":false,"allocations":` +
			elements(alloc, k) + `,"set_listed_stock_zero":true,"reasons":["stock_exhausted"]}`)
	}
	spl, lpl := plan(kB), plan(mB)
	cases = append(cases, pair{"OversellPlan JSON", decode(func() any { return new(order.OversellPlan) }, spl), decode(func() any { return new(order.OversellPlan) }, lpl)})

	row := `{"order_id":"T%d","buyer_id":"b","region":"zhejiang","placed_at":"2026-11-11T09:40:00+08:00","age":"2h20m0s","reasons":["order.cod_unconfirmed"]}`
	digest := func(n int) []byte {
		k := n / len(row)
		return []byte(`{"at":"2026-11-11T12:00:00+08:00","next":"2026-11-11T14:00:00+08:00","orders":` + strconv.Itoa(k) +
			`,"groups":[{"category":"cod_unconfirmed","count":` + strconv.Itoa(k) + `,"rows":` + elements(row, k) + `}]}`)
	}
	sd, ld := digest(kB), digest(mB)
	cases = append(cases, pair{"Digest JSON", decode(func() any { return new(order.Digest) }, sd), decode(func() any { return new(order.Digest) }, ld)})

	reasons := func(n int) []byte {
		return []byte(`{"verdict":"refused","action":"confirm_with_buyer","reasons":` + elements(`"cod_unconfirmed"`, n/18) + `}`)
	}
	sc, lc := reasons(kB), reasons(mB)
	cases = append(cases, pair{"CODDecision JSON", decode(func() any { return new(order.CODDecision) }, sc), decode(func() any { return new(order.CODDecision) }, lc)})
	slow := func(n int) []byte {
		return []byte(`{"since":"2026-11-11T20:00:00+08:00","day":1,"rounds":` +
			elements(`{"round":"evening","start":"2026-11-11T20:00:00+08:00","end":"2026-11-12T09:00:00+08:00","missing":[]}`, n/110) + `}`)
	}
	ss, ls := slow(kB), slow(mB)
	cases = append(cases, pair{"SlowReview JSON", decode(func() any { return new(order.SlowReview) }, ss), decode(func() any { return new(order.SlowReview) }, ls)})
	shortage := func(n int) []byte { return []byte(`{"sku":"` + strings.Repeat("A", n) + `","ordered":2,"on_hand":1}`) }
	ssh, lsh := shortage(kB), shortage(mB)
	cases = append(cases, pair{"Shortage JSON", decode(func() any { return new(order.Shortage) }, ssh), decode(func() any { return new(order.Shortage) }, lsh)})

	// The large lists decode in full: the cost measured is the decoder's
	// work, not an early refusal.
	for _, c := range []struct {
		v any
		b []byte
	}{{new(order.Report), lr}, {new(order.OversellPlan), lpl}, {new(order.Digest), ld}, {new(order.CODDecision), lc}} {
		if err := json.Unmarshal(c.b, c.v); err != nil {
			t.Fatalf("%T: %v", c.v, err)
		}
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { assertLinearCost(t, c.small, c.large) })
	}
}

// padIDs gives the order IDs T0, T1 … of a generated report a fixed width
// (T0000000, T0000001 …), so that they sort as the report requires.
func padIDs(b []byte) []byte {
	s := string(b)
	var out strings.Builder
	for {
		i := strings.Index(s, `"order_id":"T`)
		if i < 0 {
			out.WriteString(s)
			return []byte(out.String())
		}
		i += len(`"order_id":"T`)
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		out.WriteString(s[:i])
		out.WriteString(strings.Repeat("0", 8-(j-i)))
		out.WriteString(s[i:j])
		s = s[j:]
	}
}

// TestLinearCostItems is TestLinearCost for the constructors that take
// many items: NewStock with 1,000 and 100,000 SKUs, and a triage of
// 1,000 and 100,000 orders with every built-in check and real stock
// allocated across the batch (rule O2).
func TestLinearCostItems(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	stock := func(n int) map[string]int {
		m := make(map[string]int, n)
		for i := range n {
			m["SKU-"+strconv.Itoa(i)] = i
		}
		return m
	}
	sst, lst := stock(1000), stock(100_000)
	t.Run("NewStock", func(t *testing.T) {
		assertLinearCost(t, func() { _, _ = order.NewStock(sst) }, func() { _, _ = order.NewStock(lst) })
	})
	smallBatch, st := genOrders(t, 1000)
	largeBatch, lt := genOrders(t, 100_000)
	p := order.DefaultTriagePolicy()
	sCheck, lCheck := order.StockCheck(st), order.StockCheck(lt)
	t.Run("Triage", func(t *testing.T) {
		// On one goroutine: the test times its own thread, and a large
		// batch is otherwise triaged on several.
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
		assertLinearCost(t, func() { _, _ = p.Triage(smallBatch, now0, sCheck) }, func() { _, _ = p.Triage(largeBatch, now0, lCheck) })
	})
}
