package shipping_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/jsonx/jsonxtest"
	"github.com/kefu-go/kefu/shipping"
)

// TestJSONRefusesTextItWouldRepair proves shipping's decoder, which reads
// with encoding/json's Decoder member by member, refuses text that
// decoder would repair into U+FFFD (rules S4, O7), naming the field, and
// leaves the target unchanged.
func TestJSONRefusesTextItWouldRepair(t *testing.T) {
	for _, bad := range jsonxtest.Repairs("T") {
		t.Run(bad, func(t *testing.T) {
			evs := []shipping.TrackingEvent{{}}
			err := json.Unmarshal([]byte(`[{"at":"2026-11-02T18:00:00+08:00","stage":"`+bad+`"}]`), &evs)
			require.ErrorIs(t, err, shipping.ErrInvalidText)
			var e *shipping.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "stage", e.Field, "the error names the field")
			assert.Len(t, evs, 1)
		})
	}
}
