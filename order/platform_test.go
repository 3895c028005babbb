package order_test

import (
	"encoding/json"
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/costtest"
	"github.com/kefu-go/kefu/order"
)

// tradeCase is one record of testdata/trades.json.
type tradeCase struct {
	Name   string          `json:"name"`
	Reason string          `json:"reason"`
	Trade  json.RawMessage `json:"trade"`
	Raw    string          `json:"raw"`
	Want   *struct {
		Order  map[string]json.RawMessage `json:"order"`
		Detail json.RawMessage            `json:"detail"`
	} `json:"want"`
	Error *struct {
		Field string `json:"field"`
		Is    string `json:"is"`
	} `json:"error"`
}

func (c tradeCase) record() []byte {
	if c.Raw != "" {
		return []byte(c.Raw)
	}
	return c.Trade
}

func tradeCases(t testing.TB) []tradeCase {
	t.Helper()
	b, err := os.ReadFile("testdata/trades.json")
	require.NoError(t, err)
	var doc struct {
		Cases []tradeCase `json:"cases"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	require.NotEmpty(t, doc.Cases)
	return doc.Cases
}

// sentinelsByName are the sentinels the fixture names.
var sentinelsByName = map[string]error{
	"ErrTotalsMismatch":  order.ErrTotalsMismatch,
	"ErrInvalidAmount":   order.ErrInvalidAmount,
	"ErrMissing":         order.ErrMissing,
	"ErrInconsistent":    order.ErrInconsistent,
	"ErrInvalidTime":     order.ErrInvalidTime,
	"ErrUnknownStatus":   order.ErrUnknownStatus,
	"ErrUnknownCode":     order.ErrUnknownCode,
	"ErrDuplicateLine":   order.ErrDuplicateLine,
	"ErrInvalidQuantity": order.ErrInvalidQuantity,
	"ErrInvalidJSON":     order.ErrInvalidJSON,
	"ErrInvalidText":     order.ErrInvalidText,
	"ErrInvalidPhone":    order.ErrInvalidPhone,
	"ErrUnknownRegion":   order.ErrUnknownRegion,
}

// fromTrade decodes a record and builds its order.
func fromTrade(b []byte) (order.Order, order.TradeDetail, error) {
	tr, err := order.ParseTrade(b)
	if err != nil {
		return order.Order{}, order.TradeDetail{}, err
	}
	return tr.Order()
}

// TestTradeFixture reads every record of testdata/trades.json: realistic
// records build the order and detail the case wants (rules O1, P7, S9),
// and malformed ones are refused naming the platform's field.
func TestTradeFixture(t *testing.T) {
	for _, c := range tradeCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			o, d, err := fromTrade(c.record())
			if c.Error != nil {
				require.Error(t, err, c.Reason)
				want, ok := sentinelsByName[c.Error.Is]
				require.True(t, ok, "the fixture names a known sentinel: %s", c.Error.Is)
				require.ErrorIs(t, err, want, c.Reason)
				require.ErrorIs(t, err, order.ErrInvalidInput, "a bad record is bad input (422)")
				var e *order.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, c.Error.Field, e.Field, "%s: %v", c.Reason, err)
				assert.Equal(t, "order", e.Pkg)
				assert.True(t, o.IsZero(), "nothing is partly built")
				assert.Zero(t, d.TID)
				return
			}
			require.NoError(t, err, c.Reason)
			require.NotNil(t, c.Want, "a case wants an order or an error")
			b, err := json.Marshal(o)
			require.NoError(t, err)
			var got map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(b, &got))
			for k, v := range c.Want.Order {
				assert.JSONEq(t, string(v), string(got[k]), "%s: order %s", c.Reason, k)
			}
			db, err := json.Marshal(d)
			require.NoError(t, err)
			assert.JSONEq(t, string(c.Want.Detail), string(db), c.Reason)
			require.NoError(t, d.Check(&o), "the detail belongs to its order")

			var back order.TradeDetail
			require.NoError(t, json.Unmarshal(db, &back))
			assert.Equal(t, d, back, "the detail's JSON round-trips")
			var ob order.Order
			require.NoError(t, json.Unmarshal(b, &ob), "the order's JSON decodes")
			b2, err := json.Marshal(ob)
			require.NoError(t, err)
			assert.JSONEq(t, string(b), string(b2), "the order's JSON round-trips")
		})
	}
}

// rule O1: the fixture holds a realistic record in each of the platform's
// twelve trade states, and each builds an order in that state.
func TestTradeFixtureHasEveryStatus(t *testing.T) {
	seen := map[order.Status]bool{}
	for _, c := range tradeCases(t) {
		if c.Want == nil {
			continue
		}
		o, _, err := fromTrade(c.record())
		require.NoError(t, err, c.Name)
		seen[o.Status()] = true
	}
	for _, s := range order.Statuses() {
		assert.True(t, seen[s], "no record in state %v", s)
	}
	assert.Len(t, order.Statuses(), 12)
}

// A Trade encodes as a flat object that ParseTrade reads back to an equal
// Trade, whichever of the platform's forms it was read from.
func TestTradeJSONRoundTrip(t *testing.T) {
	for _, c := range tradeCases(t) {
		tr, err := order.ParseTrade(c.record())
		if err != nil {
			continue
		}
		b, err := json.Marshal(tr)
		require.NoError(t, err)
		back, err := order.ParseTrade(b)
		require.NoError(t, err, c.Name)
		assert.Equal(t, tr, back, c.Name)
	}
	var tr order.Trade
	before := tr
	require.Error(t, json.Unmarshal([]byte(`{"tid":"1","orders":[{"num":true}]}`), &tr))
	assert.Equal(t, before, tr, "left unchanged on error")
	require.ErrorIs(t, json.Unmarshal([]byte(`[]`), &tr), order.ErrInvalidJSON, "hostile: not an object")
	require.NoError(t, json.Unmarshal([]byte(`null`), &tr), "null leaves a Trade alone")
	assert.Equal(t, before, tr)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"orders":{"order":[],"order":[]}}`), &tr), order.ErrInvalidJSON,
		"hostile: the wrapped list given twice")
}

// specIn returns an online order consistent in state s (cash on delivery
// for TRADE_BUYER_SIGNED, which only such orders reach).
func specIn(s order.Status) order.Spec {
	sp := opsSpec("P-"+s.String(), "b-"+s.String(), "TEA-01", 0)
	sp.Status, sp.PaidAt = s, time.Time{}
	paid, sent, got, closed := t0.Add(5*time.Minute), t0.Add(time.Hour), t0.Add(48*time.Hour), t0.Add(72*time.Hour)
	switch s {
	case order.AwaitingDispatch, order.Held:
		sp.PaidAt = paid
	case order.PartlyDispatched, order.AwaitingReceipt:
		sp.PaidAt, sp.DispatchedAt = paid, sent
	case order.SignedCOD:
		sp.Payment, sp.CODConfirmedAt = order.CashOnDelivery, t0.Add(time.Minute)
		sp.DispatchedAt, sp.PaidAt, sp.ReceivedAt = sent, got, got
	case order.Finished:
		sp.PaidAt, sp.DispatchedAt, sp.ReceivedAt = paid, sent, got
	case order.Closed:
		sp.PaidAt, sp.ClosedAt = paid, closed
	case order.ClosedUnpaid:
		sp.ClosedAt = closed
	}
	return sp
}

// beforePayment are the states an order is in before it is paid.
var beforePayment = map[order.Status]bool{order.NoPaymentTrade: true, order.AwaitingPayment: true,
	order.PaymentPending: true, order.AwaitingPreAuth: true}

// rule O1: a walk over every trade state. Each builds a consistent order;
// the checks that ask "paid?", "open?", "dispatched?" answer for it; the
// triage inspects exactly the orders still waiting to ship (rule O2); the
// states before payment are left by pay (to awaiting dispatch, paid then)
// or by close (to closed unpaid), and never hold a cash-on-delivery order
// (rule S9).
func TestEveryTradeState(t *testing.T) {
	for _, s := range order.Statuses() {
		t.Run(s.String(), func(t *testing.T) {
			o, err := order.New(specIn(s))
			require.NoError(t, err)
			final := s == order.Finished || s == order.Closed || s == order.ClosedUnpaid
			assert.Equal(t, !final, s.Open())
			assert.Equal(t, !beforePayment[s] && s != order.ClosedUnpaid, s.Paid())
			assert.Equal(t, s == order.NoPaymentTrade || s == order.AwaitingPayment, s.AwaitsPayment())
			waiting := s.Open() && !s.Dispatched()

			// rule O2: an order with no street is a problem order only while
			// it waits to ship.
			noStreet := specIn(s)
			noStreet.Address.Detail = ""
			r := triage(t, now0, []*order.Order{mk(t, noStreet)})
			f, _ := r.Find(noStreet.ID)
			assert.Equal(t, waiting, f.Categories.Has(order.UnknownAddress), "triaged while waiting to ship")
			assert.Equal(t, btoi(s.Open()), r.Checked)

			cod, err := order.DefaultTriagePolicy().COD(&o, now0)
			require.NoError(t, err)
			assert.Equal(t, s == order.AwaitingDispatch || s == order.Held, cod.Verdict == order.Allowed,
				"only an order waiting at the warehouse is dispatchable")

			if !beforePayment[s] {
				return
			}
			assert.Equal(t, []order.Event{order.Pay, order.Close}, order.AllowedEvents(s))
			at := t0.Add(10 * time.Minute)
			paid, err := o.Apply(order.Pay, at)
			require.NoError(t, err)
			assert.Equal(t, order.AwaitingDispatch, paid.Status())
			assert.True(t, paid.PaidAt().Equal(at))
			_, err = order.New(paid.Spec())
			require.NoError(t, err, "the paid order is consistent")
			closed, err := o.Apply(order.Close, at)
			require.NoError(t, err)
			assert.Equal(t, order.ClosedUnpaid, closed.Status())
			_, err = o.Apply(order.Dispatch, at)
			require.ErrorIs(t, err, order.ErrInvalidTransition, "nothing ships before payment")

			c := specIn(s)
			c.Payment = order.CashOnDelivery
			_, err = order.New(c)
			require.ErrorIs(t, err, order.ErrInconsistent, "rule S9: cash on delivery never waits for online payment")

			withPay := specIn(s)
			withPay.PaidAt = t0.Add(time.Minute)
			_, err = order.New(withPay)
			require.ErrorIs(t, err, order.ErrInconsistent, "a state before payment has no payment time")
		})
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// rule O3: real stock goes to paid orders first; an order whose card
// payment is still being confirmed, or whose contract is not confirmed,
// comes after every paid one however early it was placed.
func TestStockGoesToPaidOrdersBeforePendingPayments(t *testing.T) {
	stock, err := order.NewStock(map[string]int{"TEA-01": 1})
	require.NoError(t, err)
	for _, s := range []order.Status{order.PaymentPending, order.AwaitingPreAuth, order.NoPaymentTrade} {
		early := specIn(s)
		early.CreatedAt = t0.Add(-time.Hour)
		paid := specIn(order.AwaitingDispatch)
		r := triage(t, now0, []*order.Order{mk(t, early), mk(t, paid)}, order.StockCheck(stock))
		assert.Equal(t, map[string][]string{early.ID: {"out_of_stock/paid_later"}}, found(r), s.String())
	}
}

// The platform's listing filters are queries over states, not states.
func TestParseStatusFilter(t *testing.T) {
	cases := []struct {
		reason, in string
		want       []order.Status
	}{
		{"every unpaid trade the buyer can still pay", "ALL_WAIT_PAY", []order.Status{order.NoPaymentTrade, order.AwaitingPayment}},
		{"every closed trade", "ALL_CLOSED", []order.Status{order.Closed, order.ClosedUnpaid}},
		{"a state selects itself", "PAY_PENDING", []order.Status{order.PaymentPending}},
	}
	for _, c := range cases {
		got, err := order.ParseStatusFilter(c.in)
		require.NoError(t, err, c.reason)
		assert.Equal(t, c.want, got.Values(), c.reason)
	}
	_, err := order.ParseStatusFilter("ALL")
	require.ErrorIs(t, err, order.ErrUnknownStatus, "hostile: not a filter")

	_, err = order.ParseStatus("ALL_WAIT_PAY")
	require.ErrorIs(t, err, order.ErrUnknownStatus)
	assert.EqualError(t, err, `order: status "ALL_WAIT_PAY": unknown status: ALL_WAIT_PAY is a listing filter (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY), not a trade state`)
	_, err = order.ParseStatus("ALL_CLOSED")
	require.ErrorIs(t, err, order.ErrUnknownStatus)
	assert.Contains(t, err.Error(), "listing filter")
	b, err := json.Marshal(order.SetOf(order.Closed, order.ClosedUnpaid))
	require.NoError(t, err)
	assert.JSONEq(t, `["TRADE_CLOSED","TRADE_CLOSED_BY_TAOBAO"]`, string(b), "a StatusSet is a list of state names")
}

// The refund and cash-on-delivery statuses use the platform's names, which
// never drift from the constants.
func TestPlatformStatusNames(t *testing.T) {
	refunds := map[order.RefundStatus]string{
		order.NoRefund: "NO_REFUND", order.RefundRequested: "WAIT_SELLER_AGREE",
		order.RefundAwaitingReturn: "WAIT_BUYER_RETURN_GOODS", order.RefundGoodsReturned: "WAIT_SELLER_CONFIRM_GOODS",
		order.RefundRefused: "SELLER_REFUSE_BUYER", order.RefundClosed: "CLOSED", order.Refunded: "SUCCESS",
	}
	for r, name := range refunds {
		assert.Equal(t, name, r.String())
		b, err := r.MarshalText()
		require.NoError(t, err)
		var back order.RefundStatus
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, r, back)
		assert.Equal(t, r == order.RefundRequested || r == order.RefundAwaitingReturn || r == order.RefundGoodsReturned, r.InProgress())
	}
	var r order.RefundStatus = order.Refunded
	require.NoError(t, r.UnmarshalText(nil))
	assert.Equal(t, order.NoRefund, r, "the platform leaves it out when there is no refund")
	require.ErrorIs(t, r.UnmarshalText([]byte("success")), order.ErrUnknownCode, "names match exactly")
	_, err := order.RefundStatus(7).MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownCode)
	assert.Equal(t, "RefundStatus(9)", order.RefundStatus(9).String())

	cods := []string{"", "NEW_CREATED", "ACCEPTED_BY_COMPANY", "REJECTED_BY_COMPANY", "RECIEVE_TIMEOUT",
		"TAKEN_IN_SUCCESS", "TAKEN_IN_FAILED", "TAKEN_TIMEOUT", "SIGN_IN", "REJECTED_BY_OTHER_SIDE",
		"WAITING_TO_BE_SENT", "CANCELED"}
	for i, name := range cods {
		c := order.CODStatus(i)
		assert.Equal(t, name, c.String())
		var back order.CODStatus
		require.NoError(t, back.UnmarshalText([]byte(name)))
		assert.Equal(t, c, back)
	}
	assert.Equal(t, order.CODCanceled, order.CODStatus(len(cods)-1))
	var c order.CODStatus
	require.ErrorIs(t, c.UnmarshalText([]byte("RECEIVE_TIMEOUT")), order.ErrUnknownCode, "the platform's own spelling only")
	_, err = order.CODStatus(12).MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownCode)
}

// goodTrade is the first record of the fixture that builds.
func goodTrade(t testing.TB) (order.Trade, []byte) {
	t.Helper()
	for _, c := range tradeCases(t) {
		if c.Want != nil && strings.Contains(c.Name, "three lines") {
			tr, err := order.ParseTrade(c.record())
			require.NoError(t, err)
			return tr, c.record()
		}
	}
	t.Fatal("no multi-line record in the fixture")
	return order.Trade{}, nil
}

// rule R7 groundwork: the detail keeps each line's paid share and share of
// the discount, so refunds can be split from them; Check refuses a stored
// detail that does not belong to the order or does not add up.
func TestTradeDetail(t *testing.T) {
	tr, _ := goodTrade(t)
	o, d, err := tr.Order()
	require.NoError(t, err)
	l, ok := d.Line("ｌｘ-3300-gry") // hostile: typed full-width; NFKC folds width, case is kept
	assert.False(t, ok)
	l, ok = d.Line("ＬＸ-3300-GRY")
	require.True(t, ok)
	assert.Equal(t, "53.40", l.Paid.StringFixed(2))
	assert.Equal(t, "6.00", l.Discount.StringFixed(2))
	_, ok = d.Line("no such sku!")
	assert.False(t, ok)

	edits := []struct {
		reason string
		edit   func(*order.TradeDetail)
		want   error
	}{
		{"another trade", func(d *order.TradeDetail) { d.TID = "1" }, order.ErrInconsistent},
		{"a COD status on an online order", func(d *order.TradeDetail) { d.COD = order.CODSignedIn }, order.ErrInconsistent},
		{"a line missing", func(d *order.TradeDetail) { d.Lines = d.Lines[:2] }, order.ErrInconsistent},
		{"lines swapped", func(d *order.TradeDetail) { d.Lines[0], d.Lines[1] = d.Lines[1], d.Lines[0] }, order.ErrInconsistent},
		{"a share moved between lines", func(d *order.TradeDetail) {
			d.Lines[0].Paid, d.Lines[0].Discount = dec("90.00"), dec("9.00")
		}, order.ErrTotalsMismatch},
		{"shares that add up per line but not to the discount", func(d *order.TradeDetail) {
			d.Lines[0].Paid, d.Lines[0].Discount = dec("99.00"), dec("0.00")
		}, order.ErrTotalsMismatch},
		{"hostile: a negative share", func(d *order.TradeDetail) {
			d.Lines[0].Paid, d.Lines[0].Discount = dec("109.00"), dec("-10.00")
		}, order.ErrInvalidAmount},
	}
	for _, e := range edits {
		c := d
		c.Lines = append([]order.LineSplit(nil), d.Lines...)
		e.edit(&c)
		require.ErrorIs(t, c.Check(&o), e.want, e.reason)
	}
	require.ErrorIs(t, d.Check(nil), order.ErrNilOrder)
	require.ErrorIs(t, d.Check(&order.Order{}), order.ErrMissing)
}

// The detail's JSON is strict: what a backend stored comes back exactly or
// not at all.
func TestTradeDetailJSONRefuses(t *testing.T) {
	tr, _ := goodTrade(t)
	_, d, err := tr.Order()
	require.NoError(t, err)
	good, err := json.Marshal(d)
	require.NoError(t, err)
	for _, c := range []struct{ reason, old, new string }{
		{"a misspelt field", `"part_mjz_discount":"10.00"`, `"part_mjz_discont":"10.00"`},
		{"three decimals", `"89.00"`, `"89.005"`},
		{"negative", `"89.00"`, `"-89.00"`},
		{"an amount absent", `"divide_order_fee":"89.00",`, ``},
		{"unknown refund status", `"NO_REFUND"`, `"REFUNDING"`},
		{"unknown COD status", `"tid":`, `"cod_status":"SHIPPED","tid":`},
		{"a SKU with a space", `"LX-4100"`, `"LX 4100"`},
		{"hostile: an invisible character in the oid", `"3890123456789012402"`, `"38901234\u200b56789012402"`},
		{"hostile: trailing data", `]}`, `]}{}`},
	} {
		in := strings.Replace(string(good), c.old, c.new, 1)
		require.NotEqual(t, string(good), in, c.reason)
		back := d
		err := back.UnmarshalJSON([]byte(in))
		require.ErrorIs(t, err, order.ErrInvalidInput, c.reason)
		assert.Equal(t, d, back, "%s: left unchanged", c.reason)
	}
}

// Errors of New name the platform's fields, and quote the platform's
// text for times.
func TestTradeErrorsNameThePlatformsFields(t *testing.T) {
	tr, _ := goodTrade(t)
	for _, c := range []struct {
		reason, field string
		edit          func(*order.Trade)
	}{
		{"a quantity out of range", "orders[2].num", func(t *order.Trade) { t.Orders[2].Num = -1 }},
		{"a SKU with a space", "orders[1].outer_sku_id", func(t *order.Trade) { t.Orders[1].OuterSkuID = "LX 3300" }},
		{"a SKU from outer_iid", "orders[1].outer_iid", func(t *order.Trade) { t.Orders[1].OuterSkuID, t.Orders[1].OuterIID = "", "LX 3300" }},
		{"a title that is not UTF-8", "orders[0].title", func(t *order.Trade) { t.Orders[0].Title = "\xff" }},
		{"a message that is too long", "buyer_message", func(t *order.Trade) { t.BuyerMessage = strings.Repeat("好", 400) }},
		{"a recipient with a comma", "receiver_name", func(t *order.Trade) { t.ReceiverName = "李,雷" }},
		{"a buyer nick with a space, no open ID", "buyer_nick", func(t *order.Trade) { t.BuyerOpenUID, t.BuyerNick = "", "li lei" }},
		{"the oid missing", "orders[0].oid", func(t *order.Trade) { t.Orders[0].OID = "" }},
		{"hostile: a megabyte of address", "receiver_address", func(t *order.Trade) { t.ReceiverAddress = strings.Repeat("路", 1<<19) }},
		{"hostile: a megabyte of title", "orders[0].title", func(t *order.Trade) { t.Orders[0].Title = strings.Repeat("a", 1<<20) }},
		{"hostile: a megabyte of SKU", "orders[0].outer_sku_id", func(t *order.Trade) { t.Orders[0].OuterSkuID = strings.Repeat("A", 1<<20) }},
		{"hostile: a megabyte of tid", "tid", func(t *order.Trade) { t.TID = strings.Repeat("9", 1<<20) }},
		{"hostile: a megabyte amount", "payment", func(t *order.Trade) { t.Payment = strings.Repeat("9", 1<<20) }},
	} {
		c2 := tr
		c2.Orders = append([]order.SubOrder(nil), tr.Orders...)
		c.edit(&c2)
		_, _, err := c2.Order()
		var e *order.Error
		require.ErrorAs(t, err, &e, c.reason)
		assert.Equal(t, c.field, e.Field, "%s: %v", c.reason, err)
		assert.LessOrEqual(t, len(err.Error()), 400, "the message stays short")
	}

	late := tr
	late.Status, late.PayTime, late.ConsignTime = "WAIT_SELLER_SEND_GOODS", "2026-11-11 08:00:00", "2026-11-12 08:00:00"
	_, _, err := late.Order()
	var e *order.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "consign_time", e.Field)
	assert.Equal(t, "2026-11-12 08:00:00", e.Value, "the platform's own text")
}

// Times are China time whatever the machine's zone, and the order keeps
// them in +08:00.
func TestTradeTimesAreChinaTime(t *testing.T) {
	tr, _ := goodTrade(t)
	tr.Status, tr.PayTime = "WAIT_SELLER_SEND_GOODS", "2026-11-11 23:59:59"
	o, _, err := tr.Order()
	require.NoError(t, err)
	_, off := o.PaidAt().Zone()
	assert.Equal(t, 8*3600, off)
	assert.True(t, o.PaidAt().Equal(time.Date(2026, 11, 11, 15, 59, 59, 0, time.UTC)))
}

// Hostile input costs linear time: a record 1,000 times larger — padded
// with fields kefu ignores, or with a huge buyer message, or with
// 1,000 times the sub-orders — takes at most about 1,500 times longer,
// measured as a ratio in one run.
func TestTradeLinearCost(t *testing.T) {
	_, base := goodTrade(t)
	pad := func(n int) []byte { // base with an ignored field making it n bytes
		head := `{"pad":"`
		fill := n - len(base) - len(head) - 2
		return []byte(head + strings.Repeat("x", max(fill, 0)) + `",` + string(base[1:]))
	}
	message := func(n int) []byte {
		b := strings.Replace(string(base), `"buyer_message": ""`, `"buyer_message": "`+strings.Repeat("话", n/3)+`"`, 1)
		require.Greater(t, len(b), n, "the message is in the record")
		return []byte(b)
	}
	subOrders := func(n int) []byte {
		var b strings.Builder
		b.WriteString(`{"tid":"1","status":"WAIT_BUYER_PAY","buyer_open_uid":"u1","created":"2026-11-11 00:00:00",` +
			`"payment":"` + strconv.Itoa(n) + `.00","post_fee":"0","total_fee":"` + strconv.Itoa(n) + `.00","discount_fee":"0","orders":[`)
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"oid":"` + strconv.Itoa(i+2) + `","outer_sku_id":"SKU-` + strconv.Itoa(i) +
				`","num":1,"price":"1.00","divide_order_fee":"1.00","part_mjz_discount":"0.00"}`)
		}
		b.WriteString(`]}`)
		return []byte(b.String())
	}
	for _, c := range []struct {
		reason       string
		small, large []byte
	}{
		{"ignored fields, 1 kB vs 1 MB", pad(1 << 10), pad(1 << 20)},
		{"buyer message, 1 kB vs 1 MB", message(1 << 10), message(1 << 20)},
		{"sub-orders, 10 vs 1,000 (at most 100× longer if linear)", subOrders(10), subOrders(1000)},
		{"sub-orders, 10 vs 10,000 (refused: more than 1,000)", subOrders(10), subOrders(10_000)},
	} {
		run := func(b []byte) func() { return func() { _, _, _ = fromTrade(b) } }
		t.Run(c.reason, func(t *testing.T) { costtest.AssertLinear(t, run(c.small), run(c.large), costtest.MaxRatio) })
	}
}

// rule O7: an order built from a platform record holds the receiver's
// phone and street, and prints them only masked.
func TestTradeOrderMasksPersonalData(t *testing.T) {
	tr, _ := goodTrade(t)
	o, _, err := tr.Order()
	require.NoError(t, err)
	assert.Equal(t, "13912345678", o.Address().Phone, "the accessor has the full number")
	for _, s := range []string{o.String(), o.LogValue().String()} {
		assert.NotContains(t, s, "13912345678")
		assert.NotContains(t, s, "张杨路500号")
		assert.Contains(t, s, "139****5678")
	}
}

// Every error Trade.Order returns is one *Error of the invalid-input class.
func TestTradeErrorsAreInvalidInput(t *testing.T) {
	for _, c := range tradeCases(t) {
		_, _, err := fromTrade(c.record())
		if err == nil {
			continue
		}
		var e *order.Error
		require.True(t, errors.As(err, &e), c.Name)
		assert.Equal(t, 422, order.HTTPStatus(err), c.Name)
	}
}
