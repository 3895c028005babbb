package order

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// generalKeyed is what New did before its plain fast path, and still does
// for any address the fast path does not take: NormalizeAddress, then Key.
func generalKeyed(a Address) (Address, AddressKey, error) {
	n, err := NormalizeAddress(a)
	if err != nil {
		return Address{}, AddressKey{}, err
	}
	return n, n.Key(), nil
}

// addressCases are addresses at the edges of the plain fast path: the
// platform's usual ones, which take it, and others that must not, each
// with its reason.
var addressCases = []struct {
	a      Address
	plain  bool // the fast path takes it
	reason string
}{
	{Address{"王芳", "13800135678", "浙江省", "杭州市", "西湖区", "文三路12号", 0}, true, "the platform's usual address"},
	{Address{"Chan Tai Man", "85251000001", "香港特别行政区", "香港特别行政区", "", "弥敦道1号", 0}, true, "ASCII name: its key is folded"},
	{Address{"王芳", "", "浙江省", "杭州市", "西湖区", "文三路12号", 0}, true, "no phone is an incomplete address, not an error"},
	{Address{"王芳", "+14155550000", "海外", "美国", "", "1 Market St, Suite 2", 0}, true, "abroad, a '+' and a comma in the detail"},
	{Address{"王芳", "13800135678", "浙江省", "杭州市", "西湖区", "文三路12号", Zhejiang}, true, "the region agrees"},
	{Address{"王芳", "13800135678", "zhejiang", "杭州市", "西湖区", "文三路12号", 0}, true, "a region's other spelling, kept as written"},
	{Address{}, false, "empty: the region cannot fill the province in"},
	{Address{"王芳", "13800135678", "", "杭州市", "西湖区", "文三路12号", Zhejiang}, false, "the province comes from the region"},
	{Address{"王芳", "13800135678", "浙江省", "杭州市", "西湖区", "文三路12号", Jiangsu}, false, "the region contradicts the province"},
	{Address{"王芳", "13800135678", "浙江省", "杭州市", "西湖区", "文三路12号", 200}, false, "an unknown region"},
	{Address{"王芳", "13800135678", "火星", "杭州市", "西湖区", "文三路12号", 0}, false, "an unknown province"},
	{Address{"王芳", "138-0013-5678", "浙江省", "杭州市", "西湖区", "文三路12号", 0}, false, "a phone with separators"},
	{Address{"王芳", "1380", "浙江省", "杭州市", "西湖区", "文三路12号", 0}, false, "a phone too short"},
	{Address{"王芳", strings.Repeat("1", 21), "浙江省", "杭州市", "西湖区", "文三路12号", 0}, false, "a phone too long"},
	{Address{"王芳", "+", "浙江省", "杭州市", "西湖区", "文三路12号", 0}, false, "a bare plus"},
	{Address{"王芳", "   ", "浙江省", "杭州市", "西湖区", "文三路12号", 0}, false, "a phone of spaces"},
	{Address{"王 芳", "13800135678", "浙江省", "杭州市 ", "西湖区", "文三路12号", 0}, false, "a trailing space"},
	{Address{"王芳", "13800135678", "浙江省", "杭州市", "西湖区", "文三路１２号", 0}, false, "full-width digits"},
	{Address{"王芳", "13800135678", "浙江省", "杭州市", "西湖区", "文三路\u200b12号", 0}, false, "an invisible character"},
	{Address{"王,芳", "13800135678", "浙江省", "杭州市", "西湖区", "文三路12号", 0}, false, "a comma outside the detail"},
	{Address{"王芳", "13800135678", "浙江省", "杭州市", "西湖区", strings.Repeat("路", 101), 0}, false, "a detail too long"},
	{Address{"王芳", "13800135678", "浙江省", "杭州市", "西湖区", strings.Repeat("路", 100), 0}, true, "a detail at its bound"},
	{Address{strings.Repeat("a", 91), "13800135678", "浙江省", "杭州市", "西湖区", "x", 0}, false, "a recipient too long"},
	{Address{"\xff", "13800135678", "浙江省", "杭州市", "西湖区", "x", 0}, false, "invalid UTF-8"},
}

// TestPlainAddressIsTheGeneralPath: New's one-pass path for an address
// already in normal form (rules O2, N1: one address whatever its
// spelling) takes the platform's usual addresses, and on every address
// gives what NormalizeAddress and Key give — the same address, key and
// error.
func TestPlainAddressIsTheGeneralPath(t *testing.T) {
	for _, c := range addressCases {
		t.Run(c.reason, func(t *testing.T) {
			a := c.a
			_, plain := plainAddress(&a)
			assert.Equal(t, c.plain, plain, "the fast path takes it")
			requireSameKeyed(t, c.a)
		})
	}
}

// TestPlainAddressDoesNotAllocate: the fast path keeps the text as it is;
// only a key to fold (an ASCII name's capitals and spaces) is new.
func TestPlainAddressDoesNotAllocate(t *testing.T) {
	a := addressCases[0].a
	allocs := testing.AllocsPerRun(100, func() { _, _, _ = normalizeKeyed(a) })
	assert.Zero(t, allocs)
}

func requireSameKeyed(t *testing.T, a Address) {
	t.Helper()
	n, k, err := normalizeKeyed(a)
	gn, gk, gerr := generalKeyed(a)
	if gerr != nil {
		require.Error(t, err, "%#v", a)
		require.Equal(t, gerr.Error(), err.Error(), "%#v", a)
		return
	}
	require.NoError(t, err, "%#v", a)
	require.Equal(t, gn, n, "%#v", a)
	require.Equal(t, gk, k, "%#v", a)
}

// FuzzNormalizeKeyed: whatever the parts, New's address path
// (normalizeKeyed, with its plain fast path) and the general one
// (NormalizeAddress, then Key) give the same address, key and error.
func FuzzNormalizeKeyed(f *testing.F) {
	for _, c := range addressCases {
		a := c.a
		f.Add(a.Recipient, a.Phone, a.Province, a.City, a.District, a.Detail, uint8(a.Region))
	}
	f.Fuzz(func(t *testing.T, recipient, phone, province, city, district, detail string, region uint8) {
		requireSameKeyed(t, Address{recipient, phone, province, city, district, detail, Region(region)})
	})
}
