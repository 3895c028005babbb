package api_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// A payout's approval pays the payout it was asked for and nothing else
// (rule A3): not another key of the same order and agent, not the same key
// for less, not a refund application; nothing is paid with it elsewhere,
// and it still pays its own payout once.
func TestPayoutApprovalPaysOnlyItsPayout(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 20, "100.00")))
		ask := `{"key":"p-1","sku":"LX-2201","goods":"520.00"}`
		token := e.approve(e.must(200, e.call("POST", "/orders/T1/payouts", wang, ask)).str("request_id"), laowang)

		for _, other := range []string{
			`{"key":"p-2","sku":"LX-2201","goods":"520.00"}`,           // another key, the same amount
			`{"key":"p-3","sku":"LX-2201","goods":"510.00"}`,           // another key, below the amount
			`{"key":"p-1","sku":"LX-2201","goods":"510.00"}`,           // its key, less
			`{"key":"p-1","sku":"LX-2201","units":6,"goods":"520.00"}`, // its key, another refund of the line
		} {
			r := e.must(403, e.call("POST", "/orders/T1/payouts", wang, other, "Kefu-Approval", token))
			assert.Equal(t, "forbidden", r.str("error.class"), other)
			assert.Equal(t, "Kefu-Approval", r.str("error.field"), other)
		}
		e.must(201, e.call("POST", "/orders/T1/refunds", wang, `{"id":"rf-1","sku":"LX-2201","fee":"520.00"}`))
		e.must(403, e.call("POST", "/refunds/rf-1/actions", wang, `{"event":"agree_refund","version":1}`, "Kefu-Approval", token))
		l := e.must(200, e.call("GET", "/orders/T1/ledger", wang, ""))
		assert.Equal(t, "0.00", l.str("refunded"), "nothing paid elsewhere")
		assert.Equal(t, 0, count(t.Context(), t, e.dbs[0], "SELECT COUNT(*) FROM spent_approvals"))

		// Its own payout, decided on the ledger as it now stands.
		r := e.must(200, e.call("POST", "/orders/T1/payouts", wang, `{"key":"p-1","sku":"LX-2201","goods":"520.00","version":1}`,
			"Kefu-Approval", token))
		assert.Equal(t, true, r.get("paid"))
		assert.NotNil(t, r.get("spent"))
		assert.Equal(t, "520.00", r.str("ledger.refunded"))
	})
}

// Two refusals of one plan's refund at the same instant leave one request
// for the approver (rule A3): of 50 concurrent refusals, on both
// instances, every answer names the same request, and the database holds
// one open request for the plan's step — a unique partial index, which the
// second insert hits and then retries on the first's.
func TestConcurrentPlanRefusalsOneRequest(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		readyPlan(e, "RR-1", li)
		body := `{"version":` + version(e.must(200, e.call("GET", "/plans/RR-1", li, ""))) + `}`

		answers := parallel(workers, func(int) resp { return e.call("POST", "/plans/RR-1/refund", li, body) })
		ids := map[string]int{}
		for _, a := range answers {
			require.Equal(t, 200, a.Status, "%s", a.Body)
			require.Equal(t, false, a.get("review.paid"))
			ids[a.str("review.request_id")]++
		}
		assert.Len(t, ids, 1, "one request: %v", ids)
		assert.Equal(t, 1, count(t.Context(), t, e.dbs[0], "SELECT COUNT(*) FROM refund_reviews WHERE kind = 'plan' AND subject = 'RR-1'"))
		assert.Equal(t, 1, count(t.Context(), t, e.dbs[0],
			"SELECT COUNT(*) FROM refund_reviews WHERE kind = 'plan' AND subject = 'RR-1' AND step = 'refund_original' AND pending = 1"))

		// Approved, it is closed: approved once, and a refusal after it
		// asks anew.
		var rq string
		for id := range ids {
			rq = id
		}
		token := e.approve(rq, e.staff("laowang", order.TeamLeader))
		e.must(409, e.call("POST", "/refund-reviews/"+rq+"/approve", e.staff("laoli", order.TeamLeader), ""))
		again := e.must(200, e.call("POST", "/plans/RR-1/refund", li, body)).str("review.request_id")
		assert.NotEqual(t, rq, again)
		r := e.must(200, e.call("POST", "/plans/RR-1/refund", li, body, "Kefu-Approval", token))
		assert.Equal(t, "610.00", r.str("ledger.refunded"))
	})
}

// A token sent with a refund is spent with it, also when the refund no
// longer needs it (rule A3) — here the shop raised its limit to 1,000.00
// between the approval and the payment: the shop's record shows the refund
// paid under the approval, which is used. A team leader, who needs no
// approval, is refused with someone else's (403, nothing paid). A replay
// pays nothing and spends nothing.
func TestTokenSpentWithRefundNoLongerNeedingIt(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 20, "100.00")))
		ask := `{"key":"p-1","sku":"LX-2201","goods":"520.00"}`
		payout := e.approve(e.must(200, e.call("POST", "/orders/T1/payouts", wang, ask)).str("request_id"), laowang)
		e.must(201, e.call("POST", "/orders/T1/refunds", wang, `{"id":"rf-1","sku":"LX-2201","fee":"520.00"}`))
		agree := `{"event":"agree_refund","version":1}`
		action := e.approve(e.must(200, e.call("POST", "/refunds/rf-1/actions", wang, agree)).str("review.request_id"), laowang)

		p := refund.DefaultPolicy()
		p.Approval.Above = decimal.RequireFromString("1000.00")
		e.refund = &p
		e.restart()

		laoli := e.staff("laoli", order.TeamLeader)
		e.must(403, e.call("POST", "/orders/T1/payouts", laoli, ask, "Kefu-Approval", payout))
		e.must(403, e.call("POST", "/refunds/rf-1/actions", laoli, agree, "Kefu-Approval", action))
		assert.Equal(t, "0.00", e.must(200, e.call("GET", "/orders/T1/ledger", wang, "")).str("refunded"))

		r := e.must(200, e.call("POST", "/orders/T1/payouts", wang, ask, "Kefu-Approval", payout))
		assert.Equal(t, "allowed", r.str("decision.verdict"))
		assert.Equal(t, true, r.get("paid"))
		assert.NotNil(t, r.get("spent"), "spent with the payout")
		r = e.must(200, e.call("POST", "/refunds/rf-1/actions", wang, agree, "Kefu-Approval", action))
		assert.Equal(t, "allowed", r.str("review.decision.verdict"))
		assert.Equal(t, "SUCCESS", r.str("refund.status"))
		assert.NotNil(t, r.get("review.spent"), "spent with the refund")
		assert.Equal(t, 2, count(t.Context(), t, e.dbs[0], "SELECT COUNT(*) FROM spent_approvals"))

		// A replay: nothing new paid, nothing spent.
		r = e.must(200, e.call("POST", "/orders/T1/payouts", wang, ask, "Kefu-Approval", payout))
		assert.Equal(t, true, r.get("receipt.replayed"))
		assert.Nil(t, r.get("spent"))
		assert.Equal(t, "1040.00", r.str("ledger.refunded"))
	})
}

// A plan's request is of the money step it asked for (rule A3): once the
// original left and the plan reconciles a double shipment instead (rule
// R2), a request of the step it dropped is no longer approved (409), an
// approval of that step pays nothing of the new one, and the new step —
// here the new order's refund, on the evidence that only the original
// shipped — asks anew, beside the old request, and pays once approved.
func TestPlanApprovalBoundToItsStep(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		laowang := e.staff("laowang", order.TeamLeader)
		readyPlan(e, "RR-1", li)
		p := e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		body := `{"version":` + version(p) + `}`
		old := e.approve(e.must(200, e.call("POST", "/plans/RR-1/refund", li, body)).str("review.request_id"), laowang)
		stale := e.must(200, e.call("POST", "/plans/RR-1/refund", li, body)).str("review.request_id")

		e.must(200, e.call("POST", "/plans/RR-1/events", li, `{"event":"parcel","order_id":"T1","stage":"outbound","version":`+version(p)+`}`))
		r := e.must(409, e.call("POST", "/refund-reviews/"+stale+"/approve", laowang, ""))
		assert.Contains(t, r.str("error.message"), "settle_refund")
		p = e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		p = e.must(200, e.call("POST", "/plans/RR-1/events", li, `{"event":"evidence","version":`+version(p)+
			`,"outbound":[{"order_id":"T1","waybill":"SF1001"}],"weights":[{"waybill":"SF1001","grams":400}],"parcel_grams":400}`))
		require.Equal(t, "reconcile", p.str("plan.route"))
		body = `{"version":` + version(p) + `}`

		e.must(403, e.call("POST", "/plans/RR-1/refund", li, body, "Kefu-Approval", old))
		r = e.must(200, e.call("POST", "/plans/RR-1/refund", li, body))
		assert.Equal(t, false, r.get("review.paid"))
		fresh := r.str("review.request_id")
		assert.NotEqual(t, stale, fresh)
		assert.Equal(t, 1, count(t.Context(), t, e.dbs[0],
			"SELECT COUNT(*) FROM refund_reviews WHERE subject = 'RR-1' AND step = 'settle_refund' AND pending = 1"))
		r = e.must(200, e.call("POST", "/plans/RR-1/refund", li, body, "Kefu-Approval", e.approve(fresh, laowang)))
		assert.Equal(t, true, r.get("review.paid"))
		assert.Equal(t, "T2", r.str("ledger.order_id"))
		assert.Equal(t, 1, count(t.Context(), t, e.dbs[0], "SELECT COUNT(*) FROM spent_approvals"), "the new step's approval only")
	})
}

// Two refusals of one payout, or of one refund application's action, at
// the same instant leave one request for the approver (rule A3), as for a
// plan's step: of 50 concurrent refusals, on both instances, every answer
// names the same request and the database holds one open request of the
// payout (its order and key) and one of the refund — a unique partial
// index (migration 0005), which the later inserts hit and then retry on
// the first's. Before, each refusal stored a request of its own: 50 open
// requests, each approvable, of which one pays. A payout under another
// key, or of another refund, asks on its own.
func TestConcurrentRefusalsOneRequest(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 20, "100.00")))
		e.must(201, e.call("POST", "/orders/T1/refunds", wang, `{"id":"rf-1","sku":"LX-2201","fee":"520.00"}`))
		payout := `{"key":"p-1","sku":"LX-2201","goods":"520.00"}`
		agree := `{"event":"agree_refund","version":1}`

		answers := parallel(workers, func(i int) resp {
			if i%2 == 0 {
				return e.call("POST", "/orders/T1/payouts", wang, payout)
			}
			return e.call("POST", "/refunds/rf-1/actions", wang, agree)
		})
		payouts, actions := map[string]int{}, map[string]int{}
		for i, a := range answers {
			require.Equal(t, 200, a.Status, "%s", a.Body)
			if i%2 == 0 {
				require.Equal(t, false, a.get("paid"))
				payouts[a.str("request_id")]++
			} else {
				require.Equal(t, false, a.get("review.paid"))
				actions[a.str("review.request_id")]++
			}
		}
		assert.Equal(t, 1, len(payouts), "one request of the payout")
		assert.Equal(t, 1, len(actions), "one request of the refund")
		assert.Equal(t, 1, count(t.Context(), t, e.dbs[0],
			"SELECT COUNT(*) FROM refund_reviews WHERE kind = 'payout' AND order_id = 'T1' AND subject = 'p-1' AND pending = 1"))
		assert.Equal(t, 1, count(t.Context(), t, e.dbs[0],
			"SELECT COUNT(*) FROM refund_reviews WHERE kind = 'refund_action' AND subject = 'rf-1' AND pending = 1"))
		assert.Equal(t, 2, count(t.Context(), t, e.dbs[0], "SELECT COUNT(*) FROM refund_reviews"))

		// Another key asks on its own.
		other := e.must(200, e.call("POST", "/orders/T1/payouts", wang, `{"key":"p-2","sku":"LX-2201","goods":"520.00"}`)).str("request_id")
		var rq, rqAction string
		for id := range payouts {
			rq = id
		}
		for id := range actions {
			rqAction = id
		}
		assert.NotEqual(t, rq, other)

		// Approved, a request is closed: approved once, and a refusal
		// after it asks anew.
		token := e.approve(rq, laowang)
		e.must(409, e.call("POST", "/refund-reviews/"+rq+"/approve", e.staff("laoli", order.TeamLeader), ""))
		again := e.must(200, e.call("POST", "/orders/T1/payouts", wang, payout)).str("request_id")
		assert.NotEqual(t, rq, again)
		r := e.must(200, e.call("POST", "/orders/T1/payouts", wang, payout, "Kefu-Approval", token))
		assert.Equal(t, true, r.get("paid"))
		assert.Equal(t, "520.00", r.str("ledger.refunded"))
		r = e.must(200, e.call("POST", "/refunds/rf-1/actions", wang, agree, "Kefu-Approval", e.approve(rqAction, laowang)))
		assert.Equal(t, "SUCCESS", r.str("refund.status"))
		assert.Equal(t, "1040.00", r.str("ledger.refunded"), "each paid once")
	})
}

// A payout refused again while its request waits brings the request up to
// date (rule A3): the approver approves the payout as it was last asked,
// and only that one pays — the first ask, for another amount, is 403.
func TestRefusalAgainBringsRequestUpToDate(t *testing.T) {
	e := sqliteEnv(t)
	wang := e.staff("kf-wang", order.AfterSales)
	zhou := e.staff("kf-zhou", order.AfterSales)
	e.must(201, e.call("POST", "/orders", wang, paid("T1", 20, "100.00")))
	first := `{"key":"p-1","sku":"LX-2201","goods":"520.00"}`
	last := `{"key":"p-1","sku":"LX-2201","goods":"530.00"}`
	rq := e.must(200, e.call("POST", "/orders/T1/payouts", wang, first)).str("request_id")
	require.Equal(t, rq, e.must(200, e.call("POST", "/orders/T1/payouts", zhou, last)).str("request_id"))
	token := e.approve(rq, e.staff("laowang", order.TeamLeader))
	e.must(403, e.call("POST", "/orders/T1/payouts", zhou, first, "Kefu-Approval", token))
	r := e.call("POST", "/orders/T1/payouts", wang, last, "Kefu-Approval", token)
	assert.Equal(t, 403, r.Status, "the request is the last asker's: %s", r.Body)
	r = e.must(200, e.call("POST", "/orders/T1/payouts", zhou, last, "Kefu-Approval", token))
	assert.Equal(t, "530.00", r.str("ledger.refunded"))
}

// An approval is of the request as the approver reviewed it (rule A3):
// refusals that bring a payout's request up to date while approvers
// approve it never leave an approval of one amount on a request asking
// for another — the approval closes the request with compare-and-set on
// the request it read, and runs again when a refusal changed it. Of 50
// concurrent calls, on both instances, half refusals alternating between
// two amounts, half approvals, in four rounds: every approval's amount is
// its request's. (Before, on PostgreSQL, about one run in ten left an
// approval of 520.00 on a request for 525.00; SQLite runs one writer at a
// time and never did.)
func TestApprovalIsOfTheRequestAsReviewed(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 20, "100.00")))
		// Rounds of a payout each: the race is of one approval with the
		// refusals around it.
		for round := range 4 {
			ask := `{"key":"p-` + fmt.Sprint(round) + `","sku":"LX-2201","goods":"%d.00"}`
			rq := e.must(200, e.call("POST", "/orders/T1/payouts", wang, fmt.Sprintf(ask, 520))).str("request_id")
			answers := parallel(workers, func(i int) resp {
				if i%2 == 0 {
					return e.call("POST", "/orders/T1/payouts", wang, fmt.Sprintf(ask, 520+i%4*5))
				}
				return e.call("POST", "/refund-reviews/"+rq+"/approve", laowang, "")
			})
			for _, a := range answers {
				require.Contains(t, []int{200, 409}, a.Status, "%s", a.Body)
			}
		}
		ctx := t.Context()
		require.NoError(t, e.dbs[0].Read(ctx, func(tx *db.Tx) error {
			rows, err := tx.Query(ctx, "SELECT a.body, rr.payout FROM approvals a JOIN refund_reviews rr ON rr.id = a.request_id")
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var body, payout string
				if err := rows.Scan(&body, &payout); err != nil {
					return err
				}
				var ap struct {
					Amount string `json:"amount"`
				}
				var p struct {
					Goods string `json:"goods"`
				}
				require.NoError(t, json.Unmarshal([]byte(body), &ap))
				require.NoError(t, json.Unmarshal([]byte(payout), &p))
				assert.Equal(t, p.Goods, ap.Amount, "the approval is of the request it closed")
			}
			return rows.Err()
		}))
	})
}
