package pricing

import (
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Prepared is a [Policy] made ready for the hot path: what the policy
// implies is worked out once, when the backend loads it, so that a review
// only reads integers. Build it with [Prepare] and keep it as long as the
// policy stands; a backend holds one per shop policy (a
// map[string]*Prepared) and prepares again when the policy changes.
//
// A Prepared holds every role's authority in fen and basis points, for
// the policy's own limits and each period's, the periods sorted by start
// (the limits in force at a time are found by binary search, rule A4),
// and the policy's zone resolved. It decides exactly as the Policy it
// was prepared from ([Policy.Review]): both run the same rules over the
// same integers, and tests hold the two to agreement over tables of edge
// policies, a fuzz target and the 100,000-order fixture of
// internal/perftest.
//
// A Prepared is immutable and safe for concurrent use; it keeps its own
// copy of the policy, so changing the Policy value it came from changes
// nothing. The zero Prepared, and a nil one, review nothing: every request is an error wrapping [ErrInvalidPolicy].
type Prepared struct {
	policy  Policy // a deep copy, valid
	ready   bool   // built by Prepare
	loc     *time.Location
	limits  fenLimits
	periods []preparedPeriod // by start; they never overlap
}

// preparedPeriod is a [Period] with its limits in fen.
type preparedPeriod struct {
	start, end time.Time
	name       string
	limits     fenLimits
}

// fenAuthority is an [Authority] in fen, its percentage in basis points
// (hundredths of a percent).
type fenAuthority struct {
	gift, postage, cut, cutBP int64
	erase                     bool
}

// numRoles bounds the role tables: every valid [order.Role] is below it.
const numRoles = int(order.StoreManager) + 1

// fenLimits are [Limits] in fen, indexed by role.
type fenLimits struct {
	roles      [numRoles]fenAuthority
	eraseBP    int64
	eraseTimes int
}

// newFenLimits converts l, which Validate accepted, so every amount
// converts.
func newFenLimits(l *Limits) fenLimits {
	var f fenLimits
	for _, r := range order.Roles() {
		a := l.For(r)
		f.roles[r] = fenAuthority{gift: validFen(a.Gift), postage: validFen(a.Postage), cut: validFen(a.PriceCut),
			cutBP: validFen(a.PriceCutPercent), erase: a.EraseChange}
	}
	f.eraseBP, f.eraseTimes = validFen(l.ErasePercent), l.EraseTimesPerDay
	return f
}

// validFen converts an amount of a valid policy.
func validFen(d decimal.Decimal) int64 {
	f, _ := yuan.Fen(d)
	return f
}

// limitsView is the limits in force for one review: prepared in fen, or
// the policy's decimals, of which the review converts only what it reads.
type limitsView struct {
	fen *fenLimits // prepared; nil when dec is read instead
	dec *Limits
}

// authority returns role r's authority for kind k: the prepared one, or
// the decimals converted into *buf, only the fields k needs. ok is false
// when the policy holds an amount that is not money, or r is no role.
func (v limitsView) authority(buf *fenAuthority, r order.Role, k Kind) (a *fenAuthority, ok bool) {
	if v.fen != nil {
		if int(r) >= len(v.fen.roles) {
			return nil, false
		}
		return &v.fen.roles[r], true
	}
	d := v.dec.For(r)
	if d == nil {
		return nil, false
	}
	*buf, ok = fenAuthority{}, true
	switch k {
	case Gift:
		buf.gift, ok = yuan.Fen(d.Gift)
	case Postage:
		buf.postage, ok = yuan.Fen(d.Postage)
	case PriceCut:
		var ok2 bool
		buf.cut, ok = yuan.Fen(d.PriceCut)
		buf.cutBP, ok2 = yuan.Fen(d.PriceCutPercent)
		ok = ok && ok2
	case EraseChange:
		buf.erase = d.EraseChange
	}
	return buf, ok
}

// eraseBP returns the erase share in basis points.
func (v limitsView) eraseBP() (int64, bool) {
	if v.fen != nil {
		return v.fen.eraseBP, true
	}
	return yuan.Fen(v.dec.ErasePercent)
}

// eraseTimes returns how many times a day an agent may erase change.
func (v limitsView) eraseTimes() int {
	if v.fen != nil {
		return v.fen.eraseTimes
	}
	return v.dec.EraseTimesPerDay
}

// Prepare checks p with [Policy.Validate] and returns it prepared for the
// hot path, its zone resolved. An invalid policy is the error Validate
// returns, and no Prepared.
//
// Preparing allocates the Prepared and its copy of the policy; a review
// with it allocates nothing.
func Prepare(p Policy) (*Prepared, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	c := p.clone()
	loc, err := c.location()
	if err != nil {
		return nil, err // Validate resolved it already
	}
	pp := &Prepared{policy: c, ready: true, loc: loc, limits: newFenLimits(&c.Limits)}
	if n := len(c.Periods); n > 0 {
		// By start: Validate refused overlapping periods, so no two
		// starts are equal.
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return c.Periods[a].Start.Compare(c.Periods[b].Start) })
		pp.periods = make([]preparedPeriod, n)
		for k, i := range idx {
			pe := &c.Periods[i]
			pp.periods[k] = preparedPeriod{start: pe.Start, end: pe.End, name: pe.Name, limits: newFenLimits(&pe.Limits)}
		}
	}
	return pp, nil
}

// clone returns a deep copy of p, sharing no slice with it.
func (p Policy) clone() Policy {
	p.Preference = slices.Clone(p.Preference)
	p.Periods = slices.Clone(p.Periods)
	return p
}

// Policy returns a copy of the policy p was prepared from.
func (p *Prepared) Policy() Policy {
	if p == nil {
		return Policy{}
	}
	return p.policy.clone()
}

// limitsAt returns the limits in force at t and the name of their period,
// "" for the policy's own: the last period starting at or before t, if t
// is before its end.
func (p *Prepared) limitsAt(t time.Time) (*fenLimits, string) {
	lo, hi := 0, len(p.periods) // periods[:lo] start at or before t
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.Before(p.periods[m].start) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo > 0 && t.Before(p.periods[lo-1].end) {
		return &p.periods[lo-1].limits, p.periods[lo-1].name
	}
	return &p.limits, ""
}

// Review decides the concession r exactly as [Policy.Review] does with
// the policy p was prepared from — see there for the rules (A3, A4,
// P1–P5), the usage and the errors. It reads the authorities in fen
// prepared once and the zone resolved once, so it is the call for a
// backend's hot path and a batch over all orders; it does not allocate
// for canonical ASCII IDs. See BenchmarkReviewVsHandwritten for how it
// compares with the same limits written by hand.
func (p *Prepared) Review(r Request, au AgentUsage, ou OrderUsage) (Decision, error) {
	if p == nil || !p.ready {
		return Decision{}, fieldErr("policy", "", ErrInvalidPolicy, "prepare it with pricing.Prepare")
	}
	c, err := checkRequest(&r, &au, &ou)
	if err != nil {
		return Decision{}, err
	}
	lim, period := p.limitsAt(r.At)
	return p.policy.decide(&r, &c, limitsView{fen: lim}, period, p.loc, &au, &ou)
}
