package notes_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// TestDecisionJSONZeroRoundTrips: the zero decision encodes, without a
// verdict, and decodes back to zero even over a decision that held one.
func TestDecisionJSONZeroRoundTrips(t *testing.T) {
	b, err := json.Marshal(notes.Decision{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"reasons":[]}`, string(b))
	d := notes.Decision{Verdict: order.Refused, Reasons: notes.ReasonSet(0).With(notes.Reasons()[0])}
	require.NoError(t, json.Unmarshal(b, &d))
	assert.Equal(t, notes.Decision{}, d)
}

// TestDecisionJSONRoundTrip: a refused decision with reasons survives an
// encode and decode.
func TestDecisionJSONRoundTrip(t *testing.T) {
	for _, d := range []notes.Decision{
		{Verdict: order.Allowed},
		{Verdict: order.Refused, Reasons: notes.ReasonSet(0).With(notes.Reasons()[0]).With(notes.Reasons()[1])},
	} {
		b, err := json.Marshal(d)
		require.NoError(t, err)
		var got notes.Decision
		require.NoError(t, json.Unmarshal(b, &got), string(b))
		assert.Equal(t, d, got)
	}
}

// TestDecisionJSONRejectsLeavesUnchanged: an unknown verdict or reason is
// an error and the decision keeps its value.
func TestDecisionJSONRejectsLeavesUnchanged(t *testing.T) {
	for _, c := range []struct {
		in   string
		want error
	}{
		{`{"verdict":"maybe","reasons":[]}`, order.ErrUnknownCode},
		{`{"verdict":"refused","reasons":["bogus"]}`, notes.ErrUnknownReason},
		{`{"verdict":"","reasons":[]}`, order.ErrUnknownCode},
	} {
		d := notes.Decision{Verdict: order.Allowed}
		err := json.Unmarshal([]byte(c.in), &d)
		require.ErrorIs(t, err, c.want, c.in)
		assert.Equal(t, notes.Decision{Verdict: order.Allowed}, d, c.in)
	}
}
