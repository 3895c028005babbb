package pricing_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// FuzzApprovalToken checks that decoding arbitrary text never panics, that
// only tokens made with the shop key verify, and that a verified token
// re-signs to itself (the encoding is canonical).
func FuzzApprovalToken(f *testing.F) {
	_, v, good := approved(f)
	foreign, _ := v.Token(otherKey)
	raw, _ := base64.RawURLEncoding.DecodeString(good)
	for _, s := range []string{
		good,                         // a valid token
		foreign,                      // signed with another key
		good[:len(good)-1],           // truncated
		good[:len(good)/2],           // half
		good + "A",                   // one character more
		good[:20] + "\n" + good[20:], // a line break, which base64 decoders skip
		"",                           // empty
		"ab+/==",                     // standard base64, not base64url
		"\x00\xff",                   // binary
		base64.RawURLEncoding.EncodeToString(raw[:len(raw)-32]), // payload without signature
		base64.RawURLEncoding.EncodeToString(bytes.Repeat([]byte{0xff}, 64)),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := pricing.ParseToken(s, shopKey)
		if err != nil {
			if !got.IsZero() {
				t.Fatalf("error %v with an approval", err)
			}
			return
		}
		if s == foreign {
			t.Fatalf("a token signed with another key verified")
		}
		// Anything that verifies is a token the key made: re-signing the
		// decoded approval gives the same text.
		again, err := got.Token(shopKey)
		if err != nil {
			t.Fatalf("verified approval does not re-sign: %v", err)
		}
		if again != s {
			t.Fatalf("verified token %q is not canonical: re-signed %q", s, again)
		}
		if _, err := pricing.ParseToken(s, otherKey); err == nil {
			t.Fatalf("token %q verifies under two keys", s)
		}
	})
}

// A token whose last character differs only in the unused low bits of the
// base64 encoding is another text for the same bytes: refused, so that
// every approval has exactly one token.
func TestParseTokenStrictBase64(t *testing.T) {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	checked := 0
	for _, id := range []string{"ap-1", "ap-12", "ap-123", "ap-1234"} {
		r := request(xiaomei, unpaid(), pricing.Gift, "1.00")
		tok := tokenFor(t, r, id, t0.Add(time.Hour))
		if len(tok)%4 == 0 {
			continue // no unused bits
		}
		checked++
		last := bytes.IndexByte([]byte(alphabet), tok[len(tok)-1])
		for i := 1; i < 4; i++ {
			alt := tok[:len(tok)-1] + string(alphabet[last^i])
			if _, err := pricing.ParseToken(alt, shopKey); err == nil {
				t.Fatalf("%q verified as well as %q", alt, tok)
			}
		}
	}
	if checked == 0 {
		t.Fatal("no token with unused bits was checked")
	}
}

// fullWidth spells the printable ASCII of s with full-width forms
// (U+FF01…U+FF5E), as an IME may type them.
func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r > ' ' && r < 0x7f {
			r += 0xFF01 - '!'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FuzzIdentityOnePerson pairs an ID with other spellings of it — full
// width, decomposed (NFD), compatibility forms, padded with spaces — and
// with look-alikes made with invisible, format or direction characters,
// and requires that no two spellings of one person count as two people
// (issue 10 #3, rule A3): a spelling that normalises to the requester is
// a self-approval, a look-alike is refused as an ID, and a token approved
// for one spelling is redeemed by another.
func FuzzIdentityOnePerson(f *testing.F) {
	for _, s := range []string{"xiaomei", "李四", "Li-3", "zhang.san", "ａｂｃ", "é", "ﬁ", "①"} {
		f.Add(s, uint8(0))
	}
	invisible := []string{"\u200b", "\u200c", "\u200d", "\u00ad", "\u202e", "\u2066", "\ufeff", "\u034f", "\ufe0f", "\x00"}
	p := pricing.DefaultPolicy()
	o := unpaid()
	f.Fuzz(func(t *testing.T, id string, pick uint8) {
		canon, err := order.CanonicalID(id)
		if err != nil {
			return
		}
		r := pricing.Request{Agent: order.Agent{ID: id, Role: order.PreSales}, Order: o, Kind: pricing.PriceCut,
			Amount: dec("5.00"), At: t0}
		// Other spellings of the same person.
		for _, alt := range []string{fullWidth(id), norm.NFD.String(id), norm.NFKD.String(canon), " " + id + " ", canon} {
			if c, err := order.CanonicalID(alt); err != nil || c != canon {
				continue // not a spelling the identity rule folds (say, NFD of a character NFKC changes)
			}
			_, err := p.Approve(r, noAgent, noOrder, order.Agent{ID: alt, Role: order.TeamLeader}, "ap-1", t0.Add(time.Hour))
			if !errors.Is(err, pricing.ErrSelfApproval) {
				t.Fatalf("%q approving %q: %v, want a self-approval", alt, id, err)
			}
		}
		// Look-alikes: an invisible character inside or around the ID.
		inv := invisible[int(pick)%len(invisible)]
		pos := int(pick) % (len(id) + 1)
		for pos > 0 && pos < len(id) && !utf8RuneStart(id[pos]) {
			pos--
		}
		look := id[:pos] + inv + id[pos:]
		_, err = p.Approve(r, noAgent, noOrder, order.Agent{ID: look, Role: order.TeamLeader}, "ap-1", t0.Add(time.Hour))
		if err == nil {
			t.Fatalf("look-alike %q of %q approved", look, id)
		}
		// A token approved for one spelling is redeemed by another: one
		// person.
		v, err := p.Approve(r, noAgent, noOrder, laowang, "ap-1", t0.Add(time.Hour))
		if err != nil {
			return // laowang himself, by some spelling
		}
		tok, err := v.Token(shopKey)
		if err != nil {
			t.Fatal(err)
		}
		fw := r
		fw.Agent.ID = fullWidth(id)
		if c, err := order.CanonicalID(fw.Agent.ID); err == nil && c == canon {
			if _, _, err := p.Redeem(tok, shopKey, fw, noAgent, noOrder); err != nil {
				t.Fatalf("%q redeeming %q's approval: %v", fw.Agent.ID, id, err)
			}
		}
	})
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// FuzzReview checks that Review never panics on hostile requests and
// usage, that the prepared policy ([pricing.Prepare]) reviews alike,
// that an error comes with the zero decision, and that a decision
// is internally consistent: an approver exactly when approval is needed,
// above the requester, and a suggested kind (rule P2) one the agent may
// give alone.
func FuzzReview(f *testing.F) {
	f.Add("5.00", uint8(order.PreSales), uint8(pricing.PriceCut), uint8(0), 0, 0, "")             // needs approval
	f.Add("0.50", uint8(order.InSales), uint8(pricing.EraseChange), uint8(0), 3, 0, "2026-11-10") // daily limit
	f.Add("-1", uint8(9), uint8(0), uint8(7), -1, -1, "xx")                                       // hostile everywhere
	f.Add("1e400", uint8(order.StoreManager), uint8(pricing.Gift), uint8(pricing.Oversold), 0, 2, "2026-13-99")
	f.Add("500.00", uint8(order.TeamLeader), uint8(pricing.Postage), uint8(0), 0, 0, "") // exceeds the postage
	p := pricing.DefaultPolicy()
	pp, err := pricing.Prepare(p)
	if err != nil {
		f.Fatal(err)
	}
	o := unpaid()
	f.Fuzz(func(t *testing.T, amount string, role, kind, cause uint8, erases, changes int, day string) {
		amt, err := decimalOrZero(amount)
		if err != nil {
			return
		}
		r := pricing.Request{Agent: order.Agent{ID: "a", Role: order.Role(role)}, Order: o, Kind: pricing.Kind(kind),
			Amount: amt, At: t0, Cause: pricing.Cause(cause)}
		au := pricing.AgentUsage{AgentID: "a", Day: day, Erases: erases}
		ou := pricing.OrderUsage{OrderID: o.ID(), PriceChanges: changes}
		d, err := p.Review(r, au, ou)
		// The prepared policy reviews alike, error for error.
		if pd, perr := pp.Review(r, au, ou); pd != d || (perr == nil) != (err == nil) || perr != nil && perr.Error() != err.Error() {
			t.Fatalf("prepared %+v, %v; policy %+v, %v", pd, perr, d, err)
		}
		if err != nil {
			if d != (pricing.Decision{}) {
				t.Fatalf("error %v with decision %+v", err, d)
			}
			if order.HTTPStatus(err) != 422 {
				t.Fatalf("a malformed request is invalid input: %v", err)
			}
			return
		}
		if (d.Verdict == order.NeedsApproval) != (d.Approver != order.RoleUnknown) {
			t.Fatalf("verdict %v with approver %v", d.Verdict, d.Approver)
		}
		if d.Verdict == order.NeedsApproval && !d.Approver.Above(r.Agent.Role) {
			t.Fatalf("approver %v not above %v", d.Approver, r.Agent.Role)
		}
		if !d.Verdict.IsValid() {
			t.Fatalf("no verdict: %+v", d)
		}
		// Rule P2: a suggested kind is one the agent may give alone.
		if d.Suggest != pricing.KindUnknown {
			alt := r
			alt.Kind = d.Suggest
			ad, err := p.Review(alt, au, ou)
			if err != nil || ad.Verdict != order.Allowed {
				t.Fatalf("suggested %v is not allowed alone: %+v, %v", d.Suggest, ad, err)
			}
		}
		// Record never half-applies.
		if na, no, err := p.Record(r, au, ou); err != nil && (na != au || no != ou) {
			t.Fatalf("usage changed on error: %+v %+v -> %+v %+v", au, ou, na, no)
		}
	})
}

// FuzzPreparePricing builds a policy from the fuzzer's numbers — each
// role's authority the one below's plus a step (fen, basis points), so
// that rule A1 holds unless a step is negative — and checks that Prepare
// refuses exactly what Validate refuses, with its error, and that a
// prepared policy reviews a request as the policy does.
func FuzzPreparePricing(f *testing.F) {
	f.Add(int64(0), int64(1000), int64(0), int64(0), int64(1000), int64(100), uint8(3), uint8(order.TeamLeader), uint8(order.PreSales), uint8(pricing.PriceCut), int64(500), 0, 0)
	f.Add(int64(500), int64(0), int64(500), int64(250), int64(0), int64(0), uint8(0), uint8(order.StoreManager), uint8(order.TeamLeader), uint8(pricing.EraseChange), int64(50), 3, 1)
	f.Add(int64(-1), int64(1), int64(1), int64(20000), int64(1), int64(10001), uint8(1), uint8(0), uint8(9), uint8(0), int64(0), -1, -1)
	o := unpaid()
	f.Fuzz(func(t *testing.T, gift, postage, cut, cutBP, stepAmount, eraseBP int64, times, approver, role, kind uint8,
		amount int64, erases, changes int) {
		p := pricing.DefaultPolicy()
		p.Approver = order.Role(approver)
		p.Limits.EraseTimesPerDay, p.Limits.ErasePercent = int(times), decimal.New(eraseBP, -2)
		for i, r := range order.Roles() {
			a := p.Limits.For(r)
			step := int64(i) * stepAmount
			a.Gift, a.Postage, a.PriceCut = decimal.New(gift+step, -2), decimal.New(postage+step, -2), decimal.New(cut+step, -2)
			a.PriceCutPercent = decimal.New(min(cutBP+int64(i), 10000), -2)
		}
		want := p.Validate()
		pp, err := pricing.Prepare(p)
		if want != nil {
			if err == nil || err.Error() != want.Error() {
				t.Fatalf("Prepare: %v, Validate: %v", err, want)
			}
			return
		}
		if err != nil {
			t.Fatalf("Prepare refuses a valid policy: %v", err)
		}
		r := pricing.Request{Agent: order.Agent{ID: "a", Role: order.Role(role)}, Order: o, Kind: pricing.Kind(kind),
			Amount: decimal.New(amount, -2), At: t0}
		au := pricing.AgentUsage{AgentID: "a", Day: "2026-11-10", Erases: erases}
		ou := pricing.OrderUsage{OrderID: o.ID(), PriceChanges: changes}
		d, derr := p.Review(r, au, ou)
		pd, perr := pp.Review(r, au, ou)
		if pd != d || (perr == nil) != (derr == nil) || perr != nil && perr.Error() != derr.Error() {
			t.Fatalf("prepared %+v, %v; policy %+v, %v", pd, perr, d, derr)
		}
	})
}

func decimalOrZero(s string) (d decimal.Decimal, err error) {
	if len(s) > 40 {
		return decimal.Decimal{}, errors.New("too long")
	}
	return decimal.NewFromString(s)
}

// decoders are the package's JSON decoders, by the type decoded into.
var decoders = []func() any{
	func() any { p := pricing.DefaultPolicy(); return &p },
	func() any { return new(pricing.Decision) },
	func() any { return new(pricing.Request) },
	func() any { return new(pricing.AgentUsage) },
	func() any { return new(pricing.OrderUsage) },
	func() any { return new(pricing.Approval) },
	func() any { return new(pricing.Spent) },
	func() any { return new(pricing.Used) },
	func() any { return new(pricing.Difference) },
	func() any { return new(pricing.Promotion) },
	func() any { return new(pricing.ReasonSet) },
}

// FuzzDecodeJSON feeds arbitrary JSON to every decoder of the package
// (issue 11 #3): none panics; an error is a pricing or order *Error of
// the invalid-input class (or, for an Approval, the forbidden refusals
// Validate makes, rule A3) and leaves the target as it was; and what
// decodes encodes and decodes back to the same value.
func FuzzDecodeJSON(f *testing.F) {
	for _, s := range []string{
		`{"zone":"+09:00","approver":"store_manager","limits":{"team_leader":{"gift":"80.00"}}}`,
		`{"verdict":"needs_approval","approver":"team_leader","reasons":["beyond_authority"],"kind":"price_cut","amount":"5.00","limit":"0.00"}`,
		`{"order_id":"T2001","kind":"price_cut","amount":"5.00"}`,
		`{"agent_id":"zhang","day":"2026-11-11","erases":2,"version":3}`,
		`{"order_id":"T2001","price_changes":1,"version":1}`,
		`{"id":"ap-1","order_id":"T2001","kind":"gift","amount":"1.00","requester":{"id":"a","name":"","role":"pre_sales"},"approver":{"id":"b","name":"","role":"team_leader"},"expires":"2026-11-10T02:30:00Z"}`,
		`{"id":"ap-1","order_id":"T2001","expires":"2026-11-10T02:30:00Z","at":"2026-11-10T01:30:00Z"}`,
		`{"approvals":[],"pruned_to":"2026-11-10T00:00:00Z"}`,
		`{"order_id":"T2001","payer":"shop","via":"transfer","amount":"10.01","confirmed_at":"2026-11-10T01:30:00Z"}`,
		`{"name":"d11","sku":"TEA-02","price":"49.00","start":"2026-11-11T00:00:00+08:00","end":"2026-11-12T00:00:00+08:00"}`,
		`["beyond_authority","ships_free"]`,
		`{"amount":` + strings.Repeat("9", 100) + `}`, // hostile: a long number
		`{"amount":"5.001"}`, `null`, `{}`, `[]`, `{"a":1}`,
	} {
		for i := range decoders {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, b []byte) {
		v := decoders[int(which)%len(decoders)]()
		before := reflect.ValueOf(v).Elem().Interface()
		err := json.Unmarshal(b, v)
		if err != nil {
			var e *pricing.Error
			if !errors.As(err, &e) {
				var se *json.SyntaxError
				if errors.As(err, &se) {
					return // encoding/json refuses what is not JSON before any decoder runs
				}
				t.Fatalf("%T: not a kefu error: %v", v, err)
			}
			_, isApproval := v.(*pricing.Approval)
			switch {
			case order.HTTPStatus(err) == 422:
			case isApproval && (errors.Is(err, pricing.ErrSelfApproval) || errors.Is(err, pricing.ErrApproverRank)):
				// Approval.UnmarshalJSON checks what Validate checks: a
				// stored approval its requester granted, or one granted
				// from below, is refused as forbidden (rule A3).
			default:
				t.Fatalf("%T: bad JSON is invalid input: %v", v, err)
			}
			if !reflect.DeepEqual(before, reflect.ValueOf(v).Elem().Interface()) {
				t.Fatalf("%T changed on error %v", v, err)
			}
			return
		}
		if string(bytes.TrimSpace(b)) == "null" {
			return // null has no effect (encoding/json's rule); a zero value may not encode
		}
		out, err := json.Marshal(v)
		if err != nil {
			if _, ok := v.(*pricing.Policy); ok {
				return // a policy decodes unvalidated; one Validate refuses may not encode
			}
			t.Fatalf("%T decoded %s but does not encode: %v", v, b, err)
		}
		back := decoders[int(which)%len(decoders)]()
		if err := json.Unmarshal(out, back); err != nil {
			t.Fatalf("%T: %s does not decode back: %v", v, out, err)
		}
		again, err := json.Marshal(back)
		if err != nil || !bytes.Equal(out, again) {
			t.Fatalf("%T: %s re-encodes as %s (%v)", v, out, again, err)
		}
	})
}
