package notes_test

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

var cst = time.FixedZone("CST", 8*60*60)

// t0 is 2026-11-25 14:03:05 in China Standard Time.
var t0 = time.Date(2026, 11, 25, 14, 3, 5, 0, cst)

var newAddress = order.Address{
	Recipient: "张三", Phone: "13812345678", Province: "浙江省",
	City: "杭州市", District: "西湖区", Detail: "文三路12号3单元",
}

var author = notes.Author{Name: "李四", Role: order.PreSales}

func addressNote() notes.Note {
	return notes.Note{Flag: notes.FlagRed, Kind: notes.AddressChange, Reason: "买家搬家",
		Address: newAddress, Author: author, At: t0}
}

func giftNote() notes.Note {
	return notes.Note{Flag: notes.FlagYellow, Kind: notes.Gift, Reason: "静默下单,买家离线,补送赠品",
		SKU: "GIFT-01", Quantity: 1, Author: author, At: t0}
}

func refundNote() notes.Note {
	return notes.Note{Flag: notes.FlagGreen, Kind: notes.Refund, Reason: "退款重拍,原单退运费",
		Amount: decimal.RequireFromString("12.00"), Author: notes.Author{Name: "王五", Role: order.AfterSales}, At: t0}
}

func holdNote() notes.Note {
	return notes.Note{Flag: notes.FlagRed, Kind: notes.Hold, Reason: "退款重拍,原单不发", Author: author, At: t0}
}

// paidOrder is a paid online order awaiting dispatch, paid at t0.
func paidSpec() order.Spec {
	return order.Spec{
		ID: "T1001", Buyer: order.Buyer{ID: "buyer-a", Nick: "顾客A"},
		Lines:   []order.Line{{SKU: "TS-001", Quantity: 1, UnitPrice: decimal.RequireFromString("99.00")}},
		Address: newAddress, Postage: decimal.RequireFromString("10.00"),
		Status: order.AwaitingDispatch, CreatedAt: t0.Add(-time.Hour), PaidAt: t0,
	}
}

func mustOrder(s order.Spec) *order.Order {
	o := order.MustNew(s)
	return &o
}

func mustStock(m map[string]int) order.Stock {
	s, err := order.NewStock(m)
	if err != nil {
		panic(err)
	}
	return s
}

func p99() decimal.Decimal { return decimal.RequireFromString("99.00") }

// day returns hh:mm on 2026-11-25 + d days, CST. (It lived with notes'
// slow-review tests, which moved to package order.)
func day(d, hh, mm int) time.Time { return time.Date(2026, 11, 25+d, hh, mm, 0, 0, cst) }
