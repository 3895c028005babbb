package api

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/kefu-go/kefu/examples/backend/internal/auth"
	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
)

// Code is one reason code of a decision with its text in the request's
// language.
type Code struct {
	Code string `json:"code"`
	Text string `json:"text"`
}

// Explain is a decision as a console shows it: the verdict and every reason
// code, each with its text in the language the request asked for
// (Accept-Language, matched by order.MatchLang). kefu's own decision JSON
// travels beside it, unchanged.
type Explain struct {
	Lang        order.Lang `json:"lang"`
	Verdict     string     `json:"verdict,omitempty"`
	VerdictText string     `json:"verdict_text,omitempty"`
	Reasons     []Code     `json:"reasons"`
	// Staff is the whole decision for the console in that language, as
	// kefu words it (the decision's Staff method); Buyer what the shop
	// tells the buyer (its Buyer method). Each is left out where the
	// decision has none. A buyer-facing endpoint carries Buyer only.
	Staff string `json:"staff,omitempty"`
	Buyer string `json:"buyer,omitempty"`
}

// texter is a kefu code with staff text. Every code of order, shipping,
// pricing, notes and refund has it, refund's plan steps, routes and
// statuses included; a code without one would show its code as its text.
type texter interface{ Text(order.Lang) string }

// staffer and buyerer are kefu decisions with their text for staff and for
// the buyer: pricing.Decision, notes.Decision, shipping's decisions,
// refund.SevenDayDecision …
type (
	staffer interface{ Staff(order.Lang) string }
	buyerer interface{ Buyer(order.Lang) string }
)

// with adds d's staff and buyer text in l, for a staff endpoint.
func (e Explain) with(d any, l order.Lang) Explain {
	if t, ok := d.(staffer); ok {
		e.Staff = t.Staff(l)
	}
	if t, ok := d.(buyerer); ok {
		e.Buyer = t.Buyer(l)
	}
	return e
}

func codeOf[V order.Enum](v V, l order.Lang) Code {
	c := Code{Code: v.String(), Text: v.String()}
	if t, ok := any(v).(texter); ok {
		c.Text = t.Text(l)
	}
	return c
}

// explain renders a verdict and a set of reasons of any kefu package.
func explain[V order.Enum](l order.Lang, v order.Verdict, reasons order.Set[V]) Explain {
	e := Explain{Lang: l, Reasons: []Code{}}
	if v.IsValid() {
		e.Verdict, e.VerdictText = v.String(), v.Text(l)
	}
	for r := range reasons.All() {
		e.Reasons = append(e.Reasons, codeOf(r, l))
	}
	return e
}

func (s *Server) lang(r *http.Request) order.Lang {
	return order.MatchLang(r.Header.Get("Accept-Language"), s.cfg.Lang)
}

// writeJSON answers v with status.
func (s *Server) writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Language", s.lang(r).String())
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

// errorBody is every error answer.
type errorBody struct {
	Error struct {
		// Class is the kefu error class: invalid_input, not_found,
		// conflict, forbidden; or unauthorized, too_large, timeout,
		// internal for the backend's own.
		Class   string `json:"class"`
		Message string `json:"message"`
		Field   string `json:"field,omitempty"`
	} `json:"error"`
	Lang order.Lang `json:"lang"`
}

// errorClass names the class of err as order.HTTPStatus maps it.
var classNames = map[int]string{
	http.StatusUnprocessableEntity: "invalid_input",
	http.StatusNotFound:            "not_found",
	http.StatusConflict:            "conflict",
	http.StatusForbidden:           "forbidden",
}

// writeError answers err. kefu's errors map through order.HTTPStatus — one
// call, no table of sentinels; the backend's own few (an unsigned caller, a
// body over the limit, a request past its deadline) are answered here;
// anything else is a 500 whose details go to the log, not to the caller.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	var out errorBody
	out.Lang = s.lang(r)
	status := order.HTTPStatus(err)
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		status, out.Error.Class, out.Error.Message = http.StatusRequestEntityTooLarge, "too_large", "request body over the limit"
	case errors.Is(err, auth.ErrInvalid):
		status, out.Error.Class, out.Error.Message = http.StatusUnauthorized, "unauthorized", "a valid token is required"
		w.Header().Set("WWW-Authenticate", `Bearer realm="kefu"`)
	case errors.Is(err, db.ErrRetry):
		// Tx gave up: the rows kept changing under this action.
		status, out.Error.Class, out.Error.Message = http.StatusServiceUnavailable, "busy", "too many concurrent changes; try again"
		w.Header().Set("Retry-After", "1")
	case errors.Is(err, context.DeadlineExceeded):
		status, out.Error.Class, out.Error.Message = http.StatusServiceUnavailable, "timeout", "the request took too long"
	case status == http.StatusInternalServerError:
		s.log.ErrorContext(r.Context(), "internal error", "method", r.Method, "route", r.Pattern, "err", err)
		out.Error.Class, out.Error.Message = "internal", "internal error"
	default:
		out.Error.Class, out.Error.Message = classNames[status], err.Error()
		var e *order.Error
		if errors.As(err, &e) {
			out.Error.Field = e.Field
		}
	}
	b, _ := json.Marshal(out)
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Language", out.Lang.String())
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
	if status >= 500 && status != http.StatusInternalServerError {
		s.log.WarnContext(r.Context(), "request failed", "method", r.Method, "route", r.Pattern, "status", status, "err", err)
	}
}
