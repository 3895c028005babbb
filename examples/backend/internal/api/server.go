// Package api is the reference backend's HTTP JSON API for an agent
// console, over kefu's rules and the backend's database.
//
// Every handler follows one shape: read who calls from the signed token
// (never from the body), decode kefu's own JSON form of the request (strict:
// unknown fields are refused), load the rows it needs, ask kefu, write back
// what changed — all in one transaction — and answer with kefu's decision
// and its codes in the caller's language. Errors map through
// order.HTTPStatus.
package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"
	"time"

	"github.com/kefu-go/kefu/examples/backend/internal/auth"
	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/examples/backend/internal/strict"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// Config is what a Server needs. Zero fields take the defaults of New.
type Config struct {
	DB *db.DB
	// Secret is the shop's secret, from which the staff-token key and the
	// approval-token key are derived (auth.Derive). Every instance of one
	// shop uses the same secret.
	Secret []byte
	// Now is the backend's clock: kefu reads none.
	Now    func() time.Time
	Logger *slog.Logger
	// Lang is the shop's language, for requests that do not say
	// (Accept-Language).
	Lang order.Lang

	Pricing  pricing.Policy
	Shipping shipping.Policy
	Notes    notes.Policy
	Refund   refund.Policy
	Triage   order.TriagePolicy

	// ApprovalTTL is how long a team leader's approval holds. Default 30
	// minutes.
	ApprovalTTL time.Duration
	// RequestTimeout bounds each request's work, database included.
	// Default 10 seconds.
	RequestTimeout time.Duration
	// MaxBody bounds a request body. Default 64 KiB, more than any console
	// request (a trade record with many lines is a few kB).
	MaxBody int64
}

// Server serves the API.
type Server struct {
	cfg         Config
	db          *db.DB
	log         *slog.Logger
	staffKey    []byte
	buyerKey    []byte
	approvalKey []byte
	mux         *http.ServeMux
}

// New returns a server for cfg, with kefu's default policies where cfg
// leaves them zero.
func New(cfg Config) *Server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewJSONHandler(io.Discard, nil))
	}
	if cfg.Pricing.Preference == nil {
		cfg.Pricing = pricing.DefaultPolicy()
	}
	if cfg.Shipping.Validate() != nil {
		cfg.Shipping = shipping.DefaultPolicy()
	}
	if cfg.Notes.Validate() != nil {
		cfg.Notes = notes.DefaultPolicy()
	}
	if cfg.Refund.Validate() != nil {
		cfg.Refund = refund.DefaultPolicy()
	}
	if cfg.Triage.Validate() != nil {
		cfg.Triage = order.DefaultTriagePolicy()
	}
	if cfg.ApprovalTTL <= 0 {
		cfg.ApprovalTTL = 30 * time.Minute
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 10 * time.Second
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 64 << 10
	}
	s := &Server{
		cfg: cfg, db: cfg.DB, log: cfg.Logger,
		staffKey:    auth.Derive(cfg.Secret, "staff tokens"),
		buyerKey:    auth.Derive(cfg.Secret, "buyer tokens"),
		approvalKey: auth.Derive(cfg.Secret, "approval tokens"),
		mux:         http.NewServeMux(),
	}
	s.routes()
	return s
}

// StaffToken signs a staff token for a, valid for ttl: what the shop's
// sign-in would hand out (see package auth).
func (s *Server) StaffToken(a order.Agent, ttl time.Duration) (string, error) {
	return auth.Sign(s.staffKey, auth.Claims{Kind: auth.Staff, ID: a.ID, Name: a.Name, Role: a.Role, Expires: s.cfg.Now().Add(ttl)})
}

// ColleagueToken signs a staff token for a colleague outside customer
// service (finance, warehouse …), who acknowledges hand-offs.
func (s *Server) ColleagueToken(id, name string, d order.Department, ttl time.Duration) (string, error) {
	return auth.Sign(s.staffKey, auth.Claims{Kind: auth.Staff, ID: id, Name: name, Dept: d, Expires: s.cfg.Now().Add(ttl)})
}

// BuyerToken signs a buyer token for the platform account buyerID.
func (s *Server) BuyerToken(buyerID string, ttl time.Duration) (string, error) {
	return auth.Sign(s.buyerKey, auth.Claims{Kind: auth.Buyer, ID: buyerID, Expires: s.cfg.Now().Add(ttl)})
}

func verifyBuyer(s *Server, r *http.Request) (auth.Claims, error) {
	return auth.Verify(s.buyerKey, bearer(r), auth.Buyer, s.cfg.Now())
}

// routes lists the API. Staff routes take the agent from the staff token
// (staff); the buyer route takes the buyer from the buyer token.
func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /healthz", s.health)

	// Orders and shipping (rules O1, O2, S1, S2, S6).
	m.HandleFunc("POST /orders", s.staff(s.createOrder))
	m.HandleFunc("POST /orders/import", s.staff(s.importTrade))
	m.HandleFunc("GET /orders/{id}", s.staff(s.getOrder))
	m.HandleFunc("POST /orders/{id}/events", s.staff(s.orderEvent))
	m.HandleFunc("GET /orders/{id}/shipping", s.staff(s.orderShipping))
	m.HandleFunc("POST /orders/{id}/promise-check", s.staff(s.promiseCheck))
	m.HandleFunc("PUT /stock/{sku}", s.staff(s.putStock))
	m.HandleFunc("GET /digest", s.staff(s.digest))

	// Concessions (rules A3, P2–P4).
	m.HandleFunc("POST /reviews", s.staff(s.review))
	m.HandleFunc("POST /reviews/{id}/approve", s.staff(s.approve))
	m.HandleFunc("POST /concessions", s.staff(s.concede))

	// Memo, hold, hand-offs, promises (rules N1–N4).
	m.HandleFunc("POST /orders/{id}/notes", s.staff(s.appendNote))
	m.HandleFunc("POST /orders/{id}/hold", s.staff(s.hold))
	m.HandleFunc("POST /orders/{id}/release", s.staff(s.release))
	m.HandleFunc("POST /handoffs", s.staff(s.sendHandOff))
	m.HandleFunc("POST /handoffs/{id}/ack", s.colleague(s.ackHandOff))
	m.HandleFunc("POST /promises", s.staff(s.makePromise))
	m.HandleFunc("POST /promises/{id}/fulfil", s.staff(s.fulfilPromise))
	m.HandleFunc("POST /promises/{id}/break", s.staff(s.breakPromise))
	m.HandleFunc("GET /agenda", s.staff(s.agenda))

	// Refunds, returns, exchanges, refund-and-reorder plans (rules R1–R5, R7).
	m.HandleFunc("GET /orders/{id}/ledger", s.staff(s.getLedger))
	m.HandleFunc("POST /orders/{id}/payouts", s.staff(s.payout))
	m.HandleFunc("POST /refund-reviews/{id}/approve", s.staff(s.approveRefund))
	m.HandleFunc("POST /orders/{id}/refunds", s.staff(s.openRefund))
	m.HandleFunc("POST /refunds/{id}/actions", s.staff(s.refundAction))
	m.HandleFunc("POST /orders/{id}/seven-day", s.staff(s.sevenDay))
	m.HandleFunc("POST /orders/{id}/exchanges", s.staff(s.openExchange))
	m.HandleFunc("POST /exchanges/{id}/actions", s.staff(s.exchangeAction))
	m.HandleFunc("POST /orders/{id}/reorder", s.staff(s.linkReorder))
	m.HandleFunc("GET /orders/{id}/reorder-plan", s.staff(s.reorderPlan))
	m.HandleFunc("POST /orders/{id}/reorder-plan", s.staff(s.makePlan))
	m.HandleFunc("GET /plans/{id}", s.staff(s.getPlan))
	m.HandleFunc("POST /plans/{id}/events", s.staff(s.planEvent))
	m.HandleFunc("POST /plans/{id}/refund", s.staff(s.planRefund))

	// The buyer's own view (rule O7).
	m.HandleFunc("GET /buyer/orders/{id}", s.buyerOrder)
}

// Handler returns the API with its middleware: a recovered panic is a 500,
// every request has a deadline and a body limit, and one log line.
func (s *Server) Handler() http.Handler { return s.middleware(s.mux) }

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

type ctxKey int

const callerKey ctxKey = 1

// middleware: deadline, body limit, panic recovery, one structured log line
// per request. The line names the route pattern and the staff ID, never a
// body: personal data stays out of the log (rule O7); an order logged
// anywhere is logged through order.Order.LogValue, which masks it.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.RequestTimeout)
		defer cancel()
		var caller string
		ctx = context.WithValue(ctx, callerKey, &caller)
		r = r.WithContext(ctx)
		if r.Body != nil {
			r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
		}
		sw := &statusWriter{ResponseWriter: w}
		sw.Header().Set("X-Content-Type-Options", "nosniff")
		sw.Header().Set("Cache-Control", "no-store")
		defer func() {
			if p := recover(); p != nil {
				s.log.ErrorContext(ctx, "panic", "method", r.Method, "route", r.Pattern, "panic", p, "stack", string(debug.Stack()))
				if sw.status == 0 {
					http.Error(sw, `{"error":{"class":"internal","message":"internal error"}}`, http.StatusInternalServerError)
				}
			}
			level := slog.LevelInfo
			if sw.status >= 500 {
				level = slog.LevelError
			}
			s.log.LogAttrs(ctx, level, "request",
				slog.String("method", r.Method), slog.String("route", r.Pattern),
				slog.Int("status", sw.status), slog.Duration("took", time.Since(start)),
				slog.String("staff", caller))
		}()
		next.ServeHTTP(sw, r)
	})
}

// handler is a staff route's handler, given who calls.
type handler func(w http.ResponseWriter, r *http.Request, me order.Agent)

// staff authenticates a member of staff: "Authorization: Bearer <token>",
// a staff token (package auth). The agent comes from the token, never from
// the request body, and is normalised where it enters (order.Agent.Normalize).
func (s *Server) staff(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := auth.Verify(s.staffKey, bearer(r), auth.Staff, s.cfg.Now())
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if p, ok := r.Context().Value(callerKey).(*string); ok {
			*p = c.ID
		}
		if !c.Role.IsValid() {
			s.writeError(w, r, fmt.Errorf("%s staff use the colleague routes only: %w", c.Dept, order.ErrForbidden))
			return
		}
		me, err := c.Agent().Normalize()
		if err != nil {
			s.writeError(w, r, auth.ErrInvalid)
			return
		}
		h(w, r, me)
	}
}

// colleague authenticates any member of the shop's staff, customer service
// or not (finance, warehouse …), for the routes they share: acknowledging
// a hand-off (rule N2).
func (s *Server) colleague(h func(http.ResponseWriter, *http.Request, auth.Claims)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := auth.Verify(s.staffKey, bearer(r), auth.Staff, s.cfg.Now())
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if p, ok := r.Context().Value(callerKey).(*string); ok {
			*p = c.ID
		}
		h(w, r, c)
	}
}

func bearer(r *http.Request) string {
	t, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return t
}

// decode reads the request body, within the server's limit, and decodes
// it into v strictly: with v's own decoder where it has one (kefu's JSON
// forms, rawBody, kept), with package strict otherwise — a field v does
// not have is refused and named, so is data after the value. On error it
// answers it (422; 413 for a body over the limit) and returns false: the
// handler returns, nothing done.
func (s *Server) decode(w http.ResponseWriter, r *http.Request, v any) bool {
	b, err := io.ReadAll(r.Body)
	if err == nil {
		if u, ok := v.(json.Unmarshaler); ok {
			err = u.UnmarshalJSON(b)
		} else {
			err = strict.Decode(b, v)
		}
	}
	if err != nil {
		s.writeError(w, r, err)
		return false
	}
	return true
}

// rawBody is a body as sent, for a handler that decodes it later — in its
// transaction, with what it reads there — or hands it to kefu whole.
type rawBody []byte

// UnmarshalJSON keeps b.
func (b *rawBody) UnmarshalJSON(p []byte) error {
	*b = append((*b)[:0], p...)
	return nil
}

// kept decodes a body into v strictly (package strict) and keeps it as
// sent in raw: for a handler that stores the request it decoded, as the
// refunds waiting for approval are stored.
type kept struct {
	v   any
	raw []byte
}

// UnmarshalJSON decodes b into k.v and keeps it.
func (k *kept) UnmarshalJSON(b []byte) error {
	if err := strict.Decode(b, k.v); err != nil {
		return err
	}
	k.raw = append(k.raw[:0], b...)
	return nil
}

// newID returns a random 128-bit ID with a prefix ("ap-…"): approvals and
// review requests are named by the backend, not by the console.
func newID(prefix string) string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return prefix + "-" + hex.EncodeToString(b[:])
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.db.Ping(ctx); err != nil {
		s.log.WarnContext(ctx, "health: database down", "err", err)
		s.writeJSON(w, r, http.StatusServiceUnavailable, map[string]string{"status": "database unavailable"})
		return
	}
	s.writeJSON(w, r, http.StatusOK, map[string]string{"status": "ok", "db": s.db.Dialect().String()})
}
