package refund_test

import (
	"testing"

	"github.com/kefu-go/kefu/internal/jsonx/jsonxtest"
	"github.com/kefu-go/kefu/refund"
)

// TestJSONRefusesTextItWouldRepair proves that a platform refund decoded from JSON
// never holds text encoding/json would repair into U+FFFD: "T1001\xff" and
// "T1001\xfe" would otherwise decode to one refunded order (rules O7, R1). Each is
// refused with ErrInvalidText and leaves the target as it was; a valid
// surrogate pair still decodes.
func TestJSONRefusesTextItWouldRepair(t *testing.T) {
	doc := `{"refund_id":"RF-1","tid":"T1001","sku":"SOCK-01","refund_fee":"6.22","status":"WAIT_SELLER_CONFIRM_GOODS",` +
		`"good_status":"BUYER_RETURNED_GOODS","refund_phase":"aftersale","has_good_return":true,"sid":"YT1234567890",` +
		`"refund_version":3,"created":"2026-11-07T10:00:00+08:00","modified":"2026-11-08T10:00:00+08:00"}`
	jsonxtest.RefusesRepairs[refund.Refund](t, doc, "T1001", "tid", refund.ErrInvalidText)
}
