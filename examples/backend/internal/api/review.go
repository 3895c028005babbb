package api

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
)

// Every path that pays a refund reviews it for approval (rule A3) in the
// transaction that pays it, and pays what needs approval only with a
// redeemed approval token, spent once: a payout (POST
// /orders/{id}/payouts), a refund application's action that pays
// (agree_refund, confirm_goods — reviewed on the ledger after the arrival
// is recorded), and a plan's money step (POST /plans/{id}/refund). What
// needs approval and comes without a token is not paid, nothing of it is
// written, and it waits as a refund_reviews row of its kind — the request
// the approver approves (POST /refund-reviews/{id}/approve), reviewed
// again on the rows as they stand. An approval is redeemed only on the
// path of its request: its kind and subject (the refund, the plan).

// The kinds of refund waiting for approval (refund_reviews.kind).
const (
	reviewPayout       = "payout"
	reviewRefundAction = "refund_action"
	reviewPlan         = "plan"
)

// approvalState is what the review let through: paid, or waiting for the
// approval of RequestID; and the approval spent to pay it.
type approvalState struct {
	// Paid: the refund was paid (or replayed). Not without the approval
	// the decision asks for; RequestID then names the request to approve.
	Paid      bool           `json:"paid"`
	RequestID string         `json:"request_id,omitempty"`
	Spent     *pricing.Spent `json:"spent,omitempty"`
}

// refundReview is the review of the money a refund application's action
// pays.
type refundReview struct {
	Decision refund.RefundDecision `json:"decision"`
	Explain  Explain               `json:"explain"`
	approvalState
}

// storeReview records a refund waiting for approval: what (kind, subject,
// payload), on which order, asked by whom.
func storeReview(ctx context.Context, tx *db.Tx, id, kind, subject, orderID string, me order.Agent, payload []byte, now time.Time) error {
	agent, err := json.Marshal(me)
	if err != nil {
		return err
	}
	return tx.Create(ctx, "INSERT INTO refund_reviews (id, order_id, requester, payout, created_ms, kind, subject) VALUES (?, ?, ?, ?, ?, ?, ?)",
		id, orderID, string(agent), string(payload), ms(now), kind, subject)
}

// spendRefundApproval spends approval v, redeemed as sp, in the paying
// transaction: its spent_approvals row inserted under its unique key (409
// Spent.AlreadyUsed when it is taken: the transaction rolls back), and v
// checked to be an approval of a request of this kind and subject (403
// otherwise): a refund application's approval pays that refund only, a
// plan's that plan only.
func spendRefundApproval(ctx context.Context, tx *db.Tx, v pricing.Verified, sp pricing.Spent, kind, subject string) error {
	ok, err := tx.Insert(ctx, "INSERT INTO spent_approvals (id, order_id, expires_ms, at_ms) VALUES (?, ?, ?, ?)",
		sp.ID, sp.OrderID, ms(sp.Expires), ms(sp.At))
	if err != nil {
		return err
	}
	if !ok {
		return sp.AlreadyUsed()
	}
	var k, subj string
	err = tx.QueryRow(ctx, "SELECT rr.kind, rr.subject FROM approvals a JOIN refund_reviews rr ON rr.id = a.request_id WHERE a.id = ?",
		v.ID()).Scan(&k, &subj)
	if err != nil && !db.NoRows(err) {
		return err
	}
	if err != nil || k != kind || subj != subject {
		what := "a payout"
		switch kind {
		case reviewRefundAction:
			what = "refund " + subject
		case reviewPlan:
			what = "plan " + subject
		}
		return &order.Error{Pkg: "backend", Field: "Kefu-Approval", Value: v.ID(), Err: order.ErrForbidden,
			Detail: "the approval is not one of " + what + " (rule A3)"}
	}
	return nil
}

// planDecision is the review of a plan's money step (rule A3). One
// approval covers the step whole: the plan's payouts are reviewed as one
// refund of their total, on the ledger of the order they refund — above
// the shop's amount (refund.RefundApproval.Above) when the total is, or
// when one payout needs approval for its own reasons (refund's
// ReviewRefund of each, in order, each on the ledger the ones before it
// leave). Its approval is of kind refund, for that order, the requester
// and the total, and is bound to the plan. A step already paid is
// replayed: allowed, nothing new paid, no approval spent.
type planDecision struct {
	Verdict  order.Verdict    `json:"verdict"`
	Approver order.Role       `json:"approver,omitzero"`
	Reasons  refund.ReasonSet `json:"reasons"`
	Replayed bool             `json:"replayed,omitempty"`
	// Amount is the total the step pays: what the approval covers.
	Amount string `json:"amount"`
	// Payouts are refund's reviews of each payout.
	Payouts []refund.RefundDecision `json:"payouts"`
	amount  decimal.Decimal
}

type planReview struct {
	Decision planDecision `json:"decision"`
	Explain  Explain      `json:"explain"`
	approvalState
}

// reviewPlan reviews p's money step paid by me on l at at.
func (s *Server) reviewPlan(p refund.Plan, me order.Agent, l refund.Ledger, at time.Time) (planDecision, error) {
	d := planDecision{Verdict: order.Allowed, Payouts: []refund.RefundDecision{}}
	me, err := me.Normalize()
	if err != nil {
		return d, err
	}
	ps, err := p.Payouts(l, at)
	if err != nil {
		return d, err
	}
	d.Replayed = len(ps) > 0
	cur := l
	for _, po := range ps {
		pd, err := s.cfg.Refund.ReviewRefund(refund.RefundRequest{Agent: me, Ledger: cur, Payout: po, WithReturn: po.Returned, At: at})
		if err != nil {
			return d, err
		}
		d.Payouts = append(d.Payouts, pd)
		if !pd.Replayed {
			d.Replayed = false
			d.amount = d.amount.Add(pd.Amount())
			d.Reasons = d.Reasons.Union(pd.Reasons)
		}
		if cur, _, err = cur.Pay(po); err != nil {
			return d, err
		}
	}
	rule := s.cfg.Refund.Approval
	if rule.Above.IsPositive() && d.amount.GreaterThan(rule.Above) {
		d.Reasons = d.Reasons.With(refund.AboveRefundLimit)
	}
	if !d.Replayed && !d.Reasons.IsEmpty() && me.Role < rule.Approver {
		d.Verdict, d.Approver = order.NeedsApproval, rule.Approver
	}
	d.Amount = d.amount.StringFixed(2)
	return d, nil
}

// mayApprovePlan checks approver's authority for a plan's refund decided
// as d: at or above the role d asks for (rule A3). pricing.Grant checks the
// rest (not the requester, above them); a redemption checks this again.
func mayApprovePlan(d planDecision, approver order.Agent) error {
	if d.Verdict == order.NeedsApproval && approver.Role < d.Approver {
		return &order.Error{Pkg: "backend", Field: "approver.role", Value: approver.Role.String(), Err: pricing.ErrApproverAuthority,
			Detail: "a plan's refund " + d.Reasons.String() + " is approved by " + d.Approver.String() + " or above (rule A3)"}
	}
	return nil
}

// approvePlan is approver's approval of p's money step asked by asker, on
// l: for l's order, asker and the step's total, bound to the plan by its
// request.
func (s *Server) approvePlan(p refund.Plan, asker, approver order.Agent, l refund.Ledger, now time.Time) (pricing.Verified, error) {
	d, err := s.reviewPlan(p, asker, l, eventAt(p, now))
	if err != nil {
		return pricing.Verified{}, err
	}
	if approver, err = approver.Normalize(); err != nil {
		return pricing.Verified{}, err
	}
	if err := mayApprovePlan(d, approver); err != nil {
		return pricing.Verified{}, err
	}
	return pricing.Grant(pricing.Approval{ID: newID("ap"), OrderID: l.OrderID(), Kind: pricing.Refund, Amount: d.amount,
		Requester: asker, Approver: approver, Expires: now.Add(s.cfg.ApprovalTTL)})
}

// redeemPlan verifies token for p's money step decided as d, paid by me
// at at, and returns the approval and its use: signed with the shop's
// key, of kind refund, covering the order, me and the total, and by an
// approver with the authority d asks for.
func (s *Server) redeemPlan(token string, d planDecision, me order.Agent, orderID string, at time.Time) (pricing.Verified, pricing.Spent, error) {
	v, err := pricing.ParseToken(token, s.approvalKey)
	if err != nil {
		return v, pricing.Spent{}, err
	}
	if err := v.Covers(pricing.Claim{OrderID: orderID, Kind: pricing.Refund, Amount: d.amount, Requester: me, At: at}); err != nil {
		return v, pricing.Spent{}, err
	}
	if err := mayApprovePlan(d, v.Approval().Approver); err != nil {
		return v, pricing.Spent{}, err
	}
	sp, err := v.SpentAt(at)
	return v, sp, err
}

// planReviewRequest records p's refund waiting for approval, asked by me:
// the plan's request not yet approved, if it has one (its requester
// brought up to date), or a new one. It returns the request's ID.
func planReviewRequest(ctx context.Context, tx *db.Tx, p refund.Plan, orderID string, me order.Agent, now time.Time) (string, error) {
	var id string
	err := tx.QueryRow(ctx, `SELECT id FROM refund_reviews rr WHERE kind = ? AND subject = ?
		AND NOT EXISTS (SELECT 1 FROM approvals a WHERE a.request_id = rr.id) ORDER BY created_ms DESC, id LIMIT 1`,
		reviewPlan, p.ID()).Scan(&id)
	if db.NoRows(err) {
		id = newID("rr")
		return id, storeReview(ctx, tx, id, reviewPlan, p.ID(), orderID, me, []byte("{}"), now)
	}
	if err != nil {
		return "", err
	}
	agent, err := json.Marshal(me)
	if err != nil {
		return "", err
	}
	_, err = tx.Exec(ctx, "UPDATE refund_reviews SET requester = ?, order_id = ?, created_ms = ? WHERE id = ?", string(agent), orderID, ms(now), id)
	return id, err
}

// planTarget is the order p's money step refunds: the original, the order
// the evidence names (rule R2), or the order a step done paid (a replay).
func planTarget(p refund.Plan) string {
	target := p.OriginalID()
	if rec, ok := p.Reconciliation(); ok && p.Route() == refund.RouteReconcile && rec.Refund != "" {
		target = rec.Refund
	}
	for _, st := range p.Steps() {
		if st.OrderID != "" && st.State == refund.StepDone {
			target = st.OrderID // a money step done: its replay
		}
	}
	return target
}

// refundMoney is what a refund application pays once it succeeds: on the
// ledger of its order as read, under the refund's ID as idempotency key.
// A refund with goods sent back that succeeds on confirm_goods records the
// returned units' arrival first, and pays for them as returned (rule R7: a
// payout for units that never came back is refused). kefu's lifecycle
// pays such a refund on confirm_goods only; were it paid on another event,
// before the goods are confirmed back, it would be paid as not returned,
// with return — which needs approval (rule A3, BeforeGoodsBack).
type refundMoney struct {
	row    orderRow
	read   refund.Ledger // the ledger as stored
	ledger refund.Ledger // after the arrival, the one paid
	payout refund.Payout
	// withReturn: goods are sent back and not confirmed back.
	withReturn bool
}

// refundMoneyOf is the money rf pays, having succeeded on event e.
func refundMoneyOf(ctx context.Context, tx *db.Tx, rf refund.Refund, units int, e refund.Event) (refundMoney, error) {
	var m refundMoney
	var err error
	if m.row, err = loadOrder(ctx, tx, rf.OrderID()); err != nil {
		return m, err
	}
	if m.read, err = ledgerFor(ctx, tx, m.row); err != nil {
		return m, err
	}
	m.ledger = m.read
	confirmed := e == refund.ConfirmGoods
	m.withReturn = rf.HasGoodReturn() && !confirmed
	returned := rf.HasGoodReturn() && units > 0 && confirmed
	if returned {
		m.ledger, err = m.read.Receive(refund.Arrival{Waybill: rf.Waybill(), Version: m.read.Version(), SKU: rf.SKU(), Units: units, At: rf.ModifiedAt()})
		if err != nil {
			return m, err
		}
	}
	m.payout = refund.Payout{Key: rf.ID(), Version: m.ledger.Version(), SKU: rf.SKU(), Units: units,
		Returned: returned, Goods: rf.Fee(), At: rf.ModifiedAt()}
	return m, nil
}

// request is the refund m pays, made by me at now, for review.
func (m refundMoney) request(me order.Agent, now time.Time) refund.RefundRequest {
	return refund.RefundRequest{Agent: me, Ledger: m.ledger, Payout: m.payout, WithReturn: m.withReturn, At: now}
}

// paying applies a refund action's event to rf as the approval of its
// request sees it: the action must still apply to the refund as it
// stands, and pay.
func paying(rf refund.Refund, a refund.Action) (refund.Refund, error) {
	next, err := rf.Apply(a)
	if err != nil {
		return next, err
	}
	if next.Status() != refund.Success {
		return next, fmt.Errorf("refund %q: the action %s pays nothing: %w", rf.ID(), a.Event, order.ErrConflict)
	}
	return next, nil
}
