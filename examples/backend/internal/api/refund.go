package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/examples/backend/internal/strict"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
)

// ledgerOut summarises a refund ledger: what was paid, refunded and remains
// (rule R7), the version to decide on, and returned goods not yet refunded
// (rule R6).
type ledgerOut struct {
	OrderID        string         `json:"order_id"`
	Version        int64          `json:"version"`
	Paid           string         `json:"paid"`
	Refunded       string         `json:"refunded"`
	Remaining      string         `json:"remaining"`
	AwaitingRefund map[string]int `json:"awaiting_refund,omitempty"`
	Ledger         refund.Ledger  `json:"ledger"`
}

func summary(l refund.Ledger) ledgerOut {
	return ledgerOut{OrderID: l.OrderID(), Version: l.Version(), Paid: l.Paid().StringFixed(2),
		Refunded: l.Refunded().StringFixed(2), Remaining: l.Remaining().StringFixed(2),
		AwaitingRefund: l.AwaitingRefund(), Ledger: l}
}

func (s *Server) getLedger(w http.ResponseWriter, r *http.Request, me order.Agent) {
	ctx := r.Context()
	var out ledgerOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		l, err := ledgerFor(ctx, tx, row)
		out = summary(l)
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// payoutIn is a refund's money as a console sends it (refund.Payout has no
// JSON form): an idempotency key, the line, units and amounts, and
// optionally the ledger version the agent decided on.
type payoutIn struct {
	Key      string `json:"key"`
	SKU      string `json:"sku,omitempty"`
	Units    int    `json:"units,omitempty"`
	Returned bool   `json:"returned,omitempty"`
	// WithReturn: the refund is for goods the buyer sends back; paid
	// before they came back (not Returned) it may need approval (rule A3).
	WithReturn bool        `json:"with_return,omitempty"`
	Goods      strict.Yuan `json:"goods"`
	Postage    strict.Yuan `json:"postage"`
	// Version is the ledger version the decision was made on; a payout on
	// another version is refused (409, refund.ErrStaleVersion). Without
	// it, the payout is decided on the ledger as it stands: concurrent
	// payouts are then applied one after the other, each checked against
	// what remains.
	Version *int64 `json:"version,omitempty"`
}

// same reports whether in and o are the same payout, but for the ledger
// version decided on: what binds a payout's approval to the payout it was
// asked for (rule A3).
func (in payoutIn) same(o payoutIn) bool {
	return in.Key == o.Key && in.SKU == o.SKU && in.Units == o.Units && in.Returned == o.Returned &&
		in.WithReturn == o.WithReturn && in.Goods.Equal(o.Goods.Decimal) && in.Postage.Equal(o.Postage.Decimal)
}

// receiptOut is what a payout paid.
type receiptOut struct {
	Key      string `json:"key"`
	SKU      string `json:"sku,omitempty"`
	Units    int    `json:"units"`
	Returned bool   `json:"returned"`
	Goods    string `json:"goods"`
	Postage  string `json:"postage"`
	Amount   string `json:"amount"`
	Version  int64  `json:"version"`
	// Replayed: the key was paid before; nothing new was paid.
	Replayed bool `json:"replayed"`
}

func receipt(r refund.Receipt) receiptOut {
	return receiptOut{Key: r.Key, SKU: r.SKU, Units: r.Units, Returned: r.Returned, Goods: r.Goods().StringFixed(2),
		Postage: r.Postage().StringFixed(2), Amount: r.Amount().StringFixed(2), Version: r.Version, Replayed: r.Replayed}
}

// payoutOut is a payout's answer: the review (rule A3) and, when it was
// paid, the receipt and the ledger.
type payoutOut struct {
	Decision refund.RefundDecision `json:"decision"`
	Explain  Explain               `json:"explain"`
	approvalState
	Receipt *receiptOut `json:"receipt,omitempty"`
	Ledger  *ledgerOut  `json:"ledger,omitempty"`
}

// refundRequest is the refund a payout makes, on ledger l, for review
// (refund.Policy.ReviewRefund).
func refundRequest(in payoutIn, me order.Agent, l refund.Ledger, now time.Time) refund.RefundRequest {
	p := refund.Payout{Key: in.Key, Version: l.Version(), SKU: in.SKU, Units: in.Units, Returned: in.Returned,
		Goods: in.Goods.Decimal, Postage: in.Postage.Decimal, At: now}
	if in.Version != nil {
		p.Version = *in.Version
	}
	return refund.RefundRequest{Agent: me, Ledger: l, Payout: p, WithReturn: in.WithReturn || in.Returned, At: now}
}

// payout: POST /orders/{id}/payouts — a partial refund through the order's
// ledger (rule R7). kefu caps it by what remains of the line, the units and
// the postage, and pays a key once (a replay with the same parameters
// returns the first receipt; other parameters are 422). The next ledger is
// written with compare-and-set on its version, so of concurrent payouts
// that together exceed what the buyer paid, those that no longer fit are
// refused (422 ErrOverRefund): the total never exceeds the payment.
//
// A refund above the shop's amount, or of goods sent back paid before they
// came back, needs a senior colleague's approval (rule A3,
// refund.Policy.ReviewRefund): without one it is not paid — the answer is
// the decision and a request for the approver (POST
// /refund-reviews/{id}/approve) —, and with "Kefu-Approval: <token>" the
// approval is redeemed for exactly the payout it was asked for (order,
// agent, key, line, units, amount; grant) and spent once, its
// spent_approvals row inserted in the payout's transaction — also when the
// payout no longer needs it. A replay spends nothing.
func (s *Server) payout(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in payoutIn
	body := kept{v: &in}
	if !s.decode(w, r, &body) {
		return
	}
	token := r.Header.Get("Kefu-Approval")
	ctx := r.Context()
	now := s.cfg.Now()
	var out payoutOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		out = payoutOut{}
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		l, err := ledgerFor(ctx, tx, row)
		if err != nil {
			return err
		}
		req := refundRequest(in, me, l, now)
		d, err := s.cfg.Refund.ReviewRefund(req)
		if err != nil {
			return err
		}
		out.Decision = d
		subject, err := payoutSubject(in)
		if err != nil {
			return err
		}
		if d.Verdict == order.NeedsApproval && !d.Replayed && token == "" {
			// Not paid: kept as the payout's request for the approver,
			// one open per payout (openRequest).
			out.RequestID, err = openRequest(ctx, tx, pendingRefund{kind: reviewPayout, subject: subject, orderID: row.o.ID(), payload: body.raw}, me, now)
			return err
		}
		if token != "" && !d.Replayed {
			// Redeemed for exactly the payout it was asked for, and spent
			// with it — also when the payout no longer needs it.
			v, spent, err := s.cfg.Refund.RedeemRefund(token, s.approvalKey, req)
			if err != nil {
				return err
			}
			// 409 when spent already; the transaction rolls back.
			err = spendRefundApproval(ctx, tx, v, spent, grant{kind: reviewPayout, subject: subject, orderID: row.o.ID(), payout: &in, amount: d.Amount()})
			if err != nil {
				return err
			}
			out.Spent = &spent
		}
		next, rc, err := l.Pay(req.Payout)
		if err != nil {
			return err
		}
		if err := saveLedger(ctx, tx, next, l.Version()); err != nil {
			return err
		}
		if err := keepRefundPromise(ctx, tx, next, rc.Key); err != nil {
			return err
		}
		ro, lo := receipt(rc), summary(next)
		out.Paid, out.Receipt, out.Ledger = true, &ro, &lo
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out.Explain = explain(s.lang(r), out.Decision.Verdict, out.Decision.Reasons).with(out.Decision, s.lang(r))
	s.writeJSON(w, r, http.StatusOK, out)
}

// approveRefund: POST /refund-reviews/{id}/approve — the caller approves a
// refund waiting for approval into a signed, single-use token of kind
// refund (rule A3): never the requester, and only someone above them with
// the authority the review asks for (403). The refund is reviewed again on
// the rows as they stand: a payout on the ledger (refund.Policy.
// ApproveRefund); a refund application's action on the refund — which the
// action must still move to success (409 otherwise) — and the ledger after
// the returned goods' arrival; a plan's money step on the plan and the
// ledger of the order it refunds, its total (see planDecision). One
// approval per request (409).
func (s *Server) approveRefund(w http.ResponseWriter, r *http.Request, me order.Agent) {
	ctx := r.Context()
	now := s.cfg.Now()
	id := r.PathValue("id")
	var out approveOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var orderID, requester, payload, kind, subject, step string
		var pending int64
		err := tx.QueryRow(ctx, "SELECT order_id, requester, payout, kind, subject, step, pending FROM refund_reviews WHERE id = ?", id).
			Scan(&orderID, &requester, &payload, &kind, &subject, &step, &pending)
		if db.NoRows(err) {
			return notFound("refund review", id)
		}
		if err != nil {
			return err
		}
		if pending == 0 {
			return fmt.Errorf("refund review %q is approved already, or closed: %w", id, order.ErrConflict)
		}
		var asker order.Agent
		if err := json.Unmarshal([]byte(requester), &asker); err != nil {
			return fmt.Errorf("stored requester of %q: %w", id, err)
		}
		var v pricing.Verified
		switch kind {
		case reviewPayout:
			var in payoutIn
			if err := strict.Decode([]byte(payload), &in); err != nil {
				return fmt.Errorf("stored payout of %q: %w", id, err)
			}
			in.Version = nil // reviewed on the ledger as it stands
			row, err := loadOrder(ctx, tx, orderID)
			if err != nil {
				return err
			}
			l, err := ledgerFor(ctx, tx, row)
			if err != nil {
				return err
			}
			if v, err = s.cfg.Refund.ApproveRefund(refundRequest(in, asker, l, now), me, newID("ap"), now.Add(s.cfg.ApprovalTTL)); err != nil {
				return err
			}
		case reviewRefundAction:
			var in actionIn
			if err := strict.Decode([]byte(payload), &in); err != nil {
				return fmt.Errorf("stored action of %q: %w", id, err)
			}
			rf, units, _, err := loadRefund(ctx, tx, subject)
			if err != nil {
				return err
			}
			a := in.action(now)
			next, err := paying(rf, a)
			if err != nil {
				return err
			}
			m, err := refundMoneyOf(ctx, tx, next, units, a.Event)
			if err != nil {
				return err
			}
			if v, err = s.cfg.Refund.ApproveRefund(m.request(asker, now), me, newID("ap"), now.Add(s.cfg.ApprovalTTL)); err != nil {
				return err
			}
		case reviewPlan:
			row, err := loadPlan(ctx, tx, subject)
			if err != nil {
				return err
			}
			if cur := moneyStep(row.p).String(); step != "" && step != cur {
				return fmt.Errorf("refund review %q asks for plan %s's step %s, and the plan now pays %s: %w", id, subject, step, cur, order.ErrConflict)
			}
			orow, err := loadOrder(ctx, tx, planTarget(row.p))
			if err != nil {
				return err
			}
			l, err := ledgerFor(ctx, tx, orow)
			if err != nil {
				return err
			}
			if v, err = s.approvePlan(row.p, asker, me, l, now); err != nil {
				return err
			}
		default:
			return fmt.Errorf("refund review %q: unknown kind %q", id, kind)
		}
		a, err := json.Marshal(v)
		if err != nil {
			return err
		}
		// Approved once: the request is closed with compare-and-set, on
		// the request as it was read and reviewed — brought up to date by
		// a refusal since (another payout, another asker), the approval
		// runs again on it — and approvals.request_id is unique.
		if err := tx.CAS(ctx, `UPDATE refund_reviews SET pending = 0 WHERE id = ? AND pending = 1
			AND order_id = ? AND requester = ? AND payout = ? AND step = ?`, id, orderID, requester, payload, step); err != nil {
			return err
		}
		ok, err := tx.Insert(ctx, "INSERT INTO approvals (id, request_id, order_id, body, expires_ms, created_ms) VALUES (?, ?, ?, ?, ?, ?)",
			v.ID(), id, v.Approval().OrderID, string(a), ms(v.Approval().Expires), ms(now))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("refund review %q is approved already: %w", id, order.ErrConflict)
		}
		token, err := v.Token(s.approvalKey)
		if err != nil {
			return err
		}
		out = approveOut{Approval: v, Token: token}
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// keepRefundPromise settles the refund promised under key, if one is
// open, once the ledger l paid it (refund.Ledger.Keep, rule R6): kept if
// paid by its due time, broken if later — in the payout's transaction, so
// a paid refund is never left as a promise overdue.
func keepRefundPromise(ctx context.Context, tx *db.Tx, l refund.Ledger, key string) error {
	p, v, err := loadPromise(ctx, tx, key)
	if errors.Is(err, notes.ErrUnknownPromise) {
		return nil
	}
	if err != nil {
		return err
	}
	if p.Kind != notes.RefundBy || p.Settled() || p.OrderID != l.OrderID() {
		return nil
	}
	kept, err := l.Keep(p)
	if err != nil || !kept.Settled() {
		return err
	}
	b, err := json.Marshal(kept)
	if err != nil {
		return err
	}
	return tx.CAS(ctx, "UPDATE promises SET settled_ms = ?, body = ?, version = ? WHERE id = ? AND version = ?",
		ms(kept.DoneAt), string(b), v+1, kept.ID, v)
}

// refundIn is a buyer's refund application as the console records it
// (refund.Application has no JSON form).
type refundIn struct {
	ID            string            `json:"id"` // the platform's refund_id
	SKU           string            `json:"sku"`
	Units         int               `json:"units,omitempty"` // units of the line the refund covers; 0 for money only
	Fee           strict.Yuan       `json:"fee"`
	HasGoodReturn bool              `json:"has_good_return,omitempty"`
	GoodStatus    refund.GoodStatus `json:"good_status,omitzero"`
}

type refundOut struct {
	Refund refund.Refund `json:"refund"`
	Units  int           `json:"units"`
	// Review is the review of the money the action pays (rule A3), when
	// it pays: not paid without the approval it asks for, and the refund
	// then left as it was.
	Review  *refundReview `json:"review,omitempty"`
	Receipt *receiptOut   `json:"receipt,omitempty"`
	Ledger  *ledgerOut    `json:"ledger,omitempty"`
	Order   *orderOut     `json:"order,omitempty"`
}

// openRefund: POST /orders/{id}/refunds — a buyer applies for a refund on
// one line, with or without sending goods back.
func (s *Server) openRefund(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in refundIn
	if !s.decode(w, r, &in) {
		return
	}
	if in.Units < 0 {
		s.writeError(w, r, &order.Error{Pkg: "backend", Field: "units", Err: order.ErrInvalidQuantity, Detail: "at least 0"})
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out refundOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		rf, err := refund.Open(&row.o, refund.Application{ID: in.ID, SKU: in.SKU, Fee: in.Fee.Decimal,
			HasGoodReturn: in.HasGoodReturn, GoodStatus: in.GoodStatus, At: now})
		if err != nil {
			return err
		}
		if _, err := refundableUnits(row.o, rf.SKU(), in.Units); err != nil {
			return err
		}
		body, err := rf.MarshalJSON()
		if err != nil {
			return err
		}
		ok, err := tx.Insert(ctx, "INSERT INTO refunds (id, order_id, units, body, version) VALUES (?, ?, ?, ?, ?)",
			rf.ID(), rf.OrderID(), in.Units, string(body), rf.Version())
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("refund %q exists already: %w", rf.ID(), order.ErrConflict)
		}
		out = refundOut{Refund: rf, Units: in.Units}
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, out)
}

func refundableUnits(o order.Order, sku string, units int) (int, error) {
	l, ok := o.LineBySKU(sku)
	if !ok {
		return 0, fmt.Errorf("line %q: %w", sku, refund.ErrUnknownLine)
	}
	if units > l.Quantity {
		return 0, &order.Error{Pkg: "backend", Field: "units", Err: refund.ErrOverQuantity}
	}
	return units, nil
}

// actionIn is an event on a refund or an exchange, with the version the
// actor saw (refund_version): an action on another version is refused.
type actionIn struct {
	Event   string       `json:"event" strict:"required"`
	Version int64        `json:"version" strict:"required"`
	Waybill string       `json:"waybill,omitempty"`
	Fee     *strict.Yuan `json:"fee,omitempty"`
	Units   int          `json:"units,omitempty"` // exchanges: units received back
}

// action is in as a refund's action at now.
func (in actionIn) action(now time.Time) refund.Action {
	a := refund.Action{Version: in.Version, At: now, Waybill: in.Waybill}
	a.Event, _ = refund.ParseEvent(in.Event) // checked when received
	if in.Fee != nil {
		a.Fee = &in.Fee.Decimal
	}
	return a
}

// refundAction: POST /refunds/{id}/actions. The refund moves through the
// platform's lifecycle on the version the actor saw (a stale one is 409).
// When the money is due — the seller agrees to a refund without return, or
// confirms the returned goods arrived — it is paid through the ledger in
// the same transaction, under the refund's ID as idempotency key, the
// arrival recorded first for a return (a payout for units that never came
// back is refused, rule R7); a refund that leaves nothing of the goods
// during the sale closes the trade.
//
// The money is reviewed first (rule A3, refund.Policy.ReviewRefund), on
// the ledger after the arrival: a refund above the shop's amount, or of
// goods sent back that are not recorded as back, needs a senior
// colleague's approval. Without "Kefu-Approval: <token>" the action is
// then not applied at all — the refund, the ledger and the arrival stay as
// they were — and the answer carries the review and the request to approve
// (POST /refund-reviews/{id}/approve); the action sent again with the
// token pays, the approval redeemed for exactly this refund, order, agent
// and amount and spent once in the action's transaction.
func (s *Server) refundAction(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in actionIn
	body := kept{v: &in}
	if !s.decode(w, r, &body) {
		return
	}
	if _, err := refund.ParseEvent(in.Event); err != nil {
		s.writeError(w, r, err)
		return
	}
	token := r.Header.Get("Kefu-Approval")
	ctx := r.Context()
	now := s.cfg.Now()
	a := in.action(now)
	var out refundOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		rf, units, v, err := loadRefund(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		next, err := rf.Apply(a)
		if err != nil {
			return err
		}
		out = refundOut{Refund: next, Units: units}
		var m refundMoney
		if next.Status() == refund.Success {
			if m, err = refundMoneyOf(ctx, tx, next, units, a.Event); err != nil {
				return err
			}
			req := m.request(me, now)
			rv := &refundReview{}
			if rv.Decision, err = s.cfg.Refund.ReviewRefund(req); err != nil {
				return err
			}
			out.Review = rv
			d := rv.Decision
			if d.Verdict == order.NeedsApproval && !d.Replayed && token == "" {
				// Not applied: kept as the refund's request for the
				// approver, one open per refund (openRequest).
				out.Refund = rf
				rv.RequestID, err = openRequest(ctx, tx, pendingRefund{kind: reviewRefundAction, subject: rf.ID(), orderID: rf.OrderID(), payload: body.raw}, me, now)
				return err
			}
			if token != "" && !d.Replayed {
				// Spent with the refund it was asked for, also when the
				// refund no longer needs it (a team leader's action is
				// refused with another agent's approval).
				ap, spent, err := s.cfg.Refund.RedeemRefund(token, s.approvalKey, req)
				if err != nil {
					return err
				}
				err = spendRefundApproval(ctx, tx, ap, spent, grant{kind: reviewRefundAction, subject: rf.ID(), orderID: rf.OrderID(), amount: d.Amount()})
				if err != nil {
					return err
				}
				rv.Spent = &spent
			}
		}
		body, err := next.MarshalJSON()
		if err != nil {
			return err
		}
		if err := tx.CAS(ctx, "UPDATE refunds SET body = ?, version = ? WHERE id = ? AND version = ?",
			string(body), next.Version(), next.ID(), v); err != nil {
			return err
		}
		if out.Review == nil {
			return nil
		}
		out.Review.Paid = true
		return s.payRefund(ctx, tx, next, m, &out)
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if out.Review != nil {
		out.Review.Explain = explain(s.lang(r), out.Review.Decision.Verdict, out.Review.Decision.Reasons).with(out.Review.Decision, s.lang(r))
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// payRefund pays the money m of refund rf, reviewed, through its order's
// ledger.
func (s *Server) payRefund(ctx context.Context, tx *db.Tx, rf refund.Refund, m refundMoney, out *refundOut) error {
	next, rc, err := m.ledger.Pay(m.payout)
	if err != nil {
		return err
	}
	if err := saveLedger(ctx, tx, next, m.read.Version()); err != nil {
		return err
	}
	if err := keepRefundPromise(ctx, tx, next, rc.Key); err != nil {
		return err
	}
	ro, lo := receipt(rc), summary(next)
	out.Receipt, out.Ledger = &ro, &lo
	row := m.row
	if rf.ClosesTrade(next) {
		if _, err := order.Transition(row.o.Status(), order.Close); err == nil {
			closed, err := row.o.Apply(order.Close, rf.ModifiedAt())
			if err != nil {
				return err
			}
			if err := saveOrder(ctx, tx, row, closed); err != nil {
				return err
			}
			out.Order = &orderOut{Order: closed, Version: row.version + 1}
		}
	}
	return nil
}

func loadRefund(ctx context.Context, tx *db.Tx, id string) (refund.Refund, int, int64, error) {
	var body string
	var units int
	var v int64
	err := tx.QueryRow(ctx, "SELECT body, units, version FROM refunds WHERE id = ?", id).Scan(&body, &units, &v)
	if db.NoRows(err) {
		return refund.Refund{}, 0, 0, notFound("refund", id)
	}
	if err != nil {
		return refund.Refund{}, 0, 0, err
	}
	var rf refund.Refund
	if err := rf.UnmarshalJSON([]byte(body)); err != nil {
		return rf, 0, 0, fmt.Errorf("stored refund %q: %w", id, err)
	}
	return rf, units, v, nil
}

// sevenDayIn is a seven-day return request as the console sends it.
type sevenDayIn struct {
	SKU                 string              `json:"sku"`
	SignedAt            time.Time           `json:"signed_at"`
	Kind                refund.Kind         `json:"kind"`
	ConfirmedAtPurchase bool                `json:"confirmed_at_purchase,omitempty"`
	Condition           refund.ConditionSet `json:"condition,omitempty"`
}

// sevenDay: POST /orders/{id}/seven-day — may the buyer return it without
// reason (rule R3), and what to confirm with the buyer first.
func (s *Server) sevenDay(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in sevenDayIn
	if !s.decode(w, r, &in) {
		return
	}
	ctx := r.Context()
	var row orderRow
	err := s.db.Read(ctx, func(tx *db.Tx) (err error) {
		row, err = loadOrder(ctx, tx, r.PathValue("id"))
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	d, err := s.cfg.Refund.SevenDay(refund.SevenDayRequest{Order: &row.o, SKU: in.SKU, SignedAt: in.SignedAt,
		At: s.cfg.Now(), Kind: in.Kind, ConfirmedAtPurchase: in.ConfirmedAtPurchase, Condition: in.Condition})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	l := s.lang(r)
	s.writeJSON(w, r, http.StatusOK, map[string]any{"decision": d, "explain": explain(l, d.Verdict, d.Reasons).with(d, l),
		"confirm": explain(l, order.VerdictUnknown, d.Confirm).Reasons})
}

// exchangeIn opens an exchange (refund.ExchangeRequest has no JSON form).
type exchangeIn struct {
	ID             string `json:"id"`
	SKU            string `json:"sku"`
	Units          int    `json:"units"`
	ReplacementSKU string `json:"replacement_sku,omitempty"`
}

// openExchange: POST /orders/{id}/exchanges (rule R4).
func (s *Server) openExchange(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in exchangeIn
	if !s.decode(w, r, &in) {
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out refund.Exchange
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		x, err := refund.OpenExchange(&row.o, refund.ExchangeRequest{ID: in.ID, SKU: in.SKU, Units: in.Units,
			ReplacementSKU: in.ReplacementSKU, At: now})
		if err != nil {
			return err
		}
		body, err := x.MarshalJSON()
		if err != nil {
			return err
		}
		ok, err := tx.Insert(ctx, "INSERT INTO exchanges (id, order_id, body, version, waiting) VALUES (?, ?, ?, ?, ?)",
			x.ID(), x.OrderID(), string(body), x.Version(), waiting(x))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("exchange %q exists already: %w", x.ID(), order.ErrConflict)
		}
		out = x
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, map[string]any{"exchange": out})
}

// exchangeAction: POST /exchanges/{id}/actions — ship_return (with the
// return waybill), receive_return (units), dispatch_replacement (its
// waybill; only after the return arrived: 409 before), cancel.
func (s *Server) exchangeAction(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in actionIn
	if !s.decode(w, r, &in) {
		return
	}
	if in.Fee != nil {
		s.writeError(w, r, &order.Error{Pkg: "backend", Field: "fee", Err: order.ErrUnknownField, Detail: "an exchange moves no money"})
		return
	}
	var e refund.ExchangeEvent
	if err := e.UnmarshalText([]byte(in.Event)); err != nil {
		s.writeError(w, r, err)
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out refund.Exchange
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		id := r.PathValue("id")
		var body string
		var v int64
		err := tx.QueryRow(ctx, "SELECT body, version FROM exchanges WHERE id = ?", id).Scan(&body, &v)
		if db.NoRows(err) {
			return notFound("exchange", id)
		}
		if err != nil {
			return err
		}
		var x refund.Exchange
		if err := x.UnmarshalJSON([]byte(body)); err != nil {
			return fmt.Errorf("stored exchange %q: %w", id, err)
		}
		if out, err = x.Apply(refund.ExchangeAction{Event: e, Version: in.Version, At: now, Waybill: in.Waybill, Units: in.Units}); err != nil {
			return err
		}
		nb, err := out.MarshalJSON()
		if err != nil {
			return err
		}
		return tx.CAS(ctx, "UPDATE exchanges SET body = ?, version = ?, waiting = ? WHERE id = ? AND version = ?",
			string(nb), out.Version(), waiting(out), id, v)
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"exchange": out})
}

// waiting is the exchange's waiting column: 1 while it waits for the
// buyer's goods to come back, which the triage's after-sales check watches
// (rule R4).
func waiting(x refund.Exchange) int {
	if x.WaitingOnReturn() {
		return 1
	}
	return 0
}

type reorderIn struct {
	ReorderID string `json:"reorder_id" strict:"required"`
	// Observed: the buyer already ordered again on their own. The order's
	// open plan records it even before the steps that guard it, with a
	// bypass naming them (seed 000 case 1); without it, a re-order before
	// finance and the warehouse acknowledged is refused (409).
	Observed bool `json:"observed,omitempty"`
}

// linkReorder: POST /orders/{id}/reorder {"reorder_id":"T2"} — the buyer
// placed the order again (refund-and-reorder, rule R1). Both orders must
// exist and be the same buyer's; the original's open plan takes the new
// order as its step in the same transaction (refund.PlanReorder), and
// refuses it before the hold and both acknowledgements.
func (s *Server) linkReorder(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in reorderIn
	if !s.decode(w, r, &in) {
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out struct {
		OriginalID string   `json:"original_id"`
		ReorderID  string   `json:"reorder_id"`
		Plan       *planOut `json:"plan,omitempty"`
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		out.Plan = nil
		orig, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		again, err := loadOrder(ctx, tx, in.ReorderID)
		if err != nil {
			return err
		}
		if again.o.ID() == orig.o.ID() || !again.o.MayDiscloseTo(orig.o.Buyer().ID) {
			return &order.Error{Pkg: "backend", Field: "reorder_id", Value: in.ReorderID, Err: order.ErrInvalidInput,
				Detail: "the re-order must be another order of the same buyer"}
		}
		ok, err := tx.Insert(ctx, "INSERT INTO reorders (original_id, reorder_id, at_ms) VALUES (?, ?, ?)", orig.o.ID(), again.o.ID(), ms(now))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("order %q has a re-order already: %w", orig.o.ID(), order.ErrConflict)
		}
		plans, err := advancePlans(ctx, tx, orig.o.ID(), now, false, func(p refund.Plan) (refund.PlanEvent, bool) {
			if p.OriginalID() != orig.o.ID() || !pending(p, refund.StepPlaceReorder) {
				return refund.PlanEvent{}, false
			}
			return refund.PlanEvent{Kind: refund.PlanReorder, Order: &again.o, Observed: in.Observed}, true
		})
		for _, p := range plans {
			po := s.planOut(r, p, now)
			out.Plan = &po
		}
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out.OriginalID, out.ReorderID = r.PathValue("id"), in.ReorderID
	s.writeJSON(w, r, http.StatusOK, out)
}
