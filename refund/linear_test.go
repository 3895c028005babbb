package refund_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/refund"
)

// linear checks that f on the large input costs at most 1,500 times what
// it costs on the small one, 1,000 times smaller: time linear in the
// input, with room for the noise of a shared machine. The small input is
// timed over as many runs as make the large one's bytes, interleaved with
// the large runs, so that both see the same load on a busy machine. Under
// the race detector the bound is 5,000: still far below the 1,000,000
// times a quadratic cost would take.
func linear(t *testing.T, small, large []byte, f func([]byte)) {
	t.Helper()
	ratio := len(large) / len(small)
	if ratio < 500 || ratio > 2000 {
		t.Fatalf("inputs of %d and %d bytes: not about 1,000 times apart", len(small), len(large))
	}
	costtest.AssertLinear(t, func() { f(small) }, func() { f(large) }, costtest.MaxRatio)
}

// pad returns s with the marker replaced by filler repeated to make the
// whole about n bytes; keep puts the filler before the marker instead.
func pad(s, marker, filler string, n int, keep ...bool) []byte {
	k := max(1, (n-len(s))/len(filler))
	with := strings.Repeat(filler, k)
	if len(keep) > 0 && keep[0] {
		with += marker
	}
	return []byte(strings.Replace(s, marker, with, 1))
}

// TestDecodersCostLinearTime: every decoder of the package, and the
// reply checker and batch splitter, on hostile input of 1 kB and 1 MB
// (1,000 and 100,000 refunds for SplitBatch).
func TestDecodersCostLinearTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	const kB, MB = 1 << 10, 1 << 20
	decodeLedger := func(b []byte) { var l refund.Ledger; _ = json.Unmarshal(b, &l) }
	entry := `{"kind":"payout","key":"kX","sku":"SOCK-01","goods":"0.01","postage":"0.00"},`
	manyEntries := func(n int) []byte {
		var b strings.Builder
		b.WriteString(strings.Replace(storedJSON, `"entries":[`, `"entries":[`+"\x00", 1))
		s := b.String()
		k := max(1, (n-len(s))/len(entry))
		var e strings.Builder
		for i := range k {
			e.WriteString(strings.Replace(entry, "kX", "k"+strconv.Itoa(i), 1))
		}
		return []byte(strings.Replace(s, "\x00", e.String(), 1))
	}
	plan := jsonOf(t, fullyGuarded(t, t0.Add(time.Hour)))
	decodePlan := func(b []byte) { var p refund.Plan; _ = json.Unmarshal(b, &p) }
	cases := []struct {
		name         string
		small, large []byte
		f            func([]byte)
	}{
		// A plan's JSON is some 3 kB: 4 kB against 4 MB.
		{"plan: a long ID", pad(plan, `RR-1","route"`, "R", 4*kB, true), pad(plan, `RR-1","route"`, "R", 4*MB, true), decodePlan},
		{"plan: a long hand-off subject", pad(plan, `原单T1001退款重拍"`, "原", 4*kB, true),
			pad(plan, `原单T1001退款重拍"`, "原", 4*MB, true), decodePlan},
		{"plan: white space", pad(plan, `"steps"`, " ", 4*kB, true), pad(plan, `"steps"`, " ", 4*MB, true), decodePlan},
		{"ledger: a long amount", pad(storedJSON, `"8.00"`, "8", kB), pad(storedJSON, `"8.00"`, "8", MB), decodeLedger},
		{"ledger: a long SKU", pad(storedJSON, `HAT-01`, "H", kB), pad(storedJSON, `HAT-01`, "H", MB), decodeLedger},
		{"ledger: many entries", manyEntries(kB), manyEntries(MB), decodeLedger},
		{"ledger: a payout's long SKU", pad(storedJSON, `SOCK-01","units":1,"returned"`, "袜", kB+300, true),
			pad(storedJSON, `SOCK-01","units":1,"returned"`, "袜", MB, true), decodeLedger},
		{"ledger: white space", pad(storedJSON, `"lines"`, " ", kB, true), pad(storedJSON, `"lines"`, " ", MB, true), decodeLedger},
		{"refund: a long ID", pad(refundJSON, "RF-1", "R", kB), pad(refundJSON, "RF-1", "R", MB),
			func(b []byte) { var r refund.Refund; _ = json.Unmarshal(b, &r) }},
		{"refund: a long fee", pad(refundJSON, `6.22`, "6", kB), pad(refundJSON, `6.22`, "6", MB),
			func(b []byte) { var r refund.Refund; _ = json.Unmarshal(b, &r) }},
		{"exchange: a long waybill", pad(exchangeJSON, "SF2222222222", "S", kB), pad(exchangeJSON, "SF2222222222", "S", MB),
			func(b []byte) { var x refund.Exchange; _ = json.Unmarshal(b, &x) }},
		{"policy: a long zone", pad(`{"zone":"Z"}`, "Z", "Z", kB), pad(`{"zone":"Z"}`, "Z", "Z", MB),
			func(b []byte) { p := refund.DefaultPolicy(); _ = json.Unmarshal(b, &p); _ = p.Validate() }},
		{"policy: a long amount", pad(`{"batch":{"max_amount":"9"}}`, "9", "9", kB), pad(`{"batch":{"max_amount":"9"}}`, "9", "9", MB),
			func(b []byte) { p := refund.DefaultPolicy(); _ = json.Unmarshal(b, &p) }},
		{"reply", pad("好评返现", "返", "好", kB), pad("好评返现", "返", "好", MB), func(b []byte) { _, _ = refund.CheckReply(string(b)) }},
		{"reply near the bound", []byte(strings.Repeat("a", 4)), []byte(strings.Repeat("好评啊", refund.MaxReplyBytes/9)),
			func(b []byte) { _, _ = refund.CheckReply(string(b)) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { linear(t, c.small, c.large, c.f) })
	}

	t.Run("split batch", func(t *testing.T) {
		fees := func(n int) []decimal.Decimal {
			out := make([]decimal.Decimal, n)
			for i := range out {
				out[i] = dec("299.99")
			}
			return out
		}
		small, large := fees(1_000), fees(100_000)
		p := refund.DefaultPolicy()
		// 100 times the items: linear is 100×, quadratic 10,000×; the bound
		// of the brief, 1,500×, leaves room for the cache misses of 100,000
		// decimals.
		costtest.AssertLinear(t, func() { _, _ = p.SplitBatch(small) }, func() { _, _ = p.SplitBatch(large) }, costtest.MaxRatio)
	})
}

const refundJSON = `{"refund_id":"RF-1","tid":"T1001","sku":"SOCK-01","refund_fee":"6.22","status":"WAIT_SELLER_AGREE",` +
	`"good_status":"BUYER_RECEIVED","refund_phase":"aftersale","has_good_return":true,` +
	`"refund_version":1,"created":"2026-11-07T10:00:00+08:00","modified":"2026-11-07T10:00:00+08:00"}`

const exchangeJSON = `{"id":"EX-1","order_id":"T1001","sku":"SCARF-01","replacement_sku":"SCARF-02","units":1,` +
	`"status":"return_shipped","return_waybill":"SF2222222222","version":2,` +
	`"created_at":"2026-11-07T10:00:00+08:00","modified_at":"2026-11-08T10:00:00+08:00"}`
