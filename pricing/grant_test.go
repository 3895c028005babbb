package pricing_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// refundApproval is the team leader's approval of an after-sales agent's
// refund of 88.00 on order T2001.
func refundApproval() pricing.Approval {
	return pricing.Approval{ID: "ap-r1", OrderID: "T2001", Kind: pricing.Refund, Amount: dec("88.00"),
		Requester: agent("ahua", order.AfterSales), Approver: laowang, Expires: t0.Add(time.Hour)}
}

// rule A3: a refund's approval, whose rules are package refund's, is a
// Verified like a concession's — signed, read back from its token, for
// one order, kind and amount, and single use — and Grant keeps the rule
// that nobody approves their own request and the approver is above.
func TestGrantRefund(t *testing.T) {
	v, err := pricing.Grant(refundApproval())
	require.NoError(t, err)
	tok, err := v.Token(shopKey)
	require.NoError(t, err)
	back, err := pricing.ParseToken(tok, shopKey)
	require.NoError(t, err)
	assert.Equal(t, v, back)

	claim := pricing.Claim{OrderID: "T2001", Kind: pricing.Refund, Amount: dec("88.00"),
		Requester: agent("ahua", order.AfterSales), At: t0}
	require.NoError(t, v.Covers(claim))
	over := claim
	over.Amount = dec("88.01")
	require.ErrorIs(t, v.Covers(over), pricing.ErrAmountExceeded)
	gift := claim
	gift.Kind = pricing.Gift
	require.ErrorIs(t, v.Covers(gift), pricing.ErrWrongKind, "a refund's approval covers no concession")

	var s pricing.Store
	_, err = s.Spend(v, t0)
	require.NoError(t, err)
	_, err = s.Spend(v, t0)
	require.ErrorIs(t, err, pricing.ErrUsed, "single use")

	tests := []struct {
		reason string
		edit   func(*pricing.Approval)
		want   error
	}{
		// Hostile: the requester approving their own refund under another
		// spelling of the ID.
		{"self-approval", func(a *pricing.Approval) { a.Approver = agent("ａｈｕａ", order.TeamLeader) }, pricing.ErrSelfApproval},
		{"an approver not above", func(a *pricing.Approval) { a.Approver = agent("axiu", order.AfterSales) }, pricing.ErrApproverRank},
		{"no amount", func(a *pricing.Approval) { a.Amount = dec("0") }, pricing.ErrInvalidAmount},
		{"no expiry", func(a *pricing.Approval) { a.Expires = time.Time{} }, pricing.ErrMissing},
		// A concession's approval is issued by Policy.Approve, which
		// reviews it: Grant cannot mint one.
		{"a price cut", func(a *pricing.Approval) { a.Kind = pricing.PriceCut }, pricing.ErrUnknownKind},
		{"no kind", func(a *pricing.Approval) { a.Kind = pricing.KindUnknown }, pricing.ErrUnknownKind},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			a := refundApproval()
			tc.edit(&a)
			got, err := pricing.Grant(a)
			require.ErrorIs(t, err, tc.want)
			assert.True(t, got.IsZero())
		})
	}
}

// A refund is not a concession: pricing neither reviews nor approves it,
// and a refund's token redeems no concession.
func TestRefundIsNoConcession(t *testing.T) {
	p := pricing.DefaultPolicy()
	r := request(xiaomei, paid(), pricing.Refund, "5.00")
	_, err := p.Review(r, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrUnknownKind)
	_, err = p.Approve(r, noAgent, noOrder, laowang, "ap-x", t0.Add(time.Hour))
	require.ErrorIs(t, err, pricing.ErrUnknownKind)

	a := refundApproval()
	a.Requester = xiaomei
	v, err := pricing.Grant(a)
	require.NoError(t, err)
	tok, err := v.Token(shopKey)
	require.NoError(t, err)
	_, _, err = p.Redeem(tok, shopKey, request(xiaomei, paid(), pricing.PriceCut, "5.00"), noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrWrongKind)
}
