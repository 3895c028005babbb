package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/examples/backend/internal/kefuorder"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// orderOut is an order as the staff console receives it: the whole order
// (staff see the address to ship it) and the row's version.
type orderOut struct {
	Order   order.Order `json:"order"`
	Version int64       `json:"version"`
}

// createOrder: POST /orders with a kefu order.Spec (rule O1). A paid
// order gets its refund ledger in the same transaction (rule R7).
func (s *Server) createOrder(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var b rawBody
	if !s.decode(w, r, &b) {
		return
	}
	o, err := kefuorder.FromSpec(b)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.storeNewOrder(w, r, o, nil, nil)
}

// importTrade: POST /orders/import with the platform's trade record
// (order.Trade): the order, the platform's discount split (kept for
// refunds) and the seller memo.
func (s *Server) importTrade(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var b rawBody
	if !s.decode(w, r, &b) {
		return
	}
	im, err := kefuorder.FromTrade(b)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	detail, err := im.Detail.MarshalJSON()
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	memo, err := notes.TradeMemo(im.Trade)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.storeNewOrder(w, r, im.Order, detail, &memo)
}

func (s *Server) storeNewOrder(w http.ResponseWriter, r *http.Request, o order.Order, detail []byte, memo *notes.Memo) {
	ctx := r.Context()
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		if err := insertOrder(ctx, tx, o, detail); err != nil {
			return err
		}
		if memo != nil && memo.Len() > 0 {
			if err := saveMemo(ctx, tx, o.ID(), *memo, 0); err != nil {
				return err
			}
		}
		if o.Status().Paid() && o.Status() != order.Closed {
			row := orderRow{o: o}
			if detail != nil {
				row.detail, row.hasDet, _ = kefuorder.DecodeDetail(detail)
			}
			return createLedger(ctx, tx, row)
		}
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	// The order logs through its LogValue: masked (rule O7).
	s.log.InfoContext(ctx, "order stored", slog.Any("order", o))
	s.writeJSON(w, r, http.StatusCreated, orderOut{Order: o, Version: 1})
}

func (s *Server) getOrder(w http.ResponseWriter, r *http.Request, me order.Agent) {
	ctx := r.Context()
	var out struct {
		orderOut
		Memo notes.Memo `json:"memo"`
	}
	err := s.db.Read(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		out.Order, out.Version = row.o, row.version
		out.Memo, _, err = loadMemo(ctx, tx, row.o.ID())
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// eventIn is a lifecycle event a console sends: {"event":"pay"}.
type eventIn struct {
	Event string `json:"event"`
}

// orderEvent: POST /orders/{id}/events moves the order through the
// platform's lifecycle (rule O1); a move it does not allow is kefu's
// conflict (409). Paying builds the refund ledger in the same transaction.
// Holds go through /hold and /release, which write the memo note with the
// status (notes.ApplyHold).
func (s *Server) orderEvent(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in eventIn
	if !s.decode(w, r, &in) {
		return
	}
	if in.Event == order.Hold.String() || in.Event == order.Release.String() {
		s.writeError(w, r, &order.Error{Pkg: "backend", Field: "event", Value: in.Event, Err: order.ErrInvalidInput,
			Detail: "a hold is written with its memo note: POST /orders/{id}/hold or /release"})
		return
	}
	ctx := r.Context()
	now := s.cfg.Now()
	var out orderOut
	err := s.db.Tx(ctx, func(tx *db.Tx) error {
		row, err := loadOrder(ctx, tx, r.PathValue("id"))
		if err != nil {
			return err
		}
		next, err := kefuorder.Apply(row.o, in.Event, now)
		if err != nil {
			return err
		}
		if err := saveOrder(ctx, tx, row, next); err != nil {
			return err
		}
		if !row.o.Status().Paid() && next.Status().Paid() {
			if err := createLedger(ctx, tx, orderRow{o: next, detail: row.detail, hasDet: row.hasDet}); err != nil {
				return err
			}
		}
		// A parcel that left the warehouse is a fact for the order's plans
		// (rules R1, R2, S7): an original gone before its refund switches
		// its plan to refunding the difference, or to reconciling a double
		// shipment.
		if !row.o.Status().Dispatched() && next.Status().Dispatched() {
			if _, err := advancePlans(ctx, tx, next.ID(), now, false, parcelStep(next.ID(), shipping.Outbound)); err != nil {
				return err
			}
		}
		out = orderOut{Order: next, Version: row.version + 1}
		return nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, out)
}

// orderShipping: GET /orders/{id}/shipping — free shipping and the postage
// it should have been charged (rules S1, S2), what to do about an
// overcharge, the carrier (rules S3, S5) and the honest dispatch promise
// (rule S6).
func (s *Server) orderShipping(w http.ResponseWriter, r *http.Request, me order.Agent) {
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
	l, p := s.lang(r), s.cfg.Shipping
	o := &row.o
	free := p.FreeShipping(o)
	over := p.PostageOvercharge(o)
	out := map[string]any{
		"free_shipping":         free,
		"free_shipping_explain": explain(l, free.Verdict(), free.Reasons()).with(free, l),
		"overcharge":            over,
		"overcharge_explain":    explain(l, order.VerdictUnknown, over.Remedies).with(over, l),
	}
	if o.Region().IsValid() {
		pref, _ := p.RequestedCarrier(o.Message())
		if c, err := p.ChooseCarrier(o.Region(), pref); err == nil {
			out["carrier"] = c
			out["carrier_explain"] = explain(l, order.VerdictUnknown, c.Reasons).with(c, l)
		}
	}
	paid := o.PaidAt()
	if paid.IsZero() {
		paid = s.cfg.Now() // what paying now would be promised (rule S10)
	}
	promise, err := p.DispatchPromise(paid)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out["dispatch_promise"] = promise
	out["dispatch_promise_explain"] = explain(l, order.VerdictUnknown, promise.Reasons).with(promise, l)
	out["wording_text"] = promise.Wording.Text(l)
	s.writeJSON(w, r, http.StatusOK, out)
}

// promiseCheck: POST /orders/{id}/promise-check with a shipping.PromiseClaim
// — what the agent is about to tell the buyer about dispatch — checked
// against the honest promise before it is said (rules S6, S8, N3).
func (s *Server) promiseCheck(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var c shipping.PromiseClaim
	if !s.decode(w, r, &c) {
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
	paid := row.o.PaidAt()
	if paid.IsZero() {
		paid = s.cfg.Now()
	}
	rev, err := s.cfg.Shipping.ReviewPromise(paid, c)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"review": rev, "explain": explain(s.lang(r), rev.Verdict, rev.Reasons).with(rev, s.lang(r))})
}

// stockIn is the warehouse's count of a SKU (rule O8). The count is
// required: a body without it is refused, never read as a count of 0.
type stockIn struct {
	OnHand int `json:"on_hand" strict:"required"`
}

// putStock: PUT /stock/{sku} {"on_hand": 12} — the warehouse's count of
// real stock (rule O8), which promises and the triage read.
func (s *Server) putStock(w http.ResponseWriter, r *http.Request, me order.Agent) {
	var in stockIn
	if !s.decode(w, r, &in) {
		return
	}
	sku, err := order.NormalizeSKU(r.PathValue("sku"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if _, err := order.NewStock(map[string]int{sku: in.OnHand}); err != nil {
		s.writeError(w, r, err)
		return
	}
	ctx := r.Context()
	err = s.db.Tx(ctx, func(tx *db.Tx) error {
		_, err := tx.Exec(ctx, `INSERT INTO stock (sku, on_hand, version) VALUES (?, ?, 1)
			ON CONFLICT (sku) DO UPDATE SET on_hand = excluded.on_hand, version = stock.version + 1`, sku, in.OnHand)
		return err
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"sku": sku, "on_hand": in.OnHand})
}

// Progress reports how far a long read has come: n of total orders.
type Progress func(n, total int)

// Digest runs the problem-order triage at now and returns the after-sales
// digest (rule O2) and how many orders it checked: every open stored order
// under the order package's, shipping's and the stock checks, and refund's
// after-sales checks (order.AfterSaleCheck) — refunds promised and late,
// returned goods not refunded in time (rule R6), exchanges waiting too long
// for their return (rule R4) — on the open orders and on the finished and
// closed ones they flag, where returns and refunds after the sale happen.
// Everything is read in one read-only snapshot, the open orders in pages of
// 1,000; progress, when not nil, is called after each page.
func (s *Server) Digest(ctx context.Context, now time.Time, progress Progress) (order.Digest, int, error) {
	var orders []*order.Order
	var stock order.Stock
	var after []refund.Check
	err := s.db.Read(ctx, func(tx *db.Tx) error {
		open := "status NOT IN ('TRADE_FINISHED', 'TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO')"
		var total int
		if err := tx.QueryRow(ctx, "SELECT COUNT(*) FROM orders WHERE "+open).Scan(&total); err != nil {
			return err
		}
		orders = make([]*order.Order, 0, total)
		in := make(map[string]bool, total)
		last := ""
		for {
			rows, err := tx.Query(ctx, "SELECT id, body FROM orders WHERE "+open+" AND id > ? ORDER BY id LIMIT 1000", last)
			if err != nil {
				return err
			}
			n := 0
			for rows.Next() {
				var id, b string
				if err := rows.Scan(&id, &b); err != nil {
					rows.Close()
					return err
				}
				o, err := kefuorder.Decode([]byte(b))
				if err != nil {
					rows.Close()
					return fmt.Errorf("stored order %q: %w", id, err)
				}
				orders = append(orders, &o)
				in[id] = true
				last = id
				n++
			}
			if err := rows.Close(); err != nil {
				return err
			}
			if progress != nil {
				progress(len(orders), max(total, len(orders)))
			}
			if n < 1000 {
				break
			}
		}
		var err error
		if stock, err = loadAllStock(ctx, tx); err != nil {
			return err
		}
		if after, err = s.afterSaleChecks(ctx, tx); err != nil {
			return err
		}
		// The finished and closed orders the after-sales checks flag join
		// the batch; the open ones are in it already.
		for _, c := range after {
			for _, id := range c.Flagged(now) {
				if in[id] {
					continue
				}
				row, err := loadOrder(ctx, tx, id)
				if errors.Is(err, order.ErrNotFound) {
					continue // a ledger or an exchange of an order no longer stored
				}
				if err != nil {
					return err
				}
				in[id] = true
				orders = append(orders, &row.o)
			}
		}
		return nil
	})
	if err != nil {
		return order.Digest{}, 0, err
	}
	checks := make([]order.Check, 0, len(after))
	for _, c := range after {
		checks = append(checks, c)
	}
	d, err := kefuorder.Triage(orders, stock, s.cfg.Shipping, s.cfg.Triage, now, checks...)
	return d, len(orders), err
}

func loadAllStock(ctx context.Context, tx *db.Tx) (order.Stock, error) {
	m := map[string]int{}
	rows, err := tx.Query(ctx, "SELECT sku, on_hand FROM stock")
	if err != nil {
		return order.Stock{}, err
	}
	defer rows.Close()
	for rows.Next() {
		var sku string
		var n int
		if err := rows.Scan(&sku, &n); err != nil {
			return order.Stock{}, err
		}
		m[sku] = n
	}
	if err := rows.Err(); err != nil {
		return order.Stock{}, err
	}
	return order.NewStock(m)
}

// afterSaleChecks builds refund's after-sales checks from what they watch,
// read from the rows that can hold a problem only: the open refund
// promises and the ledgers of their orders (refund.OverdueRefundCheck), the
// ledgers holding returned goods not yet refunded (returns_pending,
// Policy.UnrefundedReturnCheck), the exchanges still waiting for their
// return (waiting, Policy.ExchangeReturnCheck).
func (s *Server) afterSaleChecks(ctx context.Context, tx *db.Tx) ([]refund.Check, error) {
	var promises []notes.Promise
	err := scan(ctx, tx, "SELECT id, body FROM promises WHERE settled_ms = 0 ORDER BY id", func(id, b string) error {
		var p notes.Promise
		if err := p.UnmarshalJSON([]byte(b)); err != nil {
			return fmt.Errorf("stored promise %q: %w", id, err)
		}
		if p.Kind == notes.RefundBy {
			promises = append(promises, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	var returns []refund.Ledger
	err = scan(ctx, tx, "SELECT order_id, body FROM ledgers WHERE returns_pending = 1 ORDER BY order_id", func(id, b string) error {
		var l refund.Ledger
		if err := l.UnmarshalJSON([]byte(b)); err != nil {
			return fmt.Errorf("stored ledger %q: %w", id, err)
		}
		returns = append(returns, l)
		return nil
	})
	if err != nil {
		return nil, err
	}
	// The ledgers of the promised refunds' orders: a promise its ledger
	// paid is not late.
	promised := make([]refund.Ledger, 0, len(promises))
	have := map[string]bool{}
	for _, p := range promises {
		if have[p.OrderID] {
			continue
		}
		have[p.OrderID] = true
		l, ok, err := loadLedger(ctx, tx, p.OrderID)
		if err != nil {
			return nil, err
		}
		if ok {
			promised = append(promised, l)
		}
	}
	var exchanges []refund.Exchange
	err = scan(ctx, tx, "SELECT id, body FROM exchanges WHERE waiting = 1 ORDER BY id", func(id, b string) error {
		var x refund.Exchange
		if err := x.UnmarshalJSON([]byte(b)); err != nil {
			return fmt.Errorf("stored exchange %q: %w", id, err)
		}
		exchanges = append(exchanges, x)
		return nil
	})
	if err != nil {
		return nil, err
	}
	overdue, err := refund.OverdueRefundCheck(promises, promised)
	if err != nil {
		return nil, err
	}
	unrefunded, err := s.cfg.Refund.UnrefundedReturnCheck(returns)
	if err != nil {
		return nil, err
	}
	exchange, err := s.cfg.Refund.ExchangeReturnCheck(exchanges)
	if err != nil {
		return nil, err
	}
	return []refund.Check{overdue, unrefunded, exchange}, nil
}

// scan runs a query of (key, body) rows and calls f on each.
func scan(ctx context.Context, tx *db.Tx, q string, f func(id, body string) error) error {
	rows, err := tx.Query(ctx, q)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, b string
		if err := rows.Scan(&id, &b); err != nil {
			return err
		}
		if err := f(id, b); err != nil {
			return err
		}
	}
	return rows.Err()
}

// digestGroup is one category of the digest with its text.
type digestGroup struct {
	Category Code `json:"category"`
	Rows     []struct {
		OrderID string `json:"order_id"`
		Reasons []Code `json:"reasons"`
	} `json:"rows"`
}

// digest: GET /digest — the problem-order form (rule O2) with each
// category and reason in the request's language. ?format=text gives kefu's
// table as the after-sales team reads it, in the request's language
// (order.Digest.Staff): categories, columns, times and reasons in words,
// refund's included.
func (s *Server) digest(w http.ResponseWriter, r *http.Request, me order.Agent) {
	d, _, err := s.Digest(r.Context(), s.cfg.Now(), nil)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	l := s.lang(r)
	if r.URL.Query().Get("format") == "text" {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Content-Language", l.String())
		_, _ = fmt.Fprint(w, d.Staff(l))
		return
	}
	groups := make([]digestGroup, 0, len(d.Groups))
	for _, g := range d.Groups {
		dg := digestGroup{Category: Code{Code: g.Category.String(), Text: g.Category.Text(l)}}
		for _, row := range g.Rows {
			var rc []Code
			for _, reason := range row.Reasons {
				rc = append(rc, Code{Code: reason.String(), Text: order.Problem{Category: g.Category, Reason: reason}.Text(l)})
			}
			dg.Rows = append(dg.Rows, struct {
				OrderID string `json:"order_id"`
				Reasons []Code `json:"reasons"`
			}{row.OrderID, rc})
		}
		groups = append(groups, dg)
	}
	s.writeJSON(w, r, http.StatusOK, map[string]any{"digest": d, "explain": map[string]any{"lang": l, "groups": groups}})
}

// buyerOrder: GET /buyer/orders/{id} with a buyer token — the one view of
// an order a buyer gets, and only of their own (rule O7:
// order.Order.MayDiscloseTo). Someone else's order is answered exactly as a
// missing one, so the endpoint does not tell which order IDs exist.
func (s *Server) buyerOrder(w http.ResponseWriter, r *http.Request) {
	c, err := verifyBuyer(s, r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	var row orderRow
	err = s.db.Read(ctx, func(tx *db.Tx) (err error) {
		row, err = loadOrder(ctx, tx, id)
		return err
	})
	if err == nil && !row.o.MayDiscloseTo(c.ID) {
		s.log.WarnContext(ctx, "buyer asked for another buyer's order", "order", id)
		err = notFound("order", id)
	}
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	l := s.lang(r)
	o := &row.o
	out := map[string]any{
		"order":       row.o,
		"status":      o.Status(),
		"status_text": o.StatusText(l),
	}
	// A paid order waiting to ship: when it ships, in the words the shop
	// uses with buyers (rule S6) — the decision's Buyer text only.
	if o.Status().Paid() && !o.Status().Dispatched() && o.Status().Open() {
		if p, err := s.cfg.Shipping.DispatchPromise(o.PaidAt()); err == nil {
			e := explain(l, order.VerdictUnknown, p.Reasons).with(p, l)
			e.Staff = ""
			out["dispatch_promise"], out["explain"] = p, e
		}
	}
	s.writeJSON(w, r, http.StatusOK, out)
}
