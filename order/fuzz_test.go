package order_test

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/order"
)

// FuzzParseAddress checks that parsing never panics, that a parsed address
// is canonical (normalising it again changes nothing) and that its text
// form parses back to the same address.
func FuzzParseAddress(f *testing.F) {
	for _, s := range []string{
		"张三,13812345678,浙江省,杭州市,西湖区,文三路12号",                  // canonical
		"张三，１３８１２３４５６７８，浙江，杭州市，西湖区，文三路１２号，3单元",               // full-width, commas in the detail
		"John,+1 415 555 0100,海外,San Francisco,,1 Market St", // abroad
		",,,,,", // every part empty
		"陈大文,91234567,香港,九龙,,弥敦道1号", // no district
		"a,b,c", // too few parts
		"张三,138,火星,杭州市,西湖区,x", // unknown province
		"\xff,,,,,",        // invalid UTF-8
		"张\u200b三,1,浙江,,,", // zero-width space
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := order.ParseAddress(s)
		if err != nil {
			return
		}
		again, err := order.NormalizeAddress(a)
		if err != nil {
			t.Fatalf("normalising a parsed address failed: %v (%#v)", err, a)
		}
		if again != a {
			t.Fatalf("normalising twice differs from once:\n%#v\n%#v", a, again)
		}
		back, err := order.ParseAddress(a.String())
		if err != nil {
			t.Fatalf("text form %q does not parse: %v", a.String(), err)
		}
		if back != a {
			t.Fatalf("round trip differs:\n%#v\n%#v", a, back)
		}
		if a.Key() != back.Key() {
			t.Fatalf("keys differ")
		}
		_ = a.Masked()
	})
}

// FuzzStatusText checks the text round trip of Status and Event: any text
// that parses is a platform name that prints the same, and every valid
// value marshals to a text that parses back to it.
func FuzzStatusText(f *testing.F) {
	for _, s := range []string{"WAIT_BUYER_PAY", "TRADE_CLOSED_BY_TAOBAO", "PAID_FORBID_CONSIGN",
		"wait_buyer_pay", "", "dispatch_part", "Status(3)", "\x00"} {
		f.Add(s, uint8(0))
	}
	f.Add("TRADE_FINISHED", uint8(7))
	f.Add("", uint8(255))
	f.Fuzz(func(t *testing.T, s string, n uint8) {
		if st, err := order.ParseStatus(s); err == nil {
			if st.String() != s {
				t.Fatalf("ParseStatus(%q) = %v", s, st)
			}
		}
		if e, err := order.ParseEvent(s); err == nil && e.String() != s {
			t.Fatalf("ParseEvent(%q) = %v", s, e)
		}
		st := order.Status(n)
		b, err := st.MarshalText()
		if st.IsValid() != (err == nil) {
			t.Fatalf("MarshalText(%v): valid %v, err %v", st, st.IsValid(), err)
		}
		if err == nil {
			var back order.Status
			if err := back.UnmarshalText(b); err != nil || back != st {
				t.Fatalf("round trip of %v: %v, %v", st, back, err)
			}
		}
	})
}

// FuzzOrderJSON checks that decoding arbitrary JSON never panics and that
// whatever decodes encodes to JSON that decodes to the same JSON again.
func FuzzOrderJSON(f *testing.F) {
	good, _ := json.Marshal(order.MustNew(paidSpec()))
	f.Add(good)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"id":"1","buyer":{"id":"b"},"lines":[{"sku":"A","quantity":1,"unit_price":"0.01"}],"status":"WAIT_BUYER_PAY","created_at":"2026-11-11T00:00:00Z","postage":"0","discount":"0"}`))
	f.Add([]byte(`{"lines":[{"sku":"A","quantity":1e99}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var o order.Order
		if err := json.Unmarshal(b, &o); err != nil {
			return
		}
		out, err := json.Marshal(o)
		if err != nil {
			t.Fatalf("a decoded order does not encode: %v", err)
		}
		var back order.Order
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("an encoded order does not decode: %v\n%s", err, out)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("JSON round trip differs:\n%s\n%s", out, again)
		}
	})
}

// FuzzSpecJSON checks that decoding arbitrary JSON into a Spec never
// panics, and that a decoded Spec encodes to JSON that decodes to the same
// JSON again.
func FuzzSpecJSON(f *testing.F) {
	good, _ := json.Marshal(paidSpec())
	f.Add(good)
	f.Add([]byte(`{"postage":"1e2"}`))
	f.Add([]byte(`{"lines":[{"sku":"A","unit_price":128.505}]}`))
	f.Add([]byte(`{"discount":"5.00","discount":"6.00"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, b []byte) {
		// Called directly, without encoding/json's check of the whole
		// input first, the decoder accepts only valid JSON.
		var direct order.Spec
		if direct.UnmarshalJSON(b) == nil && !json.Valid(b) {
			t.Fatalf("accepted invalid JSON %q", b)
		}
		var s order.Spec
		if err := json.Unmarshal(b, &s); err != nil {
			return
		}
		out, err := json.Marshal(s)
		if err != nil {
			return // e.g. a line price of a hand-built value; decoded amounts always encode
		}
		var back order.Spec
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("an encoded spec does not decode: %v\n%s", err, out)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("JSON round trip differs:\n%s\n%s", out, again)
		}
	})
}

// FuzzNewRebuilds is the property of issue 10 #6: whatever amounts and
// quantities an order is built from, an order New accepts has every
// amount within 10^13 yuan, rebuilds from its Spec into an equal order,
// and survives a JSON round trip.
func FuzzNewRebuilds(f *testing.F) {
	f.Add(int64(4950), 2, int64(1000), int64(500), false)
	f.Add(int64(1000), 1, int64(999999999999999), int64(0), false)  // the reproducer
	f.Add(int64(1000000000000000), 1, int64(0), int64(0), true)     // at the bound
	f.Add(int64(500000000000001), 2, int64(0), int64(0), false)     // a line total above it
	f.Add(int64(1000000000000000), 1, int64(500), int64(500), true) // postage and discount cancel
	f.Add(int64(-1), 1, int64(0), int64(0), false)                  // negative
	f.Fuzz(func(t *testing.T, priceFen int64, qty int, postageFen, discountFen int64, twoLines bool) {
		s := paidSpec()
		s.Lines = s.Lines[:1]
		s.Lines[0].UnitPrice, s.Lines[0].Quantity = decimal.New(priceFen, -2), qty
		if twoLines {
			s.Lines = append(s.Lines, order.Line{SKU: "B-2", Quantity: 1, UnitPrice: decimal.New(priceFen/3, -2)})
		}
		s.Postage, s.Discount = decimal.New(postageFen, -2), decimal.New(discountFen, -2)
		o, err := order.New(s)
		if err != nil {
			return
		}
		bound := decimal.New(1, 13)
		for _, a := range []decimal.Decimal{o.Goods(), o.Postage(), o.Discount(), o.Paid(), o.NetGoods(), o.Line(0).Amount()} {
			if a.Sign() < 0 || a.GreaterThan(bound) {
				t.Fatalf("amount %s out of bounds in an accepted order", a)
			}
		}
		again, err := order.New(o.Spec())
		if err != nil {
			t.Fatalf("New(o.Spec()) refused an order New accepted: %v", err)
		}
		if !reflect.DeepEqual(o, again) {
			t.Fatalf("New(o.Spec()) differs")
		}
		b, err := json.Marshal(o)
		if err != nil {
			t.Fatalf("an accepted order does not encode: %v", err)
		}
		var back order.Order
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("an accepted order's JSON does not decode: %v\n%s", err, b)
		}
		if !back.Paid().Equal(o.Paid()) || !back.Goods().Equal(o.Goods()) {
			t.Fatalf("JSON round trip changed the totals")
		}
	})
}

// FuzzParseCode checks that parsing a reason code never panics, and that
// a code that parses prints as text that parses back to it.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"shipping.postage_overcharged", "order.stock_short", "stock_short", "postage_overcharged",
		"order.nope", ".x", "a.", "Shipping.X", "a.b.c", "\xff.x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := order.ParseCode(s)
		if err != nil {
			return
		}
		back, err := order.ParseCode(c.String())
		if err != nil || back != c {
			t.Fatalf("ParseCode(%q) = %v, back %v, %v", s, c, back, err)
		}
	})
}

// FuzzBuyerIDNeverRepaired checks that a buyer ID decodes only from text
// encoding/json would not repair: "T\xff" and "T\xfe" would otherwise
// both decode to "T\uFFFD", one identity for two (rules O7, S4, A3).
func FuzzBuyerIDNeverRepaired(f *testing.F) {
	for _, s := range []string{"T1", "T\xff", `T\ud800`, `\ud83d\ude00`, `\\ud800`, "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		doc := []byte(`{"id":"` + id + `"}`)
		var b order.Buyer
		if json.Unmarshal(doc, &b) != nil {
			return
		}
		if _, bad := jsonx.Repaired(doc); bad {
			t.Fatalf("%q decoded to ID %q from text encoding/json repairs", doc, b.ID)
		}
	})
}
