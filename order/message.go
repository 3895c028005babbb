package order

import (
	"strings"
	"unicode/utf8"
)

// The buyer-message reader: does a buyer's message (买家留言) ask for
// delivery on an exact date or by one? The shop never promises that (rule
// S6), so such an order is a problem order ([UnsatisfiableMessage],
// [MessageExactDate]). A list of literal substrings misses most ways of
// asking ("明天必须到", "周五前一定要到", "后天能到吗", "几号能到",
// "星期六之前送到", "下周一前到", "11号前必须到"), so the reader is a small
// phrase matcher over the normalised message (full-width folded, NFKC),
// in Simplified and Traditional Chinese:
//
//	a DATE, then within a few characters of the same clause an ARRIVAL,
//	with no DISPATCH word between them.
//
// A DATE is a day named exactly: 今天, 明天, 后天, 大后天, 今晚, 明早 …; a
// weekday, alone or this or next week's (周五, 星期六, 礼拜天, 下周一,
// 週末); a day of the month (11号, 12日, 11月12号, 十一号); a question for
// one (几号, 哪天); or a fixed day of the year (春节, 元旦, 中秋, 国庆, 双十一,
// 生日 …). Past days (昨天, 前天) are not dates a parcel can arrive on. A
// number of days is a duration, not a date ("7天无理由", "3日内"), and is
// not matched; nor is a number in an address (3号楼, 5号门).
//
// An ARRIVAL is 到 — also in 送到, 收到, 到货, 到达 — but not 到付 (freight
// collect) nor a 到 that finishes another verb (看到, 找到, 做到 …); 送达,
// 送来, 送过来; 收货, 签收.
//
// A DISPATCH word (发, 寄出, 出库) between the date and the arrival makes
// the message a question about dispatch: "明天发货吗" asks whether the
// parcel leaves tomorrow, which the shop answers with its dispatch promise
// (rule S6), so it is not matched; "明天发，后天到" is, for its second
// clause. Clause breaks are the punctuation ，。！？；、 and their ASCII
// forms.
//
// The reader does not allocate, and its cost is linear in the message.

// maxDateToArrival is how many characters may stand between a date and
// the arrival it is about: "之前一定要送" is six.
const maxDateToArrival = 10

// dateWords are the DATE tokens that stand alone; weekdays and days of the
// month are read by [dateAt].
var dateWords = [...]string{
	"大后天", "大後天", "今天", "今日", "今晚", "明天", "明日", "明早", "明晚", "后天", "後天",
	"当天", "當天", "当日", "當日",
	"几号", "幾號", "几日", "幾日", "哪天", "哪一天", "哪日",
	"春节", "春節", "过年", "過年", "年前", "元旦", "中秋", "国庆", "國慶", "端午", "七夕",
	"情人节", "情人節", "圣诞", "聖誕", "双十一", "雙十一", "双11", "雙11", "生日",
}

// weekPrefixes name a week's day when a weekday follows.
var weekPrefixes = [...]string{
	"下个星期", "下個星期", "下个礼拜", "下個禮拜", "下星期", "下礼拜", "下禮拜",
	"下个周", "下個週", "下周", "下週", "这周", "這週", "本周", "本週",
	"星期", "礼拜", "禮拜", "周", "週",
}

// weekdays follow a week prefix: 周一 … 周日, 周天, 周末, 星期1.
const weekdays = "一二三四五六日天末1234567"

// zhDigits are the Chinese numerals of a day of the month (十一号).
const zhDigits = "一二三四五六七八九十廿"

// dateAt returns the length in bytes of the DATE token at the start of s,
// or 0.
func dateAt(s string) int {
	for _, w := range dateWords {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	for _, w := range weekPrefixes {
		if strings.HasPrefix(s, w) {
			r, n := utf8.DecodeRuneInString(s[len(w):])
			if n > 0 && strings.ContainsRune(weekdays, r) {
				return len(w) + n
			}
			return 0
		}
	}
	return dayOfMonthAt(s)
}

// dayOfMonthAt returns the length of a day of the month at the start of s
// — one or two digits (optionally after "N月") then 号, 號 or 日, or one to
// three Chinese numerals then 号 or 號 — or 0. A day count ("3日内") is
// not a date.
func dayOfMonthAt(s string) int {
	i := digitsAt(s)
	if i > 0 && strings.HasPrefix(s[i:], "月") {
		if j := digitsAt(s[i+len("月"):]); j > 0 {
			i += len("月") + j
		}
	}
	if i > 0 {
		for _, suffix := range [...]string{"号", "號", "日"} {
			if strings.HasPrefix(s[i:], suffix) {
				end := i + len(suffix)
				next, _ := utf8.DecodeRuneInString(s[end:])
				if suffix == "日" && (next == '内' || next == '內') || strings.ContainsRune(notDayAfter, next) {
					return 0
				}
				return end
			}
		}
		return 0
	}
	n := 0
	for k := 0; k < 3; k++ {
		r, size := utf8.DecodeRuneInString(s[n:])
		if size == 0 || !strings.ContainsRune(zhDigits, r) {
			break
		}
		n += size
	}
	if n > 0 && (strings.HasPrefix(s[n:], "号") || strings.HasPrefix(s[n:], "號")) {
		if next, _ := utf8.DecodeRuneInString(s[n+len("号"):]); strings.ContainsRune(notDayAfter, next) {
			return 0
		}
		return n + len("号")
	}
	return 0
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// notDayAfter are what follows a number with 号 in an address rather
// than a date: 3号楼, 5号门, 2号院 …
const notDayAfter = "楼樓门門院室房栋棟单單线線柜櫃库庫床"

// digitsAt returns the length of one or two ASCII digits at the start of
// s, or 0 (three digits are not a day).
func digitsAt(s string) int {
	n := 0
	for n < len(s) && n < 3 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 3 {
		return 0
	}
	return n
}

// arrivalWords are the ARRIVAL tokens other than a bare 到.
var arrivalWords = [...]string{"送达", "送達", "送来", "送來", "送过来", "送過來", "收货", "收貨", "签收", "簽收"}

// notArrivalBefore are the verbs a 到 may finish without meaning arrival.
const notArrivalBefore = "看听聽想找遇见見说說提做办辦得"

// arrivalAt returns the length of the ARRIVAL token at s[i:], where prev
// is the rune before it, or 0.
func arrivalAt(s string, i int, prev rune) int {
	rest := s[i:]
	if strings.HasPrefix(rest, "到") {
		if strings.ContainsRune(notArrivalBefore, prev) || strings.HasPrefix(rest[len("到"):], "付") {
			return 0
		}
		return len("到")
	}
	for _, w := range arrivalWords {
		if strings.HasPrefix(rest, w) {
			return len(w)
		}
	}
	return 0
}

// dispatchWords make the words between a date and an arrival a question
// about dispatch.
var dispatchWords = [...]string{"发", "發", "寄出", "出库", "出庫"}

// isClauseBreak reports whether r ends a clause.
func isClauseBreak(r rune) bool {
	switch r {
	case '，', '。', '！', '？', '；', '、', ',', '.', '!', '?', ';', '\n':
		return true
	}
	return false
}

// asksExactDate reports whether msg, a normalised buyer message, asks for
// delivery on or by an exact date (see the rules above).
func asksExactDate(msg string) bool {
	if !strings.Contains(msg, "到") && !containsAny(msg, arrivalWords[:]) {
		return false // no arrival at all: the common case, one scan
	}
	for i := 0; i < len(msg); {
		n := dateAt(msg[i:])
		if n == 0 {
			if isDigit(msg[i]) {
				for i < len(msg) && isDigit(msg[i]) {
					i++ // a number that is not a day: none of its digits starts one
				}
				continue
			}
			_, size := utf8.DecodeRuneInString(msg[i:])
			i += size
			continue
		}
		if arrivesAfter(msg, i+n) {
			return true
		}
		i += n
	}
	return false
}

// arrivesAfter reports whether an ARRIVAL follows position j of msg within
// maxDateToArrival characters of one clause, with no DISPATCH word before
// it.
func arrivesAfter(msg string, j int) bool {
	prev, _ := utf8.DecodeLastRuneInString(msg[:j])
	for k := 0; k <= maxDateToArrival && j < len(msg); k++ {
		if arrivalAt(msg, j, prev) > 0 {
			return true
		}
		for _, w := range dispatchWords {
			if strings.HasPrefix(msg[j:], w) {
				return false
			}
		}
		r, size := utf8.DecodeRuneInString(msg[j:])
		if isClauseBreak(r) {
			return false
		}
		prev = r
		j += size
	}
	return false
}

// containsAny reports whether s contains any of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
