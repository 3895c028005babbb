package refund

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/order"
)

// Complaint is a complaint type the platform handles (rule R6). The zero
// value is not a complaint.
type Complaint uint8

// Complaint types.
const (
	ComplaintUnknown Complaint = iota
	// FalseDispatch: marked dispatched but not actually sent (虚假发货,
	// "false_dispatch").
	FalseDispatch
	// LateDispatch: dispatched later than promised (延迟发货,
	// "late_dispatch").
	LateDispatch
	// BrokenPromise: a promise to the buyer not kept (违背承诺,
	// "broken_promise").
	BrokenPromise
	// GoodsNotReceived: the buyer did not receive the goods (未收到货,
	// "not_received").
	GoodsNotReceived
	// ConsumerProtection: a consumer-protection claim (消保投诉,
	// "consumer_protection").
	ConsumerProtection
	// SevenDayReturn: a dispute over a seven-day no-reason return
	// (七天无理由退换货, "seven_day_return").
	SevenDayReturn
	numComplaints
)

var complaintInfo = enumInfo{names: []string{"", "false_dispatch", "late_dispatch", "broken_promise", "not_received",
	"consumer_protection", "seven_day_return"}, typ: "Complaint", field: "complaint", sentinel: ErrUnknownCode}

// Complaints returns every complaint type, in order.
func Complaints() []Complaint {
	out := make([]Complaint, 0, numComplaints-1)
	for c := Complaint(1); c < numComplaints; c++ {
		out = append(out, c)
	}
	return out
}

// ParseComplaint returns the complaint type named s; other text is an
// error wrapping [ErrUnknownCode].
func ParseComplaint(s string) (Complaint, error) {
	i, err := complaintInfo.parse(s)
	return Complaint(i), err
}

// String returns the snake_case name, or "Complaint(N)" out of range.
func (c Complaint) String() string { return complaintInfo.name(uint8(c)) }

// IsValid reports whether c is a known complaint type.
func (c Complaint) IsValid() bool { return complaintInfo.valid(uint8(c)) }

// MarshalText returns the snake_case name; an invalid value is an error.
func (c Complaint) MarshalText() ([]byte, error) { return complaintInfo.marshal(uint8(c)) }

// UnmarshalText accepts the snake_case names; see [ParseComplaint].
func (c *Complaint) UnmarshalText(b []byte) error { return complaintInfo.unmarshal(b, (*uint8)(c)) }

// RoleSet is a set of [order.Role]s ([order.Set]).
type RoleSet = order.Set[order.Role]

// Escalation says who hears of a complaint and by when.
type Escalation struct {
	Complaint Complaint `json:"complaint"`
	// Notify are the roles told: the supervisor ([order.TeamLeader]) and
	// the store manager.
	Notify RoleSet `json:"notify"`
	// By is when they must have been told: at once, the time the complaint
	// came in.
	By time.Time `json:"by"`
}

// Escalate returns the escalation of a complaint received at at (rule
// R6): every complaint type the platform handles is reported to the
// supervisor and the store manager at once. An unknown complaint type is
// [ErrUnknownCode]; a zero time [ErrMissing].
func Escalate(c Complaint, at time.Time) (Escalation, error) {
	if !c.IsValid() {
		return Escalation{}, fieldErr("complaint", c.String(), ErrUnknownCode, "")
	}
	if at.IsZero() {
		return Escalation{}, fieldErr("at", "", ErrMissing, "")
	}
	return Escalation{Complaint: c, Notify: RoleSet(0).With(order.TeamLeader).With(order.StoreManager), By: at}, nil
}

// ReplyDecision says whether an agent's reply may be sent (rule R8).
type ReplyDecision struct {
	// Verdict is [order.Allowed] or [order.Refused].
	Verdict order.Verdict `json:"verdict"`
	// Reasons holds [CashBackOffer] when refused.
	Reasons ReasonSet `json:"reasons"`
	// Match is the phrase found, in the checker's normalised form
	// ("好评返", "cashback").
	Match string `json:"match,omitempty"`
}

// MaxReplyBytes bounds a reply [CheckReply] reads: a chat message, not a
// document. Longer text is refused before it is normalised.
const MaxReplyBytes = 4000

// CheckReply refuses a reply that offers — or merely tells the buyer of —
// cash back for a review (rule R8: an agent never tells a buyer there is
// cash-back). It is a small phrase checker, in Simplified and Traditional
// Chinese, English and Spanish, over normalised text: full-width forms
// folded, invisible characters dropped, case and accents ignored, spaces
// and punctuation ignored within a sentence, so "返\u200b现", "ＣＡＳＨ-ＢＡＣＫ"
// and "Cash back" are caught. A sentence is refused when it holds a
// cash-back phrase ("返现", "好评返", "cash back"), or a review word
// ("好评", "review", "reseña") together with a reward ("红包", "cash",
// "get … back", "efectivo", "返5元"). A sentence that denies cash back
// ("我们没有返现", "we don't offer cash back") is allowed. It catches the
// phrasings the sources and the platform's rules name, not every
// paraphrase: it is a guard, not a judge.
//
// Text that is not valid UTF-8, or longer than [MaxReplyBytes], is
// [ErrInvalidText].
func CheckReply(text string) (ReplyDecision, error) {
	if len(text) > MaxReplyBytes {
		return ReplyDecision{}, fieldErr("reply", text, ErrInvalidText, "longer than "+strconv.Itoa(MaxReplyBytes)+" bytes")
	}
	if !utf8.ValidString(text) {
		return ReplyDecision{}, fieldErr("reply", text, ErrInvalidText, "not valid UTF-8")
	}
	for _, s := range sentences(text) {
		if m := cashBack(s); m != "" {
			return ReplyDecision{Verdict: order.Refused, Reasons: ReasonSet(0).With(CashBackOffer), Match: m}, nil
		}
	}
	return ReplyDecision{Verdict: order.Allowed}, nil
}

// sentences normalises text for matching and splits it into sentences:
// NFKC with width folding and invisible characters dropped
// ([textnorm.Line]), accents removed, lower case, and only letters, digits
// and currency signs kept.
func sentences(text string) []string {
	n, _ := textnorm.Line(text)
	n = norm.NFD.String(n)
	var out []string
	var b strings.Builder
	rs := []rune(n)
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	for i, r := range rs {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Sc, r):
			b.WriteRune(unicode.ToLower(r))
		case strings.ContainsRune("。！？!?;；…\n", r):
			flush()
		case r == '.':
			// A decimal point ("59.25") is not the end of a sentence.
			if i == 0 || i+1 == len(rs) || !unicode.IsDigit(rs[i-1]) || !unicode.IsDigit(rs[i+1]) {
				flush()
			}
		}
	}
	flush()
	return out
}

// The phrases of [CheckReply], in normalised form (see sentences).
var (
	// denials are cut out of a sentence before anything is matched.
	denials = []string{
		"没有好评返现", "不做好评返现", "不提供好评返现", "没有返现", "没返现", "不返现", "无返现", "不会返现",
		"不能返现", "禁止返现", "不提供返现", "拒绝返现",
		"沒有好評返現", "不做好評返現", "不提供好評返現", "沒有返現", "沒返現", "不返現", "無返現", "不會返現",
		"不能返現", "禁止返現", "不提供返現", "拒絕返現",
		"nocashback", "dontoffercashback", "donotoffercashback", "cannotoffercashback", "cantoffercashback",
		"neveroffercashback", "notoffercashback", "dontgivecashback", "donotgivecashback",
		"noofrecemoscashback", "nohaycashback", "sincashback", "noofrecemosdineroporresenas",
		"noofrecemosreembolsoporresenas",
	}
	// offers are cash-back phrases on their own.
	offers = []string{
		"返现", "好评返", "好评红包", "好评有红包", "好评送红包", "好评领红包", "好评给红包", "五星返", "晒图返",
		"好评奖励", "好评送现金", "好评领现金",
		"返現", "好評返", "好評紅包", "好評有紅包", "好評送紅包", "好評領紅包", "好評給紅包", "曬圖返",
		"好評獎勵", "好評送現金", "好評領現金",
		"cashback",
		"reembolsoporturesena", "reembolsoporsuresena", "reembolsoporunaresena",
		"dineroporturesena", "dineroporsuresena", "dineroporunaresena",
	}
	// reviewWords and rewards make an offer together in one sentence.
	reviewWords = []string{
		"好评", "五星", "晒图", "评价", "评论", "好評", "曬圖", "評價", "評論",
		"review", "rating", "5star", "fivestar", "feedback",
		"resena", "opinion", "valoracion", "calificacion", "5estrellas", "cincoestrellas", "comentario",
	}
	rewards = []string{
		"红包", "现金", "紅包", "現金", "奖励金", "獎勵金",
		"cash", "paypal", "giftcard", "reward", "rebate", "moneyback",
		"efectivo", "dinero", "recompensa", "bonificacion", "tarjetaregalo",
	}
	// rewardGaps are rewards written around an amount: "get $5 back".
	rewardGaps = [][2]string{{"get", "back"}, {"gana", "euros"}}
	// amountLeads are rewards when an amount follows: "返5元", "te damos 5".
	amountLeads = []string{"返", "返还", "返還", "payyou", "tepagamos", "lepagamos", "tedamos", "ledamos", "tedoy"}
)

// cashBack returns the phrase by which sentence s offers cash back for a
// review, or "".
func cashBack(s string) string {
	for _, d := range denials {
		if strings.Contains(s, d) {
			s = strings.ReplaceAll(s, d, "|")
		}
	}
	for _, o := range offers {
		if strings.Contains(s, o) {
			return o
		}
	}
	review := ""
	for _, w := range reviewWords {
		if strings.Contains(s, w) {
			review = w
			break
		}
	}
	if review == "" {
		return ""
	}
	for _, w := range rewards {
		if strings.Contains(s, w) {
			return review + "+" + w
		}
	}
	for _, g := range rewardGaps {
		if i := strings.Index(s, g[0]); i >= 0 {
			rest := s[i+len(g[0]):]
			if j := strings.Index(rest, g[1]); j >= 0 && j <= 8 {
				return review + "+" + g[0] + "…" + g[1]
			}
		}
	}
	for _, w := range amountLeads {
		for i := strings.Index(s, w); i >= 0; {
			rest := s[i+len(w):]
			if r, _ := utf8.DecodeRuneInString(rest); unicode.IsDigit(r) || unicode.Is(unicode.Sc, r) || strings.ContainsRune("一二两三四五六七八九十", r) {
				return review + "+" + w
			}
			k := strings.Index(rest, w)
			if k < 0 {
				break
			}
			i += len(w) + k
		}
	}
	return ""
}
