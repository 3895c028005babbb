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
	planJSONHostileMoney(t, "refunded")
}

// rule S2: a stored plan's overcharge (what the plan puts right) is read
// the same strict way as a step's refunded amount: money as text, the
// form kefu writes it in. Before, a bare JSON number (8.00, 8e2) passed.
func TestPlanJSONHostileOvercharge(t *testing.T) {
	planJSONHostileMoney(t, "overcharge")
}

// planJSONHostileMoney replaces the plan's "8.00" under key with each
// hostile value: each is refused, a 422 naming the row, the plan decoded
// into unchanged.
func planJSONHostileMoney(t *testing.T, key string) {
	t.Helper()
	p, good := refundedPlan(t)
	from := `"` + key + `":"8.00"`
	require.Contains(t, good, from)
	var back refund.Plan
	require.NoError(t, back.UnmarshalJSON([]byte(good)))
	step, _ := back.Step(refund.StepRefundDifference)
	decEq(t, "8.00", step.Refunded)
	decEq(t, "8.00", back.Overcharge())

	for _, tc := range []struct{ reason, to string }{
		{"negative", `"-8.00"`},
		{"three decimals", `"8.001"`},
		{"a million digits", `"` + strings.Repeat("9", 1_000_000) + `"`},
		{"a long fraction", `"8.` + strings.Repeat("0", 40_000) + `1"`},
		{"an exponent", `"8e2"`},
		{"a huge exponent", `"1e999999999"`},
		{"a tiny exponent", `"8e-999999999"`},
		{"a number, not text", `8.00`},
		{"a whole number, not text", `8`},
		{"a number with an exponent", `1e999999999`},
		{"a million-digit number", strings.Repeat("9", 1_000_000)},
		// within the plan's 64 kB, so the amount's own bound refuses them.
		{"sixty thousand digits", `"` + strings.Repeat("9", 60_000) + `"`},
		{"a sixty-thousand-digit number", strings.Repeat("9", 60_000)},
		{"null", `null`},
		{"empty text", `""`},
		{"text that is no number", `"eight"`},
		{"a sign", `"+8.00"`},
		{"spaces", `" 8.00"`},
		{"a hexadecimal number", `"0x8"`},
		{"full-width digits", `"８.00"`},
		{"an object", `{"yuan":8}`},
		{"an array", `["8.00"]`},
		{"true", `true`},
		{"above what kefu holds", `"99999999999999999999.00"`},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			bad := []byte(strings.Replace(good, from, `"`+key+`":`+tc.to, 1))
			got := p
			var err error
			require.NotPanics(t, func() { err = got.UnmarshalJSON(bad) })
			require.Error(t, err)
			assert.ErrorIs(t, err, order.ErrInvalidInput, "%v", err)
			assert.Equal(t, 422, httpStatus(err))
			if len(bad) <= 64<<10 {
				assert.Contains(t, err.Error(), key, "the error names the row")
			}
			assert.Less(t, len(err.Error()), 300, "the error names the row, not all of it")
			assert.Equal(t, good, jsonOf(t, got), "unchanged on error")
		})
	}
}
