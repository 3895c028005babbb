package pricing

import (
	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/order"
)

// Kind is a kind of concession an agent may give a buyer (rules P2, P3).
// The zero value, [KindUnknown], is not a kind. The text form is
// snake_case.
type Kind uint8

// Concession kinds.
const (
	KindUnknown Kind = iota
	// Gift (赠品): goods given free, valued at what they cost the buyer
	// otherwise. It does not change the order's price.
	Gift
	// Postage (运费优惠): postage waived or reduced; never more than the
	// postage charged.
	Postage
	// PriceCut (改价/降价): the order's price lowered.
	PriceCut
	// EraseChange (抹零): the small change below the yuan erased, e.g.
	// 128.50 paid as 128.00 (rule P3).
	EraseChange
	// Refund (退款): money paid back to the buyer. It is not a
	// concession: package refund reviews a refund under its own policy
	// (which refunds need whose approval) and issues its approvals with
	// [Grant], so that a refund's approval is a [Verified] like any other —
	// signed, for one order and amount, single use. [Policy.Review] and
	// [Policy.Approve] refuse it.
	Refund
	numKinds
)

var kindNames = []string{"", "gift", "postage", "price_cut", "erase_change", "refund"}

// Kinds returns every kind: the four concessions, then [Refund].
func Kinds() []Kind {
	out := make([]Kind, 0, numKinds-1)
	for k := Kind(1); k < numKinds; k++ {
		out = append(out, k)
	}
	return out
}

// ParseKind returns the kind with the snake_case name s; an unknown name
// is an error wrapping [ErrUnknownKind].
func ParseKind(s string) (Kind, error) {
	if i, ok := enum.Index(kindNames, s); ok {
		return Kind(i), nil
	}
	return KindUnknown, fieldErr("kind", s, ErrUnknownKind, "")
}

// String returns the snake_case name, or "Kind(N)" out of range.
func (k Kind) String() string { return enum.Name(kindNames, int(k), "Kind") }

// IsValid reports whether k is a known kind.
func (k Kind) IsValid() bool { return k > KindUnknown && k < numKinds }

// Concession reports whether k is a concession pricing reviews: a gift,
// postage, a price cut or erased change — every kind but [Refund].
func (k Kind) Concession() bool { return k >= Gift && k <= EraseChange }

// ChangesPrice reports whether a concession of kind k changes what the
// buyer pays for the order — every kind but [Gift]. Such changes are made
// in one go, before payment (rule P4).
func (k Kind) ChangesPrice() bool { return k == Postage || k == PriceCut || k == EraseChange }

// MarshalText returns the snake_case name; an invalid kind is an error.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fieldErr("kind", k.String(), ErrUnknownKind, "")
	}
	return []byte(kindNames[k]), nil
}

// UnmarshalText accepts the snake_case names; see [ParseKind].
func (k *Kind) UnmarshalText(b []byte) error {
	// A known name is found without copying b (the conversion for the
	// comparisons stays on the stack); only an error keeps the text.
	if i, ok := enum.Index(kindNames, string(b)); ok {
		*k = Kind(i)
		return nil
	}
	_, err := ParseKind(string(b))
	return err
}

// Cause says why a concession is a compensation (rule P5). The zero value,
// [NoCause], marks an ordinary concession asked for in bargaining.
type Cause uint8

// Compensation causes.
const (
	NoCause Cause = iota
	// Oversold (超卖): a promotion item sold beyond stock; the store
	// manager grants the compensation (rule P5, rule O3). Requests with
	// this cause come from [CompensateOversell], which checks the oversell
	// plan.
	Oversold
	// AgentFault: an agent angered the buyer; a supervisor (team leader)
	// apologises and grants the compensation (rule P5).
	AgentFault
	numCauses
)

var causeNames = []string{"", "oversold", "agent_fault"}

// ParseCause returns the cause with the snake_case name s; an unknown name
// is an error wrapping [ErrUnknownCause].
func ParseCause(s string) (Cause, error) {
	if i, ok := enum.Index(causeNames, s); ok {
		return Cause(i), nil
	}
	return NoCause, fieldErr("cause", s, ErrUnknownCause, "")
}

// String returns the snake_case name, "" for [NoCause], or "Cause(N)" out
// of range.
func (c Cause) String() string {
	if c == NoCause {
		return ""
	}
	return enum.Name(causeNames, int(c), "Cause")
}

// IsValid reports whether c is a compensation cause ([NoCause] is not).
func (c Cause) IsValid() bool { return c > NoCause && c < numCauses }

// Route returns the role that grants a compensation for cause c (rule
// P5): the store manager for an oversold item, the team leader for an
// agent at fault; [order.RoleUnknown] for [NoCause].
func (c Cause) Route() order.Role {
	switch c {
	case Oversold:
		return order.StoreManager
	case AgentFault:
		return order.TeamLeader
	}
	return order.RoleUnknown
}

// MarshalText returns the snake_case name; [NoCause] is the empty text.
func (c Cause) MarshalText() ([]byte, error) {
	if c == NoCause {
		return []byte{}, nil
	}
	if !c.IsValid() {
		return nil, fieldErr("cause", c.String(), ErrUnknownCause, "")
	}
	return []byte(causeNames[c]), nil
}

// UnmarshalText accepts the snake_case names and the empty text
// ([NoCause]); see [ParseCause].
func (c *Cause) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*c = NoCause
		return nil
	}
	v, err := ParseCause(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
