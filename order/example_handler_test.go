package order_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/kefu-go/kefu/order"
)

// orderStore stands in for a backend's orders table. A real backend writes
// the order's JSON in its transaction; here a mutex and a map play that
// part.
type orderStore struct {
	mu     sync.Mutex
	orders map[string]*order.Order
	policy order.TriagePolicy
	now    func() time.Time
}

func (s *orderStore) writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeErr maps any kefu error with order.HTTPStatus: no table of
// sentinels, and the field and value from one errors.As.
func (s *orderStore) writeErr(w http.ResponseWriter, err error) {
	body := map[string]string{"error": err.Error()}
	var e *order.Error
	if errors.As(err, &e) {
		body["field"] = e.Field
	}
	s.writeJSON(w, order.HTTPStatus(err), body)
}

// create: the console (or the platform feed) sends an order; kefu decodes
// it strictly and checks it — there is no mirror struct.
func (s *orderStore) create(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		s.writeErr(w, err)
		return
	}
	var o order.Order
	if err := json.Unmarshal(b, &o); err != nil {
		s.writeErr(w, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, dup := s.orders[o.ID()]; dup {
		s.writeErr(w, fmt.Errorf("order %s exists: %w", o.ID(), order.ErrConflict))
		return
	}
	s.orders[o.ID()] = &o
	s.writeJSON(w, http.StatusCreated, map[string]string{"id": o.ID(), "paid": o.Paid().StringFixed(2)})
}

// digest: triage every stored order and answer the after-sales form.
func (s *orderStore) digest(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	batch := make([]*order.Order, 0, len(s.orders))
	for _, o := range s.orders {
		batch = append(batch, o)
	}
	rep, err := s.policy.Triage(batch, s.now())
	if err != nil {
		s.writeErr(w, err)
		return
	}
	d, err := s.policy.Digest(rep)
	if err != nil {
		s.writeErr(w, err)
		return
	}
	s.writeJSON(w, http.StatusOK, d)
}

// Example_consoleHandlers is the order side of an agent console: create an
// order from JSON and read the problem-order digest. A misspelled field, an
// amount with three decimals and totals that do not add up are refused
// with the field named and a status from order.HTTPStatus; nothing is
// stored.
func Example_consoleHandlers() {
	cst := time.FixedZone("CST", 8*60*60)
	s := &orderStore{orders: map[string]*order.Order{}, policy: order.DefaultTriagePolicy(),
		now: func() time.Time { return time.Date(2026, 11, 11, 12, 0, 0, 0, cst) }}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /orders", s.create)
	mux.HandleFunc("GET /digest", s.digest)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	post := func(body string) {
		resp, err := http.Post(srv.URL+"/orders", "application/json", strings.NewReader(body))
		if err != nil {
			fmt.Println(err)
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		fmt.Print(resp.StatusCode, " ", string(b))
	}
	const good = `{"id":"T1001","buyer":{"id":"tb_8812"},
		"lines":[{"sku":"TEA-01","quantity":2,"unit_price":"64.25"}],
		"address":{"recipient":"王芳","phone":"13800135678","province":"浙江省","city":"杭州市","district":"西湖区","detail":"文三路12号"},
		"payment":"cod","postage":"0.00","discount":"0.00",
		"status":"WAIT_SELLER_SEND_GOODS","created_at":"2026-11-11T09:40:00+08:00"}`
	post(good)
	post(strings.Replace(good, `"discount"`, `"discont"`, 1))                              // misspelled: refused, never 0.00
	post(strings.Replace(good, `"64.25"`, `"64.255"`, 1))                                  // a third decimal: refused, never rounded
	post(strings.Replace(good, `"postage":"0.00"`, `"postage":"0.00","paid":"100.00"`, 1)) // totals that disagree
	post(good)                                                                             // twice: the state has moved on

	resp, err := http.Get(srv.URL + "/digest")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	var d order.Digest
	if err := json.NewDecoder(resp.Body).Decode(&d); err != nil {
		fmt.Println(err)
		return
	}
	for _, g := range d.Groups {
		for _, row := range g.Rows {
			fmt.Println(g.Category, row.OrderID, row.Reasons)
		}
	}
	// Output:
	// 201 {"id":"T1001","paid":"128.50"}
	// 422 {"error":"order: discont: unknown field: no such field","field":"discont"}
	// 422 {"error":"order: lines[0].unit_price \"64.255\": invalid amount: more than two decimals","field":"lines[0].unit_price"}
	// 422 {"error":"order: paid \"100.00\": totals do not add up: goods 128.50 + postage 0.00 − discount 0.00 = 128.50","field":"paid"}
	// 409 {"error":"order T1001 exists: conflict"}
	// cod_unconfirmed T1001 [order.cod_unconfirmed]
}
