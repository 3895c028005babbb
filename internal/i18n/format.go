package i18n

import (
	"fmt"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
	"golang.org/x/text/currency"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/kefu-go/kefu/internal/yuan"
)

// Amount is money for a message: a whole number of fen (1 yuan = 100 fen),
// so it prints exactly. Build it with [Fen] or [AmountOf].
type Amount int64

// Fen returns the amount of n fen.
func Fen(n int64) Amount { return Amount(n) }

// AmountOf returns d yuan as an Amount; ok is false when d has more than
// two decimals or is beyond what kefu accepts (yuan.MaxFen), which no
// checked kefu value is.
func AmountOf(d decimal.Decimal) (a Amount, ok bool) {
	fen, ok := yuan.Fen(d)
	return Amount(fen), ok
}

// Clock is a time of day, in seconds after midnight, as order.Clock
// counts it: 16:00 is 57600.
type Clock int32

// RoleCode is the text form of an order.Role ("team_leader"), rendered as
// the role's staff text in the message's language.
type RoleCode string

// cst is China Standard Time, the zone messages are told in when the
// caller gives none.
var cst = time.FixedZone("CST", 8*60*60)

// numbers is what one language needs to print numbers and money: x/text's
// printer, whose number formatting (digits, grouping) is used as is, the
// currency symbol and the decimal separator, both read from x/text once.
type numbers struct {
	p      *message.Printer
	symbol string // "¥", x/text's narrow symbol for CNY
	point  string // "." or ","
}

func newNumbers(p *message.Printer) numbers {
	n := numbers{p: p, symbol: p.Sprint(currency.NarrowSymbol(currency.CNY))}
	// "0.0" in the language; the text between the zeros is the separator.
	z := p.Sprint(number.Decimal(0, number.Scale(1)))
	if len(z) >= 3 && z[0] == '0' && z[len(z)-1] == '0' {
		n.point = z[1 : len(z)-1]
	} else {
		n.point = "."
	}
	return n
}

// appendNumber appends fen as yuan with two decimals in the language:
// "1,234.50" (en, zh), "1.234,50" (es). The whole yuan go through x/text's
// number formatting, which is exact for any int64 (its currency
// formatting goes through float64 and is not, above 2^53); the two fen
// digits are appended.
func (n *numbers) appendNumber(dst []byte, fen int64) []byte {
	neg := fen < 0
	u := uint64(fen)
	if neg {
		u = -u
	}
	if neg {
		dst = append(dst, '-')
	}
	dst = append(dst, n.p.Sprint(number.Decimal(u/100))...)
	dst = append(dst, n.point...)
	f := u % 100
	return append(dst, byte('0'+f/10), byte('0'+f%10))
}

// appendMoney appends fen as money as x/text's currency formatting lays
// it out: the narrow symbol, a space, the number ("¥ 1,234.50",
// "¥ 1.234,50", "¥ -0.50").
func (n *numbers) appendMoney(dst []byte, fen int64) []byte {
	dst = append(dst, n.symbol...)
	dst = append(dst, ' ')
	return n.appendNumber(dst, fen)
}

// money is an amount bound to a language, for a message's printer: %v
// prints it as money ("¥ 0.01"), %f as a number ("0.01").
type money struct {
	fen int64
	n   *numbers
}

// Format implements fmt.Formatter.
func (m money) Format(s fmt.State, verb rune) {
	var buf [48]byte
	if verb == 'f' {
		s.Write(m.n.appendNumber(buf[:0], m.fen))
		return
	}
	s.Write(m.n.appendMoney(buf[:0], m.fen))
}

var monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var monthsES = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre"}

// appendDate appends the calendar day of t as the language writes it in a
// message, without the year (messages speak of days close at hand):
// "11月12日", "12 November", "12 de noviembre".
func appendDate(dst []byte, l Lang, t time.Time) []byte {
	_, m, d := t.Date()
	switch l {
	case English:
		dst = strconv.AppendInt(dst, int64(d), 10)
		dst = append(dst, ' ')
		return append(dst, monthsEN[m-1]...)
	case Spanish:
		dst = strconv.AppendInt(dst, int64(d), 10)
		dst = append(dst, " de "...)
		return append(dst, monthsES[m-1]...)
	}
	dst = strconv.AppendInt(dst, int64(m), 10)
	dst = append(dst, "月"...)
	dst = strconv.AppendInt(dst, int64(d), 10)
	return append(dst, "日"...)
}

// appendClock appends a time of day, "16:00" or "16:00:30", the same in
// the four languages (shops use the 24-hour clock).
func appendClock(dst []byte, secs int) []byte {
	two := func(b []byte, n int) []byte { return append(b, byte('0'+n/10), byte('0'+n%10)) }
	if secs < 0 || secs > 24*3600 {
		return strconv.AppendInt(dst, int64(secs), 10)
	}
	dst = two(dst, secs/3600)
	dst = append(dst, ':')
	dst = two(dst, secs%3600/60)
	if s := secs % 60; s != 0 {
		dst = append(dst, ':')
		dst = two(dst, s)
	}
	return dst
}

// appendDateTime appends the day and time of t: "11月12日 16:00",
// "12 November, 16:00", "12 de noviembre, 16:00".
func appendDateTime(dst []byte, l Lang, t time.Time) []byte {
	dst = appendDate(dst, l, t)
	if l == English || l == Spanish {
		dst = append(dst, ',')
	}
	dst = append(dst, ' ')
	h, m, s := t.Clock()
	return appendClock(dst, h*3600+m*60+s)
}

// FormatMoney returns a as money in language l, as x/text's currency
// formatting lays it out: "¥ 128.50" (zh, en), "¥ 128,50" (es). It is
// exact for every amount.
func FormatMoney(l Lang, a Amount) string {
	c := get()
	n := &c.nums[l.Or(SimplifiedChinese)]
	var buf [48]byte
	return string(n.appendMoney(buf[:0], int64(a)))
}

// FormatNumber returns a as a number of yuan with two decimals in
// language l, without the symbol: "128.50", "128,50".
func FormatNumber(l Lang, a Amount) string {
	c := get()
	n := &c.nums[l.Or(SimplifiedChinese)]
	var buf [48]byte
	return string(n.appendNumber(buf[:0], int64(a)))
}

// FormatDate returns the calendar day of t in loc (nil: China Standard
// Time) as language l writes it: "11月12日", "12 November", "12 de
// noviembre".
func FormatDate(l Lang, t time.Time, loc *time.Location) string {
	return string(appendDate(nil, l.Or(SimplifiedChinese), t.In(orCST(loc))))
}

// FormatDateTime returns the day and time of t in loc (nil: China
// Standard Time): "11月12日 16:00", "12 November, 16:00".
func FormatDateTime(l Lang, t time.Time, loc *time.Location) string {
	return string(appendDateTime(nil, l.Or(SimplifiedChinese), t.In(orCST(loc))))
}

// FormatClock returns a time of day, "16:00" (or "16:00:30").
func FormatClock(c Clock) string { return string(appendClock(nil, int(c))) }

func orCST(loc *time.Location) *time.Location {
	if loc == nil {
		return cst
	}
	return loc
}
