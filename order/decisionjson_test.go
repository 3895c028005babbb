package order_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// seedPlan is the oversell plan of the seed 002 promotion item: A paid
// first and gets 2 units, B gets 1 of 2, C gets none.
func seedPlan(t *testing.T) order.OversellPlan {
	t.Helper()
	plan, err := order.Oversell(order.OversellRequest{SKU: "PROMO-1",
		Stock:  stockOf(t, map[string]int{"PROMO-1": 3}),
		Orders: []*order.Order{promoOrder(t, "C", 1, 2), promoOrder(t, "A", 2, 0), promoOrder(t, "B", 2, 1)}, Promotion: true})
	require.NoError(t, err)
	return plan
}

// codReport is a triage report with two unconfirmed cash-on-delivery
// orders (C1, C4) among four.
func codReport(t *testing.T) order.Report {
	t.Helper()
	return triage(t, now0, []*order.Order{mk(t, codSpec("C4", false)), mk(t, codSpec("C1", false)),
		mk(t, codSpec("C2", true)), mk(t, opsSpec("C3", "x", "TEA-01", 0))})
}

// TestDecisionJSONGolden pins the JSON of each result type, and that
// decoding it and encoding again gives the same text.
func TestDecisionJSONGolden(t *testing.T) {
	p := order.DefaultTriagePolicy()
	cod := func(s order.Spec, now time.Time) order.CODDecision {
		d, err := p.COD(mk(t, s), now)
		require.NoError(t, err)
		return d
	}
	slow := func(stock map[string]int, edit ...func(*order.Spec)) order.SlowReview {
		s, err := p.SlowReview(mk(t, slowSpec(), edit...), stockOf(t, stock), nil, time.Date(2026, 11, 13, 9, 0, 0, 0, cst))
		require.NoError(t, err)
		return s
	}
	oneTea := func(s *order.Spec) { s.Lines = s.Lines[:1]; s.Postage, s.Discount, s.Paid = dec("0"), dec("0"), nil }
	shortages, err := stockOf(t, map[string]int{"TEA-01": 1, "CUP-01": 5}).Shortages(mk(t, paidSpec()))
	require.NoError(t, err)
	require.Len(t, shortages, 1)

	for _, c := range []struct {
		reason string
		v      any
		back   any // a pointer to decode into; nil for encode-only
		want   string
	}{
		{"rules O3, P5: the seed promotion plan", seedPlan(t), new(order.OversellPlan),
			`{"sku":"PROMO-1","on_hand":3,"demand":5,"oversold":true,"allocations":[` +
				`{"order_id":"A","ordered":2,"allocated":2,"short":0,"short_value":"0.00","offers":[],"request_compensation":false,"reasons":[]},` +
				`{"order_id":"B","ordered":2,"allocated":1,"short":1,"short_value":"59.90","offers":["refund","substitute"],"request_compensation":true,"reasons":["promotion_item","paid_later"]},` +
				`{"order_id":"C","ordered":1,"allocated":0,"short":1,"short_value":"59.90","offers":["refund","substitute"],"request_compensation":true,"reasons":["promotion_item","paid_later"]}],` +
				`"set_listed_stock_zero":true,"compensation_to":"store_manager","reasons":["oversold","stock_exhausted","promotion_item"]}`},
		{"an allocation alone", seedPlan(t).Allocations[1], new(order.Allocation),
			`{"order_id":"B","ordered":2,"allocated":1,"short":1,"short_value":"59.90","offers":["refund","substitute"],"request_compensation":true,"reasons":["promotion_item","paid_later"]}`},
		{"rule O2: a triage report, findings by order ID", codReport(t), new(order.Report),
			`{"at":"2026-11-11T12:30:00+08:00","checked":4,"skipped":0,"findings":[` +
				`{"order_id":"C1","categories":["cod_unconfirmed"],"problems":[{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"}]},` +
				`{"order_id":"C4","categories":["cod_unconfirmed"],"problems":[{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"}]}]}`},
		{"an empty report", triage(t, now0, nil), new(order.Report),
			`{"at":"2026-11-11T12:30:00+08:00","checked":0,"skipped":0,"findings":[]}`},
		{"rule S9: confirm with the buyer, by a deadline", cod(codSpec("J1", false), t0.Add(time.Hour)), new(order.CODDecision),
			`{"verdict":"refused","action":"confirm_with_buyer","if_declined":"reorder_online","confirm_by":"2026-11-12T09:30:00+08:00","reasons":["cod_unconfirmed"]}`},
		{"rule S9: confirmed, ship; no deadline, no fallback", cod(codSpec("J2", true), t0.Add(time.Hour)), new(order.CODDecision),
			`{"verdict":"allowed","action":"ship","reasons":["cod_confirmed"]}`},
		{"rule S9: overdue, re-order online", cod(codSpec("J3", false), t0.Add(48*time.Hour)), new(order.CODDecision),
			`{"verdict":"refused","action":"reorder_online","reasons":["cod_unconfirmed","cod_confirmation_overdue"]}`},
		{"paid online: nothing to do", cod(opsSpec("J4", "j4", "TEA-01", 0), t0), new(order.CODDecision),
			`{"verdict":"allowed","action":"none","reasons":["not_cod"]}`},
		{"rule O5: the must-ship day", slow(map[string]int{"TEA-01": 10, "CUP-01": 10}), new(order.SlowReview),
			`{"since":"2026-11-11T20:00:00+08:00","day":3,"deal_with_by":"2026-11-11T23:59:59+08:00","ship_by":"2026-11-13T23:59:59+08:00","exempt":false,"reached":false,` +
				`"rounds":[{"round":"evening","start":"2026-11-11T20:00:00+08:00","end":"2026-11-12T09:00:00+08:00","missing":["chat","phone","sms"]},{"round":"morning","start":"2026-11-12T09:00:00+08:00","end":"2026-11-12T18:00:00+08:00","missing":["chat","phone","sms"]},{"round":"evening","start":"2026-11-12T18:00:00+08:00","end":"2026-11-13T09:00:00+08:00","missing":["chat","phone","sms"]},{"round":"morning","start":"2026-11-13T09:00:00+08:00","end":"2026-11-13T18:00:00+08:00","missing":["chat","phone","sms"]}],"due":["chat","phone","sms"],"missed":3,"reasons":["slow_review_ship_day"]}`},
		{"rule O5: a single item out of stock has no ship-by time", slow(map[string]int{"TEA-01": 0}, oneTea), new(order.SlowReview),
			`{"since":"2026-11-11T20:00:00+08:00","day":3,"deal_with_by":"2026-11-11T23:59:59+08:00","exempt":true,"reached":false,` +
				`"rounds":[{"round":"evening","start":"2026-11-11T20:00:00+08:00","end":"2026-11-12T09:00:00+08:00","missing":["chat","phone","sms"]},{"round":"morning","start":"2026-11-12T09:00:00+08:00","end":"2026-11-12T18:00:00+08:00","missing":["chat","phone","sms"]},{"round":"evening","start":"2026-11-12T18:00:00+08:00","end":"2026-11-13T09:00:00+08:00","missing":["chat","phone","sms"]},{"round":"morning","start":"2026-11-13T09:00:00+08:00","end":"2026-11-13T18:00:00+08:00","missing":["chat","phone","sms"]}],"due":["chat","phone","sms"],"missed":3,"reasons":["slow_review_single_item_out_of_stock"]}`},
		{"not under slow review: no times", slow(nil, func(s *order.Spec) { s.SlowReviewSince = time.Time{} }), new(order.SlowReview),
			`{"day":0,"exempt":false,"reached":false,"due":[],"missed":0,"reasons":["not_under_slow_review"]}`},
		{"rule O8: a shortage", shortages[0], new(order.Shortage),
			`{"sku":"TEA-01","ordered":2,"on_hand":1}`},
	} {
		t.Run(c.reason, func(t *testing.T) {
			b, err := json.Marshal(c.v)
			require.NoError(t, err)
			assert.Equal(t, c.want, string(b))
			require.NoError(t, json.Unmarshal(b, c.back))
			again, err := json.Marshal(c.back)
			require.NoError(t, err)
			assert.Equal(t, c.want, string(again), "decode, encode: the same text")
		})
	}
}

// A decoded plan or report holds order IDs, not orders; what can be
// worked out without the orders still works.
func TestDecodedResultsWithoutOrders(t *testing.T) {
	b, err := json.Marshal(seedPlan(t))
	require.NoError(t, err)
	var plan order.OversellPlan
	require.NoError(t, json.Unmarshal(b, &plan))
	require.Len(t, plan.Allocations, 3)
	assert.True(t, plan.Oversold())
	assert.True(t, plan.SetListedStockZero)
	assert.Equal(t, order.StoreManager, plan.CompensationTo)
	a := plan.Allocations[1]
	assert.Nil(t, a.Order, "no order behind a decoded allocation")
	assert.Equal(t, "B", a.OrderID())
	assert.Equal(t, 1, a.Short())
	assert.Equal(t, "59.90", a.ShortValue().StringFixed(2), "the unit value survives")
	assert.Equal(t, "A", seedPlan(t).Allocations[0].OrderID(), "OrderID of a live allocation is its order's")

	b, err = json.Marshal(codReport(t))
	require.NoError(t, err)
	var r order.Report
	require.NoError(t, json.Unmarshal(b, &r))
	assert.True(t, r.At.Equal(now0))
	assert.Equal(t, 2, r.Count(order.CODUnconfirmed))
	f, ok := r.Find("C4")
	require.True(t, ok, "Find works on a decoded report")
	assert.Equal(t, "C4", f.OrderID())
	assert.Equal(t, []order.Code{order.CODUnconfirmedReason.Code()}, f.Reasons(order.CODUnconfirmed))
	_, ok = r.Find("C2")
	assert.False(t, ok)
	_, err = order.DefaultTriagePolicy().Digest(r)
	require.ErrorIs(t, err, order.ErrNilOrder, "the digest needs the orders themselves")
	assert.Contains(t, err.Error(), `"C1"`, "and names the order it lacks")
}

// rule O7: a stored or sent result names an order by its ID and carries
// none of its buyer's personal data — no phone, recipient or street.
func TestDecisionJSONCarriesNoPersonalData(t *testing.T) {
	leaky := func(s *order.Spec) { s.Buyer.ID = "buyer-secret"; s.Message = "放门口" }
	r := triage(t, now0, []*order.Order{mk(t, codSpec("P1", false), leaky)})
	require.Len(t, r.Findings, 1)
	plan, err := order.Oversell(order.OversellRequest{SKU: "TEA-01", Stock: stockOf(t, map[string]int{"TEA-01": 0}),
		Orders: []*order.Order{mk(t, opsSpec("P2", "p2", "TEA-01", 0), leaky)}})
	require.NoError(t, err)
	for _, v := range []any{r, r.Findings[0], plan, plan.Allocations[0]} {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		s := string(b)
		assert.Contains(t, s, `"order_id":"P`)
		for _, personal := range []string{"13812345678", "张三", "文三路", "buyer-secret", "放门口", "zhejiang"} {
			assert.NotContains(t, s, personal)
		}
	}
}

// Encoding a result that lost its order is an error that says where.
func TestDecisionJSONWithoutOrderRefused(t *testing.T) {
	for _, c := range []struct {
		reason string
		v      any
		want   error
		field  string
	}{
		{"a finding without an order", order.Finding{}, order.ErrNilOrder, "order"},
		{"a report with such a finding", order.Report{Findings: []order.Finding{{}}}, order.ErrNilOrder, "findings[0].order"},
		{"an allocation without an order", order.Allocation{Ordered: 1}, order.ErrNilOrder, "order"},
		{"a plan with the zero Order", order.OversellPlan{Allocations: []order.Allocation{{Order: &order.Order{}}}}, order.ErrMissing, "allocations[0].order"},
	} {
		t.Run(c.reason, func(t *testing.T) {
			_, err := json.Marshal(c.v)
			require.ErrorIs(t, err, c.want)
			var e *order.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, c.field, e.Field)
		})
	}
}

type hostileEdit struct {
	reason   string
	old, new string // replace the first old in the good JSON by new; old "" replaces all of it
	want     error  // nil: any error
	field    string // the *Error's field, if checked
}

// decodeHostile decodes each edit of good over a value decoded from good,
// and checks the error and that the value is left as it was.
func decodeHostile[T any](t *testing.T, good []byte, edits []hostileEdit) {
	t.Helper()
	for _, c := range edits {
		t.Run(c.reason, func(t *testing.T) {
			in := c.new
			if c.old != "" {
				in = strings.Replace(string(good), c.old, c.new, 1)
				require.NotEqual(t, string(good), in, "the edit applies")
			}
			var v T
			require.NoError(t, json.Unmarshal(good, &v))
			before, err := json.Marshal(v)
			require.NoError(t, err)
			err = json.Unmarshal([]byte(in), &v)
			require.Error(t, err)
			if c.want != nil {
				require.ErrorIs(t, err, c.want)
			}
			if c.field != "" {
				var e *order.Error
				require.True(t, errors.As(err, &e), "%v", err)
				assert.Equal(t, c.field, e.Field)
			}
			after, err := json.Marshal(v)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after), "left unchanged on error")
		})
	}
}

func TestOversellPlanJSONRefuses(t *testing.T) {
	good, err := json.Marshal(seedPlan(t))
	require.NoError(t, err)
	decodeHostile[order.OversellPlan](t, good, []hostileEdit{
		{"unknown reason", `"reasons":["oversold"`, `"reasons":["oversold_a_lot"`, order.ErrUnknownReason, "reasons[0]"},
		{"unknown remedy", `"offers":["refund"`, `"offers":["voucher"`, order.ErrUnknownCode, ""},
		{"unknown role", `"store_manager"`, `"ceo"`, order.ErrUnknownRole, ""},
		{"a role given as a number", `"store_manager"`, `3`, nil, ""},
		{"demand that is not the units ordered", `"demand":5`, `"demand":6`, order.ErrInconsistent, "demand"},
		{"more allocated than ordered", `"ordered":2,"allocated":2`, `"ordered":2,"allocated":3`, order.ErrInvalidQuantity, "allocations[0].allocated"},
		{"a negative allocation", `"ordered":2,"allocated":2`, `"ordered":2,"allocated":-1`, order.ErrInvalidQuantity, "allocations[0].allocated"},
		{"nothing ordered", `"ordered":1`, `"ordered":0`, order.ErrInvalidQuantity, "allocations[2].ordered"},
		{"a quantity beyond any order", `"ordered":1`, `"ordered":1000000000`, order.ErrInvalidQuantity, "allocations[2].ordered"},
		{"a count as text", `"ordered":1`, `"ordered":"1"`, nil, ""},
		{"more allocated than on hand", `"on_hand":3`, `"on_hand":2`, order.ErrInconsistent, "on_hand"},
		{"negative stock", `"on_hand":3`, `"on_hand":-3`, order.ErrInvalidQuantity, "on_hand"},
		{"listed stock kept though none is left", `"set_listed_stock_zero":true`, `"set_listed_stock_zero":false`, order.ErrInconsistent, "set_listed_stock_zero"},
		{"the same order twice", `"order_id":"C"`, `"order_id":"B"`, order.ErrDuplicateOrder, "allocations[2].order_id"},
		{"no order ID", `"order_id":"A"`, `"order_id":""`, order.ErrMissing, "allocations[0].order_id"},
		{"an order ID with spaces", `"order_id":"A"`, `"order_id":"A 1"`, order.ErrInvalidText, "allocations[0].order_id"},
		{"not a SKU", `"sku":"PROMO-1"`, `"sku":"PROMO 1!"`, order.ErrInvalidSKU, "sku"},
		{"no SKU", `"sku":"PROMO-1"`, `"sku":""`, order.ErrInvalidSKU, "sku"},
		{"money with three decimals", `"short_value":"59.90"`, `"short_value":"59.901"`, order.ErrInvalidAmount, "allocations[1].short_value"},
		{"negative money", `"short_value":"59.90"`, `"short_value":"-59.90"`, order.ErrInvalidAmount, "allocations[1].short_value"},
		{"money that is not a number", `"short_value":"59.90"`, `"short_value":"abc"`, order.ErrInvalidAmount, "allocations[1].short_value"},
		{"money as a huge exponent", `"short_value":"59.90"`, `"short_value":"1e999999"`, order.ErrInvalidAmount, "allocations[1].short_value"},
		{"money as an object", `"short_value":"59.90"`, `"short_value":{}`, order.ErrInvalidAmount, "allocations[1].short_value"},
		{"very long money", `"short_value":"59.90"`, `"short_value":"` + strings.Repeat("9", 10000) + `"`, order.ErrInvalidAmount, "allocations[1].short_value"},
		{"a value for an order served in full", `"short":0,"short_value":"0.00"`, `"short":0,"short_value":"1.00"`, order.ErrInconsistent, "allocations[0].short_value"},
		{"a value that is not fen per unit", `"order_id":"A","ordered":2,"allocated":2,"short":0,"short_value":"0.00"`,
			`"order_id":"A","ordered":2,"allocated":0,"short":2,"short_value":"0.01"`, order.ErrInconsistent, "allocations[0].short_value"},
		{"a null allocation", "", `{"sku":"X","allocations":[null]}`, order.ErrMissing, "allocations[0]"},
		{"hostile: an unknown key in an allocation", `"order_id":"B",`, `"order_id":"B","phone":"138",`, order.ErrUnknownField, "allocations[1].phone"},
		{"a short that disagrees", `"short":1`, `"short":2`, order.ErrInconsistent, "allocations[1].short"},
		{"an oversold flag that disagrees", `"oversold":true`, `"oversold":false`, order.ErrInconsistent, "oversold"},
		{"a list where an object belongs", "", `[]`, nil, ""},
		{"truncated", "", string(good[:len(good)/2]), nil, ""},
	})
}

func TestReportJSONRefuses(t *testing.T) {
	good, err := json.Marshal(codReport(t))
	require.NoError(t, err)
	decodeHostile[order.Report](t, good, []hostileEdit{
		{"unknown category", `"categories":["cod_unconfirmed"]`, `"categories":["cod_unknown"]`, order.ErrUnknownCategory, ""},
		{"unknown problem category", `{"category":"cod_unconfirmed"`, `{"category":"lost"`, order.ErrUnknownCategory, ""},
		{"a problem without a category", `{"category":"cod_unconfirmed",`, `{`, order.ErrMissing, "findings[0].problems[0].category"},
		{"a reason that is not a code", `"reason":"order.cod_unconfirmed"`, `"reason":"shipping.COD Unconfirmed"`, order.ErrInvalidText, "findings[0].problems[0].reason"},
		{"hostile: a reason with markup", `"reason":"order.cod_unconfirmed"`, `"reason":"<script>.x"`, order.ErrInvalidText, "findings[0].problems[0].reason"},
		{"hostile: another package passing a reason off as order's", `"reason":"order.cod_unconfirmed"`, `"reason":"order.postage_overcharged"`, order.ErrUnknownReason, "findings[0].problems[0].reason"},
		{"a bare reason that is not order's", `"reason":"order.cod_unconfirmed"`, `"reason":"postage_overcharged"`, order.ErrUnknownReason, "findings[0].problems[0].reason"},
		{"hostile: an unknown key in a problem", `"reason":"order.cod_unconfirmed"`, `"reason":"order.cod_unconfirmed","severity":9`, order.ErrUnknownField, "findings[0].problems[0].severity"},
		{"hostile: an unknown key in a finding", `"order_id":"C1",`, `"order_id":"C1","buyer":"b",`, order.ErrUnknownField, "findings[0].buyer"},
		{"hostile: an unknown key in the report", `"checked":4`, `"checked":4,"cheked":5`, order.ErrUnknownField, "cheked"},
		{"categories the problems do not have", `"categories":["cod_unconfirmed"]`, `"categories":["out_of_stock","cod_unconfirmed"]`, order.ErrInconsistent, "findings[0].categories"},
		{"a finding without problems", `"problems":[{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"}]`, `"problems":[]`, order.ErrMissing, "findings[0].problems"},
		{"a problem twice", `"problems":[{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"}]`,
			`"problems":[{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"},{"category":"cod_unconfirmed","reason":"order.cod_unconfirmed"}]`, order.ErrInconsistent, "findings[0].problems[1]"},
		{"the same order twice", `"order_id":"C4"`, `"order_id":"C1"`, order.ErrDuplicateOrder, "findings[1].order_id"},
		{"findings out of order", `"order_id":"C4"`, `"order_id":"B9"`, order.ErrInconsistent, "findings[1].order_id"},
		{"no order ID", `"order_id":"C1",`, ``, order.ErrMissing, "findings[0].order_id"},
		{"more findings than orders checked", `"checked":4`, `"checked":1`, order.ErrInconsistent, "findings"},
		{"a negative count", `"skipped":0`, `"skipped":-1`, order.ErrInvalidQuantity, "skipped"},
		{"more orders than a batch holds", `"checked":4`, `"checked":100000000`, order.ErrInvalidQuantity, "checked"},
		{"a time that is not RFC 3339", `"at":"2026-11-11T12:30:00+08:00"`, `"at":"11/11/2026"`, nil, ""},
		{"a null finding", "", `{"checked":1,"findings":[null]}`, order.ErrMissing, "findings[0]"},
		{"findings as an object", "", `{"checked":1,"findings":{"C1":{}}}`, nil, ""},
	})
}

func TestSlowReviewJSONRefuses(t *testing.T) {
	good := []byte(`{"since":"2026-11-11T20:00:00+08:00","day":3,"deal_with_by":"2026-11-11T23:59:59+08:00","ship_by":"2026-11-13T23:59:59+08:00","exempt":false,"reasons":["slow_review_ship_day"]}`)
	decodeHostile[order.SlowReview](t, good, []hostileEdit{
		{"unknown reason", `"slow_review_ship_day"`, `"ship_now"`, order.ErrUnknownReason, "reasons[0]"},
		{"a reason of the wrong case", `"slow_review_ship_day"`, `"SLOW_REVIEW_SHIP_DAY"`, order.ErrUnknownReason, "reasons[0]"},
		{"the empty reason", `"slow_review_ship_day"`, `""`, order.ErrUnknownReason, "reasons[0]"},
		{"a negative day", `"day":3`, `"day":-3`, order.ErrInvalidQuantity, "day"},
		{"a review that started but has no day", `"day":3`, `"day":0`, order.ErrInconsistent, "day"},
		{"a day without a start", `"since":"2026-11-11T20:00:00+08:00",`, ``, order.ErrInconsistent, "since"},
		{"exempt yet with a ship-by time", `"exempt":false`, `"exempt":true`, order.ErrInconsistent, "ship_by"},
		{"a time that is not RFC 3339", `"2026-11-13T23:59:59+08:00"`, `"13 Nov"`, nil, ""},
		{"reasons as a number", `["slow_review_ship_day"]`, `5`, nil, ""},
		{"hostile: an unknown key", `"exempt":false`, `"exempt":false,"must_ship_by":"2026-11-13T23:59:59+08:00"`, order.ErrUnknownField, "must_ship_by"},
	})
	var s order.SlowReview
	require.NoError(t, json.Unmarshal(good, &s))
	require.NoError(t, json.Unmarshal([]byte(`null`), &s))
	assert.Equal(t, 3, s.Day, "null leaves the value alone, as encoding/json does")
}

func TestCODDecisionJSONRefuses(t *testing.T) {
	good := []byte(`{"verdict":"refused","action":"confirm_with_buyer","if_declined":"reorder_online","confirm_by":"2026-11-12T09:30:00+08:00","reasons":["cod_unconfirmed"]}`)
	decodeHostile[order.CODDecision](t, good, []hostileEdit{
		{"unknown action", `"confirm_with_buyer"`, `"wait"`, order.ErrUnknownCode, "action"},
		{"unknown fallback", `"reorder_online"`, `"REORDER_ONLINE"`, order.ErrUnknownCode, "if_declined"},
		{"an action as its number", `"confirm_with_buyer"`, `2`, nil, ""},
		{"unknown reason", `"cod_unconfirmed"`, `"cod_maybe"`, order.ErrUnknownReason, "reasons[0]"},
		{"a verdict that is not one", `"verdict":"refused"`, `"verdict":"no"`, order.ErrUnknownCode, "verdict"},
		{"a verdict that disagrees with the action", `"verdict":"refused"`, `"verdict":"allowed"`, order.ErrInconsistent, "verdict"},
		{"no verdict", `"verdict":"refused",`, ``, order.ErrInconsistent, "verdict"},
		{"hostile: the old dispatchable flag", `"verdict":"refused"`, `"verdict":"refused","dispatchable":false`, order.ErrUnknownField, "dispatchable"},
	})
}

func TestShortageJSONRefuses(t *testing.T) {
	good := []byte(`{"sku":"TEA-01","ordered":2,"on_hand":1}`)
	decodeHostile[order.Shortage](t, good, []hostileEdit{
		{"enough on hand: no shortage", `"on_hand":1`, `"on_hand":2`, order.ErrInconsistent, "on_hand"},
		{"negative stock", `"on_hand":1`, `"on_hand":-1`, order.ErrInvalidQuantity, "on_hand"},
		{"nothing ordered", `"ordered":2`, `"ordered":0`, order.ErrInvalidQuantity, "ordered"},
		{"not a SKU", `"TEA-01"`, `"TEA 01"`, order.ErrInvalidSKU, "sku"},
		{"hostile: an unknown key", `"on_hand":1`, `"on_hand":1,"onhand":9`, order.ErrUnknownField, "onhand"},
	})
	var s order.Shortage
	require.NoError(t, json.Unmarshal([]byte(`{"sku":"ＴＥＡ-01","ordered":2,"on_hand":0}`), &s))
	assert.Equal(t, "TEA-01", s.SKU, "the SKU is normalised")
}
