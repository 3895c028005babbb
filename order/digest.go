package order

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Digest is the problem-order form after-sales receives every few hours
// (rule O2): the problem orders of a [Report] grouped by category, with a
// count per category and the oldest order first. It is data for a UI —
// it encodes in JSON with snake_case keys, e.g.
//
//	{"at":"2026-11-11T12:00:00+08:00","next":"2026-11-11T14:00:00+08:00","orders":1,
//	 "groups":[{"category":"cod_unconfirmed","count":1,"rows":[{"order_id":"T1003",
//	 "buyer_id":"b-7","region":"zhejiang","placed_at":"2026-11-11T09:40:00+08:00",
//	 "age":"2h20m0s","reasons":["cod_unconfirmed"]}]}]}
//
// — and [Digest.String] renders it as a plain-text table. Times are in the
// policy's zone.
type Digest struct {
	At     time.Time `json:"at"`     // when the triage ran
	Next   time.Time `json:"next"`   // when the next form is due: At + DigestEvery
	Orders int       `json:"orders"` // problem orders, each counted once
	// Groups holds one group per category that has problem orders, in
	// category order.
	Groups []DigestGroup `json:"groups"`
}

// DigestGroup is the problem orders of one category, oldest first. In
// JSON it also carries its count.
type DigestGroup struct {
	Category Category
	Rows     []DigestRow
}

// Count returns the number of orders in the group.
func (g DigestGroup) Count() int { return len(g.Rows) }

// MarshalJSON encodes the group as {"category", "count", "rows"}.
func (g DigestGroup) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Category Category    `json:"category"`
		Count    int         `json:"count"`
		Rows     []DigestRow `json:"rows"`
	}{g.Category, g.Count(), g.Rows})
}

// DigestRow is one problem order in one category of a [Digest]. It holds
// no personal data beyond the buyer's account ID: the address is shown by
// region only (rule O7).
type DigestRow struct {
	OrderID  string
	BuyerID  string
	Region   Region
	PlacedAt time.Time
	// Age is how long the order has existed at the digest's time.
	Age Duration
	// Reasons are the reasons found in this category: order's own and
	// those other packages' checks reported.
	Reasons []Code
}

// MarshalJSON encodes the row with snake_case keys and the age as Go
// duration text to the minute ("2h20m0s"), as policies carry durations.
func (r DigestRow) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		OrderID  string    `json:"order_id"`
		BuyerID  string    `json:"buyer_id"`
		Region   Region    `json:"region"`
		PlacedAt time.Time `json:"placed_at"`
		Age      string    `json:"age"`
		Reasons  []Code    `json:"reasons"`
	}{r.OrderID, r.BuyerID, r.Region, r.PlacedAt, time.Duration(r.Age).Truncate(time.Minute).String(), r.Reasons})
}

// UnmarshalJSON decodes what [Digest] encodes, strictly, for a backend
// that stores the forms it sent. An unknown key; groups out of category
// order or a category twice; a count that is not the number of rows; a
// row without an order ID, with an order or buyer ID the identity rule
// refuses, an unknown region or no reason; a problem-order count below
// the largest group or above the rows; or a next form not after the
// digest's time is an error naming the field ("groups[1].rows[0].buyer_id"),
// and d is left unchanged.
func (d *Digest) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var n Digest
	err := decodeObject("", b, []member{
		{"at", &n.At}, {"next", &n.Next}, {"orders", &n.Orders}, {"groups", (*groupList)(&n.Groups)},
	})
	if err != nil {
		return err
	}
	rows, most := 0, 0
	for i, g := range n.Groups {
		if i > 0 && n.Groups[i-1].Category >= g.Category {
			return fieldErr(index("groups", i)+".category", g.Category.String(), ErrInconsistent, "groups are in category order, each once")
		}
		rows += len(g.Rows)
		most = max(most, len(g.Rows))
	}
	if err := count("orders", n.Orders, most, rows); err != nil {
		return err
	}
	if !n.Next.After(n.At) && !(n.At.IsZero() && n.Next.IsZero()) {
		return fieldErr("next", n.Next.Format(timeText), ErrInconsistent, "the next form is due after this one")
	}
	*d = n
	return nil
}

// groupList decodes the groups of a digest one by one.
type groupList []DigestGroup

func (l *groupList) UnmarshalJSON(b []byte) error {
	gs, err := decodeArray(b, int(numCategories), func(raw []byte, g *DigestGroup) error { return g.UnmarshalJSON(raw) })
	if err != nil {
		return err
	}
	*l = gs
	return nil
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly: an unknown key
// or category, a count that is not the number of rows, and the errors of
// each row, which name it ("rows[2].reasons"), are errors; g is left
// unchanged.
func (g *DigestGroup) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var n DigestGroup
	c := -1
	err := decodeObject("", b, []member{{"category", &n.Category}, {"count", &c}, {"rows", (*rowList)(&n.Rows)}})
	if err != nil {
		return err
	}
	if !n.Category.IsValid() {
		return fieldErr("category", "", ErrMissing, "")
	}
	if c != len(n.Rows) {
		return fieldErr("count", strconv.Itoa(c), ErrInconsistent, "the group has "+strconv.Itoa(len(n.Rows))+" rows")
	}
	*g = n
	return nil
}

// rowList decodes the rows of a digest group one by one.
type rowList []DigestRow

func (l *rowList) UnmarshalJSON(b []byte) error {
	rs, err := decodeArray(b, maxDecodedItems, func(raw []byte, r *DigestRow) error { return r.UnmarshalJSON(raw) })
	if err != nil {
		return err
	}
	*l = rs
	return nil
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly: the order and
// buyer IDs through the identity rule, the region by name ("" for none),
// the age as Go duration text, each reason as a [Code]. An unknown key, a
// missing ID, a negative age or no reason is an error, and r is left
// unchanged.
func (r *DigestRow) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var n DigestRow
	err := decodeObject("", b, []member{
		{"order_id", &n.OrderID}, {"buyer_id", &n.BuyerID}, {"region", &n.Region},
		{"placed_at", &n.PlacedAt}, {"age", &n.Age}, {"reasons", &n.Reasons},
	})
	if err != nil {
		return err
	}
	if n.OrderID, err = identifier("order_id", n.OrderID); err != nil {
		return err
	}
	if n.BuyerID, err = identifier("buyer_id", n.BuyerID); err != nil {
		return err
	}
	if n.Age < 0 {
		return fieldErr("age", n.Age.String(), ErrInconsistent, "an order's age is not negative")
	}
	if len(n.Reasons) == 0 {
		return fieldErr("reasons", "", ErrMissing, "a row has at least one reason")
	}
	*r = n
	return nil
}

// Digest builds the after-sales form from a triage report (rule O2). An
// order in several categories appears in each. Within a category the
// oldest order (by placing time, then ID) comes first. An invalid policy
// is an error, as from [TriagePolicy.Validate], and so is a finding
// without an order ([ErrNilOrder]) in a report not built by the triage —
// among them a report decoded from JSON, which holds order IDs only.
func (p TriagePolicy) Digest(r Report) (Digest, error) {
	rules, err := p.compile()
	if err != nil {
		return Digest{}, err
	}
	for i, f := range r.Findings {
		if f.Order == nil {
			detail := ""
			if f.orderID != "" {
				detail = "a report decoded from JSON holds order IDs only"
			}
			return Digest{}, fieldErr("findings["+strconv.Itoa(i)+"].order", f.orderID, ErrNilOrder, detail)
		}
	}
	d := Digest{At: r.At.In(rules.loc), Next: r.At.Add(rules.every).In(rules.loc), Orders: len(r.Findings)}
	var counts [numCategories]int
	for _, f := range r.Findings {
		for c := range numCategories {
			if f.Categories.Has(c) {
				counts[c]++
			}
		}
	}
	for c := Category(1); c < numCategories; c++ {
		if counts[c] == 0 {
			continue
		}
		g := DigestGroup{Category: c, Rows: make([]DigestRow, 0, counts[c])}
		for _, f := range r.Findings {
			if !f.Categories.Has(c) {
				continue
			}
			o := f.Order
			g.Rows = append(g.Rows, DigestRow{OrderID: o.id, BuyerID: o.buyer.ID, Region: o.address.Region,
				PlacedAt: o.created.In(rules.loc), Age: Duration(r.At.Sub(o.created)), Reasons: f.Reasons(c)})
		}
		slices.SortFunc(g.Rows, func(a, b DigestRow) int {
			if c := a.PlacedAt.Compare(b.PlacedAt); c != 0 {
				return c
			}
			return strings.Compare(a.OrderID, b.OrderID)
		})
		d.Groups = append(d.Groups, g)
	}
	return d, nil
}

const digestTime = "2006-01-02 15:04"

// String renders the digest as a plain-text table, columns aligned for a
// fixed-width font (Chinese characters count as two columns):
//
//	problem orders at 2026-11-11 12:00 CST: 2 orders, next form 2026-11-11 14:00
//
//	cod_unconfirmed: 1
//	  ORDER  PLACED            AGE    BUYER  REGION    REASONS
//	  T1003  2026-11-11 09:40  2h20m  b-7    zhejiang  cod_unconfirmed
func (d Digest) String() string {
	var b strings.Builder
	b.WriteString("problem orders at ")
	b.WriteString(d.At.Format(digestTime + " MST"))
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(d.Orders))
	if d.Orders == 1 {
		b.WriteString(" order")
	} else {
		b.WriteString(" orders")
	}
	b.WriteString(", next form ")
	b.WriteString(d.Next.Format(digestTime))
	b.WriteByte('\n')

	header := [...]string{"ORDER", "PLACED", "AGE", "BUYER", "REGION", "REASONS"}
	var widths [len(header)]int
	cells := func(r DigestRow) [len(header)]string {
		region := "-"
		if r.Region.IsValid() {
			region = r.Region.String()
		}
		return [...]string{r.OrderID, r.PlacedAt.Format(digestTime), formatAge(time.Duration(r.Age)), r.BuyerID, region,
			joinCodes(r.Reasons)}
	}
	for i, h := range header {
		widths[i] = displayWidth(h)
	}
	for _, g := range d.Groups {
		for _, r := range g.Rows {
			for i, c := range cells(r) {
				widths[i] = max(widths[i], displayWidth(c))
			}
		}
	}
	row := func(cs [len(header)]string) {
		b.WriteString("  ")
		for i, c := range cs {
			b.WriteString(c)
			if i < len(cs)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		b.WriteByte('\n')
	}
	for _, g := range d.Groups {
		b.WriteByte('\n')
		b.WriteString(g.Category.String())
		b.WriteString(": ")
		b.WriteString(strconv.Itoa(g.Count()))
		b.WriteByte('\n')
		row(header)
		for _, r := range g.Rows {
			row(cells(r))
		}
	}
	return b.String()
}

// formatAge renders a duration as "2h20m", or "3d04h" from a day up;
// negative ages (an order placed after the triage) render as "0m".
func formatAge(a time.Duration) string {
	if a < 0 {
		a = 0
	}
	m := int64(a / time.Minute)
	h, m := m/60, m%60
	if h >= 24 {
		return strconv.FormatInt(h/24, 10) + "d" + two(h%24) + "h"
	}
	if h == 0 {
		return strconv.FormatInt(m, 10) + "m"
	}
	return strconv.FormatInt(h, 10) + "h" + two(m) + "m"
}

func two(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// displayWidth returns the columns s takes in a fixed-width font: wide
// and full-width characters take two.
func displayWidth(s string) int {
	n := 0
	for len(s) > 0 {
		p, size := width.LookupString(s)
		if size == 0 {
			_, size = utf8.DecodeRuneInString(s)
			size = max(size, 1)
			n++
		} else {
			switch p.Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				n += 2
			default:
				n++
			}
		}
		s = s[size:]
	}
	return n
}

// joinCodes renders codes as their text forms separated by spaces.
func joinCodes(cs []Code) string {
	var b strings.Builder
	for i, c := range cs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(c.String())
	}
	return b.String()
}
