package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// statuses counts answers by status.
func statuses(rs []resp) map[int]int {
	st := map[int]int{}
	for _, a := range rs {
		st[a.Status]++
	}
	return st
}

// approve asks approver to approve the refund request rq and returns the
// token.
func (e *env) approve(rq, approver string) string {
	e.t.Helper()
	require.NotEmpty(e.t, rq, "a request to approve")
	tok := e.must(200, e.call("POST", "/refund-reviews/"+rq+"/approve", approver, "")).str("token")
	require.NotEmpty(e.t, tok)
	return tok
}

// The money a refund application pays on agree_refund is reviewed (rule
// A3) in the action's transaction: above 500.00 it is not paid without
// the team leader's approval, and the action is not applied at all — the
// refund stays as it was —; the request is approved (not by its requester)
// into a token that pays it once sent with the action again. The token is
// the refund's: not another agent's, not a payout's, and spent once — a
// second refund of the same amount is refused with it (409), and of 50
// concurrent actions with one token, on both instances, one pays.
func TestRefundActionApproval(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 20, "100.00")))
		for _, id := range []string{"rf-1", "rf-2", "rf-3"} {
			e.must(201, e.call("POST", "/orders/T1/refunds", wang, `{"id":"`+id+`","sku":"LX-2201","fee":"520.00"}`))
		}
		agree := `{"event":"agree_refund","version":1}`

		r := e.must(200, e.call("POST", "/refunds/rf-1/actions", wang, agree, "Accept-Language", "en"))
		assert.Equal(t, false, r.get("review.paid"))
		assert.Equal(t, "needs_approval", r.str("review.decision.verdict"))
		assert.Equal(t, "520.00", r.str("review.decision.amount"))
		assert.Equal(t, "above_refund_limit", r.str("review.explain.reasons.0.code"))
		assert.NotEqual(t, "above_refund_limit", r.str("review.explain.reasons.0.text"))
		// The review in kefu's words: who approves and how much (rule A3),
		// and what the buyer is told meanwhile.
		assert.Contains(t, r.str("review.explain.staff"), "520.00")
		assert.Contains(t, r.str("review.explain.staff"), r.str("review.explain.reasons.0.text"))
		assert.NotEmpty(t, r.str("review.explain.buyer"))
		assert.Equal(t, "WAIT_SELLER_AGREE", r.str("refund.status"), "the action is not applied")
		assert.Nil(t, r.get("receipt"))
		rq := r.str("review.request_id")
		l := e.must(200, e.call("GET", "/orders/T1/ledger", wang, ""))
		assert.Equal(t, "0.00", l.str("refunded"))
		assert.EqualValues(t, 1, l.get("version"))

		e.must(403, e.call("POST", "/refund-reviews/"+rq+"/approve", wang, ""))
		token := e.approve(rq, laowang)
		e.must(409, e.call("POST", "/refund-reviews/"+rq+"/approve", e.staff("laoli", order.TeamLeader), ""))
		// Another agent may not use it; a payout may not either.
		e.must(403, e.call("POST", "/refunds/rf-1/actions", e.staff("kf-zhou", order.AfterSales), agree, "Kefu-Approval", token))
		e.must(403, e.call("POST", "/orders/T1/payouts", wang, `{"key":"p-1","sku":"LX-2201","goods":"520.00"}`, "Kefu-Approval", token))
		e.must(422, e.call("POST", "/refunds/rf-1/actions", wang, agree, "Kefu-Approval", "forged."+token))

		r = e.must(200, e.call("POST", "/refunds/rf-1/actions", wang, agree, "Kefu-Approval", token))
		assert.Equal(t, true, r.get("review.paid"))
		assert.Equal(t, "SUCCESS", r.str("refund.status"))
		assert.Equal(t, "520.00", r.str("ledger.refunded"))
		assert.NotEmpty(t, r.str("review.spent.id"))

		// Token reuse: another refund of the same amount is refused, not
		// its approval; nothing paid.
		r = e.must(403, e.call("POST", "/refunds/rf-2/actions", wang, agree, "Kefu-Approval", token))
		assert.Equal(t, "forbidden", r.str("error.class"))
		assert.Equal(t, "520.00", e.must(200, e.call("GET", "/orders/T1/ledger", wang, "")).str("refunded"))
		// A payout's approval does not pay a refund application.
		p := e.must(200, e.call("POST", "/orders/T1/payouts", wang, `{"key":"p-1","sku":"LX-2201","goods":"520.00"}`))
		assert.Contains(t, p.str("explain.staff"), "520.00", "the payout's review in kefu's words (rule A3)")
		e.must(403, e.call("POST", "/refunds/rf-2/actions", wang, agree, "Kefu-Approval", e.approve(p.str("request_id"), laowang)))

		// 50 concurrent actions with one token: paid once.
		r = e.must(200, e.call("POST", "/refunds/rf-3/actions", wang, agree))
		token = e.approve(r.str("review.request_id"), laowang)
		answers := parallel(workers, func(int) resp {
			return e.call("POST", "/refunds/rf-3/actions", wang, agree, "Kefu-Approval", token)
		})
		assert.Equal(t, map[int]int{200: 1, 409: workers - 1}, statuses(answers))
		l = e.must(200, e.call("GET", "/orders/T1/ledger", wang, ""))
		assert.Equal(t, "1040.00", l.str("refunded"), "rf-1 and rf-3, once each")
		assert.EqualValues(t, 3, l.get("version"), "two payouts")
	})
}

// confirm_goods is reviewed on the ledger after the arrival is recorded
// (rule A3): the returned goods are back, so only the amount asks for
// approval, and without it neither the refund, the arrival nor the money
// is written; with it, the return is recorded and paid once. A team leader refunds alone.
func TestConfirmGoodsApproval(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 20, "100.00")))
		e.must(200, e.call("POST", "/orders/T1/events", wang, `{"event":"dispatch"}`))
		e.must(201, e.call("POST", "/orders/T1/refunds", wang,
			`{"id":"rf-g","sku":"LX-2201","units":6,"fee":"600.00","has_good_return":true,"good_status":"BUYER_RECEIVED"}`))
		e.must(200, e.call("POST", "/refunds/rf-g/actions", wang, `{"event":"agree_return","version":1}`))
		e.must(200, e.call("POST", "/refunds/rf-g/actions", wang, `{"event":"return_goods","version":2,"waybill":"SF1234567890"}`))
		confirm := `{"event":"confirm_goods","version":3}`

		r := e.must(200, e.call("POST", "/refunds/rf-g/actions", wang, confirm))
		assert.Equal(t, false, r.get("review.paid"))
		assert.Equal(t, "needs_approval", r.str("review.decision.verdict"))
		assert.Equal(t, []any{"above_refund_limit"}, r.get("review.decision.reasons"), "the goods are back: no before_goods_back")
		assert.EqualValues(t, 3, r.get("refund.refund_version"), "%s", r.Body)
		assert.Equal(t, "WAIT_SELLER_CONFIRM_GOODS", r.str("refund.status"))
		l := e.must(200, e.call("GET", "/orders/T1/ledger", wang, ""))
		assert.EqualValues(t, 1, l.get("version"), "no arrival recorded")
		assert.Equal(t, "0.00", l.str("refunded"))

		token := e.approve(r.str("review.request_id"), laowang)
		r = e.must(200, e.call("POST", "/refunds/rf-g/actions", wang, confirm, "Kefu-Approval", token))
		assert.Equal(t, true, r.get("review.paid"))
		assert.Equal(t, true, r.get("receipt.returned"))
		assert.Equal(t, "600.00", r.str("ledger.refunded"))
		// Again with the token: the refund has moved on (409), nothing paid.
		e.must(409, e.call("POST", "/refunds/rf-g/actions", wang, confirm, "Kefu-Approval", token))
		assert.Equal(t, "600.00", e.must(200, e.call("GET", "/orders/T1/ledger", wang, "")).str("refunded"))

		// kefu's lifecycle has no agree_refund for goods sent back: they are
		// refunded on confirm_goods only, once back.
		e.must(201, e.call("POST", "/orders/T1/refunds", wang,
			`{"id":"rf-e","sku":"LX-2201","units":1,"fee":"5.00","has_good_return":true,"good_status":"BUYER_RECEIVED"}`))
		e.must(409, e.call("POST", "/refunds/rf-e/actions", wang, `{"event":"agree_refund","version":1}`))

		// A team leader refunds alone.
		e.must(201, e.call("POST", "/orders/T1/refunds", wang, `{"id":"rf-t","sku":"LX-2201","fee":"510.00","good_status":"BUYER_RECEIVED"}`))
		r = e.must(200, e.call("POST", "/refunds/rf-t/actions", laowang, `{"event":"agree_refund","version":1}`))
		assert.Equal(t, true, r.get("review.paid"))
		assert.Equal(t, "allowed", r.str("review.decision.verdict"))
	})
}

// bigOvercharged is an order of two lines of 300.00, which ships free,
// charged 10.00 of postage (rule S2): refunding it whole (610.00) is above
// the shop's 500.00, though no one line is.
func bigOvercharged(id string) string {
	o := orderJSON(id, "tb_1", "LX-2201", 1, "300.00", "10.00", "WAIT_SELLER_SEND_GOODS",
		testStart.Add(-2*time.Hour), testStart.Add(-time.Hour))
	return strings.Replace(o, `"lines":[`, `"lines":[{"sku":"LX-2202","title":"羊毛帽","quantity":1,"unit_price":"300.00","weight_grams":200},`, 1)
}

// readyPlan makes plan pid of order T1 and takes it through its guards, up
// to its refund of the original.
func readyPlan(e *env, pid, li string) {
	e.t.Helper()
	e.must(201, e.call("POST", "/orders", li, bigOvercharged("T1")))
	e.must(201, e.call("POST", "/orders/T1/reorder-plan", li, `{"id":"`+pid+`","cannot_refund_difference":true}`))
	e.must(200, e.call("POST", "/orders/T1/hold", li, `{"flag":"red","reason":"退款重拍,原单暂停发货"}`))
	e.must(200, e.call("POST", "/handoffs", li, handOff("h-f", "T1", "finance")))
	e.must(200, e.call("POST", "/handoffs/h-f/ack", e.colleague("cw-zhao", order.Finance), ""))
	e.must(200, e.call("POST", "/handoffs", li, handOff("h-w", "T1", "warehouse")))
	e.must(200, e.call("POST", "/handoffs/h-w/ack", e.colleague("ck-sun", order.Warehouse), ""))
	e.must(201, e.call("POST", "/orders", li, orderJSON("T2", "tb_1", "LX-2201", 2, "300.00", "0.00", "WAIT_SELLER_SEND_GOODS",
		testStart.Add(-time.Minute), testStart)))
	e.must(200, e.call("POST", "/orders/T1/reorder", li, `{"reorder_id":"T2"}`))
}

// A plan's refund is reviewed (rule A3) as one refund of its total, in its
// transaction: the original's 610.00 — above 500.00 though no one payout
// is — is not paid without approval, and the plan does not move; the
// plan's request is one (asked twice, approved once), approved into a
// token bound to the plan that pays the step once. A retry replays the
// payouts and spends nothing; the plan's token pays no payout.
func TestPlanRefundApproval(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		laowang := e.staff("laowang", order.TeamLeader)
		readyPlan(e, "RR-1", li)
		p := e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		body := `{"version":` + version(p) + `}`

		r := e.must(200, e.call("POST", "/plans/RR-1/refund", li, body, "Accept-Language", "en"))
		assert.Equal(t, false, r.get("review.paid"))
		assert.Equal(t, "needs_approval", r.str("review.decision.verdict"))
		assert.Equal(t, "610.00", r.str("review.decision.amount"))
		assert.Equal(t, "above_refund_limit", r.str("review.explain.reasons.0.code"))
		assert.Greater(t, len(r.get("review.decision.payouts").([]any)), 1, "several payouts, one approval")
		for _, d := range r.get("review.decision.payouts").([]any) {
			assert.Equal(t, "allowed", d.(map[string]any)["verdict"], "no payout alone is above 500.00")
		}
		assert.Equal(t, version(p), version(r), "the plan does not move")
		assert.Equal(t, "0.00", e.must(200, e.call("GET", "/orders/T1/ledger", li, "")).str("refunded"))
		rq := r.str("review.request_id")
		r = e.must(200, e.call("POST", "/plans/RR-1/refund", li, body))
		assert.Equal(t, rq, r.str("review.request_id"), "one request per plan")

		e.must(403, e.call("POST", "/refund-reviews/"+rq+"/approve", li, ""))
		e.must(403, e.call("POST", "/refund-reviews/"+rq+"/approve", e.staff("kf-zhou", order.AfterSales), ""))
		token := e.approve(rq, laowang)
		e.must(409, e.call("POST", "/refund-reviews/"+rq+"/approve", e.staff("laoli", order.TeamLeader), ""))
		e.must(403, e.call("POST", "/plans/RR-1/refund", e.staff("kf-zhou", order.InSales), body, "Kefu-Approval", token))
		e.must(403, e.call("POST", "/orders/T1/payouts", li, `{"key":"p-1","sku":"LX-2201","units":1,"with_return":true,"goods":"300.00"}`, "Kefu-Approval", token))

		r = e.must(200, e.call("POST", "/plans/RR-1/refund", li, body, "Kefu-Approval", token))
		assert.Equal(t, true, r.get("review.paid"))
		assert.Equal(t, "610.00", r.str("ledger.refunded"))
		// A retry replays: nothing paid, nothing spent.
		r = e.must(200, e.call("POST", "/plans/RR-1/refund", li, body, "Kefu-Approval", token))
		assert.Equal(t, true, r.get("review.decision.replayed"))
		assert.Nil(t, r.get("review.spent"))
		assert.Equal(t, "610.00", r.str("ledger.refunded"))
		// The spent token on a payout of another of the buyer's orders: no.
		e.must(403, e.call("POST", "/orders/T2/payouts", li, `{"key":"p-2","sku":"LX-2201","goods":"600.00"}`, "Kefu-Approval", token))
	})
}

// 50 concurrent refunds of one plan with one approval, on both instances:
// the plan's money is paid once, the approval spent once; the others are
// replays or refused (409).
func TestConcurrentPlanRefundApproval(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		readyPlan(e, "RR-1", li)
		p := e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		body := `{"version":` + version(p) + `}`
		r := e.must(200, e.call("POST", "/plans/RR-1/refund", li, body))
		token := e.approve(r.str("review.request_id"), e.staff("laowang", order.TeamLeader))

		answers := parallel(workers, func(int) resp {
			return e.call("POST", "/plans/RR-1/refund", li, body, "Kefu-Approval", token)
		})
		fresh := 0
		for _, a := range answers {
			require.Contains(t, []int{200, 409}, a.Status, "%s", a.Body)
			if a.Status == 200 && a.get("review.spent") != nil {
				fresh++
				assert.Equal(t, false, a.get("receipts.0.replayed"))
			}
		}
		assert.Equal(t, 1, fresh, "the approval spent once")
		l := e.must(200, e.call("GET", "/orders/T1/ledger", li, ""))
		assert.Equal(t, "610.00", l.str("refunded"), "paid once")
		assert.Equal(t, 1, count(t.Context(), t, e.dbs[0], "SELECT COUNT(*) FROM spent_approvals"))
	})
}
