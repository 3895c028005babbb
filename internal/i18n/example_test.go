package i18n_test

import (
	"fmt"
	"time"

	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// A buyer's order is 0.01 yuan short of the free-shipping threshold (rule
// S1): the refusal as the shop tells it, in each language.
func ExampleRender() {
	m := i18n.BelowThreshold{Shortfall: i18n.Fen(1)}
	for _, l := range i18n.Langs() {
		fmt.Println(i18n.Render(l, nil, m))
	}
	// Output:
	// 亲，您的订单商品实付还差 0.01 元就可以包邮啦，可以再看看店里其他宝贝哦～
	// 親，您的訂單商品實付還差 0.01 元就可以包郵囉，可以再看看店裡其他寶貝喔～
	// Your order is ¥ 0.01 short of free shipping. Have a look around the shop if you'd like to add something!
	// ¡A tu pedido le faltan ¥ 0,01 para tener envío gratis! ¿Echas un vistazo a la tienda por si quieres añadir algo?
}

// A request from Hong Kong is answered in traditional Chinese; the staff
// see the reason code in the shop's language.
func ExampleMatchAccept() {
	l := order.MatchLang("zh-HK,zh;q=0.9,en;q=0.8", order.SimplifiedChinese)
	fmt.Println(l, shipping.ExcludedRegion.Text(l))
	fmt.Println(shipping.ExcludedRegion.Text(order.English))
	// Output:
	// zh-Hant 該地區不包郵
	// Region excluded from free shipping
}

// A dispatch promise in a big promotion (rule S6): within 3 days, by a
// latest day told in the shop's zone.
func ExampleShipsWithinDays() {
	paid := time.Date(2026, 11, 11, 0, 10, 0, 0, time.FixedZone("CST", 8*3600))
	m := i18n.ShipsWithinDays{Days: 3, Latest: paid.AddDate(0, 0, 3)}
	fmt.Println(i18n.Render(i18n.English, nil, m))
	fmt.Println(i18n.Render(i18n.Spanish, nil, m))
	// Output:
	// It's a big promotion and orders are piling up: yours will be dispatched within 3 days, by 14 November at the latest. Thanks for your patience!
	// Estamos en plena gran promoción y hay muchísimos pedidos: el tuyo sale en 3 días, como muy tarde el 14 de noviembre. ¡Gracias por tu paciencia!
}
