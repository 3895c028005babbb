package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// Refund-and-reorder (rules S2, R1, R2, S7) runs on refund's planner:
// refund.PlanOvercharge makes a refund.Plan, stored in the plans table, and
// every action that is one of its steps — the hold, a hand-off sent or
// acknowledged, the new order linked, a parcel that leaves the warehouse,
// the refund itself — applies its refund.PlanEvent to the order's open plan
// in the action's own transaction, with compare-and-set on the plan's
// version. The plan refuses the shop's steps out of order (409, naming the
// first step missing), and the action is then refused with it: nothing is
// half-applied. Plan.Blockers says at every moment what blocks it and who
// must act.

// planRow is a stored plan and the version it was read at.
type planRow struct {
	p       refund.Plan
	version int64
}

func decodePlan(id, body string) (refund.Plan, error) {
	var p refund.Plan
	if err := p.UnmarshalJSON([]byte(body)); err != nil {
		return p, fmt.Errorf("stored plan %q: %w", id, err)
	}
	return p, nil
}

func loadPlan(ctx context.Context, tx *db.Tx, id string) (planRow, error) {
	var body string
	var row planRow
	err := tx.QueryRow(ctx, "SELECT body, version FROM plans WHERE id = ?", id).Scan(&body, &row.version)
	if db.NoRows(err) {
		return row, notFound("plan", id)
	}
	if err != nil {
		return row, err
	}
	row.p, err = decodePlan(id, body)
	return row, err
}

// openPlansOf returns the open plans an action on order id advances: those
// whose original or new order it is.
func openPlansOf(ctx context.Context, tx *db.Tx, id string) ([]planRow, error) {
	rows, err := tx.Query(ctx, "SELECT id, body, version FROM plans WHERE status = 'open' AND (original_id = ? OR reorder_id = ?) ORDER BY id", id, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []planRow
	for rows.Next() {
		var pid, body string
		var row planRow
		if err := rows.Scan(&pid, &body, &row.version); err != nil {
			return nil, err
		}
		if row.p, err = decodePlan(pid, body); err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

func insertPlan(ctx context.Context, tx *db.Tx, p refund.Plan) error {
	b, err := p.MarshalJSON()
	if err != nil {
		return err
	}
	ok, err := tx.Insert(ctx, "INSERT INTO plans (id, original_id, reorder_id, status, body, version) VALUES (?, ?, ?, ?, ?, ?)",
		p.ID(), p.OriginalID(), p.ReorderID(), p.Status().String(), string(b), p.Version())
	if err != nil {
		return err
	}
	if !ok {
		return fmt.Errorf("plan %q, or an open plan of order %q, exists already: %w", p.ID(), p.OriginalID(), order.ErrConflict)
	}
	return nil
}

// savePlan writes next over the plan read at row.version.
func savePlan(ctx context.Context, tx *db.Tx, row planRow, next refund.Plan) error {
	if next.Version() == row.version {
		return nil // a replay: nothing changed
	}
	b, err := next.MarshalJSON()
	if err != nil {
		return err
	}
	return tx.CAS(ctx, "UPDATE plans SET reorder_id = ?, status = ?, body = ?, version = ? WHERE id = ? AND version = ?",
		next.ReorderID(), next.Status().String(), string(b), next.Version(), next.ID(), row.version)
}

// eventAt is the time of an event on p: the backend's clock, but never
// before the plan's last change, which another instance's clock may have
// put slightly ahead.
func eventAt(p refund.Plan, now time.Time) time.Time {
	if now.Before(p.ModifiedAt()) {
		return p.ModifiedAt()
	}
	return now
}

// pending reports whether p has step st still to do.
func pending(p refund.Plan, st refund.Step) bool {
	s, ok := p.Step(st)
	return ok && s.State == refund.StepPending
}

// advancePlans applies the event ev makes of each open plan of order id,
// in the action's transaction; ev returns false for a plan the action is
// not a step of. A plan that refuses the event refuses the action: the
// caller's transaction rolls back. With observed, an event the plan
// refuses for its order is recorded as having happened all the same (a
// refund.Bypass names the guards skipped): for facts outside the shop's
// control, such as a colleague's acknowledgement.
func advancePlans(ctx context.Context, tx *db.Tx, id string, now time.Time, observed bool,
	ev func(p refund.Plan) (refund.PlanEvent, bool)) ([]refund.Plan, error) {
	rows, err := openPlansOf(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	var out []refund.Plan
	for _, row := range rows {
		e, ok := ev(row.p)
		if !ok {
			continue
		}
		e.Version, e.At = row.p.Version(), eventAt(row.p, now)
		next, err := row.p.Apply(e)
		if observed && errors.Is(err, refund.ErrInvalidTransition) {
			e.Observed = true
			next, err = row.p.Apply(e)
		}
		if err != nil {
			return nil, fmt.Errorf("plan %q: %w", row.p.ID(), err)
		}
		if err := savePlan(ctx, tx, row, next); err != nil {
			return nil, err
		}
		out = append(out, next)
	}
	return out, nil
}

// holdStep is the hold of an order as a plan event: the original held,
// with the hold note notes.ApplyHold made (rule R1).
func holdStep(held order.Order, note notes.Note) func(refund.Plan) (refund.PlanEvent, bool) {
	return func(p refund.Plan) (refund.PlanEvent, bool) {
		if held.ID() != p.OriginalID() || !pending(p, refund.StepHoldOriginal) {
			return refund.PlanEvent{}, false
		}
		return refund.PlanEvent{Kind: refund.PlanHold, Order: &held, Note: note}, true
	}
}

// handOffSteps are the plan steps a hand-off to each department completes
// once acknowledged (rules R1, N2, S2, S7).
var handOffSteps = map[order.Department]refund.Step{
	order.Finance:    refund.StepFinanceAck,
	order.Warehouse:  refund.StepWarehouseAck,
	order.Courier:    refund.StepIntercept,
	order.Operations: refund.StepFixSettings,
}

// handOffStep is a hand-off sent or acknowledged as a plan event, for a
// plan that waits for a hand-off to its department — unless the hand-off
// says it belongs to another plan or to none (plan, see planField).
func handOffStep(h notes.HandOff, plan *string) func(refund.Plan) (refund.PlanEvent, bool) {
	return func(p refund.Plan) (refund.PlanEvent, bool) {
		if plan != nil && *plan != p.ID() {
			return refund.PlanEvent{}, false
		}
		st, ok := handOffSteps[h.To.Department]
		if !ok || !pending(p, st) || (st != refund.StepFixSettings && h.OrderID != p.OriginalID()) {
			return refund.PlanEvent{}, false
		}
		return refund.PlanEvent{Kind: refund.PlanHandOff, HandOff: h}, true
	}
}

// parcelStep is how far an order's parcel has got, as a plan event: a
// fact, never refused for its timing (rule S7).
func parcelStep(id string, stage shipping.Stage) func(refund.Plan) (refund.PlanEvent, bool) {
	return func(p refund.Plan) (refund.PlanEvent, bool) {
		if p.Stage(id) >= stage {
			return refund.PlanEvent{}, false
		}
		return refund.PlanEvent{Kind: refund.PlanParcel, OrderID: id, Stage: stage}, true
	}
}

// planIn asks for a plan of an order's postage overcharge.
type planIn struct {
	// ID names the plan; the console's (at most 48 bytes), so that a retry
	// of the same request is answered 409 instead of making a second plan.
	ID string `json:"id"`
	// CannotRefundDifference: the postage difference cannot be refunded on
	// its own now; only then does the plan refund and reorder (rule R1).
	CannotRefundDifference bool `json:"cannot_refund_difference,omitempty"`
	// Stage is the furthest stage the warehouse reports for the original's
	// parcel; a dispatched order is at least outbound.
	Stage shipping.Stage `json:"stage,omitzero"`
}

// makePlan: POST /orders/{id}/reorder-plan — refund's planner decides how
// to put the order's postage overcharge right (rules S2, R1): the
// difference refunded, or, when that cannot be done alone and the parcel
// has not left, refund-and-reorder through its guarded steps. The caller
// owns the plan. One open plan per order (409).
func (s *Server) makePlan(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in planIn
	if !s.decode(w, r, &in) {
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out planOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		o := &row.o
		stage := in.Stage
		if o.Status().Dispatched() && stage < shipping.Outbound {
			stage = shipping.Outbound
		}
		p, err := refund.PlanOvercharge(refund.PlanRequest{ID: in.ID, Order: o, Overcharge: s.cfg.Shipping.PostageOvercharge(o),
			Stage: stage, CannotRefundDifference: in.CannotRefundDifference, Owner: me, At: now})
		if err != nil {
			return err
		}
		// An original held already, with its hold note in the memo: the
		// plan's first step is done (rule R1).
		if o.Status() == order.Held && pending(p, refund.StepHoldOriginal) {
			m, _, err := loadMemo(ctx, tx, o.ID())
			if err != nil {
				return err
			}
			if note, ok := lastHold(m); ok {
				if p, err = p.Apply(refund.PlanEvent{Kind: refund.PlanHold, Version: p.Version(), At: now, Order: o, Note: note}); err != nil {
					return err
				}
			}
		}
		if err := insertPlan(ctx, tx, p); err != nil {
			return err
		}
		out = s.planOut(r, p, now)
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusCreated, out)
}

// lastHold returns the memo's latest hold note, if its last hold note
// holds (rather than releases).
func lastHold(m notes.Memo) (notes.Note, bool) {
	ns, _ := m.Notes()
	for i := len(ns) - 1; i >= 0; i-- {
		if ns[i].Kind == notes.KindHold {
			return ns[i], !ns[i].Release
		}
	}
	return notes.Note{}, false
}

// getPlan: GET /plans/{id} — the plan, and what blocks it now.
func (s *Server) getPlan(w http.ResponseWriter, r *http.Request, me order.Agent) {
	ctx := r.Context()
	var row planRow
	err := s.db.Read(ctx, func(tx *db.Tx) (err error) {
		row, err = loadPlan(ctx, tx, r.PathValue("id"))
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, s.planOut(r, row.p, s.cfg.Now()))
}

// reorderPlan: GET /orders/{id}/reorder-plan — the order's postage
// overcharge and its remedies, the shop's preference first (rule S2), and
// its latest plan with what blocks it and who must act (rule R1).
func (s *Server) reorderPlan(w http.ResponseWriter, r *http.Request, me order.Agent) {
	ctx := r.Context()
	l := s.lang(r)
	now := s.cfg.Now()
	var out struct {
		Overcharge shipping.Overcharge `json:"overcharge"`
		Explain    Explain             `json:"explain"`
		Preferred  string              `json:"preferred,omitempty"`
		Plan       *planOut            `json:"plan,omitempty"`
	}
	err := s.db.Read(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		out.Overcharge = s.cfg.Shipping.PostageOvercharge(&row.o)
		out.Explain = explain(l, order.VerdictUnknown, out.Overcharge.Remedies).with(out.Overcharge, l)
		for rem := range out.Overcharge.Remedies.All() {
			out.Preferred = rem.String() // the shop's preference order: the first
			break
		}
		var id, body string
		err = tx.QueryRow(ctx, "SELECT id, body FROM plans WHERE original_id = ? ORDER BY status = 'open' DESC, version DESC LIMIT 1", row.o.ID()).Scan(&id, &body)
		if db.NoRows(err) {
			return nil
		}
		if err != nil {
			return err
		}
		p, err := decodePlan(id, body)
		if err != nil {
			return err
		}
		po := s.planOut(r, p, now)
		out.Plan = &po
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// planEventIn is an event a console reports on a plan directly: how far a
// parcel has got (rule S7), the warehouse's evidence of a double shipment
// (rule R2), or the plan called off. The other steps are the actions
// themselves (hold, hand-offs, re-order, refund).
type planEventIn struct {
	Event   refund.PlanEventKind `json:"event" strict:"required"`
	Version int64                `json:"version" strict:"required"`
	OrderID string               `json:"order_id,omitempty"`
	Stage   shipping.Stage       `json:"stage,omitzero"`
	// Evidence: the warehouse's outbound records and waybill weights;
	// the orders are the plan's.
	Outbound    []refund.Outbound `json:"outbound,omitempty"`
	Weights     []refund.Weight   `json:"weights,omitempty"`
	ParcelGrams int               `json:"parcel_grams,omitempty"`
}

// planEvent: POST /plans/{id}/events — a parcel's stage, the evidence
// weighed by refund.Policy.Reconcile, or cancel; on the version the
// console saw (a stale one is 409).
func (s *Server) planEvent(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in planEventIn
	if !s.decode(w, r, &in) {
		return
	}
	switch in.Event {
	case refund.PlanParcel, refund.PlanEvidence, refund.PlanCancel:
	default:
		s.writeError(w, r, &order.Error{Pkg: "backend", Field: "event", Value: in.Event.String(), Err: order.ErrInvalidInput,
			Detail: "parcel, evidence or cancel: the other steps are the actions themselves (hold, hand-offs, re-order, refund)"})
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out planOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadPlan(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		p := row.p
		e := refund.PlanEvent{Kind: in.Event, Version: in.Version, At: eventAt(p, now), OrderID: in.OrderID, Stage: in.Stage}
		if in.Event == refund.PlanEvidence {
			ev := p.Evidence()
			ev.Outbound, ev.Weights, ev.ParcelGrams = in.Outbound, in.Weights, in.ParcelGrams
			orig, err := loadOrder(ctx, tx, p.OriginalID())
			if err != nil {
				return err
			}
			ev.Order = &orig.o
			if e.Reconciliation, err = s.cfg.Refund.Reconcile(ev); err != nil {
				return err
			}
		}
		next, err := p.Apply(e)
		if err != nil {
			return err
		}
		if err := savePlan(ctx, tx, row, next); err != nil {
			return err
		}
		out = s.planOut(r, next, now)
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

type planRefundIn struct {
	// Version is the plan version the refund was decided on.
	Version int64 `json:"version" strict:"required"`
}

// planRefund: POST /plans/{id}/refund — the plan's money step paid through
// the ledger of the order it refunds (refund.Plan.Refund): the difference,
// the original once every guard is done (rule R1), or the order the
// evidence names (rule R2). The plan and the ledger are written in one
// transaction, each with compare-and-set on its version; the payouts'
// keys come from the plan's ID, so a retry replays them and never pays
// twice. A step not ready is 409, naming the step it waits for.
//
// The step is reviewed for approval (rule A3) in that transaction, as one
// refund of its total (planDecision): one approval covers the plan's
// money step whole. Without "Kefu-Approval: <token>" what needs approval
// is not paid — nothing is written but the request for the approver (the
// plan's request not yet approved, or a new one; POST
// /refund-reviews/{id}/approve) —, and with it the approval, which must be
// one of this plan's, is redeemed for the order, the caller and the total
// and spent once. A replay of a step paid spends nothing.
func (s *Server) planRefund(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in planRefundIn
	if !s.decode(w, r, &in) {
		return
	}
	token := r.Header.Get("Kefu-Approval")
	ctx := r.Context()
	now := s.cfg.Now()
	var out struct {
		planOut
		Review   planReview   `json:"review"`
		Receipts []receiptOut `json:"receipts"`
		Ledger   ledgerOut    `json:"ledger"`
	}
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		out.Review = planReview{}
		row, err := loadPlan(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		p := row.p
		orow, err := loadOrder(ctx, tx, planTarget(p))
		if err != nil {
			return err
		}
		l, err := ledgerFor(ctx, tx, orow)
		if err != nil {
			return err
		}
		at := eventAt(p, now)
		next, nl, rcs, err := p.Refund(l, in.Version, at)
		if err != nil {
			return err
		}
		rv := &out.Review
		if rv.Decision, err = s.reviewPlan(p, me, l, at); err != nil {
			return err
		}
		d := rv.Decision
		if d.Verdict == order.NeedsApproval && token == "" {
			// Not paid: the plan and the ledger as they were.
			out.planOut, out.Ledger, out.Receipts = s.planOut(r, p, now), summary(l), []receiptOut{}
			rv.RequestID, err = planReviewRequest(ctx, tx, p, l.OrderID(), me, now)
			return err
		}
		if token != "" && !d.Replayed {
			// Spent with the step it was asked for, also when the step
			// no longer needs it.
			v, spent, err := s.redeemPlan(token, d, me, l.OrderID(), now)
			if err != nil {
				return err
			}
			err = spendRefundApproval(ctx, tx, v, spent, grant{kind: reviewPlan, subject: p.ID(), orderID: l.OrderID(), step: moneyStep(p), amount: d.amount})
			if err != nil {
				return err
			}
			rv.Spent = &spent
		}
		if err := saveLedger(ctx, tx, nl, l.Version()); err != nil {
			return err
		}
		if err := savePlan(ctx, tx, row, next); err != nil {
			return err
		}
		rv.Paid = true
		out.planOut, out.Ledger = s.planOut(r, next, now), summary(nl)
		out.Receipts = make([]receiptOut, 0, len(rcs))
		for _, rc := range rcs {
			out.Receipts = append(out.Receipts, receipt(rc))
		}
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out.Review.Explain = explain(s.lang(r), out.Review.Decision.Verdict, out.Review.Decision.Reasons)
	s.writeJSON(w, r, http.StatusOK, out)
}

// planOut is a plan as the console shows it: kefu's plan, and beside it
// its route, status, reasons and what blocks it now — each step with who
// must act and why — with their text in the request's language, and the
// plan and each blocker as kefu words them (Plan.Staff, Plan.Buyer,
// Blocker.Staff; rules R1, R2, N2).
type planOut struct {
	Plan     refund.Plan `json:"plan"`
	Explain  planExplain `json:"explain"`
	Blockers []blocker   `json:"blockers"`
}

type planExplain struct {
	Lang    order.Lang `json:"lang"`
	Route   Code       `json:"route"`
	Status  Code       `json:"status"`
	Reasons []Code     `json:"reasons"`
	// BlockedBy is the first blocker ready to be acted on: the step that
	// holds the plan up now.
	BlockedBy string `json:"blocked_by,omitempty"`
	// Staff is the whole plan for the console (refund.Plan.Staff): the
	// route, the orders, the steps done and to do, each guard a bypass
	// skipped and when. Buyer is what the shop tells the buyer now
	// (refund.Plan.Buyer), left out for a cancelled plan.
	Staff string `json:"staff"`
	Buyer string `json:"buyer,omitempty"`
}

// blocker is a refund.Blocker with its text.
type blocker struct {
	Step    Code      `json:"step"`
	Ready   bool      `json:"ready"`
	Who     Code      `json:"who"`
	Reasons []Code    `json:"reasons"`
	Since   time.Time `json:"since"`
	Due     time.Time `json:"due,omitzero"`
	// Staff is the blocker as kefu words it (refund.Blocker.Staff): the
	// step, who must act, whether it can be done now, what is missing,
	// when its hand-off is due.
	Staff string `json:"staff"`
}

func (s *Server) planOut(r *http.Request, p refund.Plan, now time.Time) planOut {
	l := s.lang(r)
	out := planOut{Plan: p, Blockers: []blocker{}, Explain: planExplain{Lang: l,
		Route: codeOf(p.Route(), l), Status: codeOf(p.Status(), l),
		Reasons: explain(l, order.VerdictUnknown, p.Reasons()).Reasons,
		Staff:   p.Staff(l), Buyer: p.Buyer(l)}}
	for _, b := range p.Blockers(now) {
		out.Blockers = append(out.Blockers, blocker{Step: codeOf(b.Step, l), Ready: b.Ready, Who: actorCode(b.Who, l),
			Reasons: explain(l, order.VerdictUnknown, b.Reasons).Reasons, Since: b.Since, Due: b.Due, Staff: b.Staff(l)})
		if b.Ready && out.Explain.BlockedBy == "" {
			out.Explain.BlockedBy = b.Step.String()
		}
	}
	return out
}

// actorCode names who must act on a step: a role, a department, or the
// buyer.
func actorCode(a refund.Actor, l order.Lang) Code {
	switch {
	case a.Role.IsValid():
		return codeOf(a.Role, l)
	case a.Department.IsValid():
		return codeOf(a.Department, l)
	}
	return Code{Code: a.String(), Text: a.Text(l)}
}
