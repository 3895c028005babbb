package order_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

func exampleSpec() order.Spec {
	created := time.Date(2026, 11, 11, 0, 5, 0, 0, cst)
	return order.Spec{
		ID:    "T20261111001",
		Buyer: order.Buyer{ID: "tb_8812", Nick: "小鹿"},
		Lines: []order.Line{
			{SKU: "LX-2201", Title: "羊毛围巾", Quantity: 2, UnitPrice: decimal.RequireFromString("64.25")},
		},
		Address: order.Address{
			Recipient: "王芳", Phone: "138 0013 5678",
			Province: "浙江省", City: "杭州市", District: "西湖区", Detail: "文三路１２号",
		},
		Postage:   decimal.Zero,
		Discount:  decimal.RequireFromString("10"),
		Status:    order.AwaitingPayment,
		CreatedAt: created,
	}
}

func ExampleNew() {
	o, err := order.New(exampleSpec())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(o.ID(), o.Status())
	fmt.Println("goods", o.Goods().StringFixed(2), "paid", o.Paid().StringFixed(2))
	fmt.Println(o.Region(), o.Address().Detail) // full-width digits folded
	// Output:
	// T20261111001 WAIT_BUYER_PAY
	// goods 128.50 paid 118.50
	// zhejiang 文三路12号
}

func ExampleNew_totalsMismatch() {
	spec := exampleSpec()
	stated := decimal.RequireFromString("120.00") // the platform says 120.00, the lines say 118.50
	spec.Paid = &stated
	_, err := order.New(spec)
	fmt.Println(errors.Is(err, order.ErrTotalsMismatch))
	fmt.Println(err)
	// Output:
	// true
	// order: paid "120.00": totals do not add up: goods 128.50 + postage 0.00 − discount 10.00 = 118.50
}

func ExampleTransition() {
	next, err := order.Transition(order.AwaitingDispatch, order.Dispatch)
	fmt.Println(next, err)

	_, err = order.Transition(order.AwaitingPayment, order.Dispatch)
	var te *order.TransitionError
	fmt.Println(errors.As(err, &te), te.From, te.Event)
	fmt.Println(order.AllowedEvents(order.AwaitingPayment))
	// Output:
	// WAIT_BUYER_CONFIRM_GOODS <nil>
	// true WAIT_BUYER_PAY dispatch
	// [pay close]
}

func ExampleOrder_Apply() {
	o := order.MustNew(exampleSpec())
	paid, err := o.Apply(order.Pay, o.CreatedAt().Add(2*time.Minute))
	fmt.Println(paid.Status(), err)

	// Receipt cannot be confirmed before anything was dispatched; the
	// original order is left as it was.
	_, err = paid.Apply(order.ConfirmReceipt, paid.PaidAt().Add(time.Hour))
	fmt.Println(err)
	fmt.Println(paid.Status())
	// Output:
	// WAIT_SELLER_SEND_GOODS <nil>
	// order: event "confirm_receipt": transition not allowed: in state "WAIT_SELLER_SEND_GOODS"
	// WAIT_SELLER_SEND_GOODS
}

func ExampleNormalizeAddress() {
	a, err := order.NormalizeAddress(order.Address{
		Recipient: " 王芳 ", Phone: "１３８-0013-5678",
		Province: "浙江", City: "杭州市", Detail: "文三路　１２号",
	})
	fmt.Println(a, err)
	fmt.Println(a.Complete(), a.Missing())
	// Output:
	// 王芳,13800135678,浙江,杭州市,,文三路 12号 <nil>
	// false [district]
}

// ExampleParseAmount reads the platform's amount text into the decimals a
// Spec takes: exact, two decimals, never rounded (rule P7).
func ExampleParseAmount() {
	for _, s := range []string{"128.5", "0.00", "128.505", "1e2"} {
		d, err := order.ParseAmount(s)
		fmt.Println(d.StringFixed(2), err)
	}
	// Output:
	// 128.50 <nil>
	// 0.00 <nil>
	// 0.00 order: amount "128.505": invalid amount: more than two decimals
	// 0.00 order: amount "1e2": invalid amount: not an amount in yuan such as 128.50
}

func ExampleMaskPhone() {
	o := order.MustNew(exampleSpec())
	fmt.Println(order.MaskPhone("13800135678"))
	fmt.Println(o.Address().Masked())
	fmt.Println(o.MayDiscloseTo("tb_8812"), o.MayDiscloseTo("tb_9999"))
	// Output:
	// 138****5678
	// 王*,138****5678,浙江省,杭州市,西湖区,文三路****
	// true false
}

// A backend decodes its own request bodies as kefu decodes its values:
// a key given twice, or in another case, is refused and named, never
// read as one of its spellings.
func ExampleDecodeJSON() {
	type payout struct {
		Key  string     `json:"key"`
		Line order.Line `json:"line"`
	}
	for _, body := range []string{
		`{"key":"rf-1","line":{"sku":"TEA-01","title":"龙井","quantity":1,"unit_price":"49.50"}}`,
		`{"key":"rf-1","key":"rf-2"}`,
		`{"key":"rf-1","Key":"rf-2"}`,
		`{"key":"rf-1","kye":"rf-2"}`,
	} {
		var p payout
		err := order.DecodeJSON([]byte(body), &p)
		fmt.Println(p.Key, err, errors.Is(err, order.ErrUnknownField))
	}
	// Output:
	// rf-1 <nil> false
	//  order: key: unknown field: given twice true
	//  order: Key: unknown field: spelled "Key", want "key" true
	// rf-1 order: kye: unknown field: no such field true
}
