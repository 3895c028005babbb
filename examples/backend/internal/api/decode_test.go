package api_test

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

var update = flag.Bool("update", false, "write testdata/decode.golden anew")

// Every route that takes a body reads and decodes it the one way (decode):
// a body that is not JSON, not one value, the wrong shape, a field the form
// does not have, or over 64 kB is answered before anything is read or
// written, each route as it answered before the handlers shared the
// preamble — testdata/decode.golden was written by the handlers as they
// were (each reading and decoding its own body), and is the answer every
// route must still give, to the byte. Changed on purpose since: a field
// the action cannot do without (strict:"required") is refused by name
// when null or {} leaves it out — PUT /stock (was 200, a count of 0),
// the refund, exchange and plan actions' event (the same 422, now named
// before the event is parsed), POST /orders/{id}/reorder and POST
// /plans/{id}/refund (were 404: 422 before anything is read); and the
// backend's own forms decode with kefu's order.DecodeJSON, which also
// refuses a key given twice or in another case: the same 422s, their
// messages now kefu's ("order: nope: unknown field", "truncated JSON"
// for an empty body, "want a JSON object" for an array, named "body").
func TestEveryBodyDecodedAsBefore(t *testing.T) {
	e := sqliteEnv(t)
	wang := e.staff("kf-wang", order.AfterSales)
	routes := []string{
		"POST /orders", "POST /orders/import", "POST /orders/T1/events", "POST /orders/T1/promise-check",
		"PUT /stock/LX-2201", "POST /reviews", "POST /concessions", "POST /orders/T1/notes",
		"POST /orders/T1/hold", "POST /orders/T1/release", "POST /handoffs", "POST /promises",
		"POST /promises/p-1/fulfil", "POST /orders/T1/payouts", "POST /orders/T1/refunds",
		"POST /refunds/rf-1/actions", "POST /orders/T1/seven-day", "POST /orders/T1/exchanges",
		"POST /exchanges/x-1/actions", "POST /orders/T1/reorder", "POST /orders/T1/reorder-plan",
		"POST /plans/RR-1/events", "POST /plans/RR-1/refund",
	}
	bodies := []struct{ name, body string }{
		{"empty", ""},
		{"not JSON", "{"},
		{"an array", "[]"},
		{"null", "null"},
		{"two values", "{} {}"},
		{"an unknown field", `{"nope":1}`},
		{"a plan field that is no string", `{"plan":1}`},
		{"an empty object", "{}"},
		{"over 64 kB", `{"x":"` + strings.Repeat("x", 70<<10) + `"}`},
	}
	var got strings.Builder
	for _, rt := range routes {
		method, path, _ := strings.Cut(rt, " ")
		for _, b := range bodies {
			r := e.call(method, path, wang, b.body)
			assert.NotEqual(t, 500, r.Status, "%s %s: %s", rt, b.name, r.Body)
			fmt.Fprintf(&got, "%s | %s | %d | %s\n", rt, b.name, r.Status, strings.TrimSpace(string(r.Body)))
		}
	}
	const golden = "testdata/decode.golden"
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(got.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), got.String())
}
