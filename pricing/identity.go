package pricing

import (
	"errors"
	"strconv"
	"strings"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/order"
)

// maxName bounds an agent's name, in bytes once normalised, as
// [order.Agent.Normalize] does; maxRawName bounds it as given, so that a
// megabyte of text is refused before any normalisation (NFKC and width
// folding never shrink text fourfold).
const (
	maxName    = 200
	maxRawName = 4 * maxName
)

// canonID applies kefu's identity rule ([order.CanonicalID]) to an ID
// entering pricing; the error names field.
func canonID(field, s string) (string, error) {
	if canonicalASCII(s) {
		return s, nil
	}
	id, err := order.CanonicalID(s)
	if err != nil {
		return "", relabel(field, "id", err)
	}
	return id, nil
}

// canonAgent returns a in canonical form ([order.Agent.Normalize]): the
// ID by the identity rule, the name normalised; the error names field
// ("approver.id", "agent.role" …).
func canonAgent(field string, a order.Agent) (order.Agent, error) {
	if len(a.Name) > maxRawName {
		return order.Agent{}, fieldErr(field+".name", a.Name, ErrInvalidText, "longer than "+strconv.Itoa(maxName)+" bytes")
	}
	if canonicalAgent(&a) {
		return a, nil
	}
	n, err := a.Normalize()
	if err != nil {
		return order.Agent{}, relabel(field, "agent", err)
	}
	return n, nil
}

// canonicalAgent reports whether *a is already what canonAgent returns
// — a canonical ASCII ID, a name in normal form ([normalName]), a valid
// role — so that it needs neither Normalize's Unicode passes nor a copy.
func canonicalAgent(a *order.Agent) bool {
	return canonicalASCII(a.ID) && normalName(a.Name) && a.Role.IsValid()
}

// relabel returns err, an error of package order about field from (or a
// subfield of it, "agent.id"), as a pricing [*Error] about field.
func relabel(field, from string, err error) error {
	var pe *Error
	if !errors.As(err, &pe) {
		return err
	}
	e := *pe
	e.Pkg = "pricing"
	e.Field = field + strings.TrimPrefix(e.Field, from)
	return &e
}

// canonicalASCII reports whether s is an ID that the identity rule
// returns unchanged and that is cheap to recognise: 1 to 64 bytes of
// printable ASCII without spaces (trimming, width folding and NFKC change
// none of them). The common case, checked without decoding runes.
func canonicalASCII(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// normalName reports whether s is a name that normalisation returns
// unchanged and that is cheap to recognise: at most 200 bytes of the
// plain alphabet ([textnorm.IsPlain]: printable ASCII and common Chinese
// characters, "小美" as much as "Xiao Mei", with single inner spaces and
// none at the ends).
func normalName(s string) bool { return len(s) <= maxName && textnorm.IsPlain(s) }
