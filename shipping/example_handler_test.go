package shipping_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// Example_consoleHandler is the shipping side of an agent console: the
// shop's policy loads from its JSON file strictly (a misspelled key stops
// the server at start, it is never dropped), and the free-shipping answer
// for a stored order goes out as the decision's own JSON, with the
// dispatch promise beside it. Errors map with order.HTTPStatus.
func Example_consoleHandler() {
	var policy shipping.Policy
	for _, file := range []string{
		`{"free_shipping":{"threshold":"99.00","postage":"10.00","excluded_regions":["xinjiang","tibet","hong_kong","macao","taiwan","abroad"]}}`,
		`{"free_shipping":{"treshold":"79.00"}}`,
	} {
		p := shipping.DefaultPolicy()
		if err := json.Unmarshal([]byte(file), &p); err != nil {
			fmt.Println("policy refused:", order.HTTPStatus(err), err)
			continue
		}
		if err := p.Validate(); err != nil {
			fmt.Println("policy refused:", order.HTTPStatus(err), err)
			continue
		}
		policy = p
	}

	created := time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST)
	orders := map[string]order.Order{"T2026": exampleOrder("98.99", "10.00", "浙江省", created)}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}/shipping", func(w http.ResponseWriter, r *http.Request) {
		o, ok := orders[r.PathValue("id")]
		if !ok {
			http.Error(w, "no such order", http.StatusNotFound)
			return
		}
		promise, err := policy.DispatchPromise(o.PaidAt())
		if err != nil {
			http.Error(w, err.Error(), order.HTTPStatus(err))
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(struct {
			Free    shipping.FreeShippingDecision `json:"free_shipping"`
			Promise shipping.DispatchPromise      `json:"dispatch"`
		}{policy.FreeShipping(&o), promise})
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/orders/T2026/shipping")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var got struct {
		Free    shipping.FreeShippingDecision `json:"free_shipping"`
		Promise shipping.DispatchPromise      `json:"dispatch"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, got.Free.Verdict(), got.Free.Reasons(), "short by", got.Free.Shortfall().StringFixed(2))
	fmt.Println(strings.Contains(string(b), `"shortfall":"0.01"`), got.Promise.Wording)
	// Output:
	// policy refused: 422 shipping: free_shipping.treshold: unknown field: no such field
	// 200 refused [below_threshold] short by 0.01
	// true ships_today
}
