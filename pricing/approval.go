package pricing

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"slices"
	"strconv"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Approval is a superior's consent to one concession (rule A3): it binds
// one order, one kind and amount (the most that may be given), the
// requester, the approver and an expiry. It is a plain value; the backend
// chooses its ID, which makes it single use (see [Used]). The zero
// Approval is not valid; [Policy.Approve] issues valid ones.
//
// An approval travels as a token signed with HMAC-SHA256 under a shop key
// ([Approval.Token], [ParseToken]), so that one passing through a browser
// or a queue cannot be forged or edited. Nothing in an approval depends on
// how [Policy.Review] reached its decision: packages built on pricing use
// [Approval.Covers] and [Used] directly.
type Approval struct {
	// ID identifies the approval, e.g. a random 128-bit hex string from
	// the backend: 1 to 64 bytes without spaces.
	ID        string          `json:"id"`
	OrderID   string          `json:"order_id"`
	Kind      Kind            `json:"kind"`
	Amount    decimal.Decimal `json:"amount"`
	Requester order.Agent     `json:"requester"`
	Approver  order.Agent     `json:"approver"`
	// Expires is the first instant at which the approval no longer holds.
	// Tokens carry it to the millisecond.
	Expires time.Time `json:"expires"`
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
	c := Claim{Kind: r.Kind, Amount: r.Amount, Requester: r.Agent, At: r.At}
	if r.Order != nil {
		c.OrderID = r.Order.ID()
	}
	return c
}

// maxID and maxName bound the text an approval carries, in bytes.
const (
	maxID   = 64
	maxName = 200
)

// Validate checks that a is well formed: IDs of 1 to 64 bytes without
// spaces, names of at most 200 bytes of valid UTF-8, a known kind, a
// positive amount with at most two decimals, known roles, an expiry; and
// rule A3: the approver is not the requester and is above the requester.
// The error is an [*Error] wrapping [ErrMissing], [ErrInvalidText], [ErrUnknownRole],
// [ErrUnknownKind], [ErrInvalidAmount], [ErrSelfApproval] or
// [ErrApproverRank].
func (a Approval) Validate() error {
	for _, f := range [...]struct{ name, v string }{
		{"id", a.ID}, {"order_id", a.OrderID}, {"requester.id", a.Requester.ID}, {"approver.id", a.Approver.ID},
	} {
		if err := checkID(f.name, f.v); err != nil {
			return err
		}
	}
	for _, f := range [...]struct{ name, v string }{{"requester.name", a.Requester.Name}, {"approver.name", a.Approver.Name}} {
		if len(f.v) > maxName || !utf8.ValidString(f.v) {
			return fieldErr(f.name, f.v, ErrInvalidText, "at most "+strconv.Itoa(maxName)+" bytes of UTF-8")
		}
	}
	if !a.Kind.IsValid() {
		return fieldErr("kind", a.Kind.String(), ErrUnknownKind, "")
	}
	if _, err := positive("amount", a.Amount); err != nil {
		return err
	}
	if !a.Requester.Role.IsValid() {
		return fieldErr("requester.role", a.Requester.Role.String(), ErrUnknownRole, "")
	}
	if !a.Approver.Role.IsValid() {
		return fieldErr("approver.role", a.Approver.Role.String(), ErrUnknownRole, "")
	}
	if a.Expires.IsZero() {
		return fieldErr("expires", "", ErrMissing, "")
	}
	if !inYears(a.Expires) {
		return timeErr("expires", a.Expires)
	}
	if a.Approver.ID == a.Requester.ID {
		return fieldErr("approver.id", a.Approver.ID, ErrSelfApproval, "nobody approves their own request (rule A3)")
	}
	if !a.Approver.Role.Above(a.Requester.Role) {
		return fieldErr("approver.role", a.Approver.Role.String(), ErrApproverRank,
			"not above "+a.Requester.Role.String()+" (rule A3)")
	}
	return nil
}

func checkID(field, s string) error {
	if s == "" {
		return fieldErr(field, s, ErrMissing, "")
	}
	if len(s) > maxID {
		return fieldErr(field, s, ErrInvalidText, "1 to "+strconv.Itoa(maxID)+" bytes of UTF-8")
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf {
			ascii = false
		} else if c <= ' ' || c == 0x7f {
			return fieldErr(field, s, ErrInvalidText, "an ID has no spaces or control characters")
		}
	}
	if ascii {
		return nil // the common case, checked without decoding runes
	}
	if !utf8.ValidString(s) {
		return fieldErr(field, s, ErrInvalidText, "1 to "+strconv.Itoa(maxID)+" bytes of UTF-8")
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return fieldErr(field, s, ErrInvalidText, "an ID has no spaces or control characters")
		}
	}
	return nil
}

// Covers checks that a covers claim c: it is well formed ([Approval.Validate]:
// no self-approval, an approver above the requester), for the claim's
// order, kind and requester, for at least the claimed amount, and not
// expired at c.At. The error is an [*Error] wrapping the sentinel of the
// first check that fails: [ErrSelfApproval], [ErrApproverRank],
// [ErrWrongOrder], [ErrWrongKind], [ErrWrongRequester],
// [ErrInvalidAmount], [ErrAmountExceeded], [ErrMissing] or [ErrExpired].
// Covers does not check the approver's authority under a policy (see
// [Policy.Redeem]) nor single use (see [Used.Spend]).
func (a Approval) Covers(c Claim) error {
	if err := a.Validate(); err != nil {
		return err
	}
	switch {
	case c.OrderID != a.OrderID:
		return fieldErr("order_id", c.OrderID, ErrWrongOrder, "approved for "+strconv.Quote(a.OrderID))
	case c.Kind != a.Kind:
		return fieldErr("kind", c.Kind.String(), ErrWrongKind, "approved for "+a.Kind.String())
	case c.Requester.ID != a.Requester.ID || c.Requester.Role != a.Requester.Role:
		return fieldErr("requester.id", c.Requester.ID, ErrWrongRequester,
			"approved for "+strconv.Quote(a.Requester.ID)+" as "+a.Requester.Role.String())
	}
	want, err := positive("amount", c.Amount)
	if err != nil {
		return err
	}
	if have, _ := yuan.Fen(a.Amount); want > have {
		return fieldErr("amount", amountText(c.Amount), ErrAmountExceeded, "approved up to "+yuan.Format(have))
	}
	if c.At.IsZero() {
		return fieldErr("at", "", ErrMissing, "")
	}
	if !c.At.Before(a.Expires) {
		return fieldErr("at", c.At.Format(time.RFC3339), ErrExpired, "expired at "+a.Expires.Format(time.RFC3339))
	}
	return nil
}

// Approve returns the approval by approver of request r, given the usage
// so far, with the backend's id and an expiry. It refuses what a
// redemption would refuse, so that no unusable approval is issued: a
// malformed request ([Policy.Review]'s errors), a self-approval, an
// approver not above the requester ([ErrApproverRank]) or without the
// authority the review asks for ([ErrApproverAuthority]: below
// [Decision.Approver], or a request nobody may grant), an expiry not
// after r.At ([ErrExpired]).
func (p Policy) Approve(r Request, u Usage, approver order.Agent, id string, expires time.Time) (Approval, error) {
	a := Approval{ID: id, Kind: r.Kind, Amount: r.Amount, Requester: r.Agent, Approver: approver, Expires: expires}
	if r.Order != nil {
		a.OrderID = r.Order.ID()
	}
	if n, ok := yuan.Normalize(r.Amount); ok {
		a.Amount = n
	}
	if err := p.checkApprover(r, u, approver); err != nil {
		return Approval{}, err
	}
	if err := a.Validate(); err != nil {
		return Approval{}, err
	}
	if !expires.After(r.At) {
		return Approval{}, fieldErr("expires", expires.Format(time.RFC3339), ErrExpired, "not after the request")
	}
	return a, nil
}

// checkApprover checks that approver may approve r under p.
func (p *Policy) checkApprover(r Request, u Usage, approver order.Agent) error {
	d, err := p.Review(r, u)
	if err != nil {
		return err
	}
	if approver.ID == r.Agent.ID {
		return fieldErr("approver.id", approver.ID, ErrSelfApproval, "nobody approves their own request (rule A3)")
	}
	if !approver.Role.Above(r.Agent.Role) {
		return fieldErr("approver.role", approver.Role.String(), ErrApproverRank,
			"not above "+r.Agent.Role.String()+" (rule A3)")
	}
	switch d.Verdict {
	case Refused:
		return fieldErr("approver.role", approver.Role.String(), ErrApproverAuthority,
			"nobody may grant it: "+d.Reasons.String())
	case NeedsApproval:
		if approver.Role < d.Approver {
			return fieldErr("approver.role", approver.Role.String(), ErrApproverAuthority,
				"needs "+d.Approver.String()+" or above: "+d.Reasons.String())
		}
	}
	return nil
}

// Redeem verifies an approval token for request r and spends it: the
// token must be signed with key ([ParseToken]), cover r ([Approval.Covers]),
// name an approver with the authority the review of r under p and u asks
// for, and not be in used. It returns the approval and used with it
// added; on any error, used is returned as it was and the error is one of
// those of ParseToken, Covers, [ErrApproverAuthority] or [ErrUsed].
//
// The backend stores the returned [Used] in the same transaction as the
// concession it records, so that the approval cannot be spent twice.
func (p Policy) Redeem(token string, key []byte, r Request, u Usage, used Used) (Approval, Used, error) {
	a, err := ParseToken(token, key)
	if err != nil {
		return Approval{}, used, err
	}
	if err := a.Covers(ClaimOf(r)); err != nil {
		return Approval{}, used, err
	}
	if err := p.checkApprover(r, u, a.Approver); err != nil {
		return Approval{}, used, err
	}
	next, err := used.Spend(a, r.At)
	if err != nil {
		return Approval{}, used, err
	}
	return a, next, nil
}

// Used is the explicit record of approvals already spent, which makes
// approvals single use. The backend stores it (or one per order) as a
// plain value; methods never modify it but return a new one.
type Used struct {
	Approvals []Spent `json:"approvals,omitempty"`
}

// Spent is one spent approval.
type Spent struct {
	ID      string    `json:"id"`
	OrderID string    `json:"order_id"`
	Expires time.Time `json:"expires"`
	At      time.Time `json:"at"` // when it was spent
}

// Has reports whether the approval with the given ID was spent.
func (u Used) Has(id string) bool {
	for i := range u.Approvals {
		if u.Approvals[i].ID == id {
			return true
		}
	}
	return false
}

// Spend returns u with approval a spent at time at. An approval already in
// u is an error wrapping [ErrUsed], one expired at at wraps [ErrExpired];
// u is never modified.
func (u Used) Spend(a Approval, at time.Time) (Used, error) {
	if u.Has(a.ID) {
		return u, fieldErr("id", a.ID, ErrUsed, "an approval is used once")
	}
	if at.IsZero() {
		return u, fieldErr("at", "", ErrMissing, "")
	}
	if !at.Before(a.Expires) {
		return u, fieldErr("at", at.Format(time.RFC3339), ErrExpired, "expired at "+a.Expires.Format(time.RFC3339))
	}
	next := append(slices.Clone(u.Approvals), Spent{ID: a.ID, OrderID: a.OrderID, Expires: a.Expires, At: at})
	return Used{Approvals: next}, nil
}

// Prune returns u without the approvals expired at now: an expired
// approval never verifies again, so forgetting it is safe.
func (u Used) Prune(now time.Time) Used {
	keep := make([]Spent, 0, len(u.Approvals))
	for _, s := range u.Approvals {
		if now.Before(s.Expires) {
			keep = append(keep, s)
		}
	}
	return Used{Approvals: keep}
}

// Store is an optional in-memory [Used] for single-process backends. It
// is safe for concurrent use: of two goroutines redeeming the same
// approval, exactly one succeeds. The zero Store is empty and ready.
type Store struct {
	mu   sync.Mutex
	used Used
}

// NewStore returns a store holding u.
func NewStore(u Used) *Store { return &Store{used: Used{Approvals: slices.Clone(u.Approvals)}} }

// Redeem is [Policy.Redeem] against the store's record; on error the store
// is unchanged.
func (s *Store) Redeem(p Policy, token string, key []byte, r Request, u Usage) (Approval, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, next, err := p.Redeem(token, key, r, u, s.used)
	if err != nil {
		return Approval{}, err
	}
	s.used = next
	return a, nil
}

// Prune drops approvals expired at now; see [Used.Prune].
func (s *Store) Prune(now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.used = s.used.Prune(now)
}

// Used returns a copy of the store's record, for persisting.
func (s *Store) Used() Used {
	s.mu.Lock()
	defer s.mu.Unlock()
	return Used{Approvals: slices.Clone(s.used.Approvals)}
}

// MinKeyLen is the shortest shop key [Approval.Token] and [ParseToken]
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

// Token returns a signed with key as a compact base64url token (no
// padding): a binary encoding of the approval followed by its
// HMAC-SHA256. The expiry is carried to the millisecond. A key shorter
// than [MinKeyLen] is an error wrapping [ErrWeakKey]; an approval that
// does not pass [Approval.Validate] is refused with its error.
func (a Approval) Token(key []byte) (string, error) {
	if len(key) < MinKeyLen {
		return "", fieldErr("key", "", ErrWeakKey, "at least "+strconv.Itoa(MinKeyLen)+" bytes")
	}
	if err := a.Validate(); err != nil {
		return "", err
	}
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

// ParseToken verifies and decodes a token made by [Approval.Token] with
// the same key. The signature is checked in constant time before anything
// is decoded. Errors: [ErrWeakKey] for a short key; [ErrMalformedToken]
// for text that is not base64url, too short or too long to be a token, or
// content that does not decode; [ErrBadSignature] for a token edited,
// truncated or signed with another key; and the error of
// [Approval.Validate] for a signed approval that is not valid (which
// [Approval.Token] never makes). ParseToken never panics, whatever the
// input.
func ParseToken(token string, key []byte) (Approval, error) {
	if len(key) < MinKeyLen {
		return Approval{}, fieldErr("key", "", ErrWeakKey, "at least "+strconv.Itoa(MinKeyLen)+" bytes")
	}
	if len(token) > maxTokenLen {
		return Approval{}, fieldErr("token", hint(token), ErrMalformedToken, "longer than "+strconv.Itoa(maxTokenLen)+" characters")
	}
	// The decoder skips line breaks; a token has none, so that every
	// approval has exactly one token.
	raw, err := base64.RawURLEncoding.Strict().DecodeString(token)
	if err != nil || !base64URL(token) {
		return Approval{}, fieldErr("token", hint(token), ErrMalformedToken, "not base64url")
	}
	if len(raw) < 1+macLen {
		return Approval{}, fieldErr("token", hint(token), ErrMalformedToken, "too short")
	}
	payload, mac := raw[:len(raw)-macLen], raw[len(raw)-macLen:]
	if !hmac.Equal(mac, sign(key, payload)) {
		return Approval{}, fieldErr("token", hint(token), ErrBadSignature, "")
	}
	a, ok := decodeApproval(payload)
	if !ok {
		return Approval{}, fieldErr("token", hint(token), ErrMalformedToken, "content does not decode")
	}
	if err := a.Validate(); err != nil {
		return Approval{}, err
	}
	return a, nil
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
	ID        string      `json:"id"`
	OrderID   string      `json:"order_id"`
	Kind      Kind        `json:"kind"`
	Amount    fixed       `json:"amount"`
	Requester order.Agent `json:"requester"`
	Approver  order.Agent `json:"approver"`
	Expires   time.Time   `json:"expires"`
}

// MarshalJSON encodes the amount as text with two decimals ("5.00").
func (a Approval) MarshalJSON() ([]byte, error) {
	return json.Marshal(approvalJSON{a.ID, a.OrderID, a.Kind, fixed(a.Amount), a.Requester, a.Approver, a.Expires})
}

// UnmarshalJSON decodes what MarshalJSON encodes and checks it with
// [Approval.Validate]; on error a is left unchanged. Only a token proves
// that an approval was given: JSON is for the backend's own storage.
func (a *Approval) UnmarshalJSON(b []byte) error {
	var w approvalJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	n := Approval{w.ID, w.OrderID, w.Kind, decimal.Decimal(w.Amount), w.Requester, w.Approver, w.Expires}
	if err := n.Validate(); err != nil {
		return err
	}
	*a = n
	return nil
}
