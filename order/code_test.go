package order_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// TestCodes pins issue 11 #6's typed reasons (rule O2): a Code names the
// package that defined a reason and the reason, so that findings and
// digest rows carry order's own reasons and those other packages' checks
// report in one typed list, and a stored report decodes without knowing
// the other packages' reasons. Hostile rows: text that would break a
// digest table or a catalog key cannot become a Code, and no check can
// pass a reason off as order's.
func TestCodes(t *testing.T) {
	c, err := order.NewCode("shipping", "postage_overcharged")
	require.NoError(t, err)
	assert.Equal(t, "shipping", c.Package())
	assert.Equal(t, "postage_overcharged", c.Name())
	assert.Equal(t, "shipping.postage_overcharged", c.String())
	_, own := c.Reason()
	assert.False(t, own, "not one of order's reasons")
	assert.Equal(t, c, order.MustCode("shipping", "postage_overcharged"), "comparable")

	r, own := order.StockShort.Code().Reason()
	assert.True(t, own)
	assert.Equal(t, order.StockShort, r)
	assert.Equal(t, "order.stock_short", order.StockShort.Code().String())
	assert.True(t, order.ReasonUnknown.Code().IsZero())

	for _, bad := range []struct {
		reason    string
		pkg, name string
		want      error
	}{
		{"hostile: a line break", "shipping", "far\naway", order.ErrInvalidText},
		{"hostile: markup", "shipping", "<script>", order.ErrInvalidText},
		{"hostile: invalid UTF-8", "shipping", "\xff", order.ErrInvalidText},
		{"upper case", "shipping", "Postage", order.ErrInvalidText},
		{"empty name", "shipping", "", order.ErrInvalidText},
		{"too long", "shipping", strings.Repeat("a", 65), order.ErrInvalidText},
		{"a package with a dot", "ship.ping", "x", order.ErrInvalidText},
		{"no package", "", "x", order.ErrInvalidText},
		{"hostile: passing a reason off as order's", "order", "postage_overcharged", order.ErrUnknownReason},
	} {
		t.Run(bad.reason, func(t *testing.T) {
			_, err := order.NewCode(bad.pkg, bad.name)
			require.ErrorIs(t, err, bad.want)
		})
	}

	for text, want := range map[string]order.Code{
		"shipping.no_sf_carrier": order.MustCode("shipping", "no_sf_carrier"),
		"order.paid_later":       order.PaidLater.Code(),
		"paid_later":             order.PaidLater.Code(), // a finding stored before codes had packages
	} {
		got, err := order.ParseCode(text)
		require.NoError(t, err, text)
		assert.Equal(t, want, got, text)
	}
	for _, bad := range []string{"postage_overcharged", "", ".x", "shipping.", strings.Repeat("a", 200)} {
		_, err := order.ParseCode(bad)
		require.Error(t, err, bad)
	}

	var back struct {
		R order.Code `json:"r"`
	}
	b, err := json.Marshal(struct {
		R order.Code `json:"r"`
	}{c})
	require.NoError(t, err)
	assert.Equal(t, `{"r":"shipping.postage_overcharged"}`, string(b))
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, c, back.R)
	_, err = json.Marshal(order.Code{})
	require.ErrorIs(t, err, order.ErrMissing, "the zero Code is no code")

	allocs := testing.AllocsPerRun(100, func() {
		_, _ = order.NewCode("shipping", "postage_overcharged")
		_ = order.StockShort.Code()
	})
	assert.Zero(t, allocs, "making a code does not allocate")
}

// TestStoredReportKeepsOtherPackagesReasons: a report with a reason of
// another package (as shipping's checks report them) is stored as JSON
// and read back by order alone, with the same typed reasons.
func TestStoredReportKeepsOtherPackagesReasons(t *testing.T) {
	sf := order.MustCode("shipping", "default_carrier_not_sf")
	check := fakeCheck{"shipping.needs_sf", map[string]bool{"H1": true}, order.Problem{Category: order.NeedsSF, Reason: sf}}
	o := mk(t, opsSpec("H1", "h", "TEA-01", 0), func(s *order.Spec) { s.Address.Phone = "" })
	r := triage(t, now0, []*order.Order{o}, check)
	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"reason":"shipping.default_carrier_not_sf"`)
	var back order.Report
	require.NoError(t, json.Unmarshal(b, &back))
	f, ok := back.Find("H1")
	require.True(t, ok)
	assert.Equal(t, []order.Code{sf}, f.Reasons(order.NeedsSF))
	assert.Equal(t, []order.Code{order.AddressIncomplete.Code()}, f.Reasons(order.UnknownAddress))
}
