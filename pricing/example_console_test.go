package pricing_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// shopDB stands in for a backend's database: the orders, one usage row per
// agent and per order, the requests waiting for approval, and the spent
// approvals under a unique key. A real backend runs each handler in a
// transaction, locking the agent's and the order's rows; here one mutex
// plays that part.
type shopDB struct {
	mu         sync.Mutex
	orders     map[string]*order.Order
	agentRows  map[string]pricing.AgentUsage // PRIMARY KEY agent_id
	orderRows  map[string]pricing.OrderUsage // PRIMARY KEY order_id
	pending    map[string]pricing.Request    // requests awaiting approval
	spent      map[string]pricing.Spent      // UNIQUE (id): single use
	staff      map[string]order.Agent        // the session's user
	requests   int
	approvals  int
	policy     pricing.Policy
	key        []byte
	now        time.Time
	approvalTT time.Duration
}

// agent returns who is logged in; a real backend reads its session.
func (db *shopDB) agent(r *http.Request) order.Agent { return db.staff[r.Header.Get("X-Staff")] }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeErr maps any kefu error in one line: no table of sentinels.
func writeErr(w http.ResponseWriter, err error) {
	writeJSON(w, order.HTTPStatus(err), map[string]string{"error": err.Error()})
}

var errNoOrder = fmt.Errorf("no such order: %w", order.ErrNotFound)

// loadRequest decodes the console's request and completes it with who
// asks (the session), the order it names (the database) and the time
// (the backend's clock).
func (db *shopDB) loadRequest(r *http.Request) (pricing.Request, error) {
	var req pricing.Request
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<16))
	if err != nil {
		return req, err
	}
	if err := json.Unmarshal(b, &req); err != nil {
		return req, err
	}
	o, ok := db.orders[req.OrderID()]
	if !ok {
		return req, errNoOrder
	}
	return req.Attach(db.agent(r), o, db.now)
}

// review: an agent asks whether she may give a concession.
func (db *shopDB) review(w http.ResponseWriter, r *http.Request) {
	db.mu.Lock()
	defer db.mu.Unlock()
	req, err := db.loadRequest(r)
	if err != nil {
		writeErr(w, err)
		return
	}
	d, err := db.policy.Review(req, db.agentRows[req.Agent.ID], db.orderRows[req.OrderID()])
	if err != nil {
		writeErr(w, err)
		return
	}
	out := map[string]any{"decision": d}
	if d.Verdict == order.NeedsApproval {
		db.requests++
		id := fmt.Sprintf("rq-%d", db.requests)
		db.pending[id] = req
		out["request_id"] = id
	}
	writeJSON(w, http.StatusOK, out)
}

// approve: the team leader approves a pending request; the token goes
// back to the agent's console.
func (db *shopDB) approve(w http.ResponseWriter, r *http.Request) {
	db.mu.Lock()
	defer db.mu.Unlock()
	req, ok := db.pending[r.URL.Query().Get("request")]
	if !ok {
		writeErr(w, fmt.Errorf("no such request: %w", order.ErrNotFound))
		return
	}
	id := fmt.Sprintf("ap-%d", db.approvals+1) // a real backend draws a random 128-bit ID
	v, err := db.policy.Approve(req, db.agentRows[req.Agent.ID], db.orderRows[req.OrderID()],
		db.agent(r), id, db.now.Add(db.approvalTT))
	if err != nil {
		writeErr(w, err)
		return
	}
	db.approvals++
	token, err := v.Token(db.key)
	if err != nil {
		writeErr(w, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"approval": v, "token": token})
}

// redeem: the agent gives the concession with the approval's token. In
// one transaction: verify, insert the spent row under its unique key,
// record the usage.
func (db *shopDB) redeem(w http.ResponseWriter, r *http.Request) {
	db.mu.Lock() // BEGIN; SELECT … FOR UPDATE the agent's and the order's rows
	defer db.mu.Unlock()
	req, err := db.loadRequest(r)
	if err != nil {
		writeErr(w, err)
		return
	}
	au, ou := db.agentRows[req.Agent.ID], db.orderRows[req.OrderID()]
	_, spent, err := db.policy.Redeem(r.Header.Get("Kefu-Approval"), db.key, req, au, ou)
	if err != nil {
		writeErr(w, err)
		return
	}
	if _, dup := db.spent[spent.ID]; dup { // INSERT INTO spent … fails on the unique key
		writeErr(w, spent.AlreadyUsed()) // ROLLBACK
		return
	}
	au, ou, err = db.policy.Record(req, au, ou)
	if err != nil {
		writeErr(w, err)
		return
	}
	db.spent[spent.ID] = spent
	db.agentRows[au.AgentID], db.orderRows[ou.OrderID] = au, ou // COMMIT
	writeJSON(w, http.StatusOK, map[string]any{"spent": spent, "order_usage": ou})
}

// The console actions for pricing as a backend writes them over net/http:
// review a concession, the team leader approves it into a token, the
// agent redeems it once. The handlers decode kefu's own JSON forms (no
// mirror structs) and map every error with order.HTTPStatus (no table of
// sentinels); single use is a unique key inserted in the redemption's
// transaction (rule A3).
func Example_consoleHandlers() {
	cst := time.FixedZone("CST", 8*60*60)
	now := time.Date(2026, 11, 10, 20, 0, 0, 0, cst)
	o := exampleOrder(now)
	db := &shopDB{
		orders:    map[string]*order.Order{o.ID(): &o},
		agentRows: map[string]pricing.AgentUsage{}, orderRows: map[string]pricing.OrderUsage{},
		pending: map[string]pricing.Request{}, spent: map[string]pricing.Spent{},
		staff: map[string]order.Agent{
			"xiaomei": {ID: "xiaomei", Name: "小美", Role: order.PreSales},
			"laowang": {ID: "laowang", Name: "老王", Role: order.TeamLeader},
		},
		policy: pricing.DefaultPolicy(), key: []byte("the shop's secret key, 32+ bytes long"),
		now: now, approvalTT: 10 * time.Minute,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /review", db.review)
	mux.HandleFunc("POST /approve", db.approve)
	mux.HandleFunc("POST /redeem", db.redeem)

	call := func(staff, path, token, body string) map[string]any {
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(body))
		r.Header.Set("X-Staff", staff)
		if token != "" {
			r.Header.Set("Kefu-Approval", token)
		}
		w := httptest.NewRecorder()
		mux.ServeHTTP(w, r)
		var out map[string]any
		_ = json.Unmarshal(w.Body.Bytes(), &out)
		fmt.Println(w.Code, path, out["error"])
		return out
	}
	cut := `{"order_id":"T3001","kind":"price_cut","amount":"5.00"}`

	// 1. Xiaomei (pre-sales) asks for a 5.00 price cut: the team leader
	// must approve it; a postage concession she may give alone instead.
	out := call("xiaomei", "/review", "", cut)
	fmt.Println(" ", out["decision"], out["request_id"])

	// 2. She may not approve it herself; the team leader may.
	call("xiaomei", "/approve?request=rq-1", "", "")
	out = call("laowang", "/approve?request=rq-1", "", "")
	token, _ := out["token"].(string)

	// 3. She gives it with the token, once.
	out = call("xiaomei", "/redeem", token, cut)
	fmt.Println(" ", out["spent"], out["order_usage"])
	call("xiaomei", "/redeem", token, cut)

	// 4. Hostile consoles: an edited token, a request naming its own
	// agent, an order the shop does not have.
	edited := []byte(token)
	edited[20] ^= 'A' ^ 'B' // one character of the payload
	call("xiaomei", "/redeem", string(edited), cut)
	call("xiaomei", "/review", "", `{"order_id":"T3001","kind":"gift","amount":"50.00","agent":{"id":"boss","role":"store_manager"}}`)
	call("xiaomei", "/review", "", `{"order_id":"T9999","kind":"gift","amount":"1.00"}`)

	// Output:
	// 200 /review <nil>
	//   map[amount:5.00 approver:team_leader kind:price_cut limit:0.00 reasons:[beyond_authority postage_preferred] suggest:postage verdict:needs_approval] rq-1
	// 403 /approve?request=rq-1 pricing: approver.id "xiaomei": self-approval: nobody approves their own request (rule A3)
	// 200 /approve?request=rq-1 <nil>
	// 200 /redeem <nil>
	//   map[at:2026-11-10T12:00:00Z expires:2026-11-10T12:10:00Z id:ap-1 order_id:T3001] map[order_id:T3001 price_changes:1 version:1]
	// 409 /redeem pricing: id "ap-1": approval already used: an approval is used once
	// 403 /redeem pricing: token "AQRhcC0xBVQz…": approval signature does not match
	// 422 /review pricing: agent: unknown field: no such field
	// 404 /review no such order: not found
}
