package pricing

import (
	"strconv"
	"time"
)

// AgentUsage is one agent's state that pricing counts: the changes erased
// on one calendar day (rule P3). It is a plain value the backend stores
// as one row per agent, keyed by AgentID, passes to [Policy.Review] and
// [Policy.Record], and writes back after Record.
//
// The zero AgentUsage is an agent who has erased nothing yet; any other
// value names its agent (the canonical ID, [order.CanonicalID]) and, when
// it counts erases, the day they were on. Malformed state is an error
// wrapping [ErrInvalidState], never read as "nothing used": erases
// without a day, a negative count, a day that is not a date, the usage of
// another agent than the request's.
//
// Version counts the writes Record made. A backend that does not lock the
// row (SELECT … FOR UPDATE) around Review and Record writes it back with
// compare-and-set — UPDATE … SET … , version = new WHERE agent_id = ? AND
// version = old — and reviews again when no row was updated.
type AgentUsage struct {
	// AgentID is the agent's canonical ID, the row's key; "" only in the
	// zero value.
	AgentID string `json:"agent_id"`
	// Day is the calendar day, in the policy's zone, that Erases counts:
	// "2026-11-11". On another day the count starts again from zero.
	Day string `json:"day,omitempty"`
	// Erases is how many times the agent erased change on Day (rule P3),
	// alone or with an approval.
	Erases int `json:"erases"`
	// Version is the number of writes [Policy.Record] made to the row.
	Version int64 `json:"version"`
}

// OrderUsage is one order's state that pricing counts: the price changes
// already made on it (rule P4). The backend stores it as one row per
// order, keyed by OrderID, and treats it like [AgentUsage]: the zero value
// is an order whose price was never changed; any other value names its
// order; malformed state is an error wrapping [ErrInvalidState]; Version
// serves compare-and-set.
type OrderUsage struct {
	// OrderID is the order's canonical ID, the row's key; "" only in the
	// zero value.
	OrderID string `json:"order_id"`
	// PriceChanges is how many times the order's price was changed
	// already (rule P4).
	PriceChanges int `json:"price_changes"`
	// Version is the number of writes [Policy.Record] made to the row.
	Version int64 `json:"version"`
}

// maxCount bounds the counts of usage state: no agent erases change a
// million times a day.
const maxCount = 1_000_000

// IsZero reports whether u is the zero AgentUsage: an agent with nothing
// counted yet.
func (u AgentUsage) IsZero() bool {
	return len(u.AgentID) == 0 && len(u.Day) == 0 && u.Erases == 0 && u.Version == 0
}

// IsZero reports whether u is the zero OrderUsage.
func (u OrderUsage) IsZero() bool {
	return len(u.OrderID) == 0 && u.PriceChanges == 0 && u.Version == 0
}

// Validate checks u on its own: zero, or a canonical agent ID, a count
// from 0 to 1,000,000 with the calendar day it counts, and a version that
// is not negative. The error is an [*Error] wrapping [ErrInvalidState]
// (or, for the ID, [ErrMissing] or [ErrInvalidText]).
func (u AgentUsage) Validate() error {
	_, err := u.check("")
	return err
}

// check validates u as the usage of the agent with canonical ID agent
// ("" for any) and returns it with its ID in canonical form.
func (u AgentUsage) check(agent string) (AgentUsage, error) {
	err := u.canon(agent)
	return u, err
}

// canon is check in place: it puts *u's ID in canonical form, and checks
// the rest, without copying the usage.
func (u *AgentUsage) canon(agent string) error {
	const field = "agent_usage"
	if u.IsZero() {
		return nil
	}
	id, err := canonID(field+".agent_id", u.AgentID)
	if err != nil {
		return asState(err)
	}
	u.AgentID = id
	switch {
	case agent != "" && id != agent:
		return fieldErr(field+".agent_id", u.AgentID, ErrInvalidState, "the usage of another agent than "+strconv.Quote(agent))
	case u.Erases < 0 || u.Erases > maxCount:
		return fieldErr(field+".erases", strconv.Itoa(u.Erases), ErrInvalidState, "a count from 0 to "+strconv.Itoa(maxCount))
	case u.Day != "" && !validDay(u.Day):
		return fieldErr(field+".day", u.Day, ErrInvalidState, "a calendar day reads 2006-01-02")
	case u.Erases > 0 && u.Day == "":
		return fieldErr(field+".day", "", ErrInvalidState, "erases are counted on a day")
	case u.Version < 0:
		return fieldErr(field+".version", strconv.FormatInt(u.Version, 10), ErrInvalidState, "must not be negative")
	}
	return nil
}

// Validate checks u on its own: zero, or a canonical order ID, a count
// from 0 to 1,000,000 and a version that is not negative. The error is an
// [*Error] wrapping [ErrInvalidState] (or, for the ID, [ErrMissing] or
// [ErrInvalidText]).
func (u OrderUsage) Validate() error {
	_, err := u.check("")
	return err
}

// check validates u as the usage of the order with ID order ("" for any).
func (u OrderUsage) check(order string) (OrderUsage, error) {
	err := u.canon(order)
	return u, err
}

// canon is check in place, without copying the usage.
func (u *OrderUsage) canon(order string) error {
	const field = "order_usage"
	if u.IsZero() {
		return nil
	}
	id, err := canonID(field+".order_id", u.OrderID)
	if err != nil {
		return asState(err)
	}
	u.OrderID = id
	switch {
	case order != "" && id != order:
		return fieldErr(field+".order_id", u.OrderID, ErrInvalidState, "the usage of another order than "+strconv.Quote(order))
	case u.PriceChanges < 0 || u.PriceChanges > maxCount:
		return fieldErr(field+".price_changes", strconv.Itoa(u.PriceChanges), ErrInvalidState, "a count from 0 to "+strconv.Itoa(maxCount))
	case u.Version < 0:
		return fieldErr(field+".version", strconv.FormatInt(u.Version, 10), ErrInvalidState, "must not be negative")
	}
	return nil
}

// asState makes a missing or malformed key of stored state match
// [ErrInvalidState] too.
func asState(err error) error {
	if e, ok := err.(*Error); ok && e.Cause == nil {
		c := *e
		c.Cause = ErrInvalidState
		return &c
	}
	return err
}

// UnmarshalJSON decodes what encoding/json encodes from the struct tags,
// strictly (a field AgentUsage does not have is an error wrapping
// [ErrUnknownField]), and checks it with [AgentUsage.Validate]; the ID is
// stored in canonical form. On error u is unchanged.
func (u *AgentUsage) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	type plain AgentUsage
	var w plain
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	n, err := AgentUsage(w).check("")
	if err != nil {
		return err
	}
	*u = n
	return nil
}

// UnmarshalJSON decodes what encoding/json encodes from the struct tags,
// strictly, and checks it with [OrderUsage.Validate]; on error u is
// unchanged.
func (u *OrderUsage) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	type plain OrderUsage
	var w plain
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	n, err := OrderUsage(w).check("")
	if err != nil {
		return err
	}
	*u = n
	return nil
}

// dayLen is the length of a day as AgentUsage stores it, "2006-01-02".
const dayLen = 10

// appendDay writes t's calendar date as "2006-01-02" without allocating.
func appendDay(buf *[dayLen]byte, t time.Time) {
	y, m, d := t.Date()
	for i := 3; i >= 0; i-- {
		buf[i] = byte('0' + y%10)
		y /= 10
	}
	buf[4], buf[5], buf[6] = '-', byte('0'+int(m)/10), byte('0'+int(m)%10)
	buf[7], buf[8], buf[9] = '-', byte('0'+d/10), byte('0'+d%10)
}

// validDay reports whether s is a calendar date written "2006-01-02" in
// the years 1 to 9999: "2026-02-30" is not.
func validDay(s string) bool {
	if len(s) != dayLen || s[4] != '-' || s[7] != '-' {
		return false
	}
	d0, d1, d2, d3 := s[0]-'0', s[1]-'0', s[2]-'0', s[3]-'0'
	m0, m1, e0, e1 := s[5]-'0', s[6]-'0', s[8]-'0', s[9]-'0'
	if d0 > 9 || d1 > 9 || d2 > 9 || d3 > 9 || m0 > 9 || m1 > 9 || e0 > 9 || e1 > 9 {
		return false
	}
	y := int(d0)*1000 + int(d1)*100 + int(d2)*10 + int(d3)
	m, d := int(m0)*10+int(m1), int(e0)*10+int(e1)
	if y < 1 || m < 1 || m > 12 || d < 1 {
		return false
	}
	last := monthDays[m]
	if m == 2 && y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		last = 29
	}
	return d <= last
}

// monthDays is the length of each month of a common year.
var monthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
