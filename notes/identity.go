package notes

import (
	"errors"
	"strconv"
	"strings"

	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/order"
)

// maxAgentNameBytes bounds an agent's name as given, before it is
// normalised: four times the 200 bytes [order.Agent.Normalize] allows once
// normalised (width folding and NFKC never shrink text fourfold), so a
// megabyte of name is refused after a length check, not after NFKC.
const maxAgentNameBytes = 4 * 200

// normalizeAgent applies kefu's identity rule to a staff member where they
// enter the package ([order.Agent.Normalize]: the ID canonical, the name
// normalised, a known role), so that every later comparison is of
// canonical IDs. An error is an [*Error] for field.id, field.name or
// field.role wrapping order's sentinel ([ErrMissing], [ErrInvalidText],
// [order.ErrUnknownRole]).
func normalizeAgent(field string, a order.Agent) (order.Agent, error) {
	if len(a.Name) > maxAgentNameBytes {
		return order.Agent{}, fieldErr(field+".name", a.Name, ErrInvalidText,
			"longer than "+strconv.Itoa(maxAgentNameBytes)+" bytes")
	}
	n, err := a.Normalize()
	if err != nil {
		return order.Agent{}, refield(field, "agent", err)
	}
	return n, nil
}

// canonicalID applies the identity rule to a staff, buyer, order or
// promise ID ([order.CanonicalID]); an error is an [*Error] for field
// wrapping [ErrMissing] or [ErrInvalidText].
func canonicalID(field, s string) (string, error) {
	id, err := order.CanonicalID(s)
	if err != nil {
		return "", refield(field, "id", err)
	}
	return id, nil
}

// sameID reports whether a and b name one person or thing under the
// identity rule. An ID that the rule refuses equals nothing.
func sameID(a, b string) bool {
	if a == b {
		return a != ""
	}
	ca, err := order.CanonicalID(a)
	if err != nil {
		return false
	}
	cb, err := order.CanonicalID(b)
	return err == nil && ca == cb
}

// refield moves an error of package order about a value it calls prefix
// ("agent.id") under field ("handoff.from.id"), keeping its sentinel,
// value and detail.
func refield(field, prefix string, err error) error {
	var e *order.Error
	if !errors.As(err, &e) {
		return err
	}
	sub := e.Field
	switch {
	case sub == prefix:
		sub = ""
	case len(sub) > len(prefix) && sub[:len(prefix)+1] == prefix+".":
		sub = sub[len(prefix)+1:]
	}
	return &Error{Pkg: "notes", Field: jsonx.Join(field, sub), Value: e.Value, Err: e.Err, Detail: e.Detail, Cause: e.Cause}
}

// agentField names the field of an error that package order's decoder of
// an [order.Agent] returned ("agent.id") by where that agent sits in the
// value notes decoded ("promise.made_by.id"), for values that hold one
// agent; any other error is returned as it is.
func agentField(field string, err error) error {
	var e *order.Error
	if errors.As(err, &e) && e.Pkg == "order" && (e.Field == "agent" || strings.HasPrefix(e.Field, "agent.")) {
		return refield(field, "agent", err)
	}
	return err
}
