package pricing

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Approval is a superior's consent to one concession (rule A3): it binds
// one order, one kind and amount (the most that may be given), the
// requester, the approver and an expiry. It is a plain value for display
// and storage: an Approval built by hand or decoded from JSON proves
// nothing and redeems nothing. Only a [Verified] approval — issued by
// [Policy.Approve] or read from its signed token by [ParseToken] — covers
// a concession.
//
// IDs are in canonical form ([order.CanonicalID]) and Expires is in UTC
// to the millisecond wherever kefu returns an approval, so stored values
// sort and compare.
type Approval struct {
	// ID identifies the approval, e.g. a random 128-bit hex string from
	// the backend: 1 to 64 bytes without spaces. It is the unique key that
	// makes the approval single use ([Spent]).
	ID        string          `json:"id"`
	OrderID   string          `json:"order_id"`
	Kind      Kind            `json:"kind"`
	Amount    decimal.Decimal `json:"amount"`
	Requester order.Agent     `json:"requester"`
	Approver  order.Agent     `json:"approver"`
	// Expires is the first instant at which the approval no longer holds,
	// in UTC to the millisecond.
	Expires time.Time `json:"expires"`
}

// Validate checks that a is well formed: IDs that pass kefu's identity
// rule, names of at most 200 bytes, a known kind, a positive amount with
// at most two decimals, known roles, an expiry in the years 1 to 9999;
// and rule A3: the approver is not the requester, under any spelling of
// the ID, and is above the requester. The error is an [*Error] wrapping
// [ErrMissing], [ErrInvalidText], [ErrUnknownRole], [ErrUnknownKind],
// [ErrInvalidAmount], [ErrInvalidTime], [ErrSelfApproval] or
// [ErrApproverRank].
func (a Approval) Validate() error {
	_, err := a.normalize()
	return err
}

// normalize returns a checked, with its IDs canonical, its amount to the
// fen and its expiry in UTC truncated to the millisecond (what a token
// carries).
func (a Approval) normalize() (Approval, error) {
	var err error
	if a.ID, err = canonID("id", a.ID); err != nil {
		return Approval{}, err
	}
	if a.OrderID, err = canonID("order_id", a.OrderID); err != nil {
		return Approval{}, err
	}
	if a.Requester, err = canonAgent("requester", a.Requester); err != nil {
		return Approval{}, err
	}
	if a.Approver, err = canonAgent("approver", a.Approver); err != nil {
		return Approval{}, err
	}
	if !a.Kind.IsValid() {
		return Approval{}, fieldErr("kind", a.Kind.String(), ErrUnknownKind, "")
	}
	fen, err := positive("amount", a.Amount)
	if err != nil {
		return Approval{}, err
	}
	a.Amount = yuan.Dec(fen)
	if a.Expires.IsZero() {
		return Approval{}, fieldErr("expires", "", ErrMissing, "")
	}
	if !inYears(a.Expires) {
		return Approval{}, timeErr("expires", a.Expires)
	}
	a.Expires = expiryForm(a.Expires)
	if a.Approver.ID == a.Requester.ID {
		return Approval{}, fieldErr("approver.id", a.Approver.ID, ErrSelfApproval, "nobody approves their own request (rule A3)")
	}
	if !a.Approver.Role.Above(a.Requester.Role) {
		return Approval{}, fieldErr("approver.role", a.Approver.Role.String(), ErrApproverRank,
			"not above "+a.Requester.Role.String()+" (rule A3)")
	}
	return a, nil
}

// expiryForm is the one form of an expiry: UTC, to the millisecond (what
// a token carries), rounded down so an approval never outlives what was
// granted.
func expiryForm(t time.Time) time.Time { return t.UTC().Truncate(time.Millisecond) }

// Verified is an approval known to be genuine: [Policy.Approve] issued it
// (or [Grant], for a refund) or [ParseToken] read it from a token signed
// with the shop key. Only those build one, so an approval decoded from JSON, built by hand or
// edited (its amount raised from 10.00 to 15.00) cannot be redeemed: the
// functions that spend an approval — [Verified.Covers],
// [Verified.SpentAt], [Policy.Redeem], [Store.Redeem], [Store.Spend] —
// take a Verified. It is an immutable value; the zero Verified is not an
// approval and covers nothing.
type Verified struct{ a Approval }

// Approval returns the approval's content, for display or storage.
func (v Verified) Approval() Approval { return v.a }

// ID returns the approval's ID, the unique key of its single use.
func (v Verified) ID() string { return v.a.ID }

// IsZero reports whether v is the zero Verified.
func (v Verified) IsZero() bool { return v.a.ID == "" }

// MarshalJSON encodes the approval's content, as [Approval.MarshalJSON].
func (v Verified) MarshalJSON() ([]byte, error) { return v.a.MarshalJSON() }

// UnmarshalJSON always fails: JSON proves nothing, and a verified
// approval is read from its token with [ParseToken]. The error wraps
// [ErrInvalidJSON]; decode into an [Approval] to read stored content.
func (v *Verified) UnmarshalJSON([]byte) error {
	return fieldErr("approval", "", ErrInvalidJSON, "a verified approval is read from its token with ParseToken, not from JSON")
}

// Claim is what a concession asks an approval to cover at the time it is
// given.
type Claim struct {
	OrderID   string
	Kind      Kind
	Amount    decimal.Decimal
	Requester order.Agent
	At        time.Time
}

// ClaimOf returns the claim of request r.
func ClaimOf(r Request) Claim {
	return Claim{OrderID: r.OrderID(), Kind: r.Kind, Amount: r.Amount, Requester: r.Agent, At: r.At}
}

// Covers checks that v covers claim c: for the claim's order, kind and
// requester (their IDs compared in canonical form, so "ｘｉａｏｍｅｉ" is
// "xiaomei"), for at least the claimed amount, and not expired at c.At.
// The error is an [*Error] wrapping the sentinel of the first check that
// fails: [ErrMissing] (the zero Verified, no time), [ErrInvalidText],
// [ErrWrongOrder], [ErrWrongKind], [ErrWrongRequester],
// [ErrInvalidAmount], [ErrAmountExceeded] or [ErrExpired]. Covers does
// not check the approver's authority under a policy (see [Policy.Redeem])
// nor single use (see [Spent]).
func (v Verified) Covers(c Claim) error {
	a := v.a
	if v.IsZero() {
		return fieldErr("approval", "", ErrMissing, "a Verified comes from Policy.Approve or ParseToken")
	}
	orderID, err := canonID("order_id", c.OrderID)
	if err != nil {
		return err
	}
	req, err := canonAgent("requester", c.Requester)
	if err != nil {
		return err
	}
	switch {
	case orderID != a.OrderID:
		return fieldErr("order_id", orderID, ErrWrongOrder, "approved for "+strconv.Quote(a.OrderID))
	case c.Kind != a.Kind:
		return fieldErr("kind", c.Kind.String(), ErrWrongKind, "approved for "+a.Kind.String())
	case req.ID != a.Requester.ID || req.Role != a.Requester.Role:
		return fieldErr("requester.id", req.ID, ErrWrongRequester,
			"approved for "+strconv.Quote(a.Requester.ID)+" as "+a.Requester.Role.String())
	}
	want, err := positive("amount", c.Amount)
	if err != nil {
		return err
	}
	if have, _ := yuan.Fen(a.Amount); want > have {
		return fieldErr("amount", yuan.Text(c.Amount), ErrAmountExceeded, "approved up to "+yuan.Format(have))
	}
	if c.At.IsZero() {
		return fieldErr("at", "", ErrMissing, "")
	}
	if !c.At.Before(a.Expires) {
		return fieldErr("at", c.At.UTC().Format(time.RFC3339Nano), ErrExpired, "expired at "+a.Expires.Format(time.RFC3339Nano))
	}
	return nil
}

// SpentAt returns the record of v used at time at: the row a backend
// inserts, under the unique key [Spent.ID], in the transaction that
// records the concession. A zero time is an error wrapping [ErrMissing],
// a time at or after the expiry [ErrExpired].
func (v Verified) SpentAt(at time.Time) (Spent, error) {
	if v.IsZero() {
		return Spent{}, fieldErr("approval", "", ErrMissing, "a Verified comes from Policy.Approve or ParseToken")
	}
	if at.IsZero() {
		return Spent{}, fieldErr("at", "", ErrMissing, "")
	}
	if !inYears(at) {
		return Spent{}, timeErr("at", at)
	}
	if !at.Before(v.a.Expires) {
		return Spent{}, fieldErr("at", at.UTC().Format(time.RFC3339Nano), ErrExpired, "expired at "+v.a.Expires.Format(time.RFC3339Nano))
	}
	return Spent{ID: v.a.ID, OrderID: v.a.OrderID, Expires: v.a.Expires, At: at.UTC()}, nil
}

// Approve returns the approval by approver of request r, given the
// agent's and the order's usage so far, with the backend's id and an
// expiry. The approver's ID, like the requester's, is read by kefu's
// identity rule, so a look-alike spelling of the requester
// ("ｘｉａｏｍｅｉ" for "xiaomei") is a self-approval and an ID with an
// invisible or direction character ("xiaomei\u200b", "\u202exiaomei") is
// refused. Approve refuses what a redemption would refuse, so that no
// unusable approval is issued:
//
//   - a malformed request or usage: [Policy.Review]'s errors;
//   - a self-approval ([ErrSelfApproval], forbidden), an approver not
//     above the requester ([ErrApproverRank]) or without the authority
//     the review asks for ([ErrApproverAuthority]: below
//     [Decision.Approver], or a request nobody may grant) — rule A3;
//   - an expiry that is zero ([ErrMissing]) or not after r.At
//     ([ErrInvalidExpiry], invalid input: the expiry given is bad, unlike
//     [ErrExpired], an approval used too late).
//
// The expiry is kept in UTC to the millisecond, rounded down — the form a
// token carries — so the approval returned and the one read back from its
// token are equal.
func (p Policy) Approve(r Request, au AgentUsage, ou OrderUsage, approver order.Agent, id string, expires time.Time) (Verified, error) {
	d, err := p.review(&r, au, ou)
	if err != nil {
		return Verified{}, err
	}
	if approver, err = canonAgent("approver", approver); err != nil {
		return Verified{}, err
	}
	if err := mayApprove(d, r.Agent, approver); err != nil {
		return Verified{}, err
	}
	if expires.IsZero() {
		return Verified{}, fieldErr("expires", "", ErrMissing, "")
	}
	if !inYears(expires) {
		return Verified{}, timeErr("expires", expires)
	}
	if e := expiryForm(expires); !e.After(r.At) {
		return Verified{}, fieldErr("expires", e.Format(time.RFC3339Nano), ErrInvalidExpiry,
			"not after the request at "+r.At.UTC().Format(time.RFC3339Nano))
	}
	a, err := Approval{ID: id, OrderID: r.Order.ID(), Kind: r.Kind, Amount: r.Amount,
		Requester: r.Agent, Approver: approver, Expires: expires}.normalize()
	if err != nil {
		return Verified{}, err
	}
	return Verified{a}, nil
}

// Grant returns a as a [Verified] approval, for a kind whose rules live
// outside this package: [Refund], whose policy — which refunds need
// whose approval — is package refund's. Grant checks a as
// [Approval.Validate] does (rule A3: nobody approves their own request,
// and the approver is above the requester) and returns it in its one form
// (canonical IDs, the expiry in UTC to the millisecond); the caller has
// checked that the approver's role may grant it, and whoever redeems it
// checks that again, as [Policy.Redeem] does for a concession. A
// concession kind is refused ([ErrUnknownKind]): its approval comes from
// [Policy.Approve], which reviews the concession first.
//
// The approval is then spent like any other: [Verified.Covers],
// [Verified.SpentAt], a unique [Spent] row or a [Store].
func Grant(a Approval) (Verified, error) {
	if a.Kind.Concession() {
		return Verified{}, fieldErr("kind", a.Kind.String(), ErrUnknownKind, "a concession is approved with Policy.Approve")
	}
	n, err := a.normalize()
	if err != nil {
		return Verified{}, err
	}
	return Verified{n}, nil
}

// mayApprove checks that approver (canonical) may approve the request of
// requester (canonical) that was reviewed as d.
func mayApprove(d Decision, requester, approver order.Agent) error {
	if approver.ID == requester.ID {
		return fieldErr("approver.id", approver.ID, ErrSelfApproval, "nobody approves their own request (rule A3)")
	}
	if !approver.Role.Above(requester.Role) {
		return fieldErr("approver.role", approver.Role.String(), ErrApproverRank,
			"not above "+requester.Role.String()+" (rule A3)")
	}
	switch d.Verdict {
	case order.Refused:
		return fieldErr("approver.role", approver.Role.String(), ErrApproverAuthority,
			"nobody may grant it: "+d.Reasons.String())
	case order.NeedsApproval:
		if approver.Role < d.Approver {
			return fieldErr("approver.role", approver.Role.String(), ErrApproverAuthority,
				"needs "+d.Approver.String()+" or above: "+d.Reasons.String())
		}
	}
	return nil
}

// Redeem verifies an approval token for request r and returns the
// approval and the record of its use at r.At: the token must be signed
// with key ([ParseToken]), cover r ([Verified.Covers]) and name an
// approver with the authority the review of r under p, au and ou asks
// for. The error is one of those of Review, ParseToken, Covers,
// [ErrSelfApproval], [ErrApproverRank] or [ErrApproverAuthority].
//
// Redeem does not know whether the approval was used before: single use
// is the backend's unique key. Insert the returned [Spent] row — keyed by
// Spent.ID, unique — in the transaction that records the concession
// ([Policy.Record]); when the insert hits the key, the approval was used
// already: roll back and answer [Spent.AlreadyUsed] (409). Two concurrent
// redemptions then cannot both commit, at any isolation level. A
// single-process backend can use a [Store] instead.
func (p Policy) Redeem(token string, key []byte, r Request, au AgentUsage, ou OrderUsage) (Verified, Spent, error) {
	v, err := ParseToken(token, key)
	if err != nil {
		return Verified{}, Spent{}, err
	}
	d, err := p.review(&r, au, ou)
	if err != nil {
		return Verified{}, Spent{}, err
	}
	if err := v.Covers(ClaimOf(r)); err != nil {
		return Verified{}, Spent{}, err
	}
	if err := mayApprove(d, r.Agent, v.a.Approver); err != nil {
		return Verified{}, Spent{}, err
	}
	s, err := v.SpentAt(r.At)
	if err != nil {
		return Verified{}, Spent{}, err
	}
	return v, s, nil
}

// MinKeyLen is the shortest shop key [Verified.Token] and [ParseToken]
// accept: 32 bytes, the size of an HMAC-SHA256 output.
const MinKeyLen = 32

// maxTokenLen bounds the tokens ParseToken reads.
const maxTokenLen = 2048

const (
	tokenVersion = 1
	macLen       = sha256.Size
	// tokenContext separates approval signatures from anything else a
	// shop might sign with the same key.
	tokenContext = "kefu/pricing approval v1\x00"
)

// Token returns v signed with key as a compact base64url token (no
// padding): a binary encoding of the approval followed by its
// HMAC-SHA256. The expiry is carried to the millisecond. A key shorter
// than [MinKeyLen] is an error wrapping [ErrWeakKey], and so is the zero
// Verified ([ErrMissing]). Only a verified approval is signed: an
// [Approval] built by hand has no token.
func (v Verified) Token(key []byte) (string, error) {
	if len(key) < MinKeyLen {
		return "", fieldErr("key", "", ErrWeakKey, "at least "+strconv.Itoa(MinKeyLen)+" bytes")
	}
	if v.IsZero() {
		return "", fieldErr("approval", "", ErrMissing, "a Verified comes from Policy.Approve or ParseToken")
	}
	a := v.a
	fen, _ := yuan.Fen(a.Amount)
	b := make([]byte, 0, 128)
	b = append(b, tokenVersion)
	b = appendString(b, a.ID)
	b = appendString(b, a.OrderID)
	b = append(b, byte(a.Kind))
	b = binary.AppendUvarint(b, uint64(fen))
	for _, ag := range [...]order.Agent{a.Requester, a.Approver} {
		b = appendString(b, ag.ID)
		b = appendString(b, ag.Name)
		b = append(b, byte(ag.Role))
	}
	b = binary.AppendVarint(b, a.Expires.UnixMilli())
	b = append(b, sign(key, b)...)
	return base64.RawURLEncoding.EncodeToString(b), nil
}

func sign(key, payload []byte) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(tokenContext))
	m.Write(payload)
	return m.Sum(nil)
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// ParseToken verifies and decodes a token made by [Verified.Token] with
// the same key and returns the approval as [Verified]. The length is
// checked first (at most 2,048 characters, so a megabyte of text costs
// nothing), then the signature, in constant time, before anything is
// decoded. Errors: [ErrWeakKey] for a short key; [ErrMalformedToken] for
// text that is not base64url, too short or too long to be a token, or
// content that does not decode; [ErrBadSignature] for a token edited,
// truncated or signed with another key; and the error of
// [Approval.Validate] for a signed approval that is not valid (which
// Token never makes). The approval comes back exactly as Approve issued
// it: canonical IDs, the expiry in UTC to the millisecond. ParseToken
// never panics, whatever the input.
func ParseToken(token string, key []byte) (Verified, error) {
	if len(key) < MinKeyLen {
		return Verified{}, fieldErr("key", "", ErrWeakKey, "at least "+strconv.Itoa(MinKeyLen)+" bytes")
	}
	if len(token) > maxTokenLen {
		return Verified{}, fieldErr("token", hint(token), ErrMalformedToken, "longer than "+strconv.Itoa(maxTokenLen)+" characters")
	}
	// The decoder skips line breaks; a token has none, so that every
	// approval has exactly one token.
	raw, err := base64.RawURLEncoding.Strict().DecodeString(token)
	if err != nil || !base64URL(token) {
		return Verified{}, fieldErr("token", hint(token), ErrMalformedToken, "not base64url")
	}
	if len(raw) < 1+macLen {
		return Verified{}, fieldErr("token", hint(token), ErrMalformedToken, "too short")
	}
	payload, mac := raw[:len(raw)-macLen], raw[len(raw)-macLen:]
	if !hmac.Equal(mac, sign(key, payload)) {
		return Verified{}, fieldErr("token", hint(token), ErrBadSignature, "")
	}
	a, ok := decodeApproval(payload)
	if !ok {
		return Verified{}, fieldErr("token", hint(token), ErrMalformedToken, "content does not decode")
	}
	a, err = a.normalize()
	if err != nil {
		return Verified{}, err
	}
	return Verified{a}, nil
}

// base64URL reports whether s holds only the base64url alphabet.
func base64URL(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// hint shortens a token for an error message: a token is a bearer
// credential, and error messages end up in logs.
func hint(token string) string {
	if len(token) <= 12 {
		return token
	}
	return token[:12] + "…"
}

// decoder reads a token payload; any read past the end sets bad.
type decoder struct {
	b   []byte
	bad bool
}

func (d *decoder) byte() byte {
	if len(d.b) == 0 {
		d.bad = true
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) varint() int64 {
	v, n := binary.Varint(d.b)
	if n <= 0 {
		d.bad = true
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) string() string {
	n := d.uvarint()
	if d.bad || n > uint64(len(d.b)) || n > maxName {
		d.bad = true
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func decodeApproval(p []byte) (Approval, bool) {
	d := decoder{b: p}
	if d.byte() != tokenVersion {
		return Approval{}, false
	}
	var a Approval
	a.ID = d.string()
	a.OrderID = d.string()
	a.Kind = Kind(d.byte())
	fen := d.uvarint()
	if fen > uint64(yuan.MaxFen) {
		return Approval{}, false
	}
	a.Amount = yuan.Dec(int64(fen))
	for _, ag := range [...]*order.Agent{&a.Requester, &a.Approver} {
		ag.ID = d.string()
		ag.Name = d.string()
		ag.Role = order.Role(d.byte())
	}
	ms := d.varint()
	if d.bad || len(d.b) != 0 {
		return Approval{}, false
	}
	a.Expires = time.UnixMilli(ms).UTC()
	return a, true
}

type approvalJSON struct {
	ID        string          `json:"id"`
	OrderID   string          `json:"order_id"`
	Kind      Kind            `json:"kind"`
	Amount    json.RawMessage `json:"amount"`
	Requester order.Agent     `json:"requester"`
	Approver  order.Agent     `json:"approver"`
	Expires   json.RawMessage `json:"expires"`
}

// MarshalJSON encodes the amount as text with two decimals ("5.00") and
// the expiry in RFC 3339:
//
//	{"id":"ap-1","order_id":"T3001","kind":"price_cut","amount":"5.00","requester":{…},"approver":{…},"expires":"2026-11-10T12:10:00Z"}
func (a Approval) MarshalJSON() ([]byte, error) {
	amount, err := fixed(a.Amount).MarshalJSON()
	if err != nil {
		return nil, err
	}
	expires, err := a.Expires.MarshalJSON()
	if err != nil {
		return nil, err
	}
	return json.Marshal(approvalJSON{a.ID, a.OrderID, a.Kind, amount, a.Requester, a.Approver, expires})
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly (a field an
// approval does not have is an error wrapping [ErrUnknownField]), checks
// it with [Approval.Validate] and keeps it in its one form: canonical IDs,
// the expiry in UTC to the millisecond. On error a is left unchanged.
// What JSON holds is only content: it is not a [Verified] approval and
// redeems nothing; only its token does.
func (a *Approval) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w approvalJSON
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	fen, err := fenJSON("amount", w.Amount)
	if err != nil {
		return err
	}
	expires, err := timeJSON("expires", w.Expires)
	if err != nil {
		return err
	}
	n, err := Approval{w.ID, w.OrderID, w.Kind, yuan.Dec(fen), w.Requester, w.Approver, expires}.normalize()
	if err != nil {
		return err
	}
	*a = n
	return nil
}
