package order

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/internal/yuan"
)

// This file reads the open platform's own trade record: the listing
// filters over trade states, the [Trade] record with its sub-orders, and
// the [TradeDetail] a trade gives beyond its [Order].

// ErrInvalidTime: a time of the platform's record that is not
// "yyyy-MM-dd HH:mm:ss" (China time), or not a date at all ("2026-02-30
// 10:00:00").
var ErrInvalidTime = kerr.New(kerr.Invalid, "invalid time")

// StatusSet is a set of trade states, as the platform's listing filters
// select them ([ParseStatusFilter]). It is a [Set]: JSON is a list of the
// platform's state names.
type StatusSet = Set[Status]

// The platform's listing filters: queries over trade states, not states.
const (
	filterAllWaitPay = "ALL_WAIT_PAY"
	filterAllClosed  = "ALL_CLOSED"
)

// ParseStatusFilter returns the states a listing filter of the platform
// selects: ALL_WAIT_PAY is [AwaitingPayment] and [NoPaymentTrade] (the
// states that [Status.AwaitsPayment]), ALL_CLOSED is [Closed] and
// [ClosedUnpaid], and a state's own name ("WAIT_BUYER_PAY") selects that
// state alone. Anything else is an error wrapping [ErrUnknownStatus]. A
// filter is never the state of an order: [ParseStatus] refuses it.
func ParseStatusFilter(s string) (StatusSet, error) {
	switch s {
	case filterAllWaitPay:
		return SetOf(AwaitingPayment, NoPaymentTrade), nil
	case filterAllClosed:
		return SetOf(Closed, ClosedUnpaid), nil
	}
	st, err := ParseStatus(s)
	if err != nil {
		return 0, err
	}
	return SetOf(st), nil
}

// filterDetail explains why a listing filter's name is not a state; it is
// empty for any other name.
func filterDetail(s string) string {
	switch s {
	case filterAllWaitPay:
		return "ALL_WAIT_PAY is a listing filter (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY), not a trade state"
	case filterAllClosed:
		return "ALL_CLOSED is a listing filter (TRADE_CLOSED, TRADE_CLOSED_BY_TAOBAO), not a trade state"
	}
	return ""
}

// Trade is a trade record of the Taobao/Tmall open platform — the trade
// object a backend receives from the platform's trade APIs or trade
// messages — with the fields kefu reads, under the platform's own names
// and in the platform's own text: money as yuan text ("200.07"), times as
// "yyyy-MM-dd HH:mm:ss" in China time (+08:00, the platform writes no
// zone), the state by its name. [Trade.Order] checks it and builds the
// [Order]: it is the one way from the platform's record to a checked
// order. kefu does no I/O: it reads the record the backend already has.
//
// Trade is a plain value; its zero value is not a valid trade.
//
// # JSON
//
// [ParseTrade] (and Trade's UnmarshalJSON) read the trade object as the
// platform sends it:
//
//   - Fields kefu does not read are ignored. The platform's trade has well
//     over a hundred fields and keeps adding more, and a backend passes the
//     whole record it received: refusing them would refuse every real
//     record. What keeps a misspelt or missing field from changing money
//     silently is that every amount kefu reads is required — payment,
//     post_fee, total_fee, discount_fee, and each sub-order's price, num
//     and divide_order_fee — and that they must all add up (see
//     [Trade.Order]); only part_mjz_discount may be left out (0.00), and a
//     line whose share went missing then does not add up. Keys are matched
//     exactly, case included, and a key kefu reads given twice is an error
//     wrapping [ErrInvalidJSON].
//   - tid, oid and amounts may be JSON strings or numbers, read as their
//     text (never through floating point); num and seller_flag are JSON
//     integers or strings of digits; null is an absent field; orders is a
//     list of sub-orders, or the platform's wrapped form {"order":[…]}.
//
// Trade encodes with encoding/json as a flat object with orders as a
// list, which ParseTrade reads back to an equal Trade.
type Trade struct {
	TID    string `json:"tid"`
	Status string `json:"status"`
	// BuyerOpenUID is the buyer's stable ID for this shop's application;
	// BuyerNick the nickname (which the platform may mask). The order's
	// buyer ID is BuyerOpenUID when present, else BuyerNick.
	BuyerNick    string `json:"buyer_nick,omitempty"`
	BuyerOpenUID string `json:"buyer_open_uid,omitempty"`
	// The receiver, decrypted: a masked phone ("138****5678") is not a
	// phone number and is refused.
	ReceiverName     string `json:"receiver_name,omitempty"`
	ReceiverMobile   string `json:"receiver_mobile,omitempty"`
	ReceiverState    string `json:"receiver_state,omitempty"` // the province, or 香港特别行政区 …
	ReceiverCity     string `json:"receiver_city,omitempty"`
	ReceiverDistrict string `json:"receiver_district,omitempty"`
	ReceiverAddress  string `json:"receiver_address,omitempty"` // street, building, house number
	// Money in yuan: payment = total_fee + post_fee − discount_fee.
	Payment      string `json:"payment"`
	PostFee      string `json:"post_fee"`
	TotalFee     string `json:"total_fee"`    // the goods: Σ price × num
	DiscountFee  string `json:"discount_fee"` // split across the sub-orders as part_mjz_discount
	BuyerMessage string `json:"buyer_message,omitempty"`
	// CODStatus is the cash-on-delivery logistics status; set only on
	// cash-on-delivery trades.
	CODStatus   string `json:"cod_status,omitempty"`
	Created     string `json:"created"`
	PayTime     string `json:"pay_time,omitempty"`
	ConsignTime string `json:"consign_time,omitempty"`
	EndTime     string `json:"end_time,omitempty"` // finished, or closed
	// SellerMemo and SellerFlag are the seller memo (卖家备注) and its flag,
	// 0 to 5; notes.TradeMemo reads them.
	SellerMemo string     `json:"seller_memo,omitempty"`
	SellerFlag int        `json:"seller_flag,omitempty"`
	Orders     []SubOrder `json:"orders"`
}

// SubOrder is one sub-order (子订单) of a [Trade]: one item, or one SKU of
// an item, bought in some quantity. It becomes one [Line].
type SubOrder struct {
	OID string `json:"oid"`
	// OuterSkuID and OuterIID are the seller's own codes (商家编码) of the
	// SKU and of the item; the line's SKU is OuterSkuID when set, else
	// OuterIID. One of them is required: kefu's rules refer to lines by
	// the seller's code.
	OuterIID   string `json:"outer_iid,omitempty"`
	OuterSkuID string `json:"outer_sku_id,omitempty"`
	Num        int    `json:"num"`
	Price      string `json:"price"` // unit price, yuan
	// DivideOrderFee is what the line paid once the trade's discount was
	// split across the lines; PartMJZDiscount is its share of that
	// discount. They add up to Price × Num.
	DivideOrderFee  string `json:"divide_order_fee"`
	PartMJZDiscount string `json:"part_mjz_discount,omitempty"`
	RefundStatus    string `json:"refund_status,omitempty"`
	Title           string `json:"title,omitempty"`
}

// ParseTrade decodes the JSON of a platform trade record as described in
// [Trade]. A JSON problem is an [*Error] wrapping [ErrInvalidJSON] that
// names the field ("orders[1].num"). The values are not checked here:
// [Trade.Order] does that.
func ParseTrade(b []byte) (Trade, error) {
	var t Trade
	if err := t.UnmarshalJSON(b); err != nil {
		return Trade{}, err
	}
	return t, nil
}

// UnmarshalJSON decodes a trade record as [ParseTrade] does; on error t is
// left unchanged, and JSON null leaves it alone, as encoding/json does.
func (t *Trade) UnmarshalJSON(b []byte) error {
	if isNull(bytes.TrimSpace(b)) {
		return nil
	}
	var n Trade
	seen := make(map[string]bool, 24)
	err := eachMember(b, "", true, func(key string, v json.RawMessage) error {
		var err error
		switch key {
		case "seller_flag":
			n.SellerFlag, err = jsonInt(key, v)
		case "orders":
			n.Orders, err = decodeSubOrders(v)
		default:
			p := n.textField(key)
			if p == nil {
				return nil // a field of the platform kefu does not read
			}
			*p, err = jsonText(key, v)
		}
		if err == nil && seen[key] {
			return fieldErr(key, "", ErrInvalidJSON, "given twice")
		}
		seen[key] = true
		return err
	})
	if err != nil {
		return err
	}
	*t = n
	return nil
}

// textField returns the text field with JSON key k, or nil.
func (t *Trade) textField(k string) *string {
	switch k {
	case "tid":
		return &t.TID
	case "status":
		return &t.Status
	case "buyer_nick":
		return &t.BuyerNick
	case "buyer_open_uid":
		return &t.BuyerOpenUID
	case "receiver_name":
		return &t.ReceiverName
	case "receiver_mobile":
		return &t.ReceiverMobile
	case "receiver_state":
		return &t.ReceiverState
	case "receiver_city":
		return &t.ReceiverCity
	case "receiver_district":
		return &t.ReceiverDistrict
	case "receiver_address":
		return &t.ReceiverAddress
	case "payment":
		return &t.Payment
	case "post_fee":
		return &t.PostFee
	case "total_fee":
		return &t.TotalFee
	case "discount_fee":
		return &t.DiscountFee
	case "buyer_message":
		return &t.BuyerMessage
	case "cod_status":
		return &t.CODStatus
	case "created":
		return &t.Created
	case "pay_time":
		return &t.PayTime
	case "consign_time":
		return &t.ConsignTime
	case "end_time":
		return &t.EndTime
	case "seller_memo":
		return &t.SellerMemo
	}
	return nil
}

// textField returns the text field with JSON key k, or nil.
func (s *SubOrder) textField(k string) *string {
	switch k {
	case "oid":
		return &s.OID
	case "outer_iid":
		return &s.OuterIID
	case "outer_sku_id":
		return &s.OuterSkuID
	case "price":
		return &s.Price
	case "divide_order_fee":
		return &s.DivideOrderFee
	case "part_mjz_discount":
		return &s.PartMJZDiscount
	case "refund_status":
		return &s.RefundStatus
	case "title":
		return &s.Title
	}
	return nil
}

// decodeSubOrders reads the orders of a trade: a list, or the platform's
// {"order":[…]}.
func decodeSubOrders(v json.RawMessage) ([]SubOrder, error) {
	v = bytes.TrimSpace(v)
	if isNull(v) {
		return nil, nil
	}
	if len(v) > 0 && v[0] == '{' {
		var list json.RawMessage
		err := eachMember(v, "orders", false, func(key string, raw json.RawMessage) error {
			if key != "order" {
				return nil
			}
			if list != nil {
				return fieldErr("orders.order", "", ErrInvalidJSON, "given twice")
			}
			list = raw
			return nil
		})
		if err != nil {
			return nil, err
		}
		v = bytes.TrimSpace(list)
		if len(v) == 0 || isNull(v) {
			return nil, nil
		}
	}
	if v[0] != '[' {
		return nil, fieldErr("orders", "", ErrInvalidJSON, "want a JSON array of sub-orders")
	}
	var items []json.RawMessage
	if err := json.Unmarshal(v, &items); err != nil {
		return nil, jsonErr("orders", err)
	}
	if len(items) > maxLines {
		return nil, fieldErr("orders", strconv.Itoa(len(items)), ErrInvalidQuantity,
			"more than "+strconv.Itoa(maxLines)+" sub-orders")
	}
	out := make([]SubOrder, len(items))
	for i, it := range items {
		field := "orders[" + strconv.Itoa(i) + "]"
		s := &out[i]
		seen := make(map[string]bool, 10)
		err := eachMember(it, field, false, func(key string, raw json.RawMessage) error {
			var err error
			if key == "num" {
				s.Num, err = jsonInt(field+".num", raw)
			} else if p := s.textField(key); p != nil {
				*p, err = jsonText(field+"."+key, raw)
			} else {
				return nil
			}
			if err == nil && seen[key] {
				return fieldErr(field+"."+key, "", ErrInvalidJSON, "given twice")
			}
			seen[key] = true
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// eachMember calls each with every member of the JSON object b, in order.
// A document (top) must hold nothing after the object.
func eachMember(b []byte, field string, top bool, each func(key string, v json.RawMessage) error) error {
	d := json.NewDecoder(bytes.NewReader(b))
	tok, err := d.Token()
	if err != nil {
		return jsonErr(field, err)
	}
	if tok != json.Delim('{') {
		return fieldErr(field, "", ErrInvalidJSON, "want a JSON object")
	}
	for d.More() {
		tok, err := d.Token()
		if err != nil {
			return jsonErr(field, err)
		}
		key, ok := tok.(string)
		if !ok {
			return fieldErr(field, "", ErrInvalidJSON, "malformed object")
		}
		var v json.RawMessage
		if err := d.Decode(&v); err != nil {
			return jsonErr(joinField(field, key), err)
		}
		if err := each(key, v); err != nil {
			return err
		}
	}
	if _, err := d.Token(); err != nil {
		return jsonErr(field, err)
	}
	if top {
		if _, err := d.Token(); err != io.EOF {
			return fieldErr(field, "", ErrInvalidJSON, "data after the JSON value")
		}
	}
	return nil
}

func joinField(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

// jsonText reads a JSON string, or a number as its text; null is "".
func jsonText(field string, v json.RawMessage) (string, error) {
	v = bytes.TrimSpace(v)
	switch {
	case len(v) == 0 || isNull(v):
		return "", nil
	case v[0] == '"':
		if terr := jsonx.Check(v); terr != nil { // never repaired (rule O7)
			return "", &Error{Pkg: "order", Field: field, Err: ErrInvalidText, Detail: terr.Error()}
		}
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return "", jsonErr(field, err)
		}
		return s, nil
	case v[0] == '-' || v[0] >= '0' && v[0] <= '9':
		return string(v), nil
	}
	return "", fieldErr(field, "", ErrInvalidJSON, "want a JSON string")
}

// jsonInt reads a JSON integer, or a string of one; null is 0.
func jsonInt(field string, v json.RawMessage) (int, error) {
	s, err := jsonText(field, v)
	if err != nil || s == "" {
		return 0, err
	}
	if len(s) > 18 {
		return 0, fieldErr(field, s, ErrInvalidJSON, "want an integer")
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fieldErr(field, s, ErrInvalidJSON, "want an integer")
	}
	return n, nil
}

// Order checks t and builds its [Order] with [New], returning with it the
// [TradeDetail] that the order does not hold (each line's share of the
// discount and refund status). The fields map to the order as follows:
//
//   - tid is the order's ID; buyer_open_uid, or buyer_nick when it is
//     absent, is the buyer's ID, through the identity rule
//     ([CanonicalID]); buyer_nick is the buyer's nickname;
//   - receiver_name, receiver_mobile, receiver_state, receiver_city,
//     receiver_district and receiver_address are the address; buyer_message
//     the buyer's message;
//   - each sub-order is a line: outer_sku_id (else outer_iid) its SKU, num
//     its quantity, price its unit price, title its title; a sub-order at
//     price 0.00 is a gift line;
//   - post_fee is the postage and discount_fee the discount; total_fee and
//     payment are the totals the platform states ([Spec] Goods and Paid);
//   - status is the [Status] (rule O1); a cod_status makes the order cash
//     on delivery (rule S9);
//   - created, pay_time and consign_time are when the order was placed,
//     paid and dispatched; end_time is when it was received for
//     TRADE_FINISHED (the buyer confirmed receipt), when it was closed for
//     TRADE_CLOSED and TRADE_CLOSED_BY_TAOBAO, and must be absent in any
//     other state; a cash-on-delivery trade signed for (TRADE_BUYER_SIGNED)
//     was received when it was paid, at pay_time.
//
// Order refuses what does not add up, with an [*Error] that names the
// platform's field:
//
//   - each sub-order's price × num must be its divide_order_fee +
//     part_mjz_discount ("orders[1].divide_order_fee"); the sub-orders'
//     price × num must add up to total_fee and their part_mjz_discount to
//     discount_fee; payment must be total_fee + post_fee − discount_fee:
//     [ErrTotalsMismatch] (rule P7: exact to the fen, never fixed up);
//   - money is yuan text with at most two decimals ("128.505" is refused,
//     never rounded), not negative: [ErrInvalidAmount]; a required amount
//     that is absent: [ErrMissing];
//   - a time that is not "yyyy-MM-dd HH:mm:ss": [ErrInvalidTime]; times out
//     of order (created ≤ pay_time ≤ consign_time ≤ end_time, and for cash
//     on delivery consign_time before pay_time) or a time the state does
//     not have (pay_time on an unpaid trade, end_time on an open one):
//     [ErrInconsistent];
//   - an unknown status, or a listing filter (ALL_WAIT_PAY):
//     [ErrUnknownStatus]; an unknown cod_status or refund_status:
//     [ErrUnknownCode]; a sub-order without a seller's code: [ErrMissing];
//   - and every check of [New], its field named as the platform names it
//     ("receiver_mobile", "orders[0].num").
//
// A text field more than four times the length New allows is refused
// before it is normalised, so a hostile record costs time linear in its
// size. What the platform does not know — a silent order (rule O4), the
// buyer's confirmation of cash on delivery (rule S9), a slow review (rule
// O5) — is unset: set it on the order's [Order.Spec] and call New again.
// The order holds personal data; print it with its String or LogValue,
// which mask it (rule O7). Nothing is partly built: on error both results
// are zero.
func (t Trade) Order() (Order, TradeDetail, error) {
	var n tradeNames
	spec, detail, err := t.spec(&n)
	if err != nil {
		return Order{}, TradeDetail{}, err
	}
	o, err := New(spec)
	if err != nil {
		return Order{}, TradeDetail{}, n.rename(err, t)
	}
	return o, detail, nil
}

// tradeNames remembers which platform field each of a Spec's fields came
// from, to name them in New's errors.
type tradeNames struct {
	buyerID string   // buyer_open_uid or buyer_nick
	sku     []string // per line: outer_sku_id or outer_iid
}

// rawTextFactor bounds raw text at this many times the normalised limit.
const rawTextFactor = 4

// maxTradeTitleBytes bounds a sub-order's title before normalisation; titles on
// the platform are at most 60 characters.
const maxTradeTitleBytes = 1000

// phoneBytes bounds a phone number's raw text.
const phoneBytes = 40

func (t Trade) spec(n *tradeNames) (Spec, TradeDetail, error) {
	var spec Spec
	var d TradeDetail
	for _, f := range [...]struct {
		name  string
		value string
		max   int
	}{
		{"buyer_nick", t.BuyerNick, 200},
		{"receiver_name", t.ReceiverName, maxNameBytes},
		{"receiver_mobile", t.ReceiverMobile, phoneBytes},
		{"receiver_state", t.ReceiverState, maxNameBytes},
		{"receiver_city", t.ReceiverCity, maxNameBytes},
		{"receiver_district", t.ReceiverDistrict, maxNameBytes},
		{"receiver_address", t.ReceiverAddress, maxDetailBytes},
		{"buyer_message", t.BuyerMessage, maxMessageBytes},
	} {
		if err := rawLimit(f.name, f.value, f.max); err != nil {
			return spec, d, err
		}
	}

	id, err := identifier("tid", t.TID)
	if err != nil {
		return spec, d, err
	}
	status, err := ParseStatus(t.Status)
	if err != nil {
		return spec, d, err
	}
	cod, err := parseCODStatus(t.CODStatus)
	if err != nil {
		return spec, d, err
	}
	n.buyerID = "buyer_open_uid"
	buyerID := t.BuyerOpenUID
	if buyerID == "" {
		n.buyerID, buyerID = "buyer_nick", t.BuyerNick
	}
	if buyerID == "" {
		return spec, d, fieldErr("buyer_open_uid", "", ErrMissing, "a trade names its buyer by buyer_open_uid or buyer_nick")
	}

	var money [4]int64
	for i, f := range [...]struct{ name, value string }{
		{"payment", t.Payment}, {"post_fee", t.PostFee}, {"total_fee", t.TotalFee}, {"discount_fee", t.DiscountFee},
	} {
		if money[i], err = tradeAmount(f.name, f.value, true); err != nil {
			return spec, d, err
		}
	}
	payment, postage, total, discount := money[0], money[1], money[2], money[3]

	lines, split, goods, shares, err := t.lines(n)
	if err != nil {
		return spec, d, err
	}
	if goods != total {
		return spec, d, fieldErr("total_fee", t.TotalFee, ErrTotalsMismatch,
			"the sub-orders' price × num add up to "+yuan.Format(goods))
	}
	if shares != discount {
		return spec, d, fieldErr("discount_fee", t.DiscountFee, ErrTotalsMismatch,
			"the sub-orders' part_mjz_discount add up to "+yuan.Format(shares))
	}
	if due := total + postage - discount; payment != due { // each within ±MaxFen: no overflow
		return spec, d, fieldErr("payment", t.Payment, ErrTotalsMismatch,
			"total_fee "+yuan.Format(total)+" + post_fee "+yuan.Format(postage)+
				" − discount_fee "+yuan.Format(discount)+" = "+yuan.Format(due))
	}

	times, err := t.times(status, cod != CODStatusNone)
	if err != nil {
		return spec, d, err
	}

	goodsDec, paidDec := yuan.Dec(total), yuan.Dec(payment)
	spec = Spec{
		ID:    id,
		Buyer: Buyer{ID: buyerID, Nick: t.BuyerNick},
		Lines: lines,
		Address: Address{
			Recipient: t.ReceiverName, Phone: t.ReceiverMobile, Province: t.ReceiverState,
			City: t.ReceiverCity, District: t.ReceiverDistrict, Detail: t.ReceiverAddress,
		},
		Message:  t.BuyerMessage,
		Postage:  yuan.Dec(postage),
		Discount: yuan.Dec(discount),
		Goods:    &goodsDec,
		Paid:     &paidDec,
		Status:   status,
	}
	if cod != CODStatusNone {
		spec.Payment = CashOnDelivery
	}
	spec.CreatedAt, spec.PaidAt, spec.DispatchedAt = times.created, times.paid, times.consigned
	switch status {
	case Finished:
		spec.ReceivedAt = times.end
	case Closed, ClosedUnpaid:
		spec.ClosedAt = times.end
	case SignedCOD:
		spec.ReceivedAt = times.paid // signed for and paid at once
	}
	return spec, TradeDetail{TID: id, COD: cod, Lines: split}, nil
}

// rawLimit refuses text longer than rawTextFactor × max bytes before any
// normalisation reads it.
func rawLimit(field, s string, max int) error {
	if len(s) > rawTextFactor*max {
		return fieldErr(field, s, ErrInvalidText, "longer than "+strconv.Itoa(max)+" bytes")
	}
	return nil
}

// lines checks the sub-orders and returns the lines, their split, and
// the sums of price × num and of part_mjz_discount, in fen.
func (t Trade) lines(n *tradeNames) (lines []Line, split []LineSplit, goods, shares int64, err error) {
	if len(t.Orders) == 0 {
		return nil, nil, 0, 0, fieldErr("orders", "", ErrMissing, "a trade has at least one sub-order")
	}
	if len(t.Orders) > maxLines {
		return nil, nil, 0, 0, fieldErr("orders", strconv.Itoa(len(t.Orders)), ErrInvalidQuantity,
			"more than "+strconv.Itoa(maxLines)+" sub-orders")
	}
	lines = make([]Line, len(t.Orders))
	split = make([]LineSplit, len(t.Orders))
	n.sku = make([]string, len(t.Orders))
	bySKU := make(map[string]int, len(t.Orders))
	for i, s := range t.Orders {
		field := "orders[" + strconv.Itoa(i) + "]"
		fail := func(err error) ([]Line, []LineSplit, int64, int64, error) { return nil, nil, 0, 0, err }
		oid, err := identifier(field+".oid", s.OID)
		if err != nil {
			return fail(err)
		}
		skuField, raw := field+".outer_sku_id", s.OuterSkuID
		n.sku[i] = "outer_sku_id"
		if raw == "" {
			skuField, raw = field+".outer_iid", s.OuterIID
			n.sku[i] = "outer_iid"
		}
		if raw == "" {
			return fail(fieldErr(field+".outer_sku_id", "", ErrMissing,
				"a line needs the seller's code: outer_sku_id or outer_iid"))
		}
		if err := rawLimit(skuField, raw, maxSKUBytes); err != nil {
			return fail(err)
		}
		if err := rawLimit(field+".title", s.Title, maxTradeTitleBytes); err != nil {
			return fail(err)
		}
		sku, err := NormalizeSKU(raw)
		if err != nil {
			e := err.(*Error)
			e.Field = skuField
			return fail(e)
		}
		if j, dup := bySKU[sku]; dup {
			return fail(fieldErr(skuField, raw, ErrDuplicateLine, "same SKU as orders["+strconv.Itoa(j)+"]"))
		}
		bySKU[sku] = i
		if s.Num < 1 || s.Num > yuan.MaxQuantity {
			return fail(fieldErr(field+".num", strconv.Itoa(s.Num), ErrInvalidQuantity,
				"must be 1 to "+strconv.Itoa(yuan.MaxQuantity)))
		}
		price, err := tradeAmount(field+".price", s.Price, true)
		if err != nil {
			return fail(err)
		}
		paid, err := tradeAmount(field+".divide_order_fee", s.DivideOrderFee, true)
		if err != nil {
			return fail(err)
		}
		share, err := tradeAmount(field+".part_mjz_discount", s.PartMJZDiscount, false)
		if err != nil {
			return fail(err)
		}
		refund, err := parseRefundStatus(field+".refund_status", s.RefundStatus)
		if err != nil {
			return fail(err)
		}
		amount, ok := yuan.Mul(price, s.Num)
		if !ok {
			return fail(fieldErr(field+".price", s.Price, ErrInvalidAmount, "price × num is out of range"))
		}
		if paid+share != amount { // each within ±MaxFen: no overflow
			return fail(fieldErr(field+".divide_order_fee", s.DivideOrderFee, ErrTotalsMismatch,
				"price "+yuan.Format(price)+" × num "+strconv.Itoa(s.Num)+" = "+yuan.Format(amount)+
					", but divide_order_fee "+yuan.Format(paid)+" + part_mjz_discount "+yuan.Format(share)+" = "+yuan.Format(paid+share)))
		}
		if goods, ok = yuan.Add(goods, amount); !ok {
			return fail(fieldErr("total_fee", t.TotalFee, ErrInvalidAmount, "the sub-orders add up to more than kefu accepts"))
		}
		shares, _ = yuan.Add(shares, share) // shares ≤ goods
		lines[i] = Line{SKU: sku, Title: s.Title, Quantity: s.Num, UnitPrice: yuan.Dec(price), Gift: price == 0}
		split[i] = LineSplit{OID: oid, SKU: sku, Paid: yuan.Dec(paid), Discount: yuan.Dec(share), Refund: refund}
	}
	return lines, split, goods, shares, nil
}

// tradeAmount reads an amount of yuan text: exact, at most two decimals,
// not negative (rule P7). An absent amount is zero unless required.
func tradeAmount(field, s string, required bool) (int64, error) {
	if s == "" {
		if required {
			return 0, fieldErr(field, "", ErrMissing, "")
		}
		return 0, nil
	}
	fen, p := yuan.Parse(s)
	switch {
	case p != yuan.OK:
		return 0, fieldErr(field, s, ErrInvalidAmount, p.Detail())
	case fen < 0:
		return 0, fieldErr(field, s, ErrInvalidAmount, "must not be negative")
	}
	return fen, nil
}

// platformTime is the layout of the platform's times, which are China
// time with no zone written.
const platformTime = "2006-01-02 15:04:05"

// tradeTime reads a platform time; "" is the zero time.
func tradeTime(field, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if len(s) == len(platformTime) {
		if t, err := time.ParseInLocation(platformTime, s, tz.CST); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fieldErr(field, s, ErrInvalidTime, "want yyyy-MM-dd HH:mm:ss, China time")
}

type tradeTimes struct{ created, paid, consigned, end time.Time }

// times reads the trade's times and checks that they run forward and that
// end_time belongs to the state.
func (t Trade) times(s Status, cod bool) (tradeTimes, error) {
	var tt tradeTimes
	stamps := [...]struct {
		name, raw string
		at        *time.Time
	}{
		{"created", t.Created, &tt.created},
		{"pay_time", t.PayTime, &tt.paid},
		{"consign_time", t.ConsignTime, &tt.consigned},
		{"end_time", t.EndTime, &tt.end},
	}
	for _, st := range stamps {
		v, err := tradeTime(st.name, st.raw)
		if err != nil {
			return tt, err
		}
		*st.at = v
	}
	if tt.created.IsZero() {
		return tt, fieldErr("created", "", ErrMissing, "")
	}
	if !tt.end.IsZero() && s != Finished && s != Closed && s != ClosedUnpaid {
		return tt, fieldErr("end_time", t.EndTime, ErrInconsistent, "set in state "+s.String()+", which has not ended")
	}
	order := [...]int{0, 1, 2, 3} // created, paid, consigned, ended
	if cod {
		order = [...]int{0, 2, 1, 3} // a cash-on-delivery parcel is paid for on delivery
	}
	prev := 0
	for _, i := range order[1:] {
		st := stamps[i]
		if st.at.IsZero() {
			continue
		}
		if st.at.Before(*stamps[prev].at) {
			return tt, fieldErr(st.name, st.raw, ErrInconsistent, "before "+stamps[prev].name+" "+stamps[prev].raw)
		}
		prev = i
	}
	return tt, nil
}

// rename gives an error of [New] the platform's field name (and, for a
// time, the platform's text).
func (n *tradeNames) rename(err error, t Trade) error {
	var e *Error
	if !errors.As(err, &e) || e.Pkg != "order" {
		return err
	}
	c := *e
	c.Field = n.field(e.Field, t.Status)
	switch c.Field {
	case "created":
		c.Value = t.Created
	case "pay_time":
		c.Value = t.PayTime
	case "consign_time":
		c.Value = t.ConsignTime
	case "end_time":
		c.Value = t.EndTime
	}
	return &c
}

// specFields maps the fields of a [Spec] to the platform's.
var specFields = map[string]string{
	"id":                "tid",
	"buyer.nick":        "buyer_nick",
	"buyer_message":     "buyer_message",
	"address":           "receiver_address",
	"address.recipient": "receiver_name",
	"address.phone":     "receiver_mobile",
	"address.province":  "receiver_state",
	"address.region":    "receiver_state",
	"address.city":      "receiver_city",
	"address.district":  "receiver_district",
	"address.detail":    "receiver_address",
	"payment":           "cod_status",
	"postage":           "post_fee",
	"discount":          "discount_fee",
	"goods":             "total_fee",
	"paid":              "payment",
	"status":            "status",
	"created_at":        "created",
	"paid_at":           "pay_time",
	"dispatched_at":     "consign_time",
	"closed_at":         "end_time",
}

// lineFields maps the fields of a [Line] to a sub-order's.
var lineFields = map[string]string{"quantity": "num", "unit_price": "price", "title": "title"}

// field returns the platform's name of the Spec field f.
func (n *tradeNames) field(f, status string) string {
	switch f {
	case "buyer.id":
		return n.buyerID
	case "received_at":
		if status == SignedCOD.String() {
			return "pay_time"
		}
		return "end_time"
	}
	if p, ok := specFields[f]; ok {
		return p
	}
	rest, ok := strings.CutPrefix(f, "lines")
	if !ok {
		return f
	}
	if rest == "" {
		return "orders"
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 || rest[0] != '[' {
		return f
	}
	i, err := strconv.Atoi(rest[1:end])
	if err != nil || i < 0 || i >= len(n.sku) {
		return f
	}
	base := "orders" + rest[:end+1]
	sub, _ := strings.CutPrefix(rest[end+1:], ".")
	switch {
	case sub == "":
		return base
	case sub == "sku":
		return base + "." + n.sku[i]
	case lineFields[sub] != "":
		return base + "." + lineFields[sub]
	}
	return base + "." + sub
}

// TradeDetail is what a platform trade record says beyond the [Order]
// built from it ([Trade.Order]): how the platform split the trade's
// discount across the lines, each sub-order's refund status, and the
// cash-on-delivery logistics status. A backend stores it beside the
// order — it has a JSON form — and hands it to whatever needs it later:
// refunds are split from each line's paid share, so that refunding every
// line refunds exactly what the buyer paid, to the fen (rule R7).
// [TradeDetail.Check] says whether a stored detail belongs to an order.
//
// TradeDetail is a plain value. Lines[i] is line i of the order.
//
// In JSON the keys are the platform's names, amounts are text with two
// decimals:
//
//	{"tid":"3301","cod_status":"NEW_CREATED","lines":[{"oid":"3302","sku":"LX-2201","divide_order_fee":"118.50","part_mjz_discount":"10.00","refund_status":"NO_REFUND"}]}
type TradeDetail struct {
	TID   string    // the trade's ID, canonical: the order's ID
	COD   CODStatus // CODStatusNone for an online trade
	Lines []LineSplit
}

// LineSplit is one line of a [TradeDetail]: what the line paid after the
// trade's discount was split across the lines (divide_order_fee), its
// share of that discount (part_mjz_discount) — the two add up to the
// line's amount — and its sub-order's refund status.
type LineSplit struct {
	OID      string          // the sub-order's ID
	SKU      string          // the line's SKU, canonical
	Paid     decimal.Decimal // divide_order_fee, two decimals
	Discount decimal.Decimal // part_mjz_discount, two decimals
	Refund   RefundStatus
}

// Line returns the split of the line with the given SKU (normalised
// first), and whether there is one.
func (d TradeDetail) Line(sku string) (LineSplit, bool) {
	n, err := NormalizeSKU(sku)
	if err != nil {
		return LineSplit{}, false
	}
	for _, l := range d.Lines {
		if l.SKU == n {
			return l, true
		}
	}
	return LineSplit{}, false
}

// Check reports whether d is the detail of o: the same trade ID, payment
// method (a cash-on-delivery status only on a cash-on-delivery order) and
// lines, in order, with each line's paid share + discount share equal to
// its amount and the shares adding up to the order's discount. A nil or
// zero order wraps [ErrMissing]; a detail of another order
// [ErrInconsistent]; shares that do not add up [ErrTotalsMismatch].
func (d TradeDetail) Check(o *Order) error {
	switch {
	case o == nil:
		return fieldErr("order", "", ErrNilOrder, "")
	case o.IsZero():
		return fieldErr("order", "", ErrMissing, "the zero Order is not an order")
	case d.TID != o.id:
		return fieldErr("tid", d.TID, ErrInconsistent, "the order is "+o.id)
	case (d.COD != CODStatusNone) != (o.payment == CashOnDelivery):
		return fieldErr("cod_status", d.COD.String(), ErrInconsistent, "the order's payment is "+o.payment.String())
	case len(d.Lines) != len(o.lines):
		return fieldErr("lines", strconv.Itoa(len(d.Lines)), ErrInconsistent,
			"the order has "+strconv.Itoa(len(o.lines))+" lines")
	}
	var shares int64
	for i, l := range d.Lines {
		field := "lines[" + strconv.Itoa(i) + "]"
		ol := o.lines[i]
		if l.SKU != ol.SKU {
			return fieldErr(field+".sku", l.SKU, ErrInconsistent, "the order's line is "+ol.SKU)
		}
		paid, ok1 := yuan.Fen(l.Paid)
		share, ok2 := yuan.Fen(l.Discount)
		if !ok1 || !ok2 || paid < 0 || share < 0 {
			return fieldErr(field, l.Paid.String()+"+"+l.Discount.String(), ErrInvalidAmount, "")
		}
		price, _ := yuan.Fen(ol.UnitPrice) // a built order's amounts are valid
		amount, _ := yuan.Mul(price, ol.Quantity)
		if paid+share != amount {
			return fieldErr(field+".divide_order_fee", yuan.Format(paid), ErrTotalsMismatch,
				"with part_mjz_discount "+yuan.Format(share)+" it should make the line's "+yuan.Format(amount))
		}
		shares += share
	}
	if disc := o.fen.Discount; shares != disc {
		return fieldErr("lines", yuan.Format(shares), ErrTotalsMismatch,
			"the shares of the discount should add up to "+yuan.Format(disc))
	}
	return nil
}

type lineSplitJSON struct {
	OID      string          `json:"oid"`
	SKU      string          `json:"sku"`
	Paid     json.RawMessage `json:"divide_order_fee"`
	Discount json.RawMessage `json:"part_mjz_discount"`
	Refund   string          `json:"refund_status"`
}

type tradeDetailJSON struct {
	TID   string          `json:"tid"`
	COD   string          `json:"cod_status,omitempty"`
	Lines []lineSplitJSON `json:"lines"`
}

// MarshalJSON encodes d with the platform's names and amounts as text with
// two decimals.
func (d TradeDetail) MarshalJSON() ([]byte, error) {
	w := tradeDetailJSON{TID: d.TID, COD: d.COD.String(), Lines: make([]lineSplitJSON, len(d.Lines))}
	if !d.COD.IsValid() {
		return nil, fieldErr("cod_status", d.COD.String(), ErrUnknownCode, "")
	}
	for i, l := range d.Lines {
		if !l.Refund.IsValid() {
			return nil, fieldErr("lines["+strconv.Itoa(i)+"].refund_status", l.Refund.String(), ErrUnknownCode, "")
		}
		w.Lines[i] = lineSplitJSON{OID: l.OID, SKU: l.SKU, Refund: l.Refund.String(),
			Paid:     json.RawMessage(`"` + l.Paid.StringFixed(2) + `"`),
			Discount: json.RawMessage(`"` + l.Discount.StringFixed(2) + `"`)}
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly: unknown fields
// ([ErrUnknownField]), an unknown status ([ErrUnknownCode]), an amount
// that is absent, negative or has more than two decimals
// ([ErrInvalidAmount]), an ID or SKU that breaks the identity rule are
// errors naming the field, and d is left unchanged. Whether the detail
// belongs to an order is [TradeDetail.Check]'s question.
func (d *TradeDetail) UnmarshalJSON(b []byte) error {
	var w tradeDetailJSON
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	var n TradeDetail
	var err error
	if n.TID, err = identifier("tid", w.TID); err != nil {
		return err
	}
	if n.COD, err = parseCODStatus(w.COD); err != nil {
		return err
	}
	if len(w.Lines) > maxLines {
		return fieldErr("lines", strconv.Itoa(len(w.Lines)), ErrInvalidQuantity, "more than "+strconv.Itoa(maxLines)+" lines")
	}
	n.Lines = make([]LineSplit, len(w.Lines))
	for i, l := range w.Lines {
		field := "lines[" + strconv.Itoa(i) + "]"
		var s LineSplit
		if s.OID, err = identifier(field+".oid", l.OID); err != nil {
			return err
		}
		if s.SKU, err = NormalizeSKU(l.SKU); err != nil {
			e := *err.(*Error)
			e.Field = field + ".sku"
			return &e
		}
		for _, a := range [...]struct {
			name string
			raw  json.RawMessage
			to   *decimal.Decimal
		}{{"divide_order_fee", l.Paid, &s.Paid}, {"part_mjz_discount", l.Discount, &s.Discount}} {
			fen, p := yuan.ParseJSON(a.raw)
			if p == yuan.OK && fen < 0 {
				return fieldErr(field+"."+a.name, string(a.raw), ErrInvalidAmount, "must not be negative")
			}
			if p != yuan.OK {
				return fieldErr(field+"."+a.name, string(a.raw), ErrInvalidAmount, p.Detail())
			}
			*a.to = yuan.Dec(fen)
		}
		if s.Refund, err = parseRefundStatus(field+".refund_status", l.Refund); err != nil {
			return err
		}
		n.Lines[i] = s
	}
	*d = n
	return nil
}

// RefundStatus is the refund status of a sub-order, by the platform's
// names. The zero value, [NoRefund], is meaningful: no refund was asked
// for (the platform writes NO_REFUND, or nothing).
type RefundStatus uint8

// Refund statuses of a sub-order.
const (
	// NoRefund: no refund (NO_REFUND).
	NoRefund RefundStatus = iota
	// RefundRequested: the buyer asked for a refund; the seller has to
	// agree (WAIT_SELLER_AGREE).
	RefundRequested
	// RefundAwaitingReturn: the seller agreed; the buyer is to send the
	// goods back (WAIT_BUYER_RETURN_GOODS).
	RefundAwaitingReturn
	// RefundGoodsReturned: the buyer sent the goods back; the seller is to
	// confirm receiving them (WAIT_SELLER_CONFIRM_GOODS).
	RefundGoodsReturned
	// RefundRefused: the seller refused the refund (SELLER_REFUSE_BUYER).
	RefundRefused
	// RefundClosed: the refund was closed without money paid (CLOSED).
	RefundClosed
	// Refunded: the refund was paid (SUCCESS).
	Refunded
	numRefundStatuses
)

var refundStatusNames = []string{
	NoRefund:             "NO_REFUND",
	RefundRequested:      "WAIT_SELLER_AGREE",
	RefundAwaitingReturn: "WAIT_BUYER_RETURN_GOODS",
	RefundGoodsReturned:  "WAIT_SELLER_CONFIRM_GOODS",
	RefundRefused:        "SELLER_REFUSE_BUYER",
	RefundClosed:         "CLOSED",
	Refunded:             "SUCCESS",
}

// parseRefundStatus reads the platform's name; "" is [NoRefund].
func parseRefundStatus(field, s string) (RefundStatus, error) {
	if s == "" || s == refundStatusNames[NoRefund] {
		return NoRefund, nil
	}
	if i, ok := enum.Index(refundStatusNames, s); ok {
		return RefundStatus(i), nil
	}
	return NoRefund, fieldErr(field, s, ErrUnknownCode, "not a refund status of the platform")
}

// String returns the platform's name, or "RefundStatus(N)" out of range.
func (r RefundStatus) String() string {
	return enum.Name(refundStatusNames, int(r), "RefundStatus")
}

// IsValid reports whether r is a known refund status ([NoRefund]
// included).
func (r RefundStatus) IsValid() bool { return r < numRefundStatuses }

// InProgress reports whether a refund is under way and waits for the
// seller or the buyer: requested, goods awaited or returned.
func (r RefundStatus) InProgress() bool {
	return r == RefundRequested || r == RefundAwaitingReturn || r == RefundGoodsReturned
}

// MarshalText returns the platform's name; a value out of range is an
// error wrapping [ErrUnknownCode].
func (r RefundStatus) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fieldErr("refund_status", r.String(), ErrUnknownCode, "")
	}
	return []byte(refundStatusNames[r]), nil
}

// UnmarshalText accepts the platform's names, and "" as [NoRefund];
// anything else wraps [ErrUnknownCode].
func (r *RefundStatus) UnmarshalText(b []byte) error {
	v, err := parseRefundStatus("refund_status", string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// CODStatus is the logistics status of a cash-on-delivery trade, by the
// platform's names. The zero value, [CODStatusNone], means the trade is
// not cash on delivery.
type CODStatus uint8

// Cash-on-delivery logistics statuses.
const (
	// CODStatusNone: not a cash-on-delivery trade (no cod_status).
	CODStatusNone      CODStatus = iota
	CODNewCreated                // NEW_CREATED: created
	CODAccepted                  // ACCEPTED_BY_COMPANY: the courier took the order
	CODRejected                  // REJECTED_BY_COMPANY: the courier refused it
	CODAcceptTimeout             // RECIEVE_TIMEOUT (the platform's spelling): no courier answered
	CODTakenIn                   // TAKEN_IN_SUCCESS: picked up
	CODTakeInFailed              // TAKEN_IN_FAILED: pick-up failed
	CODTakeInTimeout             // TAKEN_TIMEOUT: not picked up in time
	CODSignedIn                  // SIGN_IN: the buyer signed for and paid the parcel
	CODSignInRefused             // REJECTED_BY_OTHER_SIDE: the buyer refused the parcel
	CODWaitingToBeSent           // WAITING_TO_BE_SENT: waiting to go to the courier
	CODCanceled                  // CANCELED: the logistics order was cancelled
	numCODStatuses
)

var codStatusNames = []string{
	CODStatusNone:      "",
	CODNewCreated:      "NEW_CREATED",
	CODAccepted:        "ACCEPTED_BY_COMPANY",
	CODRejected:        "REJECTED_BY_COMPANY",
	CODAcceptTimeout:   "RECIEVE_TIMEOUT",
	CODTakenIn:         "TAKEN_IN_SUCCESS",
	CODTakeInFailed:    "TAKEN_IN_FAILED",
	CODTakeInTimeout:   "TAKEN_TIMEOUT",
	CODSignedIn:        "SIGN_IN",
	CODSignInRefused:   "REJECTED_BY_OTHER_SIDE",
	CODWaitingToBeSent: "WAITING_TO_BE_SENT",
	CODCanceled:        "CANCELED",
}

// parseCODStatus reads the platform's name; "" is [CODStatusNone].
func parseCODStatus(s string) (CODStatus, error) {
	if s == "" {
		return CODStatusNone, nil
	}
	if i, ok := enum.Index(codStatusNames, s); ok {
		return CODStatus(i), nil
	}
	return CODStatusNone, fieldErr("cod_status", s, ErrUnknownCode, "not a cash-on-delivery status of the platform")
}

// String returns the platform's name, "" for [CODStatusNone], or
// "CODStatus(N)" out of range.
func (c CODStatus) String() string {
	if c == CODStatusNone {
		return ""
	}
	return enum.Name(codStatusNames, int(c), "CODStatus")
}

// IsValid reports whether c is a known status ([CODStatusNone] included).
func (c CODStatus) IsValid() bool { return c < numCODStatuses }

// MarshalText returns the platform's name ("" for [CODStatusNone]); a
// value out of range is an error wrapping [ErrUnknownCode].
func (c CODStatus) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fieldErr("cod_status", c.String(), ErrUnknownCode, "")
	}
	return []byte(codStatusNames[c]), nil
}

// UnmarshalText accepts the platform's names, and "" as
// [CODStatusNone]; anything else wraps [ErrUnknownCode].
func (c *CODStatus) UnmarshalText(b []byte) error {
	v, err := parseCODStatus(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
