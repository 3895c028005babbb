package pricing_test

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"strings"
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
	noAgent  = pricing.AgentUsage{}
	noOrder  = pricing.OrderUsage{}
)

// approved is xiaomei's 5.00 price cut on the unpaid order, approved by
// the team leader for an hour, and its token.
func approved(t testing.TB) (pricing.Request, pricing.Verified, string) {
	t.Helper()
	r := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
	v, err := defaultPolicy().Approve(r, noAgent, noOrder, laowang, "ap-1", t0.Add(time.Hour))
	require.NoError(t, err)
	tok, err := v.Token(shopKey)
	require.NoError(t, err)
	return r, v, tok
}

// rule A3: an approval is granted by someone above for one order and one
// concession, and is used once.
func TestApprovalGrantedAndUsedOnce(t *testing.T) {
	p := pricing.DefaultPolicy()
	r, v, tok := approved(t)
	d, err := p.Review(r, noAgent, noOrder)
	require.NoError(t, err)
	require.Equal(t, order.NeedsApproval, d.Verdict)

	back, err := pricing.ParseToken(tok, shopKey)
	require.NoError(t, err)
	assert.Equal(t, v, back, "the token carries the approval exactly as Approve issued it")

	var s pricing.Store
	got, spent, err := s.Redeem(p, tok, shopKey, r, noAgent, noOrder)
	require.NoError(t, err)
	assert.Equal(t, "ap-1", got.ID())
	assert.Equal(t, pricing.Spent{ID: "ap-1", OrderID: "T2001", Expires: v.Approval().Expires, At: t0.UTC()}, spent)
	assert.True(t, s.Has("ap-1"))

	// The second use is refused and the store is as it was.
	_, _, err = s.Redeem(p, tok, shopKey, r, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrUsed)
	require.ErrorIs(t, err, order.ErrConflict)
	assert.Equal(t, 409, order.HTTPStatus(err))
	assert.Equal(t, 1, s.Len())
}

// rule A3: every way an approval can fail to cover a concession is
// refused with a matchable error of one class, and the store stays as it
// was.
func TestRedeemRefusals(t *testing.T) {
	p := pricing.DefaultPolicy()
	r, v, tok := approved(t)
	other := spec()
	other.ID = "T9999"
	otherOrder := order.MustNew(other)

	strict := pricing.DefaultPolicy()
	strict.Limits.TeamLeader.PriceCut = dec("0") // the team leader lost the authority

	raw, err := base64.RawURLEncoding.DecodeString(tok)
	require.NoError(t, err)
	edited := append([]byte(nil), raw...)
	edited[len(edited)-40] ^= 0x01 // a byte of the payload, before the 32-byte signature
	editedTok := base64.RawURLEncoding.EncodeToString(edited)
	foreign, err := v.Token(otherKey) // the same approval signed with another key
	require.NoError(t, err)

	cases := []struct {
		reason string
		policy pricing.Policy
		token  string
		key    []byte
		edit   func(*pricing.Request)
		err    error
		status int
	}{
		{"another order", p, tok, shopKey, func(r *pricing.Request) { r.Order = &otherOrder }, pricing.ErrWrongOrder, 403},
		{"another kind", p, tok, shopKey, func(r *pricing.Request) { r.Kind = pricing.Gift }, pricing.ErrWrongKind, 403},
		{"a larger amount", p, tok, shopKey, func(r *pricing.Request) { r.Amount = dec("5.01") }, pricing.ErrAmountExceeded, 403},
		{"another requester", p, tok, shopKey, func(r *pricing.Request) { r.Agent = agent("xiaohong", order.PreSales) }, pricing.ErrWrongRequester, 403},
		{"the requester in another role", p, tok, shopKey, func(r *pricing.Request) { r.Agent.Role = order.InSales }, pricing.ErrWrongRequester, 403},
		{"at the expiry", p, tok, shopKey, func(r *pricing.Request) { r.At = t0.Add(time.Hour) }, pricing.ErrExpired, 403},
		{"approver without the authority under the policy in force", strict, tok, shopKey, func(*pricing.Request) {}, pricing.ErrApproverAuthority, 403},
		{"signed with another key", p, foreign, shopKey, func(*pricing.Request) {}, pricing.ErrBadSignature, 403},
		{"verified with another key", p, tok, otherKey, func(*pricing.Request) {}, pricing.ErrBadSignature, 403},
		{"an edited byte", p, editedTok, shopKey, func(*pricing.Request) {}, pricing.ErrBadSignature, 403},
		{"a few characters", p, tok[:8], shopKey, func(*pricing.Request) {}, pricing.ErrMalformedToken, 422},
		{"not base64url", p, "ab+/==", shopKey, func(*pricing.Request) {}, pricing.ErrMalformedToken, 422},
		{"empty", p, "", shopKey, func(*pricing.Request) {}, pricing.ErrMalformedToken, 422},
		{"a short key", p, tok, []byte("secret"), func(*pricing.Request) {}, pricing.ErrWeakKey, 422},
		{"a malformed request", p, tok, shopKey, func(r *pricing.Request) { r.Agent.ID = "" }, pricing.ErrMissing, 422},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			req := r
			c.edit(&req)
			s, err := pricing.NewStore(pricing.Used{Approvals: []pricing.Spent{{ID: "ap-0", OrderID: "T2001", Expires: t0.Add(time.Hour), At: t0}}})
			require.NoError(t, err)
			got, spent, err := s.Redeem(c.policy, c.token, c.key, req, noAgent, noOrder)
			require.ErrorIs(t, err, c.err)
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.status, order.HTTPStatus(err))
			assert.True(t, got.IsZero())
			assert.Equal(t, pricing.Spent{}, spent)
			assert.Equal(t, 1, s.Len(), "store unchanged")
		})
	}
	// What the approval does cover: a smaller amount, a millisecond before
	// the expiry.
	req := r
	req.Amount, req.At = dec("4.50"), t0.Add(time.Hour-time.Millisecond)
	_, spent, err := p.Redeem(tok, shopKey, req, noAgent, noOrder)
	require.NoError(t, err)
	assert.Equal(t, req.At.UTC(), spent.At)
}

// rule A3: nobody approves their own request, only someone above with the
// authority does — refused when issuing, whatever the spelling of the
// IDs.
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
		{"no role", agent("x", order.RoleUnknown), pricing.ErrUnknownRole},
		{"above but without the authority", agent("after", order.AfterSales), pricing.ErrApproverAuthority},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			_, err := p.Approve(r, noAgent, noOrder, c.approver, "ap-9", exp)
			require.ErrorIs(t, err, c.err)
		})
	}
	_, err := p.Approve(r, noAgent, noOrder, boss, "ap-9", exp)
	require.NoError(t, err, "the store manager is above the team leader")
	_, err = p.Approve(r, noAgent, noOrder, laowang, "has space", exp)
	require.ErrorIs(t, err, pricing.ErrInvalidText)

	// Nobody may approve what is refused.
	big := request(xiaomei, heavy(), pricing.PriceCut, "300.00")
	_, err = p.Approve(big, noAgent, noOrder, boss, "ap-9", exp)
	require.ErrorIs(t, err, pricing.ErrApproverAuthority)
}

// rule A3, issue 10 #3: a look-alike spelling of the requester's ID is the
// requester. Full-width letters fold to the same ID (a self-approval);
// IDs with invisible, format or direction characters are refused as IDs,
// never cleaned into someone else.
func TestApproveLookAlikeIDs(t *testing.T) {
	p := pricing.DefaultPolicy()
	r := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
	exp := t0.Add(time.Hour)
	cases := []struct {
		reason string
		id     string
		err    error
	}{
		{"full width", "ｘｉａｏｍｅｉ", pricing.ErrSelfApproval},
		{"trailing space", "xiaomei ", pricing.ErrSelfApproval},
		{"hostile: a zero-width space", "xiaomei\u200b", pricing.ErrInvalidText},
		{"hostile: a soft hyphen", "xiao\u00admei", pricing.ErrInvalidText},
		{"hostile: a right-to-left override", "\u202exiaomei", pricing.ErrInvalidText},
		{"hostile: a zero-width joiner", "xiao\u200dmei", pricing.ErrInvalidText},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			_, err := p.Approve(r, noAgent, noOrder, agent(c.id, order.TeamLeader), "ap-9", exp)
			require.ErrorIs(t, err, c.err)
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, "approver.id", e.Field)

			// The same spellings as the requester's ID: a full-width
			// requester is xiaomei, who may not approve herself either.
			lr := r
			lr.Agent = agent(c.id, order.PreSales)
			_, err = p.Approve(lr, noAgent, noOrder, agent("xiaomei", order.TeamLeader), "ap-9", exp)
			require.ErrorIs(t, err, c.err)
		})
	}

	// Tokens carry canonical IDs: approved for "ｘｉａｏｍｅｉ", redeemed
	// by "xiaomei", the same person.
	fw := r
	fw.Agent = agent("ｘｉａｏｍｅｉ", order.PreSales)
	v, err := p.Approve(fw, noAgent, noOrder, agent("ｌａｏｗａｎｇ", order.TeamLeader), "ａｐ-1", exp)
	require.NoError(t, err)
	a := v.Approval()
	assert.Equal(t, "xiaomei", a.Requester.ID)
	assert.Equal(t, "laowang", a.Approver.ID)
	assert.Equal(t, "ap-1", a.ID)
	tok, err := v.Token(shopKey)
	require.NoError(t, err)
	_, _, err = p.Redeem(tok, shopKey, r, noAgent, noOrder)
	require.NoError(t, err)
}

// rule A3, issue 11 #1: an expiry given to Approve that is not after the request
// is the caller's input error (422); an approval used at its expiry is
// expired (403). Two sentinels, two classes.
func TestApproveExpiryIsInputExpiredIsForbidden(t *testing.T) {
	p := pricing.DefaultPolicy()
	r := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
	for _, c := range []struct {
		reason  string
		expires time.Time
		err     error
	}{
		{"at the request", t0, pricing.ErrInvalidExpiry},
		{"before it", t0.Add(-time.Minute), pricing.ErrInvalidExpiry},
		{"under a millisecond after it: rounded down to it", t0.Add(time.Microsecond), pricing.ErrInvalidExpiry},
		{"none", time.Time{}, pricing.ErrMissing},
		{"hostile: after year 9999", time.Date(20000, 1, 1, 0, 0, 0, 0, time.UTC), pricing.ErrInvalidTime},
	} {
		t.Run(c.reason, func(t *testing.T) {
			_, err := p.Approve(r, noAgent, noOrder, laowang, "ap-9", c.expires)
			require.ErrorIs(t, err, c.err)
			assert.False(t, errors.Is(err, pricing.ErrExpired))
			assert.Equal(t, 422, order.HTTPStatus(err))
		})
	}
	_, v, _ := approved(t)
	_, err := v.SpentAt(v.Approval().Expires)
	require.ErrorIs(t, err, pricing.ErrExpired)
	assert.Equal(t, 403, order.HTTPStatus(err))
}

// issue 11 #5: the expiry has one form — UTC to the millisecond — in what
// Approve returns, in what a token gives back, in JSON and in a Spent
// record, so stored values sort and compare.
func TestApprovalExpiryOneForm(t *testing.T) {
	p := pricing.DefaultPolicy()
	r := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
	exp := t0.Add(time.Hour + 1234567*time.Nanosecond) // +08:00, with nanoseconds
	v, err := p.Approve(r, noAgent, noOrder, laowang, "ap-1", exp)
	require.NoError(t, err)
	got := v.Approval().Expires
	assert.Equal(t, time.UTC, got.Location())
	assert.Equal(t, exp.UTC().Truncate(time.Millisecond), got)

	tok, err := v.Token(shopKey)
	require.NoError(t, err)
	back, err := pricing.ParseToken(tok, shopKey)
	require.NoError(t, err)
	assert.Equal(t, v, back)

	b, err := json.Marshal(v)
	require.NoError(t, err)
	var a pricing.Approval
	require.NoError(t, json.Unmarshal(b, &a))
	assert.Equal(t, v.Approval(), a)
	assert.Contains(t, string(b), `"expires":"2026-11-10T02:30:00.001Z"`)
}

// rule A3, issue 11 #5: an approval decoded from JSON, or built by hand, is not
// verified and cannot be redeemed by type: Covers, SpentAt, Token, Redeem
// and Store.Spend take a Verified, which only Approve and ParseToken
// build. Decoding JSON into a Verified is refused.
func TestEditedApprovalCannotBeRedeemed(t *testing.T) {
	_, v, _ := approved(t)
	b, err := json.Marshal(v)
	require.NoError(t, err)
	edited := strings.Replace(string(b), `"amount":"5.00"`, `"amount":"15.00"`, 1)
	require.NotEqual(t, string(b), edited)

	// The content decodes as an Approval, for display …
	var a pricing.Approval
	require.NoError(t, json.Unmarshal([]byte(edited), &a))
	assert.Equal(t, "15.00", a.Amount.StringFixed(2))
	// … but never as a Verified approval.
	var got pricing.Verified
	err = json.Unmarshal([]byte(edited), &got)
	require.ErrorIs(t, err, pricing.ErrInvalidJSON)
	assert.True(t, got.IsZero())
	// The zero Verified covers nothing and has no token.
	require.ErrorIs(t, got.Covers(pricing.ClaimOf(request(xiaomei, unpaid(), pricing.PriceCut, "15.00"))), pricing.ErrMissing)
	_, err = got.Token(shopKey)
	require.ErrorIs(t, err, pricing.ErrMissing)
	var s pricing.Store
	_, err = s.Spend(got, t0)
	require.ErrorIs(t, err, pricing.ErrMissing)
	assert.Equal(t, 0, s.Len())
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
			_, _, errs[i] = s.Redeem(p, tok, shopKey, r, noAgent, noOrder)
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
	assert.Equal(t, 1, s.Len())

	// A refused redemption leaves the store as it was.
	_, _, err := s.Redeem(p, tok[:len(tok)-2], shopKey, r, noAgent, noOrder)
	require.Error(t, err)
	assert.Equal(t, 1, s.Len())

	s2, err := pricing.NewStore(s.Used())
	require.NoError(t, err)
	_, _, err = s2.Redeem(p, tok, shopKey, r, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrUsed, "a store restored from its snapshot remembers")
}

// rule A3, issue 10 #5: an approval is used once, and forgetting expired
// approvals is safe whatever At a caller
// passes. After Prune forgot a spent approval, a redemption backdated to
// before its expiry is refused, as expired; an approval never spent but
// expired by the horizon is refused too; one that expires later is not.
func TestStorePruneThenBackdatedReplay(t *testing.T) {
	p := pricing.DefaultPolicy()
	r, _, tok := approved(t) // expires t0+1h
	var s pricing.Store
	_, _, err := s.Redeem(p, tok, shopKey, r, noAgent, noOrder)
	require.NoError(t, err)

	s.Prune(t0.Add(2 * time.Hour))
	assert.Equal(t, 0, s.Len(), "forgotten")
	assert.False(t, s.Has("ap-1"))

	for _, at := range []time.Time{t0, t0.Add(30 * time.Minute), t0.Add(-time.Hour)} {
		back := r
		back.At = at // hostile: backdated
		_, _, err = s.Redeem(p, tok, shopKey, back, noAgent, noOrder)
		require.ErrorIs(t, err, pricing.ErrExpired, "at %s", at)
		assert.Equal(t, 0, s.Len())
	}
	// A prune to an earlier time does not move the horizon back.
	s.Prune(t0)
	_, _, err = s.Redeem(p, tok, shopKey, r, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrExpired)

	// The horizon survives a snapshot.
	s2, err := pricing.NewStore(s.Used())
	require.NoError(t, err)
	_, _, err = s2.Redeem(p, tok, shopKey, r, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrExpired)

	// An approval expiring after the horizon is still good, once.
	later := request(xiaomei, unpaid(), pricing.PriceCut, "5.00")
	v, err := p.Approve(later, noAgent, noOrder, laowang, "ap-2", t0.Add(3*time.Hour))
	require.NoError(t, err)
	lt, err := v.Token(shopKey)
	require.NoError(t, err)
	_, _, err = s.Redeem(p, lt, shopKey, later, noAgent, noOrder)
	require.NoError(t, err)
	_, _, err = s.Redeem(p, lt, shopKey, later, noAgent, noOrder)
	require.ErrorIs(t, err, pricing.ErrUsed)
}

// Prune forgets exactly the approvals expired at now, in any order of
// spending.
func TestStorePruneByExpiry(t *testing.T) {
	var u pricing.Used
	for i, min := range []int{50, 10, 40, 20, 30} {
		u.Approvals = append(u.Approvals, pricing.Spent{ID: "ap-" + string(rune('a'+i)), OrderID: "T1",
			Expires: t0.Add(time.Duration(min) * time.Minute), At: t0})
	}
	s, err := pricing.NewStore(u)
	require.NoError(t, err)
	s.Prune(t0.Add(30 * time.Minute)) // expired at now: 10, 20, 30
	assert.Equal(t, 2, s.Len())
	for id, held := range map[string]bool{"ap-a": true, "ap-b": false, "ap-c": true, "ap-d": false, "ap-e": false} {
		assert.Equal(t, held, s.Has(id), id)
	}
	snap := s.Used()
	require.Len(t, snap.Approvals, 2)
	assert.Equal(t, "ap-c", snap.Approvals[0].ID, "in order of expiry")
	assert.Equal(t, t0.Add(30*time.Minute).UTC(), snap.PrunedTo)
	s.Prune(t0.Add(time.Hour))
	assert.Equal(t, 0, s.Len())
	assert.Nil(t, s.Used().Approvals)
}

// Malformed snapshots are errors, not an empty store.
func TestNewStoreRefusesMalformed(t *testing.T) {
	good := pricing.Spent{ID: "ap-1", OrderID: "T1", Expires: t0.Add(time.Hour), At: t0}
	cases := []struct {
		reason string
		u      pricing.Used
		field  string
	}{
		{"an ID twice", pricing.Used{Approvals: []pricing.Spent{good, good}}, "approvals[1].id"},
		{"no ID", pricing.Used{Approvals: []pricing.Spent{{OrderID: "T1", Expires: t0, At: t0.Add(-1)}}}, "approvals[0].id"},
		{"no expiry", pricing.Used{Approvals: []pricing.Spent{{ID: "a", OrderID: "T1", At: t0}}}, "approvals[0].expires"},
		{"used after its expiry", pricing.Used{Approvals: []pricing.Spent{{ID: "a", OrderID: "T1", Expires: t0, At: t0}}}, "approvals[0].at"},
		{"hostile: an invisible character in an ID", pricing.Used{Approvals: []pricing.Spent{{ID: "a\u200b", OrderID: "T1", Expires: t0, At: t0.Add(-1)}}}, "approvals[0].id"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			_, err := pricing.NewStore(c.u)
			require.ErrorIs(t, err, pricing.ErrInvalidState)
			var e *pricing.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			require.ErrorIs(t, c.u.Validate(), pricing.ErrInvalidState)
		})
	}
}

func TestApprovalJSON(t *testing.T) {
	_, v, _ := approved(t)
	b, err := json.Marshal(v.Approval())
	require.NoError(t, err)
	assert.Contains(t, string(b), `"amount":"5.00"`)
	assert.Contains(t, string(b), `"kind":"price_cut"`)
	var back pricing.Approval
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v.Approval(), back)

	// Hostile: a self-approval stored by hand, a misspelled field, an
	// amount below the fen; back stays as it was.
	bad := v.Approval()
	bad.ID, bad.Approver = "ap-bad", bad.Requester
	raw, err := json.Marshal(bad)
	require.NoError(t, err)
	require.ErrorIs(t, json.Unmarshal(raw, &back), pricing.ErrSelfApproval)
	for in, want := range map[string]error{
		strings.Replace(string(b), `"amount"`, `"amuont"`, 1):       pricing.ErrUnknownField,
		strings.Replace(string(b), `"5.00"`, `"5.001"`, 1):          pricing.ErrInvalidAmount,
		strings.Replace(string(b), `"id":"ap-1"`, `"id":"ap 1"`, 1): pricing.ErrInvalidText,
		`{"id":"ap-1"}`:             pricing.ErrMissing,      // every field is required: a partial approval is refused
		`{"id":"ap-1","id":"ap-2"}`: pricing.ErrUnknownField, // one key twice: which one is the approval's?
		strings.Replace(string(b), `"id":"ap-1"`, `"ID":"ap-1"`, 1): pricing.ErrUnknownField, // a spelling encoding/json folds to "id"
	} {
		require.ErrorIs(t, json.Unmarshal([]byte(in), &back), want, in)
	}
	assert.Equal(t, v.Approval(), back, "unchanged on error")
}

// Approval.Validate refuses every malformed field of an approval's
// content.
func TestApprovalValidate(t *testing.T) {
	_, v, _ := approved(t)
	good := v.Approval()
	long := strings.Repeat("a", 65)
	cases := []struct {
		reason string
		edit   func(*pricing.Approval)
		err    error
	}{
		{"no ID", func(a *pricing.Approval) { a.ID = "" }, pricing.ErrMissing},
		{"ID too long", func(a *pricing.Approval) { a.ID = long }, pricing.ErrInvalidText},
		{"control character in the order ID", func(a *pricing.Approval) { a.OrderID = "T1\x00" }, pricing.ErrInvalidText},
		{"invalid UTF-8 in a name", func(a *pricing.Approval) { a.Approver.Name = "\xff" }, pricing.ErrInvalidText},
		{"hostile: a megabyte name", func(a *pricing.Approval) { a.Approver.Name = strings.Repeat("名", 1<<18) }, pricing.ErrInvalidText},
		{"unknown kind", func(a *pricing.Approval) { a.Kind = 0 }, pricing.ErrUnknownKind},
		{"zero amount", func(a *pricing.Approval) { a.Amount = dec("0") }, pricing.ErrInvalidAmount},
		{"below the fen", func(a *pricing.Approval) { a.Amount = dec("0.001") }, pricing.ErrInvalidAmount},
		{"unknown requester role", func(a *pricing.Approval) { a.Requester.Role = 0 }, pricing.ErrUnknownRole},
		{"unknown approver role", func(a *pricing.Approval) { a.Approver.Role = 99 }, pricing.ErrUnknownRole},
		{"a peer approves", func(a *pricing.Approval) { a.Approver.Role = a.Requester.Role }, pricing.ErrApproverRank},
		{"a full-width self-approval", func(a *pricing.Approval) { a.Approver.ID = "ｘｉａｏｍｅｉ" }, pricing.ErrSelfApproval},
		{"no expiry", func(a *pricing.Approval) { a.Expires = time.Time{} }, pricing.ErrMissing},
		{"an expiry after year 9999", func(a *pricing.Approval) { a.Expires = time.Date(300000, 1, 1, 0, 0, 0, 0, time.UTC) }, pricing.ErrInvalidTime},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			a := good
			c.edit(&a)
			require.ErrorIs(t, a.Validate(), c.err)
		})
	}
	_, err := v.Token([]byte("short"))
	require.ErrorIs(t, err, pricing.ErrWeakKey)
	_, err = pricing.ParseToken("x", nil)
	require.ErrorIs(t, err, pricing.ErrWeakKey)
	_, err = pricing.ParseToken(string(make([]byte, 5000)), shopKey)
	require.ErrorIs(t, err, pricing.ErrMalformedToken, "too long")

	// Spending: a zero time, an expired approval.
	_, err = v.SpentAt(time.Time{})
	require.ErrorIs(t, err, pricing.ErrMissing)
	_, err = v.SpentAt(good.Expires)
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

// Spent records decode strictly and say what a backend answers when its
// unique key refuses a second insert.
func TestSpentJSONAndAlreadyUsed(t *testing.T) {
	_, v, _ := approved(t)
	s, err := v.SpentAt(t0)
	require.NoError(t, err)
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"ap-1","order_id":"T2001","expires":"2026-11-10T02:30:00Z","at":"2026-11-10T01:30:00Z"}`, string(b))
	var back pricing.Spent
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"id":"ap-1","order_id":"T2001","expires":"2026-11-10T02:30:00Z","at":"2026-11-10T01:30:00Z","used":true}`), &back), pricing.ErrUnknownField)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"id":"ap-1","order_id":"T2001","at":"2026-11-10T01:30:00Z"}`), &back), pricing.ErrInvalidState)
	assert.Equal(t, s, back)

	err = s.AlreadyUsed()
	require.ErrorIs(t, err, pricing.ErrUsed)
	assert.Equal(t, 409, order.HTTPStatus(err))
	assert.EqualError(t, err, `pricing: id "ap-1": approval already used: an approval is used once`)

	var u pricing.Used
	require.NoError(t, json.Unmarshal([]byte(`{"approvals":[`+string(b)+`],"pruned_to":"2026-11-10T00:00:00Z"}`), &u))
	assert.Equal(t, pricing.Used{Approvals: []pricing.Spent{s}, PrunedTo: time.Date(2026, 11, 10, 0, 0, 0, 0, time.UTC)}, u)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"approvals":[`+string(b)+`,`+string(b)+`]}`), &u), pricing.ErrInvalidState)
	require.ErrorIs(t, json.Unmarshal([]byte(`{"spent":[]}`), &u), pricing.ErrUnknownField)
	assert.Len(t, u.Approvals, 1, "unchanged on error")
}
