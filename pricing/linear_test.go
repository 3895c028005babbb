package pricing_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// maxCostRatio bounds how much longer a public parser, decoder or
// constructor may take on an input 1,000 times larger (1 kB and 1 MB, or
// 1,000 and 100,000 items): linear cost with room for noise. Quadratic
// work — decimal's parser on a megabyte of digits, pairwise period
// checks, a scan of every spent approval — is 10^3 to 10^6 over it.
const maxCostRatio = 1500

const (
	kB = 1 << 10
	MB = 1 << 20
)

// costCase is one public entry point fed an input of size n: bytes for
// text, items for lists.
type costCase struct {
	name        string
	small, big  int
	make        func(n int) func() // builds the input of size n, outside the timing
	maxRatio    float64            // 0: maxCostRatio
	mustRefuse  bool               // the input is above a bound: the call fails
	mustSucceed bool
}

// jsonDecode returns a call that decodes b into a fresh value of newV's
// type and reports its error.
func jsonDecode(b []byte, newV func() any) func() error {
	return func() error { return json.Unmarshal(b, newV()) }
}

func digits(n int) string { return strings.Repeat("9", n) }

// spentList is n Spent records expiring a second apart.
func spentList(n int) pricing.Used {
	u := pricing.Used{Approvals: make([]pricing.Spent, n)}
	for i := range u.Approvals {
		u.Approvals[i] = pricing.Spent{ID: "s-" + strconv.Itoa(i), OrderID: "T2001",
			Expires: t0.Add(time.Hour + time.Duration(i)*time.Second), At: t0}
	}
	return u
}

// periods is n touching one-hour periods with the default limits.
func periods(n int) []pricing.Period {
	l := pricing.DefaultPolicy().Limits
	ps := make([]pricing.Period, n)
	for i := range ps {
		s := t0.Add(time.Duration(i) * time.Hour)
		ps[i] = pricing.Period{Name: "p" + strconv.Itoa(i), Start: s, End: s.Add(time.Hour), Limits: l}
	}
	return ps
}

// periodsJSON is a policy file of about n bytes of periods without
// limits, listed backwards.
func periodsJSON(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"periods":[`)
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		s := time.Date(9000, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(i) * time.Hour)
		b.WriteString(`{"name":"p` + strconv.Itoa(i) + `","start":"` + s.Format(time.RFC3339) + `","end":"` + s.Add(time.Hour).Format(time.RFC3339) + `"}`)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

func costCases() []costCase {
	p := pricing.DefaultPolicy()
	o := unpaid()
	policy := func() any { q := pricing.DefaultPolicy(); return &q }
	fail := func(f func() error) func() { return func() { sinkErr = f() } }
	return []costCase{
		// Decoders.
		{name: "Policy JSON: a long number (issue 10 #8)", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"limits":{"erase_percent":`+digits(n)+`}}`), policy))
		}},
		{name: "Policy JSON: a long amount text", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"limits":{"team_leader":{"gift":"`+digits(n)+`.00"}}}`), policy))
		}},
		{name: "Policy JSON + Validate: a long zone", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			b := []byte(`{"zone":"` + strings.Repeat("A", n) + `"}`)
			return func() {
				q := pricing.DefaultPolicy()
				if sinkErr = json.Unmarshal(b, &q); sinkErr == nil {
					sinkErr = q.Validate()
				}
			}
		}},
		{name: "Policy JSON + Validate: many periods", small: kB, big: MB, mustSucceed: true, make: func(n int) func() {
			b := periodsJSON(n)
			return func() {
				q := pricing.DefaultPolicy()
				if sinkErr = json.Unmarshal(b, &q); sinkErr == nil {
					sinkErr = q.Validate()
				}
			}
		}},
		{name: "Policy.Validate: periods (issue 10 #10)", small: 1000, big: 100_000, mustSucceed: true, make: func(n int) func() {
			q := pricing.DefaultPolicy()
			q.Periods = periods(n)
			return func() { sinkErr = q.Validate() }
		}},
		{name: "Decision JSON: a long amount", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"verdict":"allowed","amount":"`+digits(n)+`"}`), func() any { return new(pricing.Decision) }))
		}},
		{name: "Decision JSON: a long period name", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"verdict":"allowed","period":"`+strings.Repeat("x", n)+`"}`), func() any { return new(pricing.Decision) }))
		}},
		{name: "Decision JSON: many reasons", small: kB, big: MB, mustSucceed: true, make: func(n int) func() {
			list := strings.Repeat(`"beyond_authority",`, n/19)
			return fail(jsonDecode([]byte(`{"verdict":"allowed","reasons":[`+list+`"over_share"]}`), func() any { return new(pricing.Decision) }))
		}},
		{name: "Request JSON: a long amount", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"order_id":"T2001","kind":"gift","amount":"`+digits(n)+`"}`), func() any { return new(pricing.Request) }))
		}},
		{name: "Request JSON: a long order ID", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"order_id":"`+strings.Repeat("Ｔ", n/3)+`","kind":"gift","amount":"1.00"}`), func() any { return new(pricing.Request) }))
		}},
		{name: "Request JSON: a long kind", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"order_id":"T2001","kind":"`+strings.Repeat("g", n)+`","amount":"1.00"}`), func() any { return new(pricing.Request) }))
		}},
		{name: "Request JSON: a long promotion name", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"order_id":"T2001","kind":"gift","amount":"1.00","promotion":{"name":"`+strings.Repeat("名", n/3)+
				`","sku":"A","price":"1.00","start":"2026-11-11T00:00:00Z","end":"2026-11-12T00:00:00Z"}}`), func() any { return new(pricing.Request) }))
		}},
		{name: "AgentUsage JSON: a long agent ID", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"agent_id":"`+strings.Repeat("\u0301", n/2)+`","erases":1,"day":"2026-11-11"}`), func() any { return new(pricing.AgentUsage) }))
		}},
		{name: "AgentUsage JSON: a long day", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"agent_id":"a","erases":1,"day":"`+digits(n)+`"}`), func() any { return new(pricing.AgentUsage) }))
		}},
		{name: "OrderUsage JSON: a long order ID", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"order_id":"`+strings.Repeat("T", n)+`","price_changes":1}`), func() any { return new(pricing.OrderUsage) }))
		}},
		{name: "Approval JSON: a long requester name", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"id":"ap-1","order_id":"T2001","kind":"gift","amount":"1.00","requester":{"id":"a","name":"`+
				strings.Repeat("\u0301", n/2)+`","role":"pre_sales"},"approver":{"id":"b","name":"","role":"team_leader"},"expires":"2026-11-10T02:30:00Z"}`),
				func() any { return new(pricing.Approval) }))
		}},
		{name: "Spent JSON: a long ID", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"id":"`+strings.Repeat("a", n)+`","order_id":"T1","expires":"2026-11-10T02:30:00Z","at":"2026-11-10T01:30:00Z"}`),
				func() any { return new(pricing.Spent) }))
		}},
		{name: "Used JSON: many records", small: kB, big: MB, mustSucceed: true, make: func(n int) func() {
			b, _ := json.Marshal(spentList(n / 110))
			return fail(jsonDecode(b, func() any { return new(pricing.Used) }))
		}},
		{name: "Difference JSON: a long amount", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"order_id":"T1","payer":"shop","amount":`+digits(n)+`}`), func() any { return new(pricing.Difference) }))
		}},
		{name: "Promotion JSON: a long SKU", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`{"name":"x","sku":"`+strings.Repeat("A", n)+`","price":"1.00","start":"2026-11-11T00:00:00Z","end":"2026-11-12T00:00:00Z"}`),
				func() any { return new(pricing.Promotion) }))
		}},
		{name: "ReasonSet JSON: many codes", small: kB, big: MB, mustSucceed: true, make: func(n int) func() {
			return fail(jsonDecode([]byte(`[`+strings.Repeat(`"ships_free",`, n/13)+`"exceeds_order"]`), func() any { return new(pricing.ReasonSet) }))
		}},
		// Parsers.
		{name: "ParseToken", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			s := strings.Repeat("A", n)
			return func() { _, sinkErr = pricing.ParseToken(s, shopKey) }
		}},
		{name: "ParseKind", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			s := strings.Repeat("gift", n/4)
			return func() { _, sinkErr = pricing.ParseKind(s) }
		}},
		{name: "ParseCause", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			s := strings.Repeat("x", n)
			return func() { _, sinkErr = pricing.ParseCause(s) }
		}},
		{name: "ParseReason", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			s := strings.Repeat("x", n)
			return func() { _, sinkErr = pricing.ParseReason(s) }
		}},
		// Constructors and rules taking caller text.
		{name: "NewDifference: a long order ID", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			s := strings.Repeat("\u0301", n/2)
			return func() { _, sinkErr = pricing.NewDifference(s, dec("1"), dec("2")) }
		}},
		{name: "NewDifferenceOwed: a long order ID", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			s := strings.Repeat("T", n)
			return func() { _, sinkErr = pricing.NewDifferenceOwed(s, pricing.Transfer, dec("2")) }
		}},
		{name: "Review: a long agent name", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			r := request(order.Agent{ID: "a", Name: strings.Repeat("\u0301", n/2), Role: order.InSales}, o, pricing.Gift, "1.00")
			return func() { _, sinkErr = p.Review(r, noAgent, noOrder) }
		}},
		{name: "Review: a long agent ID", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			r := request(order.Agent{ID: strings.Repeat("ａ", n/3), Role: order.InSales}, o, pricing.Gift, "1.00")
			return func() { _, sinkErr = p.Review(r, noAgent, noOrder) }
		}},
		{name: "Approve: a long approver name", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			r := request(xiaomei, o, pricing.PriceCut, "5.00")
			a := order.Agent{ID: "laowang", Name: strings.Repeat("王", n/3), Role: order.TeamLeader}
			return func() { _, sinkErr = p.Approve(r, noAgent, noOrder, a, "ap-1", t0.Add(time.Hour)) }
		}},
		{name: "Approve: a long approval ID", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			r := request(xiaomei, o, pricing.PriceCut, "5.00")
			id := strings.Repeat("a", n)
			return func() { _, sinkErr = p.Approve(r, noAgent, noOrder, laowang, id, t0.Add(time.Hour)) }
		}},
		{name: "Record: a long usage key", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			r := request(agent("zhang", order.InSales), o, pricing.EraseChange, "0.50")
			au := pricing.AgentUsage{AgentID: strings.Repeat("z", n), Day: "2026-11-10", Erases: 1}
			return func() { _, _, sinkErr = p.Record(r, au, noOrder) }
		}},
		{name: "NewCompensation: a long agent name", small: kB, big: MB, mustRefuse: true, make: func(n int) func() {
			a := order.Agent{ID: "a", Name: strings.Repeat("李", n/3), Role: order.InSales}
			return func() { _, sinkErr = pricing.NewCompensation(pricing.AgentFault, a, o, pricing.Gift, dec("1.00"), t0) }
		}},
		{name: "NewStore: many records", small: 1000, big: 100_000, mustSucceed: true, make: func(n int) func() {
			u := spentList(n)
			return func() { _, sinkErr = pricing.NewStore(u) }
		}},
	}
}

// issue 10 #8: every public parser, decoder and constructor costs time
// linear in its input: the same input at 1 kB and 1 MB (or 1,000 and
// 100,000 items) takes at most maxCostRatio times longer, and an input
// above a documented bound is refused.
func TestLinearCost(t *testing.T) {
	for _, c := range costCases() {
		t.Run(c.name, func(t *testing.T) {
			small, big := c.make(c.small), c.make(c.big)
			big()
			switch {
			case c.mustRefuse && sinkErr == nil:
				t.Fatalf("an input of %d is above the bound and must be refused", c.big)
			case c.mustSucceed && sinkErr != nil:
				t.Fatalf("an input of %d is within the bounds: %v", c.big, sinkErr)
			}
			limit := c.maxRatio
			if limit == 0 {
				limit = maxCostRatio
			}
			costtest.AssertLinear(t, small, big, limit)
		})
	}
}

// issue 10 #11: a redemption costs the same whatever the store holds —
// one lookup and one insertion under the lock — and so does pruning the
// approvals that expire. Before, Store.Redeem copied and scanned the
// whole record: 2,000 times slower at 200,000 spent approvals than at
// none.
func TestStoreRedeemCostIndependentOfSize(t *testing.T) {
	p := pricing.DefaultPolicy()
	r := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
	const calls = 400
	toks := make([]string, 2*calls)
	for i := range toks {
		toks[i] = tokenFor(t, r, "cost-"+strconv.Itoa(i), t0.Add(48*time.Hour+time.Duration(i)*time.Second))
	}
	redeem := func(s *pricing.Store, toks []string) func() {
		i := 0
		return func() {
			if i == len(toks) {
				return // all spent: the remaining rounds time a no-op, counted alike for both sizes
			}
			_, _, sinkErr = s.Redeem(p, toks[i], shopKey, r, noAgent, noOrder)
			i++
		}
	}
	empty, full := storeWith(t, 0), storeWith(t, 200_000)
	var ds, df time.Duration
	for k := range 5 {
		// Each round spends a fresh slice of tokens on each store.
		lo, hi := k*calls/5, (k+1)*calls/5
		f := redeem(empty, toks[lo:hi])
		d := costtest.Once(func() {
			for range hi - lo {
				f()
			}
		})
		if k == 0 || d < ds {
			ds = d
		}
		f = redeem(full, toks[calls+lo:calls+hi])
		d = costtest.Once(func() {
			for range hi - lo {
				f()
			}
		})
		if k == 0 || d < df {
			df = d
		}
	}
	if sinkErr != nil {
		t.Fatal(sinkErr)
	}
	if ratio := float64(df) / float64(ds); ratio > costtest.Limit(20) {
		t.Errorf("a redemption at 200,000 spent approvals costs %.0f× one at none", ratio)
	} else {
		t.Logf("200,000 spent vs none: %.2f×", ratio)
	}
	// Pruning the 100 approvals that expired costs the same in a store of
	// 1,000 and in one of 200,000: a scan would cost 200× more.
	var small time.Duration
	for k := range 3 {
		few := storeWith(t, 1_000)
		d := costtest.Once(func() { few.Prune(t0.Add(time.Hour + 99*time.Second)) })
		if k == 0 || d < small {
			small = d
		}
	}
	big := costtest.Once(func() { full.Prune(t0.Add(time.Hour + 99*time.Second)) }) // forgets 100 of 200,000
	// A heap pop is log n, and a 20 MB heap misses the cache: some tens
	// of times, where a scan is hundreds.
	if ratio := float64(big) / float64(small); ratio > costtest.Limit(40) {
		t.Errorf("pruning 100 approvals of 200,000 took %.0f× pruning 100 of 1,000 (%s vs %s)", ratio, big, small)
	}
	if full.Len() != 200_000-100+calls {
		t.Fatalf("store holds %d", full.Len())
	}
}
