// Package parcel replays "Where is my parcel?" (issue 16, situation 6): a
// buyer who bought on Double 11 chases her parcel through every situation
// seed 002 §二 names — not shipped yet, shipped with no tracking, never left
// the origin, stuck in her city, lost — and the shop answers each message at
// once (rule S8), in the buyer's language picked from her Accept-Language
// header (order.MatchLang), and in all four languages kefu speaks. The
// report says where the parcel stands (rule S7), whose fault a delay is and
// what to do; a lost parcel is reshipped with an apology, and the reship is
// a promise the shop follows until the replacement leaves (rule N3).
//
//	go run ./examples parcel
package parcel

import (
	"fmt"
	"io"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

var cst = time.FixedZone("CST", 8*60*60)

func at(month time.Month, day, hour, minute int) time.Time {
	return time.Date(2026, month, day, hour, minute, 0, 0, cst)
}

// chase is one message of the buyer asking where the parcel is, and what
// the shop's console made of it.
type chase struct {
	at     time.Time
	accept string     // the Accept-Language header her message came with
	lang   order.Lang // the language she is answered in
	report shipping.ParcelReport
}

// outcome is what happened to the parcel, for the scenario test: every
// chase and its answer, and the reship promise made when it was lost.
type outcome struct {
	chases []chase
	reship notes.Promise
	// reshipDecision is the promise check's verdict on the reship.
	reshipDecision notes.Decision
}

// staff is the language of the shop's console.
const staff = order.SimplifiedChinese

// Run replays the situation and writes what the agent would see to w.
func Run(w io.Writer) error {
	_, err := replay(w)
	return err
}

func replay(w io.Writer) (outcome, error) {
	var out outcome
	policy := shipping.DefaultPolicy()
	// Double 11: the warehouse ships within three days, and couriers are
	// slow everywhere (rule S6).
	policy.BigPromotions = []shipping.Period{{Name: "双11", Start: at(11, 11, 0, 0), End: at(11, 14, 0, 0)}}

	// Who reads what: the buyer's browser or phone says which languages
	// she reads; kefu answers in the best of its four, the shop's own
	// language when it places none.
	fmt.Fprintln(w, "Accept-Language → the language of the answer")
	for _, h := range []string{"zh-CN,zh;q=0.9", "zh-HK,zh;q=0.9,en;q=0.8", "zh-TW", "en-GB,en;q=0.9", "es-ES,es;q=0.9,en;q=0.5", "fr-FR,fr;q=0.9", ""} {
		l := order.MatchLang(h, staff)
		fmt.Fprintf(w, "  %-26q %s (%s)\n", h, l, l.Text(l))
	}
	fmt.Fprintln(w)

	// May grew up in Hong Kong and lives in Hangzhou: her phone asks for
	// traditional Chinese. She pays twenty minutes into Double 11.
	placed := at(11, 11, 0, 18)
	o, err := order.New(order.Spec{
		ID:    "T20261111001842",
		Buyer: order.Buyer{ID: "tb_may_chan", Nick: "May"},
		Lines: []order.Line{{SKU: "KN-3302", Title: "羊绒开衫 燕麦色 M", Quantity: 1, UnitPrice: decimal.RequireFromString("399.00")}},
		Address: order.Address{Recipient: "陈美仪", Phone: "13922004417", Province: "浙江省", City: "杭州市",
			District: "滨江区", Detail: "江南大道588号恒鑫大厦1203"},
		Status:    order.AwaitingPayment,
		CreatedAt: placed,
	})
	if err != nil {
		return out, err
	}
	if o, err = o.Apply(order.Pay, placed.Add(2*time.Minute)); err != nil {
		return out, err
	}
	fmt.Fprintf(w, "%s paid %s at %s by %s, for %s %s\n\n", o.ID(), o.Paid().StringFixed(2),
		o.PaidAt().Format("01-02 15:04"), o.Buyer().ID, o.Address().City, o.Address().District)

	var history []shipping.TrackingEvent
	track := func(t time.Time, s shipping.Stage, place string) {
		history = append(history, shipping.TrackingEvent{At: t, Stage: s, Place: place})
	}
	ask := func(t time.Time, accept, says string) error {
		r, err := policy.ClassifyParcel(&o, history, t)
		if err != nil {
			return err
		}
		l := order.MatchLang(accept, staff)
		out.chases = append(out.chases, chase{at: t, accept: accept, lang: l, report: r})
		fmt.Fprintf(w, "%s buyer (%s): %s\n", t.Format("01-02 15:04"), accept, says)
		fmt.Fprintf(w, "  console: %s\n", r.Staff(staff))
		fmt.Fprintf(w, "  answered at once, in %s:\n", l)
		for _, k := range order.Langs() {
			mark := " "
			if k == l {
				mark = "→"
			}
			fmt.Fprintf(w, "  %s %-7s %s\n", mark, k, r.Buyer(k))
		}
		fmt.Fprintln(w)
		return nil
	}

	// The day after Double 11: nothing has left yet, and that is within
	// the promotion's three days. She is answered at once all the same.
	if err := ask(at(11, 12, 9, 40), "zh-HK,zh;q=0.9,en;q=0.8", "我的開衫怎麼還沒發貨？"); err != nil {
		return out, err
	}
	// The third day is over and the order is still in the warehouse: now
	// the delay is the shop's, and the agent chases the warehouse.
	if err := ask(at(11, 14, 10, 5), "zh-HK,zh;q=0.9,en;q=0.8", "三天了還沒發？"); err != nil {
		return out, err
	}
	// The warehouse ships that afternoon; the courier has not scanned it.
	out14 := at(11, 14, 16, 30)
	track(at(11, 14, 13, 0), shipping.Cut, "")
	track(at(11, 14, 14, 10), shipping.Printed, "")
	track(at(11, 14, 15, 20), shipping.Picked, "")
	track(out14, shipping.Outbound, "上海仓")
	if o, err = o.Apply(order.Dispatch, out14); err != nil {
		return out, err
	}
	if err := ask(at(11, 15, 20, 0), "zh-HK,zh;q=0.9,en;q=0.8", "顯示已發貨，可是沒有物流資訊"); err != nil {
		return out, err
	}
	// The courier picks it up in Shanghai, then nothing: it never leaves
	// the origin (seed 002: 一直未离开上海发件地). Courier's delay, not the
	// shop's; chase the courier, explain the promotion's pressure. She
	// writes from her office laptop this time, set to English.
	track(at(11, 15, 21, 30), shipping.PickedUp, "上海")
	track(at(11, 15, 23, 0), shipping.Entered, "上海")
	if err := ask(at(11, 18, 9, 15), "en-GB,en;q=0.9", "Still in Shanghai after three days?"); err != nil {
		return out, err
	}
	// It moves, reaches Hangzhou, and is not delivered. She writes from
	// her phone again: the answer follows the language of each message.
	track(at(11, 18, 14, 0), shipping.Allocated, "上海转运中心")
	track(at(11, 19, 2, 0), shipping.InTransit, "嘉兴")
	track(at(11, 19, 11, 0), shipping.AtDestination, "杭州")
	if err := ask(at(11, 21, 19, 30), "zh-HK,zh;q=0.9,en;q=0.8", "到杭州兩天了，為什麼還不派送？"); err != nil {
		return out, err
	}
	// The courier reports it lost. The shop reships a replacement and
	// apologises; the buyer is not asked to wait for a claim.
	track(at(11, 22, 16, 0), shipping.Lost, "杭州滨江")
	lostAt := at(11, 22, 18, 45)
	if err := ask(lostAt, "zh-HK,zh;q=0.9,en;q=0.8", "快遞說件丟了？！"); err != nil {
		return out, err
	}

	// The reship is a promise (rule N3): checked against real stock and
	// the shipping policy's own dispatch time, then followed until the
	// replacement is outbound.
	agent := order.Agent{ID: "kf-zhou", Name: "周婷", Role: order.AfterSales}
	stock, err := order.NewStock(map[string]int{"KN-3302": 6})
	if err != nil {
		return out, err
	}
	draft := notes.PromiseDraft{ID: "reship-T20261111001842", Kind: notes.Reship, OrderID: o.ID(),
		Item: notes.Item{SKU: "KN-3302", Quantity: 1}}
	np := notes.DefaultPolicy()
	p, d, err := np.MakePromise(draft.Stamp(agent, lostAt), notes.PromiseCheck{Order: &o, Stock: stock, Shipping: policy}, lostAt)
	if err != nil {
		return out, err
	}
	out.reship, out.reshipDecision = p, d
	fmt.Fprintf(w, "reship promise: %s — %s %s×%d, due %s\n", d.Staff(staff), p.Kind.Text(staff), p.Item.SKU, p.Item.Quantity, p.Due.Format("01-02 15:04"))
	left := at(11, 23, 15, 10)
	if p, err = p.Fulfil(notes.Fulfilment{At: left, Stage: shipping.Outbound}); err != nil {
		return out, err
	}
	out.reship = p
	fmt.Fprintf(w, "replacement outbound %s: %s\n", left.Format("01-02 15:04"), p.State(left, time.Duration(np.DueSoon)).Text(staff))
	return out, nil
}
