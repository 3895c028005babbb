package order_test

import (
	"errors"
	"fmt"

	"github.com/kefu-go/kefu/order"
)

// A backend hands kefu the trade record it received from the open
// platform, whole: the fields kefu does not read are ignored, the amounts
// must add up, and the order comes with the split of the discount across
// its lines, which refunds are later made from.
func ExampleTrade_Order() {
	record := []byte(`{
		"tid": 3890123456789012401, "status": "WAIT_SELLER_SEND_GOODS", "type": "fixed",
		"buyer_open_uid": "AAGk2P1cAAbS7u0y0Zq3mN8d", "buyer_nick": "lilei_1988",
		"receiver_name": "李雷", "receiver_mobile": "13912345678", "receiver_state": "上海",
		"receiver_city": "上海市", "receiver_district": "浦东新区", "receiver_address": "张杨路500号",
		"payment": "101.40", "post_fee": "8.00", "total_fee": "113.40", "discount_fee": "20.00",
		"created": "2026-11-11 00:05:12", "pay_time": "2026-11-11 00:07:00",
		"seller_memo": "", "seller_flag": 0, "alipay_no": "2026111122001188440512345678",
		"orders": {"order": [
			{"oid": "3890123456789012402", "outer_sku_id": "LX-2201-OAT", "num": 1, "price": "99.00",
			 "divide_order_fee": "81.50", "part_mjz_discount": "17.50", "refund_status": "NO_REFUND", "title": "羊毛围巾"},
			{"oid": "3890123456789012403", "outer_iid": "LX-4100", "num": 1, "price": "14.40",
			 "divide_order_fee": "11.90", "part_mjz_discount": "2.50", "refund_status": "WAIT_SELLER_AGREE", "title": "暖手宝"}
		]}
	}`)
	t, err := order.ParseTrade(record)
	if err != nil {
		fmt.Println(err)
		return
	}
	o, detail, err := t.Order()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(o.ID(), o.Status(), o.Payment(), o.Region(), "paid", o.Paid().StringFixed(2))
	fmt.Println("paid at", o.PaidAt().Format("2006-01-02 15:04:05 -07:00"))
	for _, l := range detail.Lines {
		fmt.Println(l.SKU, "paid", l.Paid.StringFixed(2), "share of the discount", l.Discount.StringFixed(2), l.Refund)
	}

	// The same record with one line's split edited does not add up.
	t.Orders[1].DivideOrderFee = "12.90"
	_, _, err = t.Order()
	fmt.Println(errors.Is(err, order.ErrTotalsMismatch))
	fmt.Println(err)
	// Output:
	// 3890123456789012401 WAIT_SELLER_SEND_GOODS online shanghai paid 101.40
	// paid at 2026-11-11 00:07:00 +08:00
	// LX-2201-OAT paid 81.50 share of the discount 17.50 NO_REFUND
	// LX-4100 paid 11.90 share of the discount 2.50 WAIT_SELLER_AGREE
	// true
	// order: orders[1].divide_order_fee "12.90": totals do not add up: price 14.40 × num 1 = 14.40, but divide_order_fee 12.90 + part_mjz_discount 2.50 = 15.40
}

// The platform's listing filters select states; they are never an
// order's state.
func ExampleParseStatusFilter() {
	s, _ := order.ParseStatusFilter("ALL_WAIT_PAY")
	fmt.Println(s)
	_, err := order.ParseStatus("ALL_WAIT_PAY")
	fmt.Println(err)
	// Output:
	// [TRADE_NO_CREATE_PAY WAIT_BUYER_PAY]
	// order: status "ALL_WAIT_PAY": unknown status: ALL_WAIT_PAY is a listing filter (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY), not a trade state
}
