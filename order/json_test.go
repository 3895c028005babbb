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

// TestJSONIsStrict pins issue 11 #3 for the order's own values: a key the
// type does not have is refused and named — a misspelled "discont" used
// to decode to an order with discount 0.00 —, so are a key in another case
// and a key twice; amounts are exact text with at most two decimals
// ("128.505" is refused, never rounded, rule P7); and a buyer ID goes
// through the identity rule. json.Unmarshal into a Spec is as strict as
// into an Order. On error the target is unchanged.
func TestJSONIsStrict(t *testing.T) {
	good, err := json.Marshal(order.MustNew(paidSpec()))
	require.NoError(t, err)
	cases := []struct {
		reason   string
		old, new string
		want     error
		field    string
	}{
		{"hostile: a misspelled discount", `"discount":"5.00"`, `"discont":"10.00"`, order.ErrUnknownField, "discont"},
		{"hostile: a key in another case", `"discount":"5.00"`, `"Discount":"5.00"`, order.ErrUnknownField, "Discount"},
		{"hostile: a discount twice", `"discount":"5.00"`, `"discount":"5.00","discount":"0.00"`, order.ErrInvalidJSON, "discount"},
		{"hostile: an unknown key in a line", `"weight_grams":300`, `"weight_grams":300,"colour":"green"`, order.ErrUnknownField, "lines[0].colour"},
		{"hostile: an unknown key in the address", `"detail":"文三路12号"`, `"detail":"文三路12号","floor":3`, order.ErrUnknownField, "address.floor"},
		{"hostile: an unknown key in the buyer", `"nick":"小王"`, `"nick":"小王","vip":true`, order.ErrUnknownField, "buyer.vip"},
		{"a digit below the fen", `"unit_price":"49.50"`, `"unit_price":"49.505"`, order.ErrInvalidAmount, "lines[0].unit_price"},
		{"an amount with an exponent", `"postage":"10.00"`, `"postage":"1e1"`, order.ErrInvalidAmount, "postage"},
		{"hostile: a megabyte of digits", `"postage":"10.00"`, `"postage":"` + strings.Repeat("9", 1<<20) + `"`, order.ErrInvalidAmount, "postage"},
		{"an amount above 10^13 yuan", `"postage":"10.00"`, `"postage":"10000000000000.01"`, order.ErrInvalidAmount, "postage"},
		{"an empty amount", `"postage":"10.00"`, `"postage":""`, order.ErrInvalidAmount, "postage"},
		{"a stated paid with three decimals", `"paid":"104.00"`, `"paid":"104.001"`, order.ErrInvalidAmount, "paid"},
		{"hostile: a buyer ID with a zero-width space", `"id":"buyer-42"`, `"id":"buyer\u200b-42"`, order.ErrInvalidText, "buyer.id"},
		{"a time that is not RFC 3339", `"paid_at":"2026-11-11T09:35:00+08:00"`, `"paid_at":"2026-11-11 09:35"`, order.ErrInvalidJSON, "paid_at"},
		{"a wrong JSON type", `"quantity":2`, `"quantity":"2"`, order.ErrInvalidJSON, "lines[0].quantity"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			in := strings.Replace(string(good), c.old, c.new, 1)
			require.NotEqual(t, string(good), in, "the edit applies")
			o := order.MustNew(paidSpec())
			before := o
			err := json.Unmarshal([]byte(in), &o)
			require.ErrorIs(t, err, c.want)
			var e *order.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Less(t, len(err.Error()), 400, "the message is clipped")
			assert.Equal(t, before, o, "the order is left unchanged")

			spec := paidSpec()
			err = json.Unmarshal([]byte(in), &spec)
			require.ErrorIs(t, err, c.want, "a Spec decodes as strictly")
			assert.Equal(t, paidSpec(), spec, "the spec is left unchanged")
		})
	}
	// Called directly (json.Unmarshal refuses trailing data itself), the
	// decoder refuses data after the object.
	var spec order.Spec
	require.ErrorIs(t, spec.UnmarshalJSON(append(good, "{}"...)), order.ErrInvalidJSON, "hostile: trailing data")

	// The unit price may be a bare number, read as text, never as a float.
	in := strings.Replace(string(good), `"unit_price":"49.50"`, `"unit_price":49.5`, 1)
	var o order.Order
	require.NoError(t, json.Unmarshal([]byte(in), &o))
	assert.Equal(t, "49.50", o.Line(0).UnitPrice.StringFixed(2))
}

// TestValueJSON covers the decoders of the order's parts on their own.
func TestValueJSON(t *testing.T) {
	var l order.Line
	require.NoError(t, json.Unmarshal([]byte(`{"sku":"A-1","quantity":3,"unit_price":"0.10","gift":false}`), &l))
	assert.Equal(t, "A-1", l.SKU)
	assert.Equal(t, "0.10", l.UnitPrice.StringFixed(2))
	b, err := json.Marshal(l)
	require.NoError(t, err)
	assert.JSONEq(t, `{"sku":"A-1","quantity":3,"unit_price":"0.10"}`, string(b))
	_, err = json.Marshal(order.Line{SKU: "A", Quantity: 1, UnitPrice: dec("0.105")})
	require.ErrorIs(t, err, order.ErrInvalidAmount, "never rounded when written either")

	var buyer order.Buyer
	require.NoError(t, json.Unmarshal([]byte(`{"id":" ｔｂ_8812 "}`), &buyer))
	assert.Equal(t, "tb_8812", buyer.ID, "the identity rule: width folded, trimmed")
	require.ErrorIs(t, json.Unmarshal([]byte(`{"id":"\u202etb"}`), &buyer), order.ErrInvalidText, "hostile: a direction override")
	assert.Equal(t, "tb_8812", buyer.ID, "unchanged on error")
	require.NoError(t, json.Unmarshal([]byte(`{"nick":"x"}`), &buyer), "no ID: New requires one")
	assert.Equal(t, order.Buyer{Nick: "x"}, buyer)

	var a order.Agent
	require.NoError(t, json.Unmarshal([]byte(`{"id":"ｘｉａｏｍｅｉ","name":"小美","role":"pre_sales"}`), &a))
	assert.Equal(t, order.Agent{ID: "xiaomei", Name: "小美", Role: order.PreSales}, a)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"id":"xiao\u00admei","role":"pre_sales"}`), &a), order.ErrInvalidText, "hostile: a soft hyphen")
	require.ErrorIs(t, json.Unmarshal([]byte(`{"id":"x","role":"pre_sales","rank":9}`), &a), order.ErrUnknownField)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"id":"x"}`), &a), order.ErrUnknownRole, "an agent has a role")
	assert.Equal(t, "xiaomei", a.ID)

	var addr order.Address
	require.NoError(t, json.Unmarshal([]byte(`{"recipient":"张三","region":"zhejiang"}`), &addr))
	assert.Equal(t, order.Zhejiang, addr.Region)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"region":"atlantis"}`), &addr), order.ErrUnknownRegion)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"street":"x"}`), &addr), order.ErrUnknownField)
	assert.Equal(t, "张三", addr.Recipient)

	var spec order.Spec
	require.ErrorIs(t, json.Unmarshal([]byte(`{"lines":[`+strings.Repeat(`{"sku":"A"},`, 1000)+`{"sku":"A"}]}`), &spec),
		order.ErrInvalidQuantity, "hostile: more lines than an order holds, refused as they are read")
	require.ErrorIs(t, json.Unmarshal([]byte(`{"lines":[null]}`), &spec), order.ErrMissing)
	require.ErrorIs(t, json.Unmarshal([]byte(`[]`), &spec), order.ErrInvalidJSON)
	b, err = json.Marshal(paidSpec())
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"paid"`, "a Spec without stated totals states none")
	require.NoError(t, json.Unmarshal(b, &spec))
	assert.Equal(t, paidSpec().Lines[0].UnitPrice.StringFixed(2), spec.Lines[0].UnitPrice.StringFixed(2))
	assert.Nil(t, spec.Paid)
}
