package pricing_test

import (
	"testing"

	"github.com/kefu-go/kefu/internal/jsonx/jsonxtest"
	"github.com/kefu-go/kefu/pricing"
)

// TestJSONRefusesTextItWouldRepair proves that a request for a concession decoded from JSON
// never holds text encoding/json would repair into U+FFFD: "T2001\xff" and
// "T2001\xfe" would otherwise decode to one order (rules O7, A3). Each is
// refused with ErrInvalidText and leaves the target as it was; a valid
// surrogate pair still decodes.
func TestJSONRefusesTextItWouldRepair(t *testing.T) {
	doc := `{"order_id":"T2001","kind":"price_cut","amount":"5.00"}`
	jsonxtest.RefusesRepairs[pricing.Request](t, doc, "T2001", "order_id", pricing.ErrInvalidText)
}
