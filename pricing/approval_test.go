package pricing_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

var (
	shopKey  = []byte("kefu-test-shop-key-0123456789abcdef")
	otherKey = []byte("another-shop-key-0123456789abcdef!!")
	xiaomei  = agent("xiaomei", order.PreSales)
	laowang  = agent("laowang", order.TeamLeader)
	boss     = agent("boss", order.StoreManager)
)

// approved is xiaomei's 5.00 price cut on the unpaid order, approved by
// the team leader for an hour, and its token.
func approved(t *testing.T) (pricing.Request, pricing.Approval, string) {
	t.Helper()
	r := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
	a, err := defaultPolicy().Approve(r, pricing.Usage{}, laowang, "ap-1", t0.Add(time.Hour))
	require.NoError(t, err)
	tok, err := a.Token(shopKey)
	require.NoError(t, err)
	return r, a, tok
}

// rule A3: an approval is granted by someone above for one order and one
// concession, and is used once.
func TestApprovalGrantedAndUsedOnce(t *testing.T) {
	p := pricing.DefaultPolicy()
	r, a, tok := approved(t)
	d, err := p.Review(r, pricing.Usage{})
	require.NoError(t, err)
	require.Equal(t, pricing.NeedsApproval, d.Verdict)

	back, err := pricing.ParseToken(tok, shopKey)
	require.NoError(t, err)
	assert.Equal(t, a.ID, back.ID)
	assert.Equal(t, a.Requester, back.Requester)
	assert.Equal(t, a.Approver, back.Approver)
	assert.True(t, a.Amount.Equal(back.Amount))
	assert.True(t, a.Expires.Equal(back.Expires))

	got, used, err := p.Redeem(tok, shopKey, r, pricing.Usage{}, pricing.Used{})
	require.NoError(t, err)
	assert.Equal(t, "ap-1", got.ID)
	assert.True(t, used.Has("ap-1"))

	// The second use is refused and the record is returned as it was.
	_, again, err := p.Redeem(tok, shopKey, r, pricing.Usage{}, used)
	require.ErrorIs(t, err, pricing.ErrUsed)
	assert.Equal(t, used, again)
}

// rule A3: every way an approval can fail to cover a concession is
// refused with a matchable error, and the used record stays as it was.
func TestRedeemRefusals(t *testing.T) {
	p := pricing.DefaultPolicy()
	r, a, tok := approved(t)
	other := spec()
	other.ID = "T9999"
	otherOrder := order.MustNew(other)
	prior := pricing.Used{Approvals: []pricing.Spent{{ID: "ap-0", OrderID: "T2001", Expires: t0.Add(time.Hour), At: t0}}}

	strict := pricing.DefaultPolicy()
	strict.Limits.TeamLeader.PriceCut = dec("0") // the team leader lost the authority

	foreign, err := a.Token(otherKey) // the same approval re-signed with another key
	require.NoError(t, err)
	raw, err := base64.RawURLEncoding.DecodeString(tok)
	require.NoError(t, err)
	edited := append([]byte(nil), raw...)
	edited[len(edited)-40] ^= 0x01 // a byte of the payload, before the 32-byte signature
	editedTok := base64.RawURLEncoding.EncodeToString(edited)

	cases := []struct {
		reason string
		policy pricing.Policy
		token  string
		key    []byte
		edit   func(*pricing.Request)
		used   pricing.Used
		err    error
	}{
		{"another order", p, tok, shopKey, func(r *pricing.Request) { r.Order = &otherOrder }, prior, pricing.ErrWrongOrder},
		{"another kind", p, tok, shopKey, func(r *pricing.Request) { r.Kind = pricing.Gift }, prior, pricing.ErrWrongKind},
		{"a larger amount", p, tok, shopKey, func(r *pricing.Request) { r.Amount = dec("5.01") }, prior, pricing.ErrAmountExceeded},
		{"another requester", p, tok, shopKey, func(r *pricing.Request) { r.Agent = agent("xiaohong", order.PreSales) }, prior, pricing.ErrWrongRequester},
		{"the requester in another role", p, tok, shopKey, func(r *pricing.Request) { r.Agent.Role = order.InSales }, prior, pricing.ErrWrongRequester},
		{"at the expiry", p, tok, shopKey, func(r *pricing.Request) { r.At = t0.Add(time.Hour) }, prior, pricing.ErrExpired},
		{"already used", p, tok, shopKey, func(*pricing.Request) {}, pricing.Used{Approvals: []pricing.Spent{{ID: "ap-1"}}}, pricing.ErrUsed},
		{"approver without the authority under the policy in force", strict, tok, shopKey, func(*pricing.Request) {}, prior, pricing.ErrApproverAuthority},
		{"re-signed with another key", p, foreign, shopKey, func(*pricing.Request) {}, prior, pricing.ErrBadSignature},
		{"verified with another key", p, tok, otherKey, func(*pricing.Request) {}, prior, pricing.ErrBadSignature},
		{"an edited byte", p, editedTok, shopKey, func(*pricing.Request) {}, prior, pricing.ErrBadSignature},
		{"a few characters", p, tok[:8], shopKey, func(*pricing.Request) {}, prior, pricing.ErrMalformedToken},
		{"not base64url", p, "ab+/==", shopKey, func(*pricing.Request) {}, prior, pricing.ErrMalformedToken},
		{"empty", p, "", shopKey, func(*pricing.Request) {}, prior, pricing.ErrMalformedToken},
		{"a short key", p, tok, []byte("secret"), func(*pricing.Request) {}, prior, pricing.ErrWeakKey},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			req := r
			c.edit(&req)
			got, after, err := c.policy.Redeem(c.token, c.key, req, pricing.Usage{}, c.used)
			require.ErrorIs(t, err, c.err)
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, pricing.Approval{}, got)
			assert.Equal(t, c.used, after, "used record unchanged")
		})
	}
	// What the approval does cover: a smaller amount, a millisecond before
	// the expiry.
	req := r
	req.Amount, req.At = dec("4.50"), t0.Add(time.Hour-time.Millisecond)
	_, after, err := p.Redeem(tok, shopKey, req, pricing.Usage{}, prior)
	require.NoError(t, err)
	assert.Len(t, after.Approvals, 2)
	assert.Len(t, prior.Approvals, 1, "the input record is not modified")
}

// rule A3: nobody approves their own request, only someone above with the
// authority does — refused when issuing, and by Covers for an approval
// built by hand.
func TestApproveRefusesRank(t *testing.T) {
	p := pricing.DefaultPolicy()
	r := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
	exp := t0.Add(time.Hour)
	cases := []struct {
		reason   string
		approver order.Agent
		err      error
	}{
		{"self-approval", xiaomei, pricing.ErrSelfApproval},
		{"the same ID with another role", agent("xiaomei", order.TeamLeader), pricing.ErrSelfApproval},
		{"a peer", agent("xiaohong", order.PreSales), pricing.ErrApproverRank},
		{"below the requester", agent("x", order.RoleUnknown), pricing.ErrApproverRank},
		{"above but without the authority", agent("after", order.AfterSales), pricing.ErrApproverAuthority},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			_, err := p.Approve(r, pricing.Usage{}, c.approver, "ap-9", exp)
			require.ErrorIs(t, err, c.err)
		})
	}
	_, err := p.Approve(r, pricing.Usage{}, boss, "ap-9", exp)
	require.NoError(t, err, "the store manager is above the team leader")
	_, err = p.Approve(r, pricing.Usage{}, laowang, "ap-9", t0)
	require.ErrorIs(t, err, pricing.ErrExpired, "an approval expiring at once")
	_, err = p.Approve(r, pricing.Usage{}, laowang, "has space", exp)
	require.ErrorIs(t, err, pricing.ErrInvalidText)

	// Nobody may approve what is refused.
	big := request(xiaomei, heavy(), pricing.PriceCut, "300.00")
	_, err = p.Approve(big, pricing.Usage{}, boss, "ap-9", exp)
	require.ErrorIs(t, err, pricing.ErrApproverAuthority)

	// Built by hand, bypassing Approve.
	a := pricing.Approval{ID: "ap-h", OrderID: "T2001", Kind: pricing.PriceCut, Amount: dec("5.00"),
		Requester: xiaomei, Approver: xiaomei, Expires: exp}
	require.ErrorIs(t, a.Covers(pricing.ClaimOf(r)), pricing.ErrSelfApproval)
	_, err = a.Token(shopKey)
	require.ErrorIs(t, err, pricing.ErrSelfApproval, "no token is made for it")
	a.Approver = agent("peer", order.PreSales)
	require.ErrorIs(t, a.Covers(pricing.ClaimOf(r)), pricing.ErrApproverRank)
}

// Every truncation of a token is refused, as malformed when what is left
// does not decode, or as a signature mismatch.
func TestParseTokenTruncated(t *testing.T) {
	_, _, tok := approved(t)
	for n := range len(tok) {
		_, err := pricing.ParseToken(tok[:n], shopKey)
		require.Error(t, err, n)
		assert.True(t, errors.Is(err, pricing.ErrMalformedToken) || errors.Is(err, pricing.ErrBadSignature), "%d: %v", n, err)
	}
	_, err := pricing.ParseToken(tok+"A", shopKey)
	require.Error(t, err, "an extra character")
}

func TestUsedPrune(t *testing.T) {
	u := pricing.Used{Approvals: []pricing.Spent{
		{ID: "old", Expires: t0}, {ID: "live", Expires: t0.Add(time.Minute)},
	}}
	n := u.Prune(t0)
	assert.False(t, n.Has("old"))
	assert.True(t, n.Has("live"))
	assert.True(t, u.Has("old"), "input unchanged")

	b, err := json.Marshal(n)
	require.NoError(t, err)
	var back pricing.Used
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Has("live"))
}

// The in-memory store lets exactly one of many concurrent redemptions of
// the same approval through.
func TestStoreSingleUseUnderConcurrency(t *testing.T) {
	p := pricing.DefaultPolicy()
	r, _, tok := approved(t)
	var s pricing.Store
	const n = 16
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			_, errs[i] = s.Redeem(p, tok, shopKey, r, pricing.Usage{})
		})
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
			continue
		}
		require.ErrorIs(t, err, pricing.ErrUsed)
	}
	assert.Equal(t, 1, ok)
	assert.Len(t, s.Used().Approvals, 1)

	// A refused redemption leaves the store as it was.
	_, err := s.Redeem(p, tok[:len(tok)-2], shopKey, r, pricing.Usage{})
	require.Error(t, err)
	assert.Len(t, s.Used().Approvals, 1)

	s2 := pricing.NewStore(s.Used())
	_, err = s2.Redeem(p, tok, shopKey, r, pricing.Usage{})
	require.ErrorIs(t, err, pricing.ErrUsed, "a store restored from the record remembers")
	s2.Prune(t0.Add(2 * time.Hour))
	assert.Empty(t, s2.Used().Approvals)
	assert.True(t, errors.Is(err, pricing.ErrUsed))
}

func TestApprovalJSON(t *testing.T) {
	_, a, _ := approved(t)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"amount":"5.00"`)
	assert.Contains(t, string(b), `"kind":"price_cut"`)
	var back pricing.Approval
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, a.ID, back.ID)
	assert.True(t, a.Amount.Equal(back.Amount))
	// Hostile: a self-approval stored by hand is refused on reading.
	bad := a
	bad.ID, bad.Approver = "ap-bad", a.Requester
	raw, err := json.Marshal(bad)
	require.NoError(t, err)
	require.ErrorIs(t, json.Unmarshal(raw, &back), pricing.ErrSelfApproval)
	assert.Equal(t, a.ID, back.ID, "unchanged on error")
}

// Approval.Validate refuses every malformed field, so that no such
// approval is ever signed.
func TestApprovalValidate(t *testing.T) {
	_, good, _ := approved(t)
	long := string(make([]byte, 65))
	cases := []struct {
		reason string
		edit   func(*pricing.Approval)
		err    error
	}{
		{"no ID", func(a *pricing.Approval) { a.ID = "" }, pricing.ErrMissing},
		{"ID too long", func(a *pricing.Approval) { a.ID = long }, pricing.ErrInvalidText},
		{"control character in the order ID", func(a *pricing.Approval) { a.OrderID = "T1\x00" }, pricing.ErrInvalidText},
		{"invalid UTF-8 in a name", func(a *pricing.Approval) { a.Approver.Name = "\xff" }, pricing.ErrInvalidText},
		{"unknown kind", func(a *pricing.Approval) { a.Kind = 0 }, pricing.ErrUnknownKind},
		{"zero amount", func(a *pricing.Approval) { a.Amount = dec("0") }, pricing.ErrInvalidAmount},
		{"below the fen", func(a *pricing.Approval) { a.Amount = dec("0.001") }, pricing.ErrInvalidAmount},
		{"unknown requester role", func(a *pricing.Approval) { a.Requester.Role = 0 }, pricing.ErrUnknownRole},
		{"unknown approver role", func(a *pricing.Approval) { a.Approver.Role = 99 }, pricing.ErrUnknownRole},
		{"no expiry", func(a *pricing.Approval) { a.Expires = time.Time{} }, pricing.ErrMissing},
		{"an expiry after year 9999", func(a *pricing.Approval) { a.Expires = time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC) }, pricing.ErrInvalidTime},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			a := good
			c.edit(&a)
			require.ErrorIs(t, a.Validate(), c.err)
			_, err := a.Token(shopKey)
			require.ErrorIs(t, err, c.err, "not signed")
		})
	}
	_, err := good.Token([]byte("short"))
	require.ErrorIs(t, err, pricing.ErrWeakKey)
	_, err = pricing.ParseToken("x", nil)
	require.ErrorIs(t, err, pricing.ErrWeakKey)
	_, err = pricing.ParseToken(string(make([]byte, 5000)), shopKey)
	require.ErrorIs(t, err, pricing.ErrMalformedToken, "too long")

	// Spending: a zero time, an expired approval.
	_, err = pricing.Used{}.Spend(good, time.Time{})
	require.ErrorIs(t, err, pricing.ErrMissing)
	_, err = pricing.Used{}.Spend(good, good.Expires)
	require.ErrorIs(t, err, pricing.ErrExpired)
}

// A token is a bearer credential: error messages quote only its start.
func TestTokenErrorsDoNotEchoTheToken(t *testing.T) {
	_, _, tok := approved(t)
	_, err := pricing.ParseToken(tok, otherKey)
	require.ErrorIs(t, err, pricing.ErrBadSignature)
	assert.NotContains(t, err.Error(), tok)
	assert.Contains(t, err.Error(), tok[:12]+"…")
}
