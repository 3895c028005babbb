package auth_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/backend/internal/auth"
	"github.com/kefu-go/kefu/order"
)

var (
	key = []byte("0123456789abcdef0123456789abcdef")
	now = time.Date(2026, 11, 10, 10, 0, 0, 0, time.UTC)
)

func TestSignVerify(t *testing.T) {
	tok, err := auth.Sign(key, auth.Claims{Kind: auth.Staff, ID: "ｘｉａｏｍｅｉ ", Name: "小美", Role: order.PreSales, Expires: now.Add(time.Hour)})
	require.NoError(t, err)
	c, err := auth.Verify(key, tok, auth.Staff, now)
	require.NoError(t, err)
	assert.Equal(t, "xiaomei", c.ID, "the identity rule applies where the ID enters")
	assert.Equal(t, order.PreSales, c.Role)

	for _, tc := range []struct {
		reason string
		token  string
		key    []byte
		kind   string
		at     time.Time
	}{
		{"another key", tok, []byte("another key, 32 bytes long ......"), auth.Staff, now},
		{"another kind", tok, key, auth.Buyer, now},
		{"expired", tok, key, auth.Staff, now.Add(time.Hour)},
		// hostile rows:
		{"no signature", strings.Split(tok, ".")[0], key, auth.Staff, now},
		{"a signature edited", tok[:len(tok)-1] + "A", key, auth.Staff, now},
		{"a payload edited", "x" + tok[1:], key, auth.Staff, now},
		{"too long", tok + strings.Repeat("A", 2000), key, auth.Staff, now},
		{"empty", "", key, auth.Staff, now},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			_, err := auth.Verify(tc.key, tc.token, tc.kind, tc.at)
			require.ErrorIs(t, err, auth.ErrInvalid)
		})
	}
}

// TestVerifyAcceptsOneSpellingOfAToken: Verify accepts the text Sign wrote
// and no other spelling of the same signature bytes — encoding/base64 skips
// '\r' and '\n' anywhere and, without Strict, ignores the spare low bits of
// the last character, so decoding before comparing let one token pass under
// many strings (FuzzVerify found a newline inside the signature).
func TestVerifyAcceptsOneSpellingOfAToken(t *testing.T) {
	tok, err := auth.Sign(key, auth.Claims{Kind: auth.Buyer, ID: "tb_1", Expires: now.Add(time.Hour)})
	require.NoError(t, err)
	_, err = auth.Verify(key, tok, auth.Buyer, now)
	require.NoError(t, err)

	p, sig, _ := strings.Cut(tok, ".")
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	last := strings.IndexByte(alphabet, sig[len(sig)-1])
	require.GreaterOrEqual(t, last, 0)
	// 32 bytes in 43 characters: the last one carries 2 spare bits.
	spare := p + "." + sig[:len(sig)-1] + string(alphabet[last^1])
	for _, tc := range []struct{ reason, token string }{
		{"a newline inside the signature", p + "." + sig[:10] + "\n" + sig[10:]},
		{"a carriage return inside the signature", p + "." + sig[:10] + "\r" + sig[10:]},
		{"a trailing newline", tok + "\n"},
		{"a newline after the dot", p + ".\n" + sig},
		{"the last character's spare bits set", spare},
		{"standard base64 padding", tok + "="},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			_, err := auth.Verify(key, tc.token, auth.Buyer, now)
			require.ErrorIs(t, err, auth.ErrInvalid)
		})
	}
}

func TestSignRefuses(t *testing.T) {
	for _, tc := range []struct {
		reason string
		c      auth.Claims
	}{
		{"no expiry", auth.Claims{Kind: auth.Staff, ID: "a", Role: order.InSales}},
		{"no role nor department", auth.Claims{Kind: auth.Staff, ID: "a", Expires: now}},
		{"a role and a department", auth.Claims{Kind: auth.Staff, ID: "a", Role: order.InSales, Dept: order.Finance, Expires: now}},
		{"an unknown kind", auth.Claims{Kind: "admin", ID: "a", Expires: now}},
		// hostile: an ID the identity rule refuses is refused, not cleaned.
		{"a zero-width space", auth.Claims{Kind: auth.Buyer, ID: "tb\u200b1", Expires: now}},
		{"a direction override", auth.Claims{Kind: auth.Staff, ID: "\u202eadmin", Role: order.StoreManager, Expires: now}},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			_, err := auth.Sign(key, tc.c)
			require.Error(t, err)
		})
	}
}

func TestDeriveSeparatesPurposes(t *testing.T) {
	assert.NotEqual(t, auth.Derive(key, "staff tokens"), auth.Derive(key, "approval tokens"))
	assert.Len(t, auth.Derive(key, "x"), 32)
}

// FuzzVerify: Verify never panics, and what it accepts was signed.
func FuzzVerify(f *testing.F) {
	tok, _ := auth.Sign(key, auth.Claims{Kind: auth.Buyer, ID: "tb_1", Expires: now.Add(time.Hour)})
	f.Add(tok)       // a valid token
	f.Add("e30.")    // an empty payload, no signature
	f.Add("." + tok) // an empty payload
	f.Add(strings.Repeat("A", 1025))
	f.Fuzz(func(t *testing.T, s string) {
		c, err := auth.Verify(key, s, auth.Buyer, now)
		if err == nil && s != tok {
			t.Fatalf("accepted %q as %+v", s, c)
		}
	})
}
