package refund_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
)

var (
	shopKey = []byte("kefu-test-shop-key-0123456789abcdef")
	laowang = order.Agent{ID: "laowang", Name: "老王", Role: order.TeamLeader}
)

// bigOrder is threeLines with 12 scarves: 600.00 of scarves, so a refund
// of them passes the default 500.00 limit.
func bigOrder() order.Spec {
	s := finished(threeLines())
	s.Lines[0].Quantity = 12
	return s
}

// rule A3: a refund above the shop's amount, or one of goods sent back
// paid before they came back, needs a team leader's approval; a team
// leader refunds it alone.
func TestReviewRefund(t *testing.T) {
	p := refund.DefaultPolicy()
	l := ledger(t, bigOrder())
	scarf, err := l.Refundable("SCARF-01", 12)
	require.NoError(t, err)
	all := refund.Payout{Key: "RF-1", Version: l.Version(), SKU: "SCARF-01", Units: 12, Goods: scarf}
	hat := refund.Payout{Key: "RF-2", Version: l.Version(), SKU: "HAT-01", Units: 1, Goods: dec("20.00")}
	tests := []struct {
		reason  string
		agent   order.Agent
		payout  refund.Payout
		withRet bool
		verdict order.Verdict
		reasons string
	}{
		{"above 500.00", ahua, all, false, order.NeedsApproval, "[above_refund_limit]"},
		{"within it", ahua, hat, false, order.Allowed, "[]"},
		{"before the goods came back", ahua, hat, true, order.NeedsApproval, "[before_goods_back]"},
		{"the team leader refunds alone", laowang, all, true, order.Allowed, "[above_refund_limit before_goods_back]"},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			d, err := p.ReviewRefund(refund.RefundRequest{Agent: tc.agent, Ledger: l, Payout: tc.payout, WithReturn: tc.withRet, At: t0})
			require.NoError(t, err)
			assert.Equal(t, tc.verdict, d.Verdict)
			assert.Equal(t, tc.reasons, d.Reasons.String())
			if tc.verdict == order.NeedsApproval {
				assert.Equal(t, order.TeamLeader, d.Approver)
			}
		})
	}
	// Returned goods that came back need no approval.
	l2, err := l.Receive(refund.Arrival{Waybill: "YT0000000001", Version: l.Version(), SKU: "HAT-01", Units: 1})
	require.NoError(t, err)
	back := hat
	back.Version, back.Returned = l2.Version(), true
	d, err := p.ReviewRefund(refund.RefundRequest{Agent: ahua, Ledger: l2, Payout: back, WithReturn: true, At: t0})
	require.NoError(t, err)
	assert.Equal(t, order.Allowed, d.Verdict)

	// No approval is sought for what the ledger would refuse.
	over := hat
	over.Goods = dec("999.00")
	_, err = p.ReviewRefund(refund.RefundRequest{Agent: ahua, Ledger: l, Payout: over, At: t0})
	require.ErrorIs(t, err, refund.ErrOverRefund)
	_, err = p.ReviewRefund(refund.RefundRequest{Agent: order.Agent{ID: "a\u200bhua", Role: order.AfterSales}, Ledger: l, Payout: hat, At: t0})
	require.ErrorIs(t, err, order.ErrInvalidText, "hostile: a zero-width space in the agent's ID")

	b, err := d.MarshalJSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"verdict":"allowed","reasons":[],"amount":"20.00"}`, string(b))
}

// rule A3: the approval is pricing's Verified — signed, for one order,
// requester and amount, single use — and only someone above the requester,
// at or above the policy's approver, grants it.
func TestApproveAndRedeemRefund(t *testing.T) {
	p := refund.DefaultPolicy()
	l := ledger(t, bigOrder())
	scarf, _ := l.Refundable("SCARF-01", 12)
	r := refund.RefundRequest{Agent: ahua, Ledger: l, At: t0,
		Payout: refund.Payout{Key: "RF-1", Version: l.Version(), SKU: "SCARF-01", Units: 12, Goods: scarf}}
	v, err := p.ApproveRefund(r, laowang, "ap-r1", t0.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, pricing.Refund, v.Approval().Kind)
	decEq(t, scarf.StringFixed(2), v.Approval().Amount)
	tok, err := v.Token(shopKey)
	require.NoError(t, err)

	got, spent, err := p.RedeemRefund(tok, shopKey, r)
	require.NoError(t, err)
	assert.Equal(t, "ap-r1", got.ID())
	assert.Equal(t, "T1001", spent.OrderID)
	var used pricing.Store
	_, err = used.Spend(got, r.At)
	require.NoError(t, err)
	_, err = used.Spend(got, r.At)
	require.ErrorIs(t, err, pricing.ErrUsed, "single use")
	next, _, err := l.Pay(r.Payout)
	require.NoError(t, err)
	decEq(t, scarf.StringFixed(2), next.Refunded())

	approveErrs := []struct {
		reason   string
		approver order.Agent
		edit     func(*refund.Policy)
		expires  time.Time
		want     error
	}{
		// Hostile: the requester approving under another spelling of the ID.
		{"self-approval", order.Agent{ID: "ａｈｕａ", Name: "阿华", Role: order.TeamLeader}, nil, t0.Add(time.Hour), pricing.ErrSelfApproval},
		{"not above the requester", order.Agent{ID: "axiu", Name: "阿秀", Role: order.AfterSales}, nil, t0.Add(time.Hour), pricing.ErrApproverRank},
		{"below the policy's approver", laowang, func(p *refund.Policy) { p.Approval.Approver = order.StoreManager },
			t0.Add(time.Hour), pricing.ErrApproverAuthority},
		{"an expiry before the request", laowang, nil, t0, pricing.ErrInvalidExpiry},
	}
	for _, tc := range approveErrs {
		t.Run(tc.reason, func(t *testing.T) {
			pol := refund.DefaultPolicy()
			if tc.edit != nil {
				tc.edit(&pol)
			}
			_, err := pol.ApproveRefund(r, tc.approver, "ap-x", tc.expires)
			require.ErrorIs(t, err, tc.want)
		})
	}

	concession, err := pricing.DefaultPolicy().Approve(pricing.Request{Agent: order.Agent{ID: "ahua", Name: "阿华", Role: order.AfterSales},
		Order: build(t, threeLines()), Kind: pricing.Postage, Amount: dec("5.00"), At: t0}, pricing.AgentUsage{}, pricing.OrderUsage{},
		laowang, "ap-c", t0.Add(time.Hour))
	require.NoError(t, err)
	concessionTok, err := concession.Token(shopKey)
	require.NoError(t, err)
	more := r
	more.Payout.Goods = scarf.Add(dec("0.00"))
	more.Payout.Postage = dec("8.00")
	otherOrder := bigOrder()
	otherOrder.ID = "T2"
	lo := ledger(t, otherOrder)
	elsewhere := r
	elsewhere.Ledger, elsewhere.Payout.Version = lo, lo.Version()
	redeemErrs := []struct {
		reason string
		token  string
		r      refund.RefundRequest
		want   error
	}{
		{"more than approved", tok, more, pricing.ErrAmountExceeded},
		{"another order", tok, elsewhere, pricing.ErrWrongOrder},
		{"a concession's approval", concessionTok, r, pricing.ErrWrongKind},
		{"an edited token", tok[:len(tok)-2] + "AA", r, pricing.ErrBadSignature},
		{"too late", tok, func() refund.RefundRequest { x := r; x.At = t0.Add(2 * time.Hour); return x }(), pricing.ErrExpired},
	}
	for _, tc := range redeemErrs {
		t.Run(tc.reason, func(t *testing.T) {
			_, _, err := p.RedeemRefund(tc.token, shopKey, tc.r)
			require.ErrorIs(t, err, tc.want)
			assert.Equal(t, 403, httpStatus(err), "every refusal of an approval is forbidden")
		})
	}
}
