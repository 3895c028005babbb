package api_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
)

// A request body that leaves out a field the action cannot do without is
// refused, 422 of class invalid_input naming the field, and nothing is
// written: never read as the field's zero value. Before, PUT /stock with
// null or {} set the count to 0 and answered 200 (rule O8: the warehouse's
// real count, not a count nobody made); an action without the version it
// was decided on was answered 409 stale, as if someone else had moved the
// row on; a re-order without its order was 404 for an order "".
func TestRequiredFieldMissingIsRefused(t *testing.T) {
	e := sqliteEnv(t)
	wang := e.staff("kf-wang", order.AfterSales)
	e.must(200, e.call("PUT", "/stock/LX-2201", wang, `{"on_hand":5}`))
	for _, tc := range []struct {
		reason, method, path, body, field string
	}{
		{"a stock count of null", "PUT", "/stock/LX-2201", "null", "on_hand"},
		{"a stock count of {}", "PUT", "/stock/LX-2201", "{}", "on_hand"},
		{"a stock count that is null", "PUT", "/stock/LX-2201", `{"on_hand":null}`, "on_hand"},
		{"a refund action without its event", "POST", "/refunds/rf-1/actions", `{"version":1}`, "event"},
		{"a refund action without the version it saw", "POST", "/refunds/rf-1/actions", `{"event":"agree_refund"}`, "version"},
		{"an exchange action without the version it saw", "POST", "/exchanges/x-1/actions", `{"event":"cancel"}`, "version"},
		{"a plan event without the version it saw", "POST", "/plans/RR-1/events", `{"event":"cancel"}`, "version"},
		{"a plan refund without the version it saw", "POST", "/plans/RR-1/refund", `{}`, "version"},
		{"a re-order without the new order", "POST", "/orders/T1/reorder", `{"observed":true}`, "reorder_id"},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			r := e.call(tc.method, tc.path, wang, tc.body)
			require.Equal(t, 422, r.Status, "answer: %s", r.Body)
			assert.Equal(t, "invalid_input", r.str("error.class"))
			assert.Equal(t, tc.field, r.str("error.field"))
			assert.Contains(t, r.str("error.message"), "required")
		})
	}
	// hostile: the key in another case, which encoding/json would take for
	// the field, and the key twice, are two spellings of one count: refused
	// by name, nothing written.
	for body, field := range map[string]string{
		`{"ON_HAND":null}`:             "ON_HAND",
		`{"ON_HAND":3}`:                "ON_HAND",
		`{"on_hand":3,"On_Hand":4}`:    "On_Hand",
		`{"on_hand":3,"on_hand":4}`:    "on_hand",
		`{"on_hand":3,"on_hand":null}`: "on_hand",
	} {
		r := e.call("PUT", "/stock/LX-2201", wang, body)
		require.Equal(t, 422, r.Status, "%s: %s", body, r.Body)
		assert.Equal(t, field, r.str("error.field"), body)
	}

	var onHand, version int
	require.NoError(t, e.dbs[0].Read(context.Background(), func(tx *db.Tx) error {
		return tx.QueryRow(context.Background(), "SELECT on_hand, version FROM stock WHERE sku = 'LX-2201'").Scan(&onHand, &version)
	}))
	assert.Equal(t, 5, onHand, "the count as the warehouse made it")
	assert.Equal(t, 1, version, "never written again")

	// Given, a count of 0 is a count.
	r := e.must(200, e.call("PUT", "/stock/LX-2201", wang, `{"on_hand":0}`))
	assert.EqualValues(t, 0, r.get("on_hand"))
}
