package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/kefu-go/kefu/examples/backend/internal/auth"
	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/examples/backend/internal/strict"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// memoOut is a memo append's answer: the decision (a full memo is a
// refused decision, not an error: rule N1) and the memo as stored.
type memoOut struct {
	Decision notes.Decision `json:"decision"`
	Explain  Explain        `json:"explain"`
	Memo     notes.Memo     `json:"memo"`
	Room     int            `json:"room"`
	Note     string         `json:"note,omitempty"` // the line written
	Order    *orderOut      `json:"order,omitempty"`
}

// appendNote: POST /orders/{id}/notes with a notes.NoteDraft — what the note
// says; the author and the time are stamped here, from the staff token and
// the clock (rule N1). The memo row is written with compare-and-set.
func (s *Server) appendNote(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var d notes.NoteDraft
	if !s.decode(w, r, &d) {
		return
	}
	n, err := d.Stamp(me, s.cfg.Now())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ctx := r.Context()
	var out memoOut
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		m, v, err := loadMemo(ctx, tx, row.o.ID())
		if err != nil {
			return err
		}
		next, dec, err := s.cfg.Notes.AppendNote(m, n)
		if err != nil {
			return err
		}
		out = memoOut{Decision: dec, Memo: next, Room: next.Room()}
		if dec.Verdict != order.Allowed {
			return nil
		}
		out.Note = n.Format(s.cfg.Notes.Lang, nil)
		return saveMemo(ctx, tx, row.o.ID(), next, v)
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out.Explain = explain(s.lang(r), out.Decision.Verdict, out.Decision.Reasons).with(out.Decision, s.lang(r))
	s.writeJSON(w, r, http.StatusOK, out)
}

// holdIn is a hold or release as a console asks for it.
type holdIn struct {
	Flag   notes.Flag `json:"flag"`
	Reason string     `json:"reason"`
}

func (s *Server) hold(w http.ResponseWriter, r *http.Request, me order.Agent) {
	s.holdOrRelease(w, r, me, order.Hold)
}

func (s *Server) release(w http.ResponseWriter, r *http.Request, me order.Agent) {
	s.holdOrRelease(w, r, me, order.Release)
}

// holdOrRelease: POST /orders/{id}/hold or /release. The order's status is
// the truth about a hold; notes.ApplyHold makes the memo note from the
// event, and both are written in one transaction, so the warehouse (which
// reads the memo) and the backend (which reads the status) never disagree
// (rules N1, N3, R1). A memo too full for the note refuses the hold too.
func (s *Server) holdOrRelease(w http.ResponseWriter, r *http.Request, me order.Agent, e order.Event) {
	var in holdIn
	if !s.decode(w, r, &in) {
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out memoOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		next, note, err := notes.ApplyHold(row.o, e, in.Flag, in.Reason, me, now)
		if err != nil {
			return err
		}
		m, v, err := loadMemo(ctx, tx, row.o.ID())
		if err != nil {
			return err
		}
		memo, dec, err := s.cfg.Notes.AppendNote(m, note)
		if err != nil {
			return err
		}
		out = memoOut{Decision: dec, Memo: memo, Room: memo.Room()}
		if dec.Verdict != order.Allowed {
			return nil
		}
		out.Note = note.Format(s.cfg.Notes.Lang, nil)
		out.Order = &orderOut{Order: next, Version: row.version + 1}
		if err := saveOrder(ctx, tx, row, next); err != nil {
			return err
		}
		if err := saveMemo(ctx, tx, row.o.ID(), memo, v); err != nil {
			return err
		}
		return s.holdPlans(ctx, tx, e, next, note, now)
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out.Explain = explain(s.lang(r), out.Decision.Verdict, out.Decision.Reasons).with(out.Decision, s.lang(r))
	s.writeJSON(w, r, http.StatusOK, out)
}

// holdPlans advances the order's open plans with a hold, in the hold's
// transaction: the original held is the first step of refund-and-reorder
// (rule R1). A release of an original whose open plan refunds and reorders
// is refused (409) once the plan counts the hold: the hold is what keeps
// the original from shipping while the buyer orders again; cancel the
// plan first.
func (s *Server) holdPlans(ctx context.Context, tx *db.Tx, e order.Event, next order.Order, note notes.Note, now time.Time) error {
	if e == order.Hold {
		_, err := advancePlans(ctx, tx, next.ID(), now, false, holdStep(next, note))
		return err
	}
	plans, err := openPlansOf(ctx, tx, next.ID())
	if err != nil {
		return err
	}
	for _, row := range plans {
		if st, ok := row.p.Step(refund.StepHoldOriginal); ok && st.State == refund.StepDone && row.p.Route() == refund.RouteReorder {
			return &order.Error{Pkg: "backend", Field: "event", Value: e.String(), Err: order.ErrConflict,
				Detail: "plan " + row.p.ID() + " refunds and reorders this order: it stays held until the plan is done or cancelled (rule R1)"}
		}
	}
	return nil
}

type handOffOut struct {
	Decision notes.Decision `json:"decision"`
	Explain  Explain        `json:"explain"`
	HandOff  *notes.HandOff `json:"handoff,omitempty"`
}

// sendHandOff: POST /handoffs with a notes.HandOffDraft; the sender and the
// time are stamped here. An urgent hand-off to a colleague who is away that
// went only by chat is refused (PhoneRequired, rule N2) and not stored.
func (s *Server) sendHandOff(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in handOffIn
	if !s.decode(w, r, &in) {
		return
	}
	d, plan := in.draft, in.plan
	h, dec, err := s.cfg.Notes.SendHandOff(d.Stamp(me, s.cfg.Now()))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := handOffOut{Decision: dec, Explain: explain(s.lang(r), dec.Verdict, dec.Reasons).with(dec, s.lang(r))}
	if dec.Verdict == order.Allowed {
		ctx := r.Context()
		err = s.db.Tx(ctx, func(tx *db.Tx) error {
			if h.OrderID != "" {
				if _, err := loadOrder(ctx, tx, h.OrderID); err != nil {
					return err
				}
			}
			body, err := json.Marshal(h)
			if err != nil {
				return err
			}
			ok, err := tx.Insert(ctx, "INSERT INTO handoffs (id, order_id, target, acked_ms, due_ms, body, version, plan_id) VALUES (?, ?, ?, 0, ?, ?, 1, ?)",
				h.ID, h.OrderID, h.To.String(), ms(h.Due), string(body), plan)
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("hand-off %q exists already: %w", h.ID, order.ErrConflict)
			}
			// The hand-off a plan waits for, sent before the steps that
			// guard it, is refused with the plan (rule R1); one that says
			// it is no plan's ("plan":"") is not the plan's step.
			if h.OrderID == "" {
				if plan != nil && *plan != "" {
					return &order.Error{Pkg: "backend", Field: "plan", Value: *plan, Err: order.ErrInvalidInput,
						Detail: "a hand-off about no order is no plan's step"}
				}
				return nil
			}
			ps, err := advancePlans(ctx, tx, h.OrderID, h.SentAt, false, handOffStep(h, plan))
			if err != nil {
				return err
			}
			if plan != nil && *plan != "" && len(ps) == 0 {
				return fmt.Errorf("plan %q is not an open plan of order %q waiting for a hand-off to %s: %w",
					*plan, h.OrderID, h.To.Department, order.ErrConflict)
			}
			return nil
		})
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		out.HandOff = &h
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// ackHandOff: POST /handoffs/{id}/ack — the caller acknowledges: a hand-off
// counts once a person has it, and never its sender (rule N2: 403); twice is
// 409. Finance and warehouse staff acknowledge with their own staff tokens.
func (s *Server) ackHandOff(w http.ResponseWriter, r *http.Request, me auth.Claims) {
	ctx := r.Context()
	now := s.cfg.Now()
	var out notes.HandOff
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		h, v, plan, err := loadHandOff(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		if out, err = h.Acknowledge(me.ID, now); err != nil {
			return err
		}
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		if err := tx.CAS(ctx, "UPDATE handoffs SET acked_ms = ?, body = ?, version = ? WHERE id = ? AND version = ?",
			ms(out.AckedAt), string(b), v+1, out.ID, v); err != nil {
			return err
		}
		if out.OrderID == "" {
			return nil
		}
		// An acknowledgement is the colleague's fact: a plan records it
		// even out of order, naming the guards it skipped (rules N2, R1).
		_, err = advancePlans(ctx, tx, out.OrderID, now, true, handOffStep(out, plan))
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"handoff": out})
}

// loadHandOff returns a stored hand-off, its version and the plan it
// belongs to (see planField).
func loadHandOff(ctx context.Context, tx *db.Tx, id string) (notes.HandOff, int64, *string, error) {
	var body string
	var v int64
	var plan sql.NullString
	err := tx.QueryRow(ctx, "SELECT body, version, plan_id FROM handoffs WHERE id = ?", id).Scan(&body, &v, &plan)
	if db.NoRows(err) {
		return notes.HandOff{}, 0, nil, notFound("hand-off", id)
	}
	if err != nil {
		return notes.HandOff{}, 0, nil, err
	}
	var h notes.HandOff
	if err := h.UnmarshalJSON([]byte(body)); err != nil {
		return h, 0, nil, fmt.Errorf("stored hand-off %q: %w", id, err)
	}
	if !plan.Valid {
		return h, v, nil, nil
	}
	return h, v, &plan.String, nil
}

// handOffIn is a hand-off as the console sends it: kefu's
// notes.HandOffDraft, and beside it the plan it belongs to (planField).
type handOffIn struct {
	draft notes.HandOffDraft
	plan  *string
}

// UnmarshalJSON reads the plan field, then kefu's form of the rest.
func (in *handOffIn) UnmarshalJSON(b []byte) error {
	rest, plan, err := planField(b)
	if err != nil {
		return err
	}
	if err := in.draft.UnmarshalJSON(rest); err != nil {
		return err
	}
	in.plan = plan
	return nil
}

// planField takes the backend's "plan" field out of a hand-off body, so
// that the rest is decoded by kefu's strict notes.HandOffDraft: which
// refund-and-reorder plan the hand-off belongs to (rule R1). Absent or
// null: the open plan of its order that waits for a hand-off to its
// department, if any, takes it as its step. "": none — a hand-off to
// finance about something else is sent even while a plan waits for its
// hold. A plan's ID: that plan's step, refused (409) unless that plan is
// open on the order and waits for it. It is a string or null (422
// otherwise), at most 64 bytes.
func planField(b []byte) ([]byte, *string, error) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(b, &fields) != nil {
		return b, nil, nil // not an object: kefu's decoder says what is wrong
	}
	raw, ok := fields["plan"]
	if !ok {
		return b, nil, nil
	}
	delete(fields, "plan")
	var plan *string
	if err := strict.Decode(raw, &plan); err != nil {
		return nil, nil, &order.Error{Pkg: "backend", Field: "plan", Err: order.ErrInvalidJSON, Detail: "a plan's ID, \"\" for none, or null"}
	}
	if plan != nil && len(*plan) > 64 {
		return nil, nil, &order.Error{Pkg: "backend", Field: "plan", Err: order.ErrInvalidInput, Detail: "at most 64 bytes"}
	}
	rest, err := json.Marshal(fields)
	if err != nil {
		return nil, nil, err
	}
	return rest, plan, nil
}

type promiseOut struct {
	Decision notes.Decision `json:"decision"`
	Explain  Explain        `json:"explain"`
	Promise  *notes.Promise `json:"promise,omitempty"`
}

// makePromise: POST /promises with a notes.PromiseDraft. kefu refuses a
// promise that cannot be kept (rule N3): an exact delivery date, a dispatch
// earlier than the shipping policy allows, goods real stock cannot cover, a
// held order or a memo that disagrees with the status. Kept promises are
// stored, and followed until settled.
func (s *Server) makePromise(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var d notes.PromiseDraft
	if !s.decode(w, r, &d) {
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out promiseOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, d.OrderID)
		if err != nil {
			return err
		}
		m, _, err := loadMemo(ctx, tx, row.o.ID())
		if err != nil {
			return err
		}
		skus := skusOf(&row.o)
		if d.Item.SKU != "" {
			skus = append(skus, d.Item.SKU)
		}
		stock, err := loadStock(ctx, tx, skus)
		if err != nil {
			return err
		}
		p, dec, err := s.cfg.Notes.MakePromise(d.Stamp(me, now),
			notes.PromiseCheck{Order: &row.o, Memo: m, Stock: stock, Shipping: s.cfg.Shipping}, now)
		if err != nil {
			return err
		}
		out = promiseOut{Decision: dec}
		if dec.Verdict != order.Allowed {
			return nil
		}
		body, err := json.Marshal(p)
		if err != nil {
			return err
		}
		ok, err := tx.Insert(ctx, "INSERT INTO promises (id, order_id, buyer_id, settled_ms, due_ms, body, version) VALUES (?, ?, ?, 0, ?, ?, 1)",
			p.ID, p.OrderID, p.BuyerID, ms(p.Due), string(body))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("promise %q: %w", p.ID, notes.ErrPromiseExists)
		}
		out.Promise = &p
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out.Explain = explain(s.lang(r), out.Decision.Verdict, out.Decision.Reasons).with(out.Decision, s.lang(r))
	s.writeJSON(w, r, http.StatusOK, out)
}

func loadPromise(ctx context.Context, tx *db.Tx, id string) (notes.Promise, int64, error) {
	var body string
	var v int64
	err := tx.QueryRow(ctx, "SELECT body, version FROM promises WHERE id = ?", id).Scan(&body, &v)
	if db.NoRows(err) {
		return notes.Promise{}, 0, fmt.Errorf("promise %q: %w", id, notes.ErrUnknownPromise)
	}
	if err != nil {
		return notes.Promise{}, 0, err
	}
	var p notes.Promise
	if err := p.UnmarshalJSON([]byte(body)); err != nil {
		return p, 0, fmt.Errorf("stored promise %q: %w", id, err)
	}
	return p, v, nil
}

// settlePromise loads a promise, settles it with f and writes it back with
// compare-and-set: of two settlements one wins, the other is kefu's
// ErrAlreadySettled (409).
func (s *Server) settlePromise(w http.ResponseWriter, r *http.Request, f func(notes.Promise) (notes.Promise, error)) {
	ctx := r.Context()
	var out notes.Promise
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		p, v, err := loadPromise(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		if out, err = f(p); err != nil {
			return err
		}
		if !out.Settled() {
			return nil // evidence that does not fulfil it (a waybill printed, not outbound)
		}
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		settled := out.DoneAt
		if settled.IsZero() {
			settled = out.BrokenAt
		}
		return tx.CAS(ctx, "UPDATE promises SET settled_ms = ?, body = ?, version = ? WHERE id = ? AND version = ?",
			ms(settled), string(b), v+1, out.ID, v)
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	st := out.State(s.cfg.Now(), s.dueSoon())
	s.writeJSON(w, r, http.StatusOK, map[string]any{"promise": out, "state": st, "state_text": st.Text(s.lang(r))})
}

func (s *Server) dueSoon() time.Duration { return time.Duration(s.cfg.Notes.DueSoon) }

// fulfilPromise: POST /promises/{id}/fulfil with a notes.Fulfilment — a
// promise that ships goods is kept only by outbound evidence (rule N3).
func (s *Server) fulfilPromise(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var f notes.Fulfilment
	if !s.decode(w, r, &f) {
		return
	}
	s.settlePromise(w, r, func(p notes.Promise) (notes.Promise, error) { return p.Fulfil(f) })
}

// breakPromise: POST /promises/{id}/break — given up now.
func (s *Server) breakPromise(w http.ResponseWriter, r *http.Request, me order.Agent) {
	now := s.cfg.Now()
	s.settlePromise(w, r, func(p notes.Promise) (notes.Promise, error) { return p.Break(now) })
}

// agenda: GET /agenda — after-sales' record of the day (rule N4) from the
// open promises.
func (s *Server) agenda(w http.ResponseWriter, r *http.Request, me order.Agent) {
	ctx := r.Context()
	var ps []notes.Promise
	err := s.db.Read(ctx, func(tx *db.Tx) error {
		rows, err := tx.Query(ctx, "SELECT id, body FROM promises WHERE settled_ms = 0 ORDER BY due_ms, id")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id, b string
			if err := rows.Scan(&id, &b); err != nil {
				return err
			}
			var p notes.Promise
			if err := p.UnmarshalJSON([]byte(b)); err != nil {
				return fmt.Errorf("stored promise %q: %w", id, err)
			}
			ps = append(ps, p)
		}
		return rows.Err()
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	l, err := notes.NewLedger(ps)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	a, err := s.cfg.Notes.Agenda(l, s.cfg.Now())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"agenda": a})
}
