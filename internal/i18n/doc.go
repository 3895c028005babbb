// Package i18n holds kefu's message catalogs: the staff text of every code
// of every package and the replies a buyer is told, in simplified Chinese,
// traditional Chinese, English and Spanish (the languages of the sources
// and of the shops' tools). Packages reach it through the Text methods of
// their enums and order.Lang, and through the Staff and Buyer methods of
// their decisions; the messages with values are rendered with [Render].
//
// # Catalogs
//
// Every text is an entry of one golang.org/x/text/message/catalog Builder
// (never x/text's global default catalog), rendered by an x/text
// message.Printer per language. The catalog is built once per process, on
// first use, and only read after (see get in catalog.go for why once
// rather than per caller): the texts are kefu's own, fixed at compile
// time and the same for every shop. A code's label is rendered from the
// catalog while it is built and kept in a map, so [Label] does not
// allocate; a [Message] is formatted by the printer on each [Render].
//
// Labels are keyed by [Domain] and code ("order.role" "team_leader"); the
// enums pass their text form (String), so renaming a Go identifier changes
// nothing here, and a code the catalog does not know renders as itself.
//
// # Messages
//
// A [Message] is a struct whose fields are typed arguments: [Amount]s
// (fen, exact), counts, days and times (time.Time, told in the zone the
// caller gives, China Standard Time by default), times of day ([Clock]),
// roles by code ([RoleCode]), labels inside a sentence ([Term]) and plain
// text. Its templates name the arguments: {shortfall} prints an amount as money
// ("¥ 0.01"), {shortfall:number} without the symbol ("0.01", as Chinese
// replies write "还差 0.01 元"), and a count may select x/text's plural
// form of the language ({days, plural, one {…} other {…}}). The tests
// check that every template uses exactly its message's arguments.
//
// Money is printed as x/text's currency formatting lays it out: the
// narrow symbol "¥", a space, the amount with two decimals and the
// language's digits, grouping and decimal separator ("¥ 1,234.50",
// "¥ 1.234,50"). The whole yuan are formatted by x/text's number
// formatting and the fen appended, so every amount prints exactly (x/text's
// currency formatting goes through float64). x/text has no calendar
// formatting; days are written "11月12日", "12 November", "12 de
// noviembre".
//
// # Decisions
//
// Each package renders its decisions in its lang.go, with one method per
// audience: Staff(order.Lang) builds a [Line] — a headline (the verdict,
// or the decision's own, "不包邮"), then the reasons as parts, each its
// label or a message with its values ("商品实付还差 ¥ 0.01 包邮") —, and
// Buyer(order.Lang) picks one reply to the buyer from the decision and
// renders it with the decision's values; order's after-sales digest is
// a table whose words, dates and ages come from the same messages
// (staff.digest.*, staff.age.*). Replies say only what the
// decision knows: the shortfall, not the threshold; "Hong Kong, Macao and
// Taiwan", not which of them. Messages without arguments are rendered
// once, when the catalog is built, so a reply without values costs a map
// lookup.
//
// # Languages
//
// [MatchAccept] and [MatchTags] match a request's languages with x/text's
// language.Matcher: zh-TW, zh-HK, zh-MO and zh-Hant get traditional
// Chinese; zh, zh-CN and zh-SG simplified; en-* English; es-* Spanish;
// what the matcher cannot place with high confidence, and malformed text,
// the caller's fallback.
//
// # Tests
//
// The tests read the packages' sources (go/ast): every enum has a Text
// method, every Text method is walked in the four languages from its
// package's own list of values, every decision (a struct with a Verdict
// or Reasons) has a Staff method and a golden sample, and every package
// that makes order.Codes has them walked. Every template names exactly
// its message's arguments, and a translation equal to the English is
// marked deliberate in the tables.
//
// Everything here is safe for concurrent use, never panics and never
// logs.
package i18n
