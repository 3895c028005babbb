package pricing_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// FuzzApprovalToken checks that decoding arbitrary text never panics, that
// only tokens made with the shop key verify, and that a verified token
// re-signs to itself (the encoding is canonical).
func FuzzApprovalToken(f *testing.F) {
	a := pricing.Approval{ID: "ap-1", OrderID: "T2001", Kind: pricing.PriceCut, Amount: dec("5.00"),
		Requester: agent("xiaomei", order.PreSales), Approver: agent("laowang", order.TeamLeader),
		Expires: time.Date(2026, 11, 10, 10, 30, 0, 0, time.UTC)}
	good, err := a.Token(shopKey)
	if err != nil {
		f.Fatal(err)
	}
	foreign, _ := a.Token(otherKey)
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
			return
		}
		if s != good && s != foreign {
			// Anything else that verifies must be a token the key made:
			// re-signing the decoded approval gives the same text.
			again, err := got.Token(shopKey)
			if err != nil {
				t.Fatalf("verified approval does not re-sign: %v", err)
			}
			if again != s {
				t.Fatalf("verified token %q is not canonical: re-signed %q", s, again)
			}
		}
		if s == foreign {
			t.Fatalf("a token signed with another key verified")
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
		a := pricing.Approval{ID: id, OrderID: "T2001", Kind: pricing.Gift, Amount: dec("1.00"),
			Requester: agent("xiaomei", order.PreSales), Approver: agent("laowang", order.TeamLeader), Expires: t0}
		tok, err := a.Token(shopKey)
		if err != nil {
			t.Fatal(err)
		}
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

// FuzzReview checks that Review never panics on hostile requests and
// usage, that an error comes with the zero decision, and that a decision
// is internally consistent: an approver exactly when approval is needed,
// above the requester, and a suggested kind (rule P2) one the agent may
// give alone.
func FuzzReview(f *testing.F) {
	f.Add("5.00", uint8(order.PreSales), uint8(pricing.PriceCut), uint8(0), 0, 0, "")             // needs approval
	f.Add("0.50", uint8(order.InSales), uint8(pricing.EraseChange), uint8(0), 3, 0, "2026-11-10") // daily limit
	f.Add("-1", uint8(9), uint8(0), uint8(7), -1, -1, "xx")                                       // hostile everywhere
	f.Add("1e400", uint8(order.StoreManager), uint8(pricing.Gift), uint8(pricing.Oversold), 0, 2, "2026-13-99")
	p := pricing.DefaultPolicy()
	o := unpaid()
	f.Fuzz(func(t *testing.T, amount string, role, kind, cause uint8, erases, changes int, day string) {
		amt, err := decimalOrZero(amount)
		if err != nil {
			return
		}
		r := pricing.Request{Agent: order.Agent{ID: "a", Role: order.Role(role)}, Order: o, Kind: pricing.Kind(kind),
			Amount: amt, At: t0, Cause: pricing.Cause(cause)}
		u := pricing.Usage{Day: day, Erases: erases, PriceChanges: changes}
		d, err := p.Review(r, u)
		if err != nil {
			if d != (pricing.Decision{}) {
				t.Fatalf("error %v with decision %+v", err, d)
			}
			return
		}
		if (d.Verdict == pricing.NeedsApproval) != (d.Approver != order.RoleUnknown) {
			t.Fatalf("verdict %v with approver %v", d.Verdict, d.Approver)
		}
		if d.Verdict == pricing.NeedsApproval && !d.Approver.Above(r.Agent.Role) {
			t.Fatalf("approver %v not above %v", d.Approver, r.Agent.Role)
		}
		if !d.Verdict.IsValid() {
			t.Fatalf("no verdict: %+v", d)
		}
		// Rule P2: a suggested kind is one the agent may give alone.
		if d.Suggest != pricing.KindUnknown {
			alt := r
			alt.Kind = d.Suggest
			ad, err := p.Review(alt, u)
			if err != nil || ad.Verdict != pricing.Allowed {
				t.Fatalf("suggested %v is not allowed alone: %+v, %v", d.Suggest, ad, err)
			}
		}
		// Record never half-applies.
		if n, err := p.Record(u, r); err != nil && n != u {
			t.Fatalf("usage changed on error: %+v -> %+v", u, n)
		}
	})
}

func decimalOrZero(s string) (d decimal.Decimal, err error) {
	if len(s) > 40 {
		return decimal.Decimal{}, errors.New("too long")
	}
	return decimal.NewFromString(s)
}
