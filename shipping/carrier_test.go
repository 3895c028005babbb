package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// carrierPolicy: YTO by default (no Tibet), ZTO, JD at 5.00 more with
// freight collect, and SF at 12.00 more serving the mainland and HK/MO/TW.
func carrierPolicy(t *testing.T) shipping.Policy {
	p := shipping.DefaultPolicy()
	p.Carriers = []shipping.Carrier{
		{Code: "yto", Name: "圆通速递", Except: []order.Region{order.Tibet}, Aliases: []string{"圆通"}},
		{Code: "zto", Name: "中通快递", Regions: []order.Region{order.Zhejiang, order.Tibet}, Aliases: []string{"中通"}},
		{Code: "jd", Name: "京东物流", Except: []order.Region{order.Tibet}, Surcharge: dec("5.00"), Collect: true, Aliases: []string{"京东"}},
		{Code: "sf", Name: "顺丰速运", Regions: []order.Region{order.Zhejiang, order.Beijing, order.HongKong, order.Macao, order.Taiwan},
			Surcharge: dec("12.00"), Collect: true, Aliases: []string{"顺丰", "sf"}},
	}
	return valid(t, p)
}

// TestChooseCarrier pins rules S3, S5 and P6.
func TestChooseCarrier(t *testing.T) {
	p := carrierPolicy(t)
	cases := []struct {
		reason          string
		region          order.Region
		preferred       string
		carrier         string
		reasons         string
		difference      string
		collect, offers bool
	}{
		{"rule S5: no preference, the default", order.Zhejiang, "", "yto", "[default_carrier]", "0", false, false},
		{"rule S5: the buyer's preference when it serves", order.Zhejiang, "zto", "zto", "[preferred_carrier]", "0", false, false},
		{"rule P6: a dearer carrier costs the difference, or freight collect", order.Zhejiang, "jd", "jd", "[preferred_carrier price_difference]", "5.00", false, true},
		{"rule S5: a carrier that does not serve is refused", order.Sichuan, "zto", "yto", "[default_carrier carrier_not_serving]", "0", false, false},
		{"the default does not serve: first that does", order.Tibet, "", "zto", "[fallback_carrier]", "0", false, false},
		{"rule S3: Hong Kong goes SF even if the buyer wants YTO", order.HongKong, "yto", "sf", "[sf_only price_difference freight_collect]", "12.00", true, false},
		{"rule S3: Taiwan asking for SF", order.Taiwan, "sf", "sf", "[preferred_carrier sf_only price_difference freight_collect]", "12.00", true, false},
		{"rule S4: abroad is out of area", order.Abroad, "", "", "[out_of_area]", "0", false, false},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			ch, err := p.ChooseCarrier(c.region, c.preferred)
			require.NoError(t, err)
			assert.Equal(t, c.carrier, ch.Carrier)
			assert.Equal(t, c.carrier != "", ch.OK())
			assert.Equal(t, c.reasons, ch.Reasons.String())
			decEq(t, c.difference, ch.Difference())
			assert.Equal(t, c.collect, ch.Collect)
			assert.Equal(t, c.offers, ch.CollectPossible)
		})
	}
}

// TestChooseCarrierNoSF pins rule S3: without SF, Macao is out of area.
func TestChooseCarrierNoSF(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Carriers, p.SFCarrier = p.Carriers[:2], ""
	ch, err := valid(t, p).ChooseCarrier(order.Macao, "")
	require.NoError(t, err)
	assert.False(t, ch.OK())
	assert.Equal(t, "[sf_only out_of_area]", ch.Reasons.String())
	assert.False(t, p.Serves(order.Macao))
	assert.True(t, p.Serves(order.Anhui))
}

func TestChooseCarrierBadInput(t *testing.T) {
	p := shipping.DefaultPolicy()
	_, err := p.ChooseCarrier(order.RegionUnknown, "")
	require.ErrorIs(t, err, shipping.ErrUnknownRegion)
	_, err = p.ChooseCarrier(order.Region(200), "")
	require.ErrorIs(t, err, shipping.ErrUnknownRegion)
	_, err = p.ChooseCarrier(order.Zhejiang, "ems")
	require.ErrorIs(t, err, shipping.ErrUnknownCarrier)
	var e *shipping.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, `shipping: carrier "ems": unknown carrier: not among the shop's carriers`, err.Error())
	_, err = p.CarriersFor(order.RegionUnknown)
	require.ErrorIs(t, err, shipping.ErrUnknownRegion)
}

// TestCarriersFor pins rule S5 (offer the carriers that serve the
// address) and rule S3 (only SF for Hong Kong, Macao and Taiwan).
func TestCarriersFor(t *testing.T) {
	p := carrierPolicy(t)
	for r, want := range map[order.Region][]string{
		order.Zhejiang: {"yto", "zto", "jd", "sf"},
		order.Tibet:    {"zto"},
		order.Taiwan:   {"sf"},
		order.Abroad:   nil,
	} {
		got, err := p.CarriersFor(r)
		require.NoError(t, err)
		assert.Equal(t, want, got, r.String())
	}
}

// TestPostageOvercharge pins rule S2: the remedy depends on the order's
// state, and operations always fixes the settings afterwards.
func TestPostageOvercharge(t *testing.T) {
	p := shipping.DefaultPolicy()
	cases := []struct {
		reason   string
		edit     func(*order.Spec)
		postage  string
		over     bool
		remedies string
	}{
		{"before payment: fix the postage", func(s *order.Spec) { s.Status, s.PaidAt = order.AwaitingPayment, time.Time{} }, "10.00", true, "[fix_postage]"},
		{"paid, not shipped: refund the difference or refund and reorder", func(*order.Spec) {}, "10.00", true, "[refund_difference refund_and_reorder]"},
		{"shipped: refund the difference", func(s *order.Spec) {
			s.Status, s.DispatchedAt = order.AwaitingReceipt, s.PaidAt.Add(3*time.Hour)
		}, "10.00", true, "[refund_difference]"},
		{"cash on delivery, not yet delivered: nothing paid, fix the postage", func(s *order.Spec) {
			s.Payment, s.PaidAt, s.CODConfirmedAt = order.CashOnDelivery, time.Time{}, s.CreatedAt.Add(time.Minute)
		}, "10.00", true, "[fix_postage]"},
		{"cash on delivery, dispatched: refund the difference", func(s *order.Spec) {
			s.Payment, s.PaidAt, s.CODConfirmedAt = order.CashOnDelivery, time.Time{}, s.CreatedAt.Add(time.Minute)
			s.Status, s.DispatchedAt = order.AwaitingReceipt, s.CreatedAt.Add(3*time.Hour)
		}, "10.00", true, "[refund_difference]"},
		{"not overcharged", func(*order.Spec) {}, "0", false, "[]"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			s := spec("120.00", "0", c.postage)
			s.Silent = true
			c.edit(&s)
			oc := p.PostageOvercharge(build(t, s))
			assert.Equal(t, c.over, oc.Overcharged)
			assert.Equal(t, c.remedies, oc.Remedies.String())
			if c.over {
				decEq(t, c.postage, oc.Amount())
				assert.Equal(t, order.Operations, oc.FollowUp)
			} else {
				assert.Zero(t, oc.FollowUp)
			}
		})
	}
}

// TestRequestedCarrier pins rule S5: a buyer who names a carrier in the
// order message (买家留言) has stated a preference, which is the
// preferred carrier to pass to ChooseCarrier. A message that names
// several carriers or says "not …" is left to the agent to ask.
func TestRequestedCarrier(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy())
	cases := []struct {
		reason, message, code string
		ok                    bool
	}{
		{"Chinese name", "请发顺丰，谢谢", "sf", true},
		{"full name", "麻烦用顺丰速运", "sf", true},
		{"Traditional Chinese", "請寄順豐", "sf", true},
		{"Latin letters, any case and width", "发ＳＦ谢谢", "sf", true},
		{"Latin letters inside a word are no carrier", "transfer money", "", false},
		{"another carrier", "只收圆通", "yto", true},
		{"the same carrier twice", "顺丰！一定要顺丰", "sf", true},
		{"two carriers: ask", "圆通或中通都行", "", false},
		{"a negation: ask", "不要发顺丰", "", false},
		{"a negation after the name: ask", "顺丰不到的话发别的", "", false},
		{"politeness is no negation", "不好意思，麻烦发顺丰，非常感谢", "sf", true},
		{"no problem is no negation", "圆通没问题", "yto", true},
		{"no carrier", "尽快发货", "", false},
		{"empty", "", "", false},
		// Hostile: invalid UTF-8 never matches.
		{"invalid UTF-8", "顺丰\xff", "", false},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			code, ok := p.RequestedCarrier(c.message)
			assert.Equal(t, c.ok, ok)
			assert.Equal(t, c.code, code)
		})
	}
}

// TestCarrierAliasesValidate: aliases are written as comparison keys and
// name one carrier only.
func TestCarrierAliasesValidate(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Carriers[0].Aliases = []string{"SF"}
	err := p.Validate()
	require.ErrorIs(t, err, shipping.ErrInvalidText)
	assert.Contains(t, err.Error(), `carriers[0].aliases[0] "SF"`)

	p = shipping.DefaultPolicy()
	p.Carriers[0].Aliases = append(p.Carriers[0].Aliases, "顺丰")
	err = p.Validate()
	require.ErrorIs(t, err, shipping.ErrDuplicate, "an alias names one carrier")

	p = shipping.DefaultPolicy()
	p.Carriers[1].Aliases = []string{" "}
	require.ErrorIs(t, p.Validate(), shipping.ErrMissing)
}
