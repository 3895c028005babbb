package shipping_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestDefaultTriageOfANormalDay pins issue 11 #7: a shop runs the default
// policies as they are, and the triage of an ordinary day's open orders
// (rule O2) — mixed regions, amounts around the 99.00 threshold, postage
// charged by the default template, Hong Kong, Macao and Taiwan orders going
// SF freight collect — flags only the real problems. With the old defaults
// (no standard postage, SF never chosen for Hong Kong) most of the normal
// orders below were flagged postage_missing or needs_sf.
func TestDefaultTriageOfANormalDay(t *testing.T) {
	now := at(2026, 11, 2, 14, 0, 0) // a Monday afternoon
	checks, err := shipping.DefaultPolicy().Checks()
	require.NoError(t, err)

	n := 0
	mk := func(id, province, price, discount, postage string, edit ...func(*order.Spec)) *order.Order {
		n++
		s := order.Spec{
			ID:    id,
			Buyer: order.Buyer{ID: fmt.Sprintf("tb_%03d", n)},
			Lines: []order.Line{
				{SKU: fmt.Sprintf("SKU-%03d", n), Quantity: 1, UnitPrice: dec(price)},
				{SKU: "GIFT-01", Quantity: 1, UnitPrice: dec("0"), Gift: true},
			},
			Address:   addr(province),
			Postage:   dec(postage),
			Discount:  dec(discount),
			Status:    order.AwaitingDispatch,
			CreatedAt: now.Add(-time.Duration(n) * 7 * time.Minute),
		}
		s.PaidAt = s.CreatedAt.Add(time.Minute)
		for _, e := range edit {
			e(&s)
		}
		return build(t, s)
	}
	unpaid := func(s *order.Spec) { s.Status, s.PaidAt = order.AwaitingPayment, time.Time{} }
	msg := func(m string) func(*order.Spec) { return func(s *order.Spec) { s.Message = m } }
	transit := func(s *order.Spec) {
		s.Address.City, s.Address.District, s.Address.Detail = "金华市", "义乌市", "圆通中转仓 3号门"
	}
	abroad := func(s *order.Spec) {
		s.Address = order.Address{Recipient: "Ana García", Phone: "+34600000000", Province: "海外", City: "Madrid", District: "Centro", Detail: "Calle Mayor 1"}
	}

	orders := []*order.Order{
		// Ordinary orders: nothing to do.
		mk("N01", "浙江省", "128.50", "0", "0"),                 // free shipping
		mk("N02", "广东省", "59.00", "0", "10.00"),              // below the threshold, standard postage
		mk("N03", "北京市", "98.99", "0", "10.00"),              // one fen short
		mk("N04", "上海市", "99.00", "0", "0"),                  // exactly the threshold
		mk("N05", "四川省", "150.00", "20.00", "0"),             // discounted, still above
		mk("N06", "山东省", "105.00", "10.00", "10.00"),         // discounted below: pays postage
		mk("N07", "新疆维吾尔自治区", "200.00", "0", "20.00"),        // excluded region, its postage
		mk("N08", "西藏自治区", "60.00", "0", "20.00"),            // excluded region, its postage
		mk("N09", "香港", "300.00", "0", "0"),                  // SF freight collect, nothing up front
		mk("N10", "香港", "80.00", "0", "25.00"),               // SF, the amount told up front
		mk("N11", "澳门", "120.00", "0", "0"),                  // SF freight collect
		mk("N12", "台湾", "99.00", "0", "0"),                   // SF freight collect
		mk("N13", "江苏省", "45.00", "0", "10.00", unpaid),      // awaiting payment, postage set
		mk("N14", "湖北省", "120.00", "0", "0", msg("请发顺丰，谢谢")), // SF serves the mainland
		mk("N15", "香港", "150.00", "0", "0", msg("麻烦发顺丰")),    // SF, as it must
		mk("N16", "河北省", "88.00", "0", "10.00", msg("尽快发货")), // nothing unsatisfiable
		mk("N17", "福建省", "199.00", "0", "0", unpaid),         // awaiting payment, free
		mk("N18", "内蒙古自治区", "35.00", "0", "10.00"),           // mainland standard
		// Real problems.
		mk("P01", "浙江省", "120.00", "0", "10.00"),         // a silent order overcharged (rule S2)
		mk("P02", "河南省", "30.00", "0", "0"),              // below the threshold, no postage charged
		mk("P03", "浙江省", "66.00", "0", "10.00", transit), // a transit warehouse (rule S4)
		mk("P04", "海外", "120.00", "0", "0", abroad),      // nobody ships abroad (rule S4)
		mk("P05", "香港", "150.00", "0", "0", msg("发圆通")),  // asks for YTO to Hong Kong (rules S3, S5)
		mk("P06", "新疆维吾尔自治区", "50.00", "0", "10.00"),     // Xinjiang charged the mainland's postage
	}
	rep, err := order.DefaultTriagePolicy().Triage(orders, now, checks...)
	require.NoError(t, err)
	assert.Equal(t, len(orders), rep.Checked)

	got := map[string][]string{}
	for _, f := range rep.Findings {
		for _, p := range f.Problems {
			got[f.OrderID()] = append(got[f.OrderID()], fmt.Sprint(p.Category)+":"+fmt.Sprint(p.Reason))
		}
	}
	assert.Equal(t, map[string][]string{
		"P01": {"postage_wrong:shipping.postage_overcharged"},
		"P02": {"postage_wrong:shipping.postage_undercharged"},
		"P03": {"transit_warehouse:shipping.transit_warehouse"},
		"P04": {"out_of_area:shipping.no_carrier_serves_region"},
		"P05": {"unsatisfiable_message:shipping.carrier_not_serving"},
		"P06": {"postage_wrong:shipping.postage_undercharged"},
	}, got, "only the real problems are flagged")
	assert.Zero(t, rep.Count(order.NeedsSF), "Hong Kong, Macao and Taiwan go SF automatically (rule S3)")

	// Every Hong Kong order gets SF, whatever the default carrier (YTO).
	p := shipping.DefaultPolicy()
	for _, o := range orders {
		if o.Region().HKMOTW() {
			ch, err := p.ChooseCarrier(o.Region(), "")
			require.NoError(t, err)
			assert.Equal(t, "sf", ch.Carrier, o.ID())
			assert.True(t, ch.Collect, o.ID())
		}
	}
}
