package refund_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
