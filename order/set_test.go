package order_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

func TestSetOperations(t *testing.T) {
	s := order.SetOf(order.Finance, order.Operations)
	assert.True(t, s.Has(order.Finance))
	assert.False(t, s.Has(order.Warehouse))
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, 3, s.With(order.Warehouse).Len())
	assert.Equal(t, 1, s.Without(order.Finance).Len())
	assert.Equal(t, s, s.With(order.Department(70)), "a value of 64 or more is ignored")
	assert.False(t, s.Has(order.Department(200)))
	assert.Equal(t, []order.Department{order.Finance, order.Operations}, s.Values())
	assert.Equal(t, []order.Department{order.Finance, order.Operations}, slices.Collect(s.All()))
	assert.Equal(t, "[finance operations]", s.String())
	assert.Equal(t, []string{"finance", "operations"}, s.Strings())
	assert.True(t, order.Set[order.Department](0).IsEmpty())
	assert.Nil(t, order.Set[order.Department](0).Values())
	u := s.Union(order.SetOf(order.Courier))
	assert.Equal(t, 3, u.Len())
	assert.Equal(t, order.SetOf(order.Courier), u.Intersect(order.SetOf(order.Courier, order.Warehouse)))
}

func TestSetJSON(t *testing.T) {
	s := order.SetOf(order.Operations, order.Finance)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `["finance","operations"]`, string(b))

	var got order.Set[order.Department]
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, s, got)
	require.NoError(t, json.Unmarshal([]byte(`null`), &got))
	assert.True(t, got.IsEmpty())

	// Hostile rows leave the set as it was.
	got = s
	err = json.Unmarshal([]byte(`["finance","payroll"]`), &got)
	require.ErrorIs(t, err, order.ErrUnknownDepartment, "the enum's own error")
	require.ErrorIs(t, err, order.ErrInvalidInput)
	assert.Equal(t, s, got, "unchanged on error")
	err = json.Unmarshal([]byte(`"finance"`), &got)
	require.ErrorIs(t, err, order.ErrInvalidJSON, "a string where a list belongs")
	assert.Equal(t, s, got)

	_, err = json.Marshal(order.Set[order.Department](1 << 40))
	require.ErrorIs(t, err, order.ErrUnknownDepartment, "an invalid member does not encode: the enum's own error")
}

func TestSetDoesNotAllocate(t *testing.T) {
	s := order.SetOf(order.Finance, order.Operations)
	var n int
	allocs := testing.AllocsPerRun(100, func() {
		for v := range s.With(order.Courier).All() {
			n += int(v)
		}
	})
	assert.Zero(t, allocs)
	assert.NotZero(t, n)
}

// TestOrderSetsAreOneType pins issue 11 #6: order's sets are the one set
// type, order.Set, so they share its methods (All is an iterator, Values a
// slice) and its JSON (a list of names); AddressParts encodes too.
func TestOrderSetsAreOneType(t *testing.T) {
	var reasons order.Set[order.Reason] = order.ReasonSet(0).With(order.StockExhausted).With(order.Oversold)
	var cats order.Set[order.Category] = order.CategorySet(0).With(order.NeedsSF)
	var remedies order.Set[order.Remedy] = order.RemedySet(0).With(order.RemedySubstitute)
	missing := order.Address{Recipient: "张三", Region: order.Zhejiang, City: "杭州市", District: "西湖区"}.Missing()
	var parts order.Set[order.AddressPart] = missing

	assert.Equal(t, []order.Reason{order.Oversold, order.StockExhausted}, slices.Collect(reasons.All()))
	assert.Equal(t, []order.Reason{order.Oversold, order.StockExhausted}, reasons.Values())
	for _, c := range []struct {
		set  json.Marshaler
		want string
	}{
		{reasons, `["oversold","stock_exhausted"]`},
		{cats, `["needs_sf"]`},
		{remedies, `["substitute"]`},
		{parts, `["phone","detail"]`},
	} {
		b, err := c.set.MarshalJSON()
		require.NoError(t, err)
		assert.Equal(t, c.want, string(b))
	}
	var back order.AddressParts
	require.NoError(t, json.Unmarshal([]byte(`["phone","detail"]`), &back))
	assert.Equal(t, missing, back)
	require.ErrorIs(t, json.Unmarshal([]byte(`["floor"]`), &back), order.ErrUnknownCode)
	assert.Equal(t, missing, back, "unchanged on error")
}
