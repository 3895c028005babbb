package refund

import (
	"encoding/json"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// A refund that the shop's policy says an agent may not make alone — above
// an amount, or paid before the goods came back — needs a senior
// colleague's approval (rule A3). The approval is pricing's: a
// [pricing.Verified] of kind [pricing.Refund], signed into a token, for
// one order, one requester and at most one amount, redeemed once under a
// unique key ([pricing.Spent]). Pricing's concession kinds cannot carry a
// refund — a refund is not a concession, and pricing's review of a
// concession knows nothing of returns — so pricing has a kind for it and
// [pricing.Grant], which issues a Verified whose rules live here; the
// token, [pricing.Verified.Covers], [pricing.Spent] and [pricing.Store]
// are pricing's as they are.

// RefundRequest is a refund an agent is about to make, for
// [Policy.ReviewRefund].
type RefundRequest struct {
	// Agent makes the refund.
	Agent order.Agent
	// Ledger is the order's ledger, on which Payout will be paid.
	Ledger Ledger
	Payout Payout
	// WithReturn: the refund is for goods the buyer sends back (退货退款).
	// Paid before they came back — a payout not marked Returned — it may
	// need approval ([RefundApproval.BeforeReturn]).
	WithReturn bool
	At         time.Time
}

// RefundDecision says whether an agent may make a refund alone (rule A3).
// It is a plain value.
type RefundDecision struct {
	// Verdict is [order.Allowed], or [order.NeedsApproval] by Approver.
	Verdict order.Verdict
	// Approver is the lowest role that may approve it, when it needs
	// approval.
	Approver order.Role
	// Reasons say why it needs approval ([AboveRefundLimit],
	// [BeforeGoodsBack]); on an allowed refund of a requester at or above
	// the approver they are left as information.
	Reasons ReasonSet
	// Replayed: the payout's key was paid already; nothing new is paid.
	Replayed bool

	amount int64
}

// Amount returns the refund reviewed, goods and postage, in yuan.
func (d RefundDecision) Amount() decimal.Decimal { return yuan.Dec(d.amount) }

// MarshalJSON encodes the decision with snake_case keys and the amount as
// text with two decimals:
//
//	{"verdict":"needs_approval","approver":"team_leader","reasons":["above_refund_limit"],"amount":"520.00"}
func (d RefundDecision) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Verdict  order.Verdict `json:"verdict"`
		Approver order.Role    `json:"approver,omitzero"`
		Reasons  ReasonSet     `json:"reasons"`
		Replayed bool          `json:"replayed,omitempty"`
		Amount   money         `json:"amount"`
	}{d.Verdict, d.Approver, d.Reasons, d.Replayed, money(d.amount)})
}

// ReviewRefund decides whether r.Agent may make the refund r alone (rule
// A3), under the policy's [RefundApproval]: a refund above its amount, or
// one of goods sent back paid before they came back, needs the approval
// of its Approver or above — unless the agent is at or above it. A payout
// whose key was paid already is allowed and Replayed: nothing new is paid.
//
// The payout is checked as [Ledger.Pay] would check it, so no approval is
// sought for a refund the ledger would refuse: the errors are Pay's
// ([ErrOverRefund], [ErrKeyReused], [ErrStaleVersion] …), an agent who
// fails [order.Agent.Normalize], a zero ledger or time ([ErrMissing]), an
// invalid policy.
func (p Policy) ReviewRefund(r RefundRequest) (RefundDecision, error) {
	pr, err := p.compile()
	if err != nil {
		return RefundDecision{}, err
	}
	_, d, err := pr.review(&r)
	return d, err
}

// review checks r and decides it; it leaves r.Agent canonical.
func (pr *rules) review(r *RefundRequest) (RefundRequest, RefundDecision, error) {
	a, err := r.Agent.Normalize()
	if err != nil {
		return *r, RefundDecision{}, err
	}
	r.Agent = a
	if r.Ledger.IsZero() {
		return *r, RefundDecision{}, fieldErr("ledger", "", ErrMissing, "the order's ledger")
	}
	if err := planTime("at", r.At); err != nil {
		return *r, RefundDecision{}, err
	}
	_, rc, err := r.Ledger.Pay(r.Payout)
	if err != nil {
		return *r, RefundDecision{}, err
	}
	d := RefundDecision{Verdict: order.Allowed, amount: rc.goods + rc.postage, Replayed: rc.Replayed}
	if rc.Replayed {
		return *r, d, nil
	}
	if pr.approveAbove > 0 && d.amount > pr.approveAbove {
		d.Reasons = d.Reasons.With(AboveRefundLimit)
	}
	if pr.approveBeforeReturn && r.WithReturn && !r.Payout.Returned {
		d.Reasons = d.Reasons.With(BeforeGoodsBack)
	}
	if !d.Reasons.IsEmpty() && a.Role < pr.approver {
		d.Verdict, d.Approver = order.NeedsApproval, pr.approver
	}
	return *r, d, nil
}

// mayApprove checks that approver may approve a refund of requester
// decided as d (rule A3): not the requester, above them, and at or above
// the role d needs.
func mayApprove(d RefundDecision, requester, approver order.Agent) error {
	switch {
	case approver.ID == requester.ID:
		return fieldErr("approver.id", approver.ID, pricing.ErrSelfApproval, "nobody approves their own refund (rule A3)")
	case !approver.Role.Above(requester.Role):
		return fieldErr("approver.role", approver.Role.String(), pricing.ErrApproverRank, "not above "+requester.Role.String()+" (rule A3)")
	case d.Verdict == order.NeedsApproval && approver.Role < d.Approver:
		return fieldErr("approver.role", approver.Role.String(), pricing.ErrApproverAuthority,
			"a refund "+d.Reasons.String()+" is approved by "+d.Approver.String()+" or above")
	}
	return nil
}

// ApproveRefund returns approver's approval of the refund r, with the
// backend's id and an expiry: a [pricing.Verified] of kind
// [pricing.Refund] for r's order, r's agent and the refund's amount, to
// sign with [pricing.Verified.Token]. It refuses what [Policy.RedeemRefund]
// would refuse, so that no unusable approval is issued: ReviewRefund's
// errors; a self-approval ([pricing.ErrSelfApproval]), an approver not
// above the requester ([pricing.ErrApproverRank]) or below the role the
// review asks for ([pricing.ErrApproverAuthority]) — all of class
// forbidden; an expiry that is zero or not after r.At
// ([pricing.ErrInvalidExpiry]).
func (p Policy) ApproveRefund(r RefundRequest, approver order.Agent, id string, expires time.Time) (pricing.Verified, error) {
	pr, err := p.compile()
	if err != nil {
		return pricing.Verified{}, err
	}
	r, d, err := pr.review(&r)
	if err != nil {
		return pricing.Verified{}, err
	}
	if approver, err = approver.Normalize(); err != nil {
		return pricing.Verified{}, err
	}
	if err := mayApprove(d, r.Agent, approver); err != nil {
		return pricing.Verified{}, err
	}
	if expires.IsZero() || !expires.After(r.At) {
		return pricing.Verified{}, fieldErr("expires", expires.Format(time.RFC3339), pricing.ErrInvalidExpiry,
			"after the request at "+r.At.Format(time.RFC3339))
	}
	return pricing.Grant(pricing.Approval{ID: id, OrderID: r.Ledger.OrderID(), Kind: pricing.Refund,
		Amount: d.Amount(), Requester: r.Agent, Approver: approver, Expires: expires})
}

// RedeemRefund verifies an approval token for the refund r and returns the
// approval and the record of its use at r.At: the token must be signed
// with key ([pricing.ParseToken]), be of kind [pricing.Refund] and cover
// r's order, agent and amount ([pricing.Verified.Covers]), and name an
// approver with the authority the review of r asks for. Single use is the
// backend's: insert the returned [pricing.Spent] under its unique key in
// the transaction that stores the ledger the payout changes, and answer
// [pricing.Spent.AlreadyUsed] when the key is taken — or spend it in a
// [pricing.Store]. The errors are ReviewRefund's, ParseToken's, Covers'
// and those of [Policy.ApproveRefund].
func (p Policy) RedeemRefund(token string, key []byte, r RefundRequest) (pricing.Verified, pricing.Spent, error) {
	pr, err := p.compile()
	if err != nil {
		return pricing.Verified{}, pricing.Spent{}, err
	}
	v, err := pricing.ParseToken(token, key)
	if err != nil {
		return pricing.Verified{}, pricing.Spent{}, err
	}
	r, d, err := pr.review(&r)
	if err != nil {
		return pricing.Verified{}, pricing.Spent{}, err
	}
	err = v.Covers(pricing.Claim{OrderID: r.Ledger.OrderID(), Kind: pricing.Refund, Amount: d.Amount(),
		Requester: r.Agent, At: r.At})
	if err != nil {
		return pricing.Verified{}, pricing.Spent{}, err
	}
	if err := mayApprove(d, r.Agent, v.Approval().Approver); err != nil {
		return pricing.Verified{}, pricing.Spent{}, err
	}
	s, err := v.SpentAt(r.At)
	if err != nil {
		return pricing.Verified{}, pricing.Spent{}, err
	}
	return v, s, nil
}
