package pricing

import (
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Reason is a stable code saying why a review came out as it did. Codes
// are stable snake_case text that message catalogs translate for staff and
// buyers; never persist the integer. The zero value is not a reason.
type Reason uint8

// Reasons, with the rule each stands for.
const (
	ReasonUnknown Reason = iota
	// ReasonBeyondAuthority: the amount is above what the requester's role
	// may grant alone (rule A3).
	ReasonBeyondAuthority
	// ReasonOverShare: a price cut above the requester's share of the
	// order (rule A3).
	ReasonOverShare
	// ReasonBeyondEveryRole: no role may grant it, not even the store
	// manager (rule A3).
	ReasonBeyondEveryRole
	// ReasonEraseNotAllowed: the requester's role may not erase change
	// alone; pre-sales by default (rule P3).
	ReasonEraseNotAllowed
	// ReasonEraseOverShare: the change to erase is above the share of the
	// order the policy allows, 1% by default (rule P3).
	ReasonEraseOverShare
	// ReasonEraseDailyLimit: the agent has erased change as many times
	// today as the policy allows, 3 by default (rule P3).
	ReasonEraseDailyLimit
	// ReasonNotSmallChange: the amount to erase is not the change below
	// the yuan; [Erasable] says what is (rule P3).
	ReasonNotSmallChange
	// ReasonRepeatPriceChange: the order's price was already changed; a
	// second change is a warning sign (rule P4).
	ReasonRepeatPriceChange
	// ReasonAfterPayment: a price change on an order already paid; price
	// changes are made before payment (rule P4).
	ReasonAfterPayment
	// ReasonOutsidePromotion: the promotion price asked for is outside the
	// promotion's window; the platform sets windows and nobody in the shop
	// can change them (rule P1).
	ReasonOutsidePromotion
	// ReasonOrderClosed: the trade is closed.
	ReasonOrderClosed
	// ReasonOversold: a compensation for an oversold promotion item, which
	// the store manager grants (rule P5).
	ReasonOversold
	// ReasonAgentFault: a compensation for an agent's fault, which a
	// supervisor grants (rule P5).
	ReasonAgentFault
	// ReasonGiftPreferred: a gift of the same value is within the
	// requester's authority and the shop prefers it ([Decision.Suggest],
	// rule P2).
	ReasonGiftPreferred
	// ReasonPostagePreferred: a postage concession of the same value is
	// within the requester's authority and the shop prefers it (rule P2).
	ReasonPostagePreferred
	// ReasonPeriodLimits: the limits of a policy [Period], e.g. a big
	// promotion, decided the review: the verdict came from them, or a
	// reason of theirs or [Decision.Suggest] did (rule A4). A refusal no
	// limit had a part in does not carry it.
	ReasonPeriodLimits
	// ReasonExceedsOrder: the concession is larger than the order's amount
	// due; nobody gives more than the buyer pays.
	ReasonExceedsOrder
	// ReasonShipsFree: a postage concession on an order that already ships
	// free: there is no postage to waive (rule P2).
	ReasonShipsFree
	// ReasonExceedsPostage: a postage concession larger than the postage
	// charged.
	ReasonExceedsPostage
	numReasons
)

var reasonNames = []string{
	ReasonUnknown:           "",
	ReasonBeyondAuthority:   "beyond_authority",
	ReasonOverShare:         "over_share",
	ReasonBeyondEveryRole:   "beyond_every_role",
	ReasonEraseNotAllowed:   "erase_not_allowed",
	ReasonEraseOverShare:    "erase_over_share",
	ReasonEraseDailyLimit:   "erase_daily_limit",
	ReasonNotSmallChange:    "not_small_change",
	ReasonRepeatPriceChange: "repeat_price_change",
	ReasonAfterPayment:      "after_payment",
	ReasonOutsidePromotion:  "outside_promotion",
	ReasonOrderClosed:       "order_closed",
	ReasonOversold:          "oversold",
	ReasonAgentFault:        "agent_fault",
	ReasonGiftPreferred:     "gift_preferred",
	ReasonPostagePreferred:  "postage_preferred",
	ReasonPeriodLimits:      "period_limits",
	ReasonExceedsOrder:      "exceeds_order",
	ReasonShipsFree:         "ships_free",
	ReasonExceedsPostage:    "exceeds_postage",
}

// Reasons returns every reason code, in order.
func Reasons() []Reason {
	out := make([]Reason, 0, numReasons-1)
	for r := Reason(1); r < numReasons; r++ {
		out = append(out, r)
	}
	return out
}

// ParseReason returns the reason with the snake_case name s; an unknown
// name is an error wrapping [ErrUnknownReason].
func ParseReason(s string) (Reason, error) {
	if i, ok := enum.Index(reasonNames, s); ok {
		return Reason(i), nil
	}
	return ReasonUnknown, fieldErr("reason", s, ErrUnknownReason, "")
}

// String returns the snake_case code, or "Reason(N)" out of range.
func (r Reason) String() string { return enum.Name(reasonNames, int(r), "Reason") }

// IsValid reports whether r is a known reason.
func (r Reason) IsValid() bool { return r > ReasonUnknown && r < numReasons }

// MarshalText returns the snake_case code; an invalid reason is an error.
func (r Reason) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fieldErr("reason", r.String(), ErrUnknownReason, "")
	}
	return []byte(reasonNames[r]), nil
}

// UnmarshalText accepts the snake_case codes; see [ParseReason].
func (r *Reason) UnmarshalText(b []byte) error {
	v, err := ParseReason(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ReasonSet is a set of [Reason] codes: an [order.Set], the one set type
// of kefu. The zero value is empty; sets are plain integers and never
// allocate. Its JSON form is a list of codes (["beyond_authority"]); an
// unknown code is an error wrapping [ErrUnknownReason].
type ReasonSet = order.Set[Reason]

type decisionJSON struct {
	Verdict  order.Verdict `json:"verdict,omitzero"`
	Approver order.Role    `json:"approver,omitzero"`
	Reasons  ReasonSet     `json:"reasons"`
	Suggest  Kind          `json:"suggest,omitzero"`
	Kind     Kind          `json:"kind,omitzero"`
	Period   string        `json:"period,omitempty"`
	Amount   fenText       `json:"amount"`
	Limit    fenText       `json:"limit"`
}

// MarshalJSON encodes the decision for a UI or a log, with its codes as
// text and its amounts as text with two decimals:
//
//	{"verdict":"needs_approval","approver":"team_leader","reasons":["beyond_authority"],"kind":"price_cut","amount":"5.00","limit":"0.00"}
//
// A zero verdict or kind is left out, so the zero Decision encodes (as
// {"reasons":[],"amount":"0.00","limit":"0.00"}) and decodes back to zero.
func (d Decision) MarshalJSON() ([]byte, error) {
	return json.Marshal(decisionJSON{d.Verdict, d.Approver, d.Reasons, d.Suggest, d.Kind, d.Period,
		fenText(d.amount), fenText(d.limit)})
}

// UnmarshalJSON decodes what [Decision.MarshalJSON] encodes, every field
// included; an absent verdict, kind, amount or limit is the zero value.
// Decoding is strict: a field the decision does not have is an error
// wrapping [ErrUnknownField]; an unknown verdict ([order.ErrUnknownCode]),
// role, kind or reason code, or an amount or limit that is not exact
// decimal text with at most two decimals, is negative or is out of range
// ([ErrInvalidAmount]), is an error too. On error d is unchanged.
func (d *Decision) UnmarshalJSON(b []byte) error {
	var w struct {
		Verdict  order.Verdict   `json:"verdict"`
		Approver order.Role      `json:"approver"`
		Reasons  ReasonSet       `json:"reasons"`
		Suggest  Kind            `json:"suggest"`
		Kind     Kind            `json:"kind"`
		Period   string          `json:"period"`
		Amount   json.RawMessage `json:"amount"`
		Limit    json.RawMessage `json:"limit"`
	}
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	if len(w.Period) > maxName {
		return fieldErr("period", w.Period, ErrInvalidText, "at most 200 bytes")
	}
	n := Decision{Verdict: w.Verdict, Approver: w.Approver, Reasons: w.Reasons, Suggest: w.Suggest,
		Kind: w.Kind, Period: w.Period}
	var err error
	if n.amount, err = decisionFen("amount", w.Amount); err != nil {
		return err
	}
	if n.limit, err = decisionFen("limit", w.Limit); err != nil {
		return err
	}
	*d = n
	return nil
}

// decisionFen decodes a decision's amount to fen; absent is zero.
func decisionFen(field string, raw json.RawMessage) (int64, error) {
	v, err := fenJSON(field, raw)
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, fieldErr(field, yuan.Format(v), ErrInvalidAmount, "negative")
	}
	return v, nil
}

// Decision is the outcome of [Policy.Review]: a verdict, who must approve,
// why, and which concession the shop would rather give (rule P2). It is a
// plain comparable value that never allocates.
//
// Reasons on an [order.Allowed] decision are notes for the agent: that the
// limits of a period decided it, that another kind is preferred, or, for the
// store manager who has nobody above, the warning signs of rule P4.
type Decision struct {
	Verdict order.Verdict
	// Approver is the lowest role that may approve the concession when the
	// verdict is [order.NeedsApproval]; any role above it who holds the authority
	// may approve as well. RoleUnknown otherwise.
	Approver order.Role
	Reasons  ReasonSet
	// Suggest is a kind the shop prefers to the one asked for, of the same
	// value, that the requester may give alone (rule P2): within their own
	// authority, not a compensation routed above them (rule P5), and not a
	// postage change flagged by rule P4. KindUnknown when there is none.
	Suggest Kind
	// Kind is the kind reviewed.
	Kind Kind
	// Period names the policy period whose limits decided the review,
	// with [ReasonPeriodLimits] (rule A4); "" outside any period, and on
	// a refusal no limit had a part in (a closed order, a concession
	// larger than the order or its postage, change that is not small
	// change, a promotion price outside its window with nothing offered
	// instead).
	Period string

	amount int64 // fen
	limit  int64 // fen; what the requester may grant alone of this kind on this order
}

// Amount returns the amount reviewed, in yuan with two decimals.
func (d Decision) Amount() decimal.Decimal { return yuan.Dec(d.amount) }

// Limit returns the largest amount of this kind the requester may grant
// alone on this order — for a price cut the smaller of the amount cap and
// the share of the order, for erased change the share cap; zero when the
// role may grant none.
func (d Decision) Limit() decimal.Decimal { return yuan.Dec(d.limit) }
