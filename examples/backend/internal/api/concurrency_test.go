package api_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
)

// Each concurrency test runs against SQLite always, and against PostgreSQL
// with two backend instances, requests alternating between them, when
// KEFU_TEST_PG names a server.
func onEveryDatabase(t *testing.T, f func(t *testing.T, e *env)) {
	t.Run("sqlite", func(t *testing.T) { f(t, sqliteEnv(t)) })
	t.Run("postgres", func(t *testing.T) { f(t, pgEnv(t)) })
}

const workers = 50

// parallel runs f(i) for i in [0, n) at once and returns the answers.
func parallel(n int, f func(i int) resp) []resp {
	out := make([]resp, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			out[i] = f(i)
		})
	}
	close(start)
	wg.Wait()
	return out
}

func count(ctx context.Context, t *testing.T, d *db.DB, q string, args ...any) int {
	var n int
	require.NoError(t, d.Read(ctx, func(tx *db.Tx) error { return tx.QueryRow(ctx, q, args...).Scan(&n) }))
	return n
}

// 50 concurrent redemptions of one approval: exactly one gives the
// concession, every other is 409 (rule A3: an approval is used once). The
// unique key on spent_approvals decides, whatever instance serves which.
func TestConcurrentRedeem(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		xiaomei := e.staff("xiaomei", order.PreSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", xiaomei, unpaid("T1")))
		cut := `{"order_id":"T1","kind":"price_cut","amount":"5.00"}`
		rq := e.must(200, e.call("POST", "/reviews", xiaomei, cut)).str("request_id")
		token := e.must(200, e.call("POST", "/reviews/"+rq+"/approve", laowang, "")).str("token")

		answers := parallel(workers, func(int) resp {
			return e.call("POST", "/concessions", xiaomei, cut, "Kefu-Approval", token)
		})
		statuses := map[int]int{}
		for _, a := range answers {
			statuses[a.Status]++
			if a.Status == 200 {
				assert.Equal(t, true, a.get("given"))
			}
		}
		assert.Equal(t, map[int]int{200: 1, 409: workers - 1}, statuses)

		ctx := context.Background()
		assert.Equal(t, 1, count(ctx, t, e.dbs[0], "SELECT COUNT(*) FROM spent_approvals"))
		assert.Equal(t, 1, count(ctx, t, e.dbs[0], "SELECT COUNT(*) FROM concessions WHERE order_id = ?", "T1"))
		assert.Equal(t, 1, count(ctx, t, e.dbs[0], "SELECT price_changes FROM order_usage WHERE order_id = ?", "T1"))
		o := e.must(200, e.call("GET", "/orders/T1", xiaomei, ""))
		assert.Equal(t, "5.00", o.str("order.discount"), "the price was cut once")
	})
}

// 50 concurrent partial refunds of 3.00 — each sent twice, 100 requests —
// on an order that paid 100.00: together they ask for 150.00. The ledger
// is written with compare-and-set on its version, so exactly 33 are paid
// (99.00), each once; the rest are refused as over-refunds (rule R7), and
// what the answers say was paid is what the ledger holds.
func TestConcurrentRefunds(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		agent := e.staff("kf-wang", order.AfterSales)
		e.must(201, e.call("POST", "/orders", agent, paid("T1", 10, "10.00")))

		answers := parallel(2*workers, func(i int) resp {
			return e.call("POST", "/orders/T1/payouts", agent, fmt.Sprintf(`{"key":"rf-%d","goods":"3.00","sku":"LX-2201"}`, i%workers))
		})
		paidKeys := map[string]bool{}
		total := decimal.Zero
		refused := 0
		for _, a := range answers {
			switch a.Status {
			case 200:
				key := a.str("receipt.key")
				if a.get("receipt.replayed") == false {
					require.False(t, paidKeys[key], "key %s paid twice", key)
					paidKeys[key] = true
					total = total.Add(decimal.RequireFromString(a.str("receipt.amount")))
				}
			case 422:
				assert.Contains(t, a.str("error.message"), "exceeds what remains refundable")
				refused++
			default:
				t.Errorf("unexpected answer %d: %s", a.Status, a.Body)
			}
		}
		assert.Len(t, paidKeys, 33)
		assert.True(t, total.Equal(decimal.RequireFromString("99.00")), "paid %s", total)
		l := e.must(200, e.call("GET", "/orders/T1/ledger", agent, ""))
		assert.Equal(t, "99.00", l.str("refunded"))
		assert.Equal(t, "1.00", l.str("remaining"))
		assert.EqualValues(t, 34, l.get("version"), "one version per payout, none lost")
		assert.Equal(t, 2*(workers-33), refused, "a key left out is refused both times")
	})
}

// 50 concurrent erases of small change by one in-sales agent, on 50
// orders: she may erase alone 3 times a day (rule P3). Her usage row is
// written with compare-and-set, so exactly 3 are given alone and the other
// 47 answer that the daily limit needs approval.
func TestConcurrentEraseLimit(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		agent := e.staff("xiaoli", order.InSales)
		for i := range workers {
			e.must(201, e.call("POST", "/orders", agent, unpaid(fmt.Sprintf("T%d", i))))
		}
		answers := parallel(workers, func(i int) resp {
			return e.call("POST", "/concessions", agent, fmt.Sprintf(`{"order_id":"T%d","kind":"erase_change","amount":"0.50"}`, i))
		})
		given := 0
		for _, a := range answers {
			require.Equal(t, 200, a.Status, "%s", a.Body)
			if a.get("given") == true {
				given++
				continue
			}
			assert.Equal(t, "needs_approval", a.str("decision.verdict"))
			assert.Contains(t, string(a.Body), "erase_daily_limit")
		}
		assert.Equal(t, 3, given)
		ctx := context.Background()
		assert.Equal(t, 3, count(ctx, t, e.dbs[0], "SELECT erases FROM agent_usage WHERE agent_id = ?", "xiaoli"))
		assert.Equal(t, 3, count(ctx, t, e.dbs[0], "SELECT COUNT(*) FROM concessions WHERE kind = ?", "erase_change"))
	})
}

// Two colleagues acknowledging one hand-off at once: one acknowledgement
// counts, the other is 409 (rule N2).
func TestConcurrentAcknowledge(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		agent := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", agent, paid("T1", 1, "10.00")))
		e.must(200, e.call("POST", "/handoffs", agent,
			`{"id":"h-1","order_id":"T1","to":{"department":"finance"},"urgency":"routine","subject":"退款","via":["chat"]}`))
		answers := parallel(10, func(i int) resp {
			return e.call("POST", "/handoffs/h-1/ack", e.colleague(fmt.Sprintf("cw-%d", i), order.Finance), "")
		})
		st := map[int]int{}
		for _, a := range answers {
			st[a.Status]++
		}
		assert.Equal(t, map[int]int{200: 1, 409: 9}, st)
	})
}

// 50 concurrent refunds of one plan's money step (rule R1, S2), on both
// instances: the plan and the ledger are written with compare-and-set in
// one transaction, so the difference is paid once; every other answer
// replays it (the payout keys are the plan's).
func TestConcurrentPlanRefund(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", li, orderJSON("T1", "tb_1", "LX-2201", 2, "64.25", "10.00", "WAIT_SELLER_SEND_GOODS",
			testStart.Add(-2*time.Hour), testStart.Add(-time.Hour))))
		p := e.must(201, e.call("POST", "/orders/T1/reorder-plan", li, `{"id":"RD-1"}`))
		require.Equal(t, "refund_difference", p.str("plan.route"))

		answers := parallel(workers, func(int) resp {
			return e.call("POST", "/plans/RD-1/refund", li, `{"version":1}`)
		})
		fresh := 0
		for _, a := range answers {
			require.Equal(t, 200, a.Status, "%s", a.Body)
			if a.get("receipts.0.replayed") == false {
				fresh++
			}
			assert.Equal(t, "10.00", a.str("ledger.refunded"))
		}
		assert.Equal(t, 1, fresh, "paid once")
		l := e.must(200, e.call("GET", "/orders/T1/ledger", li, ""))
		assert.Equal(t, "10.00", l.str("refunded"))
		assert.EqualValues(t, 2, l.get("version"), "one payout")
	})
}

// Refund approvals (rule A3): a refund above 500.00 needs the team
// leader; without the approval it is not paid, and the request waits for
// the approver; nobody approves their own; the approval covers exactly the
// payout it was asked for — its order, agent, key and amount — and is spent
// once: of 50 concurrent sends of that payout with it, on both instances,
// exactly one pays and spends it, the others replay it or are refused
// (409); of 50 concurrent payouts under other keys, none is paid.
func TestRefundApproval(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		laowang := e.staff("laowang", order.TeamLeader)
		// 2,000.00 paid: the ledger would take two refunds of 520.00; the
		// approval is what allows one.
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 20, "100.00")))

		big := `{"key":"rf-%d","sku":"LX-2201","goods":"520.00"}`
		r := e.must(200, e.call("POST", "/orders/T1/payouts", wang, fmt.Sprintf(big, 0), "Accept-Language", "en"))
		assert.Equal(t, false, r.get("paid"))
		assert.Equal(t, "needs_approval", r.str("decision.verdict"))
		assert.Equal(t, "above_refund_limit", r.str("explain.reasons.0.code"))
		assert.NotEqual(t, "above_refund_limit", r.str("explain.reasons.0.text"))
		rq := r.str("request_id")
		require.NotEmpty(t, rq)
		assert.Equal(t, "0.00", e.must(200, e.call("GET", "/orders/T1/ledger", wang, "")).str("refunded"))
		// Small refunds need nobody.
		e.must(200, e.call("POST", "/orders/T1/payouts", wang, `{"key":"rf-small","sku":"LX-2201","goods":"5.00"}`))
		// Paid before the goods came back: the team leader too.
		r = e.must(200, e.call("POST", "/orders/T1/payouts", wang, `{"key":"rf-early","sku":"LX-2201","units":1,"with_return":true,"goods":"5.00"}`))
		assert.Contains(t, string(r.Body), "before_goods_back")

		e.must(403, e.call("POST", "/refund-reviews/"+rq+"/approve", wang, ""))
		e.must(403, e.call("POST", "/refund-reviews/"+rq+"/approve", e.staff("kf-zhou", order.AfterSales), ""))
		e.must(404, e.call("POST", "/refund-reviews/rr-nope/approve", laowang, ""))
		ap := e.must(200, e.call("POST", "/refund-reviews/"+rq+"/approve", laowang, ""))
		token := ap.str("token")
		require.NotEmpty(t, token)
		e.must(409, e.call("POST", "/refund-reviews/"+rq+"/approve", e.staff("laoli", order.TeamLeader), ""))

		// Not for another agent, nor another amount; a concession's route
		// does not take it.
		e.must(403, e.call("POST", "/orders/T1/payouts", e.staff("kf-zhou", order.AfterSales), fmt.Sprintf(big, 1), "Kefu-Approval", token))
		e.must(403, e.call("POST", "/orders/T1/payouts", wang, `{"key":"rf-x","sku":"LX-2201","goods":"530.00"}`, "Kefu-Approval", token))
		e.must(403, e.call("POST", "/concessions", wang, `{"order_id":"T1","kind":"gift","amount":"1.00"}`, "Kefu-Approval", token))

		answers := parallel(workers, func(i int) resp {
			return e.call("POST", "/orders/T1/payouts", wang, fmt.Sprintf(big, i+1), "Kefu-Approval", token)
		})
		assert.Equal(t, map[int]int{403: workers}, statuses(answers), "another key is another payout")
		answers = parallel(workers, func(int) resp {
			return e.call("POST", "/orders/T1/payouts", wang, fmt.Sprintf(big, 0), "Kefu-Approval", token)
		})
		spent := 0
		for _, a := range answers {
			require.Contains(t, []int{200, 409}, a.Status, "%s", a.Body)
			if a.Status == 200 && a.get("spent") != nil {
				spent++
				assert.Equal(t, false, a.get("receipt.replayed"))
			}
		}
		assert.Equal(t, 1, spent, "paid and spent once")
		l := e.must(200, e.call("GET", "/orders/T1/ledger", wang, ""))
		assert.Equal(t, "525.00", l.str("refunded"), "520.00 once, and the small one")
		assert.Equal(t, 1, count(t.Context(), t, e.dbs[0], "SELECT COUNT(*) FROM spent_approvals"))
	})
}
