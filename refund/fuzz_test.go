package refund_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// FuzzLedgerJSON checks that decoding a ledger never panics, that a
// decoded ledger encodes to JSON that decodes to the same ledger, and that
// it never refunds more than was paid (rule R7).
func FuzzLedgerJSON(f *testing.F) {
	for _, s := range []string{
		storedJSON, // a ledger with an arrival, a returned-goods payout and a postage payout
		`{"order_id":"T1","version":1,"postage":"0.00","lines":[{"sku":"A","quantity":1,"goods":"1.00","discount":"0.00","paid":"1.00"}],"entries":[]}`,
		`{"order_id":"T1","version":2,"postage":"0","lines":[{"sku":"A","quantity":2,"goods":1,"discount":0,"paid":1}],` +
			`"entries":[{"kind":"payout","key":"k","sku":"A","units":1,"goods":"0.50","postage":"0"}]}`, // bare numbers
		`{"order_id":"T1","version":2,"postage":"0","lines":[{"sku":"A","quantity":2,"goods":"1","discount":"0","paid":"1"}],` +
			`"entries":[{"kind":"payout","key":"k","sku":"A","units":1,"goods":"0.51","postage":"0"}]}`, // above the unit's share
		`{}`, `null`, `[]`, `{"order_id":"T1","version":1e9}`, // degenerate
		`{"order_id":"T\u202e1","version":1,"postage":"0","lines":[]}`, // a direction override
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var l refund.Ledger
		if err := json.Unmarshal(b, &l); err != nil {
			if !l.IsZero() {
				t.Fatalf("a failed decode changed the ledger")
			}
			return
		}
		if l.Refunded().GreaterThan(l.Paid()) {
			t.Fatalf("refunded %s of %s", l.Refunded(), l.Paid())
		}
		out, err := json.Marshal(l)
		if err != nil {
			t.Fatalf("a decoded ledger does not encode: %v", err)
		}
		var back refund.Ledger
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%s does not decode: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("round trip differs:\n%s\n%s", out, again)
		}
	})
}

// FuzzRefundJSON checks that decoding a refund never panics and that a
// decoded refund round-trips.
func FuzzRefundJSON(f *testing.F) {
	for _, s := range []string{
		`{"refund_id":"RF-1","tid":"T1001","sku":"SOCK-01","refund_fee":"6.22","status":"WAIT_SELLER_CONFIRM_GOODS",` +
			`"good_status":"BUYER_RETURNED_GOODS","refund_phase":"aftersale","has_good_return":true,"sid":"YT1234567890",` +
			`"refund_version":3,"created":"2026-11-07T10:00:00+08:00","modified":"2026-11-08T10:00:00+08:00"}`,
		`{"refund_id":"RF-1","tid":"T1","sku":"A","refund_fee":0.01,"status":"SUCCESS","good_status":"BUYER_NOT_RECEIVED",` +
			`"refund_phase":"onsale","has_good_return":false,"refund_version":1,"created":"2026-11-07T10:00:00Z","modified":"2026-11-07T10:00:00Z"}`,
		`{}`, `{"refund_fee":"1e3"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var r refund.Refund
		if err := json.Unmarshal(b, &r); err != nil {
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("a decoded refund does not encode: %v", err)
		}
		var back refund.Refund
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%s does not decode: %v", out, err)
		}
		if again, _ := json.Marshal(back); string(again) != string(out) {
			t.Fatalf("round trip differs:\n%s\n%s", out, again)
		}
	})
}

// FuzzCheckReply checks that the reply checker never panics and that a
// refusal always names the phrase it found (rule R8).
func FuzzCheckReply(f *testing.F) {
	for _, s := range []string{"好评返现5元", "我们没有返现", "Leave a 5-star review and get $5 back", "\xff", "返\u200b现", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := refund.CheckReply(s)
		if err != nil {
			return
		}
		if d.Reasons.Has(refund.CashBackOffer) != (d.Match != "") {
			t.Fatalf("%q: reasons %v, match %q", s, d.Reasons, d.Match)
		}
	})
}

// FuzzEnumText checks the text round trip of the package's enums: text
// that parses prints the same.
func FuzzEnumText(f *testing.F) {
	for _, s := range []string{"WAIT_SELLER_AGREE", "BUYER_RETURNED_GOODS", "onsale", "agree_return", "window_closed",
		"", "Status(3)", "wait_seller_agree", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, err := refund.ParseStatus(s); err == nil && v.String() != s {
			t.Fatalf("status %q prints %q", s, v)
		}
		if v, err := refund.ParseGoodStatus(s); err == nil && v.String() != s {
			t.Fatalf("goods status %q prints %q", s, v)
		}
		if v, err := refund.ParsePhase(s); err == nil && v.String() != s {
			t.Fatalf("phase %q prints %q", s, v)
		}
		if v, err := refund.ParseEvent(s); err == nil && v.String() != s {
			t.Fatalf("event %q prints %q", s, v)
		}
		if v, err := refund.ParseReason(s); err == nil && v.String() != s {
			t.Fatalf("reason %q prints %q", s, v)
		}
		if v, err := refund.ParseComplaint(s); err == nil && v.String() != s {
			t.Fatalf("complaint %q prints %q", s, v)
		}
	})
}

// FuzzPlanJSON checks that decoding a refund-and-reorder plan never
// panics, leaves the target unchanged on error, and that a decoded plan
// encodes to JSON that decodes to the same plan.
func FuzzPlanJSON(f *testing.F) {
	at := t0.Add(time.Hour)
	p := fullyGuarded(f, at)
	for _, q := range []refund.Plan{p, apply(f, p, parcelEvent("T1001", shipping.Outbound, at))} {
		b, err := json.Marshal(q)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, s := range []string{`{}`, `null`, `[]`, `{"id":"P","steps":[{"step":"hold_original","state":"done"}]}`,
		`{"id":"P\u202e","version":1e9}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var q refund.Plan
		if err := json.Unmarshal(b, &q); err != nil {
			if !q.IsZero() {
				t.Fatalf("a failed decode changed the plan")
			}
			return
		}
		out, err := json.Marshal(q)
		if err != nil {
			t.Fatalf("a decoded plan does not encode: %v", err)
		}
		var back refund.Plan
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%s does not decode: %v", out, err)
		}
		if again, _ := json.Marshal(back); string(again) != string(out) {
			t.Fatalf("round trip differs:\n%s\n%s", out, again)
		}
		// Neither the blockers nor rendering a decoded plan, for staff or the
		// buyer, panics.
		blockers := q.Blockers(at)
		for _, l := range order.Langs() {
			if q.Staff(l) == "" && !q.IsZero() {
				t.Fatalf("a decoded plan renders as nothing in %s", l)
			}
			_ = q.Buyer(l)
			for _, bl := range blockers {
				_ = bl.Staff(l)
			}
		}
	})
}
