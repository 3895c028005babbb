package order_test

import (
	"encoding/json"
	"errors"
	"os"
	"reflect"
	"testing"

	"github.com/kefu-go/kefu/order"
)

// FuzzTrade checks that decoding a platform trade record and building its
// order never panics; that every refusal is one [*order.Error] of the
// invalid-input class; that a decoded Trade encodes to JSON that decodes
// to the same Trade; and that whatever builds is an order whose JSON
// round-trips, with a detail that belongs to it and whose JSON round-trips
// too. The seeds are the records of testdata/trades.json.
func FuzzTrade(f *testing.F) {
	b, err := os.ReadFile("testdata/trades.json")
	if err != nil {
		f.Fatal(err)
	}
	var doc struct {
		Cases []tradeCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		f.Fatal(err)
	}
	for _, c := range doc.Cases {
		f.Add(c.record())
	}
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"orders":{"order":null}}`))
	f.Add([]byte(`{"tid":1e99,"num":"-0","orders":[{"num":99999999999999999999}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tr, err := order.ParseTrade(b)
		if err != nil {
			checkInvalid(t, err)
			return
		}
		out, err := json.Marshal(tr)
		if err != nil {
			t.Fatalf("a decoded trade does not encode: %v", err)
		}
		back, err := order.ParseTrade(out)
		if err != nil {
			t.Fatalf("an encoded trade does not decode: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(tr, back) {
			t.Fatalf("trade round trip differs:\n%#v\n%#v", tr, back)
		}
		o, d, err := tr.Order()
		if err != nil {
			checkInvalid(t, err)
			return
		}
		if err := d.Check(&o); err != nil {
			t.Fatalf("the detail does not belong to its order: %v", err)
		}
		ob, err := json.Marshal(o)
		if err != nil {
			t.Fatalf("a built order does not encode: %v", err)
		}
		var o2 order.Order
		if err := json.Unmarshal(ob, &o2); err != nil {
			t.Fatalf("an encoded order does not decode: %v\n%s", err, ob)
		}
		if again, _ := json.Marshal(o2); string(again) != string(ob) {
			t.Fatalf("order JSON round trip differs:\n%s\n%s", ob, again)
		}
		db, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("a detail does not encode: %v", err)
		}
		var d2 order.TradeDetail
		if err := json.Unmarshal(db, &d2); err != nil {
			t.Fatalf("an encoded detail does not decode: %v\n%s", err, db)
		}
		if !reflect.DeepEqual(d, d2) {
			t.Fatalf("detail round trip differs:\n%#v\n%#v", d, d2)
		}
	})
}

func checkInvalid(t *testing.T, err error) {
	t.Helper()
	var e *order.Error
	if !errors.As(err, &e) {
		t.Fatalf("not an *order.Error: %T %v", err, err)
	}
	if !errors.Is(err, order.ErrInvalidInput) {
		t.Fatalf("not invalid input: %v", err)
	}
}
