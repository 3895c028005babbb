package i18n

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"
)

// Lang is one of the four languages kefu speaks. Its values are those of
// order.Lang, the public face, which converts with a plain conversion; the
// zero value is [SimplifiedChinese], the language of a Taobao shop's back
// office.
type Lang uint8

// Languages, numbered as order.Lang numbers them.
const (
	SimplifiedChinese  Lang = iota // zh-Hans
	TraditionalChinese             // zh-Hant
	English                        // en
	Spanish                        // es
	numLangs
)

// NumLangs is the number of languages.
const NumLangs = int(numLangs)

// tags are the languages' BCP 47 tags, indexed by Lang. They are also the
// matcher's supported list, in this order, so a match's index is a Lang.
var tags = [numLangs]language.Tag{
	SimplifiedChinese:  language.SimplifiedChinese,
	TraditionalChinese: language.TraditionalChinese,
	English:            language.English,
	Spanish:            language.Spanish,
}

// names are the text forms, indexed by Lang.
var names = [numLangs]string{"zh-Hans", "zh-Hant", "en", "es"}

// Langs returns every language, in order.
func Langs() []Lang { return []Lang{SimplifiedChinese, TraditionalChinese, English, Spanish} }

// IsValid reports whether l is one of the four languages.
func (l Lang) IsValid() bool { return l < numLangs }

// Or returns l, or fallback when l is not valid, or [SimplifiedChinese]
// when neither is.
func (l Lang) Or(fallback Lang) Lang {
	switch {
	case l.IsValid():
		return l
	case fallback.IsValid():
		return fallback
	}
	return SimplifiedChinese
}

// String returns the BCP 47 tag ("zh-Hans"), or "Lang(N)" out of range.
func (l Lang) String() string {
	if !l.IsValid() {
		return "Lang(" + strconv.Itoa(int(l)) + ")"
	}
	return names[l]
}

// Tag returns the language's BCP 47 tag; an invalid l gives
// [SimplifiedChinese]'s.
func (l Lang) Tag() language.Tag { return tags[l.Or(SimplifiedChinese)] }

// Parse returns the language whose text form is exactly s ("zh-Hans",
// "zh-Hant", "en", "es").
func Parse(s string) (Lang, bool) {
	for i, n := range names {
		if n == s {
			return Lang(i), true
		}
	}
	return 0, false
}

// MaxAcceptLen bounds the Accept-Language text [MatchAccept] reads. A
// longer header is not read at all (the shop's default applies), so a
// hostile megabyte costs a length check. Browsers send a few dozen bytes.
const MaxAcceptLen = 4096

// maxAcceptEntries bounds the entries of a header that must be parsed one
// by one because the whole did not parse.
const maxAcceptEntries = 32

// matcher matches requested languages against the four kefu speaks. It is
// built once and only read, as x/text's matchers are meant to be.
var matcher = language.NewMatcher(tags[:])

// MatchAccept returns the language to answer a request with whose
// Accept-Language header is accept: the language of the most preferred
// entry (by weight) that the x/text matcher places among the four with
// confidence High or Exact, as [MatchTags] does; fallback when none is
// (see [Lang.Or]). So zh-TW,
// zh-HK, zh-MO and zh-Hant get [TraditionalChinese]; zh, zh-CN and zh-SG
// [SimplifiedChinese]; es-* [Spanish]; en-* [English]. A header that does
// not parse as a whole is read entry by entry and its malformed entries
// skipped; a header longer than [MaxAcceptLen] is not read.
func MatchAccept(accept string, fallback Lang) Lang {
	if len(accept) > MaxAcceptLen {
		return fallback.Or(SimplifiedChinese)
	}
	tt, _, err := language.ParseAcceptLanguage(accept)
	if err != nil {
		tt = parseLeniently(accept)
	}
	return MatchTags(tt, fallback)
}

// parseLeniently parses each comma-separated entry of an Accept-Language
// header on its own, drops those that do not parse, and orders the rest by
// weight, as language.ParseAcceptLanguage does for a well-formed header.
func parseLeniently(accept string) []language.Tag {
	type weighted struct {
		tag language.Tag
		q   float32
	}
	var good []weighted
	for i, entry := range strings.Split(accept, ",") {
		if i == maxAcceptEntries {
			break
		}
		tt, qq, err := language.ParseAcceptLanguage(entry)
		if err != nil || len(tt) != 1 {
			continue
		}
		good = append(good, weighted{tt[0], qq[0]})
	}
	slices.SortStableFunc(good, func(a, b weighted) int { return cmp.Compare(b.q, a.q) })
	out := make([]language.Tag, len(good))
	for i, w := range good {
		out[i] = w.tag
	}
	return out
}

// MatchTags returns the language to answer with for the requested tags,
// most preferred first: the first tag that x/text's matcher places among
// the four with confidence High or Exact, fallback when none is (see
// [Lang.Or]). No tags, und and tags the matcher cannot place (fr, ja, a
// private-use tag) give fallback.
//
// The tags are matched one by one, in the order of preference, rather
// than all at once: given "zh-HK, zh", the matcher would prefer the exact
// match of the second choice (zh, simplified) to the high one of the
// first (zh-HK, traditional), and a Hong Kong browser sends just that.
func MatchTags(requested []language.Tag, fallback Lang) Lang {
	for _, t := range requested {
		_, i, conf := matcher.Match(t)
		if conf >= language.High && i >= 0 && i < int(numLangs) {
			return Lang(i)
		}
	}
	return fallback.Or(SimplifiedChinese)
}
