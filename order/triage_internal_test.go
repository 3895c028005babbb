package order

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The triage groups orders by hashes and confirms every hit by comparing
// strings. Forcing every hash to collide sends every key but the first
// through the overflow maps: the report must be the same as with real
// hashes, and duplicates must still be found.
func TestTriageIsRightWhenEveryHashCollides(t *testing.T) {
	at := time.Date(2026, 11, 11, 9, 0, 0, 0, time.UTC)
	addr := Address{Recipient: "张三", Phone: "13812345678", Province: "浙江省", City: "杭州市", District: "西湖区", Detail: "文三路12号"}
	var orders []*Order
	for i := range 300 {
		a := addr
		if i%7 == 0 {
			a.Detail = "文三路" + strconv.Itoa(i) + "号"
		}
		o, err := New(Spec{
			ID: "T" + strconv.Itoa(i), Buyer: Buyer{ID: "b" + strconv.Itoa(i/3)},
			Lines:   []Line{{SKU: "S" + strconv.Itoa(i%2), Quantity: 1, UnitPrice: decimal.NewFromInt(3)}},
			Address: a, Status: AwaitingDispatch, CreatedAt: at, PaidAt: at,
		})
		require.NoError(t, err)
		orders = append(orders, &o)
	}
	rand.New(rand.NewPCG(3, 4)).Shuffle(len(orders), func(i, j int) { orders[i], orders[j] = orders[j], orders[i] })
	p := DefaultTriagePolicy()
	stock, err := NewStock(map[string]int{"S0": 50, "S1": 1000})
	require.NoError(t, err)
	checks := []Check{StockCheck(stock)}
	want, err := p.triage(orders, at, checks, ^uint64(0))
	require.NoError(t, err)
	require.Positive(t, want.Count(MultipleAddresses))
	require.Positive(t, want.Count(RepeatOrder))
	require.Equal(t, 100, want.Count(OutOfStock), "150 orders want S0, 50 get it")
	got, err := p.triage(orders, at, checks, 0)
	require.NoError(t, err)
	assert.Equal(t, want, got)

	dup := *orders[10]
	_, err = p.triage(append(orders[:len(orders):len(orders)], &dup), at, nil, 0)
	require.ErrorIs(t, err, ErrDuplicateOrder)
}

func TestHashIndexGrows(t *testing.T) {
	x := newHashIndex(1)
	for i := range 10000 {
		v, hit := x.getOrPut(uint64(i)*0x9e3779b97f4a7c15, int32(i))
		require.False(t, hit)
		require.Equal(t, int32(i), v)
	}
	for i := range 10000 {
		v, hit := x.getOrPut(uint64(i)*0x9e3779b97f4a7c15, -1)
		require.True(t, hit)
		require.Equal(t, int32(i), v)
	}
	assert.GreaterOrEqual(t, len(x.slots), 10000*5/4)
}
