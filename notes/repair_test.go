package notes_test

import (
	"testing"

	"github.com/kefu-go/kefu/internal/jsonx/jsonxtest"
	"github.com/kefu-go/kefu/notes"
)

// TestJSONRefusesTextItWouldRepair proves that a hand-off decoded from JSON
// never holds text encoding/json would repair into U+FFFD: "h-1\xff" and
// "h-1\xfe" would otherwise decode to one hand-off (rules O7, N2). Each is
// refused with ErrInvalidText and leaves the target as it was; a valid
// surrogate pair still decodes.
func TestJSONRefusesTextItWouldRepair(t *testing.T) {
	doc := `{"id":"h-1","to":{"department":"finance"},"urgency":"urgent","subject":"退款","via":["chat","phone"],"away":true}`
	jsonxtest.RefusesRepairs[notes.HandOffDraft](t, doc, "h-1", "handoff.id", notes.ErrInvalidText)
}
