package order_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// FuzzTriagePolicyJSON decodes arbitrary JSON over the default policy. It
// must never panic; a policy that decodes and validates must encode and
// decode back to itself, and must triage an order whose buyer message is
// the fuzzed text without error.
func FuzzTriagePolicyJSON(f *testing.F) {
	// Seeds: a shop file, the defaults, hostile durations and patterns.
	f.Add(`{"digest_every":"3h","slow_review_ship_day":2}`, "能指定日期送到吗")
	f.Add(`{"unsatisfiable_messages":[{"contains":"Gift Wrap","reason":"message_unsatisfiable"}]}`, "GIFT WRAP please")
	f.Add(`{"digest_every":"-1h"}`, "")
	f.Add(`{"repeat_within":"1m","digest_every":"4h"}`, "")
	f.Add(`{"zone":"+05:30","cod_confirm_within":"90m","skip":["needs_sf"]}`, "返现")
	f.Add(`{"unsatisfiable_messages":[{"contains":"\u0000","reason":"message_cash_back"}]}`, "\x00")
	f.Add(`[]`, "\xff")
	f.Fuzz(func(t *testing.T, js, msg string) {
		p := order.DefaultTriagePolicy()
		if json.Unmarshal([]byte(js), &p) != nil || p.Validate() != nil {
			return
		}
		b, err := json.Marshal(p)
		require.NoError(t, err)
		var back order.TriagePolicy
		require.NoError(t, json.Unmarshal(b, &back))
		require.Equal(t, p.DigestEvery, back.DigestEvery)
		require.Equal(t, p.CODConfirmWithin, back.CODConfirmWithin)
		require.Equal(t, p.RepeatWithin, back.RepeatWithin)
		require.NoError(t, back.Validate())

		at := time.Date(2026, 11, 11, 9, 0, 0, 0, time.UTC)
		o, err := order.New(order.Spec{ID: "F1", Buyer: order.Buyer{ID: "b"}, Message: msg,
			Lines:  []order.Line{{SKU: "A-1", Quantity: 1}},
			Status: order.AwaitingDispatch, CreatedAt: at, PaidAt: at})
		if err != nil {
			return
		}
		_, err = p.Triage([]*order.Order{&o}, at)
		require.NoError(t, err)
	})
}

// FuzzDecisionJSON decodes arbitrary JSON as each stored result of the
// order operations. It must never panic; whatever decodes must encode,
// and the encoding must decode to the same text again.
func FuzzDecisionJSON(f *testing.F) {
	// Seeds: a good value of each type, then hostile ones.
	f.Add(`{"sku":"PROMO-1","on_hand":3,"demand":5,"allocations":[{"order_id":"A","ordered":2,"allocated":2},{"order_id":"B","ordered":3,"allocated":1,"short_value":"119.80","offers":["refund"]}],"set_listed_stock_zero":true,"compensation_to":"store_manager","reasons":["oversold"]}`)
	f.Add(`{"at":"2026-11-11T12:30:00+08:00","checked":4,"findings":[{"order_id":"C1","categories":["cod_unconfirmed"],"problems":[{"category":"cod_unconfirmed","reason":"cod_unconfirmed"}]}]}`)
	f.Add(`{"since":"2026-11-11T20:00:00+08:00","day":3,"deal_with_by":"2026-11-11T23:59:59+08:00","reasons":["slow_review_ship_day"]}`)
	f.Add(`{"verdict":"refused","action":"confirm_with_buyer","if_declined":"reorder_online","reasons":["cod_unconfirmed"]}`)
	f.Add(`{"at":"2026-11-11T12:00:00+08:00","next":"2026-11-11T14:00:00+08:00","orders":1,"groups":[{"category":"cod_unconfirmed","count":1,"rows":[{"order_id":"T1","buyer_id":"b","region":"zhejiang","placed_at":"2026-11-11T09:40:00+08:00","age":"2h20m0s","reasons":["order.cod_unconfirmed","shipping.x"]}]}]}`)
	f.Add(`{"since":"2026-11-11T20:00:00+08:00","day":1,"deal_with_by":"2026-11-11T23:59:59+08:00","rounds":[{"round":"evening","start":"2026-11-11T20:00:00+08:00","end":"2026-11-12T09:00:00+08:00","missing":["sms"]}],"due":["sms"]}`)
	f.Add(`{"sku":"ＴＥＡ-01","ordered":2,"on_hand":1}`)
	f.Add(`{"allocations":[{"order_id":"A","ordered":1,"short_value":1e-9999}]}`)
	f.Add(`{"findings":[null],"checked":-1}`)
	f.Add(`null`)
	f.Fuzz(func(t *testing.T, js string) {
		for _, v := range []any{new(order.OversellPlan), new(order.Allocation), new(order.Report),
			new(order.Finding), new(order.SlowReview), new(order.CODDecision), new(order.Shortage),
			new(order.Digest), new(order.Problem), new(order.Contact), new(order.ContactRound)} {
			// Called directly, the decoder accepts only valid JSON.
			if v.(json.Unmarshaler).UnmarshalJSON([]byte(js)) == nil && !json.Valid([]byte(js)) {
				t.Fatalf("%T accepted invalid JSON %q", v, js)
			}
			if json.Unmarshal([]byte(js), v) != nil {
				continue
			}
			if strings.TrimSpace(js) == "null" {
				continue // null leaves the zero value, which is not a result
			}
			if r, ok := v.(order.StaffRenderer); ok { // a decoded result renders without panicking
				for _, l := range order.Langs() {
					_ = r.Staff(l)
					if b, ok := v.(order.BuyerRenderer); ok {
						_ = b.Buyer(l)
					}
				}
			}
			if a, ok := v.(*order.Allocation); ok {
				_ = a.Buyer(order.Spanish)
			}
			b, err := json.Marshal(v)
			require.NoError(t, err, "%T decoded from %s", v, js)
			require.NoError(t, json.Unmarshal(b, v), "%T: %s", v, b)
			b2, err := json.Marshal(v)
			require.NoError(t, err)
			require.Equal(t, string(b), string(b2))
		}
	})
}
