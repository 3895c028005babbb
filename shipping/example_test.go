package shipping_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

var exampleCST = time.FixedZone("CST", 8*60*60)

func exampleOrder(price, postage, province string, created time.Time) order.Order {
	return order.MustNew(order.Spec{
		ID:    "T2026",
		Buyer: order.Buyer{ID: "buyer-1"},
		Lines: []order.Line{{SKU: "TEA-01", Quantity: 1, UnitPrice: decimal.RequireFromString(price)}},
		Address: order.Address{Recipient: "张三", Phone: "13812345678", Province: province,
			City: "杭州市", District: "西湖区", Detail: "文三路12号"},
		Postage:   decimal.RequireFromString(postage),
		Status:    order.AwaitingDispatch,
		CreatedAt: created,
		PaidAt:    created.Add(time.Minute),
	})
}

// Free shipping from 99.00 of goods actually paid (rule S1): an order one
// fen short pays postage, and the decision says how far it was.
func ExamplePolicy_FreeShipping() {
	p := shipping.DefaultPolicy()
	created := time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST)

	short := exampleOrder("98.99", "10.00", "浙江省", created)
	d := p.FreeShipping(&short)
	fmt.Println(d.Eligible(), d.Reasons(), "short by", d.Shortfall().StringFixed(2))

	enough := exampleOrder("99.00", "10.00", "浙江省", created)
	d = p.FreeShipping(&enough)
	fmt.Println(d.Eligible(), d.Reasons(), "give back", d.Overcharge().StringFixed(2))

	xinjiang := exampleOrder("300.00", "20.00", "新疆", created)
	d = p.FreeShipping(&xinjiang)
	fmt.Println(d.Eligible(), d.Reasons(), "should charge", d.ShouldCharge().StringFixed(2))
	// Output:
	// false [below_threshold] short by 0.01
	// true [postage_overcharged] give back 10.00
	// false [excluded_region] should charge 20.00
}

// Carrier choice (rules S3, S5, P6): the buyer's preference where it
// serves, the default otherwise, and SF Express alone — freight collect —
// for Hong Kong, Macao and Taiwan.
func ExamplePolicy_ChooseCarrier() {
	p := shipping.DefaultPolicy()
	p.Carriers[2].Surcharge = decimal.RequireFromString("12.00") // SF costs 12.00 more

	for _, c := range []struct {
		region    order.Region
		preferred string
	}{{order.Zhejiang, ""}, {order.Zhejiang, "sf"}, {order.HongKong, "zto"}, {order.Abroad, ""}} {
		ch, err := p.ChooseCarrier(c.region, c.preferred)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s wants %q: %q %v difference %s collect %v\n",
			c.region, c.preferred, ch.Carrier, ch.Reasons, ch.Difference().StringFixed(2), ch.Collect)
	}
	_, err := p.ChooseCarrier(order.Zhejiang, "ems")
	fmt.Println(err)
	// Output:
	// zhejiang wants "": "yto" [default_carrier] difference 0.00 collect false
	// zhejiang wants "sf": "sf" [preferred_carrier price_difference] difference 12.00 collect false
	// hong_kong wants "zto": "sf" [sf_only price_difference freight_collect] difference 12.00 collect true
	// abroad wants "": "" [out_of_area] difference 0.00 collect false
	// shipping: carrier "ems": unknown carrier: not among the shop's carriers
}

// The carrier a buyer asks for in the order message (rule S5) is the
// preference to choose with; a message that names two carriers, or says
// "not …", is left for the agent to ask about.
func ExamplePolicy_RequestedCarrier() {
	p := shipping.DefaultPolicy()
	for _, msg := range []string{"请发顺丰，谢谢", "不要发圆通", "圆通中通都可以", "尽快发货"} {
		code, ok := p.RequestedCarrier(msg)
		fmt.Printf("%s: %q %v\n", msg, code, ok)
	}
	code, _ := p.RequestedCarrier("请发顺丰，谢谢")
	ch, _ := p.ChooseCarrier(order.Zhejiang, code)
	fmt.Println(ch.Carrier, ch.Reasons)
	// Output:
	// 请发顺丰，谢谢: "sf" true
	// 不要发圆通: "" false
	// 圆通中通都可以: "" false
	// 尽快发货: "" false
	// sf [preferred_carrier]
}

// Dispatch promises (rule S6): paid before the 16:00 cutoff it ships
// today; a second later it ships tomorrow; during Double 11, "within 3
// days". No promise ever names a date.
func ExamplePolicy_DispatchPromise() {
	p := shipping.DefaultPolicy()
	p.BigPromotions = []shipping.Period{{Name: "双11",
		Start: time.Date(2026, 11, 11, 0, 0, 0, 0, exampleCST), End: time.Date(2026, 11, 14, 0, 0, 0, 0, exampleCST)}}

	for _, paid := range []time.Time{
		time.Date(2026, 11, 2, 16, 0, 0, 0, exampleCST),
		time.Date(2026, 11, 2, 16, 0, 1, 0, exampleCST),
		time.Date(2026, 11, 11, 9, 0, 0, 0, exampleCST),
	} {
		pr, err := p.DispatchPromise(paid)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(paid.Format("01-02 15:04:05"), "→", pr.Wording, pr.Days, "by", pr.By.Format("01-02 15:04:05"), pr.Reasons)
	}

	r, _ := p.ReviewPromise(time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST),
		shipping.PromiseClaim{Wording: shipping.ShipsToday, Date: shipping.Date{Year: 2026, Month: 11, Day: 2}})
	fmt.Println("\"ships on the 2nd\":", r.Verdict, r.Reasons)
	// Output:
	// 11-02 16:00:00 → ships_today 1 by 11-02 23:59:59 []
	// 11-02 16:00:01 → ships_tomorrow 2 by 11-03 23:59:59 [cutoff_passed]
	// 11-11 09:00:00 → within_days 3 by 11-13 23:59:59 [big_promotion]
	// "ships on the 2nd": refused [exact_date]
}

// Seed 000, case 2: a silent order qualified for free shipping but was
// charged postage. After payment: refund the difference (or
// refund-and-reorder before outbound), then operations fixes the settings.
func Example_postageOvercharge() {
	p := shipping.DefaultPolicy()
	o := exampleOrder("128.00", "8.00", "浙江省", time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST))
	c := p.PostageOvercharge(&o)
	fmt.Println(c.Overcharged, c.Amount().StringFixed(2), c.Remedies, "then", c.FollowUp)
	// Output:
	// true 8.00 [refund_difference refund_and_reorder] then operations
}

// The buyer of an overcharged order is told what the remedy the agent
// chose does (rules S2, R1): the difference refunded, or a refund and a
// new order, the original held back.
func ExampleOvercharge_BuyerFor() {
	p := shipping.DefaultPolicy()
	o := exampleOrder("128.00", "8.00", "浙江省", time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST))
	c := p.PostageOvercharge(&o)
	for r := range c.Remedies.All() {
		fmt.Println(r, c.BuyerFor(r, order.English))
	}
	// Output:
	// refund_difference Your order qualified for free shipping, so we'll refund the ¥ 8.00 postage you paid.
	// refund_and_reorder Could you request a refund and place the order again? The new order ships free, and we'll hold the original back so it isn't sent.
}

// A buyer chases a parcel that was scanned but never left the origin: the
// courier's delay, not the shop's; answer at once and chase the courier
// (rule S8).
func ExamplePolicy_ClassifyParcel() {
	p := shipping.DefaultPolicy()
	paid := time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST)
	out := paid.Add(8 * time.Hour)
	placed := exampleOrder("128.00", "0", "浙江省", paid)
	s := placed.Spec()
	s.Status, s.DispatchedAt = order.AwaitingReceipt, out
	o := order.MustNew(s)

	history := []shipping.TrackingEvent{
		{At: out, Stage: shipping.Outbound},
		{At: out.Add(2 * time.Hour), Stage: shipping.PickedUp, Place: "杭州"},
	}
	r, err := p.ClassifyParcel(&o, history, out.Add(3*24*time.Hour))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.Situation, r.Actions, "shop at fault:", r.ShopAtFault, "stop:", r.Stop)
	// Output:
	// stalled_at_origin [answer_at_once chase_courier] shop at fault: false stop: intercept
}

// A policy is plain data: keep it in a JSON file, load it with the
// standard library and validate it.
func ExamplePolicy_Validate() {
	var p shipping.Policy
	_ = json.Unmarshal([]byte(`{"free_shipping":{"threshold":"-5.00"}}`), &p)
	fmt.Println(p.Validate())
	// Output:
	// shipping: free_shipping.threshold "-5.00": invalid amount: must not be negative
}

// A shop's policy file decoded onto the defaults changes only what it
// sets: here the threshold and the cutoff; Xinjiang still pays postage.
func ExamplePolicy_UnmarshalJSON() {
	p := shipping.DefaultPolicy()
	if err := json.Unmarshal([]byte(`{"free_shipping":{"threshold":"88.00"},"dispatch_cutoff":"17:30"}`), &p); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.Validate(), p.Free.Threshold.StringFixed(2), p.Cutoff, p.Free.ExcludedRegions[0])
	// Output:
	// <nil> 88.00 17:30 xinjiang
}

// Decoding is strict: a misspelled field is refused and named — it never
// leaves the default postage silently in force — and so is an amount with
// more than two decimals. An HTTP handler maps every such error to one
// status with order.HTTPStatus; the policy is unchanged.
func ExamplePolicy_UnmarshalJSON_strict() {
	for _, file := range []string{
		`{"free_shipping":{"postgae":"8.00"}}`,
		`{"carriers":[{"code":"yto"},{"code":"sf","surcharge":"12.005"}]}`,
	} {
		p := shipping.DefaultPolicy()
		err := json.Unmarshal([]byte(file), &p)
		fmt.Println(order.HTTPStatus(err), err)
	}
	// Output:
	// 422 shipping: free_shipping.postgae: unknown field: no such field
	// 422 shipping: carriers[1].surcharge "12.005": invalid amount: more than two decimals
}

// The defaults run as they are (rule O2): a triage of ordinary orders —
// one paying the standard postage, one shipping free, one to Hong Kong
// going SF freight collect — flags only the order overcharged for postage.
func ExamplePolicy_Checks() {
	checks, _ := shipping.DefaultPolicy().Checks()
	created := time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST)
	var orders []*order.Order
	for i, o := range []struct{ price, postage, province string }{
		{"59.00", "10.00", "浙江省"}, {"128.50", "0", "江苏省"}, {"300.00", "0", "香港"}, {"120.00", "10.00", "广东省"},
	} {
		v := exampleOrder(o.price, o.postage, o.province, created)
		spec := v.Spec()
		spec.ID, spec.Buyer.ID = fmt.Sprintf("T%d", i+1), fmt.Sprintf("buyer-%d", i+1)
		spec.Goods, spec.Paid = nil, nil
		n := order.MustNew(spec)
		orders = append(orders, &n)
	}
	rep, err := order.DefaultTriagePolicy().Triage(orders, created.Add(time.Hour), checks...)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range rep.Findings {
		fmt.Println(f.OrderID(), f.Categories)
	}
	// Output:
	// T4 [postage_wrong]
}

// Decisions encode in JSON for a backend to store or send: codes as
// snake_case names, money as text with two decimals.
func ExampleFreeShippingDecision_MarshalJSON() {
	o := exampleOrder("98.99", "10.00", "浙江省", time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST))
	b, _ := json.Marshal(shipping.DefaultPolicy().FreeShipping(&o))
	fmt.Println(string(b))
	// Output:
	// {"verdict":"refused","reasons":["below_threshold"],"promotion":-1,"shortfall":"0.01","units_short":0,"charged":"10.00","should_charge":"10.00","overcharge":"0.00","undercharge":"0.00"}
}

// One free-shipping decision told to the buyer in each of kefu's four
// languages (rule S1), the language matched from the request's
// Accept-Language header, and the same decision for the shop's console.
func ExampleFreeShippingDecision_Buyer() {
	p := shipping.DefaultPolicy()
	short := exampleOrder("98.99", "10.00", "浙江省", time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST))
	d := p.FreeShipping(&short)

	for _, accept := range []string{"zh-CN,zh;q=0.9", "zh-TW,zh;q=0.9", "en-GB,en;q=0.8", "es-MX,es;q=0.9"} {
		l := order.MatchLang(accept, order.SimplifiedChinese)
		fmt.Println(l, d.Buyer(l))
	}
	fmt.Println(d.Staff(order.SimplifiedChinese))
	// Output:
	// zh-Hans 亲，您的订单商品实付还差 0.01 元就可以包邮啦，可以再看看店里其他宝贝哦～
	// zh-Hant 親，您的訂單商品實付還差 0.01 元就可以包郵囉，可以再看看店裡其他寶貝喔～
	// en Your order is ¥ 0.01 short of free shipping. Have a look around the shop if you'd like to add something!
	// es ¡A tu pedido le faltan ¥ 0,01 para tener envío gratis! ¿Echas un vistazo a la tienda por si quieres añadir algo?
	// 不包邮：商品实付还差 ¥ 0.01 包邮
}
