package pricing_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

var (
	sinkDecision pricing.Decision
	sinkVerified pricing.Verified
	sinkToken    string
	sinkErr      error
)

// BenchmarkReview measures reviewing a price cut within the team leader's
// limits on an already-built order, with the P2 suggestion computed and
// the identity rule applied to the agent's ID and the usage keys.
// Budget: ≤ 100 ns/op, 0 allocs/op. About half the time is converting
// decimals to fen (internal/yuan.Fen, most of it decimal.NumDigits).
func BenchmarkReview(b *testing.B) {
	b.ReportAllocs()
	p := pricing.DefaultPolicy()
	r := request(agent("lead", order.TeamLeader), unpaid(), pricing.PriceCut, "5.00")
	au := pricing.AgentUsage{AgentID: "lead", Day: "2026-11-10", Erases: 1, Version: 1}
	for b.Loop() {
		sinkDecision, sinkErr = p.Review(r, au, noOrder)
	}
	if sinkErr != nil || sinkDecision.Verdict != order.Allowed {
		b.Fatal(sinkDecision, sinkErr)
	}
}

// BenchmarkReviewErase measures an erase-change review, which also reads
// the calendar day in the policy's zone once the count reaches the limit.
func BenchmarkReviewErase(b *testing.B) {
	b.ReportAllocs()
	p := pricing.DefaultPolicy()
	r := request(agent("zhang", order.InSales), unpaid(), pricing.EraseChange, "0.50")
	au := pricing.AgentUsage{AgentID: "zhang", Day: "2026-11-10", Erases: 1, Version: 1}
	for b.Loop() {
		sinkDecision, sinkErr = p.Review(r, au, noOrder)
	}
	if sinkErr != nil || sinkDecision.Verdict != order.Allowed {
		b.Fatal(sinkDecision, sinkErr)
	}
}

// BenchmarkToken measures signing an approval: encoding and one
// HMAC-SHA256. It runs once per approval, not per agent action.
func BenchmarkToken(b *testing.B) {
	b.ReportAllocs()
	_, v, _ := approved(b)
	for b.Loop() {
		sinkToken, sinkErr = v.Token(shopKey)
	}
}

// BenchmarkParseToken measures verifying and decoding an approval token.
func BenchmarkParseToken(b *testing.B) {
	b.ReportAllocs()
	_, _, tok := approved(b)
	for b.Loop() {
		sinkVerified, sinkErr = pricing.ParseToken(tok, shopKey)
	}
}

// BenchmarkStoreRedeem measures a successful Store.Redeem — verify the
// token, review, take the lock, look the ID up, insert it — with 0,
// 20,000 and 200,000 approvals already spent (issue 10 #11: it was ~9 µs
// empty, 10 ms at 20,000 and 60 ms at 200,000, copying and scanning the
// whole record under the lock). Each iteration redeems a fresh token
// (made before the timer starts) and prunes one approval, so the store
// stays at its size. Compare the three sizes' cpu-ns/op within one run:
// the ratio is close to 1.
func BenchmarkStoreRedeem(b *testing.B) {
	for _, n := range []int{0, 20_000, 200_000} {
		b.Run("spent="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			p := pricing.DefaultPolicy()
			s := storeWith(b, n)
			r := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
			toks := make([]string, b.N)
			for i := range toks {
				toks[i] = tokenFor(b, r, "bench-"+strconv.Itoa(i), t0.Add(48*time.Hour+time.Duration(i)*time.Second))
			}
			b.ResetTimer()
			cpu := processCPU()
			for i := range b.N {
				sinkVerified, _, sinkErr = s.Redeem(p, toks[i], shopKey, r, noAgent, noOrder)
				if n > 0 {
					s.Prune(t0.Add(time.Hour + time.Duration(i)*time.Second))
				}
			}
			b.StopTimer()
			// The process's CPU time per op: what the call costs, without
			// the time other processes on a shared machine took the cores.
			b.ReportMetric(float64(processCPU()-cpu)/float64(b.N), "cpu-ns/op")
			if sinkErr != nil {
				b.Fatal(sinkErr)
			}
		})
	}
}

// storeWith returns a store holding n spent approvals, expiring a second
// apart from t0 plus an hour.
func storeWith(tb testing.TB, n int) *pricing.Store {
	tb.Helper()
	u := pricing.Used{Approvals: make([]pricing.Spent, n)}
	for i := range u.Approvals {
		u.Approvals[i] = pricing.Spent{ID: "old-" + strconv.Itoa(i), OrderID: "T2001",
			Expires: t0.Add(time.Hour + time.Duration(i)*time.Second), At: t0}
	}
	s, err := pricing.NewStore(u)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// tokenFor returns the team leader's token for r with the given ID and
// expiry.
func tokenFor(tb testing.TB, r pricing.Request, id string, expires time.Time) string {
	tb.Helper()
	v, err := defaultPolicy().Approve(r, noAgent, noOrder, laowang, id, expires)
	if err != nil {
		tb.Fatal(err)
	}
	tok, err := v.Token(shopKey)
	if err != nil {
		tb.Fatal(err)
	}
	return tok
}
