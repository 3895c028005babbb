package api_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// The memo and the hold (rules N1, N3): a note is stamped with the agent of
// the token; a hold changes the status and writes its note in one
// transaction; a held order does not ship; the lifecycle event route
// refuses a hold without its note.
func TestMemoAndHold(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", li, paid("T1", 2, "50.00")))

		n := e.must(200, e.call("POST", "/orders/T1/notes", li,
			`{"flag":"red","kind":"address_change","reason":"买家来电改门牌号","address":{"recipient":"王芳","phone":"13800135678","province":"浙江省","city":"杭州市","district":"西湖区","detail":"文三路14号"}}`))
		assert.Equal(t, "allowed", n.str("decision.verdict"))
		assert.Contains(t, n.str("note"), "工号:kf-li")
		assert.Contains(t, n.str("memo.text"), "文三路14号")

		e.must(422, e.call("POST", "/orders/T1/events", li, `{"event":"hold"}`))
		h := e.must(200, e.call("POST", "/orders/T1/hold", li, `{"flag":"red","reason":"等买家确认地址"}`))
		assert.Equal(t, "PAID_FORBID_CONSIGN", h.str("order.order.status"))
		assert.Contains(t, h.str("memo.text"), "暂停发货")
		e.must(409, e.call("POST", "/orders/T1/events", li, `{"event":"dispatch"}`)) // rule O1: held orders do not ship
		e.must(409, e.call("POST", "/orders/T1/hold", li, `{"flag":"red","reason":"again"}`))
		r := e.must(200, e.call("POST", "/orders/T1/release", li, `{"flag":"green","reason":"地址已确认"}`))
		assert.Equal(t, "WAIT_SELLER_SEND_GOODS", r.str("order.order.status"))
		e.must(200, e.call("POST", "/orders/T1/events", li, `{"event":"dispatch"}`))
		e.must(404, e.call("POST", "/orders/T404/notes", li, `{"flag":"red","kind":"refund","reason":"x","amount":"1.00"}`))
	})
}

// A trade record from the platform: the order, its discount split (refunds
// draw from it) and its seller memo; a memo too full for a note refuses it
// as a decision, and leaves the memo as it was (rule N1).
func TestImportTradeAndFullMemo(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		memo := strings.Repeat("备", 330) // 990 bytes
		trade := `{"tid":"3301","status":"WAIT_SELLER_SEND_GOODS","buyer_open_uid":"AAH8812","buyer_nick":"小鹿",
			"receiver_name":"王芳","receiver_mobile":"13800135678","receiver_state":"浙江省","receiver_city":"杭州市",
			"receiver_district":"西湖区","receiver_address":"文三路12号",
			"payment":"118.50","post_fee":"0.00","total_fee":"128.50","discount_fee":"10.00",
			"created":"2026-11-10 08:00:00","pay_time":"2026-11-10 08:05:00","seller_memo":"` + memo + `","seller_flag":2,
			"orders":[{"oid":"3302","outer_sku_id":"LX-2201","num":2,"price":"64.25","divide_order_fee":"118.50","part_mjz_discount":"10.00"}],
			"a_field_kefu_does_not_read":1}`
		o := e.must(201, e.call("POST", "/orders/import", li, trade))
		assert.Equal(t, "AAH8812", o.str("order.buyer.id"))
		g := e.must(200, e.call("GET", "/orders/3301", li, ""))
		assert.Equal(t, memo, g.str("memo.text"))
		full := e.must(200, e.call("POST", "/orders/3301/notes", li, `{"flag":"green","kind":"refund","reason":"退差价","amount":"10.00"}`))
		assert.Equal(t, "refused", full.str("decision.verdict"))
		assert.Equal(t, "memo_full", full.str("explain.reasons.0.code"))
		assert.Equal(t, memo, e.must(200, e.call("GET", "/orders/3301", li, "")).str("memo.text"))
		// The ledger holds the platform's split: 118.50 paid.
		l := e.must(200, e.call("GET", "/orders/3301/ledger", li, ""))
		assert.Equal(t, "118.50", l.str("paid"))
		e.must(409, e.call("POST", "/orders/import", li, trade)) // imported once
	})
}

// Hand-offs (rule N2): urgent to a colleague who is away goes by phone; a
// hand-off counts once a person other than its sender acknowledges it.
func TestHandOffs(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", li, paid("T1", 1, "10.00")))
		chat := `{"id":"h-1","order_id":"T1","to":{"department":"finance"},"urgency":"urgent","subject":"原单T1退款重拍,请退款","via":["chat"],"away":true}`
		r := e.must(200, e.call("POST", "/handoffs", li, chat, "Accept-Language", "es"))
		assert.Equal(t, "refused", r.str("decision.verdict"))
		assert.Equal(t, "phone_required", r.str("explain.reasons.0.code"))
		assert.Equal(t, "es", r.str("explain.lang"))
		e.must(404, e.call("POST", "/handoffs/h-1/ack", e.colleague("cw-zhao", order.Finance), "")) // not sent, not stored

		e.must(200, e.call("POST", "/handoffs", li, strings.Replace(chat, `["chat"]`, `["chat","phone"]`, 1)))
		e.must(409, e.call("POST", "/handoffs", li, strings.Replace(chat, `["chat"]`, `["chat","phone"]`, 1)))
		e.must(403, e.call("POST", "/handoffs/h-1/ack", li, ""))                                 // its sender
		e.must(403, e.call("POST", "/handoffs/h-1/ack", e.staff("ｋｆ-li", order.TeamLeader), "")) // its sender, spelt otherwise
		a := e.must(200, e.call("POST", "/handoffs/h-1/ack", e.colleague("cw-zhao", order.Finance), ""))
		assert.Equal(t, "cw-zhao", a.str("handoff.acked_by"))
		e.must(409, e.call("POST", "/handoffs/h-1/ack", e.colleague("cw-qian", order.Finance), ""))
		// A hand-off about an order the shop does not have.
		e.must(404, e.call("POST", "/handoffs", li, strings.NewReplacer(`"h-1"`, `"h-2"`, `"T1"`, `"T404"`, `["chat"]`, `["phone"]`).Replace(chat)))
	})
}

// Promises (rule N3): one that real stock cannot back is refused; a
// dispatch promise is kept only by outbound evidence; settled once.
func TestPromises(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", li, paid("T1", 2, "50.00")))
		draft := `{"id":"p-1","kind":"dispatch_by","order_id":"T1"}`
		r := e.must(200, e.call("POST", "/promises", li, draft))
		assert.Equal(t, "refused", r.str("decision.verdict"))
		assert.Equal(t, "stock_not_counted", r.str("explain.reasons.0.code"))

		e.must(200, e.call("PUT", "/stock/LX-2201", li, `{"on_hand":1}`))
		r = e.must(200, e.call("POST", "/promises", li, draft))
		assert.Equal(t, "out_of_stock", r.str("explain.reasons.0.code"))

		e.must(200, e.call("PUT", "/stock/ＬＸ-2201", li, `{"on_hand":5}`)) // the same SKU, full width
		e.must(422, e.call("PUT", "/stock/LX-2201", li, `{"on_hand":-1}`))
		r = e.must(200, e.call("POST", "/promises", li, draft))
		require.Equal(t, "allowed", r.str("decision.verdict"), "%s", r.Body)
		assert.Equal(t, "kf-li", r.str("promise.made_by.id"))
		e.must(409, e.call("POST", "/promises", li, draft))

		ag := e.must(200, e.call("GET", "/agenda", li, ""))
		assert.Len(t, ag.get("agenda.due_today"), 1)

		at := e.clock.Now().Add(time.Hour).Format(time.RFC3339)
		f := e.must(200, e.call("POST", "/promises/p-1/fulfil", li, `{"at":"`+at+`","stage":"printed"}`))
		assert.Equal(t, "", f.str("promise.done_at"), "a printed waybill is no outbound")
		f = e.must(200, e.call("POST", "/promises/p-1/fulfil", li, `{"at":"`+at+`","stage":"outbound"}`))
		assert.Equal(t, "kept", f.str("state"))
		e.must(409, e.call("POST", "/promises/p-1/break", li, ""))
		e.must(404, e.call("POST", "/promises/p-404/break", li, ""))

		// Never an exact delivery date (rules S6, S8).
		r = e.must(200, e.call("POST", "/promises", li, `{"id":"p-2","kind":"deliver_by","order_id":"T1","due":"2026-11-12T23:59:59+08:00"}`))
		assert.Equal(t, "exact_delivery_date", r.str("explain.reasons.0.code"))
	})
}

// A return through the refund lifecycle (rules R4, R7): agreed, sent back
// with a waybill, confirmed on arrival — which pays it through the ledger
// in the same transaction; a stale version is 409.
func TestReturnLifecycle(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 2, "50.00")))
		e.must(200, e.call("POST", "/orders/T1/events", wang, `{"event":"dispatch"}`))

		e.must(201, e.call("POST", "/orders/T1/refunds", wang, `{"id":"rf-1","sku":"LX-2201","units":1,"fee":"50.00","has_good_return":true,"good_status":"BUYER_RECEIVED"}`))
		e.must(422, e.call("POST", "/orders/T1/refunds", wang, `{"id":"rf-2","sku":"LX-2201","units":3,"fee":"10.00"}`))
		e.must(422, e.call("POST", "/orders/T1/refunds", wang, `{"id":"rf-3","sku":"LX-2201","fee":"100.01"}`))
		e.must(200, e.call("POST", "/refunds/rf-1/actions", wang, `{"event":"agree_return","version":1}`))
		e.must(409, e.call("POST", "/refunds/rf-1/actions", wang, `{"event":"agree_return","version":1}`)) // stale
		e.must(422, e.call("POST", "/refunds/rf-1/actions", wang, `{"event":"return_goods","version":2}`)) // no waybill (rule R4)
		e.must(200, e.call("POST", "/refunds/rf-1/actions", wang, `{"event":"return_goods","version":2,"waybill":"SF1234567890"}`))
		c := e.must(200, e.call("POST", "/refunds/rf-1/actions", wang, `{"event":"confirm_goods","version":3}`))
		assert.Equal(t, "SUCCESS", c.str("refund.status"))
		assert.Equal(t, "50.00", c.str("receipt.amount"))
		assert.Equal(t, "50.00", c.str("ledger.remaining"))

		// The same refund cannot be paid again through the payouts route with
		// other parameters (the refund's ID is the payout's key).
		e.must(422, e.call("POST", "/orders/T1/payouts", wang, `{"key":"rf-1","sku":"LX-2201","goods":"49.00"}`))
		// A stated ledger version that moved on is 409.
		e.must(409, e.call("POST", "/orders/T1/payouts", wang, `{"key":"rf-9","sku":"LX-2201","goods":"1.00","version":1}`))
	})
}

// An exchange (rule R4): the replacement ships only after the return came
// back.
func TestExchange(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		e.must(201, e.call("POST", "/orders", wang, paid("T1", 2, "50.00")))
		e.must(422, e.call("POST", "/orders/T1/exchanges", wang, `{"id":"x-1","sku":"LX-2201","units":1}`)) // never dispatched
		e.must(200, e.call("POST", "/orders/T1/events", wang, `{"event":"dispatch"}`))
		e.must(201, e.call("POST", "/orders/T1/exchanges", wang, `{"id":"x-1","sku":"LX-2201","units":1,"replacement_sku":"LX-2202"}`))
		e.must(409, e.call("POST", "/exchanges/x-1/actions", wang, `{"event":"dispatch_replacement","version":1,"waybill":"YT9876543210"}`))
		e.must(200, e.call("POST", "/exchanges/x-1/actions", wang, `{"event":"ship_return","version":1,"waybill":"SF1234567890"}`))
		e.must(200, e.call("POST", "/exchanges/x-1/actions", wang, `{"event":"receive_return","version":2,"units":1}`))
		x := e.must(200, e.call("POST", "/exchanges/x-1/actions", wang, `{"event":"dispatch_replacement","version":3,"waybill":"YT9876543210"}`))
		assert.Equal(t, "replacement_shipped", x.str("exchange.status"))
		e.must(422, e.call("POST", "/exchanges/x-1/actions", wang, `{"event":"cancel","version":4,"fee":"1.00"}`))
	})
}

// Free shipping, the honest dispatch promise and a claim checked before it
// is said (rules S1, S2, S6).
func TestShipping(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		e.must(201, e.call("POST", "/orders", li, orderJSON("T1", "tb_1", "LX-2201", 2, "64.25", "10.00", "WAIT_SELLER_SEND_GOODS",
			testStart.Add(-2*time.Hour), testStart.Add(-time.Hour))))
		s := e.must(200, e.call("GET", "/orders/T1/shipping", li, "", "Accept-Language", "en"))
		assert.Equal(t, "allowed", s.str("free_shipping.verdict"))
		assert.Equal(t, true, s.get("overcharge.overcharged"))
		assert.Equal(t, "10.00", s.str("overcharge.amount"))
		assert.Equal(t, "ships_today", s.str("dispatch_promise.wording"))
		assert.NotEmpty(t, s.str("wording_text"))

		c := e.must(200, e.call("POST", "/orders/T1/promise-check", li, `{"date":"2026-11-12"}`))
		assert.Equal(t, "refused", c.str("review.verdict"))
		assert.Equal(t, "exact_date", c.str("explain.reasons.0.code"))
		e.must(422, e.call("POST", "/orders/T1/promise-check", li, `{"wording":"ships_today","when":"now"}`))
	})
}

// The problem-order digest (rule O2) in the request's language.
func TestDigest(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		li := e.staff("kf-li", order.InSales)
		// A silent order that qualified for free shipping but paid postage.
		e.must(201, e.call("POST", "/orders", li, orderJSON("T1", "tb_1", "LX-2201", 2, "64.25", "10.00", "WAIT_SELLER_SEND_GOODS",
			testStart.Add(-2*time.Hour), testStart.Add(-time.Hour))))
		// Another order of the same buyer to another address.
		other := strings.Replace(orderJSON("T2", "tb_1", "LX-9", 1, "5.00", "10.00", "WAIT_SELLER_SEND_GOODS",
			testStart.Add(-90*time.Minute), testStart.Add(-80*time.Minute)), "文三路12号", "教工路8号", 1)
		e.must(201, e.call("POST", "/orders", li, other))
		e.must(200, e.call("PUT", "/stock/LX-2201", li, `{"on_hand":10}`))
		e.must(200, e.call("PUT", "/stock/LX-9", li, `{"on_hand":10}`))

		d := e.must(200, e.call("GET", "/digest", li, "", "Accept-Language", "zh-TW"))
		assert.EqualValues(t, 2, d.get("digest.orders"))
		assert.Equal(t, "zh-Hant", d.str("explain.lang"))
		var cats []string
		for _, g := range d.get("explain.groups").([]any) {
			c := g.(map[string]any)["category"].(map[string]any)
			cats = append(cats, c["code"].(string))
			assert.NotEqual(t, c["code"], c["text"])
		}
		assert.Contains(t, cats, "multiple_addresses")
		assert.Contains(t, cats, "postage_wrong")
		// The plain-text table in words: categories and reasons, not codes.
		txt := e.must(200, e.call("GET", "/digest?format=text", li, "", "Accept-Language", "en"))
		assert.Contains(t, string(txt.Body), "Problem orders at")
		assert.Equal(t, "en", txt.Header.Get("Content-Language"))
		assert.NotContains(t, string(txt.Body), "multiple_addresses")
		assert.NotContains(t, string(txt.Body), "postage_wrong")
		en := e.must(200, e.call("GET", "/digest", li, "", "Accept-Language", "en"))
		for _, g := range en.get("explain.groups").([]any) {
			g := g.(map[string]any)
			assert.Contains(t, string(txt.Body), g["category"].(map[string]any)["text"].(string)+": ")
			for _, row := range g["rows"].([]any) {
				for _, rc := range row.(map[string]any)["reasons"].([]any) {
					assert.Contains(t, string(txt.Body), rc.(map[string]any)["text"].(string))
				}
			}
		}
	})
}

// The digest runs refund's after-sales checks too (order.AfterSaleCheck),
// on finished trades as well as open ones: an exchange waiting too long for
// its return (rule R4) and a refund promised and late (rule R6) reach it;
// paying the promised refund keeps the promise (Ledger.Keep) and takes the
// order off the digest.
func TestDigestAfterSales(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		wang := e.staff("kf-wang", order.AfterSales)
		e.must(200, e.call("PUT", "/stock/LX-2201", wang, `{"on_hand":10}`))
		for _, id := range []string{"T1", "T2"} {
			e.must(201, e.call("POST", "/orders", wang, paid(id, 2, "50.00")))
			e.must(200, e.call("POST", "/orders/"+id+"/events", wang, `{"event":"dispatch"}`))
			e.must(200, e.call("POST", "/orders/"+id+"/events", wang, `{"event":"confirm_receipt"}`))
		}
		e.must(201, e.call("POST", "/orders/T1/exchanges", wang, `{"id":"x-1","sku":"LX-2201","units":1}`))
		due := e.clock.Now().Add(24 * time.Hour).Format(time.RFC3339)
		pr := e.must(200, e.call("POST", "/promises", wang, `{"id":"rf-7","kind":"refund_by","order_id":"T2","due":"`+due+`"}`))
		require.Equal(t, "allowed", pr.str("decision.verdict"), "%s", pr.Body)

		d := e.must(200, e.call("GET", "/digest", wang, "", "Accept-Language", "en"))
		assert.EqualValues(t, 0, d.get("digest.orders"), "nothing is late yet: %s", d.Body)

		e.clock.Add(8 * 24 * time.Hour)
		wang = e.staff("kf-wang", order.AfterSales) // the day's token
		d = e.must(200, e.call("GET", "/digest", wang, "", "Accept-Language", "en"))
		assert.EqualValues(t, 2, d.get("digest.orders"), "%s", d.Body)
		reasons := map[string]string{}
		for _, g := range d.get("explain.groups").([]any) {
			g := g.(map[string]any)
			assert.Equal(t, "after_sales_pending", g["category"].(map[string]any)["code"])
			for _, row := range g["rows"].([]any) {
				row := row.(map[string]any)
				rc := row["reasons"].([]any)[0].(map[string]any)
				reasons[row["order_id"].(string)] = rc["code"].(string)
				assert.NotEqual(t, rc["code"], rc["text"], "the reason's English text")
			}
		}
		assert.Equal(t, map[string]string{"T1": "refund.exchange_awaiting_return", "T2": "refund.refund_overdue"}, reasons)
		// The plain-text table says them in words (rules R4, R6).
		txt := string(e.must(200, e.call("GET", "/digest?format=text", wang, "", "Accept-Language", "en")).Body)
		assert.NotContains(t, txt, "refund.")
		assert.NotContains(t, txt, "after_sales_pending")
		assert.Contains(t, txt, "Promised refund overdue")

		// Paid late: the promise is settled (broken: after its due time)
		// and T2 leaves the digest.
		e.must(200, e.call("POST", "/orders/T2/payouts", wang, `{"key":"rf-7","sku":"LX-2201","goods":"5.00"}`))
		ag := e.must(200, e.call("GET", "/agenda", wang, ""))
		assert.NotContains(t, string(ag.Body), "rf-7", "settled promises leave the agenda")
		d = e.must(200, e.call("GET", "/digest", wang, ""))
		assert.EqualValues(t, 1, d.get("digest.orders"), "%s", d.Body)
		assert.Equal(t, "T1", d.str("digest.groups.0.rows.0.order_id"))
	})
}
