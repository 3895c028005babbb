package shipping_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestPolicyBounds pins the bounds doc.go documents (issue 10 #8–#10):
// every list and text of a policy has one, and Validate refuses what is
// past it — a text by its byte length, before normalising it.
func TestPolicyBounds(t *testing.T) {
	times := func(n int, f func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	periods := func(n int) []shipping.Period {
		ps := make([]shipping.Period, n)
		for i := range ps {
			s := t0.Add(time.Duration(i) * time.Hour)
			ps[i] = shipping.Period{Start: s, End: s.Add(time.Hour)}
		}
		return ps
	}
	cases := []struct {
		reason string
		edit   func(p *shipping.Policy)
		field  string
		err    error
	}{
		{"a zone name of 65 bytes", func(p *shipping.Policy) { p.Zone = strings.Repeat("A", 65) }, "zone", shipping.ErrInvalidZone},
		{"1001 transit patterns", func(p *shipping.Policy) {
			p.TransitPatterns = times(1001, func(i int) string { return fmt.Sprintf("仓%d", i) })
		}, "transit_patterns", shipping.ErrNegative},
		// Hostile: 201 bytes of combining marks, refused before NFKC.
		{"a pattern of 202 bytes", func(p *shipping.Policy) { p.TransitPatterns = []string{strings.Repeat("\u0301", 101)} },
			"transit_patterns[0]", shipping.ErrInvalidText},
		{"65 carriers", func(p *shipping.Policy) {
			for i := range 62 {
				p.Carriers = append(p.Carriers, shipping.Carrier{Code: fmt.Sprintf("c%d", i)})
			}
		}, "carriers", shipping.ErrNegative},
		{"a carrier name of 201 bytes", func(p *shipping.Policy) { p.Carriers[0].Name = strings.Repeat("a", 201) },
			"carriers[0].name", shipping.ErrInvalidText},
		{"33 aliases", func(p *shipping.Policy) {
			p.Carriers[0].Aliases = times(33, func(i int) string { return fmt.Sprintf("圆%d", i) })
		}, "carriers[0].aliases", shipping.ErrNegative},
		{"an alias of 65 bytes", func(p *shipping.Policy) { p.Carriers[0].Aliases = []string{strings.Repeat("a", 65)} },
			"carriers[0].aliases[0]", shipping.ErrInvalidText},
		{"1001 excluded SKUs", func(p *shipping.Policy) {
			p.Free.ExcludedSKUs = times(1001, func(i int) string { return fmt.Sprintf("S-%d", i) })
		}, "free_shipping.excluded_skus", shipping.ErrNegative},
		// Hostile: 22 full-width letters are 66 bytes; their canonical form
		// would fit, but a policy writes SKUs canonical.
		{"a SKU of 66 bytes", func(p *shipping.Policy) { p.Free.ExcludedSKUs = []string{strings.Repeat("Ａ", 22)} },
			"free_shipping.excluded_skus[0]", shipping.ErrInvalidSKU},
		{"65 excluded regions", func(p *shipping.Policy) {
			p.Free.ExcludedRegions = make([]order.Region, 65)
		}, "free_shipping.excluded_regions", shipping.ErrNegative},
		{"1001 big promotions", func(p *shipping.Policy) { p.BigPromotions = periods(1001) }, "big_promotions", shipping.ErrNegative},
		{"1001 free-shipping promotions", func(p *shipping.Policy) {
			for _, pr := range periods(1001) {
				p.FreePromotions = append(p.FreePromotions, shipping.FreeShippingPromotion{Period: pr})
			}
		}, "free_shipping_promotions", shipping.ErrNegative},
		{"a period name of 201 bytes", func(p *shipping.Policy) {
			p.BigPromotions = periods(1)
			p.BigPromotions[0].Name = strings.Repeat("a", 201)
		}, "big_promotions[0].name", shipping.ErrInvalidText},
		{"1001 non-working days", func(p *shipping.Policy) {
			for i := range 1001 {
				p.NonWorkingDays = append(p.NonWorkingDays, shipping.DateOf(t0.AddDate(0, 0, i)))
			}
		}, "non_working_days", shipping.ErrNegative},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			p := shipping.DefaultPolicy()
			c.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, c.err)
			require.ErrorIs(t, err, shipping.ErrInvalidPolicy)
			var e *shipping.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
		})
	}

	// At the bounds, a policy is valid.
	p := shipping.DefaultPolicy()
	p.TransitPatterns = times(1000, func(i int) string { return fmt.Sprintf("仓%d", i) })
	p.Free.ExcludedSKUs = times(1000, func(i int) string { return fmt.Sprintf("S-%d", i) })
	p.BigPromotions = periods(1000)
	p.Carriers[0].Aliases = times(32, func(i int) string { return fmt.Sprintf("圆%d", i) })
	require.NoError(t, p.Validate())
}

// TestPeriodsOverlap pins the sort-and-sweep overlap check (issue 10
// #10): it finds an overlap wherever it is in the list, also under a long
// period that covers later ones, lets periods touch, and names the later
// of the two in list order.
func TestPeriodsOverlap(t *testing.T) {
	h := func(n int) time.Time { return t0.Add(time.Duration(n) * time.Hour) }
	per := func(a, b int) shipping.Period { return shipping.Period{Start: h(a), End: h(b)} }
	cases := []struct {
		reason string
		ps     []shipping.Period
		field  string // "" when valid
		detail string
	}{
		{"touching periods do not overlap", []shipping.Period{per(0, 1), per(1, 2), per(2, 3)}, "", ""},
		{"unsorted, disjoint", []shipping.Period{per(5, 6), per(0, 1), per(3, 4)}, "", ""},
		{"the last overlaps the first", []shipping.Period{per(0, 10), per(20, 30), per(9, 11)}, "big_promotions[2]", "overlaps big_promotions[0]"},
		{"a long period covers a later-starting one", []shipping.Period{per(30, 31), per(0, 100), per(50, 51)}, "big_promotions[1]", "overlaps big_promotions[0]"},
		{"the same period twice", []shipping.Period{per(3, 4), per(3, 4)}, "big_promotions[1]", "overlaps big_promotions[0]"},
		{"one inside another, listed first", []shipping.Period{per(2, 3), per(1, 5)}, "big_promotions[1]", "overlaps big_promotions[0]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			p := shipping.DefaultPolicy()
			p.BigPromotions = c.ps
			err := p.Validate()
			if c.field == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, shipping.ErrOverlappingPeriods)
			var e *shipping.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, c.detail, e.Detail)
		})
	}
}

// TestTextReadersBounds: the readers of buyer and address text ignore
// text past their bounds instead of normalising it (issue 10 #9).
func TestTextReadersBounds(t *testing.T) {
	p := shipping.DefaultPolicy()
	msg := "请发顺丰" + strings.Repeat(" ", 4096)
	code, ok := p.RequestedCarrier(msg)
	assert.False(t, ok, "a message past 4096 bytes names no carrier")
	assert.Empty(t, code)
	code, ok = p.RequestedCarrier(msg[:4096])
	assert.True(t, ok)
	assert.Equal(t, "sf", code)

	a := addr("浙江省")
	a.Detail = "圆通中转仓" + strings.Repeat("号", 400) // 1215 bytes
	_, ok = p.TransitWarehouse(a)
	assert.False(t, ok, "past 1200 bytes an address part is no address")
	a.Detail = "圆通中转仓" + strings.Repeat("号", 395) // 1200 bytes
	pat, ok := p.TransitWarehouse(a)
	assert.True(t, ok)
	assert.Equal(t, "中转仓", pat)

	_, err := shipping.ParseDate(strings.Repeat("2026-10-01", 1000))
	require.ErrorIs(t, err, shipping.ErrInvalidText)
}
