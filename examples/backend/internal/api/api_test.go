package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/backend/internal/api"
	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
)

// The concession flow end to end (rule A3): a pre-sales agent's price cut
// needs the team leader; nobody approves their own request; the token is
// redeemed once; the approver comes from the staff token, never the body.
func TestConcessionFlow(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		xiaomei := e.staff("xiaomei", order.PreSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", xiaomei, unpaid("T3001")))

		cut := `{"order_id":"T3001","kind":"price_cut","amount":"5.00"}`
		rv := e.must(200, e.call("POST", "/reviews", xiaomei, cut, "Accept-Language", "en-GB,en;q=0.9"))
		assert.Equal(t, "needs_approval", rv.str("decision.verdict"))
		assert.Equal(t, "team_leader", rv.str("decision.approver"))
		assert.Equal(t, "en", rv.str("explain.lang"))
		assert.Equal(t, "beyond_authority", rv.str("explain.reasons.0.code"))
		assert.NotEmpty(t, rv.str("explain.reasons.0.text"))
		assert.NotEqual(t, rv.str("explain.reasons.0.code"), rv.str("explain.reasons.0.text"), "the text is the code's translation")
		assert.Equal(t, "en", rv.Header.Get("Content-Language"))
		rq := rv.str("request_id")
		require.NotEmpty(t, rq)

		// Given without a token: nothing is given, the decision says why.
		g := e.must(200, e.call("POST", "/concessions", xiaomei, cut))
		assert.Equal(t, false, g.get("given"))

		// rule A3: she cannot approve her own request, under any spelling of
		// her ID.
		e.must(403, e.call("POST", "/reviews/"+rq+"/approve", xiaomei, ""))
		e.must(403, e.call("POST", "/reviews/"+rq+"/approve", e.staff("ｘｉａｏｍｅｉ", order.TeamLeader), ""))
		e.must(404, e.call("POST", "/reviews/rq-nope/approve", laowang, ""))
		ap := e.must(200, e.call("POST", "/reviews/"+rq+"/approve", laowang, ""))
		token := ap.str("token")
		require.NotEmpty(t, token)
		assert.Equal(t, "laowang", ap.str("approval.approver.id"))
		// One approval per request.
		e.must(409, e.call("POST", "/reviews/"+rq+"/approve", e.staff("laoli", order.TeamLeader), ""))

		// Redeemed once: the order's price changes before payment (rule P4).
		g = e.must(200, e.call("POST", "/concessions", xiaomei, cut, "Kefu-Approval", token))
		assert.Equal(t, true, g.get("given"))
		assert.EqualValues(t, 1, g.get("order_usage.price_changes"))
		o := e.must(200, e.call("GET", "/orders/T3001", xiaomei, ""))
		assert.Equal(t, "5.00", o.str("order.discount"))
		assert.Equal(t, "133.50", o.str("order.paid"))
		e.must(409, e.call("POST", "/concessions", xiaomei, cut, "Kefu-Approval", token))

		// Hostile consoles. An edited token (one character of its payload).
		b := []byte(token)
		b[20] ^= 'A' ^ 'B'
		e.must(403, e.call("POST", "/concessions", xiaomei, cut, "Kefu-Approval", string(b)))
		// Another agent redeeming her approval.
		e.must(403, e.call("POST", "/concessions", e.staff("xiaohong", order.PreSales), cut, "Kefu-Approval", token))
		// A request naming its own agent: the agent is the token's.
		r := e.must(422, e.call("POST", "/reviews", xiaomei,
			`{"order_id":"T3001","kind":"gift","amount":"50.00","agent":{"id":"boss","role":"store_manager"}}`))
		assert.Equal(t, "agent", r.str("error.field"))
		assert.Equal(t, "invalid_input", r.str("error.class"))
		// An order the shop does not have.
		e.must(404, e.call("POST", "/reviews", xiaomei, `{"order_id":"T9999","kind":"gift","amount":"1.00"}`))
		// An amount below the fen (rule P7).
		e.must(422, e.call("POST", "/reviews", xiaomei, `{"order_id":"T3001","kind":"gift","amount":"1.005"}`))
	})
}

// Hostile requests: unknown fields are refused and named, huge bodies are
// cut off, forged, foreign, expired and missing tokens are 401, and a
// buyer sees only their own order (rule O7).
func TestHostileRequests(t *testing.T) {
	e := sqliteEnv(t)
	tok := e.staff("xiaomei", order.InSales)
	e.must(201, e.call("POST", "/orders", tok, paid("T1", 2, "50.00")))

	for _, c := range []struct {
		reason, method, path, body, field string
	}{
		{"a misspelled order field is refused, never dropped", "POST", "/orders",
			strings.Replace(paid("T2", 1, "1.00"), `"discount"`, `"discont"`, 1), "discont"},
		{"a payout field the backend does not have", "POST", "/orders/T1/payouts", `{"key":"k1","sku":"LX-2201","goods":"1.00","amout":"5"}`, "amout"},
		{"a note draft naming its author", "POST", "/orders/T1/notes", `{"flag":"red","kind":"refund","reason":"退运费","amount":"1.00","author":{"id":"boss"}}`, "note.author"},
		{"a hold naming its time", "POST", "/orders/T1/hold", `{"flag":"red","reason":"x","at":"2026-01-01T00:00:00Z"}`, "at"},
		{"an event with trailing data", "POST", "/orders/T1/events", `{"event":"dispatch"} {"event":"close"}`, "body"},
		{"a payout amount with a digit below the fen", "POST", "/orders/T1/payouts", `{"key":"k1","sku":"LX-2201","goods":"1.005"}`, "amount"},
		{"a payout amount of a megabyte of digits", "POST", "/orders/T1/payouts", `{"key":"k1","sku":"LX-2201","goods":"` + strings.Repeat("9", 60000) + `"}`, "amount"},
	} {
		t.Run(c.reason, func(t *testing.T) {
			r := e.must(422, e.call(c.method, c.path, tok, c.body))
			assert.Equal(t, c.field, r.str("error.field"), "%s", r.Body)
		})
	}

	// A body over the limit (1 MB against 64 kB) is cut off, not read.
	huge := `{"event":"` + strings.Repeat("x", 1<<20) + `"}`
	r := e.must(413, e.call("POST", "/orders/T1/events", tok, huge))
	assert.Equal(t, "too_large", r.str("error.class"))

	// Tokens.
	other := sqliteEnv(t) // another shop, another secret
	for _, c := range []struct{ reason, token string }{
		{"no token", ""},
		{"a forged signature", tok[:len(tok)-2] + "AA"},
		{"an edited payload", "e30" + tok[3:]},
		{"another shop's token", other.staff("xiaomei", order.StoreManager)},
		{"a buyer's token on a staff route", e.buyer("tb_8812")},
		{"garbage", strings.Repeat("x", 5000)},
	} {
		t.Run(c.reason, func(t *testing.T) {
			r := e.must(401, e.call("GET", "/orders/T1", c.token, ""))
			assert.Equal(t, "unauthorized", r.str("error.class"))
		})
	}
	// An expired token.
	old := e.staff("xiaomei", order.InSales)
	e.clock.Add(9 * time.Hour)
	e.must(401, e.call("GET", "/orders/T1", old, ""))
	e.clock.Add(-9 * time.Hour)

	// rule O7: a buyer sees their own order; someone else's is answered
	// exactly as a missing one.
	mine := e.must(200, e.call("GET", "/buyer/orders/T1", e.buyer("tb_8812"), "", "Accept-Language", "zh-TW"))
	assert.Equal(t, "T1", mine.str("order.id"))
	assert.Equal(t, "zh-Hant", mine.Header.Get("Content-Language"))
	theirs := e.must(404, e.call("GET", "/buyer/orders/T1", e.buyer("tb_9999"), ""))
	missing := e.must(404, e.call("GET", "/buyer/orders/T404", e.buyer("tb_9999"), ""))
	assert.Equal(t, missing.str("error.class"), theirs.str("error.class"))
	assert.NotContains(t, string(theirs.Body), "13800135678")
	// A look-alike spelling of the buyer's ID is the buyer (the identity
	// rule), a staff token is no buyer token.
	e.must(200, e.call("GET", "/buyer/orders/T1", e.buyer("ｔｂ_8812"), ""))
	e.must(401, e.call("GET", "/buyer/orders/T1", tok, ""))
	// A colleague outside customer service cannot use the console.
	e.must(403, e.call("GET", "/orders/T1", e.colleague("cw-zhao", order.Finance), ""))
}

// Personal data never reaches the log (rule O7): the order is logged
// masked, request lines carry no bodies.
func TestLogsAreMasked(t *testing.T) {
	e := sqliteEnv(t)
	tok := e.staff("xiaomei", order.InSales)
	e.must(201, e.call("POST", "/orders", tok, paid("T1", 2, "50.00")))
	e.must(200, e.call("GET", "/orders/T1", tok, ""))
	logs := e.logs.String()
	require.Contains(t, logs, `"order stored"`)
	assert.Contains(t, logs, "138****5678")
	assert.NotContains(t, logs, "13800135678")
	assert.NotContains(t, logs, "文三路12号")
	assert.NotContains(t, logs, "王芳")
	assert.Contains(t, logs, `"staff":"xiaomei"`)
}

// State survives a restart: the memo, the ledger, the spent approval (a
// token redeemed before the restart is still refused after it).
func TestRestart(t *testing.T) {
	onEveryDatabase(t, func(t *testing.T, e *env) {
		xiaomei := e.staff("xiaomei", order.PreSales)
		laowang := e.staff("laowang", order.TeamLeader)
		e.must(201, e.call("POST", "/orders", xiaomei, unpaid("T1")))
		e.must(201, e.call("POST", "/orders", xiaomei, paid("T2", 4, "25.00")))
		cut := `{"order_id":"T1","kind":"price_cut","amount":"5.00"}`
		rq := e.must(200, e.call("POST", "/reviews", xiaomei, cut)).str("request_id")
		token := e.must(200, e.call("POST", "/reviews/"+rq+"/approve", laowang, "")).str("token")
		e.must(200, e.call("POST", "/concessions", xiaomei, cut, "Kefu-Approval", token))
		e.must(200, e.call("POST", "/orders/T2/notes", xiaomei, `{"flag":"green","kind":"refund","reason":"退差价","amount":"10.00"}`))
		e.must(200, e.call("POST", "/orders/T2/payouts", xiaomei, `{"key":"rf-1","sku":"LX-2201","goods":"10.00"}`))

		e.restart()

		e.must(409, e.call("POST", "/concessions", xiaomei, cut, "Kefu-Approval", token))
		o := e.must(200, e.call("GET", "/orders/T2", xiaomei, ""))
		assert.Contains(t, o.str("memo.text"), "退差价")
		l := e.must(200, e.call("GET", "/orders/T2/ledger", xiaomei, ""))
		assert.Equal(t, "10.00", l.str("refunded"))
		assert.Equal(t, "90.00", l.str("remaining"))
		// The payout replayed after the restart is the first receipt.
		p := e.must(200, e.call("POST", "/orders/T2/payouts", xiaomei, `{"key":"rf-1","sku":"LX-2201","goods":"10.00"}`))
		assert.Equal(t, true, p.get("receipt.replayed"))
		assert.Equal(t, "10.00", p.str("ledger.refunded"))
		// The secret survives too: a token from before the restart still works.
		e.must(200, e.call("GET", "/orders/T1", laowang, ""))
	})
}

func TestHealth(t *testing.T) {
	e := sqliteEnv(t)
	r := e.must(200, e.call("GET", "/healthz", "", ""))
	assert.Equal(t, "ok", r.str("status"))
	assert.Equal(t, "sqlite", r.str("db"))
	e.dbs[0].Close()
	e.must(http.StatusServiceUnavailable, e.call("GET", "/healthz", "", ""))
}

// Every decision comes with kefu's own wording of it in the language the
// request asks for: the console's (Staff) and the buyer's (Buyer); a
// buyer-facing endpoint carries the buyer's only (rule O7).
func TestExplainTexts(t *testing.T) {
	e := sqliteEnv(t)
	xiaomei := e.staff("xiaomei", order.PreSales)
	e.must(201, e.call("POST", "/orders", xiaomei, unpaid("T1")))
	e.must(201, e.call("POST", "/orders", xiaomei, paid("T2", 2, "50.00")))
	cut := `{"order_id":"T1","kind":"price_cut","amount":"5.00"}`
	en := e.must(200, e.call("POST", "/reviews", xiaomei, cut, "Accept-Language", "en"))
	zh := e.must(200, e.call("POST", "/reviews", xiaomei, cut, "Accept-Language", "zh-CN"))
	require.NotEmpty(t, en.str("explain.staff"))
	require.NotEmpty(t, en.str("explain.buyer"))
	assert.NotEqual(t, en.str("explain.staff"), zh.str("explain.staff"), "the staff text follows the language")
	assert.NotEqual(t, en.str("explain.buyer"), zh.str("explain.buyer"), "the buyer text follows the language")

	s := e.must(200, e.call("GET", "/orders/T2/shipping", xiaomei, "", "Accept-Language", "es"))
	assert.NotEmpty(t, s.str("dispatch_promise_explain.staff"))
	assert.NotEmpty(t, s.str("dispatch_promise_explain.buyer"))

	n := e.must(200, e.call("POST", "/orders/T2/notes", xiaomei, `{"flag":"green","kind":"refund","reason":"退差价","amount":"10.00"}`, "Accept-Language", "en"))
	assert.NotEmpty(t, n.str("explain.staff"))

	b := e.must(200, e.call("GET", "/buyer/orders/T2", e.buyer("tb_8812"), "", "Accept-Language", "zh-TW"))
	assert.NotEmpty(t, b.str("explain.buyer"))
	assert.Equal(t, s.str("dispatch_promise.wording"), b.str("dispatch_promise.wording"))
	assert.Empty(t, b.str("explain.staff"), "no console text for a buyer")
	assert.Equal(t, "zh-Hant", b.str("explain.lang"))
}

// Every request has a deadline, the database's work included: a request
// past it is answered 503 "timeout", and its transaction rolls back.
func TestRequestTimeout(t *testing.T) {
	d, err := db.Open(context.Background(), "", t.TempDir())
	require.NoError(t, err)
	defer d.Close()
	s := api.New(api.Config{DB: d, Secret: newSecret(), Now: func() time.Time { return testStart }, RequestTimeout: time.Nanosecond})
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	tok, err := s.StaffToken(order.Agent{ID: "xiaomei", Role: order.InSales}, time.Hour)
	require.NoError(t, err)
	e := &env{t: t, client: srv.Client()}
	r := e.must(503, e.callAt(srv.URL, "POST", "/orders", tok, paid("T1", 1, "1.00")))
	assert.Equal(t, "timeout", r.str("error.class"))
	var n int
	require.NoError(t, d.Read(context.Background(), func(tx *db.Tx) error {
		return tx.QueryRow(context.Background(), "SELECT COUNT(*) FROM orders").Scan(&n)
	}))
	assert.Zero(t, n, "nothing was stored")
}
