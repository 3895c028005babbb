package pricing

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// TestDecisionJSONRoundTrip: every field, the unexported amount and limit
// included, survives an encode and decode.
func TestDecisionJSONRoundTrip(t *testing.T) {
	for _, d := range []Decision{
		{},
		{Verdict: order.NeedsApproval, Approver: order.TeamLeader, Reasons: ReasonSet(0).With(ReasonBeyondAuthority),
			Suggest: Postage, Kind: PriceCut, Period: "double 11", amount: 1234, limit: 500},
		{Verdict: order.Allowed, Kind: Gift, amount: 1},
	} {
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var got Decision
		require.NoError(t, json.Unmarshal(b, &got), string(b))
		assert.Equal(t, d, got, string(b))
	}
}

// TestDecisionJSONZeroEncodes: the zero decision encodes without a verdict
// or kind, like shipping's zero decisions.
func TestDecisionJSONZeroEncodes(t *testing.T) {
	b, err := json.Marshal(Decision{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"reasons":[],"amount":"0.00","limit":"0.00"}`, string(b))
}

// TestDecisionJSONRejectsLeavesUnchanged: an unknown code or a malformed
// amount is an error matching its sentinel, and d keeps its value.
func TestDecisionJSONRejectsLeavesUnchanged(t *testing.T) {
	for _, c := range []struct {
		name, in string
		want     error
	}{
		{"verdict", `{"verdict":"maybe","amount":"1.00","limit":"0.00"}`, order.ErrUnknownCode},
		{"kind", `{"verdict":"allowed","kind":"coupon","amount":"1.00","limit":"0.00"}`, ErrUnknownKind},
		{"reason", `{"verdict":"allowed","reasons":["bogus"],"amount":"1.00","limit":"0.00"}`, ErrUnknownReason},
		{"role", `{"verdict":"allowed","approver":"boss","amount":"1.00","limit":"0.00"}`, ErrUnknownRole},
		{"amount text", `{"verdict":"allowed","amount":"abc","limit":"0.00"}`, ErrInvalidAmount},
		{"amount decimals", `{"verdict":"allowed","amount":"1.001","limit":"0.00"}`, ErrInvalidAmount},
		{"limit negative", `{"verdict":"allowed","amount":"1.00","limit":"-1.00"}`, ErrInvalidAmount},
		{"limit huge", `{"verdict":"allowed","amount":"1.00","limit":"1e40"}`, ErrInvalidAmount},
		{"limit text", `{"verdict":"allowed","amount":"1.00","limit":"x"}`, ErrInvalidAmount},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := Decision{Verdict: order.Refused, Kind: Gift, amount: 7, limit: 3}
			before := d
			err := json.Unmarshal([]byte(c.in), &d)
			require.ErrorIs(t, err, c.want)
			assert.Equal(t, before, d)
			if c.want == ErrInvalidAmount {
				var pe *Error
				require.ErrorAs(t, err, &pe)
				assert.Equal(t, c.name[:5], pe.Field[:5], "the error names amount or limit")
			}
		})
	}
}
