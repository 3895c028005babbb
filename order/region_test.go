package order_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// Each mainland province-level division, Hong Kong, Macao, Taiwan and
// abroad: 31 + 3 + 1 regions, each with its own name, ISO code and Chinese
// name, and every spelling leads back to it.
func TestRegionsTableDoesNotDrift(t *testing.T) {
	rs := order.Regions()
	require.Len(t, rs, 35)
	names, isos, zhs := map[string]bool{}, map[string]bool{}, map[string]bool{}
	mainland := 0
	for _, r := range rs {
		require.True(t, r.IsValid(), r.String())
		assert.False(t, names[r.String()], "duplicate name %s", r)
		assert.False(t, zhs[r.Chinese()], "duplicate Chinese name %s", r)
		names[r.String()], zhs[r.Chinese()] = true, true
		if r.Mainland() {
			mainland++
		}
		for _, spelling := range []string{r.String(), r.Chinese(), r.ISO()} {
			if spelling == "" {
				continue
			}
			got, err := order.ParseRegion(spelling)
			require.NoError(t, err, spelling)
			assert.Equal(t, r, got, spelling)
		}
		if r != order.Abroad {
			assert.False(t, isos[r.ISO()], "duplicate ISO code %s", r.ISO())
			isos[r.ISO()] = true
		}
		b, err := r.MarshalText()
		require.NoError(t, err)
		var back order.Region
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
	}
	assert.Equal(t, 31, mainland)
}

func TestParseRegionSpellings(t *testing.T) {
	for in, want := range map[string]order.Region{
		"内蒙古": order.InnerMongolia, "內蒙古自治區": order.InnerMongolia, "InnerMongolia": order.InnerMongolia,
		"臺灣": order.Taiwan, "台湾省": order.Taiwan, "cn-tw": order.Taiwan,
		"澳門": order.Macao, "Macau": order.Macao,
		"广西壮族自治区": order.Guangxi, "廣西": order.Guangxi,
		"  浙江  ": order.Zhejiang, "zhe jiang": order.Zhejiang, "ＺＨＥＪＩＡＮＧ": order.Zhejiang,
		"新疆": order.Xinjiang, "西藏": order.Tibet, "陕西": order.Shaanxi, "山西": order.Shanxi,
		"国外": order.Abroad, "海外": order.Abroad,
	} {
		got, err := order.ParseRegion(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "火星", "CN-XX", "zhejiangsheng"} {
		_, err := order.ParseRegion(bad)
		require.ErrorIs(t, err, order.ErrUnknownRegion, "hostile: %q", bad)
	}
	_, err := order.ParseRegion("\xff")
	require.ErrorIs(t, err, order.ErrInvalidText)
}

// rule S3: Hong Kong, Macao and Taiwan are the SF-only regions.
func TestRegionClasses(t *testing.T) {
	for _, r := range order.Regions() {
		want := r == order.HongKong || r == order.Macao || r == order.Taiwan
		assert.Equal(t, want, r.HKMOTW(), r.String())
		if want || r == order.Abroad {
			assert.False(t, r.Mainland(), r.String())
		}
	}
	assert.Empty(t, order.Abroad.ISO())
	assert.Empty(t, order.RegionUnknown.Chinese())
	assert.Empty(t, order.Region(99).ISO())
	assert.Equal(t, "Region(99)", order.Region(99).String())
}

func TestRegionText(t *testing.T) {
	var r order.Region
	require.NoError(t, json.Unmarshal([]byte(`""`), &r))
	assert.Equal(t, order.RegionUnknown, r)
	b, err := order.RegionUnknown.MarshalText()
	require.NoError(t, err)
	assert.Empty(t, b)
	_, err = order.Region(99).MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownRegion)
	r = order.Tibet
	require.ErrorIs(t, json.Unmarshal([]byte(`"atlantis"`), &r), order.ErrUnknownRegion)
	assert.Equal(t, order.Tibet, r, "left unchanged on error")
}
