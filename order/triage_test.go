package order_test

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// opsSpec is an online order of one unit of sku by buyer, paid at t0 plus
// minutes, awaiting dispatch, to the complete Hangzhou address.
func opsSpec(id, buyer, sku string, minutes int) order.Spec {
	return order.Spec{
		ID:        id,
		Buyer:     order.Buyer{ID: buyer},
		Lines:     []order.Line{{SKU: sku, Quantity: 1, UnitPrice: dec("20.00")}},
		Address:   hangzhou(),
		Status:    order.AwaitingDispatch,
		CreatedAt: t0.Add(time.Duration(minutes) * time.Minute),
		PaidAt:    t0.Add(time.Duration(minutes+1) * time.Minute),
	}
}

func mk(t testing.TB, s order.Spec, edit ...func(*order.Spec)) *order.Order {
	t.Helper()
	for _, e := range edit {
		e(&s)
	}
	o, err := order.New(s)
	require.NoError(t, err)
	return &o
}

// triage runs the default policy's triage and fails the test on error.
func triage(t testing.TB, now time.Time, orders []*order.Order, checks ...order.Check) order.Report {
	t.Helper()
	r, err := order.DefaultTriagePolicy().Triage(orders, now, checks...)
	require.NoError(t, err)
	return r
}

// found returns order ID → problems as "category/reason" strings.
func found(r order.Report) map[string][]string {
	out := map[string][]string{}
	for _, f := range r.Findings {
		for _, p := range f.Problems {
			out[f.Order.ID()] = append(out[f.Order.ID()], p.Category.String()+"/"+p.Reason.Name())
		}
	}
	return out
}

var now0 = t0.Add(3 * time.Hour)

// rule S4: a buyer with open orders to two addresses must confirm which
// one; the same address typed with full-width digits and spaces is one
// address, and an order already dispatched does not count (rule O2).
func TestTriageFindsOneBuyerWithSeveralAddresses(t *testing.T) {
	other := func(s *order.Spec) { s.Address.Detail = "文三路14号" }
	sameTyped := func(s *order.Spec) { s.Address.Detail = "文三路 １２号" }
	shipped := func(s *order.Spec) {
		s.Address.Detail = "文三路99号"
		s.Status, s.DispatchedAt = order.AwaitingReceipt, t0.Add(2*time.Hour)
	}
	orders := []*order.Order{
		mk(t, opsSpec("A1", "alice", "TEA-01", 0)),
		mk(t, opsSpec("A2", "alice", "TEA-02", 5), other),
		mk(t, opsSpec("B1", "bob", "TEA-01", 0)),
		mk(t, opsSpec("B2", "bob", "TEA-02", 5), sameTyped),
		mk(t, opsSpec("B3", "bob", "TEA-03", 6), shipped),
	}
	r := triage(t, now0, orders)
	assert.Equal(t, map[string][]string{
		"A1": {"multiple_addresses/buyer_addresses_differ"},
		"A2": {"multiple_addresses/buyer_addresses_differ"},
	}, found(r))
	assert.Equal(t, 2, r.Count(order.MultipleAddresses))
	assert.Equal(t, 5, r.Checked)
}

// rule O6: repeat orders — another pending order of the same buyer with
// the same SKU, placed within the policy's RepeatWithin (24h) — are flagged
// so the agent asks the buyer's intent; a gift line in both orders is not a
// repeat, nor is the same SKU bought by another buyer, nor an order placed
// days after the last one: that buyer came back for more.
func TestTriageFindsRepeatOrders(t *testing.T) {
	withGift := func(s *order.Spec) {
		s.Lines = append(s.Lines, order.Line{SKU: "CUP-01", Quantity: 1, UnitPrice: dec("0"), Gift: true})
	}
	const day = 24 * 60
	orders := []*order.Order{
		mk(t, opsSpec("R1", "carol", "TEA-01", 0)),
		mk(t, opsSpec("R2", "carol", "TEA-01", 30)),
		mk(t, opsSpec("G1", "dave", "TEA-01", 0), withGift),
		mk(t, opsSpec("G2", "dave", "TEA-02", 1), withGift),
		mk(t, opsSpec("E1", "erin", "TEA-01", 0)),
		mk(t, opsSpec("F1", "frank", "TEA-01", 0)),
		mk(t, opsSpec("F2", "frank", "TEA-01", 2*day)),    // two days later: not a repeat of F1
		mk(t, opsSpec("F3", "frank", "TEA-01", 3*day-60)), // 23h after F2: a repeat of it
		mk(t, opsSpec("H1", "heidi", "TEA-01", 0)),
		mk(t, opsSpec("H2", "heidi", "TEA-01", day)), // exactly 24h later: within
	}
	want := map[string][]string{
		"R1": {"repeat_order/repeat_sku"},
		"R2": {"repeat_order/repeat_sku"},
		"F2": {"repeat_order/repeat_sku"},
		"F3": {"repeat_order/repeat_sku"},
		"H1": {"repeat_order/repeat_sku"},
		"H2": {"repeat_order/repeat_sku"},
	}
	later := t0.Add(4 * 24 * time.Hour)
	assert.Equal(t, want, found(triage(t, later, orders)))

	p := order.DefaultTriagePolicy()
	p.RepeatWithin = order.Duration(time.Hour)
	r, err := p.Triage(orders, later)
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{
		"R1": {"repeat_order/repeat_sku"},
		"R2": {"repeat_order/repeat_sku"},
	}, found(r), "a shorter window keeps only the orders placed within the hour")
}

// rule S4: an unknown or incomplete address is a problem order; Hong Kong
// addresses have no district and are complete without one.
func TestTriageFindsUnknownAndIncompleteAddresses(t *testing.T) {
	cases := []struct {
		reason string
		edit   func(*order.Spec)
		want   []string
	}{
		{"complete", func(*order.Spec) {}, nil},
		{"no street detail: nobody can find it", func(s *order.Spec) { s.Address.Detail = "" }, []string{"unknown_address/address_unknown"}},
		{"no province", func(s *order.Spec) { s.Address.Province = "" }, []string{"unknown_address/address_unknown"}},
		{"no phone", func(s *order.Spec) { s.Address.Phone = "" }, []string{"unknown_address/address_incomplete"}},
		{"no district on the mainland", func(s *order.Spec) { s.Address.District = "" }, []string{"unknown_address/address_incomplete"}},
		{"Hong Kong needs no district", func(s *order.Spec) {
			s.Address = order.Address{Recipient: "陳大文", Phone: "85291234567", Province: "香港", City: "九龍", Detail: "彌敦道1號"}
		}, nil},
		{"empty address", func(s *order.Spec) { s.Address = order.Address{} }, []string{"unknown_address/address_unknown"}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r := triage(t, now0, []*order.Order{mk(t, opsSpec("U1", "u", "TEA-01", 0), c.edit)})
			assert.Equal(t, c.want, found(r)["U1"])
		})
	}
}

// rule S6 and rule R8: a message asking for an exact delivery date or for
// cash back is one the shop cannot satisfy; matching is on normalised
// text, ignoring ASCII case, with patterns from the policy.
func TestTriageFindsUnsatisfiableMessages(t *testing.T) {
	p := order.DefaultTriagePolicy()
	p.UnsatisfiableMessages = append(p.UnsatisfiableMessages,
		order.MessagePattern{Contains: "Gift Wrap", Reason: order.MessageUnsatisfiable})
	cases := []struct {
		reason, msg string
		want        []string
	}{
		{"no message", "", nil},
		{"harmless message", "请尽快发货，谢谢", nil},
		{"exact date (rule S6)", "能指定日期送到吗？11月12号要用", []string{"unsatisfiable_message/message_exact_date"}},
		{"cash back for a review (rule R8)", "好评返现吗", []string{"unsatisfiable_message/message_cash_back"}},
		{"both, sorted by reason", "指定时间送达，给返现", []string{
			"unsatisfiable_message/message_cash_back", "unsatisfiable_message/message_exact_date"}},
		{"same reason twice is reported once", "指定日期，指定时间", []string{"unsatisfiable_message/message_exact_date"}},
		{"shop pattern, case and width folded", "please ＧＩＦＴ wrap it", []string{"unsatisfiable_message/message_unsatisfiable"}},
		{"Traditional Chinese", "可以準時送達嗎", []string{"unsatisfiable_message/message_exact_date"}},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			o := mk(t, opsSpec("M1", "m", "TEA-01", 0), func(s *order.Spec) { s.Message = c.msg })
			r, err := p.Triage([]*order.Order{o}, now0)
			require.NoError(t, err)
			assert.Equal(t, c.want, found(r)["M1"])
		})
	}
}

func codSpec(id string, confirmed bool) order.Spec {
	s := opsSpec(id, "cod-"+id, "TEA-01", 0)
	s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
	if confirmed {
		s.CODConfirmedAt = t0.Add(10 * time.Minute)
	}
	return s
}

// rule S9: a cash-on-delivery order the buyer has not confirmed is a
// problem order; once the policy's wait (24h) is over the reason says the
// confirmation is overdue.
func TestTriageFindsUnconfirmedCashOnDelivery(t *testing.T) {
	orders := []*order.Order{mk(t, codSpec("C1", false)), mk(t, codSpec("C2", true)), mk(t, opsSpec("C3", "x", "TEA-01", 0))}
	assert.Equal(t, map[string][]string{"C1": {"cod_unconfirmed/cod_unconfirmed"}}, found(triage(t, now0, orders)))
	later := t0.Add(24 * time.Hour)
	assert.Equal(t, map[string][]string{"C1": {"cod_unconfirmed/cod_confirmation_overdue"}}, found(triage(t, later, orders)))
}

// rule O8: an order that real stock cannot cover is out of stock; a SKU the
// snapshot does not count is skipped, not guessed.
func TestTriageStockCheck(t *testing.T) {
	stock, err := order.NewStock(map[string]int{"TEA-01": 2, "TEA-02": 0})
	require.NoError(t, err)
	three := func(s *order.Spec) { s.Lines[0].Quantity = 3 }
	orders := []*order.Order{
		mk(t, opsSpec("S1", "s1", "TEA-01", 0)),
		mk(t, opsSpec("S2", "s2", "TEA-01", 0), three),
		mk(t, opsSpec("S3", "s3", "TEA-02", 0)),
		mk(t, opsSpec("S4", "s4", "TEA-99", 0)),
	}
	r := triage(t, now0, orders, order.StockCheck(stock))
	assert.Equal(t, map[string][]string{
		"S2": {"out_of_stock/stock_short"},
		"S3": {"out_of_stock/stock_short"},
	}, found(r))
	assert.Equal(t, "order.out_of_stock", order.StockCheck(stock).Name())
}

// rule O3: orders that each fit in real stock but together outrun it are
// served by payment time, as Oversell serves them: the later payers are
// out of stock ("paid_later") in the triage, not only once an oversell is
// run. Confirmed cash on delivery counts from its confirmation; unconfirmed
// cash on delivery (rule S9) and unpaid orders come after every paid one.
func TestTriageAllocatesStockByPaymentTime(t *testing.T) {
	stock, err := order.NewStock(map[string]int{"TEA-01": 2, "CUP-01": 5})
	require.NoError(t, err)
	paidAt := func(m int) func(*order.Spec) {
		return func(s *order.Spec) { s.PaidAt = t0.Add(time.Duration(m) * time.Minute) }
	}
	orders := []*order.Order{
		mk(t, opsSpec("A4", "a4", "TEA-01", 0), paidAt(40)), // paid last, first by ID
		mk(t, opsSpec("Z1", "z1", "TEA-01", 0), paidAt(10)), // paid first, last by ID
		mk(t, opsSpec("U1", "u1", "TEA-01", 0), func(s *order.Spec) { // unpaid, placed first
			s.Status, s.PaidAt, s.CreatedAt = order.AwaitingPayment, time.Time{}, t0.Add(-time.Hour)
		}),
		mk(t, codSpec("C9", false)), // unconfirmed cash on delivery
		mk(t, codSpec("C2", true), func(s *order.Spec) { s.CODConfirmedAt = t0.Add(20 * time.Minute) }),
		mk(t, opsSpec("W1", "w1", "CUP-01", 0)), // another SKU, covered
	}
	want := map[string][]string{
		"A4": {"out_of_stock/paid_later"},
		"C9": {"out_of_stock/paid_later", "cod_unconfirmed/cod_unconfirmed"},
		"U1": {"out_of_stock/paid_later"},
	}
	check := order.StockCheck(stock)
	assert.Equal(t, want, found(triage(t, now0, orders, check)))
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5 {
		rng.Shuffle(len(orders), func(i, j int) { orders[i], orders[j] = orders[j], orders[i] })
		assert.Equal(t, want, found(triage(t, now0, orders, check)), "the batch order does not matter")
	}

	// Paid at the same moment: the order ID decides, in full, even where
	// long platform IDs share their first digits.
	tie := []*order.Order{
		mk(t, opsSpec("4012345678901234502", "t2", "TEA-01", 0)),
		mk(t, opsSpec("4012345678901234501", "t1", "TEA-01", 0)),
		mk(t, opsSpec("4012345678901234503", "t3", "TEA-01", 0)),
	}
	assert.Equal(t, map[string][]string{"4012345678901234503": {"out_of_stock/paid_later"}},
		found(triage(t, now0, tie, check)))

	// Run alone, one order at a time, the check judges each order on its
	// own: A4 fits in 2 units.
	for _, o := range orders {
		if o.ID() == "A4" {
			assert.Empty(t, check.Inspect(nil, o, now0))
		}
	}
}

// rule O3: the triage flags exactly the paid orders that Oversell leaves
// short, SKU by SKU, over a generated batch.
func TestTriageAgreesWithOversell(t *testing.T) {
	orders, stock := genOrders(t, 3000)
	r := triage(t, now0, orders, order.StockCheck(stock))
	for _, sku := range []string{"SKU-7", "SKU-13", "SKU-0"} {
		var paid []*order.Order
		for _, o := range orders {
			if _, ok := o.LineBySKU(sku); ok && o.Status() == order.AwaitingDispatch && o.Payment() == order.Online {
				paid = append(paid, o)
			}
		}
		plan, err := order.Oversell(order.OversellRequest{SKU: sku, Stock: stock, Orders: paid})
		require.NoError(t, err)
		for _, a := range plan.Allocations {
			f, _ := r.Find(a.Order.ID())
			assert.Equal(t, !a.Full(), f.Categories.Has(order.OutOfStock), "%s %s", sku, a.Order.ID())
		}
	}
	assert.Positive(t, r.Count(order.OutOfStock))
}

// fakeCheck reports a fixed problem for the orders it names, as a check of
// another package (shipping) would.
type fakeCheck struct {
	name string
	ids  map[string]bool
	p    order.Problem
}

func (c fakeCheck) Name() string { return c.name }
func (c fakeCheck) Inspect(dst []order.Problem, o *order.Order, _ time.Time) []order.Problem {
	if c.ids[o.ID()] {
		dst = append(dst, c.p)
	}
	return dst
}

// rule O2: checks contributed by other packages plug into the triage; their
// problems merge with the order package's own, sorted and deduplicated,
// and categories in the policy's Skip list are left out.
func TestTriageRunsContributedChecks(t *testing.T) {
	area := fakeCheck{"shipping.out_of_area", map[string]bool{"X1": true}, order.Problem{Category: order.OutOfArea, Reason: order.MustCode("shipping", "excluded_region")}}
	sf := fakeCheck{"shipping.needs_sf", map[string]bool{"X1": true, "X2": true}, order.Problem{Category: order.NeedsSF, Reason: order.MustCode("shipping", "carrier_not_sf")}}
	orders := []*order.Order{
		mk(t, opsSpec("X1", "x1", "TEA-01", 0), func(s *order.Spec) { s.Address.Phone = "" }),
		mk(t, opsSpec("X2", "x2", "TEA-01", 0)),
	}
	r := triage(t, now0, orders, sf, area, sf)
	assert.Equal(t, map[string][]string{
		"X1": {"unknown_address/address_incomplete", "out_of_area/excluded_region", "needs_sf/carrier_not_sf"},
		"X2": {"needs_sf/carrier_not_sf"},
	}, found(r))
	f, ok := r.Find("X1")
	require.True(t, ok)
	assert.Equal(t, "[unknown_address out_of_area needs_sf]", f.Categories.String())
	assert.Equal(t, []order.Code{order.MustCode("shipping", "excluded_region")}, f.Reasons(order.OutOfArea))
	_, ok = r.Find("X3")
	assert.False(t, ok)

	p := order.DefaultTriagePolicy()
	p.Skip = []order.Category{order.NeedsSF}
	r, err := p.Triage(orders, now0, sf, area)
	require.NoError(t, err)
	assert.Equal(t, map[string][]string{"X1": {"unknown_address/address_incomplete", "out_of_area/excluded_region"}}, found(r))
}

// Finished and closed orders are not problem orders: they are counted as
// skipped and no check sees them.
func TestTriageSkipsFinishedAndClosedOrders(t *testing.T) {
	closed := func(s *order.Spec) {
		s.Status, s.ClosedAt, s.Address.Detail = order.Closed, t0.Add(time.Hour), ""
	}
	all := fakeCheck{"test.all", map[string]bool{"K1": true, "K2": true}, order.Problem{Category: order.OutOfArea, Reason: order.MustCode("test", "x")}}
	r := triage(t, now0, []*order.Order{mk(t, opsSpec("K1", "k", "TEA-01", 0), closed), mk(t, opsSpec("K2", "k", "TEA-01", 0))}, all)
	assert.Equal(t, 1, r.Skipped)
	assert.Equal(t, 1, r.Checked)
	assert.Equal(t, map[string][]string{"K2": {"out_of_area/x"}}, found(r))
}

type dropCheck struct{}

func (dropCheck) Name() string { return "test.drop" }
func (dropCheck) Inspect(dst []order.Problem, _ *order.Order, _ time.Time) []order.Problem {
	return dst[:0]
}

func TestTriageRefusesBadInput(t *testing.T) {
	a, b := mk(t, opsSpec("D1", "d", "TEA-01", 0)), mk(t, opsSpec("D2", "d", "TEA-01", 0))
	dupe := mk(t, opsSpec("D1", "other", "TEA-02", 0))
	noPhone := mk(t, opsSpec("D3", "d3", "TEA-02", 0), func(s *order.Spec) { s.Address.Phone = "" })
	bad := fakeCheck{"test.bad", map[string]bool{"D2": true}, order.Problem{Category: order.Category(99), Reason: order.MustCode("test", "x")}}
	zero := order.DefaultTriagePolicy()
	zero.DigestEvery = 0
	cases := []struct {
		reason string
		p      order.TriagePolicy
		orders []*order.Order
		checks []order.Check
		want   error
		msg    string
	}{
		{"nil order", order.DefaultTriagePolicy(), []*order.Order{a, nil}, nil, order.ErrNilOrder, `orders[1]`},
		{"zero order", order.DefaultTriagePolicy(), []*order.Order{{}}, nil, order.ErrMissing, `orders[0]`},
		{"same ID twice", order.DefaultTriagePolicy(), []*order.Order{a, b, dupe}, nil, order.ErrDuplicateOrder, `orders[2] "D1"`},
		{"a check reports an unknown category", order.DefaultTriagePolicy(), []*order.Order{a, b}, []order.Check{bad}, order.ErrUnknownCategory, `"test.bad"`},
		// Hostile: a reason that would break the digest's table or a
		// catalog key cannot be made (NewCode refuses it, see
		// TestCodes); the zero Code is refused here.
		{"a check reports no reason", order.DefaultTriagePolicy(), []*order.Order{a, b},
			[]order.Check{fakeCheck{"test.empty", map[string]bool{"D1": true}, order.Problem{Category: order.OutOfArea}}}, order.ErrMissing, `"test.empty"`},
		{"a check drops problems it did not add", order.DefaultTriagePolicy(), []*order.Order{noPhone}, []order.Check{dropCheck{}}, order.ErrInconsistent, `"test.drop"`},
		{"nil check", order.DefaultTriagePolicy(), []*order.Order{a}, []order.Check{nil}, order.ErrMissing, "checks[0]"},
		{"invalid policy", zero, []*order.Order{a}, nil, order.ErrInvalidPolicy, "digest_every"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			r, err := c.p.Triage(c.orders, now0, c.checks...)
			require.ErrorIs(t, err, c.want)
			assert.Contains(t, err.Error(), c.msg)
			assert.Zero(t, r.Checked, "no half-built report")
			assert.Nil(t, r.Findings)
		})
	}
}

// genOrders builds n orders, two per buyer, with a mix of every built-in
// problem — a buyer's two orders to two addresses (2%), repeats (10%),
// incomplete addresses, messages, unconfirmed cash on delivery (1% each),
// and short stock (3%: SKU-7 sold out, SKU-13 covering half its orders) —
// and a stock snapshot.
func genOrders(t testing.TB, n int) ([]*order.Order, order.Stock) {
	// Stock covers twice the average demand of a SKU, except SKU-7 (none
	// left) and SKU-13 (half its orders).
	onHand := map[string]int{}
	for k := range 50 {
		onHand["SKU-"+strconv.Itoa(k)] = 2 * n / 50
	}
	onHand["SKU-7"] = 0
	onHand["SKU-13"] = n / 100
	stock, err := order.NewStock(onHand)
	require.NoError(t, err)
	out := make([]*order.Order, n)
	for i := range n {
		s := opsSpec("T"+strconv.Itoa(100000+i), "buyer-"+strconv.Itoa(i/2), "SKU-"+strconv.Itoa(i%50), i%600)
		switch i % 97 {
		case 1:
			s.Address.Detail = "文三路" + strconv.Itoa(i) + "号"
		case 5:
			s.Address.Phone = ""
		case 9:
			s.Message = "能指定日期送到吗"
		case 13:
			s.Payment, s.PaidAt = order.CashOnDelivery, time.Time{}
		}
		if i%20 == 1 {
			s.Lines[0].SKU = "SKU-" + strconv.Itoa((i-1)%50) // same SKU as the pair's other order
		}
		o, err := order.New(s)
		require.NoError(t, err)
		out[i] = &o
	}
	return out, stock
}

// rule O2: the same batch in any order gives the same report.
func TestTriageIsDeterministicForShuffledBatches(t *testing.T) {
	orders, stock := genOrders(t, 3000)
	want := triage(t, now0, orders, order.StockCheck(stock))
	require.NotEmpty(t, want.Findings)
	for _, c := range order.Categories() {
		if c == order.MultipleAddresses || c == order.RepeatOrder || c == order.UnknownAddress ||
			c == order.UnsatisfiableMessage || c == order.CODUnconfirmed || c == order.OutOfStock {
			assert.Positive(t, want.Count(c), "the generated batch exercises %s", c)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 10 {
		shuffled := append([]*order.Order(nil), orders...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := triage(t, now0, shuffled, order.StockCheck(stock))
		require.Equal(t, want, got)
	}
}

func TestTriagePolicyChecks(t *testing.T) {
	cs, err := order.DefaultTriagePolicy().Checks()
	require.NoError(t, err)
	var names []string
	for _, c := range cs {
		names = append(names, c.Name())
	}
	assert.Equal(t, []string{"order.unknown_address", "order.unsatisfiable_message", "order.cod_unconfirmed"}, names)

	o := mk(t, codSpec("Q1", false), func(s *order.Spec) { s.Message = "指定日期"; s.Address.Detail = "" })
	var ps []order.Problem
	for _, c := range cs {
		ps = c.Inspect(ps, o, now0)
	}
	assert.Equal(t, []order.Problem{
		{Category: order.UnknownAddress, Reason: order.AddressUnknown.Code()},
		{Category: order.UnsatisfiableMessage, Reason: order.MessageExactDate.Code()},
		{Category: order.CODUnconfirmed, Reason: order.CODUnconfirmedReason.Code()},
	}, ps)
	for _, c := range cs {
		assert.Empty(t, c.Inspect(nil, nil, now0), "%s ignores a nil order", c.Name())
	}
	shipped := mk(t, opsSpec("Q2", "q", "TEA-01", 0), func(s *order.Spec) {
		s.Status, s.DispatchedAt, s.Address.Detail = order.AwaitingReceipt, t0.Add(time.Hour), ""
	})
	for _, c := range cs {
		assert.Empty(t, c.Inspect(nil, shipped, now0), "%s ignores dispatched orders", c.Name())
	}

	bad := order.DefaultTriagePolicy()
	bad.Zone = "Mars/Olympus"
	_, err = bad.Checks()
	require.ErrorIs(t, err, order.ErrInvalidPolicy)
}

// The built-in checks, run one order at a time, ignore nil orders and
// orders that have left the warehouse.
func TestBuiltInChecksIgnoreOrdersNotWaitingToShip(t *testing.T) {
	stock, err := order.NewStock(map[string]int{"TEA-01": 0})
	require.NoError(t, err)
	shipped := mk(t, opsSpec("Z1", "z", "TEA-01", 0), func(s *order.Spec) {
		s.Status, s.DispatchedAt, s.Address.Detail = order.AwaitingReceipt, t0.Add(time.Hour), ""
	})
	waiting := mk(t, opsSpec("Z2", "z", "TEA-01", 0), func(s *order.Spec) { s.Address.Detail = "" })
	for _, c := range []order.Check{order.AddressCheck(), order.StockCheck(stock)} {
		assert.Empty(t, c.Inspect(nil, nil, now0), c.Name())
		assert.Empty(t, c.Inspect(nil, shipped, now0), c.Name())
		assert.Len(t, c.Inspect(nil, waiting, now0), 1, c.Name())
	}
	assert.Equal(t, "order.unknown_address", order.AddressCheck().Name())
}

// A batch too large for the triage's 32-bit indexes is refused before any
// work; the slice here holds nil pointers and costs no orders.
func TestTriageRefusesOversizedBatch(t *testing.T) {
	_, err := order.DefaultTriagePolicy().Triage(make([]*order.Order, order.MaxTriageBatch+1), now0)
	require.ErrorIs(t, err, order.ErrInvalidQuantity)
}
