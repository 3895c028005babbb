package pricing_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// TestPolicyJSONErrorLeavesPolicyUnchanged: a file whose zone decodes but
// whose approver does not leaves the policy exactly as it was.
func TestPolicyJSONErrorLeavesPolicyUnchanged(t *testing.T) {
	for _, in := range []string{
		`{"zone":"+09:00","approver":"bogus"}`,
		`{"zone":"+09:00","preference":["postage","cashback"]}`,
		`{"zone":"+09:00","approver":"store_manager","limits":{"team_leader":{"gift":"x"}}}`,
		`{"zone":"+09:00","periods":[{"name":"d11","start":"yesterday"}]}`,
		`{"zone":"+09:00","periods":[{"name":"d11","limits":{"erase_percent":"x"}}]}`,
	} {
		p := pricing.DefaultPolicy()
		require.Error(t, json.Unmarshal([]byte(in), &p), in)
		assert.Equal(t, pricing.DefaultPolicy(), p, in)
	}
}

// TestPolicyJSONErrorNamesField: a decoding error names the policy field
// and still matches the sentinel of the underlying error.
func TestPolicyJSONErrorNamesField(t *testing.T) {
	for _, c := range []struct {
		in, field string
		want      error
	}{
		{`{"approver":"bogus"}`, "approver", order.ErrUnknownRole},
		{`{"preference":["gift","cashback"]}`, "preference[1]", pricing.ErrUnknownKind},
		{`{"limits":{"team_leader":{"gift":"x"}}}`, "limits.team_leader.gift", pricing.ErrInvalidAmount},
		{`{"limits":{"erase_percent":true}}`, "limits.erase_percent", pricing.ErrInvalidAmount},
		{`{"periods":[{},{"limits":{"store_manager":{"postage":"x"}}}]}`, "periods[1].limits.store_manager.postage", pricing.ErrInvalidAmount},
		{`{"periods":[{"end":"soon"}]}`, "periods[0].end", pricing.ErrInvalidTime},
		{`{"limits":{"erase_times_per_day":"3"}}`, "limits.erase_times_per_day", pricing.ErrInvalidPolicy},
		{`{"zone":8}`, "zone", pricing.ErrInvalidPolicy},
		{`{"approver":8}`, "approver", pricing.ErrInvalidPolicy},
	} {
		p := pricing.DefaultPolicy()
		err := json.Unmarshal([]byte(c.in), &p)
		require.ErrorIs(t, err, c.want, c.in)
		var pe *pricing.Error
		require.ErrorAs(t, err, &pe, c.in)
		assert.Equal(t, c.field, pe.Field, c.in)
		assert.Contains(t, err.Error(), "pricing: "+c.field, c.in)
	}
}

// TestPolicyJSONPeriodsStartAfresh: a periods list decoded over an old one
// does not carry the old period's name, times or limits into the new one
// (rule A4: a period's limits are only what the file says).
func TestPolicyJSONPeriodsStartAfresh(t *testing.T) {
	p := pricing.DefaultPolicy()
	p.Periods = []pricing.Period{{Name: "old", Start: time.Date(2026, 6, 18, 0, 0, 0, 0, time.UTC),
		End: time.Date(2026, 6, 19, 0, 0, 0, 0, time.UTC), Limits: p.Limits}}
	require.NoError(t, json.Unmarshal([]byte(`{"periods":[{"name":"d11","start":"2026-11-11T00:00:00+08:00","end":"2026-11-12T00:00:00+08:00",
		"limits":{"team_leader":{"gift":"80.00"}}}]}`), &p))
	require.Len(t, p.Periods, 1)
	got := p.Periods[0]
	assert.Equal(t, "d11", got.Name)
	assert.Equal(t, 0, got.Limits.EraseTimesPerDay, "erase_times_per_day carried over")
	assert.True(t, got.Limits.ErasePercent.IsZero())
	assert.Equal(t, "80.00", got.Limits.TeamLeader.Gift.StringFixed(2))

	// A period without limits does not keep the old period's limits.
	p.Periods[0].Limits = pricing.DefaultPolicy().Limits
	require.NoError(t, json.Unmarshal([]byte(`{"periods":[{"name":"bare"}]}`), &p))
	assert.Equal(t, []pricing.Period{{Name: "bare"}}, p.Periods)
}

// TestPolicyJSONOverridesOnlyWhatFileSets: fields absent from the file keep
// the value of the policy decoded onto.
func TestPolicyJSONOverridesOnlyWhatFileSets(t *testing.T) {
	p := pricing.DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"zone":"Asia/Shanghai"}`), &p))
	want := pricing.DefaultPolicy()
	want.Zone = "Asia/Shanghai"
	assert.Equal(t, want, p)
	require.NoError(t, json.Unmarshal([]byte(`{"preference":["price_cut"],"approver":"store_manager"}`), &p))
	assert.Equal(t, []pricing.Kind{pricing.PriceCut}, p.Preference)
	assert.Equal(t, order.StoreManager, p.Approver)
	assert.Equal(t, want.Limits, p.Limits)
}
