package shipping

import (
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// FreeShippingDecision says whether an order ships free (rule S1) and what
// postage it should have been charged (rule S2). It is a plain value that
// holds its amounts in fen; the methods return them as decimals in yuan.
// The zero value has no verdict, and Promotion -1.
//
// Its parts are methods, not fields: the decision is four machine words
// (what it says, packed in one, and three amounts), which the compiler
// keeps in registers from the rule to the caller's variable, where seven
// fields went through memory twice on every call (see
// BenchmarkFreeShippingVsHandwritten). Compare two decisions with ==.
type FreeShippingDecision struct {
	head                             freeHead
	shortfall, charged, shouldCharge int64 // fen
}

// freeHead packs a free-shipping decision's verdict, reasons, promotion
// and units short into one word:
//
//	bits  0–23  the reasons (every reason a free-shipping decision gives
//	            is below 24; a test checks it)
//	bits 24–25  the verdict
//	bits 26–42  the promotion's index + 1 (0 for the everyday rule)
//	bits 43–63  the units short
//
// A valid policy has at most 1,000 promotions and a quantity threshold of
// at most [yuan.MaxQuantity] units, well inside their bits; for a policy
// that fails [Policy.Validate] a larger index or shortfall saturates.
type freeHead uint64

const (
	headReasonBits = 24
	headVerdictAt  = headReasonBits
	headPromoAt    = headVerdictAt + 2
	headUnitsAt    = headPromoAt + 17
	headPromoMax   = 1<<(headUnitsAt-headPromoAt) - 2 // largest index
	headUnitsMax   = 1<<(64-headUnitsAt) - 1
)

// packHead packs a decision's head; reasons must be free-shipping
// reasons (below headReasonBits), v a verdict, promo ≥ -1 and units ≥ 0.
func packHead(v order.Verdict, reasons ReasonSet, promo, units int) freeHead {
	promo = min(promo, headPromoMax)
	units = min(units, headUnitsMax)
	return freeHead(uint64(reasons)&(1<<headReasonBits-1) | uint64(v&3)<<headVerdictAt |
		uint64(promo+1)<<headPromoAt | uint64(units)<<headUnitsAt)
}

// freeReasons are the reasons a free-shipping decision may give.
var freeReasons = order.SetOf(BelowThreshold, BelowQuantity, ExcludedRegion, ExcludedSKU, RegionMissing,
	FreeShippingOff, PromotionRules, PostageOvercharged, PostageUndercharged, PostageMissing, FreightCollect)

func (h freeHead) verdict() order.Verdict { return order.Verdict(h >> headVerdictAt & 3) }
func (h freeHead) reasons() ReasonSet     { return ReasonSet(h & (1<<headReasonBits - 1)) }
func (h freeHead) promotion() int         { return int(h>>headPromoAt&(1<<(headUnitsAt-headPromoAt)-1)) - 1 }
func (h freeHead) unitsShort() int        { return int(h >> headUnitsAt) }

// Verdict is [order.Allowed] when the order qualifies for free shipping
// and [order.Refused] when it does not; [FreeShippingDecision.Reasons]
// say why.
func (d FreeShippingDecision) Verdict() order.Verdict { return d.head.verdict() }

// Reasons say why the order does not qualify (BelowThreshold,
// BelowQuantity, ExcludedRegion, ExcludedSKU, RegionMissing,
// FreeShippingOff), which rules applied (PromotionRules), whether the
// postage charged is wrong (PostageOvercharged, PostageUndercharged,
// PostageMissing), or that it is collected on delivery (FreightCollect).
func (d FreeShippingDecision) Reasons() ReasonSet { return d.head.reasons() }

// Promotion is the index in [Policy.FreePromotions] of the promotion
// whose rule applied, or -1 for the everyday rule.
func (d FreeShippingDecision) Promotion() int { return d.head.promotion() }

// Eligible reports whether the order qualifies for free shipping: the
// verdict is [order.Allowed].
func (d FreeShippingDecision) Eligible() bool { return d.Verdict() == order.Allowed }

// Shortfall returns how much more goods the buyer would have had to pay
// for to reach the amount threshold ("add 0.01 and it ships free"); zero
// when the threshold is met or there is none.
func (d FreeShippingDecision) Shortfall() decimal.Decimal { return yuan.Dec(d.shortfall) }

// UnitsShort returns how many more units would reach the quantity
// threshold; zero when it is met or there is none.
func (d FreeShippingDecision) UnitsShort() int { return d.head.unitsShort() }

// Charged returns the postage the order was charged.
func (d FreeShippingDecision) Charged() decimal.Decimal { return yuan.Dec(d.charged) }

// ShouldCharge returns the postage the order should have been charged:
// zero when it ships free; otherwise the policy's standard postage for the
// order's region ([FreeShippingRule.RegionPostage], else
// [FreeShippingRule.Postage]), or,
// when the policy states none or the parcel goes freight collect, what
// was charged.
func (d FreeShippingDecision) ShouldCharge() decimal.Decimal { return yuan.Dec(d.shouldCharge) }

// Overcharge returns the postage charged beyond what should have been:
// the amount to give back (rule S2). Zero when nothing was overcharged.
func (d FreeShippingDecision) Overcharge() decimal.Decimal {
	return yuan.Dec(max(0, d.charged-d.shouldCharge))
}

// Undercharge returns the postage missing from what should have been
// charged; zero when nothing is missing or the policy states no standard
// postage.
func (d FreeShippingDecision) Undercharge() decimal.Decimal {
	return yuan.Dec(max(0, d.shouldCharge-d.charged))
}

// PostageWrong reports whether the postage charged is not what it should
// have been: a problem order (rule O2).
func (d FreeShippingDecision) PostageWrong() bool {
	r := d.Reasons()
	return r.Has(PostageOvercharged) || r.Has(PostageUndercharged) || r.Has(PostageMissing)
}

// ruleAt returns the free-shipping rule in force at t and the index of its
// promotion, or -1 for the everyday rule.
func (p *Policy) ruleAt(t time.Time) (*FreeShippingRule, int) {
	for i := range p.FreePromotions {
		if p.FreePromotions[i].Contains(t) {
			return &p.FreePromotions[i].Rule, i
		}
	}
	return &p.Free, -1
}

// FreeShipping decides whether o ships free (rule S1), by the rule in force
// when o was placed (a free-shipping promotion's, if one ran then), and
// whether the postage charged is right (rule S2).
//
// The amount threshold applies to the goods amount actually paid — after
// discounts, before postage ([order.Order.NetGoods]); the quantity
// threshold to the units of goods, gifts excluded. An order to an
// excluded region, or holding an excluded SKU, pays postage whatever its
// amount. An order whose address names no region is not eligible
// (RegionMissing): nobody can say where it goes, nor what postage it
// owes. A Hong Kong, Macao or Taiwan order that does not ship free goes SF
// freight collect (FreightCollect, rules S3, P6): the buyer pays SF on
// delivery, so the postage charged up front, if any, is taken as right.
// An order to a region no carrier of the shop serves owes no standard
// postage either: it cannot ship (rule S4, the out-of-area check).
//
// An order that does not ship free should have been charged the standard
// postage of its region ([FreeShippingRule.RegionPostage], else
// [FreeShippingRule.Postage]; 10.00, and 20.00 to Xinjiang and Tibet, by
// default): more is PostageOvercharged, less PostageUndercharged; with no
// standard postage, nothing charged is PostageMissing.
//
// FreeShipping does not allocate; see BenchmarkFreeShipping. It reads the
// policy's decimals and lists on every call; a backend that decides often
// prepares the policy once with [Prepare] and calls
// [Prepared.FreeShipping], which decides the same in about a tenth of the
// time. A nil order gets the zero decision.
func (p Policy) FreeShipping(o *order.Order) FreeShippingDecision {
	if o == nil {
		return FreeShippingDecision{}
	}
	// Ask the order only for what this policy needs.
	rule, promo := &p.Free, -1
	if len(p.FreePromotions) > 0 {
		rule, promo = p.ruleAt(o.CreatedAt())
	}
	var reasons, bad ReasonSet
	if promo >= 0 {
		reasons = reasons.With(PromotionRules)
	}
	if rule.Off {
		bad = bad.With(FreeShippingOff)
	}
	switch r := o.Region(); {
	case !r.IsValid():
		bad = bad.With(RegionMissing)
	case containsRegion(rule.ExcludedRegions, r):
		bad = bad.With(ExcludedRegion)
	}
	if len(rule.ExcludedSKUs) > 0 {
		for i := range o.NumLines() {
			if l := o.Line(i); !l.Gift && containsString(rule.ExcludedSKUs, l.SKU) {
				bad = bad.With(ExcludedSKU)
				break
			}
		}
	}

	threshold, _ := yuan.Fen(rule.Threshold)
	hasAmount, hasQty := threshold > 0, rule.MinQuantity > 0
	var net, shortfall int64
	var units, unitsShort int
	if hasAmount {
		net = orderfen.Of(o).NetGoods
	}
	if hasQty {
		units = o.Units()
	}
	amountMet, qtyMet := net >= threshold, units >= rule.MinQuantity
	met := amountMet && qtyMet
	if hasAmount && hasQty && !rule.RequireBoth {
		met = amountMet || qtyMet
	}
	if !met {
		if hasAmount && !amountMet {
			bad = bad.With(BelowThreshold)
			shortfall = threshold - net
		}
		if hasQty && !qtyMet {
			bad = bad.With(BelowQuantity)
			unitsShort = rule.MinQuantity - units
		}
	}
	reasons |= bad
	v := verdict(bad)

	charged := orderfen.Of(o).Postage
	should := charged
	reg := o.Region()
	standard := rule.postageFor(reg)
	checkCharge := true
	switch {
	case !reg.IsValid() || !reg.HKMOTW() && !p.served(reg):
		// Nobody can say where it goes, or no carrier of the shop serves
		// the region (rule S4): no postage applies, and what was charged
		// stands; the order's problem is elsewhere.
		checkCharge = false
	case v == order.Allowed:
		should = 0
	case reg.HKMOTW():
		// Rules S3, P6: SF freight collect — the buyer pays SF on
		// delivery, so whatever was charged up front (nothing, or the
		// amount the buyer was told) stands.
		reasons = reasons.With(FreightCollect)
		checkCharge = false
	case standard > 0:
		should = standard
	}
	if checkCharge {
		reasons |= chargeReasons(v, charged, should)
	}
	return FreeShippingDecision{head: packHead(v, reasons, promo, unitsShort),
		shortfall: shortfall, charged: charged, shouldCharge: should}
}

// chargeReasons says whether the postage charged is wrong (rule S2):
// above or below what should have been charged, or nothing charged where
// the order does not ship free and no standard postage is stated.
func chargeReasons(v order.Verdict, charged, should int64) ReasonSet {
	switch {
	case charged > should:
		return ReasonSet(0).With(PostageOvercharged)
	case charged < should:
		return ReasonSet(0).With(PostageUndercharged)
	case v != order.Allowed && charged == 0:
		return ReasonSet(0).With(PostageMissing)
	}
	return 0
}

func containsRegion(rs []order.Region, r order.Region) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
