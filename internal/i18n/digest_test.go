package i18n_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// bigDigest is a digest of n problem orders in two categories, with a
// reason of order's and one of refund's checks.
func bigDigest(n int) order.Digest {
	d := order.Digest{At: t0, Next: t0.Add(2 * time.Hour), Orders: n}
	for _, c := range []order.Category{order.OutOfStock, order.AfterSalesPending} {
		g := order.DigestGroup{Category: c}
		for i := range n {
			g.Rows = append(g.Rows, order.DigestRow{OrderID: "T" + strconv.Itoa(100000+i), BuyerID: "b-" + strconv.Itoa(i),
				Region: order.Zhejiang, PlacedAt: t0.Add(-time.Duration(i) * time.Minute), Age: order.Duration(time.Duration(i) * time.Minute),
				Reasons: []order.Code{order.PaidLater.Code(), refund.ReturnNotRefunded.Code()}})
		}
		d.Groups = append(d.Groups, g)
	}
	return d
}

// TestDigestStaffIsTheTable: the digest as the team reads it has the rows
// of Digest.String, in the same order, one line each, aligned; every
// reason in the language (refund's check reasons too: rule R6), none as
// a code (rule O2).
func TestDigestStaffIsTheTable(t *testing.T) {
	d := bigDigest(3)
	plain := strings.Split(d.String(), "\n")
	for _, l := range order.Langs() {
		lines := strings.Split(d.Staff(l), "\n")
		assert.Len(t, lines, len(plain), "%s: one line for each of String's", l)
		for i := range lines {
			assert.Equal(t, plain[i] == "", lines[i] == "", "%s line %d: blank where String's is", l, i)
			if f := strings.Fields(plain[i]); len(f) > 0 && strings.HasPrefix(f[0], "T1") {
				assert.True(t, strings.HasPrefix(strings.TrimSpace(lines[i]), f[0]), "%s line %d: the same order", l, i)
			}
		}
		out := d.Staff(l)
		assert.NotContains(t, out, "order.paid_later", l)
		assert.NotContains(t, out, "refund.return_not_refunded", l)
		assert.Contains(t, out, refund.ReturnNotRefunded.Text(l), l)
		assert.Contains(t, out, order.Zhejiang.Text(l), l)
	}
	assert.Empty(t, order.Digest{}.Staff(order.English), "the zero digest")
}

// TestDigestStaffCostIsLinear: rendering a digest costs time linear in
// its rows (2 against 2,000 orders).
func TestDigestStaffCostIsLinear(t *testing.T) {
	small, large := bigDigest(2), bigDigest(2000)
	costtest.AssertLinear(t, func() { sink = small.Staff(order.English) },
		func() { sink = large.Staff(order.English) }, costtest.MaxRatio)
}

// BenchmarkDigest renders a digest of 200 problem orders as the team
// reads it (Staff, every word, date and age through the catalogs) against
// the plain table of codes (String), the baseline, in the same run.
// Measured (2 shared cores, go1.26, -count=5, medians): kefu 1.5 ms/op,
// 787 kB, 6,501 allocs; plain 0.74 ms/op, 260 kB, 4,143 allocs — about
// twice the plain table (each row's time and age go through x/text's
// printer), each row's cells rendered once.
func BenchmarkDigest(b *testing.B) {
	d := bigDigest(200)
	b.Run("kefu", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = d.Staff(order.SimplifiedChinese)
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = d.String()
		}
	})
}
