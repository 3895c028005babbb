package shipping

import (
	"slices"
	"time"

	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Prepared is a [Policy] made ready for the hot path: what the policy
// implies is worked out once, when the backend loads it, so that a
// decision on an order only reads tables. Build it with [Prepare] and keep
// it as long as the policy stands; a backend holds one per shop policy
// (a map[string]*Prepared) and prepares again when the policy changes.
//
// A Prepared holds the free-shipping rules in fen (thresholds, standard
// postage per region), a table per region of what the rule says about it
// (excluded, served by a carrier, freight collect), the excluded SKUs as
// a set and the free-shipping promotions sorted by start, so that the
// rule in force is found by binary search. It decides exactly as the
// Policy it was prepared from ([Policy.FreeShipping]); a test holds the
// two to agreement over tables of edge policies, a fuzz target and the
// 100,000-order fixture of internal/perftest.
//
// A Prepared is immutable and safe for concurrent use; it keeps its own
// copy of the policy, so changing the Policy value it came from changes
// nothing. The zero Prepared, and a nil one, decide as the zero Policy
// does; neither is useful.
type Prepared struct {
	policy Policy // a deep copy, valid
	ready  bool   // built by Prepare
	free   preparedRule
	promos []preparedPromotion // by start; they never overlap
	table  *ruleTable          // free, when it decides on region and amount alone
	// decide is FreeShipping's path for this policy: tableFreeShipping
	// with a table, else (*Prepared).freeShipping. A call through it
	// costs the caller no more than a direct one, and lets FreeShipping
	// inline into it and the table's path run without a frame.
	decide func(*Prepared, *order.Order) FreeShippingDecision
}

// regionSlots bounds the region tables: every [order.Region] is below it
// (a test checks it), and a value at or above it is no region.
const regionSlots = 64

// preparedRule is a [FreeShippingRule] in fen, with a row per region.
type preparedRule struct {
	threshold   int64 // fen; 0 is no amount threshold
	minQuantity int
	requireBoth bool
	skus        skuSet
	regions     [regionSlots]regionRow
}

// regionRow is what a rule says about one region.
type regionRow struct {
	// bad holds the reasons the region alone gives for not shipping
	// free: FreeShippingOff (the rule's, for every region),
	// RegionMissing, ExcludedRegion.
	bad ReasonSet
	// stands: no postage applies and what was charged stands — the
	// region is none, or no carrier of the shop serves it (rule S4).
	stands bool
	// collect: Hong Kong, Macao or Taiwan, SF freight collect (rules S3,
	// P6).
	collect bool
	// standard is the standard postage to the region in fen; 0 when the
	// shop prices it order by order.
	standard int64
}

// preparedPromotion is a free-shipping promotion with its rule prepared
// and its index in [Policy.FreePromotions].
type preparedPromotion struct {
	start, end time.Time
	index      int
	rule       preparedRule
}

// skuSet holds a rule's excluded SKUs: a short list is scanned, a long
// one hashed.
type skuSet struct {
	list []string
	set  map[string]struct{}
}

// skuScanMax is the longest list of excluded SKUs scanned rather than
// hashed: comparing a few short strings beats hashing one.
const skuScanMax = 8

func newSKUSet(skus []string) skuSet {
	if len(skus) <= skuScanMax {
		return skuSet{list: append([]string(nil), skus...)}
	}
	m := make(map[string]struct{}, len(skus))
	for _, s := range skus {
		m[s] = struct{}{}
	}
	return skuSet{set: m}
}

func (s *skuSet) empty() bool { return len(s.list) == 0 && len(s.set) == 0 }

// excludes reports whether o holds a line, not a gift, of an excluded
// SKU. It is kept out of line: most policies exclude no SKU, and the
// line it reads would otherwise take room on every decision's stack.
//
//go:noinline
func (s *skuSet) excludes(o *order.Order) bool {
	for i := range o.NumLines() {
		if l := o.Line(i); !l.Gift && s.has(l.SKU) {
			return true
		}
	}
	return false
}

func (s *skuSet) has(sku string) bool {
	if s.set != nil {
		_, ok := s.set[sku]
		return ok
	}
	return containsString(s.list, sku)
}

// Prepare checks p with [Policy.Validate] and returns it prepared for the
// hot path. An invalid policy is the error Validate returns, and no
// Prepared.
//
// Preparing costs a few microseconds for the default policy (more with
// many promotions or excluded SKUs); it allocates the Prepared and its
// copy of the policy, and nothing after.
func Prepare(p Policy) (*Prepared, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	c := p.clone()
	pp := &Prepared{policy: c, ready: true}
	pp.free = c.prepareRule(&c.Free)
	if len(c.FreePromotions) == 0 && pp.free.skus.empty() && pp.free.minQuantity == 0 {
		pp.table = newRuleTable(&pp.free)
	}
	pp.decide = (*Prepared).freeShipping
	if pp.table != nil {
		pp.decide = tableFreeShipping
	}
	if n := len(c.FreePromotions); n > 0 {
		// By start: Validate refused overlapping periods, so no two
		// starts are equal.
		idx := make([]int, n)
		for i := range idx {
			idx[i] = i
		}
		slices.SortFunc(idx, func(a, b int) int { return c.FreePromotions[a].Start.Compare(c.FreePromotions[b].Start) })
		pp.promos = make([]preparedPromotion, n)
		for k, i := range idx {
			fp := &c.FreePromotions[i]
			pp.promos[k] = preparedPromotion{start: fp.Start, end: fp.End, index: i, rule: c.prepareRule(&fp.Rule)}
		}
	}
	return pp, nil
}

// prepareRule works out what r says about each region, in fen. p is
// valid, so every amount converts.
func (p *Policy) prepareRule(r *FreeShippingRule) preparedRule {
	threshold, _ := yuan.Fen(r.Threshold)
	pr := preparedRule{threshold: threshold, minQuantity: r.MinQuantity, requireBoth: r.RequireBoth,
		skus: newSKUSet(r.ExcludedSKUs)}
	for i := range pr.regions {
		reg := order.Region(i)
		row := &pr.regions[i]
		if r.Off {
			row.bad = row.bad.With(FreeShippingOff)
		}
		switch {
		case !reg.IsValid():
			row.bad = row.bad.With(RegionMissing)
		case containsRegion(r.ExcludedRegions, reg):
			row.bad = row.bad.With(ExcludedRegion)
		}
		row.stands = !reg.IsValid() || !reg.HKMOTW() && !p.served(reg)
		row.collect = reg.HKMOTW()
		row.standard = r.postageFor(reg)
	}
	return pr
}

// Policy returns a copy of the policy p was prepared from.
func (p *Prepared) Policy() Policy {
	if p == nil {
		return Policy{}
	}
	return p.policy.clone()
}

// ruleAt returns the prepared rule in force at t and the index of its
// promotion in [Policy.FreePromotions], or -1 for the everyday rule: the
// last promotion starting at or before t, if t is before its end.
func (p *Prepared) ruleAt(t time.Time) (*preparedRule, int) {
	lo, hi := 0, len(p.promos) // promos[:lo] start at or before t
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.Before(p.promos[m].start) {
			hi = m
		} else {
			lo = m + 1
		}
	}
	if lo > 0 && t.Before(p.promos[lo-1].end) {
		return &p.promos[lo-1].rule, p.promos[lo-1].index
	}
	return &p.free, -1
}

// FreeShipping decides whether o ships free and what postage it should
// have been charged, exactly as [Policy.FreeShipping] does with the
// policy p was prepared from (rules S1, S2, S3, S4, P6) — see there for
// the rules. It reads the region table and fen amounts prepared once,
// so it is the call for a backend's hot path and a batch over all
// orders; it does not allocate. See BenchmarkFreeShippingVsHandwritten
// for how it compares with the same rule written by hand in int64 fen.
// A nil order gets the zero decision.
func (p *Prepared) FreeShipping(o *order.Order) FreeShippingDecision {
	decide := (*Prepared).freeShipping
	if p != nil && p.decide != nil {
		decide = p.decide
	}
	return decide(p, o)
}

// tableFreeShipping is FreeShipping for a Prepared with a rule table: the
// everyday rule on amount alone, two table reads and three comparisons
// (see ruleTable). It calls nothing, so that it needs no frame.
func tableFreeShipping(p *Prepared, o *order.Order) FreeShippingDecision {
	if o == nil {
		return FreeShippingDecision{}
	}
	t := p.table
	a := orderfen.Of(o)
	net, charged := a.NetGoods, a.Postage
	met := net >= t.threshold
	// A built order's region is below regionSlots (a test checks it); the
	// mask only spares the bounds check.
	c := &t.cells[b2i(met)][o.Region()&(regionSlots-1)]
	should := c.should + charged&c.keep
	head := c.head
	switch {
	case charged > should:
		head |= c.over
	case charged < should:
		head |= c.under
	case charged == 0:
		head |= c.missing
	}
	var shortfall int64
	if !met {
		shortfall = t.threshold - net
	}
	return FreeShippingDecision{head: head, shortfall: shortfall, charged: charged, shouldCharge: should}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// ruleTable is a rule that decides on the order's region and goods
// amount alone — no promotions, no excluded SKUs, no quantity threshold,
// which is the default policy and most shops' — worked out for every
// region and both sides of the threshold, so that a decision is a cell
// and three comparisons of the postage charged.
type ruleTable struct {
	threshold int64                     // fen; below every amount when the rule has none
	cells     [2][regionSlots]tableCell // [met][region]
}

// tableCell is the decision for one region on one side of the
// threshold, but for the postage charged: its verdict and reasons packed
// in head; the postage that should have been charged is should, plus
// what was charged when keep is -1 (what was charged stands); over,
// under and missing are the reasons a charge above, below or at zero and
// equal to it adds, packed as head is.
type tableCell struct {
	head, over, under, missing freeHead
	should, keep               int64
}

// newRuleTable tables r, which must decide on region and amount alone,
// as [Prepared.freeShipping] decides with it.
func newRuleTable(r *preparedRule) *ruleTable {
	t := &ruleTable{threshold: r.threshold}
	if r.threshold == 0 {
		t.threshold = -yuan.MaxFen - 1 // every net amount meets it
	}
	for met := range 2 {
		for reg := range regionSlots {
			row, c := &r.regions[reg], &t.cells[met][reg]
			bad := row.bad
			if met == 0 && r.threshold > 0 {
				bad = bad.With(BelowThreshold)
			}
			v, reasons := verdict(bad), bad
			allowed := v == order.Allowed
			switch { // as freeShipping works out should
			case row.stands:
				c.keep = -1
			case allowed:
			case row.collect:
				c.keep = -1
				reasons = reasons.With(FreightCollect)
			case row.standard > 0:
				c.should = row.standard
			default:
				c.keep = -1
			}
			c.head = packHead(v, reasons, -1, 0)
			if !row.stands && (allowed || !row.collect) {
				c.over, c.under = reasonHead(PostageOvercharged), reasonHead(PostageUndercharged)
				if !allowed {
					c.missing = reasonHead(PostageMissing)
				}
			}
		}
	}
	return t
}

// reasonHead is r alone, packed as in a decision's head, to be or-ed in.
func reasonHead(r Reason) freeHead { return freeHead(ReasonSet(0).With(r)) }

// freeShipping is FreeShipping for any rule.
func (p *Prepared) freeShipping(o *order.Order) FreeShippingDecision {
	if p == nil || !p.ready {
		return zeroPolicyFreeShipping(o)
	}
	if o == nil {
		return FreeShippingDecision{}
	}
	// The decision is built in locals and assembled once at the end, so
	// that it stays in registers; the order's amounts are read first, in
	// one call, so that little is live across it.
	net, charged := amountsFen(o)
	rule, promo := &p.free, -1
	var reasons ReasonSet
	if len(p.promos) > 0 {
		if rule, promo = p.ruleAt(o.CreatedAt()); promo >= 0 {
			reasons = reasons.With(PromotionRules)
		}
	}
	reg := o.Region()
	row := &rule.regions[0] // no region
	if int(reg) < len(rule.regions) {
		row = &rule.regions[reg]
	}
	bad := row.bad
	if !rule.skus.empty() && rule.skus.excludes(o) {
		bad = bad.With(ExcludedSKU)
	}

	threshold := rule.threshold
	hasAmount, hasQty := threshold > 0, rule.minQuantity > 0
	var shortfall int64
	var units, unitsShort int
	if !hasAmount {
		net = 0
	}
	if hasQty {
		units = o.Units()
	}
	amountMet, qtyMet := net >= threshold, units >= rule.minQuantity
	met := amountMet && qtyMet
	if hasAmount && hasQty && !rule.requireBoth {
		met = amountMet || qtyMet
	}
	if !met {
		if hasAmount && !amountMet {
			bad = bad.With(BelowThreshold)
			shortfall = threshold - net
		}
		if hasQty && !qtyMet {
			bad = bad.With(BelowQuantity)
			unitsShort = rule.minQuantity - units
		}
	}
	reasons |= bad
	v := verdict(bad)

	should := charged
	switch {
	case row.stands:
		// No region, or no carrier serves it (rule S4): what was
		// charged stands.
	case v == order.Allowed:
		should = 0
	case row.collect:
		// Rules S3, P6: SF freight collect — what was charged up front
		// stands.
		reasons = reasons.With(FreightCollect)
	case row.standard > 0:
		should = row.standard
	}
	if !row.stands && (v == order.Allowed || !row.collect) {
		reasons |= chargeReasons(v, charged, should)
	}
	return FreeShippingDecision{head: packHead(v, reasons, promo, unitsShort),
		shortfall: shortfall, charged: charged, shouldCharge: should}
}

// amountsFen returns o's net goods and postage in fen.
func amountsFen(o *order.Order) (net, postage int64) {
	a := orderfen.Of(o)
	return a.NetGoods, a.Postage
}

// zeroPolicyFreeShipping decides as the zero Policy does, for the zero
// or nil Prepared; kept out of line so that the hot path does not carry
// a Policy on its stack.
//
//go:noinline
func zeroPolicyFreeShipping(o *order.Order) FreeShippingDecision { return Policy{}.FreeShipping(o) }

// PostageOvercharge is [Policy.PostageOvercharge] with the prepared
// free-shipping decision (rule S2).
func (p *Prepared) PostageOvercharge(o *order.Order) Overcharge {
	return overchargeOf(p.FreeShipping(o), o)
}
