package refund_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/refund"
)

// storedLedger is threeLines' ledger after a payout of a returned sock, a
// postage refund and the arrival before them.
func storedLedger(t testing.TB) refund.Ledger {
	l := ledger(t, finished(threeLines()))
	l, err := l.Receive(refund.Arrival{Waybill: "YT9876543210", Version: 1, SKU: "SOCK-01", Units: 1})
	require.NoError(t, err)
	l, _ = pay(t, l, refund.Payout{Key: "rf-1", SKU: "SOCK-01", Units: 1, Returned: true, Goods: dec("6.22")})
	l, _ = pay(t, l, refund.Payout{Key: "rf-2", Postage: dec("8.00")})
	return l
}

const storedJSON = `{"order_id":"T1001","version":4,"postage":"8.00","lines":[` +
	`{"sku":"SCARF-01","quantity":2,"goods":"100.00","discount":"6.67","paid":"93.33"},` +
	`{"sku":"HAT-01","quantity":1,"goods":"30.00","discount":"2.00","paid":"28.00"},` +
	`{"sku":"SOCK-01","quantity":3,"goods":"20.01","discount":"1.33","paid":"18.68"}],"entries":[` +
	`{"kind":"arrival","waybill":"YT9876543210","sku":"SOCK-01","units":1},` +
	`{"kind":"payout","key":"rf-1","sku":"SOCK-01","units":1,"returned":true,"goods":"6.22","postage":"0.00"},` +
	`{"kind":"payout","key":"rf-2","goods":"0.00","postage":"8.00"}]}`

// TestLedgerJSON pins the stored form of a ledger — the split is stored
// with it (rule R7) — and its round trip.
func TestLedgerJSON(t *testing.T) {
	l := storedLedger(t)
	b, err := json.Marshal(l)
	require.NoError(t, err)
	assert.JSONEq(t, storedJSON, string(b))
	var back refund.Ledger
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, string(b), jsonOf(t, back))
	assert.Equal(t, l.Version(), back.Version())
	decEq(t, "14.22", back.Refunded())
	// The decoded ledger goes on exactly as the original would.
	p := refund.Payout{Key: "rf-3", Version: 4, SKU: "SOCK-01", Units: 2, Goods: dec("12.46")}
	_, r1, err1 := l.Pay(p)
	_, r2, err2 := back.Pay(p)
	require.NoError(t, err1)
	require.NoError(t, err2)
	assert.Equal(t, r1, r2)
	// A replay of a stored key is still a replay.
	_, r, err := back.Pay(refund.Payout{Key: "rf-1", Version: 1, SKU: "SOCK-01", Units: 1, Returned: true, Goods: dec("6.22")})
	require.NoError(t, err)
	assert.True(t, r.Replayed)
}

// TestLedgerJSONRefusesTampering: a stored ledger is checked as a whole;
// one that does not add up, or whose entries a ledger would have refused,
// is refused and the target left as it was.
func TestLedgerJSONRefusesTampering(t *testing.T) {
	cases := []struct {
		reason, from, to string
		want             error
	}{
		{"an unknown field", `"postage":"8.00","lines"`, `"postage":"8.00","discont":"1.00","lines"`, refund.ErrUnknownField},
		{"an unknown field in an entry", `"units":1}`, `"units":1,"unit":2}`, refund.ErrUnknownField},
		{"a key twice (the second postage would win)", `"postage":"8.00","lines"`, `"postage":"8.00","postage":"0.00","lines"`, refund.ErrUnknownField},
		{"a key in another case (encoding/json folds it)", `"postage":"8.00","lines"`, `"Postage":"8.00","lines"`, refund.ErrUnknownField},
		{"a split that does not add up", `"paid":"93.33"`, `"paid":"93.34"`, refund.ErrInvalidLedger},
		{"three decimals", `"paid":"93.33"`, `"paid":"93.335"`, refund.ErrInvalidAmount},
		{"a negative amount", `"postage":"8.00","lines"`, `"postage":"-8.00","lines"`, refund.ErrInvalidAmount},
		{"a version that does not match the entries", `"version":4`, `"version":9`, refund.ErrInvalidLedger},
		{"a payout above what the line paid", `"goods":"6.22"`, `"goods":"60.22"`, refund.ErrOverRefund},
		{"an arrival of 0 units", `"units":1}`, `"units":0}`, refund.ErrInvalidQuantity},
		{"a postage payout above the postage", `"postage":"8.00"}]`, `"postage":"8.01"}]`, refund.ErrOverRefund},
		{"a duplicate key", `"key":"rf-2"`, `"key":"rf-1"`, refund.ErrInvalidLedger},
		{"an entry of an unknown kind", `"kind":"arrival"`, `"kind":"return"`, refund.ErrUnknownCode},
		{"an arrival with money", `"sku":"SOCK-01","units":1}`, `"sku":"SOCK-01","units":1,"goods":"1.00"}`, refund.ErrInvalidLedger},
		{"a payout with a waybill", `"key":"rf-2"`, `"key":"rf-2","waybill":"SF12345678"`, refund.ErrInvalidLedger},
		{"a line the ledger does not have", `"key":"rf-1","sku":"SOCK-01"`, `"key":"rf-1","sku":"SHOE-01"`, refund.ErrInvalidLedger},
		{"two lines with one SKU", `"sku":"HAT-01"`, `"sku":"SCARF-01"`, refund.ErrInvalidLedger},
		{"a hidden character in the order ID", `"T1001"`, `"T10\u200b01"`, refund.ErrInvalidText},
		{"an amount of a thousand digits", `"postage":"8.00","lines"`, `"postage":"` + strings.Repeat("8", 1000) + `","lines"`, refund.ErrInvalidAmount},
		{"a megabyte", `"postage":"8.00","lines"`, `"postage":"` + strings.Repeat("8", 1<<20) + `","lines"`, refund.ErrInvalidJSON},
		{"a quantity of 0", `"quantity":1`, `"quantity":0`, refund.ErrInvalidQuantity},
		{"trailing data", `]}`, `]}{}`, refund.ErrInvalidJSON},
		{"the wrong type", `"version":4`, `"version":"4"`, refund.ErrInvalidJSON},
	}
	good := storedLedger(t)
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			bad := strings.Replace(storedJSON, c.from, c.to, 1)
			require.NotEqual(t, storedJSON, bad, "the case edits the JSON")
			got := good
			err := got.UnmarshalJSON([]byte(bad))
			require.ErrorIs(t, err, c.want)
			assert.Equal(t, jsonOf(t, good), jsonOf(t, got), "unchanged on error")
		})
	}
	// Hostile: a returned-goods payout whose arrival was cut out.
	noArrival := strings.Replace(strings.Replace(storedJSON,
		`{"kind":"arrival","waybill":"YT9876543210","sku":"SOCK-01","units":1},`, "", 1), `"version":4`, `"version":3`, 1)
	var l refund.Ledger
	require.ErrorIs(t, l.UnmarshalJSON([]byte(noArrival)), refund.ErrNotReturned)
	noLines := `{"order_id":"T1","version":1,"postage":"0.00","lines":[],"entries":[]}`
	require.ErrorIs(t, l.UnmarshalJSON([]byte(noLines)), refund.ErrMissing)
	assert.True(t, l.IsZero())
	err := l.UnmarshalJSON([]byte(strings.Replace(storedJSON, `"goods":"6.22"`, `"goods":"60.22"`, 1)))
	assert.Contains(t, err.Error(), "entries[1].goods")
	assert.Equal(t, 422, httpStatus(err))
}

// TestLedgerJSONBounds: more entries than [refund.MaxEntries] are refused
// at the first one too many, and a document beyond any ledger's size
// before it is read.
func TestLedgerJSONBounds(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"order_id":"T1","version":1002,"postage":"0.00","lines":[{"sku":"A","quantity":1,"goods":"100.00","discount":"0.00","paid":"100.00"}],"entries":[`)
	for i := range refund.MaxEntries + 1 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"kind":"payout","key":"k` + strconv.Itoa(i) + `","goods":"0.00","postage":"0.00"}`)
	}
	b.WriteString(`]}`)
	var l refund.Ledger
	err := l.UnmarshalJSON([]byte(b.String()))
	require.ErrorIs(t, err, refund.ErrLedgerFull)
	assert.Contains(t, err.Error(), "more than 1000")

	err = l.UnmarshalJSON([]byte(`{"order_id":"` + strings.Repeat("T", 600<<10) + `"}`))
	require.ErrorIs(t, err, refund.ErrInvalidJSON)
	assert.Contains(t, err.Error(), "longer than 512 kB")
	assert.True(t, l.IsZero())
}
