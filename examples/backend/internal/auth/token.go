// Package auth is the reference backend's sign-in: a small signed token
// that says who calls — a member of staff (an order.Agent: ID, name, role)
// or a buyer (a platform account ID) — until when.
//
// It is deliberately simple, so that the rest of the backend can show where
// identity comes from (the token, never the request body) without an
// identity provider. REPLACE IT in a real shop: with the shop's single
// sign-on (OIDC), or session cookies from the shop's staff directory; it has
// no revocation, no rotation and no audience.
//
// A token is base64url(payload) "." base64url(HMAC-SHA256(key, payload)),
// where payload is the JSON of Claims. Verify checks the length, then the
// signature in constant time, and only then reads the payload. A token has
// one spelling: Verify accepts exactly the text Sign wrote, byte for byte.
package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/kefu-go/kefu/order"
)

// Kinds of caller.
const (
	Staff = "staff"
	Buyer = "buyer"
)

// Claims is what a token says.
type Claims struct {
	Kind string `json:"kind"` // Staff or Buyer
	// ID is the staff ID or the buyer's platform account ID, canonical
	// (order.CanonicalID).
	ID   string     `json:"id"`
	Name string     `json:"name,omitempty"`
	Role order.Role `json:"role,omitzero"` // customer service staff
	// Dept is the department of staff outside customer service (finance,
	// warehouse …), who hold no order.Role: they acknowledge hand-offs.
	Dept    order.Department `json:"dept,omitzero"`
	Expires time.Time        `json:"exp"`
}

// Agent returns the member of staff the claims name.
func (c Claims) Agent() order.Agent { return order.Agent{ID: c.ID, Name: c.Name, Role: c.Role} }

// maxToken bounds a token's length: a hostile header costs a length check.
const maxToken = 1024

// ErrInvalid is a token that is malformed, forged or expired. The backend
// answers it 401 and says no more.
var ErrInvalid = errors.New("auth: invalid or expired token")

// Sign returns the token of c under key. A staff member's identity passes
// order.Agent.Normalize, a buyer's ID order.CanonicalID, so every token
// carries canonical IDs.
func Sign(key []byte, c Claims) (string, error) {
	switch {
	case c.Kind == Staff && !c.Dept.IsValid():
		a, err := c.Agent().Normalize()
		if err != nil {
			return "", err
		}
		c.ID, c.Name = a.ID, a.Name
	case c.Kind == Staff && c.Role == order.RoleUnknown, c.Kind == Buyer:
		id, err := order.CanonicalID(c.ID)
		if err != nil {
			return "", err
		}
		c.ID = id
		if c.Kind == Buyer {
			c.Role, c.Dept = order.RoleUnknown, order.DepartmentUnknown
		}
	default:
		return "", fmt.Errorf("auth: kind %q with role %q and department %q", c.Kind, c.Role, c.Dept)
	}
	if c.Expires.IsZero() {
		return "", errors.New("auth: a token needs an expiry")
	}
	c.Expires = c.Expires.UTC().Truncate(time.Second)
	payload, err := json.Marshal(c)
	if err != nil {
		return "", err
	}
	p := base64.RawURLEncoding.EncodeToString(payload)
	return p + "." + base64.RawURLEncoding.EncodeToString(mac(key, p)), nil
}

// Verify returns the claims of token if key signed it, its kind is want and
// it has not expired at now; anything else is ErrInvalid.
func Verify(key []byte, token, want string, now time.Time) (Claims, error) {
	if len(token) > maxToken {
		return Claims{}, ErrInvalid
	}
	p, s, ok := strings.Cut(token, ".")
	if !ok {
		return Claims{}, ErrInvalid
	}
	// The signature is compared as text, with the one encoding Sign
	// writes: decoding it first would accept other spellings of the same
	// bytes (encoding/base64 skips '\r' and '\n' anywhere, and RawURL
	// without Strict ignores the last character's spare bits), so one
	// signed token would have many accepted spellings.
	if !hmac.Equal([]byte(s), []byte(base64.RawURLEncoding.EncodeToString(mac(key, p)))) {
		return Claims{}, ErrInvalid
	}
	payload, err := base64.RawURLEncoding.DecodeString(p)
	if err != nil {
		return Claims{}, ErrInvalid
	}
	var c Claims
	if err := json.Unmarshal(payload, &c); err != nil || c.Kind != want || !now.Before(c.Expires) {
		return Claims{}, ErrInvalid
	}
	if c.Kind == Staff && c.Role.IsValid() == c.Dept.IsValid() {
		return Claims{}, ErrInvalid // exactly one of a role and a department
	}
	if id, err := order.CanonicalID(c.ID); err != nil || id != c.ID {
		return Claims{}, ErrInvalid
	}
	return c, nil
}

func mac(key []byte, payload string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(payload))
	return m.Sum(nil)
}

// Derive returns a key for one purpose from the shop's secret, so that the
// staff tokens and the approval tokens of package pricing never share a key:
// a token of one kind can never pass for the other.
func Derive(secret []byte, purpose string) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte("kefu backend v1: " + purpose))
	return m.Sum(nil)
}
