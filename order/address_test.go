package order_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

func TestNormalizeAddress(t *testing.T) {
	got, err := order.NormalizeAddress(order.Address{
		Recipient: " 张三 ", Phone: "１３８-1234-5678", Province: "浙江",
		City: "杭州市", District: "西湖区", Detail: "文三路　１２号  ３单元",
	})
	require.NoError(t, err)
	assert.Equal(t, order.Address{
		Recipient: "张三", Phone: "13812345678", Province: "浙江",
		City: "杭州市", District: "西湖区", Detail: "文三路 12号 3单元", Region: order.Zhejiang,
	}, got)
	again, err := order.NormalizeAddress(got)
	require.NoError(t, err)
	assert.Equal(t, got, again, "normalising twice is normalising once")
}

func TestNormalizeAddressFillsProvinceFromRegion(t *testing.T) {
	got, err := order.NormalizeAddress(order.Address{Region: order.HongKong, City: "九龙"})
	require.NoError(t, err)
	assert.Equal(t, "香港特别行政区", got.Province)
	got, err = order.NormalizeAddress(order.Address{Province: "澳門", Region: order.Macao})
	require.NoError(t, err)
	assert.Equal(t, order.Macao, got.Region, "a region that agrees with the province is kept")
}

func TestNormalizeAddressRefuses(t *testing.T) {
	cases := []struct {
		reason string
		a      order.Address
		want   error
	}{
		{"unknown province", order.Address{Province: "火星"}, order.ErrUnknownRegion},
		{"region out of range", order.Address{Region: 200}, order.ErrUnknownRegion},
		{"region contradicts province", order.Address{Province: "浙江省", Region: order.Jiangsu}, order.ErrInvalidAddress},
		{"phone with letters", order.Address{Phone: "138-CALL-ME"}, order.ErrInvalidPhone},
		{"phone too short", order.Address{Phone: "1234"}, order.ErrInvalidPhone},
		{"phone too long", order.Address{Phone: strings.Repeat("1", 21)}, order.ErrInvalidPhone},
		{"comma in the recipient", order.Address{Recipient: "张三，李四"}, order.ErrInvalidAddress},
		{"city too long", order.Address{City: strings.Repeat("城", 31)}, order.ErrInvalidAddress},
		{"detail too long", order.Address{Detail: strings.Repeat("路", 101)}, order.ErrInvalidAddress},
		{"hostile: invalid UTF-8 recipient", order.Address{Recipient: "\xff"}, order.ErrInvalidText},
		{"hostile: invalid UTF-8 province", order.Address{Province: "\xff"}, order.ErrInvalidText},
		{"hostile: invalid UTF-8 city", order.Address{City: "\xff"}, order.ErrInvalidText},
		{"hostile: invalid UTF-8 district", order.Address{District: "\xff"}, order.ErrInvalidText},
		{"hostile: invalid UTF-8 phone", order.Address{Phone: "138\xff"}, order.ErrInvalidPhone},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			got, err := order.NormalizeAddress(c.a)
			require.ErrorIs(t, err, c.want)
			assert.Equal(t, order.Address{}, got)
		})
	}
}

func TestParseAddressRoundTrip(t *testing.T) {
	a, err := order.ParseAddress("张三，１３８１２３４５６７８，浙江省，杭州市，西湖区，文三路12号，3单元")
	require.NoError(t, err)
	assert.Equal(t, "文三路12号,3单元", a.Detail, "the detail keeps its commas")
	assert.Equal(t, order.Zhejiang, a.Region)
	assert.Equal(t, "张三,13812345678,浙江省,杭州市,西湖区,文三路12号,3单元", a.String())
	back, err := order.ParseAddress(a.String())
	require.NoError(t, err)
	assert.Equal(t, a, back)

	abroad, err := order.ParseAddress("John Smith,+1 415 555 0100,海外,San Francisco,,1 Market St")
	require.NoError(t, err)
	assert.Equal(t, order.Abroad, abroad.Region)
	assert.Equal(t, "+14155550100", abroad.Phone)
}

func TestParseAddressRefuses(t *testing.T) {
	for _, c := range []struct {
		reason, in string
		want       error
	}{
		{"five parts", "张三,138,浙江省,杭州市,文三路12号", order.ErrInvalidAddress},
		{"no separators", "张三 13812345678 浙江省杭州市西湖区文三路12号", order.ErrInvalidAddress},
		{"unknown province", "张三,13812345678,火星,杭州市,西湖区,文三路12号", order.ErrUnknownRegion},
		{"hostile: invalid UTF-8", "张三,\xff,浙江省,杭州市,西湖区,文三路12号", order.ErrInvalidText},
	} {
		_, err := order.ParseAddress(c.in)
		require.ErrorIs(t, err, c.want, c.reason)
	}
}

// rule S4, rule O6: an unknown or incomplete address cannot be delivered
// to, and Missing says exactly what to ask the buyer for.
func TestAddressCompleteness(t *testing.T) {
	full, _ := order.NormalizeAddress(hangzhou())
	assert.True(t, full.Complete())
	require.NoError(t, full.CheckComplete())

	noPhone := full
	noPhone.Phone, noPhone.Detail = "", ""
	assert.False(t, noPhone.Complete())
	assert.Equal(t, []string{"phone", "detail"}, noPhone.Missing().Strings())
	assert.Equal(t, "[phone detail]", noPhone.Missing().String())
	assert.True(t, noPhone.Missing().Has(order.PartPhone))
	assert.Equal(t, 2, noPhone.Missing().Len())
	err := noPhone.CheckComplete()
	require.ErrorIs(t, err, order.ErrIncompleteAddress)
	assert.Contains(t, err.Error(), "missing phone, detail")

	assert.Equal(t, 6, order.Address{}.Missing().Len(), "the zero address lacks everything")

	hk, _ := order.NormalizeAddress(order.Address{Recipient: "陈大文", Phone: "+852 9123 4567",
		Province: "香港", City: "九龙", Detail: "弥敦道1号"})
	assert.True(t, hk.Complete(), "Hong Kong addresses have no district")
	mainland := full
	mainland.District = ""
	assert.Equal(t, "[district]", mainland.Missing().String(), "mainland addresses need one")
	assert.Equal(t, "AddressPart(9)", order.AddressPart(9).String())
}

// "１２号" and "12号" are the same address: the comparable key ignores width,
// case and spaces.
func TestAddressKey(t *testing.T) {
	a, _ := order.NormalizeAddress(hangzhou())
	b, _ := order.NormalizeAddress(order.Address{Recipient: "张三", Phone: "138 1234 5678", Province: "浙江",
		City: "杭州市", District: "西湖区", Detail: "文三路 １２号"})
	c, _ := order.NormalizeAddress(order.Address{Recipient: "张三", Phone: "13812345678", Province: "浙江",
		City: "杭州市", District: "西湖区", Detail: "文三路13号"})
	assert.Equal(t, a.Key(), b.Key())
	assert.NotEqual(t, a.Key(), c.Key(), "another house number is another address")
	m := map[order.AddressKey]int{a.Key(): 1}
	m[b.Key()]++
	assert.Len(t, m, 1, "keys group orders")
	latin := order.Address{Detail: "Room B"}
	assert.Equal(t, latin.Key(), order.Address{Detail: "ROOM  b"}.Key())
}

func TestAddressMasked(t *testing.T) {
	a, _ := order.NormalizeAddress(hangzhou())
	assert.Equal(t, "张*,138****5678,浙江省,杭州市,西湖区,文三路****", a.Masked())
	assert.Equal(t, a.Masked(), a.LogValue().String())
}
