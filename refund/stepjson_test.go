package refund_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// rule R7: what a money step refunded is stored as money, with two
// decimals, like every amount kefu encodes, and reads back the same.
func TestStepRefundedEncodesAsMoney(t *testing.T) {
	b, err := json.Marshal(refund.StepState{Step: refund.StepSettle, State: refund.StepDone, OrderID: "T1001", Refunded: dec("8")})
	require.NoError(t, err)
	assert.Contains(t, string(b), `"refunded":"8.00"`)
	assert.Equal(t, 1, countKey(string(b), `"refunded"`), "one refunded key")

	b, err = json.Marshal(refund.StepState{Step: refund.StepSettle, State: refund.StepPending})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "refunded", "zero is left out")
}

func countKey(s, k string) int {
	n := 0
	for i := 0; i+len(k) <= len(s); i++ {
		if s[i:i+len(k)] == k {
			n++
		}
	}
	return n
}

// refundedPlan is the JSON of a plan whose money step refunded the
// difference, 8.00 (rule S2).
func refundedPlan(t *testing.T) (refund.Plan, string) {
	t.Helper()
	o, c := overcharged(t)
	p, err := refund.PlanOvercharge(refund.PlanRequest{ID: "RD-1", Order: o, Overcharge: c, Owner: agentB, At: t0.Add(time.Hour)})
	require.NoError(t, err)
	p, _, _, err = p.Refund(ledger(t, threeLines()), p.Version(), t0.Add(2*time.Hour))
	require.NoError(t, err)
	b, err := json.Marshal(p)
	require.NoError(t, err)
	return p, string(b)
}

// rule R7: a stored plan whose money step claims a hostile refunded amount
// is refused with a clear error of the invalid-input class — never a
// panic, never rounded, never slow — and the plan decoded into is left as
// it was. What the buyer is told was refunded comes from it (rules R1, R2).
func TestPlanJSONHostileRefunded(t *testing.T) {
	p, good := refundedPlan(t)
	const from = `"refunded":"8.00"`
	require.Contains(t, good, from)
	var back refund.Plan
	require.NoError(t, back.UnmarshalJSON([]byte(good)))
	step, _ := back.Step(refund.StepRefundDifference)
	decEq(t, "8.00", step.Refunded)

	for _, tc := range []struct{ reason, to string }{
		{"negative", `"refunded":"-8.00"`},
		{"three decimals", `"refunded":"8.001"`},
		{"a million digits", `"refunded":"` + strings.Repeat("9", 1_000_000) + `"`},
		{"a long fraction", `"refunded":"8.` + strings.Repeat("0", 40_000) + `1"`},
		{"an exponent", `"refunded":"8e2"`},
		{"a huge exponent", `"refunded":"1e999999999"`},
		{"a tiny exponent", `"refunded":"8e-999999999"`},
		{"a number, not text", `"refunded":8.00`},
		{"a number with an exponent", `"refunded":1e999999999`},
		{"empty text", `"refunded":""`},
		{"text that is no number", `"refunded":"eight"`},
		{"a sign", `"refunded":"+8.00"`},
		{"spaces", `"refunded":" 8.00"`},
		{"a hexadecimal number", `"refunded":"0x8"`},
		{"an object", `"refunded":{"yuan":8}`},
		{"an array", `"refunded":["8.00"]`},
		{"true", `"refunded":true`},
		{"above what kefu holds", `"refunded":"99999999999999999999.00"`},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			bad := []byte(strings.Replace(good, from, tc.to, 1))
			got := p
			var err error
			require.NotPanics(t, func() { err = got.UnmarshalJSON(bad) })
			require.Error(t, err)
			assert.ErrorIs(t, err, order.ErrInvalidInput, "%v", err)
			assert.Equal(t, 422, httpStatus(err))
			assert.Less(t, len(err.Error()), 300, "the error names the row, not all of it")
			assert.Equal(t, good, jsonOf(t, got), "unchanged on error")
		})
	}
}
