package i18n

import (
	"reflect"
	"sort"
)

// Entry is one catalog entry as the tests see it: its key, its text in
// each language (a template for a message), which translations are
// deliberately the English text, and for a message the names of its
// arguments and those each language's template uses.
type Entry struct {
	Key        string
	Message    bool
	Text       [NumLangs]string
	Deliberate [NumLangs]bool
	Args       []string   // sorted
	Used       [][]string // by language, sorted
	TypeName   string     // the message's Go type
}

// Entries returns every entry of the catalog, labels first.
func Entries() []Entry {
	c := get()
	var out []Entry
	for _, t := range labelTables {
		for _, e := range t {
			k := string(e.d) + "." + e.code
			x := Entry{Key: k}
			for l := range numLangs {
				x.Text[l] = c.labels[labelKey{e.d, e.code}][l]
			}
			if d := c.deliberate[k]; d != nil {
				x.Deliberate = *d
			}
			out = append(out, x)
		}
	}
	for _, t := range defTables {
		for _, d := range t {
			k := d.m.Key()
			x := Entry{Key: k, Message: true, TypeName: reflect.TypeOf(d.m).Name()}
			for l := range numLangs {
				x.Text[l] = d.text[l]
				if d.text[l] == same {
					x.Text[l] = d.text[English]
				}
			}
			if dd := c.deliberate[k]; dd != nil {
				x.Deliberate = *dd
			}
			for _, a := range d.m.args(nil) {
				x.Args = append(x.Args, a.name)
			}
			sort.Strings(x.Args)
			for l := range numLangs {
				u := append([]string(nil), c.used[k][l]...)
				sort.Strings(u)
				x.Used = append(x.Used, u)
			}
			out = append(out, x)
		}
	}
	return out
}

// BuildErrors returns the problems met while building the catalog.
func BuildErrors() []error { return get().errs }

// Messages returns the zero value of every message in the tables.
func Messages() []Message {
	var out []Message
	for _, t := range defTables {
		for _, d := range t {
			out = append(out, d.m)
		}
	}
	return out
}

// Compile exposes the template compiler: the names a template uses, or
// its error, for the given argument names and kinds ("amount", "count",
// "date", "text").
func Compile(src string, args map[string]string) ([]string, error) {
	kinds := map[string]kind{"amount": kindAmount, "count": kindCount, "date": kindDate, "text": kindText}
	var aa []arg
	for n, k := range args {
		aa = append(aa, arg{name: n, kind: kinds[k]})
	}
	sort.Slice(aa, func(i, j int) bool { return aa[i].name < aa[j].name })
	_, used, err := compile(src, aa)
	return used, err
}
