package i18n

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Domain names a vocabulary of codes: the text forms of one enum type of
// one package ("order.role", "shipping.reason"). A label's catalog key is
// the domain, a dot and the code: "order.role.team_leader".
type Domain string

// same marks a translation deliberately equal to the English text — a
// proper name ("Hong Kong") or an abbreviation read the same everywhere.
// Any other translation equal to the English one fails the tests.
const same = "\x00same"

// label is the staff text of one code in the four languages.
type label struct {
	d    Domain
	code string
	text [numLangs]string
}

// lbl writes a label table row.
func lbl(d Domain, code, hans, hant, en, es string) label {
	return label{d, code, [numLangs]string{hans, hant, en, es}}
}

// def is one message with arguments in the four languages: m is its zero
// value, which gives the key and the arguments' names and kinds.
type def struct {
	m    Message
	text [numLangs]string
}

// Message is a text with typed arguments that [Render] writes in a
// language: a reply to a buyer or a line for staff. Each message is a
// struct of this package whose fields are its arguments; the templates
// name them in snake_case ({shortfall}).
type Message interface {
	// Key is the message's catalog key ("buyer.free_shipping.below_threshold").
	Key() string
	// args appends the message's arguments, in a fixed order.
	args(dst []arg) []arg
}

// kind is what an argument holds and so how it prints.
type kind uint8

const (
	kindAmount   kind = iota + 1 // money: {x} "¥ 0.01", {x:number} "0.01"
	kindCount                    // a whole number; may select a plural form
	kindDate                     // a calendar day in the message's zone
	kindDateTime                 // a day and time in the message's zone
	kindClock                    // a time of day
	kindRole                     // an order.Role code, printed as its label
	kindText                     // text printed as given (a carrier's name)
	kindList                     // texts as given, joined as alternatives: "A、B或C", "A, B or C"
	kindTerm                     // a label inside a sentence: lowered in English and Spanish
	kindSeq                      // texts as given, one after another: "A、B、C", "A, B, C"
)

// arg is one argument of a message.
type arg struct {
	name string
	kind kind
	n    int64 // amount in fen, count, clock seconds
	t    time.Time
	s    string // role or region code, text
	list []string
}

func amountArg(name string, a Amount) arg      { return arg{name: name, kind: kindAmount, n: int64(a)} }
func countArg(name string, n int) arg          { return arg{name: name, kind: kindCount, n: int64(n)} }
func dateArg(name string, t time.Time) arg     { return arg{name: name, kind: kindDate, t: t} }
func dateTimeArg(name string, t time.Time) arg { return arg{name: name, kind: kindDateTime, t: t} }
func clockArg(name string, c Clock) arg        { return arg{name: name, kind: kindClock, n: int64(c)} }
func roleArg(name string, r RoleCode) arg      { return arg{name: name, kind: kindRole, s: string(r)} }
func textArg(name string, s string) arg        { return arg{name: name, kind: kindText, s: s} }
func listArg(name string, l []string) arg      { return arg{name: name, kind: kindList, list: l} }
func termArg(name string, t Term) arg          { return arg{name: name, kind: kindTerm, s: string(t)} }
func seqArg(name string, l []string) arg       { return arg{name: name, kind: kindSeq, list: l} }

// cat is the built catalog with what rendering needs beside it. It is
// built once, on first use, and never changed after: every field is only
// read, and x/text's Builder and Printer are safe for concurrent reads.
type cat struct {
	b        *catalog.Builder
	printers [numLangs]*message.Printer
	nums     [numLangs]numbers
	// labels holds every label as the catalog renders it, so that a
	// code's text is a map lookup that does not allocate.
	labels map[labelKey]*[numLangs]string
	// fixed holds, by key, every message without arguments as the
	// catalog renders it, so that rendering one does not allocate.
	fixed map[string]*[numLangs]string
	// deliberate marks translations equal to English on purpose.
	deliberate map[string]*[numLangs]bool
	// used holds, by message key and language, the argument names the
	// template uses, for the tests.
	used map[string]*[numLangs][]string
	keys []string // every key, labels first, in table order
	errs []error  // problems found while building; the tests want none
}

type labelKey struct {
	d    Domain
	code string
}

// get returns the catalog, building it on first use. Why once per
// process rather than per caller: the texts are kefu's own, fixed at
// compile time, the same for every shop, so a per-value catalog would only
// repeat the work (about a millisecond and some hundreds of kilobytes);
// built once and immutable after, it is shared safely by every goroutine.
var get = sync.OnceValue(build)

func build() *cat {
	c := &cat{
		b:          catalog.NewBuilder(),
		labels:     map[labelKey]*[numLangs]string{},
		fixed:      map[string]*[numLangs]string{},
		deliberate: map[string]*[numLangs]bool{},
		used:       map[string]*[numLangs][]string{},
	}
	for l := range numLangs {
		c.printers[l] = message.NewPrinter(tags[l], message.Catalog(c.b))
		c.nums[l] = newNumbers(c.printers[l])
	}
	for _, t := range labelTables {
		for _, e := range t {
			c.addLabel(e)
		}
	}
	for _, t := range defTables {
		for _, d := range t {
			c.addDef(d)
		}
	}
	return c
}

func (c *cat) fail(format string, a ...any) { c.errs = append(c.errs, fmt.Errorf(format, a...)) }

func (c *cat) addLabel(e label) {
	k := labelKey{e.d, e.code}
	key := string(e.d) + "." + e.code
	if _, dup := c.labels[k]; dup {
		c.fail("%s: label given twice", key)
		return
	}
	text := new([numLangs]string)
	for l := range numLangs {
		s := c.resolve(key, e.text, l)
		if s == "" {
			c.fail("%s: no %s text", key, names[l])
			continue
		}
		if err := c.b.SetString(tags[l], key, strings.ReplaceAll(s, "%", "%%")); err != nil {
			c.fail("%s: %s: %v", key, names[l], err)
			continue
		}
		text[l] = c.printers[l].Sprintf(key)
	}
	c.labels[k] = text
	c.keys = append(c.keys, key)
}

// resolve returns the text of key in language l, English for [same].
func (c *cat) resolve(key string, text [numLangs]string, l Lang) string {
	if text[l] != same {
		return text[l]
	}
	if l == English {
		c.fail("%s: the English text cannot be marked same", key)
		return ""
	}
	d := c.deliberate[key]
	if d == nil {
		d = new([numLangs]bool)
		c.deliberate[key] = d
	}
	d[l] = true
	return text[English]
}

func (c *cat) addDef(d def) {
	key := d.m.Key()
	if _, dup := c.used[key]; dup {
		c.fail("%s: message given twice", key)
		return
	}
	args := d.m.args(nil)
	used := new([numLangs][]string)
	c.used[key] = used
	c.keys = append(c.keys, key)
	for l := range numLangs {
		s := c.resolve(key, d.text, l)
		if s == "" {
			c.fail("%s: no %s text", key, names[l])
			continue
		}
		msg, names, err := compile(s, args)
		if err != nil {
			c.fail("%s: %s: %v", key, tags[l], err)
			continue
		}
		used[l] = names
		if err := c.b.Set(tags[l], key, msg); err != nil {
			c.fail("%s: %s: %v", key, tags[l], err)
			continue
		}
		if len(args) == 0 {
			if c.fixed[key] == nil {
				c.fixed[key] = new([numLangs]string)
			}
			c.fixed[key][l] = c.printers[l].Sprintf(key)
		}
	}
}

// Label returns the staff text of code in domain d in language l (an
// invalid l is [SimplifiedChinese]), or code itself when the catalog does
// not know it. It does not allocate.
func Label(l Lang, d Domain, code string) string {
	if s, ok := Lookup(l, d, code); ok {
		return s
	}
	return code
}

// Lookup returns the staff text of code in domain d in language l, and
// whether the catalog knows it.
func Lookup(l Lang, d Domain, code string) (string, bool) {
	t := get().labels[labelKey{d, code}]
	if t == nil {
		return "", false
	}
	return t[l.Or(SimplifiedChinese)], true
}

// Render writes m in language l (an invalid l is [SimplifiedChinese]),
// with its dates and times in loc (nil: China Standard Time).
func Render(l Lang, loc *time.Location, m Message) string {
	if m == nil {
		return ""
	}
	c := get()
	l = l.Or(SimplifiedChinese)
	if f := c.fixed[m.Key()]; f != nil {
		return f[l]
	}
	var buf [6]arg
	args := m.args(buf[:0])
	var vals [6]any
	v := vals[:0]
	if len(args) > len(vals) {
		v = make([]any, 0, len(args))
	}
	for _, a := range args {
		v = append(v, c.value(l, orCST(loc), a))
	}
	return c.printers[l].Sprintf(m.Key(), v...)
}

// value returns what the printer is given for a: money for an amount (its
// Format prints either form), an int for a count (so a plural can select
// on it), text for the rest.
func (c *cat) value(l Lang, loc *time.Location, a arg) any {
	switch a.kind {
	case kindAmount:
		return money{a.n, &c.nums[l]}
	case kindCount:
		return int(a.n)
	case kindDate:
		return string(appendDate(nil, l, a.t.In(loc)))
	case kindDateTime:
		return string(appendDateTime(nil, l, a.t.In(loc)))
	case kindClock:
		return string(appendClock(nil, int(a.n)))
	case kindRole:
		return inSentence(l, Label(l, OrderRole, a.s))
	case kindList:
		return joinList(l, a.list)
	case kindTerm:
		return inSentence(l, a.s)
	case kindSeq:
		return joinSeq(l, a.list)
	}
	return a.s
}

// A template is text with placeholders in braces: {name} prints the
// argument, {name:number} an amount without the currency symbol, and one
// plural selection per message,
//
//	{days, plural, one {within {days} day} other {within {days} days}}
//
// chooses among cases by a count's plural form in the language
// (x/text's plural rules: zero, one, two, few, many, other, or =N), other
// being required. compile turns a template into an x/text catalog message
// whose arguments are the message's, in order, and returns the names it
// uses.
func compile(src string, args []arg) (catalog.Message, []string, error) {
	p := parser{src: src, args: args}
	body := p.text(false)
	if p.err == nil && p.pos < len(src) {
		p.err = fmt.Errorf("unbalanced } at byte %d", p.pos)
	}
	if p.err != nil {
		return nil, nil, p.err
	}
	if p.sel == nil {
		return catalog.String(body), p.used, nil
	}
	cases := make([]any, 0, 2*len(p.sel.cases))
	hasOther := false
	for _, k := range p.sel.cases {
		hasOther = hasOther || k.selector == "other"
		cases = append(cases, k.selector, p.sel.before+k.text+body[len(p.sel.before):])
	}
	if !hasOther {
		return nil, nil, errors.New("a plural needs an other case")
	}
	return plural.Selectf(p.sel.pos, "%d", cases...), p.used, nil
}

type pluralCase struct{ selector, text string }

type selection struct {
	pos    int    // the count's argument position, from 1
	before string // the compiled text before the selection
	cases  []pluralCase
}

type parser struct {
	src  string
	pos  int
	args []arg
	used []string
	sel  *selection
	err  error
}

// text compiles literal text and placeholders up to the end, or up to the
// closing brace of a plural case when inCase.
func (p *parser) text(inCase bool) string {
	var b strings.Builder
	for p.err == nil && p.pos < len(p.src) {
		ch := p.src[p.pos]
		switch ch {
		case '}':
			if inCase {
				return b.String()
			}
			return b.String() // compile reports the stray brace
		case '{':
			p.pos++
			p.placeholder(&b, inCase)
		case '%':
			b.WriteString("%%")
			p.pos++
		default:
			b.WriteByte(ch)
			p.pos++
		}
	}
	if inCase && p.err == nil {
		p.err = errors.New("a plural case is not closed")
	}
	return b.String()
}

func (p *parser) ident() string {
	start := p.pos
	for p.pos < len(p.src) && (p.src[p.pos] == '_' || p.src[p.pos] >= 'a' && p.src[p.pos] <= 'z' || p.src[p.pos] >= '0' && p.src[p.pos] <= '9') {
		p.pos++
	}
	return p.src[start:p.pos]
}

func (p *parser) skipSpace() {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
}

func (p *parser) expect(c byte) bool {
	if p.pos < len(p.src) && p.src[p.pos] == c {
		p.pos++
		return true
	}
	p.err = fmt.Errorf("want %q at byte %d of %q", c, p.pos, p.src)
	return false
}

// placeholder compiles what follows a '{'.
func (p *parser) placeholder(b *strings.Builder, inCase bool) {
	name := p.ident()
	i := p.find(name)
	if i < 0 {
		p.err = fmt.Errorf("{%s}: no such argument", name)
		return
	}
	p.use(name)
	a := p.args[i]
	switch {
	case p.pos < len(p.src) && p.src[p.pos] == ':':
		p.pos++
		form := p.ident()
		if form != "number" || a.kind != kindAmount {
			p.err = fmt.Errorf("{%s:%s}: no such form", name, form)
			return
		}
		fmt.Fprintf(b, "%%[%d]f", i+1)
	case p.pos < len(p.src) && p.src[p.pos] == ',':
		p.pos++
		p.plural(b, name, i, a, inCase)
		return
	default:
		verb := 's'
		switch a.kind {
		case kindAmount:
			verb = 'v'
		case kindCount:
			verb = 'd'
		}
		fmt.Fprintf(b, "%%[%d]%c", i+1, verb)
	}
	p.expect('}')
}

// plural compiles "{name, plural, sel {text} …}" from after the first comma.
func (p *parser) plural(b *strings.Builder, name string, i int, a arg, inCase bool) {
	p.skipSpace()
	if p.ident() != "plural" || !p.expect(',') {
		if p.err == nil {
			p.err = fmt.Errorf("{%s, …}: only plural selects", name)
		}
		return
	}
	if a.kind != kindCount {
		p.err = fmt.Errorf("{%s, plural}: only a count selects a plural", name)
		return
	}
	if inCase || p.sel != nil {
		p.err = fmt.Errorf("{%s, plural}: one plural per message, not nested", name)
		return
	}
	p.sel = &selection{pos: i + 1, before: b.String()}
	for {
		p.skipSpace()
		if p.pos < len(p.src) && p.src[p.pos] == '}' {
			p.pos++
			break
		}
		start := p.pos
		if p.pos < len(p.src) && p.src[p.pos] == '=' {
			p.pos++
		}
		p.ident()
		selector := p.src[start:p.pos]
		if !validSelector(selector) {
			p.err = fmt.Errorf("{%s, plural}: bad case %q", name, selector)
			return
		}
		p.skipSpace()
		if !p.expect('{') {
			return
		}
		text := p.text(true)
		if p.err != nil || !p.expect('}') {
			return
		}
		p.sel.cases = append(p.sel.cases, pluralCase{selector, text})
	}
	if len(p.sel.cases) == 0 {
		p.err = fmt.Errorf("{%s, plural}: no cases", name)
	}
}

func validSelector(s string) bool {
	switch s {
	case "zero", "one", "two", "few", "many", "other":
		return true
	}
	if len(s) < 2 || s[0] != '=' {
		return false
	}
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func (p *parser) find(name string) int {
	for i, a := range p.args {
		if a.name == name {
			return i
		}
	}
	return -1
}

func (p *parser) use(name string) {
	for _, n := range p.used {
		if n == name {
			return
		}
	}
	p.used = append(p.used, name)
}

// inSentence returns a label as it reads inside a sentence: in English and
// Spanish a role's label loses its capital ("the team leader's approval",
// "nuestro supervisor"), but an abbreviation keeps it ("SMS", "SF"), and
// so does a word whose second letter is a capital; Chinese has no case.
func inSentence(l Lang, s string) string {
	if (l != English && l != Spanish) || s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	lr := unicode.ToLower(r)
	if lr == r {
		return s
	}
	return string(lr) + s[n:]
}

// joinSeq joins labels one after another, as a to-do list reads: "立即回复买家、催仓库发货",
// "answer at once, chase the warehouse" — in English and Spanish each
// label as it reads inside a sentence.
func joinSeq(l Lang, items []string) string {
	if l == SimplifiedChinese || l == TraditionalChinese {
		return strings.Join(items, "、")
	}
	var b strings.Builder
	for i, s := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(inSentence(l, s))
	}
	return b.String()
}

// joinList joins texts as language l writes a list of alternatives:
// "圆通、中通或顺丰", "YTO, ZTO or SF", "YTO, ZTO o SF" (u before a word
// that starts with the sound o: "SF u Oca").
func joinList(l Lang, items []string) string {
	var b strings.Builder
	for i, s := range items {
		switch {
		case i == 0:
		case i < len(items)-1 && (l == SimplifiedChinese || l == TraditionalChinese):
			b.WriteString("、")
		case i < len(items)-1:
			b.WriteString(", ")
		case l == SimplifiedChinese || l == TraditionalChinese:
			b.WriteString("或")
		case l == Spanish && startsWithO(s):
			b.WriteString(" u ")
		case l == Spanish:
			b.WriteString(" o ")
		default:
			b.WriteString(" or ")
		}
		b.WriteString(s)
	}
	return b.String()
}

// startsWithO reports whether s starts with o, ó, ho or hó, before which
// Spanish writes u for o.
func startsWithO(s string) bool {
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "h")
	return strings.HasPrefix(s, "o") || strings.HasPrefix(s, "ó")
}
