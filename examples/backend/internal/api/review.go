package api

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/examples/backend/internal/strict"
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

// pendingRefund is a refund waiting for approval, a refund_reviews row:
// what waits (kind), which one (subject: a payout's key, in its canonical
// form, on its order; the refund; the plan), a plan's money step, the order
// it refunds, and what the approver reviews (the payout, the action as
// sent; "{}" for a plan).
type pendingRefund struct {
	kind, subject, step, orderID string
	payload                      []byte
}

// openRequest records rq, asked by me at now, and returns the ID of its
// request: the open request of its subject, brought up to date (the asker,
// the payload, the time, a plan's step and order), or a new one. A subject
// has at most one open request (rule A3) — unique partial indexes, of a
// plan's step (refund_reviews_open_plan_step, migration 0004) and of a
// payout's key on its order or a refund (refund_reviews_open_subject,
// 0005) —, so that of two refusals at the same instant that both find
// none, the second's insert is a missed CAS: its transaction runs again
// and finds the first's request. The request is brought up to date only
// while open (compare-and-set): approved in the meantime, the refusal runs
// again and asks anew. A plan's request stored before requests named their
// step (an empty step) is the plan's, and is taken as the step's.
func openRequest(ctx context.Context, tx *db.Tx, rq pendingRefund, me order.Agent, now time.Time) (string, error) {
	agent, err := json.Marshal(me)
	if err != nil {
		return "", err
	}
	var id string
	if rq.kind == reviewPlan {
		err = tx.QueryRow(ctx, `SELECT id FROM refund_reviews WHERE kind = ? AND subject = ? AND pending = 1
			AND (step = ? OR step = '') ORDER BY step DESC, created_ms DESC, id LIMIT 1`, rq.kind, rq.subject, rq.step).Scan(&id)
	} else {
		err = tx.QueryRow(ctx, `SELECT id FROM refund_reviews WHERE kind = ? AND order_id = ? AND subject = ? AND pending = 1
			ORDER BY created_ms DESC, id LIMIT 1`, rq.kind, rq.orderID, rq.subject).Scan(&id)
	}
	if db.NoRows(err) {
		id = newID("rr")
		return id, tx.Create(ctx, "INSERT INTO refund_reviews (id, order_id, requester, payout, created_ms, kind, subject, step) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			id, rq.orderID, string(agent), string(rq.payload), ms(now), rq.kind, rq.subject, rq.step)
	}
	if err != nil {
		return "", err
	}
	return id, tx.CAS(ctx, "UPDATE refund_reviews SET requester = ?, order_id = ?, payout = ?, created_ms = ?, step = ? WHERE id = ? AND pending = 1",
		string(agent), rq.orderID, string(rq.payload), ms(now), rq.step, id)
}

// grant is the request an approval must have been granted for to pay
// (rule A3): its kind and subject (the payout's key, the refund, the
// plan), its order, for a payout the payout itself (its key, line, units
// and amounts, not the version it was decided on), for a plan the money
// step, and the amount this call pays — the approval's to the fen. An
// approval pays its own request and nothing else: not another payout of
// the order and agent below its amount, not another path.
type grant struct {
	kind, subject, orderID string
	payout                 *payoutIn
	step                   refund.Step
	amount                 decimal.Decimal
}

// spendRefundApproval spends approval v, redeemed as sp, in the paying
// transaction. v must be an approval of the request g describes (403
// otherwise, 409 when that request is still the one paid but the state
// moved on: another step of its plan, another amount); then its
// spent_approvals row is inserted under its unique key (409
// Spent.AlreadyUsed when it is taken: the transaction rolls back).
func spendRefundApproval(ctx context.Context, tx *db.Tx, v pricing.Verified, sp pricing.Spent, g grant) error {
	if err := bound(ctx, tx, v, g); err != nil {
		return err
	}
	ok, err := tx.Insert(ctx, "INSERT INTO spent_approvals (id, order_id, expires_ms, at_ms) VALUES (?, ?, ?, ?)",
		sp.ID, sp.OrderID, ms(sp.Expires), ms(sp.At))
	if err != nil {
		return err
	}
	if !ok {
		return sp.AlreadyUsed()
	}
	return nil
}

// bound checks that v was granted for the request g describes.
func bound(ctx context.Context, tx *db.Tx, v pricing.Verified, g grant) error {
	var kind, subject, orderID, payload, step string
	err := tx.QueryRow(ctx, `SELECT rr.kind, rr.subject, rr.order_id, rr.payout, rr.step
		FROM approvals a JOIN refund_reviews rr ON rr.id = a.request_id WHERE a.id = ?`, v.ID()).
		Scan(&kind, &subject, &orderID, &payload, &step)
	if err != nil && !db.NoRows(err) {
		return err
	}
	refuse := func(detail string) error {
		return &order.Error{Pkg: "backend", Field: "Kefu-Approval", Value: v.ID(), Err: order.ErrForbidden, Detail: detail}
	}
	what := "a payout"
	switch g.kind {
	case reviewRefundAction:
		what = "refund " + g.subject
	case reviewPlan:
		what = "plan " + g.subject
	}
	if err != nil || kind != g.kind || subject != g.subject || orderID != g.orderID {
		return refuse("the approval is not one of " + what + " (rule A3)")
	}
	if g.payout != nil {
		var asked payoutIn
		if err := strict.Decode([]byte(payload), &asked); err != nil {
			return fmt.Errorf("stored payout of approval %q: %w", v.ID(), err)
		}
		if !asked.same(*g.payout) {
			return refuse("the approval is of the payout " + strconv.Quote(asked.Key) + " as it was asked (key, line, units, amounts), not of this one (rule A3)")
		}
	}
	if step != "" && step != g.step.String() {
		return fmt.Errorf("the approval is of plan %s's step %s, and the plan now pays %s: ask again (rule A3): %w",
			g.subject, step, g.step, order.ErrConflict)
	}
	if have := v.Approval().Amount; !have.Equal(g.amount) {
		return fmt.Errorf("the approval is of %s for %s, which now pays %s: ask again (rule A3): %w",
			have.StringFixed(2), what, g.amount.StringFixed(2), order.ErrConflict)
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

// planReviewRequest records p's refund waiting for approval, asked by me
// (openRequest): the request of the plan's money step.
func planReviewRequest(ctx context.Context, tx *db.Tx, p refund.Plan, orderID string, me order.Agent, now time.Time) (string, error) {
	return openRequest(ctx, tx, pendingRefund{kind: reviewPlan, subject: p.ID(), step: moneyStep(p).String(), orderID: orderID, payload: []byte("{}")}, me, now)
}

// payoutSubject is the subject of a payout's request: its key in its
// canonical form (order.CanonicalID, as kefu's ledger reads it), so that
// two spellings of one key are one payout and one request.
func payoutSubject(in payoutIn) (string, error) {
	key, err := order.CanonicalID(in.Key)
	if err != nil {
		return "", &order.Error{Pkg: "backend", Field: "key", Value: in.Key, Err: order.ErrInvalidInput, Cause: err}
	}
	return key, nil
}

// moneyStep is the plan's money step: the one Plan.Payouts and Plan.Refund
// pay (refund_difference, refund_original or settle), StepUnknown for none.
func moneyStep(p refund.Plan) refund.Step {
	for _, st := range p.Steps() {
		switch st.Step {
		case refund.StepRefundDifference, refund.StepRefundOriginal, refund.StepSettle:
			if st.State != refund.StepDropped {
				return st.Step
			}
		}
	}
	return refund.StepUnknown
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
