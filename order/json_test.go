package order_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

func TestOrderJSONRoundTrip(t *testing.T) {
	o := order.MustNew(paidSpec())
	b, err := json.Marshal(o)
	require.NoError(t, err)
	s := string(b)
	assert.Contains(t, s, `"status":"WAIT_SELLER_SEND_GOODS"`, "the platform's state names")
	assert.Contains(t, s, `"unit_price":"49.50"`, "money as text with two decimals")
	assert.Contains(t, s, `"paid":"104.00"`)
	assert.Contains(t, s, `"region":"zhejiang"`)
	assert.NotContains(t, s, `"dispatched_at"`, "unset times are omitted")

	var back order.Order
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, o.ID(), back.ID())
	assert.Equal(t, o.Lines(), back.Lines())
	assert.True(t, o.Paid().Equal(back.Paid()))
	assert.True(t, o.PaidAt().Equal(back.PaidAt()))
	b2, err := json.Marshal(back)
	require.NoError(t, err)
	assert.JSONEq(t, s, string(b2))
}

func TestOrderJSONRefuses(t *testing.T) {
	good, err := json.Marshal(order.MustNew(paidSpec()))
	require.NoError(t, err)
	for _, c := range []struct {
		reason   string
		old, new string
		want     error
	}{
		{"unknown status name", `"WAIT_SELLER_SEND_GOODS"`, `"SHIPPED"`, order.ErrUnknownStatus},
		{"stated total that does not add up", `"paid":"104.00"`, `"paid":"105.00"`, order.ErrTotalsMismatch},
		{"unknown region name", `"region":"zhejiang"`, `"region":"atlantis"`, order.ErrUnknownRegion},
		{"unknown payment name", `"payment":"online"`, `"payment":"barter"`, order.ErrUnknownPayment},
		{"negative quantity", `"quantity":2`, `"quantity":-2`, order.ErrInvalidQuantity},
	} {
		t.Run(c.reason, func(t *testing.T) {
			in := strings.Replace(string(good), c.old, c.new, 1)
			require.NotEqual(t, string(good), in, "the edit applies")
			o := order.MustNew(paidSpec())
			before := o
			err := json.Unmarshal([]byte(in), &o)
			require.ErrorIs(t, err, c.want)
			assert.Equal(t, before, o, "the order is left unchanged")
		})
	}
	var o order.Order
	require.Error(t, json.Unmarshal([]byte(`{"id": 5}`), &o), "hostile: wrong JSON types")
	require.Error(t, json.Unmarshal([]byte(`{"lines":[{"unit_price":"abc"}]}`), &o), "hostile: not a number")
	_, err = json.Marshal(order.Order{})
	require.ErrorIs(t, err, order.ErrMissing, "the zero Order has no JSON form")
}
