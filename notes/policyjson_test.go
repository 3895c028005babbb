package notes_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// TestPolicyJSONErrorLeavesPolicyUnchanged: a file whose zone decodes but
// whose language or a number does not leaves the policy as it was.
func TestPolicyJSONErrorLeavesPolicyUnchanged(t *testing.T) {
	for _, in := range []string{
		`{"zone":"+09:00","lang":"fr"}`,
		`{"zone":"+09:00","urgent_ack":"soon"}`,
		`{"zone":"+09:00","due_soon":3}`,
	} {
		p := notes.DefaultPolicy()
		require.Error(t, json.Unmarshal([]byte(in), &p), in)
		assert.Equal(t, notes.DefaultPolicy(), p, in)
	}
}

// TestPolicyJSONErrorNamesField: a decoding error is an *Error naming the
// policy field and matching its sentinel.
func TestPolicyJSONErrorNamesField(t *testing.T) {
	for _, c := range []struct {
		in, field string
		want      error
	}{
		{`{"lang":"fr"}`, "policy.lang", order.ErrUnknownCode},
		{`{"urgent_ack":"soon"}`, "policy.urgent_ack", notes.ErrInvalidPolicy},
		{`{"morning_at":"9am"}`, "policy.morning_at", order.ErrUnknownField},
		{`{"zone":8}`, "policy.zone", order.ErrInvalidJSON},
		{`{"urgent_ak":"10m"}`, "policy.urgent_ak", order.ErrUnknownField},
		{`{"zzz":1,"lang":"en"}`, "policy.zzz", order.ErrUnknownField},
	} {
		p := notes.DefaultPolicy()
		err := json.Unmarshal([]byte(c.in), &p)
		require.ErrorIs(t, err, c.want, c.in)
		var ne *notes.Error
		require.ErrorAs(t, err, &ne, c.in)
		assert.Equal(t, c.field, ne.Field, c.in)
	}
}

// TestPolicyJSONRefusesTrailingData: a policy decoded by its own method
// (as a nested decoder or a streaming caller would) reads exactly one
// value.
func TestPolicyJSONRefusesTrailingData(t *testing.T) {
	p := notes.DefaultPolicy()
	err := p.UnmarshalJSON([]byte(`{"zone":"+09:00"} {}`))
	require.ErrorIs(t, err, order.ErrInvalidJSON)
	require.ErrorIs(t, err, notes.ErrInvalidPolicy)
	assert.Equal(t, notes.DefaultPolicy(), p)
}

// TestPolicyJSONOverridesOnlyWhatFileSets: fields absent from the file keep
// the value of the policy decoded onto.
func TestPolicyJSONOverridesOnlyWhatFileSets(t *testing.T) {
	p := notes.DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"lang":"en","due_soon":"30m"}`), &p))
	want := notes.DefaultPolicy()
	want.Lang, want.DueSoon = order.English, order.Duration(30*time.Minute)
	assert.Equal(t, want, p)
}
