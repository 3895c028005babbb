package order_test

import (
	"encoding/json"
	"testing"

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
