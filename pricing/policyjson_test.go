package pricing_test

import (
	"encoding/json"
	"strings"
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

// issue 11 #3: a policy file is decoded strictly. A misspelled field —
// at the top, in the limits, in a role's authority, in a period — is an
// error naming it, matching both ErrUnknownField and ErrInvalidPolicy;
// amounts are exact; the policy is left unchanged.
func TestPolicyJSONStrict(t *testing.T) {
	for _, c := range []struct {
		in, field string
		want      error
	}{
		{`{"limtis":{}}`, "limtis", pricing.ErrUnknownField},
		{`{"limits":{"team_leader":{"gfit":"80.00"}}}`, "limits.team_leader.gfit", pricing.ErrUnknownField},
		{`{"limits":{"erase_pecrent":"2"}}`, "limits.erase_pecrent", pricing.ErrUnknownField},
		{`{"periods":[{"name":"d11","nmae":"x"}]}`, "periods[0].nmae", pricing.ErrUnknownField},
		{`{"limits":{"team_leader":{"gift":"80.005"}}}`, "limits.team_leader.gift", pricing.ErrInvalidAmount},
		{`{"limits":{"team_leader":{"gift":"8e1"}}}`, "limits.team_leader.gift", pricing.ErrInvalidAmount},
		{`{"limits":{"erase_percent":` + strings.Repeat("9", 1<<20) + `}}`, "limits.erase_percent", pricing.ErrInvalidAmount}, // hostile
		{`{"zone":"+09:00"} {"zone":"+10:00"}`, "", pricing.ErrInvalidJSON},
	} {
		p := pricing.DefaultPolicy()
		err := p.UnmarshalJSON([]byte(c.in))
		require.ErrorIs(t, err, c.want, c.field)
		require.ErrorIs(t, err, pricing.ErrInvalidPolicy, c.field)
		var pe *pricing.Error
		require.ErrorAs(t, err, &pe)
		assert.Equal(t, c.field, pe.Field)
		assert.Equal(t, pricing.DefaultPolicy(), p, c.field)
		assert.Less(t, len(err.Error()), 400, "the message clips the value")
	}
	// null keeps a field's value, like an absent one.
	p := pricing.DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"limits":null,"periods":null,"approver":null}`), &p))
	assert.Equal(t, pricing.DefaultPolicy(), p)
}

// issue 10 #10: overlapping periods are found by sorting and sweeping,
// whatever the order of the list, and the error names the later of the
// two in the list. Periods that touch ([a, b) then [b, c)) do not
// overlap.
func TestPolicyValidatePeriodOverlaps(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, cst) }
	p := pricing.DefaultPolicy()
	period := func(name string, from, to int) pricing.Period {
		return pricing.Period{Name: name, Start: day(from), End: day(to), Limits: p.Limits}
	}
	cases := []struct {
		reason  string
		periods []pricing.Period
		field   string
	}{
		{"touching, in order", []pricing.Period{period("a", 1, 2), period("b", 2, 3), period("c", 3, 4)}, ""},
		{"touching, out of order", []pricing.Period{period("c", 3, 4), period("a", 1, 2), period("b", 2, 3)}, ""},
		{"the last overlaps the first", []pricing.Period{period("a", 1, 5), period("b", 6, 7), period("c", 4, 6)}, "periods[2]"},
		{"one inside another, listed first", []pricing.Period{period("in", 2, 3), period("out", 1, 9)}, "periods[1]"},
		{"the same start", []pricing.Period{period("a", 1, 2), period("b", 1, 3)}, "periods[1]"},
		{"an overlap far apart in the list", []pricing.Period{period("x", 20, 21), period("a", 1, 3), period("y", 22, 23), period("b", 2, 4)}, "periods[3]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			q := pricing.DefaultPolicy()
			q.Periods = c.periods
			err := q.Validate()
			if c.field == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, pricing.ErrInvalidPolicy)
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Contains(t, e.Detail, "overlaps")
		})
	}
}
