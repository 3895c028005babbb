package i18n_test

import (
	"testing"

	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

var sink string

// BenchmarkRender renders one staff text (a reason's label, a map lookup
// in the built catalog), one staff line with values and one reply to a
// buyer, each through the x/text printer of its language.
func BenchmarkRender(b *testing.B) {
	reply := i18n.BelowThreshold{Shortfall: 1}
	line := i18n.StaffShortfall{Shortfall: 1}
	i18n.Render(i18n.English, nil, reply) // build the catalog outside the timing
	b.Run("staff_text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = shipping.BelowThreshold.Text(order.TraditionalChinese)
		}
	})
	b.Run("staff_line", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = i18n.Render(i18n.English, nil, line)
		}
	})
	b.Run("buyer_reply", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sink = i18n.Render(i18n.SimplifiedChinese, nil, reply)
		}
	})
	b.Run("buyer_reply_plural", func(b *testing.B) {
		m := i18n.ShipsWithinDays{Days: 3, Latest: at}
		b.ReportAllocs()
		for b.Loop() {
			sink = i18n.Render(i18n.Spanish, nil, m)
		}
	})
}

// BenchmarkMatchLang matches a browser's Accept-Language header.
func BenchmarkMatchLang(b *testing.B) {
	b.ReportAllocs()
	var l order.Lang
	for b.Loop() {
		l = order.MatchLang("zh-TW,zh;q=0.9,en-US;q=0.8,en;q=0.7", order.SimplifiedChinese)
	}
	sink = l.String()
}
