package shipping_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// TestSeed000SilentOrderOvercharged replays seed 000, case 2 — rule S2: a
// silent order that qualified for free shipping was charged postage. The
// triage pulls it out, the decision gives the amount and the remedy, and
// once operations has fixed the settings a new order is clean.
func TestSeed000SilentOrderOvercharged(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy())
	checks, err := p.Checks()
	require.NoError(t, err)

	// 1. The buyer orders silently, 128.00 of goods, and is charged 8.00.
	s := spec("128.00", "0", "8.00")
	s.Silent = true
	o := build(t, s)

	// 2. Triage pulls it out as "postage wrong".
	var problems []order.Problem
	for _, c := range checks {
		problems = c.Inspect(problems, o, t0)
	}
	assert.Equal(t, []order.Problem{{Category: order.PostageWrong, Reason: order.MustCode("shipping", "postage_overcharged")}}, problems)

	// 3. Paid and not shipped: refund the 8.00 (or refund-and-reorder,
	// which the refund package only allows with a hold, rule R1), then
	// operations fixes the free-shipping settings.
	oc := p.PostageOvercharge(o)
	require.True(t, oc.Overcharged)
	decEq(t, "8.00", oc.Amount())
	assert.Equal(t, "[refund_difference refund_and_reorder]", oc.Remedies.String())
	assert.Equal(t, order.Operations, oc.FollowUp)

	// 4. Once shipped (the seed's case), only the refund of the difference.
	s.Status, s.DispatchedAt = order.AwaitingReceipt, s.PaidAt.Add(5*time.Hour)
	oc = p.PostageOvercharge(build(t, s))
	assert.Equal(t, "[refund_difference]", oc.Remedies.String())

	// 5. With the settings fixed, the next silent order is charged nothing
	// and is not a problem.
	fixed := spec("128.00", "0", "0")
	fixed.Silent = true
	problems = problems[:0]
	for _, c := range checks {
		problems = c.Inspect(problems, build(t, fixed), t0)
	}
	assert.Empty(t, problems)
}

// TestSeed003HongKongShipsSF replays seed 003, Pregunta 4.9 — rules S3 and
// P6: a Hong Kong order ships only with SF Express, the buyer cannot
// refuse, is told the price difference, and the parcel goes freight
// collect.
func TestSeed003HongKongShipsSF(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Carriers[2].Surcharge = dec("15.00")
	valid(t, p)
	checks, err := p.Checks()
	require.NoError(t, err)

	s := spec("200.00", "0", "20.00")
	s.Address = order.Address{Recipient: "陳大文", Phone: "85291234567", Province: "香港", City: "香港", Detail: "彌敦道1號"}
	o := build(t, s)

	// 1. Triage: SF is chosen for Hong Kong automatically, whatever the
	// default carrier (YTO), so the order is no problem order; postage is
	// right since Hong Kong is excluded from free shipping and goes SF
	// freight collect.
	var problems []order.Problem
	for _, c := range checks {
		problems = c.Inspect(problems, o, t0)
	}
	assert.Empty(t, problems)
	assert.True(t, p.FreeShipping(o).Reasons().Has(shipping.ExcludedRegion))

	// 2. The buyer asks for ZTO: refused, SF it is.
	ch, err := p.ChooseCarrier(o.Region(), "zto")
	require.NoError(t, err)
	assert.Equal(t, "sf", ch.Carrier)
	assert.True(t, ch.Reasons.Has(shipping.SFOnly))

	// 3. The buyer is told the amount and the parcel goes SF collect.
	decEq(t, "15.00", ch.Difference())
	assert.True(t, ch.Collect)
	assert.True(t, ch.Reasons.Has(shipping.FreightCollect))
}

// TestSeed003TransitWarehouse replays seed 003, Pregunta 4.10 — rule S4:
// the address of YTO's transit warehouse in Yiwu, Zhejiang is not a
// delivery address.
func TestSeed003TransitWarehouse(t *testing.T) {
	checks, err := shipping.DefaultPolicy().Checks()
	require.NoError(t, err)
	s := spec("120.00", "0", "0")
	s.Address = order.Address{Recipient: "圆通义乌中转仓", Phone: "13812345678", Province: "浙江",
		City: "金华市", District: "义乌市", Detail: "稠江街道 圆通 转运仓"}
	var problems []order.Problem
	for _, c := range checks {
		problems = c.Inspect(problems, build(t, s), t0)
	}
	assert.Equal(t, []order.Problem{{Category: order.TransitWarehouse, Reason: order.MustCode("shipping", "transit_warehouse")}}, problems)
}

// TestSeed003AskWhichCarrier replays seed 003, Pregunta 7.4 — rule S5:
// after payment, offer the carriers that deliver to the address and ask
// which the buyer likes; if they do not say, the default.
func TestSeed003AskWhichCarrier(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.Carriers[1].Except = []order.Region{order.Qinghai} // ZTO does not reach Qinghai
	valid(t, p)

	offer, err := p.CarriersFor(order.Qinghai)
	require.NoError(t, err)
	assert.Equal(t, []string{"yto", "sf"}, offer, "ZTO is not offered where it does not deliver")

	ch, err := p.ChooseCarrier(order.Qinghai, "")
	require.NoError(t, err)
	assert.Equal(t, "yto", ch.Carrier, "no answer: the default")
	assert.Equal(t, "[default_carrier]", ch.Reasons.String())
}

// TestSeed002Double11 replays seed 002 §一.4 and §二 — rules S6 and S8:
// during Double 11 agents say "within 3 days", never a date; a buyer
// chasing gets an answer at once, an explanation of the promotion's
// pressure, and, for a lost parcel, a replacement and an apology.
func TestSeed002Double11(t *testing.T) {
	p := shipping.DefaultPolicy()
	p.BigPromotions = []shipping.Period{{Name: "双11", Start: at(2026, 11, 11, 0, 0, 0), End: at(2026, 11, 14, 0, 0, 0)}}
	valid(t, p)
	paid := at(2026, 11, 11, 0, 1, 0)

	// 1. "When will it ship?" — within 3 days; not "on the 12th".
	pr, err := p.DispatchPromise(paid)
	require.NoError(t, err)
	assert.Equal(t, shipping.WithinDays, pr.Wording)
	assert.Equal(t, 3, pr.Days)
	r, err := p.ReviewPromise(paid, shipping.PromiseClaim{Date: shipping.Date{Year: 2026, Month: 11, Day: 12}})
	require.NoError(t, err)
	assert.Equal(t, order.Refused, r.Verdict)
	assert.True(t, r.Reasons.Has(shipping.ExactDate))

	// 2. Two days on, not shipped: still within the window.
	s := spec("120.00", "0", "0")
	s.CreatedAt, s.PaidAt = paid, paid
	rep, err := p.ClassifyParcel(build(t, s), nil, at(2026, 11, 13, 9, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, shipping.NotDispatched, rep.Situation)
	assert.True(t, rep.Actions.Has(shipping.ExplainPromotion))

	// 3. Shipped on the 13th, then nothing for over a week: lost; the shop
	// reships and apologises, though the courier lost it.
	out := at(2026, 11, 13, 17, 0, 0)
	s.Status, s.DispatchedAt = order.AwaitingReceipt, out
	history := []shipping.TrackingEvent{{At: out, Stage: shipping.Outbound}, {At: out.Add(time.Hour), Stage: shipping.PickedUp},
		{At: out.Add(30 * time.Hour), Stage: shipping.InTransit}}
	rep, err = p.ClassifyParcel(build(t, s), history, out.Add(30*time.Hour+8*24*time.Hour))
	require.NoError(t, err)
	assert.Equal(t, shipping.ParcelLost, rep.Situation)
	assert.True(t, rep.Actions.Has(shipping.ReshipAndApologise))
	assert.True(t, rep.Actions.Has(shipping.AnswerAtOnce))
	assert.False(t, rep.ShopAtFault)
}

// TestSeed003ReminderThenNotice replays seed 003, Pregunta 7.6 — rule S10:
// in the afternoon an online buyer's unpaid order is reminded that the
// cutoff is near and that, paid now, it ships today; the buyer pays, the
// promise holds, and a shipping notice goes out once the parcel leaves.
func TestSeed003ReminderThenNotice(t *testing.T) {
	p := valid(t, shipping.DefaultPolicy()) // cutoff 16:00, reminders from 12:00
	s := spec("120.00", "0", "0")
	s.CreatedAt, s.Status, s.PaidAt = at(2026, 11, 2, 9, 30, 0), order.AwaitingPayment, time.Time{}
	unpaid := build(t, s)

	// 1. Morning: too early, the cutoff is not near.
	r, err := p.PaymentReminder(shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 2, 10, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, order.Refused, r.Verdict)
	assert.Equal(t, "[too_early]", r.Reasons.String())

	// 2. 15:00: "pay now and it ships today".
	r, err = p.PaymentReminder(shipping.Unpaid{Order: unpaid, BuyerOnline: true}, at(2026, 11, 2, 15, 0, 0))
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, r.Verdict)
	assert.Equal(t, shipping.ShipsToday, r.Promise.Wording)
	assert.Equal(t, "[ships_today_if_paid]", r.Reasons.String())

	// 3. Not twice the same day.
	r, err = p.PaymentReminder(shipping.Unpaid{Order: unpaid, BuyerOnline: true, LastReminded: at(2026, 11, 2, 15, 0, 0)}, at(2026, 11, 2, 15, 30, 0))
	require.NoError(t, err)
	assert.Equal(t, "[already_reminded]", r.Reasons.String())

	// 4. Paid at 15:40, before the cutoff: it ships today, as promised.
	paid, err := unpaid.Apply(order.Pay, at(2026, 11, 2, 15, 40, 0))
	require.NoError(t, err)
	pr, err := p.DispatchPromise(paid.PaidAt())
	require.NoError(t, err)
	assert.Equal(t, shipping.ShipsToday, pr.Wording)

	// 5. Out at 18:00: the promise is kept, and the notice is due once.
	out := at(2026, 11, 2, 18, 0, 0)
	history := []shipping.TrackingEvent{{At: out, Stage: shipping.Outbound}}
	assert.True(t, pr.Kept(out))
	due, left := shipping.NoticeDue(&paid, history, time.Time{})
	assert.True(t, due)
	assert.True(t, left.Equal(out))
	due, _ = shipping.NoticeDue(&paid, history, out.Add(time.Minute))
	assert.False(t, due)
}
