package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// overcharged is an order of 128.50 of goods, which ships free, charged
// 10.00 of postage (rule S2), paid and waiting to ship.
func overcharged(id string) string {
	return orderJSON(id, "tb_1", "LX-2201", 2, "64.25", "10.00", "WAIT_SELLER_SEND_GOODS",
		testStart.Add(-2*time.Hour), testStart.Add(-time.Hour))
}

// handOff is a hand-off from the console about order id to department d,
// by phone.
func handOff(id, orderID, d string) string {
	return fmt.Sprintf(`{"id":%q,"order_id":%q,"to":{"department":%q},"urgency":"urgent","subject":"原单%s退款重拍","via":["phone"]}`,
		id, orderID, d, orderID)
}

// blockers returns the plan's blockers by step: ready or not. at is the
// path of the plan's answer in r, "" at the top.
func blockers(r resp, at ...string) map[string]bool {
	out := map[string]bool{}
	bs, _ := r.get(strings.Join(append(at, "blockers"), ".")).([]any)
	for _, b := range bs {
		b := b.(map[string]any)
		out[b["step"].(map[string]any)["code"].(string)] = b["ready"].(bool)
	}
	return out
}

func version(r resp) string { return fmt.Sprint(r.get("plan.version")) }

// Refund-and-reorder through refund's planner, seed 000 case 1 replayed
// against the backend (rule R1): each step is the action itself, applied
// to the stored plan in the action's transaction; the shop's steps out of
// order are refused with nothing half-applied — finance told before the
// hold, the new order before both acknowledgements, the original refunded
// before every guard, the hold released while the buyer orders again —;
// the buyer's own re-order is recorded all the same as a bypass naming
// the step case 1 skipped; the refund pays the original once, through its
// ledger, and a retry replays it.
func TestRefundAndReorderPlan(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", li, overcharged("T1")))

		// The remedies, the shop's preference first (rule S2); no plan yet.
		p := e.must(200, e.call("GET", "/orders/T1/reorder-plan", li, "", "Accept-Language", "en"))
		assert.Equal(t, "refund_difference", p.str("preferred"))
		assert.Equal(t, "10.00", p.str("overcharge.amount"))
		assert.NotEmpty(t, p.str("explain.staff"), "the overcharge in the console's words")
		assert.Nil(t, p.get("plan"))

		p = e.must(201, e.call("POST", "/orders/T1/reorder-plan", li, `{"id":"RR-1","cannot_refund_difference":true}`, "Accept-Language", "en"))
		assert.Equal(t, "refund_and_reorder", p.str("plan.route"))
		assert.Equal(t, "hold_original", p.str("explain.blocked_by"))
		assert.Equal(t, "in_sales", p.str("blockers.0.who.code"))
		assert.NotEqual(t, p.str("blockers.0.who.code"), p.str("blockers.0.who.text"))
		assert.Equal(t, "awaiting_hold", p.str("blockers.0.reasons.0.code"))
		assert.NotEqual(t, "awaiting_hold", p.str("blockers.0.reasons.0.text"))
		// The plan and its blockers in kefu's words, and the buyer's line:
		// refund and order again while the original is held (rule R1).
		assert.Contains(t, p.str("explain.staff"), p.str("explain.route.text"))
		assert.Contains(t, p.str("explain.staff"), "T1")
		assert.Contains(t, p.str("blockers.0.staff"), p.str("blockers.0.step.text"))
		assert.Contains(t, p.str("blockers.0.staff"), p.str("blockers.0.reasons.0.text"))
		assert.NotEmpty(t, p.str("explain.buyer"), "what the buyer is told")
		assert.NotContains(t, p.str("explain.staff")+p.str("explain.buyer"), "hold_original", "words, not codes")
		// One open plan per order; the plan's JSON strict.
		e.must(409, e.call("POST", "/orders/T1/reorder-plan", li, `{"id":"RR-2","cannot_refund_difference":true}`))
		e.must(422, e.call("POST", "/orders/T1/reorder-plan", li, `{"id":"RR-3","owner":{"id":"boss"}}`))

		// Finance told before the hold: refused, the hand-off not stored.
		r := e.must(409, e.call("POST", "/handoffs", li, handOff("h-f", "T1", "finance")))
		assert.Contains(t, r.str("error.message"), "hold_original")
		e.must(404, e.call("POST", "/handoffs/h-f/ack", e.colleague("cw-zhao", order.Finance), ""))
		// The original refunded before its guards: refused, nothing paid.
		e.must(409, e.call("POST", "/plans/RR-1/refund", li, `{"version":1}`))
		assert.Equal(t, "0.00", e.must(200, e.call("GET", "/orders/T1/ledger", li, "")).str("refunded"))

		// The hold is the first step, in the hold's transaction.
		e.must(200, e.call("POST", "/orders/T1/hold", li, `{"flag":"red","reason":"退款重拍,原单暂停发货"}`))
		p = e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		assert.Equal(t, map[string]bool{"finance_ack": true, "warehouse_ack": true, "place_reorder": false,
			"refund_original": false, "fix_settings": true}, blockers(p))
		// It stays held while the buyer orders again.
		e.must(409, e.call("POST", "/orders/T1/release", li, `{"flag":"green","reason":"放行"}`))

		e.must(200, e.call("POST", "/handoffs", li, handOff("h-f", "T1", "finance")))
		e.must(200, e.call("POST", "/handoffs/h-f/ack", e.colleague("cw-zhao", order.Finance), ""))

		// The buyer's new order, before the warehouse saw the hold: the
		// shop may not ask for it yet, and nothing is linked.
		e.must(201, e.call("POST", "/orders", li, orderJSON("T2", "tb_1", "LX-2201", 2, "64.25", "0.00", "WAIT_SELLER_SEND_GOODS",
			testStart.Add(-time.Minute), testStart)))
		r = e.must(409, e.call("POST", "/orders/T1/reorder", li, `{"reorder_id":"T2"}`))
		assert.Contains(t, r.str("error.message"), "warehouse_ack")
		assert.Equal(t, 0, count(context.Background(), t, e.dbs[0], "SELECT COUNT(*) FROM reorders"))
		// The buyer had reordered on their own: recorded, with the bypass.
		r = e.must(200, e.call("POST", "/orders/T1/reorder", li, `{"reorder_id":"T2","observed":true}`))
		assert.Equal(t, "T2", r.str("plan.plan.reorder"))
		assert.Contains(t, string(r.Body), `"skipped":["warehouse_ack"]`, "the step seed case 1 skipped")
		bypass := e.must(200, e.call("GET", "/plans/RR-1", li, "", "Accept-Language", "en")).str("explain.staff")
		assert.Contains(t, bypass, "Buyer reordered before: the warehouse acknowledges the hold", "the guard skipped, in words (rule R1)")

		// The refund still waits for the warehouse (rule R1).
		p = e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		r = e.must(409, e.call("POST", "/plans/RR-1/refund", li, `{"version":`+version(p)+`}`))
		assert.Contains(t, r.str("error.message"), "warehouse_ack")
		e.must(200, e.call("POST", "/handoffs", li, handOff("h-w", "T1", "warehouse")))
		e.must(200, e.call("POST", "/handoffs/h-w/ack", e.colleague("ck-sun", order.Warehouse), ""))

		// A stale version is 409; on the current one the original is
		// refunded whole, through its ledger, in the plan's transaction.
		p = e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		e.must(409, e.call("POST", "/plans/RR-1/refund", li, `{"version":1}`))
		r = e.must(200, e.call("POST", "/plans/RR-1/refund", li, `{"version":`+version(p)+`}`))
		assert.Equal(t, "138.50", r.str("ledger.refunded"))
		assert.Equal(t, "0.00", r.str("ledger.remaining"))
		assert.Equal(t, map[string]bool{"fix_settings": true}, blockers(r), "operations fixes the settings (rule S2)")
		// A retry replays the payouts: nothing is paid twice.
		r = e.must(200, e.call("POST", "/plans/RR-1/refund", li, `{"version":`+version(p)+`}`))
		assert.Equal(t, true, r.get("receipts.0.replayed"))
		assert.Equal(t, "138.50", r.str("ledger.refunded"))

		// Operations fixes the settings: the plan is done.
		e.must(200, e.call("POST", "/handoffs", li, handOff("h-o", "T1", "operations")))
		e.must(200, e.call("POST", "/handoffs/h-o/ack", e.colleague("yy-qian", order.Operations), ""))
		p = e.must(200, e.call("GET", "/orders/T1/reorder-plan", li, ""))
		assert.Equal(t, "done", p.str("plan.plan.status"))
		assert.Empty(t, blockers(p, "plan"))

		// State survives a restart.
		e.restart()
		p = e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		assert.Equal(t, "done", p.str("plan.status"))
	})
}

// An original that leaves the warehouse before it is held switches its
// plan (rules R1, S7): with no new order yet, back to refunding the
// difference, which the plan then pays — only the 10.00 overcharged.
// Plan events the actions do not report come through /plans/{id}/events:
// only parcel, evidence and cancel.
func TestPlanOriginalLeft(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", li, overcharged("T1")))
		p := e.must(201, e.call("POST", "/orders/T1/reorder-plan", li, `{"id":"RR-1","cannot_refund_difference":true}`))
		require.Equal(t, "refund_and_reorder", p.str("plan.route"))
		e.must(422, e.call("POST", "/plans/RR-1/events", li, `{"event":"hold","version":1}`))
		e.must(409, e.call("POST", "/plans/RR-1/events", li, `{"event":"cancel","version":7}`))

		e.must(200, e.call("POST", "/orders/T1/events", li, `{"event":"dispatch"}`))
		p = e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		assert.Equal(t, "refund_difference", p.str("plan.route"))
		assert.Contains(t, p.get("plan.reasons"), "parcel_left")
		r := e.must(200, e.call("POST", "/plans/RR-1/refund", li, `{"version":`+version(p)+`}`))
		assert.Equal(t, "10.00", r.str("ledger.refunded"))
		assert.Equal(t, "128.50", r.str("ledger.remaining"))

		// A plan of a dispatched order refunds the difference from the start;
		// a plan of an order that was never paid is refused.
		e.must(201, e.call("POST", "/orders", li, overcharged("T3")))
		e.must(200, e.call("POST", "/orders/T3/events", li, `{"event":"dispatch"}`))
		p = e.must(201, e.call("POST", "/orders/T3/reorder-plan", li, `{"id":"RR-3","cannot_refund_difference":true}`))
		assert.Equal(t, "refund_difference", p.str("plan.route"))
		e.must(201, e.call("POST", "/orders", li, strings.Replace(unpaid("T4"), "tb_8812", "tb_1", 1)))
		e.must(409, e.call("POST", "/orders/T4/reorder-plan", li, `{"id":"RR-4"}`))
		e.must(404, e.call("GET", "/plans/RR-404", li, ""))
	})
}

// A plan made for an original held already counts its hold when the memo
// holds the hold note (rule R1); an order held with no note in the memo
// (a record from elsewhere) is not counted held, and may be released and
// held again through the backend, which writes the note.
func TestPlanOfHeldOrder(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", li, overcharged("T1")))
		e.must(200, e.call("POST", "/orders/T1/hold", li, `{"flag":"red","reason":"退款重拍,原单暂停发货"}`))
		p := e.must(201, e.call("POST", "/orders/T1/reorder-plan", li, `{"id":"RR-1","cannot_refund_difference":true}`))
		assert.NotContains(t, blockers(p), "hold_original")
		assert.Equal(t, "finance_ack", p.str("explain.blocked_by"))
		e.must(409, e.call("POST", "/orders/T1/release", li, `{"flag":"green","reason":"放行"}`))

		e.must(201, e.call("POST", "/orders", li, strings.Replace(overcharged("T2"), "WAIT_SELLER_SEND_GOODS", "PAID_FORBID_CONSIGN", 1)))
		p = e.must(201, e.call("POST", "/orders/T2/reorder-plan", li, `{"id":"RR-2","cannot_refund_difference":true}`))
		assert.Equal(t, "hold_original", p.str("explain.blocked_by"))
		e.must(200, e.call("POST", "/orders/T2/release", li, `{"flag":"green","reason":"补写暂停备注"}`))
		e.must(200, e.call("POST", "/orders/T2/hold", li, `{"flag":"red","reason":"退款重拍,原单暂停发货"}`))
		p = e.must(200, e.call("GET", "/plans/RR-2", li, ""))
		assert.Equal(t, "finance_ack", p.str("explain.blocked_by"))
	})
}

// A hand-off says which plan it belongs to (rule R1): "plan":"" — none —
// lets the console tell finance about something else while a plan waits
// for the original's hold, and its acknowledgement completes no step of
// the plan; "plan":"<id>" names the plan whose step it is, refused (409)
// when that plan does not wait for it, nothing stored; the field is strict
// (a string or null, 422 otherwise) and kefu's form still refuses fields
// it does not have.
func TestHandOffPlanField(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		zhao := e.colleague("cw-zhao", order.Finance)
		e.must(201, e.call("POST", "/orders", li, overcharged("T1")))
		e.must(201, e.call("POST", "/orders/T1/reorder-plan", li, `{"id":"RR-1","cannot_refund_difference":true}`))
		withPlan := func(id, plan string) string {
			return strings.Replace(handOff(id, "T1", "finance"), `{`, `{"plan":`+plan+`,`, 1)
		}

		// Without the field the hand-off counts as the plan's: refused
		// before the hold. Naming the plan: the same.
		e.must(409, e.call("POST", "/handoffs", li, handOff("h-1", "T1", "finance")))
		e.must(409, e.call("POST", "/handoffs", li, withPlan("h-1", `"RR-1"`)))
		// Not the plan's: sent, and its acknowledgement is not the
		// plan's finance step.
		r := e.must(200, e.call("POST", "/handoffs", li, withPlan("h-1", `""`)))
		assert.Equal(t, "h-1", r.str("handoff.id"))
		e.must(200, e.call("POST", "/handoffs/h-1/ack", zhao, ""))
		p := e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		assert.Equal(t, "hold_original", p.str("explain.blocked_by"))
		assert.Contains(t, blockers(p), "finance_ack", "finance's step still waits")

		// A plan that is not the order's, or does not wait for finance: 409.
		e.must(200, e.call("POST", "/orders/T1/hold", li, `{"flag":"red","reason":"退款重拍,原单暂停发货"}`))
		e.must(409, e.call("POST", "/handoffs", li, withPlan("h-2", `"RR-9"`)))
		e.must(404, e.call("POST", "/handoffs/h-2/ack", zhao, ""))
		// Strict: a number, an object, an over-long ID; kefu's own fields.
		for _, bad := range []string{`7`, `{"id":"RR-1"}`, `"` + strings.Repeat("x", 65) + `"`} {
			e.must(422, e.call("POST", "/handoffs", li, withPlan("h-3", bad)))
		}
		e.must(422, e.call("POST", "/handoffs", li, strings.Replace(withPlan("h-3", `"RR-1"`), `{`, `{"made_by":"boss",`, 1)))
		// null is the default; naming the plan now: its finance step.
		e.must(200, e.call("POST", "/handoffs", li, withPlan("h-3", `null`)))
		e.must(200, e.call("POST", "/handoffs", li, withPlan("h-4", `"RR-1"`)))
		e.must(200, e.call("POST", "/handoffs/h-4/ack", zhao, ""))
		p = e.must(200, e.call("GET", "/plans/RR-1", li, ""))
		assert.NotContains(t, blockers(p), "finance_ack")
	})
}
