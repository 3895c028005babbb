package pricing_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// Reason codes are stable: UIs and message catalogs key on them, so this
// table must only ever grow.
func TestReasonCodesAreStable(t *testing.T) {
	want := []string{"beyond_authority", "over_share", "beyond_every_role", "erase_not_allowed",
		"erase_over_share", "erase_daily_limit", "not_small_change", "repeat_price_change",
		"after_payment", "outside_promotion", "order_closed", "oversold", "agent_fault",
		"gift_preferred", "postage_preferred", "period_limits", "exceeds_order", "ships_free",
		"exceeds_postage"}
	rs := pricing.Reasons()
	require.Len(t, rs, len(want))
	var set pricing.ReasonSet
	for i, r := range rs {
		assert.Equal(t, want[i], r.String())
		back, err := pricing.ParseReason(want[i])
		require.NoError(t, err)
		assert.Equal(t, r, back)
		set = set.With(r)
	}
	assert.Equal(t, len(want), set.Len())
	assert.Equal(t, rs, set.Values())
	assert.Equal(t, rs, slices.Collect(set.All()), "All is an iterator (issue 11 #6)")
	assert.Equal(t, want, set.Strings())
	assert.Equal(t, "Reason(99)", pricing.Reason(99).String())
	assert.False(t, set.Has(pricing.Reason(99)))
	assert.Equal(t, "[beyond_authority postage_preferred]",
		pricing.ReasonSet(0).With(pricing.ReasonPostagePreferred).With(pricing.ReasonBeyondAuthority).String())
	_, err := pricing.ParseReason("nope")
	require.ErrorIs(t, err, pricing.ErrUnknownReason)
	require.ErrorIs(t, err, order.ErrUnknownReason, "the order package's sentinel")
}

func TestKindText(t *testing.T) {
	want := []string{"gift", "postage", "price_cut", "erase_change", "refund"}
	for i, k := range pricing.Kinds() {
		assert.Equal(t, want[i], k.String())
		b, err := k.MarshalText()
		require.NoError(t, err)
		var back pricing.Kind
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, k, back)
	}
	assert.Len(t, pricing.Kinds(), len(want))
	assert.True(t, pricing.PriceCut.ChangesPrice())
	assert.False(t, pricing.Gift.ChangesPrice())
	assert.False(t, pricing.Refund.ChangesPrice())
	assert.True(t, pricing.EraseChange.Concession())
	assert.False(t, pricing.Refund.Concession(), "a refund is not a concession")
	var k pricing.Kind = pricing.Gift
	require.ErrorIs(t, k.UnmarshalText([]byte("cashback")), pricing.ErrUnknownKind)
	assert.Equal(t, pricing.Gift, k, "unchanged on error")
	_, err := pricing.KindUnknown.MarshalText()
	require.ErrorIs(t, err, pricing.ErrUnknownKind)
	assert.Equal(t, "Kind(9)", pricing.Kind(9).String())
}

func TestVerdictAndCauseText(t *testing.T) {
	b, err := json.Marshal(struct {
		V order.Verdict
		C pricing.Cause
		P pricing.Payer
	}{order.NeedsApproval, pricing.AgentFault, pricing.PayerBuyer})
	require.NoError(t, err)
	assert.JSONEq(t, `{"V":"needs_approval","C":"agent_fault","P":"buyer"}`, string(b))
	for _, name := range []string{"oversold", "agent_fault"} {
		c, err := pricing.ParseCause(name)
		require.NoError(t, err)
		assert.Equal(t, name, c.String())
	}
	assert.Equal(t, "", pricing.NoCause.String())
	var c pricing.Cause
	require.NoError(t, c.UnmarshalText(nil))
	assert.Equal(t, pricing.NoCause, c)
	require.ErrorIs(t, c.UnmarshalText([]byte("luck")), pricing.ErrUnknownCause)
	_, err = order.VerdictUnknown.MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownCode)
}

func TestDecisionJSON(t *testing.T) {
	d, err := defaultPolicy().Review(request(xiaomei, unpaid(), pricing.PriceCut, "5"), pricing.AgentUsage{}, pricing.OrderUsage{})
	require.NoError(t, err)
	assert.Equal(t, "5.00", d.Amount().StringFixed(2))
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.JSONEq(t, `{"verdict":"needs_approval","approver":"team_leader","reasons":["beyond_authority","postage_preferred"],
		"suggest":"postage","kind":"price_cut","amount":"5.00","limit":"0.00"}`, string(b))

	var set pricing.ReasonSet
	require.NoError(t, json.Unmarshal([]byte(`["postage_preferred","beyond_authority"]`), &set))
	assert.Equal(t, d.Reasons, set)
	require.ErrorIs(t, json.Unmarshal([]byte(`["cash_back"]`), &set), pricing.ErrUnknownReason, "unknown code")
	assert.Equal(t, d.Reasons, set, "unchanged on error")
	var d2 pricing.Decision
	require.ErrorIs(t, json.Unmarshal([]byte(`{"verdict":"maybe"}`), &d2), order.ErrUnknownCode)
	assert.True(t, pricing.ReasonAfterPayment.IsValid())
	_, err = pricing.ReasonUnknown.MarshalText()
	require.ErrorIs(t, err, pricing.ErrUnknownReason)
}
