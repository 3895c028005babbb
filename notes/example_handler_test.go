package notes_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// memoTable stands for the backend's table of order memos: the stored
// JSON of each order's notes.Memo, by order ID. A real backend reads and
// writes the row inside one transaction, locking it for the update.
type memoTable map[string][]byte

// appendNote is the handler a backend writes for the console action
// "append a memo note" (rule N1): decode the agent's draft, stamp it with
// the agent from the session and the server's clock, append it, store the
// memo. It needs no mirror struct — the draft is notes.NoteDraft — and no
// table of sentinels: every kefu error maps to its HTTP status with
// order.HTTPStatus, and a memo that is full is a decision, answered 200
// with the verdict for the console to show.
func appendNote(p notes.Policy, memos memoTable, agent func(*http.Request) order.Agent, now func() time.Time) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, notes.MaxJSON))
		if err != nil {
			http.Error(w, "request too large", http.StatusRequestEntityTooLarge)
			return
		}
		var d notes.NoteDraft
		// UnmarshalJSON, not json.Unmarshal: malformed JSON is then kefu's
		// error (422) too, not encoding/json's.
		if err := d.UnmarshalJSON(body); err != nil {
			writeError(w, err)
			return
		}
		n, err := d.Stamp(agent(r), now())
		if err != nil {
			writeError(w, err)
			return
		}
		id := r.PathValue("order")
		var memo notes.Memo
		if row, ok := memos[id]; ok {
			if err := memo.UnmarshalJSON(row); err != nil {
				writeError(w, err)
				return
			}
		}
		memo, dec, err := p.AppendNote(memo, n)
		if err != nil {
			writeError(w, err)
			return
		}
		out := struct {
			Decision notes.Decision `json:"decision"`
			Memo     *notes.Memo    `json:"memo,omitempty"` // the memo stored
			Room     int            `json:"room"`           // bytes left in it
		}{Decision: dec, Room: memo.Room()}
		if dec.Verdict == order.Allowed {
			row, err := json.Marshal(memo)
			if err != nil {
				writeError(w, err)
				return
			}
			memos[id] = row
			out.Memo = &memo
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}
}

// writeError answers err with the status of its class and names the field.
func writeError(w http.ResponseWriter, err error) {
	out := struct {
		Error string `json:"error"`
		Field string `json:"field,omitempty"`
	}{Error: err.Error()}
	var e *order.Error
	if errors.As(err, &e) {
		out.Field = e.Field
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(order.HTTPStatus(err))
	_ = json.NewEncoder(w).Encode(out)
}

// The console action "append a memo note", as a backend serves it: a draft
// comes in, the server stamps who and when, the memo is stored (rule N1).
// Malformed drafts are answered 422 naming the field; a full memo is a
// refused decision, answered 200, and the stored memo is left as it was.
func Example_appendNoteHandler() {
	cst := time.FixedZone("CST", 8*60*60)
	full := `{"text":"` + strings.Repeat("备", 320) + `","flag":2}`
	memos := memoTable{"T1002": []byte(full)}
	session := func(*http.Request) order.Agent { return order.Agent{ID: "kf-li", Name: "李四", Role: order.InSales} }
	clock := func() time.Time { return time.Date(2026, 11, 25, 14, 3, 5, 0, cst) }
	mux := http.NewServeMux()
	mux.Handle("POST /orders/{order}/memo/notes", appendNote(notes.DefaultPolicy(), memos, session, clock))

	post := func(order, body string) {
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest("POST", "/orders/"+order+"/memo/notes", strings.NewReader(body)))
		fmt.Print(rec.Code, " ", rec.Body.String())
	}
	post("T1001", `{"flag":1,"kind":"address_change","reason":"买家来电改门牌号",
		"address":{"recipient":"张三","phone":"138 1234 5678","province":"浙江省","city":"杭州市","district":"西湖区","detail":"文三路１４号"}}`)
	post("T1001", `{"flag":"green","kind":"refund","reason":"退运费","amount":"12.005"}`)
	post("T1001", `{"flag":"green","kind":"refund","reason":"退运费","amount":"12.00","author":{"id":"kf-boss","role":"store_manager"}}`)
	post("T1001", `{"flag":"red","kind":"hold","reason":"暂停"}`)
	post("T1001", `{"flag":"red",`)
	post("T1002", `{"flag":"green","kind":"refund","reason":"退运费","amount":"12.00"}`)
	fmt.Println("T1002 unchanged:", string(memos["T1002"]) == full)
	// Output:
	// 200 {"decision":{"verdict":"allowed","reasons":[]},"memo":{"text":"【改地址】旗:红 | 原因:买家来电改门牌号 | 新地址:张三,13812345678,浙江省,杭州市,西湖区,文三路14号 | 经办:李四(售中) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00","flag":"red"},"room":793}
	// 422 {"error":"notes: note.amount \"12.005\": invalid note detail: more than two decimals (invalid amount)","field":"note.amount"}
	// 422 {"error":"notes: note.author: unknown field: no such field","field":"note.author"}
	// 422 {"error":"notes: note.kind \"hold\": invalid note detail: a hold is the order's hold event: its note comes from ApplyHold","field":"note.kind"}
	// 422 {"error":"notes: note: invalid JSON: truncated JSON","field":"note"}
	// 200 {"decision":{"verdict":"refused","reasons":["memo_full"]},"room":40}
	// T1002 unchanged: true
}
