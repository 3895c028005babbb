package refund_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// TestReturnPostageByCause pins who bears each leg (rule R5), as the
// platform settles return postage.
func TestReturnPostageByCause(t *testing.T) {
	p := refund.DefaultPolicy()
	paidPostage := build(t, finished(threeLines())) // 8.00 postage charged
	free := func() *order.Order {
		s := finished(threeLines())
		s.Postage = dec("0")
		return build(t, s)
	}()
	B, S := refund.Buyer, refund.Seller
	cases := []struct {
		reason         string
		req            refund.PostageRequest
		outbound, back refund.Payer
		replacement    refund.Payer
		refundOutbound string
		reason1        refund.Reason
	}{
		{"quality: the shop, both legs", refund.PostageRequest{Order: paidPostage, Cause: refund.Quality}, S, S, 0, "8.00", refund.ShopAtFault},
		{"wrong item: the shop, both legs", refund.PostageRequest{Order: free, Cause: refund.WrongItem, FreeShipping: true}, S, S, 0, "0.00", refund.ShopAtFault},
		{"damaged: the shop, both legs", refund.PostageRequest{Order: paidPostage, Cause: refund.Damaged}, S, S, 0, "8.00", refund.ShopAtFault},
		{"seven-day return of a free-shipping item: the buyer, the return leg only",
			refund.PostageRequest{Order: free, Cause: refund.NoReason, FreeShipping: true}, S, B, 0, "0.00", refund.NoReasonFreeShipping},
		{"seven-day return of an item that was not free-shipping: the buyer, both legs",
			refund.PostageRequest{Order: paidPostage, Cause: refund.NoReason}, B, B, 0, "0.00", refund.NoReasonPostagePaid},
		{"an exchange the shop caused: no postage for the buyer",
			refund.PostageRequest{Order: paidPostage, Cause: refund.Quality, Exchange: true}, S, S, S, "0.00", refund.ShopCausedExchange},
		{"an exchange the buyer wants: the buyer pays both ways",
			refund.PostageRequest{Order: free, Cause: refund.NoReason, FreeShipping: true, Exchange: true}, S, B, B, "0.00", refund.NoReasonFreeShipping},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			d, err := p.ReturnPostage(c.req)
			require.NoError(t, err)
			assert.Equal(t, c.outbound, d.Outbound, "outbound")
			assert.Equal(t, c.back, d.Return, "return")
			assert.Equal(t, c.replacement, d.Replacement, "replacement")
			decEq(t, c.refundOutbound, d.RefundOutbound)
			assert.True(t, d.Reasons.Has(c.reason1), "%v", d.Reasons)
			assert.Nil(t, d.Choices)
			assert.False(t, d.RefundAfterArrival)
			decEq(t, "0", d.Deduct)
		})
	}
}

// TestBargainedMistakeOffersTwoChoices: a bargained-free-shipping item the
// buyer ordered wrongly — exactly two choices, in this order (rule R5).
func TestBargainedMistakeOffersTwoChoices(t *testing.T) {
	d, err := refund.DefaultPolicy().ReturnPostage(refund.PostageRequest{
		Order: build(t, finished(threeLines())), Cause: refund.OrderedWrongly, Bargained: true})
	require.NoError(t, err)
	require.Len(t, d.Choices, 2)
	assert.Equal(t, refund.PostageChoice{Outbound: refund.Buyer, Return: refund.Buyer, BestDiscountNextTime: true}, d.Choices[0],
		"a reasonable buyer bears both legs, with the best discount next time")
	assert.Equal(t, refund.PostageChoice{Outbound: refund.Seller, Return: refund.Buyer}, d.Choices[1],
		"otherwise the shop gives way: the buyer bears the return leg only")
	assert.Equal(t, []refund.Reason{refund.BargainedMistake}, d.Reasons.Values())
	decEq(t, "0", d.RefundOutbound, "which choice is taken is not known yet")
}

// TestHongKongReturn: the return postage is deducted and the refund made
// only after the goods arrive (rule S3).
func TestHongKongReturn(t *testing.T) {
	s := finished(threeLines())
	s.Address = order.Address{Recipient: "陈大文", Phone: "91234567", Province: "香港", City: "九龙", Detail: "弥敦道1号"}
	s.Postage = dec("0")
	o := build(t, s)
	p := refund.DefaultPolicy()
	d, err := p.ReturnPostage(refund.PostageRequest{Order: o, Cause: refund.NoReason})
	require.NoError(t, err)
	assert.True(t, d.DeductReturnLeg)
	assert.True(t, d.RefundAfterArrival)
	assert.True(t, d.Reasons.Has(refund.SFReturn))
	assert.Equal(t, refund.Buyer, d.Return)

	d, err = p.ReturnPostage(refund.PostageRequest{Order: o, Cause: refund.Damaged})
	require.NoError(t, err)
	assert.False(t, d.DeductReturnLeg, "the shop's fault: nothing deducted")
	assert.True(t, d.RefundAfterArrival, "still refunded once the goods arrive")
	assert.Equal(t, refund.Seller, d.Return)
}

// TestPartialReturnBelowFreeShipping: returning the scarves leaves 46.68
// of goods, below the 99.00 threshold — the postage the rest now costs is
// deducted, as the shop's policy allows.
func TestPartialReturnBelowFreeShipping(t *testing.T) {
	s := finished(threeLines())
	s.Postage = dec("0") // 140.01 of goods paid: free shipping
	o := build(t, s)
	ship := shipping.DefaultPolicy()
	ship.Free.Postage = dec("10.00")
	req := refund.PostageRequest{Order: o, Cause: refund.NoReason, FreeShipping: true, Shipping: &ship,
		Lines: []refund.ReturnLine{{SKU: "SCARF-01", Units: 2}}}
	p := refund.DefaultPolicy()
	d, err := p.ReturnPostage(req)
	require.NoError(t, err)
	decEq(t, "10.00", d.Deduct)
	assert.True(t, d.Reasons.Has(refund.BelowFreeShipping))

	req.Lines = []refund.ReturnLine{{SKU: "SOCK-01", Units: 3}} // 121.33 kept: still free
	d, err = p.ReturnPostage(req)
	require.NoError(t, err)
	decEq(t, "0", d.Deduct)

	// The kept units carry their share of the discount: one scarf back
	// keeps 93.33 + 28.00 + 18.68 − 46.66 = 93.35 of goods paid, below
	// 99.00 although the goods' prices make 100.01.
	req.Lines = []refund.ReturnLine{{SKU: "SCARF-01", Units: 1}}
	d, err = p.ReturnPostage(req)
	require.NoError(t, err)
	decEq(t, "10.00", d.Deduct)

	p.DeductPostageBelowThreshold = false
	req.Lines = []refund.ReturnLine{{SKU: "SCARF-01", Units: 2}}
	d, err = p.ReturnPostage(req)
	require.NoError(t, err)
	decEq(t, "0", d.Deduct, "the shop's policy says not to")

	p = refund.DefaultPolicy()
	req.Cause = refund.Quality
	d, err = p.ReturnPostage(req)
	require.NoError(t, err)
	decEq(t, "0", d.Deduct, "never when the shop is at fault")
}

func TestReturnPostageErrors(t *testing.T) {
	p := refund.DefaultPolicy()
	o := build(t, finished(threeLines()))
	cases := []struct {
		reason string
		req    refund.PostageRequest
		want   error
	}{
		{"no order", refund.PostageRequest{Cause: refund.Quality}, refund.ErrMissing},
		{"no cause", refund.PostageRequest{Order: o}, refund.ErrUnknownCode},
		{"never dispatched", refund.PostageRequest{Order: build(t, threeLines()), Cause: refund.NoReason}, refund.ErrNotReceived},
		{"an unknown line", refund.PostageRequest{Order: o, Cause: refund.NoReason, Lines: []refund.ReturnLine{{SKU: "BOOT-01", Units: 1}}}, refund.ErrUnknownLine},
		{"more units than the line", refund.PostageRequest{Order: o, Cause: refund.NoReason, Lines: []refund.ReturnLine{{SKU: "HAT-01", Units: 2}}}, refund.ErrOverQuantity},
		{"no units", refund.PostageRequest{Order: o, Cause: refund.NoReason, Lines: []refund.ReturnLine{{SKU: "HAT-01"}}}, refund.ErrInvalidQuantity},
		{"a line twice", refund.PostageRequest{Order: o, Cause: refund.NoReason,
			Lines: []refund.ReturnLine{{SKU: "HAT-01", Units: 1}, {SKU: "ＨＡＴ－01", Units: 1}}}, refund.ErrInconsistent},
	}
	for _, c := range cases {
		_, err := p.ReturnPostage(c.req)
		require.ErrorIs(t, err, c.want, c.reason)
	}
}
