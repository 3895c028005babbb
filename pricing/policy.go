package pricing

import (
	"encoding/json"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Authority is what one role may grant alone, per concession kind. Money
// is in yuan with at most two decimals; percentages are of the order's
// amount due ([order.Order.Paid]), with at most two decimals ("1.50" is
// 1.5%). A zero amount means the role may grant none of that kind alone.
type Authority struct {
	// Gift is the largest gift value.
	Gift decimal.Decimal `json:"gift"`
	// Postage is the largest postage concession.
	Postage decimal.Decimal `json:"postage"`
	// PriceCut is the largest price cut, as an amount …
	PriceCut decimal.Decimal `json:"price_cut"`
	// PriceCutPercent … and as a share of the order; both apply.
	PriceCutPercent decimal.Decimal `json:"price_cut_percent"`
	// EraseChange says whether the role may erase change alone, within the
	// erase limits of its [Limits] (rule P3).
	EraseChange bool `json:"erase_change"`
}

// Limits are the authorities of every role and the erase-change limits
// that apply at one time: always ([Policy.Limits]) or during a [Period].
type Limits struct {
	PreSales       Authority `json:"pre_sales"`
	InSales        Authority `json:"in_sales"`
	AfterSales     Authority `json:"after_sales"`
	ReviewHandling Authority `json:"review_handling"`
	TeamLeader     Authority `json:"team_leader"`
	StoreManager   Authority `json:"store_manager"`

	// ErasePercent caps erased change as a share of the order, for every
	// role: "1" is 1/100, rule P3's default.
	ErasePercent decimal.Decimal `json:"erase_percent"`
	// EraseTimesPerDay is how many times a day an agent may erase change
	// alone, counted per calendar day in the policy's zone: rule P3's
	// default is 3. Beyond it the agent needs approval.
	EraseTimesPerDay int `json:"erase_times_per_day"`
}

// For returns the authority of role r, or nil for an invalid role.
func (l *Limits) For(r order.Role) *Authority {
	switch r {
	case order.PreSales:
		return &l.PreSales
	case order.InSales:
		return &l.InSales
	case order.AfterSales:
		return &l.AfterSales
	case order.ReviewHandling:
		return &l.ReviewHandling
	case order.TeamLeader:
		return &l.TeamLeader
	case order.StoreManager:
		return &l.StoreManager
	}
	return nil
}

// Period is a time in which other limits apply, e.g. a big promotion such
// as Double 11, when the shop loosens authority (rule A4): from Start,
// inclusive, to End, exclusive.
type Period struct {
	Name   string    `json:"name"`
	Start  time.Time `json:"start"`
	End    time.Time `json:"end"`
	Limits Limits    `json:"limits"`
}

// Policy is a shop's pricing policy: who may grant what alone, which
// concessions the shop prefers, how much change may be erased, and the
// periods with other limits. It is plain data with JSON tags; load it from
// a file with encoding/json (decoding is strict: see
// [Policy.UnmarshalJSON]) and check it with [Policy.Validate]. Money and
// percentages encode as text with two decimals ("10.00").
//
// A Policy is read-only while in use; its methods are pure and safe for
// concurrent use. They have value receivers, like every kefu Policy, so
// pricing.DefaultPolicy().Review(…) and a map[string]Policy work; the
// copy costs a few ns of BenchmarkReview's budget. A backend's hot path
// uses the policy prepared once instead ([Prepare], [Prepared.Review]).
type Policy struct {
	// Zone is the time zone of the shop's calendar days: "" or "+08:00"
	// for China Standard Time (the default), another offset, or a zone
	// name such as "Asia/Shanghai", which needs the machine's tz
	// database the first time the process reads it (an erase count at its
	// limit, [Policy.Record]) and is then served from memory; an offset
	// needs nothing.
	Zone string `json:"zone,omitempty"`
	// Preference lists gift, postage and price cut in the order the shop
	// prefers to offer them (rule P2): by default gift, postage, price cut.
	Preference []Kind `json:"preference"`
	// Approver is the lowest role that approves concessions (rule A3: the
	// team leader, by default). A request beyond a role's authority goes
	// to the lowest role at or above Approver, and above the requester,
	// that holds the authority.
	Approver order.Role `json:"approver"`
	// Limits apply outside every period.
	Limits Limits `json:"limits"`
	// Periods with their own limits (rule A4). They must not overlap.
	Periods []Period `json:"periods,omitempty"`
}

// DefaultPolicy returns DOMAIN.md's defaults:
//
//   - Preference: gift, postage, then price cut (rule P2).
//   - Approver: the team leader and those above (rule A3).
//   - Erase change: at most 1% of the order and 3 times a day per agent;
//     pre-sales may not erase change alone (rule P3).
//   - Authority, by rule A3 (any price cut or gift is agreed by the team
//     leader): the four front-line roles may give a postage concession of
//     up to 10.00 and erase change (pre-sales excepted), and no gift or
//     price cut; the team leader up to 50.00 of gifts, 30.00 of postage
//     and a price cut of 50.00 and 10% of the order; the store manager up
//     to 500.00 of gifts, 100.00 of postage and a price cut of 500.00 and
//     30% of the order.
//   - Zone: China Standard Time; no periods.
func DefaultPolicy() Policy {
	front := Authority{Postage: yuan.Dec(1000), EraseChange: true}
	pre := front
	pre.EraseChange = false
	return Policy{
		Preference: []Kind{Gift, Postage, PriceCut},
		Approver:   order.TeamLeader,
		Limits: Limits{
			PreSales:       pre,
			InSales:        front,
			AfterSales:     front,
			ReviewHandling: front,
			TeamLeader: Authority{Gift: yuan.Dec(5000), Postage: yuan.Dec(3000),
				PriceCut: yuan.Dec(5000), PriceCutPercent: yuan.Dec(1000), EraseChange: true},
			StoreManager: Authority{Gift: yuan.Dec(50000), Postage: yuan.Dec(10000),
				PriceCut: yuan.Dec(50000), PriceCutPercent: yuan.Dec(3000), EraseChange: true},
			ErasePercent:     yuan.Dec(100),
			EraseTimesPerDay: 3,
		},
	}
}

// maxTimesPerDay bounds EraseTimesPerDay; maxZone bounds the text of a
// zone (the longest tz database name has 32 bytes).
const (
	maxTimesPerDay = 1000
	maxZone        = 64
)

// Validate checks the policy: a known zone; a known approver role; a
// preference listing gift, postage and price cut once each; amounts that
// are not negative and have at most two decimals; percentages from 0 to
// 100; authority that never decreases from one role to the next (rule
// A1); periods that are named (at most 200 bytes), end after they start
// and do not overlap. The error is an [*Error] wrapping
// [ErrInvalidPolicy] that names the field.
//
// Overlapping periods are found by sorting them by start and comparing
// each with the one before (rule A4), so that validating n periods costs
// O(n log n), not a comparison of every pair: 100,000 periods validate
// in tens of milliseconds. There is no bound on their number; [Policy.Review]
// looks a request's time up among them one by one, so a shop keeps the
// list to its real promotions.
func (p Policy) Validate() error {
	if _, err := p.location(); err != nil {
		return err
	}
	if len(p.Preference) != 3 {
		return fieldErr("preference", strconv.Itoa(len(p.Preference)), ErrInvalidPolicy, "lists gift, postage and price_cut once each")
	}
	var seen [numKinds]bool
	for i, k := range p.Preference {
		if k != Gift && k != Postage && k != PriceCut || seen[k] {
			return fieldErr("preference["+strconv.Itoa(i)+"]", k.String(), ErrInvalidPolicy, "lists gift, postage and price_cut once each")
		}
		seen[k] = true
	}
	if !p.Approver.IsValid() {
		return fieldErr("approver", p.Approver.String(), ErrInvalidPolicy, "a role")
	}
	if err := p.Limits.validate("limits"); err != nil {
		return err
	}
	for i, pe := range p.Periods {
		f := "periods[" + strconv.Itoa(i) + "]"
		if pe.Name == "" {
			return fieldErr(f+".name", "", ErrInvalidPolicy, "a period has a name")
		}
		if len(pe.Name) > maxName || !utf8.ValidString(pe.Name) {
			return fieldErr(f+".name", pe.Name, ErrInvalidPolicy, "at most "+strconv.Itoa(maxName)+" bytes of UTF-8")
		}
		if pe.Start.IsZero() || !pe.End.After(pe.Start) {
			return fieldErr(f+".end", pe.End.Format(time.RFC3339), ErrInvalidPolicy, "must be after start "+pe.Start.Format(time.RFC3339))
		}
		if err := pe.Limits.validate(f + ".limits"); err != nil {
			return err
		}
	}
	return p.checkOverlaps()
}

// checkOverlaps reports the first two periods that overlap, in order of
// their starts: the later of the two in the list is the field named.
// Every period ends after it starts (Validate checked it), so among
// periods sorted by start that do not overlap so far, the last one ends
// last: comparing each with the one before finds every overlap.
func (p *Policy) checkOverlaps() error {
	if len(p.Periods) < 2 {
		return nil
	}
	idx := make([]int, len(p.Periods))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := p.Periods[a].Start.Compare(p.Periods[b].Start); c != 0 {
			return c
		}
		return a - b
	})
	for k := 1; k < len(idx); k++ {
		i, j := idx[k], idx[k-1]
		if p.Periods[i].Start.Before(p.Periods[j].End) {
			i, j = max(i, j), min(i, j)
			return fieldErr("periods["+strconv.Itoa(i)+"]", p.Periods[i].Name, ErrInvalidPolicy,
				"overlaps periods["+strconv.Itoa(j)+"] "+strconv.Quote(p.Periods[j].Name))
		}
	}
	return nil
}

var roleFields = [...]string{"", "pre_sales", "in_sales", "after_sales", "review_handling", "team_leader", "store_manager"}

func (l *Limits) validate(f string) error {
	var prev *Authority
	for _, r := range order.Roles() {
		a := l.For(r)
		rf := f + "." + roleFields[r]
		if err := a.validate(rf); err != nil {
			return err
		}
		if prev != nil {
			// Rule A1: authority increases with the role, so a role never
			// holds less than the one below it.
			for _, c := range [...]struct {
				name      string
				have, low decimal.Decimal
			}{{"gift", a.Gift, prev.Gift}, {"postage", a.Postage, prev.Postage},
				{"price_cut", a.PriceCut, prev.PriceCut}, {"price_cut_percent", a.PriceCutPercent, prev.PriceCutPercent}} {
				if c.have.LessThan(c.low) {
					return fieldErr(rf+"."+c.name, yuan.Text(c.have), ErrInvalidPolicy,
						"below "+yuan.Text(c.low)+" of "+roleFields[r-1]+": authority increases with the role (rule A1)")
				}
			}
			if prev.EraseChange && !a.EraseChange {
				return fieldErr(rf+".erase_change", "false", ErrInvalidPolicy,
					roleFields[r-1]+" may erase change: authority increases with the role (rule A1)")
			}
		}
		prev = a
	}
	if err := percent(f+".erase_percent", l.ErasePercent); err != nil {
		return err
	}
	if l.EraseTimesPerDay < 0 || l.EraseTimesPerDay > maxTimesPerDay {
		return fieldErr(f+".erase_times_per_day", strconv.Itoa(l.EraseTimesPerDay), ErrInvalidPolicy,
			"must be 0 to "+strconv.Itoa(maxTimesPerDay))
	}
	return nil
}

func (a *Authority) validate(f string) error {
	for _, c := range [...]struct {
		name string
		d    decimal.Decimal
	}{{"gift", a.Gift}, {"postage", a.Postage}, {"price_cut", a.PriceCut}} {
		if fen, ok := yuan.Fen(c.d); !ok || fen < 0 {
			return fieldErr(f+"."+c.name, yuan.Text(c.d), ErrInvalidPolicy, "an amount of at least 0 with at most two decimals")
		}
	}
	return percent(f+".price_cut_percent", a.PriceCutPercent)
}

func percent(f string, d decimal.Decimal) error {
	if bp, ok := yuan.Fen(d); !ok || bp < 0 || bp > 10000 {
		return fieldErr(f, yuan.Text(d), ErrInvalidPolicy, "a percentage from 0 to 100 with at most two decimals")
	}
	return nil
}

// location returns the policy's time zone.
func (p *Policy) location() (*time.Location, error) {
	if len(p.Zone) > maxZone {
		return nil, fieldErr("zone", p.Zone, ErrInvalidPolicy, "unknown time zone")
	}
	loc, err := tz.Location(p.Zone)
	if err != nil {
		return nil, fieldErr("zone", p.Zone, ErrInvalidPolicy, "unknown time zone")
	}
	return loc, nil
}

// limitsAt returns the limits that apply at t and the name of their
// period, "" for the policy's own.
func (p *Policy) limitsAt(t time.Time) (*Limits, string) {
	for i := range p.Periods {
		pe := &p.Periods[i]
		if !t.Before(pe.Start) && t.Before(pe.End) {
			return &pe.Limits, pe.Name
		}
	}
	return &p.Limits, ""
}

type authorityJSON struct {
	Gift            fixed `json:"gift"`
	Postage         fixed `json:"postage"`
	PriceCut        fixed `json:"price_cut"`
	PriceCutPercent fixed `json:"price_cut_percent"`
	EraseChange     bool  `json:"erase_change"`
}

// MarshalJSON encodes amounts and the percentage as text with two
// decimals: {"gift":"50.00", …}.
func (a Authority) MarshalJSON() ([]byte, error) {
	return json.Marshal(authorityJSON{fixed(a.Gift), fixed(a.Postage), fixed(a.PriceCut), fixed(a.PriceCutPercent), a.EraseChange})
}

type limitsJSON struct {
	PreSales         Authority `json:"pre_sales"`
	InSales          Authority `json:"in_sales"`
	AfterSales       Authority `json:"after_sales"`
	ReviewHandling   Authority `json:"review_handling"`
	TeamLeader       Authority `json:"team_leader"`
	StoreManager     Authority `json:"store_manager"`
	ErasePercent     fixed     `json:"erase_percent"`
	EraseTimesPerDay int       `json:"erase_times_per_day"`
}

// MarshalJSON encodes the erase percentage as text with two decimals.
func (l Limits) MarshalJSON() ([]byte, error) {
	return json.Marshal(limitsJSON{l.PreSales, l.InSales, l.AfterSales, l.ReviewHandling, l.TeamLeader, l.StoreManager,
		fixed(l.ErasePercent), l.EraseTimesPerDay})
}
