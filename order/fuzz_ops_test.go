package order_test

import (
	"encoding/json"
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
