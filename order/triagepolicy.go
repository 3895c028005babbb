package order

import (
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/tz"
)

// TriagePolicy is a shop's policy for problem orders and the operations
// around them: the triage of rule O2, the after-sales digest, the
// cash-on-delivery confirmation of rule S9 and the slow review of rule O5.
// It is plain data: keep it in a JSON file, start from
// [DefaultTriagePolicy] and decode over it, and check it with
// [TriagePolicy.Validate]. Every method that takes a policy validates it
// first and returns the same error Validate would.
//
// Durations are [Duration]s, in JSON Go duration text ("2h", "90m"); times
// of day are [Clock]s ("09:00").
type TriagePolicy struct {
	// Zone is the time zone calendar days are counted in (slow review) and
	// digests print times in: "" or "+08:00" for China Standard Time, an
	// offset, or a zone name.
	Zone string `json:"zone"`
	// DigestEvery is how often after-sales receives the problem-order
	// form: every 2 to 3 hours in the sources (rule O2). Default 2h; from
	// 1h (hourly, e.g. during a big promotion) to 4h. A form every few
	// minutes would be a feed, not a digest, and one a day would leave
	// problem orders waiting past a day's dispatch cutoff.
	DigestEvery Duration `json:"digest_every"`
	// CODConfirmWithin is how long a cash-on-delivery order may wait for
	// the buyer's confirmation before the recommended action becomes
	// re-ordering with online payment (rule S9). The agent asks at once;
	// this is how long the answer may take. Default 24h.
	CODConfirmWithin Duration `json:"cod_confirm_within"`
	// SlowReviewShipDay is the calendar day of a slow review, counting the
	// day it was opened as day 1, by the end of which the order ships even
	// if the buyer was never reached (rule O5). Default 3.
	SlowReviewShipDay int `json:"slow_review_ship_day"`
	// SlowReviewMorningAt and SlowReviewEveningAt start the two daily
	// contact rounds of a slow review, in the policy's zone: the buyer is
	// tried by phone, chat and SMS each morning and each evening (rule
	// O5). The sources say "morning and evening"; kefu defaults to 09:00
	// and 18:00. Each is from 00:01 to 23:59, the evening after the
	// morning.
	SlowReviewMorningAt Clock `json:"slow_review_morning_at"`
	SlowReviewEveningAt Clock `json:"slow_review_evening_at"`
	// RepeatWithin is how close in time two orders of one buyer for the
	// same SKU, both waiting to ship, must have been placed to be repeat
	// orders whose intent the agent confirms (rule O6): a double click or
	// an impulse, not a buyer who came back for more days later. The
	// sources give no number. Default 24h; at least a minute, at most 30
	// days.
	RepeatWithin Duration `json:"repeat_within"`
	// DetectExactDates turns on the buyer-message reader for requests of
	// delivery on or by an exact date (rule S6, reason
	// [MessageExactDate]): "明天必须到", "周五前一定要到", "后天能到吗",
	// "几号能到", "11号前必须到" and their Traditional Chinese forms — a
	// date, then an arrival in the same clause, with no dispatch word
	// between ("明天发货吗" asks about dispatch and is not matched). See
	// the package's buyer-message reader for the phrasings. Default true.
	DetectExactDates bool `json:"detect_exact_dates"`
	// UnsatisfiableMessages lists requests the shop cannot satisfy, as
	// literal text; a buyer message containing one makes the order a
	// problem order (category [UnsatisfiableMessage]). Matching is on
	// normalised text (full-width folded, NFKC), ignoring ASCII case.
	UnsatisfiableMessages []MessagePattern `json:"unsatisfiable_messages"`
	// Skip lists categories the triage does not report, e.g. when the
	// shop handles them elsewhere.
	Skip []Category `json:"skip,omitempty"`
	// Workers bounds the goroutines [TriagePolicy.Triage] runs a batch
	// on, for a backend that shares its cores with other work: 0, the
	// default, is up to GOMAXPROCS; 1 triages on the caller's goroutine;
	// n is at most n (and never more than GOMAXPROCS). A batch gets a
	// goroutine per 2,048 orders at most. The report is the same for
	// every bound. Negative is invalid.
	Workers int `json:"workers,omitempty"`
}

// MessagePattern is a request the shop cannot satisfy, as text a buyer's
// message contains, and the reason reported when it does.
type MessagePattern struct {
	Contains string `json:"contains"`
	// Reason is [MessageExactDate], [MessageCashBack] or
	// [MessageUnsatisfiable].
	Reason Reason `json:"reason"`
}

// DefaultTriagePolicy returns the defaults of DOMAIN.md: China Standard
// Time, a digest every 2 hours (rule O2), a day for the buyer to confirm
// cash on delivery (rule S9), shipping on the third day of a slow review
// with contact rounds at 09:00 and 18:00 (rule O5), repeat orders placed
// within a day of each other (rule O6; a kefu choice, the sources give no
// number), and as unsatisfiable the requests for an exact delivery date
// (rule S6: the buyer-message reader, and the literal phrases 指定日期,
// 指定时间 (指定時間), 准时送达 (準時送達)) and for cash back (rule R8: 返现,
// 返現).
func DefaultTriagePolicy() TriagePolicy {
	return TriagePolicy{
		Zone:                tz.Default,
		DigestEvery:         Duration(2 * time.Hour),
		CODConfirmWithin:    Duration(24 * time.Hour),
		SlowReviewShipDay:   3,
		SlowReviewMorningAt: 9 * 3600,
		SlowReviewEveningAt: 18 * 3600,
		RepeatWithin:        Duration(24 * time.Hour),
		DetectExactDates:    true,
		UnsatisfiableMessages: []MessagePattern{
			{"指定日期", MessageExactDate},
			{"指定时间", MessageExactDate},
			{"指定時間", MessageExactDate},
			{"准时送达", MessageExactDate},
			{"準時送達", MessageExactDate},
			{"返现", MessageCashBack},
			{"返現", MessageCashBack},
		},
	}
}

// Limits of a policy.
const (
	maxPatternBytes  = 200
	maxPatterns      = 1000
	maxSlowReviewDay = 30
	maxCODWait       = 30 * 24 * time.Hour
	minDigestEvery   = time.Hour
	maxDigestEvery   = 4 * time.Hour
	maxRepeatWithin  = 30 * 24 * time.Hour
)

// Validate reports the first field that is out of range as an [*Error]
// wrapping [ErrInvalidPolicy] (a bad Skip entry also wraps [ErrUnknownCategory]),
// naming the field by its JSON name.
func (p TriagePolicy) Validate() error {
	_, err := p.compile()
	return err
}

// triageRules is a validated policy, ready to run.
type triageRules struct {
	loc          *time.Location
	every        time.Duration
	codWithin    time.Duration
	shipDay      int
	morning      Clock
	evening      Clock
	repeatWithin time.Duration
	exactDates   bool
	patterns     []messagePattern
	skip         CategorySet
	workers      int // the bound on the triage's goroutines, 0 for none
}

type messagePattern struct {
	text   string // normalised, ASCII lower case
	reason Reason
}

func (p TriagePolicy) compile() (triageRules, error) {
	var r triageRules
	loc, err := tz.Location(p.Zone)
	if err != nil {
		return r, fieldErr("zone", p.Zone, ErrInvalidPolicy, "not a time zone")
	}
	r.loc = loc
	if d := time.Duration(p.DigestEvery); d < minDigestEvery || d > maxDigestEvery {
		return r, fieldErr("digest_every", p.DigestEvery.String(), ErrInvalidPolicy, "must be 1h to 4h")
	}
	r.every = time.Duration(p.DigestEvery)
	if d := time.Duration(p.CODConfirmWithin); d <= 0 || d > maxCODWait {
		return r, fieldErr("cod_confirm_within", p.CODConfirmWithin.String(), ErrInvalidPolicy, "must be above 0 and at most 720h")
	}
	r.codWithin = time.Duration(p.CODConfirmWithin)
	if p.SlowReviewShipDay < 1 || p.SlowReviewShipDay > maxSlowReviewDay {
		return r, fieldErr("slow_review_ship_day", strconv.Itoa(p.SlowReviewShipDay), ErrInvalidPolicy,
			"must be 1 to "+strconv.Itoa(maxSlowReviewDay))
	}
	r.shipDay = p.SlowReviewShipDay
	for _, c := range [...]struct {
		field string
		at    Clock
	}{{"slow_review_morning_at", p.SlowReviewMorningAt}, {"slow_review_evening_at", p.SlowReviewEveningAt}} {
		if !c.at.IsValid() || c.at < 60 || c.at > 24*3600-60 {
			return r, fieldErr(c.field, c.at.String(), ErrInvalidPolicy, "want a time of day from 00:01 to 23:59")
		}
	}
	if p.SlowReviewEveningAt <= p.SlowReviewMorningAt {
		return r, fieldErr("slow_review_evening_at", p.SlowReviewEveningAt.String(), ErrInvalidPolicy,
			"must be later than slow_review_morning_at "+p.SlowReviewMorningAt.String())
	}
	r.morning, r.evening = p.SlowReviewMorningAt, p.SlowReviewEveningAt
	if d := time.Duration(p.RepeatWithin); d < time.Minute || d > maxRepeatWithin {
		return r, fieldErr("repeat_within", p.RepeatWithin.String(), ErrInvalidPolicy, "must be 1m to 720h")
	}
	r.repeatWithin = time.Duration(p.RepeatWithin)
	r.exactDates = p.DetectExactDates
	if len(p.UnsatisfiableMessages) > maxPatterns {
		return r, fieldErr("unsatisfiable_messages", strconv.Itoa(len(p.UnsatisfiableMessages)), ErrInvalidPolicy,
			"more than "+strconv.Itoa(maxPatterns)+" patterns")
	}
	r.patterns = make([]messagePattern, 0, len(p.UnsatisfiableMessages))
	for i, m := range p.UnsatisfiableMessages {
		field := "unsatisfiable_messages[" + strconv.Itoa(i) + "]"
		if tooLong(m.Contains, maxPatternBytes) {
			return r, fieldErr(field+".contains", m.Contains, ErrInvalidPolicy, "longer than "+strconv.Itoa(maxPatternBytes)+" bytes")
		}
		n, ok := textnorm.Line(m.Contains)
		switch {
		case !ok:
			return r, fieldErr(field+".contains", m.Contains, ErrInvalidPolicy, "not valid UTF-8")
		case n == "":
			return r, fieldErr(field+".contains", m.Contains, ErrInvalidPolicy, "empty")
		case len(n) > maxPatternBytes:
			return r, fieldErr(field+".contains", m.Contains, ErrInvalidPolicy, "longer than "+strconv.Itoa(maxPatternBytes)+" bytes")
		}
		switch m.Reason {
		case MessageExactDate, MessageCashBack, MessageUnsatisfiable:
		default:
			return r, fieldErr(field+".reason", m.Reason.String(), ErrInvalidPolicy,
				"must be message_exact_date, message_cash_back or message_unsatisfiable")
		}
		n = lowerASCII(n)
		for j, q := range r.patterns {
			if q.text == n {
				return r, fieldErr(field+".contains", m.Contains, ErrInvalidPolicy,
					"same as unsatisfiable_messages["+strconv.Itoa(j)+"] once normalised")
			}
		}
		r.patterns = append(r.patterns, messagePattern{n, m.Reason})
	}
	for i, c := range p.Skip {
		if !c.IsValid() {
			return r, policyFieldErr("skip["+strconv.Itoa(i)+"]", c.String(), ErrUnknownCategory, "")
		}
		r.skip = r.skip.With(c)
	}
	if p.Workers < 0 {
		return r, fieldErr("workers", strconv.Itoa(p.Workers), ErrInvalidPolicy, "must be 0 (up to GOMAXPROCS) or a bound of 1 or more")
	}
	r.workers = p.Workers
	return r, nil
}

// UnmarshalJSON decodes over p, strictly: fields absent from the JSON keep
// their value, so decoding onto [DefaultTriagePolicy] overrides only what
// the file sets; a list in the JSON replaces the whole list. A key the
// policy does not have is refused and named ([ErrUnknownField]: a
// misspelled "digest_evry" is never dropped), so is a key twice; a
// duration, time of day, reason or category that does not parse is an
// error for its field ("unsatisfiable_messages[2].reason"). Every error
// also wraps [ErrInvalidPolicy]; on any error p is unchanged. UnmarshalJSON
// does not validate ranges: call [TriagePolicy.Validate].
func (p *TriagePolicy) UnmarshalJSON(b []byte) error {
	w := *p
	var patterns *patternList
	var skip *categoryList
	err := decodeObject("", b, []member{
		{"zone", &w.Zone}, {"digest_every", &w.DigestEvery}, {"cod_confirm_within", &w.CODConfirmWithin},
		{"slow_review_ship_day", &w.SlowReviewShipDay},
		{"slow_review_morning_at", &w.SlowReviewMorningAt}, {"slow_review_evening_at", &w.SlowReviewEveningAt},
		{"repeat_within", &w.RepeatWithin}, {"detect_exact_dates", &w.DetectExactDates},
		{"unsatisfiable_messages", &patterns}, {"skip", &skip}, {"workers", &w.Workers},
	})
	if err != nil {
		return asPolicyErr(err)
	}
	// Lists are decoded afresh, never into p's own arrays, which p must
	// keep if the JSON turns out bad.
	if patterns != nil {
		w.UnsatisfiableMessages = *patterns
	}
	if skip != nil {
		w.Skip = *skip
	}
	*p = w
	return nil
}

// asPolicyErr makes err, an error of decoding a policy, also match
// [ErrInvalidPolicy].
func asPolicyErr(err error) error {
	e, ok := err.(*Error)
	if !ok || e.Err == ErrInvalidPolicy || e.Cause == ErrInvalidPolicy {
		return err
	}
	c := *e
	if c.Cause == nil {
		c.Cause = ErrInvalidPolicy
	}
	return &c
}

// patternList decodes the unsatisfiable messages of a policy one by one.
type patternList []MessagePattern

func (l *patternList) UnmarshalJSON(b []byte) error {
	ps, err := decodeArray(b, maxPatterns, func(raw []byte, m *MessagePattern) error { return m.UnmarshalJSON(raw) })
	if err != nil {
		return err
	}
	*l = ps
	return nil
}

// categoryList decodes the categories a policy skips one by one.
type categoryList []Category

func (l *categoryList) UnmarshalJSON(b []byte) error {
	cs, err := decodeArray(b, int(numCategories), func(raw []byte, c *Category) error {
		return decodeMember("", "", raw, c)
	})
	if err != nil {
		return err
	}
	*l = cs
	return nil
}

// UnmarshalJSON decodes {"contains","reason"} strictly: an unknown key or
// reason is an error for its field, and m is left unchanged.
func (m *MessagePattern) UnmarshalJSON(b []byte) error {
	var n MessagePattern
	if err := decodeObject("", b, []member{{"contains", &n.Contains}, {"reason", &n.Reason}}); err != nil || isNull(b) {
		return err
	}
	*m = n
	return nil
}

// lowerASCII lower-cases ASCII letters, allocating only when there are
// some to change.
func lowerASCII(s string) string {
	i := 0
	for i < len(s) && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for j := i; j < len(b); j++ {
		if c := b[j]; c >= 'A' && c <= 'Z' {
			b[j] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// containsFold reports whether s contains the lower-case pattern p,
// ignoring ASCII case in s, without allocating.
func containsFold(s, p string) bool {
	for i := 0; i+len(p) <= len(s); i++ {
		j := 0
		for j < len(p) {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != p[j] {
				break
			}
			j++
		}
		if j == len(p) {
			return true
		}
	}
	return false
}
