package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/examples/backend/internal/kefuorder"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// The concession actions (rules A3, P2–P4): an agent reviews a concession;
// beyond her authority it waits for a superior, who approves it into a
// signed single-use token; she gives it with the token, once.

// loadRequest decodes the console's request — kefu's own JSON form,
// pricing.Request, which refuses "agent" and "at" — and completes it with
// who asks (the staff token), the order it names (the database) and the
// time (the backend's clock).
func loadRequest(ctx context.Context, tx *db.Tx, b []byte, me order.Agent, now time.Time) (pricing.Request, orderRow, error) {
	var req pricing.Request
	if err := req.UnmarshalJSON(b); err != nil {
		return req, orderRow{}, err
	}
	row, err := loadOrder(ctx, tx, req.OrderID())
	if err != nil {
		return req, row, err
	}
	req, err = req.Attach(me, &row.o, now)
	return req, row, err
}

// decisionOut is a review's answer.
type decisionOut struct {
	Decision  pricing.Decision `json:"decision"`
	Explain   Explain          `json:"explain"`
	RequestID string           `json:"request_id,omitempty"` // awaiting approval
}

func (s *Server) decisionOut(r *http.Request, d pricing.Decision) decisionOut {
	e := explain(s.lang(r), d.Verdict, d.Reasons).with(d, s.lang(r))
	return decisionOut{Decision: d, Explain: e}
}

// review: POST /reviews {"order_id":"T1","kind":"price_cut","amount":"5.00"}.
// The review itself writes nothing; a concession that needs approval is
// kept as a request for the approver (review_requests).
func (s *Server) review(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var b rawBody
	if !s.decode(w, r, &b) {
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var req pricing.Request
	var d pricing.Decision
	err := s.db.Read(ctx, func(tx *db.Tx) error {
		var err error
		if req, _, err = loadRequest(ctx, tx, b, me, now); err != nil {
			return err
		}
		au, ou, err := usages(ctx, tx, req)
		if err != nil {
			return err
		}
		d, err = s.cfg.Pricing.Review(req, au, ou)
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := s.decisionOut(r, d)
	if d.Verdict == order.NeedsApproval {
		out.RequestID = newID("rq")
		reqJSON, err := req.MarshalJSON()
		if err == nil {
			var agent []byte
			agent, err = json.Marshal(req.Agent)
			if err == nil {
				err = s.db.Tx(ctx, func(tx *db.Tx) error {
					_, err := tx.Exec(ctx, "INSERT INTO review_requests (id, order_id, requester, request, created_ms) VALUES (?, ?, ?, ?, ?)",
						out.RequestID, req.OrderID(), string(agent), string(reqJSON), ms(now))
					return err
				})
			}
		}
		if err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

func usages(ctx context.Context, tx *db.Tx, req pricing.Request) (pricing.AgentUsage, pricing.OrderUsage, error) {
	au, err := loadAgentUsage(ctx, tx, req.Agent.ID)
	if err != nil {
		return au, pricing.OrderUsage{}, err
	}
	ou, err := loadOrderUsage(ctx, tx, req.OrderID())
	return au, ou, err
}

// approveOut is an approval with its token, for the requester's console.
type approveOut struct {
	Approval pricing.Verified `json:"approval"`
	Token    string           `json:"token"`
}

// approve: POST /reviews/{id}/approve. The approver is the caller (the
// staff token), never named in a body; kefu refuses a self-approval under
// any spelling, an approver not above the requester or without the
// authority (403). One approval per request: a second is 409.
func (s *Server) approve(w http.ResponseWriter, r *http.Request, me order.Agent) {
	ctx := r.Context()
	now := s.cfg.Now()
	id := r.PathValue("id")
	var out approveOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		var requester, reqJSON string
		err := tx.QueryRow(ctx, "SELECT requester, request FROM review_requests WHERE id = ?", id).Scan(&requester, &reqJSON)
		if db.NoRows(err) {
			return notFound("review request", id)
		}
		if err != nil {
			return err
		}
		var asker order.Agent
		if err := json.Unmarshal([]byte(requester), &asker); err != nil {
			return fmt.Errorf("stored requester of %q: %w", id, err)
		}
		req, _, err := loadRequest(ctx, tx, []byte(reqJSON), asker, now)
		if err != nil {
			return err
		}
		au, ou, err := usages(ctx, tx, req)
		if err != nil {
			return err
		}
		v, err := s.cfg.Pricing.Approve(req, au, ou, me, newID("ap"), now.Add(s.cfg.ApprovalTTL))
		if err != nil {
			return err
		}
		a, err := json.Marshal(v)
		if err != nil {
			return err
		}
		ok, err := tx.Insert(ctx, "INSERT INTO approvals (id, request_id, order_id, body, expires_ms, created_ms) VALUES (?, ?, ?, ?, ?, ?)",
			v.ID(), id, req.OrderID(), string(a), ms(v.Approval().Expires), ms(now))
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("review request %q is approved already: %w", id, order.ErrConflict)
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

// concedeOut is a concession given (or not).
type concedeOut struct {
	decisionOut
	// Given says whether the concession was recorded: always with a valid
	// token; without one, only when the review allowed it alone.
	Given        bool                `json:"given"`
	ConcessionID string              `json:"concession_id,omitempty"`
	Spent        *pricing.Spent      `json:"spent,omitempty"`
	AgentUsage   *pricing.AgentUsage `json:"agent_usage,omitempty"`
	OrderUsage   *pricing.OrderUsage `json:"order_usage,omitempty"`
	// OrderVersion is the order's version after a price change before
	// payment (the new amount due).
	OrderVersion int64 `json:"order_version,omitempty"`
}

// concede: POST /concessions with the request, and "Kefu-Approval: <token>"
// when a superior approved it. In one transaction: verify the token for
// this request (pricing.Policy.Redeem), insert the spent approval under its
// unique key — a second use fails there whatever runs concurrently: 409 —,
// record the usage (pricing.Policy.Record) with compare-and-set on the
// agent's and the order's rows, and, before payment, change the order's
// price. Without a token the concession is given only if the review allows
// it alone; otherwise the answer is the decision, and nothing is written.
func (s *Server) concede(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var b rawBody
	if !s.decode(w, r, &b) {
		return
	}
	token := r.Header.Get("Kefu-Approval")
	ctx := r.Context()
	now := s.cfg.Now()
	var out concedeOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		out = concedeOut{}
		req, row, err := loadRequest(ctx, tx, b, me, now)
		if err != nil {
			return err
		}
		au, ou, err := usages(ctx, tx, req)
		if err != nil {
			return err
		}
		d, err := s.cfg.Pricing.Review(req, au, ou)
		if err != nil {
			return err
		}
		out.decisionOut = s.decisionOut(r, d)
		var approvalID *string
		if token != "" {
			_, spent, err := s.cfg.Pricing.Redeem(token, s.approvalKey, req, au, ou)
			if err != nil {
				return err
			}
			ok, err := tx.Insert(ctx, "INSERT INTO spent_approvals (id, order_id, expires_ms, at_ms) VALUES (?, ?, ?, ?)",
				spent.ID, spent.OrderID, ms(spent.Expires), ms(spent.At))
			if err != nil {
				return err
			}
			if !ok {
				return spent.AlreadyUsed() // 409; the transaction rolls back
			}
			out.Spent, approvalID = &spent, &spent.ID
		} else if d.Verdict != order.Allowed {
			return nil // the decision says who must approve; nothing given
		}
		au2, ou2, err := s.cfg.Pricing.Record(req, au, ou)
		if err != nil {
			return err
		}
		if err := saveAgentUsage(ctx, tx, au, au2); err != nil {
			return err
		}
		if err := saveOrderUsage(ctx, tx, ou, ou2); err != nil {
			return err
		}
		next, err := kefuorder.Concede(row.o, req.Kind, req.Amount)
		if err != nil {
			return err
		}
		if next.Paid().Cmp(row.o.Paid()) != 0 {
			if err := saveOrder(ctx, tx, row, next); err != nil {
				return err
			}
			out.OrderVersion = row.version + 1
		}
		out.ConcessionID = newID("cs")
		if _, err := tx.Exec(ctx, "INSERT INTO concessions (id, order_id, agent_id, kind, amount, approval_id, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
			out.ConcessionID, req.OrderID(), req.Agent.ID, req.Kind.String(), req.Amount.StringFixed(2), approvalID, ms(now)); err != nil {
			return err
		}
		out.Given, out.AgentUsage, out.OrderUsage = true, &au2, &ou2
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, out)
}
