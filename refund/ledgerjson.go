package refund

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/kerr"
	"github.com/kefu-go/kefu/internal/yuan"
)

// maxLedgerLines bounds the lines of a decoded ledger, as [order.New]
// bounds an order's.
const maxLedgerLines = 1000

type ledgerOut struct {
	OrderID string     `json:"order_id"`
	Version int64      `json:"version"`
	Postage money      `json:"postage"`
	Lines   []lineOut  `json:"lines"`
	Entries []entryOut `json:"entries"`
}

type lineOut struct {
	SKU      string `json:"sku"`
	Quantity int64  `json:"quantity"`
	Goods    money  `json:"goods"`
	Discount money  `json:"discount"`
	Paid     money  `json:"paid"`
}

type entryOut struct {
	Kind     string    `json:"kind"`
	Key      string    `json:"key,omitempty"`
	Waybill  string    `json:"waybill,omitempty"`
	SKU      string    `json:"sku,omitempty"`
	Units    int64     `json:"units,omitempty"`
	Returned bool      `json:"returned,omitempty"`
	Goods    *money    `json:"goods,omitempty"`
	Postage  *money    `json:"postage,omitempty"`
	At       time.Time `json:"at,omitzero"`
}

type ledgerIn struct {
	OrderID string          `json:"order_id"`
	Version int64           `json:"version"`
	Postage json.RawMessage `json:"postage"`
	Lines   linesIn         `json:"lines"`
	Entries entriesIn       `json:"entries"`
}

// linesIn and entriesIn decode a JSON list of at most maxLedgerLines or
// [MaxEntries] elements, refusing a longer one at the first element too
// many, so that a megabyte of entries costs no more than reading it.
type (
	linesIn   []lineIn
	entriesIn []entryIn
)

func (l *linesIn) UnmarshalJSON(b []byte) error {
	v, err := decodeList[lineIn](b, "lines", maxLedgerLines, ErrInvalidLedger)
	*l = v
	return err
}

func (l *entriesIn) UnmarshalJSON(b []byte) error {
	v, err := decodeList[entryIn](b, "entries", MaxEntries, ErrLedgerFull)
	*l = v
	return err
}

// decodeList decodes the JSON list b strictly, element by element, into a
// slice of at most max elements; one more is an [*Error] for field
// wrapping tooMany.
func decodeList[T any](b []byte, field string, max int, tooMany error) ([]T, error) {
	if string(b) == "null" {
		return nil, nil
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	if t, err := d.Token(); err != nil || t != json.Delim('[') {
		return nil, fieldErr(field, "", ErrInvalidJSON, "want a JSON array")
	}
	var out []T
	for d.More() {
		if len(out) == max {
			return nil, fieldErr(field, "", tooMany, "more than "+strconv.Itoa(max))
		}
		var v T
		if err := d.Decode(&v); err != nil {
			return nil, jsonErr(field+"["+strconv.Itoa(len(out))+"]", err)
		}
		out = append(out, v)
	}
	return out, nil
}

type lineIn struct {
	SKU      string          `json:"sku"`
	Quantity int64           `json:"quantity"`
	Goods    json.RawMessage `json:"goods"`
	Discount json.RawMessage `json:"discount"`
	Paid     json.RawMessage `json:"paid"`
}

type entryIn struct {
	Kind     string          `json:"kind"`
	Key      string          `json:"key"`
	Waybill  string          `json:"waybill"`
	SKU      string          `json:"sku"`
	Units    int64           `json:"units"`
	Returned bool            `json:"returned"`
	Goods    json.RawMessage `json:"goods"`
	Postage  json.RawMessage `json:"postage"`
	At       time.Time       `json:"at"`
}

// MarshalJSON encodes the ledger for storage: the order ID, the version,
// the postage, the lines with their split (goods, discount, paid) and
// every entry, oldest first — a payout with its key, line, units,
// returned flag and amounts, an arrival with its waybill, line and units,
// each with its time ("at", RFC 3339) when one was given.
// Money is text with two decimals ("96.67"). The zero Ledger is an error.
func (l Ledger) MarshalJSON() ([]byte, error) {
	if l.b == nil {
		return nil, fieldErr("ledger", "", ErrMissing, "the zero Ledger has no JSON form")
	}
	w := ledgerOut{OrderID: l.b.orderID, Version: l.Version(), Postage: money(l.b.postage),
		Lines: make([]lineOut, len(l.b.lines)), Entries: make([]entryOut, 0, l.numEntries())}
	for i, lb := range l.b.lines {
		w.Lines[i] = lineOut{SKU: lb.sku, Quantity: lb.qty, Goods: money(lb.goods), Discount: money(lb.discount), Paid: money(lb.paid)}
	}
	for i := range l.numEntries() {
		e := l.entryAt(i)
		o := entryOut{Units: e.units, Returned: e.returned, At: e.at}
		if e.line >= 0 {
			o.SKU = l.b.lines[e.line].sku
		}
		switch e.kind {
		case payoutEntry:
			g, p := money(e.goods), money(e.postage)
			o.Kind, o.Key, o.Goods, o.Postage = "payout", e.key, &g, &p
		case arrivalEntry:
			o.Kind, o.Waybill = "arrival", e.key
		}
		w.Entries = append(w.Entries, o)
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly, and checks it
// as a whole: an unknown field is [ErrUnknownField]; a malformed ID, SKU
// or amount (more than two decimals, negative) is the error of that field;
// a line whose split does not add up (goods ≠ discount + paid), a version
// that is not one more than the entries, and an entry that a ledger would
// have refused — above a cap, a duplicate key, a line the ledger does not
// have — are [ErrInvalidLedger], naming the entry ("entries[3].goods")
// and, where the problem is malformed input, matching its sentinel too
// ([ErrOverRefund] …). Decoding costs time linear in the input (entries
// are at most [MaxEntries], lines at most 1000). On error l is unchanged.
func (l *Ledger) UnmarshalJSON(b []byte) error {
	var w ledgerIn
	if err := decodeJSON("", b, &w, maxLedgerJSON); err != nil {
		return err
	}
	n, err := w.ledger()
	if err != nil {
		return err
	}
	*l = n
	return nil
}

func (w *ledgerIn) ledger() (Ledger, error) {
	id, err := identifier("order_id", w.OrderID)
	if err != nil {
		return Ledger{}, err
	}
	if len(w.Lines) == 0 {
		return Ledger{}, fieldErr("lines", "", ErrMissing, "a ledger has at least one line")
	}
	if len(w.Lines) > maxLedgerLines {
		return Ledger{}, fieldErr("lines", strconv.Itoa(len(w.Lines)), ErrInvalidLedger, "more than "+strconv.Itoa(maxLedgerLines)+" lines")
	}
	if len(w.Entries) > MaxEntries {
		return Ledger{}, fieldErr("entries", strconv.Itoa(len(w.Entries)), ErrLedgerFull, "at most "+strconv.Itoa(MaxEntries)+" entries")
	}
	if want := int64(len(w.Entries)) + 1; w.Version != want {
		return Ledger{}, fieldErr("version", strconv.FormatInt(w.Version, 10), ErrInvalidLedger,
			"a ledger with "+strconv.Itoa(len(w.Entries))+" entries is at version "+strconv.FormatInt(want, 10))
	}
	bk := &book{orderID: id, lines: make([]lineBook, len(w.Lines)), agg: make([]lineAgg, len(w.Lines)),
		entries: make([]entry, 0, len(w.Entries)+1)}
	if bk.postage, err = parseMoney("postage", w.Postage); err != nil {
		return Ledger{}, err
	}
	skus := make(map[string]int, len(w.Lines))
	var total int64
	for i, li := range w.Lines {
		field := "lines[" + strconv.Itoa(i) + "]"
		lb := &bk.lines[i]
		if lb.sku, err = sku(field+".sku", li.SKU); err != nil {
			return Ledger{}, err
		}
		if j, dup := skus[lb.sku]; dup {
			return Ledger{}, fieldErr(field+".sku", li.SKU, ErrInvalidLedger, "same SKU as lines["+strconv.Itoa(j)+"]")
		}
		skus[lb.sku] = i
		if li.Quantity < 1 || li.Quantity > yuan.MaxQuantity {
			return Ledger{}, fieldErr(field+".quantity", strconv.FormatInt(li.Quantity, 10), ErrInvalidQuantity,
				"must be 1 to "+strconv.Itoa(yuan.MaxQuantity))
		}
		lb.qty = li.Quantity
		for _, m := range [...]struct {
			name string
			raw  json.RawMessage
			dst  *int64
		}{{"goods", li.Goods, &lb.goods}, {"discount", li.Discount, &lb.discount}, {"paid", li.Paid, &lb.paid}} {
			if *m.dst, err = parseMoney(field+"."+m.name, m.raw); err != nil {
				return Ledger{}, err
			}
		}
		if lb.discount+lb.paid != lb.goods {
			return Ledger{}, fieldErr(field+".paid", yuan.Format(lb.paid), ErrInvalidLedger,
				"goods "+yuan.Format(lb.goods)+" − discount "+yuan.Format(lb.discount)+" = "+yuan.Format(lb.goods-lb.discount))
		}
		var ok bool
		if total, ok = yuan.Add(total, lb.goods); !ok {
			return Ledger{}, fieldErr(field+".goods", yuan.Format(lb.goods), ErrInvalidAmount, "the lines' total is out of range")
		}
	}
	cur := Ledger{b: bk}
	type id3 struct {
		kind entryKind
		key  string
		line int32
	}
	seen := make(map[id3]int, len(w.Entries))
	for i := range w.Entries {
		e, err := w.Entries[i].entry(&cur)
		if err != nil {
			return Ledger{}, entryErr(i, err)
		}
		k := id3{e.kind, e.key, -1}
		if e.kind == arrivalEntry {
			k.line = e.line
		}
		if j, dup := seen[k]; dup {
			return Ledger{}, entryErr(i, fieldErr("key", e.key, ErrInvalidLedger, "same as entries["+strconv.Itoa(j)+"]"))
		}
		seen[k] = i
		bk.entries = append(bk.entries, e)
		bk.add(&bk.entries[len(bk.entries)-1])
	}
	return cur, nil
}

// entry checks one stored entry against the ledger built so far, as
// [Ledger.Pay] and [Ledger.Receive] would have.
func (in *entryIn) entry(cur *Ledger) (entry, error) {
	switch in.Kind {
	case "payout":
		if in.Waybill != "" {
			return entry{}, fieldErr("waybill", in.Waybill, ErrInvalidLedger, "a payout has no waybill")
		}
		goods, err := parseMoney("goods", in.Goods)
		if err != nil {
			return entry{}, err
		}
		postage, err := parseMoney("postage", in.Postage)
		if err != nil {
			return entry{}, err
		}
		if in.Units > yuan.MaxQuantity || in.Units < 0 {
			return entry{}, fieldErr("units", strconv.FormatInt(in.Units, 10), ErrInvalidQuantity, "")
		}
		p := Payout{Key: in.Key, SKU: in.SKU, Units: int(in.Units), Returned: in.Returned,
			Goods: yuan.Dec(goods), Postage: yuan.Dec(postage), At: in.At}
		key, err := identifier("key", p.Key)
		if err != nil {
			return entry{}, err
		}
		e, err := cur.payoutEntry(p)
		if err != nil {
			return entry{}, err
		}
		e.key = key
		return e, cur.checkPayout(&e, p)
	case "arrival":
		switch {
		case in.Key != "":
			return entry{}, fieldErr("key", in.Key, ErrInvalidLedger, "an arrival has a waybill, no key")
		case in.Returned || in.Goods != nil || in.Postage != nil:
			return entry{}, fieldErr("kind", in.Kind, ErrInvalidLedger, "an arrival carries no money")
		case in.Units > yuan.MaxQuantity || in.Units < 0:
			return entry{}, fieldErr("units", strconv.FormatInt(in.Units, 10), ErrInvalidQuantity, "")
		}
		e, err := cur.arrivalEntry(Arrival{Waybill: in.Waybill, SKU: in.SKU, Units: int(in.Units), At: in.At})
		if err != nil {
			return entry{}, err
		}
		return e, cur.checkArrival(&e)
	}
	return entry{}, fieldErr("kind", in.Kind, ErrUnknownCode, `want "payout" or "arrival"`)
}

// entryErr places the error of entries[i] in the ledger: an [*Error] for
// "entries[i].field" wrapping [ErrInvalidLedger] and, when its sentinel is
// of the invalid-input class, that sentinel too.
func entryErr(i int, err error) error {
	field := "entries[" + strconv.Itoa(i) + "]"
	var e *Error
	if !errors.As(err, &e) {
		return fieldErr(field, "", ErrInvalidLedger, err.Error())
	}
	n := &Error{Pkg: "refund", Field: field + "." + e.Field, Value: e.Value, Err: ErrInvalidLedger, Detail: e.Detail}
	if e.Err != ErrInvalidLedger && kerr.ClassOf(e.Err) == kerr.Invalid {
		n.Cause = e.Err
	}
	return n
}
