package refund_test

import (
	"encoding"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

type textEnum interface {
	~uint8
	fmt.Stringer
	IsValid() bool
	encoding.TextMarshaler
}

// enumRoundTrip checks every valid value of an enum from first to the
// first invalid one: its text is stable, unique and parses back; the next
// value is invalid, prints Type(N) and does not marshal.
func enumRoundTrip[T textEnum, P interface {
	*T
	encoding.TextUnmarshaler
}](t *testing.T, typ string, first T, want []string) {
	t.Helper()
	var got []string
	v := first
	for ; v.IsValid(); v++ {
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.Equal(t, v.String(), string(b))
		var back T
		require.NoError(t, P(&back).UnmarshalText(b))
		assert.Equal(t, v, back)
		got = append(got, string(b))
	}
	assert.Equal(t, want, got, "the names of %s never change once released", typ)
	assert.Equal(t, fmt.Sprintf("%s(%d)", typ, uint8(v)), v.String())
	_, err := v.MarshalText()
	assert.Error(t, err)
	var back T
	assert.Error(t, P(&back).UnmarshalText([]byte("no_such_name")))
	assert.Error(t, P(&back).UnmarshalText([]byte(v.String())))
}

// TestEnumNames pins the text form of every enum — the platform's names
// where it has them — so a stored value never changes meaning.
func TestEnumNames(t *testing.T) {
	enumRoundTrip[refund.Status](t, "RefundStatus", 1, []string{"WAIT_SELLER_AGREE", "WAIT_BUYER_RETURN_GOODS",
		"WAIT_SELLER_CONFIRM_GOODS", "SELLER_REFUSE_BUYER", "CLOSED", "SUCCESS"})
	enumRoundTrip[refund.GoodStatus](t, "GoodStatus", 1, []string{"BUYER_NOT_RECEIVED", "BUYER_RECEIVED", "BUYER_RETURNED_GOODS"})
	enumRoundTrip[refund.Phase](t, "Phase", 1, []string{"onsale", "aftersale"})
	enumRoundTrip[refund.Event](t, "Event", 1, []string{"agree_refund", "agree_return", "refuse", "return_goods",
		"confirm_goods", "modify", "close"})
	enumRoundTrip[refund.Kind](t, "Kind", 0, []string{"ordinary", "made_to_order", "perishable", "digital", "periodical"})
	enumRoundTrip[refund.Condition](t, "Condition", 1, []string{"washed", "bleached", "worn_damaged", "not_resellable", "unsealed"})
	enumRoundTrip[refund.Cause](t, "Cause", 1, []string{"quality", "wrong_item", "damaged", "no_reason", "ordered_wrongly"})
	enumRoundTrip[refund.Payer](t, "Payer", 1, []string{"buyer", "seller"})
	enumRoundTrip[refund.Marketplace](t, "Marketplace", 1, []string{"taobao", "tmall"})
	enumRoundTrip[refund.ExchangeStatus](t, "ExchangeStatus", 1, []string{"requested", "return_shipped", "return_received",
		"replacement_shipped", "cancelled"})
	enumRoundTrip[refund.ExchangeEvent](t, "ExchangeEvent", 1, []string{"ship_return", "receive_return", "dispatch_replacement", "cancel"})
	enumRoundTrip[refund.Shipped](t, "Shipped", 1, []string{"one_shipped", "two_shipped", "inconclusive"})
	enumRoundTrip[refund.FinanceAction](t, "FinanceAction", 1, []string{"refund_one", "refund_after_return", "get_evidence"})
	enumRoundTrip[refund.Complaint](t, "Complaint", 1, []string{"false_dispatch", "late_dispatch", "broken_promise",
		"not_received", "consumer_protection", "seven_day_return"})
	var reasons []string
	for _, r := range refund.Reasons() {
		reasons = append(reasons, r.String())
	}
	enumRoundTrip[refund.Reason](t, "Reason", 1, reasons)
	assert.Len(t, reasons, 43)
	assert.Less(t, len(reasons), 64, "a ReasonSet holds them all")
	// One type for the platform's refund states: refund's Status is
	// order's RefundStatus, whose zero value NO_REFUND is a sub-order's
	// status and no refund's state.
	assert.Equal(t, order.RefundRequested, refund.WaitSellerAgree)
	assert.Equal(t, order.Refunded, refund.Success)
	assert.Equal(t, "NO_REFUND", order.NoRefund.String())
	for _, s := range []string{"NO_REFUND", "", "Status(0)"} {
		_, err := refund.ParseStatus(s)
		require.ErrorIs(t, err, refund.ErrUnknownStatus, "%q is no refund's state", s)
	}
	assert.True(t, refund.IsFinal(refund.Closed))
	assert.False(t, refund.IsFinal(refund.SellerRefuseBuyer))

	// The zero values of the enums with a meaningful zero and without.
	var k refund.Kind
	assert.True(t, k.IsValid(), "the zero Kind is ordinary goods")
	var s refund.Status
	assert.Equal(t, order.NoRefund, s, "the zero Status is NO_REFUND")
}

// TestReasonSetJSON: a set of reasons is a JSON list of codes.
func TestReasonSetJSON(t *testing.T) {
	s := refund.ReasonSet(0).With(refund.Washed).With(refund.WindowClosed)
	b, err := s.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `["window_closed","washed"]`, string(b))
	var back refund.ReasonSet
	require.NoError(t, back.UnmarshalJSON(b))
	assert.Equal(t, s, back)
	require.ErrorIs(t, back.UnmarshalJSON([]byte(`["soaked"]`)), refund.ErrUnknownReason)
}
